"""The kind of text of each compared source, for the report's headings, row labels and comparisons.

Read from ``documents.text_type`` (see :mod:`toolkit.measures.text_type`)
through the document-to-source map of ``tables["sources"]``. A source pooling
documents of several kinds lists each kind once. When the table has no
``text_type`` column every helper returns an empty label, so the report reads
as before.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from ..compare.by_source import source_map
from ..measures.text_type import LABELS  # noqa: F401  (re-exported for the report and tests)

#: Each kind with its indefinite article and its plural, for sentences.
SINGULAR = {"news_report": "a news report", "opinion": "an opinion column", "analysis": "an analysis",
            "press_release": "a press release", "interview": "an interview", "conversational_reply": "a conversational reply"}
PLURAL = {"news_report": "news reports", "opinion": "opinion columns", "analysis": "analyses",
          "press_release": "press releases", "interview": "interviews", "conversational_reply": "conversational replies"}


def source_kinds(tables: dict) -> dict[str, tuple[str, ...]]:
    """Compared source -> its kinds of text (type codes, in document order); empty when untyped."""
    documents = tables.get("documents")
    if documents is None or "text_type" not in documents:
        return {}
    mapping = source_map(tables)
    out: dict[str, list[str]] = {}
    for doc_id, kind in zip(documents["doc_id"], documents["text_type"]):
        if isinstance(kind, str) and kind:
            out.setdefault(mapping.get(doc_id, doc_id), []).append(kind)
    return {source: tuple(dict.fromkeys(kinds)) for source, kinds in out.items()}


def kind_label(source: str, kinds: dict[str, tuple[str, ...]]) -> str:
    """The source's kind in words ("opinion / column"), or "" when untyped.

    >>> kind_label("a", {"a": ("opinion",)}), kind_label("b", {})
    ('opinion / column', '')
    """
    return ", ".join(LABELS.get(k, k) for k in kinds.get(source, ()))


def named(source: str, kinds: dict[str, tuple[str, ...]], code: bool = True) -> str:
    """The source's name with its kind in brackets: "`vale-times` (opinion / column)".

    >>> named("a", {"a": ("news_report",)})
    '`a` (news report)'
    """
    label = kind_label(source, kinds)
    shown = f"`{source}`" if code else source
    return f"{shown} ({label})" if label else shown


def _counted(kinds: list[str]) -> str:
    counts = Counter(kinds)
    parts = [(SINGULAR[k] if n == 1 else f"{n} {PLURAL[k]}") if k in SINGULAR else f"{n} × {k}"
             for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], list(SINGULAR).index(kv[0]) if kv[0] in SINGULAR else 99))]
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)


def side_by_side(source: str, others: list[str], kinds: dict[str, tuple[str, ...]]) -> str:
    """A sentence when comparing ``source`` with ``others`` pooled sets different kinds of text side by side; else "".

    >>> side_by_side("a", ["b", "c"], {"a": ("opinion",), "b": ("news_report",), "c": ("news_report",)})
    'This sets an opinion column beside 2 news reports: part of the difference may come from the kind of text.'
    """
    mine = kinds.get(source, ())
    theirs = [k for other in others for k in kinds.get(other, ())]
    if not mine or not theirs or len(set(mine) | set(theirs)) == 1:
        return ""
    own = _counted(list(mine)) if len(mine) == 1 else "a source of " + _counted(list(mine))
    return f"This sets {own} beside {_counted(theirs)}: part of the difference may come from the kind of text."


def mix(kinds: dict[str, tuple[str, ...]]) -> str:
    """The kinds of all compared sources counted ("2 analyses, an opinion column and a news report"), "" if one kind."""
    every = [k for source_kinds_ in kinds.values() for k in source_kinds_]
    return _counted(every) if len(set(every)) > 1 else ""


def with_kind_column(shown: pd.DataFrame, kinds: dict[str, tuple[str, ...]], column: str = "source") -> pd.DataFrame:
    """``shown`` with a "type of text" column right after its ``column`` of source names (unchanged when untyped)."""
    if not kinds or column not in shown:
        return shown
    out = shown.copy()
    out.insert(list(out.columns).index(column) + 1, "type of text", [kind_label(s, kinds) or "–" for s in out[column]])
    return out


def kind_headers(shown: pd.DataFrame, sources: list[str], kinds: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    """``shown`` with each source column renamed "source (kind)" (unchanged when untyped)."""
    if not kinds:
        return shown
    return shown.rename(columns={s: named(s, kinds, code=False) for s in sources if s in shown})


def among(sources: list[str], kinds: dict[str, tuple[str, ...]]) -> str:
    """A sentence when the sources of one comparison (a row of the facts grid, say) are of different kinds; else "".

    >>> among(["a", "b", "c"], {"a": ("conversational_reply",), "b": ("analysis",), "c": ("analysis",)})
    'This sets a conversational reply beside 2 analyses.'
    """
    every = [k for source in dict.fromkeys(sources) for k in kinds.get(source, ())]
    if len(set(every)) < 2:
        return ""
    counts = Counter(every)
    first = min(counts, key=lambda k: (counts[k], list(SINGULAR).index(k) if k in SINGULAR else 99))
    rest = list(every)
    rest.remove(first)
    return f"This sets {_counted([first])} beside {_counted(rest)}."
