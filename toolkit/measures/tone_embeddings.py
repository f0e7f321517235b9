"""Static word embeddings of the words around a mention, for the actor-tone model.

The embeddings are WordLlama's ``l2_supercat`` 256-dimensional token vectors
(Miller 2024, https://github.com/dleemiller/WordLlama, MIT licence), with the
tokenizer they were trained with; both ship inside the ``wordllama`` wheel, so
nothing is downloaded. They are read straight from the package's files (the
``wordllama`` module itself is not imported: it configures logging on import).

:func:`context_vectors` gives four unit vectors for a mention: the words of
its clause to the left and to the right, each weighted by 1 / distance in
tokens from the mention; the whole clause; and the whole sentence. The
mention's own tokens are left out, so the name carries no tone.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

#: Files of the wordllama wheel (version 0.4.0.post1) read here.
WEIGHTS_FILE = "weights/l2_supercat_256.safetensors"
TOKENIZER_FILE = "tokenizers/l2_supercat_tokenizer_config.json"
#: Width of one context vector (the ``l2_supercat_256`` model).
DIM = 256
#: Context vectors per mention: left, right, clause, sentence.
PARTS = ("left", "right", "clause", "sentence")
#: Words (whitespace-separated chunks) whose tokens are remembered (the memo is cleared when full).
CHUNK_CACHE = 1 << 17
_CHUNK = re.compile(r"\S+")


def _package_dir() -> Path:
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the actor-tone model needs the wordllama package (pip install wordllama)")
    return Path(list(spec.submodule_search_locations)[0])


@lru_cache(maxsize=1)
def embeddings() -> np.ndarray:
    """The token embedding table (tokens x ``DIM``), float32."""
    from safetensors.numpy import load_file

    table = load_file(str(_package_dir() / WEIGHTS_FILE))["embedding.weight"]
    return np.ascontiguousarray(table, dtype=np.float32)


@lru_cache(maxsize=1)
def tokenizer():
    """WordLlama's tokenizer (the LLaMA 2 vocabulary), read from the wheel."""
    from tokenizers import Tokenizer

    return Tokenizer.from_file(str(_package_dir() / TOKENIZER_FILE))


_CHUNKS: dict[str, tuple[list[int], list[int], list[int]]] = {}


def _chunk(word: str) -> tuple[list[int], list[int], list[int]]:
    tokens = _CHUNKS.get(word)
    if tokens is None:
        if len(_CHUNKS) > CHUNK_CACHE:
            _CHUNKS.clear()
        encoding = tokenizer().encode(word, add_special_tokens=False)
        tokens = _CHUNKS[word] = (list(encoding.ids), [a for a, _ in encoding.offsets], [b for _, b in encoding.offsets])
    return tokens


#: Sentences whose tokens are remembered (a sentence is read once for each
#: mention in it, by the linear and by the convolutional actor model).
SENTENCE_CACHE = 1 << 12


@lru_cache(maxsize=SENTENCE_CACHE)
def encode(sentence: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Token ids and start and end character offsets of ``sentence``, remembered (treat them as read-only).

    Each whitespace-separated word is tokenized on its own (and remembered):
    the LLaMA 2 vocabulary has no token spanning a space, so the tokens are
    those of the whole sentence, without its space tokens, and a word costs a
    dictionary look-up once seen.
    """
    ids: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    offsets: list[int] = []  # each token's word's offset in the sentence
    for match in _CHUNK.finditer(sentence):
        word_ids, word_starts, word_ends = _chunk(match.group())
        ids += word_ids
        starts += word_starts
        ends += word_ends
        offsets += [match.start()] * len(word_ids)
    shift = np.array(offsets, dtype=np.int64)
    return (np.array(ids, dtype=np.int64), np.array(starts, dtype=np.int64) + shift,
            np.array(ends, dtype=np.int64) + shift)


@lru_cache(maxsize=256)
def _rows(sentence: str) -> np.ndarray:
    """The embeddings of the tokens of ``sentence`` (tokens x ``DIM``, float64), remembered for its other mentions."""
    return embeddings()[encode(sentence)[0]].astype(np.float64)


def context_vectors(sentence: str, start: int, end: int, clause: tuple[int, int]) -> np.ndarray:
    """The mention's context as ``len(PARTS) * DIM`` numbers (one unit vector per part, zeros when empty).

    Parameters
    ----------
    sentence : str
        The sentence holding the mention.
    start, end : int
        Character offsets of the mention in ``sentence``.
    clause : tuple of int
        Character offsets of the mention's clause in ``sentence``.
    """
    ids, starts, ends = encode(sentence)
    position = np.arange(len(ids))
    inside = (starts < end) & (ends > start)
    if inside.any():
        hits = np.flatnonzero(inside)
        first, last = int(hits[0]), int(hits[-1])
    else:
        first = last = int(np.searchsorted(starts, start))
    keep = ~inside
    in_clause = keep & (starts >= clause[0]) & (ends <= clause[1])
    # in float64: float32 sums differ in their last bits between CPUs and between batch shapes, and the written
    # tables must not
    weights = np.zeros((len(PARTS), len(ids)), dtype=np.float64)
    weights[0] = np.where(in_clause & (position < first), 1.0 / np.maximum(first - position, 1), 0.0)
    weights[1] = np.where(in_clause & (position > last), 1.0 / np.maximum(position - last, 1), 0.0)
    weights[2] = in_clause
    weights[3] = keep
    vectors = weights @ _rows(sentence)
    norms = np.sqrt(np.einsum("ij,ij->i", vectors, vectors))
    norms[norms == 0] = 1.0
    return (vectors / norms[:, None]).ravel()
