"""Attribution: every voice a source cites, with sentences written for these tests."""

import pytest

from toolkit import load_corpus
from toolkit.measures.attribution import SOURCE_TYPES, classify_source, find_attributions
from toolkit.measures.stance import stance
from toolkit.text.quotes import quoted_spans


def _found(text):
    return [(a.source, a.source_type, text[a.start:a.end]) for a in find_attributions(text, 0, len(text), quoted_spans(text))]


@pytest.mark.parametrize("text, expected", [
    ("According to Reuters, the talks stalled.", [("Reuters", "outlet", "According to")]),
    ("The plan is popular, analysts say.", [("analysts", "vague", "say")]),
    ("Reportedly, the mayor resigned.", [("", "vague", "Reportedly")]),
    ("The council agreed to the budget.", []),
    # a participle's speaker is the main clause's, and "told" is followed by its listener
    ("“We are done,” Jo Bell said on Friday, noting she sent a letter to the board.",
     [("Jo Bell", "person", "said"), ("Jo Bell", "person", "noting")]),
    ("“We are waiting,” Sam Ode, the mayor’s chief of staff, told the Daily Planet.",
     [("Sam Ode", "person", "told")]),
    # a time phrase after the subject is when, not who; an aside between subject and verb is skipped
    ("Mayor Jo Bell on Monday called the plan unfair.", [("Mayor Jo Bell", "person", "called")]),
    ("The mayor, without offering details, said her rival “lied”.", [("mayor", "vague", "said")]),
    ("The toll rose, said the minister of health.", [("minister of health", "vague", "said")]),
    # a fronted phrase of place or time is the setting, not the source
    ("In an online statement the Harbour Front has claimed the attack.", [("Harbour Front", "organisation", "claimed")]),
    ("In a video in March announcing his exit, the mayor thanked voters.", []),
    # "according to reports the ..." is an unnamed source; a desk of a news agency is the agency's
    ("According to reports the storm destroyed a bridge near the town.", [("reports", "vague", "According to")]),
    ("According to the English-language desk of Nordpress news agency the storm hit the coast.",
     [("English-language desk of Nordpress news agency", "outlet", "According to")]),
    # a plea in court is no words reported; "citing" after a speaker is that speaker's support
    ("Jo Bell pleaded guilty on Friday to lying to investigators.", []),
    ("Jo Bell pleaded with the council to reopen the dock.", [("Jo Bell", "person", "pleaded")]),
    ("“He should go,” Mr. Kay said in a statement, citing former senators like Tom Hale.",
     [("Mr. Kay", "person", "said"), ("Mr. Kay", "person", "citing")]),
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



def _cues(text):
    return [(a.surface, a.source, a.source_type) for a in find_attributions(text, 0, len(text), quoted_spans(text, 0, len(text)))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # speech, belief and characterising verbs beyond "said"
        ("Critics worry that the new levy will hurt farmers.", [("worry", "Critics", "vague")]),
        ("But state media and think-tanks warn that the plan could backfire.", [("warn", "state media and think-tanks", "vague")]),
        ("The vote was close (opposition parties have lamented the rushed debate).", [("lamented", "opposition parties", "vague")]),
        ("The governor conceded that the bridge would open late.", [("conceded", "governor", "vague")]),
        ("Mayor Lena Ortiz insists the budget is balanced.", [("insists", "Mayor Lena Ortiz", "person")]),
        ("In the view of the central bank, rates must rise.", [("In the view of", "central bank", "vague")]),
        ("The harbour reopened, according to the Herald Tribune.", [("according to", "Herald Tribune", "outlet")]),
        # the source on either side, past a relative clause or an appositive
        ("Northway Mining, which owns half the pit, describes it as a rare find.", [("describes", "Northway Mining", "organisation")]),
        ("The firm's sales chief, Omar Reyes, described the deal as a lifeline.", [("described", "Omar Reyes", "person")]),
        # outlets by name and by shape
        ("The road opened on Monday, according to the Valley newspaper.", [("according to", "Valley newspaper", "outlet")]),
        ("Reports from Asia Times and others note that the port matters.", [("note", "Reports from Asia Times and others", "outlet")]),
        # a named possessor makes an unnamed head a named body
        ("The country's government claims the tender was fair.", [("claims", "country's government", "government")]),
        ("Norland's government claims the tender was fair.", [("claims", "Norland's government", "government")]),
    ],
)
def test_voices_found(text, expected):
    assert _cues(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The shipment says: “We are turning the page.”",  # a thing is not a source
        "The parcel says it all.",
        "It says the deal is fair.",
    ],
)
def test_not_a_source(text):
    assert _cues(text) == []


def test_classify_outlets_and_groups():
    assert classify_source("Daily Courier") == "outlet"
    assert classify_source("Kestrel news agency") == "outlet"
    assert classify_source("think-tanks") == "vague"
    assert classify_source("it") == "vague"  # an empty or thing source is never a person


def test_pronouns_resolve_to_the_last_named_person(tmp_path):
    (tmp_path / "a.txt").write_text(
        "A Title\n\n"
        "Finance Minister Ada Lind told reporters the budget was sound. Later she said taxes would not rise.\n\n"
        "She said nothing more, according to the Valley newspaper.\n\n"
        "Union leader Piet Varga warned of strikes.\n\n"
        "The port stayed open.\n\n"
        "The weather was calm.\n\n"
        "She said the talks would resume.\n",
        encoding="utf-8",
    )
    table = stance(load_corpus(tmp_path))
    said = table[(table["category"] == "attribution") & (table["surface"] == "said")]
    sources = list(said["source"])
    assert sources[0] == "Finance Minister Ada Lind"  # "she", same paragraph
    assert sources[1] == "Finance Minister Ada Lind"  # "She", the paragraph before
    assert sources[2] == "She"  # no named person in this paragraph or the one before: left as it is
    assert set(said["source_type"]) == {"person"}


def test_titled_names_are_people_and_pronouns_respect_titles(tmp_path):
    (tmp_path / "a.txt").write_text(
        "A Title\n\n"
        "Ms. Ines Moro sued the council. Mr. Karl Brandt voted against the bill, and she complained about it. "
        "Brandt said the vote was fair. Later he said more.\n",
        encoding="utf-8",
    )
    table = stance(load_corpus(tmp_path))
    cues = table[table["category"] == "attribution"].set_index("surface")
    assert cues.loc["complained", "source"] == "Ms. Ines Moro"  # "she": not the senator named since
    said = table[(table["category"] == "attribution") & (table["surface"] == "said")]
    assert list(said["source"]) == ["Brandt", "Karl Brandt"]
    assert set(said["source_type"]) == {"person"}  # "Brandt" alone is the man named before


@pytest.mark.parametrize("text, expected", [
    # text without commas, as some wire copy comes
    ("At least 15 people were killed on Wednesday a monitor said.", [("said", "monitor", "vague")]),
    ("According to Anadolu Agency the blast hit a camp.", [("According to", "Anadolu Agency", "outlet")]),
    # inversion after a comma, and unnamed officials as a government source
    ("The bridge will reopen, said Senator Jo Bell of Ohio.", [("said", "Senator Jo Bell of Ohio", "person")]),
    ("The strike hit a depot, officials said.", [("said", "officials", "government")]),
    ("The curfew holds, the Interior Ministry said.", [("said", "Interior Ministry", "government")]),
    ("Talks will go on, Kremlin spokesman Ivo Petrov said.", [("said", "Kremlin spokesman Ivo Petrov", "person")]),
    # an aside naming an example of an unnamed subject: the named body speaks
    ("Opposition parties (for example the Green League) have called for a vote.", [("called for", "Green League", "organisation")]),
])
def test_sources_in_wire_copy(text, expected):
    assert [(t, s, k) for s, k, t in _found(text)] == expected


def test_a_surname_named_in_full_earlier_is_a_person(tmp_path):
    (tmp_path / "a.txt").write_text("Budget Vote\n\nThe vote was delayed, said Dana Whitlock on Monday. The plan is sound, Whitlock said.\n")
    cues = stance(load_corpus(tmp_path))
    cited = cues[cues["category"] == "attribution"]
    assert list(zip(cited["source"], cited["source_type"])) == [("Dana Whitlock", "person"), ("Whitlock", "person")]


@pytest.mark.parametrize("text, source", [
    # what is fused to the front of a subject is no part of it
    ("Elsewhere the Harbour Monitor said ten boats sank.", "Harbour Monitor"),
    ("Speaking on Friday Ana Ruiz said the port would reopen.", "Ana Ruiz"),
    ("Posted March 3 2021 Residents said the water was rising.", "Residents"),
    ("FLOOD WARNING A local official said the river would peak.", "local official"),
    ("The roads closed, and in the evening the source said more rain was due.", "source"),
    ("The vote passed even as Jo Bell warned of delays.", "Jo Bell"),
    # a name followed, without a comma, by what it is
    ("Talks failed, said Omar Vell a local commander.", "Omar Vell"),
    # a party and state tag after a name is no speaker
    ("Sen. Ann Kay, D-Ore., said the bill was weak.", "Sen. Ann Kay"),
    ("On Monday, Sen. Ann Kay, R-Ore., suggested Bell might want to wait.", "Sen. Ann Kay"),
])
def test_junk_fused_to_sources_is_trimmed(text, source):
    assert [s for s, _, _ in _found(text)][:1] == [source]


def test_no_clause_or_contraction_as_a_source():
    # "Ill" is "I'll" with its apostrophe lost: the first person, no named source
    assert all(s != "Vale Ill" for s, _, _ in _found("After Vale Ill see what the others are doing."))
    assert all("might" not in s for s, _, _ in _found("Late on Monday, suggested Bell might want to wait."))


def test_types_of_named_bodies():
    assert classify_source("Norland Tehreek-e-Adl") == "organisation"  # a party named in the construct X-e-Y
    assert [k for _, k, _ in _found("Opposition parties (for example the Green League) have called for a vote.")] == ["organisation"]
    assert [(s, k) for s, k, _ in _found("The market is empty, Ali Kan, 24, said.")] == [("Ali Kan", "person")]


@pytest.mark.parametrize("text, expected", [
    # a name before an appositive set off by commas, with an adverb before the verb
    ("Representative Jo Roe, Republican of Vale and the chairman of the budget committee, also said the plan would fail.",
     [("Representative Jo Roe", "person", "said")]),
    ("The firm’s former director, Al Kay, also described the offices in detail.", [("Al Kay", "person", "described")]),
    # an appositive whose closing comma is missing
    ("Jo Roe, the member of parliament from the Vale Party said the strikes must stop.", [("Jo Roe", "person", "said")]),
    # a name run into its role without a comma
    ("Ann Lee deputy emergencies director at the Vale group says the town was mined.", [("Ann Lee", "person", "says")]),
    # a time phrase after the subject
    ("The Vale aid chief Al Kay this week said the city was a kill zone.", [("Vale aid chief Al Kay", "person", "said")]),
    # a possessive pronoun before the name: she gave the interview, the name says to whom
    ("The mayor said her rival lied during her FBI interview in July.", [("mayor", "vague", "said")]),
    # a view inside words already reported is no second source
    ("It says Vale seeks a partner, and the U.S. sees value in Vale as a supplier.", []),
    # words of a source judged by someone else cite no one
    ("“Jo Roe's comments were offensive and wrong,” Al Kay said.", [("Al Kay", "person", "said")]),
    ("The senators condemned Roe's remarks on Tuesday.", [("senators", "government", "condemned")]),
])
def test_speakers_named_around_appositives_and_reported_words(text, expected):
    assert _found(text) == expected


def test_officials_named_by_role_only_are_unnamed_sources():
    import pandas as pd
    from toolkit.measures.attribution import unnamed_sources
    table = pd.DataFrame({"source": ["three officials familiar with the meeting", "the Interior Ministry", "Jo Roe", "analysts",
                                     "a source at the Police Command"],
                          "source_type": ["government", "government", "person", "vague", "government"]})
    assert unnamed_sources(table).tolist() == [True, False, False, True, True]


def test_words_named_as_an_event_cite_no_one():
    # a possessive noun of speech whose words are not given: the subject of a verb of happening, or after "involving"
    assert _cues("Mr. Roe’s comments Monday on the port came at a time of unrest.") == []
    assert _cues("In a climate involving Mr. Roe’s comments, the vote was delayed.") == []
    # ... but words given are cited, whatever the verb
    assert _cues("Mr. Roe’s comments, “we will not leave,” came on Monday.") == [("comments", "Mr. Roe", "person")]


def test_a_long_role_phrase_ends_in_the_name_of_whoever_holds_it():
    text = "The speaker of the People’s Assembly of Norland Jo Ann Roe said that the vote would be held."
    assert [(s, t) for s, t, _ in _found(text)] == [("Jo Ann Roe", "person")]
    text = "On Monday President Jo Roe warned the rebels in East Vale that the siege would go on, saying it was over."
    assert all(s != "East Vale" for s, _, _ in _found(text))


def test_a_country_as_a_source_is_its_government():
    assert classify_source("the United States") == classify_source("Norway") == "government"


def test_a_passive_with_an_adverb_cites_no_one_and_a_view_has_its_holder():
    assert _cues("Norland is often described as rich in copper.") == []
    assert _cues("Jo Roe has long claimed that the port is safe.") == [("claimed", "Jo Roe", "person")]


def test_a_name_with_a_particle_after_an_inverted_verb_is_the_speaker():
    text = "“The siege will end” said Omar al-Rashid a member of the political office of the Vale group."
    assert _cues(text) == [("said", "Omar al-Rashid", "person")]


def test_anonymity_asked_for_is_no_words_reported():
    asked = "The official also insisted on anonymity to describe the talks."
    assert find_attributions(asked, 0, len(asked), [], None) == []
    said = "Another official insisted the talks would go on."
    assert [a.surface for a in find_attributions(said, 0, len(said), [], None)] == ["insisted"]


def test_an_account_that_posts_and_an_attempt_to_explain_are_their_owners_words():
    assert _cues("This came after Jo Roe’s Twitter account tweeted on Saturday that the talks had failed.")[0][:2] == \
        ("tweeted", "Jo Roe")
    assert _cues("Jo Roe attempted to explain on Sunday that the tweet was a mistake.")[0][:2] == ("explain", "Jo Roe")
    assert _cues("This may explain why prices rose.") == []


def test_a_name_its_appositive_and_an_adverb_before_the_verb():
    assert _cues("Jo Roe, his lawyer, now claims that the deal was legal.") == [("claims", "Jo Roe", "person")]


def test_an_unnamed_insider_of_a_named_body_is_vague_and_adding_must_add_words():
    assert classify_source("a Vale News source") == "vague"
    assert classify_source("source within the Acme Party") == "vague"
    assert classify_source("a source at the Vale Police Command") == "government"
    assert [c[0] for c in _cues("Analysts said Vale should keep old ties, but adding new ones.")] == ["said"]
    assert [c[0] for c in _cues("Jo Roe said the port was open, adding that ships would sail.")] == ["said", "adding"]


def test_unnamed_groups_of_colleagues_and_staff_and_a_recommendation():
    assert _cues("Other staffers accused Jo Roe of lying.") == [("accused", "Other staffers", "vague")]
    assert _cues("The Vale director, Jo Roe, recommended no charges be filed.")[0][:2] == ("recommended", "Jo Roe")


def test_a_states_leaders_are_its_government():
    assert classify_source("Kenya’s leaders") == "government"
    assert classify_source("Acme’s leaders") == "organisation"


def test_added_with_an_object_reports_no_words():
    # "added his voice" is an act; the senators' urging is the citation
    assert _cues("Jo Roe added his voice after five senators urged Al Kay to step aside.") == [
        ("urged", "five senators", "government")]
    assert [c[0] for c in _cues("“We will stay,” Jo Roe added.")] == ["added"]


def test_a_participle_after_an_unnamed_group_and_its_copula():
    assert _cues("Other officials in the Vale Party, including five senior senators, were less forgiving, however, "
                 "suggesting that Jo Roe had erred.") == [("suggesting", "Other officials in the Vale Party", "government")]
    assert _cues("Senior officials rejected the plan, saying it would fail.")[0][:2] == ("saying", "Senior officials")
    assert _cues("The new rules were rejected last week, saying it would fail.") == []  # no source heads the clause
    assert _cues("Jo Roe wrote an article in the Vale Times suggesting three ways out.") == [("wrote", "Jo Roe", "person")]


def test_a_few_keeps_its_article():
    assert _cues("A few of his Vale Party colleagues urged him to resign.")[0][1] == "A few of his Vale Party colleagues"


def test_coming_forward_to_accuse_is_the_accusers_charge():
    assert _cues("After the report, more of his aides came forward to accuse Jo Roe of lying.")[0] == (
        "accuse", "more of his aides", "vague")


@pytest.mark.parametrize("source, kind", [("House Republicans", "organisation"), ("Senate Democrats", "organisation"),
                                          ("fellow Republicans", "vague"), ("Fellow Democrats", "vague")])
def test_a_partys_members(source, kind):
    assert classify_source(source) == kind


def test_a_time_phrase_before_the_subject_is_no_part_of_it():
    assert _cues("A day later a military source disclosed that the rebels had attacked.")[0][:2] == (
        "disclosed", "military source")
    assert _cues("Late in the evening Jo Roe said the port would close.")[0][:2] == ("said", "Jo Roe")
    assert _cues("The military source reiterated that the attacks were coordinated.")[0][:2] == (
        "reiterated", "military source")


@pytest.mark.parametrize("text, source", [
    ("Roe, R-Ky., called the bills a waste of time.", "Roe"),
    ("Sen. Jo Roe, D-Ore., said the bills were a waste.", "Sen. Jo Roe"),
    ("British-based monitor the Vale Observatory for Human Rights counted 24 dead.", "Vale Observatory for Human Rights"),
    ("State television said the army had foiled an attack.", "State television"),
    ("A witness at the scene said rescuers heard him.", "witness at the scene"),
    ("An Acme News photographer at the scene said rescuers heard him.", "Acme News photographer at the scene"),
    ("A source within the Vale Party Campaign Committee told Acme News that Roe would go.",
     "source within the Vale Party Campaign Committee"),
    ("Roe, though, told Acme News host Al Kay on his show that he is staying in.", "Roe"),
    ("Kay, R-Vale, had previously announced that he would not run again.", "Kay"),
    ("Jo Roe previously said he would stay.", "Jo Roe"),
])
def test_a_source_is_read_past_party_tags_and_descriptions(text, source):
    assert [a.source for a in find_attributions(text, 0, len(text), [])] == [source]


def test_counted_reports_a_toll_only():
    for text in ("The votes were counted on Monday.", "He counted the money.", "Every vote counts.",
                 "The crowd at the scene said nothing."):
        assert find_attributions(text, 0, len(text), []) == []
