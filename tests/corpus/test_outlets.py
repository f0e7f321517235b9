"""The outlet inferred where the data says it: file-name prefixes, HTML site names, URL domains."""

import csv
import json
import warnings

import pytest

from toolkit import load_corpus
from toolkit.text.metadata import file_name_outlets, url_domain

BODY = ("The harbour reopened on Tuesday after eighteen months of repairs, officials said.\n\n"
        "Traders welcomed the news, though some said the delay had hurt their business.\n")


def _load(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(path)


def _outlets(corpus):
    docs = corpus.documents_table().set_index("doc_id")
    return {d: (o, s) for d, o, s in zip(docs.index, docs["outlet"], docs["outlet_source"])}


def test_shared_file_name_prefix_names_the_outlet(tmp_path):
    for name in ("reuters-1.txt", "reuters-2.txt", "daily_harbour_2025-10-07.txt", "daily_harbour_2025-10-08.txt",
                 "lone-7.txt", "harbour-reopens.txt", "harbour-strikes.txt"):
        (tmp_path / name).write_text(f"Title {name}\n\n{BODY}")
    outlets = _outlets(_load(tmp_path))
    assert outlets["reuters-1"] == outlets["reuters-2"] == ("reuters", "inferred:file_name_prefix")
    assert outlets["daily_harbour_2025-10-07"] == ("daily harbour", "inferred:file_name_prefix")
    for alone in ("lone-7", "harbour-reopens", "harbour-strikes"):  # one file; headline slugs without an id
        assert outlets[alone] == ("", "missing")


def test_a_prefix_every_file_shares_names_no_outlet(tmp_path):
    for n in range(3):
        (tmp_path / f"reuters-{n}.txt").write_text(f"Title {n}\n\n{BODY}")
    assert {s for _, s in _outlets(_load(tmp_path)).values()} == {"missing"}


def test_the_manifest_outlet_wins_over_the_file_name(tmp_path):
    for n in (1, 2):
        (tmp_path / f"wire-{n}.txt").write_text(f"Title {n}\n\n{BODY}")
    (tmp_path / "other-1.txt").write_text(f"Title 3\n\n{BODY}")
    (tmp_path / "sources.csv").write_text("doc_id,file,outlet\nw1,wire-1.txt,The Wire Service\nw2,wire-2.txt,\no1,other-1.txt,\n")
    outlets = _outlets(_load(tmp_path))
    assert outlets["w1"] == ("The Wire Service", "manifest")
    assert outlets["w2"] == ("wire", "inferred:file_name_prefix")


@pytest.mark.parametrize("meta, outlet, source", [
    ('<meta property="og:site_name" content="The Harbour Times">', "The Harbour Times", "inferred:og:site_name"),
    ('<meta name="application-name" content="Harbour Times Online">', "Harbour Times Online", "inferred:application-name"),
    ('<meta property="og:url" content="https://www.harbourtimes.example/2025/port">', "harbourtimes.example", "inferred:og:url"),
])
def test_html_site_name(tmp_path, meta, outlet, source):
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    (tmp_path / "page.html").write_text(f"<html><head><title>Port News</title>{meta}</head><body><article>"
                                        f"<h1>Harbour Reopens</h1>{paragraphs}</article></body></html>")
    assert _outlets(_load(tmp_path))["page"] == (outlet, source)


def test_url_column_of_a_manifest(tmp_path):
    (tmp_path / "a.txt").write_text(f"Title A\n\n{BODY}")
    (tmp_path / "b.txt").write_text(f"Title B\n\n{BODY}")
    (tmp_path / "sources.csv").write_text("doc_id,file,url\na,a.txt,https://news.harbour.example/a\nb,b.txt,\n")
    outlets = _outlets(_load(tmp_path))
    assert outlets["a"] == ("news.harbour.example", "inferred:url_domain") and outlets["b"] == ("", "missing")


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_url_column_of_a_table(tmp_path, suffix):
    rows = [{"id": "a", "url": "http://www.portdaily.example/story/1", "text": f"Title A\n\n{BODY}"},
            {"id": "b", "link": "https://m.portdaily.example/story/2", "text": f"Title B\n\n{BODY}"},
            {"id": "c", "url": "https://other.example/x", "outlet": "Named Outlet", "text": f"Title C\n\n{BODY}"}]
    path = tmp_path / f"rows{suffix}"
    if suffix == ".jsonl":
        path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    else:
        with path.open("w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=["id", "url", "link", "outlet", "text"])
            writer.writeheader()
            writer.writerows(rows)
    outlets = _outlets(_load(path))
    assert outlets["a"] == outlets["b"] == ("portdaily.example", "inferred:url_domain")
    assert outlets["c"] == ("Named Outlet", "manifest")


def test_rules():
    assert url_domain("harbour.example/path") == "harbour.example"
    assert url_domain("http://192.168.0.1/x") == "" and url_domain("") == "" and url_domain("http://[bad") == ""
    assert file_name_outlets(["article-1.txt", "article-2.txt", "x-1.txt", "x-2.txt", "other.txt"]) == {}
    assert file_name_outlets(["AFP_1.txt", "afp_2.txt", "bbc.txt"]) == {"AFP_1.txt": "AFP", "afp_2.txt": "AFP"}
