"""A light check that a text is English, from its share of English function words.

Function words (the, of, and, to, ...) make up roughly 40-50% of running
English text (e.g. Biber et al., *Longman Grammar of Spoken and Written
English*, 1999); in other languages written in Latin script the English list
matches only a few per cent. The check is a warning, never a refusal.
"""

from __future__ import annotations

import re

from ..lexicons import function_words

#: Below this share of English function words a text is flagged as possibly
#: not English. Set well under the 0.4-0.5 of English prose so that headline
#: lists and tables are not flagged.
MIN_ENGLISH_SHARE = 0.15
#: Texts shorter than this many words are not judged.
MIN_WORDS = 30

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def english_share(text: str) -> tuple[float, int]:
    """Share of tokens that are English function words, and the token count.

    >>> round(english_share("The deal was signed in the capital and it is big.")[0], 2)
    0.55
    """
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    if not tokens:
        return 0.0, 0
    words = function_words()
    return sum(t in words for t in tokens) / len(tokens), len(tokens)


def seems_english(text: str) -> bool:
    """False when a text of some length has too few English function words."""
    share, count = english_share(text)
    return count < MIN_WORDS or share >= MIN_ENGLISH_SHARE
