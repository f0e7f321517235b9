"""What a quantity counts and which event it belongs to: the evidence the alignment needs beyond context words.

From a mention's unit and the words of its sentence (``lexicons/quantity_events.csv``):

* the counted class: counts of people, civilians, "others" or lives are one
  kind of count (``person``); children, soldiers, fighters and police are
  counted apart;
* the outcome of a count of people: killed, injured, both, evacuated... read
  from the nearest outcome word: after the number in a passive or adjective
  form ("8 killed", "were wounded"), else before it ("killing 8", "the death
  toll rose to 52");
* the event kinds the sentence names (a bomb, shelling, an air strike, a
  signing, a shipment);
* time references: the weekdays and months the sentence names;
* whether the figure is a running total ("since the war began", "so far"),
  or the toll of another incident than the one in view ("another car bomb",
  "a similar attack", "two months ago");
* the day its article is dated: tolls of articles dated more than
  :data:`MAX_TOLL_DAYS` apart are of different incidents.

Two mentions whose evidence conflicts are never one quantity:
:func:`conflict` says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import read_rows
from ..text.dates import WEEKDAYS as _WEEKDAYS
from ..measures.number_context import split_context
from ..measures.number_units import lemma

#: Words after a number searched for its outcome ("including a woman and two children had been killed").
OUTCOME_AFTER_WORDS = 10
#: Words before a number searched for its outcome ("the death toll in the attack on the market in the
#: north rose to"; the scanner reads a bare number as a toll across up to ten words, so this many and two).
OUTCOME_BEFORE_WORDS = 12
#: Words either side of a date searched for its event word ("signed a memorandum with ... in early September").
DATE_EVENT_WORDS = 12
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|[0-9][0-9,.]*[0-9]|[0-9]|[,;:.()!?]")
_STOP = frozenset(",;:.()!?")
#: Another number ends the search for an outcome: an outcome word beyond it is that number's ("20 with 50 injured").
_NUMBER_TOKEN = re.compile(r"[0-9][0-9,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_ABBR = {m[:3]: m for m in _MONTHS} | {"sept": "september"}


#: Tolls of articles dated further apart than this many days are of different incidents (or a toll
#: revised long after): a toll is reported the day of the attack or the next, and updated within days.
MAX_TOLL_DAYS = 3


@dataclass(frozen=True)
class Evidence:
    """What one mention counts and which event it belongs to."""

    counted: str = ""
    outcome: str = ""
    events: frozenset = frozenset()
    weekdays: frozenset = frozenset()
    months: frozenset = frozenset()
    cumulative: bool = False
    other_event: bool = False
    #: The day its article is dated (its dateline, else its publication date), as an ordinal; 0 when unknown.
    published: int = 0


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict, dict, dict, dict, re.Pattern, frozenset]:
    counted, after, before, events, cumulative, other = {}, {}, {}, {}, [], set()
    for row in read_rows("quantity_events.csv"):
        word, role, cls = row["word"], row["role"], row["class"]
        if role == "counted":
            counted[word] = cls
        elif role == "outcome":
            after[word] = before[word] = cls
        elif role == "outcome_before":
            before[word] = cls
        elif role == "event":
            events.setdefault(word, set()).add(cls)
        elif role == "cumulative":
            cumulative.append(word)
        elif role == "other_event":
            other.add(word)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in cumulative) + r")\b", re.IGNORECASE)
    return counted, after, before, {w: frozenset(c) for w, c in events.items()}, pattern, frozenset(other)


def counted_class(unit: str) -> str:
    """The class of a counted noun (``person`` for people, civilians, lives...); the unit itself when unlisted.

    >>> counted_class("civilian"), counted_class("other"), counted_class("child"), counted_class("ton")
    ('person', 'person', 'child', 'ton')
    """
    return _lexicon()[0].get(unit, unit)


def class_nouns(cls: str) -> frozenset:
    """The counted nouns of one class (``settlement``: town, village, ...); empty when the class is unlisted.

    >>> sorted(class_nouns("settlement"))[:2]
    ['city', 'hamlet']
    """
    return frozenset(word for word, c in _lexicon()[0].items() if c == cls)


@lru_cache(maxsize=1)
def _structure_nouns() -> frozenset:
    return frozenset(row["word"] for row in read_rows("quantity_events.csv") if row["role"] == "structure")


def counts_structure(unit: str) -> bool:
    """A count of the text's own parts or of a background set ("three broad categories", "17 elements"): no news
    figure (``structure`` rows of ``lexicons/quantity_events.csv``).

    >>> counts_structure("category"), counts_structure("person")
    (True, False)
    """
    return lemma(str(unit or "").lower()) in _structure_nouns()


def is_toll_class(unit: str) -> bool:
    """A count of people of some kind (the lexicon's counted classes): its outcome matters."""
    return unit in _lexicon()[0] or counted_class(unit) in _lexicon()[0].values()


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _outcome_after(words: list[str]) -> str:
    after = _lexicon()[1]
    for k, w in enumerate(words[:OUTCOME_AFTER_WORDS]):
        if w in _STOP or _NUMBER_TOKEN.fullmatch(w):
            return ""
        if w in after:
            joined = [x for x in words[k + 1:k + 3] if x not in ("and", "or", ",")][:1]
            if joined and joined[0] in after and after[joined[0]] != after[w]:
                return "killed_or_injured"  # "killed and wounded", "killed, wounded"
            return after[w]
    return ""


def _outcome_before(words: list[str]) -> str:
    before = _lexicon()[2]
    window = words[-OUTCOME_BEFORE_WORDS:]
    for k in range(len(window) - 1, -1, -1):
        w = window[k]
        if w in _STOP or _NUMBER_TOKEN.fullmatch(w):
            return ""
        if w in before:
            joined = [x for x in window[max(0, k - 2):k] if x not in ("and", "or", ",")][-1:]
            if joined and joined[0] in before and before[joined[0]] != before[w]:
                return "killed_or_injured"  # "killing and wounding dozens", "kills, wounds dozens"
            return before[w]
    return ""


#: Words between a verb and the number it governs ("killing at least 8", "wounding some 40").
_NUMBER_MODIFIERS = frozenset({"at", "least", "most", "more", "less", "fewer", "than", "some", "about", "around",
                               "nearly", "almost", "over", "up", "to", "roughly", "approximately", "another", "a",
                               "the", "an", "as", "many", "estimated"})


@lru_cache(maxsize=1)
def _governing_verbs() -> frozenset:
    """Outcome words that govern a number after them ("killing", "wounds"), not "killed", which may end a toll."""
    return frozenset(_lexicon()[2].keys() - _lexicon()[1].keys())


def _outcome_governing(words: list[str]) -> str:
    """The outcome of a verb right before the number ("killing and wounding dozens of people evacuated from ..."):
    it governs the number, so a participle after the counted noun says who they were, not what befell them."""
    k = len(words)
    while k > 0 and words[k - 1] in _NUMBER_MODIFIERS:
        k -= 1
    return _outcome_before(words[:k][-3:]) if k and words[k - 1] in _governing_verbs() else ""


def _nearest_events(before: list[str], after: list[str]) -> frozenset:
    """The event kinds of the event word nearest a date ("the trial shipment" rather than the signing the
    sentence mentions further off), within :data:`DATE_EVENT_WORDS` words either side."""
    events = _lexicon()[3]
    for distance in range(DATE_EVENT_WORDS):
        near = [w for w in (before[-1 - distance] if distance < len(before) else "",
                            after[distance] if distance < len(after) else "") if w]
        found = frozenset(c for w in near for c in events.get(lemma(w), ()))
        if found:
            return found
    return frozenset()


def evidence(record: dict) -> Evidence:
    """The evidence of one mention (a row of ``numbers`` with its ``context``)."""
    before, after = split_context(record.get("context") or "")
    words = _words(before) + _words(after)
    lex = _lexicon()
    events = frozenset(c for w in words for c in lex[3].get(lemma(w), ()))
    weekdays = frozenset(w for w in words if w in _WEEKDAYS)
    months = frozenset(_MONTH_ABBR.get(w, w) for w in words if w in _MONTHS or w in _MONTH_ABBR)
    if record["kind"] == "date":
        return Evidence(events=_nearest_events(_words(before), _words(after)))
    counted = counted_class(record["unit"]) if record["kind"] == "count" else ""
    outcome = ""
    cumulative = other = False
    if counted and is_toll_class(record["unit"]):
        outcome = _outcome_governing(_words(before)) or _outcome_after(_words(after)) or _outcome_before(_words(before))
        cumulative = lex[4].search(before + " " + after) is not None
        other = not lex[5].isdisjoint(words)
    return Evidence(counted, outcome, events, weekdays, months, cumulative, other)


def conflict(a: Evidence, b: Evidence, kind: str) -> str:
    """Why two mentions cannot be one quantity; empty when nothing says so.

    >>> conflict(Evidence("person", "killed"), Evidence("person", "injured"), "count")
    'killed vs injured'
    """
    if kind == "date":
        if a.events and b.events and not a.events & b.events:
            return "different events"
        return ""
    if not (a.outcome or b.outcome or a.cumulative or b.cumulative):
        return ""
    if a.other_event != b.other_event:
        return "another incident"
    if (a.outcome or b.outcome) and a.published and b.published and abs(a.published - b.published) > MAX_TOLL_DAYS:
        return "articles dated days apart"
    if a.outcome != b.outcome:
        return f"{a.outcome or 'no outcome'} vs {b.outcome or 'no outcome'}"
    if a.cumulative != b.cumulative:
        return "a running total vs one incident"
    if a.events and b.events and not a.events & b.events:
        return "different events"
    if a.weekdays and b.weekdays and not a.weekdays & b.weekdays:
        return "different days"
    if a.months and b.months and not a.months & b.months:
        return "different months"
    return ""


#: Words saying a toll changed as time went on ("the death toll has risen to 70", "in an updated toll", "the
#: previous death toll was 20"): sources that counted at different hours can all be right.
_TOLL_UPDATE = re.compile(
    r"\b(?:death\s+)?(?:toll|tally)\s+(?:[a-z]+\s+){0,2}?(?:has\s+|had\s+)?(?:rose|risen|rises|climbed|climbs|mounted|mounts|"
    r"jumped|increased|hits|hit)\b|\b(?:updated|previous|earlier|revised|latest)\s+(?:death\s+)?(?:toll|tally)\b|"
    r"\b(?:has|have|had)\s+(?:risen|climbed|mounted)\s+to\b|"
    r"\b(?:death\s+)?(?:toll|tally)\s+(?:is|was|could|may|might)\s+(?:(?:likely|expected)\s+to\s+)?(?:rise|climb|increase)\b",
    re.IGNORECASE)


#: Labels of a toll's quantity group ("people killed", "dead", "the death toll").
TOLL_LABEL = re.compile(r"\b(?:killed|dead|deaths?|died|toll|injured|wounded|casualties|victims)\b", re.I)


def toll_update(sentence: str) -> str:
    """The words of ``sentence`` saying a toll changed over time; empty when none.

    >>> toll_update("The death toll has risen to 70, a source said.")
    'toll has risen'
    >>> toll_update("At least 43 people were killed, a monitor said in an updated toll.")
    'updated toll'
    >>> toll_update("It warned that the death toll was likely to rise.")
    'toll was likely to rise'
    """
    found = _TOLL_UPDATE.search(sentence)
    return found.group().removeprefix("death ").removeprefix("Death ") if found else ""


def same_incident(a: Evidence, b: Evidence, kind: str = "count") -> bool:
    """Two tolls with the same known outcome and a shared event kind, or two dates whose nearest event
    words name the same kind of event: as strong a link as a shared value."""
    if kind == "date":
        return bool(a.events & b.events)
    return bool(a.outcome) and a.outcome == b.outcome and bool(a.events & b.events)


#: Words after a sum searched for what it is ("a $5 million memorandum", "a $5 million company investment").
DESCRIBED_AFTER_WORDS = 2
#: Words before a sum searched for what it is ("pledged $5 million", "committed to invest about $5 million").
DESCRIBED_BEFORE_WORDS = 4


@lru_cache(maxsize=1)
def _described() -> dict[str, str]:
    return {row["word"]: row["class"] for row in read_rows("quantity_events.csv") if row["role"] == "described"}


def described(text: str, start: int, end: int, s_start: int, s_end: int) -> tuple[str, str]:
    """What a figure at ``text[start:end]`` is said to be, and the word saying it: ("agreement", "memorandum").

    The noun right after the figure when it modifies one ("a $500 million memorandum"), else the verb or noun
    before it ("pledged $500 million", "this framework ($500 million)"); ("", "") when none is listed.

    >>> t = "The firm pledged $5 million to the town."
    >>> described(t, 17, 27, 0, len(t))
    ('investment', 'pledged')
    """
    words = _described()
    after = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text[end:s_end])[:DESCRIBED_AFTER_WORDS]]
    before = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text[s_start:start])[-DESCRIBED_BEFORE_WORDS:]]
    for word in after + before[::-1]:
        for form in (word, lemma(word)):
            if form in words:
                return words[form], word
    return "", ""
