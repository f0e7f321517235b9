"""The facts grid: states on written texts, offsets, and P/R of differ/contradict rows on the hand gold."""

import os
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

from toolkit import load_corpus
from toolkit.compare.facts import COLUMNS, NOT_MENTIONED, facts
from toolkit.pipeline import analyze

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold" / "facts" / "gold.csv"
CORPORA = Path(os.environ.get("NEWSLENS_CORPORA", ROOT.parent / "shared" / "corpora"))
FLAGGED = {"differ", "contradict", "inconsistent_within_source"}

ARTICLES = {
    "north.txt": "Harbour deal signed\n\nThe city signed two agreements with Delta Shipping on Monday, officials said. "
                 "The Ministry of Ports has not commented publicly on the deal. The first ferry left on March 3, 2024.",
    "south.txt": "Ferry plan goes ahead\n\nThe city signed an agreement with Delta Shipping on Monday. "
                 "The Ministry of Ports welcomed the deal in a statement. The first ferry left on March 3, 2024.",
    "east.txt": "Port news\n\nLocal traders met on Tuesday to discuss fishing quotas. Prices were stable.",
}


def _grid(folder: Path) -> tuple[pd.DataFrame, object]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(folder)
        tables = analyze(corpus)
    texts = {doc.doc_id: doc.text for doc in corpus.documents}
    return facts(tables, texts, {d: d for d in texts}), corpus


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("facts")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return _grid(folder)


def test_grid_shape_and_offsets(written):
    grid, corpus = written
    assert list(grid.columns) == COLUMNS and len(grid)
    # every fact has a cell for every source
    assert (grid.groupby("fact_id")["source"].nunique() == 3).all()
    missing = grid[~grid["mentioned"]]
    assert (missing["wording"] == NOT_MENTIONED).all()
    for row in grid[grid["mentioned"]].itertuples():
        text = corpus.document(row.doc_id).text
        assert text[row.start:row.end].strip() and row.start < row.end


def test_count_differs_and_reaction_contradicts(written):
    grid, _ = written
    states = grid.drop_duplicates("fact_id").set_index("kind")["state"]
    # "an agreement" does not say there was only one, so against "two agreements" it differs, no more
    assert states["count"] == "differ"
    assert states["reaction"] == "contradict"
    counted = grid[(grid["kind"] == "count") & grid["mentioned"]]
    assert set(counted["source"]) == {"north", "south"}



def test_same_date_agrees(written):
    grid, _ = written
    dates = grid[grid["kind"] == "event_date"].drop_duplicates("fact_id")
    assert len(dates) == 0 or set(dates["state"]) == {"agree"}


def score(grid: pd.DataFrame, gold: pd.DataFrame) -> tuple[int, int, int, int]:
    """(correct found, found, gold found, gold) for flagged rows."""
    found = grid[grid["state"].isin(FLAGGED)]
    flagged_gold = gold[gold["state"].isin(FLAGGED)]
    matched_gold, correct = set(), 0
    for _, cells in found.groupby("fact_id"):
        stated = cells[cells["mentioned"]]
        best = None
        for g in flagged_gold[flagged_gold["kind"] == cells["kind"].iloc[0]].itertuples():
            need = 1 if g.state == "inconsistent_within_source" else 2
            distances = {}
            for cell in stated.itertuples():
                where = cell.wording.find(str(cell.value))
                spots = [m.start() for m in re.finditer(g.match, cell.wording, flags=re.I)]
                if spots:
                    gap = min(abs(x - max(where, 0)) for x in spots)
                    distances[cell.source] = min(gap, distances.get(cell.source, gap))
            if len(distances) >= need:
                # the gold fact whose words sit nearest the stated values
                gap = sum(distances.values()) / len(distances)
                if best is None or gap < best[0]:
                    best = (gap, g.gold_id)
        if best is not None:
            correct += 1
            matched_gold.add(best[1])
    return correct, found["fact_id"].nunique(), len(matched_gold), len(flagged_gold)


@pytest.mark.parametrize("name", ["basil-dev-2", "fakes-aleppo-2017-04-15"])
def test_hand_gold(name):
    if not (CORPORA / name).is_dir():
        pytest.skip(f"development corpus not found at {CORPORA / name}")
    gold = pd.read_csv(GOLD)
    grid, _ = _grid(CORPORA / name)
    correct, found, recalled, total = score(grid, gold[gold["corpus"] == name])
    print(f"{name}: precision {correct}/{found}, recall {recalled}/{total}")
    assert correct >= found - 1  # at most one false flag per corpus


def test_seed_gold(seeds_corpus):
    gold = pd.read_csv(GOLD)
    tables = analyze(seeds_corpus)
    texts = {doc.doc_id: doc.text for doc in seeds_corpus.documents}
    grid = facts(tables, texts, {d: d for d in texts})
    correct, found, recalled, total = score(grid, gold[gold["corpus"] == "seeds"])
    print(f"seeds: precision {correct}/{found}, recall {recalled}/{total}")
    # measured: one source says Chinese officials have not commented publicly "but state media and think-tanks
    # warn", and another reports Chinese concern second-hand: the reactions differ, and the silence is no denial
    reaction = grid[grid["kind"] == "reaction"].drop_duplicates("fact_id")
    assert set(reaction["state"]) == {"differ"} and "goes on “but state media" in reaction["note"].iloc[0]
    assert "Beijing’s public downplaying" in reaction["note"].iloc[0]
    assert recalled >= 3


NOTED = {
    "west.txt": "Smelter plan\n\nThe Delta Mining Company pledged $300 million for a copper smelter, officials said. "
                "The first cargo of ore left the port on March 3, 2024.",
    "river.txt": "Smelter deal\n\nThe city signed a $300 million memorandum with the Delta Mining Company for the smelter. "
                 "The first cargo of ore left the port in early March 2024, the company said.",
}


@pytest.fixture(scope="module")
def noted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("noted")
    for name, text in NOTED.items():
        (folder / name).write_text(text, encoding="utf-8")
    return _grid(folder)


def test_one_figure_in_different_words_agrees_and_shows_the_words(noted):
    grid, _ = noted
    money = grid[(grid["kind"] == "quantity") & grid["value"].str.contains("300", na=False)]
    # "pledged $300 million for a smelter" and "a $300 million memorandum for the smelter" are one figure
    assert set(money["state"]) == {"agree"}
    assert "investment" in money["note"].iloc[0] and "agreement" in money["note"].iloc[0]


def _two_articles(folder, first: str, second: str):
    """The facts grid of two articles, ``a.txt`` and ``b.txt``."""
    (folder / "a.txt").write_text(first, encoding="utf-8")
    (folder / "b.txt").write_text(second, encoding="utf-8")
    return _grid(folder)


def test_a_reaction_reported_second_hand_does_not_contradict_silence(tmp_path):
    grid, _ = _two_articles(tmp_path, "Port deal\n\nThe city signed a deal with Delta Shipping on Monday. "
                                      "There are reports that the Ministry of Ports expressed concern.",
                            "Port deal signed\n\nThe city signed a deal with Delta Shipping on Monday. "
                            "The Ministry of Ports has not commented publicly on the deal.")
    reaction = grid[grid["kind"] == "reaction"].drop_duplicates("fact_id")
    assert list(reaction["state"]) == ["differ"] and "second-hand" in reaction["note"].iloc[0]
    # the silence is quoted as written, as no reaction on record, not as "no reaction"
    assert "not commented publicly" in reaction["note"].iloc[0] and "on record" in reaction["note"].iloc[0]


def test_a_vaguer_date_corroborates_a_precise_one(noted):
    grid, _ = noted
    dates = grid[grid["kind"] == "event_date"]
    assert set(dates["state"]) == {"agree"}
    assert "March 3, 2024" in dates["note"].iloc[0] and "early March" in dates["note"].iloc[0]


def test_a_word_that_names_no_event_ties_no_date(tmp_path):
    grid, _ = _two_articles(tmp_path, "Campaign week\n\nAides did not expect to focus on the party's positions this "
                                      "week. The senator signed the pledge on 3 May 2031.",
                            "Campaign note\n\nHe said he would help the party in November by staying in the race. "
                            "The senator signed the pledge on 3 May 2031.")
    dates = grid[grid["kind"] == "event_date"]
    assert set(dates["label"]) == {"date of the signing"}


def test_the_facts_grid_and_the_numbers_agree_on_floors_and_on_vague_amounts(tmp_path):
    from toolkit.pipeline import analyze
    grid, corpus = _two_articles(
        tmp_path,
        "Convoy hit\n\nA car bomb hit a bus convoy in Norland on Saturday, killing at least 22 people, state media said. "
        "More than 5,000 people had left the two towns on Friday.",
        "Convoy bombing\n\nA car bomb hit a bus convoy in Norland on Saturday, killing at least 100 people, a monitor said. "
        "Thousands of people had left the two towns on Friday.")
    groups = analyze(corpus)["quantity_groups"]
    status = dict(zip(groups["label"], groups["status"]))
    state = grid[grid["kind"] == "quantity"].drop_duplicates("fact_id").set_index("label")["state"]
    killed = next(label for label in state.index if "killed" in label)
    assert state[killed] == "differ" and status["people killed"] == "floors_differ"
    # "thousands" holds "more than 5,000": the same figure said less precisely, in both sections
    assert not any(status.get(label) in ("diverge", "floors_differ") for label in status if "killed" not in label)
    assert all(s == "agree" for label, s in state.items() if label != killed)


def test_a_week_across_the_new_year_is_no_date_of_december():
    from toolkit.compare.facts import _date_overlap
    week = {"low": "2030-12-30", "high": "2031-01-05", "value": "this week"}
    assert not _date_overlap(week, {"low": "2030-12-11", "high": "2030-12-11", "value": "Dec. 11"})
    assert _date_overlap(week, {"low": "2031-01-02", "high": "2031-01-02", "value": "Jan. 2"})


def test_dates_weeks_apart_are_two_events_not_one_date_in_dispute():
    from toolkit.compare.facts import _events_apart
    week = {"source": "a", "low": "2030-12-30", "high": "2031-01-05", "value": "this week"}
    assert _events_apart([week, {"source": "b", "low": "2030-12-11", "high": "2030-12-11", "value": "Dec. 11"}])
    assert not _events_apart([week, {"source": "b", "low": "2031-01-08", "high": "2031-01-08", "value": "Jan. 8"}])


def test_a_year_alone_does_not_join_two_events():
    from toolkit.compare.facts import _events_apart
    week = {"source": "a", "low": "2030-12-30", "high": "2031-01-05", "value": "this week"}
    year = {"source": "b", "low": "2031-01-01", "high": "2031-12-31", "value": "2031"}
    assert _events_apart([week, year, {"source": "b", "low": "2030-12-11", "high": "2030-12-11", "value": "Dec. 11"}])


def test_a_day_one_source_alone_gives_an_event_is_set_beside_the_event_another_gives_it(tmp_path):
    grid, _ = _two_articles(tmp_path, "Port deal\n\nThe city signed the port deal on 8 March 2025. "
                                      "The first cargo was shipped on April 2, 2025, and a second one left soon after.",
                            "Cargo leaves\n\nThe March 8, 2025, first cargo shipped under the deal. "
                            "The first cargo was shipped on April 2, 2025, officials said.")
    notes = " ".join(grid.loc[grid["kind"] == "event_date", "note"].dropna().unique())
    assert "as the day of the signing" in notes, grid


def test_what_a_quantity_measures_is_read_from_its_label():
    from toolkit.compare.facts import _names_words, label_words
    assert label_words("share of Vale’s GDP") == "GDP" and label_words("mineral reserves") == "mineral reserves"
    texts = {"a": "The first shipment left the port.", "b": "Vale shipped its first batch of ore.", "c": "Talks went on."}
    sources = {"a": "a", "b": "b", "c": "c"}
    assert _names_words("shipment", "b", texts, sources) and not _names_words("shipment", "c", texts, sources)


def _reaction(tmp_path, state: str, demonym: str, capital: str) -> pd.DataFrame:
    """The reaction facts of two articles: one says the state's officials have not commented, yet writes of
    ``capital``'s public downplaying in a clause of its own; the other relays a protest."""
    grid, _ = _two_articles(tmp_path, "Port deal\n\nThe city signed a deal with Delta Shipping on Monday. "
                                      f"{demonym} officials have not commented publicly on the deal. "
                                      f"The deal may anger {state}, straining ties despite {capital}’s public downplaying.",
                            "Port deal signed\n\nThe city signed a deal with Delta Shipping on Monday. "
                            f"Reports say {state} protested.")
    return grid[grid["kind"] == "reaction"].drop_duplicates("fact_id")


def test_a_reaction_named_by_a_noun_and_a_capital_meets_silence_in_the_same_source(tmp_path):
    # "Oslo" is not Norland: a capital meets only its own state, so no noun reaction joins this fact
    assert set(_reaction(tmp_path, "Norland", "Norlandian", "Oslo")["state"]) == {"differ"}


def test_a_capitals_possessive_reaction_is_its_states(tmp_path):
    reaction = _reaction(tmp_path, "Turkey", "Turkish", "Ankara")
    # the hearsay cue "may" is in another clause: the downplaying is the source's own statement
    assert list(reaction["state"]) == ["inconsistent_within_source"]
    assert "says both" in reaction["note"].iloc[0] and "Ankara’s public downplaying" in reaction["note"].iloc[0]


def test_a_date_opening_its_sentence_dates_the_verb_of_its_clause(tmp_path):
    grid, _ = _two_articles(tmp_path, "Port deal\n\nIn March 2031, the city and Delta Shipping signed a port deal.",
                            "Port deal signed\n\nThe city signed the port deal on 8 March 2031.")
    dated = grid[(grid["kind"] == "event_date") & grid["mentioned"]]
    assert set(dated["label"]) == {"date of the signing"} and set(dated["source"]) == {"a", "b"}


def test_a_source_giving_two_tolls_of_its_own_is_inconsistent_within_itself(tmp_path):
    grid, _ = _two_articles(
        tmp_path,
        "Convoy hit\n\nA car bomb hit a bus convoy in Norland on Saturday, killing at least 100 people. "
        "The bombing of the bus convoy in Norland on Saturday killed 24 people.",
        "Convoy bombing\n\nA car bomb hit a bus convoy in Norland on Saturday, killing 24 people, a monitor said.")
    killed = grid[(grid["kind"] == "quantity") & grid["label"].str.contains("killed")].drop_duplicates("fact_id")
    assert killed["state"].tolist() == ["inconsistent_within_source"]
    assert "itself gives both" in killed["note"].iloc[0]


def test_years_alone_make_no_date_of_an_event(tmp_path):
    grid, _ = _two_articles(tmp_path, "Port deal\n\nThe attack of 2015 changed the port. The city signed a deal on Monday.",
                            "Port deal signed\n\nSince the attack in 2015 the port has changed. The city signed a deal.")
    assert not (grid["label"] == "date of the attack").any()


def test_reactions_in_neutral_words_are_no_fact_but_welcome_against_condemnation_is(tmp_path):
    grid, _ = _two_articles(tmp_path, "Port deal\n\nThe city signed a deal with Delta Shipping on Monday. Vale responded "
                                      "on Tuesday.", "Port deal signed\n\nThe city signed a deal with Delta Shipping on "
                                                     "Monday. Vale commented on it later.")
    assert not (grid["kind"] == "reaction").any()
    grid, _ = _two_articles(tmp_path, "Port deal\n\nThe city signed a deal with Delta Shipping on Monday. Vale welcomed "
                                      "the deal.", "Port deal signed\n\nThe city signed a deal with Delta Shipping on "
                                                   "Monday. Vale condemned the deal.")
    assert set(grid.loc[grid["kind"] == "reaction", "state"]) == {"differ"}


def test_the_dates_two_sources_share_are_the_event_and_a_third_sources_other_meeting_is_left_out():
    from toolkit.compare.facts import _one_event
    week = {"source": "a", "low": "2030-12-30", "high": "2031-01-05", "value": "this week"}
    month = {"source": "b", "low": "2030-12-01", "high": "2030-12-31", "value": "last month"}
    day = {"source": "c", "low": "2030-12-11", "high": "2030-12-11", "value": "Dec. 11"}
    year = {"source": "c", "low": "2031-01-01", "high": "2031-12-31", "value": "2031"}
    kept = _one_event([week, month, day, year])
    assert [s["value"] for s in kept] == ["last month", "Dec. 11"]
    # no two sources share a date: all are kept, for the dispute or the two-events test to read
    assert len(_one_event([week, day])) == 2


def test_sources_that_differ_are_a_difference_though_one_of_them_also_contradicts_itself():
    from toolkit.compare.facts import _sources_apart
    def figure(source, low, high=None):
        return {"source": source, "kind_of": "count", "low": low, "high": high if high is not None else float("inf"),
                "value": str(low), "wording": ""}
    torn = [figure("a", 100), figure("a", 24, 24)]  # "at least 100" and "24" in one source
    # two other sources' "at least 43" and "at least 100": floors far apart
    assert _sources_apart(torn + [figure("b", 43), figure("c", 100)])
    assert not _sources_apart(torn + [figure("b", 100), figure("c", 100)])  # only the torn source differs


def test_a_silence_its_source_qualifies_with_others_reaction_is_no_inconsistency(tmp_path):
    grid, _ = _two_articles(tmp_path, "Port deal\n\nThe city signed a deal with Delta Shipping on Monday. "
                                      "Turkish officials have not commented publicly, but state media warn that the deal "
                                      "could strain ties. The deal may anger Turkey despite Ankara’s public downplaying.",
                            "Port deal signed\n\nThe city signed a deal with Delta Shipping on Monday. "
                            "Reports say Turkey protested.")
    reaction = grid[grid["kind"] == "reaction"].drop_duplicates("fact_id")
    assert list(reaction["state"]) == ["differ"]
    assert "goes on “but state media warn”" in reaction["note"].iloc[0]
    assert "in its own voice it also writes “Ankara’s public downplaying”, which does not sit easily" in reaction["note"].iloc[0]


def test_a_vague_amount_beside_a_figure_of_the_same_source_is_not_quoted():
    name = "basil-dev-3"
    if not (CORPORA / name).is_dir():
        pytest.skip(f"development corpus not found at {CORPORA / name}")
    grid, _ = _grid(CORPORA / name)
    stated = grid[grid["mentioned"].astype(bool) & (grid["kind"] == "quantity")]
    for (_, source), cells in stated.groupby(["fact_id", "source"]):
        values = cells["value"].astype(str)
        vague = values.str.contains(r"^(?:billions|millions|thousands|hundreds)\b", case=False)
        assert not (vague.any() and (~vague).any()), f"{source} is quoted with both {list(values)}"


def test_an_article_that_says_its_toll_will_rise_counts_at_one_hour(tmp_path):
    grid, _ = _two_articles(tmp_path, "Blast in Vale\n\nAt least 20 people were killed in a car bomb blast in Vale on "
                                      "Monday, police said. Officials warned that the death toll was likely to rise.",
                            "Vale blast\n\nAt least 43 people were killed in a car bomb blast in Vale on Monday, a "
                            "monitor said.")
    killed = grid[(grid["kind"] == "quantity") & grid["label"].str.contains("killed")].drop_duplicates("fact_id")
    assert len(killed) == 1 and "“toll was likely to rise” in a" in killed["note"].iloc[0]


def test_a_party_named_otherwise_by_a_source_that_also_names_the_others_party_may_be_one_body(tmp_path):
    (tmp_path / "c.txt").write_text("Ships leave\n\nThe first ship left on Friday, after a $50 million memorandum of "
                                    "understanding with Norland's Army Engineering Corps. It was loaded with the help "
                                    "of the Harbour Works Authority.", encoding="utf-8")
    grid, _ = _two_articles(tmp_path, "Port deal\n\nNorland's Harbour Works Authority signed a $50 million memorandum "
                                      "of understanding with Delta Shipping on Monday.",
                            "Port deal signed\n\nThe Harbour Works Authority (HWA) signed two memorandums of "
                            "understanding with Delta Shipping on Monday.")
    note = grid.loc[grid["label"].str.startswith("parties to"), "note"].iloc[0]
    assert "c also names Harbour Works Authority elsewhere in its text" in note
    assert "its “Norland's Army Engineering Corps” may be another name of one of them, or a further party" in note
