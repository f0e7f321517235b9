"""Run every measure on a corpus and collect the tables.

Each measure is a pure function of the corpus; this module only calls them in
order and names the resulting tables, which :mod:`toolkit.report` writes to
``OUT/data/<name>.csv``.
"""

from __future__ import annotations

import pandas as pd

from .actors import mentions, suggest_actors
from .alignment import align
from .corpus import Corpus
from .framing import frame_cues, frame_shares, frames
from .numbers import numbers
from .readability import readability
from .sentiment import actor_profile, actor_sentiment, sentiment, sentiment_profile
from .stance import stance, stance_profile


def analyze(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """Every table of the analysis, keyed by file name (without ``.csv``).

    Per observation: ``sentiment`` (sentence), ``actor_sentiment`` (actor
    mention), ``stance`` (cue), ``frame_cues`` (cue), ``frames`` (sentence x
    frame), ``readability`` (document), ``numbers`` (numeric mention, with
    its ``group_id``) and ``quantity_groups`` (the same quantity across
    sources, with a status). Per document: ``sentiment_profile``,
    ``actor_profile``, ``stance_profile``, ``frame_shares``. And
    ``suggested_actors``: names several sources mention, for configuring a
    new corpus.
    """
    tables: dict[str, pd.DataFrame] = {
        "documents": corpus.documents_table(),
        "units": corpus.units_table(),
        "sentences": corpus.sentences_table(),
        "removed": corpus.removed_table(),
    }
    tables["sentiment"] = sentiment(corpus)
    tables["actor_sentiment"] = actor_sentiment(corpus, mentions(corpus))
    tables["stance"] = stance(corpus)
    tables["frame_cues"] = frame_cues(corpus)
    tables["frames"] = frames(corpus, cues=tables["frame_cues"])
    tables["readability"] = readability(corpus)
    numbered, groups = align(numbers(corpus, cues=tables["stance"]))
    tables["numbers"] = numbered.drop(columns=["context"])
    tables["quantity_groups"] = groups
    tables["sentiment_profile"] = sentiment_profile(corpus, tables["sentiment"])
    tables["actor_profile"] = actor_profile(tables["actor_sentiment"])
    tables["stance_profile"] = stance_profile(corpus, tables["stance"])
    tables["frame_shares"] = frame_shares(corpus, tables["frames"])
    tables["suggested_actors"] = suggest_actors(corpus)
    return tables
