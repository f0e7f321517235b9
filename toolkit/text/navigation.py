"""Tell a navigation page (menus, lists of links and headlines) from an article.

A page saved from a news site is sometimes its front page, a section index or
a tag page rather than an article: lists of headlines and menu items, with
few or no sentences. Measured as an article it would add a "source" whose
tone, frames and numbers are those of other articles' headlines.

The signals are general, not tied to any site:

* **prose share**: the share of the page's words that stand in prose
  sentences (at least :data:`PROSE_MIN_WORDS` words, ending like a sentence,
  with at least :data:`PROSE_MIN_FUNCTION_WORDS` function words, which
  headlines and menu items mostly lack);
* **short-unit share**: the share of the page's blocks (paragraphs, lines,
  list items) of at most :data:`SHORT_UNIT_WORDS` words;
* **link share** (HTML only): the share of the page's visible characters
  inside links.

A page is navigation when it has at least :data:`MIN_UNITS` blocks, its prose
share is below :data:`MAX_PROSE_SHARE`, and either its blocks are mostly
short or its text is mostly links. An article with a menu, a list of "most
read" headlines or a link footer keeps its prose share well above the
threshold: its body is prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicons import function_words
from .segment import WORD_RE

#: Words a prose sentence has at least (a headline rarely ends with a full
#: stop; a menu item has one to four words).
PROSE_MIN_WORDS = 6
#: Function words a prose sentence has at least: running English prose has
#: about half its tokens in the closed classes, a headline or menu item few.
PROSE_MIN_FUNCTION_WORDS = 2
#: Words of a short block: a menu item, a section label, a short headline.
SHORT_UNIT_WORDS = 8
#: Blocks a page must have before it can be called navigation: a short note
#: of a title and two lines is too little to judge.
MIN_UNITS = 8
#: A navigation page has less than this share of its words in prose
#: sentences. Set below every article of the seeds, the development corpora
#: and the SemEval-2023 framing development articles (about 180 articles, the
#: lowest at 0.65, nearly all above 0.8) and of an article captured with its
#: menu and a "most read" list (0.62, written for the tests), and above front
#: and section pages (0 for those written for the tests); a convention of
#: this toolkit, not fitted.
MAX_PROSE_SHARE = 0.35
#: ... and at least this share of short blocks ...
MIN_SHORT_SHARE = 0.6
#: ... or at least this share of its visible text inside links (HTML).
MIN_LINK_SHARE = 0.5

_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


@dataclass(frozen=True)
class PageSignals:
    """The signals of :func:`page_signals`.

    Attributes
    ----------
    units : int
        Blocks of text (title, headings, paragraphs, list items).
    words : int
        Word tokens.
    prose_share, short_share : float
        Share of words in prose sentences; share of blocks that are short.
    link_share : float or None
        Share of the page's visible characters inside links (HTML only).
    """

    units: int
    words: int
    prose_share: float
    short_share: float
    link_share: float | None = None

    def describe(self) -> str:
        """The signals in words, for a warning."""
        links = f", {self.link_share:.0%} of its text in links" if self.link_share is not None else ""
        return (f"{self.prose_share:.0%} of its {self.words:,} words in sentences, "
                f"{self.short_share:.0%} of its {self.units} blocks of at most {SHORT_UNIT_WORDS} words{links}")


def is_prose(sentence: str) -> bool:
    """A sentence of running prose rather than a headline, label or menu item.

    >>> is_prose("The harbour reopened on Tuesday after a long closure."), is_prose("Council approves bridge budget")
    (True, False)
    """
    words = WORD_RE.findall(sentence)
    if len(words) < PROSE_MIN_WORDS or not _ENDS_SENTENCE.search(sentence):
        return False
    closed = function_words()
    return sum(1 for w in words if w.lower() in closed) >= PROSE_MIN_FUNCTION_WORDS


def page_signals(units: list[str], sentences: list[str], link_share: float | None = None) -> PageSignals:
    """The navigation signals of a page from its blocks and sentences (texts)."""
    counts = [len(WORD_RE.findall(u)) for u in units]
    words = sum(counts)
    prose = sum(len(WORD_RE.findall(s)) for s in sentences if is_prose(s))
    short = sum(1 for n in counts if n <= SHORT_UNIT_WORDS)
    return PageSignals(len(units), words, prose / words if words else 0.0, short / len(units) if units else 0.0, link_share)


def is_navigation(signals: PageSignals) -> bool:
    """Whether the signals describe a navigation page (see the module docstring)."""
    if signals.units < MIN_UNITS or signals.prose_share >= MAX_PROSE_SHARE:
        return False
    return signals.short_share >= MIN_SHORT_SHARE or (signals.link_share or 0.0) >= MIN_LINK_SHARE
