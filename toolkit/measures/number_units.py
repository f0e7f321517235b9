"""Units and counted nouns: the versioned unit lexicon, lemmas of counted nouns, and reading either after a number."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import function_words, read_rows
from .number_forms import _ONES, _TENS, _WORD_SCALES

#: Currency and unit signs, read from ``lexicons/units.csv``.
_TIME_NOUNS = r"(?:day|week|month|year|hour|minute|second|share|person|head|capita|unit|night|game|season|century|gram|kilogram|kg|ton|tonne|barrel|litre|liter|gallon|ounce|pound|mile|km|kilometre|kilometer|square foot|square metre|kwh|mwh)"
_PER = re.compile(r"(?:\s*/\s*|\s+per\s+|\s+an?\s+(?=" + _TIME_NOUNS + r"\b)|\s+each\s+(?=" + _TIME_NOUNS + r"\b))"
                  r"(?P<per>(?i:" + _TIME_NOUNS + r")s?|[A-Za-z]{1,4}[0-9]?)(?![\w])", re.IGNORECASE)
_WORD = re.compile(r"[\s-]*(?P<w>[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z])")
#: A singular noun right after a number and before another noun: "12 page document", "11 member agreement".
_COMPOUND = re.compile(r"[ \t](?P<w>[a-z]{3,})[ \t](?P<n>[a-z]{3,})\b")
#: Endings of words that modify rather than name (adverbs, participles, adjectives).
_NOT_NOUN_ENDINGS = ("ly", "ing", "al", "ous", "ive", "ic", "ful", "less", "able", "ible", "est", "ish", "ent", "ant",
                     "ar", "ary")
#: Words looked at after a number for its counted noun ("14 first-team players").
NOUN_WINDOW = 6
#: A capitalised word that may modify a counted noun ("Vale", "Republican"): a word, not a number or initial.
_PROPER_MODIFIER = re.compile(r"[A-Z][a-z]{2,}\b(?![’'.-])")
#: Endings of a capitalised plural that counts people by party, faith or origin ("Republicans", "Democrats").
_PROPER_PLURALS = ("ans", "ats", "ists", "ers", "ites")
#: A lower-case modifier after "and" or "or" ("past and present").
_LOWER_MODIFIER = re.compile(r"\s+[a-z]{3,}\s")


def _plural_noun_follows(text: str, position: int, end: int, window: int = 4) -> bool:
    """Whether a plural word ends the next few words, with only words between (no punctuation):
    "... Vale Republican senators" has a counted noun to come."""
    following = re.match(r"(?:\s+[A-Za-z][a-z]+){1,%d}" % window, text[position:end])
    return bool(following) and any(w.endswith("s") and not w.endswith("ss") and w[:1].islower() or
                                   (w[:1].isupper() and w.endswith(_PROPER_PLURALS))
                                   for w in following.group(0).split())
#: Modifiers that may stand between a number and its noun though they are function words or end in -s.
_NOUN_MODIFIERS = frozenset("other more new additional further extra different separate previous various "
                            "famous serious numerous enormous anonymous dangerous such past present former current".split())
#: Words that are never the counted noun after a number, though they end in -s.
_NOT_NOUNS = frozenset(
    "was has is this his its us as yes thus plus less unless across previous various famous serious numerous "
    "enormous anonymous obvious nervous dangerous generous tremendous continuous simultaneous vs ago old "
    "always perhaps besides towards whereas sometimes nowadays afterwards hers ours theirs yours does goes "
    "means news series species gas bus bonus status virus campus census focus".split())
#: Plurals that suffix rules get wrong; the lemma is the singular noun.
_IRREGULAR = {
    "people": "person", "persons": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "police": "police", "staff": "staff", "cattle": "cattle",
    "personnel": "personnel", "troops": "troop", "lives": "life", "wives": "wife", "knives": "knife",
    "halves": "half", "leaves": "leaf", "shelves": "shelf", "thieves": "thief", "wolves": "wolf", "calves": "calf",
    "loaves": "loaf", "criteria": "criterion", "phenomena": "phenomenon", "data": "data", "media": "media",
    "analyses": "analysis", "crises": "crisis", "theses": "thesis", "diagnoses": "diagnosis", "indices": "index",
    "matrices": "matrix", "vertices": "vertex", "appendices": "appendix", "cacti": "cactus", "fungi": "fungus",
    "nuclei": "nucleus", "radii": "radius", "stimuli": "stimulus", "alumni": "alumnus", "heroes": "hero",
    "potatoes": "potato", "tomatoes": "tomato", "echoes": "echo", "vetoes": "veto", "torpedoes": "torpedo",
    "dice": "die", "oxen": "ox", "sheep": "sheep", "fish": "fish", "deer": "deer", "aircraft": "aircraft",
    "offspring": "offspring", "species": "species", "series": "series", "buses": "bus", "gases": "gas",
}


@dataclass(frozen=True)
class Unit:
    """One row of the unit lexicon (``lexicons/units.csv``)."""

    name: str
    kind: str
    dimension: str
    factor: float
    position: str


@lru_cache(maxsize=1)
def unit_lexicon() -> tuple[dict[str, Unit], dict[str, Unit], re.Pattern, re.Pattern]:
    """The unit lexicon: exact-case and case-folded alias tables, and the patterns after and before a number.

    Returns
    -------
    exact, folded : dict
        Alias -> :class:`Unit`; ``folded`` keys are ``str.casefold`` forms of
        the aliases whose ``case`` is ``any``.
    after, before : re.Pattern
        The aliases that may follow a number (longest first), and the currency
        signs that may precede one (matched at the end of the text before it).
    """
    exact: dict[str, Unit] = {}
    folded: dict[str, Unit] = {}
    after_any, after_exact, before = set(), set(), set()
    for row in read_rows("units.csv"):
        unit = Unit(row["unit"], row["kind"], row["dimension"], float(row["factor"]), row["position"])
        for alias in row["aliases"].split("|"):
            alias = alias.strip()
            if not alias:
                continue
            exact.setdefault(alias, unit)
            if row["case"] == "any":
                folded.setdefault(alias.casefold(), unit)
            if row["position"] in ("after", "both"):
                (after_any if row["case"] == "any" and len(alias) > 2 else after_exact).add(alias)
            if row["position"] in ("before", "both") and (not alias[0].isalpha() or alias.isupper() or len(alias) <= 4):
                before.add(alias)

    def alternation(aliases) -> str:
        return "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(aliases, key=len, reverse=True))

    tail = r"(?![A-Za-z0-9])"
    after = re.compile(r"(?:(?i:" + alternation(after_any) + r")|" + alternation(after_exact) + r")" + tail, re.ASCII)
    before = re.compile(r"(?<![A-Za-z])(?:" + alternation(before) + r")\s?$", re.ASCII)
    return exact, folded, after, before


def lookup_unit(alias: str) -> Unit | None:
    """The lexicon's unit for an alias as written (exact case first, then case-folded), or ``None``.

    >>> lookup_unit("KM").name, lookup_unit("tonſ").name, lookup_unit("furlongs") is None
    ('km', 'ton', True)
    """
    exact, folded, _, _ = unit_lexicon()
    alias = re.sub(r"\s+", " ", alias.strip())
    return exact.get(alias) or folded.get(alias.casefold())



@lru_cache(maxsize=4096)
def _lemma(word: str) -> str:
    """A plural noun's singular, lower case; other words unchanged.

    >>> [_lemma(w) for w in ("categories", "elements", "people", "fishermen", "boxes", "previous", "was", "lives")]
    ['category', 'element', 'person', 'fisherman', 'box', 'previous', 'was', 'life']
    """
    word = word.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word in _NOT_NOUNS or len(word) < 3:
        return word
    if word.endswith("men") and len(word) > 4 and not word.endswith(("imen", "omen", "umen", "amen")):
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is", "ous", "ics")) or not word.endswith("s"):
        return word
    return word[:-1]


def _singular(noun: str) -> str:
    """A counted noun's singular, for use as a unit (kept for earlier callers; see :func:`_lemma`).

    >>> [_singular(w) for w in ("categories", "elements", "people", "NGOs", "Treaties")]
    ['category', 'element', 'person', 'ngo', 'treaty']
    """
    if len(noun) > 2 and noun.endswith("s") and any(c.isupper() for c in noun[1:-1]):
        return noun[:-1].lower()  # "NGOs", "TDs": an acronym's plural
    return _lemma(noun)



class UnitReader:
    """Reads the unit or counted noun right after a number; mixed into the scanner (needs ``text``, ``start``, ``end``)."""

    def _unit_at(self, position: int, value_end: int) -> tuple[Unit | None, int, str]:
        """A unit from the lexicon right after a number (or its scale word)."""
        _, _, after, _ = unit_lexicon()
        gap = re.match(r"[ \t\u00a0]?-?[ \t\u00a0]?", self.text[position:self.end]) if position < self.end else None
        start = position + (gap.end() if gap else 0)
        match = after.match(self.text, start, self.end)
        if match is None:
            return None, position, ""
        alias = match.group()
        unit = lookup_unit(alias)
        if unit is None:
            return None, position, ""
        attached = start == value_end
        short = len(alias) <= 2 and not alias.isupper() or alias in ("in.", "l", "L", "t", "s", "h", "x", "A", "V", "W", "B", "b", "g", "m", "PS", "a")
        if short and not attached and start - value_end > 1:
            return None, position, ""
        if alias in ("s", "h", "x") and not attached:
            return None, position, ""
        if alias == "s" and "." not in self.text[max(self.start, value_end - 6):value_end]:
            return None, position, ""  # "1990s", "his 40s": decades, not seconds
        if alias == "p" and re.match(r"\.?[A-Za-z]", self.text[match.end():match.end() + 2]):
            return None, position, ""
        if alias in ("pound", "pounds") and re.match(r"\s+of\b", self.text[match.end():match.end() + 5]):
            unit = lookup_unit("lb")  # "half a pound of beef": a weight
        if short and re.match(r"[-'’]\w", self.text[match.end():match.end() + 2]):
            return None, position, ""
        return unit, match.end(), alias

    def _noun_at(self, position: int, proper: bool = False) -> tuple[str, int]:
        """The counted noun after a number: its lemma and end, or ("", position).

        The noun is the first plural among the next :data:`NOUN_WINDOW` words
        (modifiers such as "new", "other", "first-team" may come before it); a
        singular noun joined by a hyphen counts too ("a four-day visit"). With
        ``proper`` (a number written in words), capitalised modifiers and a
        capitalised plural count too ("five senior Vale Republicans"); after
        digits they are a name ("10 Downing Street").
        """
        hyphen = re.match(r"-(?P<w>[a-z]{3,})\b(?!-)", self.text[position:min(self.end, position + 30)])
        if hyphen and hyphen.group("w") not in function_words() and hyphen.group("w") not in _NOT_NOUNS:
            return _lemma(hyphen.group("w")), position + hyphen.end()
        end = position
        for index in range(NOUN_WINDOW):
            match = _WORD.match(self.text, end, self.end)
            if match is None or match.start("w") - end > 2:
                break
            word = match.group("w")
            lower = word.lower()
            if index and word[0].isupper():
                if not proper or not _PROPER_MODIFIER.match(self.text, match.start("w")):
                    break
                if word.endswith(_PROPER_PLURALS):
                    return _singular(word).lower(), match.end()  # "five senior Vale Republicans"
                if not _plural_noun_follows(self.text, match.end(), self.end):
                    break
                end = match.end()  # "five Vale Republican senators": a name as a modifier of the counted noun
                continue
            if index and lower in ("and", "or") and _plural_noun_follows(self.text, match.end(), self.end) \
                    and _LOWER_MODIFIER.match(self.text, match.end()):
                end = match.end()  # "five past and present senators": two modifiers joined
                continue
            if len(word) > 1 and word.isupper():
                end = match.end()  # an acronym or a name in capitals ("12 UN workers", "70 REUTERS") is no counted noun
                continue
            if lower not in _NOUN_MODIFIERS and (lower in function_words() or lower in _NOT_NOUNS or lower in _ONES
                                                 or lower in _TENS or lower in _WORD_SCALES):
                break
            lemma = _singular(word)
            if (lemma != lower or lower in _IRREGULAR) and lower not in _NOUN_MODIFIERS:
                return lemma, match.end()
            if self.text[match.end():match.end() + 1] in ",.;:)!?" or match.end() >= self.end:
                break
            end = match.end()
        return self._compound_at(position)

    def _compound_at(self, position: int) -> tuple[str, int]:
        """A singular noun used as a modifier right after a number ("a 12 page document"), or ("", position)."""
        compound = _COMPOUND.match(self.text, position, self.end)
        if compound is None:
            return "", position
        word, following = compound.group("w"), compound.group("n")
        if word in function_words() or word in _NOT_NOUNS or word in _NOUN_MODIFIERS or following in function_words() \
                or _lemma(word) != word or word.endswith(_NOT_NOUN_ENDINGS):
            return "", position
        return word, compound.end("w")


def lemma(word: str) -> str:
    """A noun's singular, lower case ("rockets" -> "rocket", "people" -> "person"); other words unchanged."""
    return _lemma(word)
