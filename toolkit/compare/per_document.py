"""Per-document aggregates of the measures' per-observation tables.

Each function takes a measure's table (one row per sentence, cue or mention)
and returns one row per document (and actor or frame): the tables
``sentiment_profile``, ``actor_profile``, ``stance_profile`` and
``frame_shares``. Per-source pooling, with intervals, is in
:mod:`toolkit.compare.profiles` and :mod:`toolkit.compare.by_source`.
"""

from __future__ import annotations

import pandas as pd

from ..corpus.documents import Corpus
from ..measures.attribution import unnamed_sources
from ..measures.framing import FRAMES, frames, is_body_sentence
from ..measures.sentiment import sentiment
from ..measures.stance import CATEGORIES, stance
from ..text.segment import WORD_RE


def sentiment_profile(corpus: Corpus, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per-document tone: mean scores and label shares by both methods, and their agreement.

    Returns ``doc_id, sentences, vader_mean, news_mean, vader_pos_share,
    vader_neg_share, news_pos_share, news_neg_share, agreement`` (share of
    sentences on which the two methods give the same label).
    """
    table = sentiment(corpus) if table is None else table
    flags = table.assign(vader_pos=table["vader_label"] == "pos", vader_neg=table["vader_label"] == "neg",
                         news_pos=table["news_label"] == "pos", news_neg=table["news_label"] == "neg",
                         agree=table["agree"].astype(float))
    profile = flags.groupby("doc_id", sort=False).agg(
        sentences=("sentence_id", "size"),
        vader_mean=("vader", "mean"),
        news_mean=("news", "mean"),
        vader_pos_share=("vader_pos", "mean"),
        vader_neg_share=("vader_neg", "mean"),
        news_pos_share=("news_pos", "mean"),
        news_neg_share=("news_neg", "mean"),
        agreement=("agree", "mean"),
    )
    return profile.reindex([d.doc_id for d in corpus]).reset_index()


def actor_profile(table: pd.DataFrame) -> pd.DataFrame:
    """Mean tone toward each actor per document: ``doc_id, actor, mentions, mean_score, pos_share, neg_share``."""
    if table.empty:
        return pd.DataFrame(columns=["doc_id", "actor", "mentions", "mean_score", "pos_share", "neg_share"])
    flags = table.assign(pos=table["label"] == "pos", neg=table["label"] == "neg")
    return flags.groupby(["doc_id", "actor"], sort=False).agg(
        mentions=("score", "size"),
        mean_score=("score", "mean"),
        pos_share=("pos", "mean"),
        neg_share=("neg", "mean"),
    ).reset_index()


def stance_profile(corpus: Corpus, cues: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per-document stance profile.

    Returns
    -------
    DataFrame
        One row per document: ``doc_id, words, sentences``, cues per 1,000
        words for each category (``<category>_per_1k``, writer's cues only),
        ``hedged_share`` and ``boosted_share`` (share of sentences with at
        least one writer's hedge / booster), ``hedge_booster_ratio`` (NaN when
        there is no booster), ``attributed_share`` (share of sentences with an
        attribution) and ``vague_attribution_share`` (share of attributions
        whose source is vague; NaN without attributions); ``epistemic_per_1k``
        and ``epistemic_share`` (the writer's epistemic hedges per 1,000 words
        and the share of sentences with one) and ``epistemic_reported_share``
        (share of all epistemic hedges, the writer's and the sources', that
        stand in reported speech or belief; NaN without any);
        ``named_source_share``, ``vague_source_share`` and ``own_voice_share``
        (shares of sentences whose claim rests on a named source, on only
        vague ones, or on no attribution: the writer's own voice; they sum
        to 1).
    """
    cues = stance(corpus) if cues is None else cues
    own = cues[~cues["reported"].astype(bool)]
    counts = own.groupby(["doc_id", "category"]).size().to_dict()
    sentences = own.groupby(["doc_id", "category"])["sentence_id"].nunique().to_dict()
    attributions = own[own["category"] == "attribution"]
    vague = unnamed_sources(attributions).groupby(attributions["doc_id"]).mean().to_dict()
    epistemic = cues[cues["epistemic"].astype(bool)] if "epistemic" in cues else cues.iloc[:0].assign(epistemic=False)
    own_epistemic = epistemic[~epistemic["reported"].astype(bool)]
    epistemic_counts = own_epistemic.groupby("doc_id").size().to_dict()
    epistemic_sentences_ = own_epistemic.groupby("doc_id")["sentence_id"].nunique().to_dict()
    reported_share = epistemic["reported"].astype(bool).groupby(epistemic["doc_id"]).mean().to_dict()
    all_attributions = cues[cues["category"] == "attribution"]
    named_mask = ~unnamed_sources(all_attributions)  # "three officials familiar with ..." names no one
    named_sentences = all_attributions[named_mask].groupby("doc_id")["sentence_id"].agg(set).to_dict()
    any_sentences = all_attributions.groupby("doc_id")["sentence_id"].agg(set).to_dict()
    rows = []
    for doc in corpus:
        words = sum(len(WORD_RE.findall(s.text)) for s in doc.sentences)
        n = len(doc.sentences)
        key = doc.doc_id
        row = {"doc_id": key, "words": words, "sentences": n}
        for category in CATEGORIES:
            row[f"{category}_per_1k"] = 1000 * counts.get((key, category), 0) / words if words else float("nan")
        for category, name in (("hedge", "hedged_share"), ("booster", "boosted_share"), ("attribution", "attributed_share")):
            row[name] = sentences.get((key, category), 0) / n if n else float("nan")
        hedges, boosters = counts.get((key, "hedge"), 0), counts.get((key, "booster"), 0)
        row["hedge_booster_ratio"] = hedges / boosters if boosters else float("nan")
        row["vague_attribution_share"] = vague.get(key, float("nan"))
        row["epistemic_per_1k"] = 1000 * epistemic_counts.get(key, 0) / words if words else float("nan")
        row["epistemic_share"] = epistemic_sentences_.get(key, 0) / n if n else float("nan")
        row["epistemic_reported_share"] = reported_share.get(key, float("nan"))
        named, attributed = named_sentences.get(key, set()), any_sentences.get(key, set())
        row["named_source_share"] = len(named) / n if n else float("nan")
        row["vague_source_share"] = len(attributed - named) / n if n else float("nan")
        row["own_voice_share"] = (n - len(attributed)) / n if n else float("nan")
        rows.append(row)
    return pd.DataFrame(rows)


def frame_shares(corpus: Corpus, frame_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per-document frame shares: the share of a document's body sentences carrying each frame.

    Body sentences are those :func:`is_body_sentence` accepts; titles,
    headings, labels and fragments count neither above nor below the line.

    Returns
    -------
    DataFrame
        ``doc_id, frame, label, sentences, framed_sentences, share`` for every
        document and every dimension (zeros included); ``sentences`` counts
        body sentences (a document without any has share 0).
    """
    frame_table = frames(corpus) if frame_table is None else frame_table
    body = {(doc.doc_id, s.sentence_id) for doc in corpus for s in doc.sentences if is_body_sentence(s)}
    framed: dict[tuple[str, str], int] = {}
    for key in set(zip(frame_table["doc_id"], frame_table["sentence_id"], frame_table["frame"])):
        if key[:2] in body:
            framed[(key[0], key[2])] = framed.get((key[0], key[2]), 0) + 1
    sizes: dict[str, int] = {}
    for doc_id, _ in body:
        sizes[doc_id] = sizes.get(doc_id, 0) + 1
    rows = []
    for doc in corpus:
        n_body = sizes.get(doc.doc_id, 0)
        for frame, label in FRAMES.items():
            n = framed.get((doc.doc_id, frame), 0)
            rows.append((doc.doc_id, frame, label, n_body, n, n / n_body if n_body else 0.0))
    return pd.DataFrame(rows, columns=["doc_id", "frame", "label", "sentences", "framed_sentences", "share"])
