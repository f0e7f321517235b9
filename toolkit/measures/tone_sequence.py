"""A small convolutional model of the tone toward a marked mention, run in plain numpy.

The second half of the actor-tone model (:mod:`toolkit.measures.tone_model`
averages its log-probabilities with the linear model's). It reads the
sentence's WordLlama tokens (:mod:`toolkit.measures.tone_embeddings`) up to
``SPAN`` tokens either side of the mention, with the mention's own tokens
replaced by one token, a learned marker vector (so the name, short or long,
carries no tone):

1. each token: its static embedding projected to ``width`` numbers, plus a
   learned vector for its distance to the mention (``DISTANCE`` buckets either
   side), one for whether it is in the mention's clause
   (:func:`toolkit.measures.tone_model.clause_bounds`) and one for whether it
   is in the scope of a negator or reverser ("revoked *the waivers for*";
   :func:`toolkit.measures.tone_model.scope_marks`);
2. one 1-D convolution over three tokens, with a ReLU;
3. attention pooling (a learned query plus a learned bias per distance; one
   head per block of channels) and max pooling over the tokens, concatenated;
4. a linear layer to the three classes' scores.

The weights ship as ``toolkit/models/actor_tone_sequence.npz`` (float32
arrays, read with ``allow_pickle=False``), written by
:mod:`toolkit.evaluation.tone_sequence_training`, which trains the same
network with JAX (a training-only extra). :func:`forward` scores many
mentions at once, and runs no matrix product per token: the convolution is
folded into the lookup tables once, when the weights are read (:func:`fold`).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import numpy as np

from .tone_embeddings import embeddings, encode

#: Tokens read either side of the mention (the rest of a long sentence is cut off).
SPAN = 24
#: Distances to the mention, in tokens, are clipped to this (``2 * DISTANCE + 1`` buckets; 0 is the mention).
DISTANCE = 12
#: The shipped weights.
WEIGHTS_FILE = "actor_tone_sequence.npz"
#: Names of the weight arrays (see :func:`forward`).
ARRAYS = ("w_in", "b_in", "marker", "distance", "clause", "scope", "w_conv", "b_conv", "query", "distance_att", "w_out", "b_out")


def mention_inputs(sentence: str, start: int, end: int, clause: tuple[int, int],
                   scope: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Token ids, distance buckets, clause flags, mention flags and scope flags of the tokens read for one mention.

    Parameters
    ----------
    sentence : str
        The sentence holding the mention.
    start, end : int
        Character offsets of the mention in ``sentence``.
    clause : tuple of int
        Character offsets of the mention's clause in ``sentence``.
    scope : ndarray of bool, optional
        For each character of ``sentence``, whether its word is in the scope
        of a negator or reverser (:func:`toolkit.measures.tone_model.scope_marks`);
        none when omitted.

    Returns
    -------
    tuple of ndarray
        ``ids`` (int64), ``bucket`` (0 .. ``2 * DISTANCE``, ``DISTANCE`` on
        the mention), ``in_clause``, ``is_mention`` and ``in_scope`` (0/1
        float32), one entry per token kept.
    """
    ids, starts, ends = encode(sentence)
    first = int(np.searchsorted(ends, start, side="right"))  # the mention's first token
    last = int(np.searchsorted(starts, end, side="left")) - 1  # its last (before ``first`` for a blank mention)
    left = np.arange(max(first - SPAN, 0), first)
    right = np.arange(last + 1, min(last + 1 + SPAN, len(ids)))
    mark_start, mark_end = (int(starts[first]), int(ends[first])) if first <= last else (start, end)
    token_starts = np.concatenate([starts[left], [mark_start], starts[right]])
    token_ends = np.concatenate([ends[left], [mark_end], ends[right]])
    bucket = np.concatenate([np.maximum(left - first, -DISTANCE), [0], np.minimum(right - last, DISTANCE)]) + DISTANCE
    in_clause = ((token_starts >= clause[0]) & (token_ends <= clause[1])).astype(np.float32)
    is_mention = np.zeros(len(bucket), dtype=np.float32)
    is_mention[len(left)] = 1.0
    in_scope = np.zeros(len(bucket), dtype=np.float32)
    if scope is not None:
        in_scope[:len(left)] = scope[starts[left]]
        in_scope[len(left) + 1:] = scope[starts[right]]
    token_ids = np.concatenate([ids[left], [0], ids[right]]).astype(np.int64)
    return token_ids, bucket.astype(np.int64), in_clause, is_mention, in_scope


@lru_cache(maxsize=1)
def load_sequence_weights() -> dict[str, np.ndarray] | None:
    """The shipped weights (``ARRAYS``) folded for :func:`forward` (see :func:`fold`); ``None`` if absent."""
    path = resources.files("toolkit.models").joinpath(WEIGHTS_FILE)
    if not path.is_file():
        return None
    with path.open("rb") as handle, np.load(handle, allow_pickle=False) as data:
        weights = {name: np.asarray(data[name], dtype=np.float64) for name in ARRAYS}
    return fold(weights)


def fold(weights: dict[str, np.ndarray], table: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """The weights with the token vectors folded into the convolution.

    The convolution is linear in the token vectors, and a token vector is a
    sum of looked-up rows (its projected embedding or the marker, and a row
    for its distance and clause flag, with the bias). So each lookup table is
    multiplied once by the convolution's three taps (``tap_*``: rows x
    ``3 * width``), and a token's part in the convolution becomes a sum of two
    rows: no matrix product per token (a token's row of the embedding table
    is multiplied when the token is first read: :func:`token_taps`). ``table``: the embedding table (by
    default WordLlama's).
    """
    width = weights["w_in"].shape[1]
    taps = np.concatenate([weights["w_conv"][k * width:(k + 1) * width] for k in range(3)], axis=1)  # width x 3*width
    table = embeddings() if table is None else table
    out = dict(weights)
    # float64 throughout: float32 products differ in their last bits between CPUs and between batch shapes (a
    # corpus analysed whole or in partitions), and the written tables must not. A token's taps are its embedding
    # times ``tap_projection``, worked out when the token is first read (:func:`token_taps`), not for all
    # 32,000 tokens of the vocabulary at once
    out["table"] = table
    out["tap_projection"] = weights["w_in"] @ taps
    out["tap_row"] = np.full(len(table), -1, dtype=np.int64)  # a token's row in ``tap_token``, -1 until read
    out["tap_token"] = np.zeros((0, 3 * width), dtype=np.float32)  # the rows, with room to grow
    out["tap_count"] = np.array(0)  # rows in use
    out["tap_marker"] = (weights["marker"] @ taps).astype(np.float32)
    # row 4 * bucket + 2 * in_clause + in_scope: the distance's vector, the clause's when in the clause,
    # the scope's when in scope, and the bias
    flags = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)
    place = weights["distance"][:, None, :] + (flags @ np.stack([weights["clause"], weights["scope"]]))[None]
    out["tap_place"] = ((place.reshape(-1, width) + weights["b_in"]) @ taps).astype(np.float32)
    out["b_conv32"] = weights["b_conv"].astype(np.float32)
    return out


#: Tokens whose taps are worked out together (:func:`token_taps`): always a full block, so that a token's row
#: comes from the same product whichever tokens are read with it.
TAP_BLOCK = 64


def token_taps(weights: dict[str, np.ndarray], ids: np.ndarray) -> np.ndarray:
    """The convolution taps (tokens x ``3 * width``) of the tokens ``ids``, each worked out once and remembered.

    New tokens are multiplied in blocks of ``TAP_BLOCK`` rows (the last block
    padded with token 0), so a row never depends on which other tokens were
    new with it, nor on the order in which a corpus is read. The rows are
    kept in the order the tokens were first read (``tap_row`` maps a token to
    its row), so memory grows with the vocabulary of the corpus, not of the
    model.
    """
    rows = weights["tap_row"]
    new = np.unique(ids[rows[ids] < 0])
    if len(new):
        padded = np.zeros(-(-len(new) // TAP_BLOCK) * TAP_BLOCK, dtype=np.int64)
        padded[:len(new)] = new
        table, projection = weights["table"], weights["tap_projection"]
        blocks = [table[padded[at:at + TAP_BLOCK]].astype(np.float64) @ projection
                  for at in range(0, len(padded), TAP_BLOCK)]
        known = int(weights["tap_count"])
        store = weights["tap_token"]
        if known + len(padded) > len(store):  # room for twice as many
            grown = np.zeros((2 * (known + len(padded)), store.shape[1]), dtype=np.float32)
            grown[:known] = store[:known]
            store = weights["tap_token"] = grown
        store[known:known + len(padded)] = np.concatenate(blocks)  # rounded to float32
        rows[new] = np.arange(known, known + len(new))
        weights["tap_count"] = np.array(known + len(new))
    return weights["tap_token"][rows[ids]]


def forward(weights: dict[str, np.ndarray], inputs: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]) -> np.ndarray:
    """Class scores (mentions x 3, in the order of ``tone_model.CLASSES``) of many mentions' :func:`mention_inputs`.

    ``weights``: :func:`fold`'s. The convolution runs on the mentions' tokens
    one after another (a token's neighbours in another mention are left out,
    as zero vectors); the pooling on them padded to the longest mention.
    """
    if not inputs:
        return np.zeros((0, 3), dtype=np.float64)
    n = len(inputs)
    lengths = np.array([len(x[0]) for x in inputs])
    longest = int(lengths.max())
    ids = np.concatenate([x[0] for x in inputs])
    bucket = np.concatenate([x[1] for x in inputs])
    place = (4 * bucket + 2 * np.concatenate([x[2] for x in inputs]).astype(np.int64)
             + np.concatenate([x[4] for x in inputs]).astype(np.int64))
    width = weights["w_in"].shape[1]
    # each token's part in the convolution (tokens x 3*width)
    part = token_taps(weights, ids)
    part[np.concatenate([x[3] for x in inputs]) > 0] = weights["tap_marker"]
    part += weights["tap_place"][place]
    pre = part[:, width:2 * width] + weights["b_conv32"]
    pre[1:] += part[:-1, :width]  # the token before
    pre[:-1] += part[1:, 2 * width:]  # the token after
    first = np.cumsum(lengths[:-1])  # each mention's first token after the first mention's: no neighbour across
    pre[first] -= part[first - 1, :width]
    pre[first - 1] -= part[first, 2 * width:]
    mask = np.arange(longest) < lengths[:, None]
    h = np.zeros((n, longest, width), dtype=np.float32)
    h[mask] = np.maximum(pre, 0.0)
    padded = np.full((n, longest), DISTANCE, dtype=np.int64)
    padded[mask] = bucket
    score = h @ weights["query"] + weights["distance_att"][padded]  # n x longest x heads
    score = np.where(mask[..., None], score, -np.inf)
    a = np.exp(score - score.max(axis=1, keepdims=True))
    a /= a.sum(axis=1, keepdims=True)
    heads = a.shape[2]  # attention heads, each pooling its own block of channels
    pooled = (np.repeat(a, width // heads, axis=2) * h).sum(axis=1)
    peak = h.max(axis=1)
    return (np.concatenate([pooled, peak], axis=1) @ weights["w_out"] + weights["b_out"]).astype(np.float64)
