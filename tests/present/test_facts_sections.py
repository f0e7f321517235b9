import pandas as pd

from toolkit.compare.comparison import compare
from toolkit.pipeline import analyze
from toolkit.present.facts_sections import (facts_report_blocks, omission_items, source_identity)
from toolkit.present.render import to_markdown


def test_opening_sections_on_seeds(seeds_corpus):
    tables = analyze(seeds_corpus)
    tables.update(compare(seeds_corpus, tables, resamples=50))
    blocks = facts_report_blocks(tables)
    text = to_markdown(blocks)
    assert "## Facts the sources state differently" in text and "## Who speaks" in text
    assert "conversational reply" in text
    # second-hand words beside a silence, "a memorandum" beside "two": differing words, not a conflict
    assert "in words or measures that can all be true" in text and "their statements can all be true" in text
    # names and headlines, not slugs, where the manifest gives them
    assert "Azad News HD" in text
    identity = source_identity(tables["documents"], tables["sources"])
    assert set(identity.columns) == {"source", "name", "headline", "published", "text_type", "words"}
    # every contradiction is quoted side by side: at least two quotes under its heading
    facts = tables["facts"]
    for fact_id in facts.loc[facts["state"] == "contradict", "fact_id"].unique():
        assert facts[(facts["fact_id"] == fact_id) & facts["mentioned"]]["source"].nunique() >= 2


def test_omissions_ranked_and_short_texts_apart():
    documents = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "title": ["A", "B", "C", "D"], "outlet": ["", "", "", ""],
                              "author": ["", "", "", ""], "published": ["", "", "", ""], "words": [900, 1000, 1100, 100],
                              "text_type": ["news_report"] * 4})
    coverage = pd.DataFrame({"fact_type": ["actor"] * 8, "fact_id": ["x"] * 4 + ["y"] * 4,
                             "label": ["Port"] * 4 + ["Mayor"] * 4, "source": ["a", "b", "c", "d"] * 2,
                             "state": ["present", "present", "present", "absent", "present", "present", "absent", "absent"],
                             "evidence": [""] * 8})
    items = omission_items({"documents": documents, "coverage": coverage})
    assert list(items["label"]) == ["Port", "Mayor"]
    assert items.loc[0, "short_omitters"] == ["d"] and items.loc[0, "omitters"] == []
    assert items.loc[1, "omitters"] == ["c"]


def _tables(tmp_path, texts, toml=""):
    from toolkit import load_corpus
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    if toml:
        (tmp_path / "corpus.toml").write_text(toml, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    tables = analyze(corpus)
    tables.update(compare(corpus, tables, resamples=20))
    return corpus, tables


_BODY = ("Officials in the Rashidin quarter said the bridge over the river had closed. In December the Rashidin council "
         "had warned of cracks, and the council of Rashidin voted in December to close the bridge. Engineers from "
         "Corvania inspected the bridge, and Corvania's ministry said that Corvania would pay thousands to repair it. "
         "The closure came in December after storms, according to AFP. ")


def test_spellings_bylines_months_and_aliases_are_no_omissions(tmp_path):
    texts = {"one": "Bridge shut\n\n" + _BODY + "Traders in Lindhaven said that thousands crossed it daily.\n",
             "two": "River crossing closed\n\n" + _BODY.replace("according to AFP", "residents said")
             + "Shopkeepers were worried about thousands of lost customers.\n",
             "three": "Crossing closed for repairs\n\nOfficials in the Rashideen quarter said the bridge over the river had "
                      "closed after cracks were found. The Rashideen council voted to close it, and the Rashideen mayor "
                      "agreed. Engineers from Corvanias capital, Velmar, inspected it and the government in Velmar said "
                      "it would pay for the repair, and the works would start soon.\n"}
    toml = '[actors.Corvania]\nkind = "country"\naliases = ["Corvania", "Velmar"]\n'
    _, tables = _tables(tmp_path, texts, toml)
    items = omission_items(tables)
    labels = {label.lower() for label in items["label"]} if len(items) else set()
    assert not labels & {"rashidin", "december", "afp", "corvania", "velmar", "corvanias"}, items
    assert not any("thousand" in label for label in labels)


def test_a_source_giving_only_a_vague_amount_neither_carries_nor_leaves_out_the_figure(tmp_path):
    body = "The convoy left the two besieged towns of Norland on Friday after the deal was signed. "
    texts = {"one": "Convoy leaves\n\n" + body + "More than 5,000 people who had lived under siege left the towns.\n",
             "two": "Towns emptied\n\n" + body + "The buses carried some 5,000 people from the besieged towns.\n",
             "three": "Deal stalls\n\n" + body + "The delay left thousands of people from the besieged towns stranded.\n",
             "four": "Blast hits convoy\n\n" + body + "The halt stranded thousands at two transit points outside the city.\n",
             "five": "Convoy on the move\n\n" + body + "Officials said the buses would reach the city by night.\n"}
    _, tables = _tables(tmp_path, texts)
    items = omission_items(tables)
    (figure,) = items[items["label"].str.contains("5,000")].itertuples()
    # "thousands" is no figure a source can be charged with leaving out, nor one that confirms it
    assert figure.carriers == ["one", "two"] and figure.omitters + figure.short_omitters == ["five"]


def test_an_outlet_a_voice_spoke_to_is_named_as_a_source_of_its_words():
    from toolkit.present.facts_sections import _told_outlets
    table = pd.DataFrame({"cue": ["told", "said"], "wording": ["Jo Roe told Acme News in Vale that the port would close.",
                                                               "Al Kay told reporters the port would stay open."]})
    assert _told_outlets(table) == {"Acme News"}


def test_facts_only_copies_of_one_text_state_are_counted_apart(tmp_path):
    text = ("Blast in Vale\n\nA rocket attack on the old market of Vale killed 8 persons and injured 58 others on Monday, "
            "the police command said. Rescue teams searched the market until late at night for more victims.\n")
    _, tables = _tables(tmp_path, {"one": text, "two": text.replace("Blast in Vale", "Rockets hit Vale market")})
    text = to_markdown(facts_report_blocks(tables))
    assert "stated only by copies of one text" in text


def test_a_differing_figure_names_the_sources_whose_values_overlap():
    from toolkit.present.facts_sections import _most_agree
    cells = pd.DataFrame({"source": ["a", "b", "c", "d", "b"], "mentioned": [True] * 5,
                          "value": ["$4-5 trillion", "~$6 trillion", "around $6 trillion", "$6 trillion", "trillions"],
                          "doc_id": ["a", "b", "c", "d", "b"], "sentence_id": [1, 2, 3, 4, 5], "start": [0] * 5, "end": [9] * 5})
    numbers = cells[["doc_id", "sentence_id", "start", "end"]].assign(
        low=[4e12, 5.4e12, 5.4e12, 6e12, 2e12], high=[5e12, 6.6e12, 6.6e12, 6e12, 1e15])
    said = _most_agree(cells, numbers, {"a": "Alpha"})
    assert said.startswith("3 of the 4 sources that give a precise figure give values that overlap")
    assert "Alpha gives “$4-5 trillion”." in said and "trillions" not in said  # a vague amount is left aside
    # all precise values overlap, or fewer than three sources give one: nothing to add
    assert _most_agree(cells[cells["source"] != "a"], numbers, {}) == ""
    assert _most_agree(cells[cells["source"].isin(["a", "b"])], numbers, {}) == ""


def test_a_date_the_dateline_contradicts_is_shown_with_it():
    from toolkit.present.facts_sections import source_identity
    documents = pd.DataFrame({"doc_id": ["a", "b"], "title": ["A", "B"], "outlet": ["x", "y"], "published": ["2016-10-07"] * 2,
                              "dateline": ["2016-10-28", ""], "words": [100, 200], "text_type": ["news_report"] * 2})
    identity = source_identity(documents)
    assert identity["published"].tolist() == ["2016-10-07 (its dateline: 2016-10-28)", "2016-10-07"]


def test_copies_of_one_text_cite_a_voice_once(tmp_path):
    text = ("Blast in Vale\n\nA rocket attack on the old market of Vale killed 8 persons and injured 58 others on Monday, "
            "Police Chief Jo Roe said. Rescue teams searched the market until late at night for more victims.\n")
    _, tables = _tables(tmp_path, {"one": text, "two": text.replace("Blast in Vale", "Rockets hit Vale market")})
    row = next(line for line in to_markdown(facts_report_blocks(tables)).splitlines() if line.startswith("| Jo Roe"))
    assert "(and its copy `two`)" in row and row.rstrip(" |").endswith("| 0 | 1")


def test_an_outlet_whose_event_a_voice_spoke_at_is_named_without_the_event():
    from toolkit.present.facts_sections import _told_outlets
    table = pd.DataFrame({"cue": ["said"], "wording": ["“The wall is a waste,” Jo Roe said at an MSNBC Town Hall."]})
    assert _told_outlets(table) == {"MSNBC"}


def test_an_outlets_longer_name_is_kept():
    from toolkit.present.facts_sections import _told_outlets
    table = pd.DataFrame({"cue": ["told"], "wording": ["Jo Roe told Bloomberg News that the port would close."]})
    assert _told_outlets(table) == {"Bloomberg News"}


def test_a_wire_dateline_names_the_agency_the_text_is_taken_from():
    from toolkit.present.facts_sections import wire_datelines
    removed = pd.DataFrame({"doc_id": ["a", "b", "c"], "rule": ["dateline", "dateline", "title_run"],
                            "text": ["AP Wednesday 26 Oct 2016", "Published October 3 2016", "AFP story"]})
    assert wire_datelines({"removed": removed}) == {"a": "AP"}


def test_a_copy_printed_without_quotation_marks_is_said_to_be_one(tmp_path):
    from toolkit import load_corpus
    from toolkit.compare.comparison import compare
    from toolkit.pipeline import analyze
    from toolkit.present.facts_sections import voices_blocks
    from toolkit.present.render import to_markdown
    body = ("Buses waited at the transit point on Saturday after the evacuation deal stalled for a second day. "
            "{q}There is no drinking water or food and the garage is small so there is no room to move around{q} "
            "Jo Roe said. The residents had left the two villages late on Friday under the deal between the sides. "
            "{q}Many people felt that they had been forced to leave{q} Roe said. Hundreds of fighters left with them "
            "and the convoy was expected to reach the city before night, officials said.\n")
    (tmp_path / "one.txt").write_text("Convoy stranded\n\n" + body.format(q='"'), encoding="utf-8")
    (tmp_path / "two.txt").write_text("Convoy stranded at transit point\n\n" + body.format(q=""), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    tables = analyze(corpus)
    tables.update(compare(corpus, tables, resamples=20))
    text = to_markdown(voices_blocks(tables))
    assert "Its text is a copy of `one`’s without the quotation marks" in text
