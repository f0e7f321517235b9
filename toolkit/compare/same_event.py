"""Do the articles report one event? Groups of articles that share their vocabulary.

Every comparison in the report assumes that the articles cover one event. A
folder can hold more: articles of one day on several attacks, a feed of
unrelated stories. Differences between such articles are differences of
story, not of coverage. :func:`event_groups` links two articles when the
cosine similarity of their TF-IDF vectors (the ``source_similarity`` table, at
the level of articles) reaches :data:`SAME_EVENT_FLOOR`, and numbers the
connected groups, largest first. One group means nothing to warn about.
Two news reports whose own datelines are more than
:data:`~toolkit.compare.quantity_events.MAX_TOLL_DAYS` apart are not linked,
however much vocabulary they share: on one subject (a city under siege, a
scandal), reports of different days tell different events.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .alignment import article_days
from .grouping import connected_groups
from .quantity_events import MAX_TOLL_DAYS

#: Two articles sharing less vocabulary than this (TF-IDF cosine of stemmed content words) are not taken to
#: report one event. Measured on the development corpora: articles on one event shared 0.30 to 0.57 with their
#: nearest other article (BASIL triplets, 12 articles), while articles on other attacks of the same day and
#: place shared 0.12 to 0.18 at most (FA-KES, 2016-10-06 and 2016-10-07 folders).
SAME_EVENT_FLOOR = 0.2

EVENT_GROUP_COLUMNS = ["doc_id", "event_group", "group_size", "nearest", "nearest_similarity"]


def news_days(documents: pd.DataFrame | None) -> dict[str, dt.date]:
    """The day each news report is dated (:func:`~toolkit.compare.alignment.article_days`: its own dateline, else
    the manifest); a column or an analysis (``text_type`` other than ``news_report``) is left out, as it may
    look back on an event days later."""
    if documents is not None and "text_type" in documents:
        documents = documents[documents["text_type"].fillna("news_report") == "news_report"]
    return article_days(documents)


def event_groups(similarity: pd.DataFrame, documents: list[str], floor: float = SAME_EVENT_FLOOR,
                 days: dict[str, dt.date] | None = None) -> pd.DataFrame:
    """Groups of articles linked by a similarity of at least ``floor``, and, when both are dated (``days``:
    :func:`news_days`), by datelines no more than :data:`MAX_TOLL_DAYS` apart.

    Parameters
    ----------
    similarity : DataFrame
        ``source_a, source_b, similarity`` between articles (every pair, or each
        article's nearest others, as :func:`toolkit.compare.coverage.source_similarity` gives).
    documents : list of str
        The articles, in corpus order; an article absent from ``similarity`` stands alone.
    floor : float
        The least similarity that links two articles.
    days : dict, optional
        The day of each dated news report; two dated more than :data:`MAX_TOLL_DAYS` apart are not linked.

    Returns
    -------
    DataFrame
        ``doc_id, event_group, group_size, nearest, nearest_similarity``: groups
        numbered from 1, the largest first (ties in corpus order); ``nearest`` is
        the most similar other article ("" when there is none).

    Examples
    --------
    >>> pairs = pd.DataFrame({"source_a": ["a", "b", "c"], "source_b": ["b", "a", "a"], "similarity": [0.5, 0.5, 0.1]})
    >>> event_groups(pairs, ["a", "b", "c"])[["doc_id", "event_group"]].values.tolist()
    [['a', 1], ['b', 1], ['c', 2]]
    >>> apart = {"a": dt.date(2016, 10, 7), "b": dt.date(2016, 10, 28)}
    >>> event_groups(pairs, ["a", "b", "c"], days=apart)["event_group"].tolist()
    [1, 2, 3]
    """
    days = days or {}
    known = set(documents)
    others = similarity[(similarity["source_a"] != similarity["source_b"])
                        & similarity["source_a"].isin(known) & similarity["source_b"].isin(known)]
    linked = [(a, b) for a, b in others.loc[others["similarity"] >= floor, ["source_a", "source_b"]].itertuples(index=False)
              if a not in days or b not in days or abs((days[a] - days[b]).days) <= MAX_TOLL_DAYS]
    nearest = (others.sort_values(["similarity"], ascending=False, kind="stable")
               .drop_duplicates("source_a").set_index("source_a"))
    # largest first; ties in corpus order (connected_groups gives groups in the order of their first article)
    order = sorted(connected_groups(documents, linked), key=len, reverse=True)
    rows = []
    for number, group in enumerate(order, start=1):
        for doc in group:
            near = nearest.loc[doc] if doc in nearest.index else None
            rows.append((doc, number, len(group), "" if near is None else near["source_b"],
                         float("nan") if near is None else float(near["similarity"])))
    frame = pd.DataFrame(rows, columns=EVENT_GROUP_COLUMNS)
    return frame.set_index("doc_id").loc[documents].reset_index() if rows else frame


def event_group_count(groups: pd.DataFrame | None) -> int:
    """How many groups of articles that may report different events :func:`event_groups` found (0 without a table)."""
    return 0 if groups is None or groups.empty else int(groups["event_group"].max())


def source_groups(groups: pd.DataFrame | None, sources: dict[str, str]) -> dict[str, set[int]]:
    """The event groups each source's articles belong to; empty when there is one group (nothing to restrict)."""
    if groups is None or groups.empty or groups["event_group"].max() <= 1:
        return {}
    out: dict[str, set[int]] = {}
    for doc, group in zip(groups["doc_id"], groups["event_group"]):
        out.setdefault(sources.get(doc, doc), set()).add(int(group))
    return out


def story_sources(carriers: set[str], of_source: dict[str, set[int]], all_sources: list[str]) -> list[str]:
    """The sources of the event group most ``carriers`` belong to (ties: the lower group number), in the order
    of ``all_sources``; ``all_sources`` itself when there is one group."""
    if not of_source or not carriers:
        return list(all_sources)
    votes: dict[int, int] = {}
    for source in carriers:
        for group in of_source.get(source, {0}):
            votes[group] = votes.get(group, 0) + 1
    story = min(votes, key=lambda g: (-votes[g], g))
    return [s for s in all_sources if story in of_source.get(s, {0})]


def within_story(table: pd.DataFrame, groups: pd.DataFrame, sources: dict[str, str],
                 key: tuple[str, ...] = ("fact_type", "fact_id")) -> pd.DataFrame:
    """Rows of a per-fact, per-source table (``coverage``) kept within one event group per fact.

    A fact is read within the group that most of the sources carrying it
    (``state`` other than ``absent``) belong to; the rows of sources outside
    that group are dropped: an article on another event does not "leave out" a
    name of this one. With one group, ``table`` is returned as it is.

    Parameters
    ----------
    table : DataFrame
        Has the ``key`` columns, ``source`` and ``state``.
    groups : DataFrame
        :func:`event_groups`.
    sources : dict
        The source each document counts for (a source pooling articles of several groups belongs to each).
    """
    of_source = source_groups(groups, sources)
    if table.empty or not of_source:
        return table
    carried = table[table["state"].isin(["present", "divergent"])]
    votes = carried.assign(_group=carried["source"].map(lambda s: sorted(of_source.get(s, {0})))).explode("_group")
    counts = votes.groupby([*key, "_group"], sort=False).size().reset_index(name="_n")
    counts = counts.sort_values([*key, "_n", "_group"], ascending=[True] * len(key) + [False, True], kind="stable")
    story = counts.drop_duplicates(list(key)).set_index(list(key))["_group"]
    stories = [story.get(tuple(k) if len(key) > 1 else k[0]) for k in table[list(key)].itertuples(index=False)]
    keep = [g is None or g in of_source.get(s, {0}) for g, s in zip(stories, table["source"])]
    return table[keep].reset_index(drop=True)


__all__ = ["EVENT_GROUP_COLUMNS", "SAME_EVENT_FLOOR", "event_groups", "news_days", "source_groups", "story_sources", "within_story"]
