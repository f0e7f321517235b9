"""A corpus reads only files inside its own folder (symlinks resolved)."""

import os

import pytest

from toolkit import CorpusError, load_corpus

BODY = "The ministry said on Monday that exports rose sharply this year, and officials welcomed the news."
SECRET = "Private notes that must never reach a shared report."


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "outside_secret.txt").write_text(f"Secret Title\n\n{SECRET}\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(f"Good Title\n\n{BODY}\n", encoding="utf-8")
    return corpus


def _refused(folder, *fragments):
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, message
    assert "fix:" in message and SECRET not in message
    return message


@pytest.mark.parametrize("name", ["../outside_secret.txt", "sub/../../outside_secret.txt", "..\\outside_secret.txt"])
def test_manifest_row_with_dot_dot_is_refused_naming_the_row(folder, name):
    (folder / "sources.csv").write_text(f"doc_id,file\ng,good.txt\nleak,{name}\n")
    _refused(folder, "sources.csv", "row 3", "outside the corpus folder")


def test_manifest_row_with_an_absolute_path_is_refused(folder):
    (folder / "sources.csv").write_text(f"doc_id,file\ng,good.txt\nleak,{folder.parent / 'outside_secret.txt'}\n")
    _refused(folder, "sources.csv", "row 3", "outside the corpus folder")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this system")
def test_manifest_row_naming_a_link_that_leaves_the_folder_is_refused(folder):
    (folder / "link.txt").symlink_to(folder.parent / "outside_secret.txt")
    (folder / "sources.csv").write_text("doc_id,file\ng,good.txt\nleak,link.txt\n")
    _refused(folder, "sources.csv", "row 3", "link.txt", "outside the corpus folder")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this system")
def test_folder_entry_linking_outside_is_refused(folder):
    (folder / "link.txt").symlink_to(folder.parent / "outside_secret.txt")
    _refused(folder, "link.txt", "outside the corpus folder")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this system")
def test_link_inside_the_folder_is_read(folder):
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.txt").write_text(f"Inner Title\n\n{BODY}\n")
    (folder / "inner.txt").symlink_to(folder / "sub" / "inner.txt")
    assert {d.doc_id for d in load_corpus(folder)} == {"good", "inner"}


def test_manifest_row_in_a_sub_folder_is_read(folder):
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.txt").write_text(f"Inner Title\n\n{BODY}\n")
    (folder / "sources.csv").write_text("doc_id,file\ng,good.txt\ni,sub/inner.txt\n")
    assert [d.doc_id for d in load_corpus(folder)] == ["g", "i"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this system")
def test_symlink_loop_is_a_clear_error_naming_the_path(folder):
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    _refused(folder, "loop.txt")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="permissions are not enforced")
def test_unreadable_file_is_a_clear_error_naming_the_path(folder):
    locked = folder / "locked.txt"
    locked.write_text(f"Locked Title\n\n{BODY}\n")
    locked.chmod(0)
    try:
        _refused(folder, "locked.txt", "cannot be read")
    finally:
        locked.chmod(0o644)
