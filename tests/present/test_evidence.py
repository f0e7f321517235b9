import pytest

from toolkit.compare.comparison import compare
from toolkit.compare.registry import MEASURES
from toolkit.pipeline import analyze
from toolkit.present.evidence import evidence_for, quote


@pytest.fixture(scope="module")
def tables(seeds_corpus):
    tables = analyze(seeds_corpus)
    tables.update(compare(seeds_corpus, tables, resamples=50))
    return tables


def _sentence(seeds_corpus, block):
    kind, text, caption = block
    assert kind == "quote"
    doc_id = caption.split("`")[1]
    sentence_id = int(caption.split("sentence ")[1].split(",")[0])
    return doc_id, sentence_id, text


def test_quote_marks_the_span_in_bold(seeds_corpus):
    doc = seeds_corpus.documents[0]
    sentence = doc.sentences[1]
    kind, text, caption = quote(seeds_corpus, doc.doc_id, 1, (sentence.start, sentence.start + 4))
    assert text == "**" + sentence.text[:4] + "**" + sentence.text[4:]
    assert f"characters {sentence.start}–{sentence.end}" in caption


def test_cue_evidence_is_a_sentence_with_that_cue_in_the_writers_voice(seeds_corpus, tables):
    cues = tables["stance"]
    for source in tables["sources"]["source"]:
        block = evidence_for(seeds_corpus, tables, source, "hedges_per_1k_words")
        own = cues[(cues["doc_id"] == source) & (cues["category"] == "hedge") & ~cues["reported"].astype(bool)]
        if own.empty:
            assert block is None
            continue
        doc_id, sentence_id, text = _sentence(seeds_corpus, block)
        assert (doc_id, sentence_id) in set(zip(own["doc_id"], own["sentence_id"]))
        assert "**" in text


def test_frame_evidence_carries_the_frame(seeds_corpus, tables):
    frames = tables["frames"]
    block = evidence_for(seeds_corpus, tables, seeds_corpus.documents[0].doc_id, "frame_share_economic")
    doc_id, sentence_id, _ = _sentence(seeds_corpus, block)
    tagged = frames[(frames["frame"] == "economic")]
    assert (doc_id, sentence_id) in set(zip(tagged["doc_id"], tagged["sentence_id"]))


def test_tone_evidence_follows_the_direction(seeds_corpus, tables):
    contrasts = tables["contrasts"]
    tone = tables["sentiment"]
    for row in contrasts[contrasts["measure"] == "tone_news_mean"].itertuples():
        doc_id, sentence_id, _ = _sentence(seeds_corpus, evidence_for(seeds_corpus, tables, row.source, row.measure))
        mine = tone[tone["doc_id"] == row.source]
        picked = mine[mine["sentence_id"] == sentence_id]["news"].iloc[0]
        # the quoted sentence is on the finding's side of zero, and not a title or heading
        assert (picked < 0) == (row.difference < 0)
        kind = tables["sentences"].set_index(["doc_id", "sentence_id"]).loc[(doc_id, sentence_id), "kind"]
        assert kind not in ("title", "heading")


def test_less_evidence_quotes_a_source_that_does_it_more(seeds_corpus, tables):
    from toolkit.present.evidence import evidence

    shown = evidence(seeds_corpus, tables, "mineral-diplomacy", "reader_address_per_1k_words")
    assert shown.direction == "less" and shown.quoted_source == "azad-news-hd"
    assert "How often `mineral-diplomacy` does it" in shown.statement


def test_measures_without_evidence_give_none(seeds_corpus, tables):
    assert MEASURES["methods_agree_share"].evidence == "none"
    assert evidence_for(seeds_corpus, tables, seeds_corpus.documents[0].doc_id, "methods_agree_share") is None
    assert evidence_for(seeds_corpus, tables, seeds_corpus.documents[0].doc_id, "no_such_measure") is None
