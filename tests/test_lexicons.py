"""Lexicons are general English, with provenance, and hold nothing about one event."""

import csv
import re
from importlib import resources

import pytest

LEXICON_DIR = resources.files("toolkit.lexicons")
FILES = sorted(p.name for p in LEXICON_DIR.iterdir() if p.name.endswith(".csv"))

#: Names specific to the seed event (countries, places, organisations,
#: people, commodities). No lexicon may hold them; corpus-specific names
#: belong in the corpus folder's corpus.toml.
DENY = [
    "pakistan", "pakistani", "islamabad", "china", "chinese", "beijing", "united states", "washington", "india",
    "iran", "afghanistan", "balochistan", "khyber", "pasni", "gwadar", "chabahar", "reko diq", "saindak",
    "ussm", "us strategic metals", "frontier works", "fwo", "cpec", "belt and road", "imf", "barrick",
    "trump", "sharif", "munir", "baker", "aurangzeb", "hastie", "white house", "state department",
    "rare earth", "rare-earth", "lithium", "copper", "antimony", "neodymium", "praseodymium", "tungsten", "minerals",
]
#: Columns that let a lexicon row say where it came from.
PROVENANCE = {"source", "note", "reason"}


#: Outlet names contain place names by nature ("Times of India"); they are a
#: general list of media brands and are checked by review, not by this list.
NAME_LISTS = {"outlets.csv"}


@pytest.mark.parametrize("name", [f for f in FILES if f not in NAME_LISTS])
def test_no_event_specific_terms(name):
    text = LEXICON_DIR.joinpath(name).read_text(encoding="utf-8").lower()
    found = [term for term in DENY if re.search(rf"(?<![a-z]){re.escape(term)}(?![a-z])", text)]
    assert not found, f"{name} holds event-specific terms: {found}"


@pytest.mark.parametrize("name", FILES)
def test_lexicons_have_provenance_and_are_documented(name):
    rows = list(csv.DictReader(LEXICON_DIR.joinpath(name).read_text(encoding="utf-8").splitlines()))
    assert rows
    assert PROVENANCE & set(rows[0]), f"{name} has no provenance column"
    assert f"`{name}`" in LEXICON_DIR.joinpath("README.md").read_text(encoding="utf-8")


def test_deny_list_catches_a_planted_term(tmp_path):
    text = "term,category\nrare earth,economic\n"
    assert any(re.search(rf"(?<![a-z]){re.escape(t)}(?![a-z])", text) for t in DENY)
