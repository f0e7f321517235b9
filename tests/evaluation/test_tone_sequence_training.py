import numpy as np
import pytest

from toolkit.evaluation.tone_sequence_training import init, padded, scores, stack
from toolkit.measures.tone_model import clause_bounds, scope_marks
from toolkit.measures.tone_sequence import mention_inputs

SENTENCES = [
    ("The council imposed tough new sanctions on Veltria after the vote.", "Veltria"),
    ("Voters praised Senator Okafor for her honesty and hard work.", "Senator Okafor"),
    ("Okafor", "Okafor"),
    ("The agency revoked the waivers for Kestrel, not the grants to Norland.", "Norland"),
]


def _inputs():
    out = []
    for sentence, mention in SENTENCES:
        start = sentence.index(mention)
        out.append(mention_inputs(sentence, start, start + len(mention), clause_bounds(sentence, start, start + len(mention)),
                                  scope_marks(sentence)))
    return out


def _member(seed):
    weights = init(seed, 8)
    rng = np.random.default_rng(seed + 100)
    return {k: v + rng.standard_normal(v.shape).astype(np.float32) * 0.1 for k, v in weights.items()}


def test_stacked_members_score_as_their_mean():
    inputs = _inputs()
    members = [_member(seed) for seed in range(3)]
    mean = np.mean([scores(m, inputs) for m in members], axis=0)
    assert np.allclose(scores(stack(members), inputs), mean, atol=1e-4)


def test_init_is_deterministic_and_padding_masks():
    a, b = init(0, 8), init(0, 8)
    assert all(np.array_equal(a[k], b[k]) for k in a)
    batch = padded(_inputs())
    assert batch["mask"].sum() == sum(len(x[0]) for x in _inputs())


def test_jax_training_network_equals_the_numpy_inference():
    """The network trained with JAX (the tone-train extra) scores as the shipped numpy inference does."""
    jax = pytest.importorskip("jax")
    import jax.numpy as jnp

    from toolkit.evaluation.tone_sequence_training import _model
    from toolkit.measures.tone_embeddings import embeddings

    inputs = _inputs()
    for seed in (1, 2):
        weights = _member(seed)
        batch = {k: jnp.asarray(v) for k, v in padded(inputs).items()}
        trained = np.asarray(_model(jnp, jax)({k: jnp.asarray(v) for k, v in weights.items()}, batch, jnp.asarray(embeddings())))
        assert np.allclose(trained, scores(weights, inputs), atol=1e-4)


@pytest.mark.slow
def test_retraining_reproduces_the_shipped_weights(tmp_path):
    """The rebuild (JAX, the tone-train extra) writes the shipped weights again."""
    import os
    from pathlib import Path

    from conftest import ROOT
    from toolkit.evaluation.tone_sequence_training import fit_shipped, write
    from toolkit.measures.tone_sequence import ARRAYS, WEIGHTS_FILE

    pytest.importorskip("jax")
    benchmarks = Path(os.environ.get("BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))
    if not (benchmarks / "newsmtsc" / "train.jsonl").is_file():
        pytest.skip(f"{benchmarks / 'newsmtsc' / 'train.jsonl'} not found")
    write(fit_shipped(benchmarks), tmp_path / WEIGHTS_FILE)
    with np.load(tmp_path / WEIGHTS_FILE, allow_pickle=False) as new, np.load(ROOT / "toolkit" / "models" / WEIGHTS_FILE,
                                                                             allow_pickle=False) as shipped:
        assert all(np.array_equal(new[k], shipped[k]) for k in ARRAYS)
