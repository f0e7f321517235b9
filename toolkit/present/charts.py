"""Altair charts of the per-source measures.

Each function takes a long-form table (one observation per row) and returns
an ``alt.Chart`` with explicitly typed encodings. Colours come from
colour-blind-safe schemes (ColorBrewer's diverging red-blue for tone, a
sequential blue for shares).
"""

from __future__ import annotations

import hashlib
import json
import math

import altair as alt
import pandas as pd

from ..compare.registry import MEASURES
from ..measures.framing import FRAMES
from .tables import SIGNIFICANT_DIGITS, write_csv

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


#: Colour of a cell whose source never mentions the actor (distinct from a neutral tone's white).
NOT_MENTIONED = "#f0f0f0"
#: Smallest half-width of the actor-tone colour scale (tone runs from -1 to +1).
TONE_SPAN = 0.2
#: Opacity of a cell from one mention; full opacity at the chart's most mentions.
MIN_OPACITY = 0.25


def actor_tone_matrix(actor_profile: pd.DataFrame, min_mentions: int = 3, by: str = "doc_id",
                      order: list[str] | None = None) -> alt.LayerChart:
    """Mean tone toward each actor in each source (from ``actor_profile.csv``, or a table with a ``by`` column).

    Actors with at least ``min_mentions`` mentions in all, most mentioned first
    (the order of the report's table); sources in ``order``. A cell's opacity
    grows with its mentions, so a mean from one mention stays pale; each cell
    is labelled with its mean and mentions; a source that never mentions the
    actor gets a grey cell marked "not mentioned", distinct from a neutral tone.
    """
    totals = actor_profile.groupby("actor")["mentions"].sum()
    actors = [a for a in totals.sort_values(ascending=False, kind="stable").index if totals[a] >= min_mentions]
    sources = order or list(dict.fromkeys(actor_profile[by]))
    grid = pd.MultiIndex.from_product([actors, sources], names=["actor", by]).to_frame(index=False)
    data = grid.merge(actor_profile[[by, "actor", "mentions", "mean_score"]], on=["actor", by], how="left")
    data["mentions"] = data["mentions"].fillna(0).astype(int)
    data["mentioned"] = data["mentions"] > 0
    data["cell"] = [f"{v:+.2f} ({n})" if n else "not mentioned" for v, n in zip(data["mean_score"], data["mentions"])]
    top = max(int(data["mentions"].max()) if len(data) else 1, 2)
    # a symmetric scale fitted to the strongest mean (at least TONE_SPAN), so that small means are not all white
    span = max(float(data["mean_score"].abs().max()) if data["mentioned"].any() else 0.0, TONE_SPAN)
    base = alt.Chart(data, title="Tone toward actors (paler: fewer mentions)").encode(
        x=alt.X(f"{by}:N", title="Source", sort=sources, axis=alt.Axis(labelAngle=-30, labelLimit=200)),
        y=alt.Y("actor:N", title="Actor", sort=actors, axis=alt.Axis(labelLimit=250)),
        tooltip=[alt.Tooltip("actor:N", title="Actor"), alt.Tooltip(f"{by}:N", title="Source"),
                 alt.Tooltip("mean_score:Q", title="Mean tone", format="+.2f"), alt.Tooltip("mentions:Q", title="Mentions")])
    absent = base.mark_rect(color=NOT_MENTIONED).transform_filter("!datum.mentioned")
    cells = base.mark_rect(stroke="white").transform_filter("datum.mentioned").encode(
        color=alt.Color("mean_score:Q", title="Mean tone", scale=alt.Scale(scheme=TONE_SCHEME, domain=[-span, span])),
        opacity=alt.Opacity("mentions:Q", title="Mentions",
                            scale=alt.Scale(type="log", domain=[1, top], range=[MIN_OPACITY, 1.0])))
    labels = base.mark_text(fontSize=10).encode(
        text="cell:N", color=alt.condition("datum.mentioned", alt.value("#1a1a1a"), alt.value("#8a8a8a")))
    return (absent + cells + labels).properties(width=alt.Step(110), height=alt.Step(22))


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


def _fitted(values: pd.Series) -> list[float]:
    """A colour domain from 0 to the data's largest value (at least a small positive number)."""
    top = float(values.max()) if len(values) and pd.notna(values.max()) else 1.0
    return [0.0, max(top, 1e-9)]


def frame_shares_matrix(frame_shares: pd.DataFrame, by: str = "doc_id", order: list[str] | None = None) -> alt.LayerChart:
    """Share of each source's sentences invoking each frame (from ``frame_shares.csv``, or a table with a ``by`` column).

    Frames in the codebook's order (as in the report's table), only those some
    source invokes; sources in ``order``; the colour scale runs from 0 to the
    largest share, and every cell is labelled with its percentage.
    """
    invoked = frame_shares.groupby("frame")["share"].max()
    frames = [f for f in FRAMES if invoked.get(f, 0) > 0]
    data = frame_shares[frame_shares["frame"].isin(frames)].copy()
    data["cell"] = data["share"].map(lambda v: f"{v:.0%}")
    domain = _fitted(data["share"])
    data["dark"] = data["share"] > 0.6 * domain[1]
    sources = order or list(dict.fromkeys(frame_shares[by]))
    labels = [FRAMES[f] for f in frames]
    base = alt.Chart(data, title="Frames: share of sentences").encode(
        x=alt.X(f"{by}:N", title="Source", sort=sources, axis=alt.Axis(labelAngle=-30, labelLimit=200)),
        y=alt.Y("label:N", title="Frame", sort=labels, axis=alt.Axis(labelLimit=320)),
        tooltip=[alt.Tooltip("label:N", title="Frame"), alt.Tooltip(f"{by}:N", title="Source"),
                 alt.Tooltip("share:Q", title="Share", format=".0%"),
                 alt.Tooltip("framed_sentences:Q", title="Sentences")])
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("share:Q", title="Share of sentences",
                        scale=alt.Scale(scheme=SHARE_SCHEME, domain=domain), legend=alt.Legend(format=".0%")))
    text = base.mark_text(fontSize=10).encode(
        text="cell:N", color=alt.condition("datum.dark", alt.value("white"), alt.value("#1a1a1a")))
    return (cells + text).properties(width=alt.Step(90), height=alt.Step(20))


#: Characters of evidence shown in a coverage tooltip (coverage.csv has it all).
EVIDENCE_CHARS = 200

#: A stated value is vague when its upper end is more than this many times its
#: lower end ("billions", "trillions"): drawn as an open, pale mark at its floor,
#: never as a bar, so that the vaguest amount does not look like the largest
#: divergence. Open bounds ("over $60 billion") are vague too.
VAGUE_RATIO = 3.0


def numeric_divergence(table: pd.DataFrame, by: str = "doc_id", order: list[str] | None = None):
    """Each shared quantity in its own panel, on its own absolute scale and unit
    (small multiples), one row per source; groups that do not agree in full
    colour with every source's quote in the tooltip. A precise value or range
    is a bar; a vague amount (a range wider than :data:`VAGUE_RATIO` times, or
    an open bound such as "over" or "under") a pale open circle at its stated end. Dates on a calendar axis."""
    tooltip = [alt.Tooltip("label:N", title="Quantity"), alt.Tooltip("status_label:N", title="Status"),
               alt.Tooltip(f"{by}:N", title="Source"), alt.Tooltip("surface:N", title="Number"),
               alt.Tooltip("quotes:N", title="All sources")]
    sources = order or list(dict.fromkeys(table[by])) if len(table) else []
    color = alt.Color(f"{by}:N", title="Source", scale=alt.Scale(scheme="tableau10"), sort=sources)
    values = table[table["kind"] != "date"].copy()
    charts = []
    if len(values):
        low = pd.to_numeric(values["low"], errors="coerce")
        high = pd.to_numeric(values["high"], errors="coerce")
        bound = values["bound"].fillna("").astype(str) if "bound" in values else pd.Series("", index=values.index)
        open_above = bound.isin(["gt", "ge"])
        open_below = bound.isin(["lt", "le"]) & (low == 0)  # "under 3%": [0, 3], stated at its upper end
        values["vague"] = open_above | open_below | ((high / low.where(low > 0)) > VAGUE_RATIO)
        stated = high.where(open_below, low)
        values["x_low"] = low.where(~values["vague"], stated)
        values["x_high"] = high.fillna(low).where(~values["vague"], stated)
        values["panel"] = values["label"].str.slice(0, 50) + " (" + values["unit"].fillna("").astype(str) + ")" \
            + values["flagged"].map({True: " — differs", False: ""})
        values["opacity"] = [0.3 if v else (1.0 if f else 0.55) for v, f in zip(values["vague"], values["flagged"])]
        panels = list(dict.fromkeys(values.sort_values(["flagged", "label"], ascending=[False, True])["panel"]))
        base = alt.Chart().encode(y=alt.Y(f"{by}:N", title=None, sort=sources), color=color,
                                  opacity=alt.Opacity("opacity:Q", scale=None), tooltip=tooltip)
        # aria=False: the static SVG would otherwise spell every mark's tooltip (all the quotes) into its
        # labels, megabytes for a large corpus; the figure's caption describes the chart
        bars = base.mark_rule(strokeWidth=6, aria=False).transform_filter("!datum.vague").encode(
            x=alt.X("x_low:Q", title=None, scale=alt.Scale(zero=False, padding=12), axis=alt.Axis(format="~s")),
            x2="x_high:Q")
        precise = base.mark_point(filled=True, size=50, aria=False).transform_filter("!datum.vague").encode(x="x_low:Q")
        vague = base.mark_point(filled=False, size=80, strokeDash=[2, 2], aria=False).transform_filter("datum.vague").encode(x="x_low:Q")
        charts.append(alt.layer(bars, precise, vague, data=values).properties(width=260, height=alt.Step(14)).facet(
            facet=alt.Facet("panel:N", title=None, sort=panels, header=alt.Header(labelFontSize=11, labelLimit=380)),
            columns=2, title="The same quantity across sources (pale open circles: vague amounts, at their floor)",
        ).resolve_scale(x="independent"))
    dates = table[table["kind"] == "date"]
    if len(dates):
        date_base = alt.Chart(dates).encode(y=alt.Y("label:N", title=None), color=color, opacity=alt.condition(
            "datum.flagged", alt.value(1.0), alt.value(0.45)), tooltip=tooltip, yOffset=f"{by}:N")
        charts.append((
            date_base.mark_rule(strokeWidth=3, aria=False).encode(x=alt.X("date_low:T", title="Date", scale=alt.Scale(padding=12)), x2="date_high:T")
            + date_base.mark_point(filled=True, size=60, aria=False).encode(x="date_low:T")
        ).properties(width=WIDTH, title="The same event's date across sources"))
    if not charts:
        return alt.Chart(pd.DataFrame({"note": ["No quantity is reported by two sources."]})).mark_text().encode(text="note:N")
    return alt.vconcat(*charts).resolve_scale(color="shared") if len(charts) > 1 else charts[0]


def interval_chart(profiles: pd.DataFrame, measures: list[str], title: str, x_title: str,
                   order: list[str] | None = None, zero: bool = False):
    """Per-source values with their 95% bootstrap intervals (from ``profiles.csv``), one row per source.

    Measures of one unit share an axis; measures of different units (Flesch
    points and words per sentence) get one panel each, so no axis mixes two
    measures. ``zero`` draws a line at zero (tone). Sources in ``order``.
    """
    data = profiles[profiles["measure"].isin(measures)].copy()
    data["label"] = data["measure"].map(lambda m: MEASURES[m].short if m in MEASURES else m)
    sources = order or list(dict.fromkeys(data["source"]))
    tooltip = [alt.Tooltip("source:N", title="Source"), alt.Tooltip("label:N", title="Measure"),
               alt.Tooltip("value:Q", title="Value", format=".2f"), alt.Tooltip("ci_low:Q", title="95% low", format=".2f"),
               alt.Tooltip("ci_high:Q", title="95% high", format=".2f"), alt.Tooltip("n:Q", title="Sentences")]
    units = list(dict.fromkeys(MEASURES[m].unit for m in measures if m in MEASURES))
    if len(units) > 1:
        panels = [interval_chart(profiles, [m], MEASURES[m].label.capitalize(), MEASURES[m].short, order, zero)
                  .properties(width=WIDTH // 2 + 40) for m in measures]
        return alt.hconcat(*panels, title=title)
    base = alt.Chart(data).encode(
        y=alt.Y("source:N", title="Source", sort=sources, axis=alt.Axis(labelLimit=200)), yOffset="label:N",
        color=alt.Color("label:N", title="Measure", scale=alt.Scale(scheme="tableau10"),
                        legend=None if len(measures) == 1 else alt.Legend()), tooltip=tooltip)
    chart = base.mark_rule(strokeWidth=2).encode(x=alt.X("ci_low:Q", title=x_title), x2="ci_high:Q") + \
        base.mark_point(filled=True, size=70).encode(x="value:Q")
    if zero:
        chart = alt.Chart(pd.DataFrame({"zero": [0.0]})).mark_rule(color="#555", strokeDash=[4, 3]).encode(x="zero:Q") + chart
    return chart.properties(width=WIDTH, title=title)


def coverage_matrix(coverage: pd.DataFrame, max_facts: int | None = None, order: list[str] | None = None) -> alt.Chart:
    """Facts by sources: present, absent or divergent, and claims no sentence of a source matches in wording
    (``unmatched``, drawn apart from absent: the source may tell them in other words), from ``coverage.csv``.

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
    return alt.Chart(data, title="What each source includes, omits or reports differently").mark_rect(stroke="white", aria=False).encode(
        x=alt.X("source:N", title="Source", sort=order or list(dict.fromkeys(coverage["source"])),
                axis=alt.Axis(labelAngle=-30, labelLimit=200)),
        y=alt.Y("fact:N", title=None, sort=alt.SortField("fact_type"), axis=alt.Axis(labelLimit=400)),
        color=alt.Color("state:N", title="State", scale=alt.Scale(domain=["present", "divergent", "absent", "unmatched"],
                                                                 range=["#4575b4", "#d73027", "#eeeeee", "#fee8c8"])),
        tooltip=[alt.Tooltip("fact:N", title="Fact"), alt.Tooltip("source:N", title="Source"),
                 alt.Tooltip("state:N", title="State"), alt.Tooltip("evidence:N", title="Where")],
    ).properties(width=alt.Step(80), height=alt.Step(14))


def similarity_matrix(similarity: pd.DataFrame, order: list[str] | None = None) -> alt.LayerChart:
    """How alike the sources' vocabularies are (from ``source_similarity.csv``): colour fitted to the
    pairs' range (a source with itself left blank), each cell labelled, sources in ``order``."""
    data = similarity[similarity["source_a"] != similarity["source_b"]].copy()
    sources = order or list(dict.fromkeys([*similarity["source_a"], *similarity["source_b"]]))
    data["cell"] = data["similarity"].map(lambda v: f"{v:.2f}")
    low, high = (float(data["similarity"].min()), float(data["similarity"].max())) if len(data) else (0.0, 1.0)
    data["dark"] = data["similarity"] > low + 0.6 * (high - low)
    base = alt.Chart(data, title="Similarity between sources (TF-IDF cosine)").encode(
        x=alt.X("source_a:N", title=None, sort=sources, axis=alt.Axis(labelAngle=-30, labelLimit=200)),
        y=alt.Y("source_b:N", title=None, sort=sources, axis=alt.Axis(labelLimit=200)),
        tooltip=[alt.Tooltip("source_a:N", title="Source"), alt.Tooltip("source_b:N", title="Source"),
                 alt.Tooltip("similarity:Q", title="Cosine", format=".2f")])
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("similarity:Q", title="Cosine", scale=alt.Scale(scheme=SHARE_SCHEME, domain=[low, max(high, low + 1e-9)])))
    text = base.mark_text(fontSize=10).encode(text="cell:N", color=alt.condition("datum.dark", alt.value("white"), alt.value("#1a1a1a")))
    return (cells + text).properties(width=alt.Step(80), height=alt.Step(30))


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

    import vl_convert as vlc
    from altair.utils._importers import vl_version_for_vl_convert

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    # one spec, its floats rounded as the tables' are, renders all three files
    spec = renamed_datasets(rounded(styled(chart).to_dict()))
    version = vl_version_for_vl_convert()
    paths = [folder / f"{name}.{ext}" for ext in ("png", "svg", "vl.json")]
    paths[0].write_bytes(vlc.vegalite_to_png(spec, vl_version=version, scale=2))
    paths[1].write_text(normalise_svg_ids(vlc.vegalite_to_svg(spec, vl_version=version)), encoding="utf-8")
    paths[2].write_text(json.dumps(spec, indent=2, ensure_ascii=False, allow_nan=False) + "\n", encoding="utf-8")
    csv_path = folder / f"{name}.csv"
    write_csv(data, csv_path)
    return [*paths, csv_path]


def renamed_datasets(spec: dict) -> dict:
    """``spec`` with each inline dataset named by a hash of its rounded rows.

    Altair names a dataset by a hash of the unrounded data, so a last-bit
    difference in a float (another CPU's arithmetic) would rename it in the
    written spec although the rounded rows are the same.
    """
    datasets = spec.get("datasets")
    if not isinstance(datasets, dict):
        return spec
    names = {old: "data-" + hashlib.md5(json.dumps(rows, sort_keys=True).encode("utf-8")).hexdigest()
             for old, rows in datasets.items()}

    def rename(value):
        if isinstance(value, dict):
            return {(names.get(k, k) if value is datasets else k): rename(v) for k, v in value.items()}
        if isinstance(value, list):
            return [rename(v) for v in value]
        return names.get(value, value) if isinstance(value, str) else value
    return rename(spec)


def rounded(value):
    """``value`` (a JSON-like tree) with every float rounded to the tables' significant digits
    (:data:`toolkit.present.tables.SIGNIFICANT_DIGITS`), so that a chart's spec is as stable as its data,
    and every non-finite float (NaN, an open interval's infinite end) made ``None`` (JSON ``null``), so
    that the spec is valid JSON (see :func:`json_safe`)."""
    if isinstance(value, float):
        return float(f"{value:.{SIGNIFICANT_DIGITS}g}") if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    return value


def json_safe(value):
    """``value`` (a JSON-like tree, such as a chart's ``to_dict()``) with every non-finite float made ``None``.

    JSON has no NaN or infinity: Jupyter refuses to send a display holding one
    ("Out of range float values are not JSON compliant"), and ``json.dumps``
    would write invalid JSON. Vega-Lite reads ``null`` as a missing value, as
    it would NaN, so the chart looks the same. Such floats reach a spec from an
    open interval's infinite end, and from every missing value of a text or
    mixed column, which Altair 5.5 writes as NaN under pandas 3.
    """
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_safe(v) for v in value]
    return value
