"""Where per-partition work runs: one partition after another here, or on a dask.distributed cluster.

:func:`cluster` yields a client of the cluster at an address, or of a
LocalCluster started (and stopped) for the run; :func:`gather` collects
results in submission order with a progress bar.
"""

from __future__ import annotations

import ast
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import ToolkitError
from .progress import bar

#: Workers of the LocalCluster started when no scheduler address is given.
DEFAULT_WORKERS = 2
#: How long to try reaching a scheduler given by address.
SCHEDULER_TIMEOUT = "20s"


def split(documents: list, size: int) -> list[list]:
    size = max(1, size)
    return [documents[i:i + size] for i in range(0, len(documents), size)]


def worker_count(client) -> int:
    """Worker processes of the cluster behind ``client`` (at least one)."""
    return max(1, len(client.scheduler_info().get("workers", {})))


def gather(client, futures: list, quiet: bool) -> list:
    """Results of ``futures`` in their order, with a progress bar as they complete."""
    from distributed import as_completed  # dask.distributed loads only when a cluster is used

    order = {future.key: i for i, future in enumerate(futures)}
    results: list = [None] * len(futures)
    with bar(len(futures), "measures (dask)", quiet) as progress:
        for future in as_completed(futures):
            results[order[future.key]] = future.result()
            progress.update()
    return results


def unguarded_script() -> str | None:
    """The path of the running script when it calls this at its top level without a ``__main__`` guard.

    A LocalCluster starts worker processes that import the script again; a
    top-level call would then start clusters in the workers, which fails with
    pages of multiprocessing errors. Found by reading the script: the
    top-level statement running now must be ``if __name__ == "__main__":``.
    """
    path = getattr(sys.modules.get("__main__"), "__file__", None)
    if not path or not str(path).endswith(".py") or Path(path).resolve().is_relative_to(Path(__file__).resolve().parent):
        return None
    frame = sys._getframe()
    while frame is not None and not (frame.f_code.co_name == "<module>" and frame.f_globals.get("__name__") == "__main__"):
        frame = frame.f_back
    if frame is None:
        return None
    try:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError, UnicodeDecodeError):
        return None
    for node in tree.body:
        if node.lineno <= frame.f_lineno <= (node.end_lineno or node.lineno):
            guarded = isinstance(node, ast.If) and "__name__" in ast.unparse(node.test)
            return None if guarded else str(path)
    return None


@contextmanager
def cluster(scheduler: str | None, workers: int) -> Iterator:
    """A client of the cluster at ``scheduler``, or of a LocalCluster started (and stopped) here."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        except OSError as exc:
            raise ToolkitError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); check the address, "
                               "or leave out --scheduler to start a local cluster") from None
        with client:
            yield client
        return
    script = unguarded_script()
    if script is not None:
        raise ToolkitError(
            f"{script}: analyze(..., engine=\"dask\") starts worker processes that import this script again, so it "
            "must not run at the script's top level\n  fix: put the call under `if __name__ == \"__main__\":`")
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client
