from toolkit.analysis import analyze
from toolkit.coverage import claims, coverage, source_similarity, text_reuse


def test_claims_several_sources_make(seeds_corpus):
    table = claims(seeds_corpus)
    meeting = table[table["text"].str.contains("Shehbaz Sharif and Army Chief General Asim Munir")]
    assert meeting["claim_id"].nunique() == 1 and meeting["doc_id"].nunique() >= 2
    assert (table.groupby("claim_id")["doc_id"].nunique() >= 2).all()


def test_text_reuse_spans_round_trip(seeds_corpus):
    table = text_reuse(seeds_corpus)
    assert len(table) >= 1
    for row in table.itertuples():
        a = seeds_corpus.document(row.source_a).text[row.start_a:row.end_a]
        b = seeds_corpus.document(row.source_b).text[row.start_b:row.end_b]
        assert a.lower() == b.lower() == row.text.lower() and row.words >= 8


def test_similarity_matrix(seeds_corpus):
    table = source_similarity(seeds_corpus)
    assert len(table) == len(seeds_corpus) ** 2
    diagonal = table[table["source_a"] == table["source_b"]]
    assert (abs(diagonal["similarity"] - 1) < 1e-9).all()
    assert table["similarity"].between(0, 1 + 1e-9).all()


def test_coverage_states(seeds_corpus):
    table = coverage(seeds_corpus, analyze(seeds_corpus))
    assert set(table["fact_type"]) == {"quantity", "actor", "claim"}
    assert set(table["state"]) == {"present", "absent", "divergent"}
    gdp = table[(table["fact_type"] == "quantity") & table["label"].str.contains("gdp")]
    assert set(gdp[gdp["state"] == "divergent"]["source"]) == {"afzal", "mineral-diplomacy"}
