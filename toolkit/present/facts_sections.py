"""The report's opening sections: who the sources are and what kind of text each is, the facts they
state differently, what each leaves out, and whom each lets speak.

Each ``*_blocks`` function returns blocks (see :mod:`toolkit.present.render`)
read from the tables ``documents`` (with ``text_type``), ``facts``, ``voices``,
``coverage`` and ``actor_sentiment``; nothing here computes a finding.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

import pandas as pd

from ..compare.alignment import DIFFERING
from ..compare.by_source import source_map
from ..compare.copies import copied_texts, text_groups
from ..compare.facts import (ANOTHER_NAME, NOT_MENTIONED, SAID_OF_DIFFERENT_THINGS, SCOPE_DIFFERS, compatible,
                             overlapping_sources)
from ..compare.name_variants import mentions_name, names_in, no_fact, same_name, vague_amount
from ..compare.same_event import event_group_count, source_groups, story_sources
from ..compare.voices import silent_actors, unnamed_voice
from ..measures.attribution import classify_source, named_person, outlet_names
from ..measures.text_type import LABELS
from ..text.cleaning import WIRE_AGENCY
from .profile_sections import stating_documents

#: The text type of a chatbot-style reply (:mod:`toolkit.measures.text_type`), which confirms nothing by itself.
REPLY = "conversational_reply"

#: Facts quoted side by side, at most (all are in data/facts.csv).
MAX_FACTS_QUOTED = 15
#: Passages quoted per source and fact, at most.
QUOTES_PER_SOURCE = 2
#: Omissions listed, at most.
MAX_OMISSIONS = 25
#: Sources described one by one, at most.
MAX_SOURCES_LISTED = 40
#: Voices listed, at most.
MAX_VOICES = 30
#: A source shorter than this share of the length of every source that
#: carries a fact is called short: leaving things out is expected of it.
SHORT_SHARE = 0.5
#: Headlines are cut to this many characters in prose.
HEADLINE_CHARS = 70

#: Agreed facts listed, at most.
MAX_AGREED = 20

_STATE_WORDS = {"contradict": "the sources contradict each other",
                "inconsistent_within_source": "one source gives two different values",
                "differ": "the sources give different values",
                "agree": "the sources agree"}


def _cut(text: str, size: int = HEADLINE_CHARS) -> str:
    """``text`` cut to ``size`` characters with "…", its brackets closed ("over $60 billion (the Northern Rail Corridor…)").

    >>> _cut("a figure (the corridor (of the north))", 20)
    'a figure (the corri…)'
    >>> _cut("19% (Vale now pays a favourable … tariff on imports)", 44)
    '19% (…pays a favourable … tariff on imports)'
    """
    text = str(text or "").strip()
    if len(text) <= size:
        return text
    mark = text.rfind(" … ")
    if mark > 0:
        # a label in reading order, "…" for the number ("Acme pledged … in Norland's mines"): what is measured,
        # after the number, is kept; the words before the number lose their start first
        opening = text.rfind("(", 0, mark) + 1
        prefix, words, suffix = text[:opening], text[opening:mark].split(), text[mark:]
        while words and len(prefix) + 1 + len(" ".join(words)) + len(suffix) > size:
            words.pop(0)
        if words:
            return prefix + "…" + " ".join(words) + suffix
        if len(prefix) + len(suffix) <= size:
            return prefix + suffix.lstrip()
    cut = text[: size - 1].rstrip()
    return cut + "…" + ")" * max(0, cut.count("(") - cut.count(")"))


def source_identity(documents: pd.DataFrame, sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per source: ``source, name, headline, published, text_type, words``.

    ``name`` is the outlet when known (manifest, HTML metadata or text), else
    the author, else the identifier; a source pooling several documents
    takes the first document's headline.
    """
    docs = documents.copy()
    mapping = dict(zip(sources["doc_id"], sources["source"])) if sources is not None and len(sources) else {}
    docs["source"] = [mapping.get(d, d) for d in docs["doc_id"]]
    if "published" in docs and pd.api.types.is_datetime64_any_dtype(docs["published"]):
        docs["published"] = docs["published"].dt.strftime("%Y-%m-%d")  # a date column: shown as its ISO day
    for column in ("outlet", "author", "title", "published", "dateline"):
        docs[column] = docs[column].fillna("").astype(str) if column in docs else ""
    # a date the article's own dateline contradicts is shown with it (see the warning of corpus.documents)
    docs["published"] = [f"{p} (its dateline: {d})" if d and p and not d.startswith(p[:10]) else p
                         for p, d in zip(docs["published"], docs["dateline"])]
    if "text_type" not in docs:
        docs["text_type"] = ""
    first = docs.drop_duplicates("source")
    words = docs.groupby("source", sort=False)["words"].sum()
    kinds = docs.groupby("source", sort=False)["text_type"].agg(
        lambda t: ", ".join(LABELS.get(k, k) for k in dict.fromkeys(t.dropna()) if k) or "–")
    rows = []
    for row in first.itertuples(index=False):
        name = row.outlet or row.author or str(row.source)
        rows.append((row.source, name, row.title, row.published, kinds[row.source], int(words[row.source])))
    return pd.DataFrame(rows, columns=["source", "name", "headline", "published", "text_type", "words"])


def _listed(names: list[str], most: int = 8) -> str:
    """Names joined, at most ``most`` of them, then how many more."""
    return ", ".join(names[:most]) + (f" and {len(names) - most} more" if len(names) > most else "")


def _names(identity: pd.DataFrame) -> dict[str, str]:
    """Display names: the name, and the headline when two sources share a name or the name is the identifier."""
    counts = Counter(identity["name"])
    out = {}
    for row in identity.itertuples(index=False):
        name = row.name
        if counts[name] > 1 or name == row.source:
            name = f"{name} (“{_cut(row.headline, 40)}”)" if row.headline else name
        out[row.source] = name
    return out


def sources_blocks(tables: dict) -> list[tuple]:
    """Who the sources are and what kind of text each is, with the evidence."""
    identity = source_identity(tables["documents"], tables.get("sources"))
    docs = tables["documents"]
    shown = identity.rename(columns={"text_type": "type of text"})[["name", "headline", "published", "type of text", "words"]]
    blocks = [("h2", "The sources and what kind of text each is"), ("table", shown.head(40))]
    if "text_type_evidence" in docs:
        blocks.append(("list", [f"**{_cut(t, 50)}** — {LABELS.get(k, k)}: {e}"
                                for t, k, e in zip(docs["title"].fillna(docs["doc_id"]), docs["text_type"],
                                                   docs["text_type_evidence"])][:40]))
        kinds = Counter(docs["text_type"])
        if len(kinds) > 1:
            listed = ", ".join(f"{LABELS.get(k, k)}: {n}" for k, n in kinds.most_common())
            blocks.append(("p", f"**Different kinds of text are compared side by side** ({listed}). Differences in "
                                "address, first-person views, attribution and tone below partly reflect the kind of "
                                "text, not only the outlet's slant."))
    return blocks


def facts_blocks(tables: dict) -> list[tuple]:
    """The facts grid: facts stated differently, each quoted side by side."""
    facts = tables.get("facts")
    if facts is None or facts.empty:
        groups = tables.get("quantity_groups")
        across = 0
        if groups is not None and len(groups) and {"members", "n_sources"} <= set(groups.columns):
            shared = groups[groups["n_sources"] > 1]
            across = int((~within_one_story(tables, shared)).sum()) if len(shared) else 0
        return [("h2", "Facts the sources state"),
                ("p", "No fact (a figure, a date, a count of things or an actor's reaction) is stated by two sources "
                      + ("of one event group " if across else "") + "in a form this report can compare."
                      + (f" {across} {'quantity is' if across == 1 else 'quantities are'} given by articles that may "
                         "report different events (`data/quantity_groups.csv`); the Numbers section sets those that "
                         "differ side by side, as no finding." if across else ""))]
    names = _names(source_identity(tables["documents"], tables.get("sources")))
    per_fact = facts.drop_duplicates("fact_id")
    counts = per_fact["state"].value_counts()
    # a fact only copies of one text state is one text saying it, not sources agreeing
    copied = copied_texts(tables)
    given = facts[facts["mentioned"]]
    one_text = int((given.assign(text=given["doc_id"].map(lambda d: copied.get(d, d)))
                    .groupby("fact_id")["text"].nunique() == 1).sum())
    differing = int((per_fact["state"] != "agree").sum())
    can_all = int(sum(compatible(n) for n, st in zip(per_fact.get("note", pd.Series(dtype=str)), per_fact["state"])
                      if st == "differ"))
    groups = tables.get("quantity_groups")
    crossing = 0
    if groups is not None and len(groups) and "members" in groups:
        differing_groups = groups[groups["status"].isin(DIFFERING) & (groups["n_sources"] > 1)]
        crossing = int((~within_one_story(tables, differing_groups)).sum()) if len(differing_groups) else 0
    blocks = [("h2", "Facts the sources state differently" if differing else "Facts the sources state"),
              ("p", f"{len(per_fact)} {'fact' if len(per_fact) == 1 else 'facts'} (figures, event dates, counts of things, "
                    f"reactions of actors) {'is' if len(per_fact) == 1 else 'are'} found stated "
                    f"by at least two sources: contradictory {counts.get('contradict', 0)}, "
                    f"inconsistent within one source {counts.get('inconsistent_within_source', 0)}, "
                    f"differing {counts.get('differ', 0)}"
                    + (f" ({can_all} of them in words or measures that can all be true)" if can_all else "")
                    + f", agreeing {counts.get('agree', 0)}"
                    + (f" ({'it is' if one_text == 1 and len(per_fact) == 1 else f'{one_text} of them are'} stated only by copies of one text)"
                       if one_text else "") + ". "
                    "A contradiction is called only when two statements cannot both be true (different exact "
                    "counts in a shared context, or an actor said to have reacted and not to have reacted). The grid "
                    "finds figures, dates tied to a word of an event (“signed”, “attack”), counts of things and "
                    "reactions in set words: a fact told otherwise, or dated by a year alone, is not compared here. Every "
                    "cell, with offsets, is in `data/facts.csv`."
                    + (f" {crossing} more {'figure differs' if crossing == 1 else 'figures differ'} between articles "
                       "that may report different events; the Numbers section lists "
                       f"{'it' if crossing == 1 else 'them'} apart, as no finding." if crossing else ""))]
    flagged = per_fact[per_fact["state"] != "agree"].head(MAX_FACTS_QUOTED)
    for fact in flagged.itertuples(index=False):
        cells = facts[facts["fact_id"] == fact.fact_id]
        note = getattr(fact, "note", "")
        said = isinstance(note, str) and note.startswith(SAID_OF_DIFFERENT_THINGS)
        scoped = isinstance(note, str) and note.startswith(SCOPE_DIFFERS)
        worded = not (said or scoped) and fact.state == "differ" and compatible(note)
        # most sources agree, and each that does not measures something else by the note ("... in vale-news")
        overlap = overlapping_sources(cells, tables.get("numbers")) if fact.kind == "quantity" else ([], [], None)
        best, rest = overlap[:2] if scoped else ([], [])
        apart = bool(rest) and all(re.search(rf"\b{re.escape(str(s))}\b", note) for s in rest)
        blocks.append(("h3", f"{_cut(fact.label, 80)}: "
                             + ("the sources give this figure for different things" if said else
                                f"{len(best)} sources agree; "
                                + ("the one that differs" if len(rest) == 1 else f"the {len(rest)} that differ")
                                + " may measure something else" if apart else
                                "the values differ, and so may what they measure" if scoped else
                                "the sources word it differently, but their statements can all be true" if worded else
                                "one source says both that there was a reaction and that there was none"
                                if fact.kind == "reaction" and fact.state == "inconsistent_within_source" else
                                "the sources report different reactions" if fact.kind == "reaction" and fact.state == "differ" else
                                "the sources name different parties, or one party by two names"
                                if fact.kind == "party" and fact.state == "differ" and ANOTHER_NAME in str(note) else
                                "the sources name different parties" if fact.kind == "party" and fact.state == "differ" else
                                _STATE_WORDS[fact.state])))
        if isinstance(note, str) and note:
            # a note may open with a source's id ("vale-news says both ..."), which keeps its case
            opens_with_id = note.split(" ", 1)[0] in set(cells["source"].astype(str))
            blocks.append(("p", (note if opens_with_id else note[0].upper() + note[1:]) + "."))
        if fact.kind == "quantity" and fact.state != "agree":
            most = _most_agree(cells, tables.get("numbers"), names, overlap)
            if most:
                blocks.append(("p", most))
        for source, group in cells[cells["mentioned"]].groupby("source", sort=False):
            # one quote per sentence, naming every value it gives
            for (doc_id, sentence_id), same in list(group.groupby(["doc_id", "sentence_id"], sort=False))[:QUOTES_PER_SOURCE]:
                values = ", ".join(f"“{v}” (characters {a}–{b})" for v, a, b in zip(same["value"], same["start"], same["end"]))
                blocks.append(("quote", same["wording"].iloc[0],
                               f"{names.get(source, source)}, sentence {sentence_id}: {values}"))
        absent = cells[~cells["mentioned"]]
        missing = [names.get(s, s) for s in absent.loc[absent["wording"] == NOT_MENTIONED, "source"]]
        vague = [names.get(s, s) for s in absent.loc[absent["wording"] != NOT_MENTIONED, "source"]]
        if vague:
            blocks.append(("p", "Mention it without this detail: " + _listed(vague) + "."))
        if missing and fact.kind == "reaction":
            # a reaction is found by its verbs ("condemned", "has not commented"): a source may tell it otherwise
            blocks.append(("p", "No reaction of this actor found, in these words, in: " + _listed(missing)
                                + " (a source may report it in other words, or quote it at length)."))
        elif missing:
            blocks.append(("p", "Not mentioned by: " + _listed(missing) + "."))
    agreeing = per_fact[per_fact["state"] == "agree"]
    if len(agreeing):
        # the sources that give the figure, not only a vague amount beside it ("hundreds")
        given = facts[facts["mentioned"] & ~((facts["kind"] == "quantity") & facts["value"].map(lambda v: vague_amount(str(v))))]
        stated = given.groupby("fact_id")["source"].nunique()
        # copies of one text, or a passage two articles share word for word, agreeing are one text saying it
        reuse = tables.get("text_reuse")
        sentences = tables.get("sentences")
        if sentences is not None and {"start", "end"} <= set(sentences.columns):
            spans = sentences[["doc_id", "sentence_id", "start", "end"]].rename(columns={"start": "sentence_start", "end": "sentence_end"})
            given = given.merge(spans, on=["doc_id", "sentence_id"], how="left")
            given["sentence_start"] = given["sentence_start"].fillna(given["start"])
            given["sentence_end"] = given["sentence_end"].fillna(given["end"])
        shown = agreeing.head(MAX_AGREED)
        texts = {fact_id: text_groups(rows, reuse, copied)
                 for fact_id, rows in given[given["fact_id"].isin(shown["fact_id"])].groupby("fact_id")}
        source_of = dict(zip(given["doc_id"], given["source"]))

        documents = tables.get("documents")
        replies = set(documents.loc[documents["text_type"] == REPLY, "doc_id"]) \
            if documents is not None and "text_type" in documents else set()
        replying = given[given["doc_id"].isin(replies)].groupby("fact_id")["source"].nunique()

        def shared(docs: list[str]) -> str:
            """The sources of one text, and how they share it: copies of one article, or a passage in the same words
            (which may be stock wording or one quoted statement, not a copy: the reader judges)."""
            sources = sorted({source_of.get(d, d) for d in docs})
            if len(sources) < 2:
                return ""
            how = "copies of one text" if len({copied.get(d, d) for d in docs}) == 1 else "in the same words"
            named = [f"`{s}`" for s in sources]
            return f"{', '.join(named[:-1])} and {named[-1]} {how}"

        def count(fact_id) -> str:
            n, r = int(stated[fact_id]), int(replying.get(fact_id, 0))
            # a conversational reply repeats what it was told or read: no independent confirmation
            reply = "" if not r else f", {'one' if r == 1 else r} of them {'a conversational reply' if r == 1 else 'conversational replies'}"
            alike = [text for text in (shared(docs) for docs in texts[fact_id]) if text]
            return f"{n} sources" + reply + "".join(f"; {text}" for text in alike)
        blocks.append(("p", "The sources agree on: " + "; ".join(
            f"{_cut(r.label, 60)} ({count(r.fact_id)})" for r in shown.itertuples()) + "."))
    return blocks


def _most_agree(cells: pd.DataFrame, numbers: pd.DataFrame | None, names: dict[str, str],
                overlap: tuple | None = None) -> str:
    """A sentence naming the sources whose precise values of a differing figure overlap, when they are at least
    two and some other source's values do not ("3 of the 4 sources that give a precise figure give values that
    overlap: ..."), else "". ``overlap``: :func:`~toolkit.compare.facts.overlapping_sources`' result for these
    cells, when already worked out."""
    best, rest, keyed = overlap if overlap is not None else overlapping_sources(cells, numbers)
    if not best:
        return ""

    def values(source: str) -> str:
        return " and ".join(f"“{v}”" for v in dict.fromkeys(keyed.loc[keyed["source"] == source, "value"]))

    shown = QUOTES_PER_SOURCE * 4  # the sources named on each side; the rest are counted
    return (f"{len(best)} of the {len(best) + len(rest)} sources that give a precise figure give values that "
            "overlap — " + "; ".join(f"{names.get(s, s)}: {values(s)}" for s in best[:shown])
            + (f"; and {len(best) - shown} more" if len(best) > shown else "") + ". "
            + " ".join(f"{names.get(s, s)} gives {values(s)}." for s in rest[:shown])
            + (f" {len(rest) - shown} more give other values." if len(rest) > shown else ""))


_STOPWORDS = frozenset("""about after again against also although among another because before being between both
could during either every first from have however including into itself later might more most much must never other
over rather should since some such than that their them then there these they this those though through under until
very were what when where whether which while will with within without would years year said says already
again still never often later early recent recently""".split())
#: A word counts as a source's theme when it uses it at least this many times.
THEME_USES = 3


def _starts_any(words: list[str], prefix: str) -> bool:
    """Whether some word of the sorted list starts with ``prefix``."""
    at = bisect_left(words, prefix)
    return at < len(words) and words[at].startswith(prefix)


def _term_presence(tables: dict, all_sources: list[str]) -> dict[str, tuple[str, set]]:
    """Words that are a theme (:data:`THEME_USES` uses or more) of every source that uses them,
    at least two, and absent from the rest."""
    sentences = tables.get("sentences")
    if sentences is None or sentences.empty:
        return {}
    mapping = dict(zip(tables["sources"]["doc_id"], tables["sources"]["source"])) if "sources" in tables else {}
    written = sentences.assign(source=sentences["doc_id"].map(lambda d: mapping.get(d, d))).groupby("source")["text"] \
        .agg(" ".join)
    text = written.str.lower()
    out = {}
    # words folded to a crude singular, so that "harbours" counts for "harbour"
    counts = {s: Counter(w[:-1] if w.endswith("s") and not w.endswith("ss") else w
                         for w in re.findall(r"[a-z][a-z-]{4,}", text[s])) for s in all_sources if s in text.index}
    vocabularies = {src: names_in(written[src]) for src in counts}
    vocabulary = {w for c in counts.values() for w, n in c.items() if n >= THEME_USES and w not in _STOPWORDS}
    actors = tables.get("coverage")
    named = set() if actors is None or actors.empty else \
        {w.lower().rstrip("s") for label in actors.loc[actors["fact_type"] == "actor", "label"] for w in str(label).split()}
    # a word an actor is written as (a capital for its country, by the corpus's aliases) is that actor's fact
    mentions = tables.get("actor_sentiment")
    if mentions is not None and len(mentions) and "surface" in mentions:
        named |= {w.lower().rstrip("s") for surface in mentions["surface"].dropna().unique() for w in str(surface).split()}
    # only names: a common word ("shipment", "shift") absent from a text is no fact left out, and a
    # paraphrase ("shipped") would hide it; a name written with a capital inside a sentence is checkable
    body = sentences[~sentences["kind"].isin(["title", "heading"])] if "kind" in sentences else sentences
    raw = " ".join(body["text"])  # titles are in title case: every word has a capital
    fold = lambda w: w[:-1] if w.endswith("s") and not w.endswith("ss") else w  # noqa: E731
    capitalised = Counter(fold(m.lower()) for m in re.findall(r"(?<=[a-z,;] )([A-Z][a-z][a-z-]{3,})", raw))
    lower = Counter(fold(m) for m in re.findall(r"(?<![\w’'-])([a-z][a-z-]{4,})", raw))
    # a name is written with its capital more often than without ("an operation" ten times and "Operation
    # Vale Shield" once is a common word)
    names = {w for w, n in capitalised.items() if n >= lower[w]}
    for word in sorted((vocabulary - named) & names):
        if no_fact(word) or any(same_name(word, n) for n in named if n[:1] == word[:1]):
            # a month, a weekday, a relative day or a news agency's byline is no fact left out, and
            # another spelling or the demonym of an actor's name ("Russian") is the actor's fact
            continue
        using = {s for s, c in counts.items() if c[word] > 0}
        themed = {s for s in using if counts[s][word] >= THEME_USES}
        # a theme of every source that uses it at all, and of no fewer than two
        # absent means no word of the source even starts with it ("regional" keeps "region" present)
        # nor is another spelling of it ("Rashideen", "Shiite" for "Rashidin", "Shia")
        absent = [s for s in counts if s not in using and not _starts_any(vocabularies[s], word)
                  and not mentions_name(vocabularies[s], word)]
        if len(themed) >= 2 and themed == using and absent:
            out[f"word:{word}"] = (f"the name {word.capitalize()}", set(counts) - set(absent))
    return out


def omission_items(tables: dict) -> pd.DataFrame:
    """Facts several sources carry and others leave out, ranked by how many carry them.

    One row per fact: ``label, carried_by, of, carriers, omitters, short_omitters``.
    Facts come from the facts grid and the coverage table (actors, shared
    claims, quantities); a source far shorter than the carriers
    (under :data:`SHORT_SHARE` of the shortest one's length) is listed apart.
    """
    identity = source_identity(tables["documents"], tables.get("sources"))
    words = dict(zip(identity["source"], identity["words"]))
    all_sources = list(identity["source"])
    present: dict[str, tuple[str, set]] = {}
    facts = tables.get("facts")
    if facts is not None and len(facts):
        # only figures: a count, party, date or reaction not given is not a topic left out
        # the same figure only: where the sources' values differ, the facts grid shows them side by side
        agreed = facts[(facts["kind"] == "quantity") & (facts["state"] == "agree")]
        for fact_id, group in agreed.groupby("fact_id", sort=False):
            if all(vague_amount(v) for v in group.loc[group["mentioned"], "value"]):
                continue  # "thousands", "billions": no figure a source can leave out
            # a source that gives only a vague amount ("thousands of people" for "5,000 people") neither carries the
            # figure nor leaves it out (see _figures_stated_otherwise)
            present[f"fact:{fact_id}"] = (f"the figure {group['label'].iloc[0]}", set(group.loc[_precise(group), "source"]))
    coverage = tables.get("coverage")
    if coverage is not None and len(coverage):
        for (kind, fact_id), group in coverage.groupby(["fact_type", "fact_id"], sort=False):
            label = str(group["label"].iloc[0])
            if kind in ("quantity", "claim") or no_fact(label):
                # quantities are in the facts grid; a weekday is no actor; a claim found in some sources
                # by word overlap may be in the others in other words, so its absence is not checkable
                continue
            present[f"{kind}:{fact_id}"] = (label, set(group.loc[group["state"] != "absent", "source"]))
    present.update(_term_presence(tables, all_sources))
    sources = tables.get("sources")
    # an article on another event (``event_groups``) does not leave out the names of this one
    of_source = source_groups(tables.get("event_groups"), dict(zip(sources["doc_id"], sources["source"]))
                              if sources is not None else {})
    stated = _figures_stated_otherwise(tables, facts, of_source)
    copied = copied_texts(tables)
    rows = []
    for key, (label, carriers) in present.items():
        universe = story_sources(carriers, of_source, all_sources)
        carriers = carriers & set(universe)
        universe = [s for s in universe if s in carriers or s not in stated.get(key, set())]
        if len({copied.get(s, s) for s in carriers}) < 2 or len(carriers) == len(universe):
            continue  # copies of one text carry a fact once
        shortest = min(words[s] for s in carriers)
        omitters = [s for s in universe if s not in carriers]
        short = [s for s in omitters if words[s] < SHORT_SHARE * shortest]  # under half of every carrier's length
        rows.append((label, len(carriers), len(universe), sorted(carriers), [s for s in omitters if s not in short],
                     short))
    out = pd.DataFrame(rows, columns=["label", "carried_by", "of", "carriers", "omitters", "short_omitters"])
    if out.empty:
        return out
    out["long"] = out["omitters"].map(len)
    return out.sort_values(["carried_by", "long", "label"], ascending=[False, False, True], ignore_index=True).drop(columns="long")


def _figures_stated_otherwise(tables: dict, facts: pd.DataFrame | None, of_source: dict) -> dict[str, set]:
    """Per agreed figure of the facts grid (``fact:<id>``), the sources that state its value in a sentence the
    alignment did not join ("two Shia villages" beside "two besieged towns"): they do not leave it out, as the
    profiles say (:func:`toolkit.present.profile_sections.stating_documents`)."""
    numbers = tables.get("numbers")
    if facts is None or facts.empty or numbers is None or not {"group_id", "start", "doc_id"} <= set(numbers.columns):
        return {}
    sources = tables.get("sources")
    documents = ({} if sources is None else
                 sources.groupby("source")["doc_id"].agg(list).to_dict())
    group_at = {(d, int(a)): str(g) for d, a, g in zip(numbers["doc_id"], numbers["start"], numbers["group_id"]) if pd.notna(g)}
    out: dict[str, set] = {}
    agreed = facts[(facts["kind"] == "quantity") & (facts["state"] == "agree")]
    for fact_id, group in agreed.groupby("fact_id", sort=False):
        given = group[group["mentioned"]]
        group_ids = {group_at.get((d, int(a))) for d, a in zip(given["doc_id"], given["start"]) if pd.notna(a)} - {None}
        stating = set().union(*(stating_documents(tables, g) for g in group_ids)) if group_ids else set()
        precise = set(group.loc[_precise(group), "source"])
        for source in set(facts["source"]) - precise:
            if source in set(given["source"]) or stating & set(documents.get(source, [source])):
                out.setdefault(f"fact:{fact_id}", set()).add(source)  # in other words, or only vaguely ("thousands")
    return out


def _precise(group: pd.DataFrame) -> pd.Series:
    """Rows of a figure of the facts grid that give it, not only a vague amount ("thousands")."""
    return group["mentioned"] & ~group["value"].map(lambda v: vague_amount(str(v)))


def omission_blocks(tables: dict) -> list[tuple]:
    """What each source leaves out, in words, ranked by how many others carry it."""
    items = omission_items(tables)
    if items.empty:
        return []
    identity = source_identity(tables["documents"], tables.get("sources"))
    names, words = _names(identity), dict(zip(identity["source"], identity["words"]))
    lines = []
    for row in items.head(MAX_OMISSIONS).itertuples(index=False):
        carriers = _listed([names[s] for s in row.carriers])
        line = f"{'Only ' if row.carried_by <= row.of / 2 else ''}{row.carried_by} of {row.of} sources mention **{row.label}** ({carriers})."
        if row.omitters:
            line += " Left out by " + _listed([names[s] for s in row.omitters]) + "."
        if row.short_omitters:
            line += " Also absent from " + _listed([f"{names[s]} ({words[s]:,} words, under half the length of each text that carries it)" for s in row.short_omitters]) + "."
        lines.append(line)
    return [("h2", "What each source leaves out"),
            ("p", "Actors, names and figures that at least two sources carry and others do not, those most sources "
                  "carry first. A name counts as left out only when no word of the source starts with it or writes it another way (another "
                  "transliteration, its demonym, a possessive, initials with or without dots, an alias the corpus settings give); "
                  "months, weekdays, wire-agency bylines and vague amounts (“thousands”) are no facts. A source under half the length of every one that carries a fact is named apart: "
                  "leaving things out is expected of a text so much shorter. The profiles and the coverage table count "
                  "actors and agreed figures; a name the sources use often that is not among the actors (“the name …”) "
                  "is listed here only."),
            ("list", lines)]


def voices_blocks(tables: dict) -> list[tuple]:
    """Who speaks in each source: cited voices by type and side, quoted or paraphrased, second-hand from outlets."""
    table = tables.get("voices")
    if table is None or table.empty:
        return [("h2", "Who speaks"), ("p", "No source attributes anything to anyone.")]
    identity = source_identity(tables["documents"], tables.get("sources"))
    names = _names(identity)
    named = table[table["voice_type"] != "vague"]
    # copies of one text cite a voice once: the first copy's citations are counted, the others named beside it
    copied = copied_texts(tables)
    text_of = named["source"].map(lambda s: copied.get(s, s))
    rows = []
    for voice, group in named.assign(_text=text_of).groupby("voice", sort=False):
        counted = group[group["source"] == group["_text"]] if (group["source"] == group["_text"]).any() else group
        counted = counted.drop_duplicates(["_text", "wording", "mode"]) if len(counted) > 1 else counted
        citing = list(dict.fromkeys(group["_text"]))
        extra = {t: sorted(set(group.loc[(group["_text"] == t) & (group["source"] != t), "source"])) for t in citing}
        rows.append((voice, group["voice_type"].iloc[0], group["side"].iloc[0] or "–",
                     _listed([names.get(t, t) + (f" (and its {'copy' if len(extra[t]) == 1 else 'copies'} "
                                                   + _listed([f"`{c}`" for c in extra[t]]) + ")" if extra[t] else "")
                              for t in citing]),
                     int((counted["mode"] == "direct_quote").sum()), int((counted["mode"] == "paraphrase").sum())))
    listing = pd.DataFrame(rows, columns=["voice", "type", "side (as the text states it)", "cited by", "quoted", "paraphrased"])
    listing = listing.sort_values(["quoted", "paraphrased"], ascending=False).head(MAX_VOICES)
    lines = []
    wires = wire_datelines(tables)
    of_source = source_map(tables)
    quoting = table.assign(_text=table["source"].map(lambda s: copied.get(s, s)))
    quoted_by = quoting[quoting["mode"] == "direct_quote"].groupby("source").size()
    for source in identity["source"]:
        mine = table[table["source"] == source]
        wired = {wires[d] for d, s in of_source.items() if s == source and d in wires}
        # outlets cited, and outlets a voice spoke to ("Jo Roe told Acme News"): the words may come from them
        cited = set(mine.loc[mine["from_outlet"], "voice"]) | _told_outlets(mine) if len(mine) else set()
        # wire copy under the outlet's name: the agency of its dateline, said so where it is also cited
        outlets = [o + (" (also its dateline)" if o in wired else "") for o in sorted(cited)
                   if not own_outlet(o, source)]  # "told Acme News" in Acme's own article: its own reporting
        outlets += [f"{w} (its dateline)" for w in sorted(wired - cited) if not own_outlet(w, source)]
        if mine.empty:
            lines.append(f"**{names[source]}** cites no one"
                         + (f"; **taken from other outlets**: {', '.join(outlets)}." if outlets else "."))
            continue
        kinds = Counter(mine["voice_type"])
        sides = sorted({s for s in mine["side"] if s})
        line = (f"**{names[source]}**: {len(mine)} attribution{'s' if len(mine) != 1 else ''}, {int((mine['mode'] == 'direct_quote').sum())} with "
                f"quoted words; " + ", ".join(f"{n} {k}" for k, n in kinds.most_common()))
        unnamed = sum(unnamed_voice(v, t) for v, t in zip(mine["voice"].astype(str), mine["voice_type"]))
        # the count the source's profile gives: vague sources, and officials or groups named only by role, less a
        # role one person holds in the story ("the president replied")
        if unnamed > kinds.get("vague", 0):
            line += f" ({unnamed} of them unnamed: vague, or named by role or group only)"
        elif unnamed < kinds.get("vague", 0):
            line += (f" ({unnamed} of them unnamed; the other{'s' if kinds['vague'] - unnamed > 1 else ''} "
                     "name by role one person the story names)")
        if sides:
            line += "; sides named: " + ", ".join(sides)
        if outlets:
            line += "; **taken from other outlets**: " + ", ".join(outlets)
        # a copy of a text that quotes, printed without the marks: its speakers' words count as paraphrase here
        text = copied.get(source, source)
        twins = [t for t in dict.fromkeys(quoting.loc[quoting["_text"] == text, "source"]) if t != source]
        # ... when the copy cites, unquoted, a voice the other copy quotes (not a copy that left the quote out)
        mine_voices = set(mine["voice"])
        quoting_twins = [t for t in twins if set(quoting.loc[(quoting["source"] == t) & (quoting["mode"] == "direct_quote"),
                                                             "voice"]) & mine_voices]
        copy_note = (f" Its text is a copy of `{quoting_twins[0]}`’s without the quotation marks, so the words it "
                     "takes from speakers count here as paraphrase, not quotation."
                     if quoted_by.get(source, 0) == 0 and quoting_twins else "")
        lines.append(line + "." + copy_note)
    if len(lines) > MAX_SOURCES_LISTED:
        lines = lines[:MAX_SOURCES_LISTED] + [f"… and {len(lines) - MAX_SOURCES_LISTED} more sources; all citations are in `data/voices.csv`."]
    blocks = [("h2", "Who speaks"),
              ("p", "Every cited source (from the attributions), with its type and the side, nationality or party "
                    "the text gives it; `quoted` counts citations whose sentence quotes words, `paraphrased` the others. "
                    "What a source says others said, relayed by unnamed reports (“reports suggest Vale has called it "
                    "…”), by another speaker (“Roe left saying Kay told them “…””) or by those the sentence closes "
                    "on (“Kay said he would stay, according to two officials”), is counted as the words of the one "
                    "who relays it, once; “one of the officials” and “another official” are the officials cited "
                    "before; the attribution rates of the stance measures count every cue. "
                    "All citations are in `data/voices.csv`."),
              ("list", lines), ("table", listing)]
    actors = tables.get("actor_sentiment")
    if actors is not None and len(actors):
        mapping = dict(zip(tables["sources"]["doc_id"], tables["sources"]["source"])) if "sources" in tables \
            else {d: d for d in identity["source"]}
        silent = silent_actors(table, actors, mapping)
        # persons only: a body or a country speaks through people ("a spokeswoman for the department"), whom the
        # voices do not always tie back to it, so its silence cannot be told
        none = [f"{r.actor} ({r.mentioned_by} sources)" for r in silent.itertuples()
                if r.cited_by == 0 and named_person(str(r.actor))][:MAX_VOICES]
        # persons only: a country, a party or an office speaks through people ("US envoy Jo Roe", "Kremlin spokesman
        # Al Kay") whom the voices table does not always tie to it, so "never quoted" could not be told for it
        unquoted = [f"{r.actor}" for r in silent.itertuples() if r.cited_by > 0 and r.quoted_by == 0
                    and named_person(str(r.actor))][:MAX_VOICES]
        if none:
            blocks.append(("p", "**Written about but never cited** by any source (persons): " + ", ".join(none) + "."))
        if unquoted:
            blocks.append(("p", "**Cited but never quoted in their own words** (persons; a country or a body speaks through people): " + ", ".join(unquoted) + "."))
    return blocks


_TOLD = re.compile(r"\b(?:told|tells|in an interview with|(?:said|says|saying|speaking|appearing)\s+(?:on|at\s+an?))\s+"
                   r"((?:the\s+)?[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3})")


#: An outlet's event or programme after its name ("an Acme News Town Hall", "a Vale News debate").
_OUTLET_EVENT = re.compile(r"(?:[Tt]own [Hh]all|[Dd]ebate|[Ff]orum|[Ee]vent|[Ss]ummit|[Cc]onference|[Ss]how|[Pp]rogram(?:me)?)")


def own_outlet(name: str, source: str) -> bool:
    """Whether an outlet a source cites is the source itself ("Acme News" in the article of `acme`, "New
    York Times" in `nyt`).

    >>> own_outlet("Acme News", "acme"), own_outlet("The Vale Times", "VT"), own_outlet("Acme News", "vale")
    (True, True, False)
    """
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I).rstrip("’'. ")
    source = str(source).strip().lower()
    if len(source) < 2 or not name:
        return False
    words = name.lower().split()
    initials = "".join(w[0] for w in words if w not in ("of", "and", "&"))
    return (name.lower().startswith(source) or source.startswith(name.lower()) or initials == source.replace(".", "")
            or source in words)


def _told_outlets(voices: pd.DataFrame) -> set[str]:
    """News outlets the cited voices spoke to ("Jo Roe told Acme News in Vale that ..."), by the cue's sentence."""
    found = set()
    for cue, wording in zip(voices["cue"].astype(str), voices["wording"].astype(str)):
        if cue.lower() in ("told", "tells", "interview", "said", "says", "saying"):
            for name in _TOLD.findall(wording):
                name = re.sub(r"(?:’s|'s)(?:\s.*)?$", "", name)  # "NBC’s Lester Holt": the outlet is NBC
                if classify_source(name) == "outlet":
                    name = re.sub(r"^the\s+|[.’']+$", "", name)
                    # "said at an Acme News Town Hall": the outlet, not its programme
                    found.add(next((o for o in outlet_names() if name.startswith(o + " ")
                                    and _OUTLET_EVENT.fullmatch(name[len(o) + 1:])), name))
    return found


def wire_datelines(tables: dict) -> dict[str, str]:
    """The wire agency each article's removed dateline names ("AP Wednesday 26 Oct 2016", "Vale (AFP) —"): the
    text is that agency's copy, an outlet it is taken from (``removed``, rule ``dateline``)."""
    removed = tables.get("removed")
    if removed is None or removed.empty or "rule" not in removed:
        return {}
    datelines = removed[removed["rule"] == "dateline"]
    out = {}
    for doc, text in zip(datelines["doc_id"], datelines["text"].astype(str)):
        agency = _WIRE.search(text)
        if agency:
            out.setdefault(str(doc), agency.group(1))
    return out


#: A wire agency named in a dateline, as its first word or in brackets.
_WIRE = re.compile(r"(?:^|\()(" + WIRE_AGENCY + r")\b")


def within_one_story(tables: dict, groups: pd.DataFrame) -> pd.Series:
    """Whether each quantity group's figures come from articles of one event group (``event_groups``): figures
    from articles that may report different events are not set side by side as differing."""
    events = tables.get("event_groups")
    if event_group_count(events) <= 1:
        return pd.Series(True, index=groups.index)
    group_of = dict(zip(events["doc_id"], events["event_group"]))
    return groups["members"].fillna("").map(
        lambda members: len({group_of.get(m.rsplit(":", 1)[0]) for m in members.split(";") if m}) <= 1)


def facts_report_blocks(tables: dict) -> list[tuple]:
    """All the opening sections, in order."""
    return sources_blocks(tables) + facts_blocks(tables) + omission_blocks(tables) + voices_blocks(tables)
