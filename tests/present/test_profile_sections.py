import pandas as pd
import pytest

from toolkit.compare.comparison import compare
from toolkit.pipeline import analyze
from toolkit.present.profile_sections import profile_blocks


@pytest.fixture(scope="module")
def tables(seeds_corpus):
    tables = analyze(seeds_corpus)
    tables.update(compare(seeds_corpus, tables, resamples=200))
    return tables


def _paragraphs(blocks):
    return {b[1].split("`")[1]: b[1] for b in blocks if b[0] == "p" and b[1].startswith("**`")}


def test_one_paragraph_per_source_with_figures_from_the_tables(seeds_corpus, tables):
    paragraphs = _paragraphs(profile_blocks(seeds_corpus, tables))
    assert list(paragraphs) == list(dict.fromkeys(tables["sources"]["source"]))
    words = tables["documents"].set_index("doc_id")["words"]
    profiles = tables["profiles"].set_index(["source", "measure"])["value"]
    for source, text in paragraphs.items():
        assert f"{int(words[source]):,} words" in text
        # every frame share named is the profile's value, as the comparisons count it
        for frame in ("economic", "external_regulation_reputation"):
            share = f"({profiles[(source, f'frame_share_{frame}')]:.0%})"
            if frame.split("_")[0] in text.split("Its most frequent frames:")[1].split(".")[0].lower():
                assert share in text


def test_tone_is_named_only_when_it_survives(seeds_corpus, tables):
    paragraphs = _paragraphs(profile_blocks(seeds_corpus, tables))
    contrasts = tables["contrasts"]
    tone = contrasts[contrasts["measure"].isin(["tone_vader_mean", "tone_news_mean"]) & contrasts["survives"]]
    both = {s for s, group in tone.groupby("source") if len(group) == 2 and (group["difference"] > 0).nunique() == 1}
    for source, text in paragraphs.items():
        if source in both:  # a tone difference is named only when both methods find it
            assert "Its tone is" in text and "by both methods" in text
        else:
            assert "Its mean tone cannot be told apart" in text


def test_optional_tables_are_used_when_present(seeds_corpus, tables):
    source = tables["sources"]["source"].iloc[0]
    others = [s for s in tables["sources"]["source"] if s != source]
    documents = tables["documents"].assign(text_type="opinion or column", text_type_evidence="first-person views")
    facts = pd.DataFrame({"label": ["the date of the signing"], "state": ["agree"], source: ["not mentioned"],
                          **{s: ["on a Monday"] for s in others}})
    voices = pd.DataFrame({"doc_id": [source, source], "name": ["a harbour official", "a harbour official"]})
    text = _paragraphs(profile_blocks(seeds_corpus, {**tables, "documents": documents, "facts": facts, "voices": voices}))[source]
    assert "It reads as an opinion or column (first-person views)." in text
    assert "a harbour official ×2" in text
    assert f"the date of the signing ({len(others)} of {len(others)} others)" in text
    bare = {**tables, "documents": tables["documents"].drop(columns=["text_type", "text_type_evidence"], errors="ignore")}
    plain = _paragraphs(profile_blocks(seeds_corpus, bare))[source]
    assert "It reads as" not in plain


def test_only_it_has_no_vague_amount_nor_a_figure_another_source_gives_in_other_words():
    from toolkit.present.profile_sections import _alone
    groups = pd.DataFrame({"group_id": ["g1", "g2", "g3", "g4", "g5"], "n_sources": [1] * 5,
                           "sources": ["a", "a", "a", "b", "a"], "kind": ["count"] * 5})
    numbers = pd.DataFrame({
        "doc_id": ["a", "a", "a", "b", "a"], "group_id": ["g1", "g2", "g3", "g4", "g5"],
        "surface": ["thousands of residents", "65 people", "14 bridges", "65 civilians", "14 bridges"],
        "kind": ["count"] * 5, "unit": ["resident", "person", "bridge", "civilian", "bridge"],
        "low": [2000.0, 65.0, 14.0, 65.0, 14.0], "high": [1e9, 65.0, 14.0, 65.0, 14.0]})
    tone = pd.DataFrame({"actor": ["X"], "source": ["a"], "mentions": [1]})
    text = _alone({"quantity_groups": groups, "numbers": numbers, "actor_tone_by_source": tone}, "a", ["a"])
    assert text == "Only it has at least one figure no other source gives (“14 bridges”)."


def test_a_year_the_others_give_is_not_left_out_but_a_day_is():
    from toolkit.present.profile_sections import _left_out
    groups = pd.DataFrame({"group_id": ["y", "d"], "status": ["agree", "agree"], "kind": ["date", "date"]})
    coverage = pd.DataFrame({"fact_type": ["quantity"] * 6, "fact_id": ["y"] * 3 + ["d"] * 3, "label": ["vote"] * 6,
                             "source": ["a", "b", "c"] * 2, "state": ["present", "present", "absent"] * 2,
                             "evidence": ["2030", "2030", "", "4 May 2030", "4 May 2030", ""]})
    numbers = pd.DataFrame({"group_id": ["y", "d", "d"], "doc_id": ["a", "a", "b"], "kind": ["date"] * 3,
                            "surface": ["2030", "4 May 2030", "4 May 2030"],
                            "date_low": pd.to_datetime(["2030-01-01", "2030-05-04", "2030-05-04"]),
                            "date_high": pd.to_datetime(["2030-12-31", "2030-05-04", "2030-05-04"])})
    text = _left_out({"quantity_groups": groups, "coverage": coverage, "numbers": numbers}, "c", ["a", "b", "c"])
    assert "4 May 2030" in text and "“2030”" not in text and text.startswith("It leaves out one")
    # the day given by one other source only, the other giving the month: no figure "the others" give
    numbers.loc[2, ["surface", "date_low", "date_high"]] = ["May 2030", pd.Timestamp("2030-05-01"), pd.Timestamp("2030-05-31")]
    text = _left_out({"quantity_groups": groups, "coverage": coverage, "numbers": numbers}, "c", ["a", "b", "c"])
    assert "4 May 2030" not in text


def test_officials_by_role_only_are_counted_as_unnamed():
    from toolkit.present.profile_sections import _cited
    voices = pd.DataFrame({"voice": ["Jo Roe", "three officials familiar with the talks", "reports"],
                           "voice_type": ["person", "government", "vague"], "doc_id": ["a"] * 3})
    text = _cited({"voices": voices}, ["a"])
    assert text.startswith("It gives voice to Jo Roe;") and "2 unnamed sources" in text
    assert "three officials familiar with the talks" in text


def test_two_named_places_state_a_count_of_two_places():
    from toolkit.present.profile_sections import _named_members
    towns = _named_members("settlement", 2)
    assert towns.search("the besieged Shiite towns of Norby and Vale Hill, in the north")
    assert not towns.search("the towns of Norby, Vale and Kettle")  # three towns are no two
    assert _named_members("person", 2) is None  # "residents of A and B" counts no two people
    assert _named_members("settlement", 1) is None


def test_members_named_as_examples_state_a_count_vaguely():
    from toolkit.present.profile_sections import _named_examples
    senators = _named_examples("senator", "lawmaker")
    assert senators.search("citing former senators like Jo Roe, Al Kay and Ann Vell.")
    assert not senators.search("Senators met Jo Roe and Al Kay.")


def test_an_unnamed_source_cited_twice_is_one_source():
    from toolkit.present.profile_sections import _cited
    voices = pd.DataFrame({"voice": ["Jo Roe", "reports", "Reports"], "voice_type": ["person", "vague", "vague"], "doc_id": ["a"] * 3})
    assert "1 unnamed source (2 citations;" in _cited({"voices": voices}, ["a"])


def test_a_profile_gives_the_sources_own_figures_where_the_sources_differ():
    from toolkit.present.profile_sections import _differing_figures
    facts = pd.DataFrame({
        "fact_id": ["f1"] * 4 + ["f2"] * 2, "kind": ["quantity"] * 6,
        "label": ["people killed"] * 4 + ["villages"] * 2, "state": ["differ"] * 4 + ["agree"] * 2,
        "source": ["a", "a", "a", "b", "a", "b"], "mentioned": [True] * 6,
        "value": ["At least 100", "at least 100 people", "20", "43", "two villages", "two villages"],
        "wording": ["", "", "The previous death toll was 20.", "", "", ""]})
    text = _differing_figures({"facts": facts}, "a")
    assert text == "Where the sources give a figure differently, it gives people killed as “At least 100” and “20” (an earlier count)."
    assert _differing_figures({"facts": facts[facts["source"] != "a"]}, "a") == ""


def test_a_figure_of_another_scope_says_so_in_its_profile():
    import pandas as pd

    from toolkit.present.profile_sections import _differing_figures
    note = ("possibly not one quantity: what is measured differs: 'rare ores' in a ('Vale’s rare ores deposits') "
            "vs b ('reserves')")
    facts = pd.DataFrame([{"fact_id": "f1", "kind": "quantity", "label": "reserves", "state": "differ", "source": s,
                           "mentioned": True, "wording": "", "value": v, "note": note}
                          for s, v in (("a", "$4 billion"), ("b", "$6 billion"))])
    assert _differing_figures({"facts": facts}, "a").endswith("(of “Vale’s rare ores deposits”: possibly not what the others count).")
    assert "possibly" not in _differing_figures({"facts": facts}, "b")


def test_a_copy_of_the_same_text_is_no_other_to_compare_length_with():
    from toolkit.present.profile_sections import _length
    words = {"a": 117, "b": 118, "c": 400, "d": 600}
    told = _length("a", words, {"b"})
    assert "(the others: 400 to 600; `b` 118, a copy of the same text)" in told and "much shorter" in told
    assert _length("a", {"a": 117, "b": 118}, {"b"}) == "117 words (`b` 118, a copy of the same text)."


def test_a_kind_of_text_says_how_sure_the_model_is():
    from toolkit.present.profile_sections import _type_evidence
    evidence = "model probability {}; weighed most: headline in news form: yes (+0.6); second person 0.0"
    assert _type_evidence(evidence.format("0.95")) == " (model probability 0.95; the strongest signal: headline in news form: yes)"
    assert "not sure" in _type_evidence(evidence.format("0.62"))
    assert "a guess" in _type_evidence(evidence.format("0.45"))


def test_a_profile_says_where_its_source_gives_one_fact_two_ways():
    from toolkit.present.profile_sections import _own_conflicts
    facts = pd.DataFrame({"fact_id": ["f1"] * 3, "kind": ["event_date"] * 3, "label": ["date of the shipment"] * 3,
                          "state": ["inconsistent_within_source"] * 3, "source": ["a", "a", "b"],
                          "mentioned": [True, True, True], "value": ["May 3, 2024", "June 9, 2024", "early May"]})
    assert _own_conflicts({"facts": facts}, "a") == ("In its own text it gives the date of the shipment as both "
                                                     "“May 3, 2024” and “June 9, 2024” (see the facts grid).")
    assert _own_conflicts({"facts": facts}, "b") == ""


def test_what_a_source_leaves_out_counts_the_other_sources_and_says_when_copies_are_one_text(tmp_path):
    from toolkit import load_corpus
    wire = ("Ferry sinks off Vale\n\nA passenger ferry sank off the Vale coast on Tuesday, the Norland Coast Guard said. "
            "The Norland Coast Guard said 212 passengers were rescued by fishing boats. Divers searched the hull for "
            "missing passengers, and the operator said the vessel had passed its safety inspection in March.\n")
    other = ("Ferry disaster off Vale\n\nRescuers pulled 212 passengers from the sea after a ferry sank off the Vale "
             "coast, the Norland Coast Guard said. Divers were searching the ferry for the missing on Tuesday. The "
             "operator of the ferry said its inspection had been passed.\n")
    short = ("Ferry sinks\n\nA ferry sank off the Vale coast on Tuesday. Divers searched the hull of the ferry for "
             "missing passengers, and fishing boats rescued 212 of them, the operator said.\n")
    for name, text in {"one": wire, "two": wire, "three": other, "four": short}.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    tables = analyze(corpus)
    tables.update(compare(corpus, tables, resamples=20))
    text = _paragraphs(profile_blocks(corpus, tables))["four"]
    assert "Norland Coast Guard (3 of 3 others; 2 texts, copies counted once)" in text
