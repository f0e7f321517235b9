"""Write a corpus's tables and its written report to an output folder.

Layout of ``OUT``::

    OUT/data/documents.csv   one row per document, with metadata provenance
    OUT/data/units.csv       titles, headings, paragraphs, list items
    OUT/data/sentences.csv   sentences with offsets into the cleaned text
    OUT/data/removed.csv     every line or part of a line cleaning removed
    OUT/report.md            the written report (so far: the corpus overview)

Everything written is a function of the input alone (no dates, no absolute
paths), so two runs give identical files.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .corpus import Corpus
from .metadata import FIELDS


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write a table as UTF-8 CSV with ``\\n`` line ends; never rounds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")
    return path


def write_corpus_tables(corpus: Corpus, out: Path) -> list[Path]:
    """Write the corpus tables to ``out/data/``; return the paths written."""
    data = Path(out) / "data"
    return [
        write_csv(corpus.documents_table(), data / "documents.csv"),
        write_csv(corpus.units_table(), data / "units.csv"),
        write_csv(corpus.sentences_table(), data / "sentences.csv"),
        write_csv(corpus.removed_table(), data / "removed.csv"),
    ]


def _cell(value: object) -> str:
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ") or "–"


def markdown_table(frame: pd.DataFrame) -> str:
    """A GitHub-flavoured Markdown table with cells escaped."""
    head = "| " + " | ".join(map(_cell, frame.columns)) + " |"
    rule = "|" + "|".join("---" for _ in frame.columns) + "|"
    rows = ["| " + " | ".join(_cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *rows])


def overview_markdown(corpus: Corpus) -> str:
    """The corpus overview section: sources, their metadata and what cleaning removed."""
    docs = corpus.documents_table()
    removed = corpus.removed_table()
    shown = docs[["doc_id", *FIELDS, "words", "sentences"]].copy()
    for name in FIELDS:
        source = docs[f"{name}_source"]
        shown[name] = [f"{v} ({s})" if v else f"({s})" for v, s in zip(shown[name], source)]
    by_rule = (
        removed.groupby(["rule", "reason"], sort=True).size().rename("removed").reset_index()
        if len(removed) else pd.DataFrame(columns=["rule", "reason", "removed"])
    )
    lines = [
        f"# {corpus.name or 'Corpus'}: corpus overview",
        "",
        corpus.config.description,
        "",
        f"{len(docs)} documents, {int(docs['words'].sum()):,} words, {int(docs['sentences'].sum()):,} sentences.",
        "",
        "## Sources",
        "",
        "Each metadata value is followed by where it came from: the manifest (`sources.csv`), "
        "a rule that inferred it from the text, or `missing`.",
        "",
        markdown_table(shown),
        "",
        "## What cleaning removed",
        "",
        f"Furniture rules version {corpus.furniture_version}. Every removed line is listed, with its text, in `data/removed.csv`.",
        "",
        markdown_table(by_rule),
        "",
    ]
    if corpus.notices:
        lines += ["## Warnings while loading", ""]
        lines += [f"- `{Path(n.path).name}`: {n.message}" for n in corpus.notices]
        lines.append("")
    return "\n".join(lines)


def write_report(corpus: Corpus, out: Path) -> list[Path]:
    """Write every table and ``report.md`` for ``corpus`` into ``out``."""
    out = Path(out)
    written = write_corpus_tables(corpus, out)
    report = out / "report.md"
    report.write_text(overview_markdown(corpus), encoding="utf-8", newline="\n")
    return [*written, report]
