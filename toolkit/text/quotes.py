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


def _well_formed(quotation: str) -> bool:
    """A quotation over several sentences that holds no straight double quote (marks of two styles mixed:
    "“We are ready," ... “done.”" pairs the wrong marks) and whose every new paragraph opens with a mark,
    as a quotation running on over paragraphs does."""
    if '"' in quotation:
        return False
    return all(p.lstrip()[:1] in _RUNNING_OPEN for p in re.split(r"\n\s*\n", quotation)[1:] if p.strip())


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
    # straight marks pair within a paragraph that holds an even number of them (one stray mark elsewhere spoils no other)
    breaks = [m.end() for m in re.finditer(r"\n\s*\n", text[first:last])]
    for start, end in zip([first] + [first + b for b in breaks], [first + b for b in breaks] + [last]):
        if text.count('"', start, end) % 2 == 0 and '"' in text[start:end]:
            running += [(a, b) for a, b in quoted_spans(text, start, end)
                        if text[a] == '"' and not re.search(r"[“”«»„]|\n\s*\n", text[a:b])]
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
