"""Whether the sources' tone toward one actor differs by more than chance.

A source's mean tone toward an actor rests on a few mentions, each scored by a
model right about two times in three; a mean of +0.38 from three mentions
beside -0.11 from nine is no finding by itself. For each actor that at least
two sources mention :data:`~toolkit.measures.sentiment.MIN_ACTOR_MENTIONS`
times or more in their own words, :func:`actor_tone_differences` asks whether
the spread of those sources' means is larger than the spread left when the
mentions are shuffled between the sources (a permutation test of the
between-source sum of squares, with a fixed seed), then controls the false
discovery rate over the actors tested (Benjamini-Hochberg at
:data:`~toolkit.compare.profiles.FDR`). When the articles fall into groups that
may report different events (``event_groups``), an actor's sources are compared
within one group only: the group most of them belong to. Tone toward an actor
in another story differs because the story does.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..measures.sentiment import MIN_ACTOR_MENTIONS, writers_mentions
from .by_source import source_map
from .profiles import FDR, benjamini_hochberg
from .same_event import source_groups, story_sources

#: Shuffles of the mentions between sources per actor.
PERMUTATIONS = 2000
#: Seed of the shuffles: the same mentions give the same p-values.
SEED = 0

COLUMNS = ["actor", "sources", "mentions", "highest", "highest_mean", "lowest", "lowest_mean", "p_value",
           "q_value", "survives"]


def _spread(scores: np.ndarray, groups: np.ndarray, sizes: np.ndarray) -> float:
    """Between-group sum of squares of ``scores`` grouped by the integer labels ``groups``."""
    means = np.bincount(groups, weights=scores, minlength=len(sizes)) / sizes
    return float(np.sum(sizes * (means - scores.mean()) ** 2))


def actor_tone_differences(tables: dict, permutations: int = PERMUTATIONS, seed: int = SEED) -> pd.DataFrame:
    """One row per actor tested: the sources with enough mentions (``sources``, ``mentions`` in all), the
    source of the highest and of the lowest mean, the permutation ``p_value``, its Benjamini-Hochberg
    ``q_value`` over the actors tested and ``survives`` (``q_value`` at most :data:`FDR`).

    ``tables`` needs ``actor_sentiment`` and the ``sources`` mapping of the comparison (without it, each
    document is a source), and may hold ``event_groups`` (:func:`~toolkit.compare.same_event.event_groups`):
    then only sources of one group are compared. Mentions inside quotations are left out, as in the per-source
    means.

    >>> import pandas as pd
    >>> rows = [{"doc_id": d, "actor": "Vale", "score": s, "quoted": False}
    ...         for d, scores in (("a", [0.8, 0.7, 0.9, 0.8]), ("b", [-0.7, -0.8, -0.6, -0.9])) for s in scores]
    >>> table = actor_tone_differences({"actor_sentiment": pd.DataFrame(rows)})
    >>> table[["actor", "highest", "lowest", "survives"]].values.tolist()
    [['Vale', 'a', 'b', True]]
    """
    scored = writers_mentions(tables["actor_sentiment"])
    if scored.empty:
        return pd.DataFrame(columns=COLUMNS)
    mapping = source_map(tables) if "sources" in tables else {}
    scored = scored.assign(source=scored["doc_id"].map(lambda d: mapping.get(d, d)))
    of_source = source_groups(tables.get("event_groups"), mapping or {d: d for d in scored["doc_id"].unique()})
    rng = np.random.default_rng(seed)
    rows = []
    for actor, mentions in scored.groupby("actor", sort=True):
        counts = mentions["source"].value_counts()
        enough = sorted(counts.index[counts >= MIN_ACTOR_MENTIONS])
        # the sources of one story: the event group most of them belong to
        enough = story_sources(set(enough), of_source, enough)
        if len(enough) < 2:
            continue
        kept = mentions[mentions["source"].isin(enough)]
        scores = kept["score"].to_numpy(dtype=float)
        groups = kept["source"].map({s: k for k, s in enumerate(enough)}).to_numpy()
        sizes = np.bincount(groups, minlength=len(enough)).astype(float)
        observed = _spread(scores, groups, sizes)
        shuffled = [_spread(scores, rng.permutation(groups), sizes) for _ in range(permutations)]
        p_value = (1 + sum(s >= observed - 1e-12 for s in shuffled)) / (permutations + 1)
        means = kept.groupby("source")["score"].mean()
        rows.append({"actor": actor, "sources": len(enough), "mentions": len(kept),
                     "highest": means.idxmax(), "highest_mean": float(means.max()),
                     "lowest": means.idxmin(), "lowest_mean": float(means.min()), "p_value": p_value})
    table = pd.DataFrame(rows, columns=COLUMNS[:-2])
    table["q_value"] = benjamini_hochberg(table["p_value"].to_numpy()) if len(table) else []
    table["survives"] = table["q_value"] <= FDR
    return table[COLUMNS]
