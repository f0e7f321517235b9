"""Fast multi-phrase matching (Aho-Corasick) with word boundaries.

All lexicon look-ups go through :class:`PhraseMatcher`, which scans a text
once for every phrase of a lexicon instead of trying one regular expression
per term.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

import ahocorasick


@dataclass(frozen=True)
class PhraseMatch:
    """A phrase found in a text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    phrase: str
    payload: Any


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


@lru_cache(maxsize=16)
def fold_case(text: str) -> str:
    """Lower-case ``text`` without changing its length (so offsets survive).

    Remembered for the last few texts: a matcher is run sentence by sentence
    over one document's text, which would otherwise be folded every time.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class PhraseMatcher:
    """Find whole-word occurrences of many phrases at once.

    Parameters
    ----------
    phrases : iterable of (phrase, payload)
        A phrase ending in ``*`` matches any word that starts with it
        ("suggest*" matches "suggests", "suggested"). Several payloads may share
        one phrase.
    case_sensitive : bool
        Match case exactly (needed for names: "US" is not "us").

    Examples
    --------
    >>> m = PhraseMatcher([("according to", "attr"), ("suggest*", "hedge")])
    >>> [(x.surface, x.payload) for x in m.find("Reports suggested, according to aides.")]
    [('suggested', ('hedge',)), ('according to', ('attr',))]
    """

    def __init__(self, phrases: Iterable[tuple[str, Any]], case_sensitive: bool = False):
        self.case_sensitive = case_sensitive
        grouped: dict[str, list] = {}
        for phrase, payload in phrases:
            key = phrase if case_sensitive else fold_case(phrase)
            grouped.setdefault(key.strip(), []).append(payload)
        self._automaton = ahocorasick.Automaton()
        for key, payloads in grouped.items():
            prefix = key.endswith("*")
            needle = key.rstrip("*")
            if needle:
                self._automaton.add_word(needle, (key, prefix, tuple(payloads)))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str, start: int = 0, end: int | None = None, longest: bool = True) -> list[PhraseMatch]:
        """Matches in ``text[start:end]``, with offsets into ``text``.

        With ``longest`` (default) overlapping matches are resolved leftmost-
        longest, so "in fact" wins over "fact".
        """
        end = len(text) if end is None else end
        if self._empty or start >= end:
            return []
        haystack = text if self.case_sensitive else fold_case(text)
        found = []
        for last, (key, prefix, payloads) in self._automaton.iter(haystack, start, end):
            needle_len = len(key) - (1 if prefix else 0)
            first = last - needle_len + 1
            stop = last + 1
            if first > start and _is_word_char(haystack[first - 1]) and _is_word_char(haystack[first]):
                continue
            if prefix:
                while stop < end and _is_word_char(haystack[stop]):
                    stop += 1
            elif stop < end and _is_word_char(haystack[stop]) and _is_word_char(haystack[stop - 1]):
                continue
            found.append(PhraseMatch(first, stop, text[first:stop], key, payloads))
        if not longest:
            return sorted(found, key=lambda m: (m.start, m.end))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept, reach = [], -1
        for match in found:
            if match.start >= reach:
                kept.append(match)
                reach = match.end
        return kept
