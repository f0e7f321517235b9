"""The kind of text next to each source's name, and the note when a comparison mixes kinds."""

import pandas as pd

from toolkit.present.kinds import kind_headers, mix, named, side_by_side, source_kinds, with_kind_column


def _tables(kinds):
    documents = pd.DataFrame({"doc_id": list(kinds), "text_type": list(kinds.values())})
    return {"documents": documents}


def test_kinds_are_read_through_the_source_map():
    tables = _tables({"a1": "news_report", "a2": "opinion", "b": "news_report"})
    tables["sources"] = pd.DataFrame({"doc_id": ["a1", "a2", "b"], "source": ["A", "A", "B"]})
    kinds = source_kinds(tables)
    assert kinds == {"A": ("news_report", "opinion"), "B": ("news_report",)}
    assert named("A", kinds) == "`A` (news report, opinion / column)" and named("B", kinds, code=False) == "B (news report)"


def test_untyped_documents_leave_names_as_they_were():
    tables = {"documents": pd.DataFrame({"doc_id": ["a"]})}
    kinds = source_kinds(tables)
    assert kinds == {} and named("a", kinds) == "`a`"
    shown = pd.DataFrame({"source": ["a"], "x": [1]})
    assert with_kind_column(shown, kinds).equals(shown) and kind_headers(shown, ["a"], kinds).equals(shown)


def test_side_by_side_only_when_kinds_differ():
    kinds = {"a": ("opinion",), "b": ("news_report",), "c": ("news_report",), "d": ("analysis",)}
    assert side_by_side("b", ["c"], kinds) == ""
    assert side_by_side("a", ["b", "c", "d"], kinds).startswith("This sets an opinion column beside 2 news reports and an analysis")
    assert mix(kinds) == "2 news reports, an opinion column and an analysis" and mix({"b": ("news_report",)}) == ""


def test_kind_column_sits_next_to_the_name():
    kinds = {"a": ("analysis",)}
    shown = with_kind_column(pd.DataFrame({"source": ["a"], "words": [10]}), kinds)
    assert list(shown.columns) == ["source", "type of text", "words"] and shown.iloc[0, 1] == "analysis"
    assert list(kind_headers(pd.DataFrame({"frame": ["x"], "a": ["5%"]}), ["a"], kinds).columns) == ["frame", "a (analysis)"]


def test_among_names_the_kinds_of_one_comparison():
    from toolkit.present.kinds import among

    kinds = {"a": ("conversational_reply",), "b": ("analysis",), "c": ("news_report",)}
    assert among(["a", "b", "c"], kinds) == "This sets a news report beside an analysis and a conversational reply."
    assert among(["b", "b"], kinds) == "" and among(["b", "x"], kinds) == ""
