"""Align the same quantity across sources and flag where sources diverge.

Two mentions are linked when

1. they are compatible: the same kind and unit (money in the same currency,
   percent with percent, a count of tons with tons, a date with a date), and
   of comparable size (their intervals overlap once each is stretched by a
   factor of :data:`MAGNITUDE_FACTOR`; dates within a year of each other);
2. their contexts are similar: the cosine similarity of TF-IDF vectors of the
   stemmed content words around each number (the words that say what is
   measured, and for dates the event noun) is at least
   :data:`LINK_THRESHOLD`. Mentions in the same article must be more alike
   (:data:`SAME_SOURCE_THRESHOLD`) before they are taken as one quantity.

Two sources' dates that do not overlap are linked only when both are single days at most
:data:`MAX_DISPUTED_DAYS` apart: "this week" and "last month" next to "the meeting" are two meetings.

What a count counts and which event it belongs to weigh too
(:mod:`toolkit.compare.quantity_events`): counts of people, civilians,
"others" or lives are one count; two counts whose outcomes differ (killed,
injured), whose event kinds, days or months differ, or of which one is a
running total ("since the war began") or another incident ("another car
bomb"), are never one quantity, and no group takes a member that conflicts so
with one already in it. Two tolls of different sources with the same outcome
and a shared event kind link at :data:`TOLL_THRESHOLD`, as two dates whose
nearest event words name one kind of event ("the shipment left on ...") do.
A toll restated in its own sentence (a headline run into the text) is one
quantity.

Linked mentions form quantity groups (connected components). Each group gets
a status:

``single_source``
    one source, no conflict;
``inconsistent_within_source``
    one source gives two values that do not overlap (unless it credits them to
    two named sources, "the ministry said 24", "the monitor said 22": then it
    reports a divergence), and the sources differ on no other value;
``agree``
    every pair of values from different sources overlaps (after widening each
    by :data:`OVERLAP_TOLERANCE`), and their stated floors are alike;
``floors_differ``
    every pair overlaps only because some values are open above ("at least
    22", "at least 100", "100"): both can be true, but the lowest figures two
    sources commit to differ by more than :data:`FLOOR_RATIO`;
``diverge``
    some values do not overlap and what they measure is the same: the same
    quantity, reported differently (near-synonyms such as "processing" and
    "refining" are wording, not scope);
``scope_differs``
    some values do not overlap and one of them measures a narrower thing: its
    measured phrase carries a qualifier the other lacks ("offshore gas fields"
    vs "gas fields"). ``scope_note`` names the differing words.

Vague amounts ("trillions", "billions of dollars") join the group of the
precise figures they contain, as consistent but vaguer; they never bridge two
groups of precise figures. Every group gets ``relative_gap``: 0 when all its
intervals overlap, else the largest gap between two non-overlapping intervals,
relative to the larger of the two facing ends (so between 0 and 1; for dates,
the gap in years). Groups of percentages also get ``gap_points``, the same
largest gap in percentage points (70% and 85% are 15 points apart: a relative
gap of a share is no way to say it); NaN for other kinds.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from itertools import combinations
from collections import Counter
from dataclasses import replace
from array import array
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import sparse

from ..lexicons import function_words
from ..measures.attribution import classify_source
from ..measures.number_context import NUMBER_MARK, split_context
from ..measures.number_units import lemma
from ..text.dates import DATE_DTYPE
from .similarity import NUMERIC_WORDS as _NUMERIC_WORDS
from .similarity import WORD as _WORD
from .similarity import context_terms, stem
from .similarity import cosine as _cosine
from .similarity import tfidf as _tfidf
from .quantity_events import Evidence, conflict, counted_class, evidence, is_toll_class, same_incident, toll_update

#: Minimum context similarity for two mentions in different sources to be linked.
LINK_THRESHOLD = 0.20
#: ... when both state the same narrow value: a shared value is itself evidence.
SAME_VALUE_THRESHOLD = 0.03
#: An interval wider than this ratio (high / low) is not a stated value ("billions").
WIDE_RATIO = 3.0
#: Extra relative margin for "the same value" (covers an approximator's 10%).
APPROX_MARGIN = 0.2
#: Minimum context similarity for two mentions in the same source.
SAME_SOURCE_THRESHOLD = 0.45
#: Kept for callers of earlier versions: context similarity no longer decides between ``diverge`` and
#: ``scope_differs`` (a qualifier in the measured phrase does, see :func:`scope_difference`).
SAME_CONCEPT_THRESHOLD = 0.45
#: Relative widening of each interval before testing overlap (2%).
OVERLAP_TOLERANCE = 0.02
#: Overlapping values whose stated floors ("at least 22", "100") differ by more than this factor are not called
#: agreeing (``floors_differ``): a quarter, well beyond an approximator's band.
FLOOR_RATIO = 1.25
#: Values more than this factor apart are never the same quantity.
MAGNITUDE_FACTOR = 10.0
#: Dates further apart than this are never the same event.
MAX_DATE_GAP_DAYS = 366

#: Context similarity at which a vague amount joins a precise figure it contains (between the thresholds for
#: a shared value and for any link: containment is evidence, but weaker than a shared value).
VAGUE_THRESHOLD = 0.10
_PHRASE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: Event-word similarity at which one source's two dates are taken as dates of one event. One shared event
#: noun among a date's neighbours ("the trial shipment" / "the shipment, which left") scores about 0.15-0.25
#: after TF-IDF weighting; the value was set with the seed articles' shipment dates in view.
SAME_SOURCE_EVENT_THRESHOLD = 0.15
#: Context similarity at which two tolls of different sources link when they count the same outcome
#: ("killed") of the same kind of event ("a bomb"): that shared evidence is as strong as a shared value,
#: so the threshold is :data:`SAME_VALUE_THRESHOLD`'s.
TOLL_THRESHOLD = SAME_VALUE_THRESHOLD
#: Days in a year, for the relative gap of dates.
DAYS_PER_YEAR = 365.25

#: Keys under which :func:`align` keeps each record's interval, a sum's purpose and whether a duration is a time
#: between two events, each read once (a record's, not columns of any table).
_INTERVAL = "\x00interval"
_PURPOSE_KEY = "\x00purpose"
_BETWEEN_KEY = "\x00between"
_MEASURED_KEY = "\x00measured"
#: Content words two mentions' measured phrases must share ("harbour workers", "Norland Republican senators" and
#: "senior Norland Republicans") for the same value of two sources to be one quantity whatever the words around it.
MEASURED_SHARED_WORDS = 2

GROUP_COLUMNS = ["group_id", "label", "kind", "unit", "status", "n_sources", "sources", "n_mentions", "low", "high",
                 "date_low", "date_high", "similarity", "members", "relative_gap", "scope_note", "gap_points", "update_note"]
#: Kinds whose values are already shares, whose gap is stated in percentage points.
POINT_KINDS = ("percent", "percentage_points")
STATUSES = ("agree", "floors_differ", "diverge", "scope_differs", "inconsistent_within_source", "single_source")
#: Statuses of a group whose sources' figures differ (every status but ``agree`` and ``single_source``).
DIFFERING = ("floors_differ", "diverge", "scope_differs", "inconsistent_within_source")


def _bounds(row) -> tuple[float | None, float | None]:
    """Numeric interval of a mention (dates as day ordinals); None where open or unknown.

    A date's interval is read from ``date_low``/``date_high`` when the row has
    them (the numbers table), else from ``low``/``high`` (ISO days or dates).
    """
    if isinstance(row, dict) and _INTERVAL in row:
        return row[_INTERVAL]

    def value(x):
        if x is None or x is pd.NaT or (isinstance(x, float) and math.isnan(x)) or x == "":
            return None
        if isinstance(x, dt.date):
            return float(x.toordinal())
        if isinstance(x, str):
            return float(dt.date.fromisoformat(x).toordinal())
        return float(x)
    if row["kind"] == "date" and "date_low" in row:
        return value(row["date_low"]), value(row["date_high"])
    return value(row["low"]), value(row["high"])


def _unit_key(row) -> str:
    """The unit as compared: counts of people, civilians or lives are one count (see :func:`counted_class`)."""
    return counted_class(row["unit"]) if row["kind"] == "count" else row["unit"]


def _comparable(a, b) -> bool:
    if a["kind"] != b["kind"] or _unit_key(a) != _unit_key(b) or a["kind"] == "number":
        return False
    (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    if a["kind"] == "date":
        if alo is None or blo is None:
            return True  # an unresolved date can still name the same event
        return abs(alo - blo) <= MAX_DATE_GAP_DAYS
    alo, blo = alo or 0.0, blo or 0.0
    ahi = ahi if ahi is not None else math.inf
    bhi = bhi if bhi is not None else math.inf
    return alo <= bhi * MAGNITUDE_FACTOR and blo <= ahi * MAGNITUDE_FACTOR


#: A year written in a date's words ("2016", "'16"): without one, the year was inferred from the article.
_WRITTEN_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b|['’]\d\d\b")


def _in_year_of(row, interval: tuple, other: tuple) -> tuple:
    """A date written without its year ("early July") moved into the year of the other date's interval, when
    that lies within one year and is no year alone: the year was only inferred from the article, so a gap of whole
    years between "early July" and "July 2016" is no difference. Relative dates ("last month") keep their year."""
    low, high = interval
    surface = str(row.get("surface", "") or "")
    if not surface or low is None or high is None or other[0] is None or other[1] is None or _WRITTEN_YEAR.search(surface) \
            or _RELATIVE_DATE.search(surface):
        return interval
    if other[1] - other[0] > MAX_DATED_SPAN:
        return interval  # against a year alone ("in 2018"), a month without its year ("December") may be of any year
    year = dt.date.fromordinal(int(other[0])).year
    if dt.date.fromordinal(int(other[1])).year != year or dt.date.fromordinal(int(low)).year != dt.date.fromordinal(int(high)).year:
        return interval
    try:
        return (float(dt.date.fromordinal(int(low)).replace(year=year).toordinal()),
                float(dt.date.fromordinal(int(high)).replace(year=year).toordinal()))
    except ValueError:  # 29 February
        return interval


def overlaps(a, b, tolerance: float = OVERLAP_TOLERANCE) -> bool | None:
    """Do two mentions' intervals overlap once widened by ``tolerance``? None if unknown."""
    (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    if (alo is None and ahi is None) or (blo is None and bhi is None):
        return None
    if a["kind"] == "date":
        slack = 0.0
        (alo, ahi), (blo, bhi) = _in_year_of(a, (alo, ahi), (blo, bhi)), _in_year_of(b, (blo, bhi), (alo, ahi))
        alo, blo = alo if alo is not None else -math.inf, blo if blo is not None else -math.inf
    else:
        alo, blo = alo or 0.0, blo or 0.0
        slack = tolerance
    ahi = ahi if ahi is not None else math.inf
    bhi = bhi if bhi is not None else math.inf
    return alo * (1 - slack) <= bhi * (1 + slack) and blo * (1 - slack) <= ahi * (1 + slack)


def _vague(row) -> bool:
    """A wide interval such as "billions" ([2e9, 1e12]): an order of magnitude, not a value."""
    low, high = _bounds(row)
    return row["kind"] != "date" and low is not None and high is not None and low > 0 and high / low > WIDE_RATIO


def _contains(vague_row, row) -> bool:
    """The vague mention's interval holds the other's (widened by :data:`OVERLAP_TOLERANCE`)."""
    vlo, vhi = _bounds(vague_row)
    lo, hi = _bounds(row)
    if lo is None or hi is None:
        return False
    return vlo * (1 - OVERLAP_TOLERANCE) <= lo and hi <= vhi * (1 + OVERLAP_TOLERANCE)


def _vague_consistent(a, b) -> bool:
    """One mention is vague and contains the other: the same amount, said less precisely."""
    return a["kind"] == b["kind"] and _unit_key(a) == _unit_key(b) and (
        (_vague(a) and _contains(a, b)) or (_vague(b) and _contains(b, a)))


def _vague_fits(records, group: list[int], vague: list[bool]) -> bool:
    """Every vague member of ``group`` overlaps every other member."""
    wide = [k for k in group if vague[k]]
    return all(overlaps(records[k], records[other]) is not False for k in wide for other in group if other != k)


def _event_words(text: str) -> str:
    """The lower-case words of a date's neighbourhood: its event ("signed",
    "shipment", "meeting"), without the names around it."""
    return " ".join(w for w in text.split() if not w[:1].isupper())


def _measured_alike(a, b) -> bool:
    """The two mentions' measured phrases share :data:`MEASURED_SHARED_WORDS` content words."""
    return len(a.get(_MEASURED_KEY, frozenset()) & b.get(_MEASURED_KEY, frozenset())) >= MEASURED_SHARED_WORDS


def _same_value(a, b) -> bool:
    """Both mentions state (about) the same narrow value."""
    (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    # "over $60 billion" states 60 billion as its floor: compare that value
    ahi = alo if ahi is None and a["bound"] in ("gt", "ge") else ahi
    bhi = blo if bhi is None and b["bound"] in ("gt", "ge") else bhi
    if None in (alo, ahi, blo, bhi):
        return False
    if a["kind"] == "date":
        return ahi == alo == blo == bhi  # the same day; a shared month is weak evidence
    if alo <= 0 or blo <= 0 or ahi / alo > WIDE_RATIO or bhi / blo > WIDE_RATIO:
        return False
    mid_a, mid_b = (alo + ahi) / 2, (blo + bhi) / 2
    return max(mid_a, mid_b) / min(mid_a, mid_b) <= 1 + 2 * OVERLAP_TOLERANCE + APPROX_MARGIN


#: Rows of a block whose similarities are computed at once (bounds the memory of the prefilter).
CHUNK_ROWS = 256
#: Margin under each threshold for the vectorised prefilter; the exact test follows.
PREFILTER_MARGIN = 1e-6


def _bounds_array(records) -> tuple[np.ndarray, np.ndarray]:
    pairs = [_bounds(r) for r in records]
    low = np.array([math.nan if lo is None else lo for lo, _ in pairs], dtype=float)
    high = np.array([math.nan if hi is None else hi for _, hi in pairs], dtype=float)
    return low, high


def _matrix(vectors: list[dict[str, float]], rows: list[int], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    data, indices, indptr = [], [], [0]
    for i in rows:
        for term, value in vectors[i].items():
            indices.append(vocabulary.setdefault(term, len(vocabulary)))
            data.append(value)
        indptr.append(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), max(len(vocabulary), 1)))


def _prefilter(records, rows: list[int], near, sentence, low, high, floor: float = 1.0) -> list[tuple[int, int]]:
    """Pairs of one (kind, unit) block that may link, found with sparse products.

    A superset of the pairs :func:`_candidates` links: every test is done on
    whole arrays with each threshold lowered by :data:`PREFILTER_MARGIN`; the
    exact test then runs on these pairs only, so the result is the same as
    testing every pair, at a fraction of the cost. ``floor`` caps the
    threshold of pairs of different sources (for blocks of tolls, which link
    on their outcome and event, see :func:`link`).
    """
    vocabulary: dict[str, int] = {}
    near_m, sentence_m = _matrix(near, rows, vocabulary), _matrix(sentence, rows, vocabulary)
    size = len(vocabulary) or 1
    measured_vocabulary: dict[str, int] = {}
    measured_m = _matrix({i: dict.fromkeys(records[i].get(_MEASURED_KEY, ()), 1.0) for i in rows}, rows, measured_vocabulary)
    measured_m.resize((len(rows), len(measured_vocabulary) or 1))
    near_m.resize((len(rows), size))
    sentence_m.resize((len(rows), size))
    date = records[rows[0]]["kind"] == "date"
    docs = np.array([records[i]["doc_id"] for i in rows], dtype=object)
    keys = np.array([f"{records[i]['doc_id']}\x00{records[i]['sentence_id']}" for i in rows], dtype=object)
    lo, hi = low[rows], high[rows]
    bound = np.array([records[i]["bound"] in ("gt", "ge") for i in rows])
    toll = floor < 1.0  # tolls: a sentence may restate its own toll ("43 killed ... at least 43 people were killed")
    found = []
    for first in range(0, len(rows), CHUNK_ROWS):
        part = slice(first, min(first + CHUNK_ROWS, len(rows)))
        near_sim = (near_m[part] @ near_m.T).toarray()
        sent_sim = (sentence_m[part] @ sentence_m.T).toarray()
        best = np.maximum(near_sim, sent_sim)
        a = np.arange(part.start, part.stop)[:, None]
        b = np.arange(len(rows))[None, :]
        same_sentence = keys[part][:, None] == keys[None, :]
        alo, ahi, blo, bhi = lo[part][:, None], hi[part][:, None], lo[None, :], hi[None, :]
        with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
            if date:
                comparable = np.isnan(alo) | np.isnan(blo) | (np.abs(alo - blo) <= MAX_DATE_GAP_DAYS)
                same_value = (alo == ahi) & (blo == bhi) & (alo == blo)
            else:
                alo0, blo0 = np.nan_to_num(alo, nan=0.0), np.nan_to_num(blo, nan=0.0)
                ahi_inf, bhi_inf = np.where(np.isnan(ahi), math.inf, ahi), np.where(np.isnan(bhi), math.inf, bhi)
                comparable = (alo0 <= bhi_inf * MAGNITUDE_FACTOR) & (blo0 <= ahi_inf * MAGNITUDE_FACTOR)
                ahi_v = np.where(np.isnan(ahi) & bound[part][:, None], alo, ahi)
                bhi_v = np.where(np.isnan(bhi) & bound[None, :], blo, bhi)
                mid_a, mid_b = (alo + ahi_v) / 2, (blo + bhi_v) / 2
                same_value = ((alo > 0) & (blo > 0) & (ahi_v / alo <= WIDE_RATIO) & (bhi_v / blo <= WIDE_RATIO)
                              & (np.maximum(mid_a, mid_b) / np.minimum(mid_a, mid_b) <= 1 + 2 * OVERLAP_TOLERANCE + APPROX_MARGIN))
            if date:
                vague = np.zeros_like(same_value)
            else:
                wide_a = (alo > 0) & (ahi / alo > WIDE_RATIO)
                wide_b = (blo > 0) & (bhi / blo > WIDE_RATIO)
                holds_b = wide_a & (alo * (1 - OVERLAP_TOLERANCE) <= blo) & (bhi <= ahi * (1 + OVERLAP_TOLERANCE))
                holds_a = wide_b & (blo * (1 - OVERLAP_TOLERANCE) <= alo) & (ahi <= bhi * (1 + OVERLAP_TOLERANCE))
                vague = holds_a | holds_b
        keep = (b > a) & (~same_sentence | vague | toll)
        same_doc = docs[part][:, None] == docs[None, :]
        cross = np.minimum(np.where(same_value, SAME_VALUE_THRESHOLD, np.where(vague, VAGUE_THRESHOLD, LINK_THRESHOLD)), floor)
        required = np.where(same_sentence, -1.0, np.where(same_doc, SAME_SOURCE_EVENT_THRESHOLD if date else SAME_SOURCE_THRESHOLD, cross))
        # dates of different sources link on their event words (near_sim), or on the sentence when their nearest
        # event words name one kind of event (see link): the prefilter keeps both
        score = np.where(~same_doc & ~same_value, near_sim, best) if date and floor >= 1.0 else best
        if not date:  # the same value of two sources whose measured phrases are alike links whatever its context
            shared = (measured_m[part] @ measured_m.T).toarray()
            score = np.where(same_value & ~same_doc & (shared >= MEASURED_SHARED_WORDS), np.maximum(score, 1.0), score)
        linked = keep & comparable & (score >= required - PREFILTER_MARGIN)
        for x, y in zip(*np.nonzero(linked)):
            found.append((rows[part.start + x], rows[y]))
    return found


def _candidates(records, near, sentence, facts: list[Evidence] | None = None) -> list[tuple[float, int, int]]:
    """Scored links between compatible mentions of different sentences."""
    blocks: dict[tuple[str, str], list[int]] = {}
    for i, r in enumerate(records):
        if r["kind"] != "number":  # bare numbers are never compared
            blocks.setdefault((r["kind"], _unit_key(r)), []).append(i)
    low, high = _bounds_array(records)
    links = []
    for (kind, unit), rows in blocks.items():
        if len(rows) < 2:
            continue
        floor = TOLL_THRESHOLD if kind == "count" and is_toll_class(unit) or kind == "date" else 1.0
        for i, j in _prefilter(records, rows, near, sentence, low, high, floor):
            similarity = link(records, near, sentence, i, j, facts)
            if similarity is not None:
                links.append((similarity, i, j))
    return sorted(links, key=lambda link: (-link[0], link[1], link[2]))


#: A date relative to the day of writing ("this week", "last month", "yesterday").
_RELATIVE_DATE = re.compile(r"\b(?:this|last|next|past|previous|coming)\s+(?:week|month|year|weekend)\b|"
                            r"\b(?:yesterday|today|tomorrow|tonight|recently)\b", re.I)


#: A sum's purpose: "for" right after it, or after "in funding" ("$1 billion for security at ports of entry").
_PURPOSE = re.compile(r"^(?:(?:in|of)\s+(?:new\s+)?(?:funding|spending|aid|money|financing)\s+)?for\s+(?P<what>[^,;:()]+)", re.I)
#: Words of a purpose that say nothing of what the money is for.
_PURPOSE_GENERIC = frozenset({"funding", "fund", "spending", "money", "financing", "project", "program", "programme",
                              "plan", "purpose", "purposes", "year", "years", "fiscal", "next", "new", "additional"})
#: Words of a purpose read, at most.
PURPOSE_WORDS = 6
#: A purpose that refers back ("for that project", "for it") names nothing to compare.
_ANAPHORIC = frozenset({"that", "this", "these", "those", "it", "them", "such"})


def purpose(row) -> frozenset[str]:
    """The stems of what a sum is said to be for ("$1 billion for security at ports of entry"); empty when the sentence does not say, or refers back ("for that project").

    >>> sorted(purpose({"kind": "money", "context": "x || plus" + NUMBER_MARK + "for security at ports of entry."}))
    ['entry', 'port', 'security']
    """
    if _PURPOSE_KEY in row:
        return row[_PURPOSE_KEY]  # read once by :func:`align`
    if row.get("kind") != "money":
        return frozenset()
    found = _PURPOSE.match(split_context(str(row.get("context") or ""))[1])
    if not found:
        return frozenset()
    words = re.findall(r"[a-z][a-z'’-]*", found.group("what").lower())[:PURPOSE_WORDS]
    if words and words[0] in _ANAPHORIC:
        return frozenset()
    return frozenset(stem(w) for w in words if w not in function_words() and w not in _PURPOSE_GENERIC)


#: Words after a duration that make it the time between two events ("three days after the raid", "a week later").
_BETWEEN = re.compile(r"^(?:after|later|before|earlier|ago|apart)\b", re.I)


def _interval_between(row) -> bool:
    """A duration that is the time between two events ("just three days after demolishing ..."), not a span."""
    if _BETWEEN_KEY in row:
        return row[_BETWEEN_KEY]  # read once by :func:`align`
    return row.get("kind") == "duration" and bool(_BETWEEN.match(split_context(str(row.get("context") or ""))[1]))


def _purposes_differ(a, b) -> bool:
    """Both sums say what they are for, and no word of the one purpose is in the other ("for a wall" against "for
    security at ports of entry"): two sums, not two values of one."""
    first, second = purpose(a), purpose(b)
    return bool(first) and bool(second) and first.isdisjoint(second)


#: Two sources' exact days further apart than this are dates of two events of one kind (two meetings, two
#: shipments), not two values of one date: sources misdate an event by a day or so, not by weeks.
MAX_DISPUTED_DAYS = 7


def _near_days(a, b) -> bool:
    """Both dates are single days at most :data:`MAX_DISPUTED_DAYS` apart (a dispute over one date is possible)."""
    (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    return None not in (alo, ahi, blo, bhi) and alo == ahi and blo == bhi and abs(alo - blo) <= MAX_DISPUTED_DAYS


def _dates_clash(a, b) -> bool:
    """Two sources' dates that do not overlap and are not two days close enough to dispute
    (:data:`MAX_DISPUTED_DAYS`): dates of two events of one kind."""
    return a["kind"] == "date" and a["doc_id"] != b["doc_id"] and overlaps(a, b) is False and not _near_days(a, b)


def _date_signature(r: dict) -> tuple:
    """What :func:`_dates_clash` reads of a date besides its source: its interval and its words."""
    return _bounds(r), str(r.get("surface", "") or "")


@lru_cache(maxsize=1 << 16)
def _signatures_clash(s: tuple, t: tuple) -> bool:
    """Dates of these two signatures (:func:`_date_signature`) clash when two sources give them."""
    a, b = ({"kind": "date", "doc_id": 0, _INTERVAL: x[0], "surface": x[1]} for x in (s, t))
    b["doc_id"] = 1
    return _dates_clash(a, b)


def _date_index(rows: list[dict]) -> tuple[dict, dict]:
    """A group's dates by :func:`_date_signature` and by source, for :func:`_group_dates_clash`."""
    by_signature: dict = {}
    by_doc: dict = {}
    for r in rows:
        by_signature.setdefault(_date_signature(r), []).append(r)
        by_doc.setdefault(r["doc_id"], []).append(r)
    return by_signature, by_doc


def _join_indexes(into: tuple[dict, dict], other: tuple[dict, dict]) -> None:
    """Add one group's :func:`_date_index` to another's."""
    for mine, theirs in zip(into, other):
        for key, rows in theirs.items():
            mine.setdefault(key, []).extend(rows)


def _group_dates_clash(left: tuple[dict, dict], right: tuple[dict, dict]) -> bool:
    """Two groups' dates (each a :func:`_date_index`) clash when joined: a date of one and a date of the other
    clash (:func:`_dates_clash`) and neither source also gives a date in the two groups that fits the other's (a
    day or a month, not a year alone). A source torn between two dates (its inconsistency) may share a group with
    one that agrees with either, but two sources each with one date of its own, weeks apart, report two events.
    Pairs within one group are not tried again: they passed when it was formed, and more members can only
    excuse a pair."""
    def same_source(r: dict) -> list[dict]:
        return left[1].get(r["doc_id"], []) + right[1].get(r["doc_id"], [])

    for s, xs in left[0].items():
        for t, ys in right[0].items():
            if not _signatures_clash(s, t):
                continue  # the dates of the two signatures fit, whoever gives them
            for x, y in ((x, y) for x in xs for y in ys):
                if _dates_clash(x, y) and not any(
                        z is not a and not coarse_date(z) and overlaps(z, b) is not False
                        for a, b in ((x, y), (y, x)) for z in same_source(a)):
                    return True
    return False


def _restates(a, b, facts, i: int, j: int) -> bool:
    """A toll stated twice in one sentence (a headline run into the text): the same value and outcome."""
    return facts is not None and bool(facts[i].outcome) and facts[i].outcome == facts[j].outcome and _same_value(a, b)


def link(records, near, sentence, i: int, j: int, facts: list[Evidence] | None = None) -> float | None:
    """The similarity of mentions ``i`` and ``j`` when they are linked, else ``None`` (the exact test).

    ``facts`` holds each mention's :class:`~toolkit.compare.quantity_events.Evidence`: mentions whose
    evidence conflicts (killed vs injured, a running total vs one incident, different events, days or
    months) are never linked, and two tolls of different sources with the same outcome and a shared
    event kind link at :data:`TOLL_THRESHOLD`.
    """
    a, b = records[i], records[j]
    if not _comparable(a, b):
        return None
    if facts is not None and conflict(facts[i], facts[j], a["kind"]):
        return None
    if a["kind"] == "date" and a["doc_id"] != b["doc_id"] and facts is not None and any(
            _RELATIVE_DATE.search(str(r["surface"])) and not facts[k].events for r, k in ((a, i), (b, j))):
        return None  # "this week" with no event beside it is the date of whatever the sentence says, not of an event
    if a["kind"] == "money" and _purposes_differ(a, b):
        return None
    if a["kind"] == "duration" and _interval_between(a) != _interval_between(b):
        return None  # "three days after the raid" is a time between two events, "in the past four days" a span
    if _dates_clash(a, b):
        return None  # two sources' dates of "the meeting" weeks apart are two meetings, not a dispute over one
    if _part_and_whole(records, a, b):
        return None  # "more than 55 injured" in one street and "3 other persons" in another are parts of "58 injured"
    near_sim, sent_sim = _cosine(near[i], near[j]), _cosine(sentence[i], sentence[j])
    similarity = max(near_sim, sent_sim)
    if (a["doc_id"], a["sentence_id"]) == (b["doc_id"], b["sentence_id"]):
        # two numbers in one sentence are two quantities, unless one restates the other vaguely
        # ("worth trillions of dollars (estimates cite ~$6 trillion)")
        return similarity if _vague_consistent(a, b) or _restates(a, b, facts, i, j) else None
    if a["doc_id"] == b["doc_id"] and a["kind"] == "date":
        linked = near_sim >= SAME_SOURCE_EVENT_THRESHOLD  # one source, two dates for one event: the event words match
    elif a["doc_id"] == b["doc_id"]:
        linked = similarity >= SAME_SOURCE_THRESHOLD
    elif _same_value(a, b):
        alike = _measured_alike(a, b)
        linked = similarity >= SAME_VALUE_THRESHOLD or alike
        similarity = max(similarity, SAME_VALUE_THRESHOLD) if alike else similarity
    elif facts is not None and same_incident(facts[i], facts[j], a["kind"]) and (a["kind"] != "date" or overlaps(a, b)):
        linked = similarity >= TOLL_THRESHOLD  # the same outcome of one kind of event; a date of one kind of event
    elif _vague_consistent(a, b):
        linked = similarity >= VAGUE_THRESHOLD
    elif a["kind"] == "date":
        linked = near_sim >= LINK_THRESHOLD  # dates align by their event noun, next to them
    else:
        linked = similarity >= LINK_THRESHOLD
    return similarity if linked else None


def _written(row) -> float | None:
    """The number a count is written with: "more than 55" is 55, "up to 30" is 30."""
    low, high = _bounds(row)
    return low if low is not None else high


#: Per records list (by id): the written values of each document's counts, for :func:`_part_and_whole`.
_COUNTS: dict[int, tuple[list, dict[str, list[float]]]] = {}


def _part_and_whole(records, a, b) -> bool:
    """Two counts with different written values, where a third count makes up the difference ("more than 55" +
    "3" = "58") in their document, or in one of their two documents beside the other's value: a part and its
    whole, never one quantity."""
    if a["kind"] != "count" or b["kind"] != "count":
        return False
    first, second = _written(a), _written(b)
    if first is None or second is None or first == second:
        return False
    held = _COUNTS.get(id(records))
    if held is None or held[0] is not records:
        counts: dict[str, list[float]] = {}
        for r in records:
            value = _written(r) if r["kind"] == "count" else None
            if value is not None:
                counts.setdefault(r["doc_id"], []).append(value)
        _COUNTS.clear()
        held = _COUNTS[id(records)] = (records, counts)
    difference = abs(first - second)

    def has(doc: str, *values: float) -> bool:
        return all(any(abs(v - x) < 1e-9 for v in held[1].get(doc, [])) for x in values)

    if a["doc_id"] == b["doc_id"]:
        return has(a["doc_id"], difference)
    # across two documents: one of them gives both the other's figure and the difference beside its own
    return has(a["doc_id"], second, difference) or has(b["doc_id"], first, difference)


def _restatements(records, facts) -> set[int]:
    """Mentions that restate a toll stated earlier in their sentence (see :func:`_restates`)."""
    seen: dict[tuple, list[int]] = {}
    found = set()
    for i, r in enumerate(records):
        if not facts[i].outcome:
            continue
        key = (r["doc_id"], r["sentence_id"])
        if any(_restates(records[k], r, facts, k, i) for k in seen.get(key, [])):
            found.add(i)
        seen.setdefault(key, []).append(i)
    return found


#: Outcomes of a toll whose groups join by their evidence alone (:func:`_join_tolls`).
TOLL_OUTCOMES = ("killed", "injured")


def _toll_outcome(records, facts, group: list[int]) -> tuple[tuple | None, frozenset]:
    """The one outcome and counted class every member of a group counts (("injured", "person")), with the event
    kinds its members name; (None, ...) when the group is no toll of one outcome, or a running total, or another
    incident's."""
    outcomes = {(facts[k].outcome, facts[k].counted) for k in group}  # and of one class: people, or soldiers
    if len(outcomes) != 1 or not {o for o, _ in outcomes} <= set(TOLL_OUTCOMES) or any(
            records[k]["kind"] != "count" or facts[k].cumulative or facts[k].other_event for k in group):
        return None, frozenset()
    return outcomes.pop(), frozenset().union(*(facts[k].events for k in group))


def _told_apart(records, mine: list[int], theirs: list[int]) -> bool:
    """One source's two tolls are of one incident when it tells them apart: credited to different voices ("24,
    the Observatory said" beside its own "hundreds"), or one of them a toll that has since changed ("the
    previous death toll was 20 with 50 others injured")."""
    return any(_voice(records[x]) != _voice(records[y]) for x in mine for y in theirs) or any(
        toll_update(str(records[k]["context"]).replace(" || ", " ")) for k in mine + theirs)


def _join_tolls(records, facts, members: dict, owner: list, sentences: dict) -> None:
    """Join the groups of one toll that context words alone left apart ("dozens more wounded" in one source,
    "over 130 are injured" in another): the same outcome of people, no conflicting evidence (another event,
    day, month or article date; :func:`~toolkit.compare.quantity_events.conflict`), a shared event kind unless
    one side names none, and never two precise figures of one sentence. Tolls that differ are then reported as
    differing, not some of them as agreeing while the rest stand apart."""
    tolls = {g: found for g in sorted(members, key=lambda g: (-len(members[g]), g))
             if (found := _toll_outcome(records, facts, members[g]))[0]}
    for gi in list(tolls):
        if gi not in members:
            continue
        outcome, events = tolls[gi]
        for gj in list(tolls):
            if gj == gi or gj not in members or tolls[gj][0] != outcome:
                continue
            more = tolls[gj][1]
            docs, others = {records[k]["doc_id"] for k in members[gi]}, {records[k]["doc_id"] for k in members[gj]}
            if len(docs | others) < 2 or len(docs & others) > 1 or (events and more and not events & more) \
                    or not sentences[gi].isdisjoint(sentences[gj]):
                continue  # tolls that one source alone gives, or that two sources both give apart: two incidents
            if any(conflict(facts[x], facts[y], "count") for x in members[gi] for y in members[gj]):
                continue
            if any(not _told_apart(records, [k for k in members[gi] if records[k]["doc_id"] == d],
                                   [k for k in members[gj] if records[k]["doc_id"] == d]) for d in docs & others):
                continue  # one source's two tolls of one outcome: two incidents it tells of, unless told apart
            for k in members[gj]:
                owner[k] = gi
            members[gi] += members.pop(gj)
            sentences[gi] |= sentences.pop(gj)
            events |= more
            tolls[gi] = (outcome, events)


def align(mentions: pd.DataFrame, dated: dict[str, dt.date] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Group the mentions of the same quantity and give each group a status.

    Links are taken strongest first; a link is refused when it would put two
    numbers of one sentence in the same group.

    Parameters
    ----------
    mentions : DataFrame
        The output of :func:`toolkit.measures.numbers.numbers`.
    dated : dict, optional
        The day each document is dated (its dateline, else its publication
        date; see :func:`article_days`): tolls of articles dated more than
        :data:`~toolkit.compare.quantity_events.MAX_TOLL_DAYS` apart are never one quantity.

    Returns
    -------
    mentions : DataFrame
        The input with ``group_id`` filled.
    groups : DataFrame
        One row per group: ``group_id, label, kind, unit, status, n_sources,
        sources`` (``;``-separated doc ids), ``n_mentions``, ``low``, ``high``
        (the span of all values, as floats; NaN for dates), ``date_low``,
        ``date_high`` (for dates, the span as dates), ``similarity`` (the
        lowest context similarity of a link in the group), ``members``
        (``doc_id:start-end`` of each mention), ``relative_gap`` (0 when every
        interval overlaps; see the module docstring) and ``scope_note`` (for
        ``scope_differs``, the qualifier one source adds and the phrases compared).
    """
    mentions = mentions.reset_index(drop=True).copy()
    records = mentions.to_dict("records")
    for r in records:
        r[_INTERVAL] = _bounds(r)
        r[_PURPOSE_KEY], r[_BETWEEN_KEY] = purpose(r), _interval_between(r)
        r[_MEASURED_KEY] = frozenset(context_terms(str(r.get("measured") or "")))
    near_terms = [context_terms(_event_words(r["context"].split(" || ")[0]) if r["kind"] == "date" else r["context"].split(" || ")[0])
                  for r in records]
    near, sentence = _tfidf(near_terms), _tfidf([context_terms(r["context"]) for r in records])
    days = {doc: day.toordinal() for doc, day in (dated or {}).items() if day is not None}
    facts = [evidence(r) for r in records]
    if days:  # the day each article is dated: two tolls of articles days apart are two incidents
        facts = [replace(f, published=days.get(r["doc_id"], 0)) if f.outcome else f for f, r in zip(facts, records)]
    # groups holding a mention whose evidence can conflict with another's (a toll's outcome, a date's event)
    telling = {i: bool(f.outcome or f.cumulative or records[i]["kind"] == "date" and f.events) for i, f in enumerate(facts)}
    members = {i: [i] for i in range(len(records))}
    # each group's distinct evidence, with its mentions' kind: a group of hundreds of mentions of one toll holds a few
    signatures = {i: {(f, records[i]["kind"])} for i, f in enumerate(facts)}
    dates: dict[int, tuple[dict, dict]] = {}  # date groups' dates, indexed once they are first linked
    vague = [_vague(r) for r in records]
    # the sentences of a group's precise members: two precise numbers of one sentence never share a group
    restating = _restatements(records, facts)
    sentences = {i: set() if vague[i] or i in restating else {(r["doc_id"], r["sentence_id"])} for i, r in enumerate(records)}
    precise = {i: 0 if vague[i] else 1 for i in range(len(records))}
    owner = list(range(len(records)))
    link_similarity: dict[tuple[int, int], float] = {}
    for similarity, i, j in _candidates(records, near, sentence, facts):
        gi, gj = owner[i], owner[j]
        if gi == gj:
            link_similarity[(i, j)] = similarity
            continue
        if not sentences[gi].isdisjoint(sentences[gj]):
            continue
        if (vague[i] or vague[j]) and precise[gi] and precise[gj]:
            continue  # a vague amount never bridges two groups of precise figures
        if (vague[i] or vague[j]) and not _vague_fits(records, members[gi] + members[gj], vague):
            continue  # ... and joins only figures it is consistent with
        if (telling[gi] or telling[gj]) and any(conflict(x, y, kind)
                                                for x, kind in signatures[gi] for y, _ in signatures[gj]):
            continue  # every member of a group counts the same outcome of the same event
        if records[i]["kind"] == "money" and any(_purposes_differ(records[x], records[y])
                                                 for x in members[gi] for y in members[gj]):
            continue  # every sum of a group is for the same thing
        if records[i]["kind"] == "duration" and len({records[k][_BETWEEN_KEY] for k in members[gi] + members[gj]}) > 1:
            continue  # nor does a span join a time between two events
        if records[i]["kind"] == "date":
            for g in (gi, gj):
                if g not in dates:
                    dates[g] = _date_index([records[k] for k in members[g]])
            if _group_dates_clash(dates[gi], dates[gj]):
                continue  # nor does a group join two sources' dates of two meetings through a third date
        link_similarity[(i, j)] = similarity
        if len(members[gi]) < len(members[gj]):
            gi, gj = gj, gi  # the smaller group joins the larger
        for k in members[gj]:
            owner[k] = gi
        members[gi] += members.pop(gj)
        sentences[gi] |= sentences.pop(gj)
        telling[gi] = telling[gi] or telling.pop(gj)
        signatures[gi] |= signatures.pop(gj)
        if gj in dates:  # both groups' dates were indexed for this link (one kind per group)
            _join_indexes(dates[gi], dates.pop(gj))
        precise[gi] += precise.pop(gj)
    _join_tolls(records, facts, members, owner, sentences)
    ordered = sorted((sorted(group) for group in members.values()), key=min)
    lowest: dict[int, float] = {}
    for (i, j), similarity in link_similarity.items():
        lowest[owner[i]] = min(similarity, lowest.get(owner[i], similarity))
    ids = [None] * len(records)
    rows = []
    for number, group in enumerate(ordered, start=1):
        group_id = f"q{number:03d}"
        for i in group:
            ids[i] = group_id
        row = _group_row(group_id, [records[i] for i in group], group, sentence, lowest.get(owner[group[0]]))
        outcomes = {facts[i].outcome for i in group}
        if row["kind"] == "count" and len(group) > 1 and len(outcomes) == 1 and "" not in outcomes:
            # a toll is named by what happened to those counted: "people killed", "others injured"
            outcome = outcomes.pop().replace("_", " ")
            if outcome not in row["label"].split():
                row["label"] = f"{row['label']} {outcome}"
            row["update_note"] = update_note([records[i] for i in group])
        if row["kind"] == "date" and len(group) > 1:
            shared = frozenset.intersection(*(facts[i].events for i in group))
            if shared:  # the kind of event every date of the group is the date of
                event = f"date of the {' or '.join(sorted(shared)).replace('_', ' ')}"
                # the words around one date add nothing to the event's name, unless two groups would share it
                row["label"] = event if all(r["label"] != event for r in rows) else f"{event} ({row['label']})"
        rows.append(row)
    mentions["group_id"] = pd.Series(ids, index=mentions.index, dtype=object)
    groups = pd.DataFrame(rows, columns=GROUP_COLUMNS)
    return mentions, groups.astype({"low": float, "high": float, "date_low": DATE_DTYPE, "date_high": DATE_DTYPE})


def article_days(documents: pd.DataFrame | None) -> dict[str, dt.date]:
    """The day each document is dated, from the ``documents`` table: its own dateline when the manifest dates it
    otherwise (``dateline``), else ``published``; documents with neither are left out."""
    if documents is None or documents.empty or "published" not in documents:
        return {}
    out = {}
    dateline = documents["dateline"] if "dateline" in documents else pd.Series("", index=documents.index)
    for doc, published, own in zip(documents["doc_id"], documents["published"], dateline):
        for value in (own, published):
            day = pd.to_datetime(value, errors="coerce") if isinstance(value, (str, dt.date, pd.Timestamp)) and str(value) else pd.NaT
            if day is not pd.NaT and not pd.isna(day):
                out[str(doc)] = day.date()
                break
    return out


def _group_row(group_id: str, members: list[dict], index: list[int], vectors, similarity: float | None) -> dict:
    sources = list(dict.fromkeys(m["doc_id"] for m in members))
    status, note = _status(members, index, vectors)
    finite_low = [_bounds(m)[0] for m in members if _bounds(m)[0] is not None]
    finite_high = [_bounds(m)[1] for m in members if _bounds(m)[1] is not None]
    kind = members[0]["kind"]

    low = min(finite_low) if finite_low else None
    high = max(finite_high) if finite_high else None

    def day(value):
        return None if value is None else pd.Timestamp(dt.date.fromordinal(int(value)))

    date = kind == "date"
    return {
        "group_id": group_id, "label": _label(members), "kind": kind, "unit": members[0]["unit"],
        "status": status, "n_sources": len(sources), "sources": ";".join(sources), "n_mentions": len(members),
        "low": None if date else low, "high": None if date else high,
        "date_low": day(low) if date else None, "date_high": day(high) if date else None,
        "similarity": similarity,
        "members": ";".join(f"{m['doc_id']}:{m['start']}-{m['end']}" for m in members),
        "relative_gap": relative_gap(members), "scope_note": note, "gap_points": gap_points(members), "update_note": "",
    }


#: Sources quoted in a group's ``update_note``, at most.
UPDATE_NOTE_SOURCES = 3


def update_note(members: list[dict]) -> str:
    """For a toll several sources give: the words of its sentences saying the toll changed over time, one per
    source ("“updated toll” in b; “toll has risen” in c"), so that figures counted at different hours are not read
    as a dispute; empty when no sentence says so.

    >>> update_note([{"doc_id": "a", "context": "x || 22 were killed"}, {"doc_id": "b", "context": "x || 43 killed, in an updated toll"}])
    '“updated toll” in b'
    """
    if len({m["doc_id"] for m in members}) < 2:
        return ""
    said = {}
    for m in members:
        cue = toll_update(str(m.get("context") or "").split(" || ", 1)[-1])
        if cue and m["doc_id"] not in said:
            said[m["doc_id"]] = f"“{cue}” in {m['doc_id']}"
    return "; ".join(list(said.values())[:UPDATE_NOTE_SOURCES])


def _gap(a, b) -> float:
    """The relative gap between two mentions' intervals; 0 when they overlap."""
    if overlaps(a, b) is not False:
        return 0.0
    (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    if a["kind"] == "date":
        lower_end, upper_start = (ahi, blo) if (ahi if ahi is not None else alo) < (blo if blo is not None else bhi) else (bhi, alo)
        return abs(upper_start - lower_end) / DAYS_PER_YEAR if None not in (lower_end, upper_start) else 0.0
    alo, blo = alo or 0.0, blo or 0.0
    ahi = ahi if ahi is not None else math.inf
    bhi = bhi if bhi is not None else math.inf
    lower_end, upper_start = (ahi, blo) if ahi < blo else (bhi, alo)
    scale = max(abs(lower_end), abs(upper_start))
    return (upper_start - lower_end) / scale if scale and math.isfinite(scale) else 0.0


def relative_gap(members: list[dict]) -> float:
    """The largest relative gap between two of a group's intervals (0 when all overlap).

    >>> round(relative_gap([{"kind": "percent", "low": 3.2, "high": 3.2}, {"kind": "percent", "low": 0.0, "high": 3.0}]), 4)
    0.0625
    """
    return max((_gap(a, b) for k, a in enumerate(members) for b in members[k + 1:]), default=0.0)


def _points(a, b) -> float:
    """The gap between two percentages' intervals in percentage points; 0 when they overlap."""
    if overlaps(a, b) is not False:
        return 0.0
    (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    alo, blo = alo if alo is not None else 0.0, blo if blo is not None else 0.0
    ahi = ahi if ahi is not None else math.inf
    bhi = bhi if bhi is not None else math.inf
    lower_end, upper_start = (ahi, blo) if ahi < blo else (bhi, alo)
    gap = upper_start - lower_end
    return gap if math.isfinite(gap) and gap > 0 else 0.0


def gap_points(members: list[dict]) -> float:
    """The largest gap between two of a group's percentages, in percentage points (0 when all overlap);
    NaN for a group of another kind.

    >>> gap_points([{"kind": "percent", "low": 70.0, "high": 70.0}, {"kind": "percent", "low": 85.0, "high": 85.0}])
    15.0
    >>> gap_points([{"kind": "count", "low": 70.0, "high": 70.0}])
    nan
    """
    if not members or any(m.get("kind") not in POINT_KINDS for m in members):
        return math.nan
    return max((_points(a, b) for k, a in enumerate(members) for b in members[k + 1:]), default=0.0)


def _phrase_terms(phrase) -> tuple[frozenset[str], str, tuple[str, ...]]:
    """Qualifier stems, head stem and words of a measured phrase; names (capitalised words) left out."""
    return _phrase_terms_of(phrase if isinstance(phrase, str) else "")


#: A contracted verb or negation at a word's end ("we’re", "they’ve", "don’t").
_CONTRACTION = re.compile(r"[’'](?:re|ve|ll|d|m|t)$", re.I)


@lru_cache(maxsize=8192)
def _phrase_terms_of(phrase: str) -> tuple[frozenset[str], str, tuple[str, ...]]:
    # names (capitalised) and contractions ("we’re", "they’ve": a clause, not a qualifier) are left out
    words = tuple(w for w in _PHRASE.findall(phrase) if not w[:1].isupper() and not _CONTRACTION.search(w))
    if not words:
        return frozenset(), "", ()
    modifiers = frozenset(stem(p) for w in words[:-1] for p in w.split("-") if p and p.lower() not in function_words())
    return modifiers, stem(words[-1].split("-")[-1]), words


def scope_difference(a, b) -> str:
    """The qualifier one mention's measured phrase adds to the other's, as a note; empty when none.

    >>> scope_difference({"doc_id": "x", "measured": "offshore gas fields"}, {"doc_id": "y", "measured": "gas fields"})
    "'offshore' in x ('offshore gas fields') vs y ('gas fields')"
    """
    mods_a, head_a, words_a = _phrase_terms(a.get("measured"))
    mods_b, head_b, words_b = _phrase_terms(b.get("measured"))
    if not words_a or not words_b:
        return ""
    if a.get("kind") == "count" and not (_names_count(words_a, a) and _names_count(words_b, b)):
        return ""  # a count's scope is that of its counted noun; other words near it ("death toll", "killing") are no scope
    for (mods, words, doc, phrase), (other_mods, other_head, other_doc, other_phrase) in (
            ((mods_a, words_a, a["doc_id"], a.get("measured")), (mods_b, head_b, b["doc_id"], b.get("measured"))),
            ((mods_b, words_b, b["doc_id"], b.get("measured")), (mods_a, head_a, a["doc_id"], a.get("measured")))):
        extra = mods - other_mods - {other_head}
        if extra:
            shown = " ".join(w for w in words[:-1] if any(stem(p) in extra for p in w.split("-")))
            return f"'{shown}' in {doc} ('{phrase}') vs {other_doc} ('{other_phrase}')"
    return ""


def _names_count(words: list[str], row) -> bool:
    """The measured phrase ends in the counted noun (or one of its class: "civilians" for a count of people)."""
    head = lemma(words[-1].split("-")[-1])
    return head == row.get("unit") or counted_class(head) == counted_class(row.get("unit") or "")


def plural(noun: str) -> str:
    """A counted noun's plural, for a label ("person" -> "people", "evacuee" -> "evacuees")."""
    if noun == "person":
        return "people"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun if noun.endswith("s") else noun + ("es" if noun.endswith(("sh", "ch", "x")) else "s")


def _label(members: list[dict]) -> str:
    """What the group counts, in the members' own words.

    The measured noun phrase (``measured``) whose head word most members'
    measured phrases share ("timber reserves", "reserves"), with "share of"
    before it for a percentage; else the member's ``concept`` phrase that holds
    most of the words the members share around their number; else the longest
    concept.
    """
    phrases = [m["concept"] for m in members]
    if len(members) > 1:
        measured = [str(m.get("measured") or "").strip() for m in members]
        heads = Counter(p.split()[-1].lower() for p in measured if len(p) > 2)
        head, count = heads.most_common(1)[0] if heads else ("", 0)
        if count > 1 and head not in function_words():
            named = max((p for p in measured if p and p.split()[-1].lower() == head), key=lambda p: (len(p.split()) <= 6, len(p)))
            share = members[0]["kind"] in ("percent", "percentage_points")
            return ("share of " if share else "") + named[:100]
        unit = str(members[0].get("unit") or "")
        if members[0]["kind"] == "count" and unit.replace(" ", "").isalpha():  # what is counted: "people", "evacuees"
            return plural(unit)
        counts = Counter(w for m in members for w in dict.fromkeys(
            w for w in _WORD.findall(m["context"].split(" || ")[0].lower()) if w not in function_words() | _NUMERIC_WORDS))
        shared = {w for w, n in counts.items() if n > 1}
        if shared:
            covered = [len(shared & set(_WORD.findall(phrase.lower()))) for phrase in phrases]
            best = max(range(len(phrases)), key=lambda k: (covered[k], -abs(len(phrases[k]) - 60), -k))
            if covered[best]:
                return phrases[best][:100]
    return max(phrases, key=len)[:100]


def _voice(row) -> str:
    """Who a mention's figure is credited to in its article (empty: the article's own voice)."""
    value = row.get("attributed_to")
    return value.strip().lower() if isinstance(value, str) else ""


@lru_cache(maxsize=4096)
def _named(voice: str) -> bool:
    """A source that says who it is ("the Interior Ministry", "the Observatory"), not "reports" or "a monitor"."""
    return bool(voice) and classify_source(voice) != "vague"


def _two_voices(a, b) -> bool:
    """One article credits the two figures to two different sources that say who they are ("the health ministry
    said 24", "Norland state media said 22"): it reports a divergence rather than contradicting itself. A figure
    in the article's own voice, or credited to an unnamed source, beside another is still the article's own."""
    return _named(_voice(a)) and _named(_voice(b)) and _voice(a) != _voice(b)


#: Values of one source tried as parts of its total (the subsets searched grow as 2 ** n).
MAX_PARTS = 8


def _exact(row) -> float | None:
    low, high = _bounds(row)
    bound = row.get("bound")
    return low if low is not None and low == high and (not isinstance(bound, str) or bound in ("", "eq")) else None


def _part_of_total(a: dict, b: dict, members: list[dict]) -> bool:
    """One source's figures ``a`` and ``b`` are a total and its parts, or two parts of one total: some figure of
    the source is the sum of others, ``a`` and ``b`` among the total and its parts ("seven killed": four in one
    town, three in another). Not two values of one count."""
    if a["kind"] != "count" or _exact(a) is None or _exact(b) is None:
        return False
    mine = [m for m in members if m["doc_id"] == a["doc_id"] and _exact(m) is not None][:MAX_PARTS]
    for total in mine:
        whole = _exact(total)
        others = [m for m in mine if m is not total and _exact(m) < whole]
        for n in range(2, len(others) + 1):
            for parts in combinations(others, n):
                if abs(sum(_exact(m) for m in parts) - whole) < 1e-9 and all(
                        any(x is m for m in (total, *parts)) for x in (a, b)):
                    return True
    return False


#: Longest span (days) of a date that can be one value of an event's date: a year alone ("the first meeting of
#: 2019") says when in general, so it never makes a source inconsistent.
MAX_DATED_SPAN = 31


def coarse_date(row) -> bool:
    """A date longer than :data:`MAX_DATED_SPAN` days (a year alone, "in 2015"): when in general, no date of one
    event."""
    low, high = _bounds(row)
    return row["kind"] == "date" and (low is None or high is None or high - low > MAX_DATED_SPAN)


def _dates_of_two_events(a: dict, b: dict) -> bool:
    """Two dates, counts or durations of one source are of one event only when an event word names it beside both
    ("signed on 3 May", "the signing on 5 May"; "11 killed in the shelling", "9 died in the shelling");
    otherwise they are of two things (the day of publication and of the attack; the toll of the day and
    of one of its attacks), not two values of one."""
    if a["kind"] not in ("date", "count", "duration"):
        return False
    if coarse_date(a) or coarse_date(b):
        return True
    first, second = evidence(a).events, evidence(b).events
    return not (first and second and first & second)


def floors_differ(members: list[dict]) -> bool:
    """Two sources' overlapping figures commit to floors more than :data:`FLOOR_RATIO` apart ("at least 22" and
    "at least 100"): both may be true, yet they do not agree. Vague amounts ("thousands") and dates say no floor.

    >>> floors_differ([{"doc_id": "a", "kind": "count", "low": 22.0, "high": None},
    ...                {"doc_id": "b", "kind": "count", "low": 100.0, "high": None}])
    True
    """
    floors: dict[str, list[float]] = {}
    for m in members:
        low, _ = _bounds(m)
        if m["kind"] != "date" and low is not None and low > 0 and not _vague(m):
            floors.setdefault(m["doc_id"], []).append(low)
    return any(max(a) > FLOOR_RATIO * min(b) or max(b) > FLOOR_RATIO * min(a)
               for x, a in floors.items() for y, b in floors.items() if x < y)


def _status(members: list[dict], index: list[int], vectors) -> tuple[str, str]:
    """The group's status and, for ``scope_differs``, the note naming the differing qualifier.

    Pairs are kept as positions in two integer arrays: a group of thousands of mentions has millions of pairs."""
    torn: set[int] = set()  # positions of one source's own two values that do not overlap
    apart_a, apart_b = array("l"), array("l")
    for k, a in enumerate(members):
        for m in range(k + 1, len(members)):
            b = members[m]
            if a["kind"] == "date" and coarse_date(a) != coarse_date(b):
                continue  # a year alone beside a day or a month says when in general, not another value of it
            if overlaps(a, b) is False:
                if a["doc_id"] != b["doc_id"] or _two_voices(a, b):
                    apart_a.append(k)
                    apart_b.append(m)
                elif not _part_of_total(a, b, members) and not _dates_of_two_events(a, b):
                    torn |= {k, m}
    apart = len(apart_a)
    # one source's own two values: its inconsistency, unless the sources also differ on values it is not torn on
    if torn and not any(k not in torn and m not in torn for k, m in zip(apart_a, apart_b)
                        if members[k]["doc_id"] != members[m]["doc_id"]):
        return "inconsistent_within_source", ""
    if len({m["doc_id"] for m in members}) == 1 and not apart:
        return "single_source", ""
    if not apart:
        return ("floors_differ" if floors_differ(members) else "agree"), ""
    best = min(((-_cosine(vectors[index[k]], vectors[index[m]]), note)
                for k, m in zip(apart_a, apart_b) if (note := scope_difference(members[k], members[m]))),
               key=lambda x: x[0], default=None)
    return ("scope_differs", best[1]) if best else ("diverge", "")  # the note of the most alike pair
