import numpy as np
import pytest

from toolkit.compare.registry import AGGREGATIONS, EVIDENCE, MEASURES, UNITS, Measure, charted, feature_columns, tabled
from toolkit.data import validation_figures
from toolkit.measures.framing import FRAMES
from toolkit.measures.readability import flesch_reading_ease


def test_every_measure_is_declared_once_with_known_kinds():
    names = [m.name for m in MEASURES.values()]
    assert len(names) == len(set(names))
    for measure in MEASURES.values():
        assert measure.unit in UNITS and measure.aggregation in AGGREGATIONS and measure.evidence in EVIDENCE
        assert measure.label and measure.short and measure.more and measure.less
    assert {f"frame_share_{f}" for f in FRAMES} <= set(MEASURES)


def test_validation_keys_name_shipped_figures():
    shipped = set(validation_figures()["measure"])
    keys = {m.validation for m in MEASURES.values() if m.validation}
    assert keys and keys <= shipped, keys - shipped


@pytest.mark.parametrize("sums, expected", [
    ({"hedge": np.array([3.0]), "words": np.array([1500.0])}, 2.0),
    ({"hedge": np.array([0.0]), "words": np.array([10.0])}, 0.0),
])
def test_rate_per_thousand_words(sums, expected):
    assert MEASURES["hedges_per_1k_words"].statistic(sums)[0] == pytest.approx(expected)


def test_flesch_measure_uses_the_one_formula():
    sums = {"words": np.array([120.0]), "one": np.array([6.0]), "syllables": np.array([170.0])}
    assert MEASURES["flesch_reading_ease"].statistic(sums)[0] == flesch_reading_ease(120.0, 6.0, 170.0)
    assert not MEASURES["flesch_reading_ease"].counted and not MEASURES["tone_news_mean"].counted
    assert MEASURES["hedges_per_1k_words"].counted


def test_direction_words():
    assert MEASURES["flesch_reading_ease"].direction(3.0) == "easier"
    assert MEASURES["flesch_reading_ease"].direction(-3.0) == "harder"
    assert MEASURES["tone_vader_mean"].direction(-0.1) == "more negative"


def test_charts_tables_and_features_read_the_registry():
    assert charted("tone") == ["tone_vader_mean", "tone_news_mean"]
    assert set(charted("readability")) == {"flesch_reading_ease", "words_per_sentence"}
    assert tabled()["hedges_per_1k_words"] == "epistemic hedges /1k"
    assert {"words", "one", "syllables", "hedge"} <= set(feature_columns())


def test_a_new_measure_is_one_entry():
    extra = Measure("quotes_per_1k_words", "quotations (per 1,000 words)", "Quotations", "per 1,000 words",
                    "quote", "words", 1000.0, less="fewer")
    assert extra.features == {"quote", "words"} and extra.counted
    with pytest.raises(AssertionError):
        Measure("bad", "bad", "bad", "furlongs")
