import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.compare.per_document import stance_profile
from toolkit.measures.stance import EPISTEMIC_SUBCATEGORIES, epistemic_sentences, sentence_cues, stance


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
        ("Exports rose, according to the Commerce Ministry.", "according to", "Commerce Ministry", "government"),
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


def _hedges(text):
    return [(c["surface"], c["subcategory"], c["reported"], c["epistemic"])
            for c in sentence_cues(text, 0, len(text)) if c["category"] == "hedge"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # approximators, frequency and degree words, conditions and open questions: hedges, not epistemic
        ("About 40 people came to the hearing.", [("About", "approximator", False, False)]),
        ("The river rose nearly two metres.", [("nearly", "approximator", False, False)]),
        ("Prices often rise in winter.", [("often", "frequency", False, False)]),
        ("The town was largely empty.", [("largely", "degree", False, False)]),
        ("Unless funds arrive, the clinic may close.", [("Unless", "condition", False, False), ("may", "modal", False, True)]),
        ("It is unclear whether the truce will hold.", [("unclear", "uncertainty", False, True), ("whether", "question", False, False)]),
        # would: future-in-the-past or reported intention, never epistemic
        ("The firm said it would close the plant.", [("would", "hypothetical", True, False)]),
        ("Nobody knew then that the bridge would fall.", [("would", "hypothetical", False, False)]),
        # could not: past inability; could not only: still a possibility
        ("The crew could not reach the village.", []),
        ("The plan could not only cut costs but also add jobs.", [("could", "modal", False, True)]),
        # doxastic and expectation verbs: the believer's voice
        ("Analysts expect the vote to pass.", [("expect", "expectation", True, True)]),
        ("The council expects to borrow the money.", [("expects", "expectation", True, True)]),
        ("We expect a close race.", [("expect", "expectation", False, True)]),
        ("I think the talks will fail.", [("I think", "doxastic", False, True)]),
        ("Residents believe the dam is unsafe.", [("believe", "doxastic", True, True)]),
        ("The bill is expected to pass.", [("is expected", "expectation", False, True)]),
        ("The ferry is thought to have sunk at dawn.", [("is thought", "doxastic", False, True)]),
        ("Police suspect that the fire was set.", [("suspect", "doxastic", True, True)]),
        ("Farmers fear the drought will last.", [("fear", "doxastic", True, True)]),
        # "see X as": a view, the subject's or, in an agentless passive, the writer's
        ("Both capitals now see the port as a rival.", [("see", "doxastic", True, True)]),
        ("She is widely seen as a reformer.", [("seen", "doxastic", False, True)]),
        ("The move is seen by some as a betrayal.", [("seen", "doxastic", True, True)]),
        ("He saw the harbour on Monday.", []),
        # nouns and adverbs of possibility, evidentials, allegations, stated ignorance
        ("There is a real possibility of snow.", [("possibility", "probability", False, True)]),
        ("In all likelihood the vote will slip.", [("In all likelihood", "probability", False, True)]),
        ("The mayor allegedly took bribes.", [("allegedly", "allegation", False, True)]),
        ("The alleged fraud cost millions.", [("alleged", "allegation", False, True)]),
        ("The clerk was accused of theft.", [("accused of", "allegation", False, True)]),
        ("Auditors accused the clerk of theft.", [("accused", "allegation", True, True)]),
        ("The accused left the court.", []),
        ("Growers worry that the frost will return.", [("worry that", "doxastic", True, True)]),
        ("The cause of the blaze is unknown.", [("unknown", "uncertainty", False, True)]),
        ("The forecast predicted rain.", [("predicted", "expectation", True, True)]),
        # false friends
        ("The think tank published a paper.", []),
        ("The suspect fled, and two suspects were held.", []),
        ("There is no doubt the bridge is safe.", []),
        ("The thought of winter worried them.", []),
    ],
)
def test_hedge_subcategories_voice_and_epistemic(text, expected):
    assert _hedges(text) == expected


def test_epistemic_subcategories_exclude_approximators_conditions_questions():
    assert not {"approximator", "condition", "question", "frequency", "degree", "hypothetical"} & EPISTEMIC_SUBCATEGORIES


def test_epistemic_sentences():
    import pandas as pd

    rows = []
    for sentence_id, text in enumerate(["About 40 came.", "Analysts think it may rain.", "If it rains, we stay.", '"It could fail," she said.']):
        rows += [{"doc_id": "d", "sentence_id": sentence_id, **c} for c in sentence_cues(text, 0, len(text))]
    table = pd.DataFrame(rows)
    assert epistemic_sentences(table) == {("d", 1), ("d", 3)}
    assert epistemic_sentences(table, writer_only=True) == set()  # "think" is the analysts', "may" after it too


def test_stance_table_offsets_round_trip(seeds_corpus):
    table = stance(seeds_corpus)
    assert set(table["category"]) == {"hedge", "booster", "attitude", "self_mention", "engagement", "attribution"}
    for row in table.itertuples():
        assert seeds_corpus.document(row.doc_id).text[row.start:row.end] == row.surface


def test_stance_profile(seeds_corpus):
    profile = stance_profile(seeds_corpus).set_index("doc_id")
    assert list(profile.index) == [d.doc_id for d in seeds_corpus]
    assert profile["hedged_share"].between(0, 1).all()
    assert profile["epistemic_share"].between(0, 1).all()
    assert (profile["epistemic_share"] <= profile["hedged_share"]).all()
    assert profile["epistemic_reported_share"].dropna().between(0, 1).all()
    voices = profile[["named_source_share", "vague_source_share", "own_voice_share"]]
    assert ((voices.sum(axis=1) - 1).abs() < 1e-9).all() and (voices >= 0).all().all()
    # the second-person article addresses its reader; the others do not
    assert profile["engagement_per_1k"].idxmax() == "azad-news-hd"
    assert profile.loc["mineral-diplomacy", "self_mention_per_1k"] > 0  # "As per my analysis"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_never_crashes_and_offsets_round_trip(text):
    for cue in sentence_cues(text, 0, len(text)):
        assert text[cue["start"]:cue["end"]] == cue["surface"]
