import pandas as pd
import pytest

from toolkit.compare.by_source import (actor_tone_by_source, frame_shares_by_source, readability_by_source,
                                       source_documents, source_map)
from toolkit.compare.per_document import frame_shares
from toolkit.measures.framing import frames
from toolkit.measures.readability import readability
from toolkit.measures.sentiment import actor_sentiment


@pytest.fixture(scope="module")
def pooled_tables(seeds_corpus):
    """The seeds with their first two documents pooled as one source."""
    first, second, *rest = [d.doc_id for d in seeds_corpus]
    mapping = {first: "pooled", second: "pooled", **{d: d for d in rest}}
    tables = {"documents": seeds_corpus.documents_table(), "actor_sentiment": actor_sentiment(seeds_corpus),
              "readability": readability(seeds_corpus)}
    tables["frame_shares"] = frame_shares(seeds_corpus, frames(seeds_corpus))
    tables["sources"] = pd.DataFrame({"doc_id": list(mapping), "source": list(mapping.values())})
    return tables, first, second


def test_source_map_defaults_to_each_document(seeds_corpus):
    tables = {"documents": seeds_corpus.documents_table()}
    assert source_map(tables) == {d.doc_id: d.doc_id for d in seeds_corpus}


def test_source_documents_keep_corpus_order(seeds_corpus, pooled_tables):
    tables, first, second = pooled_tables
    assert source_documents(seeds_corpus, tables)["pooled"] == [first, second]


def test_readability_pools_words_and_averages_formulas(pooled_tables):
    tables, first, second = pooled_tables
    table = readability_by_source(tables).set_index("source")
    per_doc = tables["readability"].set_index("doc_id")
    assert table.loc["pooled", "words"] == per_doc.loc[first, "words"] + per_doc.loc[second, "words"]
    assert table.loc["pooled", "gunning_fog"] == pytest.approx((per_doc.loc[first, "gunning_fog"] + per_doc.loc[second, "gunning_fog"]) / 2)


def test_frame_shares_pool_sentences_not_shares(pooled_tables):
    tables, first, second = pooled_tables
    table = frame_shares_by_source(tables)
    row = table[(table["source"] == "pooled") & (table["frame"] == "economic")].iloc[0]
    docs = tables["frame_shares"][tables["frame_shares"]["doc_id"].isin([first, second]) & (tables["frame_shares"]["frame"] == "economic")]
    assert row["framed_sentences"] == docs["framed_sentences"].sum()
    assert row["share"] == pytest.approx(docs["framed_sentences"].sum() / docs["sentences"].sum())


def test_actor_tone_is_the_mean_over_pooled_mentions(pooled_tables):
    tables, first, second = pooled_tables
    table = actor_tone_by_source(tables)
    mentions = tables["actor_sentiment"][tables["actor_sentiment"]["doc_id"].isin([first, second])]
    mentions = mentions[~mentions["quoted"]]  # the writer's own words only
    for row in table[table["source"] == "pooled"].itertuples():
        mine = mentions[mentions["actor"] == row.actor]["score"]
        assert row.mentions == len(mine) and row.mean_score == pytest.approx(mine.mean())
