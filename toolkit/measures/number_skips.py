"""Numbers that are not quantities: clock and lap times, scores, names holding a number, identifiers, page furniture,
"100 percent" said for "wholly" ("I 100 percent support it") and a year naming the thing after it ("the 2018 midterm")."""

from __future__ import annotations

import re

from ..lexicons import function_words
from .number_dates import _MONTHS_LOWER, _WEEKDAYS
from .number_forms import _SCALES
from .number_units import lookup_unit

_IDENTIFIER = re.compile(r"\b[A-Za-z]+-?[0-9]+[A-Za-z]*\b|\b[0-9]+[A-Za-z]+[0-9]+\b")
_CLOCK = re.compile(
    r"(?=[0-9(])(?:\b[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\.[0-9]+)?(?:\s?(?:[ap]\.?m\.?|GMT|UTC|ET|EST|EDT|BST|CET)(?![a-z]))?"
    r"|\b[0-9]{1,2}(?:[.:][0-9]{2})?\s?(?:[ap]\.m\.|[ap]m\b)"
    r"|\b[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z?"
    r"|\(\s?[0-9]{4}\s?(?:GMT|UTC)\s?\))", re.IGNORECASE)
#: Names that hold a number but state no quantity: mobile network generations ("5G"), "S&P 500", "COVID-19".
_NAMES = re.compile(r"(?=[2-6SCFDN])(?:\b[2-6]G\b(?!\s*(?:of|data)\b)|\bS\s?&?\s?P\s?(?:500|100|400|600)\b|\bCOVID-19\b|\bFTSE\s?(?:100|250)\b"
                    r"|\b(?:Dow|Nasdaq)\s+[0-9]+\b)")
#: Scores ("won 3-1", "89-89"): a hyphenated pair read downwards or level, with no unit.
_SCORE = re.compile(r"(?<![\w.,$£€-])(?P<a>[0-9]{1,3})-(?P<b>[0-9]{1,3})(?![\w%]|[.,][0-9]|-|\s*(?:%|percent|per\s+cent))")
_FURNITURE = re.compile(r"\b(?:Slideshow|Gallery|Photos?|Images?|Videos?)\s*\(\s*[0-9]+\s*(?:Images?|Photos?|Videos?)?\s*\)"
                        r"|\b[0-9]+\s+(?:Tags?|Comments?|Shares?|Likes?|Views?)\b(?=\s*$|\s*[|•])"
                        r"|\b(?:Get short URL|Share|Comments?)(?:\s+[0-9]+){1,4}\b")
#: A capitalised name right before a bare number names a thing ("Model 3",
#: "Game 2", "Section 427", "S&P 500"): the number is part of the name.
_NAME_BEFORE = re.compile(r"(?:(?<=[^\w\s])|(?<=\w\s)|(?<=\w\s\s))(?P<name>(?:[A-Z][\w&'’.]*|[a-z]+[A-Z]\w*))\s+$")
_ORDINAL = re.compile(r"\b[0-9]+(?:st|nd|rd|th)\b")
#: Words that number the things they name ("Model 3", "Game 2", "Section 427").
_NUMBERING_WORDS = frozenset("model game section row part chapter level class category type phase stage grade tier route "
                             "highway flight channel room apartment suite article act item no number vol volume page "
                             "season episode round gate terminal platform lane unit block floor".split())


#: "100 percent" as an intensifier: after a subject pronoun ("I 100 percent support"), or before a word of
#: certainty, agreement or support ("100% sure", "a hundred percent behind him"); no share of anything.
_INTENSIFIER = re.compile(
    r"(?i)(?:(?<=\bI\s)|(?<=\bwe\s)|(?<=\byou\s)|(?<=\bhe\s)|(?<=\bshe\s)|(?<=\bthey\s))(?:100|a\s+hundred|one\s+hundred)\s?(?:%|percent\b|per\s+cent\b)"
    r"|\b(?:100|a\s+hundred|one\s+hundred)\s?(?:%|percent\b|per\s+cent\b)(?=\s+(?:sure|certain|confident|committed|behind|right|wrong|"
    r"true|false|correct|convinced|agree[sd]?|support(?:s|ed|ive)?|honest|serious|accurate|clear|guaranteed|positive)\b)")
#: Words counted as plural without a final -s; a year before one of them may be a count ("2000 people").
_IRREGULAR_PLURALS = frozenset("people men women children police personnel staff cattle feet teeth mice sheep fish "
                               "livestock crew clergy militia".split())
#: Plural nouns a year names as one event ("the 2020 elections", "the 2016 Olympics"): general English.
_EVENT_PLURALS = frozenset("elections midterms olympics primaries polls games championships".split())
_HEAD_AFTER = re.compile(r"(?:\s+(?:[A-Z][\w’'.-]*|[a-z]+-[a-z]+))*?\s+(?P<head>[a-z][a-z-]*)")


def year_label(text: str, end: int) -> bool:
    """Whether a year-like number ending at ``end`` names the thing after it rather than counting it: the first
    lowercase word after it (capitalised words skipped) is singular ("2018 midterm", "his 2016 Democratic rival")
    or a plural that names one event ("2020 elections"). A count's noun is plural ("2000 people", "1,500 troops").

    >>> year_label("the 2018 midterm", 8), year_label("the 2016 Democratic rival", 8), year_label("about 2000 people", 10)
    (True, True, False)
    """
    match = _HEAD_AFTER.match(text, end)
    if match is None:
        return False
    head = match.group("head").lower()
    if head in _EVENT_PLURALS:
        return True
    plural = head in _IRREGULAR_PLURALS or (head.endswith("s") and not head.endswith(("ss", "us", "is")))
    return not plural and head not in function_words()


class SkipRules:
    """The scanner's handlers of numbers that state no quantity; mixed into the scanner (needs ``text``,
    ``start``, ``block``, ``_unit_at`` and ``_noun_at``)."""

    def _identifier(self, match: re.Match) -> None:
        token = match.group()
        if match.start() > 0 and self.text[match.start() - 1] in "$£€¥":
            return None  # "$US160": a currency written around the number
        if re.match(r"(?i)(?:minus|sub|over|under|above|below)-", token):
            return None  # "minus-1.4": a negative value
        letters = re.sub(r"[0-9.,]", "", token)
        prefix = re.match(r"[A-Za-z$]+", token)
        if re.fullmatch(r"[0-9]+[A-Za-z]+", token) and (
                letters.lower() in _SCALES or lookup_unit(letters) is not None or re.fullmatch(r"(?i:k|m|b|bn|mn|mln|tn)", letters)):
            return None  # "500M", "5bn", "10km", "128GB": quantities, not identifiers
        if prefix and lookup_unit(prefix.group()) is not None and lookup_unit(prefix.group()).kind == "money" \
                and re.fullmatch(r"[A-Za-z$]+[0-9]+(?:[A-Za-z]{0,3})", token):
            return None  # "RM79", "EUR50m": a currency written onto the number
        if re.fullmatch(r"[0-9]+[A-Za-z]+[0-9]+", token) and re.fullmatch(r"[0-9]+(?:x|X)10[0-9]*", token):
            return None
        self.block(match.start(), match.end())
        return None

    def _skip(self, match: re.Match) -> None:
        self.block(match.start(), match.end())
        return None

    def _score(self, match: re.Match) -> None:
        a, b = int(match.group("a")), int(match.group("b"))
        if self._unit_at(match.end(), match.end())[0] is not None or self._noun_at(match.end())[0]:
            return None  # "5-3 km": a unit follows, a (descending) range
        if a >= b and not (a == b and a > 200):
            self.block(match.start(), match.end())  # "won 3-1", "drew 2-2": a score, not a range
        return None

    def _is_name(self, a: int, left: int, strict: bool = False) -> bool:
        """A number right after a capitalised word that is not a sentence's first word: part of a name.

        With ``strict`` (the number counts a noun: "Model 3 sedans" but "In Syria 213 people"), only
        a word that is not a plain capitalised word (an acronym, "iPhone") or a word that numbers
        things ("Model", "Game", "Section") makes a name.
        """
        match = _NAME_BEFORE.search(self.text, max(self.start, left - 30), left)
        if match is None:
            return False
        name = match.group("name")
        lower = name.lower().rstrip(".")
        if lower in function_words() or lower in _MONTHS_LOWER or lower in _WEEKDAYS or lookup_unit(name) is not None:
            return False
        if strict and not (name.isupper() and len(name) > 1 or name[:1].islower() or lower in _NUMBERING_WORDS):
            return False
        return match.start("name") > self.start
