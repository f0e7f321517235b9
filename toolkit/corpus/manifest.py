"""The optional ``sources.csv`` manifest of a corpus folder.

Columns: ``doc_id`` and ``file`` are required; ``title``, ``outlet``,
``author``, ``published`` (``YYYY-MM-DD``) and ``genre`` are optional, and
empty cells mean "unknown". Extra columns are kept as metadata.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ..errors import CorpusError
from ..text.metadata import normalise_date

MANIFEST_NAME = "sources.csv"
REQUIRED_COLUMNS = ("doc_id", "file")


def read_manifest(path: Path) -> list[dict[str, str]]:
    """Read and validate a manifest.

    Returns
    -------
    list of dict
        One dict per row, values stripped; ``published`` normalised to ISO.

    Raises
    ------
    CorpusError
        On missing columns, empty or duplicate ``doc_id`` or ``file`` values,
        or an unreadable date.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = [c.strip() for c in reader.fieldnames or []]
            rows = [{(k or "").strip(): (v or "").strip() for k, v in row.items()} for row in reader]
    except UnicodeDecodeError:
        raise CorpusError(path, "the manifest is not UTF-8 text", "re-save it as UTF-8 CSV") from None
    except csv.Error as exc:
        raise CorpusError(path, f"the manifest is not valid CSV ({exc})", "fix the CSV syntax") from None
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise CorpusError(
            path,
            f"the manifest lacks the required column(s) {', '.join(missing)} (it has: {', '.join(columns) or 'none'})",
            "add a header row with at least doc_id,file",
        )
    for key in REQUIRED_COLUMNS:
        seen: dict[str, int] = {}
        for number, row in enumerate(rows, start=2):
            value = row[key]
            if not value:
                raise CorpusError(path, f"row {number} has an empty {key}", f"give every row a {key}")
            if value in seen:
                raise CorpusError(
                    path,
                    f"duplicate {key} '{value}' in rows {seen[value]} and {number}",
                    f"make every {key} unique",
                )
            seen[value] = number
    for number, row in enumerate(rows, start=2):
        if row.get("published"):
            iso = normalise_date(row["published"])
            if iso is None:
                raise CorpusError(
                    path,
                    f"row {number} has an unreadable date '{row['published']}'",
                    "write dates as YYYY-MM-DD, or leave the cell empty",
                )
            row["published"] = iso
    return rows
