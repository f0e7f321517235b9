"""Pick the sentence that shows a per-source measure, and quote it.

The selector comes from the measure's registry entry
(:class:`toolkit.compare.registry.Measure`, ``evidence`` and
``evidence_arg``), so a new measure brings its own evidence rule.
"""

from __future__ import annotations

import pandas as pd

from ..compare.by_source import source_documents
from ..compare.registry import MEASURES
from ..corpus.documents import Corpus

#: Sentence kinds that are headlines rather than the text's own sentences.
HEADLINE_KINDS = ("title", "heading")


def quote(corpus: Corpus, doc_id: str, sentence_id: int, mark: tuple[int, int] | None = None) -> tuple:
    """A ``quote`` block of one sentence, with ``mark`` (document offsets) in bold and its place as the caption."""
    sentence = corpus.document(doc_id).sentences[int(sentence_id)]
    text = sentence.text
    if mark:
        a, b = mark[0] - sentence.start, mark[1] - sentence.start
        text = text[:a] + "**" + text[a:b] + "**" + text[b:]
    return ("quote", text, f"`{doc_id}`, sentence {sentence_id}, characters {sentence.start}–{sentence.end}")


def _first(corpus: Corpus, frame: pd.DataFrame) -> tuple | None:
    if frame.empty:
        return None
    row = frame.iloc[0]
    return quote(corpus, row["doc_id"], row["sentence_id"], (row["start"], row["end"]))


def _difference(tables: dict, source: str, measure: str) -> float | None:
    contrast = tables["contrasts"]
    row = contrast[(contrast["source"] == source) & (contrast["measure"] == measure)]
    return float(row.iloc[0]["difference"]) if len(row) else None


def evidence_for(corpus: Corpus, tables: dict, source: str, measure: str) -> tuple | None:
    """A ``quote`` block: a sentence of ``source`` that shows what ``measure`` counts, or None."""
    spec = MEASURES.get(measure)
    if spec is None or spec.evidence == "none":
        return None
    documents = source_documents(corpus, tables).get(source, [source])
    cues = tables["stance"]
    mine = cues[cues["doc_id"].isin(documents) & ~cues["reported"].astype(bool)]
    if spec.evidence == "cue":
        return _first(corpus, mine[mine["category"] == spec.evidence_arg])
    if spec.evidence == "named":
        attributions = cues[cues["doc_id"].isin(documents) & (cues["category"] == "attribution")]
        return _first(corpus, attributions[attributions["source_type"] != "vague"])
    if spec.evidence == "vague":
        attributions = mine[mine["category"] == "attribution"]
        more_vague = (_difference(tables, source, measure) or 0) > 0
        return _first(corpus, attributions[(attributions["source_type"] == "vague") == more_vague])
    if spec.evidence in ("tone", "negative"):
        tone = tables["sentiment"][tables["sentiment"]["doc_id"].isin(documents)]
        if not len(tone):
            return None
        column = spec.evidence_arg
        difference = _difference(tables, source, measure)
        lowest = spec.evidence == "negative" or (difference is not None and difference < 0)
        pick = tone[column].idxmin() if lowest else tone[column].idxmax()
        return quote(corpus, tone.loc[pick, "doc_id"], tone.loc[pick, "sentence_id"])
    if spec.evidence == "frame":
        tagged = tables["frames"]
        hit = tagged[tagged["doc_id"].isin(documents) & (tagged["frame"] == spec.evidence_arg)]
        body = tables["sentences"][~tables["sentences"]["kind"].isin(HEADLINE_KINDS)][["doc_id", "sentence_id"]]
        hit = hit.merge(body, on=["doc_id", "sentence_id"])  # a title or heading is no evidence of the text's framing
        if not len(hit):
            return None
        best = hit.loc[hit["n_cues"].idxmax()]  # the clearest instance: most cues of the frame, the first on ties
        start, end = map(int, best["spans"].split(";")[0].split("-"))
        return quote(corpus, best["doc_id"], best["sentence_id"], (start, end))
    if spec.evidence == "longest":
        sentences = tables["sentences"]
        body = sentences[sentences["doc_id"].isin(documents) & ~sentences["kind"].isin(HEADLINE_KINDS)]
        if len(body):
            pick = body["words"].idxmax()
            return quote(corpus, body.loc[pick, "doc_id"], body.loc[pick, "sentence_id"])
    return None
