"""Command line: ``python -m toolkit {corpus,analyze,report} CORPUS --out OUT``.

Errors in the input are printed as ``error: FILE: problem`` with a ``fix:``
line and exit status 2, never as a traceback. Warnings go to standard error.
Outputs are written into a temporary folder beside ``--out`` and moved into
place at the end, under a lock (:mod:`toolkit.present.atomic`).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from . import __version__
from .corpus.config import ACTOR_TONE_MODELS
from .corpus.documents import load_corpus
from .corpus.partitions import is_lazy
from .corpus.reading import DEFAULT_MAX_BYTES
from .errors import CorpusWarning, ToolkitError
from .pipeline import DEFAULT_WORKERS, ENGINES, analyze, write_report
from .present.atomic import atomic_output
from .present.tables import write_corpus_tables, write_tables

EXIT_INPUT_ERROR = 2
EXIT_INTERNAL_ERROR = 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslens" if Path(sys.argv[0]).stem == "newslens" else "python -m toolkit",
        description="Compare how several news sources cover the same event.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, text in (
        ("corpus", "load a corpus and write its documents, units, sentences and removed lines as CSV"),
        ("analyze", "run every measure of a corpus and write its tables as CSV (a .jsonl or .parquet corpus is "
                    "read partition by partition, never whole)"),
        ("report", "run every analysis of a corpus and write its tables and report"),
    ):
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument("corpus", metavar="CORPUS", help="a folder of .txt/.md/.html articles, or a .jsonl, .csv or .parquet file")
        command.add_argument("--out", required=True, type=Path, metavar="OUT", help="output folder (created if missing)")
        command.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / 1e6, metavar="MB",
                             help="refuse articles larger than this (default: %(default)s)")
        command.add_argument("--text-column", metavar="NAME", help="text column of a .jsonl or .csv corpus")
        command.add_argument("--config", type=Path, metavar="TOML", help="corpus.toml to use (default: the corpus folder's)")
        command.add_argument("--keep-navigation", action="store_true", default=None,
                             help="load navigation pages (menus, lists of links or headlines) as articles; "
                                  "by default they are skipped with a warning")
        command.add_argument("--debug", action="store_true", help="show a traceback on unexpected errors")
        command.add_argument("--quiet", action="store_true", help="no progress bar and no summary line (warnings and errors still print)")
        if name in ("analyze", "report"):
            command.add_argument("--actor-tone", choices=ACTOR_TONE_MODELS, default=None,
                                 help="the model of tone toward actors: fast (the default) or contextual (more "
                                      "accurate, 1,200 to 1,500 words a second: for a handful of articles); "
                                      "default: corpus.toml's actor_tone, else fast")
            command.add_argument("--engine", choices=ENGINES, default="local",
                                 help="run the measures in this process (default) or on a Dask cluster")
            command.add_argument("--scheduler", metavar="ADDRESS",
                                 help="Dask scheduler address (tcp://host:8786); default: a local cluster of "
                                      f"{DEFAULT_WORKERS} worker processes, started for the run")
        if name == "report":
            command.add_argument("--by", choices=("doc_id", "outlet"), default="doc_id",
                                 help="compare documents (default) or outlets, pooling each outlet's articles")
    return parser


def _run(args: argparse.Namespace) -> list[Path]:
    if args.command != "corpus" and args.scheduler and args.engine != "dask":
        raise ToolkitError("--scheduler needs --engine dask")
    out = args.out
    with atomic_output(out, args.corpus) as temporary:
        args.out = temporary
        try:
            written = _write(args)
        finally:
            args.out = out
    return [out / Path(path).relative_to(temporary) for path in written]


def _write(args: argparse.Namespace) -> list[Path]:
    if args.command == "analyze" and is_lazy(args.corpus):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            tables = analyze(args.corpus, args.engine, scheduler=args.scheduler, max_bytes=int(args.max_mb * 1e6),
                             text_column=args.text_column, config=args.config, quiet=args.quiet,
                             keep_navigation=args.keep_navigation, actor_tone=args.actor_tone)
        for warning in caught:
            print(f"warning: {warning.message}", file=sys.stderr)
        return write_tables(tables, args.out)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(args.corpus, max_bytes=int(args.max_mb * 1e6), text_column=args.text_column, config=args.config,
                             keep_navigation=args.keep_navigation, actor_tone=getattr(args, "actor_tone", None))
    for notice in corpus.notices:
        print(f"warning: {notice}", file=sys.stderr)
    del caught
    if args.command == "corpus":
        return write_corpus_tables(corpus, args.out)
    if args.command == "analyze":
        return write_tables(analyze(corpus, args.engine, scheduler=args.scheduler, quiet=args.quiet), args.out)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        written = write_report(corpus, args.out, group_by=args.by, quiet=args.quiet, engine=args.engine, scheduler=args.scheduler)
    for warning in caught:
        if issubclass(warning.category, CorpusWarning):
            print(f"warning: {warning.message}", file=sys.stderr)
    return written


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        written = _run(args)
    except ToolkitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    except Exception as exc:  # noqa: BLE001 - the CLI never shows a bare traceback
        if args.debug:
            raise
        print(f"internal error: {type(exc).__name__}: {exc}\n  rerun with --debug for a traceback, and report it", file=sys.stderr)
        return EXIT_INTERNAL_ERROR
    problems = next((path for path in written if path.name == "problems.csv"), None)
    if problems is not None and len(problems.read_text(encoding="utf-8").splitlines()) > 1:
        print(f"warning: some sentences could not be measured and were left out; see {problems}", file=sys.stderr)
    if not args.quiet:
        print(f"wrote {len(written)} files to {args.out}")
    return 0
