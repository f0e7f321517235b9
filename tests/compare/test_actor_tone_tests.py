"""Differences in tone toward an actor are reported only when they exceed chance."""

import pandas as pd

from toolkit.compare.actor_tone_tests import actor_tone_differences
from toolkit.present.sections import _tone_differences


def _mentions(groups: dict[str, list[float]], actor: str = "Vale", quoted: bool = False) -> list[dict]:
    return [{"doc_id": d, "actor": actor, "score": s, "quoted": quoted} for d, scores in groups.items() for s in scores]


def test_a_clear_difference_survives_and_is_named():
    rows = _mentions({"a": [0.8, 0.7, 0.9, 0.8, 0.6], "b": [-0.7, -0.8, -0.6, -0.9, -0.5]})
    table = actor_tone_differences({"actor_sentiment": pd.DataFrame(rows)})
    assert table["survives"].tolist() == [True]
    assert "differs by more than chance toward Vale (highest in `a`" in _tone_differences(table)


def test_three_mentions_against_nine_of_similar_tone_is_no_finding():
    rows = _mentions({"a": [0.3, -0.2, 0.5], "b": [-0.1, 0.2, -0.3, 0.0, 0.4, -0.2, 0.1, -0.4, 0.3]})
    table = actor_tone_differences({"actor_sentiment": pd.DataFrame(rows)})
    assert table["survives"].tolist() == [False]
    assert "No difference survives" in _tone_differences(table)


def test_sources_with_too_few_mentions_and_quoted_mentions_are_not_tested():
    rows = _mentions({"a": [0.9, 0.8], "b": [-0.9, -0.8, -0.7]}) + _mentions({"a": [0.9, 0.9, 0.9]}, quoted=True)
    table = actor_tone_differences({"actor_sentiment": pd.DataFrame(rows)})
    assert table.empty and "can be tested" in _tone_differences(table)


def test_the_same_mentions_give_the_same_p_values():
    rows = pd.DataFrame(_mentions({"a": [0.1, 0.5, 0.2, 0.4], "b": [0.0, -0.3, 0.2, -0.1]}))
    first = actor_tone_differences({"actor_sentiment": rows})
    assert first.equals(actor_tone_differences({"actor_sentiment": rows}))


def test_sources_on_different_events_are_not_compared():
    rows = _mentions({"a": [0.8, 0.7, 0.9, 0.8, 0.6], "b": [-0.7, -0.8, -0.6, -0.9, -0.5], "c": [-0.6, -0.7, -0.8]})
    groups = pd.DataFrame({"doc_id": ["a", "b", "c"], "event_group": [1, 2, 1]})
    table = actor_tone_differences({"actor_sentiment": pd.DataFrame(rows), "event_groups": groups})
    # a and c report one event; b, the most negative, another: only a and c are compared
    assert table["sources"].tolist() == [2] and table["lowest"].tolist() == ["c"]
    alone = groups.assign(event_group=[1, 2, 3])
    table = actor_tone_differences({"actor_sentiment": pd.DataFrame(rows), "event_groups": alone})
    assert table.empty and "of one event group" in _tone_differences(table, alone)
