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


def test_actor_and_frame_matrices(seeds_corpus):
    encoding, _ = _encoding(actor_tone_matrix(actor_profile(actor_sentiment(seeds_corpus))))
    assert encoding["color"]["scale"] == {"scheme": "redblue", "domain": [-1, 1]}
    encoding, spec = _encoding(frame_shares_matrix(frame_shares(seeds_corpus)))
    assert encoding["color"]["field"] == "share" and len(spec["datasets"][spec["data"]["name"]]) == 75


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
    spec = interval_chart(tables["profiles"], ["tone_news_mean"], "Tone", "Mean tone").to_dict()
    encodings = [layer["encoding"] for layer in spec["layer"]]
    assert encodings[0]["x"]["field"] == "ci_low" and encodings[0]["x2"]["field"] == "ci_high"
    assert encodings[1]["x"]["field"] == "value"
    assert coverage_matrix(tables["coverage"]).to_dict()["encoding"]["color"]["scale"]["domain"] == ["present", "divergent", "absent"]
    assert similarity_matrix(tables["source_similarity"]).to_dict()["encoding"]["color"]["field"] == "similarity"
    divergence = divergence_table(tables["numbers"], tables["quantity_groups"], tables["sentences"])
    gdp = divergence[divergence["surface"] == "3.2%"].iloc[0]
    assert "under 3%" in gdp["quotes"] and "3.2%" in gdp["quotes"]  # both quotes in one tooltip
    spec = numeric_divergence(divergence).to_dict()
    tooltip_fields = [t["field"] for t in spec["vconcat"][0]["layer"][0]["encoding"]["tooltip"]]
    assert "quotes" in tooltip_fields
