"""The pipeline: load -> measure -> compare -> present.

Run every measure on a corpus and collect the tables, in-process or on Dask.

Each measure is a function of the documents; :func:`analyze` runs them on
partitions of the corpus (:func:`document_tables`), then joins the parts and
runs the two steps that look across documents: number alignment and actor
suggestion (:func:`combine`). The ``local`` engine runs the partitions one
after another in this process; the ``dask`` engine runs the same function on
the workers of a dask.distributed cluster. Both give the same tables, which
:func:`write_report` compares and writes to ``OUT``.
"""

from __future__ import annotations

import dataclasses
import traceback
import warnings
from functools import partial
from pathlib import Path

import pandas as pd

from .compare.alignment import align, article_days
from .compare.comparison import compare
from .compare.document_frames import document_frames
from .compare.per_document import actor_profile, frame_shares, sentiment_profile, stance_profile
from .corpus import partitions as partitions_module
from .corpus.config import Actor, with_actor_tone
from .corpus.documents import Corpus
from .corpus.partitions import corpus_config, is_lazy, load_partition, plan
from .corpus.reading import DEFAULT_MAX_BYTES
from .engine import DEFAULT_WORKERS, cluster, gather, split, worker_count
from .errors import CorpusError, CorpusWarning, ToolkitError
from .measures.actors import as_actors, mentions, name_counts, rank_names
from .measures.framing import frame_cues, frames
from .measures.numbers import numbers
from .measures.readability import readability
from .measures.sentiment import actor_sentiment, sentiment, writers_mentions
from .measures.stance import stance
from .measures.text_type import text_types
from .present.outputs import write_outputs
from .progress import bar

ENGINES = ("local", "dask")
#: Documents per partition of a loaded corpus.
PARTITION_DOCUMENTS = 500
#: Partitions per Dask worker, at least (smaller partitions when needed).
TASKS_PER_WORKER = 4
#: Every table of :func:`analyze`, in the order they are returned.
TABLES = ("documents", "units", "sentences", "removed", "sentiment", "actor_sentiment", "stance", "frame_cues",
          "frames", "readability", "numbers", "quantity_groups", "sentiment_profile", "actor_profile",
          "stance_profile", "frame_shares", "document_frames", "suggested_actors", "problems")
#: Columns of ``problems``: a sentence a measure failed on, left out of every measure.
PROBLEM_COLUMNS = ["doc_id", "sentence_id", "step", "error"]
#: Characters of an error message kept in ``problems``.
PROBLEM_MESSAGE_CHARS = 300


def document_tables(corpus: Corpus, actors: tuple[Actor, ...]) -> dict[str, pd.DataFrame]:
    """Every per-document table of (a partition of) a corpus, plus ``problems``.

    One failing sentence never fails a corpus: when a measure raises, each
    document is measured alone, the sentences it fails on are found by
    bisection, blanked (their characters become spaces, so offsets hold) for
    every measure, and recorded in ``problems`` (``doc_id, sentence_id, step,
    error``; ``sentence_id`` is empty when no single sentence is to blame and
    the document's measures are left out). The corpus tables (documents,
    units, sentences, removed) keep the text as loaded.
    """
    try:
        tables = _measure_tables(corpus, actors)
        tables["problems"] = pd.DataFrame(columns=PROBLEM_COLUMNS)
        return tables
    except Exception:  # noqa: BLE001 - isolated below, document by document
        pass
    parts, problems = [], []
    for doc in corpus.documents:
        found, tables = _isolate(corpus, doc, actors)
        problems += found
        if tables is not None:
            parts.append(tables)
    tables = {name: _concat([part[name] for part in parts]) for name in parts[0]} if parts else \
        {name: frame.iloc[0:0] for name, frame in _measure_tables(corpus.part([]), actors).items()}
    tables.update(documents=corpus.documents_table(), units=corpus.units_table(), sentences=corpus.sentences_table(),
                  removed=corpus.removed_table())
    tables["problems"] = pd.DataFrame(problems, columns=PROBLEM_COLUMNS)
    return tables


def _problem(doc_id: str, sentence_id, exc: Exception) -> tuple:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "toolkit" in Path(f.filename).parts]
    step = f"{Path(frames[-1].filename).stem}.{frames[-1].name}" if frames else ""
    return doc_id, sentence_id, step, f"{type(exc).__name__}: {exc}"[:PROBLEM_MESSAGE_CHARS]


def _blanked(doc, keep: set[int]):
    """``doc`` with every sentence outside ``keep`` turned into spaces (offsets unchanged)."""
    chars = list(doc.text)
    for sentence in doc.sentences:
        if sentence.sentence_id not in keep:
            chars[sentence.start:sentence.end] = " " * (sentence.end - sentence.start)
    text = "".join(chars)
    return dataclasses.replace(
        doc, text=text, units=[dataclasses.replace(u, text=text[u.start:u.end]) for u in doc.units],
        sentences=[dataclasses.replace(s, text=text[s.start:s.end]) for s in doc.sentences])


def _isolate(corpus: Corpus, doc, actors) -> tuple[list[tuple], dict | None]:
    """Problems of one document and its tables with the failing sentences blanked (None if it cannot be measured)."""
    def attempt(keep: set[int]):
        try:
            return _measure_tables(corpus.part([_blanked(doc, keep)]), actors), None
        except Exception as exc:  # noqa: BLE001
            return None, exc

    def search(ids: list[int]) -> list[tuple[int, Exception]]:
        tables, exc = attempt(set(ids))
        if exc is None:
            return []
        if len(ids) == 1:
            return [(ids[0], exc)]
        middle = len(ids) // 2
        return search(ids[:middle]) + search(ids[middle:]) or [(i, exc) for i in ids]

    everything = [s.sentence_id for s in doc.sentences]
    tables, exc = attempt(set(everything))
    if exc is None:
        return [], tables
    bad = search(everything)
    tables, exc = attempt(set(everything) - {i for i, _ in bad})
    if exc is not None:
        return [_problem(doc.doc_id, "", exc)], None
    return [_problem(doc.doc_id, i, e) for i, e in bad], tables


def _measure_tables(corpus: Corpus, actors: tuple[Actor, ...]) -> dict[str, pd.DataFrame]:
    """Every per-document table of (a partition of) a corpus, measures unguarded.

    ``numbers`` keeps its ``context`` column and has no groups yet; ``names``
    holds the name counts that actor suggestion ranks. See :func:`combine`.
    """
    tables: dict[str, pd.DataFrame] = {
        "documents": corpus.documents_table().merge(text_types(corpus), on="doc_id", how="left"),
        "units": corpus.units_table(),
        "sentences": corpus.sentences_table(),
        "removed": corpus.removed_table(),
    }
    tables["sentiment"] = sentiment(corpus)
    tables["actor_sentiment"] = actor_sentiment(corpus, mentions(corpus, actors))
    tables["stance"] = stance(corpus)
    tables["frame_cues"] = frame_cues(corpus)
    tables["frames"] = frames(corpus, cues=tables["frame_cues"])
    tables["readability"] = readability(corpus)
    tables["numbers"] = numbers(corpus, cues=tables["stance"])
    tables["sentiment_profile"] = sentiment_profile(corpus, tables["sentiment"])
    tables["actor_profile"] = actor_profile(writers_mentions(tables["actor_sentiment"]))
    tables["stance_profile"] = stance_profile(corpus, tables["stance"])
    tables["frame_shares"] = frame_shares(corpus, tables["frames"])
    tables["document_frames"] = document_frames(corpus, cues=tables["frame_cues"], frame_table=tables["frames"],
                                                shares=tables["frame_shares"])
    tables["names"] = name_counts(corpus)
    return tables


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    filled = [frame for frame in frames if len(frame)]
    if not filled:
        return frames[0].iloc[0:0].reset_index(drop=True)
    if len(filled) == 1:
        return filled[0].reset_index(drop=True)
    return pd.concat(filled, ignore_index=True)


def combine(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """Join the partitions' tables (in partition order) and run the cross-document steps."""
    joined = {name: _concat([part[name] for part in parts]) for name in parts[0]}
    numbered, groups = align(joined.pop("numbers"), article_days(joined.get("documents")))
    joined["numbers"] = numbered.drop(columns=["context"])
    joined["quantity_groups"] = groups
    joined["suggested_actors"] = rank_names(joined.pop("names"))
    return {name: joined[name] for name in TABLES}


def analyze(
    corpus: Corpus | str | Path,
    engine: str = "local",
    *,
    scheduler: str | None = None,
    workers: int = DEFAULT_WORKERS,
    partition_documents: int = PARTITION_DOCUMENTS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    text_column: str | None = None,
    config: str | Path | None = None,
    quiet: bool = True,
    keep_navigation: bool | None = None,
    actor_tone: str | None = None,
) -> dict[str, pd.DataFrame]:
    """Every table of the analysis, keyed by file name (without ``.csv``).

    Per observation: ``sentiment`` (sentence), ``actor_sentiment`` (actor
    mention), ``stance`` (cue), ``frame_cues`` (cue), ``frames`` (sentence x
    frame), ``readability`` (document), ``numbers`` (numeric mention, with
    its ``group_id``) and ``quantity_groups`` (the same quantity across
    sources, with a status). Per document: ``sentiment_profile``,
    ``actor_profile``, ``stance_profile``, ``frame_shares``. And
    ``suggested_actors``: names several sources mention, for configuring a
    new corpus. ``problems``: sentences a measure failed on, left out of
    every measure (see :func:`document_tables`). Also the corpus tables
    ``documents``, ``units``, ``sentences`` and ``removed``.

    Parameters
    ----------
    corpus : Corpus or path
        A loaded corpus, or the path of a ``.jsonl`` or ``.parquet`` file,
        which is then read partition by partition (by the workers, with the
        ``dask`` engine) and never held whole in one process.
    engine : ``"local"`` or ``"dask"``
        ``local`` runs in this process. ``dask`` spreads the partitions over a
        dask.distributed cluster: the one at ``scheduler`` (an address such as
        ``tcp://10.0.0.5:8786``), else a LocalCluster of ``workers`` processes
        started for the run. Both engines give the same tables.
    partition_documents : int
        Documents per partition of a loaded corpus.
    max_bytes, text_column, config, keep_navigation
        As for :func:`toolkit.load_corpus`, for a corpus given as a path.
    actor_tone : ``"fast"`` or ``"contextual"``, optional
        The model of tone toward actors (``None``: the corpus's ``actor_tone``
        setting, by default ``"fast"``). ``"contextual"`` adds a small
        transformer encoder: more accurate (NewsMTSC dev macro-F1 0.76 and 0.73
        against 0.70 and 0.64) but it reads 1,200 to 1,500 words a second, so it
        suits a handful of articles; see
        :func:`toolkit.measures.tone_model.actor_probabilities_many`.
    quiet : bool
        No progress bar (it is drawn only on a terminal, and never under CI).

    Examples
    --------
    >>> tables = analyze(load_corpus("seeds"))  # doctest: +SKIP
    >>> tables = analyze("year.jsonl", engine="dask", scheduler="tcp://host:8786")  # doctest: +SKIP
    """
    if engine not in ENGINES:
        raise ToolkitError(f"unknown engine '{engine}': use one of {', '.join(ENGINES)}")
    if isinstance(corpus, Corpus):
        return _analyze_loaded(corpus.reading_actor_tone(actor_tone), engine, scheduler, workers, partition_documents, quiet)
    if not is_lazy(corpus):
        raise CorpusError(corpus, "only a loaded corpus or a .jsonl or .parquet file can be analysed directly",
                          "load it first with toolkit.load_corpus(...)")
    settings = with_actor_tone(corpus_config(corpus, config), actor_tone)
    if keep_navigation is not None:
        settings = dataclasses.replace(settings, keep_navigation=keep_navigation)
    return _analyze_file(Path(corpus), engine, scheduler, workers, settings, max_bytes, text_column, quiet)


def _analyze_loaded(corpus: Corpus, engine: str, scheduler: str | None, workers: int, partition_documents: int,
                    quiet: bool) -> dict[str, pd.DataFrame]:
    """:func:`analyze` of a loaded corpus: its documents in partitions, here or on a cluster."""
    actors = tuple(corpus.config.actors) or tuple(as_actors(rank_names(name_counts(corpus))))
    if engine == "local":
        parts = split(corpus.documents, partition_documents)
        results = []
        with bar(len(parts), "measures", quiet) as progress:
            for documents in parts:
                results.append(document_tables(corpus.part(documents), actors))
                progress.update()
        return combine(results)
    # Arguments go through functools.partial: Dask would read tuples (the
    # actors) as tasks of its graph.
    with cluster(scheduler, workers) as client:
        # at least TASKS_PER_WORKER partitions per worker, so that all are kept busy
        size = min(partition_documents, -(-len(corpus.documents) // (TASKS_PER_WORKER * worker_count(client))))
        futures = client.scatter([corpus.part(documents) for documents in split(corpus.documents, size)])
        return combine(gather(client, client.map(partial(document_tables, actors=actors), futures, pure=False), quiet))


def _analyze_file(corpus: Path, engine: str, scheduler: str | None, workers: int, settings, max_bytes: int,
                  text_column: str | None, quiet: bool) -> dict[str, pd.DataFrame]:
    """:func:`analyze` of a JSONL or Parquet file read lazily, partition by partition, here or on a cluster."""
    if engine == "local":
        partitions = plan(corpus, text_column)
        actors = tuple(settings.actors)
        if not actors:  # a first pass counts the names that actor suggestion ranks
            counts = [name_counts(load_partition(p, settings, max_bytes)) for p in partitions]
            actors = tuple(as_actors(rank_names(_concat(counts))))
        results, notices = [], []
        with bar(len(partitions), "measures", quiet) as progress:
            for partition in partitions:
                part = load_partition(partition, settings, max_bytes)
                notices += part.notices
                results.append(document_tables(part, actors))
                progress.update()
        return _finish(corpus, results, notices)
    with cluster(scheduler, workers) as client:
        size = corpus.stat().st_size
        partitions = plan(corpus, text_column, partition_bytes=max(1, min(partitions_module.PARTITION_BYTES,
                                                                             size // (TASKS_PER_WORKER * worker_count(client)) + 1)))
        loaded = client.map(partial(load_partition, config=settings, max_bytes=max_bytes), partitions, pure=False)
        actors = tuple(settings.actors)
        if not actors:
            actors = tuple(as_actors(rank_names(_concat(client.gather(client.map(name_counts, loaded))))))
        notices = [n for batch in client.gather(client.map(_notices, loaded)) for n in batch]
        results = gather(client, client.map(partial(document_tables, actors=actors), loaded, pure=False), quiet)
    return _finish(corpus, results, notices)


def _notices(corpus: Corpus) -> list:
    return list(corpus.notices)


def _finish(path, results: list[dict[str, pd.DataFrame]], notices: list) -> dict[str, pd.DataFrame]:
    """Combine the parts of a corpus read from a file; warn and check as :func:`toolkit.load_corpus` does."""
    for notice in notices:
        warnings.warn(str(notice), CorpusWarning, stacklevel=3)
    tables = combine(results)
    documents = tables["documents"]
    if documents.empty:
        raise CorpusError(path, "no article has any text left after cleaning", "check the file; see the warnings above")
    repeated = documents.loc[documents["doc_id"].duplicated(), "doc_id"]
    if len(repeated):
        doc_id = repeated.iloc[0]
        raise CorpusError(path, f"two articles share the doc_id '{doc_id}'", "give unique doc_id values")
    return tables


def write_report(corpus: Corpus, out: Path, group_by: str = "doc_id", quiet: bool = True,
                 engine: str = "local", scheduler: str | None = None) -> list[Path]:
    """Run every analysis of ``corpus`` and write tables, charts, ``report.md`` and ``report.html`` into ``out``.

    The whole pipeline: measures (:func:`analyze`), then the comparison
    (:func:`toolkit.compare.compare`), then the presentation
    (:func:`toolkit.present.outputs.write_outputs`). With ``quiet=False`` a
    progress bar follows the stages on a terminal. ``engine`` and
    ``scheduler`` choose where the measures run (see :func:`analyze`).
    """
    with bar(3, "measures", quiet) as progress:
        tables = analyze(corpus, engine, scheduler=scheduler)
        progress.set_description("comparison")
        progress.update()
        tables.update(compare(corpus, tables, group_by=group_by))
        progress.set_description("charts and report")
        progress.update()
        written = write_outputs(corpus, tables, out)
        progress.update()
    return written
