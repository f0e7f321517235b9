import pandas as pd

from toolkit.compare.voices import COLUMNS, side_of, silent_actors, voice_type, voices
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
