import math

import pandas as pd
import pytest

from toolkit.compare.comparison import compare
from toolkit.compare.same_event import SAME_EVENT_FLOOR, event_groups
from toolkit.corpus.documents import load_corpus
from toolkit.pipeline import analyze
from toolkit.present.profile_sections import profile_blocks
from toolkit.present.sections import event_blocks


def _pairs(edges):
    rows = [(a, b, s) for a, b, s in edges] + [(b, a, s) for a, b, s in edges]
    return pd.DataFrame(rows, columns=["source_a", "source_b", "similarity"])


def test_groups_are_connected_components_at_the_floor_largest_first():
    pairs = _pairs([("a", "b", 0.1), ("b", "c", 0.5), ("c", "d", SAME_EVENT_FLOOR), ("e", "a", 0.05)])
    table = event_groups(pairs, ["a", "b", "c", "d", "e", "f"])
    assert table["doc_id"].tolist() == ["a", "b", "c", "d", "e", "f"]
    groups = dict(zip(table["doc_id"], table["event_group"]))
    assert groups["b"] == groups["c"] == groups["d"] == 1
    assert len({groups["a"], groups["e"], groups["f"], 1}) == 4
    a = table.set_index("doc_id").loc["a"]
    assert a["nearest"] == "b" and math.isclose(a["nearest_similarity"], 0.1)
    f = table.set_index("doc_id").loc["f"]
    assert f["nearest"] == "" and math.isnan(f["nearest_similarity"]) and f["group_size"] == 1


def test_one_group_gives_no_warning():
    table = event_groups(_pairs([("a", "b", 0.4)]), ["a", "b"])
    assert event_blocks({"event_groups": table}) == []


STORY_A = ("Ferry sinks off Veloria\n\nA passenger ferry sank off the Veloria coast on Tuesday, and the coast guard said "
           "212 passengers were rescued by fishing boats. Divers searched the hull of the ferry for missing passengers. "
           "The ferry operator said the vessel had passed its safety inspection.\n")
STORY_B = ("Ferry disaster off Veloria\n\nRescuers pulled 212 passengers from the sea after a ferry sank off Veloria, "
           "the coast guard said. Divers were searching the ferry for the missing. The operator of the ferry said its "
           "inspection had been passed.\n")
STORY_C = ("Orchestra opens season\n\nThe city orchestra opened its concert season with a symphony by a young composer. "
           "Critics praised the violins and the conductor. Tickets for the winter concerts sold out within an hour.\n")


@pytest.fixture(scope="module")
def two_stories(tmp_path_factory):
    """Two articles on one ferry sinking and one on a concert: the corpus and its compared tables."""
    folder = tmp_path_factory.mktemp("two_stories")
    for name, text in {"one": STORY_A, "two": STORY_B, "three": STORY_C}.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus(folder)
    tables = analyze(corpus)
    tables.update(compare(corpus, tables, resamples=20))
    return corpus, tables


def test_report_warns_when_an_article_reports_another_event(two_stories):
    corpus, tables = two_stories
    groups = tables["event_groups"].set_index("doc_id")["event_group"]
    assert groups["one"] == groups["two"] != groups["three"]
    text = " ".join(block[1] for block in event_blocks(tables))
    assert "may not report one event" in text and "`three` alone" in text
    three = next(str(block[1]) for block in profile_blocks(corpus, tables) if str(block[1]).startswith("**`three`**"))
    assert "may report another event" in three and "It leaves out" not in three


def test_an_article_on_another_event_leaves_nothing_out_and_states_no_fact(two_stories):
    from toolkit.present.facts_sections import omission_items

    _, tables = two_stories
    items = omission_items(tables)
    assert len(items) == 0 or not any("three" in row for row in items["omitters"]) and not any(
        "three" in row for row in items["short_omitters"])
    cover = tables["coverage"]
    veloria = cover[cover["label"].str.contains("Veloria")]
    assert len(veloria) and "three" not in set(veloria["source"])
    assert "three" not in set(tables["facts"]["source"])


def test_copies_of_one_text_are_found_and_counted_as_one():
    from toolkit.compare.copies import copies, copy_of
    reuse = pd.DataFrame({"source_a": ["a", "a", "b"], "source_b": ["b", "b", "c"], "words": [60, 30, 9]})
    documents = pd.DataFrame({"doc_id": ["a", "b", "c"], "words": [100, 120, 300]})
    pairs = copies(reuse, documents)
    # a and b share 90 of a's 100 words: copies; b and c share 9 words: one quote, not a copy
    assert pairs[["doc_a", "doc_b"]].values.tolist() == [["a", "b"]] and pairs["share"].iloc[0] == 0.9
    assert copy_of(pairs) == {"a": "a", "b": "a"}


def test_news_reports_dated_days_apart_are_not_one_event_however_alike():
    import datetime as dt
    pairs = _pairs([("a", "b", 0.45), ("b", "c", 0.42)])
    days = {"a": dt.date(2016, 10, 7), "b": dt.date(2016, 10, 28), "c": dt.date(2016, 10, 9)}
    table = event_groups(pairs, ["a", "b", "c"], days=days)
    assert table["event_group"].nunique() == 3
    near = {"b": dt.date(2016, 10, 8)}
    assert event_groups(pairs, ["a", "b", "c"], days={**days, **near})["event_group"].nunique() == 1
    # a document without a date links by its vocabulary alone
    assert event_groups(pairs, ["a", "b", "c"], days={"a": days["a"]})["event_group"].nunique() == 1


def test_news_days_leave_out_columns():
    from toolkit.compare.same_event import news_days
    documents = pd.DataFrame({"doc_id": ["a", "b"], "published": ["2016-10-07", "2016-10-28"],
                              "text_type": ["news_report", "opinion"]})
    assert list(news_days(documents)) == ["a"]


def _same_day_tables(second_place: str) -> dict:
    groups = pd.DataFrame({"doc_id": ["a", "b"], "event_group": [1, 2], "nearest": ["b", "a"],
                           "nearest_similarity": [0.1, 0.1]})
    documents = pd.DataFrame({"doc_id": ["a", "b"], "published": ["2031-05-02", "2031-05-02"],
                              "text_type": ["news_report", "news_report"]})
    first = "Eleven people were killed in shelling of Norbury on Friday."
    second = f"Six civilians were killed by rockets in {second_place} on Friday."
    sentences = pd.DataFrame({"doc_id": ["a", "b"], "sentence_id": [0, 0], "start": [0, 0],
                              "end": [len(first), len(second)], "text": [first, second]})
    quantities = pd.DataFrame({"group_id": ["q1"], "label": ["people killed"], "members": ["a:0-6;b:0-3"]})
    return {"event_groups": groups, "documents": documents, "sentences": sentences, "quantity_groups": quantities}


def test_same_day_figures_of_one_place_from_two_groups_are_named_as_a_possible_pair():
    text = " ".join(block[1] for block in event_blocks(_same_day_tables("Norbury")))
    assert "`a` and `b` give “people killed” in sentences that both name Norbury" in text
    assert "may tell one event in words too different to be grouped, or two events" in text
    # figures of another place: no pair
    text = " ".join(block[1] for block in event_blocks(_same_day_tables("Vale")))
    assert "Dated within a day" not in text


def test_no_shared_fact_within_a_group_points_to_the_figures_of_articles_of_different_events():
    from toolkit.present.facts_sections import facts_blocks

    tables = _same_day_tables("Norbury")
    tables["quantity_groups"] = tables["quantity_groups"].assign(n_sources=2)
    tables["facts"] = pd.DataFrame()
    text = " ".join(block[1] for block in facts_blocks(tables))
    assert "stated by two sources of one event group" in text
    assert "1 quantity is given by articles that may report different events" in text
