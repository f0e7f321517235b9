import json

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import load_corpus
from toolkit.text.cleaning import clean
from toolkit.text.structure import build

from conftest import SEEDS

BODY = "The ministry said on Monday that exports rose 3.2% to $1.2 billion. Officials welcomed it."


def _assert_offsets(corpus):
    for doc in corpus:
        for unit in doc.units:
            assert doc.text[unit.start:unit.end] == unit.text
        for sentence in doc.sentences:
            assert doc.text[sentence.start:sentence.end] == sentence.text
            unit = doc.units[sentence.unit_id]
            assert unit.start <= sentence.start < sentence.end <= unit.end
    table = corpus.sentences_table()
    for row in table.itertuples():
        assert corpus.document(row.doc_id).text[row.start:row.end] == row.text


def test_seeds_load_with_offsets_that_round_trip(seeds_corpus):
    assert len(seeds_corpus) == 5
    _assert_offsets(seeds_corpus)
    assert seeds_corpus.notices == []


def test_original_text_is_kept_beside_the_cleaned_text(seeds_corpus):
    for doc in seeds_corpus:
        assert doc.original == (SEEDS / doc.file).read_text(encoding="utf-8")
    assert seeds_corpus.document("afzal").text != seeds_corpus.document("afzal").original


def test_structure_kinds_on_seeds(seeds_corpus):
    units = seeds_corpus.units_table()
    kinds = units.groupby("doc_id")["kind"].value_counts().unstack(fill_value=0)
    assert (kinds["title"] == 1).all()
    assert kinds.loc["azad-news-hd", "list_item"] >= 20
    assert kinds.loc["zehra-2025-11-07", "heading"] == 3
    assert seeds_corpus.document("afzal").units[0].text == "From aid to assets: US-Pakistan in a strategic mineral age"


def test_no_sentence_spans_two_units(seeds_corpus):
    for doc in seeds_corpus:
        for sentence in doc.sentences:
            assert "\n\n" not in sentence.text


def test_config_is_read(seeds_corpus):
    assert seeds_corpus.name.startswith("Pakistan-US")
    names = {actor.name for actor in seeds_corpus.config.actors}
    assert {"Pakistan", "United States", "China"} <= names


def test_jsonl_input(tmp_path):
    rows = [
        {"id": "a1", "text": f"First Story\n\n{BODY}", "outlet": "Daily A", "published": "2025-09-08"},
        {"id": "a2", "text": f"Second Story\n\n{BODY}", "outlet": "Daily A"},
        {"id": "b1", "text": f"Third Story\n\n{BODY}", "outlet": "Weekly B"},
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    corpus = load_corpus(path)
    docs = corpus.documents_table()
    assert list(docs["doc_id"]) == ["a1", "a2", "b1"]
    assert docs.groupby("outlet").size().to_dict() == {"Daily A": 2, "Weekly B": 1}
    assert docs.loc[0, "published"] == pd.Timestamp("2025-09-08")
    assert docs.loc[0, "title"] == "First Story"
    _assert_offsets(corpus)


def test_csv_input_with_named_text_column(tmp_path):
    path = tmp_path / "articles.csv"
    pd.DataFrame({"doc_id": ["x", "y"], "story": [BODY, BODY + " More."], "outlet": ["O1", "O2"]}).to_csv(path, index=False)
    corpus = load_corpus(path, text_column="story")
    assert [d.doc_id for d in corpus] == ["x", "y"]
    assert corpus.document("y").metadata["outlet"] == "O2"


def test_list_of_files_and_markdown(tmp_path):
    (tmp_path / "one.md").write_text(f"# A Heading\n\n{BODY}\n\n- first item here.\n- second item here.\n")
    (tmp_path / "two.txt").write_text(f"Plain Title\n\n{BODY}\n")
    corpus = load_corpus([tmp_path / "one.md", tmp_path / "two.txt"])
    one = corpus.document("one")
    assert [u.kind for u in one.units] == ["title", "paragraph", "list_item", "list_item"]
    assert one.units[0].text == "A Heading" == one.metadata["title"]
    assert one.units[2].text == "first item here."
    _assert_offsets(corpus)


def test_html_input_uses_trafilatura(tmp_path):
    html = (
        "<html><head><title>Big Deal Signed | Daily Planet</title>"
        '<meta name="author" content="Lois Lane"><meta property="article:published_time" content="2025-09-08">'
        '<meta property="og:site_name" content="Daily Planet"></head><body><nav>Home &gt; World</nav>'
        f"<article><h1>Big Deal Signed</h1><p>{BODY}</p><p>Critics said the terms were vague and said so at length.</p></article>"
        "<footer>Leave a reply</footer></body></html>"
    )
    (tmp_path / "story.html").write_text(html)
    corpus = load_corpus(tmp_path)
    doc = corpus.documents[0]
    assert doc.metadata["author"] == "Lois Lane"
    assert doc.metadata["published"] == "2025-09-08"
    assert doc.metadata["outlet"] == "Daily Planet"
    assert doc.provenance["author"] == "inferred:html"
    assert "Home" not in doc.text and "<p>" not in doc.text
    assert doc.original == html
    assert corpus.removed_table()["rule"].iloc[0] == "html_extraction"
    _assert_offsets(corpus)


def test_hard_wrapped_paragraphs_are_joined(tmp_path):
    (tmp_path / "w.txt").write_text("Wrapped Title\n\nThe new law replaces rules that\ndate back to 1948. It was drafted\nover two years.\n")
    doc = load_corpus(tmp_path).documents[0]
    assert [u.kind for u in doc.units] == ["title", "paragraph"]
    assert [s.text for s in doc.sentences][1:] == ["The new law replaces rules that\ndate back to 1948.", "It was drafted\nover two years."]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_cleaning_and_structure_never_crash_and_offsets_round_trip(raw):
    cleaned = clean(raw)
    for removal in cleaned.removals:
        assert raw[removal.start:removal.end] == removal.text
    text, units, sentences = build(raw, cleaned)
    for unit in units:
        assert text[unit.start:unit.end] == unit.text
    for sentence in sentences:
        assert text[sentence.start:sentence.end] == sentence.text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Title Line", "-", "", "No comments:", "7 November 2025", BODY, "Jane Roe", "• point", "## Head", "spot_img"]), max_size=20))
def test_furniture_like_documents_round_trip(lines):
    raw = "\n".join(lines)
    cleaned = clean(raw)
    text, units, sentences = build(raw, cleaned, markdown=True)
    for sentence in sentences:
        assert text[sentence.start:sentence.end] == sentence.text
    kept = sum(len(raw[l.start:l.end]) for l in cleaned.lines if not l.removed)
    removed = sum(len(r.text) for r in cleaned.removals)
    assert kept + removed == sum(len(l.strip()) for l in lines)
