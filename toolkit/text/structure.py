"""Document structure: titles, headings, paragraphs, list items and sentences.

Builds the cleaned text from the lines that cleaning kept and returns every
unit with ``start``/``end`` offsets into it, so that
``text[unit.start:unit.end] == unit.text`` always holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cleaning import Cleaned
from .segment import is_tag_run, sentence_spans

#: A heading has at most this many words ...
HEADING_MAX_WORDS = 16
#: ... and at most this many characters.
HEADING_MAX_CHARS = 150
#: Blocks are separated by a blank line in the cleaned text.
BLOCK_SEPARATOR = "\n\n"

_MD_HEADING = re.compile(r"#{1,6}\s+")
_LIST_MARKER = re.compile(r"(?:[-*+•▪●]|\d{1,3}[.)])\s+")
_END_PUNCT = (".", ",", ";", ":", "!", "”", '"', "’", "'", ")")
_JOIN_END = (".", "!", "?", ":", ";", "”", '"', ")")


@dataclass(frozen=True)
class Unit:
    """A block of the cleaned text: ``title``, ``heading``, ``paragraph`` or ``list_item``."""

    unit_id: int
    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """A sentence, inside exactly one unit."""

    sentence_id: int
    unit_id: int
    kind: str
    start: int
    end: int
    text: str


@dataclass
class _Block:
    parts: list[str]
    kind: str
    marker: str = ""


def looks_like_heading(text: str) -> bool:
    """A short line without closing punctuation, starting with a capital or digit.

    >>> looks_like_heading("Commerce Drives the Revival"), looks_like_heading("It rose.")
    (True, False)
    """
    words = text.split()
    if not words or len(words) > HEADING_MAX_WORDS or len(text) > HEADING_MAX_CHARS:
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    if text.endswith("?"):
        return len(words) <= 10
    return not text.endswith(_END_PUNCT)


def _blocks(raw: str, cleaned: Cleaned, markdown: bool) -> list[_Block]:
    blocks: list[_Block] = []
    joinable = False  # may the next kept line continue the current block?
    for line in cleaned.lines:
        text = raw[line.start:line.end]
        if line.removed or not text:
            joinable = False
            continue
        heading = _MD_HEADING.match(text) if markdown else None
        if line.number == cleaned.title_line:
            blocks.append(_Block([text], "title", heading.group() if heading else ""))
            joinable = False
            continue
        item = _LIST_MARKER.match(text)
        if heading:
            blocks.append(_Block([text], "heading", heading.group()))
            joinable = False
        elif item and len(text) > item.end():
            blocks.append(_Block([text], "list_item", item.group()))
            joinable = True
        elif line.list_item:
            blocks.append(_Block([text], "list_item"))
            joinable = True
        elif joinable and text[0].islower() and not blocks[-1].parts[-1].endswith(_JOIN_END):
            blocks[-1].parts.append(text)  # a hard-wrapped line continues the block
        else:
            blocks.append(_Block([text], "paragraph"))
            joinable = True
    for index, block in enumerate(blocks):
        is_last = index == len(blocks) - 1
        if block.kind == "paragraph" and len(block.parts) == 1 and not is_last and looks_like_heading(block.parts[0]):
            block.kind = "heading"
    return blocks


def build(raw: str, cleaned: Cleaned, markdown: bool = False) -> tuple[str, list[Unit], list[Sentence]]:
    """Assemble the cleaned text and its units and sentences.

    Parameters
    ----------
    raw : str
        The original text that ``cleaned`` describes.
    cleaned : Cleaned
        The result of :func:`toolkit.text.cleaning.clean` on ``raw``.
    markdown : bool
        Read ``#`` headings (list markers are read in every format).

    Returns
    -------
    text : str
        Kept blocks separated by a blank line; lines of a hard-wrapped
        paragraph stay separated by one newline.
    units : list of Unit
        One per block; list markers and ``#`` marks are outside the span.
    sentences : list of Sentence
        Titles and headings are one sentence each; other blocks are split by
        :func:`toolkit.text.segment.sentence_spans`.
    """
    pieces: list[str] = []
    units: list[Unit] = []
    sentences: list[Sentence] = []
    offset = 0
    for unit_id, block in enumerate(_blocks(raw, cleaned, markdown)):
        if pieces:
            pieces.append(BLOCK_SEPARATOR)
            offset += len(BLOCK_SEPARATOR)
        body = "\n".join(block.parts)
        pieces.append(body)
        start, end = offset + len(block.marker), offset + len(body)
        offset = end
        units.append(Unit(unit_id, block.kind, start, end, body[len(block.marker):]))
    text = "".join(pieces)
    for unit in units:
        if unit.kind in ("title", "heading"):
            spans = [(unit.start, unit.end)]
        else:
            spans = sentence_spans(text, unit.start, unit.end)
        for start, end in spans:
            kind = "heading" if unit.kind == "paragraph" and is_tag_run(text[start:end]) else unit.kind  # a tag list
            sentences.append(Sentence(len(sentences), unit.unit_id, kind, start, end, text[start:end]))
    return text, units, sentences
