"""Article metadata: the manifest wins, otherwise it is inferred from the text.

Each value comes with its provenance: ``manifest``, ``inferred:<rule>`` or
``missing``.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

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
        if re.search(r"[a-z0-9]{2}\.$", title):  # a headline written as a sentence: its full stop is no part of it
            title = title[:-1]
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


#: Columns of a manifest, JSONL or CSV row read as the article's address, in order.
URL_COLUMNS = ("url", "link", "source_url", "canonical_url", "href")
#: Host-name labels that name a site's variant, not the site: dropped from a domain.
_HOST_PREFIXES = ("www.", "www2.", "m.", "mobile.", "amp.")


def url_domain(url: str) -> str:
    """The site's domain of a web address (``""`` if it is none), as an outlet's name.

    >>> url_domain("https://www.harbourtimes.example/news/2025/port?id=3"), url_domain("not a url")
    ('harbourtimes.example', '')
    """
    value = (url or "").strip()
    if not value:
        return ""
    if "://" not in value:
        value = "//" + value
    try:
        host = urlsplit(value).hostname or ""
    except ValueError:
        return ""
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host if re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", host) and not host.replace(".", "").isdigit() else ""


#: File-name words that name a kind of file, not an outlet ("article-1.txt").
GENERIC_FILE_WORDS = frozenset({
    "article", "articles", "copy", "doc", "document", "draft", "file", "item", "news", "page", "post", "report",
    "sample", "story", "test", "text", "untitled",
})
_FILE_TOKEN = re.compile(r"[^-_.\s]+")


def _name_tokens(stem: str) -> list[str]:
    """The words of a file name before its first word holding a digit (an id, a date or a number)."""
    tokens = []
    for token in _FILE_TOKEN.findall(stem):
        if any(c.isdigit() for c in token):
            break
        tokens.append(token)
    return tokens


def file_name_outlets(names: list[str]) -> dict[str, str]:
    """File name -> outlet, for files named by an outlet and an id (``reuters-1.txt``, ``reuters-2.txt``).

    The outlet is the words of a name before its first word holding a digit
    (an id, a date or a number), when two or more files share them:
    ``sana_1926478910.txt``, ``the-daily-2025-10-07.txt``. Names without such
    a word (headline slugs such as ``harbour-reopens.txt``) give none. No
    outlet is given when every file shares the same words (they name the
    collection, not an outlet), when the words are a generic word
    (:data:`GENERIC_FILE_WORDS`), or have fewer than two letters.

    >>> file_name_outlets(["reuters-1.txt", "Reuters-2.txt", "bbc_3.txt", "harbour-reopens.txt", "harbour-strike.txt"])
    {'reuters-1.txt': 'reuters', 'Reuters-2.txt': 'reuters'}
    """
    groups: dict[str, list[str]] = {}
    shown: dict[str, str] = {}
    for name in names:
        stem = name.rsplit(".", 1)[0] if "." in name else name
        words = _name_tokens(stem)
        if words and len(words) < len(_FILE_TOKEN.findall(stem)):  # an id follows the words
            key = " ".join(words).casefold()
            groups.setdefault(key, []).append(name)
            shown.setdefault(key, " ".join(words))  # as the first file spells it
    out: dict[str, str] = {}
    for prefix, members in groups.items():
        if len(members) >= 2 and sum(c.isalpha() for c in prefix) >= 2 and prefix not in GENERIC_FILE_WORDS:
            out.update(dict.fromkeys(members, shown[prefix]))
    if len(out) == len(names) and len(set(out.values())) == 1:
        return {}  # one prefix shared by every file names the collection
    return out
