import pytest

from toolkit.pipeline import analyze
from toolkit.compare.profiles import MIN_EVENTS, contrasts, profiles, sentence_features
from toolkit.compare.registry import MEASURES


@pytest.fixture(scope="module")
def features(seeds_corpus):
    return sentence_features(analyze(seeds_corpus))


def test_profiles_cover_every_measure_and_source(features, seeds_corpus):
    table = profiles(features, resamples=300)
    assert set(table["measure"]) == set(MEASURES)
    assert set(table["source"]) == {d.doc_id for d in seeds_corpus}
    finite = table.dropna()
    assert (finite["ci_low"] <= finite["value"] + 1e-9).all() and (finite["value"] <= finite["ci_high"] + 1e-9).all()


def test_bootstrap_is_seeded(features):
    assert profiles(features, resamples=200).equals(profiles(features, resamples=200))
    assert not profiles(features, resamples=200, seed=1).equals(profiles(features, resamples=200, seed=2))


def test_benjamini_hochberg_matches_the_textbook_procedure():
    import numpy as np

    from toolkit.compare.profiles import benjamini_hochberg

    p = np.array([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216])
    q = benjamini_hochberg(p)
    # step-up: the largest k with p_(k) <= k/m * 0.05 is k = 2 here
    assert list(q <= 0.05) == [True, True] + [False] * 8
    assert q[0] == pytest.approx(0.01) and (np.diff(q) >= -1e-12).all()


def test_bootstrap_p_values_follow_the_standard_error():
    import numpy as np

    from toolkit.compare.profiles import bootstrap_p

    rng = np.random.default_rng(0)
    replicates = rng.normal(0.5, 0.25, 2000)
    assert bootstrap_p(0.5, replicates) == pytest.approx(0.0455, abs=0.005)  # two standard errors
    assert bootstrap_p(0.0, np.zeros(10)) == 1.0


def test_survivors_pass_every_rule(features):
    table = contrasts(features, resamples=500)
    surviving = table[table["survives"]]
    assert len(surviving) < table["separated"].sum()
    assert (surviving["q_value"] <= 0.05).all() and surviving["separated"].all()
    assert all(abs(r.difference) >= MEASURES[r.measure].min_effect for r in surviving.itertuples())
    assert (table["q_value"] >= table["p_value"] - 1e-12).all()


def test_contrasts_separate_only_with_enough_events(features):
    table = contrasts(features, resamples=500)
    separated = table[table["separated"]]
    assert (separated["ci_low"] > 0).sum() + (separated["ci_high"] < 0).sum() == len(separated)
    # the second-person article stands apart in reader address; zero boosters in 21 sentences is not evidence
    row = table[(table["source"] == "azad-news-hd") & (table["measure"] == "reader_address_per_1k_words")].iloc[0]
    assert row["separated"] and row["difference"] > 0
    row = table[(table["source"] == "zehra-2025-11-07") & (table["measure"] == "boosters_per_1k_words")].iloc[0]
    assert row["value"] == 0 and not row["separated"]
    assert MIN_EVENTS == 5


def test_group_by_outlet_pools_articles(seeds_corpus):
    tables = analyze(seeds_corpus)
    features = sentence_features(tables, group_by="outlet")
    assert "Azad News HD" in set(features["source"]) and "afzal" in set(features["source"])


def test_hedge_rate_matches_the_stance_profile(features, seeds_corpus):
    from toolkit.compare.per_document import stance_profile

    table = profiles(features, resamples=100).set_index(["source", "measure"])["value"]
    profile = stance_profile(seeds_corpus).set_index("doc_id")
    for doc in seeds_corpus:
        # profiles count body sentences only; the stance profile counts titles and headings too
        assert table[(doc.doc_id, "hedges_per_1k_words")] == pytest.approx(profile.loc[doc.doc_id, "epistemic_per_1k"], rel=0.25)
    # the same hedges over the same body sentences give exactly the profile's rate
    features_one = features[features["source"] == seeds_corpus.documents[0].doc_id]
    expected = 1000 * features_one["hedge"].sum() / features_one["words"].sum()
    assert table[(seeds_corpus.documents[0].doc_id, "hedges_per_1k_words")] == pytest.approx(expected, rel=1e-12)
