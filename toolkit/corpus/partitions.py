"""Read a large JSONL or Parquet corpus lazily, one partition at a time.

:func:`plan` splits the file without parsing it: a JSONL file into byte ranges
that end on line breaks (about :data:`PARTITION_BYTES` each, with the number of
each range's first line, so messages and ``row-NNNNN`` ids match a whole-file
load), a Parquet file into groups of its row groups. :func:`load_partition`
then reads, cleans and segments one partition, on whichever process or worker
runs it, so no process ever holds the whole corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import CorpusError, Notice
from ..text.cleaning import furniture_version
from .config import CONFIG_NAME, CorpusConfig, read_config
from .documents import Corpus, load_sources
from .sources import parse_jsonl_line, read_parquet_rows, row_sources, text_and_id_columns

#: Target size of one partition of a JSONL file (bytes of file).
PARTITION_BYTES = 4_000_000
#: Rows of a Parquet file read at most per partition (whole row groups are kept together).
PARTITION_ROWS = 2_000
#: Rows looked at to find the text and id columns of a JSONL file.
HEAD_ROWS = 1_000
LAZY_SUFFIXES = (".jsonl", ".parquet")


@dataclass(frozen=True)
class Partition:
    """One slice of a table corpus.

    ``start``/``stop`` are byte offsets and ``first_row`` the line number of a
    JSONL slice; ``row_groups`` and ``first_row`` (row number) describe a
    Parquet slice. ``text_column`` and ``id_column`` are the same for every
    partition of a file.
    """

    path: str
    index: int
    first_row: int
    text_column: str
    id_column: str | None
    start: int = 0
    stop: int = 0
    row_groups: tuple[int, ...] = ()


def is_lazy(corpus) -> bool:
    """Can ``corpus`` be read partition by partition (a .jsonl or .parquet path)?"""
    return isinstance(corpus, (str, Path)) and Path(corpus).suffix.lower() in LAZY_SUFFIXES and Path(corpus).is_file()


def plan(path: str | Path, text_column: str | None = None, partition_bytes: int | None = None,
         partition_rows: int | None = None) -> list[Partition]:
    """The partitions of a JSONL or Parquet corpus file (nothing is parsed but the head).

    ``partition_bytes`` and ``partition_rows`` default to :data:`PARTITION_BYTES`
    and :data:`PARTITION_ROWS`.
    """
    path = Path(path)
    partition_bytes = partition_bytes or PARTITION_BYTES
    partition_rows = partition_rows or PARTITION_ROWS
    if not path.is_file():
        raise CorpusError(path, "the file does not exist", "check the path")
    if path.suffix.lower() == ".parquet":
        return _plan_parquet(path, text_column, partition_rows)
    if path.suffix.lower() != ".jsonl":
        raise CorpusError(path, f"'{path.suffix}' files cannot be read partition by partition", "give a .jsonl or .parquet file")
    return _plan_jsonl(path, text_column, partition_bytes)


def _plan_jsonl(path: Path, text_column: str | None, partition_bytes: int) -> list[Partition]:
    columns: dict[str, None] = {}
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                row = parse_jsonl_line(path, number, raw.decode("utf-8-sig"))
            except UnicodeDecodeError:
                raise CorpusError(path, f"line {number} is not UTF-8 text", "re-save the file as UTF-8") from None
            if row is not None:
                columns.update(dict.fromkeys(row))
            if number >= HEAD_ROWS:
                break
    if not columns:
        raise CorpusError(path, "the file holds no rows", "add one article per row")
    column, id_column = text_and_id_columns(path, list(columns), text_column)
    size = path.stat().st_size
    bounds, lines = [(0, 1)], 1
    with path.open("rb") as handle:
        position = 0
        while True:
            block = handle.read(partition_bytes)
            if not block:
                break
            tail = handle.readline()  # finish the line the block ends inside
            lines += block.count(b"\n") + tail.count(b"\n")
            position += len(block) + len(tail)
            if position < size:
                bounds.append((position, lines))
    ends = [start for start, _ in bounds[1:]] + [size]
    return [Partition(str(path), i, first, column, id_column, start=start, stop=stop)
            for i, ((start, first), stop) in enumerate(zip(bounds, ends))]


def _plan_parquet(path: Path, text_column: str | None, partition_rows: int) -> list[Partition]:
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several types for a damaged file
        raise CorpusError(path, f"the file cannot be read as Parquet ({exc})", "re-export the table as Parquet") from None
    if meta.num_rows == 0:
        raise CorpusError(path, "the file holds no rows", "add one article per row")
    column, id_column = text_and_id_columns(path, list(meta.schema.names), text_column)
    partitions, groups, rows, first = [], [], 0, 1
    for group in range(meta.num_row_groups):
        groups.append(group)
        rows += meta.row_group(group).num_rows
        if rows >= partition_rows or group == meta.num_row_groups - 1:
            partitions.append(Partition(str(path), len(partitions), first, column, id_column, row_groups=tuple(groups)))
            first, groups, rows = first + rows, [], 0
    return partitions


def _rows(partition: Partition) -> list[tuple[int, dict]]:
    path = Path(partition.path)
    if partition.row_groups:
        return list(enumerate(read_parquet_rows(path, partition.row_groups), start=partition.first_row))
    with path.open("rb") as handle:
        handle.seek(partition.start)
        data = handle.read(partition.stop - partition.start)
    try:
        text = data.decode("utf-8-sig" if partition.start == 0 else "utf-8")
    except UnicodeDecodeError:
        raise CorpusError(path, f"lines from {partition.first_row} on are not UTF-8 text", "re-save the file as UTF-8") from None
    rows = []
    for number, line in enumerate(text.split("\n"), start=partition.first_row):
        row = parse_jsonl_line(path, number, line)
        if row is not None:
            rows.append((number, row))
    return rows


def corpus_config(path: str | Path, config: str | Path | None = None) -> CorpusConfig:
    """The config of a table corpus: ``config`` if given, else ``corpus.toml`` beside the file."""
    path = Path(path)
    config_path = Path(config) if config else path.parent / CONFIG_NAME
    if config and not config_path.is_file():
        raise CorpusError(config_path, "the config file does not exist", "check the path")
    return read_config(config_path, path.parent.name)


def load_partition(partition: Partition, config: CorpusConfig, max_bytes: int):
    """One partition as a :class:`toolkit.corpus.documents.Corpus` (possibly with no documents), notices kept."""
    notices: list[Notice] = []
    sources = row_sources(Path(partition.path), _rows(partition), partition.text_column, partition.id_column, max_bytes, notices)
    return Corpus(load_sources(sources, notices, keep_navigation=config.keep_navigation), config, notices, furniture_version())
