"""Sentence segmentation for news prose.

A rule-based splitter that returns character spans, so every sentence can be
quoted exactly. It handles abbreviations (``U.S.``, ``Dec.``, ``Mr.``,
``Gen.``, ``No.``), decimals and money (``$1.2 billion``, ``3.2%``), initials,
quotations, ellipses and question or exclamation marks. Callers split text
into blocks (headings, paragraphs, list items) first, so no sentence ever
spans two blocks.
"""

from __future__ import annotations

import re

from ..lexicons import abbreviations, function_words

#: Characters that may close a sentence after its final punctuation.
CLOSERS = "\"'”’)]»"
#: Characters that may open a sentence besides a capital letter or a digit.
OPENERS = "\"'“‘([«¡¿$£€#"

#: A word token: letters or digits, with inner apostrophes, hyphens or periods
#: ("country’s", "long-term", "3.2").
WORD_RE = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*")

_TERMINAL = re.compile(r"\.{3}|…|[.!?]+")
_WORD_BEFORE = re.compile(r"([^\s\"'“‘(\[«]+)$")
_WORD_AFTER = re.compile(r"[\"'“‘(\[«]*([^\s]+)")
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")  # "U.S" "a.m" "e.g"


def _next_word(text: str, pos: int) -> str:
    match = _WORD_AFTER.match(text, pos)
    return re.sub(r"[^\w]+$", "", match.group(1)) if match else ""


def _is_starter(word: str) -> bool:
    """A capitalised closed-class word, the usual first word of a sentence."""
    return word[:1].isupper() and word.lower() in function_words()


def _period_ends_sentence(text: str, dot: int, nxt: int) -> bool:
    """Decide whether the period at ``dot`` ends a sentence.

    ``nxt`` is the position of the first character of the following word.
    """
    match = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    token = match.group(1) if match else ""
    behaviour = abbreviations().get(token)
    if behaviour is None and token[:1].isupper():
        behaviour = abbreviations().get(token.lower())
    following = _next_word(text, nxt)
    if behaviour == "never_final":
        return False
    if behaviour == "before_number":
        return not following[:1].isdigit()
    if len(token) == 1 and token.isalpha() and token.isupper():
        # An initial ("J. Blair"); a lone capital rarely ends a sentence.
        return _is_starter(following)
    if behaviour == "may_end" or _INITIALISM.match(token):
        return _is_starter(following) or following[:1] in OPENERS
    return True


def _run_on_boundary(text: str, match: re.Match, stop: int, end: int) -> bool:
    """A sentence end with the space after it missing: "the deal.So from".

    Only a full stop after a lower-case word of two letters or more, directly
    followed by a capitalised lower-case word, and not after an abbreviation.
    """
    dot = match.start()
    if match.group() != "." or stop + 1 >= end or dot < 2:
        return False
    if not (text[stop].isupper() and text[stop + 1].islower()):
        return False
    if not (text[dot - 1].islower() and text[dot - 2].isalpha()):
        return False
    token = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    return token is not None and "." not in token.group(1) and token.group(1) not in abbreviations()


#: Longest sentence, in characters; longer runs are cut at white space. Long
#: news sentences run to about 100 words (some 600 characters); the longest
#: in the seed corpus has 326 characters. The bound keeps per-sentence steps
#: (tone, stance, number context) from growing with an article's length.
MAX_SENTENCE_CHARS = 1_500


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences.

    Parameters
    ----------
    text : str
        The text; offsets are into it.
    start, end : int
        The block to split (defaults: the whole text).

    Returns
    -------
    list of (start, end)
        Sentence spans, in order, stripped of surrounding white space. They do
        not overlap and together cover every non-space character of the block.
        None is longer than :data:`MAX_SENTENCE_CHARS`.

    Examples
    --------
    >>> t = "Mr. Khan met U.S. officials on Dec. 19. Exports rose 3.2% to $1.2 billion."
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Mr. Khan met U.S. officials on Dec. 19.', 'Exports rose 3.2% to $1.2 billion.']
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _TERMINAL.finditer(text, start, end):
        stop = match.end()
        while stop < end and text[stop] in CLOSERS:
            stop += 1
        if stop < end and not text[stop].isspace():
            if not _run_on_boundary(text, match, stop, end):
                continue  # "3.2", "U.S.-led", "e.g.," or "?!" run on
        nxt = stop
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt < end:
            first = text[nxt]
            if not (first.isupper() or first.isdigit() or first in OPENERS):
                continue
            if match.group() == "." and not _period_ends_sentence(text, match.start(), nxt):
                continue
        spans.append((cursor, stop))
        cursor = nxt
    if cursor < end:
        spans.append((cursor, end))
    spans = [part for span in spans for part in _tag_runs(text, *span)]
    return [piece for span in spans if (trimmed := _strip(text, *span)) for piece in _bounded(text, *trimmed)]


#: A page's list of topic tags run into the text with no punctuation ("... the city Tags Vale Norby UN Jo Roe
#: Eleven people were killed"): the label, then capitalised words (and name particles), up to the capitalised word
#: that opens the next sentence (one followed by a lower-case word).
_TAG_RUN = re.compile(r"(?<=\s)(?:Tags|Topics|Keywords|Related topics)\s+"
                      r"((?:(?:[A-Z][\w’'.-]*|(?:al|el|bin|ibn|de|van|von)[-\s][\w’'-]+|of|and|the)\s+){2,}?)"
                      r"(?=[A-Z][\w’'-]*\s+(?!(?:al|el|de|bin|ibn|van|von)\b)[a-z])")


def is_tag_run(sentence: str) -> bool:
    """Whether a sentence is a run-in list of topic tags (:data:`_TAG_RUN`).

    >>> is_tag_run("Tags Vale Norby UN"), is_tag_run("Tags were sold at the fair.")
    (True, False)
    """
    return bool(re.fullmatch(r"(?:Tags|Topics|Keywords|Related topics)(?:\s+(?:[A-Z][\w’'.-]*|(?:al|el|bin|ibn|de|van|von)"
                             r"[-\s][\w’'-]+|of|and|the))+", sentence.strip()))


def _tag_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut before and after a run-in tag list (:data:`_TAG_RUN`), so that the list is a piece of its own.

    >>> t = "Rockets hit the city Tags Vale Norby UN Jo Roe Eleven people were killed."
    >>> [t[a:b].strip() for a, b in _tag_runs(t, 0, len(t))]
    ['Rockets hit the city', 'Tags Vale Norby UN Jo Roe', 'Eleven people were killed.']
    """
    match = _TAG_RUN.search(text, start, end)
    if not match:
        return [(start, end)]
    return [(start, match.start()), (match.start(), match.end()), *_tag_runs(text, match.end(), end)]


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most :data:`MAX_SENTENCE_CHARS`, cut at white space where there is some.

    Every per-sentence step then costs at most a bounded amount, so a text with
    no full stops (a run-on dump, a table flattened to one line) is analysed in
    time linear in its length.
    """
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = max(text.rfind(" ", start + 1, limit), text.rfind("\n", start + 1, limit))
        cut = cut if cut > start else limit
        if (piece := _strip(text, start, cut)) is not None:
            pieces.append(piece)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
