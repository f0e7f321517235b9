"""One measured run in a fresh process, for :mod:`toolkit.evaluation.bench`.

``python -m toolkit.evaluation.bench_process analyze CORPUS`` runs
:func:`toolkit.analyze` on ``CORPUS``; ``... report CORPUS OUT`` runs the
report command (``--by outlet``). Either prints one JSON line with the
seconds taken and the process's own peak memory in kB.
"""

from __future__ import annotations

import json
import resource
import sys
import time
import warnings


def peak_kb() -> int:
    """This process's own high-water mark (``ru_maxrss`` would include the parent's, copied at fork)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            return int(handle.read().split("VmHWM:")[1].split()[0])
    except (OSError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    warnings.simplefilter("ignore")
    started = time.perf_counter()
    if args[0] == "report":
        from ..cli import main as cli_main  # imported here, so that the measured memory starts from a bare process

        assert cli_main(["report", args[1], "--out", args[2], "--by", "outlet", "--quiet"]) == 0
    else:
        from ..pipeline import analyze

        analyze(args[1])
    print(json.dumps({"seconds": time.perf_counter() - started, "peak_kb": peak_kb()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
