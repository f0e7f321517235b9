"""Casualty tolls in the FA-KES development corpora, against a hand-made gold.

The gold (``tests/gold/tolls_dev/``) lists every casualty figure of the 15
articles of the three ``fakes-*`` development corpora, with its interval, what
it counts and the incident it belongs to, and, per incident and count,
whether the outlets' figures agree or differ. It was written from the raw
files before the report's output was looked at. The corpora are read from a
folder given as a parameter and never copied.

Scores:

* extraction: a gold figure is found when the toolkit has a number over its
  words whose interval contains the gold interval's low end (recall);
* linking: over pairs of gold figures of one incident and count in two
  different articles, the share the toolkit puts in one quantity group
  (recall), and over pairs of found figures the toolkit links, the share that
  belong to one gold incident and count (precision);
* verdicts: over gold incidents reported by two or more articles whose
  figures the toolkit links, the share whose group status matches the gold
  verdict (``agree`` against ``agree``; ``differ`` against any status of
  :data:`~toolkit.compare.alignment.DIFFERING`).

``python -m toolkit.evaluation.tolls_eval --corpora DIR --gold DIR``.
"""

from __future__ import annotations

import argparse
from itertools import combinations
from pathlib import Path

import pandas as pd

from ..compare.alignment import DIFFERING
from ..corpus.documents import load_corpus
from ..pipeline import analyze

#: Characters of context on each side used to find a gold figure in the cleaned text.
CONTEXT = 30
#: Group statuses that count as the gold's "differ".
DIFFER = set(DIFFERING)


def _locate(raw: str, text: str, start: int, end: int) -> int | None:
    """Where ``raw[start:end]`` lies in the cleaned ``text``: found through its context, narrowing it until unique."""
    for width in (CONTEXT, 15, 6, 0):
        # the context either side, then after only (cleaning may have cut what comes before: a dateline)
        for before in (raw[max(0, start - width):start], ""):
            after = raw[end:end + width]
            at = text.find(before + raw[start:end] + after)
            if at >= 0 and text.find(before + raw[start:end] + after, at + 1) < 0:
                return at + len(before)
    return None


def match(corpora: Path, gold: Path) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """The gold figures beside the toolkit's numbers: per gold figure its ``group_id`` (empty when
    not found) and ``status``; and the toolkit's number tables per corpus."""
    mentions = pd.read_csv(gold / "mentions.csv", keep_default_na=False)
    rows, tables = [], {}
    for name, figures in mentions.groupby("corpus", sort=True):
        corpus = load_corpus(corpora / name)
        analysed = analyze(corpus)
        numbers, groups = analysed["numbers"], analysed["quantity_groups"].set_index("group_id")
        tables[name] = numbers
        for figure in figures.itertuples():
            doc = corpus.document(figure.doc_id)
            raw = (corpora / name / doc.file).read_text(encoding="utf-8")
            at = _locate(raw, doc.text, int(figure.start), int(figure.end))
            hit = None
            if at is not None:
                span = numbers[(numbers["doc_id"] == figure.doc_id) & (numbers["start"] < at + figure.end - figure.start)
                               & (numbers["end"] > at)]
                low = pd.to_numeric(span["low"], errors="coerce")
                high = pd.to_numeric(span["high"], errors="coerce").fillna(low)
                fits = span[(low <= float(figure.value_low)) & (high >= float(figure.value_low))]
                hit = fits.iloc[0] if len(fits) else None
            group_id = "" if hit is None else str(hit["group_id"])
            status = groups.at[group_id, "status"] if group_id in groups.index else ""
            rows.append({**figure._asdict(), "located": at is not None, "found": hit is not None,
                         "group_id": group_id, "status": status})
    return pd.DataFrame(rows).drop(columns=["Index"]), tables


#: Counts of people whoever they are, one count when ``pool_people`` is set (the alignment counts people,
#: civilians, victims and evacuees as one kind of count; children, fighters, soldiers and police apart).
PEOPLE = {"civilians": "people", "victims": "people", "evacuees": "people"}


def _incident(row, pool_people: bool = False) -> tuple:
    what = {"dead": "killed", "wounded": "injured"}.get(row["what"], row["what"])
    who = PEOPLE.get(row["who"], row["who"]) if pool_people else row["who"]
    return row["corpus"], row["event"], what, who


def evaluate(corpora: Path | None, gold: Path, log=print, pool_people: bool = False) -> list[tuple]:
    """Rows ``(measure, dataset, metric, value, n)``; none, with a message, when the corpora are absent.

    With ``pool_people``, the gold's counts of people, civilians, victims and evacuees are one count
    (:data:`PEOPLE`), as the alignment counts them; by default each is its own, as annotated.
    """
    needed = set(pd.read_csv(gold / "mentions.csv")["corpus"])
    if corpora is None or not all((Path(corpora) / n).is_dir() for n in needed):
        log(f"skipped the casualty tolls of the development corpora: {', '.join(sorted(needed))} not found in {corpora}")
        return []
    figures, _ = match(Path(corpora), gold)
    found = figures[figures["found"]]
    figures["incident"] = [_incident(r, pool_people) for _, r in figures.iterrows()]
    same, linked = [], []
    for (a, b) in combinations(figures[figures["found"]].to_dict("records"), 2):
        if a["corpus"] != b["corpus"] or a["doc_id"] == b["doc_id"]:
            continue
        together = a["group_id"] == b["group_id"] and a["group_id"] != ""
        gold_same = a["incident"] == b["incident"]
        if gold_same:
            same.append(together)
        if together:
            linked.append(gold_same)
    groups = pd.read_csv(gold / "groups.csv", keep_default_na=False)
    verdicts = []
    for row in groups[groups["verdict"] != "single_source"].to_dict("records"):
        incident = _incident(row, pool_people)
        docs = row["doc_ids"].split(";")
        members = figures[(figures["incident"] == incident) & figures["doc_id"].isin(docs) & figures["found"]]
        shared = [g for g, m in members.groupby("group_id") if g and m["doc_id"].nunique() >= 2]
        if not shared:
            continue
        status = members[members["group_id"] == shared[0]]["status"].iloc[0]
        verdicts.append((status in DIFFER) == (row["verdict"] == "differ"))
    dataset = "FA-KES development corpora"
    share = lambda xs: sum(xs) / len(xs) if xs else float("nan")  # noqa: E731
    return [
        ("casualty figures found", dataset, "recall", len(found) / len(figures) if len(figures) else float("nan"), len(figures)),
        ("casualty figures linked across outlets", dataset, "recall", share(same), len(same)),
        ("casualty figures linked across outlets", dataset, "precision", share(linked), len(linked)),
        ("casualty toll verdicts", dataset, "accuracy", share(verdicts), len(verdicts)),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.evaluation.tolls_eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, required=True, help="folder of the development corpora (../shared/corpora)")
    parser.add_argument("--gold", type=Path, required=True, help="tests/gold/tolls_dev in the repository")
    parser.add_argument("--pool-people", action="store_true",
                        help="count the gold's people, civilians, victims and evacuees as one count")
    args = parser.parse_args(argv)
    for row in evaluate(args.corpora, args.gold, pool_people=args.pool_people):
        print(f"{row[0]:40s} {row[2]:10s} {row[3]:.3f}  n={row[4]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
