"""Tables pooled per compared source.

A source is a document, or an outlet when articles are pooled
(``compare(..., group_by="outlet")``); ``tables["sources"]`` says which
source each document counts for. These are the per-source tables the report
shows and ``data/`` holds: tone toward each actor, frame shares and
readability by source, and the marks of the numbers chart.
"""

from __future__ import annotations

import pandas as pd

from ..corpus.documents import Corpus
from ..measures.sentiment import writers_mentions

#: Readability columns averaged over a source's articles.
READABILITY_MEANS = ("flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall", "mattr", "quoted_share")
#: Quotes shown in one tooltip of the divergence chart.
QUOTES_PER_GROUP = 8
#: Mentions of one quantity drawn per source in the divergence chart, when capped.
MARKS_PER_SOURCE = 3

STATUS_LABELS = {
    "agree": "Agree",
    "floors_differ": "Floors differ",
    "diverge": "Diverge",
    "scope_differs": "Scope differs",
    "inconsistent_within_source": "Inconsistent within a source",
    "single_source": "Single source",
}


def source_map(tables: dict) -> dict[str, str]:
    """Document id -> compared source (``tables["sources"]``; each document by default)."""
    mapping = tables.get("sources")
    if mapping is None:
        documents = tables["documents"] if "documents" in tables else tables["numbers"]
        return dict(zip(documents["doc_id"], documents["doc_id"]))
    return dict(zip(mapping["doc_id"], mapping["source"]))


def source_documents(corpus: Corpus, tables: dict) -> dict[str, list[str]]:
    """Each compared source and its documents, in corpus order."""
    unit = source_map(tables)
    out: dict[str, list[str]] = {}
    for doc in corpus:
        out.setdefault(unit.get(doc.doc_id, doc.doc_id), []).append(doc.doc_id)
    return out


def actor_tone_by_source(tables: dict) -> pd.DataFrame:
    """Mean tone toward each actor per compared source, from the mentions in the writer's own words
    (:func:`toolkit.measures.sentiment.writers_mentions`): ``source, actor, mentions, mean_score``."""
    scored = writers_mentions(tables["actor_sentiment"])
    scored = scored.assign(source=scored["doc_id"].map(source_map(tables)))
    return scored.groupby(["source", "actor"], sort=False).agg(mentions=("score", "size"), mean_score=("score", "mean")).reset_index()


def frame_shares_by_source(tables: dict) -> pd.DataFrame:
    """Frame shares per compared source: ``source, frame, label, sentences, framed_sentences, share``."""
    shares = tables["frame_shares"]
    shares = shares.assign(source=shares["doc_id"].map(source_map(tables)))
    pooled = shares.groupby(["source", "frame"], sort=False).agg(
        label=("label", "first"), sentences=("sentences", "sum"), framed_sentences=("framed_sentences", "sum")).reset_index()
    return pooled.assign(share=pooled["framed_sentences"] / pooled["sentences"])


def document_frames_by_source(tables: dict) -> pd.DataFrame:
    """The article-level frame decisions pooled per compared source:
    ``source, frame, articles, present_articles, mean_score``; ``present_articles``
    counts the source's articles in which the model finds the frame present."""
    decided = tables["document_frames"]
    decided = decided.assign(source=decided["doc_id"].map(source_map(tables)), is_present=decided["present"] == "yes")
    return decided.groupby(["source", "frame"], sort=False).agg(
        articles=("doc_id", "size"), present_articles=("is_present", "sum"), mean_score=("score", "mean")).reset_index()


def readability_by_source(tables: dict) -> pd.DataFrame:
    """Readability per compared source: ``source, words`` (summed) and the
    means over its articles of :data:`READABILITY_MEANS`."""
    per_document = tables["readability"].assign(source=lambda t: t["doc_id"].map(source_map(tables)))
    return per_document.groupby("source", sort=False).agg(
        words=("words", "sum"), **{f: (f, "mean") for f in READABILITY_MEANS}).reset_index()


def divergence_table(numbers: pd.DataFrame, groups: pd.DataFrame, sentences: pd.DataFrame,
                     max_groups: int | None = None, sources: dict[str, str] | None = None) -> pd.DataFrame:
    """Long table for :func:`toolkit.present.charts.numeric_divergence`: one
    row per mention of a quantity that more than one source reports, with its
    sentence, its interval relative to the group's median value (numbers) and
    its dates.

    With ``max_groups``, only that many groups are kept: those that do not
    agree first, then the most widely reported, each with at most
    :data:`MARKS_PER_SOURCE` mentions per source. ``sources`` (document id ->
    source) fills a ``source`` column; by default each document is a source.
    """
    shared = groups[groups["n_sources"] > 1][["group_id", "label", "status", "n_sources"]]
    if max_groups is not None:
        shared = shared.assign(agree=shared["status"] == "agree").sort_values(
            ["agree", "n_sources", "group_id"], ascending=[True, False, True], kind="stable").head(max_groups)
    shared = shared[["group_id", "label", "status"]]
    data = numbers.merge(shared, on="group_id").merge(sentences[["doc_id", "sentence_id", "text"]], on=["doc_id", "sentence_id"])
    data["source"] = data["doc_id"].map(sources) if sources else data["doc_id"]
    if max_groups is not None:
        data = data.groupby(["group_id", "source"], sort=False).head(MARKS_PER_SOURCE).reset_index(drop=True)
    data["status_label"] = data["status"].map(STATUS_LABELS)
    data["flagged"] = data["status"] != "agree"
    # every source's quote for the quantity, so one tooltip shows them side by side
    quotes = {group_id: "  ||  ".join(f"{r.doc_id}: “{r.text}”" for r in members.head(QUOTES_PER_GROUP).itertuples())
              + (f"  ||  and {len(members) - QUOTES_PER_GROUP} more" if len(members) > QUOTES_PER_GROUP else "")
              for group_id, members in data.groupby("group_id")}
    data["quotes"] = data["group_id"].map(quotes)
    values = data[data["kind"] != "date"].copy()
    for column in ("low", "high"):
        values[column] = pd.to_numeric(values[column], errors="coerce")
    wide = values["high"] / values["low"] > 3  # "billions": mark its floor, not a midpoint
    values["point"] = values[["low", "high"]].mean(axis=1).where(~wide, values["low"]).fillna(values["low"])
    reference = values.groupby("group_id")["point"].transform("median")
    values["rel_low"] = (values["low"].fillna(values["point"]) / reference).clip(lower=0.05)
    values["rel_high"] = (values["high"].fillna(values["point"] * 1.5) / reference).clip(upper=20)
    values["rel_point"] = (values["point"] / reference).clip(lower=0.05, upper=20)
    dates = data[data["kind"] == "date"].dropna(subset=["date_low"]).copy()
    return pd.concat([values, dates], ignore_index=True)
