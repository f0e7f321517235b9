"""Quoted passages: spans of text inside quotation marks.

Used to tell the writer's own words from the words it quotes (stance cues
inside quotes belong to the quoted source) and to measure how much of a text
is quotation.
"""

from __future__ import annotations

import re

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
