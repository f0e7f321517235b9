"""Article metadata: the manifest wins, otherwise it is inferred from the text.

Each value comes with its provenance: ``manifest``, ``inferred:<rule>`` or
``missing``.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from .cleaning import Cleaned
from .dates import DATE_DTYPE, parse_date

#: The metadata fields every document carries.
FIELDS = ("title", "outlet", "author", "published", "genre")

#: Section labels that name a genre (matched as words, case-insensitive).
SECTION_GENRES = (
    (r"opinion|op-ed|editorial|comment|commentary|columns?", "opinion"),
    (r"analysis", "analysis"),
    (r"features?", "feature"),
    (r"blogs?", "blog"),
    (r"news|breaking|latest|top stories", "news"),
)

_MD_HEADING = re.compile(r"^#{1,6}\s+")
_TITLE_SITE = re.compile(r"^(?P<title>.+?)\s+[|]\s+(?P<site>[^|]{2,60})$")


def _published(cleaned: Cleaned) -> tuple[str, str]:
    """Prefer a plain dateline over a 'Today :' page-date line."""
    dated = [(label, date) for _, label, date in cleaned.hints.get("datelines", []) if date]
    plain = [date for label, date in dated if not label.lower().startswith("today")]
    if plain:
        return plain[0].isoformat(), "inferred:dateline"
    if dated:
        return dated[0][1].isoformat(), "inferred:page_date"
    return "", "missing"


def _genre(section: str | None) -> tuple[str, str]:
    if section:
        for pattern, genre in SECTION_GENRES:
            if re.search(rf"\b(?:{pattern})\b", section, re.IGNORECASE):
                return genre, "inferred:section_label"
    return "", "missing"


def infer(raw: str, cleaned: Cleaned) -> tuple[dict[str, str], dict[str, str]]:
    """Infer metadata from a cleaned article.

    Returns
    -------
    values : dict
        ``title``, ``outlet``, ``author``, ``published`` (ISO date) and
        ``genre``; ``""`` where unknown.
    provenance : dict
        For each field, ``inferred:<rule>`` or ``missing``.
    """
    values = dict.fromkeys(FIELDS, "")
    provenance = dict.fromkeys(FIELDS, "missing")
    if cleaned.title_line is not None:
        line = cleaned.lines[cleaned.title_line - 1]
        title = _MD_HEADING.sub("", raw[line.start:line.end])
        match = _TITLE_SITE.match(title)
        if match:
            title = match.group("title")
            values["outlet"], provenance["outlet"] = match.group("site"), "inferred:title_suffix"
        values["title"], provenance["title"] = title, "inferred:title_line"
    hints = cleaned.hints
    if hints.get("byline"):
        values["author"], provenance["author"] = hints["byline"], "inferred:byline"
    elif hints.get("bio_author"):
        values["author"], provenance["author"] = hints["bio_author"], "inferred:author_bio"
    values["published"], provenance["published"] = _published(cleaned)
    values["genre"], provenance["genre"] = _genre(hints.get("section"))
    return values, provenance


def merge(
    manifest: dict[str, str] | None,
    inferred: dict[str, str],
    inferred_provenance: dict[str, str],
) -> tuple[dict[str, str], dict[str, str]]:
    """Combine manifest values (which win) with inferred ones."""
    values, provenance = dict(inferred), dict(inferred_provenance)
    for name, value in (manifest or {}).items():
        if name in FIELDS and value:
            values[name], provenance[name] = value, "manifest"
    return values, provenance


def normalise_date(value: str) -> str | None:
    """An ISO date from ``YYYY-MM-DD`` or a written-out date; ``None`` if neither.

    >>> normalise_date("2025-11-07"), normalise_date("7 November 2025"), normalise_date("soon")
    ('2025-11-07', '2025-11-07', None)
    """
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        parsed = parse_date(value)
        return parsed.isoformat() if parsed else None


def date_column(values: pd.Series) -> pd.Series:
    """ISO day strings (``""`` or None where unknown) as a date column (NaT where unknown).

    >>> date_column(pd.Series(["2013-08-21", ""])).tolist()
    [Timestamp('2013-08-21 00:00:00'), NaT]
    """
    days = [normalise_date(v) if isinstance(v, str) and v.strip() else None for v in values]
    return pd.Series(pd.to_datetime(pd.Series(days, dtype=object), format="ISO8601", errors="coerce").to_numpy(),
                     index=values.index, name=values.name).astype(DATE_DTYPE)
