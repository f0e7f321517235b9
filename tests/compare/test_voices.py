import pandas as pd
import pytest

from toolkit import load_corpus
from toolkit.compare.voices import COLUMNS, side_of, silent_actors, voice_type, voices
from toolkit.measures.speakers import name_core
from toolkit.measures.stance import stance
from toolkit.pipeline import analyze


def test_types_and_sides():
    assert voice_type("the Foreign Ministry", "organisation") == "government"
    assert voice_type("Reuters", "outlet") == "outlet"
    assert side_of("Chinese officials") == "Chinese"
    assert side_of("Kenya’s finance minister") == "Kenya"
    assert side_of("Ana Ruiz") == ""


def test_seed_voices(seeds_corpus):
    tables = analyze(seeds_corpus)
    sources = {d: d for d in tables["documents"]["doc_id"]}
    table = voices(tables, sources)
    assert list(table.columns) == COLUMNS and len(table)
    assert set(table["mode"]) <= {"direct_quote", "paraphrase"}
    # quotes taken from another outlet are marked
    assert table.loc[table["voice_type"] == "outlet", "from_outlet"].all()
    assert table["from_outlet"].any()
    silent = silent_actors(table, tables["actor_sentiment"], sources)
    assert {"actor", "mentioned_by", "cited_by", "quoted_by"} <= set(silent.columns)
    assert (silent["mentioned_by"] >= 2).all()


def test_silent_actor_matching():
    voice_table = pd.DataFrame({"voice": ["Chinese officials", "Mr. Ruiz"], "side": ["Chinese", ""],
                                "mode": ["paraphrase", "direct_quote"], "source": ["a", "b"]})
    mentions = pd.DataFrame({"doc_id": ["a", "b", "a", "b", "a", "b"],
                             "actor": ["China", "China", "Ana Ruiz", "Ana Ruiz", "Kenya", "Kenya"]})
    out = silent_actors(voice_table, mentions, {"a": "a", "b": "b"}).set_index("actor")
    assert out.loc["China", "cited_by"] == 1 and out.loc["China", "quoted_by"] == 0
    assert out.loc["Ana Ruiz", "quoted_by"] == 1
    assert out.loc["Kenya", "cited_by"] == 0


def _tables(sentences, cues):
    """Analysis tables for :func:`voices` from written sentences and attribution cues.

    ``sentences``: texts of one article, in order; ``cues``: ``(sentence, cue word, source, source type)``.
    """
    rows, start = [], 0
    for sid, text in enumerate(sentences):
        rows.append(("d", sid, start, text))
        start += len(text) + 1
    table = pd.DataFrame(rows, columns=["doc_id", "sentence_id", "start", "text"])
    stance_rows = []
    for sid, cue, source, kind in cues:
        at = rows[sid][2] + sentences[sid].index(cue)
        stance_rows.append(("d", sid, at, at + len(cue), cue, "attribution", "speech_verb", source, kind))
    stance = pd.DataFrame(stance_rows, columns=["doc_id", "sentence_id", "start", "end", "surface", "category",
                                                "subcategory", "source", "source_type"])
    return {"stance": stance, "sentences": table}


def _analysed(tmp_path, text):
    """The stance and sentence tables of one written article, as the pipeline makes them."""
    (tmp_path / "a.txt").write_text("A Title\n\n" + text + "\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    sentences = pd.DataFrame([(d.doc_id, s.sentence_id, s.unit_id, s.start, s.kind, s.text) for d in corpus for s in d.sentences],
                             columns=["doc_id", "sentence_id", "unit_id", "start", "kind", "text"])
    return {"stance": stance(corpus), "sentences": sentences}, {d.doc_id: d.doc_id for d in corpus}


def test_pronoun_is_the_person_named_close_before(tmp_path):
    tables, sources = _analysed(tmp_path, "President Ana Ruiz said the port would reopen. "
                                          "Vale spokesman Omar Vell described the damage on Friday. “The boats are gone,” he said.")
    table = voices(tables, sources)
    assert list(zip(table["voice"], table["variant"])) == [("Ana Ruiz", "President Ana Ruiz"),
                                                           ("Omar Vell", "Vale spokesman Omar Vell"), ("Omar Vell", "he")]
    # the attribution table binds "he" to the same person: one binding for both tables
    cited = tables["stance"][tables["stance"]["category"] == "attribution"]
    assert cited["source"].tolist()[-1] == "Vale spokesman Omar Vell"


def test_both_tables_agree_on_whom_a_pronoun_stands_for(tmp_path):
    text = ("Mayor Tom Hale spoke at the dock. Senator Ana Ruiz, who chairs the panel, said the dock was unsafe. "
            "“It is a disgrace,” she said. Mr. Hale said repairs would start soon. “We have the money,” he said.")
    tables, sources = _analysed(tmp_path, text)
    cited = tables["stance"][tables["stance"]["category"] == "attribution"]
    table = voices(tables, sources)
    bound = dict(zip(cited["start"], cited["source"]))
    for row in table.itertuples():
        assert name_core(bound[row.start]).split()[-1] == row.voice.split()[-1]
    assert table["voice"].tolist() == ["Ana Ruiz", "Ana Ruiz", "Tom Hale", "Tom Hale"]


def test_coordinated_speakers_are_two_voices(tmp_path):
    text = ("Ms. Ana Ruiz and Mr. Tom Hale said the dock would close. "
            "Nora Lind and Piet Varga warned of delays. Lind and Varga said more later. "
            "Johnson & Johnson said it would help. Procter and Gamble said it would wait.")
    tables, sources = _analysed(tmp_path, text)
    table = voices(tables, sources)
    by_sentence = table.groupby("sentence_id")["voice"].apply(list).to_dict()
    assert [sorted(v) for v in by_sentence.values()] == [["Ana Ruiz", "Tom Hale"], ["Nora Lind", "Piet Varga"],
                                                         ["Nora Lind", "Piet Varga"], ["Johnson & Johnson"],
                                                         ["Procter and Gamble"]]
    first = min(by_sentence)
    assert set(table.loc[table["sentence_id"] == first, "variant"]) == {"Ms. Ana Ruiz", "Mr. Tom Hale"}


def test_pronoun_without_a_person_close_before_is_left_out():
    sentences = ["Jo Bell said the port would reopen.", "The river rose.", "Boats sank.", "Rain fell.",
                 "“It is over,” he said."]
    table = voices(_tables(sentences, [(0, "said", "Jo Bell", "person"), (4, "said", "he", "person")]), {"d": "d"})
    assert list(table["voice"]) == ["Jo Bell"]
    # a title rules a pronoun out, and two persons named with none of them cited are too close to call
    sentences = ["Mr. Tom Hale met Ana Ruiz in the capital.", "“It is over,” she said."]
    assert voices(_tables(sentences, [(1, "said", "she", "person")]), {"d": "d"})["voice"].tolist() == ["Ana Ruiz"]
    sentences = ["Tom Hale met Ana Ruiz in the capital.", "“It is over,” she said."]
    assert voices(_tables(sentences, [(1, "said", "she", "person")]), {"d": "d"}).empty


def test_variants_of_one_name_are_one_voice_and_one_citation_per_sentence():
    sentences = ["Governor Jo Bell said the dam held.", "Bell called it a relief, adding that crews were ready.",
                 "Mr. Bell left.", "Mr. Bell said more.", "The Vale Rights Observatory said ten died.",
                 "The Observatory said more may die."]
    cues = [(0, "said", "Governor Jo Bell", "person"), (1, "called", "Bell", "person"), (1, "adding", "Bell", "person"),
            (3, "said", "Mr. Bell", "person"), (4, "said", "Vale Rights Observatory", "organisation"),
            (5, "said", "Observatory", "organisation")]
    table = voices(_tables(sentences, cues), {"d": "d"})
    assert table["voice"].tolist() == ["Jo Bell", "Jo Bell", "Jo Bell", "Vale Rights Observatory", "Vale Rights Observatory"]
    assert set(table["variant"]) == {"Governor Jo Bell", "Bell", "Mr. Bell", "Vale Rights Observatory", "Observatory"}


def test_junk_voices_and_types():
    sentences = ["Norland expressed concern, and troops moved in Norland.", "Norlands ministry said talks go on.",
                 "A rebel military commander said the road was cut.", "They said it was over.", "It said so.", "The US agreed."]
    cues = [(0, "expressed", "Norland", "organisation"), (1, "said", "Norlands ministry", "government"),
            (2, "said", "rebel military commander", "vague"), (3, "said", "they", "person"), (4, "said", "", "vague"),
            (5, "agreed", "US", "organisation")]
    table = voices(_tables(sentences, cues), {"d": "d"}).set_index("voice")
    assert table.loc["Norland", "voice_type"] == "government"  # a country speaking: its government
    assert "Norland’s ministry" in table.index  # the apostrophe lost in the text is restored
    assert voice_type("a rebel military commander", "person") == "person"
    assert voice_type("Army commander Jo Bell", "person") == "government"
    assert not {"they", "(unnamed)", ""} & set(table.index)
    assert table.loc["US", "voice_type"] == "government"  # "US" is no pronoun, and a state


def test_person_mentions_skip_places_and_fronted_words():
    from toolkit.measures.speakers import person_mentions

    assert person_mentions("Historically Norland sided with Vale.") == []
    assert person_mentions("Crowds gathered in the Rose Garden and in North Vale.") == []
    assert [n for _, n in person_mentions("Despite Jo Roe, Ali Kan, 24, stayed.")] == ["Ali Kan"]


def test_where_a_body_sits_is_no_part_of_its_name():
    sentences = ["The Norland-based Vale Rights Observatory said ten died.", "The Vale Rights Observatory said more may die.",
                 "A Norland-based monitor said so too."]
    cues = [(0, "said", "Norland-based Vale Rights Observatory", "organisation"),
            (1, "said", "Vale Rights Observatory", "organisation"), (2, "said", "Norland-based monitor", "vague")]
    table = voices(_tables(sentences, cues), {"d": "d"})
    assert table["voice"].tolist() == ["Vale Rights Observatory", "Vale Rights Observatory", "Norland-based monitor"]


def test_an_initialism_with_and_without_its_dots_is_one_voice():
    import pandas as pd

    from toolkit.compare.voices import merge_variants

    table = pd.DataFrame({"voice": ["US", "U.S.", "U.N."], "voice_type": ["government", "organisation", "organisation"],
                          "_kind": ["body", "body", "body"], "side": ["", "", ""]})
    merged = merge_variants(table)
    assert list(merged["voice"]) == ["US", "US", "U.N."]
    assert set(merged.loc[merged["voice"] == "US", "voice_type"]) == {"government"}


def test_a_role_noun_alone_is_the_one_person_the_article_gives_that_role():
    from toolkit.compare.voices import bound_role, role_holders
    held = role_holders({0: "President Jo Roe met Vice President Al Kay on Monday.", 1: "Later, President Roe spoke."})
    assert bound_role("the president", held) == "Jo Roe"
    # two people hold the role: no binding
    assert bound_role("the president", role_holders({0: "President Jo Roe met President Li Wen."})) == ""
    assert bound_role("the monitor", role_holders({0: "The Vale-based monitor, the Rights Watch, said so."})) == "Rights Watch"


def test_relayed_reports_are_no_voice_of_whom_they_quote():
    sentences = ["There is even reporting that Norland expressed concern over the shipment.",
                 "Reports suggest Norland has branded the coverage a wedge.", "Norland said it would respond."]
    cues = [(0, "expressed concern", "Norland", "government"), (1, "branded", "Norland", "government"),
            (2, "said", "Norland", "government")]
    table = voices(_tables(sentences, cues), {"d": "d"})
    assert table["sentence_id"].tolist() == [2]


def test_a_document_named_again_is_no_new_voice(tmp_path):
    tables, sources = _analysed(tmp_path, "Jo Roe wrote in a tweet that the port would close. "
                                          "Critics said the port would stay open, but according to the tweet, it closes in May.")
    assert voices(tables, sources)["voice"].tolist() == ["Jo Roe", "Critics"]


def test_the_president_is_the_president_the_article_names(tmp_path):
    tables, sources = _analysed(tmp_path, "President Ana Ruiz visited the dock on Monday. "
                                          "“It will reopen,” the president said.")
    assert voices(tables, sources)["voice"].tolist() == ["Ana Ruiz"]


def test_a_role_two_people_hold_goes_to_the_one_the_article_is_about():
    from toolkit.compare.voices import bound_role, role_holders, surname_mentions
    text = {0: "President Jo Roe spoke on Monday.", 1: "Roe said the port would open.", 2: "Roe thanked staff.",
            3: "In 2020 President Al Kay closed the port."}
    assert bound_role("the president", role_holders(text), surname_mentions(text)) == "Jo Roe"
    text[4] = "Kay disagreed."
    assert bound_role("the president", role_holders(text), surname_mentions(text)) == ""


def test_the_statement_after_they_said_names_the_speakers():
    from toolkit.compare.voices import named_next
    assert named_next("The statement came from Vale Sen. Jo Roe, and former Sens. Al Kay and Ann Lee, all Republicans.") \
        == "Jo Roe and Al Kay and Ann Lee"
    assert named_next("The talks came from nowhere.") == ""


def test_they_said_is_the_persons_named_next(tmp_path):
    text = ("“The right decision is to step aside,” they said. The statement came from Sen. Jo Roe and former "
            "Sen. Al Kay.")
    tables, sources = _analysed(tmp_path, text)
    assert {"Jo Roe", "Al Kay"} <= set(voices(tables, sources)["voice"])


def test_a_group_named_member_by_member_is_its_members(tmp_path):
    """Two senators cited as a group, then named: one voice with its members, not three voices."""
    text = ("Vale gained support on Monday after two Norland Republican senators urged Kay to quit. “The right decision "
            "is to step aside,” they said. The statement came from Sen. Jo Roe and former Sen. Al Kay. Three officials "
            "said the vote would go ahead.")
    tables, sources = _analysed(tmp_path, text)
    table = voices(tables, sources)
    group = "two Norland Republican senators (Jo Roe, Al Kay)"
    assert table["voice"].tolist().count(group) == 2  # the group's sentence and "they said": two citations, one voice
    assert not table["voice"].isin(["Jo Roe", "Al Kay"]).any()
    assert table["voice"].str.contains("officials").any()  # a group of another number stays a group


def test_no_role_binds_reports_or_an_office_sought(tmp_path):
    from toolkit.compare.voices import role_holders
    found = role_holders({0: "According to reports the Coalition jets struck.", 1: "He ran for president, Ann Lee said.",
                          2: "President Jo Roe spoke."})
    assert "reports" not in found and found["president"] == {"Jo Roe"}


def test_a_quotation_over_two_sentences_is_quoted(tmp_path):
    text = "Jo Roe spoke at the port. “We are ready. We will open the port on Monday,” Roe said."
    tables, sources = _analysed(tmp_path, text)
    table = voices(tables, sources)
    assert set(table.loc[table["voice"] == "Jo Roe", "mode"]) == {"direct_quote"}


def test_a_quotation_belongs_to_the_nearest_cue(tmp_path):
    text = "The Vale ministry announced a new fund, following Jo Roe's remarks about the “massive reserves.”"
    tables, sources = _analysed(tmp_path, text)
    table = voices(tables, sources).set_index("voice")
    assert table.loc["Vale ministry", "mode"] == "paraphrase"


def test_a_countrys_view_is_no_voice(tmp_path):
    text = "Ships sailed to Norland on Monday. Norland views the port as a rival, officials in Vale said."
    tables, sources = _analysed(tmp_path, text)
    assert "Norland" not in set(voices(tables, sources)["voice"])


def test_a_body_described_then_named_is_one_voice(tmp_path):
    text = ("A leading international rights group says mines killed hundreds in the town. "
            "Vale Rights Watch says in a report that it counted 69 dead.")
    tables, sources = _analysed(tmp_path, text)
    table = voices(tables, sources)
    assert set(table["voice"]) == {"Vale Rights Watch"} and set(table["voice_type"]) == {"organisation"}


@pytest.mark.parametrize("second, merged", [("The Vale Observatory for Human Rights said the toll would rise.", True),
                                              ("The Vale Red Cross said the toll would rise.", False)])
def test_a_bare_monitor_then_an_observatory_is_one_voice(tmp_path, second, merged):
    text = "At least 15 people were killed in Norland on Monday, a monitor said. " + second
    tables, sources = _analysed(tmp_path, text)
    table = voices(tables, sources)
    assert (len(set(table["voice"])) == 1) == merged


def test_a_title_cites_no_voice_and_relayed_words_are_the_reports_quote(tmp_path):
    tables, sources = _analysed(tmp_path, "Jo Roe Says the Port Will Close\n\n"
                                          "Jo Roe said on Monday that the port would close. "
                                          "Reports suggest Norland has branded the plan “a wedge” between the towns.")
    table = voices(tables, sources)
    kinds = dict(zip(tables["sentences"]["sentence_id"], tables["sentences"]["kind"]))
    assert table["voice"].tolist() == ["Jo Roe", "reports"]
    assert all(kinds[s] not in ("title", "heading") for s in table["sentence_id"])
    assert table.loc[table["voice"] == "reports", "mode"].tolist() == ["direct_quote"]


def test_a_person_described_by_role_is_the_person_named_before_with_its_title(tmp_path):
    tables, sources = _analysed(tmp_path, "Rep. Jo Roe said the strikes must stop. "
                                          "“I had no idea how to run an office,” the four-term congressman said.")
    table = voices(tables, sources)
    assert table["voice"].tolist() == ["Jo Roe", "Jo Roe"] and table["mode"].tolist()[-1] == "direct_quote"
    # the person named just before without that title is not the one described (an accuser, say)
    tables, sources = _analysed(tmp_path, "Rep. Jo Roe resigned on Friday. His former aide, Ann Kay, said he had "
                                          "fired her. “I had no idea how to run an office,” the four-term congressman said.")
    table = voices(tables, sources)
    assert "Ann Kay" not in table.loc[table["sentence_id"] == table["sentence_id"].max(), "voice"].tolist()


def test_a_person_and_a_body_joined_by_and_are_two_voices(tmp_path):
    tables, sources = _analysed(tmp_path, "Jo Roe visited the port on Monday. "
                                          "Jo Roe and the Interior Ministry have long claimed that the port is safe.")
    table = voices(tables, sources)
    assert sorted(zip(table["voice"], table["voice_type"])) == [("Interior Ministry", "government"), ("Jo Roe", "person")]


def test_straight_quotes_over_two_sentences_are_quoted_whatever_other_paragraphs_hold(tmp_path):
    tables, sources = _analysed(tmp_path, 'The "plan is late, critics said.\n\n'
                                          '"The issues are too big. The right decision is to step aside," Jo Roe said.')
    table = voices(tables, sources)
    assert table.loc[table["voice"] == "Jo Roe", "mode"].tolist() == ["direct_quote"]


def test_a_person_the_article_gives_an_office_is_an_official_wherever_named():
    sentences = ["Norland President Jo Roe said the port would open.", "Roe said talks go on.", "Roe told reporters so.",
                 "Senate Majority Leader Al Kay said the vote was set."]
    cues = [(0, "said", "Norland President Jo Roe", "person"), (1, "said", "Roe", "person"),
            (2, "told", "Roe", "person"), (3, "said", "Senate Majority Leader Al Kay", "person")]
    table = voices(_tables(sentences, cues), {"d": "d"})
    assert set(zip(table["voice"], table["voice_type"])) == {("Jo Roe", "government"), ("Al Kay", "government")}
    assert voice_type("keynote speaker Jo Roe", "person") == "person" and voice_type("Speaker Jo Roe", "person") == "government"


def test_the_monitor_is_the_body_cited_just_before():
    sentences = ["Rockets killed 15 people, a monitor said.", "The Vale Rights Observatory said 15 had died.",
                 "The monitor reported clashes in the west.", "The Norland-based monitor said a market was hit.",
                 "Later, Jo Roe said talks would go on.", "Rain fell.", "Roads closed.", "Shops shut.",
                 "The monitor said the toll rose."]
    cues = [(0, "said", "monitor", "vague"), (1, "said", "Vale Rights Observatory", "organisation"),
            (2, "reported", "monitor", "vague"), (3, "said", "Norland-based monitor", "organisation"),
            (4, "said", "Jo Roe", "person"), (8, "said", "monitor", "vague")]
    table = voices(_tables(sentences, cues), {"d": "d"})
    voice = dict(zip(table["sentence_id"], table["voice"]))
    assert voice[0] == "Vale Rights Observatory"  # "a monitor", named an Observatory in the next sentence
    assert voice[2] == voice[3] == "Vale Rights Observatory"
    assert voice[8] == "monitor"  # too far from the body cited last
    assert set(table.loc[table["sentence_id"].isin([2, 3]), "voice_type"]) == {"organisation"}


def test_a_view_in_scare_quotes_is_no_quotation_and_a_described_role_is_its_one_holder():
    sentences = ["Investors now see the port’s “frontier” status as an opportunity.", "Rep. Jo Roe resigned on Friday.",
                 "Al Kay, her aide, spoke of the harm.", "“I had no idea how to run an office,” the four-term congresswoman said."]
    cues = [(0, "see", "Investors", "vague"), (2, "spoke", "Al Kay", "person"),
            (3, "said", "four-term congresswoman", "vague")]
    table = voices(_tables(sentences, cues), {"d": "d"}).set_index("sentence_id")
    assert table.loc[0, "mode"] == "paraphrase"
    assert table.loc[3, "voice"] == "Jo Roe" and table.loc[3, "mode"] == "direct_quote"


def test_a_body_named_by_its_short_name_is_not_a_description():
    sentences = ["The Vale Observatory said 15 died.", "Norland Front claimed the attack.", "Roads closed, the Observatory said."]
    cues = [(0, "said", "Vale Observatory", "organisation"), (1, "claimed", "Norland Front", "organisation"),
            (2, "said", "Observatory", "organisation")]
    table = voices(_tables(sentences, cues), {"d": "d"})
    assert dict(zip(table["sentence_id"], table["voice"]))[2] == "Vale Observatory"


def test_a_role_qualified_by_its_party_is_not_bound_to_the_one_holder_of_the_title():
    sentences = ["Vale Party MP Ann Roe said the talks failed.", "Jo Kay spoke next.",
                 "“It is a disgrace,” the member of parliament from the Norland Party said."]
    cues = [(0, "said", "Vale Party MP Ann Roe", "person"), (1, "spoke", "Jo Kay", "person"),
            (2, "said", "member of parliament from the Norland Party", "vague")]
    table = voices(_tables(sentences, cues), {"d": "d"})
    assert dict(zip(table["sentence_id"], table["voice"]))[2] != "Ann Roe"


def test_the_source_named_again_is_the_unnamed_source_cited_just_before():
    sentences = ["A source within the Vale Party told reporters the vote would fail.",
                 "Jo Roe, according to the source, told him to step aside."]
    cues = [(0, "told", "source within the Vale Party", "organisation"), (1, "according to", "source", "vague")]
    table = voices(_tables(sentences, cues), {"d": "d"})
    assert set(table["voice"]) >= {"source within the Vale Party"} and "source" not in set(table["voice"])


def test_two_unnamed_groups_joined_by_and_are_two_voices():
    sentences = ["Analysts and diplomats said the deal would hold.", "Officials in Vale and Norby said talks went on."]
    cues = [(0, "said", "Analysts and diplomats", "vague"), (1, "said", "Officials in Vale and Norby", "government")]
    table = voices(_tables(sentences, cues), {"d": "d"})
    assert sorted(table.loc[table["sentence_id"] == 0, "voice"]) == ["Analysts", "diplomats"]
    assert table.loc[table["sentence_id"] == 1, "voice"].tolist() == ["Officials in Vale and Norby"]


def test_a_rebel_official_is_no_government_voice():
    sentences = ["The judge was killed, a witness and a rebel official said."]
    table = voices(_tables(sentences, [(0, "said", "official", "government")]), {"d": "d"})
    assert table[["voice", "voice_type"]].values.tolist() == [["rebel official", "vague"]]


def test_a_politician_takes_the_party_the_article_tags_him_with():
    sentences = ["Sen. Jo Roe (R-Vale.) said the bill would pass.", "Senate Democrats said they would block it.",
                 "Al Kay, Democrat of Norby, said the vote was close.", "Mo Vell said nothing new."]
    cues = [(0, "said", "Sen. Jo Roe", "person"), (1, "said", "Senate Democrats", "organisation"),
            (2, "said", "Al Kay", "person"), (3, "said", "Mo Vell", "person")]
    table = voices(_tables(sentences, cues), {"d": "d"}).set_index("voice")
    assert table.loc["Jo Roe", "side"] == "Republican" and table.loc["Senate Democrats", "side"] == "Democrat"
    assert table.loc["Al Kay", "side"] == "Democrat" and table.loc["Mo Vell", "side"] == ""


def test_words_one_speaker_says_another_told_them_are_the_first_speakers():
    sentences = ["Sen. Jo Roe left saying Al Kay told them “the talks could last months.”"]
    cues = [(0, "saying", "Sen. Jo Roe", "person"), (0, "told", "Al Kay", "person")]
    table = voices(_tables(sentences, cues), {"d": "d"})
    assert table[["voice", "mode"]].values.tolist() == [["Jo Roe", "direct_quote"]]


def test_a_quotation_opened_after_the_cue_and_closed_paragraphs_later_is_quoted():
    sentences = ["Jo Roe tweeted on Saturday: “The talks failed.", "We will try again!”"]
    table = voices(_tables(sentences, [(0, "tweeted", "Jo Roe", "person")]), {"d": "d"})
    assert table["mode"].tolist() == ["direct_quote"]


def test_a_person_the_article_gives_an_office_elsewhere_is_an_official_of_that_side():
    sentences = ["Valean President Jo Roe visited the port.", "Jo Roe said the port would reopen.",
                 "Acme CEO Al Kay said the ships were ready."]
    cues = [(1, "said", "Jo Roe", "person"), (2, "said", "Al Kay", "person")]
    table = voices(_tables(sentences, cues), {"d": "d"}).set_index("voice")
    assert table.loc["Jo Roe", ["voice_type", "side"]].tolist() == ["government", "Valean"]
    assert table.loc["Al Kay", ["voice_type", "side"]].tolist() == ["person", "Acme"]


def test_a_country_speaking_is_its_own_side_and_an_example_of_the_opposition_is_opposition():
    sentences = ["Norland said the port would reopen.",
                 "Opposition parties in Norland (for example the Vale Party) have called for a vote.",
                 "The UN aid chief Jo Roe said the road was closed."]
    cues = [(0, "said", "Norland", "government"), (1, "called for", "Vale Party", "organisation"),
            (2, "said", "Jo Roe", "person")]
    table = voices(_tables(sentences, cues), {"d": "d"}).set_index("voice")
    assert table.loc["Vale Party", "side"] == "opposition" and table.loc["Jo Roe", "side"] == "UN"


def test_reports_from_a_named_outlet_are_that_outlets():
    sentences = ["Reports from the Vale Times and others note that the port reopened."]
    table = voices(_tables(sentences, [(0, "note", "Reports from the Vale Times and others", "outlet")]), {"d": "d"})
    assert table[["voice", "voice_type"]].values.tolist() == [["Vale Times", "outlet"]]


def test_words_a_closing_attribution_relays_are_its_voices():
    sentences = ["“That would be a mistake,” Mr. Roe replied after the question, according to three officials "
                 "familiar with the meeting who spoke on condition of anonymity.",
                 "He said the bridge was why he won, one of the officials recalled."]
    cues = [(0, "replied", "Mr. Roe", "person"), (0, "according to", "three officials familiar with the meeting", "vague"),
            (1, "said", "He", "person"), (1, "recalled", "one of the officials", "vague")]
    table = voices(_tables(sentences, cues), {"d": "d"})
    # Roe's words are the officials' account; "one of the officials" is part of the group cited before
    assert set(table["voice"]) == {"three officials familiar with the meeting"} and len(table) == 2


def test_a_speaker_in_the_clause_another_reports_is_relayed():
    sentences = ["Jo Roe later confirmed that the party's chair Al Kay called him and told him to “think about it.”"]
    cues = [(0, "confirmed", "Jo Roe", "person"), (0, "told", "Al Kay", "person")]
    table = voices(_tables(sentences, cues), {"d": "d"})
    assert table["voice"].tolist() == ["Jo Roe"]


def test_an_outlet_closing_a_sentence_relays_no_one():
    sentences = ["Jo Roe said the talks failed, according to the Vale Times."]
    cues = [(0, "said", "Jo Roe", "person"), (0, "according to", "the Vale Times", "outlet")]
    table = voices(_tables(sentences, cues), {"d": "d"})
    assert "Jo Roe" in set(table["voice"])


def test_a_programme_named_in_quotation_marks_quotes_no_words():
    sentences = ["Jo Roe said on “Vale & Friends” earlier Friday that the talks would go on."]
    table = voices(_tables(sentences, [(0, "said", "Jo Roe", "person")]), {"d": "d"})
    assert table["mode"].tolist() == ["paraphrase"]
    sentences = ["Jo Roe said on Friday: “The talks will go on.”"]
    table = voices(_tables(sentences, [(0, "said", "Jo Roe", "person")]), {"d": "d"})
    assert table["mode"].tolist() == ["direct_quote"]


def test_an_unnamed_part_of_a_group_is_vague_and_lower_case(tmp_path):
    text = "Jo Roe spoke on Monday. A few of his Vale Party colleagues urged him to resign over the claims."
    tables, sources = _analysed(tmp_path, text)
    table = voices(tables, sources).set_index("voice")
    assert table.loc["a few of his Vale Party colleagues", "voice_type"] == "vague"


def test_a_bare_monitor_described_later_is_that_body(tmp_path):
    text = ("Rockets killed at least 15 civilians in Norland on Monday, a monitor said. Rain fell on the city. "
            "The Vale Observatory for Human Rights, a Norland-based monitor, said more than 100 were wounded.")
    tables, sources = _analysed(tmp_path, text)
    assert set(voices(tables, sources)["voice"]) == {"Vale Observatory for Human Rights"}


def test_a_qualified_role_with_the_points_back_to_the_person_just_cited(tmp_path):
    text = ("Jo Roe a former development minister said aircraft could enforce a no-fly zone. "
            "\"We have a responsibility to protect\" the member of parliament from the governing Vale Party said.")
    tables, sources = _analysed(tmp_path, text)
    table = voices(tables, sources)
    assert table["voice"].tolist() == ["Jo Roe", "Jo Roe"] and table["mode"].tolist()[-1] == "direct_quote"


def test_state_television_is_a_voice_and_a_spokesman_speaks_for_his_group(tmp_path):
    text = ("State television said \"the army has foiled an attack on the city\". "
            "\"The siege will end\" said Al Kay a military commander and spokesman for Ahrar al-Vale.")
    tables, sources = _analysed(tmp_path, text)
    table = voices(tables, sources).set_index("voice")
    assert table.loc["State television", "voice_type"] == "outlet"
    assert table.loc["Al Kay", "side"] == "Ahrar al-Vale"


def test_a_spokeswoman_for_a_politician_takes_the_politicians_party(tmp_path):
    text = ("Speaker Al Kay, Republican of Vale, spoke on Monday. "
            "“The member made a commitment,” said Jo Bell, a spokeswoman for Speaker Al Kay.")
    tables, sources = _analysed(tmp_path, text)
    table = voices(tables, sources).set_index("voice")
    assert table.loc["Jo Bell", "side"] == "Republican"
