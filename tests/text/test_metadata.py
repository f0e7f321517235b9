import shutil
from pathlib import Path

import pandas as pd
import pytest

from toolkit import load_corpus
from toolkit.corpus.documents import load_sources
from toolkit.corpus.sources import Source
from toolkit.text.metadata import normalise_date

from conftest import SEEDS


@pytest.fixture(scope="module")
def seeds_without_manifest(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bare")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return load_corpus(folder)


def test_manifest_wins_and_is_recorded(seeds_corpus):
    docs = seeds_corpus.documents_table().set_index("doc_id")
    assert docs.loc["azad-news-hd", "outlet"] == "Azad News HD"
    assert docs.loc["azad-news-hd", "outlet_source"] == "manifest"
    assert docs.loc["afzal", "published_source"] == "missing"
    assert pd.isna(docs.loc["afzal", "published"])


@pytest.mark.parametrize("field", ["title", "author", "published"])
def test_inferred_metadata_matches_what_the_texts_state(seeds_corpus, seeds_without_manifest, field):
    """Without the manifest, the rules recover the title, author and date each text states."""
    manifest = pd.read_csv(SEEDS / "sources.csv", dtype=str, keep_default_na=False).set_index("file")
    inferred = seeds_without_manifest.documents_table().set_index("file")
    inferred["published"] = inferred["published"].dt.strftime("%Y-%m-%d").fillna("")
    for file, row in manifest.iterrows():
        expected = row[field]
        if field == "title" and row["outlet"]:
            # An outlet name run onto the title without a separator can only be
            # cut when the outlet is known (from the manifest).
            expected = f"{row['title']} {row['outlet']}"
        assert inferred.loc[file, field] == expected, (file, field)
        expected_source = "missing" if not row[field] else "inferred"
        assert inferred.loc[file, f"{field}_source"].startswith(expected_source)


def test_inferred_provenance_names_the_rule(seeds_without_manifest):
    docs = seeds_without_manifest.documents_table().set_index("file")
    assert docs.loc["000_af91059ae8bf342e.txt", "author_source"] == "inferred:byline"
    assert docs.loc["001_7b503ec0b050bef8.txt", "author_source"] == "inferred:author_bio"
    assert docs.loc["000_af91059ae8bf342e.txt", "published_source"] == "inferred:dateline"
    assert docs.loc["004_1b47c415330ebea8.txt", "genre"] == "news"


def test_title_with_site_suffix(tmp_path):
    (tmp_path / "a.txt").write_text("Ports and Power | The Harbour Times\n\nThe port opened on Monday after years of delay, officials said.\n")
    docs = load_corpus(tmp_path).documents_table()
    assert docs.loc[0, "title"] == "Ports and Power"
    assert docs.loc[0, "outlet"] == "The Harbour Times"


@pytest.mark.parametrize("value, expected", [("2025-10-07", "2025-10-07"), ("Oct 07, 2025", "2025-10-07"), ("soon", None)])
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize("dateline", ["Wednesday 21 August 2013", "August 21 2013", "21.08.2013", "Wednesday, August 21, 2013"])
def test_common_dateline_forms_give_the_publication_date(dateline):
    text = (f"Harbour Opens Again\n\n{dateline}\n\nThe harbour reopened on Tuesday after a long closure, "
            "officials said, and traders welcomed the move.\n")
    doc = load_sources([Source("d", "d.txt", Path("d.txt"), text, "txt")], [])[0]
    assert doc.metadata["published"] == "2013-08-21" and doc.provenance["published"] == "inferred:dateline"
    assert dateline not in doc.text


def _one(text):
    return load_sources([Source("d", "d.txt", Path("d.txt"), text, "txt")], [])[0]


BODY_LINE = "The harbour reopened on Tuesday after a long closure, officials said, and traders welcomed the move."


@pytest.mark.parametrize("head, title", [
    ("Harbour Opens Again After Long Closure.", "Harbour Opens Again After Long Closure"),  # title case
    ("Harbour opens again after a long closure, officials say.\n\nMark Felsenthal.",  # a byline follows
     "Harbour opens again after a long closure, officials say"),
    ("Harbour opens again after a long closure, officials say.\n\n21.08.2013",  # a dateline follows
     "Harbour opens again after a long closure, officials say"),
])
def test_title_ending_in_a_full_stop(head, title):
    doc = _one(f"{head}\n\n{BODY_LINE}\n")
    assert doc.metadata["title"] == title and doc.provenance["title"] == "inferred:title_line"
    assert doc.units[0].kind == "title" and BODY_LINE in doc.text


def test_title_before_a_wire_dateline():
    doc = _one(f"Harbour opens again after a long closure, officials say.\n\nHARBOURTOWN (Wire Agency) - {BODY_LINE}\n")
    assert doc.metadata["title"] == "Harbour opens again after a long closure, officials say"


def test_first_sentence_of_an_untitled_article_is_no_title():
    doc = _one(f"The harbour opened again after a long closure, officials said on Monday.\n\n{BODY_LINE}\n")
    assert doc.provenance["title"] == "missing"


@pytest.mark.parametrize("byline, author", [("Mark Felsenthal.", "Mark Felsenthal"), ("By Mark Felsenthal.", "Mark Felsenthal"),
                                            ("By Sam Roe Jr.", "Sam Roe Jr.")])
def test_byline_with_a_full_stop(byline, author):
    doc = _one(f"Harbour Opens Again\n\n{byline}\n\n{BODY_LINE}\n")
    assert doc.metadata["author"] == author and doc.provenance["author"] == "inferred:byline"
    assert byline not in doc.text
