import pytest

from toolkit.text.phrases import PhraseMatcher, fold_case


@pytest.mark.parametrize(
    "phrases, text, expected",
    [
        (["may"], "Mayor may go in May.", ["may", "May"]),
        (["in fact", "fact"], "In fact, the fact is clear.", ["In fact", "fact"]),
        (["suggest*"], "Reports suggested, suggestions, suggest.", ["suggested", "suggestions", "suggest"]),
        (["about"], "roundabout about-turn about", ["about", "about"]),
        (["U.S."], "the U.S. side", ["U.S."]),
        (["well-known"], "a well-known fact", ["well-known"]),
    ],
)
def test_whole_word_matches(phrases, text, expected):
    matcher = PhraseMatcher((p, p) for p in phrases)
    assert [m.surface for m in matcher.find(text)] == expected


def test_case_sensitive_matching_tells_us_from_US():
    matcher = PhraseMatcher([("US", "country"), ("us", "pronoun")], case_sensitive=True)
    assert [(m.surface, m.payload) for m in matcher.find("US ties help us")] == [("US", ("country",)), ("us", ("pronoun",))]


def test_offsets_are_into_the_original_text():
    text = "İstanbul and ANKARA meet"
    assert len(fold_case(text)) == len(text)
    match = PhraseMatcher([("ankara", 1)]).find(text)[0]
    assert text[match.start:match.end] == match.surface == "ANKARA"


def test_empty_matcher():
    assert PhraseMatcher([]).find("anything") == []
