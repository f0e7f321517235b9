"""Suggested actors leave out weekdays, months, boilerplate and function words."""

from pathlib import Path

from toolkit.corpus.config import Actor, CorpusConfig
from toolkit.corpus.documents import Corpus, load_sources
from toolkit.corpus.sources import Source
from toolkit.measures.actors import as_actors, mentions, suggest_actors

TEXT = ("{n} Title\n\nOn Wednesday the Harbour Authority said that Norland and the Harbour Authority agreed, "
        "and in August Norland signed. The Harbour Authority met Norland on Wednesday and The officials in August agreed. "
        "Editing by Jane Roe and Reporting by John Doe. Our Standards: Trust Principles. Trust Principles apply.\n")


def test_suggestions_skip_weekdays_months_boilerplate_and_function_words():
    sources = [Source(f"d{i}", f"d{i}.txt", Path(f"d{i}.txt"), TEXT.format(n=i), "txt") for i in range(3)]
    corpus = Corpus(load_sources(sources, []), CorpusConfig(name="x"))
    names = set(suggest_actors(corpus)["name"])
    assert {"Harbour Authority", "Norland"} <= names
    assert not names & {"Wednesday", "August", "Editing", "Reporting", "Trust Principles", "The"}


def test_rank_names_drops_common_nouns_lost_possessives_and_outlets():
    import pandas as pd

    from toolkit.measures.actors import NAME_COLUMNS, rank_names

    rows = []
    for source in ("a", "b"):
        rows += [("Norland", source, 5, 3, 0), ("Norlands", source, 2, 2, 0),  # "Norlands army": a lost apostrophe
                 ("Operation", source, 3, 1, 6),  # written "operation" more often than "Operation"
                 ("AFP", source, 3, 1, 0),  # a news agency's byline
                 ("Ana Ruiz", source, 3, 2, 0)]
    names = set(rank_names(pd.DataFrame(rows, columns=NAME_COLUMNS[:5]))["name"])
    assert names == {"Norland", "Ana Ruiz"}


def _corpus(texts):
    sources = [Source(f"d{i}", f"d{i}.txt", Path(f"d{i}.txt"), text, "txt") for i, text in enumerate(texts)]
    return Corpus(load_sources(sources, []), CorpusConfig(name="x"))


def test_places_of_the_story_and_adjectives_are_no_actors():
    text = ("{n} Title\n\nToday the Vale Council met in Lakeside. Norland said the Vale Council failed, and Norland "
            "blamed Ana Ruiz. Later Ana Ruiz flew to Lakeside and met Norland. Marovian troops and Marovian villages "
            "were hit in Lakeside, and Ana Ruiz saw Marovian tanks. Crowds gathered in Lakeside and the Vale Council "
            "blamed Norland. Sen. Tom Hale, R-Ohio, and Ohio Rep. Jo Roe met Ana Ruiz, a Republican of Ohio said.\n")
    names = set(suggest_actors(_corpus([text.format(n=i) for i in range(3)]))["name"])
    assert {"Vale Council", "Norland", "Ana Ruiz"} <= names
    # "in Lakeside", "flew to Lakeside": the place where it happens; "Marovian troops": an adjective;
    # "R-Ohio", "Ohio Rep.", "Republican of Ohio": a party-state tag and a constituency; "Today": a day
    assert not names & {"Lakeside", "Marovian", "Ohio", "Today"}


def test_a_name_inside_a_longer_name_is_no_mention():
    text = ("Title\n\nNorland sent ships to the Norlandic Sea. Norlandic cuisine is rich, and Norlandic troops moved. "
            "The Gulf of Norland froze; New Norland voted. Jo Roe (R-Norland) and Norland Sen. Al Kay spoke, "
            "and Norland's 3rd Congressional District voted. Norlandic officials said Norland would wait.\n")
    corpus = _corpus([text])
    actors = [Actor("Norland", "country", ("Norland", "Norlandic"))]
    found = mentions(corpus, actors)["surface"].tolist()
    text = corpus.documents[0].text
    at = mentions(corpus, actors)["start"].tolist()
    kept = [text[a - 1:a + 22] for a in at]
    assert found == ["Norland", "Norlandic", "Norlandic", "Norland"], kept


def test_a_persons_name_before_a_party_word_stays_a_mention():
    corpus = _corpus(["Title\n\nRuiz Republicans cheered, and Vale lawmakers left. East Vale voted; Latin Vale did not.\n"])
    actors = [Actor("Ana Ruiz", "person", ("Ruiz",)), Actor("Vale", "other", ("Vale",))]
    found = mentions(corpus, actors)
    # "Vale lawmakers": a constituency; "Latin Vale": another place; "East Vale": a part of Vale
    assert list(zip(found["actor"], found["surface"])) == [("Ana Ruiz", "Ruiz"), ("Vale", "Vale")]


def test_variants_of_one_persons_name_are_one_suggested_actor():
    text = ("{n} Title\n\nOn Monday Ana Ruiz met the Vale Council. Later Ruiz said the Council agreed, and "
            "Senator Ruiz left. The Vale Council met Ruiz again, and the Council said Ana Ruiz was right.\n")
    corpus = _corpus([text.format(n=i) for i in range(3)])
    table = suggest_actors(corpus).set_index("name")
    assert set(table.index) == {"Ana Ruiz", "Vale Council"}
    assert set(table.loc["Ana Ruiz", "aliases"].split("|")) == {"Ana Ruiz", "Ruiz", "Senator Ruiz"}
    found = mentions(corpus, as_actors(suggest_actors(corpus)))
    assert set(found["actor"]) == {"Ana Ruiz", "Vale Council"}
    assert (found["actor"] == "Ana Ruiz").sum() == 3 * 5  # "Senator Ruiz" and "Ruiz" are her too


def test_a_body_before_a_party_word_stays_a_mention():
    corpus = _corpus(["Title\n\nThe Senate Republican leader spoke, and Vale Republicans left.\n"])
    found = mentions(corpus, [Actor("Senate", "other", ("Senate",)), Actor("Vale", "other", ("Vale",))])
    assert found["actor"].tolist() == ["Senate"]


def test_a_besieged_town_is_a_place_and_a_capital_is_its_state():
    text = ("{n} Title\n\nRuss troops shelled the besieged town of Lakeside. The residents of al-Rif and Lakeside fled "
            "to eastern Lakeside, then had to leave Lakeside. Air strikes on Lakeside went on, as Russ said. Moscow said Russ "
            "would go on. Russ blamed Norland, and Moscow blamed Norland again. Norland said Russ lied.\n")
    table = suggest_actors(_corpus([text.format(n=i) for i in range(3)]))
    names = set(table["name"])
    assert "Lakeside" not in names and {"Russ", "Moscow"} <= names
    # "Russ" is no state with a capital: Moscow joins only the state it is the capital of
    text = text.replace("Russ", "Russia")
    table = suggest_actors(_corpus([text.format(n=i) for i in range(3)]))
    aliases = dict(zip(table["name"], table["aliases"]))
    assert "Moscow" in aliases["Russia"].split("|") and "Lakeside" not in aliases


def test_a_possessive_without_its_apostrophe_is_a_mention():
    corpus = _corpus(["Title\n\nPresident Ana Ruizs forces advanced, and Norlands army fell back. Jo Jones spoke.\n"])
    actors = [Actor("Ana Ruiz", "person", ("Ana Ruiz",)), Actor("Norland", "country", ("Norland",)),
              Actor("Jo Jones", "person", ("Jo Jones", "Jone"))]
    assert mentions(corpus, actors)["surface"].tolist() == ["Ana Ruizs", "Norlands", "Jo Jones"]
