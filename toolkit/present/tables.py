"""Write tables as CSV files into an output folder's ``data/``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..corpus.documents import Corpus


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


def write_tables(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    """Write each table to ``out/data/<name>.csv``."""
    return [write_csv(table, Path(out) / "data" / f"{name}.csv") for name, table in tables.items()]
