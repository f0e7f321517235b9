"""Actors: mentions of the countries, organisations and people a corpus follows.

Actors and their aliases come from the corpus config (``corpus.toml``). For a
corpus without a config, :func:`suggest_actors` proposes candidates: names
(runs of capitalised words) that several sources mention.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pandas as pd

from ..corpus.config import Actor
from ..corpus.documents import Corpus
from ..text.dates import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from ..lexicons import capitals, function_words, read_rows
from .attribution import ORG_WORD, classify_source, is_organisation_name, outlet_names
from .speakers import TITLE_WORDS
from ..text.phrases import PhraseMatcher

MENTION_COLUMNS = ["doc_id", "sentence_id", "actor", "kind", "start", "end", "surface"]
#: Candidates must be mentioned by at least this many sources ...
MIN_SOURCES = 2
#: ... and this many times in all.
MIN_MENTIONS = 3
#: ... and written as an actor (not as a setting, "in Vale", nor as a modifier, "Vale province") in at
#: least this share of its mentions, unless it names a body. One in three: set by reading the names of
#: the development corpora (US political news and Syrian war news), where places of the story and
#: nationality adjectives stay under it and the persons, states and bodies that act stay above it.
MIN_ACTOR_SHARE = 1 / 3

#: Weekdays: capitalised, but never actors ("Wednesday" led the candidates of a wire corpus).
#: Page and wire boilerplate that is capitalised like a name: credit lines
#: ("Editing by", "Reporting by"), trust and copyright notices, page furniture.
#: General to news pages, not to any outlet or event.
BOILERPLATE_NAMES = frozenset({
    "editing", "reporting", "additional reporting", "writing", "compiled", "trust principles",
    "thomson reuters trust principles", "all rights reserved", "copyright", "advertisement", "subscribe",
    "read more", "related", "share", "photo", "file photo", "sign up", "newsletter", "click", "follow",
})

#: Words for a day relative to the report: capitalised at a sentence's start, never actors ("Today, ...").
RELATIVE_DAYS = frozenset({"today", "yesterday", "tonight", "tomorrow"})


def _alternation(role: str) -> str:
    """The words of ``lexicons/name_contexts.csv`` of one role, as a regular-expression alternation."""
    words = sorted({row["term"] for row in read_rows("name_contexts.csv") if row["role"] == role}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


#: Characters before a name read for its context: a title, a name and "of" ("Sen. Jo Al Roe of ") fit.
_BEFORE_REACH = 80
#: Characters before a name in which the end of every such context (a hyphen, "of the", a prefix) fits.
_HINT_REACH = 20


@lru_cache(maxsize=None)
def _context_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """What before a name and what after it make the name no mention of an actor (see :func:`not_a_mention`)."""
    before = re.compile(
        r"(?:(?<![\w-])[RDI]-"  # "(R-Ohio)", "Jo Roe, D-Ohio,": a party-state tag
        r"|\b(?:" + _alternation("party_of") + r")\s+of\s+"  # "Jo Roe, Republican of Ohio"
        r"|\b(?:Rep\.|Sen\.|Representative|Senator|Congressman|Congresswoman)\s+(?:[A-Z][\w’'.-]*\s+){1,3}of\s+"  # "Sen. Jo Roe of Ohio"
        r"|\b(?:" + _alternation("name_head_of") + r")\s+of\s+(?:the\s+)?"  # "Gulf of X", "District of X"
        r"|(?<![\w-])(?:" + _alternation("name_prefix") + r")\s+)$")  # "New X", "Latin X": another place
    after = re.compile(
        # "the X Sea", "X’s 3rd Congressional District"; not "X’s Y Sea ports", X's own
        r"(?:(?:['’]s?)?\s+\d+(?:st|nd|rd|th))?\s+(?:[A-Z][\w’'-]*\s+){0,3}(?:" + _alternation("place_head") + "|"
        + _alternation("name_head") + r")(?![\w-])"
        r"|\s+(?:" + _alternation("lower_head") + r")(?![\w-])")  # "X cuisine", "X language"
    legislator = re.compile(r"\s+(?:" + _alternation("legislator") + r")(?![\w-])")  # "X Rep. Jo Roe", "X lawmakers"
    # what every "before" ends with (a hyphen, "of", a prefix): tried first on a few characters, for speed
    hint = re.compile(r"(?:-|(?<![\w-])of\s+(?:the\s+)?|(?<![\w-])(?:" + _alternation("name_prefix") + r")\s+)$")
    return before, after, legislator, hint


def not_a_mention(text: str, start: int, end: int, sentence_start: int = 0, person: bool = False) -> bool:
    """Whether the name ``text[start:end]`` is no mention of the actor it names, because of its context.

    Not a mention: a party-state tag after a politician's name ("Jo Roe (R-Ohio)", "Jo Roe,
    Republican of Ohio", "Sen. Jo Roe of Ohio"); a place before a legislator's title or party
    ("Ohio Rep. Jo Roe", "the Ohio Republican", "Ohio lawmakers": the member's constituency);
    a word inside a longer proper name ("the Norland Sea", "Gulf of Norland", "Norland's 3rd
    District", "New Norland"); a nationality naming a language or a cuisine ("Norlandic
    cuisine"). The words are in ``lexicons/name_contexts.csv``. The name of a ``person`` or of a
    body before a party word stays a mention ("Roe Republicans", "the Senate Republican leader").

    >>> text = "Jo Roe (R-Ohio) sailed the Ohio Sea to New Ohio, and Ohio Rep. Al Kay praised Ohio’s Erie Sea ports."
    >>> [not_a_mention(text, m.start(), m.end()) for m in re.finditer("Ohio", text)]
    [True, True, True, True, False]
    """
    before, after, legislator, hint = _context_patterns()
    lo = max(sentence_start, start - _BEFORE_REACH)
    return bool((hint.search(text, max(lo, start - _HINT_REACH), start) and before.search(text, lo, start)) or after.match(text, end)
                or (not person and legislator.match(text, end) is not None and not is_organisation_name(text[start:end])))


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
        Holdings (AH)") is part of that mention, not a second one. A name
        whose context makes it no mention of the actor (a party-state tag,
        a constituency, a word of a longer proper name, a language or a
        cuisine; :func:`not_a_mention`) is left out.
    """
    actors = tuple(actors) if actors is not None else (corpus.config.actors or tuple(suggested_actors(corpus)))
    spelled = {(spelling, actor.name): actor for actor in actors for alias in actor.aliases for spelling in _spellings(alias)}
    matcher = PhraseMatcher(((spelling, actor) for (spelling, _), actor in spelled.items()), case_sensitive=True)
    rows = []
    for doc in corpus:
        for sentence in doc.sentences:
            previous = None
            for match in matcher.find(doc.text, sentence.start, sentence.end):
                actor = match.payload[0]
                if not_a_mention(doc.text, match.start, match.end, sentence.start, actor.kind == "person"):
                    continue  # "(R-Ohio)", "the Norland Sea", "Norlandic cuisine": no mention of the actor
                if previous is not None and previous[0] == actor.name and _is_parenthesised_alias(doc.text, previous[1], match.start, match.end):
                    continue  # "Full Name (ALIAS)": one mention
                rows.append((doc.doc_id, sentence.sentence_id, actor.name, actor.kind, match.start, match.end, match.surface))
                previous = (actor.name, match.end)
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def _spellings(alias: str) -> tuple[str, ...]:
    """An alias and, for an initialism, its dotted form ("FBI" and "F.B.I."), which some outlets' style writes;
    for a name, the possessive of texts that lost their apostrophes ("Norlands forces"), which is also the
    name's plural ("the Roes").

    >>> _spellings("FBI"), _spellings("Acme"), _spellings("Jo Jones")
    (('FBI', 'F.B.I.'), ('Acme', 'Acmes'), ('Jo Jones',))
    """
    if re.fullmatch(r"[A-Z]{2,5}", alias):
        return alias, ".".join(alias) + "."
    if re.search(r"[A-Z][\w-]*[a-rt-z]$", alias) and len(alias) >= 4:
        return alias, alias + "s"
    return (alias,)


def _is_parenthesised_alias(text: str, previous_end: int, start: int, end: int) -> bool:
    """``text[start:end]`` stands in parentheses right after the mention ending at ``previous_end``."""
    return text[previous_end:start].strip() == "(" and text[end:end + 1] == ")"


NAME_COLUMNS = ["name", "source", "mentions", "inner", "lower", "setting", "modifier"]


#: Words before a name that make it the place where something happens ("in Vale", "near Vale", "a trip to
#: Vale", "in Lakeside and Vale"), not an actor: prepositions of location and verbs or nouns of travel.
_SETTING_BEFORE = re.compile(
    r"(?<![\w-])(?:in|at|near|into|inside|outside|across|throughout|around|toward|towards|within|"
    r"(?:trip|trips|visit|travel\w*|flew|fled|headed|heading|went|going|returned|moved|evacuated|bused|arrived|way|back)\s+to|"
    r"(?:left|leaving|leave|leaves|bound|headed|heading|departed|departing)\s+for|"
    # a place named by what lies in it or happens to it: "the city of Vale", "the siege of Vale", "residents of Vale"
    r"(?:city|town|village|villages|towns|siege|outskirts|residents|inhabitants|people|districts?|neighbou?rhoods?|"
    r"parts?|province|region|areas?|streets|battle|fall|countryside|suburbs?)\s+(?:of|for)|"
    # or by who holds it: "besieged Vale", "rebel-held Vale"
    r"(?:besieged|[\w-]+-held|[\w-]+-controlled|war-torn|embattled|beleaguered)|"
    # or by the part of it, or by an attack on it: "western Vale", "air strikes on Vale", "the bombing of Vale"
    r"(?:east|west|north|south|eastern|western|northern|southern)|(?:strikes?|raids?|attacks?|shelling|fire)\s+on|"
    r"(?:bombing|shelling|recapture|capture)\s+of|from|enter|entering|leave|leaving)\s+"
    r"(?:(?:the|eastern|western|northern|southern|central|east|west|north|south)\s+)?"
    r"(?:(?:al-)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:,\s+|\s+(?:and|or)\s+))*$")
#: Characters before a name read for a setting: a preposition and a short list of names ("in Lakeside, Vale and ").
_SETTING_REACH = 120
#: A word after a one-word name that makes the name a modifier ("Vale army", "Norlandic forces"): small
#: letters, and not a function word or a verb (see :func:`_attributive`).
_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]+)\b")


#: A copula before a one-word name at the end of its phrase: the name is an adjective ("is mostly Norlandic").
_PREDICATE_BEFORE = re.compile(r"(?<![\w-])(?:is|are|was|were|be|been|being|become|became|remain|remains|remained)\s+"
                               r"(?:[a-z]+ly\s+)?$")


@lru_cache(maxsize=None)
def _verbs() -> frozenset[str]:
    """One-word reporting verbs of ``lexicons/attribution.csv``: after a name, the name is their subject."""
    return frozenset(row["term"] for row in read_rows("attribution.csv") if " " not in row["term"])


def _attributive(text: str, end: int) -> bool:
    """Whether the one-word name ending at ``end`` modifies the noun after it ("Vale army", "Norlandic
    villages"): the next word is in small letters and is no function word, reporting verb or past form."""
    word = _NEXT_WORD.match(text, end)
    if not word:
        return False
    w = word.group(1)
    return w not in function_words() and w not in _verbs() and not w.endswith("ed")


def name_counts(corpus: Corpus) -> pd.DataFrame:
    """Capitalised names per source: the counts :func:`suggest_actors` ranks.

    A name is a run of capitalised words in a body sentence, with leading
    function words removed. Returns ``name, source`` (outlet, else doc_id),
    ``mentions``, ``inner`` (mentions not at the start of a sentence) and ``lower``
    (for a one-word name, how often the source writes it, or its plural, in small
    letters: "force", "operations"), ``setting`` (mentions as the place where
    something happens: "in Vale", "a trip to Vale") and ``modifier`` (mentions of
    a one-word name before the noun it modifies, "Vale army", "Norlandic
    villages", or after a copula, "is mostly Norlandic"). A name whose context makes it no mention (:func:`not_a_mention`:
    "R-Ohio", "the Norland Sea") is not counted. Counts
    of parts of a corpus add up, so a partitioned corpus is counted part by part.
    """
    counts: Counter = Counter()
    inner: Counter = Counter()  # occurrences not at the start of a sentence
    lower: Counter = Counter()  # words in small letters, per source
    setting: Counter = Counter()  # occurrences as a place where something happens
    modifier: Counter = Counter()  # occurrences of a one-word name before the noun it modifies
    stop = function_words() | set(MONTHS) | set(MONTH_ABBREVIATIONS) | set(WEEKDAYS) | RELATIVE_DAYS
    for doc in corpus:
        source = doc.metadata.get("outlet") or doc.doc_id
        for sentence in doc.sentences:
            text = sentence.text
            lower.update((word, source) for word in _LOWER_WORD.findall(text))
            if sentence.kind in ("title", "heading"):
                continue
            for match in _NAME.finditer(text):
                words = match.group().split()
                while words and words[0].lower() in stop:
                    words = words[1:]
                name = " ".join(words).removesuffix("’s").removesuffix("'s")
                if len(name) < 2 or name.lower() in stop or name.lower() in BOILERPLATE_NAMES:
                    continue
                start = match.end() - len(" ".join(words))
                if not_a_mention(text, start, match.end()):
                    continue  # "R-Ohio", "Ohio Rep. Jo Roe", "the Norland Sea"
                counts[name, source] += 1
                inner[name, source] += match.start() > 0
                possessive = match.group().endswith(("’s", "'s"))
                placed = not possessive and bool(_SETTING_BEFORE.search(text, max(0, start - _SETTING_REACH), start))
                setting[name, source] += placed
                modifier[name, source] += not placed and " " not in name and not possessive and (
                    _attributive(text, match.end()) or bool(_PREDICATE_BEFORE.search(text, max(0, start - 30), start)))
    rows = [(name, source, n, inner[name, source], 0, setting[name, source], modifier[name, source])
            for (name, source), n in counts.items()]
    # the words in small letters, per source, as rows with no mention: summed over the parts of a partitioned
    # corpus like the names, so that a source's "security" in one part meets its "Security" in another
    rows += [(word, source, 0, 0, n, 0, 0) for (word, source), n in lower.items()]
    return pd.DataFrame(rows, columns=NAME_COLUMNS)


def rank_names(counts: pd.DataFrame, min_sources: int = MIN_SOURCES, min_mentions: int = MIN_MENTIONS, top: int = 20) -> pd.DataFrame:
    """Candidate actors from :func:`name_counts` rows: ``name, sources, mentions, aliases``
    (the names of :func:`person_groups` counted as one, joined by "|"), most widely mentioned first.

    A candidate is mentioned by at least ``min_sources`` sources, at least
    ``min_mentions`` times, and at least once not at the start of a sentence.
    Not candidates: a common noun (a one-word name written at least as often
    in small letters: "Force", "Operation"), a possessive that lost its
    apostrophe ("Norlands" beside "Norland"), a news outlet (a byline's
    agency is no actor), a geographic feature ("the Norland Sea"), and scenery:
    a name, not a body's, that the sources write as an actor (a subject, an
    object, a possessor) in fewer than :data:`MIN_ACTOR_SHARE` of its
    mentions, the rest being the place where something happens ("in Vale")
    or a modifier ("Norlandic villages", "Vale province").
    """
    for column in ("lower", "setting", "modifier"):
        if column not in counts.columns:
            counts = counts.assign(**{column: 0})
    # rows of words in small letters (no mention): how often each one-word name, or its plural, is so written
    written = counts[counts["mentions"] == 0].groupby(["name", "source"])["lower"].sum().to_dict()
    # a name's counts per source, added up over the parts of a partitioned corpus before the words are met
    counts = counts[counts["mentions"] > 0].groupby(["name", "source"], sort=False, as_index=False).sum()
    if written:  # a source's own small-letter uses of a one-word name it writes, or of its plural
        counts = counts.assign(lower=counts["lower"] + [
            0 if " " in name else written.get((name.lower(), source), 0) + written.get((name.lower() + "s", source), 0)
            for name, source in zip(counts["name"], counts["source"])])
    totals = counts.groupby("name", sort=False).agg(sources=("source", "nunique"), mentions=("mentions", "sum"),
                                                    inner=("inner", "sum"), lower=("lower", "sum"),
                                                    setting=("setting", "sum"), modifier=("modifier", "sum"))
    totals = totals[(totals["sources"] >= min_sources) & (totals["mentions"] >= min_mentions) & (totals["inner"] > 0)]
    names = set(counts["name"])
    outlets = {name.lower() for name in outlet_names()}
    places = _place_heads()
    junk = [bool(lower >= mentions or (re.fullmatch(r"[A-Z][a-z]+[^s]s", name) and name[:-1] in names)
                 or name.lower() in outlets or name.split()[-1] in places
                 or (mentions - setting - modifier < MIN_ACTOR_SHARE * mentions and not is_organisation_name(name)))
            for name, lower, mentions, setting, modifier in zip(totals.index, totals["lower"], totals["mentions"],
                                                                totals["setting"], totals["modifier"])]
    totals = totals[pd.Series([not j for j in junk], index=totals.index, dtype=bool)]  # a mask, even when empty
    groups = person_groups(list(totals.index))
    sources = counts[counts["name"].isin(totals.index)].groupby("name")["source"].agg(set)
    rows = []
    for name, members in groups.items():
        rows.append((name, len(set().union(*(sources[m] for m in members))), int(totals.loc[members, "mentions"].sum()),
                     "|".join(members)))
    table = pd.DataFrame(rows, columns=["name", "sources", "mentions", "aliases"]).astype({"sources": int, "mentions": int})
    return table.sort_values(["sources", "mentions", "name"], ascending=[False, False, True]).head(top).reset_index(drop=True)


def person_groups(names: list[str]) -> dict[str, list[str]]:
    """Candidate names that name one person or body, grouped under the fullest: a name with a title
    before it ("General Roe", "President Jo Roe") is the name without it, a surname alone ("Roe") is
    the one full name ending with it ("Jo Roe") when there is exactly one, and a body's head word alone
    ("Council") is the one longer name holding it ("Vale Council"), and a state's capital or seat of government
    ("Ankara") is the state, when it is a name too ("Turkey"; :func:`toolkit.lexicons.capitals`). Other names stand alone.

    >>> groups = person_groups(["Roe", "Jo Roe", "General Roe", "Kay", "Al Kay", "Ed Kay", "Vale Council", "Council"])
    >>> groups["Jo Roe"], groups["Kay"], groups["Vale Council"]
    (['Jo Roe', 'Roe', 'General Roe'], ['Kay'], ['Vale Council', 'Council'])
    """
    def untitled(name: str) -> str:
        words = name.split()
        while len(words) > 1 and words[0].lower() in TITLE_WORDS:
            words = words[1:]
        return " ".join(words)

    persons = {n for n in names if len(untitled(n).split()) >= 2 and classify_source(untitled(n)) == "person"
               and not is_organisation_name(n)}
    target: dict[str, str] = {}
    for name in names:
        core = untitled(name)
        if name in persons or core != name:
            target[name] = core if core != name else name  # "President Jo Roe" is "Jo Roe"
    for name in names:
        core = target.get(name, name)
        if " " not in core:
            full = sorted({target.get(p, p) for p in persons if target.get(p, p).split()[-1] == core})
            if len(full) == 1:
                target[name] = full[0]  # "Roe" and "General Roe": the one "Jo Roe"
            elif ORG_WORD.fullmatch(core):
                bodies = [n for n in names if " " in n and core in n.split() and n not in persons]
                if len(bodies) == 1:
                    target[name] = bodies[0]  # "the Council", said short, of the one "Vale Council"
    states = capitals()
    for name in names:
        state = states.get(name.lower())
        if state in names:
            target[name] = target.get(state, state)  # "Moscow" and "Kremlin" beside "Russia": the state they stand for
    groups: dict[str, list[str]] = {}
    for name in names:
        head = target.get(name, name)
        groups.setdefault(head if head in names or head in target.values() else name, []).append(name)
    return {head: sorted(members, key=lambda m: (m != head, names.index(m))) for head, members in groups.items()}


@lru_cache(maxsize=None)
def _place_heads() -> frozenset[str]:
    """Last words of geographic names ("Sea", "River") of ``lexicons/name_contexts.csv``."""
    return frozenset(row["term"] for row in read_rows("name_contexts.csv") if row["role"] == "place_head")


def suggest_actors(corpus: Corpus, min_sources: int = MIN_SOURCES, min_mentions: int = MIN_MENTIONS, top: int = 20) -> pd.DataFrame:
    """Candidate actors: names that several sources mention.

    A name is a run of capitalised words not at the start of a sentence (or
    at the start, when it also occurs elsewhere), with leading function words
    removed. Returns ``name, sources, mentions, aliases``, most widely mentioned first.
    """
    return rank_names(name_counts(corpus), min_sources, min_mentions, top)


def suggested_actors(corpus: Corpus, top: int = 20) -> list[Actor]:
    """:func:`suggest_actors` as :class:`Actor` records (kind ``other``)."""
    return as_actors(suggest_actors(corpus, top=top))


def as_actors(suggestions: pd.DataFrame) -> list[Actor]:
    """Rows of :func:`suggest_actors` as :class:`Actor` records (kind ``other``)."""
    if "aliases" not in suggestions.columns:
        return [Actor(name, "other", (name,)) for name in suggestions["name"]]
    return [Actor(name, "other", tuple(dict.fromkeys([name, *str(aliases).split("|")])))
            for name, aliases in zip(suggestions["name"], suggestions["aliases"])]
