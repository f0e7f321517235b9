"""The plain HTML reader: linear, never recursing, never raising on markup."""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.text.html_page import read_html

#: Cases: 200 in the everyday run; HTML_FUZZ_EXAMPLES=10000 for a long run.
EXAMPLES = int(os.environ.get("HTML_FUZZ_EXAMPLES", "200"))
PIECES = ["<div>", "</div>", "<p>", "</p>", "<a href='/x'>", "</a>", "<script>", "</script>", "<style>", "<br/>",
          "<![CDATA[", "]]>", "<![if IE]>", "<![endif]>", "<![x[", "<!--", "-->", "<!DOCTYPE html>", "<?x ?>", "&amp;",
          "&#0;", "&#99999999;", "<", ">", "</", "<meta property='og:site_name' content='S'>", "<title>", "</title>",
          "word", "Two words.", " ", "\n", "\x00", "\u202e"]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=10)), max_size=80).map("".join))
def test_any_markup_is_read(html):
    page = read_html(html)
    assert 0.0 <= page.link_share <= 1.0
    assert all(block.text == block.text.strip() and block.text for block in page.blocks)
    assert isinstance(page.text(), str)


def test_site_name_order_and_title():
    page = read_html('<head><title> A  Page </title><meta name="application-name" content="App">'
                     '<meta property="og:site_name" content="Site"></head><p>Body.</p>')
    assert page.site_name() == ("Site", "og:site_name") and page.title == "A Page"
    assert page.text() == "A Page\n\nBody."
    assert read_html("<p>No names.</p>").site_name() is None


def test_scripts_and_styles_are_not_text():
    page = read_html("<p>Kept</p><script>var hidden = 1;</script><style>p {}</style><noscript>Also hidden</noscript>")
    assert [b.text for b in page.blocks] == ["Kept"]
