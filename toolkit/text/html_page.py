"""A plain reading of an HTML page: its blocks of text, its links and its ``<meta>`` names.

The main text of an article page is extracted by trafilatura (see
:mod:`toolkit.corpus.documents`). This module reads what trafilatura does not
give, or cannot give:

* the page's site name (``og:site_name``, ``application-name``), to name the
  outlet and say where the name came from;
* how much of the page's text sits inside links, a sign of a navigation page;
* the text of a page trafilatura cannot parse (its tree builder stops at a
  fixed nesting depth), so that one malformed page is read, not fatal.

The reader is the standard library's event parser: it keeps counters, not a
tree, so it never recurses, and its cost is linear in the page's length
whatever the nesting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Elements whose text is never article text.
SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "math", "head", "select", "button", "iframe"})
#: Elements that start a new block of text.
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "table", "td", "th", "tr", "ul",
})
#: Elements that have no end tag.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
#: ``<meta>`` names and properties that give the site's name, in order of preference.
SITE_NAME_KEYS = ("og:site_name", "application-name", "twitter:site")
_SPACE = re.compile(r"\s+")
_MARKED = re.compile(r"<!\[(?!CDATA\[)(?:((?:end)?if\b[^\]>]*\]>))?", re.IGNORECASE)


@dataclass
class Block:
    """A run of text between two block boundaries."""

    tag: str
    text: str
    link_chars: int


@dataclass
class Page:
    """What :func:`read_html` found.

    Attributes
    ----------
    title : str
        The ``<title>`` text.
    meta : dict
        ``<meta>`` contents by lower-case ``name`` or ``property`` (the first of each).
    blocks : list of Block
        Blocks of visible text in page order (scripts and styles left out).
    """

    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)

    @property
    def link_share(self) -> float:
        """Share of the page's visible characters that sit inside links (0 for a page with no text)."""
        total = sum(len(b.text) for b in self.blocks)
        return sum(b.link_chars for b in self.blocks) / total if total else 0.0

    def site_name(self) -> tuple[str, str] | None:
        """``(name, key)`` of the first of :data:`SITE_NAME_KEYS` the page gives, else ``None``."""
        for key in SITE_NAME_KEYS:
            value = self.meta.get(key, "").strip().lstrip("@")
            if value:
                return value, key
        return None

    def text(self) -> str:
        """The visible text, one block per paragraph; the ``<h1>`` (else the ``<title>``) first."""
        blocks = [b.text for b in self.blocks]
        if not any(b.tag == "h1" for b in self.blocks) and self.title:
            blocks.insert(0, self.title)
        return "\n\n".join(blocks)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.skipping: dict[str, int] = {}
        self.links = 0
        self.in_title = False
        self.title: list[str] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.tag = "p"

    def flush(self, tag: str) -> None:
        text = _SPACE.sub(" ", "".join(self.parts)).strip()
        if text:
            # link characters counted before white space was folded: keep the share within [0, 1]
            self.page.blocks.append(Block(self.tag, text, min(self.link_chars, len(text))))
        self.parts, self.link_chars, self.tag = [], 0, tag

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs}
            key = (values.get("property") or values.get("name") or "").strip().lower()
            if key and key not in self.page.meta:
                self.page.meta[key] = values.get("content", "")
            return
        if tag == "title":
            self.in_title = True
        if tag in SKIPPED and tag not in VOID:
            self.skipping[tag] = self.skipping.get(tag, 0) + 1
        elif tag == "a":
            self.links += 1
        if tag in BLOCKS:
            self.flush(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
            self.page.title = _SPACE.sub(" ", "".join(self.title)).strip()
        if self.skipping.get(tag):
            self.skipping[tag] -= 1
        elif tag == "a" and self.links:
            self.links -= 1
        if tag in BLOCKS:
            self.flush("p")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
            return
        if any(self.skipping.values()):
            return
        self.parts.append(data)
        if self.links:
            self.link_chars += len(data.strip())


#: Characters read for the ``<meta>`` names of a page without a ``</head>`` tag.
HEAD_CHARS = 65_536
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


def read_head(html: str) -> Page:
    """:func:`read_html` of the page's head only (its ``<title>`` and ``<meta>`` names), cheap on a long page.

    >>> read_head('<head><meta name="application-name" content="App"></head><body><p>x</p>').site_name()
    ('App', 'application-name')
    """
    end = _HEAD_END.search(html, 0, HEAD_CHARS * 16)
    return read_html(html[:end.end()] if end else html[:HEAD_CHARS])


def read_html(html: str) -> Page:
    """Read an HTML page without building a tree (linear time, no recursion, any nesting depth).

    >>> page = read_html('<html><head><title>T</title><meta property="og:site_name" content="The Daily"></head>'
    ...                  '<body><p>One <a href="/x">link</a> here.</p><div><div><p>Deep text.</p></div></div></body></html>')
    >>> [b.text for b in page.blocks], page.site_name(), round(page.link_share, 2)
    (['One link here.', 'Deep text.'], ('The Daily', 'og:site_name'), 0.17)
    """
    reader = _Reader()
    # the parser asserts on a marked section other than CDATA ("<![if IE]>", "<![foo["): conditional
    # comments are dropped, any other such section is read as text
    html = _MARKED.sub(lambda m: "&lt;![" if m.group(1) is None else "", html)
    try:
        reader.feed(html)
        reader.close()
    except (AssertionError, ValueError, AttributeError):  # malformed markup the parser gives up on: keep what was read
        pass
    reader.flush("p")
    return reader.page
