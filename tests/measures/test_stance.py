import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.compare.per_document import stance_profile
from toolkit.measures.stance import sentence_cues, stance


def _cues(text, category=None, writer_only=True):
    cues = sentence_cues(text, 0, len(text))
    return [c["surface"] for c in cues if (category is None or c["category"] == category) and not (writer_only and c["reported"])]


@pytest.mark.parametrize(
    "text, category, expected",
    [
        # May the month versus the modal
        ("The deal was signed in May 2025.", "hedge", []),
        ("Talks resumed on May 5 in the capital.", "hedge", []),
        ("May 5 was chosen for the signing.", "hedge", []),
        ("The deal may collapse.", "hedge", ["may"]),
        ("This may take years.", "hedge", ["may"]),
        # will and can as nouns, or as plain future and ability: never cues
        ("The political will is there, and the will of the people matters.", None, []),
        ("It will open a can of worms.", "hedge", []),
        ("Exports can grow.", "hedge", []),
        # might as a noun
        ("The military might of the state is large.", "hedge", []),
        ("The deal might fail.", "hedge", ["might"]),
        # about with and without a number
        ("They talked about the deal.", "hedge", []),
        ("The site holds about 5.9 billion tons.", "hedge", ["about"]),
        ("It costs around $6 trillion.", "hedge", ["around"]),
        ("Walk around the port.", "hedge", []),
        ("It took nearly a decade.", "hedge", ["nearly"]),
        # could and would in reported speech belong to the source
        ('"Prices could fall," the minister said.', "hedge", []),
        ("Officials said prices would fall.", "hedge", []),
        ("After China indicated it could not pay, talks stalled.", "hedge", []),
        ("The bank said it could not pay.", "hedge", []),
        ("Prices could fall.", "hedge", ["could"]),
        # rather than, known as
        ("Refine ore rather than export it.", "hedge", []),
        ("The result is rather weak.", "hedge", ["rather"]),
        ("The site, known as Reko Diq, is large.", "booster", []),
        # boosters need the writer's certainty
        ("A photo showed the minister at the port.", "booster", []),
        ("The data shows that exports rose.", "booster", ["shows that"]),
        ("It is clearly a turning point.", "booster", ["clearly"]),
        ("In fact, exports fell.", "booster", ["In fact"]),
        # self-mention: I and our, never the country US
        ("US ties with us are strong.", "self_mention", ["us"]),
        ("As per my analysis, I doubt it.", "self_mention", ["As per my analysis", "I"]),
        # reader address and questions
        ("You know this.", "engagement", ["You"]),
        ("Is it worth it?", "engagement", ["?"]),
        ('He asked: "Is it worth it?"', "engagement", []),
    ],
)
def test_false_friends_and_cues(text, category, expected):
    assert _cues(text, category) == expected


@pytest.mark.parametrize(
    "text, surface, source, source_type",
    [
        ("The shipment left on Monday, according to Dawn.", "according to", "Dawn", "outlet"),
        ("Exports rose, according to the Commerce Ministry.", "according to", "Commerce Ministry", "organisation"),
        ("Reports suggest the talks stalled.", "Reports suggest", "reports", "vague"),
        ("The minister reportedly resigned.", "reportedly", "", "vague"),
        ("Natalie Baker said the deal was good.", "said", "Natalie Baker", "person"),
        ('"We are ready," said Sen. Paul Ito.', "said", "Sen. Paul Ito", "person"),
        ("Analysts in Asia note that the port matters.", "note", "Analysts in Asia", "vague"),
        ("US intelligence agencies briefed the president.", "briefed", "US intelligence agencies", "organisation"),
        ("The plan was announced, as per press reports.", "as per", "press reports", "vague"),
        ("Yet, as the NDTV analysis concludes, alliances fade.", "concludes", "NDTV", "outlet"),
        ("Critics said the terms were vague.", "said", "Critics", "vague"),
    ],
)
def test_attribution_sources(text, surface, source, source_type):
    cues = [c for c in sentence_cues(text, 0, len(text)) if c["category"] == "attribution"]
    assert [(c["surface"], c["source"], c["source_type"]) for c in cues] == [(surface, source, source_type)]


@pytest.mark.parametrize("text", ["The United States signed.", "The reported agreement focuses on metals.", "Gulf Arab states invest.", "My view: it works"])
def test_not_attribution(text):
    assert _cues(text, "attribution") == []


def test_stance_table_offsets_round_trip(seeds_corpus):
    table = stance(seeds_corpus)
    assert set(table["category"]) == {"hedge", "booster", "attitude", "self_mention", "engagement", "attribution"}
    for row in table.itertuples():
        assert seeds_corpus.document(row.doc_id).text[row.start:row.end] == row.surface


def test_stance_profile(seeds_corpus):
    profile = stance_profile(seeds_corpus).set_index("doc_id")
    assert list(profile.index) == [d.doc_id for d in seeds_corpus]
    assert profile["hedged_share"].between(0, 1).all()
    # the second-person article addresses its reader; the others do not
    assert profile["engagement_per_1k"].idxmax() == "azad-news-hd"
    assert profile.loc["mineral-diplomacy", "self_mention_per_1k"] > 0  # "As per my analysis"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_never_crashes_and_offsets_round_trip(text):
    for cue in sentence_cues(text, 0, len(text)):
        assert text[cue["start"]:cue["end"]] == cue["surface"]
