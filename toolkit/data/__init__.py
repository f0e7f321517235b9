"""Data shipped with the toolkit: the validation figures the report states."""

from __future__ import annotations

import io
from importlib import resources

import pandas as pd

VALIDATION_COLUMNS = ["measure", "dataset", "metric", "value", "n"]


def validation_figures() -> pd.DataFrame:
    """The validation figures shipped with the toolkit (``make validate`` refreshes them):
    ``measure, dataset, metric, value, n``."""
    path = resources.files(__name__).joinpath("validation.csv")
    if not path.is_file():
        return pd.DataFrame(columns=VALIDATION_COLUMNS)
    return pd.read_csv(io.StringIO(path.read_text(encoding="utf-8")))
