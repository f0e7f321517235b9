import numpy as np
import pytest

from toolkit.measures.tone_model import (CLASSES, actor_probabilities, actor_probabilities_many, clause_bounds, featurize,
                                         scope_marks, target_tone)
from toolkit.measures.tone_sequence import DISTANCE, SPAN, fold, forward, load_sequence_weights, mention_inputs, token_taps

SENTENCES = [
    ("The council imposed tough new sanctions on Veltria after the vote.", "Veltria"),
    ("Voters praised Senator Okafor for her honesty and hard work.", "Senator Okafor"),
    ("The harbour board met on Tuesday to discuss the budget.", "harbour board"),
    ("Okafor", "Okafor"),
]


def _inputs(sentence: str, mention: str):
    start = sentence.index(mention)
    end = start + len(mention)
    return mention_inputs(sentence, start, end, clause_bounds(sentence, start, end), scope_marks(sentence))


def test_the_mention_is_one_marker_token_and_its_name_is_not_read():
    ids, bucket, in_clause, is_mention, _ = _inputs(*SENTENCES[1])
    assert is_mention.sum() == 1 and bucket[is_mention == 1][0] == DISTANCE
    renamed = _inputs("Voters praised Mayor Lindqvist-Haraldsen for her honesty and hard work.", "Mayor Lindqvist-Haraldsen")
    assert np.array_equal(ids[is_mention == 0], renamed[0][renamed[3] == 0])
    assert np.array_equal(bucket, renamed[1])


def test_long_sentences_are_cut_to_the_span_around_the_mention():
    sentence = "word " * 100 + "Veltria" + " word" * 100
    ids, bucket, *_ = _inputs(sentence, "Veltria")
    assert len(ids) == 2 * SPAN + 1 and bucket.min() == 0 and bucket.max() == 2 * DISTANCE


def test_blank_text_gives_the_marker_alone():
    ids, bucket, in_clause, is_mention, in_scope = mention_inputs("   ", 1, 2, (0, 3))
    assert len(ids) == 1 and is_mention[0] == 1


def _random_weights(width=8, heads=1, seed=0):
    rng = np.random.default_rng(seed)
    shapes = {"w_in": (16, width), "b_in": (width,), "marker": (width,), "distance": (2 * DISTANCE + 1, width),
              "clause": (width,), "scope": (width,), "w_conv": (3 * width, width), "b_conv": (width,), "query": (width, heads),
              "distance_att": (2 * DISTANCE + 1, heads), "w_out": (2 * width, 3), "b_out": (3,)}
    weights = {k: rng.standard_normal(s).astype(np.float32) * 0.3 for k, s in shapes.items()}
    table = rng.standard_normal((32000, 16)).astype(np.float32)
    return weights, table


@pytest.mark.parametrize("heads", [1, 2])
def test_a_batch_scores_each_mention_as_alone(heads):
    """Mentions padded in one pass do not see each other's tokens."""
    weights, table = _random_weights(heads=heads)
    folded = fold(weights, table)
    inputs = [_inputs(s, m) for s, m in SENTENCES]
    together = forward(folded, inputs)
    alone = np.vstack([forward(folded, [x]) for x in inputs])
    assert together.shape == (len(SENTENCES), 3)
    assert np.allclose(together, alone, atol=1e-5)


@pytest.mark.parametrize("heads", [1, 2])
def test_forward_matches_a_direct_reading_of_the_network(heads):
    """The folded numpy pass equals the network written out token by token for one mention."""
    weights, table = _random_weights(heads=heads, seed=1)
    ids, bucket, clause, mention, scope = _inputs("The agency revoked the waivers for Kestrel, not the grants to Norland.", "Norland")
    assert scope.sum() > 0
    x = np.array([(1 - m) * (table[i] @ weights["w_in"]) + m * weights["marker"] + weights["b_in"] + weights["distance"][b]
                  + c * weights["clause"] + g * weights["scope"] for i, b, c, m, g in zip(ids, bucket, clause, mention, scope)])
    n, zero, width = len(ids), np.zeros(x.shape[1]), x.shape[1]
    get = lambda j: x[j] if 0 <= j < n else zero  # noqa: E731
    h = np.array([np.maximum(np.concatenate([get(j - 1), get(j), get(j + 1)]) @ weights["w_conv"] + weights["b_conv"], 0)
                  for j in range(n)])
    pooled = []
    for head in range(heads):
        score = h @ weights["query"][:, head] + weights["distance_att"][bucket, head]
        a = np.exp(score - score.max())
        a /= a.sum()
        block = slice(head * width // heads, (head + 1) * width // heads)
        pooled.append(a @ h[:, block])
    expected = np.concatenate(pooled + [h.max(axis=0)]) @ weights["w_out"] + weights["b_out"]
    assert np.allclose(forward(fold(weights, table), [(ids, bucket, clause, mention, scope)])[0], expected, atol=1e-4)


def test_scope_marks_follow_negators_and_reversers():
    sentence = "They revoked the waivers for Kestrel, and did not praise Norland."
    marks = scope_marks(sentence)
    inside = lambda word: bool(marks[sentence.index(word)])  # noqa: E731
    assert inside("waivers") and inside("Kestrel") and not inside("revoked") and not inside("and")
    assert inside("praise") and inside("Norland") and not inside("not")


def test_shipped_weights_are_read_without_pickle():
    weights = load_sequence_weights()
    assert weights is not None and weights["tap_projection"].shape == (weights["table"].shape[1], 3 * weights["w_in"].shape[1])


def test_a_tokens_taps_do_not_depend_on_the_tokens_read_with_it():
    """Rows are worked out on first reading, in full blocks: the same bits whatever came before or with them."""
    weights, table = _random_weights(seed=2)
    first, second = fold(weights, table), fold(weights, table)
    ids = np.array([5, 17, 4000, 17, 31999])
    token_taps(first, np.arange(100, 300))  # many tokens read before
    got_first = token_taps(first, ids)
    got_second = np.vstack([token_taps(second, ids[[k]]) for k in range(len(ids))])  # one at a time
    assert np.array_equal(got_first, got_second)
    direct = table[ids].astype(np.float64) @ (weights["w_in"].astype(np.float64) @ np.concatenate(
        [weights["w_conv"][k * 8:(k + 1) * 8] for k in range(3)], axis=1).astype(np.float64))
    assert np.allclose(got_first, direct, rtol=1e-6, atol=1e-6)
    assert len(first["tap_row"]) == len(table) and (first["tap_row"] >= 0).sum() == 200 + 4


def test_many_mentions_at_once_equal_one_at_a_time():
    mentions = [(s, s.index(m), s.index(m) + len(m)) for s, m in SENTENCES]
    many = actor_probabilities_many(mentions)
    assert many.shape == (len(mentions), len(CLASSES)) and np.allclose(many.sum(axis=1), 1)
    for row, (s, a, b) in zip(many, mentions):
        one = actor_probabilities(s, a, b)
        assert np.allclose(row, [one[c] for c in CLASSES], atol=1e-9)
    assert actor_probabilities_many([]).shape == (0, len(CLASSES))


def test_target_tone_is_deterministic():
    sentence = "The deal includes lowering tariffs on Norland exports while punishing adversaries."
    start = sentence.index("Norland")
    first = target_tone(sentence, start, start + len("Norland"))
    assert all(first == target_tone(sentence, start, start + len("Norland")) for _ in range(3))


def test_lowered_tariffs_on_the_targets_exports_are_benefit_to_it():
    """"Lowering tariffs on X" reverses the harm of tariffs: the event rule reads benefit to X."""
    sentence = "The deal includes lowering tariffs on Norland exports while punishing adversaries."
    start = sentence.index("Norland")
    features = featurize(sentence, start, start + len("Norland"))
    assert "effect_on_target_benefit" in features and "effect_on_target_harm" not in features
