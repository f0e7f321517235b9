import pytest

from toolkit.measures.attribution import SOURCE_TYPES, classify_source, find_attributions
from toolkit.text.quotes import quoted_spans


def _found(text):
    return [(a.source, a.source_type, text[a.start:a.end]) for a in find_attributions(text, 0, len(text), quoted_spans(text))]


@pytest.mark.parametrize("text, expected", [
    ("According to Reuters, the talks stalled.", [("Reuters", "outlet", "According to")]),
    ("The plan is popular, analysts say.", [("analysts", "vague", "say")]),
    ("Reportedly, the mayor resigned.", [("", "vague", "Reportedly")]),
    ("The council agreed to the budget.", []),
])
def test_attributions_in_written_sentences(text, expected):
    assert _found(text) == expected


def test_offsets_index_the_cue_in_a_longer_text():
    text = "First sentence here. The plan is popular, analysts say."
    start = text.index("The plan")
    (found,) = find_attributions(text, start, len(text), [])
    assert text[found.start:found.end] == found.surface == "say"


def test_a_cue_inside_quotation_marks_is_the_quoted_speakers():
    text = 'She wrote: "critics say it will fail."'
    assert all(text[a.start:a.end] != "say" for a in find_attributions(text, 0, len(text), quoted_spans(text)))


@pytest.mark.parametrize("source, kind", [("Reuters", "outlet"), ("analysts", "vague"), ("Maria Lopez", "person")])
def test_classify_source(source, kind):
    assert classify_source(source) == kind and kind in SOURCE_TYPES
