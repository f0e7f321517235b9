"""Suggested actors leave out weekdays, months, boilerplate and function words."""

from pathlib import Path

from toolkit.corpus.config import CorpusConfig
from toolkit.corpus.documents import Corpus, load_sources
from toolkit.corpus.sources import Source
from toolkit.measures.actors import suggest_actors

TEXT = ("{n} Title\n\nOn Wednesday the Harbour Authority said that Norland and the Harbour Authority agreed, "
        "and in August Norland signed. The Harbour Authority met Norland on Wednesday and The officials in August agreed. "
        "Editing by Jane Roe and Reporting by John Doe. Our Standards: Trust Principles. Trust Principles apply.\n")


def test_suggestions_skip_weekdays_months_boilerplate_and_function_words():
    sources = [Source(f"d{i}", f"d{i}.txt", Path(f"d{i}.txt"), TEXT.format(n=i), "txt") for i in range(3)]
    corpus = Corpus(load_sources(sources, []), CorpusConfig(name="x"))
    names = set(suggest_actors(corpus)["name"])
    assert {"Harbour Authority", "Norland"} <= names
    assert not names & {"Wednesday", "August", "Editing", "Reporting", "Trust Principles", "The"}


def test_rank_names_drops_common_nouns_lost_possessives_and_outlets():
    import pandas as pd

    from toolkit.measures.actors import NAME_COLUMNS, rank_names

    rows = []
    for source in ("a", "b"):
        rows += [("Norland", source, 5, 3, 0), ("Norlands", source, 2, 2, 0),  # "Norlands army": a lost apostrophe
                 ("Operation", source, 3, 1, 6),  # written "operation" more often than "Operation"
                 ("AFP", source, 3, 1, 0),  # a news agency's byline
                 ("Ana Ruiz", source, 3, 2, 0)]
    names = set(rank_names(pd.DataFrame(rows, columns=NAME_COLUMNS))["name"])
    assert names == {"Norland", "Ana Ruiz"}
