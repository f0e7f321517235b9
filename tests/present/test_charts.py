import pytest

from toolkit.present.charts import actor_tone_matrix, frame_shares_matrix, stance_profile_chart, tone_by_source
from toolkit.compare.per_document import frame_shares
from toolkit.compare.per_document import actor_profile
from toolkit.measures.sentiment import actor_sentiment, sentiment
from toolkit.compare.per_document import stance_profile


def _encoding(chart):
    spec = chart.to_dict()
    assert spec["$schema"].endswith("v5.20.1.json")
    return spec["encoding"], spec


def test_tone_chart(seeds_corpus):
    encoding, spec = _encoding(tone_by_source(sentiment(seeds_corpus)))
    assert encoding["y"]["field"] == "doc_id" and encoding["y"]["type"] == "nominal"
    assert encoding["x"]["scale"]["domain"] == [-1, 1]
    assert spec["title"] == "Mean sentence tone per source"


def _layers(chart):
    spec = chart.to_dict()
    return [layer.get("encoding", {}) for layer in spec["layer"]], spec


def test_actor_matrix_encodes_mentions_and_marks_absence(seeds_corpus):
    profile = actor_profile(actor_sentiment(seeds_corpus))
    layers, spec = _layers(actor_tone_matrix(profile))
    cells = next(e for e in layers if "opacity" in e)
    assert cells["opacity"]["field"] == "mentions"  # one mention is paler than 94
    low, high = cells["color"]["scale"]["domain"]
    assert low == -high and high <= 1  # symmetric, fitted to the strongest mean
    data = spec["datasets"][spec["data"]["name"]]
    assert any(row["cell"] == "not mentioned" for row in data)
    assert any(e.get("text", {}).get("field") == "cell" for e in layers)


def test_frame_matrix_fits_its_scale_labels_cells_and_keeps_the_table_order(seeds_corpus):
    from toolkit.measures.framing import FRAMES

    shares = frame_shares(seeds_corpus)
    layers, spec = _layers(frame_shares_matrix(shares))
    color = next(e for e in layers if "color" in e and e["color"].get("field") == "share")["color"]
    assert color["scale"]["domain"] == [0.0, shares["share"].max()]
    data = spec["datasets"][spec["data"]["name"]]
    invoked = [f for f in FRAMES if shares[shares["frame"] == f]["share"].max() > 0]
    assert {row["frame"] for row in data} == set(invoked)
    assert layers[0]["y"]["sort"] == [FRAMES[f] for f in invoked]
    assert layers[0]["x"]["sort"] == list(dict.fromkeys(shares["doc_id"]))


def test_stance_chart_facets_categories(seeds_corpus):
    encoding, _ = _encoding(stance_profile_chart(stance_profile(seeds_corpus)))
    assert encoding["facet"]["field"] == "category"


def test_every_report_chart_saves_four_files(tmp_path, seeds_corpus):
    from toolkit.pipeline import analyze
    from toolkit.compare.comparison import compare
    from toolkit.present.outputs import write_charts

    tables = analyze(seeds_corpus)
    tables.update(compare(seeds_corpus, tables, resamples=100))
    written = write_charts(tables, tmp_path)
    names = {p.name.split(".")[0] for p in written}
    assert names == {"tone", "actor_tone", "stance", "frames", "numbers", "coverage", "readability", "similarity"}
    assert len(written) == 4 * len(names)
    for path in written:
        assert path.stat().st_size > 0
    svg = (tmp_path / "charts" / "numbers.svg").read_text()
    assert svg.lstrip().startswith(("<svg", "<?xml"))


def test_comparison_charts_encodings(seeds_corpus):
    from toolkit.pipeline import analyze
    from toolkit.compare.by_source import divergence_table
    from toolkit.present.charts import coverage_matrix, interval_chart, numeric_divergence, similarity_matrix
    from toolkit.compare.comparison import compare

    tables = analyze(seeds_corpus)
    tables.update(compare(seeds_corpus, tables, resamples=100))
    readability = interval_chart(tables["profiles"], ["words_per_sentence", "flesch_reading_ease"], "R", "").to_dict()
    assert len(readability["hconcat"]) == 2  # one measure per axis
    tone = interval_chart(tables["profiles"], ["tone_news_mean", "tone_vader_mean"], "Tone", "Mean tone", zero=True).to_dict()
    assert tone["layer"][0]["mark"]["type"] == "rule" and tone["layer"][0]["encoding"]["x"]["field"] == "zero"
    spec = interval_chart(tables["profiles"], ["tone_news_mean"], "Tone", "Mean tone").to_dict()
    encodings = [layer["encoding"] for layer in spec["layer"]]
    assert encodings[0]["x"]["field"] == "ci_low" and encodings[0]["x2"]["field"] == "ci_high"
    assert encodings[1]["x"]["field"] == "value"
    assert coverage_matrix(tables["coverage"]).to_dict()["encoding"]["color"]["scale"]["domain"] == ["present", "divergent", "absent", "unmatched"]
    assert similarity_matrix(tables["source_similarity"]).to_dict()["layer"][0]["encoding"]["color"]["field"] == "similarity"
    divergence = divergence_table(tables["numbers"], tables["quantity_groups"], tables["sentences"])
    gdp = divergence[divergence["surface"] == "3.2%"].iloc[0]
    assert "under 3%" in gdp["quotes"] and "3.2%" in gdp["quotes"]  # both quotes in one tooltip
    spec = numeric_divergence(divergence).to_dict()
    tooltip_fields = [t["field"] for t in spec["vconcat"][0]["spec"]["layer"][0]["encoding"]["tooltip"]]
    assert "quotes" in tooltip_fields
    assert spec["vconcat"][0]["resolve"]["scale"]["x"] == "independent"  # each quantity on its own absolute scale


def test_vague_amounts_are_never_the_widest_bar():
    import pandas as pd

    from toolkit.present.charts import numeric_divergence

    rows = [("a", 4e12, 5e12, ""), ("b", 1e12, 1e15, ""), ("c", 6e10, None, "gt"), ("d", 0.0, 3.0, "lt")]
    table = pd.DataFrame([{"doc_id": d, "kind": "money", "unit": "USD", "label": "reserves", "low": lo, "high": hi,
                           "bound": b, "flagged": True, "status_label": "Diverge", "surface": "x", "quotes": "q"}
                          for d, lo, hi, b in rows])
    spec = numeric_divergence(table).to_dict()
    data = {r["doc_id"]: r for r in spec["datasets"][spec["data"]["name"]]}
    assert not data["a"]["vague"] and data["b"]["vague"] and data["c"]["vague"] and data["d"]["vague"]
    assert data["b"]["x_low"] == data["b"]["x_high"] == 1e12  # a point at its floor, not a bar to 1e15
    assert data["d"]["x_low"] == 3.0  # "under 3": at its stated end


def test_many_sources_draw_the_largest_and_pool_the_others(tmp_path, seeds_corpus, monkeypatch):
    import json

    from toolkit.compare.comparison import compare
    from toolkit.pipeline import analyze
    from toolkit.present import outputs, sections

    monkeypatch.setattr(sections, "MAX_CHART_SOURCES", 2)
    tables = analyze(seeds_corpus)
    tables.update(compare(seeds_corpus, tables, resamples=50))
    shown, total = sections.charted_sources(tables)
    assert len(shown) == 2 and total == 5
    words = tables["documents"].set_index("doc_id")["words"]
    assert set(shown) == set(words.sort_values(ascending=False).index[:2])
    outputs.write_charts(tables, tmp_path)
    frames = json.loads((tmp_path / "charts" / "frames.vl.json").read_text())
    drawn = {row["source"] for row in frames["datasets"][frames["data"]["name"]]}
    assert drawn == set(shown) | {sections.OTHERS}
    pooled = tables["frame_shares_by_source"]
    rest = pooled[~pooled["source"].isin(shown) & (pooled["frame"] == "economic")]
    other = next(r for r in frames["datasets"][frames["data"]["name"]] if r["source"] == "others" and r["frame"] == "economic")
    assert other["share"] == pytest.approx(rest["framed_sentences"].sum() / rest["sentences"].sum())
    similarity = json.loads((tmp_path / "charts" / "similarity.vl.json").read_text())
    assert {row["source_a"] for row in similarity["datasets"][similarity["data"]["name"]]} <= set(shown)
    caption = next(b[2] for b in sections.frame_blocks(seeds_corpus, tables) if b[0] == "chart")
    assert "the 2 largest of 5 sources" in caption



def _open_interval_table():
    """Numbers whose interval has an infinite or missing end, in object columns as numbers.csv has them."""
    import pandas as pd

    rows = [("a", 6e10, float("inf"), "gt", "money"), ("b", 5e10, float("nan"), "", "money"), ("c", 7e10, 8e10, "", "money"),
            ("a", "2025-09-01", "2025-09-01", "", "date"), ("b", "2025-09-03", float("nan"), "", "date")]
    table = pd.DataFrame([{"doc_id": d, "kind": k, "unit": "USD", "label": "investment", "low": lo, "high": hi, "bound": b,
                           "flagged": True, "status_label": "Diverge", "surface": "x", "quotes": "q", "concept": None}
                          for d, lo, hi, b, k in rows])
    return table.astype({"low": object, "high": object, "concept": object})


def _strict(text):
    """Parse JSON as a browser does: NaN and Infinity are not JSON."""
    import json

    def refuse(name):
        raise ValueError(f"{name} is not JSON")
    return json.loads(text, parse_constant=refuse)


def test_saved_chart_spec_is_valid_json_with_open_intervals(tmp_path):
    import pandas as pd

    from toolkit.present.charts import numeric_divergence, save_chart

    save_chart(numeric_divergence(_open_interval_table()), pd.DataFrame({"x": [1]}), tmp_path, "numbers")
    spec = _strict((tmp_path / "numbers.vl.json").read_text(encoding="utf-8"))
    rows = [row for data in spec["datasets"].values() for row in data]
    assert any(row["high"] is None for row in rows)  # an open end is JSON null


def test_json_safe_and_rounded_write_null_for_non_finite_floats():
    import json

    from toolkit.present.charts import json_safe, rounded

    tree = {"a": [1.5, float("nan"), {"b": float("inf"), "c": -float("inf")}], "d": "x", "e": 3}
    assert json_safe(tree) == {"a": [1.5, None, {"b": None, "c": None}], "d": "x", "e": 3}
    assert _strict(json.dumps(rounded(tree)))["a"][2] == {"b": None, "c": None}


def test_a_last_bit_difference_keeps_the_written_spec():
    from toolkit.present.charts import renamed_datasets, rounded, tone_by_source

    import pandas as pd

    def spec(x):
        table = pd.DataFrame({"doc_id": ["a", "b"], "sentence_id": [0, 0], "vader": [x, -0.2], "news": [x, -0.2]})
        return renamed_datasets(rounded(tone_by_source(table).to_dict()))
    first, second = spec(0.1 + 0.2), spec(0.3)  # 0.30000000000000004 and 0.3
    assert first == second and "datasets" in first
    assert set(first["datasets"]) == {first["data"]["name"]}
