"""Actors: mentions of the countries, organisations and people a corpus follows.

Actors and their aliases come from the corpus config (``corpus.toml``). For a
corpus without a config, :func:`suggest_actors` proposes candidates: names
(runs of capitalised words) that several sources mention.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pandas as pd

from .config import Actor
from .corpus import Corpus
from .dates import MONTH_ABBREVIATIONS, MONTHS
from .lexicons import function_words
from .phrases import PhraseMatcher

MENTION_COLUMNS = ["doc_id", "sentence_id", "actor", "kind", "start", "end", "surface"]
#: Candidates must be mentioned by at least this many sources ...
MIN_SOURCES = 2
#: ... and this many times in all.
MIN_MENTIONS = 3

_NAME = re.compile(r"(?<![\w’'-])(?:[A-Z][\w’'.&-]*[\w]|[A-Z])(?:\s+(?:of\s+|de\s+|al-)?[A-Z][\w’'.&-]*[\w])*")


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
        ("US Strategic Metals" and "US"), the longest wins.
    """
    actors = tuple(actors) if actors is not None else (corpus.config.actors or tuple(suggested_actors(corpus)))
    matcher = PhraseMatcher(((alias, actor) for actor in actors for alias in actor.aliases), case_sensitive=True)
    rows = []
    for doc in corpus:
        for sentence in doc.sentences:
            for match in matcher.find(doc.text, sentence.start, sentence.end):
                actor = match.payload[0]
                rows.append((doc.doc_id, sentence.sentence_id, actor.name, actor.kind, match.start, match.end, match.surface))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def suggest_actors(corpus: Corpus, min_sources: int = MIN_SOURCES, min_mentions: int = MIN_MENTIONS, top: int = 20) -> pd.DataFrame:
    """Candidate actors: names that several sources mention.

    A name is a run of capitalised words not at the start of a sentence (or
    at the start, when it also occurs elsewhere), with leading function words
    removed. Returns ``name, sources, mentions``, most widely mentioned first.
    """
    counts: Counter = Counter()
    inner: Counter = Counter()  # occurrences not at the start of a sentence
    sources: dict[str, set] = defaultdict(set)
    stop = function_words() | set(MONTHS) | set(MONTH_ABBREVIATIONS)
    for doc in corpus:
        for sentence in doc.sentences:
            if sentence.kind in ("title", "heading"):
                continue
            for match in _NAME.finditer(sentence.text):
                words = match.group().split()
                while words and words[0].lower() in stop:
                    words = words[1:]
                name = " ".join(words).removesuffix("’s").removesuffix("'s")
                if len(name) < 2 or name.lower() in stop:
                    continue
                counts[name] += 1
                inner[name] += match.start() > 0
                sources[name].add(doc.metadata.get("outlet") or doc.doc_id)
    rows = [(name, len(sources[name]), n) for name, n in counts.items()
            if len(sources[name]) >= min_sources and n >= min_mentions and inner[name]]
    table = pd.DataFrame(rows, columns=["name", "sources", "mentions"])
    return table.sort_values(["sources", "mentions", "name"], ascending=[False, False, True]).head(top).reset_index(drop=True)


def suggested_actors(corpus: Corpus, top: int = 20) -> list[Actor]:
    """:func:`suggest_actors` as :class:`Actor` records (kind ``other``)."""
    return [Actor(name, "other", (name,)) for name in suggest_actors(corpus, top=top)["name"]]
