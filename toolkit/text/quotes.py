"""Quoted passages: spans of text inside quotation marks.

Used to tell the writer's own words from the words it quotes (stance cues
inside quotes belong to the quoted source) and to measure how much of a text
is quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_right

#: Opening mark -> closing mark.
PAIRS = {"“": "”", "„": "“", "«": "»", '"': '"'}
#: A quoted passage longer than this is taken to be a stray, unmatched mark.
MAX_QUOTE_CHARS = 1500

_OPEN = re.compile(r"[“„«]|(?<![\w.,!?])\"")


def quoted_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` inside quotation marks, marks included.

    Curly and guillemet quotes are paired by kind; straight double quotes open
    after a space or line start and close at the next straight quote. Single
    quotes are ignored (they double as apostrophes).

    >>> t = 'He said “it is done” and left. "Fine," she said.'
    >>> [t[a:b] for a, b in quoted_spans(t)]
    ['“it is done”', '"Fine,"']

    A curly opening mark may close with a straight one, and a straight one with a curly one:

    >>> t = '“We begin now," he said. “It is "fake" news,” she said. Jo said "it is over.”'
    >>> [t[a:b] for a, b in quoted_spans(t)]
    ['“We begin now,"', '“It is "fake" news,”', '"it is over.”']
    """
    end = len(text) if end is None else end
    spans = []
    position = start
    while True:
        match = _OPEN.search(text, position, end)
        if match is None:
            return spans
        closer = PAIRS[match.group()]
        close = text.find(closer, match.end(), end)
        if match.group() == "“":
            # a curly opening mark closed by a straight one ("“It is done," she said"): the first straight mark
            # after it, when it is shaped as a closing one and comes before any curly closing mark
            straight = text.find('"', match.end(), close if close != -1 else end)
            if straight != -1 and _closes(text, straight):
                close = straight
        elif match.group() == '"':
            # and a straight one by a curly one ('"It is done,” she said'), when no curly quotation opens before it
            curly = text.find("”", match.end(), close if close != -1 else end)
            if curly != -1 and "“" not in text[match.end():curly]:
                close = curly
        if close == -1 or close - match.start() > MAX_QUOTE_CHARS:
            position = match.end()
            continue
        spans.append((match.start(), close + 1))
        position = close + 1


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when ``[start, end)`` lies within one of ``spans``."""
    return any(a <= start and end <= b for a, b in spans)


#: Opening marks of quotations that may run over several sentences (typographic marks, which pair reliably).
_RUNNING_OPEN = frozenset("“«„")


def quoted_chars(spans: list[tuple[int, int]] | tuple[tuple[int, int], ...], start: int, end: int) -> int:
    """How many characters of ``[start, end)`` lie inside the quotation ``spans``.

    >>> quoted_chars([(0, 10), (20, 30)], 5, 25)
    10
    """
    return sum(max(0, min(b, end) - max(a, start)) for a, b in spans)


def mostly_quoted(spans: list[tuple[int, int]] | tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """More than half of ``[start, end)`` lies inside the quotation ``spans`` ("“I thank my family,” Roe said")."""
    return end > start and quoted_chars(spans, start, end) * 2 > end - start


def _well_formed(quotation: str) -> bool:
    """A quotation over several sentences that holds no straight double quote (marks of two styles mixed:
    "“We are ready," ... “done.”" pairs the wrong marks) and whose every new paragraph opens with a mark,
    as a quotation running on over paragraphs does."""
    if '"' in quotation:
        return False
    return all(p.lstrip()[:1] in _RUNNING_OPEN for p in re.split(r"\n\s*\n", quotation)[1:] if p.strip())


_PARAGRAPH = re.compile(r"\n\s*\n")
#: What comes before a quotation that opens a sentence: the start, a line break or a stop and a space.
_SENTENCE_START = re.compile(r"(?:^|\n|[.!?]\s+)\s*$")


def _opens(text: str, at: int) -> bool:
    """A straight mark shaped as an opening one: after a space, a line start or a bracket, before a word."""
    return (at == 0 or text[at - 1] in " \t\n([—–-") and at + 1 < len(text) and not text[at + 1].isspace()


def _closes(text: str, at: int) -> bool:
    """A straight mark shaped as a closing one: after a word or a stop, before a space, a stop or the end."""
    return at > 0 and not text[at - 1].isspace() and (at + 1 == len(text) or text[at + 1].isspace()
                                                        or text[at + 1] in ".,;:!?)—–-")


def straight_quotes(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    r"""Quotations in straight double marks, paired by their shape: a mark that opens (after a space, before a
    word) with the next mark when that one closes (after a word, before a space or a stop) in the same
    paragraph. A mark of neither shape, or a closing mark with no opening one ("...forced to leave" he
    said), pairs with nothing, so one lost mark spoils no other quotation. A quotation still open at the end
    of a paragraph whose next paragraph opens with a mark runs to the paragraph's end when it opens a sentence (a
    quotation of several paragraphs opens each of them and closes only the last).

    >>> t = 'He left. Many felt forced to leave" he said. "We are sad" she said.'
    >>> [t[a:b] for a, b in straight_quotes(t)]
    ['"We are sad"']
    >>> t = '"It is evil," he said. "As a father, I pray.\n\n"I ask forgiveness," he said.'
    >>> [t[a:b] for a, b in straight_quotes(t)]
    ['"It is evil,"', '"As a father, I pray.', '"I ask forgiveness,"']
    """
    end = len(text) if end is None else end
    marks = [m.start() for m in re.finditer('"', text[start:end])]
    marks = [start + m for m in marks]
    breaks = [start + m.start() for m in _PARAGRAPH.finditer(text[start:end])]
    spans, k = [], 0
    while k < len(marks):
        at = marks[k]
        if not _opens(text, at):
            k += 1
            continue
        paragraph_end = next((b for b in breaks if b > at), end)
        following = marks[k + 1] if k + 1 < len(marks) else None
        if following is not None and following < paragraph_end and _closes(text, following) \
                and following - at <= MAX_QUOTE_CHARS:
            spans.append((at, following + 1))
            k += 2
            continue
        if following is not None and following > paragraph_end and not text[paragraph_end:following].strip() \
                and paragraph_end - at <= MAX_QUOTE_CHARS and _SENTENCE_START.search(text[:at]):
            spans.append((at, len(text[:paragraph_end].rstrip())))  # runs on into the next paragraph
        k += 1
    return spans


def running_quotes(text: str, bounds: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Per sentence (``bounds``: the sentences' ``(start, end)`` in ``text``, in order), the parts of it inside a
    quotation that opens or closes in another sentence ("“It is done. We leave now,” she said."), which a
    sentence's own :func:`quoted_spans` cannot see. Typographic marks count when the quotation is well formed;
    straight double marks within a paragraph that holds an even number of them; a quotation longer than :data:`MAX_QUOTE_CHARS` is a stray mark.

    >>> t = "“It is done. We leave now,” she said. He left."
    >>> [[t[a:b] for a, b in spans] for spans in running_quotes(t, [(0, 12), (13, 36), (37, 46)])]
    [['“It is done.'], ['We leave now,”'], []]
    """
    out: list[list[tuple[int, int]]] = [[] for _ in bounds]
    if not bounds or not any(mark in text for mark in _RUNNING_OPEN | {'"'}):
        return out
    first, last = bounds[0][0], bounds[-1][1]
    running = [(a, b) for a, b in quoted_spans(text, first, last) if text[a] in _RUNNING_OPEN and _well_formed(text[a:b])]
    running += [(a, b) for a, b in straight_quotes(text, first, last) if not re.search(r"[“”«»„]", text[a:b])]
    if not running:
        return out
    starts = [s for s, _ in bounds]
    for a, b in running:
        first = max(bisect_right(starts, a) - 1, 0)
        if bounds[first][0] <= a and b <= bounds[first][1]:
            continue  # within one sentence: its own quoted_spans find it
        for index in range(first, len(bounds)):
            start, end = bounds[index]
            if start >= b:
                break
            if end > a:
                out[index].append((max(a, start), min(b, end)))
    return out
