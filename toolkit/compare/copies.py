"""Articles that are copies of one text: where they agree, one text says it, not two sources.

Two articles are copies when the passages they share word for word
(:func:`toolkit.compare.coverage.text_reuse`, runs of eight or more words)
cover at least :data:`COPY_SHARE` of the shorter one's words: a wire story
reprinted, or one outlet's story filed twice. Copies are joined transitively
(:func:`toolkit.compare.grouping.connected_groups`).
"""

from __future__ import annotations

import pandas as pd

from .grouping import connected_groups

#: Share of the shorter article's words shared word for word with another that makes the two copies of one text.
#: Articles on one event that quote the same statement share a tenth or less; a reprint shares most of its words.
COPY_SHARE = 0.6
#: Columns of :func:`copies`.
COPY_COLUMNS = ["doc_a", "doc_b", "shared_words", "shorter_words", "share"]


def copies(reuse: pd.DataFrame | None, documents: pd.DataFrame | None) -> pd.DataFrame:
    """Pairs of articles that are copies of one text, the most alike first.

    Parameters
    ----------
    reuse : DataFrame
        :func:`~toolkit.compare.coverage.text_reuse` (``source_a``, ``source_b``: document ids; ``words``).
    documents : DataFrame
        The ``documents`` table (``doc_id``, ``words``).

    Returns
    -------
    DataFrame
        :data:`COPY_COLUMNS`: the two documents, the words they share, the shorter one's words and the share.
    """
    if reuse is None or reuse.empty or documents is None or documents.empty:
        return pd.DataFrame(columns=COPY_COLUMNS)
    words = dict(zip(documents["doc_id"].astype(str), documents["words"]))
    shared = reuse.groupby(["source_a", "source_b"], sort=False)["words"].sum().reset_index()
    rows = []
    for a, b, n in shared.itertuples(index=False):
        shorter = min(words.get(str(a), 0), words.get(str(b), 0))
        if shorter and n / shorter >= COPY_SHARE:
            rows.append((str(a), str(b), int(n), int(shorter), min(n / shorter, 1.0)))
    out = pd.DataFrame(rows, columns=COPY_COLUMNS)
    return out.sort_values(["share", "doc_a", "doc_b"], ascending=[False, True, True], kind="stable").reset_index(drop=True)


def copy_of(pairs: pd.DataFrame) -> dict[str, str]:
    """Each copied document -> the first document (in sorted order) of its set of copies."""
    members = sorted(set(pairs["doc_a"]) | set(pairs["doc_b"]))
    groups = connected_groups(members, list(zip(pairs["doc_a"], pairs["doc_b"])))
    return {doc: min(group) for group in groups for doc in group}


__all__ = ["COPY_COLUMNS", "COPY_SHARE", "copies", "copy_of"]
