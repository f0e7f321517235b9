"""Framing: which of the 15 Policy Frames Codebook dimensions each sentence invokes.

Boydstun, A. E., Card, D., Gross, J. H., Resnik, P., & Smith, N. A. (2014).
Tracking the development of media frames within and across policy issues.
(The codebook behind the Media Frames Corpus, Card et al. 2015.)

Each dimension has a cue lexicon written for this project in general English
(``lexicons/frames.csv``). A sentence carries a frame when at least
``min_cues`` of its cues occur in it; sentences may carry several frames.

Cues are read with their sense:

* a multiword cue beats the shorter cues inside or overlapping it
  ("foreign policy" is one external-relations cue, not also a policy cue);
* a cue that is part of a name or a title does not count: a capitalised cue
  inside a run of capitalised words ("Ministry of Defence", "Army Chief",
  "Health Secretary") unless the whole sentence is in title case, and a cue
  followed by an office title ("army chief", "health minister");
* a lexicon row may carry a ``context`` restriction: ``requires:a|b`` (one of
  these words must occur within :data:`CONTEXT_WINDOW` words of the cue) or
  ``forbids:a|b`` (none may); words ending in ``*`` match any word they start.

Frame shares count body sentences only (:func:`is_body_sentence`): titles,
headings, list labels and fragments such as "Here's why:" are left out.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ..corpus.documents import Corpus
from ..lexicons import read_rows
from ..text.phrases import PhraseMatch, PhraseMatcher
from ..text.structure import Sentence

#: The dimensions, in codebook order, with readable labels.
FRAMES = {
    "economic": "Economic",
    "capacity_resources": "Capacity and resources",
    "morality": "Morality",
    "fairness_equality": "Fairness and equality",
    "legality": "Legality, constitutionality, jurisprudence",
    "policy": "Policy prescription and evaluation",
    "crime_punishment": "Crime and punishment",
    "security_defense": "Security and defense",
    "health_safety": "Health and safety",
    "quality_of_life": "Quality of life",
    "cultural_identity": "Cultural identity",
    "public_opinion": "Public opinion",
    "political": "Political",
    "external_regulation_reputation": "External regulation and reputation",
    "other": "Other",
}
FRAME_COLUMNS = ["doc_id", "sentence_id", "frame", "n_cues", "cues", "spans"]
CUE_COLUMNS = ["doc_id", "sentence_id", "frame", "start", "end", "surface", "term"]

#: Words either side of a cue searched by a ``context`` restriction
#: (a short phrase window, as in keyword-in-context concordances).
CONTEXT_WINDOW = 4
#: Office titles: a cue right before one of them names an office ("army chief",
#: "health minister"), not the dimension. Common English titles of office from
#: the AP Stylebook's "titles" entry.
TITLE_NOUNS = frozenset({
    "chief", "chiefs", "minister", "ministers", "ministry", "secretary", "secretaries", "spokesman", "spokeswoman",
    "spokesperson", "adviser", "advisor", "advisers", "advisors", "commissioner", "commissioners", "czar", "tsar",
    "correspondent", "correspondents", "editor", "editors",
})
#: Small words that may join the capitalised words of one name
#: ("Ministry of Defence", "Department for Health and Safety").
NAME_JOINERS = frozenset({"of", "for", "and", "the", "on", "&"})
#: A sentence whose capitalised share of words reaches this is in title case,
#: so capitals there do not mark names.
TITLE_CASE_SHARE = 0.6
#: Unit kinds whose sentences are body text.
BODY_KINDS = ("paragraph", "list_item")
#: A body sentence has at least this many words; shorter ones are fragments or
#: labels ("Execution risk", "Here's why:").
MIN_BODY_WORDS = 4

_WORD = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*|&")


@lru_cache(maxsize=None)
def _lexicon() -> tuple[PhraseMatcher, dict]:
    """The cue matcher and the context restrictions by ``(term, frame)``."""
    rows = read_rows("frames.csv")
    restrictions = {}
    for row in rows:
        rules = []
        for part in filter(None, (p.strip() for p in (row.get("context") or "").split(";"))):
            kind, _, words = part.partition(":")
            if kind not in ("requires", "forbids"):
                raise ValueError(f"frames.csv: unknown context rule {part!r} for {row['term']!r}")
            rules.append((kind == "requires", tuple(w.strip().lower() for w in words.split("|") if w.strip())))
        if rules:
            restrictions[(row["term"].strip().lower(), row["frame"])] = tuple(rules)
    cased = frozenset(row["term"].strip().lower() for row in rows if row["term"] != row["term"].lower())
    exceptions: dict[str, set[str]] = {}
    for row in read_rows("frame_exceptions.csv"):
        exceptions.setdefault(row["term"].strip().lower(), set()).add(row["form"].strip().lower())
    return PhraseMatcher((row["term"], row["frame"]) for row in rows), {
        "context": restrictions, "cased": cased, "exceptions": exceptions}


def _matcher() -> PhraseMatcher:
    return _lexicon()[0]


def _word_matches(word: str, patterns: tuple[str, ...]) -> bool:
    return any(word.startswith(p[:-1]) if p.endswith("*") else word == p for p in patterns)


def _longest_first(matches: list[PhraseMatch]) -> list[PhraseMatch]:
    """Keep the longest of overlapping matches (more words first, then leftmost)."""
    ranked = sorted(matches, key=lambda m: (-len(m.phrase.split()), -(m.end - m.start), m.start))
    kept: list[PhraseMatch] = []
    for match in ranked:
        if all(match.end <= k.start or match.start >= k.end for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)


def _in_name(words: list[tuple[int, int, str]], first: int, last: int, title_case: bool) -> bool:
    """The cue spanning ``words[first:last + 1]`` is part of a name or an office title."""
    after = words[last + 1][2] if last + 1 < len(words) else ""
    if after.lower() in TITLE_NOUNS:
        return True
    if title_case or not words[first][2][:1].isupper():
        return False

    def capitalised(index: int, step: int) -> bool:
        index += step
        if 0 <= index < len(words) and words[index][2].lower() in NAME_JOINERS:
            index += step
        return 0 <= index < len(words) and words[index][2][:1].isupper() and words[index][2].lower() not in NAME_JOINERS

    # At a sentence start a capital is expected, so only a capitalised next word marks a name.
    return capitalised(last, 1) or (first > 0 and capitalised(first, -1))


def sentence_cues(text: str, start: int, end: int) -> list[tuple[int, int, str, str, str]]:
    """Frame cues of one sentence ``text[start:end]``, read with their sense.

    Returns
    -------
    list of (start, end, surface, frame, term)
        Offsets into ``text`` and the lexicon term matched (lower case); a
        cue listed under two frames yields two items.

    Examples
    --------
    >>> [c[2:4] for c in sentence_cues("The Army Chief praised the ceasefire.", 0, 37)]
    [('ceasefire', 'security_defense')]
    >>> [c[2:4] for c in sentence_cues("An important investigation into imports began.", 0, 47)]
    [('imports', 'economic')]
    """
    matcher, rules = _lexicon()
    matches = _longest_first(matcher.find(text, start, end, longest=False))
    if not matches:
        return []
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
    capitals = sum(1 for w in words if w[2][:1].isupper())
    title_case = len(words) >= 3 and capitals / len(words) >= TITLE_CASE_SHARE
    found = []
    for match in matches:
        indices = [i for i, w in enumerate(words) if w[0] < match.end and w[1] > match.start]
        if not indices:
            continue
        first, last = indices[0], indices[-1]
        if match.surface.lower() in rules["exceptions"].get(match.phrase, ()):
            continue  # a word the stem reaches that means something else ("important" for "import*")
        if match.phrase not in rules["cased"] and _in_name(words, first, last, title_case):
            continue
        window = [w[2].lower() for w in words[max(0, first - CONTEXT_WINDOW):first] + words[last + 1:last + 1 + CONTEXT_WINDOW]]
        for frame in dict.fromkeys(match.payload):
            restrictions = rules["context"].get((match.phrase, frame), ())
            if all(any(_word_matches(w, patterns) for w in window) == required for required, patterns in restrictions):
                found.append((match.start, match.end, match.surface, frame, match.phrase))
    return found


def is_body_sentence(sentence: Sentence) -> bool:
    """A sentence of running text: in a paragraph or list item, and not a fragment or label.

    >>> is_body_sentence(Sentence(0, 0, "paragraph", 0, 11, "Here's why:"))
    False
    """
    return is_body_text(sentence.kind, sentence.text)


def is_body_text(kind: str, text: str) -> bool:
    """:func:`is_body_sentence` for a sentence given by its kind and text (a row of ``sentences.csv``).

    >>> is_body_text("paragraph", "Execution risk"), is_body_text("paragraph", "The plan may fail in June.")
    (False, True)
    """
    if kind not in BODY_KINDS or text.rstrip().endswith(":"):
        return False
    return len(text.split()) >= MIN_BODY_WORDS


def frame_cues(corpus: Corpus) -> pd.DataFrame:
    """Every frame cue read in its sense: ``doc_id, sentence_id, frame, start, end, surface, term``.

    Offsets index into the document's cleaned text; ``term`` is the lexicon
    entry matched, in lower case ("secur*"). A phrase listed under two frames
    yields a row for each.
    """
    rows = []
    for doc in corpus:
        for sentence in doc.sentences:
            for start, end, surface, frame, term in sentence_cues(doc.text, sentence.start, sentence.end):
                rows.append((doc.doc_id, sentence.sentence_id, frame, start, end, surface, term))
    return pd.DataFrame(rows, columns=CUE_COLUMNS)


def frames(corpus: Corpus, min_cues: int = 1, cues: pd.DataFrame | None = None) -> pd.DataFrame:
    """Frames per sentence, multi-label.

    Parameters
    ----------
    min_cues : int, default 1
        Cues of a frame a sentence needs to carry it.

    Returns
    -------
    DataFrame
        One row per sentence and frame: ``doc_id, sentence_id, frame,
        n_cues``, ``cues`` (the cue words, ``;``-separated) and ``spans``
        (their ``start-end`` offsets, ``;``-separated).
    """
    cues = frame_cues(corpus) if cues is None else cues
    if cues.empty:
        return pd.DataFrame(columns=FRAME_COLUMNS)
    spans = cues["start"].astype(str) + "-" + cues["end"].astype(str)
    grouped = cues.assign(spans=spans).groupby(["doc_id", "sentence_id", "frame"], sort=False)
    table = grouped.agg(n_cues=("surface", "size"), cues=("surface", ";".join), spans=("spans", ";".join)).reset_index()
    return table[table["n_cues"] >= min_cues][FRAME_COLUMNS].reset_index(drop=True)
