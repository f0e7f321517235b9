"""What kind of text each document is: news report, opinion, analysis, press release, interview or conversational reply.

General signals only, counted on the writer's own words (quoted passages are
set aside): whom the text addresses (second person), whether the writer
speaks as "I" and prescribes ("should", "must"), how densely it attributes
(said, told, according to), question-and-answer layout, the stock phrases of
press releases (boilerplate, media contact) and of conversational replies
("you're right", "let me know", "my view:"). The rules are ordered, from the
most specific form to the most general, and every decision names the signals
that made it (``text_type_evidence``).

The thresholds were set on the 42 texts written for the purpose
(``tests/gold/text_type/written.csv``), labelled before the rules were
written; the development corpora and seeds (``tests/gold/text_type/corpora.csv``)
check them.
"""

from __future__ import annotations

import re

import pandas as pd

from ..corpus.documents import Corpus
from ..text.quotes import quoted_spans

TYPES = ("news_report", "opinion", "analysis", "press_release", "interview", "conversational_reply")
#: Plain-language names of the types, for the report.
LABELS = {"news_report": "news report", "opinion": "opinion / column", "analysis": "analysis",
          "press_release": "press release", "interview": "interview / Q&A",
          "conversational_reply": "conversational reply"}
COLUMNS = ["doc_id", "text_type", "text_type_evidence"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SECOND = re.compile(r"\b(?:you|your|yours|yourself|you['’](?:re|ve|ll|d))\b", re.I)
_FIRST_SINGULAR = re.compile(r"(?<![A-Z]\.)\b(?:I|I['’](?:m|ve|d|ll)|me|my|myself)\b")
#: Time anchors of reported events: weekdays, "yesterday", month-day dates.
_ANCHOR = re.compile(
    r"\b(?:on|last|this|next|since|until|by|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"week|weekend|night)\b|\b(?:yesterday|overnight)\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? "
    r"\d{1,2}\b(?!:)|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")
_PRESCRIPTIVE = re.compile(r"\b(?:should|must|ought to|need to|it is time|let us|let's)\b", re.I)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|according to|announced|reported|stated|added|confirmed|denied|claimed|quoted)\b", re.I)
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
    r"(?:\b(?:is|are) (?:pleased|delighted|proud|excited) to (?:announce|report|welcome)|\btoday (?:announced|unveiled|"
    r"reported|launched)|^about [A-Z][^\n:]{0,60}:|\bmedia (?:contact|enquiries|inquiries)|\bpress (?:contact|enquiries|"
    r"inquiries|office)|\bfor (?:further|more) information\b|\bnotes? to editors\b|\bforward-looking statements\b|"
    r"\binvestor (?:contact|relations)\b|(?:^|\n)\s*(?:ends|###)\s*\.?\s*(?:$|\n))", re.I | re.M)
#: Question-and-answer layout: lines led by Q:/A: or a speaker label, or a
#: paragraph that is one question.
_QA_LABEL = re.compile(r"^\s*(?:Q|A|[A-Z][A-Z .'-]{1,30})\s*[:：]", re.M)
_QUESTION_LINE = re.compile(r"^[^\n?]{3,200}\?\s*$", re.M)

#: Thresholds, set on the written texts (see module docstring).
#: A reply: at least this many stock phrases, or one with second-person
#: address at or above SECOND_PERSON_REPLY per 100 words.
REPLY_PHRASES = 2
SECOND_PERSON_REPLY = 1.5
#: Question-and-answer lines (labelled or question-only paragraphs).
QA_LINES = 3
#: Press-release boilerplate phrases.
PRESS_PHRASES = 2
#: First-person singular per 100 own words for an opinion piece; a lower
#: bar when the writer also prescribes.
FIRST_PERSON_OPINION = 1.0
FIRST_PERSON_WITH_PRESCRIPTION = 0.4
PRESCRIPTIONS = 2
#: Attribution verbs and time anchors per sentence for a news report.
ATTRIBUTION_NEWS = 0.25


def _own_words(text: str) -> str:
    """The text with quoted passages blanked (the writer's own words)."""
    pieces, last = [], 0
    for a, b in quoted_spans(text):
        pieces.append(text[last:a])
        pieces.append(" ")
        last = b
    pieces.append(text[last:])
    return "".join(pieces)


def _examples(matches: list[str], limit: int = 3) -> str:
    seen = list(dict.fromkeys(m.strip().lower() for m in matches))
    return ", ".join(f"“{m}”" for m in seen[:limit])


def classify(text: str, title: str = "", sentences: int = 0) -> tuple[str, str]:
    """The text type of one document and the evidence for it.

    Parameters
    ----------
    text : str
        The document's cleaned text.
    title : str
        Its headline, when known (a question headline counts towards analysis).
    sentences : int
        Its number of sentences, when segmented (else sentence ends are counted).

    Returns
    -------
    (text_type, evidence)
        One of :data:`TYPES`, and the signals behind it in words.

    Examples
    --------
    >>> classify("Q: Why?\\nA: Because.\\nQ: When?\\nA: Soon.")[0]
    'interview'
    """
    own = _own_words(text)
    words = max(1, len(_WORD.findall(own)))
    per100 = 100.0 / words
    sentences = max(1, sentences or len(re.findall(r"[.!?](?:\s|$)", text)))
    second = _SECOND.findall(own)
    first = _FIRST_SINGULAR.findall(own)
    prescriptive = _PRESCRIPTIVE.findall(own)
    attribution = _ATTRIBUTION.findall(text)
    anchors = _ANCHOR.findall(text)
    reply = _CONVERSATIONAL.findall(own)
    press = _PRESS.findall(text)
    qa = len(_QA_LABEL.findall(text)) + len(_QUESTION_LINE.findall(text))
    rates = (f"second person {len(second) * per100:.1f}, first person singular {len(first) * per100:.1f} per 100 words; "
             f"{len(attribution) / sentences:.2f} attribution verbs and {len(anchors) / sentences:.2f} time anchors per sentence")
    if len(reply) >= REPLY_PHRASES or (reply and len(second) * per100 >= SECOND_PERSON_REPLY):
        return "conversational_reply", f"addresses the reader as if answering them: {_examples(reply)}; {rates}"
    if qa >= QA_LINES:
        return "interview", f"{qa} question or speaker-labelled lines; {rates}"
    if len(press) >= PRESS_PHRASES:
        return "press_release", f"press-release formulas: {_examples(press)}; {rates}"
    first_rate = len(first) * per100
    if first_rate >= FIRST_PERSON_OPINION or (first_rate >= FIRST_PERSON_WITH_PRESCRIPTION
                                              and len(prescriptive) >= PRESCRIPTIONS):
        return "opinion", (f"the writer speaks as “I” and argues ({len(first)} first-person singular, "
                           f"{len(prescriptive)} prescriptive: {_examples(prescriptive)}); {rates}")
    if (len(attribution) + len(anchors)) / sentences >= ATTRIBUTION_NEWS:
        return "news_report", f"reports dated events and attributes them ({_examples(attribution + anchors)}); {rates}"
    question = " (question headline)" if title.strip().endswith("?") else ""
    return "analysis", f"explains without a reporting voice or a first-person view{question}; {rates}"


def text_types(corpus: Corpus) -> pd.DataFrame:
    """One row per document: ``doc_id, text_type, text_type_evidence``."""
    rows = []
    for doc in corpus.documents:
        kind, evidence = classify(doc.text, doc.metadata.get("title", ""), len(doc.sentences))
        rows.append((doc.doc_id, kind, evidence))
    return pd.DataFrame(rows, columns=COLUMNS)
