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
from .sections import MAX_FACTS, report_blocks
from .tables import write_tables


def write_charts(tables: dict, out: Path) -> list[Path]:
    """Build and save every chart of the report into ``out/charts``."""
    folder = Path(out) / "charts"
    divergence = divergence_table(tables["numbers"], tables["quantity_groups"], tables["sentences"],
                                  max_groups=MAX_FACTS, sources=source_map(tables))
    actor_tone, frames, profiles = tables["actor_tone_by_source"], tables["frame_shares_by_source"], tables["profiles"]
    specs = {
        "tone": (charts.interval_chart(profiles, charted("tone"), "Mean sentence tone per source",
                                       "Mean tone (-1 negative to +1 positive)"), profiles),
        "actor_tone": (charts.actor_tone_matrix(actor_tone, by="source"), actor_tone),
        "stance": (charts.interval_chart(profiles, charted("stance"), "Stance cues per 1,000 words", "Cues per 1,000 words"),
                   profiles),
        "frames": (charts.frame_shares_matrix(frames, by="source"), frames),
        "numbers": (charts.numeric_divergence(divergence, by="source"), divergence),
        "coverage": (charts.coverage_matrix(tables["coverage"], max_facts=MAX_FACTS), tables["coverage"]),
        "readability": (charts.interval_chart(profiles, charted("readability"), "Readability per source",
                                              "Flesch reading ease / words per sentence"), profiles),
    }
    similarity = charts.similarity_matrix(tables["source_similarity"])
    specs["similarity"] = (similarity, similarity.data)
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
