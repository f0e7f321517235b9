import pandas as pd
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


def test_quote_marks_every_span_of_several(seeds_corpus):
    doc = seeds_corpus.documents[0]
    s = doc.sentences[1]
    _, text, _ = quote(seeds_corpus, doc.doc_id, 1, ((s.start + 5, s.start + 7), (s.start, s.start + 2)))
    assert text == "**" + s.text[:2] + "**" + s.text[2:5] + "**" + s.text[5:7] + "**" + s.text[7:]


def test_quote_joins_spans_apart_by_a_space_only(seeds_corpus):
    doc = seeds_corpus.documents[0]
    s = doc.sentences[1]
    gap = s.text.index(" ")
    _, text, _ = quote(seeds_corpus, doc.doc_id, 1, ((s.start, s.start + gap), (s.start + gap + 1, s.start + gap + 3)))
    assert text == "**" + s.text[:gap + 3] + "**" + s.text[gap + 3:]


def test_frame_evidence_marks_all_its_cues(seeds_corpus, tables):
    frames = tables["frames"]
    for source in frames["doc_id"].unique()[:3]:
        block = evidence_for(seeds_corpus, tables, source, "frame_share_economic")
        if block is None:
            continue
        doc_id, sentence_id, text = _sentence(seeds_corpus, block)
        row = frames[(frames["doc_id"] == doc_id) & (frames["sentence_id"] == sentence_id) & (frames["frame"] == "economic")]
        assert 2 <= text.count("**") <= 2 * int(row.iloc[0]["n_cues"])


def test_vague_evidence_prefers_a_vague_speaker_with_a_verb_of_saying(seeds_corpus, tables):
    stance = tables["stance"]
    attributions = stance[(stance["category"] == "attribution") & ~stance["reported"].astype(bool)]
    named = set(zip(*attributions.loc[attributions["source_type"] != "vague", ["doc_id", "sentence_id"]].T.values))
    vague = attributions[(attributions["source_type"] == "vague")]
    vague = vague[[key not in named for key in zip(vague["doc_id"], vague["sentence_id"])]]
    plain = vague[(vague["subcategory"] == "speech_verb") & vague["source"].fillna("").ne("")]
    checked = 0
    contrasts = tables["contrasts"]
    below = set(contrasts.loc[(contrasts["measure"] == "vague_source_share") & (contrasts["difference"] < 0), "source"])
    for source in set(plain["doc_id"]) - below:
        block = evidence_for(seeds_corpus, tables, source, "vague_source_share")
        if block is None:
            continue
        doc_id, sentence_id, _ = _sentence(seeds_corpus, block)
        assert (doc_id, sentence_id) in set(zip(plain["doc_id"], plain["sentence_id"]))
        assert (doc_id, sentence_id) not in named
        checked += 1
    assert checked


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


def test_frame_evidence_is_a_sentence_the_frame_leads():
    from toolkit.present.evidence import _clearest_frame
    frames = pd.DataFrame({"doc_id": ["d"] * 5, "sentence_id": [1, 1, 1, 2, 3], "frame": ["policy", "economic", "health", "policy", "policy"],
                           "n_cues": [3, 2, 2, 2, 2], "cues": [""] * 5, "spans": ["0-1", "2-3", "4-5", "0-2", "0-3"]})
    sentences = pd.DataFrame({"doc_id": ["d"] * 3, "sentence_id": [1, 2, 3], "kind": ["body"] * 3,
                              "text": ["one " * 20, "Reform matters.", "The state should reform its rules " * 2]})
    # sentence 1 has more policy cues, but more of other frames; of 2 and 3, the full sentence
    assert _clearest_frame({"frames": frames, "sentences": sentences}, ["d"], "policy")[:2] == ("d", 3)


def test_the_contrast_for_less_comes_from_a_source_that_does_it_often_enough(seeds_corpus, tables):
    from toolkit.present.evidence import evidence
    spec = MEASURES["vague_attribution_share"]
    events = tables["contrasts"][tables["contrasts"]["measure"] == spec.name].set_index("source")["events"]
    found = evidence(seeds_corpus, tables, "afzal", spec.name)
    assert found is not None and found.direction == "less"
    assert events[found.quoted_source] >= spec.min_events
