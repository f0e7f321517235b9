"""The registry of per-source measures: each declared once.

A :class:`Measure` says how a per-source figure is computed from the
per-sentence features (:func:`toolkit.compare.profiles.sentence_features`),
how the report names it and its direction, which chart draws it, how to pick
a sentence that shows it, and which validation figure backs it. Profiles,
contrasts, charts, report prose and notebooks all read :data:`MEASURES`;
adding a measure is one entry here.

Examples
--------
>>> MEASURES["hedges_per_1k_words"].label
'hedging (per 1,000 words)'
>>> MEASURES["hedges_per_1k_words"].direction(-0.4)
'less'
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..measures.framing import FRAMES
from ..measures.readability import flesch_reading_ease

#: Aggregations a measure can use.
AGGREGATIONS = ("ratio", "flesch")
#: Units, as shown: ``share`` is printed as a percentage.
UNITS = ("score", "share", "per 1,000 words", "words", "Flesch score")
#: Evidence selectors understood by :mod:`toolkit.present.evidence`.
EVIDENCE = ("cue", "vague", "named", "tone", "negative", "frame", "longest", "none")
#: Per-sentence features that are measurements, not counts of events: the
#: minimum-events rule of the contrasts counts sentences for them.
CONTINUOUS = frozenset({"vader", "news", "words"})

#: Events a contrast needs on each side (the source and the rest) before it may
#: be reported: with fewer, a zero is too likely by chance and a bootstrap of so
#: few events is degenerate (the rule of thumb of at least five expected counts
#: per cell of a contingency table, Cochran 1954).
MIN_EVENTS = 5

#: Smallest differences a reader would notice, in each unit (the defaults of
#: :class:`Measure`'s ``min_effect``). Tone scores run from -1 to +1: a tenth
#: of the range's half. Shares: five percentage points, i.e. one sentence in
#: twenty. Rates: two cues per 1,000 words, i.e. one more every 500 words,
#: about one per page of a news article. Words per sentence: three words, a
#: short phrase. Flesch: five points, half of one of Flesch's (1948) ten-point
#: difficulty bands.
MIN_EFFECT = {"score": 0.1, "share": 0.05, "per 1,000 words": 2.0, "words": 3.0, "Flesch score": 5.0}


@dataclass(frozen=True)
class Measure:
    """One per-source measure.

    Attributes
    ----------
    name : str
        Its key in ``profiles.csv`` and ``contrasts.csv``.
    label : str
        How the report's prose names it ("hedging (per 1,000 words)").
    short : str
        Its name in charts and legends ("Hedges").
    unit : str
        One of :data:`UNITS`.
    numerator, denominator : str
        Per-sentence feature columns summed over a source's sentences
        (``one`` counts sentences); the value is ``scale x numerator /
        denominator``. Unused for the ``flesch`` aggregation.
    scale : float
        1,000 for rates per 1,000 words, else 1.
    aggregation : str
        ``ratio`` (above) or ``flesch`` (Flesch reading ease of the summed
        words, sentences and syllables).
    more, less : str
        The words for a source above or below the rest ("more", "fewer").
    evidence : str, optional argument
        How a sentence showing the measure is chosen: ``cue`` (the first cue
        of ``evidence_arg``'s stance category in the writer's voice),
        ``vague`` (a vague or named attribution, matching the direction),
        ``named`` (an attribution to a named source),
        ``tone`` (the most negative or positive sentence by ``evidence_arg``,
        matching the direction), ``negative`` (the most negative sentence by
        ``evidence_arg``), ``frame`` (the first sentence carrying the frame
        ``evidence_arg``), ``longest`` (the longest body sentence), ``none``.
    chart : str
        The interval chart of the report that draws it (``""``: none).
    column : str
        Its column title in the report's tables (``""``: not tabled there).
    validation : str
        The ``measure`` of ``toolkit/data/validation.csv`` that backs it
        (``""``: none).
    min_effect : float
        The smallest absolute difference from the rest, in the measure's unit,
        that a contrast must show to be reported (NaN: the unit's default in
        :data:`MIN_EFFECT`).
    finding : bool
        Whether a difference on it says something about a source (False for
        a check of the method itself, such as the agreement of the two tone
        methods, or for the mirror of another measure, such as the writer's own
        voice beside the attributed share: it is tabled, never reported as a
        finding).
    min_events : int
        Events each side of a contrast must have, observed or expected at the
        other side's rate (sentences for tone and length; cues or tagged
        sentences for counts; for a share of attributions, attributions too).
    """

    name: str
    label: str
    short: str
    unit: str
    numerator: str = ""
    denominator: str = "one"
    scale: float = 1.0
    aggregation: str = "ratio"
    more: str = "more"
    less: str = "less"
    evidence: str = "none"
    evidence_arg: str = ""
    chart: str = ""
    column: str = ""
    validation: str = ""
    min_effect: float = float("nan")
    min_events: int = MIN_EVENTS
    finding: bool = True

    def __post_init__(self):
        assert self.aggregation in AGGREGATIONS and self.unit in UNITS and self.evidence in EVIDENCE, self
        if self.min_effect != self.min_effect:  # NaN: the unit's default
            object.__setattr__(self, "min_effect", MIN_EFFECT[self.unit])

    @property
    def counted(self) -> bool:
        """Whether the numerator counts events (hedges, framed sentences), so the minimum-events rule applies."""
        return self.aggregation == "ratio" and self.numerator not in CONTINUOUS

    @property
    def features(self) -> set[str]:
        """The per-sentence feature columns it reads."""
        if self.aggregation == "flesch":
            return {"words", "one", "syllables"}
        return {self.numerator, self.denominator}

    def direction(self, difference: float) -> str:
        """``more`` for a positive difference, else ``less``."""
        return self.more if difference > 0 else self.less

    def statistic(self, sums: dict[str, np.ndarray]) -> np.ndarray:
        """The measure from summed features (each an array: one value per resample)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            if self.aggregation == "flesch":
                return flesch_reading_ease(sums["words"], sums["one"], sums["syllables"])
            return self.scale * sums[self.numerator] / sums[self.denominator]


def _rate(name: str, feature: str, label: str, short: str, less: str, **kw) -> Measure:
    return Measure(name, label, short, "per 1,000 words", feature, "words", 1000.0, less=less, **kw)


_MEASURES = [
    Measure("tone_vader_mean", "sentence tone (VADER)", "VADER (lexicon)", "score", "vader",
            more="more positive", less="more negative", evidence="tone", evidence_arg="vader", chart="tone",
            validation="sentence polarity (VADER)"),
    Measure("tone_news_mean", "sentence tone (news model)", "News model (NewsMTSC)", "score", "news",
            more="more positive", less="more negative", evidence="tone", evidence_arg="news", chart="tone",
            validation="sentence polarity (news model)"),
    Measure("negative_share_news", "share of negative sentences", "Negative sentences (news model)", "share", "news_neg",
            more="a higher", less="a lower", evidence="negative", evidence_arg="news",
            validation="sentence polarity (news model)"),
    Measure("methods_agree_share", "agreement between the two tone methods", "Tone methods agree", "share", "agree",
            validation="sentence polarity: methods agree", finding=False),
    _rate("hedges_per_1k_words", "hedge", "epistemic hedging (per 1,000 words)", "Hedges", "less", evidence="cue",
          evidence_arg="hedge", chart="stance", column="epistemic hedges /1k", validation="hedge sentences"),
    _rate("boosters_per_1k_words", "booster", "boosting (per 1,000 words)", "Boosters", "less", evidence="cue",
          evidence_arg="booster", chart="stance", column="boosters /1k", validation="booster sentences"),
    _rate("attitude_per_1k_words", "attitude", "attitude markers (per 1,000 words)", "Attitude markers", "fewer",
          evidence="cue", evidence_arg="attitude"),
    _rate("attributions_per_1k_words", "attribution", "attributions (per 1,000 words)", "Attributions", "fewer",
          evidence="cue", evidence_arg="attribution", chart="stance", column="attributions /1k",
          validation="attribution sentences"),
    _rate("self_mention_per_1k_words", "self_mention", "self-mention (per 1,000 words)", "Self-mention", "less",
          evidence="cue", evidence_arg="self_mention"),
    _rate("reader_address_per_1k_words", "engagement", "reader address (per 1,000 words)", "Reader address", "less",
          evidence="cue", evidence_arg="engagement", chart="stance", column="reader address /1k"),
    Measure("hedged_sentence_share", "share of sentences with an epistemic hedge", "Hedged sentences", "share", "hedged",
            more="a higher", less="a lower", evidence="cue", evidence_arg="hedge", column="sentences with a word of doubt",
            validation="hedge sentences"),
    Measure("hedges_reported_share", "share of hedges in reported speech or belief", "Hedges in reported speech",
            "share", "hedge_reported", "hedge_all", more="a higher", less="a lower", column="hedges reported",
            validation="hedge sentences", finding=False),
    Measure("named_source_share", "share of sentences resting on a named source", "On a named source", "share",
            "named_sourced", more="a higher", less="a lower", evidence="named", column="on a named source",
            validation="attribution source type"),
    Measure("vague_source_share", "share of sentences resting only on vague sources", "On vague sources only", "share",
            "vague_sourced", more="a higher", less="a lower", evidence="vague", column="on vague sources",
            validation="attribution source type"),
    # nearly the complement of the attributed share (a sentence with no cue at all): tabled, never a second finding
    Measure("own_voice_share", "share of sentences in the writer's own voice", "Writer's own voice", "share",
            "own_voice", more="a higher", less="a lower", column="own voice", validation="attribution sentences",
            finding=False),
    Measure("attributed_sentence_share", "share of attributed sentences", "Attributed sentences", "share", "attributed",
            more="a higher", less="a lower", evidence="cue", evidence_arg="attribution",
            validation="attribution sentences"),
    # a share of attributions: one attribution more or less moves it a lot, so ten points
    Measure("vague_attribution_share", "share of vague attributions", "Vague attributions", "share", "vague",
            "attribution", more="a higher", less="a lower", evidence="vague", column="vague attributions",
            validation="attribution source type", min_effect=0.10),
    Measure("words_per_sentence", "words per sentence", "Words per sentence", "words", "words", less="fewer",
            evidence="longest", chart="readability"),
    Measure("flesch_reading_ease", "Flesch reading ease", "Flesch reading ease", "Flesch score", aggregation="flesch",
            more="easier", less="harder", evidence="longest", chart="readability"),
    *(Measure(f"frame_share_{frame}", f"sentences invoking the {label.lower()} frame", label, "share", f"frame_{frame}",
              less="fewer", evidence="frame", evidence_arg=frame, validation="frames (micro)")
      for frame, label in FRAMES.items()),
]

#: Every per-source measure, by name, in the order of ``profiles.csv``.
MEASURES: dict[str, Measure] = {m.name: m for m in _MEASURES}


def charted(chart: str) -> list[str]:
    """The names of the measures drawn in ``chart``, in registry order."""
    return [m.name for m in MEASURES.values() if m.chart == chart]


def tabled() -> dict[str, str]:
    """Measure name -> column title, for the measures the report tables."""
    return {m.name: m.column for m in MEASURES.values() if m.column}


def feature_columns() -> list[str]:
    """Every per-sentence feature column some measure reads, sorted."""
    return sorted(set().union(*(m.features for m in MEASURES.values())))
