"""Write a corpus's tables and its written report to an output folder.

Layout of ``OUT``::

    OUT/data/documents.csv   one row per document, with metadata provenance
    OUT/data/units.csv       titles, headings, paragraphs, list items
    OUT/data/sentences.csv   sentences with offsets into the cleaned text
    OUT/data/removed.csv     every line or part of a line cleaning removed
    OUT/data/<measure>.csv   one table per measure (see toolkit.analysis.analyze)
    OUT/report.md            the written report

Everything written is a function of the input alone (no dates, no absolute
paths), so two runs give identical files.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .analysis import analyze
from .corpus import Corpus
from .framing import FRAMES
from .metadata import FIELDS


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write a table as UTF-8 CSV with ``\\n`` line ends; never rounds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")
    return path


def write_corpus_tables(corpus: Corpus, out: Path) -> list[Path]:
    """Write the corpus tables to ``out/data/``; return the paths written."""
    data = Path(out) / "data"
    return [
        write_csv(corpus.documents_table(), data / "documents.csv"),
        write_csv(corpus.units_table(), data / "units.csv"),
        write_csv(corpus.sentences_table(), data / "sentences.csv"),
        write_csv(corpus.removed_table(), data / "removed.csv"),
    ]


def _cell(value: object) -> str:
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ") or "–"


def markdown_table(frame: pd.DataFrame) -> str:
    """A GitHub-flavoured Markdown table with cells escaped."""
    head = "| " + " | ".join(map(_cell, frame.columns)) + " |"
    rule = "|" + "|".join("---" for _ in frame.columns) + "|"
    rows = ["| " + " | ".join(_cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *rows])


def overview_markdown(corpus: Corpus) -> str:
    """The corpus overview section: sources, their metadata and what cleaning removed."""
    docs = corpus.documents_table()
    removed = corpus.removed_table()
    shown = docs[["doc_id", *FIELDS, "words", "sentences"]].copy()
    for name in FIELDS:
        source = docs[f"{name}_source"]
        shown[name] = [f"{v} ({s})" if v else f"({s})" for v, s in zip(shown[name], source)]
    by_rule = (
        removed.groupby(["rule", "reason"], sort=True).size().rename("removed").reset_index()
        if len(removed) else pd.DataFrame(columns=["rule", "reason", "removed"])
    )
    lines = [
        f"# {corpus.name or 'Corpus'}: corpus overview",
        "",
        corpus.config.description,
        "",
        f"{len(docs)} documents, {int(docs['words'].sum()):,} words, {int(docs['sentences'].sum()):,} sentences.",
        "",
        "## Sources",
        "",
        "Each metadata value is followed by where it came from: the manifest (`sources.csv`), "
        "a rule that inferred it from the text, or `missing`.",
        "",
        markdown_table(shown),
        "",
        "## What cleaning removed",
        "",
        f"Furniture rules version {corpus.furniture_version}. Every removed line is listed, with its text, in `data/removed.csv`.",
        "",
        markdown_table(by_rule),
        "",
    ]
    if corpus.notices:
        lines += ["## Warnings while loading", ""]
        lines += [f"- `{Path(n.path).name}`: {n.message}" for n in corpus.notices]
        lines.append("")
    return "\n".join(lines)


def _fmt(value: float, digits: int = 2) -> str:
    return "–" if pd.isna(value) else f"{value:.{digits}f}"


def _quote(corpus: Corpus, doc_id: str, sentence_id: int) -> str:
    sentence = corpus.document(doc_id).sentences[int(sentence_id)]
    return f"> {sentence.text}\n> — `{doc_id}`, sentence {sentence_id}, characters {sentence.start}–{sentence.end}"


def tone_markdown(corpus: Corpus, tables: dict[str, pd.DataFrame]) -> list[str]:
    profile = tables["sentiment_profile"]
    shown = pd.DataFrame({
        "source": profile["doc_id"], "sentences": profile["sentences"],
        "VADER mean": profile["vader_mean"].map(_fmt), "news model mean": profile["news_mean"].map(_fmt),
        "negative (news model)": profile["news_neg_share"].map(lambda v: f"{v:.0%}"),
        "methods agree": profile["agreement"].map(lambda v: f"{v:.0%}"),
    })
    lines = ["## Tone", "",
             "Sentence tone by two independent methods: VADER (a rule-based lexicon) and a linear model trained on "
             "news sentences (NewsMTSC). Scores run from -1 (negative) to +1 (positive). Per-sentence scores are in "
             "`data/sentiment.csv`.", "", markdown_table(shown), "",
             "The most negative sentence of each source (news model):", ""]
    table = tables["sentiment"]
    for doc in corpus:
        mine = table[table["doc_id"] == doc.doc_id]
        if len(mine):
            worst = mine.loc[mine["news"].idxmin()]
            lines += [_quote(corpus, doc.doc_id, worst["sentence_id"]) + f" (score {worst['news']:.2f})", ""]
    return lines


def actors_markdown(corpus: Corpus, tables: dict[str, pd.DataFrame]) -> list[str]:
    profile = tables["actor_profile"]
    lines = ["## Tone toward actors", ""]
    if profile.empty:
        return lines + ["No actor is configured or mentioned.", ""]
    totals = profile.groupby("actor")["mentions"].sum()
    actors = [a for a in totals.sort_values(ascending=False).index if totals[a] >= 3]
    pivot = profile[profile["actor"].isin(actors)].pivot(index="actor", columns="doc_id", values="mean_score").reindex(actors)
    counts = profile.pivot(index="actor", columns="doc_id", values="mentions").reindex(actors)
    shown = pd.DataFrame({"actor": actors})
    for doc in corpus:
        if doc.doc_id in pivot.columns:
            shown[doc.doc_id] = [
                "–" if pd.isna(pivot.loc[a, doc.doc_id]) else f"{pivot.loc[a, doc.doc_id]:+.2f} ({int(counts.loc[a, doc.doc_id])})"
                for a in actors
            ]
    lines += ["Mean tone toward each actor with three or more mentions (P(positive) - P(negative) of the clause around "
              "each mention; number of mentions in brackets). Every mention, with its offsets and the clause scored, is "
              "in `data/actor_sentiment.csv`.", "", markdown_table(shown), ""]
    return lines


def stance_markdown(corpus: Corpus, tables: dict[str, pd.DataFrame]) -> list[str]:
    profile = tables["stance_profile"]
    shown = pd.DataFrame({
        "source": profile["doc_id"],
        "hedges /1k": profile["hedge_per_1k"].map(lambda v: _fmt(v, 1)),
        "boosters /1k": profile["booster_per_1k"].map(lambda v: _fmt(v, 1)),
        "attitude /1k": profile["attitude_per_1k"].map(lambda v: _fmt(v, 1)),
        "attributions /1k": profile["attribution_per_1k"].map(lambda v: _fmt(v, 1)),
        "self-mention /1k": profile["self_mention_per_1k"].map(lambda v: _fmt(v, 1)),
        "reader address /1k": profile["engagement_per_1k"].map(lambda v: _fmt(v, 1)),
        "sentences hedged": profile["hedged_share"].map(lambda v: f"{v:.0%}"),
        "sentences attributed": profile["attributed_share"].map(lambda v: f"{v:.0%}"),
        "vague attributions": profile["vague_attribution_share"].map(lambda v: "–" if pd.isna(v) else f"{v:.0%}"),
    })
    lines = ["## Certainty, attribution and reader address", "",
             "Cues of Hyland's metadiscourse model per 1,000 words (the writer's own words only: cues inside quotations "
             "or reported speech are listed in `data/stance.csv` but not counted here).", "", markdown_table(shown), "",
             "Sources each article cites:", ""]
    cues = tables["stance"]
    attributions = cues[cues["category"] == "attribution"]
    for doc in corpus:
        mine = attributions[attributions["doc_id"] == doc.doc_id]
        listed = "; ".join(f"{(row.source or 'unnamed')} ({row.source_type}, “{row.surface}”)" for row in mine.itertuples())
        lines.append(f"- `{doc.doc_id}`: {listed or 'none'}")
    return lines + [""]


def frames_markdown(corpus: Corpus, tables: dict[str, pd.DataFrame]) -> list[str]:
    shares = tables["frame_shares"]
    lines = ["## Framing", "",
             "Share of each source's sentences invoking each dimension of the Policy Frames Codebook (a sentence may "
             "invoke several). Cue words per sentence are in `data/frames.csv`.", ""]
    pivot = shares.pivot(index="frame", columns="doc_id", values="share").reindex(list(FRAMES))
    pivot = pivot[pivot.max(axis=1) > 0]
    shown = pd.DataFrame({"frame": [FRAMES[f] for f in pivot.index]})
    for doc in corpus:
        shown[doc.doc_id] = [f"{v:.0%}" for v in pivot[doc.doc_id]]
    return lines + [markdown_table(shown), ""]


def readability_markdown(tables: dict[str, pd.DataFrame]) -> list[str]:
    table = tables["readability"]
    shown = pd.DataFrame({
        "source": table["doc_id"], "words": table["words"],
        "Flesch reading ease": table["flesch_reading_ease"].map(lambda v: _fmt(v, 1)),
        "Flesch-Kincaid grade": table["flesch_kincaid_grade"].map(lambda v: _fmt(v, 1)),
        "Gunning fog": table["gunning_fog"].map(lambda v: _fmt(v, 1)),
        "SMOG": table["smog_index"].map(lambda v: _fmt(v, 1)),
        "Dale-Chall": table["dale_chall"].map(lambda v: _fmt(v, 1)),
        "words per sentence": table["mean_sentence_words"].map(lambda v: _fmt(v, 1)),
        "lexical diversity (MATTR)": table["mattr"].map(_fmt),
        "quoted": table["quoted_share"].map(lambda v: f"{v:.0%}"),
        "1st person /1k": table["first_person_per_1k"].map(lambda v: _fmt(v, 1)),
        "2nd person /1k": table["second_person_per_1k"].map(lambda v: _fmt(v, 1)),
    })
    return ["## Readability and style", "", markdown_table(shown), ""]


def _number_quote(corpus: Corpus, row) -> str:
    doc = corpus.document(row["doc_id"])
    sentence = doc.sentences[int(row["sentence_id"])]
    a, b = int(row["start"]) - sentence.start, int(row["end"]) - sentence.start
    quoted = sentence.text[:a] + "**" + sentence.text[a:b] + "**" + sentence.text[b:]
    return f"  - `{row['doc_id']}` (sentence {row['sentence_id']}, characters {row['start']}–{row['end']}): “{quoted}”"


STATUS_TEXT = {
    "diverge": "the sources give values that do not overlap",
    "scope_differs": "the values differ and so does what is measured (a qualifier differs): possibly a definitional mismatch, not a contradiction",
    "inconsistent_within_source": "one source gives two values that do not overlap",
}


def numbers_markdown(corpus: Corpus, tables: dict[str, pd.DataFrame]) -> list[str]:
    groups, mentions = tables["quantity_groups"], tables["numbers"]
    shared = groups[groups["n_sources"] > 1]
    flagged = groups[groups["status"].isin(list(STATUS_TEXT))]
    lines = ["## Numbers", "",
             f"{len(mentions)} numbers in {len(groups)} quantity groups; {len(shared)} quantities are reported by more "
             f"than one source. Every number, with its interval, is in `data/numbers.csv`; the groups are in "
             f"`data/quantity_groups.csv`.", ""]
    if len(flagged):
        lines += ["### Where the numbers differ", ""]
        for group in flagged.itertuples():
            lines.append(f"- **{group.label}** ({group.kind}, {group.unit}): {STATUS_TEXT[group.status]}.")
            for _, row in mentions[mentions["group_id"] == group.group_id].iterrows():
                lines.append(_number_quote(corpus, row))
        lines.append("")
    agreeing = shared[shared["status"] == "agree"]
    if len(agreeing):
        lines += ["### Where the sources agree", ""]
        for group in agreeing.itertuples():
            surfaces = "; ".join(f"{r.surface} (`{r.doc_id}`)" for r in mentions[mentions["group_id"] == group.group_id].itertuples())
            lines.append(f"- **{group.label}**: {surfaces}")
        lines.append("")
    return lines


def report_markdown(corpus: Corpus, tables: dict[str, pd.DataFrame]) -> str:
    """The whole written report: the overview, then a section per measure."""
    sections = [overview_markdown(corpus)]
    sections += tone_markdown(corpus, tables) + actors_markdown(corpus, tables) + stance_markdown(corpus, tables)
    sections += frames_markdown(corpus, tables) + numbers_markdown(corpus, tables) + readability_markdown(tables)
    return "\n".join(sections)


def write_report(corpus: Corpus, out: Path) -> list[Path]:
    """Run every analysis of ``corpus`` and write its tables and ``report.md`` into ``out``."""
    out = Path(out)
    tables = analyze(corpus)
    written = [write_csv(table, out / "data" / f"{name}.csv") for name, table in tables.items()]
    report = out / "report.md"
    report.write_text(report_markdown(corpus, tables), encoding="utf-8", newline="\n")
    return [*written, report]
