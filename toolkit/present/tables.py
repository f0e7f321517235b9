"""Write tables as CSV files into an output folder's ``data/``.

Floats are written to :data:`SIGNIFICANT_DIGITS` significant digits, so that a
dependency's change in the last bits of a float (a new BLAS, a reordered sum)
does not change the written tables, while every figure keeps far more
precision than the report shows (at most four digits).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..corpus.documents import Corpus


#: Significant digits of a float in a written table: 10 keeps every figure
#: exact to far beyond what is shown, while a float64's last bits (about the
#: 16th digit) no longer reach the file.
SIGNIFICANT_DIGITS = 10


def format_float(value: float) -> str:
    """A float to :data:`SIGNIFICANT_DIGITS` significant digits, positional (``500000000000``, ``0.3333333333``)."""
    return np.format_float_positional(value, precision=SIGNIFICANT_DIGITS, unique=True, fractional=False, trim="-")


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write a table as UTF-8 CSV with ``\\n`` line ends, floats to :data:`SIGNIFICANT_DIGITS` significant digits."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n", float_format=format_float)
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
