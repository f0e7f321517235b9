"""What kind of text each document is: news report, opinion, analysis, press release, interview or conversational reply.

Each document is described by a handful of general signals, counted on the
writer's own words (quoted passages are set aside) unless said otherwise:

- person and address: second person, first person singular and plural, per 100 words;
- prescription ("should", "must") and evaluation (attitude markers and
  boosters of ``lexicons/stance.csv``), per 100 words;
- hedged analysis: epistemic modals, probability adverbs, evidentials and
  inference verbs of ``lexicons/stance.csv``, per 100 words;
- reporting: attribution (said, told, according to) and past-tense reporting
  verbs per sentence, time anchors of reported events per sentence, and the
  share of the text inside quotation marks;
- form: question headline, headline in news form (a bare subject and a verb),
  headline naming an interview, share of question sentences, question-and-answer
  lines, press-release boilerplate (announced today, About X, media contact),
  stock phrases of a reply to a reader ("you're right", "let me know",
  "my view:"), and an author's note (a closing "X is a researcher ..." or
  "the views expressed ...", the paratext of a signed column).

A multinomial logistic regression over the standardised signals
(``models/text_type.csv``) gives the type; it is rebuilt exactly by
:mod:`toolkit.evaluation.text_type_training` from the labelled texts of
``tests/gold/text_type/``, which also reports its leave-one-out figures. The
evidence (``text_type_evidence``) names the signals that weighed most for the
chosen type, with their values, and the stock phrases found.
"""

from __future__ import annotations

import csv
import io
import math
import re
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from ..corpus.documents import Corpus
from ..lexicons import read_rows
from ..text.phrases import PhraseMatcher
from ..text.dates import WEEKDAY_NAMES
from ..text.quotes import quoted_spans

TYPES = ("news_report", "opinion", "analysis", "press_release", "interview", "conversational_reply")
#: Plain-language names of the types, for the report.
LABELS = {"news_report": "news report", "opinion": "opinion / column", "analysis": "analysis",
          "press_release": "press release", "interview": "interview / Q&A",
          "conversational_reply": "conversational reply"}
COLUMNS = ["doc_id", "text_type", "text_type_evidence"]
#: The weights, rebuilt by :func:`toolkit.evaluation.text_type_training.build_model`.
MODEL = "text_type.csv"
#: The furniture rule (``lexicons/furniture.csv``) that removes a closing note on the writer.
AUTHOR_NOTE_RULE = "author_bio"

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SECOND = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.I)
_FIRST_SINGULAR = re.compile(r"(?<![A-Z]\.)\b(?:I|I['’](?:m|ve|d|ll)|me|my|mine|myself)\b")
_FIRST_PLURAL = re.compile(r"\b(?:we|our|ours|ourselves|us|we['’](?:re|ve|ll|d)|let['’]s)\b(?!\s*[-–]?\s*(?:based|led|made)\b)")
#: Time anchors of reported events: weekdays, "yesterday", month-day dates.
_ANCHOR = re.compile(
    r"\b(?:on|last|this|next|since|until|by|late|early)\s+(?:" + WEEKDAY_NAMES + r"|"
    r"week|weekend|night)\b|\b(?:yesterday|overnight)\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? "
    r"\d{1,2}\b(?!:)|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")
_PRESCRIPTIVE = re.compile(r"\b(?:should|must|ought to|need to|needs to|it is time|let us|let's)\b", re.I)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|tells|according to|announced|reported|reports|stated|added|confirmed|denied|claimed|"
    r"quoted|in a statement)\b", re.I)
#: Past-tense reporting verbs (the reporter's "X said" of news writing).
_REPORTING_PAST = re.compile(
    r"\b(?:said|told|announced|reported|stated|added|confirmed|denied|claimed|warned|urged|insisted|noted|"
    r"described|called|acknowledged|admitted|declined to comment)\b", re.I)
#: Stock phrases of a reply to a reader (chat-assistant or advice-column
#: register); written from the register's common openers and closers.
_CONVERSATIONAL = re.compile(
    r"\b(?:you['’]re (?:absolutely |quite |so )?right|you are right|great question|good question|"
    r"(?:that['’]s|that is) a (?:fair|good|great) point|you make a (?:really |very )?good point|i hear you|"
    r"thanks for (?:sharing|asking)|let me know|i hope this helps|happy to (?:help|go deeper|talk)|"
    r"feel free to|(?:my|here['’]s my) (?:view|take)\s*:|here['’]s (?:the short answer|how i['’]d)|"
    r"to answer your question|as you (?:mention|say|said|note|point out)|the \w+ you (?:mention|describe|raise)|"
    r"you['’]ve (?:likely|probably|clearly)|your (?:question|concern|point)|if you['’]d like|"
    r"would you like me to|i share your)\b", re.I)
#: Boilerplate of press releases: the announcement formula, the "About X"
#: block, contacts and notes to editors.
_PRESS = re.compile(
    # the lookahead only skips positions where no alternative can start (speed; same matches)
    r"(?=[iatmpfnbgve#(/\n-]|^\s)"
    r"(?:\b(?:is|are) (?:pleased|delighted|proud|excited) to (?:announce|report|welcome)|\btoday (?:announced|unveiled|"
    r"reported|launched)|^about [A-Z][^\n:]{0,60}:|\bmedia (?:contact|enquiries|inquiries)|\bpress (?:contact|enquiries|"
    r"inquiries|office)|\bfor (?:further|more) information\b|\bnotes? to editors\b|\bforward-looking statements\b|"
    r"\binvestor (?:contact|relations)\b|(?:^|\n)\s*(?:ends|###|-\s*ends\s*-)\s*\.?\s*(?:$|\n)|"
    r"\((?:NASDAQ|NYSE|LSE|TSX|ASX|Euronext)\s*:\s*[A-Z.]{1,6}\)|\b(?:PR Newswire|Business Wire|GlobeNewswire|/PRNewswire/)|"
    r"\bis a leading (?:provider|supplier|developer|manufacturer|global)\b|\bvisit www\.)", re.I | re.M)
#: Question-and-answer layout: lines led by Q:/A: or a speaker label, or a
#: paragraph that is one question.
_QA_LABEL = re.compile(r"^\s*(?:Q|A|[A-Z][A-Z .'-]{1,30})\s*[:：]", re.M)
_QUESTION_LINE = re.compile(r"^[^\n?]{3,200}\?\s*$", re.M)
#: Headline words of an interview or Q&A ("an interview with", "Q&A:", "ten questions for").
_INTERVIEW_HEADLINE = re.compile(
    r"\b(?:interview|q\s?&\s?a|in conversation|(?:a )?conversation with|questions? for|minutes with|talks to|"
    r"talking \w+ with|sits down with|speaks to)\b", re.I)
#: The paratext of a signed column: a note on the writer ("X is a researcher
#: at ...", "The writer is ...") or the publisher's disclaimer of its views.
_AUTHOR_NOTE = re.compile(
    r"(?:^|\n)\s*(?:the (?:writer|author)|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}) (?:is|was) (?:an?|the) "
    r"(?:[\w,'’-]+ ){0,6}?(?:researcher|analyst|professor|lecturer|columnist|writer|journalist|author|fellow|"
    r"economist|scholar|commentator|contributor|editor|director|consultant|expert|student|diplomat|former)\b"
    r"|\bviews expressed (?:in this|here|are)\b|\bthe opinions expressed\b|\bdo not necessarily reflect\b", re.I)
#: Headline form of news ("Court blocks mining permit", "Storm cuts power to
#: thousands"): a bare subject and a verb, so no leading article, pronoun,
#: wh-word, preposition or gerund, no copula, auxiliary or modal, and no question.
_HEADLINE_NOT_NEWS_START = re.compile(
    r"^\W*(?:the|a|an|this|these|that|those|it|its|our|my|we|i|you|your|there|why|what|how|when|where|who|which|"
    r"whether|can|could|should|would|will|does|do|is|are|from|on|about|inside|beyond|behind|towards?|re|\w+ing)\b",
    re.I)
_HEADLINE_AUXILIARY = re.compile(
    r"\b(?:[Ii]s|[Aa]re|[Ww]as|[Ww]ere|[Bb]e|[Bb]een|[Hh]as|[Hh]ave|[Hh]ad|[Ww]ill|[Ww]ould|[Cc]ould|[Cc]an|[Mm]ay|"
    r"[Mm]ight|[Ss]hould|[Mm]ust)\b")
#: A question: a run of three or more characters without a sentence end,
#: closed by "?" (matched from the run's start only, which keeps it linear).
_QUESTION_SENTENCE = re.compile(r"(?<![^.!?\n])[^.!?\n]{3,}\?")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")

#: Hedge subcategories of ``lexicons/stance.csv`` counted as hedged analysis
#: (possibility and probability, evidentials, inference; Hyland 2005).
HEDGE_SUBCATEGORIES = frozenset({"modal", "probability", "evidential", "inference"})
#: Stance categories counted as evaluation (Hyland 2005: attitude markers of
#: evaluation and boosters).
EVALUATION = frozenset({("attitude", "evaluation"), ("booster", "adverb"), ("booster", "adjective")})

#: Stock phrases of a reply that decide the type before the model: two or more
#: are not found in the other types of the written gold texts (the rule of
#: the first, rule-only version of this module, kept; not fitted).
REPLY_PHRASES = 2
#: Lines led by "Q:", "A:" or a speaker label that decide ``interview`` before
#: the model (the first version's rule, kept; not fitted).
QA_LABELLED_LINES = 3

#: The signals, in the order of the model's rows, with their names in the evidence.
FEATURES = {
    "second_person": "second person per 100 words",
    "first_singular": "first person singular per 100 words",
    "first_plural": "first person plural per 100 words",
    "prescriptive": "prescriptive should/must per 100 words",
    "evaluative": "evaluative words per 100 words",
    "hedged": "hedges (could, likely, suggests) per 100 words",
    "attribution": "attributions (said, according to) per sentence",
    "reporting_past": "past-tense reporting verbs per sentence",
    "time_anchors": "time anchors per sentence",
    "quoted_share": "share of the text in quotation marks",
    "question_share": "share of sentences that are questions",
    "question_headline": "question headline (1 = yes)",
    "news_headline": "headline in news form (1 = yes)",
    "interview_headline": "headline names an interview or Q&A (1 = yes)",
    "reply_phrases": "stock phrases of a reply (log 1+count)",
    "press_phrases": "press-release formulas (log 1+count)",
    "qa_lines": "question or speaker-labelled lines (log 1+count)",
    "author_note": "author's note or views disclaimer (1 = yes)",
}


@lru_cache(maxsize=None)
def _stance_matchers() -> tuple[PhraseMatcher, PhraseMatcher]:
    rows = read_rows("stance.csv")
    hedges = PhraseMatcher((r["term"], "h") for r in rows
                           if r["category"] == "hedge" and r["subcategory"] in HEDGE_SUBCATEGORIES)
    evaluative = PhraseMatcher((r["term"], "e") for r in rows if (r["category"], r["subcategory"]) in EVALUATION)
    return hedges, evaluative


def _own_words(text: str) -> str:
    """The text with quoted passages blanked (the writer's own words)."""
    pieces, last = [], 0
    for a, b in quoted_spans(text):
        pieces.append(text[last:a])
        pieces.append(" ")
        last = b
    pieces.append(text[last:])
    return "".join(pieces)


def news_headline(title: str) -> bool:
    """Whether a headline has the form of a news headline (see ``_HEADLINE_NOT_NEWS_START``).

    >>> news_headline("Court blocks mining permit"), news_headline("Why the talks are stalling")
    (True, False)
    """
    title = title.strip()
    return bool(title) and "?" not in title and not _HEADLINE_NOT_NEWS_START.match(title) \
        and not _HEADLINE_AUXILIARY.search(title) and not title.startswith(("\"", "“", "‘", "'"))


def signals(text: str, title: str = "", sentences: int = 0, author_note: bool = False) -> tuple[dict[str, float], dict[str, list[str]]]:
    """The signals of one text (see :data:`FEATURES`) and the phrases found for the evidence.

    Parameters
    ----------
    text : str
        The document's cleaned text.
    title : str
        Its headline, when known.
    sentences : int
        Its number of sentences, when segmented (else sentence ends are counted).
    author_note : bool
        Whether cleaning removed a closing note on the writer (furniture rule
        ``author_bio``); the text is searched for one too.

    Returns
    -------
    (values, found)
        Signal name -> value (plus ``qa_labelled``, the count of lines led by
        Q:, A: or a speaker label, used by a rule and not by the model), and
        lists of the stock phrases, boilerplate and prescriptive words found.
    """
    own = _own_words(text)
    words = max(1, len(_WORD.findall(own)))
    per100 = 100.0 / words
    sentences = max(1, sentences or len(_SENTENCE_END.findall(text)))
    hedges, evaluative = _stance_matchers()
    quoted = sum(b - a for a, b in quoted_spans(text))
    reply = _CONVERSATIONAL.findall(own)
    press = _PRESS.findall(text)
    prescriptive = _PRESCRIPTIVE.findall(own)
    labelled = len(_QA_LABEL.findall(text))
    qa = labelled + len(_QUESTION_LINE.findall(text))
    values = {
        "second_person": len(_SECOND.findall(own)) * per100,
        "first_singular": len(_FIRST_SINGULAR.findall(own)) * per100,
        "first_plural": len(_FIRST_PLURAL.findall(own)) * per100,
        "prescriptive": len(prescriptive) * per100,
        "evaluative": len(evaluative.find(own)) * per100,
        "hedged": len(hedges.find(own)) * per100,
        "attribution": len(_ATTRIBUTION.findall(text)) / sentences,
        "reporting_past": len(_REPORTING_PAST.findall(text)) / sentences,
        "time_anchors": len(_ANCHOR.findall(text)) / sentences,
        "quoted_share": quoted / max(1, len(text)),
        "question_share": min(1.0, len(_QUESTION_SENTENCE.findall(own)) / sentences),
        # without a headline its signals are unknown (NaN), and the model reads them as average
        "question_headline": float("?" in title) if title.strip() else math.nan,
        "news_headline": float(news_headline(title)) if title.strip() else math.nan,
        "interview_headline": float(bool(_INTERVIEW_HEADLINE.search(title))) if title.strip() else math.nan,
        "reply_phrases": math.log1p(len(reply)),
        "press_phrases": math.log1p(len(press)),
        "qa_lines": math.log1p(qa),
        "qa_labelled": float(labelled),
        "author_note": float(author_note or bool(_AUTHOR_NOTE.search(text))),
    }
    found = {"reply": [m.strip() for m in reply], "press": [m.strip() for m in press],
             "prescriptive": prescriptive}
    return values, found


@lru_cache(maxsize=None)
def load_model() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, tuple[str, ...]]:
    """The shipped model: ``(mean, scale, weights, bias, classes)``.

    ``weights`` has one row per signal of :data:`FEATURES` and one column per class.
    """
    text = resources.files("toolkit.models").joinpath(MODEL).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    classes = tuple(c for c in rows[0] if c not in ("feature", "mean", "scale"))
    by_name = {r["feature"]: r for r in rows}
    names = list(FEATURES)
    mean = np.array([float(by_name[n]["mean"]) for n in names])
    scale = np.array([float(by_name[n]["scale"]) for n in names])
    weights = np.array([[float(by_name[n][c]) for c in classes] for n in names])
    bias = np.array([float(by_name["__bias__"][c]) for c in classes])
    return mean, scale, weights, bias, classes


def _examples(matches: list[str], limit: int = 3) -> str:
    seen = list(dict.fromkeys(m.strip().lower() for m in matches))
    return ", ".join(f"“{m}”" for m in seen[:limit])


def _format(name: str, value: float) -> str:
    if name in ("question_headline", "news_headline", "interview_headline", "author_note"):
        return "no headline" if math.isnan(value) else "yes" if value else "no"
    if name in ("reply_phrases", "press_phrases", "qa_lines"):
        return str(int(round(math.expm1(value))))
    if name in ("quoted_share", "question_share"):
        return f"{value:.0%}"
    return f"{value:.2f}"


_SHORT = {"reply_phrases": "stock phrases of a reply", "press_phrases": "press-release formulas",
          "qa_lines": "question or speaker-labelled lines", "question_headline": "question headline",
          "news_headline": "headline in news form",
          "interview_headline": "headline names an interview",
          "author_note": "author's note or views disclaimer"}


def explain(values: dict[str, float], found: dict[str, list[str]], model=None, top: int = 3) -> tuple[str, str]:
    """The type of a text from its signals, and the evidence in words.

    Two or more stock phrases of a reply (:data:`REPLY_PHRASES`) decide
    ``conversational_reply`` first, then three or more lines led by Q:, A: or
    a speaker label (:data:`QA_LABELLED_LINES`) decide ``interview``;
    otherwise the model decides. The evidence
    (which does not repeat the type) names the model's probability of it, the ``top`` signals that
    weighed most for it against the other types (value, and their weight in
    brackets), and the person, attribution and hedging rates of every text.
    """
    mean, scale, weights, bias, classes = model or load_model()
    rates = (f"second person {values['second_person']:.1f}, first person singular {values['first_singular']:.1f}, "
             f"hedges {values['hedged']:.1f} per 100 words; {values['attribution']:.2f} attributions per sentence")
    replies = int(round(math.expm1(values["reply_phrases"])))
    if replies >= REPLY_PHRASES:
        examples = f" ({_examples(found['reply'])})" if found.get("reply") else ""
        return "conversational_reply", (f"{replies} stock phrases of a reply to the reader{examples}, "
                                        f"{REPLY_PHRASES} or more decide it; {rates}")
    if values.get("qa_labelled", 0) >= QA_LABELLED_LINES:
        return "interview", (f"{int(values['qa_labelled'])} lines led by Q:, A: or a speaker label, "
                             f"{QA_LABELLED_LINES} or more decide it; {rates}")
    x = np.nan_to_num((np.array([values[n] for n in FEATURES], dtype=float) - mean) / scale, nan=0.0)
    scores = x @ weights + bias
    probabilities = np.exp(scores - scores.max())
    probabilities /= probabilities.sum()
    best = int(np.argmax(scores))
    kind = classes[best]
    others = np.delete(np.arange(len(classes)), best)
    contribution = x * (weights[:, best] - weights[:, others].mean(axis=1))
    names = list(FEATURES)
    lead = [i for i in np.argsort(-contribution, kind="stable")[:top] if contribution[i] > 0]
    parts = []
    for i in lead:
        name = names[i]
        label = _SHORT.get(name, FEATURES[name])
        parts.append(f"{label}: {_format(name, values[name])} (+{contribution[i]:.1f})")
    phrases = {"conversational_reply": found["reply"], "press_release": found["press"],
               "opinion": found["prescriptive"]}.get(kind, [])
    quoted = f"; found {_examples(phrases)}" if phrases else ""
    weighed = "; ".join(parts) or "no signal stands out"
    evidence = f"model probability {probabilities[best]:.2f}; weighed most: {weighed}{quoted}; {rates}"
    return kind, evidence


def classify(text: str, title: str = "", sentences: int = 0, author_note: bool = False) -> tuple[str, str]:
    """The text type of one document and the evidence for it.

    Parameters
    ----------
    text : str
        The document's cleaned text.
    title : str
        Its headline, when known.
    sentences : int
        Its number of sentences, when segmented (else sentence ends are counted).
    author_note : bool
        Whether cleaning removed a closing note on the writer.

    Returns
    -------
    (text_type, evidence)
        One of :data:`TYPES`, and the signals behind it in words.

    Examples
    --------
    >>> classify("Q: Why?\\nA: Because.\\nQ: When?\\nA: Soon.")[0]
    'interview'
    """
    return explain(*signals(text, title, sentences, author_note))


def has_author_note(doc) -> bool:
    """Whether cleaning removed a closing note on the writer from ``doc`` (furniture rule ``author_bio``)."""
    return any(r.rule == AUTHOR_NOTE_RULE for r in doc.removals)


def text_types(corpus: Corpus) -> pd.DataFrame:
    """One row per document: ``doc_id, text_type, text_type_evidence``."""
    rows = []
    for doc in corpus.documents:
        kind, evidence = classify(doc.text, doc.metadata.get("title", ""), len(doc.sentences), has_author_note(doc))
        rows.append((doc.doc_id, kind, evidence))
    return pd.DataFrame(rows, columns=COLUMNS)
