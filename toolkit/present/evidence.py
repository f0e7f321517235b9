"""Pick the sentence that shows a per-source finding, and quote it.

The selector comes from the measure's registry entry
(:class:`toolkit.compare.registry.Measure`, ``evidence`` and
``evidence_arg``), so a new measure brings its own evidence rule.

A finding says that a source does something *more* or *less* than the
others. The evidence follows the claim:

- **more** (the source is above the rest, or is more positive or more
  negative in tone): the source's clearest instance — the body sentence with
  the most cues of the kind counted (for attributions, a named source and a
  speech verb count as clearer than an agentless "reports suggest"), the most
  negative or positive sentence, the longest sentence;
- **less**: a sentence of the source cannot show an absence, so the quote is
  the clearest instance from the source that does it most, and a plain
  statement says how often the source itself does it.

Titles and headings are never quoted: the measures count body sentences only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ..measures.attribution import unnamed_sources
from ..compare.by_source import source_documents
from ..compare.registry import MEASURES, Measure

#: Sentence kinds never quoted as evidence (the measures count body sentences only).
HEADLINE_KINDS = ("title", "heading")
#: A sentence longer than this many words is passed over as tone evidence when a
#: shorter one is there: two and a half times the usual length of a news sentence
#: (about 20 words), it is more often a run of page furniture or two sentences
#: the segmenter could not split than a sentence a reader would quote.
MAX_QUOTE_WORDS = 50
#: Attribution cues with a named source are clearer than vague ones.
NAMED_SOURCES = ("person", "organisation", "outlet")
#: Attribution forms that name the act of saying ("said", "according to").
CLEAR_ATTRIBUTIONS = ("speech_verb", "source_follows")


@dataclass(frozen=True)
class Evidence:
    """What shows one finding: a quoted sentence and/or a plain statement.

    Attributes
    ----------
    claimed : str
        The source the finding is about.
    direction : {"more", "less"}
        ``more``: the quote is the claimed source's own instance; ``less``:
        the quote comes from ``quoted_source``, which does it more.
    quoted_source : str
        The source the quoted sentence belongs to ("" without a quote).
    doc_id, sentence_id, mark
        The quoted sentence and the span to set in bold (document offsets):
        one ``(start, end)`` pair, or a tuple of such pairs (every cue of a frame).
    statement : str
        A plain sentence on how often the claimed source does it ("" if none).
    """

    claimed: str
    direction: str
    quoted_source: str = ""
    doc_id: str = ""
    sentence_id: int = -1
    mark: tuple | None = None
    statement: str = ""

    def blocks(self, corpus) -> list[tuple]:
        """The report blocks: the statement as a paragraph, then the quote."""
        out = [("p", self.statement)] if self.statement else []
        if self.doc_id:
            out.append(quote(corpus, self.doc_id, self.sentence_id, self.mark))
        return out


def quote(corpus, doc_id: str, sentence_id: int, mark: tuple | None = None) -> tuple:
    """A ``quote`` block of one sentence, with ``mark`` (document offsets: one ``(start, end)`` pair or a
    tuple of pairs) in bold and its place as the caption."""
    sentence = corpus.document(doc_id).sentences[int(sentence_id)]
    text = sentence.text
    spans = list(mark) if mark is not None and len(mark) and isinstance(mark[0], tuple) else [mark] if mark else []
    merged: list[list[int]] = []
    for a, b in sorted((int(a), int(b)) for a, b in spans):
        if merged and not corpus.document(doc_id).text[merged[-1][1]:a].strip():  # "**industrial growth**", not two
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    for a, b in reversed(merged):
        a, b = a - sentence.start, b - sentence.start
        text = text[:a] + "**" + text[a:b] + "**" + text[b:]
    return ("quote", text, f"`{doc_id}`, sentence {sentence_id}, characters {sentence.start}–{sentence.end}")


def _body(tables: dict, frame: pd.DataFrame) -> pd.DataFrame:
    """Rows of ``frame`` whose sentence is not a title or heading."""
    sentences = tables["sentences"]
    headline = sentences[sentences["kind"].isin(HEADLINE_KINDS)]
    keys = set(zip(headline["doc_id"], headline["sentence_id"]))
    if not keys or frame.empty:
        return frame
    return frame[[k not in keys for k in zip(frame["doc_id"], frame["sentence_id"])]]


def _difference(tables: dict, source: str, measure: str) -> float | None:
    contrast = tables["contrasts"]
    row = contrast[(contrast["source"] == source) & (contrast["measure"] == measure)]
    return float(row.iloc[0]["difference"]) if len(row) else None


def _clearest_cue(tables: dict, documents: list[str], spec: Measure) -> tuple | None:
    """(doc_id, sentence_id, (start, end)) of the body sentence with the clearest cues, or None."""
    cues = tables["stance"]
    mine = cues[cues["doc_id"].isin(documents) & ~cues["reported"].astype(bool)]
    if spec.evidence == "vague":
        attributions = mine[mine["category"] == "attribution"]
        unnamed = unnamed_sources(attributions)
        named = set(zip(*attributions.loc[~unnamed, ["doc_id", "sentence_id"]].T.values))
        mine = attributions[unnamed]
        # A sentence that also names a source does not show vague sourcing, when another one can.
        only = mine[[key not in named for key in zip(mine["doc_id"], mine["sentence_id"])]]
        mine = only if len(only) else mine
    elif spec.evidence == "named":
        mine = mine[mine["category"] == "attribution"]
        mine = mine[~unnamed_sources(mine)]
    else:
        mine = mine[mine["category"] == spec.evidence_arg]
    mine = _body(tables, mine)
    if mine.empty:
        return None
    clarity = 1.0 + mine["surface"].str.contains(r"[^\W\d_]", regex=True).astype(float)
    if spec.evidence_arg == "attribution" and spec.evidence != "vague":
        clarity += mine["source_type"].isin(NAMED_SOURCES).astype(float) + mine["subcategory"].isin(CLEAR_ATTRIBUTIONS).astype(float)
    elif spec.evidence == "vague":
        # The plainest vague attribution is a vague speaker with a verb of saying ("analysts say"):
        # clearer than "according to" a list of sources, or an agentless "reportedly".
        clarity += (mine["subcategory"] == "speech_verb").astype(float) + mine["source"].fillna("").ne("").astype(float)
    scored = mine.assign(clarity=clarity, order=range(len(mine)))
    per_sentence = scored.groupby(["doc_id", "sentence_id"], sort=False).agg(
        best=("clarity", "max"), total=("clarity", "sum"), order=("order", "min")).reset_index()
    top = per_sentence.sort_values(["best", "total", "order"], ascending=[False, False, True]).iloc[0]
    cue = scored[(scored["doc_id"] == top["doc_id"]) & (scored["sentence_id"] == top["sentence_id"])]
    cue = cue.sort_values(["clarity", "order"], ascending=[False, True]).iloc[0]
    return cue["doc_id"], int(cue["sentence_id"]), (int(cue["start"]), int(cue["end"]))


#: Words from which a sentence counts as full when evidence of a frame is chosen (a short fragment shows less).
FULL_SENTENCE_WORDS = 12


def _clearest_frame(tables: dict, documents: list[str], frame: str) -> tuple | None:
    """The body sentence where the frame leads most clearly: its cues ahead of the other frames' cues in the
    sentence, then the most cues of the frame, then a full sentence before a short one (up to
    :data:`FULL_SENTENCE_WORDS` words), then the first."""
    tagged = tables["frames"]
    mine = tagged[tagged["doc_id"].isin(documents)]
    hit = _body(tables, mine[mine["frame"] == frame])
    if hit.empty:
        return None
    keys = list(zip(hit["doc_id"], hit["sentence_id"]))
    cues = mine.groupby(["doc_id", "sentence_id"])["n_cues"].sum()
    sentences = tables.get("sentences")
    words = (sentences.set_index(["doc_id", "sentence_id"])["text"].astype(str).str.split().str.len()
             if sentences is not None and "text" in sentences else pd.Series(dtype=float))
    hit = hit.assign(order=range(len(hit)),
                     lead=[2 * n - cues.get(k, n) for n, k in zip(hit["n_cues"], keys)],  # own cues less the others'
                     full=[min(int(words.get(k, 0)), FULL_SENTENCE_WORDS) for k in keys])
    row = hit.sort_values(["lead", "n_cues", "full", "order"], ascending=[False, False, False, True]).iloc[0]
    spans = tuple(tuple(map(int, span.split("-"))) for span in row["spans"].split(";"))
    return row["doc_id"], int(row["sentence_id"]), spans


def _extreme_tone(tables: dict, documents: list[str], column: str, lowest: bool) -> tuple | None:
    """The body sentence scored most negative (or positive) by ``column`` among those on that side of zero,
    ranked by the mean of both tone methods, so that one method's slip is not quoted."""
    tone = _body(tables, tables["sentiment"][tables["sentiment"]["doc_id"].isin(documents)])
    tone = tone[tone[column] < 0] if lowest else tone[tone[column] > 0]
    if tone.empty:
        return None
    words = tables["sentences"].set_index(["doc_id", "sentence_id"])["words"]
    length = pd.Series([words.get(k, 0) for k in zip(tone["doc_id"], tone["sentence_id"])], index=tone.index)
    if (length <= MAX_QUOTE_WORDS).any():
        tone = tone[length <= MAX_QUOTE_WORDS]
    both = tone[["vader", "news"]].mean(axis=1) if {"vader", "news"} <= set(tone.columns) else tone[column]
    pick = both.idxmin() if lowest else both.idxmax()
    return tone.loc[pick, "doc_id"], int(tone.loc[pick, "sentence_id"]), None


def _longest(tables: dict, documents: list[str]) -> tuple | None:
    sentences = tables["sentences"]
    body = sentences[sentences["doc_id"].isin(documents) & ~sentences["kind"].isin(HEADLINE_KINDS)]
    if body.empty:
        return None
    pick = body["words"].idxmax()
    return body.loc[pick, "doc_id"], int(body.loc[pick, "sentence_id"]), None


def _instance(tables: dict, documents: list[str], spec: Measure, lowest: bool = False) -> tuple | None:
    """The clearest instance of what ``spec`` counts among ``documents``."""
    if spec.evidence in ("cue", "vague", "named"):
        return _clearest_cue(tables, documents, spec)
    if spec.evidence == "frame":
        return _clearest_frame(tables, documents, spec.evidence_arg)
    if spec.evidence in ("tone", "negative"):
        return _extreme_tone(tables, documents, spec.evidence_arg, lowest or spec.evidence == "negative")
    if spec.evidence == "longest":
        return _longest(tables, documents)
    return None


def direction(measure, value: float, difference: float) -> str:
    """The registry's word for the direction, except that a positive score that is lower than the rest's is
    "less positive" (not "more negative"), and a negative one that is higher "less negative"."""
    if measure.unit == "score" and difference < 0 <= value:
        return "less positive"
    if measure.unit == "score" and difference > 0 >= value:
        return "less negative"
    return measure.direction(difference)


_QUOTE_MARK = re.compile(r'[“”„‟"]')


def figure_text(surface) -> str:
    """A figure as written, less a quotation mark inside it ("we're asking for $5.6” billion"): the mark is the
    quotation's, not the figure's."""
    return _QUOTE_MARK.sub("", str(surface))


def format_value(spec: Measure, value: float) -> str:
    """A measure's value in the units and rounding of the report's tables."""
    if pd.isna(value):
        return "–"
    if spec.unit == "share":
        return f"{value:.0%}"
    if spec.unit == "score":
        return f"{value:+.2f}"
    return f"{value:.1f}"


def format_difference(spec: Measure, difference: float, unit: bool = True) -> str:
    """A difference in the same units (percentage points for shares, named when ``unit``)."""
    if pd.isna(difference):
        return "–"
    if spec.unit == "share":
        return f"{100 * difference:+.0f}" + (" percentage points" if unit else "")
    if spec.unit == "score":
        return f"{difference:+.2f}"
    return f"{difference:+.1f}"


def how_often(tables: dict, source: str, measure: str) -> str:
    """A plain statement of how often ``source`` does what ``measure`` counts, against the others."""
    spec = MEASURES[measure]
    contrast = tables["contrasts"]
    row = contrast[(contrast["source"] == source) & (contrast["measure"] == measure)]
    if row.empty:
        return ""
    row = row.iloc[0]
    value, rest = format_value(spec, row["value"]), format_value(spec, row["rest"])
    if spec.counted and "events" in row:
        events = int(round(row["events"]))
        if spec.denominator == "one":
            what = f"{events} of its {int(row['n'])} body sentences ({value})"
        elif spec.denominator == "words":
            what = f"{events} times in its body sentences ({value} per 1,000 words)"
        else:
            cues = _body(tables, tables["stance"])
            documents = tables["sources"]["doc_id"][tables["sources"]["source"] == source] if "sources" in tables else [source]
            total = int(((cues["category"] == spec.denominator) & ~cues["reported"].astype(bool)
                         & cues["doc_id"].isin(list(documents))).sum())
            what = f"{events} of its {total} {spec.denominator} cues ({value})"
        return f"How often `{source}` does it ({spec.label.replace(' (per 1,000 words)', '')}): {what}; the other sources together: {rest}."
    return f"`{source}`: {value}; the other sources together: {rest} ({spec.label})."


def evidence(corpus, tables: dict, source: str, measure: str) -> Evidence | None:
    """The evidence of the finding on ``measure`` for ``source`` (its direction read from ``contrasts``), or None."""
    spec = MEASURES.get(measure)
    if spec is None or spec.evidence == "none":
        return None
    groups = source_documents(corpus, tables)
    documents = groups.get(source, [source])
    difference = _difference(tables, source, measure)
    below = difference is not None and difference < 0
    if spec.evidence == "tone":
        row = tables["contrasts"][(tables["contrasts"]["source"] == source) & (tables["contrasts"]["measure"] == measure)]
        value = float(row.iloc[0]["value"]) if len(row) else 0.0
        toward_zero = (below and value >= 0) or (not below and value <= 0)  # "less positive", "less negative"
        if not toward_zero:  # more positive or more negative: something the source does
            found = _instance(tables, documents, spec, lowest=below)
            return Evidence(source, "more", source, *found) if found else None
        # less positive (or negative) than the others: the most positive (negative) other source's clearest sentence
        statement = how_often(tables, source, measure)
        profiles = tables["profiles"]
        others = profiles[(profiles["measure"] == measure) & (profiles["source"] != source)].dropna(subset=["value"])
        for other in others.sort_values(["value", "source"], ascending=[not below, True])["source"]:
            found = _instance(tables, groups.get(other, [other]), spec, lowest=not below)
            if found:
                return Evidence(source, "less", other, *found, statement=f"{statement} For contrast, `{other}` is the "
                                f"most {'positive' if below else 'negative'}; its clearest instance:")
        return Evidence(source, "less", statement=statement)
    if spec.aggregation == "flesch":  # more Flesch ease is easier text: the longest sentence shows harder text
        below = not below
    if not below:
        found = _instance(tables, documents, spec)
        return Evidence(source, "more", source, *found) if found else None
    statement = how_often(tables, source, measure)
    if spec.evidence == "longest":  # shorter sentences or easier text: the figures say it, no quote shows it
        return Evidence(source, "less", statement=statement)
    profiles = tables["profiles"]
    others = profiles[(profiles["measure"] == measure) & (profiles["source"] != source)].dropna(subset=["value"])
    most = "does it most"
    contrasts = tables.get("contrasts")
    if contrasts is not None and "events" in contrasts:
        # "does it most" from one vague attribution in all is no contrast: the source must do it min_events times
        events = contrasts[contrasts["measure"] == measure].set_index("source")["events"]
        often = others["source"].map(lambda o: events.get(o, 0) >= spec.min_events)
        if often.any() and not often.all():
            leader = others.sort_values(["value", "source"], ascending=[False, True])["source"].iloc[0]
            others = others[often]
            if leader not in set(others["source"]):  # the one that does it most does it too seldom to show it
                most = f"does it most among the sources that do it at least {spec.min_events} times"
    for other in others.sort_values(["value", "source"], ascending=[False, True])["source"]:
        found = _instance(tables, groups.get(other, [other]), spec)
        if found:
            return Evidence(source, "less", other, *found,
                            statement=f"{statement} For contrast, `{other}` {most}; its clearest instance:")
    return Evidence(source, "less", statement=statement)


def evidence_for(corpus, tables: dict, source: str, measure: str) -> tuple | None:
    """A ``quote`` block: the clearest sentence of ``source`` showing what ``measure`` counts, or None.

    Always the source's own sentence (as for a "more" finding); see
    :func:`evidence` for a finding's evidence in either direction.
    """
    spec = MEASURES.get(measure)
    if spec is None or spec.evidence == "none" or "sentences" not in tables:
        return None
    documents = source_documents(corpus, tables).get(source, [source])
    below = (_difference(tables, source, measure) or 0) < 0
    if spec.evidence == "vague" and below:  # a source with fewer vague attributions: one of its named ones
        spec = Measure(spec.name, spec.label, spec.short, spec.unit, evidence="cue", evidence_arg="attribution")
    found = _instance(tables, documents, spec, lowest=below)
    return quote(corpus, found[0], found[1], found[2]) if found else None


__all__ = ["Evidence", "direction", "evidence", "evidence_for", "format_difference", "format_value", "how_often", "quote"]
