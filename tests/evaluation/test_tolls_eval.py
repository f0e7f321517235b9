"""Casualty tolls against the hand-made gold of the FA-KES development corpora (skipped when absent)."""

import os
from pathlib import Path

import pytest

from conftest import GOLD, ROOT
from toolkit.evaluation.tolls_eval import _locate, evaluate

CORPORA = Path(os.environ.get("CORPORA", ROOT.parent / "shared" / "corpora"))


def test_locate_finds_a_figure_through_its_context():
    raw = "Title\n\nAt least 12 people died. Later 12 more were hurt."
    text = "At least 12 people died. Later 12 more were hurt."
    start = raw.index("12 more")
    assert text[_locate(raw, text, start, start + 2):][:7] == "12 more"


def test_skips_with_a_message_without_the_corpora(tmp_path):
    messages = []
    assert evaluate(tmp_path, GOLD / "tolls_dev", log=messages.append) == []
    assert "not found" in messages[0]


@pytest.mark.skipif(not (CORPORA / "fakes-aleppo-2017-04-15").is_dir(), reason="development corpora not found")
def test_floors_on_the_fakes_corpora():
    rows = {(m, metric): value for m, _, metric, value, _ in evaluate(CORPORA, GOLD / "tolls_dev", log=lambda m: None)}
    # measured: found 0.857; linked recall 0.758, precision 0.719; verdicts 0.875 (16)
    assert rows[("casualty figures found", "recall")] >= 0.83
    assert rows[("casualty figures linked across outlets", "recall")] >= 0.70
    assert rows[("casualty figures linked across outlets", "precision")] >= 0.65
    assert rows[("casualty toll verdicts", "accuracy")] >= 0.80
