"""Property tests over the public entry points: no input makes them raise
anything but a clear CorpusError, and every span indexes the text it names.

``make test`` runs the ``fast`` profile; ``make fuzz`` runs the ``fuzz``
profile (HYPOTHESIS_PROFILE=fuzz, 10,000 cases per property).
"""

import csv
import json
import os
import tempfile
import warnings
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import CorpusError, CorpusWarning, load_corpus
from toolkit.corpus.config import CorpusConfig
from toolkit.corpus.documents import Corpus, load_sources
from toolkit.corpus.sources import Source
from toolkit.measures.framing import frame_cues, frames
from toolkit.measures.stance import stance
from toolkit.text.segment import sentence_spans

#: Cases per property: few in the everyday test run, 10,000 under `make fuzz`.
settings.register_profile("fast", max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
settings.register_profile("fuzz", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast")
                               if os.environ.get("HYPOTHESIS_PROFILE") in ("fast", "fuzz") else "fast")

WORDS = ["The", "minister", "said", "exports", "rose", "5%", "$2 billion", "may", "May", "perhaps", "clearly",
         "according to", "Reuters", "officials", "next year", "in 2024", "\u200b", "\u202e", "\x1b", "\x00", "\x0c",
         "\r\n", "\n\n", "\n", ".", "!", "?", "“", "”", "\"", "'", "(", ")", "-", "•", "#", "<b>", "&amp;", "tonſ",
         "ǅ", "İ", "ß", "ﬁ", "١٢٣", "\t", "  ", "Mr.", "U.S.", "e.g.", "5.5", "1,000", "—", "…"]
#: Article-like text: words of news prose mixed with hostile characters and arbitrary Unicode.
TEXT = st.one_of(
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=60).map(" ".join),
    st.text(max_size=300),
)
NAMES = st.text(alphabet=st.characters(categories=("Lu", "Ll", "Nd"), max_codepoint=0x2FF) | st.sampled_from("-_ ."),
                min_size=1, max_size=12)


def _round_trip(corpus: Corpus) -> None:
    for doc in corpus:
        for unit in doc.units:
            assert doc.text[unit.start:unit.end] == unit.text
        for sentence in doc.sentences:
            assert doc.text[sentence.start:sentence.end] == sentence.text
        assert not any(c in doc.text for c in "\x00\x1b\x0c\u200b\u202e\r")
        for removal in doc.removals:
            assert doc.extracted[removal.start:removal.end] == removal.text


def _corpus(texts: list[str]) -> Corpus:
    sources = [Source(f"d{i}", f"d{i}.txt", Path(f"d{i}.txt"), text, "txt") for i, text in enumerate(texts)]
    return Corpus(load_sources(sources, []), CorpusConfig(name="fuzz"))


def _load(path) -> Corpus | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CorpusWarning)
            corpus = load_corpus(path)
    except CorpusError as error:
        assert "fix:" in str(error)
        return None
    _round_trip(corpus)
    return corpus


@PROFILE
@given(st.dictionaries(NAMES, st.tuples(st.sampled_from([".txt", ".md", ".html", ".csv", ".bin"]), TEXT | st.binary(max_size=200)),
                       min_size=1, max_size=4))
def test_load_corpus_on_generated_folders(files):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for name, (suffix, content) in files.items():
            path = folder / (name.strip(" .") + suffix)
            if path.name in (suffix, "") or path.exists():
                continue
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8", newline="")
        _load(folder)


ROWS = st.lists(st.fixed_dictionaries({"text": TEXT}, optional={
    "id": st.one_of(NAMES, st.integers(), st.none()),
    "published": st.one_of(st.dates().map(str), st.sampled_from(["9999-12-31", "0001-01-01", "not a date"]), NAMES),
    "outlet": NAMES}), min_size=1, max_size=4)


@PROFILE
@given(ROWS)
def test_load_corpus_on_generated_jsonl(rows):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        _load(path)


@PROFILE
@given(ROWS)
def test_load_corpus_on_generated_csv(rows):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=["text", "id", "published", "outlet"])
            writer.writeheader()
            writer.writerows(rows)
        _load(path)


@PROFILE
@given(TEXT, st.data())
def test_segment_spans_lie_inside_and_in_order(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    spans = sentence_spans(text, start, end)
    previous = start
    for a, b in spans:
        assert previous <= a < b <= end
        assert text[a:b].strip() == text[a:b]
        previous = b


@PROFILE
@given(st.lists(TEXT, min_size=1, max_size=3))
def test_stance_and_framing_on_generated_text(texts):
    corpus = _corpus(texts)
    _round_trip(corpus)
    for table in (stance(corpus), frame_cues(corpus)):
        for row in table.itertuples():
            doc = corpus.document(row.doc_id)
            sentence = doc.sentences[row.sentence_id]
            assert sentence.start <= row.start < row.end <= sentence.end
            assert doc.text[row.start:row.end] == row.surface
    frames(corpus)
