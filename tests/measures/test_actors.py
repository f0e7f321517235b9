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
