"""Speakers: the one binding of "he said" and "she said", with sentences written for these tests."""

from toolkit import load_corpus
from toolkit.measures.speakers import PronounBinder, person_mentions
from toolkit.measures.stance import stance


def _bound(tmp_path, text):
    (tmp_path / "a.txt").write_text("A Title\n\n" + text + "\n", encoding="utf-8")
    table = stance(load_corpus(tmp_path))
    cited = table[table["category"] == "attribution"]
    return list(zip(cited["surface"], cited["source"]))


def test_the_subject_named_before_the_pronoun_in_its_own_sentence(tmp_path):
    assert _bound(tmp_path, "Sen. Ana Ruiz (D-Vale) is leaving the chamber, she announced on Friday.") == \
        [("announced", "Sen. Ana Ruiz")]
    # a person named after a fronted clause is no subject: too close to call without one before
    assert _bound(tmp_path, "Asked about Ana Ruiz, he said nothing.") == [("said", "he")]


def test_a_person_cited_but_named_by_no_pattern_is_bound(tmp_path):
    text = ("Majority Leader Tom Hale met the press. Hale, R-Vale, called the bill “a stunt” and said it would fail. "
            "“We will not vote for it,” he told reporters.")
    assert _bound(tmp_path, text)[-1] == ("told", "Tom Hale")


def test_gender_and_titles_to_come(tmp_path):
    text = ("Senate Leader Tom Hale and House Speaker-to-be Ana Ruiz met the president. "
            "“They are feeling the heat,” Hale said. Ms. Ruiz, who returns to the chair on Monday, spoke first. "
            "“Open the government,” she told reporters.")
    assert _bound(tmp_path, text)[-1] == ("told", "Ana Ruiz")
    assert [n for _, n in person_mentions("House Speaker-to-be Ana Ruiz met Senate Majority Leader Tom Hale.")] == \
        ["Ana Ruiz", "Tom Hale"]


def test_binder_prefers_the_person_cited_among_several():
    sentences = {0: "Mayor Tom Hale met Ana Ruiz, and Ruiz said the dock was unsafe.", 1: "“It is a disgrace,” she said."}
    binder = PronounBinder(sentences)
    binder.cite(0, "Ruiz")
    assert binder.bind("she", 1) == "Ana Ruiz"  # cited as "Ruiz", named in full in the article
    assert PronounBinder(sentences).bind("he", 1) == ""  # two persons, none cited: too close to call


def test_headlines_run_together_name_no_person():
    # an initialism and two country names are no person's name ("Norway Sweden UN chief ...")
    assert person_mentions("Norway Sweden UN chief demands an inquiry") == []
    assert person_mentions("Jordan Lee met Ann Roe.") == [(0, "Jordan Lee"), (15, "Ann Roe")]
