"""Coverage and omission: what each source includes, leaves out, or reports differently.

Facts are of three kinds:

``quantity``
    a quantity that several sources report (from :mod:`toolkit.compare.alignment`);
    a source is ``divergent`` when the group does not agree;
``actor``
    an actor that at least two sources mention;
``claim``
    a sentence with a close counterpart in another source: sentences whose
    TF-IDF cosine similarity (stemmed content words) is at least
    :data:`CLAIM_THRESHOLD` form one claim.

Text reuse: passages of at least :data:`SHINGLE_WORDS` consecutive words that
two sources share, found by word shingles, with their spans in both texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import sparse

from ..corpus.documents import Corpus
from ..text.quotes import quoted_spans
from .name_variants import aliases_of, day_words, merge_variants, names_alias, names_in, no_fact, one_day, source_days, source_texts, vague_amount
from .similarity import context_terms, cosine, tfidf

#: Sentences at least this similar state the same claim (lower values chain
#: unrelated sentences through shared names).
CLAIM_THRESHOLD = 0.4
#: Sentences with fewer content words are not claims ("Yet this time feels different.").
MIN_CLAIM_TERMS = 5
#: Sentences are compared only when they share one of their this many most
#: weighty words (blocking); a pair above the threshold practically always does.
BLOCKING_TERMS = 12
#: Rows of the similarity products computed at once (bounds their memory).
CHUNK_ROWS = 32
#: Margin under the claim threshold for the sparse prefilter; the exact test follows.
PREFILTER_MARGIN = 1e-6
#: Shared passages must run at least this many words.
SHINGLE_WORDS = 8
#: A run of words held by at most this many sources is paired among all of
#: them; one held by more, only with its first source. The value is the
#: number of sources a chart draws (``MAX_CHART_SOURCES`` of the report): up
#: to that many, every pair is reported as before, and a run printed by
#: hundreds of sources costs hundreds of pairs, not tens of thousands.
REUSE_ALL_PAIRS = 12
#: Up to this many sources, ``source_similarity`` holds every pair (a
#: 50 x 50 matrix is 2,500 rows); beyond, each source's nearest neighbours and
#: the pairs among the sources a chart draws, so the table grows in proportion
#: to the sources (2,000 sources: 22,000 rows rather than 4,000,000).
FULL_SIMILARITY_SOURCES = 50
#: Most similar other sources kept per source beyond FULL_SIMILARITY_SOURCES.
SIMILAR_NEIGHBOURS = 10
#: Sources whose similarities are computed at once (a block of dense rows).
SIMILARITY_CHUNK = 256

COVERAGE_COLUMNS = ["fact_type", "fact_id", "label", "source", "state", "evidence"]
REUSE_COLUMNS = ["source_a", "start_a", "end_a", "source_b", "start_b", "end_b", "words", "text", "kind"]
#: A shared passage whose words are this share capitalised or more is a run of names and titles ("Prime Minister
#: Jo Roe and Army Chief General Al Kay"), which two texts write alike without copying.
NAMES_SHARE = 0.6
_TOKEN = re.compile(r"[^\W_]+(?:[’'][^\W_]+)?")


def units(corpus: Corpus, sources: dict[str, str] | None = None) -> dict[str, str]:
    """The source each document counts for: ``sources`` (document id -> source), else the document itself."""
    sources = sources or {}
    return {doc.doc_id: sources.get(doc.doc_id, doc.doc_id) for doc in corpus}


def claims(corpus: Corpus, threshold: float = CLAIM_THRESHOLD, sources: dict[str, str] | None = None) -> pd.DataFrame:
    """Claims made by more than one source.

    ``sources`` maps document ids to the sources compared (outlets, say);
    by default every document is a source. Sentences of one source never
    make a claim together on their own.

    Returns ``claim_id, doc_id, sentence_id, similarity, text``: one row per
    sentence of a claim; ``similarity`` is its best match in another source.
    """
    unit = units(corpus, sources)
    rows = [(doc.doc_id, s.sentence_id, s.text) for doc in corpus for s in doc.sentences if s.kind not in ("title", "heading")]
    terms = [context_terms(text) for _, _, text in rows]
    vectors = tfidf(terms)
    parent = list(range(len(rows)))
    best = [0.0] * len(rows)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(members: list[int], similarity: float) -> None:
        for i in members:
            best[i] = max(best[i], similarity)
            parent[find(i)] = find(members[0])

    # Sentences with the same words are compared once: identical sentences in
    # two sources are one claim (wire copy, say), and only distinct wordings
    # are paired, so repeated text does not multiply the work.
    same: dict[tuple, list[int]] = {}
    for i, t in enumerate(terms):
        if len(set(t)) >= MIN_CLAIM_TERMS:
            same.setdefault(tuple(t), []).append(i)
    keys = list(same.values())
    for members in keys:
        if len({unit[rows[i][0]] for i in members}) > 1:
            join(members, cosine(vectors[members[0]], vectors[members[0]]))
    # Pairs of wordings above the threshold are found with sparse matrix
    # products, a block of rows at a time, then tested exactly. As before,
    # a pair must also share one of the wordings' BLOCKING_TERMS weightiest
    # words: a claim is about the same thing, not only in the same words.
    heads = [set(sorted(vectors[m[0]], key=lambda t: (-vectors[m[0]][t], t))[:BLOCKING_TERMS]) for m in keys]
    units_of = [{unit[rows[i][0]] for i in members} for members in keys]
    for a, b in _similar_pairs([vectors[m[0]] for m in keys], threshold):
        first, second = keys[a], keys[b]
        units_a, units_b = units_of[a], units_of[b]
        if len(units_a | units_b) < 2 or heads[a].isdisjoint(heads[b]):
            continue
        similarity = cosine(vectors[first[0]], vectors[second[0]])
        if similarity >= threshold:
            partnered = [i for i in first if units_b - {unit[rows[i][0]]}] + [j for j in second if units_a - {unit[rows[j][0]]}]
            join(partnered, similarity)
    groups: dict[int, list[int]] = {}
    for i in range(len(rows)):
        if best[i] > 0:
            groups.setdefault(find(i), []).append(i)
    out = []
    for number, members in enumerate(sorted(groups.values(), key=min), start=1):
        for i in members:
            out.append((f"c{number:03d}", rows[i][0], rows[i][1], best[i], rows[i][2]))
    return pd.DataFrame(out, columns=["claim_id", "doc_id", "sentence_id", "similarity", "text"])


def _similar_pairs(vectors: list[dict[str, float]], threshold: float) -> Iterator[tuple[int, int]]:
    """Pairs ``(a, b)``, ``a < b``, whose cosine may reach ``threshold`` (a superset, by :data:`PREFILTER_MARGIN`).

    Yielded block by block, so that many similar sentences never fill memory
    with their pairs.
    """
    matrix = _matrix(vectors)
    transposed = matrix.T.tocsc()
    for first in range(0, len(vectors), CHUNK_ROWS):
        block = (matrix[first:first + CHUNK_ROWS] @ transposed).tocsr()
        rows = np.repeat(np.arange(first, first + block.shape[0]), np.diff(block.indptr))
        keep = (block.data >= threshold - PREFILTER_MARGIN) & (block.indices > rows)
        yield from zip(rows[keep].tolist(), block.indices[keep].tolist())


def _holding_dates(rows: pd.DataFrame | None, group) -> str:
    """The surface of a date mention in ``rows`` whose interval holds the date group's interval, or ``""``."""
    if rows is None or pd.isna(getattr(group, "date_low", pd.NaT)) or pd.isna(getattr(group, "date_high", pd.NaT)):
        return ""
    low, high = pd.Timestamp(group.date_low), pd.Timestamp(group.date_high)
    month = low.month_name() if (low.year, low.month) == (high.year, high.month) else ""
    for row in rows.itertuples():
        if pd.isna(row.date_low) and month and re.search(rf"\b{month}\b", str(row.surface), re.I):
            return str(row.surface)  # a month whose year the source leaves open ("In September")
        if pd.notna(row.date_low) and pd.notna(row.date_high) and pd.Timestamp(row.date_low) <= low \
                and high <= pd.Timestamp(row.date_high):
            return str(row.surface)
    return ""


def coverage(corpus: Corpus, tables: dict[str, pd.DataFrame], sources: dict[str, str] | None = None,
             claim_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The facts-by-sources matrix, long form.

    ``sources`` maps document ids to the sources compared (default: each
    document is a source); ``claim_table`` is :func:`claims`' table when
    already computed.

    Returns
    -------
    DataFrame
        ``fact_type`` (quantity, actor, claim), ``fact_id``, ``label``,
        ``source``, ``state`` (present, absent or divergent; for a claim,
        present or ``unmatched``: no sentence of the source matches its
        wording, which does not show that the source leaves it out) and ``evidence``
        (where the source states it: ``sentence_id`` list, or the number's
        surface; sentences are named ``doc_id#sentence_id`` when a source
        holds several documents).
    """
    unit = units(corpus, sources)
    pooled = any(doc_id != source for doc_id, source in unit.items())
    order = list(dict.fromkeys(unit.values()))

    def where(doc_ids, sentence_ids) -> list[str]:
        return [f"{d}#{s}" if pooled else str(s) for d, s in zip(doc_ids, sentence_ids)]

    rows = []
    groups, numbers = tables["quantity_groups"], tables["numbers"]
    members = numbers[numbers["group_id"].isin(groups.loc[groups["n_sources"] > 1, "group_id"])]
    members = members.assign(source=members["doc_id"].map(unit),
                             evidence=[f"{surface} ({'sentence ' + ref if not pooled else ref})" for surface, ref in
                                       zip(members["surface"], where(members["doc_id"], members["sentence_id"]))])
    evidence = members.groupby(["group_id", "source"], sort=False)["evidence"].agg("; ".join).to_dict()
    texts, published = source_texts(corpus, unit), source_days(tables.get("documents"), unit)
    # a figure is carried by the sources that give it as precisely as the most precise of them: "thousands"
    # does not give "more than 5,000", nor "In September" "8 September 2025"; a group of vague amounts only is
    # no figure a source can leave out
    fine = members[_finest(members)]
    reach = fine.groupby("group_id")["source"].nunique()
    precise = set(fine["group_id"])
    dated = numbers[numbers["kind"] == "date"].assign(source=lambda t: t["doc_id"].map(unit))
    dates = {source: rows for source, rows in dated.groupby("source", sort=False)}
    for group in groups[groups["group_id"].isin(reach[reach > 1].index) & groups["group_id"].isin(precise)].itertuples():
        day = one_day(group)
        for source in order:
            found = evidence.get((group.group_id, source))
            state = "absent" if found is None else ("present" if group.status == "agree" else "divergent")
            if found is None and group.kind == "date":
                said = day_words(texts.get(source, ""), day, published.get(source, frozenset()))
                state, found = ("present", f"{said[0]} (the day in other words)") if said else (state, found)
            if found is None and group.kind == "date":
                # a coarser date of the same source that holds the group's dates ("In September" for 8 September)
                holding = _holding_dates(dates.get(source), group)
                state, found = ("present", f"{holding} (a coarser date that holds it)") if holding else (state, found)
            rows.append(("quantity", group.group_id, group.label, source, state, found or ""))
    mentions = tables["actor_sentiment"]
    mentions = mentions[np.array([not no_fact(a) for a in mentions["actor"]], dtype=bool)]
    merged = merge_variants(mentions)
    aliases = aliases_of(corpus, mentions, merged)
    mentions = mentions.assign(actor=mentions["actor"].map(lambda a: merged.get(a, a)))
    mentions = mentions.assign(source=mentions["doc_id"].map(unit), position=mentions["doc_id"].map({d: i for i, d in enumerate(unit)}))
    named = mentions.drop_duplicates(["actor", "doc_id", "sentence_id"]).sort_values(["position", "sentence_id"], kind="stable")
    named = named.assign(ref=where(named["doc_id"], named["sentence_id"]))
    refs = named.groupby(["actor", "source"], sort=False)["ref"].agg(",".join).to_dict()
    reach = mentions.groupby("actor")["source"].nunique()
    vocabularies: dict[str, list[str]] = {}
    for actor in reach[reach >= 2].index:
        for source in order:
            found = refs.get((actor, source))
            state = "present" if found else "absent"
            if not found:
                # absent only when no word of the source names it, in any spelling or alias
                if source not in vocabularies:
                    vocabularies[source] = names_in(texts.get(source, ""))
                words = vocabularies[source]
                said = next((a for a in aliases.get(actor, [actor]) if names_alias(texts.get(source, ""), words, a)), None)
                state, found = ("present", f"{said} (by name)") if said else (state, found)
            rows.append(("actor", actor, actor, source, state, found or ""))
    claim_table = claims(corpus, sources=sources) if claim_table is None else claim_table
    claim_table = claim_table.assign(source=claim_table["doc_id"].map(unit),
                                     ref=where(claim_table["doc_id"], claim_table["sentence_id"]))
    refs = claim_table.groupby(["claim_id", "source"], sort=False)["ref"].agg(",".join).to_dict()
    for claim_id, members in claim_table.groupby("claim_id", sort=True):
        label = min(members["text"], key=len)[:120]
        for source in order:
            found = refs.get((claim_id, source))
            # shared wording finds a claim, but a source may tell it in other words: no match is not an absence
            rows.append(("claim", claim_id, label, source, "present" if found else "unmatched", found or ""))
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS)


def precise_carriers(numbers: pd.DataFrame, unit: dict[str, str], copied: dict[str, str] | None = None) -> dict[str, int]:
    """Per quantity group, how many sources (``unit``: document -> source) give its figure at the group's finest
    precision (see :func:`_finest`): those that carry the figure a source may be said to leave out. Copies of one
    text (``copied``: document -> the first of its copies) count once."""
    members = numbers[numbers["group_id"].notna()]
    fine = members[_finest(members)]
    copied = copied or {}
    text = fine["doc_id"].map(lambda d: unit.get(copied.get(d, d), copied.get(d, d)))
    return fine.assign(source=text).groupby("group_id")["source"].nunique().to_dict()


def _finest(members: pd.DataFrame) -> np.ndarray:
    """Which mentions give their group's figure at the group's finest precision: no vague amount, and for a
    date no longer a span than the group's shortest ("8 September 2025", not "In September")."""
    precise = np.array([not vague_amount(s) for s in members["surface"]], dtype=bool)
    if "date_low" not in members or "date_high" not in members:
        return precise
    low, high = pd.to_datetime(members["date_low"], errors="coerce"), pd.to_datetime(members["date_high"], errors="coerce")
    span = (high - low).dt.days.where(members["kind"].eq("date"))
    shortest = span.groupby(members["group_id"]).transform("min")
    return precise & ~(span > shortest).to_numpy(dtype=bool)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _pairs_of_holders(ordered: list[tuple[int, int]]) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """Pairs of the places (document, position) of one run of words, one place per source, in corpus order:
    every pair when at most :data:`REUSE_ALL_PAIRS` sources hold the run, else each with the first."""
    if len(ordered) <= REUSE_ALL_PAIRS:
        for x, a in enumerate(ordered):
            for b in ordered[x + 1:]:
                yield a, b
    else:
        for b in ordered[1:]:
            yield ordered[0], b


def text_reuse(corpus: Corpus, n: int = SHINGLE_WORDS, sources: dict[str, str] | None = None) -> pd.DataFrame:
    """Passages two sources share word for word (at least ``n`` words).

    ``sources`` maps document ids to the sources compared (default: each
    document is a source); passages within one source are not reported. Each
    run of ``n`` words is paired through its first place in each source, and a
    passage is reported once per pair of sources, so repeated text (wire copy
    reprinted by many articles of an outlet) costs no more than text said once.
    A run that more than :data:`REUSE_ALL_PAIRS` sources share is paired only
    with its first source (in corpus order), not among all of them: the rows
    grow with the sources, not with their square (blocking).

    Returns ``source_a, start_a, end_a, source_b, start_b, end_b, words,
    text``: the two documents' ids and offsets into their cleaned texts.
    """
    unit = units(corpus, sources)
    docs = list(corpus)
    names = {source: k for k, source in enumerate(dict.fromkeys(unit.values()))}
    interned: dict[str, str] = {}
    tokens = [_tokens(doc.text) for doc in docs]
    words = [[interned.setdefault(w, w) for w, _, _ in doc_tokens] for doc_tokens in tokens]
    # Runs of n words are keyed by their hash and a place is packed into one
    # integer (source, document, position): far less memory than the words.
    # A pair is kept only when its words really are equal.
    position_bits = max(1, max(map(len, words), default=1).bit_length())
    source_shift = position_bits + max(1, len(docs).bit_length())
    first: dict[int, int] = {}
    more: dict[int, dict[int, int]] = {}
    for d, doc_words in enumerate(words):
        source = names[unit[docs[d].doc_id]]
        base = (source << source_shift) | (d << position_bits)
        for i in range(len(doc_words) - n + 1):
            key, place = hash(tuple(doc_words[i:i + n])), base | i
            seen = first.setdefault(key, place)
            if seen >> source_shift != source:
                more.setdefault(key, {seen >> source_shift: seen}).setdefault(source, place)
    del first
    pair_hits: dict[tuple[int, int], list[tuple[int, int]]] = {}
    doc_mask, position_mask = (1 << (source_shift - position_bits)) - 1, (1 << position_bits) - 1
    for places in more.values():
        ordered = sorted(((p >> position_bits) & doc_mask, p & position_mask) for p in places.values())
        for (da, i), (db, j) in _pairs_of_holders(ordered):
            if words[da][i:i + n] == words[db][j:j + n]:
                pair_hits.setdefault((da, db), []).append((i, j))
    del more
    rows, reported = [], set()
    for (a_index, b_index), hits in sorted(pair_hits.items()):
        a, b, ta, tb = docs[a_index], docs[b_index], tokens[a_index], tokens[b_index]
        wa, wb = words[a_index], words[b_index]
        pair = (unit[a.doc_id], unit[b.doc_id])
        hits.sort()
        used: set[tuple[int, int]] = set()
        for i, j in hits:
            if (i, j) in used:
                continue
            length = n
            while i + length < len(wa) and j + length < len(wb) and wa[i + length] == wb[j + length]:
                length += 1
            used.update((i + k, j + k) for k in range(length - n + 1))
            start_a, end_a = ta[i][1], ta[i + length - 1][2]
            start_b, end_b = tb[j][1], tb[j + length - 1][2]
            text = a.text[start_a:end_a]
            if (pair, text.lower()) in reported:
                continue
            reported.add((pair, text.lower()))
            rows.append((a.doc_id, start_a, end_a, b.doc_id, start_b, end_b, length, text,
                         reuse_kind(text, a.text, start_a, b.text, start_b)))
    return pd.DataFrame(rows, columns=REUSE_COLUMNS)


def _in_quotation(text: str, start: int) -> bool:
    """Whether ``start`` lies inside a quotation of its paragraph, its marks paired as
    :func:`~toolkit.text.quotes.quoted_spans` pairs them (a stray mark earlier does not put the rest of the
    paragraph in quotation marks)."""
    begin = text.rfind("\n", 0, start) + 1
    finish = text.find("\n", start)
    return any(a <= start < b for a, b in _paragraph_quotes(text, begin, len(text) if finish == -1 else finish))


@lru_cache(maxsize=4096)
def _paragraph_quotes(text: str, begin: int, end: int) -> tuple[tuple[int, int], ...]:
    return tuple(quoted_spans(text, begin, end))


def reuse_kind(passage: str, text_a: str, start_a: int, text_b: str, start_b: int) -> str:
    """What a shared passage is: ``quotation`` (inside quotation marks in either text: words of a speaker both
    quote, not one text copying the other), ``names`` (a run of names and titles, :data:`NAMES_SHARE`) or
    ``text``.

    >>> reuse_kind("we will not leave the port", "He said “we will not leave the port”", 9, "we will not leave the port", 0)
    'quotation'
    >>> reuse_kind("Prime Minister Jo Roe and Army Chief Al Kay", "", 0, "", 0)
    'names'
    """
    if _in_quotation(text_a, start_a) or _in_quotation(text_b, start_b):
        return "quotation"
    words = re.findall(r"[^\W\d_][\w’'-]*", passage)
    if words and sum(w[:1].isupper() for w in words) >= NAMES_SHARE * len(words):
        return "names"
    return "text"


def largest_sources(documents: pd.DataFrame, sources: dict[str, str] | None, count: int) -> list[str]:
    """The ``count`` sources with the most words (``documents``' ``words`` summed per source; ties in corpus
    order), in corpus order: the rule by which the report chooses the sources its charts draw."""
    source = documents["doc_id"].map(sources or {}).fillna(documents["doc_id"]) if sources else documents["doc_id"]
    words = documents.assign(source=source).groupby("source", sort=False)["words"].sum()
    largest = set(words.sort_values(ascending=False, kind="stable").index[:count])
    return [s for s in words.index if s in largest]


def _matrix(vectors: list[dict[str, float]]) -> sparse.csr_matrix:
    """Sparse vectors (term -> weight) as the rows of a CSR matrix."""
    vocabulary: dict[str, int] = {}
    data, indices, indptr = [], [], [0]
    for vector in vectors:
        for term, value in vector.items():
            indices.append(vocabulary.setdefault(term, len(vocabulary)))
            data.append(value)
        indptr.append(len(indices))
    return sparse.csr_matrix((np.asarray(data, dtype=float), np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
                             shape=(len(vectors), max(len(vocabulary), 1)))


def source_similarity(corpus: Corpus, sources: dict[str, str] | None = None,
                      keep: list[str] | None = None) -> pd.DataFrame:
    """Cosine similarity of pairs of sources (TF-IDF of stemmed content words).

    ``sources`` maps document ids to the sources compared (default: each
    document is a source); a source's documents are pooled.

    Up to :data:`FULL_SIMILARITY_SOURCES` sources, every ordered pair is
    returned, the diagonal included (1.0), ready for a matrix chart. Beyond,
    the table would grow with the square of the sources, so it holds, for
    each source, its diagonal and its :data:`SIMILAR_NEIGHBOURS` most similar
    other sources, and every pair among the sources named in ``keep`` (those
    a chart draws); rows in corpus order of ``source_a``, then of ``source_b``.

    Returns ``source_a, source_b, similarity``.
    """
    unit = units(corpus, sources)
    pooled: dict[str, list[str]] = {}
    for doc in corpus:
        pooled.setdefault(unit[doc.doc_id], []).extend(context_terms(doc.text))
    names = np.array(list(pooled), dtype=object)
    count = len(names)
    vectors = tfidf(list(pooled.values()))
    if count <= FULL_SIMILARITY_SOURCES:  # a few thousand cosines at most
        return pd.DataFrame([(a, b, cosine(vectors[i], vectors[j])) for i, a in enumerate(names) for j, b in enumerate(names)],
                            columns=["source_a", "source_b", "similarity"])
    matrix = _matrix(vectors)
    transposed = matrix.T.tocsc()
    index = {name: i for i, name in enumerate(names)}
    kept = np.zeros(count, dtype=bool)
    kept[[index[name] for name in (keep or []) if name in index]] = True
    parts = []
    for first in range(0, count, SIMILARITY_CHUNK):
        values = (matrix[first:first + SIMILARITY_CHUNK] @ transposed).toarray()
        rows = np.arange(first, first + values.shape[0])
        chosen = np.zeros(values.shape, dtype=bool)
        chosen[np.arange(len(rows)), rows] = True
        others = np.where(chosen, -np.inf, values)
        # the nearest others; ties go to the source earlier in corpus order (a stable sort)
        nearest = np.argsort(-others, axis=1, kind="stable")[:, :SIMILAR_NEIGHBOURS]
        chosen[np.arange(len(rows))[:, None], nearest] = True
        chosen |= kept[rows][:, None] & kept[None, :]
        a, b = np.nonzero(chosen)
        parts.append(pd.DataFrame({"source_a": names[rows[a]], "source_b": names[b], "similarity": values[a, b]}))
    return pd.concat(parts, ignore_index=True)
