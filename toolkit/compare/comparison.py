"""The comparison layer: per-source tables turned into cross-source tables.

It consumes the measures' tables (:func:`toolkit.pipeline.analyze`) and returns
long-form tables: profiles with bootstrap intervals, contrasts of each source
with the rest, the coverage matrix, claims several sources make, passages they
share, and how alike their vocabularies are.
"""

from __future__ import annotations

import warnings

import pandas as pd

from ..corpus.documents import Corpus
from ..errors import CorpusWarning
from .actor_tone_tests import actor_tone_differences
from .by_source import actor_tone_by_source, document_frames_by_source, frame_shares_by_source, readability_by_source
from .coverage import FULL_SIMILARITY_SOURCES, claims, coverage, largest_sources, source_similarity, text_reuse
from .facts import facts
from .profiles import RESAMPLES, contrasts, profiles, sentence_features, source_of
from .quote_variants import quote_variants
from .same_event import event_groups, news_days, within_story
from .voices import voices


#: How each rule that infers an outlet is named in the --by outlet message.
INFERRED_OUTLET = {
    "file_name_prefix": "file-name prefixes",
    "og:site_name": "the HTML site name (og:site_name)",
    "application-name": "the HTML application name",
    "twitter:site": "the HTML twitter:site name",
    "og:url": "the domain of the HTML page's address (og:url)",
    "url_domain": "the domain of the url column",
    "html": "the HTML page (trafilatura)",
    "title_suffix": "a site name after the title",
}


def warn_without_outlets(documents: pd.DataFrame) -> None:
    """Warn when comparing by outlet a corpus whose documents name no outlet (or each its own), and say
    where the outlets were inferred from when they were."""
    outlets = documents["outlet"].fillna("").astype(str).str.strip() if "outlet" in documents else pd.Series(dtype=str)
    named = outlets[outlets != ""]
    if named.empty or named.nunique() == len(documents):
        warnings.warn(
            f"--by outlet: {'no document names an outlet' if named.empty else 'every document names a different outlet'}, "
            "so articles are compared one by one. Give an outlet column in sources.csv (or the JSONL/CSV rows)",
            CorpusWarning, stacklevel=3)
        return
    kinds = documents.loc[named.index, "outlet_source"].astype(str) if "outlet_source" in documents else pd.Series(dtype=str)
    inferred = kinds[kinds.str.startswith("inferred:")].str.removeprefix("inferred:").value_counts(sort=False)
    if len(inferred):
        where = ", ".join(f"{INFERRED_OUTLET.get(k, k)} ({n} document{'s' if n != 1 else ''})" for k, n in inferred.items())
        warnings.warn(f"--by outlet: outlets inferred from {where}; column outlet_source of documents.csv names the "
                      "source of each. Give an outlet column in sources.csv to set them", CorpusWarning, stacklevel=3)


def compare(corpus: Corpus, tables: dict[str, pd.DataFrame], group_by: str = "doc_id",
            resamples: int = RESAMPLES) -> dict[str, pd.DataFrame]:
    """Cross-source tables, keyed by file name.

    ``sources`` says which source each document counts for; ``profiles`` and
    ``contrasts`` hold per-source measures with bootstrap intervals; then
    ``coverage``, ``claims``, ``text_reuse``, ``quote_variants`` (one statement quoted in different words,
    :mod:`.quote_variants`) and ``source_similarity``;
    ``event_groups`` (articles that share their vocabulary, :mod:`.same_event`); and the
    per-source pools ``actor_tone_by_source`` (and whether the sources' tone toward each actor differs by
    more than chance, ``actor_tone_differences``), ``frame_shares_by_source``,
    ``document_frames_by_source`` and ``readability_by_source``; the facts
    grid ``facts`` (what each source says about each fact several address)
    and ``voices`` (who each source cites, and how).

    Parameters
    ----------
    group_by : {"doc_id", "outlet"}
        Compare documents, or outlets (several articles per outlet pooled;
        documents without an outlet stand alone). Every cross-source table
        (profiles, contrasts, coverage, claims, shared text, similarity) is
        then between outlets, so its size grows with the number of outlets,
        not of articles.
    """
    if group_by == "outlet":
        warn_without_outlets(tables["documents"])
    features = sentence_features(tables, group_by=group_by)
    sources = source_of(tables["documents"], group_by)
    claim_table = claims(corpus, sources=sources)
    mapping = pd.DataFrame({"doc_id": list(sources), "source": list(sources.values())})
    pooled = {**tables, "sources": mapping}
    keep = largest_sources(tables["documents"], sources, FULL_SIMILARITY_SOURCES)
    similarity = source_similarity(corpus, sources=sources, keep=keep)
    per_article = similarity if all(k == v for k, v in sources.items()) else source_similarity(corpus, keep=list(sources)[:FULL_SIMILARITY_SOURCES])
    groups = event_groups(per_article, list(sources), days=news_days(tables["documents"]))
    pooled["event_groups"] = groups
    return {
        "sources": mapping,
        "profiles": profiles(features, resamples=resamples),
        "contrasts": contrasts(features, resamples=resamples),
        "coverage": within_story(coverage(corpus, tables, sources=sources, claim_table=claim_table), groups, sources),
        "claims": claim_table,
        "text_reuse": text_reuse(corpus, sources=sources),
        "quote_variants": quote_variants(corpus, sources=sources),
        "source_similarity": similarity,
        "event_groups": groups,
        "actor_tone_by_source": actor_tone_by_source(pooled),
        "actor_tone_differences": actor_tone_differences(pooled),
        "frame_shares_by_source": frame_shares_by_source(pooled),
        "document_frames_by_source": document_frames_by_source(pooled),
        "readability_by_source": readability_by_source(pooled),
        "facts": facts(tables, {doc.doc_id: doc.text for doc in corpus.documents}, sources,
                       dict(zip(groups["doc_id"], groups["event_group"]))),
        "voices": voices(tables, sources),
    }
