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

The work is shared among small modules: :mod:`.number_forms` (how numbers
are written and parsed, approximators and bounds), :mod:`.number_units` (the
unit lexicon and counted nouns), :mod:`.number_dates` (dates),
:mod:`.number_skips` (numbers that are not quantities),
:mod:`.number_scanner` (the scanner of one sentence) and
:mod:`.number_context` (what a number measures). This module builds the
``numbers.csv`` table (:func:`numbers`).
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from ..corpus.documents import Corpus, Document
from ..text.dates import DATE_DTYPE
from .number_context import NEAR_WORDS, _concept, measured_phrase
from .number_dates import _year_mentions
from .number_forms import APPROX_TOLERANCE, MAX_DIGITS, Mention, parse_number
from .number_scanner import _Extractor
from .number_units import Unit, _lemma, _singular, lookup_unit, unit_lexicon
from .stance import stance

__all__ = ["APPROX_TOLERANCE", "KINDS", "MAX_DIGITS", "NEAR_WORDS", "NUMBER_COLUMNS", "Mention", "Unit", "document_numbers",
           "lookup_unit", "measured_phrase", "numbers", "parse_number", "typed_intervals", "unit_lexicon", "_Extractor", "_concept", "_lemma",
           "_singular"]

NUMBER_COLUMNS = ["doc_id", "sentence_id", "start", "end", "surface", "kind", "unit", "low", "high", "approx", "bound",
                  "change_from", "change_to", "concept", "context", "hedged", "attributed", "group_id", "direction", "measured",
                  "attributed_to"]
KINDS = ("money", "percent", "percentage_points", "count", "duration", "date", "number")


#: Words after a cue that follows a number, at most, for the cue to credit the number: a trailing
#: attribution ("..., a monitor said on Friday.", "according to the ministry") ends its sentence.
TRAILING_CUE_WORDS = 4
#: A cue whose own clause follows it ("note that ...") credits that clause, not a figure before it.
_CONTENT_CLAUSE = re.compile(r"\bthat\b", re.IGNORECASE)
#: A break after a reporting cue that opens a clause of the writer's own: a relative clause after a comma, a
#: contrast, or a semicolon.
_WRITERS_CLAUSE = re.compile(r",\s+(?:which|where|but|while|whereas|although)\b|;")


def _attributed_to(sources: list[tuple[int, int, str]], position: int, text: str, sentence_end: int) -> str:
    """The source credited with the number at ``position``; empty when none.

    The nearest attribution cue before the number in its sentence ("the monitor said the toll was 24"),
    else a cue after it that ends the sentence ("killing 15 civilians, a monitor said"); a cue that
    opens another clause after the number ("..., and analysts note that ...") credits it nothing.
    """
    before = [cue for cue in sources if cue[0] < position]
    if before:
        cue = max(before, key=lambda cue: cue[0])
        # the reported words end where a clause of the writer's begins: "the amount Roe has demanded, which the
        # House endorsed in a vote last month, but ..." credits Roe with no "last month"
        return "" if _WRITERS_CLAUSE.search(text, cue[1], position) else cue[2]
    trailing = [cue for cue in sources if len(text[cue[1]:sentence_end].split()) <= TRAILING_CUE_WORDS
                and not _CONTENT_CLAUSE.search(text, cue[0], sentence_end)]
    return min(trailing, key=lambda cue: cue[0])[2] if trailing else ""


def document_numbers(doc: Document, hedged_sentences: set[int] = frozenset(),
                     attributed_sentences: set[int] = frozenset(),
                     sources: dict[int, list[tuple[int, int, str]]] | None = None) -> list[dict]:
    """Every numeric mention of one document, as rows of :data:`NUMBER_COLUMNS` (no ``group_id``).

    ``hedged_sentences`` and ``attributed_sentences`` are the ids of the
    document's sentences the stance measure found hedged or attributed;
    ``sources`` gives per sentence id the attribution cues' ``(start, end, source)``.
    """
    sources = sources or {}
    published = None
    # relative dates are read against the article's own dateline when the manifest dates it otherwise
    reference = doc.metadata.get("dateline") or doc.metadata.get("published")
    if reference:
        try:
            published = dt.date.fromisoformat(reference)
        except ValueError:
            published = None
    years = _year_mentions(doc.text)
    rows = []
    for sentence in doc.sentences:
        # a date without its year ("in December"): in a dated article, of the article's year (news style writes
        # the year of a date outside the current one: "since 2013 ... in December" is last December; a month far
        # ahead of the article is last year's, see number_dates); in an undated one, of the last year written
        # before it
        earlier = [year for position, year in years if position < sentence.start]
        context_year = published.year if published else (earlier[-1] if earlier else None)
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
                "attributed_to": _attributed_to(sources.get(sentence.sentence_id, []), m.start, doc.text, sentence.end),
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
        by :func:`toolkit.compare.alignment.align`); ``direction``;
        ``measured`` (the noun phrase naming what is measured);
        ``attributed_to`` (the source the sentence credits, from the
        attribution cue nearest the number: "the monitor", "activists").
    """
    cues = stance(corpus) if cues is None else cues
    hedges = cues[(cues["category"] == "hedge") & ~cues["reported"].astype(bool)
                  & ~cues["subcategory"].isin(("condition", "question"))]  # "if", "whether" do not soften a figure
    attributions = cues[cues["category"] == "attribution"]
    hedged = hedges.groupby("doc_id")["sentence_id"].agg(set).to_dict()
    attributed = attributions.groupby("doc_id")["sentence_id"].agg(set).to_dict()
    sources: dict[str, dict[int, list[tuple[int, int, str]]]] = {}
    for cue in attributions[attributions["source"].fillna("") != ""].itertuples():
        sources.setdefault(cue.doc_id, {}).setdefault(cue.sentence_id, []).append((cue.start, cue.end, cue.source))
    rows = []
    for doc in corpus:
        rows += document_numbers(doc, hedged.get(doc.doc_id, set()), attributed.get(doc.doc_id, set()),
                                 sources.get(doc.doc_id))
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
