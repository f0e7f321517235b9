"""Each source in plain words: the report's opening profiles.

One paragraph per compared source says what kind of text it is, what it
stresses, how its tone compares (only when a tone difference survives the
multiple-testing rule of :mod:`toolkit.compare.profiles`), whom it cites, what
it alone reports and what it leaves out that the others carry. Every figure
is read from a table the report writes to ``data/``, named in the section's
opening note; nothing is computed here that the tables do not hold.

Optional tables are used when present and their sentences left out when not:
``documents.text_type`` and ``text_type_evidence`` (the kind of text),
``voices`` (who speaks; otherwise the attributions of ``stance``) and
``facts`` (facts a source leaves out; otherwise ``coverage``).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from ..compare.alignment import plural
from ..compare.by_source import source_documents, source_map
from ..compare.copies import copied_texts
from ..compare.facts import overlapping_sources
from ..compare.coverage import precise_carriers
from ..compare.name_variants import vague_amount
from ..compare.quantity_events import class_nouns, counted_class, counts_structure, toll_update
from ..compare.same_event import SAME_EVENT_FLOOR, event_group_count, news_days
from ..compare.voices import unnamed_voice
from ..compare.registry import MEASURES
from ..measures.framing import FRAMES
from ..measures.number_forms import NUMBER_WORDS
from ..measures.text_type import LABELS as TEXT_TYPE_LABELS
from .evidence import direction, figure_text, format_value
from .kinds import kind_label, source_kinds

#: Sources profiled, at most (as the report's other listings: the size of the
#: report does not grow with the corpus).
MAX_PROFILED = 40
#: Frames named per source, at most (the most frequent first).
TOP_FRAMES = 2
#: A frame is named only when at least this share of the source's sentences invoke it
#: (one sentence in ten: below it, a frame is incidental).
MIN_FRAME_SHARE = 0.10
#: Cited sources named per source, at most.
TOP_CITED = 4
#: Facts named per list (what a source alone reports, what it leaves out).
TOP_FACTS = 3
#: Attribution source types that name who speaks.
NAMED = ("person", "organisation", "outlet")
#: A source shorter than this fraction of the others' median length is called
#: short, so that its omissions are read in that light (half: a 400-word
#: column beside 900-word reports).
SHORT = 0.5
#: Kinds of number counted as a source's own figures (dates and durations are
#: when, not how much).
FIGURE_KINDS = ("money", "percent", "count", "quantity", "measure")
#: Kinds of number that count things, compared with each other when a figure is said in other words.
COUNT_KINDS = ("count", "number")
#: A figure at least this large is distinctive: the same value in another source, whatever noun it counts
#: ("65 people", "65 civilians"), is taken to be the same figure in other words (small numbers such as
#: "two" count anything).
DISTINCTIVE_FIGURE = 10
#: Cited "sources" that are only pronouns: not named.
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "his", "her", "their"})
#: Cell text of a fact a source does not state, in ``facts``.
NOT_MENTIONED = "not mentioned"
#: Characters of a claim quoted as a fact.
CLAIM_CHARS = 90
#: Characters of the text-type evidence quoted (enough for the signals that weighed most).
EVIDENCE_CHARS = 240


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def shorten(text: str, limit: int = CLAIM_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


#: Below this probability the text-type model's pick is called unsure in a profile. In leave-one-out over the 74
#: labelled texts of ``tests/gold/text_type`` (development corpora and seeds), every pick at 0.8 or more was right
#: (61 of 61), and 12 of the 13 below it.
SURE_TYPE = 0.8
#: Below this probability the pick is called a guess (the one leave-one-out pick below it was wrong).
GUESS_TYPE = 0.5
_PROBABILITY = re.compile(r"model probability ([0-9.]+)")
_TOP_SIGNAL = re.compile(r"weighed most: (.+?) \(\+")


def _type_evidence(evidence: str) -> str:
    """" (model probability 0.97; the strongest signal: …)" from ``text_type_evidence``; the full list of
    signals stays in the table of the kinds of text."""
    probability, top = _PROBABILITY.search(evidence), _TOP_SIGNAL.search(evidence)
    if not probability:
        return f" ({shorten(evidence, EVIDENCE_CHARS)})"
    value = float(probability.group(1))
    sure = "" if value >= SURE_TYPE else ", so the model is not sure of it" if value >= GUESS_TYPE else ", so this is a guess"
    return f" (model probability {value:.2f}{sure}" + (f"; the strongest signal: {top.group(1)}" if top else "") + ")"


def _kind_of_text(documents: pd.DataFrame) -> str:
    """The kind of text from ``text_type`` (with its evidence), else the manifest's genre; "" if neither."""
    if "text_type" in documents:
        types = [t for t in documents["text_type"].dropna().astype(str) if t]
        if types:
            kinds = list(dict.fromkeys(TEXT_TYPE_LABELS.get(t, t) for t in types))
            evidence = ""
            if "text_type_evidence" in documents:
                first = [e for e in documents["text_type_evidence"].dropna().astype(str) if e]
                evidence = _type_evidence(first[0]) if first else ""
            named = _join(kinds)
            return f"It reads as {'an' if named[:1] in 'aeiou' else 'a'} {named}{evidence}."
    if "genre" in documents:
        genres = [g for g in documents["genre"].fillna("").astype(str) if g]
        if genres:
            return f"Its source list calls it {_join(list(dict.fromkeys(genres)))}."
    return ""


def _length(source: str, words: dict[str, int], twins: set[str] | frozenset[str] = frozenset()) -> str:
    """Its length against the others'; ``twins``, sources that carry a copy of its text, are no others to it."""
    mine = words[source]
    others = [w for s, w in words.items() if s != source and s not in twins]
    copies = "; " + _join([f"`{t}` {words[t]:,}" for t in sorted(twins)]) + (
        ", a copy of the same text" if len(twins) == 1 else ", copies of the same text") if twins else ""
    if not others:
        return f"{mine:,} words" + (f" ({copies[2:]})" if copies else "") + "."
    median = float(pd.Series(others).median())
    note = " — much shorter than the others, so it has less room for what they report" if mine < SHORT * median else ""
    return f"{mine:,} words (the others: {min(others):,} to {max(others):,}{copies}){note}."


def _frames(tables: dict, source: str) -> str:
    """Its most frequent frames, as shares of its body sentences (``profiles.csv``, as in ``contrasts.csv``)."""
    profiles = tables["profiles"]
    mine = profiles[(profiles["source"] == source) & profiles["measure"].str.startswith("frame_share_")].copy()
    mine["frame"] = mine["measure"].str.slice(len("frame_share_"))
    mine = mine[(mine["frame"] != "other") & (mine["value"] >= MIN_FRAME_SHARE)]
    mine = mine.sort_values(["value", "frame"], ascending=[False, True]).head(TOP_FRAMES)
    if mine.empty:
        return ""
    named = [f"{FRAMES.get(r.frame, r.frame).lower()} ({r.value:.0%})" for r in mine.itertuples()]
    return f"Its most frequent frames: {_join(named)} of its body sentences."


def _said(measure, value: float, rest: float, words: str) -> str:
    """"<direction> <label> (<value> against <rest> <unit>)" with the unit said once."""
    label = measure.label.replace(" (per 1,000 words)", "")
    unit = " per 1,000 words" if measure.unit == "per 1,000 words" else ""
    return f"{words} {label} ({format_value(measure, value)} against {format_value(measure, rest)}{unit})"


def _findings(tables: dict, source: str) -> str:
    """Its surviving differences from the others, in words; tone separately, and only if it survives."""
    contrast = tables["contrasts"]
    if contrast.empty or "survives" not in contrast:
        return ""
    mine = contrast[(contrast["source"] == source) & contrast["survives"]
                    & contrast["measure"].map(lambda m: MEASURES[m].finding)].sort_values(["p_value", "measure"])
    tone = [r for r in mine.itertuples() if MEASURES[r.measure].chart == "tone"]
    other = [r for r in mine.itertuples() if MEASURES[r.measure].chart != "tone"]
    out = []
    methods = [m for m in MEASURES.values() if m.chart == "tone"]
    agreed = len(tone) == len(methods) and len({r.difference > 0 for r in tone}) == 1
    if tone and agreed:  # both tone methods find the difference, in the same direction
        r = tone[0]
        measure = MEASURES[r.measure]
        out.append(f"Its tone is {direction(measure, r.value, r.difference)} than the others' by both methods "
                   f"({', '.join(f'{MEASURES[x.measure].short} {format_value(MEASURES[x.measure], x.value)} against {format_value(MEASURES[x.measure], x.rest)}' for x in tone)}).")
    elif tone:  # one method alone: too often fooled by single words to be called a finding
        r = tone[0]
        measure = MEASURES[r.measure]
        out.append(f"Its mean tone cannot be told apart from the others': {measure.short} finds it "
                   f"{direction(measure, r.value, r.difference)} ({format_value(measure, r.value)} against "
                   f"{format_value(measure, r.rest)}), but the other method does not.")
    else:
        out.append("Its mean tone cannot be told apart from the others'.")
    if other:
        items = [_said(MEASURES[r.measure], r.value, r.rest, direction(MEASURES[r.measure], r.value, r.difference))
                 for r in other]
        out.append(f"Against the others it has {_join(items)}.")
    return " ".join(out)


def _cited(tables: dict, documents: list[str]) -> str:
    """Whom it cites: from ``voices`` when present, else the attributions of ``stance``."""
    voices = tables.get("voices")
    if voices is not None and len(voices) and "doc_id" in voices:
        name = next((c for c in ("name", "voice", "source") if c in voices), None)
        if name:
            mine = voices[voices["doc_id"].isin(documents)]
            # an unnamed source ("reports", "analysts", "three officials familiar with the meeting") is counted,
            # not named as a voice
            unnamed = mine[[unnamed_voice(v, t) for v, t in zip(mine[name].astype(str), mine["voice_type"])]] \
                if "voice_type" in mine else mine.iloc[0:0]
            mine = mine.drop(unnamed.index)
            vague = ""
            if len(unnamed):
                # as the text writes them (a name in one keeps its capitals), the same words once whatever the case
                written = unnamed[name].astype(str)
                examples = list(dict(zip(written.str.lower(), written)).values())[:2]
                quoted = " and ".join(f"“{e}”" for e in examples)
                distinct = len(set(written.str.lower()))
                times = f"{len(unnamed)} citations; " if len(unnamed) > distinct else ""
                vague = (f"{distinct} unnamed source{'s' if distinct != 1 else ''} "
                         f"({times}{quoted if distinct == 1 else f'such as {quoted}'})")
            if mine.empty:
                return f"It cites no one by name, only {vague}." if vague else "It quotes or paraphrases no one by name."
            counts = mine[name].astype(str).value_counts(sort=False)
            counts = counts.sort_values(ascending=False, kind="stable")
            named = [f"{n} ×{c}" if c > 1 else n for n, c in counts.head(TOP_CITED).items()]
            more = f", and {len(counts) - TOP_CITED} more" if len(counts) > TOP_CITED else ""
            return f"It gives voice to {_join(named)}{more}" + (f"; it also cites {vague}." if vague else ".")
    cues = tables["stance"]
    body = cues[cues["doc_id"].isin(documents) & (cues["category"] == "attribution") & ~cues["reported"].astype(bool)]
    if body.empty:
        return "It attributes nothing to a source."
    named = body[body["source_type"].isin(NAMED) & ~body["source"].fillna("").astype(str).str.lower().isin(PRONOUNS)]
    counts = named["source"].astype(str).value_counts(sort=False).sort_values(ascending=False, kind="stable")
    vague = int((body["source_type"] == "vague").sum())
    parts = []
    # a later short form of a name already listed ("Baker" after "Natalie Baker") is the same source
    for short in [n for n in counts.index if any(m != n and m.endswith(f" {n}") for m in counts.index)]:
        full = next(m for m in counts.index if m != short and m.endswith(f" {short}"))
        counts[full] += counts.pop(short)
    if len(counts):
        shown = [f"{n} ×{c}" if c > 1 else n for n, c in counts.head(TOP_CITED).items()]
        more = f", and {len(counts) - TOP_CITED} more" if len(counts) > TOP_CITED else ""
        parts.append(f"it attributes to {_join(shown)}{more}")
    if vague:
        parts.append("its only attribution is vague (such as “reports suggest” or “analysts”)" if len(body) == 1 else
                     f"{vague} of its {len(body)} attributions are vague (such as “reports suggest” or “analysts”)")
    return ("Of whom it cites: " + "; ".join(parts) + ".") if parts else ""


def _number_surfaces(tables: dict, group_ids: list[str], documents: list[str] | None = None,
                     cite: bool = False) -> list[str]:
    numbers = tables["numbers"]
    picked = []
    for group_id in group_ids:
        rows = numbers[numbers["group_id"] == group_id]
        if documents is not None:
            rows = rows[rows["doc_id"].isin(documents)]
        if len(rows):  # a precise figure before a vague one ("more than 5,000 people", not "thousands")
            rows = rows.iloc[np.argsort([vague_amount(str(v)) for v in rows["surface"]], kind="stable")]
            picked.append(f"“{rows.iloc[0]['surface']}”" + (f" in `{rows.iloc[0]['doc_id']}`" if cite else ""))
    return picked


def _intervals(numbers: pd.DataFrame) -> pd.DataFrame:
    """The numbers with each value's interval as floats, ``lo`` and ``hi`` (``hi`` is ``lo`` when open above)."""
    values = numbers.assign(lo=pd.to_numeric(numbers["low"], errors="coerce"), hi=pd.to_numeric(numbers["high"], errors="coerce"))
    values["hi"] = values["hi"].fillna(values["lo"])
    return values


def _alone(tables: dict, source: str, documents: list[str]) -> str:
    """What only this source reports: figures no other source gives (``quantity_groups``) and actors only it names."""
    parts = []
    groups = tables["quantity_groups"]
    single = groups[(groups["n_sources"] == 1) & groups["sources"].astype(str).isin(documents)
                    & groups["kind"].isin(FIGURE_KINDS)]
    numbers = tables["numbers"]
    values = _intervals(numbers)
    others = values[~values["doc_id"].isin(documents)]

    def stated_elsewhere(group_id: str) -> bool:
        """Whether another source states a compatible value (the alignment may have missed it): one that overlaps,
        of the same unit, or in other words (another counted noun, or none) when the figure is distinctive."""
        for row in values[(values["group_id"] == group_id) & values["doc_id"].isin(documents)].itertuples():
            family = COUNT_KINDS if row.kind in COUNT_KINDS else (row.kind,)
            same = others[others["kind"].isin(family)]
            if not (pd.notna(row.lo) and abs(row.lo) >= DISTINCTIVE_FIGURE):
                same = same[(same["unit"] == row.unit) | (same["unit"].fillna("") == "") | (str(row.unit or "") == "")] \
                    if row.kind in COUNT_KINDS else same[same["unit"] == row.unit]
            if ((same["lo"] <= row.hi) & (same["hi"] >= row.lo)).any():
                return True
        return False

    def vague(group_id: str) -> bool:
        """A group of vague amounts only ("thousands", "dozens of children"): no figure of its own."""
        return all(vague_amount(v) for v in values.loc[values["group_id"] == group_id, "surface"])

    # a count of the text's own parts or a background set ("three broad categories") is no news figure
    if "unit" in single:
        single = single[~((single["kind"] == "count") & single["unit"].map(lambda u: bool(counts_structure(u))).astype(bool))]
    single = single[np.array([not vague(g) and not stated_elsewhere(g) for g in single["group_id"]], dtype=bool)]
    # one figure written twice in the source ("at least 27", "at least 27 people") counts once
    first = values[values["group_id"].isin(single["group_id"])].drop_duplicates("group_id")
    single = single[single["group_id"].isin(first.drop_duplicates(["kind", "lo", "hi"])["group_id"])]
    if len(single):
        examples = list(dict.fromkeys(_number_surfaces(tables, list(single["group_id"]), documents)))[:TOP_FACTS]
        # no count: the alignment checks figures of a few kinds only, and a figure it passes over may be the text's alone too
        lead = "" if len(single) == 1 else "such as "
        # "at least": figures of other kinds (dates, durations) are not checked, and may be its alone too
        parts.append(("at least one figure" if len(single) == 1 else "figures") + " no other source gives"
                     + (f" ({lead}{_join(examples)})" if examples else ""))
    tone = tables["actor_tone_by_source"]
    by_actor = tone.groupby("actor")["source"].nunique()
    only = tone[(tone["source"] == source) & tone["actor"].map(lambda a: by_actor[a] == 1) & (tone["mentions"] >= 2)]
    if len(only):
        parts.append("the only mention of " + _join(list(only.sort_values("mentions", ascending=False)["actor"].head(TOP_FACTS))))
    return ("Only it has " + "; and ".join(parts) + ".") if parts else ""


#: States of a fact of the facts grid whose figures the sources give differently.
DIFFERING_STATES = ("contradict", "differ", "inconsistent_within_source")


def _differing_figures(tables: dict, source: str) -> str:
    """The source's own figures for the facts the sources give differently (``facts``: a casualty toll, a sum),
    the facts most sources state first: where the sources part, what this one says."""
    facts = tables.get("facts")
    if facts is None or facts.empty or not {"kind", "state", "source", "value", "mentioned"} <= set(facts.columns):
        return ""
    differing = facts[(facts["kind"] == "quantity") & facts["state"].isin(DIFFERING_STATES)
                      & facts["mentioned"].astype(bool)]
    mine = differing[differing["source"] == source]
    if mine.empty:
        return ""
    stating = differing.groupby("fact_id")["source"].nunique()
    order = sorted(mine["fact_id"].unique(), key=lambda f: (-stating[f], str(f)))[:TOP_FACTS]
    parts = []
    for fact in order:
        rows = mine[mine["fact_id"] == fact]
        label = str(rows["label"].iloc[0])
        counted = {w.lower() for w in label.split()}
        shown: dict[str, str] = {}
        for value, wording in zip(rows["value"].astype(str), rows["wording"].fillna("").astype(str)):
            # one figure once ("At least 100", "at least 100 people"); an earlier count of a toll said so
            key = " ".join(w for w in value.lower().split() if w not in counted)
            earlier = re.search(r"\b(?:previous|earlier)\b", toll_update(wording), re.I)
            shown.setdefault(key, f"“{figure_text(value)}”" + (" (an earlier count)" if earlier else ""))
        scope = _SCOPE_NOTE.search(str(rows["note"].iloc[0])) if "note" in rows else None
        own = f" (of “{scope.group('phrase')}”: possibly not what the others count)" \
            if scope and scope.group("source") == source else ""
        # most sources give one figure and this source is among them: it is not where the sources part
        best, _, _ = overlapping_sources(facts[facts["fact_id"] == fact], tables.get("numbers"))
        if source in best and not own:
            others = len(best) - 1
            own = f" (as {'one other does' if others == 1 else f'{others} others do'})"
        parts.append(f"{label} as " + _join(list(shown.values())[:TOP_FACTS]) + own)
    return f"Where the sources give a figure differently, it gives {'; '.join(parts)}."


def _own_conflicts(tables: dict, source: str) -> str:
    """The facts the grid finds this source giving two ways (``facts``, ``inconsistent_within_source``, with
    two or more different values of its own): "It gives the date of the shipment two ways: ..."."""
    facts = tables.get("facts")
    if facts is None or facts.empty or not {"kind", "state", "source", "value", "mentioned"} <= set(facts.columns):
        return ""
    torn = facts[(facts["state"] == "inconsistent_within_source") & (facts["source"] == source)
                 & facts["mentioned"].astype(bool)]
    parts = []
    for _, rows in torn.groupby("fact_id", sort=True):
        values = list(dict.fromkeys(figure_text(str(v)) for v in rows["value"] if isinstance(v, str) and v))
        if len(values) >= 2:
            parts.append(f"the {rows['label'].iloc[0]} as both “{values[0]}” and “{values[1]}”")
    if not parts:
        return ""
    return f"In its own text it gives {'; '.join(parts[:TOP_FACTS])} (see the facts grid)."


#: The facts grid's note on a fact whose sources may measure different things, naming the qualifier one adds
#: ("... what is measured differs: 'rare ores' in vale-times ('Norland’s rare ores') vs ...").
_SCOPE_NOTE = re.compile(r"^possibly not one quantity: what is measured differs: '(?P<what>[^']+)' in (?P<source>\S+) "
                         r"\('(?P<phrase>.+?)'\)(?: vs |$)")


def source_documents_of(tables: dict, source: str) -> list[str]:
    """The documents of one source (:func:`~toolkit.compare.by_source.source_map`)."""
    return [doc for doc, of in source_map(tables).items() if of == source]


def value_stated(tables: dict, group_id: str, documents: list[str]) -> bool:
    """Whether the documents state a value of the group's kind and unit (or, for a count, of its counted noun's
    class: "two villages" for "two towns") that overlaps one of its precise values."""
    return bool(stating_documents(tables, group_id) & set(documents))


def stating_documents(tables: dict, group_id: str) -> set[str]:
    """The documents that state a value of a quantity group in some sentence (see :func:`value_stated`), read
    at once for every document and kept per numbers table: a group is checked once, not once per source."""
    numbers = tables["numbers"]
    if not {"low", "high", "unit"} <= set(numbers.columns):
        return set()
    held = _STATED.get(id(numbers))
    if held is None or held[0] is not numbers:
        values = _intervals(numbers)
        values["unit_class"] = values["unit"].astype(str).map(counted_class)
        values["vague"] = values["surface"].map(lambda v: vague_amount(str(v))).astype(bool)
        _STATED.clear()
        held = _STATED[id(numbers)] = (numbers, values, {})
    _, values, known = held
    if group_id not in known:
        known[group_id] = _stating(tables, values, group_id)
    return known[group_id]


#: The numbers table last read by :func:`stating_documents`, its intervals and the documents found per group.
_STATED: dict[int, tuple[pd.DataFrame, pd.DataFrame, dict[str, set[str]]]] = {}


def _stating(tables: dict, values: pd.DataFrame, group_id: str) -> set[str]:
    group = values[(values["group_id"] == group_id) & ~values["vague"]].dropna(subset=["lo"])
    found: set[str] = set()
    for row in group.itertuples():
        same_kind = values[values["kind"] == row.kind]
        unit = same_kind["unit"] == row.unit
        if row.kind == "count":
            # a vague amount with no noun ("stranded thousands") gives any count of its size, vaguely
            unit |= (same_kind["unit_class"] == row.unit_class) | (same_kind["vague"] & ~same_kind["unit"].fillna("").astype(bool))
        found |= set(same_kind.loc[unit & (same_kind["lo"] <= row.hi) & (same_kind["hi"] >= row.lo), "doc_id"])
        if row.kind == "count" and row.lo == row.hi and row.lo in _COUNT_WORDS and str(row.unit).isalpha():
            # a small count the scanner passed over ("the two villages of ..."): the number and the noun in the text
            said = re.compile(rf"\b(?:{int(row.lo)}|{_COUNT_WORDS[row.lo]})\s+(?:[\w’'-]+\s+){{0,2}}?"
                              rf"(?:{re.escape(str(row.unit))}|{re.escape(plural(str(row.unit)))})\b", re.I)
            sentences = tables.get("sentences")
            if sentences is not None and "text" in sentences:
                hits = sentences["text"].astype(str).str.contains(said, regex=True)
                found |= set(sentences.loc[hits, "doc_id"])
                # or the places themselves, as many as the count: "the besieged towns of Norby and Vale Hill"; or some
                # of the members by name: "former senators like A, B and C" (the figure in other words, vaguely)
                for named in (_named_members(row.unit_class, int(row.lo)), _named_examples(str(row.unit), row.unit_class)):
                    if named is not None and sentences is not None and "text" in sentences:
                        hits = sentences["text"].astype(str).str.contains(named, regex=True)
                        found |= set(sentences.loc[hits, "doc_id"])
    return found


#: Counted classes whose members are named places: "the towns of A and B" counts two towns, while "residents
#: of A and B" counts no two people.
NAMED_CLASSES = ("settlement",)
_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}"


def _plurals(nouns) -> str:
    """An alternation of the nouns' plurals, for a pattern."""
    return "|".join(sorted({re.escape(plural(n)) for n in nouns}))


@lru_cache(maxsize=256)
def _named_members(unit_class: str, count: int) -> re.Pattern | None:
    """A pattern for ``count`` names after a plural noun of the class ("towns of A and B", "villages of A, B and
    C"), or None when the class has no listed nouns or the count is not 2 to 6."""
    nouns = class_nouns(unit_class) if unit_class in NAMED_CLASSES else frozenset()
    if not nouns or not 2 <= count <= 6:
        return None
    names = rf"{_NAME}(?:,\s+{_NAME}){{{count - 2}}},?\s+and\s+{_NAME}"
    return re.compile(rf"\b(?:{_plurals(nouns)})\s+of\s+(?:the\s+)?{names}(?![\w’'-]|\s+[A-Z]|,\s+[A-Z])")


@lru_cache(maxsize=256)
def _named_examples(unit: str, unit_class: str) -> re.Pattern:
    """A pattern for members of a counted group named as examples: "senators like A, B and C", "lawmakers
    including A and B" (the unit's plural, or a plural of its class)."""
    nouns = [n for n in class_nouns(unit_class) | {unit} if n.isalpha()]
    return re.compile(rf"\b(?:{_plurals(nouns)})\s+(?:like|including|such\s+as)\s+{_NAME}(?:,\s+{_NAME})*,?\s+(?:and|or)\s+{_NAME}")


#: Small counts written as words (the numbers' own word list), searched in a source's text by :func:`value_stated`.
_COUNT_WORDS = {float(n): w for w, n in NUMBER_WORDS.items() if n <= 12}


def figure_carriers(tables: dict) -> dict[str, int]:
    """Per quantity group, the texts that give its figure as precisely as any (copies of one text count once;
    :func:`~toolkit.compare.coverage.precise_carriers`): read once for every profile."""
    numbers = tables.get("numbers")
    if numbers is None or "group_id" not in numbers:
        return {}
    copied = copied_texts(tables)
    return precise_carriers(numbers, source_map(tables), copied)


def _left_out(tables: dict, source: str, sources: list[str], carriers: dict[str, int] | None = None,
              copied: dict[str, str] | None = None) -> str:
    """Facts the others share that it does not state, most widely carried first (``facts`` or ``coverage``).
    ``carriers``: :func:`figure_carriers`, when already read."""
    facts = tables.get("facts")
    if facts is not None and len(facts) and source in facts.columns:
        label = next((c for c in ("label", "fact", "description", "fact_id") if c in facts), None)
        others = [s for s in sources if s != source and s in facts.columns]
        if label and others:
            stated = facts[others].apply(lambda col: col.notna() & (col.astype(str) != NOT_MENTIONED)).sum(axis=1)
            missing = facts[(facts[source].isna() | (facts[source].astype(str) == NOT_MENTIONED)) & (stated > 0)]
            if missing.empty:
                return "It leaves out none of the facts the others state."
            order = stated[missing.index].sort_values(ascending=False, kind="stable").index
            named = [f"{shorten(missing.loc[i, label])} ({stated[i]} of {len(others)} others)" for i in order[:TOP_FACTS]]
            return (f"It leaves out {'one fact' if len(missing) == 1 else f'{len(missing)} facts'} the others state, "
                    f"{'namely' if len(missing) == 1 else 'such as'} {_join(named)}.")
    absent = left_out(tables, source, sources, carriers, copied)
    if absent is None:
        return ""
    if absent.empty:
        return "It leaves out none of the actors and agreed figures the others share."
    short = absent["short"].astype(bool) if "short" in absent else pd.Series(False, index=absent.index)

    def named(rows: pd.DataFrame) -> list[str]:
        out = []
        for row in rows.head(TOP_FACTS).itertuples():
            if row.fact_type == "actor":
                what = row.label
            elif row.fact_type == "quantity":
                surfaces = _number_surfaces(tables, [row.fact_id], cite=True)
                what = f"a figure others give ({surfaces[0]})" if surfaces else "a figure others give"
            else:
                what = f"“{shorten(row.label)}”"
            copies = (f"; {row.carried} text{'s' if row.carried != 1 else ''}, copies counted once"
                      if getattr(row, "carrying_sources", row.carried) > row.carried else "")
            out.append(f"{what} ({getattr(row, 'carrying_sources', row.carried)} of {row.read_among - 1} others{copies})")
        return out

    # what only texts over twice its length carry is told apart, as the omission list does
    long_only = absent[short]
    absent = absent[~short]
    if absent.empty:
        return (f"The actors and agreed figures the others share that it leaves out ({len(long_only)}) are all carried "
                f"only by texts over twice its length, such as {_join(named(long_only))}.")
    tail = f"; {len(long_only)} more {'is' if len(long_only) == 1 else 'are'} carried only by texts over twice its " \
           f"length." if len(long_only) else "."
    listed = named(absent)
    if len(absent) == 1:
        return f"It leaves out one of the actors and agreed figures the others share: {listed[0]}{tail}"
    return f"It leaves out {len(absent)} of the actors and agreed figures the others share, such as {_join(listed)}{tail}"


def left_out(tables: dict, source: str, sources: list[str], carriers: dict[str, int] | None = None,
             copied: dict[str, str] | None = None) -> pd.DataFrame | None:
    """The actors and agreed figures the others share that a source does not state (rows of ``coverage`` with
    ``carried``, the texts that state each, and ``read_among``, the sources it is read among), most widely carried
    first; ``None`` without a coverage table. ``carriers``: :func:`figure_carriers`, and ``copied``: each copied
    document's first copy (:func:`~toolkit.compare.copies.copy_of`), when already read."""
    cover = tables.get("coverage")
    if cover is None or cover.empty:
        return None
    # Only what absence can be checked for: an actor, or a figure the others agree on. A claim found in some
    # sources by word overlap may be in the others in other words, and where the sources' values of a
    # quantity differ, a source with another value has not left it out (the facts grid compares them).
    groups = tables.get("quantity_groups")
    agreed = set(groups.loc[groups["status"] == "agree", "group_id"].astype(str)) if groups is not None else set()
    numbers = tables.get("numbers")
    if groups is not None and numbers is not None and {"date_low", "date_high", "group_id"} <= set(numbers.columns):
        # a year or a month the others give ("2018", "December") is when, not a fact left out; a day one of
        # them gives is
        low, high = pd.to_datetime(numbers["date_low"], errors="coerce"), pd.to_datetime(numbers["date_high"], errors="coerce")
        days = set(numbers.loc[(numbers["kind"] == "date") & low.notna() & (low == high), "group_id"].astype(str))
        agreed -= set(groups.loc[groups["kind"] == "date", "group_id"].astype(str)) - days
    cover = cover[(cover["fact_type"] == "actor") | ((cover["fact_type"] == "quantity") & cover["fact_id"].astype(str).isin(agreed))]
    if copied is None:
        copied = copied_texts(tables)
    present = cover[cover["state"] != "absent"]
    # copies of one text state a fact once
    carried = present["source"].map(lambda s: copied.get(s, s)).groupby([present["fact_type"], present["fact_id"]]).nunique()
    # the sources a fact is read among (those of its event group, when the articles report several events)
    listed = cover.groupby(["fact_type", "fact_id"])["source"].nunique()
    absent = cover[(cover["source"] == source) & (cover["state"] == "absent")].copy()
    if absent.empty:
        return absent.assign(carried=[], read_among=[], carrying_sources=[])
    # a figure is carried by the sources that give it as precisely ("In September" does not give "8 September")
    fine = carriers if carriers is not None else figure_carriers(tables)
    absent["carried"] = [fine.get(i, carried.get((t, i), 0)) if t == "quantity" else carried.get((t, i), 0)
                         for t, i in zip(absent["fact_type"], absent["fact_id"])]
    # a figure is left out when at least two other texts give it (one, when there are only two sources)
    absent = absent[absent["carried"] >= (2 if len(sources) > 2 else 1)]
    # a figure the source states elsewhere, in another sentence the alignment did not join ("the two villages of
    # Norby and Vale Hill" for "two hill villages"), is not left out
    documents = source_documents_of(tables, source)
    absent = absent[np.array([not (t == "quantity" and value_stated(tables, i, documents))
                              for t, i in zip(absent["fact_type"], absent["fact_id"])], dtype=bool)]
    absent["read_among"] = [listed.get((t, i), len(sources)) for t, i in zip(absent["fact_type"], absent["fact_id"])]
    # the other sources that carry it, copies each counted (``carried`` counts a text once)
    by_source = present.groupby(["fact_type", "fact_id"])["source"].nunique()
    absent["carrying_sources"] = [c if t == "quantity" else max(by_source.get((t, i), 0), c)
                                  for t, i, c in zip(absent["fact_type"], absent["fact_id"], absent["carried"])]
    # under half the length of every text that carries it, a source is expected to leave a fact out (the
    # omission list names it apart, with the same rule)
    table = tables.get("documents")
    if table is None or "words" not in table:
        return absent.assign(short=False).sort_values(["carried", "fact_type", "fact_id"], ascending=[False, True, True])
    words = table.assign(source=table["doc_id"].map(source_map(tables))).groupby("source")["words"].sum()
    holders = present.groupby(["fact_type", "fact_id"])["source"].agg(set)
    absent["short"] = [words.get(source, 0) < SHORT * min([words.get(c, 0) for c in holders.get((t, i), set())] or [0])
                       for t, i in zip(absent["fact_type"], absent["fact_id"])]
    return absent.sort_values(["carried", "fact_type", "fact_id"], ascending=[False, True, True])


def _other_event(tables: dict, docs: list[str]) -> str:
    """A sentence when the source's articles share little vocabulary with any other article (``event_groups``):
    it may report another event, so what it "leaves out" may simply belong to another story."""
    groups = tables.get("event_groups")
    if event_group_count(groups) <= 1:
        return ""
    mine = groups[groups["doc_id"].isin(docs)]
    if mine.empty or (mine["group_size"] > len(mine)).any() or mine["event_group"].nunique() > 1:
        return ""
    row = mine.sort_values("nearest_similarity", ascending=False).iloc[0]
    days = news_days(tables.get("documents"))
    if (row["nearest"] and row["nearest_similarity"] >= SAME_EVENT_FLOOR and row["doc_id"] in days
            and row["nearest"] in days):
        # linked by vocabulary, set apart by the datelines
        gap = abs((days[row["doc_id"]] - days[row["nearest"]]).days)
        told = (f"The article whose vocabulary it shares most (`{row['nearest']}`, {row['nearest_similarity']:.2f}) "
                f"is dated {gap} days apart, and none dated near it shares much")
    else:
        near = f" (its nearest, `{row['nearest']}`, shares {row['nearest_similarity']:.2f})" if row["nearest"] else ""
        told = f"It shares little vocabulary with the other articles{near}"
    return (f"{told}: it may report another event, and its differences from them may be differences of story, so "
            "they are not listed, nor what only it reports and what it leaves out.")


def profile_blocks(corpus, tables: dict) -> list[tuple]:
    """The section "The sources in brief": one plain paragraph per compared source."""
    groups = source_documents(corpus, tables)
    if not groups:
        return []
    documents = tables["documents"].set_index("doc_id")
    words = {s: int(documents.loc[d, "words"].sum()) for s, d in groups.items()}
    sources = list(groups)
    blocks = [("h2", "The sources in brief"),
              ("p", "Each source in a few sentences, from the tables in `data/`: its kind of text from "
                    "`documents.csv`, its frames from `profiles.csv` (body sentences, as in the comparisons), its tone and other differences from "
                    "`contrasts.csv` (only those that survive the correction for multiple comparisons), whom it cites "
                    "from `stance.csv`, the figures it gives where the sources differ from `facts.csv`, what only it "
                    "reports from `quantity_groups.csv` and `actor_tone_by_source.csv`, and what it leaves out from "
                    "`coverage.csv`.")]
    kinds = source_kinds(tables)
    carriers = figure_carriers(tables)
    copied = copied_texts(tables)
    texts = {s: {copied.get(d, d) for d in ds} for s, ds in groups.items()}  # the texts each source carries
    for source, docs in list(groups.items())[:MAX_PROFILED]:
        twins = {t for t in groups if t != source and texts[t] & texts[source]}
        mine = documents.loc[docs].reset_index()
        titles = [t for t in mine["title"].fillna("").astype(str) if t]
        kind = kind_label(source, kinds)
        head = f"**`{source}`**" + (f" ({kind})" if kind else "") + (f" — “{titles[0]}”" if len(docs) == 1 and titles else f" ({len(docs)} articles)" if len(docs) > 1 else "")
        apart = _other_event(tables, docs)
        # its differences, what only it reports and what it leaves out are differences of story for an article on
        # another event
        sentences = [f"{head}: {_length(source, words, twins)}", apart, _kind_of_text(mine), _frames(tables, source),
                     "" if apart else _findings(tables, source), _cited(tables, docs), _differing_figures(tables, source),
                     _own_conflicts(tables, source)]
        sentences += [] if apart else [_alone(tables, source, docs), _left_out(tables, source, sources, carriers, copied)]
        blocks.append(("p", " ".join(s for s in sentences if s)))
    if len(groups) > MAX_PROFILED:
        blocks.append(("p", f"The first {MAX_PROFILED} of {len(groups):,} sources are profiled; all figures are in `data/`."))
    return blocks
