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

Not quantities, deliberately skipped: years inside full dates (part of the
date), ordinals (*first*, *21st century*), list numbering, identifiers
(*G7*, *COVID-19*), *one* as a pronoun or article, and *the two X* referring
back to things already named.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

import pandas as pd

from ..corpus.documents import Corpus, Document
from ..text.dates import DATE_RE, date_from_match, month_number
from .stance import stance

#: Relative half-width of an approximate value ("about 5.9" is 5.9 +/- 10%).
#: A convention of this toolkit: news approximators round to one or two
#: significant figures, which is within 10% for values written that way.
APPROX_TOLERANCE = 0.10

NUMBER_COLUMNS = ["doc_id", "sentence_id", "start", "end", "surface", "kind", "unit", "low", "high", "approx", "bound",
                  "change_from", "change_to", "concept", "context", "hedged", "attributed", "group_id"]
KINDS = ("money", "percent", "percentage_points", "count", "duration", "date", "number")

_WORD_VALUES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12,
    "a thousand": 1000,
}
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9,
           "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "t": 1e12, "lakh": 1e5, "crore": 1e7}
_PLURAL_SCALES = {"dozens": (24, 100), "hundreds": (200, 1e3), "thousands": (2e3, 1e6), "millions": (2e6, 1e9),
                  "billions": (2e9, 1e12), "trillions": (2e12, 1e15)}
_CURRENCIES = {"$": "USD", "us$": "USD", "usd": "USD", "usd $": "USD", "dollar": "USD", "dollars": "USD",
               "rs": "PKR", "rs.": "PKR", "pkr": "PKR", "rupee": "PKR", "rupees": "PKR", "€": "EUR", "eur": "EUR",
               "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP",
               "inr": "INR", "¥": "JPY", "yen": "JPY", "yuan": "CNY", "rmb": "CNY"}
_UNITS = {
    "ton": "ton", "tons": "ton", "tonne": "ton", "tonnes": "ton", "metric tons": "ton",
    "km": "km", "kilometer": "km", "kilometers": "km", "kilometre": "km", "kilometres": "km",
    "mile": "mile", "miles": "mile", "barrel": "barrel", "barrels": "barrel", "bpd": "barrel per day",
    "mw": "MW", "megawatt": "MW", "megawatts": "MW", "gw": "GW", "gigawatts": "GW", "kg": "kg",
    "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2", "hectares": "hectare", "acres": "acre",
}
_DURATION_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
                   "year": "year", "years": "year", "decade": "decade", "decades": "decade"}
_APPROX = {"about", "around", "approximately", "roughly", "some", "~", "an estimated", "estimated at", "close to",
           "circa", "approx.", "nearly", "almost"}
_BOUNDS = {"over": "gt", "more than": "gt", "above": "gt", "in excess of": "gt", "at least": "ge", "as much as": "le",
           "as many as": "le", "under": "lt", "less than": "lt", "below": "lt", "fewer than": "lt", "up to": "le",
           "no more than": "le"}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = r"\b(?:a\s+(?:dozen|hundred|thousand)|" + "|".join(sorted((k for k in _WORD_VALUES if not k.startswith("a ")), key=len, reverse=True)) + r")\b"
_SCALE = r"thousand|million|billion|trillion|mn|mln|bn|tn|trn|lakh|crore|[kmbt](?![a-z])"
_CUR_PRE = r"US\$|USD\s*\$|USD|\$|Rs\.?|PKR|INR|€|EUR|£|GBP|¥"
_MODIFIER = r"(?<![\w-])(?:(?P<mod>(?i:about|around|approximately|roughly|some|an estimated|estimated at|close to|circa|nearly|almost|over|more than|above|in excess of|at least|as much as|as many as|under|less than|below|fewer than|up to|no more than))\s+|(?P<tilde>~)\s*)?"

_MONEY = re.compile(
    _MODIFIER + r"(?P<between>between\s+)?(?P<cur>" + _CUR_PRE + r")\s?(?P<n1>" + _NUM + r")(?:\s*(?P<s1>" + _SCALE + r"))?"
    r"(?:\s*(?:-|–|to|and)\s*(?:" + _CUR_PRE + r")?\s?(?P<n2>" + _NUM + r")(?:\s*(?P<s2>" + _SCALE + r"))?)?",
    re.IGNORECASE,
)
_MONEY_WORD = re.compile(
    _MODIFIER + r"(?P<n1>" + _NUM + r")(?:\s*(?P<s1>" + _SCALE + r"))?\s+(?P<cur>dollars|rupees|euros|pounds|yuan|yen)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    r"(?:from\s+(?P<from>" + _NUM + r")\s*(?:%|percent|per cent)?\s+to\s+)?" + _MODIFIER + r"(?P<between>between\s+)?(?P<n1>" + _NUM + r")"
    r"(?:\s*(?:%|percent|per cent))?(?:\s*(?:-|–|to|and)\s*(?P<n2>" + _NUM + r"))?\s*(?P<unit>%|percent\b|per cent\b|percentage points?\b)",
    re.IGNORECASE,
)
_MEASURE = re.compile(
    _MODIFIER + r"(?P<n1>" + _NUM + r")(?:\s*(?P<s1>thousand|million|billion|trillion))?(?:\s*(?:-|–|to)\s*(?P<n2>" + _NUM + r"))?\s*"
    r"(?P<unit>" + "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_DURATION = re.compile(
    _MODIFIER + r"(?:(?P<n1>" + _NUM + r"|" + _WORDNUM + r")[\s-](?P<unit>day|week|month|year|decade)s?\b(?!\s+(?:ago|old))"
    r"|(?P<article>(?:a|the past|the last|the next|next|past|last)\s+)(?P<unit2>decade|century)\b"
    r"|(?P<plural>decades)\b)",
    re.IGNORECASE,
)
_PLURAL = re.compile(r"(?P<word>dozens|hundreds|thousands|millions|billions|trillions)(?P<of>\s+of\s+(?P<noun>dollars|rupees|[a-z]+))?", re.IGNORECASE)
_COUNT = re.compile(
    _MODIFIER + r"(?P<n1>" + _NUM + r"|" + _WORDNUM + r")(?:\s*(?P<s1>thousand|million|billion))?\s+"
    r"(?P<adj>(?:[a-z]+(?:-[a-z]+)?\s+){0,2}?)(?P<noun>[A-Za-z][a-z]+s|Memorandums?|MoUs?|people|persons|workers|deaths)\b",
)
_BARE = re.compile(r"(?<![\w.,$%-])(?P<n1>" + _NUM + r")(?![\w%]|\.\d)")
_MONTH_NAMES = r"January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_YEAR = re.compile(r"(?:(?P<part>early|mid|late|the end of|end of|the beginning of|the start of)\s+|mid-)?(?P<month>" + _MONTH_NAMES + r")(?:\s+(?P<year>(?:19|20)\d\d))?\b")
_YEAR = re.compile(r"\b(?P<prep>in|since|by|through|until|till|from|during|before|after|of|to|and)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*(?:%|percent|[a-z]))", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?P<which>last|next|this|previous|coming)\s+(?P<unit>week|month|year)\b", re.IGNORECASE)
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b")
_IDENTIFIER = re.compile(r"\b[A-Za-z]+-?\d+[A-Za-z]*\b|\b\d+[A-Za-z]+\d+\b")
_DIGIT = re.compile(r"\d")
#: Words without which, in a sentence with no digit, no duration, plural scale
#: or count can match: the gate that lets most sentences skip those patterns.
_WORDY = re.compile(_WORDNUM + r"|\b(?:decades?|century|dozens|hundreds|thousands|millions|billions|trillions)\b", re.IGNORECASE)
_STOP = re.compile(r"[,;:()—–]|\s(?:and|but|while|which|that|who|with|as|because|after|before|despite|although)\s")


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


def parse_number(text: str) -> float:
    """A written number as a float.

    >>> parse_number("1,200.5"), parse_number("four"), parse_number("a dozen")
    (1200.5, 4.0, 12.0)
    """
    cleaned = text.strip().lower().replace(",", "")
    if cleaned in _WORD_VALUES:
        return float(_WORD_VALUES[cleaned])
    cleaned = re.sub(r"^a\s+", "", cleaned)
    if cleaned in _WORD_VALUES:
        return float(_WORD_VALUES[cleaned])
    return float(cleaned)


def _scale(word: str | None, money: bool) -> float:
    if not word:
        return 1.0
    word = word.lower()
    if len(word) == 1 and not money:
        return 1.0
    return _SCALES.get(word, 1.0)


def _interval(low: float, high: float, mod: str | None, tilde: bool) -> tuple[float | None, float | None, bool, str]:
    """Apply an approximator or bound to [low, high]."""
    mod = (mod or "").lower()
    if tilde or mod in ("about", "around", "approximately", "roughly", "some", "an estimated", "estimated at", "close to", "circa"):
        return low * (1 - APPROX_TOLERANCE), high * (1 + APPROX_TOLERANCE), True, ""
    if mod in ("nearly", "almost"):
        return low * (1 - APPROX_TOLERANCE), high, True, "le"
    if mod in _BOUNDS:
        bound = _BOUNDS[mod]
        if bound in ("gt", "ge"):
            return low, None, False, bound
        return 0.0, high, False, bound
    return low, high, False, ""


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
        self.taken: list[tuple[int, int]] = []
        self.found: list[Mention] = []

    def free(self, a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in self.taken)

    def add(self, mention: Mention) -> None:
        self.taken.append((mention.start, mention.end))
        self.found.append(mention)

    def block(self, a: int, b: int) -> None:
        self.taken.append((a, b))

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
        wordy = digits or _WORDY.search(self.text, self.start, self.end) is not None
        if digits:
            self.scan(_IDENTIFIER, self._identifier)
            self.scan(_ORDINAL, self._skip)
            self.scan(DATE_RE, self._full_date)
        self.scan(_MONTH_YEAR, self._month)
        if digits:
            self.scan(_YEAR, self._year)
        self.scan(_RELATIVE, self._relative)
        if digits:
            self.scan(_MONEY, self._money)
            self.scan(_MONEY_WORD, self._money)
            self.scan(_PERCENT, self._percent)
            self.scan(_MEASURE, self._measure)
        if wordy:
            self.scan(_DURATION, self._duration)
            self.scan(_PLURAL, self._plural)
            self.scan(_COUNT, self._count)
        if digits:
            self.scan(_BARE, self._bare)
        self.found.sort(key=lambda m: m.start)
        return self.found

    def _mention(self, match: re.Match, **values) -> Mention:
        a, b = match.start(), match.end()
        while b > a and self.text[b - 1] in " .,":
            b -= 1
        return Mention(a, b, self.text[a:b], **values)

    def _identifier(self, match: re.Match) -> None:
        token = match.group()
        if re.fullmatch(r"\d+(?:k|m|bn|mn|tn|km|kg|mw|gw|t)", token, re.IGNORECASE) or re.fullmatch(r"(?:US|Rs|PKR|USD|INR)\d.*", token):
            return None  # "500M", "5bn", "10km": quantities, not identifiers
        self.block(match.start(), match.end())
        return None

    def _skip(self, match: re.Match) -> None:
        self.block(match.start(), match.end())
        return None

    def _full_date(self, match: re.Match) -> Mention | None:
        day = date_from_match(match)
        if day is None:
            return None
        return self._mention(match, kind="date", unit="date", low=day, high=day)

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
        if not dt.MINYEAR < p.year < dt.MAXYEAR:  # "next year" in an article dated 9999 would leave the calendar
            mention.extra["unresolved"] = "relative date in the calendar's first or last year"
            return mention
        if unit == "year":
            mention.low, mention.high = dt.date(p.year + shift, 1, 1), dt.date(p.year + shift, 12, 31)
        elif unit == "month":
            month_index = p.year * 12 + p.month - 1 + shift
            year, month = divmod(month_index, 12)
            mention.low, mention.high = _month_interval(year, month + 1, None)
        else:
            monday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(weeks=shift)
            mention.low, mention.high = monday, monday + dt.timedelta(days=6)
        return mention

    def _money(self, match: re.Match) -> Mention:
        groups = match.groupdict()
        currency = _CURRENCIES.get(re.sub(r"\s+", " ", groups["cur"].lower().rstrip(".")).strip(), "USD")
        n1 = parse_number(groups["n1"])
        s2 = groups.get("s2")
        s1 = groups.get("s1") or s2
        low = n1 * _scale(s1, True)
        high = parse_number(groups["n2"]) * _scale(s2 or s1, True) if groups.get("n2") else low
        low, high, approx, bound = _interval(low, high, groups.get("mod"), bool(groups.get("tilde")))
        return self._mention(match, kind="money", unit=currency, low=low, high=high, approx=approx, bound=bound)

    def _percent(self, match: re.Match) -> Mention:
        groups = match.groupdict()
        unit = "percentage_points" if "point" in groups["unit"].lower() else "percent"
        low = parse_number(groups["n1"])
        high = parse_number(groups["n2"]) if groups["n2"] else low
        low, high, approx, bound = _interval(low, high, groups["mod"], bool(groups["tilde"]))
        mention = self._mention(match, kind=unit, unit=unit, low=low, high=high, approx=approx, bound=bound)
        if groups["from"]:
            mention.change_from, mention.change_to = parse_number(groups["from"]), parse_number(groups["n1"])
        return mention

    def _measure(self, match: re.Match) -> Mention:
        groups = match.groupdict()
        scale = _scale(groups["s1"], False)
        low = parse_number(groups["n1"]) * scale
        high = parse_number(groups["n2"]) * scale if groups["n2"] else low
        low, high, approx, bound = _interval(low, high, groups["mod"], bool(groups["tilde"]))
        unit = _UNITS[" ".join(groups["unit"].casefold().split())]
        return self._mention(match, kind="count", unit=unit, low=low, high=high, approx=approx, bound=bound)

    def _duration(self, match: re.Match) -> Mention | None:
        groups = match.groupdict()
        if groups["plural"]:
            return self._mention(match, kind="duration", unit="year", low=20.0, high=100.0, approx=True)
        if groups["unit2"]:
            years = 10.0 if groups["unit2"].lower() == "decade" else 100.0
            low, high, approx, bound = _interval(years, years, groups["mod"], bool(groups["tilde"]))
            return self._mention(match, kind="duration", unit="year", low=low, high=high, approx=approx, bound=bound)
        value = parse_number(groups["n1"])
        unit = _DURATION_UNITS[groups["unit"].casefold()]
        if unit == "decade":
            value, unit = value * 10, "year"
        low, high, approx, bound = _interval(value, value, groups["mod"], bool(groups["tilde"]))
        return self._mention(match, kind="duration", unit=unit, low=low, high=high, approx=approx, bound=bound)

    def _plural(self, match: re.Match) -> Mention:
        low, high = _PLURAL_SCALES[match.group("word").casefold()]
        noun = (match.group("noun") or "").lower()
        if noun in _CURRENCIES:
            kind, unit = "money", _CURRENCIES[noun]
        elif match.group("word").lower() in ("billions", "trillions") and not noun:
            kind, unit = "money", "USD" if re.search(r"\b(?:revenue|invest\w*|worth|dollars?|funding|cost)\b", self.text[self.start:self.end], re.I) else ""
            if not unit:
                kind = "number"
        else:
            kind, unit = "count", noun.rstrip("s") if noun else ""
        end = match.end() if match.group("of") and (noun in _CURRENCIES or kind == "count") else match.end("word")
        mention = Mention(match.start(), end, self.text[match.start():end], kind, unit, float(low), float(high), True)
        return mention

    def _count(self, match: re.Match) -> Mention | None:
        groups = match.groupdict()
        number = groups["n1"].lower()
        before = self.text[max(self.start, match.start() - 6):match.start()].lower()
        if re.sub(r"^a\s+", "", number) == "one" or (not number[0].isdigit() and re.search(r"\bthe\s+$", before)):
            self.block(match.start(), match.end("n1"))
            return None  # "one of", "the two countries": not a quantity claim
        if number[0].isdigit() and 1900 <= float(number.replace(",", "")) <= 2100 and "." not in number:
            return None
        value = parse_number(groups["n1"]) * _scale(groups["s1"], False)
        low, high, approx, bound = _interval(value, value, groups["mod"], bool(groups["tilde"]))
        noun = groups["noun"]
        unit = _singular(noun)
        return self._mention(match, kind="count", unit=unit, low=low, high=high, approx=approx, bound=bound)

    def _bare(self, match: re.Match) -> Mention | None:
        value = parse_number(match.group("n1"))
        line_start = self.text.rfind("\n", 0, match.start()) + 1
        if re.fullmatch(r"\s*", self.text[max(self.start, line_start):match.start()]) and self.text[match.end():match.end() + 1] in ".)":
            return None  # list numbering
        if 1900 <= value <= 2100 and float(value).is_integer():
            return Mention(match.start(), match.end(), match.group(), "date", "date",
                           dt.date(int(value), 1, 1), dt.date(int(value), 12, 31))
        return Mention(match.start(), match.end(), match.group(), "number", "", value, value)


def _singular(noun: str) -> str:
    """A counted noun's singular, for use as a unit.

    >>> [_singular(w) for w in ("categories", "elements", "people", "MoUs", "Memorandums")]
    ['category', 'element', 'person', 'mou', 'memorandum']
    """
    word = noun.lower()
    if word in ("people", "persons"):
        return "person"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


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
        for durations, ``date``); ``low``/``high`` (the interval, in the unit;
        ISO days for dates; empty where open or unresolved); ``approx``;
        ``bound`` (``gt``, ``ge``, ``lt``, ``le`` or empty); ``change_from`` and
        ``change_to``; ``concept`` (what is measured: the phrase after the
        number, then the clause before it in brackets) and ``context`` (the
        words around it, used for alignment); ``hedged`` and ``attributed``
        (from the stance measure on the same sentence); ``group_id`` (filled
        by :func:`toolkit.compare.alignment.align`).
    """
    cues = stance(corpus) if cues is None else cues
    hedges = cues[(cues["category"] == "hedge") & ~cues["reported"].astype(bool)]
    attributions = cues[cues["category"] == "attribution"]
    hedged = hedges.groupby("doc_id")["sentence_id"].agg(set).to_dict()
    attributed = attributions.groupby("doc_id")["sentence_id"].agg(set).to_dict()
    rows = []
    for doc in corpus:
        rows += document_numbers(doc, hedged.get(doc.doc_id, set()), attributed.get(doc.doc_id, set()))
    table = pd.DataFrame(rows, columns=NUMBER_COLUMNS)
    # Fixed types, whatever the rows hold, so that tables of parts of a corpus
    # join into the table of the whole: intervals mix numbers and ISO dates.
    for column in ("low", "high"):
        table[column] = pd.Series([None if v is None or v != v else v for v in table[column]], index=table.index, dtype=object)
    return table.astype({"change_from": float, "change_to": float})
