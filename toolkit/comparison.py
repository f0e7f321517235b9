"""The comparison layer: per-source tables turned into cross-source tables.

It consumes the measures' tables (:func:`toolkit.analysis.analyze`) and returns
long-form tables: profiles with bootstrap intervals, contrasts of each source
with the rest, the coverage matrix, claims several sources make, passages they
share, and how alike their vocabularies are.
"""

from __future__ import annotations

import pandas as pd

from .corpus import Corpus
from .coverage import claims, coverage, source_similarity, text_reuse
from .profiles import RESAMPLES, contrasts, profiles, sentence_features


def compare(corpus: Corpus, tables: dict[str, pd.DataFrame], group_by: str = "doc_id",
            resamples: int = RESAMPLES) -> dict[str, pd.DataFrame]:
    """Cross-source tables, keyed by file name.

    Parameters
    ----------
    group_by : {"doc_id", "outlet"}
        Compare documents, or outlets (several articles per outlet pooled;
        documents without an outlet stand alone).
    """
    features = sentence_features(tables, group_by=group_by)
    return {
        "profiles": profiles(features, resamples=resamples),
        "contrasts": contrasts(features, resamples=resamples),
        "coverage": coverage(corpus, tables),
        "claims": claims(corpus),
        "text_reuse": text_reuse(corpus),
        "source_similarity": source_similarity(corpus),
    }
