import pandas as pd

from toolkit import load_corpus
from toolkit.pipeline import analyze
from toolkit.compare.coverage import claims, coverage, source_similarity, text_reuse


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
    assert set(table["state"]) == {"present", "absent", "divergent", "unmatched"}
    # shared wording finds claims; a source without it is unmatched, never called absent
    assert set(table.loc[table["fact_type"] == "claim", "state"]) == {"present", "unmatched"}
    gdp = table[(table["fact_type"] == "quantity") & table["label"].str.contains("GDP", case=False)]
    assert set(gdp[gdp["state"] == "divergent"]["source"]) == {"afzal", "mineral-diplomacy"}


def test_claims_equal_the_all_pairs_definition(tmp_path):
    """The sparse prefilter and the grouping of identical wordings lose no pair."""
    import json
    import warnings

    from toolkit import load_corpus
    from toolkit.evaluation.bench import synthetic_corpus
    from toolkit.compare.coverage import BLOCKING_TERMS, CLAIM_THRESHOLD, MIN_CLAIM_TERMS
    from toolkit.compare.profiles import source_of
    from toolkit.compare.similarity import context_terms, cosine, tfidf

    from conftest import SEEDS

    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in synthetic_corpus(15_000, SEEDS, sentences=8)), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(path)
    sources = source_of(corpus.documents_table(), "outlet")
    rows = [(doc.doc_id, s.sentence_id) for doc in corpus for s in doc.sentences if s.kind not in ("title", "heading")]
    texts = [corpus.document(d).sentences[s].text for d, s in rows]
    terms = [context_terms(t) for t in texts]
    vectors = tfidf(terms)
    heads = [set(sorted(v, key=lambda t: (-v[t], t))[:BLOCKING_TERMS]) for v in vectors]
    best = {}
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if (len(set(terms[i])) < MIN_CLAIM_TERMS or len(set(terms[j])) < MIN_CLAIM_TERMS
                    or sources[rows[i][0]] == sources[rows[j][0]] or heads[i].isdisjoint(heads[j])):
                continue
            similarity = cosine(vectors[i], vectors[j])
            if similarity >= CLAIM_THRESHOLD:
                best[rows[i]] = max(best.get(rows[i], 0.0), similarity)
                best[rows[j]] = max(best.get(rows[j], 0.0), similarity)
    found = claims(corpus, sources=sources)
    assert len(best) > 50
    assert dict(zip(zip(found["doc_id"], found["sentence_id"]), found["similarity"])) == best


def test_sources_pool_their_documents(tmp_path):
    """With outlets as sources, shared text and claims are between outlets, never within one."""
    shared = "The ministry said the new port would handle four million containers a year from 2027 onwards."
    texts = {"a1": ("Alpha", shared), "a2": ("Alpha", shared), "b1": ("Beta", shared), "c1": ("Gamma", "Rain fell on the hills.")}
    for name, (outlet, text) in texts.items():
        (tmp_path / f"{name}.txt").write_text(f"{name.upper()} Report\n\n{text} Other words follow here.\n")
    (tmp_path / "sources.csv").write_text("doc_id,file,outlet\n" + "".join(f"{n},{n}.txt,{o}\n" for n, (o, _) in texts.items()))
    corpus = load_corpus(tmp_path)
    sources = {doc.doc_id: doc.metadata["outlet"] for doc in corpus}
    reuse = text_reuse(corpus, sources=sources)
    assert len(reuse) == 1 and {sources[reuse.iloc[0]["source_a"]], sources[reuse.iloc[0]["source_b"]]} == {"Alpha", "Beta"}
    found = claims(corpus, sources=sources)
    assert set(found["doc_id"]) == {"a1", "a2", "b1"}
    similarity = source_similarity(corpus, sources=sources)
    assert set(similarity["source_a"]) == {"Alpha", "Beta", "Gamma"} and len(similarity) == 9


OWN_WORDS = ("river", "market", "teacher", "winter", "garden", "station", "letter", "council", "harbour", "village",
             "morning", "doctor", "window", "festival", "library", "engine", "bakery", "meadow", "tunnel", "orchard")


def _shared_by(count: int, tmp_path):
    """``count`` articles that share one sentence word for word, each with words of its own."""
    shared = "The committee said the new bridge would carry forty thousand vehicles a day once it opens."
    for k in range(count):
        own = f"the {OWN_WORDS[k]} and the {OWN_WORDS[k]} were seen near the {OWN_WORDS[k]}"
        (tmp_path / f"a{k:02d}.txt").write_text(f"Title {k}\n\nFirst {own}. {shared} Last {own}.\n", encoding="utf-8")
    return load_corpus(tmp_path)


def test_text_reuse_pairs_every_source_up_to_the_blocking_limit(tmp_path):
    from toolkit.compare.coverage import REUSE_ALL_PAIRS

    corpus = _shared_by(REUSE_ALL_PAIRS, tmp_path)
    reuse = text_reuse(corpus)
    assert len(reuse) == REUSE_ALL_PAIRS * (REUSE_ALL_PAIRS - 1) // 2
    assert reuse["text"].str.contains("forty thousand vehicles").all()


def test_text_reuse_beyond_the_limit_pairs_each_source_with_the_first(tmp_path):
    from toolkit.compare.coverage import REUSE_ALL_PAIRS

    corpus = _shared_by(REUSE_ALL_PAIRS + 3, tmp_path)
    reuse = text_reuse(corpus)
    first = corpus.documents[0].doc_id
    assert len(reuse) == REUSE_ALL_PAIRS + 2 and (reuse["source_a"] == first).all()
    assert sorted(reuse["source_b"]) == sorted(doc.doc_id for doc in corpus.documents[1:])


def test_similarity_of_many_sources_keeps_neighbours_and_the_charted_pairs(tmp_path, monkeypatch):
    """Beyond FULL_SIMILARITY_SOURCES: each source's nearest others and every pair among ``keep``, with the full
    matrix's values."""
    import itertools
    import json

    from toolkit.compare import coverage as module
    from toolkit.evaluation.bench import synthetic_corpus

    from conftest import SEEDS

    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in synthetic_corpus(6_000, SEEDS, sentences=6)), encoding="utf-8")
    corpus = load_corpus(path)
    monkeypatch.setattr(module, "FULL_SIMILARITY_SOURCES", 10_000)
    full = source_similarity(corpus)
    names = [doc.doc_id for doc in corpus]
    assert len(full) == len(names) ** 2 and len(names) > 12
    monkeypatch.setattr(module, "FULL_SIMILARITY_SOURCES", 10)
    monkeypatch.setattr(module, "SIMILAR_NEIGHBOURS", 3)
    keep = module.largest_sources(corpus.documents_table(), None, 5)
    capped = source_similarity(corpus, keep=keep)
    assert capped.groupby("source_a").size().min() >= 4 and len(capped) < len(full)
    pairs = set(zip(capped["source_a"], capped["source_b"]))
    assert set(itertools.product(keep, keep)) <= pairs and all((n, n) in pairs for n in names)
    values = full.set_index(["source_a", "source_b"])["similarity"]
    assert ((capped.set_index(["source_a", "source_b"])["similarity"] - values.loc[list(zip(capped["source_a"], capped["source_b"]))]).abs() < 1e-12).all()
    for name, rows in capped[capped["source_a"] != capped["source_b"]].groupby("source_a"):
        nearest = full[(full["source_a"] == name) & (full["source_b"] != name)]["similarity"].nlargest(3).min()
        assert rows["similarity"].nlargest(3).min() >= nearest - 1e-12


def test_a_coarser_date_of_the_source_holds_the_group_date():
    from types import SimpleNamespace

    from toolkit.compare.coverage import _holding_dates

    group = SimpleNamespace(date_low=pd.Timestamp("2024-03-08"), date_high=pd.Timestamp("2024-03-08"))
    rows = pd.DataFrame({"surface": ["In March", "May 2024"], "date_low": [pd.NaT, pd.Timestamp("2024-05-01")],
                         "date_high": [pd.NaT, pd.Timestamp("2024-05-31")]})
    assert _holding_dates(rows, group) == "In March"  # a month whose year is left open
    spring = pd.DataFrame({"surface": ["in spring 2024"], "date_low": [pd.Timestamp("2024-03-01")],
                           "date_high": [pd.Timestamp("2024-05-31")]})
    assert _holding_dates(spring, group) == "in spring 2024"
    assert _holding_dates(rows.iloc[1:], group) == "" and _holding_dates(None, group) == ""


def test_shared_passages_say_whether_they_are_reporting_a_quotation_or_names(tmp_path):
    from toolkit import load_corpus
    from toolkit.compare.coverage import text_reuse
    quote = "we will not leave the port until the ships are back home"
    names = "Prime Minister Jo Roe and Army Chief General Al Kay of Vale"
    prose = "the harbour was closed for three days after the storm broke the old wall"
    (tmp_path / "a.txt").write_text(f"A\n\nRoe said: “{quote}.” He met {names}. In Vale {prose}.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"B\n\n“{quote},” Roe told crowds. Talks with {names}. Locals said {prose}.\n",
                                    encoding="utf-8")
    table = text_reuse(load_corpus(tmp_path))
    kinds = {text.split()[0].lower(): kind for text, kind in zip(table["text"], table["kind"])}
    assert kinds == {"we": "quotation", "prime": "names", "the": "text"}


def test_a_stray_quotation_mark_does_not_put_the_rest_of_a_paragraph_in_quotation_marks():
    from toolkit.compare.coverage import reuse_kind
    text = ('Roe said "the port is shut. Later "the boats left" he said. Fighters from Vale joined the war in 2015 '
            'and the siege of the city ended.')
    start = text.index("Fighters")
    assert reuse_kind("Fighters from Vale joined the war in 2015", text, start, "", 0) == "text"
