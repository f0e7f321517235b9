"""Write computed tables, their charts and the written report into an output folder.

Layout of ``OUT``::

    OUT/data/<table>.csv        every measure's table and the comparison tables
    OUT/charts/<chart>.{png,svg,vl.json,csv}   each chart, with its data
    OUT/report.md, OUT/report.html              the written report

Nothing written depends on the clock or the machine, so two runs give
identical files.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..compare.by_source import divergence_table, source_map
from ..compare.registry import charted
from ..corpus.documents import Corpus
from . import charts
from .render import to_html, to_markdown
from .sections import MAX_FACTS, OTHERS, charted_sources, report_blocks
from .tables import write_tables


def source_order(tables: dict) -> list[str]:
    """The compared sources in corpus order (the order of every table of the report)."""
    mapping = tables.get("sources")
    if mapping is None:
        return list(dict.fromkeys(tables["documents"]["doc_id"]))
    return list(dict.fromkeys(mapping["source"]))


def _pooled(table: pd.DataFrame, keep: set, keys: list[str], sums: tuple = (), weighted: tuple | None = None) -> pd.DataFrame:
    """``table`` (one row per source and key) with the sources not in ``keep`` pooled into one :data:`OTHERS` source:
    ``sums`` summed, ``weighted`` = (value, weight) averaged with those weights."""
    kept, rest = table[table["source"].isin(keep)], table[~table["source"].isin(keep)]
    if rest.empty:
        return kept
    aggregations = {c: (c, "sum") for c in sums}
    if weighted:
        value, weight = weighted
        rest = rest.assign(_product=rest[value] * rest[weight])
        aggregations.update({weight: (weight, "sum"), "_product": ("_product", "sum")})
    pooled = rest.groupby(keys, sort=False).agg(**aggregations).reset_index()
    if weighted:
        pooled[value] = pooled.pop("_product") / pooled[weight]
    return pd.concat([kept, pooled.assign(source=OTHERS)], ignore_index=True)[list(table.columns)]


def write_charts(tables: dict, out: Path) -> list[Path]:
    """Build and save every chart of the report into ``out/charts``."""
    folder = Path(out) / "charts"
    divergence = divergence_table(tables["numbers"], tables["quantity_groups"], tables["sentences"],
                                  max_groups=MAX_FACTS, sources=source_map(tables))
    actor_tone, frames, profiles = tables["actor_tone_by_source"], tables["frame_shares_by_source"], tables["profiles"]
    order = source_order(tables)  # one order of sources in every chart and table: the corpus's
    shown, total = charted_sources(tables)
    coverage, similarity = tables["coverage"], tables["source_similarity"]
    if total > len(shown):  # many sources: the largest drawn, the others pooled or left out (see MAX_CHART_SOURCES)
        keep = set(shown)
        actor_tone = _pooled(actor_tone, keep, ["actor"], weighted=("mean_score", "mentions"))
        frames = _pooled(frames, keep, ["frame", "label"], sums=("sentences", "framed_sentences"))
        frames["share"] = frames["framed_sentences"] / frames["sentences"]
        divergence = divergence.assign(source=divergence["source"].where(divergence["source"].isin(keep), OTHERS))
        profiles = profiles[profiles["source"].isin(keep)]
        coverage = coverage[coverage["source"].isin(keep)]
        similarity = similarity[similarity["source_a"].isin(keep) & similarity["source_b"].isin(keep)]
        order = shown + [OTHERS]
    specs = {
        "tone": (charts.interval_chart(profiles, charted("tone"), "Mean sentence tone per source",
                                       "Mean tone (-1 negative to +1 positive)", order=order, zero=True), profiles),
        "actor_tone": (charts.actor_tone_matrix(actor_tone, by="source", order=order), actor_tone),
        "stance": (charts.interval_chart(profiles, charted("stance"), "Stance cues per 1,000 words", "Cues per 1,000 words",
                                         order=order), profiles),
        "frames": (charts.frame_shares_matrix(frames, by="source", order=order), frames),
        "numbers": (charts.numeric_divergence(divergence, by="source", order=order), divergence),
        "coverage": (charts.coverage_matrix(coverage, max_facts=MAX_FACTS, order=order), coverage),
        "readability": (charts.interval_chart(profiles, charted("readability"), "Readability per source",
                                              "", order=order), profiles),
        "similarity": (charts.similarity_matrix(similarity, order=order), similarity),
    }
    written = []
    for name, (chart, data) in specs.items():
        written += charts.save_chart(chart, data, folder, name)
    return written


def write_outputs(corpus: Corpus, tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    """Write already computed tables (the analysis's and the comparison's), their charts and the report into ``out``."""
    out = Path(out)
    written = write_tables(tables, out)
    written += write_charts(tables, out)
    blocks = report_blocks(corpus, tables)
    (out / "report.md").write_text(to_markdown(blocks), encoding="utf-8", newline="\n")
    title = f"{corpus.name or 'Corpus'}: how the sources differ"
    (out / "report.html").write_text(to_html(blocks, title, out / "charts"), encoding="utf-8", newline="\n")
    return [*written, out / "report.md", out / "report.html"]
