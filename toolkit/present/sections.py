"""The written report's sections, as blocks (see :mod:`toolkit.present.render`).

Each ``*_blocks`` function turns computed tables into headings, paragraphs,
tables, chart references and quotes; it computes nothing the tables do not
hold. Every number in the prose is read from a table.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..compare.actor_tone_tests import PERMUTATIONS
from ..compare.alignment import DIFFERING, FLOOR_RATIO, article_days, coarse_date, overlaps
from ..compare.by_source import source_documents, source_map
from ..compare.copies import copied_texts, copies
from ..compare.facts import TOLL_CAVEAT
from ..compare.quantity_events import MAX_TOLL_DAYS, TOLL_LABEL, toll_update
from ..compare.name_variants import vague_amount
from ..compare.profiles import FDR
from ..compare.registry import MEASURES, charted, tabled
from ..compare.same_event import SAME_EVENT_FLOOR, event_group_count, news_days, source_groups
from ..corpus.documents import Corpus
from ..data import validation_figures
from ..measures.attribution import find_attributions, reported_from
from ..measures.framing import FRAMES, is_body_text
from ..measures.number_forms import APPROX_TOLERANCE
from ..measures.sentiment import CONFIDENT_PROBABILITY, MIN_ACTOR_MENTIONS, VADER_THRESHOLD, confident_extremes, writers_mentions
from ..measures.tone_model import vader_scores
from ..text.metadata import FIELDS
from ..text.quotes import mostly_quoted, quoted_spans
from .evidence import direction, evidence, evidence_for, figure_text, format_difference, format_value, quote
from .facts_sections import facts_report_blocks, within_one_story
from .kinds import kind_headers, mix, side_by_side, source_kinds, with_kind_column
from .kinds import named as named_kind
from .profile_sections import figure_carriers, left_out, profile_blocks, shorten

#: Contrasts named in the summary, at most.
SUMMARY_ITEMS = 10
#: Other sources named beside a summary finding ("Also on this measure"), at most: with hundreds of sources
#: the list would otherwise grow with the corpus.
MAX_ALSO = 10
#: Figures of one quantity group listed side by side (the rest are in numbers.csv).
SIDE_BY_SIDE = 12
#: Rows of a listing (sources, documents, passages, quantities) shown in the
#: report, at most; the full tables are in data/. This keeps the report's size
#: independent of the corpus's.
MAX_LISTED = 40
#: Facts drawn in the coverage chart, and quantity groups in the numbers chart, at most.
MAX_FACTS = 60
#: Sources drawn in a chart, at most. Beyond, the largest sources (by words)
#: are drawn and the others pooled as one "others" row or column where pooling
#: means something (frame shares, tone toward actors, numbers), or left out
#: (intervals, coverage, similarity), with a note in the caption: a chart with
#: hundreds of rows can neither be read nor rendered quickly.
MAX_CHART_SOURCES = 12
#: The name of the pooled row or column.
OTHERS = "others"
#: Distinct cited sources listed per source, at most.
MAX_CITED = 20
#: Mentions quoted per quantity, at most.
QUOTES_PER_QUANTITY = 10

# ----------------------------------------------------------------- helpers


def _pct(value: float) -> str:
    return "–" if pd.isna(value) else f"{value:.0%}"


def _num(value: float, digits: int = 2) -> str:
    return "–" if pd.isna(value) else f"{value:.{digits}f}"


def _capped(items: list, what: str, where: str) -> tuple[list, list[tuple]]:
    """At most :data:`MAX_LISTED` items, and a note block when some are left out."""
    if len(items) <= MAX_LISTED:
        return items, []
    return items[:MAX_LISTED], [("p", f"The first {MAX_LISTED} of {len(items):,} {what} are shown; all are in `{where}`.")]


def _with_interval(profiles: pd.DataFrame, measure: str, fmt=_num) -> dict[str, str]:
    rows = profiles[profiles["measure"] == measure]
    return {r.source: f"{fmt(r.value)} [{fmt(r.ci_low)}, {fmt(r.ci_high)}]" for r in rows.itertuples()}


def charted_sources(tables: dict) -> tuple[list[str], int]:
    """The sources drawn in the charts (all, or the :data:`MAX_CHART_SOURCES` largest by words, in corpus order)
    and how many sources there are."""
    mapping = tables.get("sources")
    documents = tables["documents"]
    source = documents["doc_id"].map(dict(zip(mapping["doc_id"], mapping["source"]))) if mapping is not None \
        else documents["doc_id"]
    words = documents.assign(source=source).groupby("source", sort=False)["words"].sum()
    order = list(words.index)
    if len(order) <= MAX_CHART_SOURCES:
        return order, len(order)
    largest = set(words.sort_values(ascending=False, kind="stable").index[:MAX_CHART_SOURCES])
    return [s for s in order if s in largest], len(order)


def _chart_note(tables: dict, pooled: bool) -> str:
    shown, total = charted_sources(tables)
    if total <= len(shown):
        return ""
    rest = f"; the other {total - len(shown):,} pooled as “{OTHERS}”" if pooled else ""
    return f" (the {len(shown)} largest of {total:,} sources{rest}; every source is in the tables in `data/`)"


# ----------------------------------------------------------------- sections


def _bare(words: str) -> str:
    return words[2:] if words.startswith("a ") else words


def _unconfirmed(measure, source: str, indexed: pd.DataFrame) -> str:
    """A note when the other method of a measure drawn with siblings (the two tone methods) does not confirm it."""
    if measure.chart != "tone":
        return ""
    siblings = [m for m in MEASURES.values() if m.chart == measure.chart and m.name != measure.name]
    missing = [m.label for m in siblings if (source, m.name) in indexed.index and not indexed.loc[(source, m.name), "survives"]]
    return f" The other tone method ({', '.join(missing)}) does not find a difference that survives." if missing else ""


def summary_findings(tables: dict) -> pd.DataFrame:
    """The contrasts the summary names: those that survive (see :mod:`toolkit.compare.profiles`),
    strongest first, one per measure, with the other survivors on that measure in ``also``.

    Strength is the difference over its bootstrap standard error (the smaller
    the p-value, the stronger); ties by source and measure.
    """
    contrast = tables["contrasts"]
    if contrast.empty or "survives" not in contrast:
        return contrast.iloc[0:0].assign(also=[])
    reportable = contrast["measure"].map(lambda m: MEASURES[m].finding)
    survivors = contrast[contrast["survives"] & reportable].sort_values(["p_value", "source", "measure"])
    # a tone difference is named only when both tone methods find it, in the same direction: one
    # method alone is too often fooled by the words of a sentence (see the tone section)
    tone = [m for m in charted("tone")]
    signs = {(r.source, r.measure): (r.survives, r.difference > 0) for r in contrast[contrast["measure"].isin(tone)].itertuples()}
    both = {source for source in contrast["source"].unique()
            if all(signs.get((source, m), (False, None))[0] for m in tone)
            and len({signs[(source, m)][1] for m in tone}) == 1}
    survivors = survivors[~survivors["measure"].isin(tone) | survivors["source"].isin(both)]
    also = {m: list(group["source"].iloc[1:]) for m, group in survivors.groupby("measure", sort=False)}
    first = survivors.drop_duplicates("measure").copy()
    first["also"] = first["measure"].map(also)
    return first


def _apart(tables: dict, compared: list[str]) -> set[str]:
    """The sources whose articles share an event group (``event_groups``) with no other source's."""
    of_source = source_groups(tables.get("event_groups"), source_map(tables))
    if not of_source:
        return set()
    return {s for s in compared
            if not any(of_source.get(s, set()) & groups for other, groups in of_source.items() if other != s)}


def _unreported(contrast: pd.DataFrame) -> str:
    """A sentence on the comparisons that pass on measures tabled but never reported as findings (a check of the
    method, the mirror of another measure), so that the count above meets ``contrasts.csv``'s; "" when none."""
    tabled = contrast[contrast["survives"] & ~contrast["measure"].map(lambda m: MEASURES[m].finding)]
    if tabled.empty:
        return ""
    labels = list(dict.fromkeys(MEASURES[m].label for m in tabled["measure"]))
    return (f" {len(tabled)} more {'passes' if len(tabled) == 1 else 'pass'} on "
            f"{'a measure' if len(labels) == 1 else 'measures'} the report tables but does not list as "
            f"{'a finding' if len(labels) == 1 else 'findings'} "
            f"({', '.join(labels)}: a check of the method, or the mirror of another measure).")


def summary_blocks(corpus: Corpus, tables: dict) -> list[tuple]:
    contrast = tables["contrasts"]
    if contrast.empty:
        return [("h2", "Key differences"),
                ("p", "There is only one source, so there is nothing to compare it with; the sections below describe it.")]
    findings = summary_findings(tables)
    passing = contrast[contrast["survives"] & contrast["measure"].map(lambda m: MEASURES[m].finding)]
    survivors = len(passing)
    # a tone difference one of the two methods alone finds passes but is not listed (see summary_findings)
    unlisted = passing[~passing["measure"].isin(findings["measure"]) & passing["measure"].isin(charted("tone"))]
    one_method = (f" {len(unlisted)} of them {'is a tone difference' if len(unlisted) == 1 else 'are tone differences'} "
                  "that only one of the two tone methods finds, so not listed below."
                  if len(unlisted) else "")
    nominal = int((contrast["p_value"] < FDR).sum())
    blocks = [("h2", "Key differences"),
              ("p", f"Each source was compared with all the others pooled on {contrast['measure'].nunique()} measures: "
                    f"{len(contrast)} comparisons. At the 5% level, about {FDR * len(contrast):.0f} of them would look "
                    f"different by chance alone, even if the sources did not differ at all; {nominal} do. A difference "
                    f"is reported only when it survives the Benjamini-Hochberg correction for {len(contrast)} "
                    f"comparisons (false discovery rate 5%), its 95% interval excludes zero, it is at least as large as "
                    f"the measure's declared minimum, and each side has at least five events (observed, or expected at "
                    f"the other side's rate: a source with none where the others' rate predicts twelve is evidence). {survivors} "
                    f"{'comparison passes' if survivors == 1 else 'comparisons pass'}, on {passing['measure'].nunique()} "
                    f"{'measure' if passing['measure'].nunique() == 1 else 'measures'}; of these, about {FDR * survivors:.1f} may still be chance."
                    f"{one_method}{_unreported(contrast)} All are in `data/contrasts.csv` (columns `p_value`, `q_value`, `survives`); every other difference "
                    f"in this report cannot be told apart from noise. Strongest first, one item per measure. With "
                    f"{len(corpus)} articles these are differences between these articles, not between outlets in general.")]
    kinds = source_kinds(tables)
    if mix(kinds):
        blocks[-1] = ("p", blocks[-1][1] + f" The sources are not all of one kind ({mix(kinds)}); an item says when it "
                                           "sets different kinds side by side, since address, first-person views and "
                                           "attribution differ with the kind of text as much as with the outlet.")
    events = tables.get("event_groups")
    if event_group_count(events) > 1:
        blocks[-1] = ("p", blocks[-1][1] + f" The articles fall into {event_group_count(events)} groups that may "
                                           "report different events (see the warning at the top): a source compared with "
                                           "articles on other events may differ in story, not in coverage.")
    compared = list(dict.fromkeys(contrast["source"]))
    apart = _apart(tables, compared)
    if apart:
        # a source alone in its event group differs from the others in story: no finding of coverage
        held = passing[passing["source"].isin(apart)]
        findings = summary_findings({**tables, "contrasts": contrast[~contrast["source"].isin(apart)]})
        if len(held):
            named = ", ".join(f"`{s}`" for s in list(dict.fromkeys(held["source"]))[:MAX_ALSO])
            blocks[-1] = ("p", blocks[-1][1] + f" {len(held)} of the passing comparisons are of sources that share an "
                                               f"event group with no other source ({named}"
                                               f"{' and others' if held['source'].nunique() > MAX_ALSO else ''}): they may "
                                               "be differences of story, not of coverage, so they are not listed.")
        if findings.empty:
            blocks.append(("p", "No difference between sources that report one event passes, so none is listed."))
    indexed = contrast.set_index(["source", "measure"])
    for row in findings.head(SUMMARY_ITEMS).itertuples():
        measure = MEASURES[row.measure]
        also = [f"{named_kind(s, kinds)}: {_bare(direction(measure, indexed.loc[(s, row.measure), 'value'], indexed.loc[(s, row.measure), 'difference']))}, "
                f"{format_value(measure, indexed.loc[(s, row.measure), 'value'])}" for s in row.also[:MAX_ALSO]]
        if len(row.also) > MAX_ALSO:
            also.append(f"and {len(row.also) - MAX_ALSO:,} more sources (`data/contrasts.csv`)")
        mixed = side_by_side(row.source, [c for c in compared if c != row.source], kinds)
        blocks.append(("p", f"**{named_kind(row.source, kinds)}: {direction(measure, row.value, row.difference)} {measure.label}** — "
                            f"{format_value(measure, row.value)} against {format_value(measure, row.rest)} for the other "
                            f"sources (difference {format_difference(measure, row.difference)}, 95% interval "
                            f"{format_difference(measure, row.ci_low, unit=False)} to {format_difference(measure, row.ci_high)}; "
                            f"q = {row.q_value:.3f})." + (f" {mixed}" if mixed else "")
                            + (f" Also on this measure: {'; '.join(also)}." if also else "")
                            + _unconfirmed(measure, row.source, indexed)
                            + _frame_words(tables, row.source, measure)))
        shown = evidence(corpus, tables, row.source, row.measure)
        if shown:
            blocks += shown.blocks(corpus)
    if len(findings) > SUMMARY_ITEMS:
        blocks.append(("p", f"… and {len(findings) - SUMMARY_ITEMS} more measures with surviving differences, in `data/contrasts.csv`."))
    groups = tables["quantity_groups"]
    flagged = groups[groups["status"].isin(DIFFERING) & within_one_story(tables, groups)]
    if len(flagged):
        parts = []
        # a difference between sources, a source at odds with itself, and values of what may be other quantities
        for statuses, one, many in ((("floors_differ", "diverge"), "quantity is reported differently",
                                     "quantities are reported differently"),
                                    (("inconsistent_within_source",), "quantity is given two ways within one source",
                                     "quantities are given two ways, each within one source"),
                                    (("scope_differs",), "quantity may not be the same thing in every source",
                                     "quantities may not be the same thing in every source")):
            labels = [f"“{label}”" for label in flagged.loc[flagged["status"].isin(statuses), "label"]]
            if labels:
                named = ", ".join(labels[:SUMMARY_ITEMS]) + (f", and {len(labels) - SUMMARY_ITEMS} more"
                                                              if len(labels) > SUMMARY_ITEMS else "")
                parts.append(f"{len(labels)} {one if len(labels) == 1 else many} ({named})")
        blocks.append(("p", f"**Numbers**: {'; '.join(parts)}; they are quoted side by side in the Numbers section."))
    return blocks


def _has_sentence_text(tables: dict) -> bool:
    sentences = tables.get("sentences")
    return sentences is not None and {"kind", "text"} <= set(sentences.columns)


def _in_body_text(tables: dict, frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``frame`` (``doc_id``, ``sentence_id``) in sentences of body text (:func:`is_body_text`); all of
    them when the tables carry no sentence texts."""
    if not _has_sentence_text(tables):
        return frame
    sentences = tables["sentences"]
    body = sentences[pd.Series([is_body_text(k, str(t)) for k, t in zip(sentences["kind"], sentences["text"])],
                               index=sentences.index, dtype=bool)]
    return frame.merge(body[["doc_id", "sentence_id"]], on=["doc_id", "sentence_id"])


#: Cue words of a frame named beside a frame finding, at most.
FRAME_WORDS = 5


def _frame_words(tables: dict, source: str, measure) -> str:
    """For a frame finding, the words that carry the frame in the source's body sentences, with their counts:
    a frame carried by one or two words ("regime", "opposition") may be the outlet's vocabulary more than its
    framing, and the reader can judge."""
    if measure.evidence != "frame" or "frame_cues" not in tables:
        return ""
    cues = tables["frame_cues"]
    documents = set(tables["sources"]["doc_id"][tables["sources"]["source"] == source]) if "sources" in tables else {source}
    mine = cues[(cues["frame"] == measure.evidence_arg) & cues["doc_id"].isin(documents)]
    mine = _in_body_text(tables, mine)
    if mine.empty:
        return ""
    words = mine["surface"].str.lower().value_counts()
    shown = ", ".join(f"“{w}” ({n})" for w, n in words.head(FRAME_WORDS).items())
    more = f" and {len(words) - FRAME_WORDS} more" if len(words) > FRAME_WORDS else ""
    only = " only" if len(words) <= 2 else ""
    return (f" The words that carry the frame in its text{only}: {shown}{more} (`data/frame_cues.csv`)"
            + ("; a frame carried by so few words may be the outlet's vocabulary more than its framing." if only else "."))


def overview_blocks(corpus: Corpus, tables: dict | None = None) -> list[tuple]:
    docs = corpus.documents_table()
    docs["published"] = docs["published"].dt.strftime("%Y-%m-%d").fillna("")  # a date column, shown as its ISO day
    shown = docs[["doc_id", *FIELDS, "words", "sentences"]].copy()
    for name in FIELDS:
        shown[name] = [f"{v} ({s})" if v else f"({s})" for v, s in zip(docs[name], docs[f"{name}_source"])]
    if tables is not None and "text_type" in tables.get("documents", {}):
        kinds = source_kinds({"documents": tables["documents"]})  # per document, not per pooled source
        shown = with_kind_column(shown, kinds, column="doc_id")
    removed = corpus.removed_table()
    by_rule = removed.groupby(["rule", "reason"], sort=True).size().rename("removed").reset_index() if len(removed) \
        else pd.DataFrame(columns=["rule", "reason", "removed"])
    listed, note = _capped(list(range(len(shown))), "articles", "data/documents.csv")
    blocks = [("h2", "Sources"),
              ("p", "Each metadata value is followed by where it came from: the manifest (`sources.csv`), a rule that "
                    "inferred it from the text, or `missing`."),
              ("table", shown.iloc[listed]), *note,
              ("p", f"Cleaning removed web furniture with rules version {corpus.furniture_version}; every removed line "
                    "is listed with its text in `data/removed.csv`."),
              ("table", by_rule)]
    if corpus.notices:
        warned, note = _capped([f"`{Path(n.path).name}`: {n.message}" for n in corpus.notices], "warnings", "the loader's warnings")
        blocks += [("h3", "Warnings while loading"), ("list", warned), *note]
    return blocks


def tone_blocks(corpus: Corpus, tables: dict) -> list[tuple]:
    profiles = tables["profiles"]
    vader, news = _with_interval(profiles, "tone_vader_mean"), _with_interval(profiles, "tone_news_mean")
    agree = _with_interval(profiles, "methods_agree_share", _pct)
    shown = pd.DataFrame({"source": list(vader), "VADER mean [95% interval]": list(vader.values()),
                          "news model mean [95% interval]": [news[s] for s in vader],
                          "methods agree on the label": [agree[s] for s in vader]})
    shown = with_kind_column(shown, source_kinds(tables))
    blocks = [("h2", "Tone"),
              ("p", "Every sentence is scored by two independent methods: VADER, a rule-based lexicon, and a linear model "
                    "trained on news sentences (NewsMTSC) and on opinion snippets of the New York Times rated by readers "
                    "(Hutto & Gilbert 2014). Scores run from -1 (negative) to +1 (positive); intervals are "
                    "95% bootstrap intervals over sentences. Per-sentence scores are in `data/sentiment.csv`."),
              ("chart", "tone", "Mean sentence tone per source, with 95% intervals, by both methods" + _chart_note(tables, False)),
              ("table", shown),
              ("h3", "The most negative sentence of each source (news model)"),
              ("p", "Among its body sentences: headings and labels (“Execution risk”) and sentences mostly inside "
                    "quotation marks, the tone of the speaker quoted, are passed over.")]
    tone = tables["sentiment"]
    if _has_sentence_text(tables):
        # a heading or a label ("Execution risk") is no sentence of the source's own tone
        kept = _in_body_text(tables, tone)
        tone = kept if len(kept) else tone
        # a sentence mostly inside quotation marks is the tone of the speaker quoted, not of the source
        own = tone[[not _mostly_quotation(corpus, d, int(i)) for d, i in zip(tone["doc_id"], tone["sentence_id"])]]
        tone = own if len(own) else tone
    lowest = tone.loc[tone.groupby("doc_id", sort=False)["news"].idxmin()].set_index("doc_id")
    quotes = []
    for documents in source_documents(corpus, tables).values():
        mine = lowest[lowest.index.isin(documents)]
        if len(mine):
            doc_id = mine["news"].idxmin()
            quotes.append(quote(corpus, doc_id, mine.loc[doc_id, "sentence_id"]))
    shown, note = _capped(quotes, "sources", "data/sentiment.csv")
    return blocks + shown + note


def _mostly_quotation(corpus: Corpus, doc_id: str, sentence_id: int) -> bool:
    """More than half of the sentence's characters lie inside quotation marks."""
    doc = corpus.document(doc_id)
    sentence = doc.sentences[sentence_id]
    # marks paired over the whole text: a quotation may run over several sentences ("“We will not leave. ...”")
    return mostly_quoted(_doc_quotes(doc.text), sentence.start, sentence.end)


@lru_cache(maxsize=64)
def _doc_quotes(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(quoted_spans(text))


#: Most mentions passed over, one by one, in search of an extreme outside reported speech.
MAX_PASSED_OVER = 25


def _in_reported_speech(corpus: Corpus, doc_id: str, sentence_id: int, start: int) -> bool:
    """The mention stands in the words a reporting verb of its sentence introduces ("he said Ms. Roe should back
    it", "an official said"), or after a source's verb of judging ("several lawmakers accused Vale of ..."): the
    speaker's words or charge, not the writer's, as for the stance cues."""
    doc = corpus.document(doc_id)
    sentence = doc.sentences[int(sentence_id)]
    found = find_attributions(doc.text, sentence.start, sentence.end, quoted_spans(doc.text, sentence.start, sentence.end))
    begins = reported_from(found)
    judged = [a.end for a in found if a.kind == "characterising_verb" and a.source]
    return (begins is not None and start >= begins) or any(start >= end for end in judged)


def _lexicon_agrees(corpus: Corpus, row: pd.Series, label: str) -> bool:
    """Whether VADER's lexicon reads the clause scored for the mention (``clause_start``/``clause_end``, else
    its sentence) in the direction the model gave it: "referring to the Vale Bureau's review of her files" is no
    negative clause, whatever the model says."""
    doc = corpus.document(row["doc_id"])
    if "clause_start" in row and pd.notna(row["clause_start"]):
        clause = doc.text[int(row["clause_start"]):int(row["clause_end"])]
    else:
        clause = doc.sentences[int(row["sentence_id"])].text
    compound = vader_scores(clause)["compound"]
    return compound <= -VADER_THRESHOLD if label == "most negative" else compound >= VADER_THRESHOLD


def _own_extremes(corpus: Corpus, mentions: pd.DataFrame) -> dict:
    """:func:`confident_extremes` among mentions outside reported speech and whose clause the word lexicon
    (VADER) reads in the same direction: the most negative mention of a source is not the words it reports
    someone saying, nor a neutral clause the model alone calls negative."""
    out = {}
    for label in ("most negative", "most positive"):
        pool = mentions
        for _ in range(MAX_PASSED_OVER):
            row = confident_extremes(pool)[label]
            if row is None or (not _in_reported_speech(corpus, row["doc_id"], row["sentence_id"], int(row["start"]))
                               and _lexicon_agrees(corpus, row, label)):
                break
            pool = pool.drop(row.name)
        else:
            row = None
        out[label] = row
    return out


def actor_model_name(corpus: Corpus) -> str:
    """The actor-tone model a corpus was read with, as the report names it."""
    if getattr(corpus.config, "actor_tone", "fast") == "contextual":
        return "the contextual model: the news model averaged with a small transformer encoder's reading of the mention"
    return "the fast news model"


def actor_blocks(corpus: Corpus, tables: dict) -> list[tuple]:
    profile = tables["actor_profile"]
    blocks = [("h2", "Tone toward actors")]
    if profile.empty:
        if corpus.config is not None and corpus.config.actors:
            return blocks + [("p", "No configured actor is mentioned.")]
        return blocks + [("p", "No actor is configured, and no name is written the same way as an actor by several "
                               "sources (places where events happen and adjectives such as nationalities are no actors). "
                               "Sources may still name one actor in different ways (an acronym, a transliteration): "
                               "the corpus settings (`corpus.toml`) can join them as aliases of one actor.")]
    totals = profile.groupby("actor")["mentions"].sum()
    actors = [a for a in totals.sort_values(ascending=False, kind="stable").index if totals[a] >= 3]
    shown = pd.DataFrame({"actor": actors})
    by_source = tables["actor_tone_by_source"].set_index(["source", "actor"])
    sources, note = _capped(list(source_documents(corpus, tables)), "sources", "data/actor_profile.csv")
    every = tables["actor_sentiment"]  # quoted mentions too: a source that names the actor only in quotations
    said = every.groupby([every["doc_id"].map(source_map(tables)), "actor"]).size() if len(every) else pd.Series(dtype=int)

    def cell(source: str, actor: str) -> str:
        if (source, actor) not in by_source.index:
            quoted = int(said.get((source, actor), 0))
            return f"only in or beside quotations ({quoted})" if quoted else "not mentioned"
        n = int(by_source.loc[(source, actor), "mentions"])
        if n < MIN_ACTOR_MENTIONS:
            return f"{n} mention{'s' if n > 1 else ''}, too few"
        return f"{by_source.loc[(source, actor), 'mean_score']:+.2f} ({n})"

    for source in sources:
        shown[source] = [cell(source, a) for a in actors]
    shown = kind_headers(shown, sources, source_kinds(tables))
    blocks += [("p", f"Mean tone toward each actor with {MIN_ACTOR_MENTIONS} or more mentions in all: P(positive) - "
                     f"P(negative) of the clause around each mention ({actor_model_name(corpus)}), with the number of "
                     "mentions in "
                     f"brackets. A source's mean is shown only from {MIN_ACTOR_MENTIONS} mentions on. A mention inside "
                     "quotation marks is the quoted speaker's tone, not the source's, and is left out (as for the stance "
                     "cues); reported speech without quotation marks (“Roe said the deal would help Vale”) counts as the "
                     "source's words. One source's cell is the tone of the clauses it writes about an actor, not a "
                     "measure of its attitude. Every mention, with the clause scored and whether it is "
                     "quoted, is in `data/actor_sentiment.csv`."),
               ("chart", "actor_tone", "Mean tone toward each actor in each source" + _chart_note(tables, True)),
               ("table", shown), *note, ("p", _tone_differences(tables.get("actor_tone_differences"), tables.get("event_groups"),
                                                                        article_days(tables.get("documents"))))]
    for label, row in _own_extremes(corpus, writers_mentions(tables["actor_sentiment"])).items():
        if row is None:
            blocks.append(("p", f"The {label} mention: none is scored with a probability of {CONFIDENT_PROBABILITY:.0%} "
                                "or more in the writer's own words with the word lexicon (VADER) reading its clause the "
                                "same way, so none is singled out."))
            continue
        blocks.append(("p", f"The {label} mention among confident predictions: {row['actor']} ({row['score']:+.2f}; "
                            f"the model gives its label a probability of {row['confidence']:.0%}, and the word lexicon "
                            f"(VADER) also reads the clause as {'negative' if label == 'most negative' else 'positive'})."))
        blocks.append(quote(corpus, row["doc_id"], row["sentence_id"], (row["start"], row["end"])))
    return blocks


def _tone_differences(tested: pd.DataFrame | None, events: pd.DataFrame | None = None,
                      days: dict | None = None) -> str:
    """Whether any source's tone toward an actor differs from another's by more than chance, in words; with
    articles that may report different events (``event_groups``), or the two sources compared dated more than
    :data:`MAX_TOLL_DAYS` apart (``days``: :func:`article_days`), a difference that survives may be one of
    story."""
    one_story = (" of one event group (articles on different events are not compared)"
                 if event_group_count(events) > 1 else "")
    if tested is None or tested.empty:
        return (f"No actor is mentioned {MIN_ACTOR_MENTIONS} or more times by two or more sources{one_story}, so no "
                "difference in tone toward an actor between sources can be tested.")
    n = len(tested)
    method = (f"For each of the {n} {'actor' if n == 1 else 'actors'} that two or more sources{one_story} mention "
              f"{MIN_ACTOR_MENTIONS} or more times in their own words, a permutation test asks whether the "
              f"sources' means spread further than when the mentions are shuffled between the sources "
              f"({PERMUTATIONS:,} shuffles), with the Benjamini-Hochberg correction over the {n} at a false "
              "discovery rate of 5% (`data/actor_tone_differences.csv`). ")
    survived = tested[tested["survives"].astype(bool)]
    if survived.empty:
        return method + ("No difference survives: the means above describe these texts' clauses, and no "
                         "source's tone toward an actor can be told apart from another's.")
    days = days or {}

    def apart(r) -> str:
        if r.highest not in days or r.lowest not in days:
            return ""
        gap = abs((days[r.highest] - days[r.lowest]).days)
        return (f"; the two are dated {gap} days apart and may report different days' events, so the difference "
                "may be the news, not the coverage" if gap > MAX_TOLL_DAYS else "")
    found = "; ".join(f"{r.actor} (highest in `{r.highest}`, {r.highest_mean:+.2f}; lowest in `{r.lowest}`, "
                      f"{r.lowest_mean:+.2f}; q = {r.q_value:.3f}{apart(r)})" for r in survived.itertuples())
    return method + (f"The sources' tone differs by more than chance toward {found}; toward the "
                     f"{'other actor' if n - len(survived) == 1 else 'others'} it cannot be told apart from noise."
                     if len(survived) < n else f"The sources' tone differs by more than chance toward {found}.")


def stance_blocks(corpus: Corpus, tables: dict) -> list[tuple]:
    profiles = tables["profiles"]
    columns = tabled()
    sources = list(dict.fromkeys(profiles["source"]))
    shown = pd.DataFrame({"source": sources})
    for measure, title in columns.items():
        fmt = _pct if MEASURES[measure].unit == "share" else (lambda v: _num(v, 1))
        values = _with_interval(profiles, measure, fmt)
        shown[title] = [values.get(s, "–") for s in sources]
    kinds = source_kinds(tables)
    shown = with_kind_column(shown, kinds)
    blocks = [("h2", "Certainty, attribution and reader address"),
              ("p", "Cues of Hyland's metadiscourse model, counted in the writer's own words only (cues inside quotations "
                    "or reported speech are listed in `data/stance.csv` but not counted), per 1,000 words of body text. "
                    "Epistemic hedges are the words of doubt (“may”, “perhaps”, “suggests”); approximators (“nearly”, "
                    "“largely”), conditions and words of frequency are hedges too in `data/stance_profile.csv`, whose "
                    "`hedge_per_1k` counts them over every word of a text (`epistemic_per_1k` counts the words of doubt). 95% intervals in brackets."),
              ("chart", "stance", "Hedges, boosters, attributions and reader address per 1,000 words, with 95% intervals" + _chart_note(tables, False)),
              ("table", shown), ("h3", "Whom each source cites")]
    voices = tables.get("voices")
    if voices is not None and {"voice", "voice_type", "doc_id"} <= set(voices.columns):
        # the voices of "Who speaks", so that both sections name the same sources with the same types
        attributions = voices
        cited = [f"{v} ({t})" for v, t in zip(voices["voice"], voices["voice_type"])]
    else:
        cues = tables["stance"]
        attributions = cues[cues["category"] == "attribution"]
        cited = [f"{r.source or 'unnamed'} ({r.source_type})" for r in attributions.itertuples()]
    by_doc: dict[str, list[str]] = {}
    for doc_id, name in zip(attributions["doc_id"], cited):
        by_doc.setdefault(doc_id, []).append(name)
    items = []
    for source, documents in source_documents(corpus, tables).items():
        counts: dict[str, int] = {}
        for doc_id in documents:
            for name in by_doc.get(doc_id, []):
                counts[name] = counts.get(name, 0) + 1
        named = [f"{name} ×{n}" if n > 1 else name for name, n in counts.items()]
        more = f"; and {len(named) - MAX_CITED} more" if len(named) > MAX_CITED else ""
        items.append(f"{named_kind(source, kinds)}: {'; '.join(named[:MAX_CITED]) + more or 'no attributions'}")
    items, note = _capped(items, "sources", "data/stance.csv")
    return blocks + [("p", "Each cited source once, in order of first citation; ×n counts repeat citations."),
                     ("list", items), *note]


def _unlisted_values(unlisted: list[str], members: dict) -> str:
    """The values of the shared quantities the Numbers section does not list (a year alone, a vague amount), with
    the sources that give them: "“billions” in `acme` and `vale`; ..." (at most three)."""
    parts = []
    for group in unlisted[:3]:
        rows = members[group]
        values = list(dict.fromkeys(rows["surface"].astype(str)))[:2]
        docs = list(dict.fromkeys(rows["doc_id"].astype(str)))
        parts.append(" and ".join(f"“{v}”" for v in values) + " in " + ", ".join(f"`{d}`" for d in docs[:4])
                     + (" and more" if len(docs) > 4 else ""))
    return "; ".join(parts) + ("; and more" if len(unlisted) > 3 else "")


#: Model confidence from which an article's frame is named without reserve.
EVEN_ODDS = 0.5


def frame_blocks(corpus: Corpus, tables: dict) -> list[tuple]:
    shares = tables["frame_shares_by_source"]
    pivot = shares.pivot(index="frame", columns="source", values="share").reindex(list(FRAMES))
    pivot = pivot[pivot.max(axis=1) > 0]
    shown = pd.DataFrame({"frame": [FRAMES[f] for f in pivot.index]})
    sources, note = _capped(list(dict.fromkeys(shares["source"])), "sources", "data/frame_shares.csv")
    for source in sources:
        shown[source] = [_pct(v) for v in pivot[source]]
    kinds = source_kinds(tables)
    shown = kind_headers(shown, sources, kinds)
    blocks = [("h2", "Framing"),
              ("p", "Share of each source's sentences invoking each dimension of the Policy Frames Codebook (a sentence "
                    "may invoke several). Cue words and their offsets are in `data/frames.csv`."),
              ("chart", "frames", "Share of sentences invoking each frame, by source" + _chart_note(tables, True)),
              ("table", shown), *note, ("h3", "The frames of each source, and the words that carry them"),
              ("p", "An article-level model (a logistic regression over the frame cues, trained on SemEval-2023 Task 3 "
                    "news articles; its agreement with annotators is under Methods) decides which frames each article "
                    "uses; a frame counts only when cue words of it occur. The frames it finds are listed by the share of "
                    "body sentences that invoke them, with the model's confidence; those it finds at under even odds "
                    "(its threshold, chosen by cross-validation, is lower) are named apart as less sure. The quote is a "
                    "sentence carrying the first. Decisions per article are in `data/document_frames.csv`.")]
    decided = tables["document_frames_by_source"]
    for source in sources:
        mine = decided[(decided["source"] == source) & (decided["present_articles"] > 0)]
        share = shares[shares["source"] == source].set_index("frame")["share"]
        mine = mine.assign(share=mine["frame"].map(share)).sort_values(["share", "mean_score", "frame"], ascending=[False, False, True])
        if mine.empty:
            blocks.append(("p", f"{named_kind(source, kinds)}: no frame reaches the model's threshold."))
            continue
        several = int(mine["articles"].iloc[0]) > 1
        listed = [f"{FRAMES[r.frame]} ({_pct(r.share)} of sentences, model confidence {r.mean_score:.2f}"
                  + (f"; {int(r.present_articles)} of {int(r.articles)} articles" if several else "") + ")"
                  for r in mine.itertuples()]
        # the threshold is chosen for F1 and lies under even odds: a frame below them is named apart, as less sure
        sure = [text for text, score in zip(listed, mine["mean_score"]) if score >= EVEN_ODDS]
        unsure = [text for text, score in zip(listed, mine["mean_score"]) if score < EVEN_ODDS]
        blocks.append(("p", f"{named_kind(source, kinds)}: " + (", ".join(sure) if sure else "no frame at even odds")
                            + (("; less sure (model confidence under 0.5): " + ", ".join(unsure)) if unsure else "")
                            + "."))
        carried = evidence_for(corpus, tables, source, f"frame_share_{mine.iloc[0]['frame']}")
        if carried:
            blocks.append(carried)
    return blocks


def _held_dates(rows: pd.DataFrame) -> pd.DataFrame:
    """The mentions of an agreeing group, less a coarse date that does not hold its most precise one ("2019"
    beside "Dec. 11" of the year before: a year said of something else, not the same date); "early July" beside
    "July 2016" holds it, the year of "early July" being only inferred from its article."""
    if not {"date_low", "date_high", "kind"} <= set(rows.columns) or not (rows["kind"] == "date").all():
        return rows
    low, high = pd.to_datetime(rows["date_low"], errors="coerce"), pd.to_datetime(rows["date_high"], errors="coerce")
    if low.isna().any() or high.isna().any():
        return rows
    records = rows.to_dict("records")
    finest = records[rows.index.get_loc((high - low).idxmin())]
    # as the groups were formed: a date written without its year ("early July") is read in the other's year
    return rows[[overlaps(r, finest) is not False for r in records]]


#: Places joined by "and" after the figure ("... injured in Vale and Norbury"): a figure that sums over them.
_PLACES_AFTER = re.compile(r"\bin\s+((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+(?:,\s+[A-Z][\w’'-]+)*\s+and\s+"
                           r"(?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)\b")


def _figure(row, corpus: Corpus | None = None) -> str:
    """A figure with its source and, where the sentence credits someone, who: "at least 24 (`doc`, per the monitor)";
    a figure of several places named after it ("Seven killed ... in Vale and Norbury") says so."""
    voice = getattr(row, "attributed_to", "")
    voice = f", per {voice}" if isinstance(voice, str) and voice else ""
    where = ""
    if corpus is not None:
        doc = corpus.document(row.doc_id)
        text, end = doc.text, doc.sentences[int(row.sentence_id)].end
        places = _PLACES_AFTER.search(text, int(row.end), end)
        if places and not re.search(r"[.;:]", text[int(row.end):places.start()]):
            where = f", in {places.group(1)}"
    return f"{figure_text(row.surface)} (`{row.doc_id}`{voice}{where})"




def _update_note(corpus: Corpus, group, rows: pd.DataFrame) -> str:
    """The alignment's note that a toll changed over time (``update_note``), with the articles of the group that
    say so elsewhere in their text ("Death toll mounts ...", "the toll was likely to rise"), one cue per article."""
    note = getattr(group, "update_note", "")
    note = note if isinstance(note, str) else ""
    if group.kind != "count" or not TOLL_LABEL.search(str(group.label)):
        return note
    named = set(re.findall(r"” in (\S+?)(?:;|$)", note))
    more = [f"“{cue}” in {doc}" for doc in dict.fromkeys(rows["doc_id"]) if doc not in named
            and (cue := toll_update(corpus.document(doc).text))]
    return "; ".join(p for p in [note, *more] if p)


def number_blocks(corpus: Corpus, tables: dict) -> list[tuple]:
    groups, mentions = tables["quantity_groups"], tables["numbers"]
    one_story = within_one_story(tables, groups)
    shared = groups[(groups["n_sources"] > 1) & one_story]
    flagged = groups[groups["status"].isin(DIFFERING) & one_story]
    crossing = groups[groups["status"].isin(DIFFERING) & ~one_story]
    flagged = flagged.sort_values("relative_gap", ascending=False, kind="stable")  # the widest gaps first
    texts = {"diverge": "some of the values the sources give do not overlap",
             "floors_differ": f"the figures can all be true, as some are only floors (“at least”), but the lowest figures "
                              f"two sources commit to differ by more than {FLOOR_RATIO - 1:.0%}",
             "scope_differs": "the values differ and so does what is measured: possibly a definitional mismatch, "
                              "not a contradiction",
             "inconsistent_within_source": "one source gives two values that do not overlap"}
    across = int(((groups["n_sources"] > 1) & ~one_story).sum())
    reported = (f"{len(shared)} {'quantity is' if len(shared) == 1 else 'quantities are'} reported by more than one source"
                + (f" of one event group ({across} more {'joins' if across == 1 else 'join'} articles that may report "
                   "different events)" if across else ""))
    blocks = [("h2", "Numbers"),
              ("p", f"{len(mentions)} numbers in {len(groups)} quantity groups; {reported}. Every number, with the "
                    "interval it commits to, is in `data/numbers.csv`; the groups are in `data/quantity_groups.csv`."),
              ("chart", "numbers", "Each shared quantity, one mark per source; groups that do not agree in full colour" + _chart_note(tables, True))]
    quoted = set(shared["group_id"]) | set(flagged["group_id"])  # one source's two values are flagged too
    members = {group_id: rows for group_id, rows in mentions[mentions["group_id"].isin(quoted)].groupby("group_id", sort=False)}
    if len(flagged):
        blocks.append(("h3", "Where the numbers differ"))
        listed, note = _capped(list(flagged.itertuples()), "quantities reported differently", "data/quantity_groups.csv")
        for group in listed:
            allowing = (f"Even allowing for approximations and bounds (a figure given as “about” is read as a band of "
                        f"±{APPROX_TOLERANCE:.0%}, “at least” as open above)")
            gap = f" {allowing}, they are at least {group.relative_gap:.0%} apart." if group.status != "scope_differs" and group.kind != "date" \
                and pd.notna(group.relative_gap) and group.relative_gap > 0 else ""
            if gap and pd.notna(getattr(group, "gap_points", None)):  # shares: a gap in points, not a % of a %
                gap = f" {allowing}, they are at least {group.gap_points:.3g} percentage points apart."
            scope = f" What differs: {group.scope_note}." if group.status == "scope_differs" and group.scope_note else ""
            updated = _update_note(corpus, group, members[group.group_id])
            if updated:  # a toll that rose through the day is no dispute
                scope += f" Some sources say the toll changed over time ({updated}), {TOLL_CAVEAT}."
            blocks.append(("p", f"**{group.label}** ({group.kind}, {group.unit}): {texts[group.status]}.{gap}{scope}"))
            rows = members[group.group_id]
            shown = [_figure(r, corpus) for r in rows.head(SIDE_BY_SIDE).itertuples()]
            more = f"; and {len(rows) - SIDE_BY_SIDE:,} more in `data/numbers.csv`" if len(rows) > SIDE_BY_SIDE else ""
            blocks.append(("p", "Side by side: " + "; ".join(shown) + more + "."))
            for row in rows.head(QUOTES_PER_QUANTITY).itertuples():
                blocks.append(quote(corpus, row.doc_id, row.sentence_id, (row.start, row.end)))
            if len(rows) > QUOTES_PER_QUANTITY:
                blocks.append(("p", f"… and {len(rows) - QUOTES_PER_QUANTITY} more mentions (group `{group.group_id}` in `data/numbers.csv`)."))
        blocks += note
    if len(crossing):
        blocks.append(("h3", "Figures that differ between articles that may report different events"))
        blocks.append(("p", f"{len(crossing)} {'group joins' if len(crossing) == 1 else 'groups join'} figures that do "
                            "not agree, from articles that may report different events (see the warning at the top). "
                            f"{'It is' if len(crossing) == 1 else 'They are'} no finding: the figures may count "
                            "different incidents. Read the articles before comparing them."))
        crossing_rows = mentions[mentions["group_id"].isin(set(crossing["group_id"][:SUMMARY_ITEMS]))]
        by_group = {g: rows for g, rows in crossing_rows.groupby("group_id", sort=False)}
        blocks.append(("list", [f"**{g.label}** ({g.kind}, {g.unit}): "
                                + "; ".join(_figure(r, corpus) for r in by_group[g.group_id].head(SIDE_BY_SIDE).itertuples())
                                + f" (`{g.group_id}` in `data/quantity_groups.csv`)"
                                for g in crossing.head(SUMMARY_ITEMS).itertuples() if g.group_id in by_group]
                       + ([f"… and {len(crossing) - SUMMARY_ITEMS} more in `data/quantity_groups.csv`"]
                          if len(crossing) > SUMMARY_ITEMS else [])))
    agreeing = shared[shared["status"] == "agree"]
    # vague amounts alone ("billions", "billions of dollars") agree on no figure
    # and years alone ("in 2015") date no event: the facts grid's rule
    agreeing = agreeing[[g not in members or not (all(vague_amount(str(v)) for v in members[g]["surface"]) or all(
        coarse_date(r) for r in members[g].to_dict("records")))
                         for g in agreeing["group_id"]]] if len(agreeing) else agreeing
    left = set(flagged["group_id"]) | set(agreeing["group_id"])
    unlisted = [g for g in dict.fromkeys(shared["group_id"]) if g not in left]
    if unlisted:
        # the count above holds them: say where they went
        blocks.append(("p", f"{len(unlisted)} of the quantities reported by more than one source "
                            f"{'agrees' if len(unlisted) == 1 else 'agree'} only on a year or a vague amount "
                            f"({_unlisted_values(unlisted, members)}), which dates or counts no one thing, so "
                            f"{'it is' if len(unlisted) == 1 else 'they are'} not listed (`data/quantity_groups.csv`)."))
    if len(agreeing):
        blocks.append(("h3", "Where the sources agree"))
        listed, note = _capped(list(agreeing.itertuples()), "agreeing quantities", "data/quantity_groups.csv")
        shown = {g.group_id: _held_dates(members[g.group_id]) for g in listed}
        first_copy = copied_texts(tables)  # agreement between copies of one text is one text's
        def copied(group_id: str) -> str:
            texts = {first_copy.get(d, d) for d in members[group_id]["doc_id"]}
            return " (stated only by copies of one text: no agreement of independent sources)" if len(texts) < 2 else ""
        blocks.append(("list", [f"**{g.label}**: " + "; ".join(_figure(r, corpus) for r in shown[g.group_id].head(QUOTES_PER_QUANTITY).itertuples())
                                + (f"; and {len(shown[g.group_id]) - QUOTES_PER_QUANTITY} more" if len(shown[g.group_id]) > QUOTES_PER_QUANTITY else "")
                                + copied(g.group_id)
                                for g in listed]))
        blocks += note
    return blocks


def coverage_blocks(corpus: Corpus, tables: dict) -> list[tuple]:
    cover = tables["coverage"]
    blocks = [("h2", "Coverage and omission"),
              ("p", "Facts several sources share — quantities, actors and claims (sentences with a close counterpart in "
                    "another source) — and whether each source states them, omits them, or reports them differently. "
                    "Absence is relative to what the other sources say."),
              ("chart", "coverage", "Facts by source: present, absent or divergent" + _chart_note(tables, False)
               + (f" ({MAX_FACTS} of {cover[['fact_type', 'fact_id']].drop_duplicates().shape[0]:,} facts: those some "
                  "source reports differently or leaves out first; all are in `data/coverage.csv`)"
                  if cover[["fact_type", "fact_id"]].drop_duplicates().shape[0] > MAX_FACTS else ""))]
    everyone = list(source_documents(corpus, tables))
    sources, note = _capped(everyone, "sources", "data/coverage.csv")
    carriers = figure_carriers(tables)
    copied = copied_texts(tables)
    checkable = {s: left_out(tables, s, everyone, carriers, copied) for s in sources}
    def split(s: str) -> tuple[int, int]:
        rows = checkable[s]
        if rows is None or rows.empty:
            return 0, 0
        short = int(rows["short"].sum()) if "short" in rows else 0
        return len(rows) - short, short

    omitted = pd.DataFrame({"source": sources,
                            "actors and agreed figures left out": [split(s)[0] for s in sources],
                            "… carried only by texts over twice its length": [split(s)[1] for s in sources]})
    claims = cover.loc[cover["fact_type"] == "claim", "fact_id"].nunique()
    blocks += [("table", with_kind_column(omitted, source_kinds(tables))),
               ("p", "The counts are the ones the profiles name: actors, and figures the others agree on, that at "
                     "least two other texts state (copies count once); what only texts over twice a source's length "
                     "carry is counted apart, since so short a text is expected to leave it out."
                     + (f" The {claims} shared {'claim' if claims == 1 else 'claims'} (sentences of two or more sources "
                        "sharing many of their words, which need not say the same thing) are in `data/coverage.csv`; a source with no sentence in that wording is "
                        "marked `unmatched`, not absent, and is not counted here: it may tell the claim in other words."
                        if claims else "")), *note]
    reuse = tables["text_reuse"]
    blocks.append(("h3", "Text shared word for word"))
    kind = reuse["kind"] if "kind" in reuse else pd.Series("text", index=reuse.index)
    prose, quoted, names = reuse[kind == "text"], reuse[kind == "quotation"], reuse[kind == "names"]
    if reuse.empty:
        blocks.append(("p", "No passage of eight or more words appears in two sources."))
    elif prose.empty:
        blocks.append(("p", "No passage of the sources' own reporting, eight or more words long, appears in two sources."))
    else:
        listed, note = _capped(list(prose.itertuples()), "shared passages", "data/text_reuse.csv")
        for row in listed:
            blocks.append(("quote", row.text, f"`{row.source_a}` characters {row.start_a}–{row.end_a} and "
                                              f"`{row.source_b}` characters {row.start_b}–{row.end_b} ({row.words} words)"))
        blocks += note
    if len(quoted):
        pairs = sorted({f"`{a}` and `{b}`" for a, b in zip(quoted["source_a"], quoted["source_b"])})
        more = " more" if len(prose) else ""
        blocks.append(("p", f"{len(quoted)}{more} shared {'passage lies' if len(quoted) == 1 else 'passages lie'} inside "
                            "quotation marks: words of a speaker that both sources quote, no sign that one copied the "
                            f"other (between {'; '.join(pairs[:SUMMARY_ITEMS])}"
                            + ("; and more" if len(pairs) > SUMMARY_ITEMS else "")
                            + f"; such as “{shorten(quoted['text'].iloc[0])}”)."))
    if len(names):
        more = " more" if len(prose) or len(quoted) else ""
        blocks.append(("p", f"{len(names)}{more} shared {'passage is a run' if len(names) == 1 else 'passages are runs'} "
                            f"of names and titles (“{shorten(names['text'].iloc[0])}”), which texts often write alike, "
                            "so such a run alone does not show copying. All are in `data/text_reuse.csv`, with their `kind`."))
    blocks += quote_variant_blocks(tables.get("quote_variants"))
    blocks.append(("chart", "similarity", "How alike the sources' vocabularies are" + _chart_note(tables, False)))
    return blocks


#: Pairs of differently worded quotations listed in the report; all are in ``data/quote_variants.csv``.
LISTED_VARIANTS = 8


def quote_variant_blocks(variants: pd.DataFrame | None) -> list[tuple]:
    """"Quoted in different words": quotations of different sources that share most of their words but differ
    inside the stretch both quote (:func:`~toolkit.compare.quote_variants.quote_variants`)."""
    if variants is None or variants.empty:
        return []
    blocks = [("h3", "Quoted in different words"),
              ("p", f"{len(variants)} {'pair' if len(variants) == 1 else 'pairs'} of quotations share most of their words "
                    "but differ inside the stretch both quote: one source misquotes, or the speaker said it twice in other "
                    "words. Check the recording before quoting either. Each pair, with offsets, is in "
                    "`data/quote_variants.csv`.")]
    for row in variants.head(LISTED_VARIANTS).itertuples():
        blocks.append(("p", f"`{row.source_a}` has “{row.words_a}” where `{row.source_b}` has “{row.words_b}”:"))
        blocks.append(("quote", row.quote_a, f"`{row.source_a}` characters {row.start_a}–{row.end_a}"))
        blocks.append(("quote", row.quote_b, f"`{row.source_b}` characters {row.start_b}–{row.end_b}"))
    if len(variants) > LISTED_VARIANTS:
        blocks.append(("p", f"… and {len(variants) - LISTED_VARIANTS} more pairs in `data/quote_variants.csv`."))
    return blocks


def readability_blocks(corpus: Corpus, tables: dict) -> list[tuple]:
    table = tables["readability_by_source"]
    listed, note = _capped(list(range(len(table))), "sources", "data/readability.csv")
    table = table.iloc[listed]
    profiles = tables["profiles"]
    ease = _with_interval(profiles, "flesch_reading_ease", lambda v: _num(v, 1))
    length = _with_interval(profiles, "words_per_sentence", lambda v: _num(v, 1))
    shown = pd.DataFrame({
        "source": table["source"], "words of body text": table["words"],
        "Flesch reading ease, from the sentences [95%]": [ease.get(d, "–") for d in table["source"]],
        "words per sentence [95%]": [length.get(d, "–") for d in table["source"]],
        "Flesch-Kincaid grade": table["flesch_kincaid_grade"].map(lambda v: _num(v, 1)),
        "Gunning fog": table["gunning_fog"].map(lambda v: _num(v, 1)),
        "SMOG": table["smog_index"].map(lambda v: _num(v, 1)),
        "Dale-Chall": table["dale_chall"].map(lambda v: _num(v, 1)),
        "lexical diversity (MATTR)": table["mattr"].map(_num),
        "quoted": table["quoted_share"].map(_pct),
    })
    shown = with_kind_column(shown, source_kinds(tables))
    pooled = any(len(documents) > 1 for documents in source_documents(corpus, tables).values())
    return [("h2", "Readability and style"),
            ("chart", "readability", "Flesch reading ease and words per sentence, with 95% intervals" + _chart_note(tables, False)),
            ("table", shown),
            ("p", "These measures read the body sentences only (no headline, subheadings, captions or bylines), "
                  "as the frame shares do, so a source's words of body text are fewer than the words of its whole "
                  "text in the table of sources. Flesch reading ease is Flesch's formula on the words, syllables "
                  "and sentences of the body as the toolkit splits it into sentences, with a 95% interval from "
                  "resampling sentences, as the key differences compare it; `data/readability.csv` and the grade "
                  "formulas follow textstat, which splits and counts sentences its own way, so its Flesch score "
                  "differs."), *note] + ([("p", "For a source of several articles, the grade formulas, lexical diversity "
                                                "and quoted share are means over its articles.")] if pooled else [])


def methods_blocks(contextual: bool = False) -> list[tuple]:
    """The methods, their limits and their validation figures; ``contextual``: tone toward actors was read
    with the contextual model."""
    figures = validation_figures()
    blocks = [("h2", "Methods and limitations"),
              ("list", [
                  "**Tone**: VADER's compound score (Hutto & Gilbert 2014) and a linear model trained on NewsMTSC news "
                  "sentences (Hamborg & Donnay 2021) and on VADER's rated New York Times opinion snippets. **Tone toward actors**: the clause around each mention (split at "
                  "contrast words; negation marked) scored by a target-dependent model trained on NewsMTSC; names are "
                  "masked so they carry no learned tone. " + (
                      "This corpus was read with the contextual model (`actor_tone = \"contextual\"`): that model "
                      "averaged with a head on all-MiniLM-L6-v2, a small transformer encoder (“contextual model” in "
                      "the table below)." if contextual else
                      "A more accurate, far slower contextual model (“contextual model” in the table below) can be "
                      "chosen in the corpus settings (`actor_tone = \"contextual\"`) or with `--actor-tone contextual`."),
                  "**Stance**: Hyland's metadiscourse categories with rules for false friends (May the month, modals in "
                  "reported speech, *about* without a number); attribution with the cited source classed as outlet, "
                  "organisation, person or vague.",
                  "**Framing**: cue lexicons for the 15 dimensions of the Policy Frames Codebook (Boydstun et al. 2014).",
                  "**Type of text**: a logistic regression over general signals (person and address, prescriptive, "
                  "evaluative and hedging words, attribution and reporting verbs per sentence, quotation, headline form, "
                  "question-and-answer lines, press-release and reply formulas, an author's note); its leave-one-out and "
                  "held-out figures are in `tests/gold/text_type/README.md`. A type is a reading aid: the evidence "
                  "in `data/documents.csv` names the signals and the model's probability.",
                  "**Numbers**: every number as an interval with its unit; the same quantity aligned across sources by "
                  "kind, unit, size and the similarity of the words around it.",
                  "**Uncertainty**: 95% percentile bootstrap intervals over sentences (2,000 resamples, fixed seed). "
                  "Each source is compared with the rest pooled; each comparison's p-value is a bootstrap p-value (the "
                  "two-sided normal p of the difference over the standard deviation of its 2,000 bootstrap replicates), "
                  "and the p-values of all comparisons are corrected together by the Benjamini-Hochberg procedure "
                  "(false discovery rate 5%). A difference is reported only when its q-value is at most 5%, its interval "
                  "excludes zero, it reaches the minimum effect declared for the measure (5 percentage points for shares (10 for "
                  "the share of vague attributions), "
                  "2 per 1,000 words for rates, 0.1 for tone, 3 words per sentence, 5 Flesch points) and each side has at "
                  "least five events, observed or expected at the other side's rate (cues, tagged sentences or, for tone and "
                  "length, sentences).",
                  "**Limits**: a handful of articles cannot speak for whole outlets; lexicon measures miss what their "
                  "word lists miss; the seed-gold figures below were measured on sentences annotated by the person who "
                  "wrote the rules, so they are optimistic — the public benchmarks are the independent check.",
              ])]
    if len(figures):
        keep = figures[figures["metric"].isin(["f1", "micro_f1", "macro_f1", "pearson_r", "accuracy"])
                       & ~figures["dataset"].str.contains("seen in training")].copy()  # a figure on training data is no check
        keep["value"] = keep["value"].map(lambda v: f"{v:.2f}")
        blocks += [("h3", "Agreement with human judgement"), ("table", keep[["measure", "dataset", "metric", "value", "n"]])]
    return blocks


def appendix_blocks(tables: dict) -> list[tuple]:
    rows = [(f"data/{name}.csv", len(table), ", ".join(map(str, table.columns))) for name, table in tables.items()]
    return [("h2", "Data appendix"),
            ("p", "Every table behind this report, in `data/`. Offsets (`start`, `end`) index into each document's "
                  "cleaned text; `sentence_id` counts from 0 within a document."),
            ("table", pd.DataFrame(rows, columns=["file", "rows", "columns"]))]


def problem_blocks(tables: dict) -> list[tuple]:
    """A note on the sentences a measure failed on (``problems``), when there are any."""
    problems = tables.get("problems")
    if problems is None or problems.empty:
        return []
    documents = problems["doc_id"].nunique()
    return [("p", f"**{len(problems)} sentence{'s' if len(problems) != 1 else ''} in {documents} "
                  f"article{'s' if documents != 1 else ''} could not be measured** and are left out of every measure; "
                  "`data/problems.csv` lists each with its error.")]


#: Groups of articles named one by one in the warning that a folder holds several events; the rest are counted.
LISTED_EVENT_GROUPS = 8


def event_blocks(tables: dict) -> list[tuple]:
    """A warning when the articles fall into groups that share little vocabulary (``event_groups``): they
    may report different events, and differences between groups are differences of story."""
    groups = tables.get("event_groups")
    count = event_group_count(groups)
    if count <= 1:
        return _days_apart(tables, groups)
    parts, days = [], news_days(tables.get("documents"))

    def apart(doc: str, other: str) -> str:
        return (f", but dated {abs((days[doc] - days[other]).days)} days apart" if doc in days and other in days
                and abs((days[doc] - days[other]).days) > MAX_TOLL_DAYS else "")
    for number, members in list(groups.groupby("event_group", sort=True))[:LISTED_EVENT_GROUPS]:
        if len(members) > 1:
            names = ", ".join(f"`{d}`" for d in members["doc_id"][:6]) + (f" and {len(members) - 6} more" if len(members) > 6 else "")
            parts.append(f"{len(members)} articles ({names})")
        else:
            row = members.iloc[0]
            near = (f" (nearest: `{row['nearest']}`, {row['nearest_similarity']:.2f}{apart(row['doc_id'], row['nearest'])})"
                    if row["nearest"] and pd.notna(row["nearest_similarity"]) else "")
            parts.append(f"`{row['doc_id']}` alone{near}")
    more = f"; and {count - LISTED_EVENT_GROUPS} more groups" if count > LISTED_EVENT_GROUPS else ""
    return [("p", f"**These articles may not report one event.** They fall into {count} groups that share "
                  f"little vocabulary with each other (TF-IDF cosine below {SAME_EVENT_FLOOR:.2f} between any two articles of different groups; "
                  f"articles on one event usually share 0.3 or more) or whose news reports are dated more than {MAX_TOLL_DAYS} days "
                  f"apart by their datelines: {'; '.join(parts)}{more}. Where a finding sets articles "
                  "of different groups side by side, it compares different stories, not different coverage of one story. "
                  "Each article's group is in `data/event_groups.csv`." + _same_day_figures(tables, groups, days))] \
        + _days_apart(tables, groups)


#: Days apart within which two news reports of different groups that give one kind of figure are named as a pair.
SAME_DAY = 1
#: Capitalised words of the calendar, no place or name.
_CALENDAR = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December""".split())


def _same_day_figures(tables: dict, groups: pd.DataFrame, days: dict) -> str:
    """A sentence on news reports of different event groups, dated within :data:`SAME_DAY` of each other, whose
    figures the number alignment put in one group ("people killed") in sentences that share a place or a name
    ("Norbury"): they may tell one event in words too different to be grouped, or two events, and the reader is
    pointed to their figures; "" when none."""
    quantities = tables.get("quantity_groups")
    if quantities is None or quantities.empty or "members" not in quantities:
        return ""
    sentences = tables.get("sentences")
    if sentences is None or not {"doc_id", "start", "end", "text"} <= set(sentences.columns):
        return ""
    spans = {doc: list(zip(rows["start"], rows["end"], rows["text"].astype(str)))
             for doc, rows in sentences.groupby("doc_id", sort=False)}

    def places(doc: str, at: int) -> set[str]:
        """The capitalised words (places, names) of the sentence holding a figure, less calendar words."""
        text = next((t for a, b, t in spans.get(doc, []) if a <= at < b), "")
        return {w for w in re.findall(r"\b[A-Z][a-z][\w-]{2,}", text) if w not in _CALENDAR} - {text.split()[0]} \
            if text else set()

    group_of = dict(zip(groups["doc_id"], groups["event_group"]))
    pairs: dict[tuple[str, str], list[str]] = {}
    for label, members in zip(quantities["label"].astype(str), quantities["members"].fillna("").astype(str)):
        where: dict[str, set[str]] = {}
        for member in filter(None, members.split(";")):
            doc, span = member.rsplit(":", 1)
            where.setdefault(doc, set()).update(places(doc, int(span.split("-")[0])))
        docs = list(where)
        for i, a in enumerate(docs):
            for b in docs[i + 1:]:
                # a place or name the figures' sentences share ("in Norbury" in both): the same ground, perhaps one event
                if (group_of.get(a) != group_of.get(b) and a in days and b in days
                        and abs((days[a] - days[b]).days) <= SAME_DAY and where[a] & where[b]):
                    pairs.setdefault(tuple(sorted((a, b))), []).append((label, sorted(where[a] & where[b])))
    if not pairs:
        return ""
    told = []
    for (a, b), found in list(pairs.items())[:3]:
        labels = list(dict.fromkeys(label for label, _ in found))[:2]
        shared = list(dict.fromkeys(w for _, words in found for w in words))[:3]
        told.append(f"`{a}` and `{b}` give {' and '.join(f'“{x}”' for x in labels)} in sentences that both name "
                    + " and ".join(shared))
    return (" Dated within a day of each other, " + "; ".join(told) + ": "
            + ("they" if len(told) == 1 else "each pair") + " may tell one event in words too different to be "
            "grouped, or two events; the figures are set side by side under Numbers, as no finding.")


def _days_apart(tables: dict, groups: pd.DataFrame | None) -> list[tuple]:
    """A warning when news reports that share vocabulary (one event group, or all the articles) are dated more than
    :data:`~toolkit.compare.quantity_events.MAX_TOLL_DAYS` apart by their own datelines: they may report events
    of different days, and their tolls are not compared."""
    # a news report tells a day's events; a column or an analysis a month later is no other event
    days = news_days(tables.get("documents"))
    if groups is None or groups.empty:
        groups = pd.DataFrame({"doc_id": list(days), "event_group": 1})
    parts, near = [], []
    for _, members in groups.groupby("event_group", sort=True):
        dated = sorted((days[d], d) for d in members["doc_id"] if d in days)
        if len(dated) < 2 or dated[-1][0] == dated[0][0]:
            continue
        listed = (f"{', '.join(f'`{d}` ({day.isoformat()})' for day, d in dated[:LISTED_DATED])}"
                  + (f" and {len(dated) - LISTED_DATED} more" if len(dated) > LISTED_DATED else ""))
        (parts if (dated[-1][0] - dated[0][0]).days > MAX_TOLL_DAYS else near).append(listed)
    blocks = []
    if parts:
        blocks.append(("p", "**Some articles on one subject are dated days apart** by their own datelines (or, without one, "
                            f"the manifest): {'; '.join(parts[:LISTED_EVENT_GROUPS])}. They may report events of different "
                            f"days: casualty figures of articles dated more than {MAX_TOLL_DAYS} days apart are never compared."))
    if near:
        # a story that runs over days: a later report may tell a later meeting, and an earlier one cannot tell it
        blocks.append(("p", "**The news reports are dated on different days** by their own datelines (or, without one, the "
                            f"manifest): {'; '.join(near[:LISTED_EVENT_GROUPS])}. A later report may tell later events of "
                            "the story, so what an earlier one leaves out may not have happened yet when it was written."))
    return blocks


#: Articles named with their dates in the warning that articles are dated days apart.
LISTED_DATED = 6


#: Pairs of copies named one by one in the warning; the rest are counted.
LISTED_COPIES = 6


def copy_blocks(tables: dict) -> list[tuple]:
    """A warning when some articles are copies of one text (:func:`toolkit.compare.copies.copies`): where they
    agree, one text says it, not two sources."""
    pairs = copies(tables.get("text_reuse"), tables.get("documents"))
    if pairs.empty:
        return []
    named = [f"`{r.doc_a}` and `{r.doc_b}` ({r.share:.0%} of the shorter one's {r.shorter_words:,} words)"
             for r in pairs.head(LISTED_COPIES).itertuples()]
    more = f"; and {len(pairs) - LISTED_COPIES} more pairs" if len(pairs) > LISTED_COPIES else ""
    return [("p", f"**Some articles are copies of one text.** These share most of their words word for word: "
                  f"{'; '.join(named)}{more}. Where copies agree on a fact, one text says it, not two sources "
                  "confirming it; the agreements below name them, and the sources that state a fact in the same words. The shared passages are in `data/text_reuse.csv`.")]


def report_blocks(corpus: Corpus, tables: dict) -> list[tuple]:
    """The whole report as blocks (see :mod:`toolkit.render`)."""
    docs = corpus.documents_table()
    head = [("h1", f"{corpus.name or 'Corpus'}: how the sources differ"),
            ("p", f"{len(docs)} articles, {int(docs['words'].sum()):,} words, {int(docs['sentences'].sum()):,} sentences. "
                  f"{corpus.config.description}".strip())]
    return (head + problem_blocks(tables) + event_blocks(tables) + copy_blocks(tables) + profile_blocks(corpus, tables) + facts_report_blocks(tables) + summary_blocks(corpus, tables) + overview_blocks(corpus, tables) + tone_blocks(corpus, tables)
            + actor_blocks(corpus, tables) + stance_blocks(corpus, tables) + frame_blocks(corpus, tables)
            + number_blocks(corpus, tables) + coverage_blocks(corpus, tables) + readability_blocks(corpus, tables)
            + methods_blocks(getattr(corpus.config, "actor_tone", "fast") == "contextual") + appendix_blocks(tables))
