"""Per-source profiles with bootstrap uncertainty, and contrasts with the rest.

Five articles are a small sample, so every per-source figure comes with a 95%
percentile bootstrap interval over its sentences (Efron & Tibshirani 1993),
drawn with a fixed seed so that the same input gives the same intervals. A
source is contrasted with all the other sources pooled; the contrast is marked
``separated`` when the bootstrap interval of the difference excludes zero.

One report makes many contrasts (sources x measures), so some would pass by
chance alone. Each contrast therefore gets a bootstrap p-value: the two-sided
normal p of the observed difference over the standard deviation of its
bootstrap replicates (the bootstrap standard error, Efron & Tibshirani 1993,
ch. 6 and 16), which, unlike counting replicates beyond zero, is not limited
to multiples of 1/resamples. The p-values of all contrasts are adjusted
together by the Benjamini-Hochberg procedure (1995) into q-values, and a
contrast ``survives`` only when its q-value is at most :data:`FDR` (so that at
most 5% of the surviving contrasts are expected to be false discoveries), its
interval excludes zero, its difference is at least the measure's
``min_effect`` and each side has at least the measure's ``min_events`` events
(:class:`toolkit.compare.registry.Measure`). A source has "less" of a counted
measure only when at least two of the other sources show some: where one other
source alone does it, the difference is that source's. The report names only
contrasts that survive.

Rates are ratios of sums over resampled sentences (e.g. hedges per 1,000
words = 1000 x hedges / words over the resample), so long and short sentences
weigh as they should.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from textstat.backend.selections import list_words

from ..measures.attribution import unnamed_sources
from ..measures.framing import FRAMES, is_body_text
from ..measures.readability import syllables
from ..text.segment import WORD_RE
from .registry import MEASURES, MIN_EVENTS, Measure, feature_columns  # noqa: F401 (MIN_EVENTS re-exported)

#: Bootstrap resamples (2,000 gives stable 95% percentile intervals).
RESAMPLES = 2000
#: Seed of the bootstrap's random generator.
SEED = 20250908
#: Coverage of the intervals.
LEVEL = 0.95

#: False discovery rate controlled across all the contrasts of one report
#: (Benjamini & Hochberg 1995; 5%, the level of the intervals).
FDR = 0.05

PROFILE_COLUMNS = ["source", "measure", "value", "ci_low", "ci_high", "n"]
CONTRAST_COLUMNS = ["source", "measure", "value", "rest", "difference", "ci_low", "ci_high", "separated", "n",
                    "events", "rest_events", "p_value", "q_value", "survives"]

def sentence_features(tables: dict[str, pd.DataFrame], group_by: str = "doc_id", corpus=None) -> pd.DataFrame:
    """One row per sentence with the counts every profile measure needs.

    ``source`` is the document id, or the outlet when ``group_by="outlet"``
    (documents without an outlet keep their id).
    """
    sentences = tables["sentences"][["doc_id", "sentence_id", "kind", "text"]].copy()
    # body sentences, as for frame shares: no titles, headings, labels ("Execution risk") or lead-ins ending in ":"
    body = sentences[np.array([is_body_text(k, t) for k, t in zip(sentences["kind"], sentences["text"].astype(str))],
                              dtype=bool)].copy()
    body["one"] = 1.0
    body["words"] = body["text"].map(lambda t: float(len(WORD_RE.findall(t))))
    body["syllables"] = body["text"].map(lambda t: float(sum(syllables(w) for w in list_words(t))))  # as textstat.syllable_count
    tone = tables["sentiment"][["doc_id", "sentence_id", "vader", "news", "news_label", "agree"]]
    body = body.merge(tone, on=["doc_id", "sentence_id"], how="left")
    body["news_neg"] = (body["news_label"] == "neg").astype(float)
    body["agree"] = body["agree"].astype(float)
    cues = tables["stance"]
    # a hedge counts when it marks epistemic uncertainty: approximators,
    # conditions, open questions, frequency words and hypothetical "would" are
    # kept in stance.csv with their subcategory but not counted here
    epistemic = cues["epistemic"].astype(bool) if "epistemic" in cues else cues["category"] == "hedge"
    cues = cues.assign(category=cues["category"].where((cues["category"] != "hedge") | epistemic, "hedge_other"))
    own = cues[~cues["reported"].astype(bool)]
    keys = pd.MultiIndex.from_arrays([body["doc_id"], body["sentence_id"]])

    def per_sentence(rows: pd.DataFrame) -> np.ndarray:
        return rows.groupby(["doc_id", "sentence_id"]).size().reindex(keys).fillna(0).astype(float).to_numpy()

    counts = own.groupby(["doc_id", "sentence_id", "category"]).size().unstack("category")
    for category in ("hedge", "booster", "attitude", "attribution", "self_mention", "engagement"):
        column = counts[category] if category in counts else pd.Series(dtype=float)
        body[category] = column.reindex(keys).fillna(0).astype(float).to_numpy()
    own_attributions = own[own["category"] == "attribution"]
    body["vague"] = per_sentence(own_attributions[unnamed_sources(own_attributions)])
    body["hedged"] = (body["hedge"] > 0).astype(float)
    body["attributed"] = (body["attribution"] > 0).astype(float)
    hedges = cues[cues["category"] == "hedge"]
    body["hedge_all"] = per_sentence(hedges)
    body["hedge_reported"] = per_sentence(hedges[hedges["reported"].astype(bool)])
    attributions = cues[cues["category"] == "attribution"]
    named = per_sentence(attributions[~unnamed_sources(attributions)]) > 0
    any_source = per_sentence(attributions) > 0
    body["named_sourced"] = named.astype(float)
    body["vague_sourced"] = (any_source & ~named).astype(float)
    body["own_voice"] = (~any_source).astype(float)
    framed = tables["frames"]
    for frame in FRAMES:
        tagged = framed[framed["frame"] == frame]
        body[f"frame_{frame}"] = keys.isin(pd.MultiIndex.from_arrays([tagged["doc_id"], tagged["sentence_id"]])).astype(float)
    body["source"] = body["doc_id"].map(source_of(tables["documents"], group_by))
    return body.reset_index(drop=True)


def source_of(documents: pd.DataFrame, group_by: str = "doc_id") -> dict[str, str]:
    """The source each document counts for: itself, or its outlet when ``group_by="outlet"`` (if it has one)."""
    if group_by == "outlet":
        return {d: (o if isinstance(o, str) and o else d) for d, o in zip(documents["doc_id"], documents["outlet"])}
    if group_by != "doc_id":
        raise ValueError(f"group_by must be 'doc_id' or 'outlet', not {group_by!r}")
    return dict(zip(documents["doc_id"], documents["doc_id"]))


def events(measure: Measure, sums: dict) -> float:
    """The events behind a measure on one side: its counted numerator (cues,
    tagged sentences), or its sentences for a measurement (tone, length)."""
    return float(sums[measure.numerator][0]) if measure.counted else float(sums["one"][0])


def _enough_events(measure: Measure, mine: dict, rest: dict) -> bool:
    """Whether each side has at least ``measure.min_events`` events, observed or
    expected at the other side's rate (a source with no hedges where the rest's
    rate predicts twenty is evidence; where it predicts one, it is not)."""
    if not measure.counted:
        return min(events(measure, mine), events(measure, rest)) >= measure.min_events
    numerator, denominator = measure.numerator, measure.denominator
    if denominator not in ("one", "words"):  # a share of events (vague among attributions): enough of those too
        if min(float(mine[denominator][0]), float(rest[denominator][0])) < measure.min_events:
            return False

    def expected(side: dict, other: dict) -> float:
        rate = float(other[numerator][0]) / float(other[denominator][0]) if float(other[denominator][0]) else 0.0
        return max(float(side[numerator][0]), rate * float(side[denominator][0]))

    return min(expected(mine, rest), expected(rest, mine)) >= measure.min_events


def bootstrap_p(observed: float, replicates: np.ndarray) -> float:
    """Two-sided p-value of a difference from its bootstrap replicates.

    The normal p of ``observed`` over the replicates' standard deviation (the
    bootstrap standard error); 1 when the replicates do not vary and the
    difference is zero, 0 when they do not vary and it is not.
    """
    if not np.isfinite(observed) or len(replicates) < 2:
        return 1.0
    se = float(np.std(replicates, ddof=1))
    if se == 0:
        return 1.0 if observed == 0 else 0.0
    return float(math.erfc(abs(observed) / se / math.sqrt(2)))


def benjamini_hochberg(p_values: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg q-values (adjusted p-values) of ``p_values``.

    A contrast with ``q <= FDR`` is a discovery at false discovery rate
    ``FDR``.

    Examples
    --------
    >>> benjamini_hochberg(np.array([0.01, 0.04, 0.03, 0.5])).round(3).tolist()
    [0.04, 0.053, 0.053, 0.5]
    """
    p = np.asarray(p_values, dtype=float)
    n = len(p)
    if n == 0:
        return p
    order = np.argsort(p, kind="stable")
    ranked = p[order] * n / np.arange(1, n + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    q = np.empty(n)
    q[order] = np.minimum(ranked, 1.0)
    return q


#: Resamples drawn at once; memory grows with this times the sentences.
CHUNK = 50


def _resampled_sums(values: np.ndarray, rng: np.random.Generator, resamples: int) -> np.ndarray:
    """Column sums of ``resamples`` bootstrap resamples: shape (resamples, columns).

    Resamples are drawn in chunks and turned into counts per sentence, so
    memory stays at ``CHUNK`` x sentences whatever the corpus size.
    """
    n = len(values)
    out = np.empty((resamples, values.shape[1]))
    for first in range(0, resamples, CHUNK):
        size = min(CHUNK, resamples - first)
        index = rng.integers(0, n, size=(size, n))
        offsets = (np.arange(size) * n)[:, None]
        counts = np.bincount((index + offsets).ravel(), minlength=size * n).reshape(size, n)
        out[first:first + size] = counts @ values
    return out


def profiles(features: pd.DataFrame, resamples: int = RESAMPLES, seed: int = SEED) -> pd.DataFrame:
    """Every per-source measure with its bootstrap interval.

    Returns
    -------
    DataFrame
        ``source, measure, value, ci_low, ci_high, n`` (``n``: sentences).
        ``value`` is computed on all of the source's sentences; the interval
        is the central 95% of the resampled values. NaN where a measure is
        undefined (a vague share without attributions).
    """
    columns = feature_columns()
    rng = np.random.default_rng(seed)
    rows = []
    for source, group in features.groupby("source", sort=False):
        values = group[columns].to_numpy(dtype=float)
        full = dict(zip(columns, values.sum(axis=0)))
        boot = _resampled_sums(values, rng, resamples)
        boot_sums = {c: boot[:, i] for i, c in enumerate(columns)}
        for name, measure in MEASURES.items():
            value = float(measure.statistic({c: np.array([v]) for c, v in full.items()})[0])
            draws = measure.statistic(boot_sums)
            draws = draws[np.isfinite(draws)]
            low, high = (np.quantile(draws, [(1 - LEVEL) / 2, (1 + LEVEL) / 2]) if len(draws) else (np.nan, np.nan))
            rows.append((source, name, value, float(low), float(high), len(group)))
    return pd.DataFrame(rows, columns=PROFILE_COLUMNS)


#: Other sources that must show a counted measure's events for a source to be said to have less of it.
MIN_OTHERS_WITH_EVENTS = 2


def contrasts(features: pd.DataFrame, resamples: int = RESAMPLES, seed: int = SEED) -> pd.DataFrame:
    """Each source against all the others pooled, with a bootstrap interval of the difference.

    Returns
    -------
    DataFrame
        ``source, measure, value, rest, difference`` (value - rest),
        ``ci_low, ci_high`` (95% interval of the difference; the source and
        the rest resampled independently, the rest source by source, so that
        each source keeps its number of sentences in every replicate), ``separated`` (the interval excludes 0,
        each side has the measure's ``min_events``, and for a source with less of a counted measure, at least
        :data:`MIN_OTHERS_WITH_EVENTS` other sources have some), ``n`` (the source's
        sentences), ``events`` and ``rest_events`` (counted events, or
        sentences for tone and length, on each side), ``p_value`` (bootstrap,
        see :func:`bootstrap_p`), ``q_value`` (Benjamini-Hochberg over every
        row of the table) and ``survives``: separated, ``q_value <= FDR`` and
        ``|difference| >= min_effect``. Only surviving contrasts are reported
        as findings.
    """
    columns = feature_columns()
    rows = []
    sources = list(dict.fromkeys(features["source"]))
    if len(sources) < 2:
        return pd.DataFrame(columns=CONTRAST_COLUMNS)
    # each source's sentences are resampled with a generator of its own (seeded by the source's place), and the
    # rest's replicate is the sum of the other sources' replicates (a bootstrap stratified by source): the cost
    # grows with the sentences, not with sources x sentences, and the replicates are drawn again rather than held
    values = {s: group[columns].to_numpy(dtype=float) for s, group in features.groupby("source", sort=False)}

    def draws(i: int, source: str) -> np.ndarray:
        return _resampled_sums(values[source], np.random.default_rng([seed + 1, i]), resamples)

    boot_total = np.zeros((resamples, len(columns)))
    for i, source in enumerate(sources):
        boot_total += draws(i, source)
    full_total = sum(v.sum(axis=0) for v in values.values())
    sums = {s: {c: np.array([v]) for c, v in zip(columns, values[s].sum(axis=0))} for s in sources}
    for i, source in enumerate(sources):
        mine = values[source]
        boot_mine = draws(i, source)
        boot_rest = boot_total - boot_mine
        full_mine = {c: np.array([v]) for c, v in zip(columns, mine.sum(axis=0))}
        full_rest = {c: np.array([v]) for c, v in zip(columns, full_total - mine.sum(axis=0))}
        for name, measure in MEASURES.items():
            value = float(measure.statistic(full_mine)[0])
            other = float(measure.statistic(full_rest)[0])
            diff = measure.statistic({c: boot_mine[:, i] for i, c in enumerate(columns)}) - \
                measure.statistic({c: boot_rest[:, i] for i, c in enumerate(columns)})
            diff = diff[np.isfinite(diff)]
            if len(diff):
                low, high = np.quantile(diff, [(1 - LEVEL) / 2, (1 + LEVEL) / 2])
                separated = bool(low > 0 or high < 0) and _enough_events(measure, full_mine, full_rest)
                if separated and value < other and measure.counted:
                    # "less X than the others" needs X in at least two of them: when one other source alone does
                    # X, the finding is that source's, not a trait of this one
                    separated = sum(events(measure, sums[s]) > 0 for s in sources if s != source) >= MIN_OTHERS_WITH_EVENTS
            else:
                low = high = np.nan
                separated = False
            rows.append((source, name, value, other, value - other, float(low), float(high), separated, len(mine),
                         events(measure, full_mine), events(measure, full_rest), bootstrap_p(value - other, diff), np.nan,
                         False))
    table = pd.DataFrame(rows, columns=CONTRAST_COLUMNS)
    table["q_value"] = benjamini_hochberg(table["p_value"].to_numpy())
    min_effect = table["measure"].map(lambda m: MEASURES[m].min_effect)
    table["survives"] = table["separated"] & (table["q_value"] <= FDR) & (table["difference"].abs() >= min_effect - 1e-12)
    return table
