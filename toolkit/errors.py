"""Exception and warning types.

Every problem a user can cause names the file, says what is wrong and says
how to fix it. The command line prints these messages without a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


class ToolkitError(Exception):
    """Base class for every error the toolkit raises on purpose."""


class CorpusError(ToolkitError):
    """A corpus cannot be loaded as given.

    Parameters
    ----------
    path : str
        The file or folder at fault.
    problem : str
        What is wrong, in one sentence.
    fix : str
        What the user can do about it.
    """

    def __init__(self, path: object, problem: str, fix: str):
        self.path = str(path)
        self.problem = problem
        self.fix = fix
        super().__init__(f"{self.path}: {problem}\n  fix: {fix}")


class ConfigError(CorpusError):
    """A corpus configuration file (``corpus.toml``) is invalid."""


class CorpusWarning(UserWarning):
    """Something in a corpus was skipped, repaired or looks doubtful."""


@dataclass(frozen=True)
class Notice:
    """One warning about one input file, kept on the loaded corpus.

    Attributes
    ----------
    path : str
        The file concerned.
    code : str
        A stable short name, e.g. ``binary_skipped`` or ``not_english``.
    message : str
        The problem and what was done about it.
    """

    path: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def notify(notices: list[Notice], path: object, code: str, message: str) -> None:
    """Record a notice; :func:`toolkit.load_corpus` emits each as a :class:`CorpusWarning`."""
    notices.append(Notice(str(path), code, message))
