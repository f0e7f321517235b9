"""Dates among numbers: month and day patterns, years, decades and relative dates, each an interval of days."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..text.dates import MONTH_NAMES, date_from_match, month_number
from .number_forms import Mention

_MONTH_NAMES = MONTH_NAMES
_MONTH_ABBR = r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
_MONTH_YEAR = re.compile(r"(?:(?P<part>early|mid|late|the end of|end of|the beginning of|the start of)\s+|mid-)?(?P<month>" + _MONTH_NAMES + r")(?:\s+(?P<year>(?:19|20)[0-9][0-9]))?\b")
#: "September 8", "Oct. 31", "8 September": a day of a month with no year.
_MONTH_DAY = re.compile(
    r"\b(?:(?P<month>" + _MONTH_NAMES + "|" + _MONTH_ABBR + r")\s+(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?(?![0-9,.]*[0-9])(?!\s*(?:%|percent|per cent))"
    r"|(?P<day2>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>" + _MONTH_NAMES + "|" + _MONTH_ABBR + r"))\b"
    r"(?:,?\s+(?P<year>(?:1[89]|2[01])[0-9][0-9])\b)?")
_YEAR = re.compile(r"\b(?P<prep>in|since|by|through|until|till|from|during|before|after|of|to|and|for|between|year|early|late|mid|mid-)\s+(?P<year>(?:1[6-9]|20|21)[0-9][0-9])\b(?!\s*(?:%|percent|[a-z]))", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?P<which>last|next|this|previous|coming)\s+(?P<unit>week|month|year)\b", re.IGNORECASE)
#: Decades: "the 1990s" is a date interval; "the '80s" and "in his 40s" are left alone.
_DECADE = re.compile(r"(?=['’0-9])(?<![\w.,])(?:['’]|(?P<century>1[0-9]|20))?(?P<decade>[0-9]0)['’]?s\b")
_FOUR_DIGITS = re.compile(r"(?=[12])(?<![0-9])[12][0-9]{3}(?![0-9])")
_ISO_GATE = re.compile(r"(?=[0-9])[0-9]{4}-[01][0-9]-")
#: A month's name somewhere in the sentence: the gate of the month patterns.
_MONTH_GATE = re.compile(r"(?=[JFMASOND])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split())
_MONTHS_LOWER = frozenset(m.lower() for m in _MONTH_NAMES.split("|")) | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


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



def _year_mentions(text: str) -> list[tuple[int, int]]:
    return [(m.start(), int(m.group())) for m in re.finditer(r"\b(?:19|20)\d\d\b", text)]



#: Days after an article's date beyond which a date written without its year is read as last year's: news
#: reports the recent past far more than events most of a year ahead.
FUTURE_DAYS = 183


class DateReader:
    """The scanner's handlers of dates; mixed into the scanner (needs ``text``, ``start``, ``end``,
    ``context_year``, ``published``, ``block`` and ``_mention``)."""

    def _decade(self, match: re.Match) -> Mention | None:
        if match.group("century"):
            first = int(match.group("century") + match.group("decade"))
            return self._mention(match, kind="date", unit="date", low=dt.date(first, 1, 1), high=dt.date(first + 9, 12, 31))
        self.block(match.start(), match.end())
        return None

    def _full_date(self, match: re.Match) -> Mention | None:
        day = date_from_match(match)
        if day is None:
            return None
        return self._mention(match, kind="date", unit="date", low=day, high=day)

    def _near_publication(self, year: int | None, month: int, day: int) -> int | None:
        """The year of a date written without one: the article's year, or the year before when the date would
        otherwise fall more than :data:`FUTURE_DAYS` after the article ("Dec. 11" in an article of 2 January
        2019 is 11 December 2018)."""
        if year is None or self.published is None or year != self.published.year:
            return year
        try:
            ahead = (dt.date(year, month, day) - self.published).days
        except ValueError:
            return year
        return year - 1 if ahead > FUTURE_DAYS else year

    def _month_day(self, match: re.Match) -> Mention | None:
        month = month_number(match.group("month") or match.group("month2"))
        day = int(match.group("day") or match.group("day2"))
        if month is None or (match.group("month") == "May" and not match.group("year")):
            return None
        year = int(match.group("year")) if match.group("year") else self._near_publication(self.context_year, month, day)
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
        year = int(match.group("year")) if match.group("year") else self._near_publication(self.context_year, month, 1)
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
