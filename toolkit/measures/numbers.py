"""Numeric claims: every number with its unit and the interval it commits to.

A mention becomes an interval ``[low, high]``:

* exact values are points: ``$500 million`` is [5e8, 5e8];
* ranges keep both ends: ``$4-5 trillion`` is [4e12, 5e12], as are
  ``between 4 and 5`` and ``4 to 5``;
* approximators widen a value by :data:`APPROX_TOLERANCE` either way
  (*about*, *around*, *approximately*, *roughly*, *some*, ``~``); *nearly*
  and *almost* give [value x (1 - tolerance), value];
* bounds are open on one side: *over*, *more than*, *above* (``bound`` ``gt``,
  no ``high``); *at least* (``ge``); *under*, *less than*, *below* (``lt``,
  from 0); *up to* (``le``, from 0);
* plural scale words are wide intervals: *billions* is [2e9, 1e12];
* changes keep both values: ``from 29% to 19%`` has ``change_from`` 29,
  ``change_to`` 19 and the interval of the new value;
* dates are intervals of ISO days: ``September 2025`` is 2025-09-01 to
  2025-09-30, ``late September`` days 21 to 30. A month without a year takes the
  year last written out earlier in the article, else the article's year;
  relative dates (*last month*) are resolved against the article's date when
  it is known, and left open otherwise.

Numbers are read in every common written form: digits with thousands
separators, fractions and mixed forms (``1/2``, ``1⁄32``, ``2½``, ``2 1/2``),
compound number words ("twenty-eight thousand six hundred forty-two"),
scientific notation (``1.99×10−30``), negative values (``minus-1.4``,
``−3%``) and scale words or letters (``mil``, ``mln``, ``bn``, ``25k``). Units
and currency signs come from the versioned lexicon ``lexicons/units.csv``
(:func:`unit_lexicon`): written before the number (``S$``, ``HK$``, ``RM``,
``Y=``), after it, or onto it (``50mph``, ``128GB``). A counted noun that no
row lists keeps its lemma as the unit ("14 first-team players" counts
``player``). Every interval has ``low <= high``; a value too large to be finite
is refused. The ``direction`` column says whether the number is a rise or a fall
("rose 2%", "down 9.2%", or a change's two values).

Not quantities, deliberately skipped: clock and lap times, scores (``3-1``),
names holding a number (*Model 3*, *Game 2*, *S&P 500*, *5G*), page furniture
("Slideshow (3 Images)"), years inside full dates (part of the
date), ordinals (*first*, *21st century*), list numbering, identifiers
(*G7*, *COVID-19*), *one* as a pronoun or article, and *the two X* referring
back to things already named.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from ..corpus.documents import Corpus, Document
from ..text.dates import DATE_DTYPE, DATE_RE, date_from_match, month_number
from ..lexicons import function_words, read_rows
from .stance import stance

#: Relative half-width of an approximate value ("about 5.9" is 5.9 +/- 10%).
#: A convention of this toolkit: news approximators round to one or two
#: significant figures, which is within 10% for values written that way.
APPROX_TOLERANCE = 0.10

NUMBER_COLUMNS = ["doc_id", "sentence_id", "start", "end", "surface", "kind", "unit", "low", "high", "approx", "bound",
                  "change_from", "change_to", "concept", "context", "hedged", "attributed", "group_id", "direction", "measured"]
KINDS = ("money", "percent", "percentage_points", "count", "duration", "date", "number")

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORD_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12}
#: Kept for callers of earlier versions: single number words and their values.
_WORD_VALUES = {**_ONES, **_TENS, "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12, "a thousand": 1000}
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "billion": 1e9,
           "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "t": 1e12, "lakh": 1e5, "crore": 1e7,
           "hundred": 100}
#: Plural scale words as intervals: "dozens" is at least two dozen, "thousands"
#: at least two thousand and below a million (the next scale word).
_PLURAL_SCALES = {"dozens": (24, 100), "hundreds": (200, 1e3), "thousands": (2e3, 1e6), "millions": (2e6, 1e9),
                  "billions": (2e9, 1e12), "trillions": (2e12, 1e15),
                  "tens of thousands": (1e4, 1e5), "hundreds of thousands": (1e5, 1e6),
                  "tens of millions": (1e7, 1e8), "hundreds of millions": (1e8, 1e9),
                  "tens of billions": (1e10, 1e11), "hundreds of billions": (1e11, 1e12)}
_APPROX_WORDS = ("about", "around", "approximately", "approx.", "roughly", "some", "an estimated", "estimated at",
                 "estimated", "close to", "circa", "ca.", "nearly", "almost", "~", "≈", "roughly around", "barely")
_BOUNDS = {"over": "gt", "more than": "gt", "above": "gt", "in excess of": "gt", "greater than": "gt",
           "higher than": "gt", "upwards of": "gt", "well over": "gt", "just over": "gt", "north of": "gt", ">": "gt",
           "at least": "ge", "a minimum of": "ge", "≥": "ge", "as much as": "le", "as many as": "le", "as high as": "le",
           "under": "lt", "less than": "lt", "below": "lt", "fewer than": "lt", "lower than": "lt", "just under": "lt",
           "sub-": "lt", "<": "lt", "up to": "le", "no more than": "le", "at most": "le", "a maximum of": "le",
           "≤": "le", "not more than": "le"}
_MODIFIERS = sorted(set(_APPROX_WORDS) | set(_BOUNDS), key=len, reverse=True)
_MODIFIER_BEFORE = re.compile(
    r"(?<![\w-])(?P<mod>" + "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in _MODIFIERS) + r")"
    r"(?:\s*,?\s*or\s+(?:about|around|above|over|below|under|more|less)(?:\s+than)?)?[\s(]*$",
    re.IGNORECASE,
)

_BASIC = ("(?:(?:" + "|".join(_TENS) + r")(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b)?|"
          + "|".join(sorted(_ONES, key=len, reverse=True)) + ")")
_WORD_SCALE = r"(?:hundred|thousand|million|billion|trillion|dozen)"
#: Compound number words: "twenty-eight thousand six hundred forty-two", "a dozen", "four hundred million".
#: Compound number words: "twenty-eight thousand six hundred forty-two", "a dozen", "four hundred million".
_WORDNUM = (r"\b(?:" + _BASIC + r"|an?(?=[\s-]+" + _WORD_SCALE + r"\b))(?:[\s-]+" + _WORD_SCALE
            + r"\b(?:[\s-]+(?:and\s+)?" + _BASIC + r"\b)?)*\b")
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
           "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅐": 1 / 7, "⅑": 1 / 9, "⅒": 0.1}
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+"
_NUM_FORMS = (
    r"(?P<sci>(?:" + _DIGITS + r")\s?[×xX*·]\s?10\s?(?:\^|\*\*)?\s?(?:[-−–]\s?)?[0-9]{1,3}|(?:" + _DIGITS
    + r")\s?[×x·]\s?10[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})"
    + r"|(?P<mixed>[0-9]+(?:\s+[0-9]+[/⁄][0-9]+(?![0-9/⁄])|\s?[" + "".join(_VULGAR) + r"]))"
    + r"|(?P<frac>[0-9]+⁄[0-9]+|[0-9]{1,2}/[0-9]{1,3}(?![0-9/⁄]))"
    + r"|(?P<dig>" + _DIGITS + r")"
    + r"|(?P<vulgar>[" + "".join(_VULGAR) + r"])"
)
# The lookahead on the first character lets the regex engine skip to candidate positions (ten times faster).
_DIGIT_NUMBER = r"(?=[0-9." + "".join(_VULGAR) + r"])(?<![0-9.,/⁄])(?:" + _NUM_FORMS + r")(?![0-9])"
_NUMBER = re.compile(_DIGIT_NUMBER + r"|(?P<words>" + _WORDNUM + r")", re.IGNORECASE)
#: Numbers written in digits only: scanned alone in sentences without number words.
_NUMBER_DIGITS = re.compile(_DIGIT_NUMBER, re.IGNORECASE)
#: At most this many decimal digits are read from a number; longer digit runs
#: (identifiers, hashes) would only overflow to infinity.
MAX_DIGITS = 30
_SCALE_AFTER = re.compile(
    r"(?:\s|-)?(?P<scale>(?i:hundred|thousand|million|billion|trillion|mln|mil|mn|bn|tn|trn|lakh|crore)\b"
    r"|(?<![\s-])[kKmMbBtT](?![A-Za-z0-9])|(?<=\s)[MB](?![A-Za-z0-9]))"
)
_NEGATIVE_BEFORE = re.compile(r"(?:(?<![\w.,%)-])[-−–]|\bminus[\s-]?)$", re.IGNORECASE)
_CONNECTOR = re.compile(r"\s*(?P<c>[-–—]|to-?|and|through|or)\s*", re.IGNORECASE)
_IDENTIFIER = re.compile(r"\b[A-Za-z]+-?[0-9]+[A-Za-z]*\b|\b[0-9]+[A-Za-z]+[0-9]+\b")
_CLOCK = re.compile(
    r"(?=[0-9(])(?:\b[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\.[0-9]+)?(?:\s?(?:[ap]\.?m\.?|GMT|UTC|ET|EST|EDT|BST|CET)(?![a-z]))?"
    r"|\b[0-9]{1,2}(?:[.:][0-9]{2})?\s?(?:[ap]\.m\.|[ap]m\b)"
    r"|\b[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z?"
    r"|\(\s?[0-9]{4}\s?(?:GMT|UTC)\s?\))", re.IGNORECASE)
#: Names that hold a number but state no quantity: mobile network generations ("5G"), "S&P 500", "COVID-19".
_NAMES = re.compile(r"(?=[2-6SCFDN])(?:\b[2-6]G\b(?!\s*(?:of|data)\b)|\bS\s?&?\s?P\s?(?:500|100|400|600)\b|\bCOVID-19\b|\bFTSE\s?(?:100|250)\b"
                    r"|\b(?:Dow|Nasdaq)\s+[0-9]+\b)")
#: Decades: "the 1990s" is a date interval; "the '80s" and "in his 40s" are left alone.
_DECADE = re.compile(r"(?=['’0-9])(?<![\w.,])(?:['’]|(?P<century>1[0-9]|20))?(?P<decade>[0-9]0)['’]?s\b")
#: Scores ("won 3-1", "89-89"): a hyphenated pair read downwards or level, with no unit.
_SCORE = re.compile(r"(?<![\w.,$£€-])(?P<a>[0-9]{1,3})-(?P<b>[0-9]{1,3})(?![\w%]|[.,][0-9]|-|\s*(?:%|percent|per\s+cent))")
_FURNITURE = re.compile(r"\b(?:Slideshow|Gallery|Photos?|Images?|Videos?)\s*\(\s*[0-9]+\s*(?:Images?|Photos?|Videos?)?\s*\)"
                        r"|\b[0-9]+\s+(?:Tags?|Comments?|Shares?|Likes?|Views?)\b(?=\s*$|\s*[|•])"
                        r"|\b(?:Get short URL|Share|Comments?)(?:\s+[0-9]+){1,4}\b")
#: A capitalised name right before a bare number names a thing ("Model 3",
#: "Game 2", "Section 427", "S&P 500"): the number is part of the name.
_NAME_BEFORE = re.compile(r"(?:(?<=[^\w\s])|(?<=\w\s)|(?<=\w\s\s))(?P<name>(?:[A-Z][\w&'’.]*|[a-z]+[A-Z]\w*))\s+$")
#: A number cut short by a hyphen, its unit written after a later one: "7- or 8-inch", "four-, five- and six-cylinder".
_SUSPENDED = re.compile(r"-,?\s+(?:(?:or|and|to)\s+)?(?:[0-9.]+|[a-z]+)(?:-,?\s+(?:(?:or|and|to)\s+)?(?:[0-9.]+|[a-z]+))*(?=-)",
                        re.IGNORECASE)
_ELLIPSIS_AFTER = re.compile(r"\s*(?:or|to|and|-|–)\s*|\s+of\s+(?:the|a|an)\s+", re.IGNORECASE)
_ELLIPSIS_BEFORE = re.compile(r"(?:\s+[a-z]+){0,3}\s*,?\s+(?:and|or|to|versus|vs\.?)\s+", re.IGNORECASE)
_PARTITIVE = re.compile(r"\s+of\s+(?:its|the|their|his|her|our|these|those|all)(?=\s)", re.IGNORECASE)
#: Words after a bare number that make it a count of people: "213 dead", "1,429 died", "40 were wounded".
_PEOPLE_AFTER = re.compile(r"\s+(?:(?:were|have\s+been|had\s+been|are|was)\s+)?(?:dead|died|killed|injured|wounded|hurt|"
                           r"missing|displaced|arrested|detained|evacuated|rescued|executed|survivors)\b", re.IGNORECASE)
_YEARLIKE = re.compile(r"(?:19|20)[0-9][0-9]")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
#: Verbs before "from X to Y" that make it a change rather than a range ("ranges from 1 to 3").
_CHANGE_VERB = re.compile(
    r"\b(?:ris|rose|fell|fall|drop|declin|increas|decreas|grow|grew|jump|climb|slid|slip|cut|rais|lower|reduc|slow|inch|"
    r"mov|chang|went|go|surg|soar|plung|plummet|tumbl|shr[ai]nk|expand|widen|narrow|lift|boost|trim|slash|hik|upward|downward|"
    r"up\b|down\b)[a-z]*\b[^.;]{0,40}$", re.IGNORECASE)
_DIRECTION_WORDS = {
    "up": "up", "rose": "up", "rise": "up", "rises": "up", "risen": "up", "rising": "up", "gained": "up",
    "gain": "up", "gains": "up", "climbed": "up", "climbs": "up", "jumped": "up", "jumps": "up", "increased": "up",
    "increase": "up", "increases": "up", "grew": "up", "grown": "up", "grow": "up", "surged": "up", "soared": "up",
    "advanced": "up", "added": "up", "higher": "up", "rallied": "up", "boosted": "up", "spiked": "up",
    "down": "down", "fell": "down", "fall": "down", "falls": "down", "fallen": "down", "dropped": "down",
    "drop": "down", "drops": "down", "declined": "down", "decline": "down", "declines": "down", "lost": "down",
    "slid": "down", "slides": "down", "slipped": "down", "sank": "down", "plunged": "down", "plummeted": "down",
    "plummeting": "down", "tumbled": "down", "decreased": "down", "decrease": "down", "shed": "down",
    "eased": "down", "lower": "down", "slumped": "down", "dipped": "down", "retreated": "down", "cut": "down",
    "shrank": "down", "contracted": "down", "falling": "down",
}
_DIRECTION_BEFORE = re.compile(
    r"\b(?P<verb>" + "|".join(sorted(_DIRECTION_WORDS, key=len, reverse=True)) + r")\b"
    r"(?:\s+(?:by|to|a|an|another|nearly|almost|about|around|roughly|some|more than|over|just|only|as much as|"
    r"as many as|over|slightly|sharply|further))*\s*(?:[-−]|minus\s)?[^\w\s]{0,3}$", re.IGNORECASE)

#: Currency and unit signs, read from ``lexicons/units.csv``.
_TIME_NOUNS = r"(?:day|week|month|year|hour|minute|second|share|person|head|capita|unit|night|game|season|century|gram|kilogram|kg|ton|tonne|barrel|litre|liter|gallon|ounce|pound|mile|km|kilometre|kilometer|square foot|square metre|kwh|mwh)"
_PER = re.compile(r"(?:\s*/\s*|\s+per\s+|\s+an?\s+(?=" + _TIME_NOUNS + r"\b)|\s+each\s+(?=" + _TIME_NOUNS + r"\b))"
                  r"(?P<per>(?i:" + _TIME_NOUNS + r")s?|[A-Za-z]{1,4}[0-9]?)(?![\w])", re.IGNORECASE)
_WORD = re.compile(r"[\s-]*(?P<w>[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z])")
_MONTH_NAMES = r"January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
_MONTH_YEAR = re.compile(r"(?:(?P<part>early|mid|late|the end of|end of|the beginning of|the start of)\s+|mid-)?(?P<month>" + _MONTH_NAMES + r")(?:\s+(?P<year>(?:19|20)[0-9][0-9]))?\b")
#: "September 8", "Oct. 31", "8 September": a day of a month with no year.
_MONTH_DAY = re.compile(
    r"\b(?:(?P<month>" + _MONTH_NAMES + "|" + _MONTH_ABBR + r")\s+(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?(?![0-9,.]*[0-9])(?!\s*(?:%|percent|per cent))"
    r"|(?P<day2>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>" + _MONTH_NAMES + "|" + _MONTH_ABBR + r"))\b"
    r"(?:,?\s+(?P<year>(?:1[89]|2[01])[0-9][0-9])\b)?")
_YEAR = re.compile(r"\b(?P<prep>in|since|by|through|until|till|from|during|before|after|of|to|and|for|between|year|early|late|mid|mid-)\s+(?P<year>(?:1[6-9]|20|21)[0-9][0-9])\b(?!\s*(?:%|percent|[a-z]))", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?P<which>last|next|this|previous|coming)\s+(?P<unit>week|month|year)\b", re.IGNORECASE)
_ORDINAL = re.compile(r"\b[0-9]+(?:st|nd|rd|th)\b")
_DIGIT = re.compile(r"[0-9½¼¾⅓⅔⅛⅜⅝⅞]")
_DURATION = re.compile(
    r"(?<![\w-])(?:(?P<mod>(?i:about|around|approximately|roughly|some|nearly|almost|over|more than|under|less than|up to|at least))\s+)?"
    r"(?:(?P<article>(?:a|the past|the last|the next|next|past|last)\s+)(?P<unit2>decade|century)\b"
    r"|(?P<plural>decades)\b)",
    re.IGNORECASE,
)
_PLURAL = re.compile(r"\b(?P<word>(?:(?:tens|hundreds)\s+of\s+(?=thousands|millions|billions))?(?:dozens|hundreds|thousands|millions|billions|trillions))"
                     r"(?P<of>\s+of\s+(?P<noun>[A-Za-z]+))?", re.IGNORECASE)
#: Words without which, in a sentence with no digit, no number word, duration
#: or plural scale can match: the gate that lets most sentences skip those patterns.
_GATE_WORDS = frozenset([*_ONES, *_TENS, "hundred", "thousand", "million", "billion", "trillion", "dozen", "dozens",
                         "decade", "decades", "century", "hundreds", "thousands", "millions", "billions", "trillions"])
_LOWER_WORD = re.compile(r"[a-z]+")
_FOUR_DIGITS = re.compile(r"(?=[12])(?<![0-9])[12][0-9]{3}(?![0-9])")
_ISO_GATE = re.compile(r"(?=[0-9])[0-9]{4}-[01][0-9]-")
#: A month's name somewhere in the sentence: the gate of the month patterns.
_MONTH_GATE = re.compile(r"(?=[JFMASOND])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")


def _wordy(text: str) -> bool:
    """Whether ``text`` holds a number word, a plural scale word or a decade (a set test, faster than a regex)."""
    return not _GATE_WORDS.isdisjoint(_LOWER_WORD.findall(text.lower()))
_STOP = re.compile(r"[,;:()—–]|\s(?:and|but|while|which|that|who|with|as|because|after|before|despite|although)\s")

#: A singular noun right after a number and before another noun: "12 page document", "11 member agreement".
_COMPOUND = re.compile(r"[ \t](?P<w>[a-z]{3,})[ \t](?P<n>[a-z]{3,})\b")
#: Endings of words that modify rather than name (adverbs, participles, adjectives).
_NOT_NOUN_ENDINGS = ("ly", "ing", "al", "ous", "ive", "ic", "ful", "less", "able", "ible", "est", "ish", "ent", "ant",
                     "ar", "ary")
#: Words looked at after a number for its counted noun ("14 first-team players").
NOUN_WINDOW = 5
#: Modifiers that may stand between a number and its noun though they are function words or end in -s.
_NOUN_MODIFIERS = frozenset("other more new additional further extra different separate previous various "
                            "famous serious numerous enormous anonymous dangerous such".split())
#: Words that are never the counted noun after a number, though they end in -s.
_NOT_NOUNS = frozenset(
    "was has is this his its us as yes thus plus less unless across previous various famous serious numerous "
    "enormous anonymous obvious nervous dangerous generous tremendous continuous simultaneous vs ago old "
    "always perhaps besides towards whereas sometimes nowadays afterwards hers ours theirs yours does goes "
    "means news series species gas bus bonus status virus campus census focus".split())
#: Plurals that suffix rules get wrong; the lemma is the singular noun.
_IRREGULAR = {
    "people": "person", "persons": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "police": "police", "staff": "staff", "cattle": "cattle",
    "personnel": "personnel", "troops": "troop", "lives": "life", "wives": "wife", "knives": "knife",
    "halves": "half", "leaves": "leaf", "shelves": "shelf", "thieves": "thief", "wolves": "wolf", "calves": "calf",
    "loaves": "loaf", "criteria": "criterion", "phenomena": "phenomenon", "data": "data", "media": "media",
    "analyses": "analysis", "crises": "crisis", "theses": "thesis", "diagnoses": "diagnosis", "indices": "index",
    "matrices": "matrix", "vertices": "vertex", "appendices": "appendix", "cacti": "cactus", "fungi": "fungus",
    "nuclei": "nucleus", "radii": "radius", "stimuli": "stimulus", "alumni": "alumnus", "heroes": "hero",
    "potatoes": "potato", "tomatoes": "tomato", "echoes": "echo", "vetoes": "veto", "torpedoes": "torpedo",
    "dice": "die", "oxen": "ox", "sheep": "sheep", "fish": "fish", "deer": "deer", "aircraft": "aircraft",
    "offspring": "offspring", "species": "species", "series": "series",
}
@dataclass
class Mention:
    """One numeric mention, offsets into the document's cleaned text."""

    start: int
    end: int
    surface: str
    kind: str
    unit: str
    low: object = None
    high: object = None
    approx: bool = False
    bound: str = ""
    change_from: float | None = None
    change_to: float | None = None
    extra: dict = field(default_factory=dict)


def _word_value(text: str) -> float | None:
    """The value of compound number words, or ``None`` when they are not a number.

    >>> _word_value("twenty-eight thousand six hundred forty-two"), _word_value("a dozen")
    (28642.0, 12.0)
    """
    total, current, seen = 0.0, 0.0, False
    for token in re.split(r"[\s-]+", text.strip().lower()):
        if token in ("and", ""):
            continue
        if token in ("a", "an"):
            current, seen = 1.0, False
        elif token in _ONES or token in _TENS:
            current += _ONES.get(token, _TENS.get(token, 0))
            seen = True
        elif token == "hundred" or token == "dozen":
            current = (current or 1.0) * _WORD_SCALES[token]
            seen = True
        elif token in _WORD_SCALES:
            total += (current or 1.0) * _WORD_SCALES[token]
            current, seen = 0.0, True
        else:
            return None
    return total + current if seen else None


def parse_number(text: str) -> float:
    """A written number as a float: digits, fractions, mixed forms, scientific notation or words.

    Raises ``ValueError`` for text that is not a number, and for values too large to be finite.

    >>> parse_number("1,200.5"), parse_number("four"), parse_number("a dozen"), parse_number("2½")
    (1200.5, 4.0, 12.0, 2.5)
    >>> parse_number("1⁄32"), parse_number("2 1/2"), parse_number("1.99×10−30")
    (0.03125, 2.5, 1.99e-30)
    """
    cleaned = text.strip().lower().replace(",", "")
    negative = cleaned[:1] in ("-", "−", "–") or cleaned.startswith("minus")
    cleaned = re.sub(r"^(?:minus[\s-]?|[-−–])\s*", "", cleaned)
    words = _word_value(cleaned) if cleaned[:1].isalpha() else None
    if words is not None:
        value = words
    elif cleaned[:1].isalpha():
        raise ValueError(f"not a number: {text!r}")
    else:
        sci = re.fullmatch(r"([0-9.]+)\s?[×x*·]\s?10\s?(?:\^|\*\*)?\s?([-−–]?\s?[0-9⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)", cleaned)
        if sci:
            exponent = int(re.sub(r"[−–\s]", lambda m: "-" if m.group() != " " else "", sci.group(2).translate(_SUPERSCRIPTS)))
            value = float(f"{sci.group(1)}e{exponent}") if -300 < exponent < 300 else math.inf
        elif cleaned[-1:] in _VULGAR:
            whole = cleaned[:-1].strip()
            value = (float(whole) if whole else 0.0) + _VULGAR[cleaned[-1]]
        elif "/" in cleaned or "⁄" in cleaned:
            parts = re.split(r"\s+", cleaned)
            whole = float(parts[0]) if len(parts) == 2 else 0.0
            numerator, denominator = re.split(r"[/⁄]", parts[-1])
            value = whole + float(numerator) / float(denominator)
        else:
            if len(cleaned) > MAX_DIGITS:
                raise ValueError(f"too many digits to be a quantity: {text!r}")
            value = float(cleaned)
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {text!r}")
    return -value if negative else value


def _interval(low: float, high: float, mod: str | None, tilde: bool) -> tuple[float | None, float | None, bool, str]:
    """Apply an approximator or bound to [low, high] (``low <= high`` on the way in and out)."""
    low, high = min(low, high), max(low, high)
    mod = re.sub(r"\s+", " ", (mod or "").lower())
    if tilde or mod in _APPROX_WORDS and mod not in ("nearly", "almost"):
        return _widen(low, 1 - APPROX_TOLERANCE), _widen(high, 1 + APPROX_TOLERANCE), True, ""
    if mod in ("nearly", "almost"):
        return _widen(low, 1 - APPROX_TOLERANCE), high, True, "le"
    if mod in _BOUNDS:
        bound = _BOUNDS[mod]
        if bound in ("gt", "ge"):
            return low, None, False, bound
        return min(0.0, low), high, False, bound
    return low, high, False, ""


def _inherited(low: float, high: float, antecedent: Mention) -> tuple:
    """[low, high] with the antecedent's approximation or bound."""
    if antecedent.bound in ("gt", "ge"):
        return low, None, antecedent.approx, antecedent.bound
    if antecedent.bound in ("lt", "le") and not antecedent.approx:
        return min(0.0, low), high, False, antecedent.bound
    if antecedent.approx:
        return _interval(low, high, "about", False)[:2] + (True, antecedent.bound)
    return low, high, False, ""


#: Two numbers further apart than this factor are not two values of one quantity written once
#: ("435 homes by sale and 187 by tender" shares its unit; "a 5 speed gearbox and 2,380,000" does not).
ELLIPSIS_FACTOR = 10.0


def _comparable_size(a, b) -> bool:
    if a is None or b is None or a == 0 or b == 0:
        return False
    ratio = abs(a) / abs(b)
    return 1 / ELLIPSIS_FACTOR <= ratio <= ELLIPSIS_FACTOR


def _widen(value: float, factor: float) -> float:
    """``value`` scaled away from zero (``factor`` > 1) or towards it, whatever its sign."""
    return value * factor if value >= 0 else value * (2 - factor)


@dataclass(frozen=True)
class Unit:
    """One row of the unit lexicon (``lexicons/units.csv``)."""

    name: str
    kind: str
    dimension: str
    factor: float
    position: str


@lru_cache(maxsize=1)
def unit_lexicon() -> tuple[dict[str, Unit], dict[str, Unit], re.Pattern, re.Pattern]:
    """The unit lexicon: exact-case and case-folded alias tables, and the patterns after and before a number.

    Returns
    -------
    exact, folded : dict
        Alias -> :class:`Unit`; ``folded`` keys are ``str.casefold`` forms of
        the aliases whose ``case`` is ``any``.
    after, before : re.Pattern
        The aliases that may follow a number (longest first), and the currency
        signs that may precede one (matched at the end of the text before it).
    """
    exact: dict[str, Unit] = {}
    folded: dict[str, Unit] = {}
    after_any, after_exact, before = set(), set(), set()
    for row in read_rows("units.csv"):
        unit = Unit(row["unit"], row["kind"], row["dimension"], float(row["factor"]), row["position"])
        for alias in row["aliases"].split("|"):
            alias = alias.strip()
            if not alias:
                continue
            exact.setdefault(alias, unit)
            if row["case"] == "any":
                folded.setdefault(alias.casefold(), unit)
            if row["position"] in ("after", "both"):
                (after_any if row["case"] == "any" and len(alias) > 2 else after_exact).add(alias)
            if row["position"] in ("before", "both") and (not alias[0].isalpha() or alias.isupper() or len(alias) <= 4):
                before.add(alias)

    def alternation(aliases) -> str:
        return "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(aliases, key=len, reverse=True))

    tail = r"(?![A-Za-z0-9])"
    after = re.compile(r"(?:(?i:" + alternation(after_any) + r")|" + alternation(after_exact) + r")" + tail, re.ASCII)
    before = re.compile(r"(?<![A-Za-z])(?:" + alternation(before) + r")\s?$", re.ASCII)
    return exact, folded, after, before


def lookup_unit(alias: str) -> Unit | None:
    """The lexicon's unit for an alias as written (exact case first, then case-folded), or ``None``.

    >>> lookup_unit("KM").name, lookup_unit("tonſ").name, lookup_unit("furlongs") is None
    ('km', 'ton', True)
    """
    exact, folded, _, _ = unit_lexicon()
    alias = re.sub(r"\s+", " ", alias.strip())
    return exact.get(alias) or folded.get(alias.casefold())


def _month_interval(year: int, month: int, part: str | None) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    part = (part or "").lower()
    if part == "early" or part in ("the beginning of", "the start of"):
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if part in ("mid", "mid-"):
        return dt.date(year, month, 11), dt.date(year, month, 20)
    if part in ("late", "the end of", "end of"):
        return dt.date(year, month, 21 if part == "late" else last - 10), dt.date(year, month, last)
    return dt.date(year, month, 1), dt.date(year, month, last)


class _Extractor:
    """Finds the mentions of one sentence; earlier patterns claim their span first."""

    def __init__(self, text: str, start: int, end: int, context_year: int | None, published: dt.date | None):
        self.text, self.start, self.end = text, start, end
        self.context_year, self.published = context_year, published
        # characters of the sentence already claimed by a mention or a blocked span (1) or free (0):
        # testing a span costs one C-level search, whatever the number of spans claimed
        self.claimed = bytearray(max(0, end - start))
        self.found: list[Mention] = []

    def free(self, a: int, b: int) -> bool:
        a, b = max(a, self.start) - self.start, min(b, self.end) - self.start
        return a >= b or self.claimed.find(1, a, b) == -1

    def _claim(self, a: int, b: int) -> None:
        a, b = max(a, self.start) - self.start, min(b, self.end) - self.start
        if a < b:
            self.claimed[a:b] = b"\x01" * (b - a)

    def add(self, mention: Mention) -> None:
        self._claim(mention.start, mention.end)
        self.found.append(mention)

    def block(self, a: int, b: int) -> None:
        self._claim(a, b)

    def scan(self, pattern: re.Pattern, handler) -> None:
        position = self.start
        while position < self.end:
            match = pattern.search(self.text, position, self.end)
            if match is None:
                return
            if not self.free(match.start(), match.end()):
                position = match.start() + 1  # retry past a span already claimed
                continue
            mention = handler(match)
            if mention is not None:
                self.add(mention)
            position = max(match.end(), match.start() + 1)

    def run(self) -> list[Mention]:
        # Patterns are gated: those needing a digit are not searched in a
        # sentence without one (nine in ten news sentences), nor the word-number
        # patterns in a sentence without a number word. Same results, fewer scans.
        digits = _DIGIT.search(self.text, self.start, self.end) is not None
        words = _wordy(self.text[self.start:self.end])
        months = _MONTH_GATE.search(self.text, self.start, self.end) is not None
        if digits:
            self.scan(_NAMES, self._skip)
            self.scan(_DECADE, self._decade)
            self.scan(_CLOCK, self._skip)
            self.scan(_FURNITURE, self._skip)
            self.scan(_IDENTIFIER, self._identifier)
            self.scan(_ORDINAL, self._skip)
            if months or _ISO_GATE.search(self.text, self.start, self.end):
                self.scan(DATE_RE, self._full_date)
            if months:
                self.scan(_MONTH_DAY, self._month_day)
        if months:
            self.scan(_MONTH_YEAR, self._month)
        if digits and _FOUR_DIGITS.search(self.text, self.start, self.end):
            self.scan(_YEAR, self._year)
        if digits:
            self.scan(_SCORE, self._score)
        self.scan(_RELATIVE, self._relative)
        if words:
            self.scan(_PLURAL, self._plural)
        if digits or words:
            self.scan(_NUMBER if words else _NUMBER_DIGITS, self._number)
        if words:
            self.scan(_DURATION, self._duration)
        self.found.sort(key=lambda m: m.start)
        self._inherit()
        self._ellipsis()
        for m in self.found:
            if isinstance(m.low, float) and isinstance(m.high, float) and m.low > m.high:
                m.low, m.high = m.high, m.low  # never an inverted interval
        self.found.sort(key=lambda m: m.start)
        return self.found

    def _ellipsis(self) -> None:
        """A bare number takes the unit written once for two: "435 homes by sale and 187 by tender",
        "rose 64 points to 4,577", "about 8 or $9", "280 million of the 1.5 billion shekels"."""
        quantities = [m for m in self.found if m.kind != "date"]
        for i, m in enumerate(quantities):
            if m.kind != "number" or m.unit or "value" not in m.extra:
                continue
            source = None
            if i + 1 < len(quantities) and quantities[i + 1].kind in ("money", "count", "percent", "percentage_points") \
                    and _ELLIPSIS_AFTER.fullmatch(self.text, m.end, quantities[i + 1].start):
                source = quantities[i + 1]
            elif i and quantities[i - 1].kind in ("money", "count") and quantities[i - 1].unit \
                    and (re.fullmatch(r"\s+to\s+", self.text[quantities[i - 1].end:m.start])
                         or _ELLIPSIS_BEFORE.fullmatch(self.text, quantities[i - 1].end, m.start)
                         and _comparable_size(quantities[i - 1].extra.get("value", (None,))[0], m.extra["value"][0])):
                source = quantities[i - 1]
            if source is not None and source.unit:
                m.kind, m.unit = source.kind, source.unit

    def _inherit(self) -> None:
        """A restatement in brackets or after ", or" shares its antecedent's bound and direction:
        "more than 100 km (60 miles)", "lost 190 points, or 0.6%"."""
        for previous, m in zip(self.found, self.found[1:]):
            if m.kind == "date" or previous.kind == "date" or "value" not in m.extra:
                continue
            gap = self.text[previous.end:m.start]
            if not re.fullmatch(r"\s*(?:\(|/|,?\s*or|,?\s*or\s+about)\s*", gap):
                continue
            if previous.extra.get("direction") and not m.extra.get("direction"):
                m.extra["direction"] = previous.extra["direction"]
            if not m.extra.get("own_modifier") and (previous.bound or previous.approx) and "(" in gap + self.text[previous.end - 1:previous.end] or \
                    not m.extra.get("own_modifier") and "/" in gap and (previous.bound or previous.approx):
                low, high = m.extra["value"]
                m.low, m.high, m.approx, m.bound = _inherited(low, high, previous)

    def _mention(self, match: re.Match, **values) -> Mention:
        a, b = match.start(), match.end()
        while b > a and self.text[b - 1] in " .,":
            b -= 1
        return Mention(a, b, self.text[a:b], **values)

    def _identifier(self, match: re.Match) -> None:
        token = match.group()
        if match.start() > 0 and self.text[match.start() - 1] in "$£€¥":
            return None  # "$US160": a currency written around the number
        if re.match(r"(?i)(?:minus|sub|over|under|above|below)-", token):
            return None  # "minus-1.4": a negative value
        letters = re.sub(r"[0-9.,]", "", token)
        prefix = re.match(r"[A-Za-z$]+", token)
        if re.fullmatch(r"[0-9]+[A-Za-z]+", token) and (
                letters.lower() in _SCALES or lookup_unit(letters) is not None or re.fullmatch(r"(?i:k|m|b|bn|mn|mln|tn)", letters)):
            return None  # "500M", "5bn", "10km", "128GB": quantities, not identifiers
        if prefix and lookup_unit(prefix.group()) is not None and lookup_unit(prefix.group()).kind == "money" \
                and re.fullmatch(r"[A-Za-z$]+[0-9]+(?:[A-Za-z]{0,3})", token):
            return None  # "RM79", "EUR50m": a currency written onto the number
        if re.fullmatch(r"[0-9]+[A-Za-z]+[0-9]+", token) and re.fullmatch(r"[0-9]+(?:x|X)10[0-9]*", token):
            return None
        self.block(match.start(), match.end())
        return None

    def _skip(self, match: re.Match) -> None:
        self.block(match.start(), match.end())
        return None

    def _decade(self, match: re.Match) -> Mention | None:
        if match.group("century"):
            first = int(match.group("century") + match.group("decade"))
            return self._mention(match, kind="date", unit="date", low=dt.date(first, 1, 1), high=dt.date(first + 9, 12, 31))
        self.block(match.start(), match.end())
        return None

    def _score(self, match: re.Match) -> None:
        a, b = int(match.group("a")), int(match.group("b"))
        if self._unit_at(match.end(), match.end())[0] is not None or self._noun_at(match.end())[0]:
            return None  # "5-3 km": a unit follows, a (descending) range
        if a >= b and not (a == b and a > 200):
            self.block(match.start(), match.end())  # "won 3-1", "drew 2-2": a score, not a range
        return None

    def _full_date(self, match: re.Match) -> Mention | None:
        day = date_from_match(match)
        if day is None:
            return None
        return self._mention(match, kind="date", unit="date", low=day, high=day)

    def _month_day(self, match: re.Match) -> Mention | None:
        month = month_number(match.group("month") or match.group("month2"))
        day = int(match.group("day") or match.group("day2"))
        if month is None or (match.group("month") == "May" and not match.group("year")):
            return None
        year = int(match.group("year")) if match.group("year") else self.context_year
        mention = self._mention(match, kind="date", unit="date")
        try:
            if year is None:
                raise ValueError("no year")
            mention.low = mention.high = dt.date(year, month, day)
        except ValueError:
            mention.extra["unresolved"] = "no year in the text or the article date, or no such day"
        if year is not None and not match.group("year"):
            mention.extra["year_from_context"] = year
        return mention

    def _month(self, match: re.Match) -> Mention | None:
        month = month_number(match.group("month"))
        if match.group("month") == "May" and not match.group("year") and not match.group("part"):
            before = self.text[max(self.start, match.start() - 12):match.start()].lower()
            if not re.search(r"\b(?:in|since|until|by|from|early|late|mid|of|last|next|this)\s+$", before):
                return None  # "May" the modal
        year = int(match.group("year")) if match.group("year") else self.context_year
        part = match.group("part") or ("mid" if match.group().lower().startswith("mid-") else None)
        if year is None:
            mention = self._mention(match, kind="date", unit="date")
            mention.extra["unresolved"] = "no year in the text or the article date"
            return mention
        low, high = _month_interval(year, month, part)
        mention = self._mention(match, kind="date", unit="date", low=low, high=high)
        if not match.group("year"):
            mention.extra["year_from_context"] = year
        return mention

    def _year(self, match: re.Match) -> Mention:
        year = int(match.group("year"))
        a = match.start("year")
        prep = match.group("prep").lower()
        low, high, bound = dt.date(year, 1, 1), dt.date(year, 12, 31), ""
        if prep in ("through", "until", "till", "by", "before"):
            bound = "le"
        elif prep in ("since", "after"):
            bound = "ge"
        return Mention(a, match.end("year"), match.group("year"), "date", "date", low, high, False, bound)

    def _relative(self, match: re.Match) -> Mention:
        mention = self._mention(match, kind="date", unit="date")
        if self.published is None:
            mention.extra["unresolved"] = "relative date in an undated article"
            return mention
        which, unit = match.group("which").lower(), match.group("unit").lower()
        shift = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[which]
        p = self.published
        try:
            if unit == "year":
                mention.low, mention.high = dt.date(p.year + shift, 1, 1), dt.date(p.year + shift, 12, 31)
            elif unit == "month":
                month_index = p.year * 12 + p.month - 1 + shift
                year, month = divmod(month_index, 12)
                mention.low, mention.high = _month_interval(year, month + 1, None)
            else:
                monday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(weeks=shift)
                mention.low, mention.high = monday, monday + dt.timedelta(days=6)
        except (ValueError, OverflowError):
            mention.low = mention.high = None  # beyond the calendar's ends
            mention.extra["unresolved"] = "relative date outside the calendar"
        return mention

    # -- quantities -----------------------------------------------------------------------------------

    def _read(self, match: re.Match) -> float | None:
        try:
            return parse_number(match.group())
        except (ValueError, ZeroDivisionError, OverflowError):
            return None

    def _scale_at(self, position: int, money: bool) -> tuple[float, int, str]:
        """A scale word right after a number: (factor, end, word); (1, position, "") when none."""
        factor, end, words = 1.0, position, []
        while True:
            match = _SCALE_AFTER.match(self.text, end, self.end)
            if match is None:
                break
            word = match.group("scale")
            low = word.lower()
            if len(word) == 1:
                after = self.text[match.end():match.end() + 40]
                noun_follows = re.match(r"\s+of\b", after) is not None or bool(self._noun_at(match.end())[0])
                if low == "k" or word in "MB" and (money or noun_follows or factor > 1) or money and low in "mbt" \
                        or low in "mb" and noun_follows:
                    pass
                else:
                    break  # "37m" metres, "16 b" bits, "5 t" tonnes: a unit, read later
            factor *= _SCALES.get(low, 1.0)
            words.append(word)
            end = match.end()
        return factor, end, " ".join(words)

    def _unit_at(self, position: int, value_end: int) -> tuple[Unit | None, int, str]:
        """A unit from the lexicon right after a number (or its scale word)."""
        _, _, after, _ = unit_lexicon()
        gap = re.match(r"[ \t\u00a0]?-?[ \t\u00a0]?", self.text[position:self.end]) if position < self.end else None
        start = position + (gap.end() if gap else 0)
        match = after.match(self.text, start, self.end)
        if match is None:
            return None, position, ""
        alias = match.group()
        unit = lookup_unit(alias)
        if unit is None:
            return None, position, ""
        attached = start == value_end
        short = len(alias) <= 2 and not alias.isupper() or alias in ("in.", "l", "L", "t", "s", "h", "x", "A", "V", "W", "B", "b", "g", "m", "PS", "a")
        if short and not attached and start - value_end > 1:
            return None, position, ""
        if alias in ("s", "h", "x") and not attached:
            return None, position, ""
        if alias == "s" and "." not in self.text[max(self.start, value_end - 6):value_end]:
            return None, position, ""  # "1990s", "his 40s": decades, not seconds
        if alias == "p" and re.match(r"\.?[A-Za-z]", self.text[match.end():match.end() + 2]):
            return None, position, ""
        if alias in ("pound", "pounds") and re.match(r"\s+of\b", self.text[match.end():match.end() + 5]):
            unit = lookup_unit("lb")  # "half a pound of beef": a weight
        if short and re.match(r"[-'’]\w", self.text[match.end():match.end() + 2]):
            return None, position, ""
        return unit, match.end(), alias

    def _noun_at(self, position: int) -> tuple[str, int]:
        """The counted noun after a number: its lemma and end, or ("", position).

        The noun is the first plural among the next :data:`NOUN_WINDOW` words
        (modifiers such as "new", "other", "first-team" may come before it); a
        singular noun joined by a hyphen counts too ("a four-day visit").
        """
        hyphen = re.match(r"-(?P<w>[a-z]{3,})\b(?!-)", self.text[position:min(self.end, position + 30)])
        if hyphen and hyphen.group("w") not in function_words() and hyphen.group("w") not in _NOT_NOUNS:
            return _lemma(hyphen.group("w")), position + hyphen.end()
        end = position
        for index in range(NOUN_WINDOW):
            match = _WORD.match(self.text, end, self.end)
            if match is None or match.start("w") - end > 2:
                break
            word = match.group("w")
            lower = word.lower()
            if index and word[0].isupper():
                break
            if lower not in _NOUN_MODIFIERS and (lower in function_words() or lower in _NOT_NOUNS or lower in _ONES
                                                 or lower in _TENS or lower in _WORD_SCALES):
                break
            lemma = _singular(word)
            if (lemma != lower or lower in _IRREGULAR) and lower not in _NOUN_MODIFIERS:
                return lemma, match.end()
            if self.text[match.end():match.end() + 1] in ",.;:)!?" or match.end() >= self.end:
                break
            end = match.end()
        return self._compound_at(position)

    def _compound_at(self, position: int) -> tuple[str, int]:
        """A singular noun used as a modifier right after a number ("a 12 page document"), or ("", position)."""
        compound = _COMPOUND.match(self.text, position, self.end)
        if compound is None:
            return "", position
        word, following = compound.group("w"), compound.group("n")
        if word in function_words() or word in _NOT_NOUNS or word in _NOUN_MODIFIERS or following in function_words() \
                or _lemma(word) != word or word.endswith(_NOT_NOUN_ENDINGS):
            return "", position
        return word, compound.end("w")

    def _number(self, match: re.Match) -> Mention | None:
        text = self.text
        words = match.groupdict().get("words") is not None
        a, b = match.start(), match.end()
        value = self._read(match)
        if value is None:
            self.block(a, b)
            return None
        lower = match.group().lower()
        before_text = text[max(self.start, a - 40):a]
        if not words and a > self.start and text[a - 1].isalpha():
            _, _, _, cur_before = unit_lexicon()
            if cur_before.search(text, max(self.start, a - 6), a) is None:
                return None  # "G70", "i4": a name
        if words and (lower in ("one", "a", "an") or re.search(r"\bthe\s+$", before_text, re.IGNORECASE)):
            if self._unit_at(b, b)[0] is None:
                self.block(a, b)
                return None  # "one of", "the two countries": not a quantity claim (but "one per cent" is)
        # the sign and the currency written before the number
        _, _, _, cur_before = unit_lexicon()
        left = a
        negative = _NEGATIVE_BEFORE.search(text, max(self.start, a - 7), a)
        if negative and not words:
            left = negative.start()
            value = -value
        currency = None
        cur = cur_before.search(text, max(self.start, left - 8), left)
        if cur is not None and not words:
            unit = lookup_unit(cur.group().strip())
            if unit is not None and unit.kind == "money" and unit.position in ("before", "both"):
                currency, left = unit, cur.start()
                negative = _NEGATIVE_BEFORE.search(text, max(self.start, left - 7), left)
                if negative and value > 0:
                    value, left = -value, negative.start()
        # what follows: scale word, range, unit, counted noun
        factor, end, scale_word = self._scale_at(b, currency is not None)
        value1 = value * factor
        high = value1
        range_end = None
        unit, unit_end, alias = (None, end, "")
        if currency is None:
            unit, unit_end, alias = self._unit_at(end, b if end == b else end)
        conn = _CONNECTOR.match(text, unit_end if unit else end, self.end)
        between = _BETWEEN_BEFORE.search(text, max(self.start, left - 12), left)
        from_ = _FROM_BEFORE.search(text, max(self.start, left - 8), left)
        if conn and (conn.group("c").lower() not in ("and", "or") or between and conn.group("c").lower() == "and") \
                and conn.group("c").lower() != "or":
            second = self._second(conn.end(), currency, unit, value, factor, scale_word)
            if second is not None and conn.group("c").lower().startswith("to") and not from_ and not between \
                    and (unit is not None and second[2] is not None or currency is not None and text[conn.end()] in "$€£¥")\
                    and _DIRECTION_BEFORE.search(text, max(self.start, left - 30), left):
                second = None  # "rose 5p to 120p": a change, then the level reached, each with its unit
            if second is not None:
                high, range_end, unit2, unit_end2, low_scaled = second
                if low_scaled is not None:
                    value1 = low_scaled
                if unit is None and unit2 is not None:
                    unit = unit2
                    unit_end = unit_end2
                elif unit is not None and unit2 is not None:
                    unit_end = unit_end2
                else:
                    unit_end = range_end
        last = range_end if range_end is not None else end
        if unit is not None:
            last = max(last, unit_end)
        noun = ""
        if currency is None and unit is None and not words:
            unit, unit_end, alias = self._unit_at(last, last)
            if unit is not None:
                last = unit_end
        if currency is None and unit is not None and unit.kind == "money":
            currency, unit = unit, None
        if currency is None and unit is None and match.group("frac") is not None:
            partitive = re.match(r"\s+of\s+(?:an?|the)\s+(?:[A-Z]{2,3}\s+)?", text[last:min(self.end, last + 20)])
            if partitive:
                unit_of, unit_end_of, _ = self._unit_at(last + partitive.end(), last + partitive.end())
                if unit_of is not None:
                    unit, last = unit_of, unit_end_of  # "1/16 of a pint"
        if currency is None and unit is None and range_end is None:
            suspended = _SUSPENDED.match(text, last, self.end)
            if suspended:
                unit_s, unit_end_s, _ = self._unit_at(suspended.end(), suspended.end())
                noun_s, _ = self._noun_at(suspended.end()) if unit_s is None else ("", 0)
                if unit_s is not None and unit_s.kind != "money":
                    unit = unit_s  # "a 7- or 8-inch screen": the unit written once, after the last number
                elif noun_s:
                    noun = noun_s
        if currency is None and unit is None and not noun and _PEOPLE_AFTER.match(text, last, self.end):
            noun = "person"  # "213 dead", "1,429 died": a count of people
        if currency is None and unit is None and not noun:
            noun, noun_end = self._noun_at(last)
            if noun:
                last = noun_end
            elif scale_word:
                partitive = _PARTITIVE.match(text, last, self.end)
                if partitive:
                    noun, _ = self._noun_at(partitive.end())  # "35m of its devices": the noun, not the span
        if currency is None and unit is None and range_end is None and not scale_word and self._is_name(a, left, strict=bool(noun)):
            self.block(a, last)
            return None
        if words and currency is None and unit is None and not noun and not scale_word:
            return None  # a number word alone is rarely a quantity claim ("two" as a pronoun)
        if words and lower in ("one", "a", "an") and unit is None:
            return None
        # a rate: "$10 per gram", "barrels a day", "km/h"
        per = ""
        if currency is not None or unit is not None:
            rate = _PER.match(text, last, self.end)
            if rate is not None:
                per_word = rate.group("per")
                per_unit = lookup_unit(per_word)
                per = per_unit.name if per_unit is not None and per_unit.kind != "money" else _lemma(per_word.lower())
                last = rate.end()
        mod_match = _MODIFIER_BEFORE.search(text, max(self.start, left - 30), left)
        if between and (range_end is not None):
            left = between.start()
        elif from_ and range_end is not None:
            left = from_.start()
        if range_end is not None and re.fullmatch(r"(?:1[89]|20)[0-9][0-9]", match.group()) and not scale_word \
                and currency is None and not 1800 <= high <= 2100:
            return None  # "in 2008 to 29 mpg": a year, then another quantity
        mod, tilde = None, False
        if mod_match is not None and not (between and range_end is not None):
            mod = mod_match.group("mod")
            tilde = mod in ("~", "≈")
            left = mod_match.start()
        if unit is not None:
            value1, high = value1 * unit.factor, high * unit.factor
        if currency is not None:
            kind, unit_name = "money", currency.name
        elif unit is not None:
            kind = unit.kind if unit.kind in ("percent", "percentage_points", "duration") else "count"
            unit_name = unit.name
        elif noun:
            kind, unit_name = "count", noun
        else:
            kind, unit_name = "number", ""
        if per:
            unit_name = f"{unit_name} per {per}"
        if currency is None and unit is None and not words and range_end is not None and not scale_word and _YEARLIKE.fullmatch(match.group()) \
                and float(high).is_integer() and 1900 <= value1 < high <= 2100:
            return Mention(a, range_end, text[a:range_end], "date", "date", dt.date(int(value1), 1, 1), dt.date(int(high), 12, 31))
        if kind == "number" and not words and range_end is None and float(value1).is_integer() and 1900 <= value1 <= 2100 \
                and "," not in match.group() and "." not in match.group() and not scale_word:
            return Mention(a, b, match.group(), "date", "date", dt.date(int(value1), 1, 1), dt.date(int(value1), 12, 31))
        if kind == "number" and range_end is None and not scale_word and self._is_name(a, left):
            return None
        if kind == "number" and range_end is None and not scale_word:
            line_start = text.rfind("\n", 0, a) + 1
            if re.fullmatch(r"\s*", text[max(self.start, line_start):a]) and text[b:b + 1] in ".)":
                return None  # list numbering
        low, high_, approx, bound = _interval(value1, high, mod, tilde)
        if from_ and range_end is not None and _CHANGE_VERB.search(text, max(self.start, from_.start() - 50), from_.start()):
            change_from, change_to = value1, high
            low, high_, approx, bound = _interval(high, high, mod, tilde)
        else:
            change_from = change_to = None
        while last > left and text[last - 1] in " .,-":
            last -= 1
        mention = Mention(left, last, text[left:last], kind, unit_name, low, high_, approx, bound, change_from, change_to)
        mention.extra["value"] = (value1, high)
        mention.extra["own_modifier"] = bool(mod or tilde)
        direction = _DIRECTION_BEFORE.search(text, max(self.start, left - 30), left)
        if change_from is not None and change_from != change_to:
            mention.extra["direction"] = "up" if change_to > change_from else "down"
        elif direction is not None:
            mention.extra["direction"] = _DIRECTION_WORDS[direction.group("verb").lower()]
        if value1 < 0 and "direction" not in mention.extra:
            mention.extra["direction"] = "down" if re.search(r"\b(?:fell|down|lost|decrease|drop)", before_text, re.I) else ""
        return mention

    def _second(self, position: int, currency, unit, value: float, factor: float, scale_word: str):
        """The second end of a range "X to Y" / "X-Y", or ``None`` when Y is another quantity."""
        text = self.text
        _, _, _, cur_before = unit_lexicon()
        start = position
        cur = re.match(r"(?:US\s?\$|\$\s?US|[A-Z]{1,3}\s?\$|\$|€|£|¥|₹|Rs\.?\s?|RM)\s?", text[position:position + 6])
        if cur:
            if currency is None:
                return None
            start += cur.end()
        match = _NUMBER.match(text, start, self.end)
        if match is None or match.groupdict().get("words") is not None and unit is None and currency is None and not scale_word:
            if match is None:
                return None
        if match is None:
            return None
        value2 = self._read(match)
        if value2 is None:
            return None
        factor2, end, scale2 = self._scale_at(match.end(), currency is not None)
        unit2, unit_end2, _ = self._unit_at(end, match.end() if end == match.end() else end)
        if unit2 is not None and unit2.kind == "money" and currency is not None:
            unit2 = None
        if unit is not None and (unit2 is None or unit2.name != unit.name):
            return None  # "rose 1.1% to 1,334": the second number is another quantity
        if unit2 is not None and currency is not None:
            return None
        if currency is not None and not cur and self._noun_at(end)[0]:
            return None  # "$5 million to 3 universities": another quantity
        high = value2 * factor2
        if factor == 1.0 and factor2 > 1.0 and value < value2 and not scale_word:
            low_scaled = value * factor2  # "$4-5 trillion": the scale word covers both ends
        else:
            low_scaled = None
        return high, end, unit2, unit_end2, low_scaled

    def _is_name(self, a: int, left: int, strict: bool = False) -> bool:
        """A number right after a capitalised word that is not a sentence's first word: part of a name.

        With ``strict`` (the number counts a noun: "Model 3 sedans" but "In Syria 213 people"), only
        a word that is not a plain capitalised word (an acronym, "iPhone") or a word that numbers
        things ("Model", "Game", "Section") makes a name.
        """
        match = _NAME_BEFORE.search(self.text, max(self.start, left - 30), left)
        if match is None:
            return False
        name = match.group("name")
        lower = name.lower().rstrip(".")
        if lower in function_words() or lower in _MONTHS_LOWER or lower in _WEEKDAYS or lookup_unit(name) is not None:
            return False
        if strict and not (name.isupper() and len(name) > 1 or name[:1].islower() or lower in _NUMBERING_WORDS):
            return False
        return match.start("name") > self.start

    def _duration(self, match: re.Match) -> Mention | None:
        groups = match.groupdict()
        if groups["plural"]:
            return self._mention(match, kind="duration", unit="year", low=20.0, high=100.0, approx=True)
        years = 10.0 if groups["unit2"].lower() == "decade" else 100.0
        low, high, approx, bound = _interval(years, years, groups["mod"], False)
        return self._mention(match, kind="duration", unit="year", low=low, high=high, approx=approx, bound=bound)

    def _plural(self, match: re.Match) -> Mention:
        word = re.sub(r"\s+", " ", match.group("word").lower())
        low, high = _PLURAL_SCALES[word]
        noun = (match.group("noun") or "").lower()
        unit = lookup_unit(noun) if noun else None
        if unit is not None and unit.kind == "money":
            kind, unit_name = "money", unit.name
        elif word in ("billions", "trillions") and not noun:
            kind, unit_name = "money", "USD" if re.search(r"\b(?:revenue|invest\w*|worth|dollars?|funding|cost)\b", self.text[self.start:self.end], re.I) else ""
            if not unit_name:
                kind = "number"
        elif noun and noun not in function_words():
            kind, unit_name = "count", unit.name if unit is not None else _lemma(noun)
        else:
            kind, unit_name = "count", ""
        end = match.end() if match.group("of") and kind in ("money", "count") and unit_name else match.end("word")
        return Mention(match.start(), end, self.text[match.start():end], kind, unit_name, float(low), float(high), True)


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split())
#: Words that number the things they name ("Model 3", "Game 2", "Section 427").
_NUMBERING_WORDS = frozenset("model game section row part chapter level class category type phase stage grade tier route "
                             "highway flight channel room apartment suite article act item no number vol volume page "
                             "season episode round gate terminal platform lane unit block floor".split())
_MONTHS_LOWER = frozenset(m.lower() for m in _MONTH_NAMES.split("|")) | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


@lru_cache(maxsize=4096)
def _lemma(word: str) -> str:
    """A plural noun's singular, lower case; other words unchanged.

    >>> [_lemma(w) for w in ("categories", "elements", "people", "fishermen", "boxes", "previous", "was", "lives")]
    ['category', 'element', 'person', 'fisherman', 'box', 'previous', 'was', 'life']
    """
    word = word.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word in _NOT_NOUNS or len(word) < 3:
        return word
    if word.endswith("men") and len(word) > 4 and not word.endswith(("imen", "omen", "umen", "amen")):
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is", "ous", "ics")) or not word.endswith("s"):
        return word
    return word[:-1]


def _singular(noun: str) -> str:
    """A counted noun's singular, for use as a unit (kept for earlier callers; see :func:`_lemma`).

    >>> [_singular(w) for w in ("categories", "elements", "people", "NGOs", "Treaties")]
    ['category', 'element', 'person', 'ngo', 'treaty']
    """
    if len(noun) > 2 and noun.endswith("s") and any(c.isupper() for c in noun[1:-1]):
        return noun[:-1].lower()  # "NGOs", "TDs": an acronym's plural
    return _lemma(noun)


#: Words either side of a number that weigh double in its context.
NEAR_WORDS = 6


def _concept(text: str, start: int, end: int, m_start: int, m_end: int, kind: str = "") -> tuple[str, str]:
    """What is measured, and the context used to align it.

    The concept is the phrase after the number (to the next clause break)
    followed, in brackets, by the clause's words before it. The context is the
    :data:`NEAR_WORDS` words either side of the number, then ``||``, then the
    rest of the sentence.
    """
    after = text[m_end:end]
    stop = _STOP.search(after)
    after_words = (after[:stop.start()] if stop else after).split()[:8]
    before = text[start:m_start]
    breaks = list(_STOP.finditer(before))
    cut = breaks[-1].end() if breaks else 0
    before_words = before[cut:].split()[-8:]
    if breaks and breaks[-1].group().strip().lower() in ("which", "who", "that"):
        # "Acme, which now controls 70 percent": the subject is the antecedent
        antecedent = before[:breaks[-1].start()].rstrip(" ,").split()[-3:]
        before_words = [w.strip(",") for w in antecedent if w[:1].isupper()][-2:] + before_words
    concept = " ".join(after_words).strip(" .")
    if kind in ("percent", "percentage_points") and concept.lower().startswith(("of ", "to ")):
        concept = "share of " + concept.split(" ", 1)[1]  # "70 percent of processing": a share of processing
    subject = " ".join(before_words).strip(" .")
    label = f"{concept} ({subject})" if concept and subject else concept or subject
    near = text[start:m_start].split()[-NEAR_WORDS:] + text[m_end:end].split()[:NEAR_WORDS]
    return label, " ".join(near) + " || " + text[start:m_start] + " " + text[m_end:end]


#: Words between a measured thing and its number that are not part of it ("reserves *estimated at* $6 trillion").
_LINK_WORDS = frozenset("worth estimated estimate valued put reached reach reaches totalled totaled total totals stood "
                        "stands stand amounted amount amounts came comes come rose fell grew dropped jumped climbed "
                        "cost costs costing priced contributes contributed controls controlled dominates dominated "
                        "accounts accounted account represents represented make makes made claims claimed cite cites "
                        "say says said generate generates generated bring brings only just nearly almost roughly".split())
_PHRASE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: Characters either side of a number searched for its measured phrase (bounds the cost in very long sentences).
PHRASE_WINDOW = 300
#: Words of a measured phrase kept at most (the head noun and its closest modifiers).
MEASURED_WORDS = 5


def measured_phrase(text: str, start: int, end: int, m_start: int, m_end: int, kind: str, surface: str = "") -> str:
    """The noun phrase naming what a number measures, as written.

    * after "of"/"to"/"in" following the number: "70 percent *of global
      processing*", "3.2% *to GDP*", "billions *in revenue*";
    * a counted noun written with the number: "14 *first-team players*";
    * otherwise the subject before it, without the verbs that link it to the
      number: "*mineral reserves* estimated at $6 trillion".

    Dates measure nothing; their phrase is empty.

    >>> t = "Norland handles 70 percent of regional grain exports, officials say."
    >>> measured_phrase(t, 0, len(t), 16, 26, "percent")
    'regional grain exports'
    """
    if kind == "date":
        return ""
    after = text[m_end:min(end, m_end + PHRASE_WINDOW)]
    start = max(start, m_start - PHRASE_WINDOW)
    stop = {"and", "or", "but", "while", "which", "that", "who", "with", "as", "because", "than"}
    lead = re.match(r"\s*(?:of|to|in|for)\s+(?:(?:the|its|their|his|her|our|a|an|all)\s+)?", after)
    if lead and kind != "duration":
        words = []
        for w in _PHRASE_WORD.findall(re.split(r"[,;:.()—–!?]", after[lead.end():], maxsplit=1)[0]):
            if w.lower() in stop or w.lower() in function_words() and words:
                break
            if w.lower() not in function_words():
                words.append(w)
            if len(words) >= MEASURED_WORDS:
                break
        if words:
            return " ".join(words)
    own = [w for w in _PHRASE_WORD.findall(surface) if w.lower() not in function_words() and w.lower() not in _MODIFIER_WORDS
           and not _WORDNUM_RE.fullmatch(w) and w.lower() not in _SCALES]
    if kind == "count" and own:
        return " ".join(own[-MEASURED_WORDS:])
    before = text[start:m_start]
    cut = max((b.end() for b in _STOP.finditer(before)), default=0)
    words = _PHRASE_WORD.findall(before[cut:])
    while words and (words[-1].lower() in function_words() or words[-1].lower() in _LINK_WORDS or words[-1].lower() in _BOUNDS
                     or words[-1].lower() in _APPROX_WORDS or words[-1].lower().endswith(("ed", "ly"))):
        words.pop()  # the verbs and adverbs that lead to the number
    phrase = []
    for w in reversed(words):
        if w.lower() in function_words() or w.lower() in _LINK_WORDS or len(phrase) >= MEASURED_WORDS:
            break
        if not w.lower().endswith("ly"):
            phrase.insert(0, w)
    return " ".join(phrase)


_WORDNUM_RE = re.compile(_WORDNUM, re.IGNORECASE)
#: Single words of approximators, bounds and plural scale words: never part of what is measured.
_MODIFIER_WORDS = frozenset(w for phrase in (*_APPROX_WORDS, *_BOUNDS, *_PLURAL_SCALES) for w in phrase.split()) | {"tens"}


def _year_mentions(text: str) -> list[tuple[int, int]]:
    return [(m.start(), int(m.group())) for m in re.finditer(r"\b(?:19|20)\d\d\b", text)]


def document_numbers(doc: Document, hedged_sentences: set[int] = frozenset(),
                     attributed_sentences: set[int] = frozenset()) -> list[dict]:
    """Every numeric mention of one document, as rows of :data:`NUMBER_COLUMNS` (no ``group_id``).

    ``hedged_sentences`` and ``attributed_sentences`` are the ids of the
    document's sentences the stance measure found hedged or attributed.
    """
    published = None
    if doc.metadata.get("published"):
        try:
            published = dt.date.fromisoformat(doc.metadata["published"])
        except ValueError:
            published = None
    years = _year_mentions(doc.text)
    rows = []
    for sentence in doc.sentences:
        earlier = [year for position, year in years if position < sentence.start]
        context_year = earlier[-1] if earlier else (published.year if published else None)
        found = _Extractor(doc.text, sentence.start, sentence.end, context_year, published).run()
        if not found:
            continue
        hedged = sentence.sentence_id in hedged_sentences
        attributed = sentence.sentence_id in attributed_sentences
        for m in found:
            concept, context = _concept(doc.text, sentence.start, sentence.end, m.start, m.end, m.kind)
            rows.append({
                "doc_id": doc.doc_id, "sentence_id": sentence.sentence_id, "start": m.start, "end": m.end,
                "surface": m.surface, "kind": m.kind, "unit": m.unit,
                "low": m.low.isoformat() if isinstance(m.low, dt.date) else m.low,
                "high": m.high.isoformat() if isinstance(m.high, dt.date) else m.high,
                "approx": m.approx, "bound": m.bound, "change_from": m.change_from, "change_to": m.change_to,
                "concept": concept, "context": context, "hedged": hedged, "attributed": attributed, "group_id": None,
                "direction": m.extra.get("direction", ""),
                "measured": measured_phrase(doc.text, sentence.start, sentence.end, m.start, m.end, m.kind, m.surface),
            })
    return rows


def numbers(corpus: Corpus, cues: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every numeric mention of every document, before alignment.

    Parameters
    ----------
    cues : DataFrame, optional
        The corpus's :func:`toolkit.measures.stance.stance` table, when already
        computed; it says which sentences are hedged or attributed.

    Returns
    -------
    DataFrame
        One row per mention: ``doc_id, sentence_id, start, end, surface``
        (offsets into the cleaned text); ``kind`` (money, percent,
        percentage_points, count, duration, date, number); ``unit`` (ISO
        currency code, ``percent``, a unit or counted noun, ``year``/``day``
        for durations, ``date``); ``low``/``high`` (the interval, in the unit,
        as floats; NaN where open or unresolved, and for dates); ``date_low``/
        ``date_high`` (a date's interval as dates, NaT for other kinds and
        unresolved dates; written as ISO days); ``approx``;
        ``bound`` (``gt``, ``ge``, ``lt``, ``le`` or empty); ``change_from`` and
        ``change_to``; ``concept`` (what is measured: the phrase after the
        number, then the clause before it in brackets) and ``context`` (the
        words around it, used for alignment); ``hedged`` and ``attributed``
        (from the stance measure on the same sentence); ``group_id`` (filled
        by :func:`toolkit.compare.alignment.align`).
    """
    cues = stance(corpus) if cues is None else cues
    hedges = cues[(cues["category"] == "hedge") & ~cues["reported"].astype(bool)
                  & ~cues["subcategory"].isin(("condition", "question"))]  # "if", "whether" do not soften a figure
    attributions = cues[cues["category"] == "attribution"]
    hedged = hedges.groupby("doc_id")["sentence_id"].agg(set).to_dict()
    attributed = attributions.groupby("doc_id")["sentence_id"].agg(set).to_dict()
    rows = []
    for doc in corpus:
        rows += document_numbers(doc, hedged.get(doc.doc_id, set()), attributed.get(doc.doc_id, set()))
    table = pd.DataFrame(rows, columns=NUMBER_COLUMNS)
    return typed_intervals(table).astype({"change_from": float, "change_to": float})



def typed_intervals(table: pd.DataFrame) -> pd.DataFrame:
    """``low``/``high`` as floats (NaN for dates) and the dates in their own columns ``date_low``/``date_high``.

    The rows give a date's interval as ISO days in ``low``/``high``; the
    table keeps one type per column, whatever the rows hold, so that tables of
    parts of a corpus join into the table of the whole. The date columns
    follow ``high``.
    """
    dates = table["kind"] == "date"
    out = table.copy()
    for end in ("low", "high"):
        values = table[end]
        out[end] = pd.to_numeric(values.where(~dates), errors="coerce").astype(float)
        iso = values.where(dates & values.map(lambda v: isinstance(v, str) and v != ""))
        out.insert(out.columns.get_loc("high") + (1 if end == "low" else 2), f"date_{end}",
                   pd.to_datetime(iso, format="ISO8601", errors="coerce").astype(DATE_DTYPE))
    return out
