"""Sentiment: the tone of each sentence, and the tone toward each actor.

Two independent methods score every sentence, so that their agreement can be
shown:

``vader``
    VADER's compound score (Hutto & Gilbert 2014), a rule-based lexicon method;
``news``
    a linear model trained on news sentences (NewsMTSC, Hamborg & Donnay
    2021) and opinion snippets (NYT, Hutto & Gilbert 2014), see
    :mod:`toolkit.measures.tone_model`.

Tone toward an actor is scored on the clause around each mention (clauses are
split at *but*, *although*, *however*, semicolons and dashes; negation marks
the words it governs) with the target-dependent model of
:mod:`toolkit.measures.tone_model`, never on the whole sentence alone.
"""

from __future__ import annotations

import pandas as pd

from .actors import mentions
from ..corpus.documents import Corpus
from ..text.quotes import inside, mostly_quoted, quoted_spans, running_quotes
from .tone_model import CLASSES, actor_probabilities_many, clause_bounds, featurize, load_weights, predict, vader_scores

#: VADER's recommended thresholds for its compound score (Hutto & Gilbert 2014,
#: vaderSentiment README): >= 0.05 positive, <= -0.05 negative.
VADER_THRESHOLD = 0.05

SENTIMENT_COLUMNS = ["doc_id", "sentence_id", "start", "end", "vader", "vader_label", "news", "news_label", "agree"]
ACTOR_COLUMNS = ["doc_id", "sentence_id", "actor", "start", "end", "surface", "score", "label",
                 "clause_start", "clause_end", "p_neg", "p_neu", "p_pos", "quoted"]


def vader_label(compound: float, threshold: float = VADER_THRESHOLD) -> str:
    """``pos``, ``neg`` or ``neu`` from a VADER compound score."""
    return "pos" if compound >= threshold else "neg" if compound <= -threshold else "neu"


def sentence_tone(text: str) -> tuple[float, str]:
    """The news model's score (P(pos) - P(neg), in [-1, 1]) and label for a sentence."""
    probs = predict(featurize(text), load_weights("sentence_tone"))
    return probs["pos"] - probs["neg"], max(CLASSES, key=probs.get)


def sentiment(corpus: Corpus) -> pd.DataFrame:
    """Tone of every sentence by both methods.

    Returns
    -------
    DataFrame
        One row per sentence: ``doc_id, sentence_id, start, end``, ``vader``
        (compound, -1..1) and ``vader_label``, ``news`` (P(pos) - P(neg),
        -1..1) and ``news_label``, and ``agree`` (the two labels are equal).
    """
    rows = []
    for doc in corpus:
        for s in doc.sentences:
            compound = vader_scores(s.text)["compound"]
            news, label = sentence_tone(s.text)
            v_label = vader_label(compound)
            rows.append((doc.doc_id, s.sentence_id, s.start, s.end, compound, v_label, news, label, v_label == label))
    return pd.DataFrame(rows, columns=SENTIMENT_COLUMNS)


def actor_sentiment(corpus: Corpus, actor_mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tone toward each actor at each mention.

    Returns
    -------
    DataFrame
        One row per mention: ``doc_id, sentence_id, actor, start, end,
        surface`` (the mention), ``score`` (P(pos) - P(neg), -1..1),
        ``label``, ``clause_start``/``clause_end`` (the clause that was
        scored), the three class probabilities and ``quoted``: the mention
        lies inside quotation marks, in words the article quotes from a
        speaker, or more than half of its clause does ("“I thank my family
        ...,” Roe said": the tone of Roe's own words), so the tone is the
        speaker's, not the writer's (:func:`writers_mentions` leaves such
        mentions out).
    """
    actor_mentions = mentions(corpus) if actor_mentions is None else actor_mentions
    rows = []
    for doc_id, group in actor_mentions.groupby("doc_id", sort=False):
        doc = corpus.document(doc_id)
        items = list(zip(group["sentence_id"].tolist(), group["actor"].tolist(), group["start"].tolist(),
                         group["end"].tolist(), group["surface"].tolist()))
        sentences = [doc.sentences[sentence_id] for sentence_id, *_ in items]
        running = running_quotes(doc.text, [(x.start, x.end) for x in doc.sentences])
        spans: dict[int, list[tuple[int, int]]] = {}
        probabilities = actor_probabilities_many([(s.text, start - s.start, end - s.start)
                                                  for s, (_, _, start, end, _) in zip(sentences, items)],
                                                 model=corpus.config.actor_tone)
        for sentence, (sentence_id, actor, start, end, surface), (p_neg, p_neu, p_pos) in zip(sentences, items, probabilities.tolist()):
            a, b = clause_bounds(doc.text, start, end, sentence.start, sentence.end)
            probs = {"neg": p_neg, "neu": p_neu, "pos": p_pos}
            if sentence_id not in spans:
                spans[sentence_id] = quoted_spans(doc.text, sentence.start, sentence.end) + list(running[sentence_id])
            quoted = inside(spans[sentence_id], start, end) or mostly_quoted(spans[sentence_id], a, b)
            rows.append((doc_id, sentence_id, actor, start, end, surface, p_pos - p_neg,
                         max(CLASSES, key=probs.get), a, b, p_neg, p_neu, p_pos, quoted))
    return pd.DataFrame(rows, columns=ACTOR_COLUMNS)


def writers_mentions(table: pd.DataFrame) -> pd.DataFrame:
    """The mentions of :func:`actor_sentiment`'s table in the writer's own words, outside quotations (the
    tone of “Vale lied,” Roe said is Roe's toward Vale, not the outlet's): the mentions a source's tone
    toward an actor is read from, as the stance measures count cues outside quotations only."""
    if "quoted" not in table.columns or table.empty:
        return table
    return table[~table["quoted"].astype(bool)]


#: A source's mean tone toward an actor is shown as a value only from this
#: many mentions on; below it, the count and "too few" (issue 14's rule).
MIN_ACTOR_MENTIONS = 3
#: A mention counts as confidently scored when its most probable class has at
#: least this probability (see ``confident_extremes``). In 5-fold CV inside
#: NewsMTSC train (grouped by article), negative or positive predictions this
#: confident were right 75% of the time (all of them: 64%; from 0.7: 79%).
CONFIDENT_PROBABILITY = 0.6


def confident_extremes(table: pd.DataFrame, min_probability: float = CONFIDENT_PROBABILITY) -> dict[str, pd.Series | None]:
    """The most negative and most positive mention among confident predictions.

    Parameters
    ----------
    table : DataFrame
        :func:`actor_sentiment`'s table.
    min_probability : float
        A mention is a candidate for "most negative" when it is labelled
        ``neg`` with ``p_neg`` at least this (likewise for "most positive").

    Returns
    -------
    dict
        ``{"most negative": row or None, "most positive": row or None}``; each
        row is a mention of ``table`` with an added ``confidence`` (the
        probability of its label), picked by the highest ``p_neg`` (``p_pos``).
    """
    out: dict[str, pd.Series | None] = {}
    for name, label, column in (("most negative", "neg", "p_neg"), ("most positive", "pos", "p_pos")):
        candidates = table[(table["label"] == label) & (table[column] >= min_probability)] if len(table) else table
        if candidates.empty:
            out[name] = None
        else:
            row = candidates.loc[candidates[column].idxmax()].copy()
            row["confidence"] = row[column]
            out[name] = row
    return out
