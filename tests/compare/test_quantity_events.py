"""What a quantity counts and which event it belongs to; tolls of one incident aligned across sources."""

import pandas as pd
import pytest

from toolkit import load_corpus
from toolkit.compare.alignment import align
from toolkit.compare.quantity_events import Evidence, conflict, counted_class, evidence, same_incident
from toolkit.measures.number_context import NUMBER_MARK
from toolkit.measures.numbers import numbers


def _row(before, after, unit="person", kind="count"):
    return {"kind": kind, "unit": unit, "context": f"x || {before}{NUMBER_MARK}{after}"}


@pytest.mark.parametrize("unit,expected", [("person", "person"), ("civilian", "person"), ("other", "person"),
                                           ("life", "person"), ("child", "child"), ("soldier", "soldier"), ("ton", "ton")])
def test_counted_class(unit, expected):
    assert counted_class(unit) == expected


@pytest.mark.parametrize("before,after,outcome", [
    ("", "were killed in the flood", "killed"),
    ("A gas blast at the depot killing", "and wounding dozens", "killed"),
    ("The storm left", "dead and 40 injured", "killed"),
    ("Four people were killed and", "wounded in the crash", "injured"),
    ("The earlier toll was", "with 50 others injured", "killed"),
    ("The bomb killed and wounded", "near the station", "killed_or_injured"),
    ("Rescuers said", "had been pulled from the rubble", ""),
    # a verb right before the number governs it; a participle after the noun says who they were
    ("A bomb hit the convoy, killing and wounding", "of people evacuated from two towns", "killed_or_injured"),
    ("A shell hit the market, wounding at least", "people evacuated from the town", "injured"),
    # a participle ending the toll before it governs nothing
    ("8 persons killed,", "others injured in the shelling", "injured"),
])
def test_outcome_is_read_from_the_nearest_outcome_word(before, after, outcome):
    assert evidence(_row(before, after)).outcome == outcome


def test_running_total_and_events():
    total = evidence(_row("The conflict has killed", "since it began"))
    blast = evidence(_row("A car bomb killed", "at the market on Friday"))
    assert total.cumulative and not blast.cumulative and "explosion" in blast.events and "friday" in blast.weekdays
    assert conflict(total, blast, "count") == "a running total vs one incident"


def test_conflicts_between_tolls():
    friday = Evidence("person", "killed", frozenset({"explosion"}), frozenset({"friday"}))
    tuesday = Evidence("person", "killed", frozenset({"explosion"}), frozenset({"tuesday"}))
    floods = Evidence("person", "killed", frozenset({"flood"}))
    assert conflict(friday, tuesday, "count") == "different days"
    assert conflict(friday, floods, "count") == "different events"
    assert conflict(friday, Evidence("person", "injured", frozenset({"explosion"})), "count") == "killed vs injured"
    assert conflict(friday, Evidence("person", "killed", frozenset({"explosion"})), "count") == ""
    assert same_incident(friday, Evidence("person", "killed", frozenset({"explosion"})))


def test_a_date_takes_the_event_word_nearest_it():
    date = _row("The", ", trial delivery to the buyer, following the agreement signed in May", kind="date", unit="date")
    assert evidence(date).events == frozenset({"shipment"})
    signed = _row("The two firms signed the contract on", "", kind="date", unit="date")
    assert conflict(evidence(date), evidence(signed), "date") == "different events"


ARTICLES = {
    "north": "Market blast kills 12\n\nA car bomb exploded at the central market of Tarvel on Friday, killing at least "
             "12 people and wounding 40, the health ministry said. The ten-year conflict has killed more than 300,000 "
             "people since it began. In March another car bomb in the same town killed 31 people.",
    "south": "Toll rises in market bombing\n\nThe death toll from the car bomb at the Tarvel market rose to 25 on Friday, "
             "activists said. Dozens more were wounded in the explosion.",
    "east": "Bomb hits market\n\nThe bomb that hit the Tarvel market on Friday killed 19 civilians, a monitoring group "
            "said. The death toll was estimated between 15 and 30 by local doctors.",
}


@pytest.fixture(scope="module")
def aligned(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tolls")
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return align(numbers(load_corpus(folder)))


def _group_of(mentions, surface):
    return mentions.loc[mentions["surface"].str.contains(surface, regex=False), "group_id"].iloc[0]


def test_tolls_of_one_attack_diverge_across_sources(aligned):
    mentions, groups = aligned
    killed = _group_of(mentions, "at least 12 people")
    assert _group_of(mentions, "25") == killed and _group_of(mentions, "19 civilians") == killed
    row = groups.set_index("group_id").loc[killed]
    assert row["status"] == "diverge" and row["n_sources"] == 3 and row["relative_gap"] > 0
    # the range is one figure of the same toll
    assert _group_of(mentions, "between 15 and 30") == killed


def test_other_tolls_stay_out_of_the_group(aligned):
    mentions, _ = aligned
    killed = _group_of(mentions, "at least 12 people")
    assert _group_of(mentions, "more than 300,000") != killed  # the whole war's toll
    assert _group_of(mentions, "31 people") != killed  # another attack, months earlier
    assert _group_of(mentions, "40") != killed  # the wounded


def test_each_figure_carries_its_attributed_source(aligned):
    mentions, _ = aligned
    sources = dict(zip(mentions["surface"], mentions["attributed_to"]))
    assert "ministry" in sources["at least 12 people"].lower()
    assert "activists" in sources["25"].lower()


def test_empty_context_gives_no_evidence():
    assert evidence({"kind": "count", "unit": "person", "context": ""}) == Evidence("person")
    assert isinstance(pd.DataFrame([evidence(_row("", "killed"))]), pd.DataFrame)


def test_counts_of_the_texts_own_parts_are_no_news_figure():
    from toolkit.compare.quantity_events import counts_structure
    assert counts_structure("categories") and counts_structure("element") and not counts_structure("civilian")
