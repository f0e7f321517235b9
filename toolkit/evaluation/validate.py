"""``python -m toolkit.evaluation.validate``: print every validation figure."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from .validation import validate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.evaluation.validate", description="Agreement of every measure with human-annotated gold.")
    parser.add_argument("--benchmarks", type=Path, help="folder of the public benchmark sets (skipped when absent)")
    parser.add_argument("--corpora", type=Path, help="folder of the development corpora (skipped when absent)")
    parser.add_argument("--corpus", type=Path, required=True, help="the annotated corpus (the seeds)")
    parser.add_argument("--gold", type=Path, required=True, help="folder of hand-made gold (tests/gold in the repository)")
    parser.add_argument("--out", type=Path, help="also write the table as CSV here")
    args = parser.parse_args(argv)
    table = validate(args.corpus, args.gold, args.benchmarks, log=lambda m: print(m, file=sys.stderr), corpora=args.corpora)
    with pd.option_context("display.max_rows", None, "display.width", 160, "display.float_format", "{:.3f}".format):
        print(table.to_string(index=False))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        table.to_csv(args.out, index=False, lineterminator="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
