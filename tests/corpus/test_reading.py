import pytest

from toolkit.errors import CorpusError
from toolkit.corpus.reading import decode, looks_binary


@pytest.mark.parametrize(
    "data, binary",
    [(b"plain text\n", False), (b"", False), (b"\x00\x01\x02", True), (b"tab\tand\r\nlines\x0c", False), (bytes(range(32)) * 4, True)],
)
def test_looks_binary(data, binary):
    assert looks_binary(data) is binary


def test_decode_utf8_bom_and_line_endings(tmp_path):
    notices = []
    raw = decode(tmp_path / "a.txt", "\ufeffOne\r\nTwo\rThree".encode("utf-8"), notices)
    assert raw.text == "One\nTwo\nThree" and raw.encoding == "utf-8" and notices == []


def test_decode_latin1_warns(tmp_path):
    notices = []
    raw = decode(tmp_path / "a.txt", "Le café est très bon, même en été, dit-il à la presse.".encode("latin-1"), notices)
    assert "café" in raw.text and [n.code for n in notices] == ["not_utf8"]


def test_error_message_names_file_problem_and_fix(tmp_path):
    error = CorpusError(tmp_path / "x.txt", "it is broken", "mend it")
    assert str(error) == f"{tmp_path / 'x.txt'}: it is broken\n  fix: mend it"
