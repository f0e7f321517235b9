"""Altair charts of the per-source measures.

Each function takes a long-form table (one observation per row) and returns
an ``alt.Chart`` with explicitly typed encodings. Colours come from
colour-blind-safe schemes (ColorBrewer's diverging red-blue for tone, a
sequential blue for shares).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..compare.registry import MEASURES
from ..measures.framing import FRAMES

#: Diverging scheme for tone, centred on zero.
TONE_SCHEME = "redblue"
#: Sequential scheme for shares and rates.
SHARE_SCHEME = "blues"
WIDTH = 420

#: Columns of ``stance_profile.csv`` (cues per 1,000 words) -> their labels, from the registry.
STANCE_MEASURES = {f"{m.numerator}_per_1k": m.short for m in MEASURES.values() if m.unit == "per 1,000 words"}


def tone_by_source(sentiment: pd.DataFrame) -> alt.Chart:
    """Mean sentence tone per source by both methods (from ``sentiment.csv``)."""
    long = sentiment.melt(id_vars=["doc_id", "sentence_id"], value_vars=["vader", "news"], var_name="method", value_name="tone")
    long["method"] = long["method"].map({"vader": "VADER (lexicon)", "news": "News model (NewsMTSC)"})
    return alt.Chart(long, title="Mean sentence tone per source").mark_bar().encode(
        y=alt.Y("doc_id:N", title="Source"),
        x=alt.X("mean(tone):Q", title="Mean tone (-1 negative to +1 positive)", scale=alt.Scale(domain=[-1, 1])),
        color=alt.Color("method:N", title="Method", scale=alt.Scale(scheme="tableau10")),
        yOffset="method:N",
        tooltip=[alt.Tooltip("doc_id:N", title="Source"), alt.Tooltip("method:N", title="Method"),
                 alt.Tooltip("mean(tone):Q", title="Mean tone", format=".2f"), alt.Tooltip("count():Q", title="Sentences")],
    ).properties(width=WIDTH)


def actor_tone_matrix(actor_profile: pd.DataFrame, min_mentions: int = 3, by: str = "doc_id") -> alt.Chart:
    """Mean tone toward each actor in each source (from ``actor_profile.csv``, or a table with a ``by`` column)."""
    totals = actor_profile.groupby("actor")["mentions"].transform("sum")
    data = actor_profile[totals >= min_mentions]
    return alt.Chart(data, title="Tone toward actors").mark_rect().encode(
        x=alt.X(f"{by}:N", title="Source", axis=alt.Axis(labelAngle=-30)),
        y=alt.Y("actor:N", title="Actor", sort="-x"),
        color=alt.Color("mean_score:Q", title="Mean tone", scale=alt.Scale(scheme=TONE_SCHEME, domain=[-1, 1])),
        tooltip=[alt.Tooltip("actor:N", title="Actor"), alt.Tooltip(f"{by}:N", title="Source"),
                 alt.Tooltip("mean_score:Q", title="Mean tone", format="+.2f"), alt.Tooltip("mentions:Q", title="Mentions")],
    ).properties(width=alt.Step(90), height=alt.Step(20))


def stance_profile_chart(stance_profile: pd.DataFrame) -> alt.Chart:
    """Cues per 1,000 words by category and source (from ``stance_profile.csv``)."""
    long = stance_profile.melt(id_vars=["doc_id"], value_vars=list(STANCE_MEASURES), var_name="measure", value_name="per_1k")
    long["category"] = long["measure"].map(STANCE_MEASURES)
    return alt.Chart(long, title="Stance cues per 1,000 words").mark_bar().encode(
        x=alt.X("per_1k:Q", title="Cues per 1,000 words"),
        y=alt.Y("doc_id:N", title="Source"),
        color=alt.Color("doc_id:N", title="Source", scale=alt.Scale(scheme="tableau10"), legend=None),
        facet=alt.Facet("category:N", title=None, columns=3, sort=list(STANCE_MEASURES.values())),
        tooltip=[alt.Tooltip("doc_id:N", title="Source"), alt.Tooltip("category:N", title="Category"),
                 alt.Tooltip("per_1k:Q", title="Per 1,000 words", format=".1f")],
    ).properties(width=180, height=110)


def frame_shares_matrix(frame_shares: pd.DataFrame, by: str = "doc_id") -> alt.Chart:
    """Share of each source's sentences invoking each frame (from ``frame_shares.csv``, or a table with a ``by`` column)."""
    return alt.Chart(frame_shares, title="Frames: share of sentences").mark_rect().encode(
        x=alt.X(f"{by}:N", title="Source", axis=alt.Axis(labelAngle=-30)),
        y=alt.Y("label:N", title="Frame", sort=list(FRAMES.values())),
        color=alt.Color("share:Q", title="Share of sentences", scale=alt.Scale(scheme=SHARE_SCHEME, domain=[0, 1])),
        tooltip=[alt.Tooltip("label:N", title="Frame"), alt.Tooltip(f"{by}:N", title="Source"),
                 alt.Tooltip("share:Q", title="Share", format=".0%"),
                 alt.Tooltip("framed_sentences:Q", title="Sentences")],
    ).properties(width=alt.Step(90), height=alt.Step(20))


#: Characters of evidence shown in a coverage tooltip (coverage.csv has it all).
EVIDENCE_CHARS = 200

def numeric_divergence(table: pd.DataFrame, by: str = "doc_id") -> alt.VConcatChart:
    """One row per shared quantity, one mark per source's interval; groups that
    do not agree are drawn in full colour with both quotes in the tooltip.
    Values are shown relative to the group's median (log scale); dates on a
    calendar axis."""
    tooltip = [alt.Tooltip("label:N", title="Quantity"), alt.Tooltip("status_label:N", title="Status"),
               alt.Tooltip(f"{by}:N", title="Source"), alt.Tooltip("surface:N", title="Number"),
               alt.Tooltip("quotes:N", title="All sources")]
    opacity = alt.condition("datum.flagged", alt.value(1.0), alt.value(0.35))
    color = alt.Color(f"{by}:N", title="Source", scale=alt.Scale(scheme="tableau10"))
    values = table[table["kind"] != "date"]
    base = alt.Chart(values).encode(y=alt.Y("label:N", title=None, sort=alt.SortField("status")), color=color,
                                    opacity=opacity, tooltip=tooltip, yOffset=f"{by}:N")
    value_chart = (
        base.mark_rule(strokeWidth=3).encode(
            x=alt.X("rel_low:Q", title="Value relative to the group's median (log scale)", scale=alt.Scale(type="log")),
            x2="rel_high:Q")
        + base.mark_point(filled=True, size=60).encode(x="rel_point:Q")
    ).properties(width=WIDTH, title="The same quantity across sources")
    dates = table[table["kind"] == "date"]
    date_base = alt.Chart(dates).encode(y=alt.Y("label:N", title=None), color=color, opacity=opacity, tooltip=tooltip,
                                        yOffset=f"{by}:N")
    date_chart = (
        date_base.mark_rule(strokeWidth=3).encode(x=alt.X("low:T", title="Date", scale=alt.Scale(padding=12)), x2="high:T")
        + date_base.mark_point(filled=True, size=60).encode(x="low:T")
    ).properties(width=WIDTH, title="The same event's date across sources")
    return alt.vconcat(value_chart, date_chart).resolve_scale(color="shared")


def interval_chart(profiles: pd.DataFrame, measures: list[str], title: str, x_title: str) -> alt.Chart:
    """Per-source values with their 95% bootstrap intervals (from ``profiles.csv``), one row per source."""
    data = profiles[profiles["measure"].isin(measures)].copy()
    data["label"] = data["measure"].map(lambda m: MEASURES[m].short if m in MEASURES else m)
    tooltip = [alt.Tooltip("source:N", title="Source"), alt.Tooltip("label:N", title="Measure"),
               alt.Tooltip("value:Q", title="Value", format=".2f"), alt.Tooltip("ci_low:Q", title="95% low", format=".2f"),
               alt.Tooltip("ci_high:Q", title="95% high", format=".2f"), alt.Tooltip("n:Q", title="Sentences")]
    base = alt.Chart(data).encode(
        y=alt.Y("source:N", title="Source"), yOffset="label:N",
        color=alt.Color("label:N", title="Measure", scale=alt.Scale(scheme="tableau10")), tooltip=tooltip)
    chart = base.mark_rule(strokeWidth=2).encode(x=alt.X("ci_low:Q", title=x_title), x2="ci_high:Q") + \
        base.mark_point(filled=True, size=70).encode(x="value:Q")
    return chart.properties(width=WIDTH, title=title)


def coverage_matrix(coverage: pd.DataFrame, max_facts: int | None = None) -> alt.Chart:
    """Facts by sources: present, absent or divergent (from ``coverage.csv``).

    With ``max_facts``, only that many facts are drawn, so the chart's size
    does not grow with the corpus: first those some source reports
    differently, then those some source leaves out, each by how many sources
    state them (ties by type and id).
    """
    if max_facts is not None and coverage[["fact_type", "fact_id"]].drop_duplicates().shape[0] > max_facts:
        facts = coverage.assign(divergent=coverage["state"] == "divergent", absent=coverage["state"] == "absent",
                                present=coverage["state"] != "absent")
        rank = facts.groupby(["fact_type", "fact_id"]).agg(divergent=("divergent", "any"), absent=("absent", "any"),
                                                            reach=("present", "sum")).reset_index()
        top = rank.sort_values(["divergent", "absent", "reach", "fact_type", "fact_id"],
                               ascending=[False, False, False, True, True]).head(max_facts)
        coverage = coverage.merge(top[["fact_type", "fact_id"]], on=["fact_type", "fact_id"])
    evidence = coverage["evidence"].where(coverage["evidence"].str.len() <= EVIDENCE_CHARS,
                                          coverage["evidence"].str.slice(0, EVIDENCE_CHARS) + " …")
    data = coverage.assign(fact=coverage["fact_type"] + ": " + coverage["label"].str.slice(0, 60), evidence=evidence)
    return alt.Chart(data, title="What each source includes, omits or reports differently").mark_rect(stroke="white").encode(
        x=alt.X("source:N", title="Source", axis=alt.Axis(labelAngle=-30)),
        y=alt.Y("fact:N", title=None, sort=alt.SortField("fact_type")),
        color=alt.Color("state:N", title="State", scale=alt.Scale(domain=["present", "divergent", "absent"],
                                                                 range=["#4575b4", "#d73027", "#eeeeee"])),
        tooltip=[alt.Tooltip("fact:N", title="Fact"), alt.Tooltip("source:N", title="Source"),
                 alt.Tooltip("state:N", title="State"), alt.Tooltip("evidence:N", title="Where")],
    ).properties(width=alt.Step(80), height=alt.Step(14))


#: Most sources drawn in the similarity matrix: 40 x 40 cells still read on a
#: page; 2,000 sources (4 million cells) exhaust the chart renderer's memory.
MAX_SIMILARITY_SOURCES = 40


def similarity_matrix(similarity: pd.DataFrame, max_sources: int = MAX_SIMILARITY_SOURCES) -> alt.Chart:
    """How alike the sources' vocabularies are (from ``source_similarity.csv``).

    With more than ``max_sources`` sources, only the first ``max_sources`` (in
    the table's order) are drawn and the title says so; the chart's data
    (``chart.data``) holds the drawn cells only.
    """
    sources = list(dict.fromkeys(similarity["source_a"]).keys()) if len(similarity) else []
    title = "Similarity between sources (TF-IDF cosine)"
    if len(sources) > max_sources:
        keep = set(sources[:max_sources])
        similarity = similarity[similarity["source_a"].isin(keep) & similarity["source_b"].isin(keep)]
        title += f", first {max_sources} of {len(sources)} sources"
    return alt.Chart(similarity, title=title).mark_rect().encode(
        x=alt.X("source_a:N", title=None, axis=alt.Axis(labelAngle=-30)),
        y=alt.Y("source_b:N", title=None),
        color=alt.Color("similarity:Q", title="Cosine", scale=alt.Scale(scheme=SHARE_SCHEME, domain=[0, 1])),
        tooltip=[alt.Tooltip("source_a:N", title="Source"), alt.Tooltip("source_b:N", title="Source"),
                 alt.Tooltip("similarity:Q", title="Cosine", format=".2f")],
    ).properties(width=alt.Step(60), height=alt.Step(30))


def styled(chart):
    """The toolkit's one theme: readable type sizes, light grid, no chart border."""
    return chart.configure_view(strokeWidth=0).configure_axis(labelFontSize=11, titleFontSize=12, gridColor="#e6e6e6") \
        .configure_title(fontSize=14, anchor="start").configure_legend(labelFontSize=11, titleFontSize=12)


def normalise_svg_ids(svg: str) -> str:
    """Renumber an SVG's element ids in order of appearance.

    The renderer numbers clip paths and gradients with a counter that runs on
    across charts in one process, so the same chart would get other ids in
    another run; renumbering makes the file depend on the chart alone.
    """
    import re

    ids = list(dict.fromkeys(re.findall(r'\bid="([^"]+)"', svg)))
    mapping = {old: f"n{i}" for i, old in enumerate(ids)}
    if not mapping:
        return svg
    pattern = re.compile(r'(\bid="|url\(#|href="#)(' + "|".join(map(re.escape, sorted(mapping, key=len, reverse=True))) + r')(?=[")])')
    return pattern.sub(lambda m: m.group(1) + mapping[m.group(2)], svg)


def save_chart(chart, data: pd.DataFrame, folder, name: str) -> list:
    """Save a chart as PNG, SVG and Vega-Lite JSON, with its data as CSV beside it.

    Returns the paths written. Rendering uses vl-convert, so no browser or
    network is needed.
    """
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    final = styled(chart)
    paths = [folder / f"{name}.{ext}" for ext in ("png", "svg", "vl.json")]
    final.save(str(paths[0]), scale_factor=2)
    final.save(str(paths[1]))
    paths[1].write_text(normalise_svg_ids(paths[1].read_text(encoding="utf-8")), encoding="utf-8")
    final.save(str(paths[2]), format="json")
    csv_path = folder / f"{name}.csv"
    data.to_csv(csv_path, index=False, lineterminator="\n")
    return [*paths, csv_path]
