import pandas as pd
import pytest

from toolkit.compare.comparison import compare
from toolkit.compare.registry import MEASURES, tabled
from toolkit.pipeline import analyze
from toolkit.present import sections


@pytest.fixture(scope="module")
def tables(seeds_corpus):
    tables = analyze(seeds_corpus)
    tables.update(compare(seeds_corpus, tables, resamples=50))
    return tables


def _text(blocks):
    return "\n".join(str(b[1]) for b in blocks if b[0] in ("h2", "h3", "p"))


def test_summary_names_only_surviving_contrasts_in_registry_words(seeds_corpus, tables):
    blocks = sections.summary_blocks(seeds_corpus, tables)
    text = _text(blocks)
    contrasts = tables["contrasts"]
    reportable = contrasts["survives"] & contrasts["measure"].map(lambda m: MEASURES[m].finding)
    assert f"{int(reportable.sum())} comparisons pass" in text
    assert "methods_agree_share" not in set(sections.summary_findings(tables)["measure"])
    items = [b[1] for b in blocks if b[0] == "p" and b[1].startswith("**`")]
    assert 0 < len(items) <= sections.SUMMARY_ITEMS
    for item in items:
        source = item.split("`")[1]
        measure = next(m for m in MEASURES.values() if m.label in item)
        row = contrasts[(contrasts["source"] == source) & (contrasts["measure"] == measure.name)].iloc[0]
        assert row["survives"] and sections.direction(measure, row["value"], row["difference"]) in item


def test_single_source_has_nothing_to_compare(seeds_corpus, tables):
    alone = {**tables, "contrasts": tables["contrasts"].iloc[0:0]}
    assert "only one source" in _text(sections.summary_blocks(seeds_corpus, alone))


def test_stance_table_has_a_column_per_tabled_measure(seeds_corpus, tables):
    blocks = sections.stance_blocks(seeds_corpus, tables)
    table = next(b[1] for b in blocks if b[0] == "table")
    assert list(table.columns) == ["source", "type of text", *tabled().values()]
    assert all(kind.startswith(("news", "opinion", "analysis", "press", "interview", "conversational"))
               for kind in table["type of text"])
    assert table["sentences with a word of doubt"].str.contains("%").all()


def test_readability_section_reads_the_pooled_table(seeds_corpus, tables):
    blocks = sections.readability_blocks(seeds_corpus, tables)
    table = next(b[1] for b in blocks if b[0] == "table")
    pooled = tables["readability_by_source"]
    assert list(table["source"]) == list(pooled["source"])
    assert list(table["words of body text"]) == list(pooled["words"])


def test_listings_are_capped_with_a_note(monkeypatch):
    monkeypatch.setattr(sections, "MAX_LISTED", 2)
    items, note = sections._capped(list(range(5)), "things", "data/things.csv")
    assert items == [0, 1] and "first 2 of 5 things" in note[0][1]


def test_appendix_lists_every_table(tables):
    blocks = sections.appendix_blocks(tables)
    listed = blocks[-1][1]
    assert isinstance(listed, pd.DataFrame)
    assert set(listed["file"]) == {f"data/{name}.csv" for name in tables}
    assert {"data/actor_tone_by_source.csv", "data/frame_shares_by_source.csv", "data/readability_by_source.csv"} <= set(listed["file"])


def test_summary_without_survivors_says_so(seeds_corpus, tables):
    quiet = {**tables, "contrasts": tables["contrasts"].assign(survives=False)}
    text = _text(sections.summary_blocks(seeds_corpus, quiet))
    assert "0 comparisons pass, on 0 measures" in text


def test_key_differences_name_each_source_with_its_kind(seeds_corpus, tables):
    from toolkit.present.kinds import LABELS, source_kinds

    kinds = source_kinds(tables)
    items = [b[1] for b in sections.summary_blocks(seeds_corpus, tables) if b[0] == "p" and b[1].startswith("**`")]
    for item in items:
        source = item.split("`")[1]
        assert item.startswith(f"**`{source}` ({LABELS[kinds[source][0]]})")
        if len({k for ks in kinds.values() for k in ks}) > 1:
            assert "This sets " in item and " beside " in item


def test_a_gap_between_percentages_is_stated_in_points(seeds_corpus):
    from toolkit.pipeline import analyze
    from toolkit.present.render import to_markdown
    from toolkit.present.sections import number_blocks
    tables = analyze(seeds_corpus)
    groups = tables["quantity_groups"]
    text = to_markdown(number_blocks(seeds_corpus, tables))
    shares = groups[(groups["kind"] == "percent") & (groups["gap_points"] > 0)]
    assert len(shares) and "percentage points apart" in text
    for label in shares["label"]:
        line = next(l for l in text.splitlines() if l.startswith(f"**{label}**"))
        assert "percentage points apart" in line and "% apart" not in line


def test_copies_and_articles_dated_days_apart_are_warned_of():
    from toolkit.present.sections import _days_apart, copy_blocks
    documents = pd.DataFrame({"doc_id": ["a", "b", "c"], "words": [100, 120, 300],
                              "published": ["2031-05-01", "2031-05-01", "2031-05-01"], "dateline": ["", "", "2031-05-20"]})
    reuse = pd.DataFrame({"source_a": ["a"], "source_b": ["b"], "words": [95], "start_a": [0], "end_a": [1],
                          "start_b": [0], "end_b": [1], "text": ["x"]})
    (warning,) = copy_blocks({"text_reuse": reuse, "documents": documents})
    assert "`a` and `b` (95% of the shorter one's 100 words)" in warning[1]
    groups = pd.DataFrame({"doc_id": ["a", "b", "c"], "event_group": [1, 1, 1]})
    (dated,) = _days_apart({"documents": documents}, groups)
    assert "`c` (2031-05-20)" in dated[1] and "`a` (2031-05-01)" in dated[1]
    assert _days_apart({"documents": documents.iloc[:2]}, groups.iloc[:2]) == []


def test_news_reports_dated_a_day_or_two_apart_get_a_gentler_note():
    from toolkit.present.sections import _days_apart
    documents = pd.DataFrame({"doc_id": ["a", "b"], "words": [100, 120], "published": ["2031-05-01", "2031-05-03"],
                              "dateline": ["", ""]})
    groups = pd.DataFrame({"doc_id": ["a", "b"], "event_group": [1, 1]})
    (note,) = _days_apart({"documents": documents}, groups)
    assert "dated on different days" in note[1] and "`b` (2031-05-03)" in note[1] and "never compared" not in note[1]


def test_tone_extremes_and_cited_sources_read_the_body_and_the_voices(seeds_corpus, tables):
    from toolkit.present.sections import stance_blocks, tone_blocks
    quoted = [b for b in tone_blocks(seeds_corpus, tables) if b[0] == "quote"]
    assert quoted and all(len(b[1].split()) >= 4 for b in quoted)  # no heading ("Execution risk") as a sentence
    if "voices" in tables:
        listed = next(b[1] for b in stance_blocks(seeds_corpus, tables) if b[0] == "list")
        typed = {f"{v} ({t})" for v, t in zip(tables["voices"]["voice"], tables["voices"]["voice_type"])}
        assert all(any(name.split(" ×")[0] == t for t in typed) for item in listed for name in item.split(": ", 1)[1].split("; ")
                   if not name.startswith("and "))


def test_the_coverage_table_counts_what_the_profiles_name(seeds_corpus, tables):
    import re
    from toolkit.present.profile_sections import profile_blocks
    table = next(b[1] for b in sections.coverage_blocks(seeds_corpus, tables) if b[0] == "table").set_index("source")
    profiles = " ".join(b[1] for b in profile_blocks(seeds_corpus, tables) if b[0] == "p")
    apart = table["… carried only by texts over twice its length"]
    for source, count in table["actors and agreed figures left out"].items():
        said = re.search(rf"\*\*`{re.escape(source)}`\*\*.*?(?:It leaves out (none|one|\d+) of the actors|"
                         rf"that it leaves out \((\d+)\) are all carried only by texts over twice its length)", profiles)
        assert said, source
        if said.group(2):  # everything it leaves out, only longer texts carry
            assert count == 0 and apart[source] == int(said.group(2))
            continue
        assert {"none": 0, "one": 1}.get(said.group(1), None) == count or said.group(1) == str(count)
        more = re.match(r"[^.]*?; (\d+) more (?:is|are) carried only by texts over twice", profiles[said.end():])
        assert apart[source] == (int(more.group(1)) if more else 0), source


def test_figures_of_articles_that_may_report_different_events_are_shown_apart_as_no_finding(seeds_corpus, tables):
    import pandas as pd
    apart = dict(tables)
    docs = list(tables["documents"]["doc_id"])
    # every article its own event: no group is within one story
    apart["event_groups"] = pd.DataFrame({"doc_id": docs, "event_group": range(1, len(docs) + 1)})
    blocks = sections.number_blocks(seeds_corpus, apart)
    heads = [b[1] for b in blocks if b[0] == "h3"]
    assert "Figures that differ between articles that may report different events" in heads
    assert "Where the numbers differ" not in heads
    facts = " ".join(b[1] for b in sections.facts_report_blocks(apart) if b[0] == "p")
    assert "between articles that may report different events" in facts


def test_a_frame_finding_names_the_words_that_carry_the_frame():
    from toolkit.compare.registry import MEASURES
    cues = pd.DataFrame({"doc_id": ["a"] * 3 + ["b"], "sentence_id": [1, 2, 3, 1], "frame": ["political"] * 4,
                         "surface": ["regime", "Regime", "opposition", "vote"]})
    sentences = pd.DataFrame({"doc_id": ["a"] * 3 + ["b"], "sentence_id": [1, 2, 3, 1], "kind": ["paragraph"] * 4,
                              "text": ["The regime held the town for a year."] * 4})
    text = sections._frame_words({"frame_cues": cues, "sentences": sentences}, "a", MEASURES["frame_share_political"])
    assert "only: “regime” (2), “opposition” (1)" in text and "vote" not in text
    assert sections._frame_words({"frame_cues": cues}, "a", MEASURES["sentences_hedged"] if "sentences_hedged" in MEASURES
                                 else next(m for m in MEASURES.values() if m.evidence != "frame")) == ""


def test_years_alone_are_no_agreed_date(seeds_corpus, tables):
    # "the intervention in 2015" in two sources dates no event of the story: not an agreed fact
    import pandas as pd
    docs = list(tables["documents"]["doc_id"])[:2]
    changed = dict(tables)
    year = {"kind": "date", "unit": "date", "surface": "2015", "date_low": "2015-01-01", "date_high": "2015-12-31",
            "group_id": "q999", "attributed_to": ""}
    changed["numbers"] = pd.concat([tables["numbers"], pd.DataFrame([dict(year, doc_id=d, sentence_id=1, start=0, end=4)
                                                                      for d in docs])], ignore_index=True)
    group = {"group_id": "q999", "label": "date of the clashes", "kind": "date", "unit": "date", "status": "agree",
             "n_sources": 2, "sources": ";".join(docs), "n_mentions": 2}
    changed["quantity_groups"] = pd.concat([tables["quantity_groups"], pd.DataFrame([group])], ignore_index=True)
    text = " ".join(str(b[1]) for b in sections.number_blocks(seeds_corpus, changed))
    assert "date of the clashes" not in text


def test_an_actor_named_only_beside_quotations_is_not_called_unmentioned(seeds_corpus, tables):
    from toolkit.present.render import to_markdown
    changed = dict(tables)
    by_source = tables["actor_tone_by_source"]
    row = by_source.iloc[0]
    # the source's mentions of the actor all carry quoted words: none is in its own words
    changed["actor_tone_by_source"] = by_source.drop(by_source.index[0])
    text = to_markdown(sections.actor_blocks(seeds_corpus, changed))
    line = next(l for l in text.splitlines() if l.startswith(f"| {row['actor']} |"))
    assert "only in or beside quotations (" in line


def test_a_mention_in_reported_speech_is_no_extreme_of_the_writers_tone(tmp_path):
    from toolkit import load_corpus
    (tmp_path / "a.txt").write_text("Vale talks\n\nJo Roe said Al Kay was a wonderful and generous leader. "
                                    "Al Kay won praise for a generous plan on Monday.\n")
    corpus = load_corpus(tmp_path)
    doc = corpus.document("a")
    first, second = doc.sentences[1], doc.sentences[2]
    reported = doc.text.index("Al Kay", first.start)
    own = doc.text.index("Al Kay", second.start)
    assert sections._in_reported_speech(corpus, "a", first.sentence_id, reported)
    assert not sections._in_reported_speech(corpus, "a", second.sentence_id, own)
    mentions = pd.DataFrame({"doc_id": ["a", "a"], "sentence_id": [first.sentence_id, second.sentence_id],
                             "actor": ["Al Kay"] * 2, "start": [reported, own], "end": [reported + 6, own + 6],
                             "score": [0.9, 0.6], "label": ["pos", "pos"], "p_neg": [0.02, 0.1], "p_neu": [0.03, 0.1],
                             "p_pos": [0.95, 0.8]})
    assert sections._own_extremes(corpus, mentions)["most positive"]["start"] == own


def test_a_neutral_clause_the_model_alone_calls_negative_is_no_extreme(tmp_path):
    from toolkit import load_corpus
    (tmp_path / "a.txt").write_text("Vale talks\n\nJo Roe pivoted to the Vale Bureau and its review of the files. "
                                    "The Vale Bureau ran a brutal and corrupt cover-up.\n")
    corpus = load_corpus(tmp_path)
    doc = corpus.document("a")
    first, second = doc.sentences[1], doc.sentences[2]
    neutral, hostile = doc.text.index("Vale Bureau", first.start), doc.text.index("Vale Bureau", second.start)
    mentions = pd.DataFrame({"doc_id": ["a", "a"], "sentence_id": [first.sentence_id, second.sentence_id],
                             "actor": ["Vale Bureau"] * 2, "start": [neutral, hostile], "end": [neutral + 11, hostile + 11],
                             "clause_start": [first.start, second.start], "clause_end": [first.end, second.end],
                             "score": [-0.98, -0.8], "label": ["neg", "neg"], "p_neg": [0.99, 0.9],
                             "p_neu": [0.005, 0.05], "p_pos": [0.005, 0.05]})
    assert sections._own_extremes(corpus, mentions)["most negative"]["start"] == hostile


def test_agreement_between_copies_of_one_text_is_said_to_be_no_agreement_of_independent_sources(tmp_path):
    from toolkit import load_corpus
    from toolkit.pipeline import analyze
    from toolkit.present.render import to_markdown
    text = ("Shells hit the Vale market\n\nFour rocket shells hit the Vale market on Monday, killing 8 persons and "
            "injuring 58 others, a police source said. The market had reopened in May after a long siege of the "
            "town, and traders had returned with food from the coast. Residents said the shelling came from the "
            "hills to the east of the town, where fighters have been based since the spring.\n")
    (tmp_path / "alpha.txt").write_text(text)
    (tmp_path / "beta.txt").write_text(text)
    corpus = load_corpus(tmp_path)
    tables = analyze(corpus)
    tables.update(compare(corpus, tables, resamples=50))
    shown = to_markdown(sections.number_blocks(corpus, tables))
    assert "Where the sources agree" in shown
    assert "stated only by copies of one text" in shown


def test_agreeing_dates_keep_a_date_whose_year_was_inferred():
    from toolkit.present.sections import _held_dates

    def date(doc, surface, low, high):
        return {"doc_id": doc, "kind": "date", "surface": surface, "date_low": low, "date_high": high}
    rows = pd.DataFrame([date("a", "July 2016", "2016-07-01", "2016-07-31"), date("b", "early July", "2017-07-01", "2017-07-10")])
    assert _held_dates(rows)["doc_id"].tolist() == ["a", "b"]
    rows = pd.DataFrame([date("a", "Dec. 11, 2018", "2018-12-11", "2018-12-11"), date("b", "2019", "2019-01-01", "2019-12-31")])
    assert _held_dates(rows)["doc_id"].tolist() == ["a"]


def test_a_tone_difference_between_articles_dated_days_apart_says_so():
    import datetime as dt

    tested = pd.DataFrame([{"actor": "Norland", "sources": 2, "mentions": 9, "highest": "a", "highest_mean": -0.1,
                            "lowest": "b", "lowest_mean": -0.5, "p_value": 0.001, "q_value": 0.002, "survives": True}])
    apart = sections._tone_differences(tested, None, {"a": dt.date(2016, 10, 28), "b": dt.date(2016, 10, 12)})
    assert "dated 16 days apart" in apart
    near = sections._tone_differences(tested, None, {"a": dt.date(2016, 10, 12), "b": dt.date(2016, 10, 12)})
    assert "days apart" not in near and "Norland (highest in `a`" in near


def test_a_mention_charged_by_a_source_is_no_extreme_of_the_writers_tone(tmp_path):
    from toolkit import load_corpus
    (tmp_path / "a.txt").write_text("Vale talks\n\nSeveral lawmakers accused Norland of committing war crimes.\n")
    corpus = load_corpus(tmp_path)
    doc = corpus.document("a")
    sentence = doc.sentences[-1]
    assert sections._in_reported_speech(corpus, "a", sentence.sentence_id, doc.text.index("Norland"))
    assert not sections._in_reported_speech(corpus, "a", sentence.sentence_id, doc.text.index("lawmakers"))


def test_a_figure_of_several_places_says_so_beside_the_others(tmp_path):
    from toolkit import load_corpus

    (tmp_path / "a.txt").write_text("Convoy hit\n\nSeven people were killed in attacks in Vale and Norbury on Friday, "
                                    "police said.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Attack in Vale\n\nEleven people were killed in an attack in Vale on Friday, a "
                                    "monitor said.", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    tables = analyze(corpus)
    tables.update(compare(corpus, tables, resamples=50))
    text = _text(sections.number_blocks(corpus, tables)) + "\n".join(
        "; ".join(b[1]) if b[0] == "list" else "" for b in sections.number_blocks(corpus, tables))
    assert "(`a`, per police, in Vale and Norbury)" in text and "(`b`, per monitor)" in text
