import sys

import numpy as np

from toolkit.measures.tone_embeddings import DIM, PARTS, context_vectors, embeddings, encode


def _vectors(sentence: str, mention: str) -> np.ndarray:
    start = sentence.index(mention)
    return context_vectors(sentence, start, start + len(mention), (0, len(sentence))).reshape(len(PARTS), DIM)


def test_embeddings_load_from_the_installed_package_without_importing_it():
    table = embeddings()
    assert table.shape[1] == DIM and table.dtype == np.float32 and table.shape[0] > 30_000 - 1
    assert "wordllama" not in sys.modules  # its import configures logging; the files are read directly


def test_offsets_point_into_the_sentence():
    sentence = "The  harbour board\tmet on Tuesday."
    ids, starts, ends = encode(sentence)
    assert len(ids) == len(starts) == len(ends) > 5
    assert all(0 <= a < b <= len(sentence) for a, b in zip(starts, ends))
    assert (np.diff(starts) > 0).all()


def test_parts_are_unit_vectors_and_leave_the_mention_out():
    vectors = _vectors("Critics sharply attacked Vellmark over the failed merger.", "Vellmark")
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    renamed = _vectors("Critics sharply attacked Ostrova Group over the failed merger.", "Ostrova Group")
    assert np.allclose(vectors, renamed, atol=1e-6)


def test_an_empty_side_is_zeros():
    vectors = _vectors("Vellmark resigned.", "Vellmark")
    assert not vectors[0].any() and vectors[1].any()


def test_same_input_same_vectors():
    sentence = "Lawmakers praised the mayor for the new bridge."
    assert np.array_equal(_vectors(sentence, "mayor"), _vectors(sentence, "mayor"))
