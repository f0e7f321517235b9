"""Write an output folder atomically, under a lock.

A run writes into a temporary folder beside ``OUT`` and moves it into place
only when everything is written, so a run that fails or is killed midway
leaves the previous output intact. A lock file beside ``OUT`` keeps two runs
from writing into the same folder at once. Both checks and the lock happen
before any analysis, so a bad ``--out`` is reported at once.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from pathlib import Path

from ..errors import ToolkitError

try:  # POSIX: an advisory lock the system releases when the process dies
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

#: Entries a run writes into ``OUT``; any other entry means the folder is not
#: a previous output, and replacing it would destroy someone's files.
OUTPUT_ENTRIES = {"data", "charts", "report.md", "report.html"}


class OutputError(ToolkitError):
    """The output folder cannot be used; the message names it and says what to do."""

    def __init__(self, path: object, problem: str, fix: str):
        self.path = str(path)
        super().__init__(f"{self.path}: {problem}\n  fix: {fix}")


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def check_out(out: str | Path, corpus: str | Path | list | None = None) -> Path:
    """Refuse an unusable output folder before any work is done; return it resolved.

    Raises
    ------
    OutputError
        When ``out`` is an existing file, lies in or is the corpus folder, holds
        the corpus or files a run did not write, or its parent cannot be written.
    """
    out = Path(out)
    try:
        resolved = out.resolve()
    except (OSError, RuntimeError) as exc:
        raise OutputError(out, f"the path cannot be resolved ({exc})", "give another --out folder") from None
    if out.exists() and not out.is_dir():
        raise OutputError(out, "--out is an existing file, not a folder", "give a folder path (it is created if missing)")
    if isinstance(corpus, (str, Path)) and Path(corpus).exists():
        corpus_path = Path(corpus).resolve()
        folder = corpus_path if corpus_path.is_dir() else None
        if folder is not None and _inside(resolved, folder):
            raise OutputError(out, f"--out is the corpus folder or inside it ({corpus})",
                              "write the report outside the corpus folder, or the next run would read it as an article")
        if _inside(corpus_path, resolved):
            raise OutputError(out, f"--out holds the corpus ({corpus}); a run replaces the whole output folder",
                              "give a separate output folder")
    if out.is_dir():
        try:
            foreign = sorted(entry.name for entry in out.iterdir() if entry.name not in OUTPUT_ENTRIES)
        except OSError as exc:
            raise OutputError(out, f"the folder cannot be read ({exc.strerror})", "check its permissions") from None
        if foreign:
            shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
            raise OutputError(out, f"--out holds files a run did not write ({shown}); a run replaces the whole folder",
                              "give a new or empty folder, or move those files out")
    parent = resolved.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(parent, f"the folder for --out cannot be created ({exc.strerror})",
                          "give an --out inside a folder you can write to") from None
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(parent, "the folder for --out is not writable", "give an --out inside a folder you can write to")
    return resolved


@contextlib.contextmanager
def _lock(out: Path):
    path = out.parent / f".{out.name}.lock"
    busy = OutputError(out, f"another run is writing to this folder (lock file {path.name} beside it)",
                       "wait for that run to finish, or give another --out")
    while True:
        try:
            handle = os.open(path, os.O_RDWR | os.O_CREAT | (0 if fcntl else os.O_EXCL), 0o644)
        except FileExistsError:
            raise busy from None
        except OSError as exc:
            raise OutputError(path, f"the lock file cannot be created ({exc.strerror})",
                              "give an --out inside a folder you can write to") from None
        if fcntl is None:
            break
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(handle)
            raise busy from None
        try:  # the holder before us may have removed the file after we opened it
            if os.fstat(handle).st_ino == os.stat(path).st_ino:
                break
        except FileNotFoundError:
            pass
        os.close(handle)
    try:
        os.write(handle, f"{os.getpid()}\n".encode())
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(handle)


@contextlib.contextmanager
def atomic_output(out: str | Path, corpus: str | Path | list | None = None):
    """Yield a temporary folder beside ``out``; on success it replaces ``out``.

    ``out`` is checked first (:func:`check_out`) and locked for the whole run.
    On an exception the temporary folder is removed and ``out`` is left as it
    was. Temporary folders left by killed runs are removed by the next run.

    Examples
    --------
    >>> with atomic_output("reports/x", "seeds") as folder:  # doctest: +SKIP
    ...     (folder / "report.md").write_text("...")
    """
    out = check_out(out, corpus)
    with _lock(out):
        previous = sorted(out.parent.glob(f".{out.name}.old-*"))
        if previous and not out.exists():  # a run killed between its two renames: restore the previous output
            os.replace(previous[0], out)
        for stale in out.parent.glob(f".{out.name}.tmp-*"):
            shutil.rmtree(stale, ignore_errors=True)
        for stale in out.parent.glob(f".{out.name}.old-*"):
            shutil.rmtree(stale, ignore_errors=True)
        token = secrets.token_hex(4)
        temporary = out.parent / f".{out.name}.tmp-{token}"
        temporary.mkdir()
        try:
            yield temporary
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
        old = out.parent / f".{out.name}.old-{token}"
        if out.exists():
            os.replace(out, old)
        os.replace(temporary, out)
        shutil.rmtree(old, ignore_errors=True)
