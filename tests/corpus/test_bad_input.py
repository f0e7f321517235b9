"""Every kind of bad input gets a clear message naming the file, the problem
and the fix, and no input file is ever changed."""

import shutil
import subprocess
import sys

import pytest

from toolkit import CorpusError, CorpusWarning, load_corpus

from conftest import SEEDS, tree_digest

BODY = "The ministry said on Monday that exports rose sharply this year, and officials welcomed the news."


@pytest.fixture
def folder(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(f"Good Title\n\n{BODY}\n", encoding="utf-8")
    return corpus


def _refused(path, *fragments, **kwargs):
    before = tree_digest(path if path.is_dir() else path.parent) if path.exists() else None
    with pytest.raises(CorpusError) as info:
        load_corpus(path, **kwargs)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, message
    assert "fix:" in message
    if before is not None:
        assert tree_digest(path if path.is_dir() else path.parent) == before
    return message


def _loaded_with_warning(path, code, **kwargs):
    before = tree_digest(path)
    with pytest.warns(CorpusWarning):
        corpus = load_corpus(path, **kwargs)
    assert code in [n.code for n in corpus.notices], corpus.notices
    assert tree_digest(path) == before
    return corpus


def test_missing_path(tmp_path):
    _refused(tmp_path / "nowhere", "nowhere", "does not exist")


def test_empty_folder(tmp_path):
    _refused(tmp_path, str(tmp_path), "no .txt, .md or .html files")


def test_only_empty_or_whitespace_files(tmp_path):
    (tmp_path / "a.txt").write_text("")
    (tmp_path / "b.txt").write_text("  \n\t\n")
    _refused(tmp_path, "no file holds readable article text", "a.txt", "b.txt")


def test_empty_file_beside_good_ones_is_skipped_with_warning(folder):
    (folder / "blank.txt").write_text("\n\n")
    corpus = _loaded_with_warning(folder, "empty_skipped")
    assert [d.doc_id for d in corpus] == ["good"]


def test_binary_file_is_skipped_with_a_warning_naming_it(folder):
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    corpus = _loaded_with_warning(folder, "binary_skipped")
    assert [d.doc_id for d in corpus] == ["good"]
    assert any("image.txt" in n.path for n in corpus.notices)


def test_non_utf8_text_is_decoded_with_a_warning(folder):
    text = f"Café Crème Title\n\nThe café’s owner said “prices rose”, and the mayor’s office agreed. {BODY}\n"
    (folder / "latin.txt").write_bytes(text.encode("cp1252"))
    corpus = _loaded_with_warning(folder, "not_utf8")
    doc = corpus.document("latin")
    assert "café’s owner" in doc.text
    assert doc.encoding != "utf-8"


def test_undecodable_text_is_refused(folder):
    (folder / "noise.txt").write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D] * 40 + [0xFF, 0xFE, 0xC0, 0xC1] * 40))
    message = _refused(folder, "noise.txt")
    assert "UTF-8" in message or "binary" in message


def test_unsupported_extensions_are_skipped_and_listed(folder):
    (folder / "data.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / "sub").mkdir()
    corpus = _loaded_with_warning(folder, "unsupported_skipped")
    message = next(n.message for n in corpus.notices if n.code == "unsupported_skipped")
    assert "data.xlsx" in message and "notes.docx" in message and "sub/" in message


def test_readme_is_not_an_article(folder):
    (folder / "README.md").write_text("# About this corpus\n\nIt holds articles.\n")
    corpus = _loaded_with_warning(folder, "documentation_skipped")
    assert [d.doc_id for d in corpus] == ["good"]


def test_manifest_rows_whose_files_are_missing_are_refused(folder):
    (folder / "sources.csv").write_text("doc_id,file\ng,good.txt\nm1,missing-one.txt\nm2,missing-two.txt\n")
    _refused(folder, "sources.csv", "missing-one.txt", "missing-two.txt")


def test_files_absent_from_the_manifest_load_with_a_warning(folder):
    (folder / "extra.txt").write_text(f"Extra Title\n\n{BODY}\n")
    (folder / "sources.csv").write_text("doc_id,file,outlet\ng,good.txt,Daily A\n")
    corpus = _loaded_with_warning(folder, "not_in_manifest")
    assert [d.doc_id for d in corpus] == ["g", "extra"]


def test_duplicate_ids_in_manifest_are_refused(folder):
    (folder / "other.txt").write_text(f"Other Title\n\n{BODY}\n")
    (folder / "sources.csv").write_text("doc_id,file\nsame,good.txt\nsame,other.txt\n")
    _refused(folder, "sources.csv", "duplicate doc_id 'same'")


def test_duplicate_ids_from_file_names_are_refused(folder):
    (folder / "good.md").write_text(f"Other Title\n\n{BODY}\n")
    _refused(folder, "doc_id 'good'", "good.txt", "good.md")


def test_duplicate_ids_in_jsonl_are_refused(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "x", "text": "One two three."}\n{"id": "x", "text": "Four five six."}\n')
    _refused(path, "a.jsonl", "doc_id 'x'")


def test_manifest_lacking_required_columns_is_refused(folder):
    (folder / "sources.csv").write_text("name,path\ng,good.txt\n")
    _refused(folder, "sources.csv", "doc_id, file")


def test_manifest_with_bad_date_is_refused(folder):
    (folder / "sources.csv").write_text("doc_id,file,published\ng,good.txt,someday\n")
    _refused(folder, "sources.csv", "someday", "YYYY-MM-DD")


def test_oversize_file_is_refused_naming_file_and_limit(folder):
    (folder / "huge.txt").write_text(BODY * 200)
    _refused(folder, "huge.txt", "1,000 bytes", max_bytes=1000)


def test_table_without_text_column_is_refused(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("id,headline\n1,Hello\n")
    _refused(path, "a.csv", "no text column", "--text-column")


def test_bad_jsonl_line_is_refused(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "fine text here."}\n{not json}\n')
    _refused(path, "a.jsonl", "line 2")


def test_non_english_text_gets_a_warning(folder):
    (folder / "es.txt").write_text(
        "Acuerdo de minerales\n\nEl gobierno firmó ayer un acuerdo con la empresa minera para explorar cobre y "
        "tierras raras en la provincia, según informaron fuentes oficiales. Los críticos señalaron que los "
        "términos del contrato siguen siendo poco claros y pidieron más transparencia al ministerio.\n"
    )
    corpus = _loaded_with_warning(folder, "not_english")
    assert not any(n.code == "not_english" and "good" in n.path for n in corpus.notices)


def test_seeds_are_not_modified_by_loading():
    before = tree_digest(SEEDS)
    load_corpus(SEEDS)
    assert tree_digest(SEEDS) == before


@pytest.mark.parametrize(
    "setup, fragment",
    [
        (lambda p: p / "nowhere", "does not exist"),
        (lambda p: (p / "empty").mkdir() or p / "empty", "no .txt, .md or .html files"),
    ],
)
def test_cli_prints_errors_without_traceback(tmp_path, setup, fragment):
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", "corpus", str(setup(tmp_path)), "--out", str(tmp_path / "out")],
        capture_output=True, text=True,
    )
    assert result.returncode == 2
    assert fragment in result.stderr and "fix:" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_prints_warnings_and_succeeds(folder, tmp_path):
    (folder / "image.txt").write_bytes(b"\x00\x01\x02binary")
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", "corpus", str(folder), "--out", str(tmp_path / "out")],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "warning:" in result.stderr and "image.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_copy_of_seeds_loads_identically(tmp_path, seeds_corpus):
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    assert load_corpus(copy).sentences_table().equals(seeds_corpus.sentences_table())
