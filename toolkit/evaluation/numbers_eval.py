"""Number extraction scored on NewsQuant-dev, beside quantulum3 on the same sentences.

``python -m toolkit.evaluation.numbers_eval --benchmarks DIR [--errors]``

NewsQuant (Almasian et al., EMNLP 2023) annotates the quantities of news
sentences in CQE's format: ``{"text", "quantities": [{"value", "unit",
"normalized_unit", "change", ...}]}``; dates are not annotated. The benchmark
folder is a required parameter; when ``DIR/newsquant-dev/`` is missing the
evaluation is skipped with a message. This module reads benchmark data and is
never imported by the runtime modules.

Matching, one-to-one per sentence (a maximum bipartite matching):

* a prediction is the interval ``[low, high]`` of a mention (an open end is
  infinite; a change "from X to Y" also covers X); predicted dates are left
  out, since NewsQuant does not annotate them;
* value: a gold point matches when it lies in the interval (relative
  tolerance :data:`VALUE_TOLERANCE`); a gold range ``a-b`` matches when it lies
  in the interval or the interval lies in it;
* value + unit: the value matches and so does the unit. A gold unit is read
  through the unit lexicon (its ``normalized_unit``, then its ``unit``); a
  predicted unit matches when it is the same lexicon unit, or, for counted
  nouns, when its lemma is one of the lemmatised words of the gold unit. A gold
  unit ``-`` matches a prediction with no unit;
* change: on value-matched pairs, the predicted label (``up``/``down`` from the
  verb before the number or the change's direction, else ``>``/``<`` from the
  bound, else ``~`` from an approximator, else ``=``) against ``change``.

quantulum3 runs with its no-classifier fallback (see
:mod:`toolkit.evaluation.bench_numbers`); its units are read through the same lexicon.
Its predictions over spans the toolkit reads as dates are left out too.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .bench_numbers import _quantulum
from ..measures.numbers import _Extractor, _lemma, lookup_unit

#: Relative tolerance when comparing a gold value with an interval end: gold
#: values are written with a few decimals ("0.0625", "4577.10").
VALUE_TOLERANCE = 1e-6
DATASET = "newsquant-dev"
FILE = "newsquant_dev.json"


@dataclass
class Prediction:
    start: int
    end: int
    low: float
    high: float
    unit: str
    change: str
    surface: str


def read_newsquant(folder: Path) -> list[dict]:
    """The sentences of ``folder/newsquant_dev.json`` with gold values parsed to ``(low, high)``."""
    data = json.loads((Path(folder) / FILE).read_text(encoding="utf-8"))
    for item in data:
        for q in item["quantities"]:
            q["interval"] = _gold_interval(q["value"])
    return data


def _gold_interval(value: str) -> tuple[float, float]:
    match = re.fullmatch(r"\s*(-?[0-9.eE+]+)\s*-\s*(-?[0-9.eE+]+)\s*", value)
    if match:
        a, b = float(match.group(1)), float(match.group(2))
        return min(a, b), max(a, b)
    return float(value), float(value)


def change_label(m) -> str:
    """NewsQuant's ``change`` vocabulary for one mention."""
    direction = m.extra.get("direction", "")
    if direction in ("up", "down"):
        return direction
    if m.bound in ("gt", "ge"):
        return ">"
    if m.bound in ("lt", "le") and not m.approx:
        return "<"
    if m.approx:
        return "~"
    return "="


def toolkit_predictions(text: str) -> list[Prediction]:
    """The toolkit's mentions of one sentence, dates left out."""
    out = []
    for m in _Extractor(text, 0, len(text), None, None).run():
        if m.kind == "date":
            continue
        low = m.low if isinstance(m.low, (int, float)) else -math.inf
        high = m.high if isinstance(m.high, (int, float)) else math.inf
        if m.change_from is not None:
            low, high = min(low, m.change_from), max(high, m.change_from)
        out.append(Prediction(m.start, m.end, low, high, m.unit, change_label(m), m.surface))
    return out


def quantulum_predictions(run, text: str) -> list[Prediction]:
    """quantulum3's quantities of one sentence, minus those on spans the toolkit reads as dates."""
    dates = [(m.start, m.end) for m in _Extractor(text, 0, len(text), None, None).run() if m.kind == "date"]
    out = []
    for q in run(text):
        start, end, value = q[0], q[1], q[2]
        if any(start < b and a < end for a, b in dates):
            continue
        out.append(Prediction(start, end, value, value, q[4] if len(q) > 4 else "", "=", text[start:end]))
    return out


def _close(x: float, y: float) -> bool:
    return abs(x - y) <= VALUE_TOLERANCE * max(abs(x), abs(y), 1e-12)


def value_match(p: Prediction, gold: tuple[float, float]) -> bool:
    """The gold value (or range) lies in the predicted interval, or the interval in the gold range."""
    a, b = gold
    inside = (p.low <= a or _close(p.low, a)) and (b <= p.high or _close(b, p.high))
    return inside or (a < b and (a <= p.low or _close(a, p.low)) and (p.high <= b or _close(p.high, b)))


def _canonical(unit: str) -> str:
    found = lookup_unit(unit) if unit else None
    return found.name if found is not None else ""


def unit_match(predicted: str, gold: dict) -> bool:
    """The predicted unit names the gold unit (see the module docstring)."""
    gold_units = [u for u in (gold.get("normalized_unit", ""), gold.get("unit", "")) if u and u != "-"]
    if not gold_units:
        return predicted == ""
    if not predicted:
        return False
    base = predicted.split(" per ")[0]
    for u in gold_units:
        bare = re.sub(r"\s+(?:per|a|an)\s+\w+$", "", u)
        canonical = _canonical(u) or _canonical(u.split(" per ")[0]) or _canonical(bare)
        if canonical and canonical in (predicted, base):
            return True
        words = {_lemma(w) for w in re.findall(r"[a-z]+", u.lower())}
        if predicted.lower() in words or base.lower() in words or _lemma(base.lower()) in words:
            return True
    return False


def _matching(preds: list[Prediction], golds: list[dict], ok) -> list[tuple[int, int]]:
    """Maximum one-to-one matching of predictions to gold quantities under ``ok``."""
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j, g in enumerate(golds):
            if j in seen or not ok(preds[i], g):
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(preds)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def score(data: list[dict], predictions: list[list[Prediction]]) -> dict:
    """Value F1, value+unit F1 and change accuracy, with the per-sentence errors."""
    n_pred = sum(len(p) for p in predictions)
    n_gold = sum(len(item["quantities"]) for item in data)
    right_value = right_unit = right_change = 0
    errors = []
    for index, (item, preds) in enumerate(zip(data, predictions)):
        golds = item["quantities"]
        pairs = _matching(preds, golds, lambda p, g: value_match(p, g["interval"]))
        unit_pairs = _matching(preds, golds, lambda p, g: value_match(p, g["interval"]) and unit_match(p.unit, g))
        right_value += len(pairs)
        right_unit += len(unit_pairs)
        right_change += sum(preds[i].change == golds[j]["change"] for i, j in pairs)
        matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
        unit_ok = {j for _, j in unit_pairs}
        for i, p in enumerate(preds):
            if i not in matched_p:
                errors.append((index, "false positive", f"{p.surface!r} [{p.low}, {p.high}] {p.unit!r}"))
        for j, g in enumerate(golds):
            if j not in matched_g:
                errors.append((index, "missed", f"{g['value']} {g['unit']!r} ({g['normalized_unit']})"))
            elif j not in unit_ok:
                i = next(i for i, jj in pairs if jj == j)
                errors.append((index, "unit", f"{preds[i].surface!r} {preds[i].unit!r} vs gold {g['unit']!r} ({g['normalized_unit']})"))
        for i, j in pairs:
            if preds[i].change != golds[j]["change"]:
                errors.append((index, "change", f"{preds[i].surface!r} {preds[i].change} vs gold {golds[j]['change']}"))

    def f1(right: int) -> tuple[float, float, float]:
        p = right / n_pred if n_pred else 0.0
        r = right / n_gold if n_gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    return {"value": f1(right_value), "value_unit": f1(right_unit),
            "change_accuracy": right_change / right_value if right_value else float("nan"),
            "matched": right_value, "predicted": n_pred, "gold": n_gold, "errors": errors}


def _quantulum_runner():
    """quantulum3 configured as :func:`toolkit.evaluation.bench_numbers._quantulum` does, returning units too."""
    _quantulum()  # the same configuration as the speed benchmark: the no-classifier fallback
    from quantulum3 import parser

    def run(text: str):
        return [(q.span[0], q.span[1], float(q.value), "", q.unit.name if q.unit.name != "dimensionless" else "")
                for q in parser.parse(text)]
    return run


def evaluate(benchmarks: Path, log=print, errors: bool = False, speed: bool = False,
             baseline_rows: bool = False) -> list[tuple]:
    """Rows ``(measure, dataset, metric, value, n)`` for the toolkit (and quantulum3) on NewsQuant-dev.

    Returns an empty list, after a message, when ``benchmarks/newsquant-dev/`` is missing. quantulum3
    runs on the same sentences in the same process; its figures are logged, and returned as rows only
    with ``baseline_rows``: its frequency-based unit choice breaks ties in set order, which varies
    with Python's hash seed, so its last digits change from run to run. Speeds (``speed=True``) are
    logged, not returned, so that the table is the same on every run.
    """
    folder = Path(benchmarks) / DATASET
    if not (folder / FILE).is_file():
        log(f"skipped {DATASET}: {folder} not found")
        return []
    data = read_newsquant(folder)
    texts = [item["text"] for item in data]
    rows = []
    runners = [("toolkit.measures.numbers", toolkit_predictions)]
    try:
        quantulum = _quantulum_runner()
        runners.append(("quantulum3", lambda t: quantulum_predictions(quantulum, t)))
    except ImportError:
        log("skipped quantulum3: not installed")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, extract in runners:
            started = time.perf_counter()
            predictions = [extract(t) for t in texts]
            seconds = time.perf_counter() - started
            result = score(data, predictions)
            if name != "toolkit.measures.numbers":
                log(f"{DATASET}, {name} on the same sentences: value P/R/F1 "
                    + "/".join(f"{x:.3f}" for x in result["value"]) + ", value+unit P/R/F1 "
                    + "/".join(f"{x:.3f}" for x in result["value_unit"]))
            if name == "toolkit.measures.numbers" or baseline_rows:
                rows += _figures(name, result)
            if errors:
                log(f"\n== {name}: errors ==")
                for index, what, detail in result["errors"]:
                    log(f"[{index}] {what}: {detail}\n      {texts[index][:160]}")
            if speed:
                log(f"{name}: {len(texts) / seconds if seconds else math.nan:.0f} sentences/s")
    return rows


def _figures(name: str, result: dict) -> list[tuple]:
    """The table rows of one extractor's :func:`score`."""
    rows = []
    for level in ("value", "value_unit"):
        p, r, f = result[level]
        label = "value" if level == "value" else "value+unit"
        rows += [(f"numbers ({name}): {label}", DATASET, "precision", p, result["predicted"]),
                 (f"numbers ({name}): {label}", DATASET, "recall", r, result["gold"]),
                 (f"numbers ({name}): {label}", DATASET, "f1", f, result["gold"])]
    if name == "toolkit.measures.numbers":
        rows.append((f"numbers ({name}): approx/bound/change", DATASET, "accuracy",
                     result["change_accuracy"], result["matched"]))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.evaluation.numbers_eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("--benchmarks", type=Path, required=True, help="folder holding newsquant-dev/")
    parser.add_argument("--errors", action="store_true", help="list every error, sentence by sentence")
    args = parser.parse_args(argv)
    rows = evaluate(args.benchmarks, errors=args.errors, speed=True, baseline_rows=True)
    table = pd.DataFrame(rows, columns=["measure", "dataset", "metric", "value", "n"])
    with pd.option_context("display.width", 160, "display.max_colwidth", 60, "display.float_format", "{:.3f}".format):
        print(table.to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
