"""Stance and epistemic markers, after Hyland's model of metadiscourse.

Categories: ``hedge``, ``booster``, ``attitude``, ``self_mention``,
``engagement`` (reader pronouns, directives, questions) and ``attribution``
(see :mod:`toolkit.measures.attribution`). The cue words are in
``lexicons/stance.csv``; each row names the rule that guards it against false
friends (``May`` the month, "military might", "talk about", modals inside
reported speech, "a photo showed").

Hyland, K. (2005). *Metadiscourse: Exploring Interaction in Writing*. Continuum.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from .attribution import find_attributions
from ..corpus.config import CorpusConfig
from ..corpus.documents import Corpus
from ..lexicons import read_rows
from ..text.phrases import PhraseMatch, PhraseMatcher
from ..text.quotes import inside, quoted_spans

CATEGORIES = ("hedge", "booster", "attitude", "self_mention", "engagement", "attribution")
STANCE_COLUMNS = ["doc_id", "sentence_id", "start", "end", "surface", "category", "subcategory",
                  "reported", "source", "source_type", "rule"]

_NUMBER_AFTER = re.compile(r"\s*(?:[$£€¥~]|US\$|Rs\.?\s|[0-9]|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a thousand|half|a half|a third|a quarter|a dozen|dozens|hundreds|thousands|millions|billions)\b)", re.I)
_MONTH_CONTEXT = re.compile(r"(?:\b(?:in|on|of|since|until|by|from|early|late|mid|last|next|this)\s+$)", re.I)
_NOUN_BEFORE = re.compile(r"(?:\b(?:the|its|their|his|her|our|military|economic|naval|full|sheer|all|with)\s+)$", re.I)
_INITIAL_WORD = re.compile(r"[\s\"“‘'(]*")


@lru_cache(maxsize=None)
def _matchers() -> tuple[PhraseMatcher, PhraseMatcher]:
    rows = read_rows("stance.csv")
    folded = PhraseMatcher((r["term"], r) for r in rows if r["case_sensitive"] != "yes")
    exact = PhraseMatcher(((r["term"], r) for r in rows if r["case_sensitive"] == "yes"), case_sensitive=True)
    return folded, exact


def _keep(match: PhraseMatch, row: dict, text: str, start: int, end: int, quotes, reported_from: int | None) -> tuple[bool, bool]:
    """Apply a cue's rule. Returns (keep, reported)."""
    rule = row["rule"]
    in_quotes = inside(quotes, match.start, match.end)
    reported = in_quotes or (reported_from is not None and match.start >= reported_from)
    before = text[max(start, match.start - 30):match.start]
    if rule == "epistemic_modal":
        word = match.surface
        if word == "May" and (match.start > start or _NUMBER_AFTER.match(text, match.end, end) or _MONTH_CONTEXT.search(before)):
            return False, reported  # May the month: capitalised inside a sentence
        if word.lower() == "might" and _NOUN_BEFORE.search(before):
            return False, reported  # "military might"
        return True, reported
    if rule == "before_number":
        return bool(_NUMBER_AFTER.match(text, match.end, end)), reported
    if rule == "not_rather_than":
        return not re.match(r"\s+than\b", text[match.end:end]), reported
    if rule == "not_known_as":
        return not re.match(r"\s+(?:as|for|to)\b|-how", text[match.end:end]), reported
    if rule == "outside_quotes":
        return not in_quotes, False
    if rule == "sentence_initial":
        return match.start == start + len(_INITIAL_WORD.match(text, start, end).group()), reported
    return True, reported


def sentence_cues(text: str, start: int, end: int, known: dict[str, str] | None = None) -> list[dict]:
    """Stance cues of the sentence ``text[start:end]``, offsets into ``text``.

    Returns dicts with the columns of :data:`STANCE_COLUMNS` less the ids.
    """
    quotes = quoted_spans(text, start, end)
    attributions = find_attributions(text, start, end, quotes, known)
    speech = [a.end for a in attributions if a.speech]
    reported_from = min(speech) if speech else None
    named_attribution = {(a.start, a.end) for a in attributions if a.source_type != "vague"}
    rows = [
        {"start": a.start, "end": a.end, "surface": a.surface, "category": "attribution", "subcategory": a.kind,
         "reported": False, "source": a.source, "source_type": a.source_type, "rule": "attribution"}
        for a in attributions
    ]
    folded, exact = _matchers()
    for match in folded.find(text, start, end) + exact.find(text, start, end):
        for row in match.payload:
            keep, reported = _keep(match, row, text, start, end, quotes, reported_from)
            if not keep:
                continue
            if row["rule"] == "not_reporting" and any(a <= match.start and match.end <= b for a, b in named_attribution):
                continue  # "the bank indicated": attribution, not the writer's hedge
            rows.append({"start": match.start, "end": match.end, "surface": match.surface, "category": row["category"],
                         "subcategory": row["subcategory"], "reported": reported, "source": "", "source_type": "",
                         "rule": row["rule"]})
    stripped = text[start:end].rstrip()
    if stripped.endswith("?") and not inside(quotes, start + len(stripped) - 1, start + len(stripped)):
        rows.append({"start": start + len(stripped) - 1, "end": start + len(stripped), "surface": "?",
                     "category": "engagement", "subcategory": "question", "reported": False, "source": "",
                     "source_type": "", "rule": "question_mark"})
    rows = [r for r in rows if not any(
        o is not r and o["category"] == r["category"] and o["start"] <= r["start"] and r["end"] <= o["end"]
        and (o["end"] - o["start"]) > (r["end"] - r["start"]) for o in rows)]  # "my" inside "as per my analysis"
    rows.sort(key=lambda r: (r["start"], r["end"], r["category"]))
    return rows


def known_sources(config: CorpusConfig | None) -> dict[str, str]:
    """Source types for the actors named in a corpus config."""
    kinds = {"person": "person", "country": "organisation", "organisation": "organisation", "group": "organisation"}
    known = {}
    for actor in (config.actors if config else ()):
        if actor.kind in kinds:
            for alias in actor.aliases:
                known[alias] = kinds[actor.kind]
    return known


def stance(corpus: Corpus) -> pd.DataFrame:
    """Every stance cue of every sentence.

    Returns
    -------
    DataFrame
        One row per cue: ``doc_id, sentence_id, start, end, surface`` (offsets
        into the document's cleaned text), ``category`` (hedge, booster,
        attitude, self_mention, engagement, attribution), ``subcategory``,
        ``reported`` (True when the cue stands inside quotation marks or in
        speech reported after "X said"; such cues are the source's, not the
        writer's), ``source`` and ``source_type`` (attribution only: outlet,
        organisation, person or vague), ``rule`` (the guard that admitted it).
    """
    configured = known_sources(corpus.config)
    rows = []
    for doc in corpus:
        known = dict(configured)  # grows with the people a document names in full
        for sentence in doc.sentences:
            for cue in sentence_cues(doc.text, sentence.start, sentence.end, known):
                rows.append({"doc_id": doc.doc_id, "sentence_id": sentence.sentence_id, **cue})
                if cue["source_type"] == "person" and len(cue["source"].split()) >= 2:
                    known.setdefault(cue["source"].split()[-1], "person")  # "Natalie Baker" -> later "Baker"
    return pd.DataFrame(rows, columns=STANCE_COLUMNS)
