import io
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import toolkit
from toolkit.measures.tone_model import CLASSES, featurize, load_weights, predict, target_tone, vader, vader_scores
from toolkit.evaluation.tone_training import missing, train, validation_rows, write_weights

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
    if missing(BENCHMARKS):
        pytest.skip(missing(BENCHMARKS))
    exact = blas_kernels() == {"Haswell"}  # the kernels the weights were built with (see the Makefile)
    for name, rows in train(BENCHMARKS).items():
        write_weights(rows, tmp_path / f"{name}.csv")
        shipped = (ROOT / "toolkit" / "models" / f"{name}.csv").read_text(encoding="utf-8")
        rebuilt = (tmp_path / f"{name}.csv").read_text(encoding="utf-8")
        if exact:
            assert rebuilt == shipped, name
        else:  # other kernels round the last bits of products otherwise: equal to the written digits' rounding
            a, b = (pd.read_csv(io.StringIO(t), keep_default_na=False, index_col="feature") for t in (rebuilt, shipped))
            assert a.index.equals(b.index) and np.allclose(a, b, rtol=2e-3, atol=2e-6), name


def blas_kernels() -> set[str]:
    """The kernels (``architecture``) of the OpenBLAS libraries loaded."""
    from threadpoolctl import threadpool_info

    return {info.get("architecture") for info in threadpool_info() if info.get("internal_api") == "openblas"}


@pytest.fixture(params=["fast", "contextual"])
def model(request):
    """Each actor model behind ``target_tone`` (the contextual one needs its encoder's package)."""
    from toolkit.measures.contextual_encoder import INSTALL, available

    if request.param == "contextual" and not available():
        pytest.skip(f"the contextual model needs its encoder ({INSTALL})")
    return request.param


def _tone(sentence: str, mention: str, model: str = "contextual") -> dict:
    start = sentence.index(mention)
    return target_tone(sentence, start, start + len(mention), model=model)


def test_target_tone_is_exported_and_returns_a_distribution():
    assert toolkit.target_tone is target_tone and "target_tone" in toolkit.__all__
    tone = _tone("The harbour board met on Tuesday to discuss the budget.", "harbour board")
    assert set(tone) == {"label", "p_neg", "p_neu", "p_pos"}
    assert abs(tone["p_neg"] + tone["p_neu"] + tone["p_pos"] - 1) < 1e-9
    assert tone["label"] == max(CLASSES, key=lambda c: tone["p_" + c])


@pytest.mark.parametrize("start, end", [(-1, 3), (5, 5), (0, 999), (3.0, 5)])
def test_target_tone_rejects_offsets_outside_the_text(start, end):
    with pytest.raises(ValueError):
        target_tone("Alpha met Beta.", start, end)


@pytest.mark.parametrize("sentence, mention", [
    ("Corvan Industries was accused of hiding losses from its investors.", "Corvan Industries"),
    ("Critics blamed Mayor Lindqvist for the failure of the housing plan.", "Mayor Lindqvist"),
])
def test_bad_news_for_the_target_is_negative(sentence, mention, model):
    assert _tone(sentence, mention, model)["label"] == "neg"


@pytest.mark.parametrize("sentence, control, mention", [
    ("The council imposed tough new sanctions on Veltria after the vote.",
     "The council held a meeting with Veltria after the vote.", "Veltria"),
    ("The agency recently revoked trade waivers for the Kestrel port.",
     "The agency recently discussed trade rules for the Kestrel port.", "Kestrel port"),
])
def test_what_is_done_to_the_target_leans_negative(sentence, control, mention, model):
    """Sanctions on X, waivers revoked for X: never positive toward X, and more negative than a neutral event."""
    tone, neutral = _tone(sentence, mention, model), _tone(control, mention, model)
    assert tone["p_neg"] > tone["p_pos"] and tone["p_neg"] > neutral["p_neg"]


def test_effect_rules():
    from toolkit.measures.tone_model import effect_after, effect_on_target

    assert effect_on_target(["on", "sanctions", "imposed"]) == -1  # sanctions on X
    assert effect_on_target(["on", "sanctions", "lifted"]) == 1  # lifted sanctions on X
    assert effect_on_target(["for", "waivers", "revoked"]) == -1  # revoked waivers for X
    assert effect_on_target(["for", "support"]) == 1
    assert effect_on_target(["to", "bridge", "a"]) == 0  # a bridge to X
    assert effect_after(["was", "accused", "of"]) == ("patient", -1)
    assert effect_on_target(["for", "support", "regional", "in", "shift", "a"]) == -1  # a shift in support for X
    assert effect_on_target(["to", "shift", "a"]) == 0  # a shift to X: a word of change does nothing alone
    assert effect_on_target(["on", "tariffs", "lowering"]) == 1  # lowering tariffs on X
    # revoked the waivers it had granted to X: the reverser is further back, its scope reaches X
    assert effect_on_target(["to", "granted", "had", "it", "waivers", "the", "revoked"], reversed_scope=True) == -1
    assert effect_on_target(["on", "sanctions", "lifted"], reversed_scope=True) == 1  # reversed once, not twice


@pytest.mark.parametrize("sentence, mention", [
    ("Voters praised Senator Okafor for her honesty and hard work.", "Senator Okafor"),
    ("The award honoured Dr Moreau for decades of brilliant research.", "Dr Moreau"),
])
def test_praise_for_the_target_is_positive(sentence, mention, model):
    assert _tone(sentence, mention, model)["label"] == "pos"


def test_tone_follows_the_target_not_the_sentence(model):
    sentence = "Investors praised Kestrel Bank, while they sharply criticised Harlow Trust for its losses."
    assert _tone(sentence, "Kestrel Bank", model)["p_pos"] > _tone(sentence, "Harlow Trust", model)["p_pos"]
    assert _tone(sentence, "Harlow Trust", model)["label"] == "neg"


def test_cross_validated_figures_skip_without_benchmarks(tmp_path):
    messages = []
    assert validation_rows(tmp_path / "absent", messages.append) == []
    assert "not found" in messages[0]


def test_training_cli_stops_with_a_message_without_benchmarks(tmp_path, capsys):
    from toolkit.evaluation.tone_training import main

    assert main(["--benchmarks", str(tmp_path / "absent"), "--out", str(tmp_path)]) == 2
    assert "not found" in capsys.readouterr().out


def test_actor_model_weighs_the_context_embeddings():
    from toolkit.measures.tone_model import EMBEDDING_FEATURES, embedding_weights

    dense = embedding_weights("actor_tone")
    assert dense is not None and dense.shape == (len(EMBEDDING_FEATURES), len(CLASSES))
    assert embedding_weights("sentence_tone") is None


def test_reversers_scope_like_a_negation():
    from toolkit.measures.tone_model import _tokens

    assert _tokens("they withdrew its support, then left", reverse=True) == ["they", "withdrew", "NOT_its", "NOT_support", "then", "left"]
    assert _tokens("they withdrew its support, then left") == ["they", "withdrew", "its", "support", "then", "left"]


@pytest.mark.parametrize("sentence, mention", [
    ("The council withdrew its support for Norland after the vote.", "Norland"),
    ("The agency revoked the trade waivers it had granted to Norland last year.", "Norland"),
    ("Regulators recently revoked the export waivers for Norland, a blow to its growers.", "Norland"),
    ("The agency recently revoked trade waivers for Kestrel, signalling a shift in regional support for Norland's rail plans.",
     "Norland"),
])
def test_support_taken_away_is_not_positive(sentence, mention, model):
    """Benefit withdrawn from X ("withdrew support for X", "revoked waivers for X") is never read as positive toward X."""
    tone = _tone(sentence, mention, model)
    assert tone["label"] != "pos" and tone["p_pos"] < tone["p_neg"]


@pytest.mark.parametrize("text", ["The board met on Tuesday.", "", "   ", "no", "Vale did not win.", "ok :)",
                                  "The plan was kind of a failure.", "A GREAT day for Norland!!!", "“Tariffs”, he said —",
                                  "The port's 2019 budget (revised)", "café opening", "x y z"])
def test_vader_scores_equal_vaders_own(text):
    """Texts with no word in VADER's lexicon skip VADER, with the very scores VADER gives them."""
    assert vader_scores.__wrapped__(text) == vader().polarity_scores(text)
