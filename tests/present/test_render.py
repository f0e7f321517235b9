"""The report escapes article text and works offline."""

import re
from html.parser import HTMLParser

import pandas as pd
from markdown_it import MarkdownIt

from toolkit.cli import main
from toolkit.present.render import to_html, to_markdown


def test_blocks_render_and_escape(tmp_path):
    blocks = [("h1", "Title <i>"), ("p", "A **bold** `code` <script>alert(1)</script>"), ("quote", "She said <b>hi</b>", "`doc`"),
              ("table", pd.DataFrame({"a|b": ["x|y", "<img src=x onerror=alert(1)>"]})), ("list", ["one & two"])]
    page = to_html(blocks, "T", tmp_path)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<strong>bold</strong>" in page and "<code>code</code>" in page
    assert "<img" not in page and "&lt;img" in page
    markdown = to_markdown(blocks)
    assert "x\\|y" in markdown and "a\\|b" in markdown
    assert "<script>" not in markdown and "<img" not in markdown and "<i>" not in markdown and "**bold**" in markdown
    assert "x|y" in page and "x\\|y" not in page


def test_a_source_with_markup_cannot_inject_it(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(
        "A <script>alert('x')</script> Title\n\nThe minister said <b>bold</b> things and <img src=x onerror=alert(1)> "
        "that exports rose 5% to $2 billion, according to Reuters.\n")
    (corpus / "plain.txt").write_text("Plain Title\n\nExports rose 4% to $2 billion, officials said, and Reuters agreed.\n")
    assert main(["report", str(corpus), "--out", str(tmp_path / "out")]) == 0
    page = (tmp_path / "out" / "report.html").read_text()
    assert "&lt;script&gt;" in page
    body_scripts = re.findall(r"<script\b", page)
    assert body_scripts == []
    assert "<img" not in page and "<b>" not in page
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page  # no CDN, works offline


def test_inlined_charts_get_unique_ids(tmp_path):
    import re

    from toolkit.present.render import to_html

    svg = '<svg><defs><linearGradient id="n0"/></defs><rect fill="url(#n0)"/><use href="#n0"/></svg>'
    (tmp_path / "a.svg").write_text(svg)
    (tmp_path / "b.svg").write_text(svg)
    page = to_html([("chart", "a", "A"), ("chart", "b", "B")], "t", tmp_path)
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)) == 2
    assert 'url(#a-n0)' in page and 'href="#b-n0"' in page


def test_tables_write_floats_to_ten_significant_digits(tmp_path):
    import pandas as pd

    from toolkit.present.tables import SIGNIFICANT_DIGITS, write_csv

    path = write_csv(pd.DataFrame({"x": [0.1 + 0.2, 1 / 3, 5e11], "n": [1, 2, 3]}), tmp_path / "t.csv")
    assert path.read_text() == "x,n\n0.3,1\n0.3333333333,2\n500000000000,3\n"
    assert SIGNIFICANT_DIGITS == 10
    # a change in the last bits of a float does not reach the file
    other = write_csv(pd.DataFrame({"x": [0.3, 1 / 3 + 1e-16, 5e11], "n": [1, 2, 3]}), tmp_path / "u.csv")
    assert other.read_text() == path.read_text()


def test_chart_specs_are_rounded_like_the_tables():
    from toolkit.present.charts import rounded

    assert rounded({"a": [0.1 + 0.2, {"b": 2 / 3}], "c": "x", "d": 3}) == {"a": [0.3, {"b": 0.6666666667}], "c": "x", "d": 3}


def test_committed_report_has_no_duplicate_ids():
    import re

    from conftest import ROOT

    page = (ROOT / "reports" / "seeds" / "report.html").read_text(encoding="utf-8")
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert page.count("<svg") == 8


SAFE_TAGS = {"h1", "h2", "h3", "p", "ul", "ol", "li", "blockquote", "strong", "em", "code", "pre", "hr", "br",
             "table", "thead", "tbody", "tr", "th", "td", "img"}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.live = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if (tag not in SAFE_TAGS or any(name.startswith("on") for name in attributes)
                or (tag == "img" and not (attributes.get("src") or "").startswith("charts/"))
                or "javascript" in (attributes.get("href") or "") + (attributes.get("src") or "")):
            self.live.append((tag, attrs))


def _live_markup(markdown: str) -> list:
    """Elements a Markdown viewer that passes raw HTML (CommonMark, as Jupyter does) would create beyond plain formatting."""
    parser = _Tags()
    parser.feed(MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown))
    return parser.live


def test_markdown_escaping_survives_a_markdown_renderer():
    blocks = [("h1", "<script>alert(1)</script> name"), ("p", "A **<b>bold</b>** `<i>code</i>` [x](javascript:alert(1))"),
              ("list", ["# not a heading <img src=x onerror=alert(1)>"]), ("quote", "<iframe src=x>", "`<svg onload=x>` file"),
              ("table", pd.DataFrame({"<a>": ["`<b>|x`", "<img src=x onerror=alert(1)>"]})), ("chart", "c", "alt ](javascript:x) <img>")]
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(to_markdown(blocks))
    assert _live_markup(to_markdown(blocks)) == [], rendered
    assert "<strong>&lt;b&gt;bold&lt;/b&gt;</strong>" in rendered and "<code>&lt;i&gt;code&lt;/i&gt;</code>" in rendered


def test_report_md_has_no_live_markup_from_names_text_or_corpus_name(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "corpus.toml").write_text('name = "<script>alert(1)</script> *Harbour*"\n')
    (corpus / "<img src=x onerror=alert(1)>.txt").write_text(
        "A <script>alert('x')</script> Title\n\nThe minister said <b>bold</b> things and <img src=x onerror=alert(1)> "
        "that exports rose 5% to $2 billion, according to Reuters [link](javascript:alert(1)).\n")
    (corpus / "plain.txt").write_text("Plain Title\n\nExports rose 4% to $2 billion, officials said, and Reuters agreed.\n")
    assert main(["report", str(corpus), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    markdown = (tmp_path / "out" / "report.md").read_text()
    assert "&lt;script&gt;" in markdown or "`<script>" in markdown
    assert _live_markup(markdown) == []
