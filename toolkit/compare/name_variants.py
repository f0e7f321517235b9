"""When two spellings name one thing, and which words and figures are no fact a source can leave out.

Omissions are read from names: a source leaves out a name only when none of
its words names it. A name is written many ways in news copy, so words are
compared after folding:

- dots and a possessive are dropped ("F.B.I." is "fbi"; "Syria's", and the
  apostrophe-less "Syrias", are "syria");
- transliteration variants are one name: doubled letters, "ee"/"i",
  "ou"/"oo"/"u" and a final "h" after a vowel are folded ("Rashideen" and
  "Rashidin", "Ramousah" and "Ramusa"), and two words of the same length, the
  same first letter and the same consonants in the same places differ only in
  vowels ("Ahmed" and "Ahmad");
- a demonym or plural is its name: "Syrian", "Shiite" and "Iraqi" name
  "Syria", "Shia" and "Iraq".

Precision first: "Iran" and "Iraq", "Niger" and "Nigeria", "Sharif" and
"Sharia" stay apart. :func:`vague_amount` and :func:`day_words` say which
figures and words are no fact at all: "thousands", "billions", a bare month or
"Saturday".
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from functools import lru_cache

import pandas as pd

from ..corpus.documents import Corpus
from ..lexicons import read_rows
from ..text.dates import MONTHS as _MONTH_NUMBERS
from ..text.dates import WEEKDAYS
from .grouping import connected_groups

#: Suffixes that make a demonym, an adjective of a group or a plural of a name
#: ("Syrian", "Shiite", "Iraqi", "Sudanese", "Kurdish", "Sunnis"); the general
#: English derivational suffixes of nationality and membership.
NAME_SUFFIXES = ("ites", "ite", "ians", "ian", "eans", "ean", "ans", "an", "is", "i", "ese", "ish", "s", "'s", "’s")
#: The shortest stem a suffix may leave ("Shi" of "Shiite"): shorter stems match too much.
MIN_STEM = 3
#: The shortest word compared by its vowels alone: shorter words differ in too few letters.
MIN_VOWEL_VARIANT = 5
_VOWELS = frozenset("aeiouy")
#: Words for a day relative to the report, or a weekday: a date given this way is not left out.
RELATIVE_DAYS = frozenset("today yesterday tonight tomorrow overnight earlier later".split())
#: Days between a report's publication and the day a relative word ("yesterday", "today") can name.
RELATIVE_REACH = 1
#: Days between a report's publication and the day a bare weekday ("on Saturday") can name: the week around it.
WEEKDAY_REACH = 6
MONTHS = tuple(_MONTH_NUMBERS)
#: Plural number words and what quantifies them loosely: an amount of this kind is no figure to compare.
_VAGUE = re.compile(r"(?i)^\W*(?:(?:about|around|nearly|almost|over|more than|less than|fewer than|at least|up to|some|several|"
                    r"many|tens of|hundreds of|thousands of|the)\s+)*(?:dozens|scores|tens|hundreds|thousands|"
                    r"tens of thousands|hundreds of thousands|millions|billions|trillions|lakhs|crores)\b")


def strip_dots(text: str) -> str:
    """Initialisms written with dots, without them: "the F.B.I. said" is "the FBI said".

    >>> strip_dots("the F.B.I. and the U.N. said")
    'the FBI and the UN said'
    """
    return re.sub(r"\b((?:[A-Za-z]\.){2,})", lambda m: m.group(1).replace(".", ""), text)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A word lowered, without dots or a possessive, transliteration variants folded.

    >>> fold("Rashideen"), fold("Rashidin"), fold("Ramousah"), fold("F.B.I."), fold("Syria's")
    ('rashidin', 'rashidin', 'ramusa', 'fbi', 'syria')
    """
    w = word.lower().replace(".", "")
    w = re.sub(r"['’]s?$", "", w)
    w = w.replace("ee", "i").replace("ou", "u").replace("oo", "u")
    w = re.sub(r"(.)\1+", r"\1", w)
    if len(w) > 3 and w.endswith("h") and w[-2] in _VOWELS:
        w = w[:-1]
    return w


def _stems(word: str) -> set[str]:
    """The word and what is left when a name suffix is taken off (stems of at least :data:`MIN_STEM` letters)."""
    out = {word}
    for suffix in NAME_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            out.add(word[: -len(suffix)])
    return out


def _bases(word: str) -> set[str]:
    """The word, and the word without a final "a" or "e" ("Syria" is the base "Syri" of "Syrian", "Chile" of "Chilean")."""
    return {word, word[:-1]} if len(word) > MIN_STEM and word[-1] in "ae" else {word}


@lru_cache(maxsize=65536)
def same_name(a: str, b: str) -> bool:
    """Whether two words are one name written two ways (see the module docstring).

    >>> [same_name(x, y) for x, y in [("Rashidin", "Rashideen"), ("Shia", "Shiite"), ("Syrias", "Syria"),
    ...                               ("Iran", "Iraq"), ("Niger", "Nigeria"), ("Sharif", "Sharia")]]
    [True, True, True, False, False, False]
    """
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    if fa[0] != fb[0]:
        return False
    if len(fa) == len(fb) >= MIN_VOWEL_VARIANT and all(x == y or (x in _VOWELS and y in _VOWELS) for x, y in zip(fa, fb)):
        return True
    # raw words: a doubled letter can be a suffix's ("Shiite"); folded ones: transliteration folded
    for x, y in ((a.lower(), b.lower()), (fa, fb)):
        longer, shorter = (x, y) if len(x) >= len(y) else (y, x)
        if len(shorter) > MIN_STEM and _stems(longer) & _bases(shorter) - {longer}:
            return True
    return False


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def _skeleton(folded: str) -> str:
    """A folded word with its vowels blanked: words of one skeleton differ only in vowels."""
    return "".join("*" if c in _VOWELS else c for c in folded)


@lru_cache(maxsize=65536)
def _keys(word: str) -> frozenset[tuple[str, str]]:
    """Look-up keys under which :func:`same_name` can match a lowered word (see :class:`Vocabulary`)."""
    folded = fold(word)
    keys = {("f", folded)}
    if len(folded) >= MIN_VOWEL_VARIANT:
        keys.add(("v", _skeleton(folded)))
    for form in (word, folded):
        keys.update(("s", stem) for stem in _stems(form) - {form})
        if len(form) > MIN_STEM:
            keys.update(("b", base) for base in _bases(form))
    return frozenset(keys)


class Vocabulary(list):
    """The sorted, lowered words of a text (dots of initialisms dropped), with an index of their spelling keys
    so that :func:`mentions_name` tries only the words a name may match, and their case-kept forms. With
    ``names_only`` (the default), only words written with a capital are indexed: a name's other spelling is
    a name too."""

    def __init__(self, text: str, names_only: bool = True):
        tokens = set(_WORD.findall(strip_dots(text)))
        super().__init__(sorted({w.lower() for w in tokens}))
        self.exact = frozenset(tokens)
        self.names_only = names_only
        self.text = strip_dots(text).lower()
        self._index: dict[tuple[str, str], list[str]] | None = None

    @property
    def index(self) -> dict[tuple[str, str], list[str]]:
        """Spelling key -> words, built on first use."""
        if self._index is None:
            self._index = {}
            # names only: a spelling variant of a name is written with a capital
            for word in sorted({t.lower() for t in self.exact if t[:1].isupper() or not self.names_only}):
                for key in _keys(word):
                    self._index.setdefault(key, []).append(word)
        return self._index

    def candidates(self, part: str) -> set[str]:
        """Words that may be spellings of ``part`` (a superset of those :func:`same_name` accepts)."""
        folded = fold(part)
        wanted = {("f", folded), ("v", _skeleton(folded))}
        for form in (part, folded):
            wanted.update(("b", stem) for stem in _stems(form) - {form})
            wanted.update(("s", base) for base in _bases(form))
        return {w for key in wanted for w in self.index.get(key, ())}


#: What may stand between the words of a name written in a row: spaces, a hyphen, a possessive and the small
#: words of names ("Department of Homeland Security", "Bashar al-Assad").
_JOINER = r"(?:['’]s)?[\s\-–]+(?:(?:of|the|for|and|al|el|de|du|da|bin|ibn)[\s\-–]+)*"


def names_in(text: str) -> Vocabulary:
    """The words of a text as a :class:`Vocabulary`: dots of initialisms dropped, lowered, sorted, indexed."""
    return Vocabulary(text)


def mentions_name(words: list[str], name: str) -> bool:
    """Whether a source whose sorted lowered words are ``words`` names ``name``: some word starts with it, or
    is a spelling variant of it. A name of several words needs each of them.

    >>> mentions_name(names_in("The Syrian Observatory and Rashideen"), "Syria")
    True
    >>> mentions_name(names_in("The FBI said"), "F.B.I."), mentions_name(names_in("Iraq said"), "Iran")
    (True, False)
    """
    if isinstance(words, Vocabulary):
        vocabulary = words
    else:  # a bare word list: no text to read word order from
        vocabulary = Vocabulary(" ".join(words), names_only=False)
        vocabulary.text = ""
    parts = [p.lower() for p in re.findall(r"[^\W_]+", strip_dots(name))]
    if not parts:
        return False
    spellings = []
    for part in parts:
        at = bisect_left(vocabulary, part)
        variants = [w for w in vocabulary.candidates(part) if same_name(part, w)]
        if not (at < len(vocabulary) and vocabulary[at].startswith(part)) and not variants:
            return False
        spellings.append([re.escape(part) + r"[\w'’]*"] + [re.escape(w) for w in variants])
    if len(parts) == 1 or not vocabulary.text:
        return True
    # a name of several words: its words in a row ("Human Rights", not "human" here and "rights" there)
    phrase = _JOINER.join("(?:" + "|".join(s) + ")" for s in spellings)
    return re.search(r"(?<!\w)" + phrase + r"(?!\w)", vocabulary.text) is not None


#: Aliases shorter than this many letters ("US", "UN") are matched whole and in their case: lowered, they are
#: common words ("us") or start many ("un-").
SHORT_ALIAS = 4


def names_alias(text: str, words: Vocabulary, alias: str) -> bool:
    """Whether a text (its :class:`Vocabulary` ``words``) names ``alias``: a short alias whole and in its case,
    a longer one as :func:`mentions_name` reads it.

    >>> text = "Let us see what the UN says."
    >>> names_alias(text, names_in(text), "US"), names_alias(text, names_in(text), "U.N.")
    (False, True)
    """
    bare = strip_dots(alias)
    if len(re.sub(r"\W", "", bare)) < SHORT_ALIAS:
        if isinstance(words, Vocabulary) and _WORD.fullmatch(bare):
            return bare in words.exact
        return re.search(rf"(?<!\w){re.escape(bare)}(?!\w)", strip_dots(text)) is not None
    return mentions_name(words, bare)


def vague_amount(surface: str) -> bool:
    """Whether a figure is a vague amount ("thousands", "hundreds of civilians", "billions"), no digit in it.

    >>> vague_amount("thousands of evacuees"), vague_amount("billions"), vague_amount("3,000 people")
    (True, True, False)
    """
    return not re.search(r"[0-9]", str(surface)) and _VAGUE.match(str(surface)) is not None


def calendar_word(word: str) -> bool:
    """A month, a weekday or a word for a day relative to the report ("December", "Saturday", "yesterday")."""
    w = str(word).strip().lower()
    return w in MONTHS or w in WEEKDAYS or w in RELATIVE_DAYS


#: Phrases that place an event on the day of the report ("earlier in the day", "this morning").
_DAY_PHRASES = re.compile(r"(?i)\b(?:(?:earlier|later)\s+(?:in\s+the\s+day|today|tonight)|this\s+(?:morning|afternoon|evening))\b")


_DAY_WORDS = re.compile(r"(?i)\b(?:" + "|".join(WEEKDAYS + tuple(sorted(RELATIVE_DAYS))) + r")\b")


def day_words(text: str, day: dt.date | None, published: set[dt.date] | frozenset = frozenset()) -> list[str]:
    """Words of ``text`` that give the day ``day`` another way: its weekday ("on Saturday"), the day in digits
    ("15.04.2031"), or a day relative to the report ("yesterday", "earlier in the day"), whose day the text
    does not fix. When the text's publication days ``published`` are known, a relative day counts only
    within :data:`RELATIVE_REACH` days of one, and a weekday within :data:`WEEKDAY_REACH`.

    >>> day_words("The convoy was hit on Saturday.", dt.date(2017, 4, 15))
    ['Saturday']
    >>> day_words("The convoy was hit on Friday.", dt.date(2017, 4, 15))
    []
    >>> day_words("The convoy was hit yesterday.", dt.date(2017, 4, 15), {dt.date(2017, 6, 1)})
    []
    """
    if day is None:
        return []  # a year or a month is not said by a day word
    phrases, words = _day_tokens(text)

    def near(reach: int) -> bool:
        return not published or any(abs((p - day).days) <= reach for p in published)

    relative_ok, weekday_ok = near(RELATIVE_REACH), near(WEEKDAY_REACH)
    found = list(phrases) if relative_ok else []
    if str(day.year) in text:
        numeric = rf"(?<![0-9]){day.day:0>2}|(?<![0-9]){day.day}"
        found += [m.group() for m in re.finditer(
            rf"(?:{numeric})[./-]0?{day.month}[./-]{day.year}(?![0-9])|{day.isoformat()}", text)]
    for written in words:
        word = written.lower()
        if (relative_ok and word in RELATIVE_DAYS - {"earlier", "later"}) or (weekday_ok and
                word in WEEKDAYS and WEEKDAYS.index(word) == day.weekday() and written[0].isupper()):
            found.append(written)
    return found


@lru_cache(maxsize=4096)
def _day_tokens(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The day phrases and the weekday or relative-day words of a text, read once per text."""
    return tuple(m.group() for m in _DAY_PHRASES.finditer(text)), tuple(m.group() for m in _DAY_WORDS.finditer(text))


def source_days(documents: pd.DataFrame | None, unit: dict[str, str]) -> dict[str, set[dt.date]]:
    """Each source's known publication days (from the ``documents`` table's ``published``)."""
    out: dict[str, set[dt.date]] = {}
    if documents is None or "published" not in documents:
        return out
    for doc_id, published in zip(documents["doc_id"], pd.to_datetime(documents["published"], errors="coerce")):
        if pd.notna(published):
            out.setdefault(unit.get(doc_id, doc_id), set()).add(published.date())
    return out


def source_texts(corpus: Corpus, unit: dict[str, str]) -> dict[str, str]:
    """Each source's documents' texts, joined."""
    pooled: dict[str, list[str]] = {}
    for doc in corpus:
        pooled.setdefault(unit.get(doc.doc_id, doc.doc_id), []).append(doc.text)
    return {source: "\n".join(texts) for source, texts in pooled.items()}


def one_day(group) -> dt.date | None:
    """A date group's day, when it is one day."""
    low, high = getattr(group, "date_low", None), getattr(group, "date_high", None)
    if low is None or high is None or pd.isna(low) or pd.isna(high) or pd.Timestamp(low) != pd.Timestamp(high):
        return None
    return pd.Timestamp(low).date()


@lru_cache(maxsize=1)
def _outlet_names() -> frozenset[str]:
    return frozenset(strip_dots(row["name"]).lower() for row in read_rows("outlets.csv"))


def no_fact(actor: str) -> bool:
    """A name that is no fact a source can leave out: a month, a weekday, a relative day, a news outlet (a byline)."""
    return calendar_word(actor) or strip_dots(str(actor)).lower() in _outlet_names()


def merge_variants(mentions: pd.DataFrame) -> dict[str, str]:
    """Actor names that are spellings of one name (see :func:`same_name`; "Syria", "Syrian", "Syrias"), each
    mapped to the shortest of them (the most mentioned among equals), and a one-word name that is a word of
    exactly one longer name ("Observatory", "Trump") mapped to it."""
    counts = mentions["actor"].value_counts()
    labels = list(counts.index)  # most mentioned first
    by_shape: dict[tuple[int, str], list[str]] = {}
    for label in labels:
        parts = str(label).split()
        by_shape.setdefault((len(parts), fold(parts[0])[:1] if parts else ""), []).append(label)
    links = [(a, b) for group in by_shape.values() for i, a in enumerate(group) for b in group[i + 1:]
             if all(same_name(x, y) for x, y in zip(str(a).split(), str(b).split()))]
    merged: dict[str, str] = {}
    for members in connected_groups(labels, links):
        head = min(members, key=lambda m: (len(str(m)), -counts[m]))
        merged.update({m: head for m in members if m != head})
    # a one-word name that is a word of exactly one longer name is that name said short ("Observatory")
    holders: dict[str, list[str]] = {}
    for label in labels:
        if label not in merged and len(str(label).split()) > 1:
            for word in dict.fromkeys(fold(w) for w in str(label).split()):
                holders.setdefault(word, []).append(label)
    for label in labels:
        if label not in merged and len(str(label).split()) == 1 and len(holders.get(fold(str(label)), ())) == 1:
            merged[label] = holders[fold(str(label))][0]
    return merged


def aliases_of(corpus: Corpus, mentions: pd.DataFrame, merged: dict[str, str]) -> dict[str, list[str]]:
    """Every way each actor is written: its name, the corpus's aliases and the surfaces found in the text."""
    out: dict[str, list[str]] = {}
    for actor in getattr(getattr(corpus, "config", None), "actors", ()) or ():
        out.setdefault(merged.get(actor.name, actor.name), [actor.name]).extend(actor.aliases)
    for actor, surface in zip(mentions["actor"], mentions["surface"] if "surface" in mentions else mentions["actor"]):
        out.setdefault(merged.get(actor, actor), [merged.get(actor, actor)]).extend([actor, str(surface)])
    return {actor: list(dict.fromkeys(names)) for actor, names in out.items()}
