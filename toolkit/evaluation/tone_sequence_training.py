"""Training of the actor-tone model's convolutional half (not imported at run time).

Trains the network of :mod:`toolkit.measures.tone_sequence` on NewsMTSC
``train.jsonl`` (Hamborg & Donnay, EACL 2021, MIT licence) with JAX (the
``tone-train`` extra; CPU only), and writes its weights to
``toolkit/models/actor_tone_sequence.npz``. Every setting (width, dropout,
learning rate, epochs, the members of the ensemble, the weight of the network
against the linear model) is chosen by 5-fold cross-validation inside
``train.jsonl``, grouped by article (:func:`toolkit.evaluation.tone_training.fold_of`),
so that the development splits are read once, to check the shipped model.

Variants tried, macro-F1 by 5-fold cross-validation inside NewsMTSC train,
grouped by article (the convolutional model alone, and averaged with the
linear model at the best ``SEQUENCE_WEIGHT`` of 0.2 .. 0.6; linear model
alone 0.648)::

    variant                                           alone   averaged
    one network, every token of the mention kept      0.597   0.659
    one network, the mention one marker token,
      two convolutions (the second dilated)           0.603   0.661
    three networks (seeds 0, 1, 2), one convolution   0.616   0.665
    ... and scope flags (negators, reversers)         0.613   0.664

The shipped variant is the last, three networks with one convolution, 12
epochs (the best of 1 .. 12 averaged over the folds), ``SEQUENCE_WEIGHT``
0.4: its flags of negation and reversal scope cost nothing in
cross-validation (0.663 against 0.665 at 12 epochs, within the spread from
one epoch to the next) and let the network read "revoked the waivers for X"
apart from "the waivers for X".

Rebuild the shipped weights (also done by
:mod:`toolkit.evaluation.tone_training`'s rebuild)::

    python -m toolkit.evaluation.tone_sequence_training --benchmarks ../shared/benchmarks

The same data gives the same weights: the initialisation and the order of the
examples come from fixed seeds, and XLA runs on one thread.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import numpy as np

from ..measures.tone_embeddings import embeddings
from ..measures.tone_model import CLASSES, clause_bounds, scope_marks
from ..measures.tone_sequence import ARRAYS, DISTANCE, WEIGHTS_FILE, mention_inputs
from .tone_training import FOLDS, fold_of, macro_f1, read_newsmtsc

#: Width of the projected embeddings and of the convolution's output.
WIDTH = 96
#: Dropout on the token vectors and on the pooled vector while training.
DROPOUT = 0.3
#: Adam's step size and the L2 penalty on the weights.
LEARNING_RATE = 1e-3
WEIGHT_DECAY = 1e-5
#: Examples per step.
BATCH = 32
#: Epochs of the shipped model, chosen by :func:`cross_validate` (CV macro-F1 of the three networks alone
#: 0.609 after 8 epochs, 0.612 after 10, 0.607 after 12; averaged with the linear model: 0.659, 0.663, 0.663;
#: without the scope flags: 0.610, 0.611, 0.616 and 0.661, 0.664, 0.665).
EPOCHS = 12
#: Most epochs tried by cross-validation.
MAX_EPOCHS = 12
#: Seeds of the networks trained (their scores are averaged).
SEEDS = (0, 1, 2)


def _jax():
    os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")
    os.environ.setdefault("JAX_PLATFORMS", "cpu")
    try:
        import jax
        import jax.numpy as jnp
    except ImportError as exc:  # pragma: no cover - training only
        raise SystemExit("training the sequence model needs JAX: pip install 'newslens-toolkit[tone-train]'") from exc
    return jax, jnp


def inputs_of(rows) -> list[tuple]:
    """:func:`toolkit.measures.tone_sequence.mention_inputs` of NewsMTSC rows ``(sentence, from, to, ...)``."""
    return [mention_inputs(s, a, b, clause_bounds(s, a, b), scope_marks(s)) for s, a, b, *_ in rows]


def padded(inputs: list[tuple]) -> dict[str, np.ndarray]:
    """The inputs as arrays (mentions x longest), zero-padded, with a ``mask``."""
    n, length = len(inputs), max(len(x[0]) for x in inputs)
    out = {"ids": np.zeros((n, length), np.int32), "bucket": np.full((n, length), DISTANCE, np.int32),
           "clause": np.zeros((n, length), np.float32), "mention": np.zeros((n, length), np.float32),
           "scope": np.zeros((n, length), np.float32), "mask": np.zeros((n, length), np.float32)}
    for i, (ids, bucket, clause, mention, scope) in enumerate(inputs):
        k = len(ids)
        out["ids"][i, :k], out["bucket"][i, :k], out["clause"][i, :k], out["mention"][i, :k] = ids, bucket, clause, mention
        out["scope"][i, :k] = scope
        out["mask"][i, :k] = 1.0
    return out


def init(seed: int, width: int = WIDTH) -> dict[str, np.ndarray]:
    """Initial weights (``ARRAYS``), from a fixed seed."""
    rng = np.random.default_rng(seed)
    table = embeddings()
    scale = 1.0 / (np.sqrt(table.shape[1]) * float(np.sqrt(np.mean(table.astype(np.float64) ** 2))))
    buckets = 2 * DISTANCE + 1

    def normal(shape, std):
        return (rng.standard_normal(shape) * std).astype(np.float32)

    return {"w_in": normal((table.shape[1], width), scale), "b_in": np.zeros(width, np.float32),
            "marker": normal(width, 1.0), "distance": normal((buckets, width), 0.1), "clause": normal(width, 0.1), "scope": normal(width, 0.1),
            "w_conv": normal((3 * width, width), np.sqrt(2.0 / (3 * width))), "b_conv": np.zeros(width, np.float32),
            "query": normal((width, 1), 0.1), "distance_att": np.zeros((buckets, 1), np.float32),
            "w_out": normal((2 * width, len(CLASSES)), np.sqrt(1.0 / (2 * width))), "b_out": np.zeros(len(CLASSES), np.float32)}


def _model(jnp, jax):
    def logits(params, batch, table, key=None, dropout=0.0):
        m = batch["mention"][..., None]
        x = ((1 - m) * (table[batch["ids"]] @ params["w_in"]) + m * params["marker"] + params["b_in"]
             + params["distance"][batch["bucket"]] + batch["clause"][..., None] * params["clause"]
             + batch["scope"][..., None] * params["scope"])
        mask = batch["mask"][..., None]
        if key is not None:
            key, sub = jax.random.split(key)
            x = x * jax.random.bernoulli(sub, 1 - dropout, x.shape) / (1 - dropout)
        x = x * mask
        xp = jnp.pad(x, ((0, 0), (1, 1), (0, 0)))
        window = jnp.concatenate([xp[:, :-2], xp[:, 1:-1], xp[:, 2:]], axis=-1)
        h = jax.nn.relu(window @ params["w_conv"] + params["b_conv"]) * mask
        score = (h @ params["query"])[..., 0] + params["distance_att"][batch["bucket"]][..., 0]  # one head
        score = jnp.where(batch["mask"] > 0, score, -1e9)
        a = jax.nn.softmax(score, axis=1)
        pooled = jnp.concatenate([jnp.sum(a[..., None] * h, axis=1), jnp.max(h, axis=1)], axis=-1)
        if key is not None:
            key, sub = jax.random.split(key)
            pooled = pooled * jax.random.bernoulli(sub, 1 - dropout, pooled.shape) / (1 - dropout)
        return pooled @ params["w_out"] + params["b_out"]

    return logits


def train(inputs: list[tuple], labels: list[str], seed: int, epochs: int = EPOCHS, evaluate=None,
          width: int = WIDTH, dropout: float = DROPOUT, learning_rate: float = LEARNING_RATE,
          weight_decay: float = WEIGHT_DECAY) -> dict[str, np.ndarray]:
    """Weights of one network trained for ``epochs`` (Adam, class-balanced cross-entropy).

    ``evaluate``: called with the weights after every epoch (cross-validation's scores per epoch).
    """
    jax, jnp = _jax()
    logits = _model(jnp, jax)
    data = padded(inputs)
    y = np.array([CLASSES.index(label) for label in labels], np.int32)
    counts = np.bincount(y, minlength=len(CLASSES))
    class_weight = jnp.asarray(len(y) / (len(CLASSES) * counts), jnp.float32)

    table = jnp.asarray(embeddings())

    def loss(params, batch, target, key, table):
        out = jax.nn.log_softmax(logits(params, batch, table, key, dropout))
        nll = -jnp.take_along_axis(out, target[:, None], axis=1)[:, 0]
        w = class_weight[target]
        penalty = sum(jnp.sum(params[k] ** 2) for k in ("w_in", "w_conv", "w_out"))
        return jnp.sum(w * nll) / jnp.sum(w) + weight_decay * penalty

    beta1, beta2, eps = 0.9, 0.999, 1e-8

    @jax.jit
    def step(params, moments, batch, target, key, t, table):
        value, grads = jax.value_and_grad(loss)(params, batch, target, key, table)
        m, v = moments
        m = {k: beta1 * m[k] + (1 - beta1) * grads[k] for k in params}
        v = {k: beta2 * v[k] + (1 - beta2) * grads[k] ** 2 for k in params}
        params = {k: params[k] - learning_rate * (m[k] / (1 - beta1 ** t)) / (jnp.sqrt(v[k] / (1 - beta2 ** t)) + eps)
                  for k in params}
        return params, (m, v), value

    params = {k: jnp.asarray(v) for k, v in init(seed, width).items()}
    moments = ({k: jnp.zeros_like(v) for k, v in params.items()}, {k: jnp.zeros_like(v) for k, v in params.items()})
    rng = np.random.default_rng(seed)
    key = jax.random.PRNGKey(seed)
    t = 0
    n = len(y)
    for epoch in range(epochs):
        order = rng.permutation(n)
        for i in range(0, n - BATCH + 1, BATCH):  # full batches only: one compiled shape
            take = order[i:i + BATCH]
            batch = {k: jnp.asarray(v[take]) for k, v in data.items()}
            key, sub = jax.random.split(key)
            t += 1
            params, moments, _ = step(params, moments, batch, jnp.asarray(y[take]), sub, t, table)
        if evaluate is not None:
            evaluate(epoch + 1, {k: np.asarray(v, np.float32) for k, v in params.items()})
    return {k: np.asarray(v, np.float32) for k, v in params.items()}


def scores(weights: dict[str, np.ndarray], inputs: list[tuple]) -> np.ndarray:
    """Class scores of ``inputs`` by the numpy inference of :mod:`toolkit.measures.tone_sequence`."""
    from ..measures.tone_sequence import fold, forward

    return forward(fold(weights), inputs)


def log_softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def cross_validate(inputs: list[tuple], labels: list[str], groups: list[str], seeds=SEEDS, max_epochs: int = MAX_EPOCHS,
                   log=print, **settings) -> dict[int, np.ndarray]:
    """Out-of-fold log-probabilities (mentions x 3, averaged over ``seeds``) after each epoch, 5 folds by article."""
    fold = np.array([fold_of(g) for g in groups])
    out = {e: np.zeros((len(labels), len(CLASSES))) for e in range(1, max_epochs + 1)}
    for k in range(FOLDS):
        train_idx, test_idx = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        held = [inputs[i] for i in test_idx]
        for seed in seeds:
            def evaluate(epoch, weights):
                out[epoch][test_idx] += log_softmax(scores(weights, held)) / len(seeds)

            train([inputs[i] for i in train_idx], [labels[i] for i in train_idx], seed, max_epochs, evaluate, **settings)
        log(f"fold {k}: " + " ".join(
            f"{e}:{macro_f1([labels[i] for i in test_idx], [CLASSES[j] for j in out[e][test_idx].argmax(1)]):.3f}"
            for e in out))
    for e in out:
        log(f"epoch {e}: CV macro-F1 {macro_f1(labels, [CLASSES[j] for j in out[e].argmax(1)]):.4f}")
    return out


def fit_shipped(benchmarks: Path) -> dict[str, np.ndarray]:
    """The shipped weights: the networks of ``SEEDS`` trained on all of NewsMTSC train, averaged as one network.

    Several seeds are shipped as one network of ``len(SEEDS)`` times the
    width whose output layer averages theirs (block-diagonal weights), so
    that inference stays one pass.
    """
    rows = read_newsmtsc(Path(benchmarks) / "newsmtsc" / "train.jsonl")
    inputs, labels = inputs_of(rows), [r[3] for r in rows]
    members = [train(inputs, labels, seed, EPOCHS) for seed in SEEDS]
    return stack(members)


def stack(members: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """One network whose scores are the mean of the ``members``' scores.

    The members' channels side by side: the embedding projection and the
    per-token vectors concatenated, the convolutions block-diagonal, one
    attention head per member, and the output layer averaging the members'.
    The mean of the scores gives the same probabilities as the mean of the
    log-probabilities (they differ by one constant per mention).
    """
    if len(members) == 1:
        return members[0]
    n, width = len(members), members[0]["w_in"].shape[1]
    out = {k: np.concatenate([m[k] for m in members], axis=-1) for k in ("w_in", "b_in", "marker", "distance", "clause", "scope", "b_conv")}
    for conv in ("w_conv",):
        big = np.zeros((3, n * width, n * width), np.float32)
        for j, m in enumerate(members):
            big[:, j * width:(j + 1) * width, j * width:(j + 1) * width] = m[conv].reshape(3, width, width)
        out[conv] = big.reshape(3 * n * width, n * width)
    out["query"] = np.zeros((n * width, n), np.float32)
    for j, m in enumerate(members):
        out["query"][j * width:(j + 1) * width, j] = m["query"][:, 0]
    out["distance_att"] = np.concatenate([m["distance_att"] for m in members], axis=1)
    pooled = np.concatenate([m["w_out"][:width] for m in members]) / n
    peak = np.concatenate([m["w_out"][width:] for m in members]) / n
    out["w_out"] = np.concatenate([pooled, peak])
    out["b_out"] = np.mean([m["b_out"] for m in members], axis=0)
    return out


def write(weights: dict[str, np.ndarray], path: Path) -> None:
    """Write the weights as an uncompressed ``.npz`` of float32 arrays (read without pickle)."""
    np.savez(path, **{k: np.asarray(weights[k], np.float32) for k in ARRAYS})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.evaluation.tone_sequence_training",
                                     description="Retrain the actor-tone model's convolutional half.")
    parser.add_argument("--benchmarks", type=Path, required=True, help="folder holding newsmtsc/")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent.parent / "models", help="where to write the weights")
    args = parser.parse_args(argv)
    path = Path(args.benchmarks) / "newsmtsc" / "train.jsonl"
    if not path.is_file():
        print(f"skipped: {path} not found\n  fix: pass the benchmarks folder with --benchmarks")
        return 2
    write(fit_shipped(args.benchmarks), args.out / WEIGHTS_FILE)
    print(f"wrote {args.out / WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
