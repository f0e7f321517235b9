"""The facts grid: what each source says about each fact that at least two sources address.

A fact is a slot several sources fill: a quantity (from the aligned numbers,
:mod:`toolkit.compare.alignment`), the date of an event, a count of things
("two agreements" against "an agreement"), or the reaction attributed to an
actor ("X has not commented" against "X expressed concern"). For each fact
each source's cell holds its own wording, with offsets into its cleaned
text, or nothing (the source does not mention it).

Each fact gets a state:

``agree``
    every source that states it gives compatible values;
``differ``
    values differ, but both could be true (different times, bounds such as
    "at least", different qualifiers, a different but related party);
``contradict``
    two sources state values that cannot both be true: exact counts that
    differ in sentences sharing a named context, or an actor said to have
    reacted in one source and not to have reacted in another;
``inconsistent_within_source``
    one source gives two incompatible values for the same fact (two exact
    days, in different months, for the same event word; an actor said both
    to have reacted and not).

Precision comes before recall: a pair is called ``contradict`` only under the
narrow conditions above; every looser disagreement is ``differ``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache

import numpy as np
import pandas as pd

from ..lexicons import capitals, function_words, read_rows
from .alignment import FLOOR_RATIO, MAX_DATED_SPAN, MAX_DISPUTED_DAYS, overlaps
from .name_variants import vague_amount
from .quantity_events import TOLL_LABEL, described, toll_update

COLUMNS = ["fact_id", "kind", "label", "state", "source", "mentioned", "wording", "value", "doc_id", "sentence_id",
           "start", "end", "note"]
STATES = ("contradict", "inconsistent_within_source", "differ", "agree")
NOT_MENTIONED = "not mentioned"
#: The note of a figure whose sources measure different things (the number alignment's ``scope_differs``).
SCOPE_DIFFERS = "possibly not one quantity: what is measured differs"
#: Note of a party fact whose differing source also names the others' parties elsewhere in its text.
ANOTHER_NAME = "may be another name of one of them, or a further party"
#: The note of a toll some source says changed over time (the alignment's ``update_note``).
TOLL_CAVEAT = "so figures counted at different hours may differ without being wrong; this holds only for the sources that say so"
TOLL_UPDATED = f"some sources say the toll changed over time, {TOLL_CAVEAT}"
#: The note of a figure that sources state alike in different words ("pledged", "a memorandum of"): the
#: words are shown, but one figure described in other words is not a disagreement.
SAID_OF_DIFFERENT_THINGS = "the sources describe this figure in different words"
#: Words of a note that says the statements of a differing fact can all be true: second-hand words beside a silence,
#: "a memorandum" beside "two memorandums".
COMPATIBLE_NOTES = ("so it can stand beside", "which does not say there was only one")
#: Wordings quoted per kind of description in a note (a corpus of many sources lists the first ones).
NOTE_WORDS = 5
#: Words before a reaction that make it second-hand or uncertain ("there is even reporting that Norland
#: expressed concern"): such a report and a flat "has not commented" can both be true.
_SECOND_HAND = re.compile(r"\b(?:report(?:s|ed|edly|ing)?|according to|said to|is said|are said|sources?|allegedly|"
                          r"rumou?rs?|apparently|appears?|seem(?:s|ed)?|may|might|could|reportedly|claims?)\b", re.I)
#: Where a clause before a reaction ends: a comma, semicolon, colon or dash, or "but", "despite", "while".
_CLAUSE_BREAK = re.compile(r"[,;:—–]|\b(?:but|despite|while|although|though)\b")
#: The cell of a source that names the counted thing but gives no count or party.
WITHOUT_DETAIL = "mentions it without this detail"
#: Characters of a sentence kept around a mention in a cell (the full
#: sentence is in data/sentences.csv).
WORDING_CHARS = 260
#: Aligned quantities whose floors differ by more than this factor are reported as ``differ`` even when their
#: bounds overlap: the alignment's ``floors_differ`` (its own tolerance, OVERLAP_TOLERANCE, is for rounding).
AGREE_RATIO = FLOOR_RATIO

_STOP = frozenset("""a an the and or but of to in on at by for from with as that this these those which who whom whose
its it is was were be been being has have had will would could should may might can do does did not no than then
there their they them he she his her our we you your about after before into over under also more most some such
only other any each both between while when where what how why very just said says through during since until
against among later earlier already still even first last next""".split())
_MONTHS = frozenset("""january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec early late mid""".split())

# ----------------------------------------------------------------- counts

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1, "single": 1, "both": 2, "a pair of": 2}
#: Nouns after a number that are units or amounts, not things counted
#: (quantities of these are compared by the number alignment instead).
_UNIT_NOUNS = frozenset("""year years month months day days week weeks hour hours minute minutes percent per cent
million millions billion billions thousand thousands hundred hundreds dollars dollar times decade decades km miles
kilometres kilometers tons tonnes people persons other others more less of""".split())
_COUNTED = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3}(?![\d,.]))\s+"
    r"(?P<noun>(?:[A-Z][\w’'-]*(?:\s+(?:of|and)\s+[A-Z][\w’'-]*|\s+[A-Z][\w’'-]*){0,3})|[a-z][\w-]{3,}(?:\s+of\s+[a-z][\w-]{3,})?)")
_SINGLE = re.compile(
    r"\b(?P<n>[Aa]n?|[Oo]ne|single)\s+(?:\$?[\d.,]+\s*(?:million|billion|trillion)?\s+|[a-z][\w-]+\s+){0,2}?"
    r"(?P<noun>(?:[A-Z][\w’'-]*(?:\s+(?:of|and)\s+[A-Z][\w’'-]*|\s+[A-Z][\w’'-]*){0,3})|[a-z][\w-]{3,}(?:\s+of\s+[a-z][\w-]{3,})?)")
#: "a X" after a preposition places or describes (at a checkpoint, for a
#: country); only "a X" as what an action takes (signed a deal) says one.
_PLACE_BEFORE = re.compile(r"\b(?:at|in|on|into|onto|near|from|to|of|for|by|with|through|under|over|across|"
                           r"inside|outside|within|like|as|than|per|via|toward|towards|against)\s+$", re.I)
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,6}s?)\)")
_BOUNDED = re.compile(r"\b(?:at least|more than|over|nearly|about|around|up to|some|almost|roughly|dozens|several)\s+$",
                      re.I)
_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z][\w’'-]+")


def _singular(word: str) -> str:
    word = word.lower().rstrip("’'")
    for suffix, repl in (("ies", "y"), ("ums", "um"), ("sses", "ss"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + repl
    return word


def _count_key(noun: str) -> str:
    """A key for a counted noun: the initials of a capitalised phrase (so a
    phrase and its acronym meet), else the singular of its last word."""
    words = noun.split()
    if words and words[0][0].isupper():
        if len(words) > 1:
            return "".join(w[0].lower() for w in words)
        if sum(c.isupper() for c in words[0]) >= 2:  # an acronym, NGOs -> ngo
            return words[0].rstrip("s").lower()
        return _singular(words[0])
    if len(words) == 3 and words[1] == "of":  # status of forces -> sof
        return "".join(w[0] for w in words)
    return _singular(words[-1])


def _proper_context(text: str, skip: set[str]) -> set[str]:
    return {w.lower() for w in _PROPER.findall(text)} - skip


# ----------------------------------------------------------------- reactions

#: Verbs and phrases of a reaction attributed to an actor (general news usage).
_REACTED = (r"expressed (?:concern|alarm|regret|support|satisfaction|disappointment|opposition)|voiced concern|"
            r"condemned|critici[sz]ed|welcomed|praised|protested|objected|warned|rejected|denounced|branded|"
            r"reacted|responded|commented|hailed|slammed|blamed")
_SILENT = (r"(?:has|have|had|did) not (?:yet )?(?:commented|reacted|responded|spoken)(?: publicly)?|"
           r"(?:has|have) yet to (?:comment|react|respond)|declined to comment|refused to comment|"
           r"remained silent|(?:has|have|had) (?:made )?no (?:public )?comment")
#: What follows a silence in its sentence when others did react ("officials have not commented publicly, but state
#: media warn that ..."): the silence is one part of the actor's, not a denial that it reacted.
_BUT_OTHERS = re.compile(r"\s*[,;]?\s*(?:but|though|although|while|yet)\s+(?P<others>(?:[\w’'-]+\s+){0,5}?(?:"
                         + _REACTED + r"|warn|warns|say|says|said|call|calls|see|sees|describe|describes))\b")
_ACTOR = r"(?P<actor>(?:[A-Z][\w’'-]+\s+){0,2}(?:officials?|government|ministry|leaders?|authorities|spokesm[ae]n|[A-Z][\w’'-]+))"
_REACTION = re.compile(
    _ACTOR + r"\s+(?:(?:has|have|had|also|publicly|quickly|reportedly|later|officially)\s+){0,2}"
    r"(?P<verb>" + _SILENT + "|" + _REACTED + r")\b")
#: A reaction named by a noun after its actor's possessive ("Norland's public criticism", "despite Vale's
#: downplaying"): said in public, as the verbs above. A worry ("Norland's concerns") is no public act.
_REACTION_NOUN = re.compile(
    r"(?P<actor>(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?)[’']s\s+(?:(?:public|official|initial|formal|swift|"
    r"angry|muted|strong|sharp|own)\s+){0,2}(?P<verb>downplaying|criticism|condemnation|denials?|protests?|objections?|"
    r"rejection|warnings?|reaction|response|comments?|statements?|praise|welcome|silence)\b")
#: Actor words that name no one in particular.
_GENERIC_ACTORS = frozenset("the a an it this that he she they officials government ministry leaders authorities".split())


_WELCOMING = re.compile(r"welcom|prais|hail|support|satisfaction", re.I)
_HOSTILE = re.compile(r"condemn|critici|protest|object|reject|denounc|slam|blam|warn|concern|alarm|regret|"
                      r"disappoint|opposition|brand", re.I)


def _valence(verb: str) -> str:
    """``"welcoming"`` or ``"hostile"`` for a reaction's verb or noun, ``""`` for a neutral one ("responded")."""
    return "welcoming" if _WELCOMING.search(verb) else "hostile" if _HOSTILE.search(verb) else ""


def _actor_key(actor: str) -> str | None:
    """Who reacted, folded so that a country and its demonym meet (Kenya,
    Kenyan officials; Russia, Russian ministry): the first capitalised word,
    cut to its first four letters. A capital stands for its state ("Nairobi"
    is Kenya, :func:`~toolkit.lexicons.capitals`)."""
    words = actor.split()
    for n in (2, 1):
        state = capitals().get(" ".join(words[:n]).lower())
        if state:
            words = state.split()
            break
    for word in words:
        if word[0].isupper() and word.lower() not in _GENERIC_ACTORS:
            return word.lower()[:4]
    return None


# ----------------------------------------------------------------- shared pieces


def _wording(text: str, start: int, end: int, s_start: int, s_end: int) -> str:
    """The sentence holding ``[start, end)``, cut to :data:`WORDING_CHARS` around it."""
    if s_end - s_start <= WORDING_CHARS:
        return text[s_start:s_end].strip()
    left = max(s_start, min(start - WORDING_CHARS // 2, s_end - WORDING_CHARS))
    right = min(s_end, left + WORDING_CHARS)
    return ("…" if left > s_start else "") + text[left:right].strip() + ("…" if right < s_end else "")


def _sentence_rows(tables: dict) -> dict[str, list[tuple[int, int, int, str]]]:
    out: dict[str, list] = defaultdict(list)
    for row in tables["sentences"].itertuples(index=False):
        out[row.doc_id].append((int(row.sentence_id), int(row.start), int(row.end), str(row.text)))
    return out


def _statement(kind, key, label, source, doc_id, sid, start, end, wording, value, **extra) -> dict:
    return {"kind": kind, "key": key, "label": label, "source": source, "doc_id": doc_id, "sentence_id": sid,
            "start": start, "end": end, "wording": wording, "value": value, **extra}


# ----------------------------------------------------------------- extractors


def _quantity_statements(tables: dict, texts: dict[str, str], sentences: dict, sources: dict[str, str]) -> list[dict]:
    groups = tables["quantity_groups"]
    numbers = tables["numbers"]
    shared = groups[(groups["n_sources"] >= 2) & (groups["kind"] != "date")]
    status = dict(zip(shared["group_id"], shared["status"]))
    labels = dict(zip(shared["group_id"], shared["label"]))
    scopes = dict(zip(shared["group_id"], shared["scope_note"].fillna(""))) if "scope_note" in shared else {}
    updated = set(shared.loc[shared["update_note"].fillna("").astype(bool), "group_id"]) if "update_note" in shared else set()
    spans = {doc: {sid: (a, b) for sid, a, b, _ in rows} for doc, rows in sentences.items()}
    members = numbers[numbers["group_id"].isin(status)]
    vague = np.array([vague_amount(str(s)) for s in members["surface"]], dtype=bool)
    # a group of vague amounts only ("billions", "thousands") is no fact sources can agree or differ on
    precise = set(members["group_id"][~vague])
    out = []
    doc_updates = {doc: cue for doc in members["doc_id"].unique() if (cue := toll_update(texts[doc]))}
    # a vague amount ("billions of dollars") beside a figure of the same source says nothing the figure does not
    firm = set(zip(members["group_id"][~vague], members["doc_id"][~vague]))
    kept = members["group_id"].isin(precise).to_numpy()
    for row, loose in zip(members[kept].itertuples(index=False), vague[kept]):
        if loose and (row.group_id, row.doc_id) in firm:
            continue
        a, b = spans[row.doc_id][int(row.sentence_id)]
        exact = not bool(row.approx) and not (isinstance(row.bound, str) and row.bound) and not bool(row.hedged)
        out.append(_statement("quantity", row.group_id, labels[row.group_id] or row.surface, sources[row.doc_id],
                              row.doc_id, int(row.sentence_id), int(row.start), int(row.end),
                              _wording(texts[row.doc_id], int(row.start), int(row.end), a, b), row.surface,
                              status=status[row.group_id], scope=scopes.get(row.group_id, ""), exact=exact, kind_of=row.kind,
                              updated=row.group_id in updated,
                              # the article says elsewhere that its toll changes ("Death toll mounts ...", "the toll
                              # was likely to rise"): its figure is one hour's count
                              doc_update=doc_updates.get(row.doc_id, "") if TOLL_LABEL.search(labels[row.group_id] or "") else "",
                              said_by=getattr(row, "attributed_to", "") if isinstance(getattr(row, "attributed_to", ""), str) else "",
                              low=float(row.low) if pd.notna(row.low) else 0.0,
                              high=float(row.high) if pd.notna(row.high) else math.inf,
                              described=described(texts[row.doc_id], int(row.start), int(row.end), a, b)))
    return out


def _iso(day) -> str:
    """A date column's value as an ISO day (``""`` when missing)."""
    return "" if pd.isna(day) else pd.Timestamp(day).date().isoformat()


def compatible(note) -> bool:
    """Whether a differing fact's note says its statements can all be true (different words or measures, no conflict)."""
    return isinstance(note, str) and (note.startswith((SAID_OF_DIFFERENT_THINGS, SCOPE_DIFFERS))
                                      or any(words in note for words in COMPATIBLE_NOTES))


@lru_cache(maxsize=1)
def _date_events() -> dict[str, str]:
    """Words naming an event a date can be the date of, each with the event's name: the event words of
    ``quantity_events.csv`` (named by their kind: "cargo" is a shipment) and ``date_events.csv``."""
    words = {row["word"]: row["class"].replace("_", " ") for row in read_rows("quantity_events.csv") if row["role"] == "event"}
    words.update({row["word"]: row["event"] for row in read_rows("date_events.csv")})
    return words



#: Words after a date read for its event when the date opens its sentence (else three).
SENTENCE_OPENING_REACH = 6


def _dated_windows(tables: dict, texts: dict[str, str], sentences: dict) -> list[tuple]:
    """Each date of the numbers table with the event words (``date_events.csv``) six words before it or three
    after (six after a date that opens its sentence), and its sentence's span: ``(row, words, (start, end))``."""
    numbers = tables["numbers"]
    events = _date_events()
    dates = numbers[(numbers["kind"] == "date") & numbers["date_low"].notna()]
    spans = {doc: {sid: (a, b) for sid, a, b, _ in rows} for doc, rows in sentences.items()}
    found = []
    for row in dates.itertuples(index=False):
        text = texts[row.doc_id]
        a, b = spans[row.doc_id][int(row.sentence_id)]
        before = re.findall(r"[A-Za-z][\w-]+", text[a:int(row.start)])[-6:]
        # a date that opens its sentence dates the clause it opens: "In May, the two states signed ..."
        reach = 3 if len(before) > 2 else SENTENCE_OPENING_REACH
        after = re.findall(r"[A-Za-z][\w-]+", text[int(row.end):b])[:reach]
        window = [events[w.lower()] for w in before + after if w.lower() in events]
        found.append((row, window, (a, b)))
    return found


def _group_events(groups: pd.DataFrame) -> dict[str, str]:
    """The event of each date group the number alignment named after the kind of event every date of it is the
    date of ("date of the signing" -> ``{"q022": "signing"}``); a name joining two kinds ("meeting or visit") or
    carrying words of its own in brackets names no single event."""
    dated = groups[(groups["kind"] == "date") & (groups["n_sources"] >= 2)]
    out = {}
    for group_id, label in zip(dated["group_id"], dated["label"]):
        match = re.fullmatch(r"date of the ([a-z ]+)", str(label))
        if match and " or " not in match.group(1):
            out[str(group_id)] = match.group(1)
    return out


def _date_statements(found: list[tuple], texts: dict[str, str], sources: dict[str, str],
                     group_events: dict[str, str] | None = None) -> list[dict]:
    """Dates tied to the event words next to them: the words of ``date_events.csv`` ("attack", "signed",
    "meeting") within a few tokens of the date that other sources also put next to a date. Other words are
    no event: "the party's positions this week" and "help the party in November" are not two dates of one thing.
    ``found``: :func:`_dated_windows`."""
    by_word: dict[str, set[str]] = defaultdict(set)
    by_doc_word: dict[tuple, int] = defaultdict(int)
    for row, window, _ in found:
        for word in set(window):
            by_word[word].add(sources[row.doc_id])
            by_doc_word[(row.doc_id, word)] += 1
    chosen = {}
    for k, (row, window, _) in enumerate(found):
        # an event word other sources also date, else one this source dates twice
        shared = [w for w in window if len(by_word[w]) >= 2 or by_doc_word[(row.doc_id, w)] >= 2]
        if shared:
            chosen[k] = max(shared, key=lambda w: (len(by_word[w]), by_doc_word[(row.doc_id, w)]))
    # dates the number alignment put in one group are dates of one event: they share its word
    # ("the first shipment under this deal was dispatched in early October" beside "the shipment left on October 7")
    group_of = {k: str(row.group_id) for k, (row, _, _) in enumerate(found) if isinstance(row.group_id, str)}
    words_of_group: dict[str, Counter] = defaultdict(Counter)
    for k, word in chosen.items():
        if k in group_of:
            words_of_group[group_of[k]][word] += 1
    for k, group in group_of.items():
        if group in (group_events or {}):
            # the alignment found the same kind of event beside every date of the group, so the numbers and the
            # facts name the same dates of one event ("early September" of "signed a memorandum ... in early
            # September", too far from "signed" for the window above)
            chosen[k] = group_events[group]
        # a date with an event word of its own only ("this week said" is the date of a statement, not of the event)
        elif words_of_group[group] and found[k][1] and sum(g == group for g in group_of.values()) >= 2:
            chosen[k] = words_of_group[group].most_common(1)[0][0]
    out = []
    for k, (row, window, (a, b)) in enumerate(found):
        if k not in chosen:
            continue
        word = chosen[k]
        out.append(_statement("event_date", word, f"date of the {word}", sources[row.doc_id], row.doc_id,
                              int(row.sentence_id), int(row.start), int(row.end),
                              _wording(texts[row.doc_id], int(row.start), int(row.end), a, b), row.surface,
                              low=_iso(row.date_low), high=_iso(row.date_high)))
    return out


def _count_statements(texts: dict[str, str], sentences: dict, sources: dict[str, str]) -> list[dict]:
    explicit, single = [], []
    for doc_id, rows in sentences.items():
        text = texts[doc_id]
        for sid, a, b, sentence in rows:
            for pattern, bucket in ((_COUNTED, explicit), (_SINGLE, single)):
                for m in pattern.finditer(sentence):
                    noun = m.group("noun")
                    head = noun.split()[0].lower()
                    if head in _UNIT_NOUNS or head in _MONTHS or noun.lower() in _STOP:
                        continue
                    n = m.group("n")
                    value = int(n) if n.isdigit() else _NUMBER_WORDS.get(n.lower(), 0)
                    if pattern is _COUNTED and (value < 2 or _BOUNDED.search(sentence[:m.start()])):
                        continue
                    if pattern is _SINGLE and (re.search(r"[a-z][^s]s$", noun.split()[-1])
                                               or _PLACE_BEFORE.search(sentence[:m.start()])):
                        continue  # "a convoy of buses" is not one bus; "at a transit point" counts nothing
                    after = _ACRONYM.match(sentence, m.end("noun") + 1) if pattern is _COUNTED else None
                    keys = {_count_key(noun)} | ({_count_key(after.group(1))} if after else set())
                    start, end = a + m.start(), a + m.end()
                    bucket.append(_statement("count", keys, noun, sources[doc_id], doc_id, sid, start, end,
                                             _wording(text, start, end, a, b), f"{n} {noun}", count=value,
                                             context=_proper_context(sentence, set(noun.lower().split()))))
    by_key = defaultdict(list)
    for s in single:
        for key in s["key"]:
            by_key[key].append(s)
    out = []
    for stated in explicit:
        for key in sorted(stated["key"]):
            if len(key) < 3:
                continue
            # a single mention counts only in a sentence naming something the count's sentence names
            singles = [s for s in by_key.get(key, ()) if s["source"] != stated["source"]
                       and s["context"] & stated["context"]]
            if not singles:
                continue
            out.append({**stated, "key": key})
            for s in singles:
                out.append({**s, "key": key})
    return out


def _reaction_statements(texts: dict[str, str], sentences: dict, sources: dict[str, str]) -> list[dict]:
    """Reactions of actors: a verb ("Vale condemned", "Norland has not commented") or, for an actor some
    source gives such a verb, a noun after the actor's possessive ("despite Vale's public downplaying")."""
    out, nouns = [], []
    for doc_id, rows in sentences.items():
        for sid, a, b, sentence in rows:
            found = [(m, False) for m in _REACTION.finditer(sentence)] + [(m, True) for m in _REACTION_NOUN.finditer(sentence)]
            for m, noun in found:
                key = _actor_key(m.group("actor"))
                if key is None:
                    continue
                silent = re.fullmatch(_SILENT, m.group("verb")) is not None or m.group("verb") == "silence"
                others = _BUT_OTHERS.match(sentence, m.end()) if silent else None
                start, end = a + m.start(), a + m.end()
                # a cue of hearsay in the reaction's own clause ("Reports suggest Vale has branded"), not in an
                # earlier clause ("Norland may defy Vale's terms, straining ties despite Vale's downplaying")
                clause = _CLAUSE_BREAK.split(sentence[:m.start()])[-1]
                hedge = _SECOND_HAND.search(clause)
                (nouns if noun else out).append(_statement(
                    "reaction", key, f"reaction of {m.group('actor').strip()}", sources[doc_id], doc_id, sid, start,
                    end, _wording(texts[doc_id], start, end, a, b), m.group(0), silent=silent, verb=m.group("verb"),
                    second_hand=hedge.group(0) if hedge else "", others=others.group(0).strip(" ,;") if others else ""))
    keys = {s["key"] for s in out}
    return out + [s for s in nouns if s["key"] in keys]


# ----------------------------------------------------------------- parties

#: Head words of an organisation's name (general).
_ORG_HEADS = (r"Organi[sz]ation|Corps|Company|Corporation|Ministry|Agency|Authority|Department|Bank|Council|"
              r"Committee|Group|Metals|Industries|Holdings|Bureau|Commission|Institute|Association|Union|Fund|Board|"
              r"Office|Service|Forces|Army|Navy|Party|Federation|Foundation|Enterprises|Limited|Ltd|Inc")
_ORG = re.compile(r"\b((?:[A-Z][\w’'-]+\s+){1,4}(?:" + _ORG_HEADS + r"))\b(?:\s+\(([A-Z]{2,6})\))?")


#: A title right after an organisation's name makes the name part of a person's title.
_TITLE_AFTER = re.compile(r"\s+(?:Chief|Chairman|Chairwoman|Chair|Head|Commander|Minister|Secretary|Director|Spokes(?:man|woman|person)|"
                          r"President|CEO|Official|Officer|General)\b")


def _org_key(name: str) -> str:
    """An organisation folded to its initials (World Health Organization -> who), so that it meets its acronym."""
    words = [w for w in name.split() if w[:1].isupper() and not w.endswith(("’s", "'s"))]
    return "".join(w[0] for w in words).lower()


def _party_statements(counts: list[dict], texts: dict[str, str], sentences: dict, sources: dict[str, str]) -> list[dict]:
    """The organisations named as parties to a counted thing (an agreement, a deal), in every
    sentence of a source that names that thing; a source's party is one no other source names
    for it when the others share one."""
    keys = {s["key"] for s in counts}
    names = {k: Counter(str(s["label"]).lower() for s in counts if s["key"] == k).most_common(1)[0][0] for k in keys}
    patterns = {}
    for s in counts:
        noun = str(s["label"])
        patterns.setdefault(s["key"], set()).add(re.escape(noun.split()[0][:6]))
    out = []
    for key in keys:
        words = re.compile(r"\b(?:" + "|".join(sorted(patterns[key])) + r"|" + re.escape(key) + r")", re.I)
        for doc_id, rows in sentences.items():
            for sid, a, b, sentence in rows:
                if not words.search(sentence):
                    continue
                for m in _ORG.finditer(sentence):
                    if _TITLE_AFTER.match(sentence, m.end(1)):
                        continue  # "Norland Army Chief Jo Bell": a person's title, not a party
                    name = re.sub(r"^(?:The|A|An|In|On|With|And|But)\s+", "", m.group(1))
                    org_keys = {_org_key(name)} | ({m.group(2).lower()} if m.group(2) else set())
                    start, end = a + m.start(1), a + m.end(1)
                    out.append(_statement("party", f"party:{key}", f"parties to the {names[key]}", sources[doc_id], doc_id,
                                          sid, start, end, _wording(texts[doc_id], start, end, a, b), name,
                                          orgs=org_keys))
    return out


# ----------------------------------------------------------------- states


def _date_overlap(x: dict, y: dict) -> bool:
    """Whether two dates can be the same day; a date written without a year
    ("early July") is compared on month and day only."""
    xl, xh, yl, yh = x["low"], x["high"], y["low"], y["high"]
    if not (re.search(r"\d{4}", str(x["value"])) and re.search(r"\d{4}", str(y["value"]))):
        # a range across the new year ("this week" from 31 December) is two ranges of month and day
        first = [(xl[5:], xh[5:])] if xl[5:] <= xh[5:] else [(xl[5:], "12-31"), ("01-01", xh[5:])]
        second = [(yl[5:], yh[5:])] if yl[5:] <= yh[5:] else [(yl[5:], "12-31"), ("01-01", yh[5:])]
        return any(not (ah < bl or bh < al) for al, ah in first for bl, bh in second)
    return not (xh < yl or yh < xl)


def _span_days(statement: dict) -> int:
    """Days between a date statement's first and last day (a year: 364)."""
    try:
        return (dt.date.fromisoformat(statement["high"]) - dt.date.fromisoformat(statement["low"])).days
    except (TypeError, ValueError):
        return 0


def _events_apart(statements: list[dict]) -> bool:
    """Every two sources' dates are further apart than :data:`~toolkit.compare.alignment.MAX_DISPUTED_DAYS`:
    dates of two events of one kind (two meetings), as the alignment reads them, not a dispute over one date."""
    def day(value: str) -> dt.date:
        return dt.date.fromisoformat(str(value)[:10])

    # a year alone ("the first meeting of 2019") says when in general, not which event (the alignment's rule)
    dated = [s for s in statements if (day(s["high"]) - day(s["low"])).days <= MAX_DATED_SPAN]
    pairs = [(x, y) for x in dated for y in dated if x["source"] < y["source"]]
    return bool(pairs) and all(max((day(y["low"]) - day(x["high"])).days, (day(x["low"]) - day(y["high"])).days)
                               > MAX_DISPUTED_DAYS for x, y in pairs)


def _state(kind: str, statements: list[dict]) -> str:
    by_source = defaultdict(list)
    for s in statements:
        by_source[s["source"]].append(s)
    if kind == "quantity":
        status = statements[0]["status"]
        if status == "inconsistent_within_source":
            # two figures in one article are often two things (killed, injured):
            # the alignment's call is not firm enough to say the source contradicts itself
            return "differ"
        if status in ("agree", "floors_differ"):
            # overlapping bounds ("at least 22", "at least 100") differ: the alignment's floors_differ
            return "agree" if status == "agree" else "differ"
        exact_counts = all(s["exact"] and s["kind_of"] == "count" for s in statements)
        return "contradict" if status == "diverge" and exact_counts else "differ"
    if kind == "event_date":
        for items in by_source.values():
            # two exact days, months apart, for the same event word
            exact = [x for x in items if x["low"] == x["high"]]
            if any(x["low"][:7] != y["low"][:7] for i, x in enumerate(exact) for y in exact[i + 1:]):
                return "inconsistent_within_source"
        pairs = [(x, y) for sx, xs in by_source.items() for sy, ys in by_source.items() if sx < sy for x in xs for y in ys]
        return "agree" if all(_date_overlap(x, y) for x, y in pairs) else "differ"
    if kind == "count":
        values = {s["source"]: {t["count"] for t in items} for s in statements for items in [by_source[s["source"]]]}
        if len({frozenset(v) for v in values.values()}) == 1:
            return "agree"
        # "an agreement" does not say there was only one, so only two different explicit counts ("two"
        # against "three") in a shared context contradict each other; "a X" against "two X" differ
        explicit = [s for s in statements if s["count"] >= 2]
        clash = any(e["context"] & f["context"] for e in explicit for f in explicit
                    if e["source"] != f["source"] and e["count"] != f["count"])
        return "contradict" if clash else "differ"
    if kind == "party":
        named = {src: set().union(*(s["orgs"] for s in items)) for src, items in by_source.items()}
        shared = {o for src, orgs in named.items() for o in orgs
                  if sum(o in other for other in named.values()) >= 2}
        # a source naming a party no other source names, while not naming the shared one
        alone = [src for src, orgs in named.items()
                 if any(sum(o in other for other in named.values()) == 1 for o in orgs)
                 and len(orgs & shared) < len(shared)]
        return "differ" if shared and alone else "agree"
    if kind == "reaction":
        silent = {s["source"] for s in statements if s["silent"]}
        spoke = {s["source"] for s in statements if not s["silent"]}
        # a silence its source goes on to qualify ("..., but state media warn") does not deny the reaction
        flat = {s["source"] for s in statements if s["silent"] and not s.get("others")}
        if flat & {s["source"] for s in statements if not s["silent"] and not s["second_hand"]}:
            return "inconsistent_within_source"  # in its own voice, a source says the actor both spoke and did not
        if silent and spoke:
            firm = [x for x in statements if not x["silent"] and not x["second_hand"]]
            # a reaction only reported second-hand can stand beside silence, and any reaction beside a qualified one
            return "contradict" if firm and flat else "differ"
        verbs = {s["verb"].lower() for s in statements}
        return "agree" if len(verbs) == 1 else "differ"
    return "differ"


def _names_thing(key: str, items: list[dict], source: str, texts: dict[str, str], sources: dict[str, str]) -> bool:
    """Whether a source's text names the thing a count or party fact is about
    (its acronym, or the first word of how the others name it)."""
    thing = key.split(":", 1)[-1]
    words = {re.escape(str(s["label"]).replace("parties to the ", "").split()[0][:6]) for s in items if s["label"]}
    pattern = re.compile(r"\b(?:" + "|".join(sorted(words | {re.escape(thing)})) + r")", re.I)
    return any(pattern.search(texts[d]) for d, s in sources.items() if s == source)


#: Endings cut from a word before it is looked for in other forms ("shipment" finds "shipped", "signing" "signed").
_ENDINGS = re.compile(r"(?:ments?|ings?|ions?|ed|es|s)$")


def _party_words(value: str) -> set[str]:
    """The capitalised words of a party's name, less a possessive or "-based" word before it ("Norland’s
    Harbour Works Authority" -> Harbour, Works, Authority)."""
    return {w for w in str(value).split() if w[:1].isupper() and not w.endswith(("’s", "'s")) and "-based" not in w}


def _parties_elsewhere(items: list[dict], texts: dict[str, str], sources: dict[str, str]) -> str:
    """For a party fact the sources give differently: the sources that name, elsewhere in their text, a party
    other sources give and they do not ("acme also names Harbour Works Authority elsewhere in its
    text"); a party is found by its first two words or its initials ("FWO"), and two names sharing two
    words ("Vale Ore Traders", "Ore Traders") are one party."""
    given: dict[str, set[str]] = defaultdict(set)
    for s in items:
        given[s["source"]].add(str(s["value"]))
    out = []
    for source, mine in given.items():
        text = " ".join(texts[d] for d, x in sources.items() if x == source)
        named: dict[str, set[str]] = {}
        for value in sorted(set().union(*given.values()) - mine):
            held = _party_words(value)
            if any(len(held & _party_words(m)) >= 2 for m in mine):
                continue  # one party, worded otherwise
            words = sorted(held, key=str(value).split().index)
            initials = "".join(w[0] for w in words)
            if (len(words) >= 2 and re.search(r"\b" + r"\s+".join(map(re.escape, words[:2])) + r"\b", text)) or \
                    (len(initials) >= 3 and re.search(rf"\b{initials}\b", text)):
                named.setdefault(" ".join(words), held)
        # one party written two ways is named once, by its longest name, in the order first found
        kept = []
        for name in sorted(named, key=len, reverse=True):
            if not any(len(named[name] & named[k]) >= 2 for k in kept):
                kept.append(name)
        named = [n for n in named if n in kept]
        if named:
            others = set().union(*(v for x, v in given.items() if x != source))
            own = [v for v in sorted(mine - others) if not any(len(_party_words(v) & _party_words(o)) >= 2
                                                                  for o in others)]
            aside = (f": its “{own[0]}” {ANOTHER_NAME}"
                     if len(own) == 1 else "")
            out.append(f"{source} also names {' and '.join(named[:NOTE_WORDS])} elsewhere in its text{aside}")
    return "; ".join(out[:NOTE_WORDS])


def label_words(label: str) -> str:
    """The words of a quantity's label that say what it measures, at most three: lowercase content words and
    acronyms, not names, which most texts of a story share, nor words of measure ("mineral reserves", "share of
    Norland’s GDP" -> "GDP"; "" when none or too many)."""
    measured = str(label).split("(")[0].split(" … ")[-1]  # "Acme pledged … in Norland's mines": after the number
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z’'-]+", measured)
             if (w.isupper() and len(w) >= 2) or (w.islower() and len(w) >= 4 and w not in function_words()
                                                  and w not in _MEASURE_WORDS)]
    return " ".join(words) if 1 <= len(words) <= 3 else ""


#: Words of measure, left out of :func:`label_words` with the function words: they say how, not what, is measured.
_MEASURE_WORDS = frozenset("among share rate number total amount percent percentage level value figure count".split())


def _names_words(words: str, source: str, texts: dict[str, str], sources: dict[str, str]) -> bool:
    """Whether a source's text has every word of ``words`` in some form ("shipped" for "shipment")."""
    stems = [w if w.isupper() else _ENDINGS.sub("", w) for w in str(words).split()]
    stems = [w for w in stems if len(w) >= 2]
    if not stems:
        return False
    text = " ".join(texts[d] for d, s in sources.items() if s == source)
    return all(re.search(r"\b" + re.escape(w), text, re.I) for w in stems)


def _interval(statement: dict) -> dict:
    """A quantity statement as the alignment reads a mention (kind and interval), for :func:`overlaps`."""
    return {"kind": statement["kind_of"], "low": statement["low"], "high": statement.get("high", math.inf)}


#: Words of a note saying that one source gives two figures of its own that do not overlap.
TORN = "itself gives both"


def torn(note: str) -> bool:
    """Whether a fact's note says one source gives two figures of its own that do not overlap."""
    return TORN in str(note)


def _floors_apart(x: dict, y: dict) -> bool:
    """Two figures whose lowest values differ by more than :data:`AGREE_RATIO` ("at least 100", "at least 43")."""
    low = sorted(float(s["low"]) for s in (x, y) if s.get("low") is not None and not pd.isna(s["low"]))
    return len(low) == 2 and low[0] > 0 and low[1] > AGREE_RATIO * low[0]


def _sources_apart(items: list[dict]) -> bool:
    """Two sources give figures that do not overlap, the figures a source is torn between aside: besides one
    source's inconsistency, the sources differ from each other ("at least 100" and "at least 43" of two sources)."""
    own = defaultdict(list)
    for s in items:
        own[s["source"]].append(s)
    steady = {src: mine for src, mine in own.items() if not _torn(mine)}
    return any(overlaps(_interval(x), _interval(y)) is False or _floors_apart(x, y)
               for a, xs in steady.items() for b, ys in steady.items() if a < b for x in xs for y in ys)


def _torn(items: list[dict]) -> list[str]:
    """Per source, two of its own figures that do not overlap: "arabiya itself gives “at least 100” and “24”"."""
    out = []
    by_source: dict[str, list[dict]] = defaultdict(list)
    for s in items:
        if s.get("kind_of") and not vague_amount(str(s["value"])) and not toll_update(s["wording"]):
            by_source[s["source"]].append(s)  # "the previous death toll was 20" is an earlier count, said to be
    for source, mine in by_source.items():
        # a figure of its own beside one it reports a source giving ("at least 100" against the monitor's 24) is
        # two counts, not the source at odds with itself
        pair = next(((x, y) for k, x in enumerate(mine) for y in mine[k + 1:]
                     if overlaps(_interval(x), _interval(y)) is False and x.get("said_by", "") == y.get("said_by", "")),
                    None)
        if pair:
            out.append(f"{source} {TORN} “{pair[0]['value']}” and “{pair[1]['value']}”")
    return out


def _note(kind: str, items: list[dict]) -> str:
    """What a reader needs beside the quotes: the different things one figure is said to be; for an event's
    date, which precise dates a vaguer date of another source fits, and which no other source gives."""
    if kind == "quantity" and any(s.get("updated") or s.get("doc_update") for s in items):
        # a toll that rose through the day: sources that counted at different hours can all be right; but not a
        # source that gives two figures of its own that do not overlap
        said: dict[str, str] = {}  # one cue per source
        for s in items:
            if (cue := toll_update(s["wording"]) or s.get("doc_update", "")) and s["source"] not in said:
                said[s["source"]] = f"“{cue}” in {s['source']}"
        cues = list(said.values())
        torn = _torn(items)
        return (f"{TOLL_UPDATED} ({'; '.join(cues[:NOTE_WORDS])})"
                + (f"; yet {'; '.join(torn[:NOTE_WORDS])}" if torn else ""))
    if kind == "quantity" and any(s.get("status") == "scope_differs" for s in items):
        # the alignment found that what is measured differs ("offshore gas fields" against "gas fields")
        scope = next((s["scope"] for s in items if s.get("scope")), "")
        return f"{SCOPE_DIFFERS}" + (f": {scope}" if scope else "")
    if kind == "quantity":
        said: dict[str, list[str]] = defaultdict(list)
        for s in items:
            cls, word = s.get("described") or ("", "")
            if cls and f"“{word}” in {s['source']}" not in said[cls]:
                said[cls].append(f"“{word}” in {s['source']}")
        if len(said) < 2:
            return ""
        return f"{SAID_OF_DIFFERENT_THINGS}: " + "; ".join(
            f"{cls} ({', '.join(words[:NOTE_WORDS])}{f' and {len(words) - NOTE_WORDS} more' if len(words) > NOTE_WORDS else ''})"
            for cls, words in said.items())
    if kind == "count":
        # "a memorandum" names one without saying there was only one: say so beside "two memorandums"
        articles = [x for x in items if x["count"] == 1 and str(x["value"]).split()[0].lower() in ("a", "an")]
        counted = list(dict.fromkeys(f"“{x['value']}” in {x['source']}" for x in items if x["count"] >= 2))
        if articles and counted:
            named = list(dict.fromkeys(x["source"] for x in articles))
            return (f"{', '.join(named[:NOTE_WORDS])}{f' and {len(named) - NOTE_WORDS} more' if len(named) > NOTE_WORDS else ''} "
                    f"{'names' if len(named) == 1 else 'name'} it with “a” or “an”, which does not say there was only one; "
                    f"the count is {'; '.join(counted[:NOTE_WORDS])}")
        return ""
    if kind == "reaction":
        hearsay = [f"“{s['value']}” in {s['source']} is reported second-hand (“{s['second_hand']}”)"
                   for s in items if s.get("second_hand") and not s["silent"]]
        hearsay = list(dict.fromkeys(hearsay))
        silent = list(dict.fromkeys(f"“{s['value']}” in {s['source']}" for s in items if s["silent"]))
        torn = [f"{source} says both " + " and ".join(dict.fromkeys(
                    f"“{s['value']}”" for s in items if s["source"] == source and (s["silent"] or not s["second_hand"])))
                for source in dict.fromkeys(s["source"] for s in items if s["silent"] and not s.get("others"))
                if any(s["source"] == source and not s["silent"] and not s["second_hand"] for s in items)]
        if torn:
            return "; ".join(torn[:NOTE_WORDS])
        qualified = []
        for s in items:
            if s["silent"] and s.get("others"):
                own = list(dict.fromkeys(f"“{x['value']}”" for x in items if x["source"] == s["source"] and not x["silent"]
                                         and not x["second_hand"]))
                qualified.append(f"{s['source']} writes “{s['value']}” and goes on “{s['others']}”, a reaction of others"
                                 + (f"; in its own voice it also writes {' and '.join(own)}, which does not sit easily with that "
                                    "silence" if own else ""))
        if qualified:
            # the silence of some beside the reaction of others: the reader weighs them, the grid does not call it
            return "; ".join(list(dict.fromkeys(qualified))[:NOTE_WORDS])
        if hearsay and silent:
            more = f" and {len(hearsay) - NOTE_WORDS} more" if len(hearsay) > NOTE_WORDS else ""
            # the silence as written ("officials have not commented publicly"): no comment on record, which does
            # not deny a reaction others relay (and which other words of the same source may qualify)
            return ("; ".join(hearsay[:NOTE_WORDS]) + more + ", so it can stand beside "
                    + "; ".join(silent[:NOTE_WORDS]) + ": no comment on record does not deny a reaction that others relay")
        return ""
    if kind != "event_date" or len({s["source"] for s in items}) < 2:
        return ""
    parts = []
    for x in items:
        if x["low"] != x["high"]:
            continue
        fits = [y for y in items if y["source"] != x["source"] and y["low"] <= x["low"] <= y["high"]]
        vaguer = [y for y in fits if y["low"] != y["high"]]
        if vaguer:
            shown = ", ".join(f"{y['value']} ({y['source']})" for y in vaguer)
            parts.append(f"{x['value']} ({x['source']}) fits {shown}")
        elif not fits:
            parts.append(f"{x['value']} ({x['source']}) is given by no other source")
    return "; ".join(parts)


def _same_day_elsewhere(items: list[dict], dated: list[tuple], sources: dict[str, str], key) -> str:
    """A day one source alone gives for this event that another source gives for another event ("the trial
    shipment on May 3" beside "signed on 3 May"): one of the two may have been confused.
    ``dated``: ``(source, day ordinal, event)`` of every single day an event word dates."""
    parts = []
    for x in items:
        if x["low"] != x["high"] or any(y["source"] != x["source"] and y["low"] <= x["low"] <= y["high"] for y in items):
            continue
        for source, day, event in dated:
            if source != x["source"] and event != key and day and day == x["low"]:
                parts.append(f"{source} gives {x['value']} as the day of the {event}")
                break
    return "; ".join(dict.fromkeys(parts))


def _one_event(items: list[dict]) -> list[dict]:
    """The dates of one event among dates of one kind of event: "last month" (nyt) and "Dec. 11" (hpo) are one
    meeting, "this week" (fox) another. When the dates that can be one day are stated by two or more sources,
    the dates of sources that state none of them are another event's, and are left out; so are years alone
    ("the first Cabinet meeting of 2019"), which date no one event. A source torn between the shared date and
    another keeps both: that is its inconsistency."""
    dated = [s for s in items if _span_days(s) <= MAX_DATED_SPAN] or items
    clusters: list[list[dict]] = []
    # the finest dates first, each joining the first set of dates it can be one day with, all of them
    for s in sorted(dated, key=lambda s: (_span_days(s), items.index(s))):
        home = next((c for c in clusters if all(_date_overlap(s, t) for t in c)), None)
        if home is None:
            clusters.append([s])
        else:
            home.append(s)
    best = max(clusters, key=lambda c: (len({s["source"] for s in c}), -min(items.index(s) for s in c)))
    shared = {s["source"] for s in best}
    return [s for s in dated if s["source"] in shared] if len(shared) >= 2 else dated


def _one_story(items: list[dict], event_group: dict[str, int]) -> tuple[list[dict], int | None]:
    """The statements of the event group (``same_event``) most of the stating sources belong to, and that group:
    articles that report different events do not state one fact."""
    stating: dict[int, set[str]] = defaultdict(set)
    for s in items:
        stating[event_group.get(s["doc_id"], 0)].add(s["source"])
    story = min(stating, key=lambda g: (-len(stating[g]), g))
    return [s for s in items if event_group.get(s["doc_id"], 0) == story], story


def facts(tables: dict, texts: dict[str, str], sources: dict[str, str],
          event_group: dict[str, int] | None = None) -> pd.DataFrame:
    """The facts grid, one row per fact and source (long form).

    Parameters
    ----------
    tables : dict
        The analysis tables; uses ``sentences``, ``numbers`` and ``quantity_groups``.
    texts : dict
        Each document's cleaned text, by ``doc_id`` (offsets index into it).
    sources : dict
        The source each document counts for.
    event_group : dict, optional
        The event group of each document (:func:`toolkit.compare.same_event.event_groups`). A fact is then
        read within one group, the one most of its sources belong to: the statements of articles in other
        groups are left out, and only the sources of that group are listed as not mentioning it.

    Returns
    -------
    DataFrame
        Columns :data:`COLUMNS`. A fact has one row per source; a source that
        states it several times has several rows; a source that does not has
        one row with ``mentioned`` False and ``wording`` "not mentioned".
        Facts are ordered by state (contradictions first), then by how many
        sources state them.
    """
    sentences = _sentence_rows(tables)
    counted = _count_statements(texts, sentences, sources)
    windows = _dated_windows(tables, texts, sentences)
    statements = (_quantity_statements(tables, texts, sentences, sources)
                  + _date_statements(windows, texts, sources, _group_events(tables["quantity_groups"]))
                  + counted
                  + _party_statements([c for c in counted if c["kind"] == "count"], texts, sentences, sources)
                  + _reaction_statements(texts, sentences, sources))
    # every single day an event word dates, for the day a source alone gives one event and another source another
    dated = [(sources[row.doc_id], _iso(row.date_low), words[0]) for row, words, _ in windows
             if words and _iso(row.date_low) == _iso(row.date_high)]
    grouped: dict[tuple, list[dict]] = defaultdict(list)
    for s in statements:
        grouped[(s["kind"], s["key"])].append(s)
    all_sources = list(dict.fromkeys(sources.values()))
    facts_found = []
    for (kind, key), items in grouped.items():
        # one statement per position (a count may be found by two patterns)
        items = list({(s["doc_id"], s["start"]): s for s in items}.values())
        story = None
        if event_group and len(set(event_group.values())) > 1:
            items, story = _one_story(items, event_group)
        if kind == "event_date":
            items = _one_event(items)
        # a vague amount ("hundreds") is quoted beside the figures, but states no value to agree or differ on
        precise = [s for s in items if not (kind == "quantity" and vague_amount(str(s["value"])))]
        stating = {s["source"] for s in precise}
        state = _state(kind, precise) if precise else "agree"
        if len(stating) < 2 and state != "inconsistent_within_source":
            continue
        if kind == "event_date" and state == "differ" and _events_apart(precise):
            continue  # "this week" and "Dec. 11": two meetings, not two dates of one
        if kind == "reaction" and not any(s["silent"] for s in precise) and len(
                {_valence(s["verb"]) for s in precise} - {""}) < 2:
            # reactions only, in different words ("responded", "rejection", "comments"): reactions to what, the
            # words do not say, so no fact to compare; a reaction beside a silence is one, and so are a welcome
            # beside a condemnation
            continue
        if kind == "event_date" and all(_span_days(s) > MAX_DATED_SPAN for s in precise):
            continue  # years alone ("the clashes of 2015"): when in general, no date of one event to agree on
        label = max((s["label"] for s in items), key=lambda l: (sum(1 for s in items if s["label"] == l), -len(l)))
        if kind == "quantity" and (state == "agree" or not label):  # the agreed figure, then what it counts
            # the figure as most sources give it precisely ("more than 5,000", not "thousands")
            said = Counter(str(s["value"]) for s in precise)
            surface = max(said, key=lambda v: said[v])
            label = f"{surface} ({label})" if label and label != surface else surface
        note = _note(kind, items)
        if kind == "quantity" and state == "differ":
            # a source that itself gives two figures that do not overlap, as for two dates of one event
            own = [] if torn(note) else _torn(items)
            if own:
                note = "; ".join([n for n in [note] if n] + own[:NOTE_WORDS])
            if torn(note) and not _sources_apart(precise):
                state = "inconsistent_within_source"  # (sources that differ from each other too: "differ", noted)
        if kind == "party" and state != "agree":
            note = "; ".join(p for p in [note, _parties_elsewhere(items, texts, sources)] if p)
        if kind == "event_date":
            note = "; ".join(p for p in [note, _same_day_elsewhere(items, dated, sources, key)] if p)
        facts_found.append((kind, key, label, state, items, note, story))
    order = {state: i for i, state in enumerate(STATES)}
    facts_found.sort(key=lambda f: (order[f[3]], -len({s["source"] for s in f[4]}), f[0], str(f[1])))
    rows = []
    for number, (kind, key, label, state, items, note, story) in enumerate(facts_found, 1):
        fact_id = f"f{number:03d}"
        listed = all_sources if story is None else list(dict.fromkeys(
            sources[d] for d in sources if event_group.get(d, 0) == story))
        for source in listed:
            mine = sorted((s for s in items if s["source"] == source), key=lambda s: (s["doc_id"], s["start"]))
            if not mine:
                said = NOT_MENTIONED
                if kind in ("count", "party") and _names_thing(key, items, source, texts, sources):
                    said = WITHOUT_DETAIL
                elif kind in ("event_date", "quantity") and _names_words(
                        key if kind == "event_date" else label_words(label), source, texts, sources):
                    said = WITHOUT_DETAIL  # "the first shipment has been dispatched", with no date
                rows.append((fact_id, kind, label, state, source, False, said, "", "", -1, -1, -1, note))
            for s in mine:
                rows.append((fact_id, kind, label, state, source, True, s["wording"], str(s["value"]), s["doc_id"],
                             s["sentence_id"], s["start"], s["end"], note))
    return pd.DataFrame(rows, columns=COLUMNS)


def overlapping_sources(cells: pd.DataFrame, numbers: pd.DataFrame | None) -> tuple[list[str], list[str], pd.DataFrame]:
    """The largest set of sources whose precise values of a figure overlap, the sources whose values do not,
    and the values read; two empty lists unless at least two overlap and another does not. Vague amounts
    ("trillions") are left aside."""
    if numbers is None or not {"low", "high", "start", "end"} <= set(numbers.columns):
        return [], [], cells.iloc[:0]
    given = cells[cells["mentioned"] & ~cells["value"].map(lambda v: vague_amount(str(v))).astype(bool)]
    keyed = given.merge(numbers[["doc_id", "sentence_id", "start", "end", "low", "high"]],
                        on=["doc_id", "sentence_id", "start", "end"], how="inner").dropna(subset=["low", "high"])
    if keyed["source"].nunique() < 3:
        return [], [], keyed
    best: list[str] = []
    for row in keyed.itertuples():
        overlap = keyed[(keyed["low"] <= row.high) & (keyed["high"] >= row.low)]
        held = list(dict.fromkeys(overlap["source"]))
        if len(held) > len(best):
            best = held
    rest = [s for s in dict.fromkeys(keyed["source"]) if s not in best]
    if len(best) < 2 or not rest:
        return [], [], keyed
    return best, rest, keyed
