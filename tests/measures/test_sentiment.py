import pandas as pd
import pytest

from toolkit import load_corpus
from toolkit.measures.actors import mentions, suggest_actors
from toolkit.corpus.config import Actor
from toolkit.compare.per_document import sentiment_profile
from toolkit.measures.sentiment import actor_sentiment, sentence_tone, sentiment, vader_label


@pytest.mark.parametrize("compound, label", [(0.5, "pos"), (0.05, "pos"), (0.0, "neu"), (-0.049, "neu"), (-0.3, "neg")])
def test_vader_label(compound, label):
    assert vader_label(compound) == label


def test_news_model_orders_clear_cases():
    good, _ = sentence_tone("The agreement was a great success that everyone welcomed.")
    bad, _ = sentence_tone("The attack killed dozens and the talks collapsed in anger.")
    assert good > 0 > bad


def test_sentiment_table(seeds_corpus):
    table = sentiment(seeds_corpus)
    assert len(table) == len(seeds_corpus.sentences_table())
    assert table["vader"].between(-1, 1).all() and table["news"].between(-1, 1).all()
    assert set(table["news_label"]) <= {"pos", "neu", "neg"}
    profile = sentiment_profile(seeds_corpus, table)
    assert profile["agreement"].between(0, 1).all()


def test_tone_toward_actors_is_scored_on_the_clause(tmp_path):
    (tmp_path / "a.txt").write_text("A Title\n\nAlpha won a great victory, but Beta suffered a humiliating and disastrous defeat.\n")
    corpus = load_corpus(tmp_path)
    actors = [Actor("Alpha", "country", ("Alpha",)), Actor("Beta", "country", ("Beta",))]
    table = actor_sentiment(corpus, mentions(corpus, actors)).set_index("actor")
    assert table.loc["Alpha", "score"] > table.loc["Beta", "score"]
    assert table.loc["Beta", "label"] == "neg"
    doc = corpus.documents[0]
    assert doc.text[table.loc["Alpha", "clause_start"]:table.loc["Alpha", "clause_end"]].startswith("Alpha won")
    assert "Alpha" not in doc.text[table.loc["Beta", "clause_start"]:table.loc["Beta", "clause_end"]]


def test_negation_flips_tone(tmp_path):
    (tmp_path / "a.txt").write_text("A Title\n\nAlpha is a reliable partner.\n\nAlpha is not a reliable partner.\n")
    corpus = load_corpus(tmp_path)
    table = actor_sentiment(corpus, mentions(corpus, [Actor("Alpha", "country", ("Alpha",))]))
    assert table.iloc[0]["score"] > table.iloc[1]["score"]


def test_actor_mentions_on_seeds_round_trip(seeds_corpus):
    table = mentions(seeds_corpus)
    assert {"Pakistan", "United States", "China"} <= set(table["actor"])
    for row in table.itertuples():
        assert seeds_corpus.document(row.doc_id).text[row.start:row.end] == row.surface
    # longest alias wins: "US Strategic Metals" is not also a mention of the United States
    ussm = table[table["actor"] == "US Strategic Metals"]
    overlapping = table.merge(ussm, on=["doc_id", "start"], suffixes=("", "_u"))
    assert (overlapping["actor"] == "US Strategic Metals").all()


def test_candidate_actors_without_a_config(seeds_corpus):
    candidates = suggest_actors(seeds_corpus)
    assert {"Pakistan", "China"} <= set(candidates["name"])
    assert not {"September", "May", "Reports", "The"} & set(candidates["name"])
    assert (candidates["sources"] >= 2).all()


def test_corpus_without_config_uses_candidates(tmp_path, seeds_corpus):
    for doc in seeds_corpus:
        (tmp_path / doc.file).write_text(doc.original, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.config.actors == ()
    table = actor_sentiment(corpus)
    assert not table.empty and "Pakistan" in set(table["actor"])
    # every suggested actor mention carries its clause, and the clause holds the mention
    assert (table["clause_start"] <= table["start"]).all() and (table["end"] <= table["clause_end"]).all()
    assert set(table["label"]) <= {"neg", "neu", "pos"}


def test_alias_in_parentheses_after_the_full_name_is_one_mention(tmp_path):
    (tmp_path / "a.txt").write_text("A Title\n\nNorthwind Mining Group (NMG) opened a plant. Later NMG hired staff.\n")
    corpus = load_corpus(tmp_path)
    table = mentions(corpus, [Actor("Northwind Mining Group", "company", ("Northwind Mining Group", "NMG"))])
    assert list(table["surface"]) == ["Northwind Mining Group", "NMG"]  # the later NMG stays a mention
    assert table.iloc[1]["start"] > corpus.documents[0].text.index("Later")


@pytest.mark.parametrize("sentence", [
    "The shift from border clashes and long wars to trade and shared investment is striking.",
    "The region has moved from decades of conflict and terror to cooperation.",
])
def test_the_end_of_a_conflict_does_not_read_as_conflict(sentence):
    score, label = sentence_tone(sentence)
    assert label != "neg" and score > -0.1


@pytest.mark.parametrize("sentence", [
    "The breakthrough came when a mining company pledged $200 million to build the new plant.",
    "The two firms pledged to open a joint research centre next year.",
    "Engineers hailed the test as a breakthrough for cheaper batteries.",
])
def test_words_of_success_do_not_read_as_negative(sentence):
    score, label = sentence_tone(sentence)
    assert label != "neg" and score > 0 - 0.1


def test_confident_extremes_pick_only_confident_mentions():
    from toolkit.measures.sentiment import confident_extremes

    table = pd.DataFrame({"label": ["neg", "neg", "pos", "neu"], "score": [-0.3, -0.2, 0.5, -0.45],
                          "p_neg": [0.55, 0.62, 0.1, 0.46], "p_neu": [0.2, 0.3, 0.2, 0.5], "p_pos": [0.25, 0.08, 0.7, 0.04]})
    picks = confident_extremes(table)
    assert picks["most negative"].name == 1 and picks["most negative"]["confidence"] == 0.62
    assert picks["most positive"].name == 2
    assert confident_extremes(table, 0.9) == {"most negative": None, "most positive": None}


def test_a_mention_inside_a_quotation_is_the_speakers_and_left_out_of_the_writers(tmp_path):
    from toolkit import load_corpus
    from toolkit.measures.actors import mentions
    from toolkit.corpus.config import Actor
    from toolkit.measures.sentiment import actor_sentiment, writers_mentions
    (tmp_path / "a.txt").write_text("A Title\n\n“Vale lied to us again and again,” Jo Roe said. Vale opened a new port.\n",
                                    encoding="utf-8")
    corpus = load_corpus(tmp_path)
    found = mentions(corpus, [Actor("Vale", "organisation", ("Vale",))])
    table = actor_sentiment(corpus, found)
    assert table["quoted"].tolist() == [True, False]
    assert writers_mentions(table)["sentence_id"].tolist() == [table["sentence_id"].iloc[1]]


def test_a_speaker_named_after_a_quotation_speaks_in_that_tone_not_the_writers(tmp_path):
    from toolkit import load_corpus
    from toolkit.measures.actors import mentions
    from toolkit.corpus.config import Actor
    from toolkit.measures.sentiment import actor_sentiment
    (tmp_path / "a.txt").write_text("A Title\n\n“I thank my family for their wonderful support and the voters who "
                                    "believed in me,” Vale said.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    table = actor_sentiment(corpus, mentions(corpus, [Actor("Vale", "person", ("Vale",))]))
    assert table["quoted"].tolist() == [True]
