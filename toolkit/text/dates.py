"""Calendar dates written out in English: one regular expression and a parser.

Shared by cleaning (dateline lines), metadata inference (publication date)
and, later, number extraction (dates as quantities).
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
    "december": 12,
}
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAMES = {**MONTHS, **MONTH_ABBREVIATIONS}

#: pandas type of the toolkit's date columns: whole seconds, whose range
#: (years 1 to 9999 and beyond) holds every date the toolkit reads, unlike
#: pandas' nanoseconds (years 1677 to 2262).
DATE_DTYPE = "datetime64[s]"

#: The month names and the weekday names, capitalised, as regular-expression alternations.
MONTH_NAMES = "|".join(name.capitalize() for name in MONTHS)
#: Weekdays in lower case, in the order of ``datetime.date.weekday()``.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_NAMES = "|".join(day.capitalize() for day in WEEKDAYS)

_MONTH = (
    r"(?:" + MONTH_NAMES + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"

#: Matches "7 November 2025", "September 8, 2025", "Oct 07, 2025", "2025-10-07",
#: "07.10.2025" (day.month.year, the dotted form of European datelines),
#: optionally preceded by a weekday. Named groups: day, month, year (day-first,
#: month-first or dotted) or iso.
DATE_PATTERN = (
    rf"{_WEEKDAY}?(?:"
    rf"(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH}),?\s+(?P<y1>{_YEAR})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}),?\s+(?P<y2>{_YEAR})"
    rf"|(?P<iso>{_YEAR}-[01]\d-[0-3]\d)"
    rf"|(?<![\d.])(?P<d3>0?[1-9]|[12]\d|3[01])\.(?P<m3>0?[1-9]|1[0-2])\.(?P<y3>{_YEAR})(?!\d)"
    rf")"
)
DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)


def month_number(name: str) -> int | None:
    """Month number for an English month name or abbreviation.

    >>> month_number("Sept."), month_number("october"), month_number("Mayday")
    (9, 10, None)
    """
    return _MONTH_NAMES.get(name.lower().rstrip("."))


def parse_date(text: str) -> dt.date | None:
    """Parse the first full calendar date in ``text``; ``None`` if there is none.

    >>> parse_date("Today : Oct 07, 2025")
    datetime.date(2025, 10, 7)
    >>> parse_date("7 November 2025").isoformat()
    '2025-11-07'
    >>> parse_date("Wednesday 21 August 2013"), parse_date("August 21 2013"), parse_date("21.08.2013")
    (datetime.date(2013, 8, 21), datetime.date(2013, 8, 21), datetime.date(2013, 8, 21))
    >>> parse_date("no date here") is None
    True
    """
    match = DATE_RE.search(text)
    if match is None:
        return None
    return date_from_match(match)


def date_from_match(match: re.Match) -> dt.date | None:
    """Build a date from a :data:`DATE_RE` match, or ``None`` if impossible."""
    groups = match.groupdict()
    try:
        if groups["iso"]:
            return dt.date.fromisoformat(groups["iso"])
        if groups.get("d3"):
            return dt.date(int(groups["y3"]), int(groups["m3"]), int(groups["d3"]))
        day = groups["d1"] or groups["d2"]
        month = month_number(groups["m1"] or groups["m2"])
        year = int(groups["y1"] or groups["y2"])
        return dt.date(year, month, int(re.match(r"\d+", day).group()))
    except (TypeError, ValueError):
        return None
