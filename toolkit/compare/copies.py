"""Articles that are copies of one text, and passages two articles share: where they agree, one text says it.

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


def distinct_texts(statements: pd.DataFrame, reuse: pd.DataFrame | None, copied: dict[str, str]) -> int:
    """How many texts a fact's statements come from (:func:`text_groups`).

    >>> reuse = pd.DataFrame({"source_a": ["a"], "start_a": [100], "end_a": [300], "source_b": ["b"],
    ...                       "start_b": [0], "end_b": [200], "words": [30]})
    >>> distinct_texts(pd.DataFrame({"doc_id": ["a", "b", "c"], "start": [150, 50, 10], "end": [160, 60, 20]}), reuse, {})
    2
    """
    return len(text_groups(statements, reuse, copied))


def text_groups(statements: pd.DataFrame, reuse: pd.DataFrame | None, copied: dict[str, str]) -> list[list[str]]:
    """How many texts a fact's statements come from: statements of copies of one text (``copied``:
    :func:`copy_of`), or in two sentences that hold one passage the two articles share word for word (``reuse``,
    offsets ``start_a``/``end_a``, ``start_b``/``end_b``), are one text saying it.

    ``statements`` has ``doc_id`` and the span of each statement's sentence, ``sentence_start`` and
    ``sentence_end`` (else the statement's own ``start`` and ``end``).

    Returns the documents of each text (sorted), one list per text.

    >>> reuse = pd.DataFrame({"source_a": ["a"], "start_a": [100], "end_a": [300], "source_b": ["b"],
    ...                       "start_b": [0], "end_b": [200], "words": [30]})
    >>> text_groups(pd.DataFrame({"doc_id": ["a", "b", "c"], "start": [150, 50, 10], "end": [160, 60, 20]}), reuse, {})
    [['a', 'b'], ['c']]
    """
    lows = statements["sentence_start"] if "sentence_start" in statements else statements["start"]
    highs = statements["sentence_end"] if "sentence_end" in statements else statements["end"]
    rows = list(zip(statements["doc_id"].astype(str), lows.astype(int), highs.astype(int)))
    by_text: dict[str, list[int]] = {}
    for k, (doc, _, _) in enumerate(rows):
        by_text.setdefault(copied.get(doc, doc), []).append(k)
    links = [(members[0], k) for members in by_text.values() for k in members[1:]]
    by_doc: dict[str, list[int]] = {}
    for k, (doc, _, _) in enumerate(rows):
        by_doc.setdefault(doc, []).append(k)
    if reuse is not None and len(reuse) and len(by_doc) > 1:
        # only the passages two of these documents share, each read once
        shared = reuse[reuse["source_a"].isin(by_doc) & reuse["source_b"].isin(by_doc)]
        for a, lo_a, hi_a, b, lo_b, hi_b in zip(shared["source_a"], shared["start_a"], shared["end_a"],
                                               shared["source_b"], shared["start_b"], shared["end_b"]):
            left = [k for k in by_doc[a] if rows[k][1] < hi_a and lo_a < rows[k][2]]
            right = [k for k in by_doc[b] if rows[k][1] < hi_b and lo_b < rows[k][2]]
            if left and right:
                links += [(left[0], k) for k in left[1:] + right]
    groups = [sorted({rows[k][0] for k in group}) for group in connected_groups(list(range(len(rows))), links)]
    return sorted(groups)


__all__ = ["COPY_COLUMNS", "COPY_SHARE", "copies", "copy_of", "distinct_texts", "text_groups"]


def copied_texts(tables: dict) -> dict[str, str]:
    """Each copied document's first copy (:func:`copy_of`), from an analysis's ``text_reuse`` and ``documents``."""
    return copy_of(copies(tables.get("text_reuse"), tables.get("documents")))
