"""Progress bars for long runs, quiet where nobody is watching.

A bar is shown only on an interactive terminal, never when the ``CI``
environment variable is set or ``--quiet`` is given, so logs stay clean.
"""

from __future__ import annotations

import os
import sys

from tqdm import tqdm


def wanted(quiet: bool = False) -> bool:
    """Should a progress bar be drawn?"""
    return not quiet and not os.environ.get("CI") and sys.stderr.isatty()


def bar(total: int, description: str, quiet: bool = False) -> tqdm:
    """A progress bar over ``total`` steps (disabled when not :func:`wanted`)."""
    return tqdm(total=total, desc=description, unit="step", disable=not wanted(quiet), leave=False)
