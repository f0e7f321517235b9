"""Find the articles of a corpus and read them: folders, file lists, JSONL and CSV.

This module decides *what* is loaded and reports everything it skips; the
text itself is cleaned and segmented in :mod:`toolkit.corpus.documents`.
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CorpusError, Notice, notify
from .manifest import MANIFEST_NAME, read_manifest
from .reading import read_text_file

#: File endings read as one article each.
ARTICLE_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
#: File endings read as one article per row.
TABLE_SUFFIXES = {".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet"}
#: Column names tried, in order, for the article text of a JSONL or CSV file.
TEXT_COLUMNS = ("text", "body", "content", "article")
#: Column names tried, in order, for the document id.
ID_COLUMNS = ("doc_id", "id")
#: Files in a corpus folder that are not articles.
CONFIG_FILES = {MANIFEST_NAME, "corpus.toml"}
DOC_PREFIXES = ("readme", "license", "licence", "changelog")

SUPPORTED = "a folder of .txt, .md or .html files, a list of such files, or one .jsonl, .csv or .parquet file"


@dataclass
class Source:
    """One article as read from disk, before cleaning (``raw`` is the decoded text exactly as read)."""

    doc_id: str
    file: str
    path: Path
    raw: str
    format: str
    encoding: str = "utf-8"
    metadata: dict[str, str] = field(default_factory=dict)


def _read_article(path: Path, doc_id: str, label: str, max_bytes: int, notices: list[Notice]) -> Source | None:
    decoded = read_text_file(path, max_bytes, notices)
    if decoded is None:
        return None
    if not decoded.text.strip():
        notify(notices, path, "empty_skipped", "is empty or only white space; skipped")
        return None
    fmt = ARTICLE_SUFFIXES[path.suffix.lower()]
    return Source(doc_id, label, path, decoded.original, fmt, decoded.encoding)


def contained(folder: Path, path: Path, where: Path, label: str) -> Path:
    """``path`` resolved, after checking that it lies inside ``folder``.

    Symlinks are followed: a link inside the folder pointing outside it is
    refused like a ``..`` path, so that a corpus received from someone else
    cannot make a report read (and publish) other local files.

    Raises
    ------
    CorpusError
        Naming ``where`` and ``label`` when the path leaves the folder or cannot
        be resolved (a symlink loop).
    """
    try:
        root = folder.resolve(strict=True)
        resolved = path.resolve(strict=False)
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop (Python < 3.13)
        raise CorpusError(where, f"{label} cannot be resolved ({exc.__class__.__name__}: a symlink loop?)",
                          "remove or mend the link") from None
    if not resolved.is_relative_to(root):
        raise CorpusError(where, f"{label} lies outside the corpus folder ({root.name}/)",
                          "copy the file into the corpus folder; a corpus may read only files inside its own folder")
    return resolved


def _manifest_file(folder: Path, manifest_path: Path, number: int, name: str) -> Path:
    """The path of a manifest row's file, refused when it leaves the corpus folder."""
    label = f"row {number} (file '{name}')"
    candidate = Path(name)
    if candidate.is_absolute() or candidate.drive or ".." in candidate.parts or ".." in name.replace("\\", "/").split("/"):
        raise CorpusError(manifest_path, f"{label} points outside the corpus folder",
                          "give the file name relative to the corpus folder, without '..' or an absolute path")
    path = folder / candidate
    contained(folder, path, manifest_path, label)
    return path


def paths_of(folder: Path, manifest_path: Path, rows: list[dict[str, str]]) -> list[Path]:
    """The files of the manifest's rows, each checked to lie inside ``folder``."""
    return [_manifest_file(folder, manifest_path, number, row["file"]) for number, row in enumerate(rows, start=2)]


def _check_unique(sources: list[Source], where: Path) -> None:
    seen: dict[str, str] = {}
    for source in sources:
        if source.doc_id in seen:
            raise CorpusError(
                where,
                f"two articles share the doc_id '{source.doc_id}' ({seen[source.doc_id]} and {source.file})",
                "rename one file, or give unique doc_id values in sources.csv",
            )
        seen[source.doc_id] = source.file


def _folder(folder: Path, max_bytes: int, notices: list[Notice]) -> list[Source]:
    articles, skipped, docs = [], [], []
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        raise CorpusError(folder, f"the folder cannot be read ({exc.strerror or exc.__class__.__name__})",
                          "check its permissions") from None
    for entry in entries:
        name = entry.name
        if name in CONFIG_FILES or name.startswith("."):
            continue
        if entry.is_dir():
            skipped.append(name + "/")
        elif name.lower().startswith(DOC_PREFIXES):
            docs.append(name)
        elif entry.suffix.lower() in ARTICLE_SUFFIXES:
            articles.append(entry)
        else:
            skipped.append(name)
    if docs:
        notify(notices, folder, "documentation_skipped", f"documentation files not read as articles: {', '.join(docs)}")
    if skipped:
        notify(
            notices,
            folder,
            "unsupported_skipped",
            f"skipped {len(skipped)} entr{'y' if len(skipped) == 1 else 'ies'} that are not .txt, .md or .html "
            f"files (sub-folders are not read): {', '.join(skipped)}",
        )
    manifest_path = folder / MANIFEST_NAME
    rows = read_manifest(manifest_path) if manifest_path.is_file() else None
    if not articles and not rows:
        raise CorpusError(folder, "the folder holds no .txt, .md or .html files", f"give {SUPPORTED}")
    sources: list[Source] = []
    if rows is not None:
        listed = {path.name for path in paths_of(folder, manifest_path, rows)}
    for entry in articles:
        if entry.is_symlink() and (rows is None or entry.name not in listed):
            contained(folder, entry, entry, f"the link '{entry.name}'")
    if rows is not None:
        by_file = {path.name: path for path in articles}
        paths = paths_of(folder, manifest_path, rows)
        missing = [row["file"] for row, path in zip(rows, paths) if not path.is_file()]
        if missing:
            raise CorpusError(
                manifest_path,
                f"the manifest lists file(s) that do not exist: {', '.join(missing)}",
                "add the files, or remove or correct their rows in sources.csv",
            )
        for row, path in zip(rows, paths):
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                raise CorpusError(manifest_path, f"'{row['file']}' is not a .txt, .md or .html file", "list article files only")
            by_file.pop(path.name, None)
            source = _read_article(path, row["doc_id"], row["file"], max_bytes, notices)
            if source is not None:
                source.metadata = {k: v for k, v in row.items() if k not in ("doc_id", "file")}
                sources.append(source)
        for name, path in by_file.items():
            notify(notices, path, "not_in_manifest", "is not listed in sources.csv; loaded with inferred metadata. Add a row to give its metadata")
            source = _read_article(path, path.stem, name, max_bytes, notices)
            if source is not None:
                sources.append(source)
    else:
        for path in articles:
            source = _read_article(path, path.stem, path.name, max_bytes, notices)
            if source is not None:
                sources.append(source)
    _check_unique(sources, folder)
    return sources


def parse_jsonl_line(path: Path, number: int, line: str) -> dict | None:
    """One JSONL line as a dict (``None`` for a blank line); a clear error otherwise."""
    if not line.strip():
        return None
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CorpusError(path, f"line {number} is not valid JSON ({exc.msg})", "write one JSON object per line") from None
    if not isinstance(row, dict):
        raise CorpusError(path, f"line {number} is not a JSON object", "write one JSON object per line")
    return row


def read_parquet_rows(path: str | Path, row_groups: tuple[int, ...] | None = None) -> list[dict]:
    """Rows of a Parquet file (of some row groups only) as dicts."""
    import pyarrow.parquet as pq

    try:
        handle = pq.ParquetFile(path)
        table = handle.read_row_groups(list(row_groups)) if row_groups is not None else handle.read()
    except Exception as exc:  # noqa: BLE001
        raise CorpusError(path, f"the file cannot be read as Parquet ({exc})", "re-export the table as Parquet") from None
    return table.to_pylist()


def _table_rows(path: Path) -> list[tuple[int, dict]]:
    """(row number, row) for every row of a JSONL, CSV or Parquet file."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        lines = path.read_text(encoding="utf-8-sig").split("\n")  # JSON strings may hold other line separators
        return [(n, row) for n, line in enumerate(lines, start=1) if (row := parse_jsonl_line(path, n, line)) is not None]
    if suffix == ".parquet":
        return list(enumerate(read_parquet_rows(path), start=1))
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(enumerate(csv.DictReader(handle), start=1))


def text_and_id_columns(path: Path, columns: list[str], text_column: str | None) -> tuple[str, str | None]:
    """The text column (given or guessed) and the id column, if any, of a table corpus."""
    column = text_column or next((c for c in TEXT_COLUMNS if c in columns), None)
    if column is None or column not in columns:
        raise CorpusError(
            path,
            f"no text column found (columns: {', '.join(map(str, columns))})",
            f"name the text column one of {', '.join(TEXT_COLUMNS)}, or pass text_column= (CLI: --text-column)",
        )
    return column, next((c for c in ID_COLUMNS if c in columns), None)


def row_sources(path: Path, rows, column: str, id_column: str | None, max_bytes: int, notices: list[Notice]) -> list[Source]:
    """Sources for numbered rows ``(row number, row)`` of a table corpus; empty rows are skipped with a notice."""
    fmt = TABLE_SUFFIXES[path.suffix.lower()]
    sources = []
    for number, row in rows:
        text = row.get(column)
        doc_id = str(row[id_column]).strip() if id_column and row.get(id_column) not in (None, "") else f"row-{number:05d}"
        label = f"{path.name}#{doc_id}"
        if text is not None and not isinstance(text, str):
            notify(notices, path, "not_text_skipped",
                   f"row {number} ({doc_id}): the {column} column holds a {type(text).__name__}, not text; skipped")
            continue
        if not isinstance(text, str) or not text.strip():
            notify(notices, path, "empty_skipped", f"row {number} ({doc_id}) has no text; skipped")
            continue
        if len(text.encode("utf-8")) > max_bytes:
            raise CorpusError(
                path,
                f"row {number} ({doc_id}) holds {len(text.encode('utf-8')):,} bytes of text, over the limit of {max_bytes:,}",
                "split the article, or raise the limit with max_bytes= (CLI: --max-mb)",
            )
        metadata = {str(k): "" if v is None else str(v).strip() for k, v in row.items() if k not in (column, id_column)}
        sources.append(Source(doc_id, label, path, text, fmt, "utf-8", metadata))
    return sources


def _table(path: Path, max_bytes: int, notices: list[Notice], text_column: str | None) -> list[Source]:
    try:
        rows = _table_rows(path)
    except UnicodeDecodeError:
        raise CorpusError(path, "the file is not UTF-8 text", "re-save it as UTF-8") from None
    if not rows:
        raise CorpusError(path, "the file holds no rows", "add one article per row")
    columns = list(dict.fromkeys(key for _, row in rows for key in row))
    column, id_column = text_and_id_columns(path, columns, text_column)
    sources = row_sources(path, rows, column, id_column, max_bytes, notices)
    if not sources:
        if any(n.code == "not_text_skipped" for n in notices):
            raise CorpusError(path, f"the text column '{column}' holds no text (values of another type)",
                              "store the article text as strings, or name the text column with --text-column")
        raise CorpusError(path, "every row's text is empty", "fill the text column")
    _check_unique(sources, path)
    return sources


def find_sources(
    corpus: str | Path | list,
    max_bytes: int,
    notices: list[Notice],
    text_column: str | None = None,
) -> tuple[list[Source], Path | None]:
    """Read every article of ``corpus``.

    Returns
    -------
    sources : list of Source
    folder : Path or None
        The folder whose ``corpus.toml`` applies (the corpus folder, or the
        folder holding a JSONL or CSV file); ``None`` for a list of files.

    Raises
    ------
    CorpusError
        For a missing path, an empty folder, only empty or binary files, an
        oversize file, a bad manifest or duplicate ids.
    """
    if isinstance(corpus, (list, tuple)):
        if not corpus:
            raise CorpusError("(empty list)", "no files were given", f"give {SUPPORTED}")
        sources = []
        for item in corpus:
            path = Path(item)
            if not path.is_file():
                raise CorpusError(path, "the file does not exist", "check the path")
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                notify(notices, path, "unsupported_skipped", "is not a .txt, .md or .html file; skipped")
                continue
            source = _read_article(path, path.stem, str(path), max_bytes, notices)
            if source is not None:
                sources.append(source)
        if not sources:
            raise CorpusError(", ".join(map(str, corpus)), "none of the files holds readable article text", "give non-empty text files")
        _check_unique(sources, Path(corpus[0]).parent)
        return sources, None
    path = Path(corpus)
    if not path.exists():
        raise CorpusError(path, "the path does not exist", f"check the spelling; give {SUPPORTED}")
    if path.is_dir():
        sources = _folder(path, max_bytes, notices)
        if not sources:
            unread = [Path(n.path).name for n in notices if n.code in ("empty_skipped", "binary_skipped")]
            listed = f": {', '.join(unread[:20])}{' and more' if len(unread) > 20 else ''}" if unread else ""
            raise CorpusError(path, f"no file holds readable article text (all are empty, white space or binary){listed}",
                              "add articles as UTF-8 text files")
        return sources, path
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        return _table(path, max_bytes, notices, text_column), path.parent
    if suffix in ARTICLE_SUFFIXES:
        source = _read_article(path, path.stem, path.name, max_bytes, notices)
        if source is None:
            raise CorpusError(path, "the file holds no readable article text", "give a non-empty UTF-8 text file")
        return [source], path.parent
    raise CorpusError(path, f"'{path.suffix}' files are not supported", f"give {SUPPORTED}")

