"""Article-level frames: which Policy Frames Codebook dimensions an article invokes.

A per-frame logistic regression over two kinds of lexical features of the
whole article:

* the frame cues of :mod:`toolkit.measures.framing`, read with their sense: for every
  dimension, the share of body sentences carrying it, the (log) number of its
  cues, and whether the title carries it;
* the lexicon terms themselves: whether each cue term occurs (read with its
  sense, so names and titles never count), scaled by :data:`TERM_SCALE`, for
  the terms frequent enough in training; this lets the model learn that some
  cues of a dimension say more than others.

Words outside the cue lexicon are not features, so the model stays general:
it learns nothing about one event's names or vocabulary.

The weights ship as plain CSV (``toolkit/models/document_frames.csv``: one row
per feature, one column per frame, plus the ``__bias__`` row and the decision
``__threshold__`` row), so inference is a dot product and needs neither
scikit-learn nor pickle. They are rebuilt exactly, with the cross-validated
figures, by ``python -m toolkit.evaluation.frame_training --benchmarks DIR`` from the
SemEval-2023 Task 3 development articles (Piskorski et al. 2023), which are
not part of this project.

``present`` is backed by the sentences: a frame is present only when the
model's probability reaches the threshold *and* at least one cue of the frame
occurs in the article, so every present frame has sentences and cue spans in
the ``frames`` table.
"""

from __future__ import annotations

import csv
import io
import math
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from ..corpus.config import CorpusConfig
from ..corpus.documents import Corpus, Document, load_sources
from ..measures.framing import FRAMES, frame_cues, frames as frame_table_of, is_body_sentence
from .per_document import frame_shares
from ..corpus.sources import Source

COLUMNS = ["doc_id", "frame", "share", "score", "present"]
MODEL = "document_frames"
#: Presence of a lexicon term counts this much: the per-frame cue features are
#: on a 0-1 scale and terms are many, so each term weighs less under the same
#: regularisation (a fixed design choice, not tuned).
TERM_SCALE = 0.5


def cues_by_document(cues: pd.DataFrame) -> dict[str, list[tuple[int, str, str]]]:
    """The rows of :func:`toolkit.measures.framing.frame_cues` as ``doc_id -> [(sentence_id, frame, term)]``."""
    grouped: dict[str, list[tuple[int, str, str]]] = {}
    if len(cues):
        for doc_id, sentence_id, frame, term in zip(cues["doc_id"], cues["sentence_id"], cues["frame"], cues["term"]):
            grouped.setdefault(doc_id, []).append((sentence_id, frame, term))
    return grouped


def featurize(doc: Document, cues: list[tuple[int, str, str]] | None) -> dict[str, float]:
    """Features of one document from its cues ``(sentence_id, frame, term)``.

    Per frame: ``share:`` (share of body sentences carrying it), ``cues:``
    (log of 1 + its number of cues) and ``title:`` (1 when the title carries
    it); per lexicon term found: ``term:`` (:data:`TERM_SCALE`).
    """
    features: dict[str, float] = {}
    if not cues:
        return features
    body = {s.sentence_id for s in doc.sentences if is_body_sentence(s)}
    titles = {s.sentence_id for s in doc.sentences if s.kind == "title"}
    counts: dict[str, int] = {}
    sentences: dict[str, set[int]] = {}
    for sentence_id, frame, term in cues:
        counts[frame] = counts.get(frame, 0) + 1
        sentences.setdefault(frame, set()).add(sentence_id)
        features[f"term:{term}"] = TERM_SCALE
    for frame, count in counts.items():
        ids = sentences[frame]
        features[f"share:{frame}"] = len(ids & body) / len(body) if body else 0.0
        features[f"cues:{frame}"] = math.log1p(count)
        if ids & titles:
            features[f"title:{frame}"] = 1.0
    return features


@lru_cache(maxsize=None)
def load_model(name: str = MODEL) -> tuple[tuple[str, ...], dict[str, int], np.ndarray, np.ndarray, np.ndarray]:
    """The shipped model: frames, feature index, weights (features x frames), bias, thresholds."""
    text = resources.files("toolkit.models").joinpath(f"{name}.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    frames = tuple(c for c in rows[0] if c != "feature")
    special = {r["feature"]: np.array([float(r[f]) for f in frames]) for r in rows if r["feature"].startswith("__")}
    body = [r for r in rows if not r["feature"].startswith("__")]
    index = {r["feature"]: i for i, r in enumerate(body)}
    weights = np.array([[float(r[f]) for f in frames] for r in body]).reshape(len(body), len(frames))
    return frames, index, weights, special["__bias__"], special["__threshold__"]


def feature_matrix(samples: list[dict[str, float]], index: dict[str, int]) -> np.ndarray:
    """Feature dicts as a dense matrix, one column per feature of ``index`` (others are ignored).

    >>> feature_matrix([{"a": 2.0, "z": 1.0}, {"b": 1.0}], {"a": 0, "b": 1}).tolist()
    [[2.0, 0.0], [0.0, 1.0]]
    """
    matrix = np.zeros((len(samples), len(index)))
    for row, sample in enumerate(samples):
        for feature, value in sample.items():
            column = index.get(feature)
            if column is not None:
                matrix[row, column] = value
    return matrix


def probabilities(samples: list[dict[str, float]], name: str = MODEL) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    """Frame probabilities of feature dicts: ``(frames, probabilities (samples x frames), thresholds)``."""
    frames, index, weights, bias, thresholds = load_model(name)
    matrix = feature_matrix(samples, index)
    return frames, 1.0 / (1.0 + np.exp(-(matrix @ weights + bias))), thresholds


def document_frames(corpus: Corpus, cues: pd.DataFrame | None = None, frame_table: pd.DataFrame | None = None,
                    name: str = MODEL, shares: pd.DataFrame | None = None) -> pd.DataFrame:
    """The frames each document invokes, with the model's confidence.

    Parameters
    ----------
    corpus : Corpus
    cues : DataFrame, optional
        :func:`toolkit.measures.framing.frame_cues` of the corpus (computed when absent).
    frame_table : DataFrame, optional
        :func:`toolkit.measures.framing.frames` of the corpus (computed from ``cues``
        when absent); its sentences are the evidence for ``share``.
    name : str
        The model file in ``toolkit/models/`` (without ``.csv``).
    shares : DataFrame, optional
        :func:`toolkit.compare.per_document.frame_shares` of ``frame_table``, when already computed.

    Returns
    -------
    DataFrame
        One row per document and each code of :data:`toolkit.measures.framing.FRAMES`:
        ``doc_id, frame``, ``share`` (share of body sentences invoking the
        frame), ``score`` (the model's probability that the article invokes
        it; 0 for codes the model does not predict) and ``present`` (``yes``
        or ``no``: the score reaches the frame's threshold and a cue of it
        occurs in the article).
    """
    cues = frame_cues(corpus) if cues is None else cues
    frame_table = frame_table_of(corpus, cues=cues) if frame_table is None else frame_table
    by_doc = cues_by_document(cues)
    docs = list(corpus)
    model_frames, probs, thresholds = probabilities([featurize(d, by_doc.get(d.doc_id)) for d in docs], name)
    column = {f: i for i, f in enumerate(model_frames)}
    shares = frame_shares(corpus, frame_table) if shares is None else shares
    shares = shares.set_index(["doc_id", "frame"])["share"].to_dict()
    cued = set(zip(frame_table["doc_id"], frame_table["frame"]))
    rows = []
    for d, doc in enumerate(docs):
        for frame in FRAMES:
            j = column.get(frame)
            score = float(probs[d, j]) if j is not None else 0.0
            present = j is not None and score >= thresholds[j] and (doc.doc_id, frame) in cued
            rows.append((doc.doc_id, frame, shares[(doc.doc_id, frame)], round(score, 6), "yes" if present else "no"))
    return pd.DataFrame(rows, columns=COLUMNS)


def text_corpus(texts: dict[str, str] | list[str]) -> Corpus:
    """A corpus of raw article texts (title on the first line, then the body), cleaned and segmented.

    ``texts`` maps ids to texts, or is a list (ids ``text0``, ``text1``...).
    """
    items = texts.items() if isinstance(texts, dict) else ((f"text{i}", t) for i, t in enumerate(texts))
    sources = [Source(str(doc_id), f"{doc_id}.txt", None, text, "txt") for doc_id, text in items]
    notices: list = []
    return Corpus(load_sources(sources, notices), CorpusConfig(name="texts"), notices)


def text_frames(texts: dict[str, str] | list[str], name: str = MODEL) -> pd.DataFrame:
    """:func:`document_frames` of raw article texts (title on the first line, then the body).

    Examples
    --------
    >>> table = text_frames(["Court jails smugglers\\n\\nA court jailed three smugglers for fraud and bribery."])
    >>> sorted(table.loc[table["present"] == "yes", "frame"])  # doctest: +SKIP
    ['crime_punishment', 'legality']
    """
    return document_frames(text_corpus(texts), name=name)
