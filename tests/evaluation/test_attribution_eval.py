"""Attribution against the hand-made gold of the development corpora (skipped when they are absent)."""

import os
from pathlib import Path

import pytest

from conftest import GOLD, ROOT
from toolkit.evaluation.attribution_eval import confusion, evaluate

CORPORA = Path(os.environ.get("CORPORA", ROOT.parent / "shared" / "corpora"))


def test_skips_with_a_message_without_the_corpora(tmp_path):
    messages = []
    assert evaluate(tmp_path / "absent", GOLD / "attribution_dev", log=messages.append) == []
    assert "not found" in messages[0]


@pytest.fixture(scope="module")
def figures():
    if not (CORPORA / "basil-dev-0").is_dir():
        pytest.skip(f"development corpora not found at {CORPORA}")
    return {(m, metric): value for m, _, metric, value, _ in evaluate(CORPORA, GOLD / "attribution_dev", log=lambda m: None)}


@pytest.mark.parametrize("measure, metric, floor", [
    # measured 0.891, 0.788, 0.824, 0.908 (0.829, 0.676, 0.521 before the rules were changed)
    ("attribution sentences", "f1", 0.87),
    ("attribution cues", "f1", 0.76),
    ("attribution source type", "accuracy", 0.80),
    ("attribution source found", "accuracy", 0.88),
])
def test_floors_on_the_development_sample(figures, measure, metric, floor):
    assert figures[(measure, metric)] >= floor


def test_confusion_counts_every_matched_cue(figures):
    table = confusion(CORPORA, GOLD / "attribution_dev")
    assert table.values.sum() > 80 and "government" in table.columns
