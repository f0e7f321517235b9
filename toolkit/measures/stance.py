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

import csv
import io
import re
from functools import lru_cache
from importlib import resources

import pandas as pd

from .attribution import FULL_NAME, TITLED_NAME, coordinated_persons, find_attributions, is_organisation_name, reported_from
from .speakers import PronounBinder
from ..corpus.config import CorpusConfig
from ..corpus.documents import Corpus
from ..lexicons import read_rows
from ..text.phrases import PhraseMatch, PhraseMatcher
from ..text.quotes import inside, quoted_spans, running_quotes

CATEGORIES = ("hedge", "booster", "attitude", "self_mention", "engagement", "attribution")
STANCE_COLUMNS = ["doc_id", "sentence_id", "start", "end", "surface", "category", "subcategory",
                  "reported", "source", "source_type", "rule", "epistemic"]

#: Per-term precision of the epistemic hedges on news gold, written by
#: :func:`toolkit.evaluation.hedge_eval.build_cue_model`; terms marked ``keep=no`` are not epistemic.
HEDGE_CUE_MODEL = "hedge_cues.csv"

#: Hedge subcategories that mark epistemic uncertainty (modal possibility and
#: probability, evidentials, allegations, inference, doxastic and expectation
#: verbs and nouns, estimates, impressions, stated uncertainty), after the
#: speculation classes of the Szeged Uncertainty Corpus (Szarvas et al. 2012).
#: The other hedge subcategories (``approximator``, ``frequency``, ``degree``,
#: ``hypothetical``, ``condition``, ``question``) soften or bound a claim
#: without doubting it.
EPISTEMIC_SUBCATEGORIES = frozenset({"modal", "probability", "evidential", "allegation", "inference", "doxastic",
                                     "expectation", "estimate", "impression", "uncertainty"})

_NUMBER_AFTER = re.compile(r"\s*(?:[$£€¥~]|US\$|Rs\.?\s|[0-9]|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a thousand|half|a half|a third|a quarter|a dozen|dozens|hundreds|thousands|millions|billions)\b)", re.I)
_MONTH_CONTEXT = re.compile(r"(?:\b(?:in|on|of|since|until|by|from|early|late|mid|last|next|this)\s+$)", re.I)
_NOUN_BEFORE = re.compile(r"(?:\b(?:the|its|their|his|her|our|military|economic|naval|full|sheer|all|with)\s+)$", re.I)
_INITIAL_WORD = re.compile(r"[\s\"“‘'(]*")
_NEGATION_AFTER = re.compile(r"\s*n[’']t\b|\s+not\b(?!\s+only\b)", re.I)
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|widely|generally)\s+(?:(?:widely|generally|largely|also|still|now|often|commonly|increasingly|not)\s+)?$", re.I)
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had|'ve|’ve)\s+(?:\w+\s+)?$", re.I)
_AGENT_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+by\s", re.I)
_PASSIVE_TERM = re.compile(r"^(?:is|are|was|were|widely)\b", re.I)
_FIRST_PERSON_BEFORE = re.compile(r"(?:^|[^\w])(?:I|we|We|[Ll]et[’']s|[Ll]et\s+us)\s+(?:(?:do|did|does|don[’']?t|didn[’']?t|do\s+n[’']t|did\s+n[’']t|not|still|also|really|now|just|firmly|strongly|honestly|frankly|certainly|very\s+much|would|'d)\s+)*$")
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|his|her|their|its|this|that|some|any|no|of|my|our|your|second|first)\s+$", re.I)
_BELIEF_RULES = ("belief_verb", "see_as")
_CLAUSE_END = re.compile(r"[;—–]|\s-\s")
_NOUN_TOO = frozenset({"thought", "fear", "fears", "doubt", "doubts", "suspect", "suspects", "guess", "accused"})
_NOUN_MODIFIER_BEFORE = re.compile(r"\d\s+$|\b(?:murder|terror|main|key|prime|two|three|four|five|six|seven|eight|nine|ten|several|other)\s+$", re.I)
_NEGATED_DOUBT = re.compile(r"\b(?:no|without|beyond|little|any)\s+$", re.I)
_AS_AFTER = re.compile(r"(?:\s+[\w'’.-]+){0,6}?\s+as\b", re.I)


@lru_cache(maxsize=None)
def _matchers() -> tuple[PhraseMatcher, PhraseMatcher]:
    rows = read_rows("stance.csv")
    folded = PhraseMatcher((r["term"], r) for r in rows if r["case_sensitive"] != "yes")
    exact = PhraseMatcher(((r["term"], r) for r in rows if r["case_sensitive"] == "yes"), case_sensitive=True)
    return folded, exact


def _believer_reported(surface: str, before: str, after: str, reported: bool) -> bool:
    """Whether a belief or expectation verb reports someone else's belief.

    The writer's own when it is an agentless passive ("is expected to", "is
    widely seen as", "seen in the capital as") or has *I* or *we* as subject
    outside quotation marks; the subject's ("analysts expect", "officials see
    it as") or the agent's ("is seen by some as") otherwise.
    """
    if reported:
        return True
    passive = (_PASSIVE_TERM.match(surface) or _PASSIVE_BEFORE.search(before)
               or (surface.lower() == "seen" and not _PERFECT_BEFORE.search(before)))
    if passive:
        return bool(_AGENT_AFTER.match(after))
    if surface.lower().startswith(("i ", "we ")):
        return False
    return not _FIRST_PERSON_BEFORE.search(before)


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
        if word.lower() == "could" and _NEGATION_AFTER.match(text, match.end, end):
            return False, reported  # "could not pay": past inability
        return True, reported
    if rule == "belief_verb":
        word = match.surface.lower()
        if word == "think" and re.match(r"[\s-]+tanks?\b", text[match.end:end], re.I):
            return False, reported  # "think tank"
        if word in _NOUN_TOO and (_DETERMINER_BEFORE.search(before) or _NOUN_MODIFIER_BEFORE.search(before)):
            return False, reported  # "a thought", "the fear of", "eight suspects": the noun, kept only as a verb
        if word.startswith("doubt") and _NEGATED_DOUBT.search(before):
            return False, reported  # "no doubt" is a booster
        return True, _believer_reported(match.surface, before, text[match.end:end], reported)
    if rule == "see_as":
        tail = _AS_AFTER.match(text, match.end, end)
        if not tail or re.search(r"[,;:()]", tail.group()):
            return False, reported  # "saw the port": sight, not a view
        return True, _believer_reported(match.surface, before, text[match.end:end], reported)  # "officials see the deal as"
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


def is_epistemic(row: dict, surface: str = "") -> bool:
    """Whether a hedge cue marks epistemic uncertainty.

    A hedge of an epistemic subcategory (:data:`EPISTEMIC_SUBCATEGORIES`)
    whose term the cue precisions of ``models/hedge_cues.csv`` keep (see
    :mod:`toolkit.evaluation.hedge_eval`). Approximators, conditions, open questions,
    frequency and degree words and hypothetical *would* are not.
    """
    if row.get("category") != "hedge" or row.get("subcategory") not in EPISTEMIC_SUBCATEGORIES:
        return False
    return row.get("term", surface).lower() not in _dropped_cues()


@lru_cache(maxsize=None)
def _dropped_cues() -> frozenset[str]:
    """Terms whose precision as an epistemic cue fell under the threshold."""
    text = resources.files("toolkit.models").joinpath(HEDGE_CUE_MODEL).read_text(encoding="utf-8")
    return frozenset(r["term"] for r in csv.DictReader(io.StringIO(text)) if r["keep"] == "no")


def epistemic_sentences(table: pd.DataFrame, writer_only: bool = False) -> set[tuple[str, int]]:
    """The ``(doc_id, sentence_id)`` pairs of epistemically uncertain sentences.

    A sentence is epistemically uncertain when it carries a hedge that is not
    an approximator, condition, open question, frequency or degree word (the
    ``epistemic`` column of :func:`stance`). With ``writer_only`` only the
    writer's own hedges count, not those in quoted or reported speech.
    """
    rows = table[table["epistemic"].astype(bool)]
    if writer_only:
        rows = rows[~rows["reported"].astype(bool)]
    return set(zip(rows["doc_id"], rows["sentence_id"].astype(int)))


def sentence_cues(text: str, start: int, end: int, known: dict[str, str] | None = None,
                  running: list[tuple[int, int]] = ()) -> list[dict]:
    """Stance cues of the sentence ``text[start:end]``, offsets into ``text``; ``running``: the parts of the
    sentence inside a quotation that runs over several sentences (:func:`toolkit.text.quotes.running_quotes`).

    Returns dicts with the columns of :data:`STANCE_COLUMNS` less the ids.
    """
    quotes = quoted_spans(text, start, end) + list(running)
    attributions = find_attributions(text, start, end, quotes, known)
    speech_from = reported_from(attributions)
    named_attribution = {(a.start, a.end) for a in attributions if a.source_type != "vague"}
    rows = [
        {"start": a.start, "end": a.end, "surface": a.surface, "category": "attribution", "subcategory": a.kind,
         "reported": False, "source": a.source, "source_type": a.source_type, "rule": "attribution", "epistemic": False}
        for a in attributions
    ]
    folded, exact = _matchers()
    for match in folded.find(text, start, end) + exact.find(text, start, end):
        for row in match.payload:
            keep, reported = _keep(match, row, text, start, end, quotes, speech_from)
            if not keep:
                continue
            if row["rule"] == "not_reporting" and any(a <= match.start and match.end <= b for a, b in named_attribution):
                continue  # "the bank indicated": attribution, not the writer's hedge
            rows.append({"start": match.start, "end": match.end, "surface": match.surface, "category": row["category"],
                         "subcategory": row["subcategory"], "reported": reported, "source": "", "source_type": "",
                         "rule": row["rule"], "epistemic": is_epistemic(row, match.surface)})
    believed = [r["end"] for r in rows if r["rule"] in _BELIEF_RULES and r["reported"] and not inside(quotes, r["start"], r["end"])]
    if believed:  # "analysts think it may rain": the believer's clause is the believer's, up to a dash or semicolon
        scope_from = min(believed)
        stop = _CLAUSE_END.search(text, scope_from, end)
        scope_to = stop.start() if stop else end
        for r in rows:
            if scope_from <= r["start"] < scope_to and r["rule"] not in ("attribution", "outside_quotes"):
                r["reported"] = True
    stripped = text[start:end].rstrip()
    if stripped.endswith("?") and not inside(quotes, start + len(stripped) - 1, start + len(stripped)):
        rows.append({"start": start + len(stripped) - 1, "end": start + len(stripped), "surface": "?",
                     "category": "engagement", "subcategory": "question", "reported": False, "source": "",
                     "source_type": "", "rule": "question_mark", "epistemic": False})
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
        organisation, person or vague), ``rule`` (the guard that admitted it),
        ``epistemic`` (True for a hedge that marks epistemic uncertainty; see
        :func:`is_epistemic`). Hedge subcategories: ``modal``,
        ``probability``, ``evidential``, ``allegation``, ``inference``,
        ``doxastic``, ``expectation``, ``estimate``, ``impression``,
        ``uncertainty`` (epistemic) and ``approximator``, ``frequency``,
        ``degree``, ``hypothetical`` (*would*), ``condition`` (*if*,
        *unless*), ``question`` (*whether*) (not epistemic). A belief or
        expectation verb is ``reported`` when its subject is not the writer
        ("analysts expect"), and the writer's in "I think" or an agentless
        passive ("is expected to"). A "he" or "she" source is the person
        :class:`toolkit.measures.speakers.PronounBinder` binds it to (the voices
        table reads the same binding), and stays a pronoun when there is none.
    """
    configured = known_sources(corpus.config)
    rows = []
    for doc in corpus:
        known = dict(configured)  # grows with the people a document names in full
        for titled in TITLED_NAME.finditer(doc.text):  # "Rep. Jane Roe": a person, later "Roe"
            name = titled.group(1)
            known.setdefault(name, "person")  # "President Roe", later "Roe said": a person
            if len(name.split()) >= 2:
                known.setdefault(name.split()[-1], "person")
        for full in FULL_NAME.finditer(doc.text):  # "... said Jo Roe", later "Roe": a person
            if not is_organisation_name(full.group(1)) and not _group_name(doc.text, full.group(2)):
                known.setdefault(full.group(2), "person")
        # "he said": the person the one binding of :mod:`.speakers` gives (the voices table uses it too)
        binder = PronounBinder({s.sentence_id: s.text for s in doc.sentences})
        running = running_quotes(doc.text, [(s.start, s.end) for s in doc.sentences])
        for sentence, carried in zip(doc.sentences, running):
            for cue in sentence_cues(doc.text, sentence.start, sentence.end, known, carried):
                if cue["category"] == "attribution" and cue["source"].lower() in _PERSON_PRONOUNS:
                    cue["source"] = binder.bind(cue["source"], sentence.sentence_id, cue["start"] - sentence.start) or cue["source"]
                rows.append({"doc_id": doc.doc_id, "sentence_id": sentence.sentence_id, **cue})
                if cue["category"] == "attribution" and cue["source_type"] == "person":
                    for name in coordinated_persons(cue["source"], lambda part: known.get(part) == "person"):
                        binder.cite(sentence.sentence_id, name)  # "Ms. Roe and Mr. Kay said": both cited
                        if len(name.split()) >= 2:
                            known.setdefault(name.split()[-1], "person")  # "Natalie Baker" -> later "Baker"
    return pd.DataFrame(rows, columns=STANCE_COLUMNS)


def _group_name(text: str, word: str) -> bool:
    """A capitalised plural the text writes after "the" ("the Greens", "the Democrats"): a group, no surname.

    >>> _group_name("Vale Greens met. The Greens said no.", "Greens"), _group_name("Jo Evans said no.", "Evans")
    (True, False)
    """
    return word.endswith("s") and re.search(r"\b[Tt]he\s+" + re.escape(word) + r"\b", text) is not None


#: Pronoun sources bound to the person they stand for (:class:`toolkit.measures.speakers.PronounBinder`).
_PERSON_PRONOUNS = ("he", "she")
