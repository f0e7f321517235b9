"""How numbers are written and read: number words, scale words, approximators and bounds, and the parser.

The scanner (:mod:`toolkit.measures.number_scanner`) finds numbers with
:data:`NUMBER_RE`; this module turns their text into values
(:func:`parse_number`) and an approximator or bound into an interval
(:func:`interval`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

#: Relative half-width of an approximate value ("about 5.9" is 5.9 +/- 10%).
#: A convention of this toolkit: news approximators round to one or two
#: significant figures, which is within 10% for values written that way.
APPROX_TOLERANCE = 0.10

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
#: Number words below twenty and their values.
NUMBER_WORDS = _ONES
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


_WORDNUM_RE = re.compile(_WORDNUM, re.IGNORECASE)
#: Single words of approximators, bounds and plural scale words: never part of what is measured.
_MODIFIER_WORDS = frozenset(w for phrase in (*_APPROX_WORDS, *_BOUNDS, *_PLURAL_SCALES) for w in phrase.split()) | {"tens"}
