"""Every finding the summary names is shown by its evidence: on the seeds and on a generated corpus."""

import random

import pytest

from toolkit import load_corpus
from toolkit.compare.comparison import compare
from toolkit.compare.registry import MEASURES
from toolkit.pipeline import analyze
from toolkit.present.evidence import HEADLINE_KINDS, evidence
from toolkit.present.sections import summary_blocks, summary_findings

# Sentences written for this test: a plain news voice, a hedging columnist and
# a writer who addresses the reader. Nouns vary so that no two sentences match.
NOUNS = ["the harbour", "the rail line", "the clinic", "the school board", "the budget", "the bridge", "the market",
         "the council", "the reservoir", "the library", "the tram depot", "the stadium", "the airport", "the museum"]
NEWS = ["The minister said on Tuesday that {n} would reopen in {k} weeks.",
        "According to the agency, {n} cost {k} million dollars last year.",
        "Officials told reporters that {n} had {k} new staff.",
        "The mayor announced that {n} would receive {k} million in funding."]
HEDGED = ["Perhaps {n} might recover within {k} years, though this seems uncertain.",
          "It is possible that {n} could change, and the outcome may be mixed for {k} towns.",
          "{N} may well prove useful, although it is arguably too early to tell after {k} months."]
READER = ["You may wonder what {n} means for your family over the next {k} months.",
          "If you live near {n}, you will notice the change within {k} weeks.",
          "Ask yourself whether {n} serves you better than it did {k} years ago."]


def _article(templates, rng, sentences):
    out = []
    for i in range(sentences):
        noun = NOUNS[i % len(NOUNS)]
        out.append(rng.choice(templates).format(n=noun, N=noun[0].upper() + noun[1:], k=rng.randint(2, 90) + i))
    return " ".join(out)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    rng = random.Random(7)
    bodies = {"wire-one": NEWS, "wire-two": NEWS, "column": HEDGED + NEWS[:1], "letter": READER + HEDGED[:1]}
    for i, (name, templates) in enumerate(bodies.items()):
        (folder / f"{name}.txt").write_text(f"Title of {name}\n\n" + _article(templates, rng, 40) + "\n", encoding="utf-8")
    corpus = load_corpus(folder)
    tables = analyze(corpus)
    tables.update(compare(corpus, tables, resamples=300))
    return corpus, tables


@pytest.fixture(scope="module")
def seeds(seeds_corpus):
    tables = analyze(seeds_corpus)
    tables.update(compare(seeds_corpus, tables, resamples=300))
    return seeds_corpus, tables


def _shows(tables, finding, shown):
    """Whether the evidence of a finding shows it: the claimed source's own instance for "more", another's for "less"."""
    spec = MEASURES[finding.measure]
    sentences = tables["sentences"].set_index(["doc_id", "sentence_id"])
    if shown.doc_id:
        assert sentences.loc[(shown.doc_id, shown.sentence_id), "kind"] not in HEADLINE_KINDS
    if shown.direction == "less":
        assert shown.statement, "a 'less' finding states how often the source does it"
        if shown.doc_id:
            assert shown.quoted_source != finding.source
            assert tables["sources"].set_index("doc_id").loc[shown.doc_id, "source"] == shown.quoted_source
        return True
    assert shown.quoted_source == finding.source
    assert tables["sources"].set_index("doc_id").loc[shown.doc_id, "source"] == finding.source
    key = (shown.doc_id, shown.sentence_id)
    if spec.evidence in ("cue", "vague", "named"):
        cues = tables["stance"]
        cues = cues[~cues["reported"].astype(bool)]
        if spec.evidence == "vague":
            cues = cues[(cues["category"] == "attribution") & (cues["source_type"] == "vague")]
        elif spec.evidence == "named":
            cues = cues[(cues["category"] == "attribution") & (cues["source_type"] != "vague")]
        else:
            cues = cues[cues["category"] == spec.evidence_arg]
        return key in set(zip(cues["doc_id"], cues["sentence_id"]))
    if spec.evidence == "frame":
        frames = tables["frames"]
        frames = frames[frames["frame"] == spec.evidence_arg]
        return key in set(zip(frames["doc_id"], frames["sentence_id"]))
    if spec.evidence in ("tone", "negative"):
        tone = tables["sentiment"].set_index(["doc_id", "sentence_id"]).loc[key, spec.evidence_arg]
        assert not (spec.evidence == "tone" and (finding.difference < 0 <= finding.value or finding.difference > 0 >= finding.value)), \
            "'less positive' or 'less negative' is shown by another source"
        return (tone < 0) == (finding.difference < 0 or spec.evidence == "negative")
    if spec.evidence == "longest":
        return True
    return False


@pytest.mark.parametrize("which", ["seeds", "generated"])
def test_every_summary_finding_is_shown_by_its_evidence(which, request):
    corpus, tables = request.getfixturevalue(which)
    findings = summary_findings(tables)
    assert len(findings), "the corpus has differences that survive"
    for finding in findings.itertuples():
        shown = evidence(corpus, tables, finding.source, finding.measure)
        if MEASURES[finding.measure].evidence == "none":
            continue
        assert shown is not None, finding
        assert _shows(tables, finding, shown), finding


@pytest.mark.parametrize("which", ["seeds", "generated"])
def test_summary_names_only_survivors_with_five_events(which, request):
    corpus, tables = request.getfixturevalue(which)
    contrasts = tables["contrasts"]
    findings = summary_findings(tables)
    assert findings["survives"].all()
    for row in findings.itertuples():
        spec = MEASURES[row.measure]
        assert abs(row.difference) >= spec.min_effect and row.q_value <= 0.05
        if not spec.counted:
            assert min(row.events, row.rest_events) >= 5
        else:
            assert max(row.events, row.rest_events) >= 5
    text = "\n".join(str(b[1]) for b in summary_blocks(corpus, tables))
    assert f"{len(contrasts)} comparisons" in text and f"about {0.05 * len(contrasts):.0f} of them" in text


def test_generated_corpus_finds_its_planted_differences(generated):
    _, tables = generated
    survivors = tables["contrasts"][tables["contrasts"]["survives"]]
    found = set(zip(survivors["source"], survivors["measure"]))
    assert ("letter", "reader_address_per_1k_words") in found
    assert ("column", "hedges_per_1k_words") in found
