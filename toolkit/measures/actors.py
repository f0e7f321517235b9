"""Actors: mentions of the countries, organisations and people a corpus follows.

Actors and their aliases come from the corpus config (``corpus.toml``). For a
corpus without a config, :func:`suggest_actors` proposes candidates: names
(runs of capitalised words) that several sources mention.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from ..corpus.config import Actor
from ..corpus.documents import Corpus
from ..text.dates import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from ..lexicons import function_words
from .attribution import outlet_names
from ..text.phrases import PhraseMatcher

MENTION_COLUMNS = ["doc_id", "sentence_id", "actor", "kind", "start", "end", "surface"]
#: Candidates must be mentioned by at least this many sources ...
MIN_SOURCES = 2
#: ... and this many times in all.
MIN_MENTIONS = 3

#: Weekdays: capitalised, but never actors ("Wednesday" led the candidates of a wire corpus).
#: Page and wire boilerplate that is capitalised like a name: credit lines
#: ("Editing by", "Reporting by"), trust and copyright notices, page furniture.
#: General to news pages, not to any outlet or event.
BOILERPLATE_NAMES = frozenset({
    "editing", "reporting", "additional reporting", "writing", "compiled", "trust principles",
    "thomson reuters trust principles", "all rights reserved", "copyright", "advertisement", "subscribe",
    "read more", "related", "share", "photo", "file photo", "sign up", "newsletter", "click", "follow",
})

_NAME = re.compile(r"(?<![\w’'-])(?:[A-Z][\w’'.&-]*[\w]|[A-Z])(?:\s+(?:of\s+|for\s+|de\s+|al-)?[A-Z][\w’'.&-]*[\w])*")
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z-]+")


def mentions(corpus: Corpus, actors: tuple[Actor, ...] | list[Actor] | None = None) -> pd.DataFrame:
    """Every mention of every actor, matched case-sensitively as whole words.

    Parameters
    ----------
    actors : sequence of Actor, optional
        Defaults to the corpus config's actors, or else to
        :func:`suggest_actors`.

    Returns
    -------
    DataFrame
        ``doc_id, sentence_id, actor, kind, start, end, surface``; offsets
        index into the document's cleaned text. Where aliases overlap
        ("Acme Holdings" and "Acme"), the longest wins. An alias in
        parentheses right after a mention of the same actor ("Acme
        Holdings (AH)") is part of that mention, not a second one.
    """
    actors = tuple(actors) if actors is not None else (corpus.config.actors or tuple(suggested_actors(corpus)))
    matcher = PhraseMatcher(((alias, actor) for actor in actors for alias in actor.aliases), case_sensitive=True)
    rows = []
    for doc in corpus:
        for sentence in doc.sentences:
            previous = None
            for match in matcher.find(doc.text, sentence.start, sentence.end):
                actor = match.payload[0]
                if previous is not None and previous[0] == actor.name and _is_parenthesised_alias(doc.text, previous[1], match.start, match.end):
                    continue  # "Full Name (ALIAS)": one mention
                rows.append((doc.doc_id, sentence.sentence_id, actor.name, actor.kind, match.start, match.end, match.surface))
                previous = (actor.name, match.end)
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def _is_parenthesised_alias(text: str, previous_end: int, start: int, end: int) -> bool:
    """``text[start:end]`` stands in parentheses right after the mention ending at ``previous_end``."""
    return text[previous_end:start].strip() == "(" and text[end:end + 1] == ")"


NAME_COLUMNS = ["name", "source", "mentions", "inner", "lower"]


def name_counts(corpus: Corpus) -> pd.DataFrame:
    """Capitalised names per source: the counts :func:`suggest_actors` ranks.

    A name is a run of capitalised words in a body sentence, with leading
    function words removed. Returns ``name, source`` (outlet, else doc_id),
    ``mentions``, ``inner`` (mentions not at the start of a sentence) and ``lower``
    (for a one-word name, how often the source writes it, or its plural, in small
    letters: "force", "operations"). Counts
    of parts of a corpus add up, so a partitioned corpus is counted part by part.
    """
    counts: Counter = Counter()
    inner: Counter = Counter()  # occurrences not at the start of a sentence
    lower: Counter = Counter()  # words in small letters, per source
    stop = function_words() | set(MONTHS) | set(MONTH_ABBREVIATIONS) | set(WEEKDAYS)
    for doc in corpus:
        source = doc.metadata.get("outlet") or doc.doc_id
        for sentence in doc.sentences:
            lower.update((word, source) for word in _LOWER_WORD.findall(sentence.text))
            if sentence.kind in ("title", "heading"):
                continue
            for match in _NAME.finditer(sentence.text):
                words = match.group().split()
                while words and words[0].lower() in stop:
                    words = words[1:]
                name = " ".join(words).removesuffix("’s").removesuffix("'s")
                if len(name) < 2 or name.lower() in stop or name.lower() in BOILERPLATE_NAMES:
                    continue
                counts[name, source] += 1
                inner[name, source] += match.start() > 0
    rows = [(name, source, n, inner[name, source],
             lower[name.lower(), source] + lower[name.lower() + "s", source] if " " not in name else 0)
            for (name, source), n in counts.items()]
    return pd.DataFrame(rows, columns=NAME_COLUMNS)


def rank_names(counts: pd.DataFrame, min_sources: int = MIN_SOURCES, min_mentions: int = MIN_MENTIONS, top: int = 20) -> pd.DataFrame:
    """Candidate actors from :func:`name_counts` rows: ``name, sources, mentions``, most widely mentioned first.

    A candidate is mentioned by at least ``min_sources`` sources, at least
    ``min_mentions`` times, and at least once not at the start of a sentence.
    Not candidates: a common noun (a one-word name written at least as often
    in small letters: "Force", "Operation"), a possessive that lost its
    apostrophe ("Norlands" beside "Norland"), and a news outlet (a byline's
    agency is no actor).
    """
    if "lower" not in counts.columns:
        counts = counts.assign(lower=0)
    totals = counts.groupby("name", sort=False).agg(sources=("source", "nunique"), mentions=("mentions", "sum"),
                                                    inner=("inner", "sum"), lower=("lower", "sum"))
    totals = totals[(totals["sources"] >= min_sources) & (totals["mentions"] >= min_mentions) & (totals["inner"] > 0)]
    names = set(counts["name"])
    outlets = {name.lower() for name in outlet_names()}
    junk = [bool(lower >= mentions or (re.fullmatch(r"[A-Z][a-z]+[^s]s", name) and name[:-1] in names)
                 or name.lower() in outlets)
            for name, lower, mentions in zip(totals.index, totals["lower"], totals["mentions"])]
    totals = totals[pd.Series([not j for j in junk], index=totals.index, dtype=bool)]  # a mask, even when empty
    table = totals.reset_index()[["name", "sources", "mentions"]].astype({"sources": int, "mentions": int})
    return table.sort_values(["sources", "mentions", "name"], ascending=[False, False, True]).head(top).reset_index(drop=True)


def suggest_actors(corpus: Corpus, min_sources: int = MIN_SOURCES, min_mentions: int = MIN_MENTIONS, top: int = 20) -> pd.DataFrame:
    """Candidate actors: names that several sources mention.

    A name is a run of capitalised words not at the start of a sentence (or
    at the start, when it also occurs elsewhere), with leading function words
    removed. Returns ``name, sources, mentions``, most widely mentioned first.
    """
    return rank_names(name_counts(corpus), min_sources, min_mentions, top)


def suggested_actors(corpus: Corpus, top: int = 20) -> list[Actor]:
    """:func:`suggest_actors` as :class:`Actor` records (kind ``other``)."""
    return as_actors(suggest_actors(corpus, top=top))


def as_actors(suggestions: pd.DataFrame) -> list[Actor]:
    """Rows of :func:`suggest_actors` as :class:`Actor` records (kind ``other``)."""
    return [Actor(name, "other", (name,)) for name in suggestions["name"]]
