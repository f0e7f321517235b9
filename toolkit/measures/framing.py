"""Framing: which of the 15 Policy Frames Codebook dimensions each sentence invokes.

Boydstun, A. E., Card, D., Gross, J. H., Resnik, P., & Smith, N. A. (2014).
Tracking the development of media frames within and across policy issues.
(The codebook behind the Media Frames Corpus, Card et al. 2015.)

Each dimension has a cue lexicon written for this project in general English
(``lexicons/frames.csv``). A sentence carries a frame when at least
``min_cues`` of its cues occur in it; sentences may carry several frames.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..corpus.documents import Corpus
from ..lexicons import read_rows
from ..text.phrases import PhraseMatcher

#: The dimensions, in codebook order, with readable labels.
FRAMES = {
    "economic": "Economic",
    "capacity_resources": "Capacity and resources",
    "morality": "Morality",
    "fairness_equality": "Fairness and equality",
    "legality": "Legality, constitutionality, jurisprudence",
    "policy": "Policy prescription and evaluation",
    "crime_punishment": "Crime and punishment",
    "security_defense": "Security and defense",
    "health_safety": "Health and safety",
    "quality_of_life": "Quality of life",
    "cultural_identity": "Cultural identity",
    "public_opinion": "Public opinion",
    "political": "Political",
    "external_regulation_reputation": "External regulation and reputation",
    "other": "Other",
}
FRAME_COLUMNS = ["doc_id", "sentence_id", "frame", "n_cues", "cues", "spans"]
CUE_COLUMNS = ["doc_id", "sentence_id", "frame", "start", "end", "surface"]


@lru_cache(maxsize=None)
def _matcher() -> PhraseMatcher:
    return PhraseMatcher((row["term"], row["frame"]) for row in read_rows("frames.csv"))


def frame_cues(corpus: Corpus) -> pd.DataFrame:
    """Every frame cue: ``doc_id, sentence_id, frame, start, end, surface``.

    Offsets index into the document's cleaned text. A phrase listed under two
    frames yields a row for each.
    """
    rows = []
    matcher = _matcher()
    for doc in corpus:
        for sentence in doc.sentences:
            for match in matcher.find(doc.text, sentence.start, sentence.end):
                for frame in dict.fromkeys(match.payload):
                    rows.append((doc.doc_id, sentence.sentence_id, frame, match.start, match.end, match.surface))
    return pd.DataFrame(rows, columns=CUE_COLUMNS)


def frames(corpus: Corpus, min_cues: int = 1, cues: pd.DataFrame | None = None) -> pd.DataFrame:
    """Frames per sentence, multi-label.

    Parameters
    ----------
    min_cues : int, default 1
        Cues of a frame a sentence needs to carry it.

    Returns
    -------
    DataFrame
        One row per sentence and frame: ``doc_id, sentence_id, frame,
        n_cues``, ``cues`` (the cue words, ``;``-separated) and ``spans``
        (their ``start-end`` offsets, ``;``-separated).
    """
    cues = frame_cues(corpus) if cues is None else cues
    if cues.empty:
        return pd.DataFrame(columns=FRAME_COLUMNS)
    spans = cues["start"].astype(str) + "-" + cues["end"].astype(str)
    grouped = cues.assign(spans=spans).groupby(["doc_id", "sentence_id", "frame"], sort=False)
    table = grouped.agg(n_cues=("surface", "size"), cues=("surface", ";".join), spans=("spans", ";".join)).reset_index()
    return table[table["n_cues"] >= min_cues][FRAME_COLUMNS].reset_index(drop=True)
