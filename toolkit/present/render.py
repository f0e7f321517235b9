"""Render a report, given as a list of blocks, to Markdown and to self-contained HTML.

Blocks are tuples:

``("h1" | "h2" | "h3", text)``, ``("p", text)``, ``("list", [text, ...])``,
``("quote", text, citation)``, ``("table", DataFrame)``, ``("chart", name, alt_text)``.

Text may use ``**bold**`` and ```code``` and nothing else: everything is
escaped, for HTML in report.html and for Markdown *and* HTML in report.md
(a Markdown viewer may pass raw HTML through), so article text, file names and
the corpus name can never inject markup. Charts are
``charts/<name>.svg`` in Markdown and the SVG itself, inline, in HTML (no CDN,
no script), so the HTML works offline and prints.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`]+)`")

CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #1a1a1a; line-height: 1.5; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; line-height: 1.2; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2.5rem; }
h2, h3 { page-break-after: avoid; }
table { border-collapse: collapse; font-family: Helvetica, Arial, sans-serif; font-size: .85rem; margin: 1rem 0; }
th, td { border: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
blockquote { border-left: 4px solid #4575b4; margin: 1rem 0; padding: .2rem 1rem; background: #f7f9fc; }
blockquote cite { display: block; font-size: .85rem; color: #555; font-style: normal; }
code { font-size: .85em; background: #f3f3f3; padding: 0 .2em; }
figure { margin: 1.5rem 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
@media print { body { max-width: none; margin: 0; } h2 { page-break-before: auto; } figure, table, blockquote { page-break-inside: avoid; } }
"""


def _inline_html(text: str) -> str:
    escaped = html.escape(str(text), quote=True)
    escaped = _BOLD.sub(r"<strong>\1</strong>", escaped)
    return _CODE.sub(r"<code>\1</code>", escaped)


_MARKUP = re.compile(r"(\*\*.+?\*\*|`[^`]+`)")
#: Markdown markup inside a line: backslash escapes, code, emphasis, table
#: pipes, the ``](``, ``][`` and ``]:`` that make a link, image or link
#: reference (a lone bracket, as in "[95% interval]", makes none),
#: strikethrough (``~~``), and an ``&`` that would start an entity. An
#: underscore inside a word (``doc_id``) starts nothing in CommonMark.
_MD_SPECIAL = re.compile(r"([\\`*|]|\](?=[(\[:])|~~|&(?=#?\w+;)|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z]))")
#: Line starts that open a block: heading, list item, ordered list item.
_MD_BLOCK_START = re.compile(r"^(\s*)([#+*-]|\d{1,9}[.)])(?=\s|$)")


def escape_markdown(text: str, cell: bool = False) -> str:
    """``text`` made inert in Markdown and in the HTML a Markdown viewer passes through.

    ``<`` and ``>`` become entities (so no tag, comment, autolink or block
    quote can form), Markdown markup characters are backslash-escaped, a line
    start that would open a heading or list is escaped (outside table cells),
    and line breaks become spaces so that text stays inside its block.

    >>> print(escape_markdown("<img src=x onerror=alert(1)> [a](b) *c* [95% interval]"))
    &lt;img src=x onerror=alert(1)&gt; [a\\](b) \\*c\\* [95% interval]
    """
    text = " ".join(str(text).splitlines())
    text = _MD_SPECIAL.sub(lambda m: "".join("\\" + c for c in m.group()) if m.group() != "&" else "&amp;", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return text if cell else _MD_BLOCK_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


def _inline_md(text: str, cell: bool = False) -> str:
    """Markdown of block text: its ``**bold**`` and ```code``` kept, everything else escaped."""
    out = []
    for piece in _MARKUP.split(" ".join(str(text).splitlines())):
        if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            out.append("**" + _inline_md(piece[2:-2], cell) + "**")
        elif piece.startswith("`") and piece.endswith("`") and len(piece) > 2:
            # Code spans are literal in Markdown (no markup or HTML inside); in a
            # table cell a pipe still ends the cell unless escaped.
            out.append(piece.replace("|", "\\|") if cell else piece)
        elif piece:
            out.append(escape_markdown(piece, cell=cell or bool(out)))
    return "".join(out)


def _cell_text(value: object) -> str:
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    return text.replace("\n", " ") or "–"


def to_markdown(blocks: list[tuple]) -> str:
    """Markdown of the blocks."""
    out = []
    for block in blocks:
        kind = block[0]
        if kind in ("h1", "h2", "h3"):
            out.append("#" * int(kind[1]) + " " + _inline_md(block[1]))
        elif kind == "p":
            out.append(_inline_md(block[1]))
        elif kind == "list":
            out.append("\n".join(f"- {_inline_md(item)}" for item in block[1]))
        elif kind == "quote":
            out.append(f"> {_inline_md(block[1])}\n>\n> — {_inline_md(block[2])}")
        elif kind == "table":
            frame = block[1]
            head = "| " + " | ".join(_inline_md(_cell_text(c), cell=True) for c in frame.columns) + " |"
            rule = "|" + "|".join("---" for _ in frame.columns) + "|"
            rows = ["| " + " | ".join(_inline_md(_cell_text(v), cell=True) for v in row) + " |"
                    for row in frame.itertuples(index=False)]
            out.append("\n".join([head, rule, *rows]))
        elif kind == "chart":
            out.append(f"![{escape_markdown(block[2])}](charts/{block[1]}.svg)")
    return "\n\n".join(out) + "\n"


_ID_REFERENCE = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')


def scope_ids(svg: str, prefix: str) -> str:
    """Prefix every element id of an SVG, and every reference to one, with ``prefix``.

    Each chart's ids are numbered from ``n0`` (see
    :func:`toolkit.present.charts.normalise_svg_ids`); inlined side by side in
    one page, two charts' gradients would share an id and one chart would
    draw the other's colour ramp. Prefixing with the chart's name keeps every
    id unique in the page.
    """
    return _ID_REFERENCE.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)


def to_html(blocks: list[tuple], title: str, charts: Path) -> str:
    """A self-contained HTML page of the blocks; chart SVGs are read from ``charts``."""
    body = []
    for block in blocks:
        kind = block[0]
        if kind in ("h1", "h2", "h3"):
            body.append(f"<{kind}>{_inline_html(block[1])}</{kind}>")
        elif kind == "p":
            body.append(f"<p>{_inline_html(block[1])}</p>")
        elif kind == "list":
            body.append("<ul>" + "".join(f"<li>{_inline_html(i)}</li>" for i in block[1]) + "</ul>")
        elif kind == "quote":
            body.append(f"<blockquote><p>{_inline_html(block[1])}</p><cite>— {_inline_html(block[2])}</cite></blockquote>")
        elif kind == "table":
            frame = block[1]
            head = "".join(f"<th>{_inline_html(c)}</th>" for c in frame.columns)
            rows = "".join("<tr>" + "".join(f"<td>{_inline_html(_cell_text(v))}</td>" for v in row) + "</tr>"
                           for row in frame.itertuples(index=False))
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif kind == "chart":
            svg = (charts / f"{block[1]}.svg").read_text(encoding="utf-8")
            svg = scope_ids(re.sub(r"^<\?xml[^>]*>\s*", "", svg), block[1])
            body.append(f'<figure class="chart" aria-label="{html.escape(block[2])}">{svg}'
                        f"<figcaption>{_inline_html(block[2])}</figcaption></figure>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{html.escape(title)}</title>"
            f"<style>{CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")
