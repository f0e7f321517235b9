"""HTML pages that are malformed or not articles: one page never refuses a corpus, navigation pages are skipped."""

import json
import warnings

import pytest

from toolkit import CorpusWarning, load_corpus
from toolkit.cli import main
from toolkit.pipeline import analyze
from toolkit.text.html_page import read_html
from toolkit.text.navigation import is_navigation, is_prose, page_signals

BODY = ["The harbour reopened on Tuesday after eighteen months of repairs, and the first ships were in port by noon.",
        "Officials said the work had cost more than planned, but that the quays were now safe for larger vessels.",
        "Traders who had moved their goods by road welcomed the news, though some said the delay had hurt them.",
        "The port authority expects traffic to return to its old level by the spring, according to its engineer.",
        "A ceremony is planned for next week, when the mayor will open the new passenger terminal to the public."]
MENU = ["Home", "World", "Business", "Sport", "Culture", "Travel", "Weather", "Opinion", "Contact us", "Subscribe"]
HEADLINES = ["Harbour reopens after long repairs", "Council approves new bridge budget", "Rail strike enters third day",
             "Farmers count cost of dry summer", "Museum opens wing for local artists", "School meals plan draws criticism",
             "Storm warning issued for the coast", "Ferry timetable changes next month", "Library hours cut in budget"]


def _links(items):
    return "".join(f'<li><a href="/{i}">{item}</a></li>' for i, item in enumerate(items))


def nav_html():
    sections = "".join(f"<h2>{name}</h2><ul>{_links(HEADLINES)}</ul>" for name in ("Latest", "Most read", "Regional"))
    return (f'<html><head><title>The Harbour Times: News</title></head><body><header><nav><ul>{_links(MENU)}</ul></nav>'
            f"</header><main>{sections}</main><footer><ul>{_links(MENU)}</ul><p>Copyright 2025</p></footer></body></html>")


def article_html(meta=""):
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return (f"<html><head><title>Harbour reopens | The Harbour Times</title>{meta}</head><body><header><nav><ul>"
            f"{_links(MENU)}</ul></nav></header><article><h1>Harbour reopens after long repairs</h1>{paragraphs}</article>"
            f"<aside><h2>Most read</h2><ul>{_links(HEADLINES)}</ul></aside><footer><ul>{_links(MENU)}</ul></footer></body></html>")


NAV_TEXT = ("The Harbour Times\n\n" + "\n".join(MENU) + "\n\nLatest\n\n" + "\n".join(HEADLINES) + "\n\nMost read\n\n"
            + "\n".join(reversed(HEADLINES)) + "\n\nCopyright 2025\n")
ARTICLE_TEXT = ("Harbour reopens after long repairs\n\n" + "\n".join(MENU[:5]) + "\n\n" + "\n\n".join(BODY)
                + "\n\nMost read\n\n" + "\n".join(HEADLINES) + "\n")


def _load(path, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(path, **kwargs)
    return corpus, [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]


# ------------------------------------------------------------- deep nesting


def test_html_nested_ten_thousand_levels_is_read_and_the_others_load(tmp_path):
    depth = 10_000
    (tmp_path / "deep.html").write_text("<html><head><title>Deep Page</title></head><body>" + "<div>" * depth
                                        + f"<p>{BODY[0]}</p><p>{BODY[1]}</p>" + "</div>" * depth + "</body></html>")
    (tmp_path / "good.txt").write_text("Good Title\n\n" + "\n\n".join(BODY) + "\n")
    corpus, messages = _load(tmp_path)
    assert [doc.doc_id for doc in corpus] == ["deep", "good"]
    deep = corpus.document("deep")
    assert BODY[0] in deep.text and BODY[1] in deep.text
    assert deep.metadata["title"] == "Deep Page"
    assert any("deep.html" in m and "read block by block" in m for m in messages)
    assert [n.code for n in corpus.notices] == ["html_plain_reading"]
    assert deep.extractor == "plain reader" and corpus.document("good").extractor == ""
    reason = corpus.removed_table().query("doc_id == 'deep' and rule == 'html_extraction'")["reason"].iloc[0]
    assert reason.startswith("markup removed by the plain reader")


def test_html_without_any_text_is_skipped_with_a_recorded_warning(tmp_path):
    (tmp_path / "blank.html").write_text("<html><head><script>var x = 1;</script></head><body><div></div></body></html>")
    (tmp_path / "good.txt").write_text("Good Title\n\n" + "\n\n".join(BODY) + "\n")
    corpus, messages = _load(tmp_path)
    assert [doc.doc_id for doc in corpus] == ["good"]
    assert [(n.code, n.path.endswith("blank.html")) for n in corpus.notices] == [("html_skipped", True)]
    assert any("blank.html" in m and "skipped" in m for m in messages)


def test_plain_reader_never_recurses_and_survives_malformed_markup():
    page = read_html("<div>" * 50_000 + "<p>Deep <a href='/x'>text</a>.</p><![foo[ odd ]]><p>After.</p>")
    assert [b.text for b in page.blocks] == ["Deep text.", "<![foo[ odd ]]>", "After."]
    assert 0 < page.link_share < 1


# --------------------------------------------------------------- navigation


def test_navigation_pages_are_skipped_and_articles_with_menus_load(tmp_path):
    (tmp_path / "front.html").write_text(nav_html())
    (tmp_path / "front-text.txt").write_text(NAV_TEXT)
    (tmp_path / "story.html").write_text(article_html())
    (tmp_path / "story-text.txt").write_text(ARTICLE_TEXT)
    corpus, messages = _load(tmp_path)
    assert sorted(doc.doc_id for doc in corpus) == ["story", "story-text"]
    skipped = sorted(n.path.rsplit("/", 1)[-1] for n in corpus.notices if n.code == "navigation_skipped")
    assert skipped == ["front-text.txt", "front.html"]
    for name in skipped:
        assert any(name in m and "navigation page" in m and "keep_navigation" in m for m in messages)
    assert all(BODY[2] in doc.text for doc in corpus)


@pytest.mark.parametrize("how", ["argument", "corpus.toml"])
def test_navigation_pages_can_be_kept(tmp_path, how):
    (tmp_path / "front.html").write_text(nav_html())
    (tmp_path / "story.txt").write_text(ARTICLE_TEXT)
    if how == "corpus.toml":
        (tmp_path / "corpus.toml").write_text("keep_navigation = true\n")
        corpus, _ = _load(tmp_path)
    else:
        corpus, _ = _load(tmp_path, keep_navigation=True)
    assert sorted(doc.doc_id for doc in corpus) == ["front", "story"]
    assert not any(n.code == "navigation_skipped" for n in corpus.notices)


def test_cli_keep_navigation(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "front.txt").write_text(NAV_TEXT)
    (folder / "story.txt").write_text(ARTICLE_TEXT)
    assert main(["corpus", str(folder), "--out", str(tmp_path / "a"), "--quiet"]) == 0
    assert main(["corpus", str(folder), "--out", str(tmp_path / "b"), "--quiet", "--keep-navigation"]) == 0
    assert (tmp_path / "a" / "data" / "documents.csv").read_text().count("\n") == 2
    assert (tmp_path / "b" / "data" / "documents.csv").read_text().count("\n") == 3


def test_a_short_article_is_not_navigation(tmp_path):
    (tmp_path / "brief.txt").write_text("Harbour Reopens\n\n" + BODY[0] + "\n")
    (tmp_path / "listed.md").write_text("# Harbour Reopens\n\n" + BODY[0] + "\n\n" + "\n".join(f"- {p}" for p in BODY[1:]) + "\n")
    corpus, _ = _load(tmp_path)
    assert len(corpus) == 2


def test_signals():
    assert is_prose(BODY[0]) and not is_prose(HEADLINES[0]) and not is_prose("Home")
    units = ["Title"] + MENU + HEADLINES
    assert is_navigation(page_signals(units, units))
    article = ["Harbour reopens"] + MENU[:4] + BODY
    assert not is_navigation(page_signals(article, article))


def test_lazily_read_jsonl_keeps_navigation_on_request(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"id": "front", "text": NAV_TEXT}) + "\n" + json.dumps({"id": "story", "text": ARTICLE_TEXT}) + "\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert list(analyze(path)["documents"]["doc_id"]) == ["story"]
        assert list(analyze(path, keep_navigation=True)["documents"]["doc_id"]) == ["front", "story"]


def test_a_page_of_long_linked_headlines_is_navigation_by_its_links(tmp_path):
    long_heads = [f"{h} as the region waits for word from the council on {n} plans" for n, h in enumerate(HEADLINES)]
    (tmp_path / "tag.html").write_text("<html><head><title>Tag: harbour</title></head><body><main><h1>Harbour</h1><ul>"
                                       f"{_links(long_heads)}</ul></main></body></html>")
    (tmp_path / "story.txt").write_text(ARTICLE_TEXT)
    corpus, messages = _load(tmp_path)
    assert [doc.doc_id for doc in corpus] == ["story"]
    assert any("tag.html" in m and "in links" in m for m in messages)
