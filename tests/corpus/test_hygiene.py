"""Text hygiene at the door: control and invisible characters, UTF-16, NUL bytes."""

import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from toolkit import CorpusError, load_corpus
from toolkit.measures.numbers import numbers

BODY = "The ministry said on Monday that exports rose sharply this year, and officials welcomed the news."


@pytest.fixture
def folder(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(f"Good Title\n\n{BODY}\n", encoding="utf-8")
    return corpus


def test_control_characters_are_removed_and_recorded(folder):
    (folder / "ctl.txt").write_text(f"Control Title\n\nThe port\x1b[1m opened\x0c today.\x01 {BODY}\x00\n")
    corpus = load_corpus(folder)
    doc = corpus.document("ctl")
    assert not any(c in doc.text for c in "\x1b\x0c\x01\x00")
    assert "\x1b" in doc.original and "\x00" in doc.original
    removed = corpus.removed_table()
    rows = removed[removed["rule"] == "control_character"]
    assert list(rows["text"]) == ["U+001B", "U+000C", "U+0001", "U+0000"]
    assert set(rows["offsets_in"]) == {"original"} and set(rows["reason"].str.len() > 0) == {True}
    assert corpus.documents_table().set_index("doc_id").loc["ctl", "removed"] == 4


def test_zero_width_space_does_not_split_a_number_and_bidi_marks_do_not_pass(folder):
    (folder / "zw.txt").write_text(f"Zero Width Title\n\nThe plan costs $5\u200b00 million, \u202eofficials said. {BODY}\n")
    corpus = load_corpus(folder)
    doc = corpus.document("zw")
    assert "$500 million" in doc.text and "\u202e" not in doc.text and "\u200b" not in doc.text
    sentence = next(s for s in doc.sentences if "$500" in s.text)
    assert doc.text[sentence.start:sentence.end] == sentence.text
    found = numbers(corpus)
    found = found[(found["doc_id"] == "zw") & (found["sentence_id"] == sentence.sentence_id)]
    assert list(found["surface"]) == ["$500 million"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_files_are_decoded(folder, encoding):
    (folder / "wide.txt").write_bytes(f"Wide Title\n\nThe harbour reopened on Tuesday. {BODY}\n".encode(encoding))
    doc = load_corpus(folder).document("wide")
    assert "harbour reopened" in doc.text and doc.encoding.startswith("utf-16")


def test_nul_in_the_first_bytes_does_not_skip_a_text_file(folder):
    (folder / "nul.txt").write_bytes(f"Nul Title\n\nThe bridge\x00 opened. {BODY}\n".encode())
    doc = load_corpus(folder).document("nul")
    assert "The bridge opened." in doc.text


def test_original_is_the_file_exactly_as_read(folder):
    raw = f"\ufeffCrlf Title\r\n\r\nThe dam\u200b held. {BODY}\r\n"
    (folder / "crlf.txt").write_bytes(raw.encode("utf-8"))
    doc = load_corpus(folder).document("crlf")
    assert doc.original == raw
    assert doc.extracted == raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\u200b", "")
    removed = load_corpus(folder).removed_table()
    for row in removed[removed["doc_id"] == "crlf"].itertuples():
        source = doc.original if row.offsets_in == "original" else doc.extracted
        if row.rule.endswith("_character"):
            assert row.text == " ".join(f"U+{ord(c):04X}" for c in source[row.start:row.end])
        else:
            assert source[row.start:row.end] == row.text


def test_jsonl_text_is_scrubbed(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "x", "published": "2024-01-02", "text": "Esc Title\\n\\nThe \\u001bport opened \\u200btoday. ' + BODY + '"}\n')
    doc = load_corpus(path).document("x")
    assert "The port opened today." in doc.text


def test_report_survives_control_characters(folder, tmp_path):
    (folder / "ctl.txt").write_text(f"Control Title\n\nThe port\x1b opened\x0c today.\x01 {BODY}\n" + "x" * 9000 + "\x00 end.\n")
    (folder / "other.txt").write_text(f"Other Title\n\nThe port opened yesterday, officials said. {BODY}\n")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "toolkit", "report", str(folder), "--out", str(out), "--quiet"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (out / "report.md").is_file() and (out / "report.html").is_file()
    assert "\x1b" not in (out / "report.md").read_text(encoding="utf-8")


def test_parquet_text_column_of_another_type_says_so(tmp_path):
    path = tmp_path / "a.parquet"
    pq.write_table(pa.table({"id": ["a", "b"], "text": [1, 2]}), path)
    with pytest.raises(CorpusError, match="holds no text"):
        load_corpus(path)
