"""The number scanner: finds the mentions of one sentence, earlier patterns claiming their span first."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..lexicons import function_words
from ..text.dates import DATE_RE
from .number_dates import (_DECADE, _FOUR_DIGITS, _ISO_GATE, _MONTH_DAY, _MONTH_GATE, _MONTH_YEAR, _RELATIVE, _YEAR,
                           DateReader)
from .number_forms import (_CONNECTOR, _DIRECTION_BEFORE, _DIRECTION_WORDS, _NEGATIVE_BEFORE, _NUMBER,
                           _NUMBER_DIGITS, _ONES, _PLURAL_SCALES, _SCALE_AFTER, _SCALES, _TENS, Mention,
                           _comparable_size, _inherited, _interval, _MODIFIER_BEFORE, parse_number)
from .number_skips import _CLOCK, _FURNITURE, _IDENTIFIER, _INTENSIFIER, _NAMES, _ORDINAL, _SCORE, SkipRules, year_label
from .number_units import _PER, Unit, UnitReader, _lemma, lookup_unit, unit_lexicon

#: A number cut short by a hyphen, its unit written after a later one: "7- or 8-inch", "four-, five- and six-cylinder".
_SUSPENDED = re.compile(r"-,?\s+(?:(?:or|and|to)\s+)?(?:[0-9.]+|[a-z]+)(?:-,?\s+(?:(?:or|and|to)\s+)?(?:[0-9.]+|[a-z]+))*(?=-)",
                        re.IGNORECASE)
_ELLIPSIS_AFTER = re.compile(r"\s*(?:or|to|and|-|–)\s*|\s+of\s+(?:the|a|an)\s+", re.IGNORECASE)
_ELLIPSIS_BEFORE = re.compile(r"(?:\s+[a-z]+){0,3}\s*,?\s+(?:and|or|to|versus|vs\.?)\s+", re.IGNORECASE)
_PARTITIVE = re.compile(r"\s+of\s+(?:its|the|their|his|her|our|these|those|all)(?=\s)", re.IGNORECASE)
#: Words after a bare number that make it a count of people: "213 dead", "1,429 died", "40 were wounded".
_PEOPLE_AFTER = re.compile(r"\s+(?:more\s+)?(?:(?:were|have\s+been|had\s+been|are|was)\s+)?(?:dead|died|killed|injured|wounded|hurt|"
                           r"missing|displaced|arrested|detained|evacuated|rescued|executed|survivors)\b", re.IGNORECASE)
#: Words before a bare number that make it a count of people: a casualty verb ("killing at least 40",
#: "kills 12") or a toll's noun and its verb ("the death toll had risen to 52", "the number of victims is 70").
_PEOPLE_BEFORE = re.compile(
    r"(?:\b(?:kill(?:s|ed|ing)?|wound(?:s|ed|ing)|injur(?:es|ed|ing))"
    r"|\b(?:death\s+toll|toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|victims|casualties|fatalities|injured|wounded))"
    r"(?:\s+[^\s.;:!?]+){0,10}?\s+(?:is|was|at|of|to|hits?|reached|reaches|estimated))"
    r"\s+(?:(?:at\s+least|more\s+than|over|about|around|nearly|almost|some|up\s+to|roughly|an\s+estimated|estimated(?:\s+at)?"
    r"|between)\s+){0,2}$", re.IGNORECASE)
#: Characters before a number searched for :data:`_PEOPLE_BEFORE`.
PEOPLE_BEFORE_WINDOW = 100
_YEARLIKE = re.compile(r"(?:19|20)[0-9][0-9]")
#: Gate of the "100 percent" intensifier pattern.
_HUNDRED_GATE = re.compile(r"(?i)\b(?:100|hundred)\s?(?:%|per)")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
#: Verbs before "from X to Y" that make it a change rather than a range ("ranges from 1 to 3").
_CHANGE_VERB = re.compile(
    r"\b(?:ris|rose|fell|fall|drop|declin|increas|decreas|grow|grew|jump|climb|slid|slip|cut|rais|lower|reduc|slow|inch|"
    r"mov|chang|went|go|surg|soar|plung|plummet|tumbl|shr[ai]nk|expand|widen|narrow|lift|boost|trim|slash|hik|upward|downward|"
    r"up\b|down\b)[a-z]*\b[^.;]{0,40}$", re.IGNORECASE)
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
#: A closing quotation mark between a sum and its scale word ("$5.6” billion").
_QUOTE_BEFORE_SCALE = re.compile(r"[”\"](?=\s(?i:hundred|thousand|million|billion|trillion)\b)")


def _wordy(text: str) -> bool:
    """Whether ``text`` holds a number word, a plural scale word or a decade (a set test, faster than a regex)."""
    return not _GATE_WORDS.isdisjoint(_LOWER_WORD.findall(text.lower()))


@dataclass
class _Reading:
    """What is read around one number, step by step (see :meth:`_Extractor._number`)."""

    match: re.Match
    a: int
    b: int
    words: bool
    lower: str
    value: float
    left: int
    currency: Unit | None = None
    end: int = 0
    scale_word: str = ""
    value1: float = 0.0
    high: float = 0.0
    range_end: int | None = None
    unit: Unit | None = None
    unit_end: int = 0
    between: re.Match | None = None
    from_: re.Match | None = None
    last: int = 0
    noun: str = ""
    per: str = ""
    mod_match: re.Match | None = None


class _Extractor(DateReader, SkipRules, UnitReader):
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
        if (digits or words) and _HUNDRED_GATE.search(self.text, self.start, self.end):
            self.scan(_INTENSIFIER, self._skip)
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

    # -- quantities -----------------------------------------------------------------------------------

    def _read(self, match: re.Match) -> float | None:
        try:
            return parse_number(match.group())
        except (ValueError, ZeroDivisionError, OverflowError):
            return None

    def _scale_at(self, position: int, money: bool) -> tuple[float, int, str]:
        """A scale word right after a number: (factor, end, word); (1, position, "") when none."""
        factor, end, words = 1.0, position, []
        split = _QUOTE_BEFORE_SCALE.match(self.text, end, self.end) if money else None
        if split:
            end = split.end()  # "we’re asking for $5.6” billion": a quotation closed inside the figure
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

    def _number(self, match: re.Match) -> Mention | None:
        """A number and what is written around it: sign, currency, scale, range, unit or counted noun,
        rate, approximator or bound. ``None`` when it is no quantity (a name, a pronoun, list numbering)."""
        reading = self._begin(match)
        if reading is None:
            return None
        self._sign_and_currency(reading)
        self._scale_unit_range(reading)
        self._unit_or_noun(reading)
        if self._not_a_quantity(reading):
            return None
        self._rate_and_modifier(reading)
        return self._finish(reading)

    def _begin(self, match: re.Match) -> _Reading | None:
        """The number's value, or ``None`` for a name ("G70") or a pronoun ("one of", "the two countries")."""
        text = self.text
        words = match.groupdict().get("words") is not None
        a, b = match.start(), match.end()
        value = self._read(match)
        if value is None:
            self.block(a, b)
            return None
        lower = match.group().lower()
        if not words and a > self.start and text[a - 1].isalpha():
            _, _, _, cur_before = unit_lexicon()
            if cur_before.search(text, max(self.start, a - 6), a) is None:
                return None  # "G70", "i4": a name
        if words and (lower in ("one", "a", "an") or re.search(r"\bthe\s+$", text[max(self.start, a - 40):a], re.IGNORECASE)):
            if self._unit_at(b, b)[0] is None:
                self.block(a, b)
                return None  # "one of", "the two countries": not a quantity claim (but "one per cent" is)
        return _Reading(match, a, b, words, lower, value, left=a)

    def _sign_and_currency(self, r: _Reading) -> None:
        """The sign and the currency written before the number ("−3%", "US$5", "-$4")."""
        text = self.text
        _, _, _, cur_before = unit_lexicon()
        negative = _NEGATIVE_BEFORE.search(text, max(self.start, r.a - 7), r.a)
        if negative and not r.words:
            r.left = negative.start()
            r.value = -r.value
        cur = cur_before.search(text, max(self.start, r.left - 8), r.left)
        if cur is not None and not r.words:
            unit = lookup_unit(cur.group().strip())
            if unit is not None and unit.kind == "money" and unit.position in ("before", "both"):
                r.currency, r.left = unit, cur.start()
                negative = _NEGATIVE_BEFORE.search(text, max(self.start, r.left - 7), r.left)
                if negative and r.value > 0:
                    r.value, r.left = -r.value, negative.start()

    def _scale_unit_range(self, r: _Reading) -> None:
        """What follows the number: a scale word, a unit, and the second end of a range ("$4-5 trillion")."""
        text = self.text
        factor, r.end, r.scale_word = self._scale_at(r.b, r.currency is not None)
        r.value1 = r.high = r.value * factor
        r.unit_end = r.end
        if r.currency is None:
            r.unit, r.unit_end, _ = self._unit_at(r.end, r.b if r.end == r.b else r.end)
        conn = _CONNECTOR.match(text, r.unit_end if r.unit else r.end, self.end)
        r.between = _BETWEEN_BEFORE.search(text, max(self.start, r.left - 12), r.left)
        r.from_ = _FROM_BEFORE.search(text, max(self.start, r.left - 8), r.left)
        if conn and (conn.group("c").lower() not in ("and", "or") or r.between and conn.group("c").lower() == "and") \
                and conn.group("c").lower() != "or":
            second = self._second(conn.end(), r.currency, r.unit, r.value, factor, r.scale_word)
            if second is not None and conn.group("c").lower().startswith("to") and not r.from_ and not r.between \
                    and (r.unit is not None and second[2] is not None or r.currency is not None and text[conn.end()] in "$€£¥")\
                    and _DIRECTION_BEFORE.search(text, max(self.start, r.left - 30), r.left):
                second = None  # "rose 5p to 120p": a change, then the level reached, each with its unit
            if second is not None:
                r.high, r.range_end, unit2, unit_end2, low_scaled = second
                if low_scaled is not None:
                    r.value1 = low_scaled
                if r.unit is None and unit2 is not None:
                    r.unit = unit2
                    r.unit_end = unit_end2
                elif r.unit is not None and unit2 is not None:
                    r.unit_end = unit_end2
                else:
                    r.unit_end = r.range_end
        r.last = r.range_end if r.range_end is not None else r.end
        if r.unit is not None:
            r.last = max(r.last, r.unit_end)

    def _unit_or_noun(self, r: _Reading) -> None:
        """A unit written after a range, a fraction's unit ("1/16 of a pint"), a unit written once for two
        numbers ("7- or 8-inch"), or the counted noun ("213 dead", "14 first-team players")."""
        text = self.text
        if r.currency is None and r.unit is None and not r.words:
            unit, unit_end, _ = self._unit_at(r.last, r.last)
            if unit is not None:
                r.unit, r.last = unit, unit_end
        if r.currency is None and r.unit is not None and r.unit.kind == "money":
            r.currency, r.unit = r.unit, None
        if r.currency is None and r.unit is None and r.match.group("frac") is not None:
            partitive = re.match(r"\s+of\s+(?:an?|the)\s+(?:[A-Z]{2,3}\s+)?", text[r.last:min(self.end, r.last + 20)])
            if partitive:
                unit_of, unit_end_of, _ = self._unit_at(r.last + partitive.end(), r.last + partitive.end())
                if unit_of is not None:
                    r.unit, r.last = unit_of, unit_end_of  # "1/16 of a pint"
        if r.currency is None and r.unit is None and r.range_end is None:
            suspended = _SUSPENDED.match(text, r.last, self.end)
            if suspended:
                unit_s, _, _ = self._unit_at(suspended.end(), suspended.end())
                noun_s, _ = self._noun_at(suspended.end()) if unit_s is None else ("", 0)
                if unit_s is not None and unit_s.kind != "money":
                    r.unit = unit_s  # "a 7- or 8-inch screen": the unit written once, after the last number
                elif noun_s:
                    r.noun = noun_s
        if r.currency is None and r.unit is None and not r.noun and _PEOPLE_AFTER.match(text, r.last, self.end):
            r.noun = "person"  # "213 dead", "1,429 died": a count of people
        if r.currency is None and r.unit is None and not r.noun:
            r.noun, noun_end = self._noun_at(r.last, proper=r.words)
            if r.noun:
                r.last = noun_end
            elif r.scale_word:
                partitive = _PARTITIVE.match(text, r.last, self.end)
                if partitive:
                    r.noun, _ = self._noun_at(partitive.end())  # "35m of its devices": the noun, not the span
        if r.currency is None and r.unit is None and not r.noun \
                and not (float(r.value).is_integer() and 1800 <= r.value <= 2100) and self._toll_before(r.left):
            r.noun = "person"  # "killing at least 40", "the death toll rose to 52": a count of people

    def _toll_before(self, left: int) -> bool:
        """A casualty verb or a toll's noun right before ``left`` (see :data:`_PEOPLE_BEFORE`)."""
        return _PEOPLE_BEFORE.search(self.text, max(self.start, left - PEOPLE_BEFORE_WINDOW), left) is not None

    def _not_a_quantity(self, r: _Reading) -> bool:
        """A number that is part of a name ("Model 3"), or a number word alone ("two" as a pronoun)."""
        if r.currency is None and r.unit is None and r.range_end is None and not r.scale_word \
                and self._is_name(r.a, r.left, strict=bool(r.noun)):
            self.block(r.a, r.last)
            return True
        if r.words and r.currency is None and r.unit is None and not r.noun and not r.scale_word:
            return True  # a number word alone is rarely a quantity claim ("two" as a pronoun)
        return r.words and r.lower in ("one", "a", "an") and r.unit is None

    def _rate_and_modifier(self, r: _Reading) -> None:
        """A rate ("$10 per gram", "barrels a day", "km/h"), and the approximator or bound before the number."""
        text = self.text
        if r.currency is not None or r.unit is not None:
            rate = _PER.match(text, r.last, self.end)
            if rate is not None:
                per_word = rate.group("per")
                per_unit = lookup_unit(per_word)
                r.per = per_unit.name if per_unit is not None and per_unit.kind != "money" else _lemma(per_word.lower())
                r.last = rate.end()
        mod_match = _MODIFIER_BEFORE.search(text, max(self.start, r.left - 30), r.left)
        if r.between and (r.range_end is not None):
            r.left = r.between.start()
        elif r.from_ and r.range_end is not None:
            r.left = r.from_.start()
        r.mod_match = mod_match

    def _finish(self, r: _Reading) -> Mention | None:
        """The mention: kind and unit, the interval with its approximator or bound, a change, a direction;
        a year or span of years as a date; ``None`` for list numbering and names."""
        text, match, a, b = self.text, r.match, r.a, r.b
        if r.range_end is not None and re.fullmatch(r"(?:1[89]|20)[0-9][0-9]", match.group()) and not r.scale_word \
                and r.currency is None and not 1800 <= r.high <= 2100:
            return None  # "in 2008 to 29 mpg": a year, then another quantity
        mod, tilde, left = None, False, r.left
        if r.mod_match is not None and not (r.between and r.range_end is not None):
            mod = r.mod_match.group("mod")
            tilde = mod in ("~", "≈")
            left = r.mod_match.start()
        value1, high, unit, currency = r.value1, r.high, r.unit, r.currency
        if unit is not None:
            value1, high = value1 * unit.factor, high * unit.factor
        if currency is not None:
            kind, unit_name = "money", currency.name
        elif unit is not None:
            kind = unit.kind if unit.kind in ("percent", "percentage_points", "duration") else "count"
            unit_name = unit.name
        elif r.noun:
            kind, unit_name = "count", r.noun
        else:
            kind, unit_name = "number", ""
        if r.per:
            unit_name = f"{unit_name} per {r.per}"
        if currency is None and unit is None and not r.words and r.range_end is not None and not r.scale_word \
                and _YEARLIKE.fullmatch(match.group()) and float(high).is_integer() and 1900 <= value1 < high <= 2100:
            return Mention(a, r.range_end, text[a:r.range_end], "date", "date", dt.date(int(value1), 1, 1), dt.date(int(high), 12, 31))
        if kind == "number" and not r.words and r.range_end is None and float(value1).is_integer() and 1900 <= value1 <= 2100 \
                and "," not in match.group() and "." not in match.group() and not r.scale_word:
            return Mention(a, b, match.group(), "date", "date", dt.date(int(value1), 1, 1), dt.date(int(value1), 12, 31))
        if kind == "count" and r.noun and unit is None and not r.words and r.range_end is None and not r.scale_word \
                and _YEARLIKE.fullmatch(match.group()) and year_label(text, b):
            return Mention(a, b, match.group(), "date", "date", dt.date(int(value1), 1, 1), dt.date(int(value1), 12, 31))
        if kind == "number" and r.range_end is None and not r.scale_word and self._is_name(a, left):
            return None
        if kind == "number" and r.range_end is None and not r.scale_word:
            line_start = text.rfind("\n", 0, a) + 1
            if re.fullmatch(r"\s*", text[max(self.start, line_start):a]) and text[b:b + 1] in ".)":
                return None  # list numbering
        low, high_, approx, bound = _interval(value1, high, mod, tilde)
        if r.from_ and r.range_end is not None and _CHANGE_VERB.search(text, max(self.start, r.from_.start() - 50), r.from_.start()):
            change_from, change_to = value1, high
            low, high_, approx, bound = _interval(high, high, mod, tilde)
        else:
            change_from = change_to = None
        last = r.last
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
            before_text = text[max(self.start, a - 40):a]
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
        elif self._toll_before(match.start()) or _PEOPLE_AFTER.match(self.text, match.end(), self.end):
            kind, unit_name = "count", "person"  # "wounding dozens more": people
        else:
            kind, unit_name = "count", ""
        end = match.end() if match.group("of") and kind in ("money", "count") and unit_name else match.end("word")
        return Mention(match.start(), end, self.text[match.start():end], kind, unit_name, float(low), float(high), True)
