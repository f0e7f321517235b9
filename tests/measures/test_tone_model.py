import os
from pathlib import Path

import pytest

from toolkit.measures.tone_model import CLASSES, featurize, load_weights, predict, train, write_weights

from conftest import ROOT

BENCHMARKS = Path(os.environ.get("BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))


def test_weights_load_without_pickle():
    weights = load_weights("actor_tone")
    assert "__bias__" in weights and all(len(w) == len(CLASSES) for w in weights.values())


def test_prediction_is_a_distribution_and_masks_the_mention():
    sentence = "Alpha praised the deal as a great success."
    probs = predict(featurize(sentence, 0, 5), load_weights("actor_tone"))
    assert abs(sum(probs.values()) - 1) < 1e-9
    renamed = predict(featurize("Omega praised the deal as a great success.", 0, 5), load_weights("actor_tone"))
    assert probs == renamed  # the name itself carries no tone


def test_names_carry_no_weight():
    weights = load_weights("actor_tone")
    assert not any(f[2:] in {"china", "pakistan", "obama", "trump", "russia"} for f in weights)


@pytest.mark.slow
def test_retraining_reproduces_the_shipped_weights(tmp_path):
    if not (BENCHMARKS / "newsmtsc" / "train.jsonl").is_file():
        pytest.skip(f"NewsMTSC not found at {BENCHMARKS}")
    for name, rows in train(BENCHMARKS).items():
        write_weights(rows, tmp_path / f"{name}.csv")
        shipped = (ROOT / "toolkit" / "models" / f"{name}.csv").read_text(encoding="utf-8")
        assert (tmp_path / f"{name}.csv").read_text(encoding="utf-8") == shipped, name
