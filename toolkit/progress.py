"""Progress bars for long runs, quiet where nobody is watching.

A bar is shown on an interactive terminal or in a Jupyter notebook, never when
the ``CI`` environment variable is set, when output goes to a file or pipe,
or when ``--quiet`` (``quiet=True``) is given, so logs stay clean.
"""

from __future__ import annotations

import os
import sys

from tqdm import tqdm


def in_notebook() -> bool:
    """Is this code running in a Jupyter kernel?"""
    return "ipykernel" in sys.modules and type(sys.stderr).__module__.startswith("ipykernel")


def wanted(quiet: bool = False) -> bool:
    """Should a progress bar be drawn?"""
    return not quiet and not os.environ.get("CI") and (sys.stderr.isatty() or in_notebook())


def bar(total: int, description: str, quiet: bool = False) -> tqdm:
    """A progress bar over ``total`` steps (disabled when not :func:`wanted`)."""
    return tqdm(total=total, desc=description, unit="step", disable=not wanted(quiet), leave=False)
