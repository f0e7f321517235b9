"""The NewsQuant-dev evaluation: its matching on written examples, and its floors on the benchmark when present."""

import json
import os
from pathlib import Path

import pytest

from toolkit.evaluation.numbers_eval import evaluate, read_newsquant, score, toolkit_predictions, unit_match

from conftest import ROOT
BENCHMARKS = Path(os.environ.get("BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))


def _write(folder: Path, items: list[dict]) -> Path:
    (folder / "newsquant-dev").mkdir(parents=True)
    (folder / "newsquant-dev" / "newsquant_dev.json").write_text(json.dumps(items), encoding="utf-8")
    return folder


def test_matching_on_written_sentences(tmp_path):
    items = [
        {"text": "The plant employs about 300 workers and cost $5 million.",
         "quantities": [{"value": "300", "unit": "workers", "normalized_unit": "worker", "change": "~"},
                        {"value": "5000000", "unit": "$", "normalized_unit": "dollar", "change": "="}]},
        {"text": "Fees range from 1 per cent to 1.5 per cent, officials said on 3 May 2021.",
         "quantities": [{"value": "1-1.5", "unit": "percent", "normalized_unit": "percentage", "change": "="}]},
        {"text": "Nothing here is counted.", "quantities": []},
    ]
    data = read_newsquant(_write(tmp_path, items) / "newsquant-dev")
    result = score(data, [toolkit_predictions(item["text"]) for item in data])
    assert result["value"] == (1.0, 1.0, 1.0) and result["value_unit"] == (1.0, 1.0, 1.0)
    assert result["change_accuracy"] == 1.0 and not result["errors"]


def test_unit_match():
    assert unit_match("USD", {"unit": "$", "normalized_unit": "dollar"})
    assert unit_match("km", {"unit": "kilometers", "normalized_unit": "kilometre"})
    assert unit_match("player", {"unit": "first-team players", "normalized_unit": "first-team player"})
    assert unit_match("", {"unit": "-", "normalized_unit": "-"})
    assert not unit_match("km", {"unit": "miles", "normalized_unit": "mile"})


def test_missing_folder_is_skipped_with_a_message(tmp_path):
    messages = []
    assert evaluate(tmp_path / "absent", log=messages.append) == []
    assert messages and "not found" in messages[0]


@pytest.mark.skipif(not (BENCHMARKS / "newsquant-dev").is_dir(), reason="NewsQuant-dev not found (set BENCHMARKS)")
def test_floors_on_newsquant_dev():
    rows = {(m, metric): value for m, _, metric, value, _ in evaluate(BENCHMARKS, log=lambda *_: None, baseline_rows=True)}
    assert rows[("numbers (toolkit.measures.numbers): value", "f1")] >= 0.93
    assert rows[("numbers (toolkit.measures.numbers): value+unit", "f1")] >= 0.88
    assert rows[("numbers (toolkit.measures.numbers): value", "f1")] > rows[("numbers (quantulum3): value", "f1")]
