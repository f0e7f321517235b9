"""What a number measures: its concept, its context for alignment, and the measured noun phrase."""

from __future__ import annotations

import re

from ..lexicons import function_words
from .number_forms import _APPROX_WORDS, _BOUNDS, _MODIFIER_WORDS, _SCALES, _WORDNUM_RE

_STOP = re.compile(r"[,;:()—–]|\s(?:and|but|while|which|that|who|with|as|because|after|before|despite|although)\s")

#: Words either side of a number that weigh double in its context.
NEAR_WORDS = 6


#: Stands for the number in the sentence part of a mention's context, so that the words before and after it can
#: be told apart: an invisible separator (U+2063), which text cleaning removes from every document, padded
#: with spaces so that words either side stay apart.
NUMBER_MARK = " \u2063 "


def split_context(context: str) -> tuple[str, str]:
    """The sentence's words before and after the number, from a mention's ``context``.

    >>> split_context("rose to || Prices rose to" + NUMBER_MARK + "this year")
    ('Prices rose to', 'this year')
    """
    sentence = context.split(" || ", 1)[-1]
    before, _, after = sentence.partition(NUMBER_MARK)
    return before.strip(), after.strip()


def _concept(text: str, start: int, end: int, m_start: int, m_end: int, kind: str = "") -> tuple[str, str]:
    """What is measured, and the context used to align it.

    The concept is the clause's words before the number, "…" for the number,
    and the phrase after it (to the next clause break), as they read; for a
    share ("70 percent of processing"), "share of" the phrase after it, then
    the words before it in brackets. The context is the
    :data:`NEAR_WORDS` words either side of the number, then ``||``, then the
    rest of the sentence.
    """
    after = text[m_end:end]
    stop = _STOP.search(after)
    after_words = (after[:stop.start()] if stop else after).split()[:8]
    before = text[start:m_start]
    breaks = list(_STOP.finditer(before))
    cut = breaks[-1].end() if breaks else 0
    before_words = before[cut:].split()[-8:]
    if breaks and breaks[-1].group().strip().lower() in ("which", "who", "that"):
        # "Acme, which now controls 70 percent": the subject is the antecedent
        antecedent = before[:breaks[-1].start()].rstrip(" ,").split()[-3:]
        before_words = [w.strip(",") for w in antecedent if w[:1].isupper()][-2:] + before_words
    concept = " ".join(after_words).strip(" .")
    subject = " ".join(before_words).strip(" .")
    if kind in ("percent", "percentage_points") and concept.lower().startswith(("of ", "to ")):
        # "Vale controls 70 percent of processing": a share of processing (Vale controls …)
        concept = "share of " + concept.split(" ", 1)[1]
        label = f"{concept} ({subject} …)" if subject else concept
    else:  # in reading order, "…" standing for the number: "Acme pledged … in Norland's mines"
        label = f"{subject} … {concept}" if concept and subject else concept or subject
    near = text[start:m_start].split()[-NEAR_WORDS:] + text[m_end:end].split()[:NEAR_WORDS]
    return label, " ".join(near) + " || " + text[start:m_start] + NUMBER_MARK + text[m_end:end]


#: Words between a measured thing and its number that are not part of it ("reserves *estimated at* $6 trillion").
_LINK_WORDS = frozenset("worth estimated estimate valued put reached reach reaches totalled totaled total totals stood "
                        "stands stand amounted amount amounts came comes come rose fell grew dropped jumped climbed "
                        "cost costs costing priced contributes contributed controls controlled dominates dominated "
                        "accounts accounted account represents represented make makes made claims claimed cite cites "
                        "say says said generate generates generated bring brings only just nearly almost roughly".split())
_PHRASE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: Characters either side of a number searched for its measured phrase (bounds the cost in very long sentences).
PHRASE_WINDOW = 300
#: Words of a measured phrase kept at most (the head noun and its closest modifiers).
MEASURED_WORDS = 5


def measured_phrase(text: str, start: int, end: int, m_start: int, m_end: int, kind: str, surface: str = "") -> str:
    """The noun phrase naming what a number measures, as written.

    * after "of"/"to"/"in" following the number: "70 percent *of global
      processing*", "3.2% *to GDP*", "billions *in revenue*";
    * a counted noun written with the number: "14 *first-team players*";
    * otherwise the subject before it, without the verbs that link it to the
      number: "*timber reserves* estimated at $6 billion".

    Dates measure nothing; their phrase is empty.

    >>> t = "Norland handles 70 percent of regional grain exports, officials say."
    >>> measured_phrase(t, 0, len(t), 16, 26, "percent")
    'regional grain exports'
    """
    if kind == "date":
        return ""
    after = text[m_end:min(end, m_end + PHRASE_WINDOW)]
    start = max(start, m_start - PHRASE_WINDOW)
    stop = {"and", "or", "but", "while", "which", "that", "who", "with", "as", "because", "than"}
    lead = re.match(r"\s*(?:of|to|in|for)\s+(?:(?:the|its|their|his|her|our|a|an|all)\s+)?", after)
    if lead and kind != "duration":
        words = []
        for w in _PHRASE_WORD.findall(re.split(r"[,;:.()—–!?]", after[lead.end():], maxsplit=1)[0]):
            if w.lower() in stop or w.lower() in function_words() and words:
                break
            if w.lower() not in function_words():
                words.append(w)
            if len(words) >= MEASURED_WORDS:
                break
        if words:
            return " ".join(words)
    own = [w for w in _PHRASE_WORD.findall(surface) if w.lower() not in function_words() and w.lower() not in _MODIFIER_WORDS
           and not _WORDNUM_RE.fullmatch(w) and w.lower() not in _SCALES]
    if kind == "count" and own:
        return " ".join(own[-MEASURED_WORDS:])
    before = text[start:m_start]
    cut = max((b.end() for b in _STOP.finditer(before)), default=0)
    words = _PHRASE_WORD.findall(before[cut:])
    while words and (words[-1].lower() in function_words() or words[-1].lower() in _LINK_WORDS or words[-1].lower() in _BOUNDS
                     or words[-1].lower() in _APPROX_WORDS or words[-1].lower().endswith(("ed", "ly"))):
        words.pop()  # the verbs and adverbs that lead to the number
    phrase = []
    for w in reversed(words):
        if w.lower() in function_words() or w.lower() in _LINK_WORDS or len(phrase) >= MEASURED_WORDS:
            break
        if not w.lower().endswith("ly"):
            phrase.insert(0, w)
    return " ".join(phrase)
