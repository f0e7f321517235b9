"""Load a corpus of articles: read, clean, infer metadata, segment.

The entry point is :func:`load_corpus`. The result keeps, for every document,
the original text beside the cleaned text, what was removed and why, and the
units and sentences with offsets into the cleaned text.
"""

from __future__ import annotations

import datetime as dt

import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import trafilatura

from ..text import metadata as meta
from ..text.cleaning import Removal, clean, furniture_version, scrub
from .config import CONFIG_NAME, CorpusConfig, read_config, with_actor_tone
from ..errors import CorpusError, CorpusWarning, Notice, notify
from ..text.html_page import Page, read_head, read_html
from ..text.language import seems_english
from ..text.navigation import MAX_PROSE_SHARE, MIN_UNITS, is_navigation, page_signals
from .reading import DEFAULT_MAX_BYTES
from ..text.segment import WORD_RE
from .sources import Source, find_sources
from ..text.structure import Sentence, Unit, build

DOCUMENT_COLUMNS = ["doc_id", "file", "format", "encoding", *meta.FIELDS, "words", "sentences", "removed"]
SENTENCE_COLUMNS = ["doc_id", "sentence_id", "unit_id", "kind", "start", "end", "words", "text"]
UNIT_COLUMNS = ["doc_id", "unit_id", "kind", "start", "end", "text"]
REMOVED_COLUMNS = ["doc_id", "file", "line", "start", "end", "offsets_in", "rule", "reason", "text"]


@dataclass
class Document:
    """One loaded article.

    Attributes
    ----------
    doc_id, file, format, encoding : str
        Identity and how the file was read.
    original : str
        The file's text as read and decoded (HTML for HTML files), never
        altered: byte-order mark, line endings and control characters kept.
    extracted : str
        The text that cleaning worked on: ``original`` with line endings
        normalised and control and invisible characters removed (see
        :func:`toolkit.text.cleaning.scrub`), or for HTML the main text that
        trafilatura extracted from it. Furniture removal offsets index into it.
    text : str
        The cleaned text. Every offset of ``units`` and ``sentences`` indexes
        into it.
    metadata, provenance : dict
        ``title``, ``outlet``, ``author``, ``published``, ``genre`` (plus any
        extra manifest columns) and where each value came from.
    units, sentences, removals : list
        Structure and the cleaning record.
    scrubbed : list of Removal
        Control and invisible characters removed at load time, with offsets
        into ``original``.
    extractor : str
        For HTML, what extracted the text: ``trafilatura``, or ``plain reader``
        for a page trafilatura could not parse (see
        :mod:`toolkit.text.html_page`); empty for other formats.
    """

    doc_id: str
    file: str
    format: str
    encoding: str
    original: str
    extracted: str
    text: str
    metadata: dict[str, str]
    provenance: dict[str, str]
    units: list[Unit]
    sentences: list[Sentence]
    removals: list[Removal]
    scrubbed: list[Removal] = field(default_factory=list)
    extractor: str = ""

    @property
    def words(self) -> int:
        """Word tokens in the cleaned text."""
        return len(WORD_RE.findall(self.text))


@dataclass
class Corpus:
    """Loaded documents plus the corpus config and every warning raised."""

    documents: list[Document]
    config: CorpusConfig
    notices: list[Notice] = field(default_factory=list)
    furniture_version: str = ""

    @property
    def name(self) -> str:
        return self.config.name

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self):
        return iter(self.documents)

    def document(self, doc_id: str) -> Document:
        """The document with id ``doc_id``."""
        index = self.__dict__.get("_index")
        if index is None or len(index) != len(self.documents):
            index = self.__dict__["_index"] = {doc.doc_id: doc for doc in self.documents}
        return index[doc_id]

    def part(self, documents: list[Document]) -> "Corpus":
        """A corpus of some of these documents, with the same config (for partitioned runs)."""
        return Corpus(list(documents), self.config, [], self.furniture_version)

    def reading_actor_tone(self, actor_tone: str | None) -> "Corpus":
        """This corpus with the actor-tone model ``actor_tone`` (``None``: as it is); see :func:`with_actor_tone`."""
        if actor_tone is None:
            return self
        return Corpus(self.documents, with_actor_tone(self.config, actor_tone), self.notices, self.furniture_version)

    def documents_table(self) -> pd.DataFrame:
        """One row per document.

        Columns: ``doc_id, file, format, encoding, title, outlet, author,
        published`` (a date, NaT where unknown; written as an ISO day)``,
        genre, words, sentences, removed`` (lines removed), then
        ``<field>_source`` for each metadata field (``manifest``,
        ``inferred:<rule>`` or ``missing``), then extra manifest columns.
        """
        rows = []
        for doc in self.documents:
            row = {
                "doc_id": doc.doc_id, "file": doc.file, "format": doc.format, "encoding": doc.encoding,
                **{name: doc.metadata.get(name, "") for name in meta.FIELDS},
                "words": doc.words, "sentences": len(doc.sentences), "removed": len(doc.removals) + len(doc.scrubbed),
            }
            row.update({f"{name}_source": doc.provenance[name] for name in meta.FIELDS})
            row.update({k: v for k, v in doc.metadata.items() if k not in meta.FIELDS})
            rows.append(row)
        columns = DOCUMENT_COLUMNS + [f"{name}_source" for name in meta.FIELDS]
        table = pd.DataFrame(rows, columns=list(dict.fromkeys(columns + [k for r in rows for k in r])))
        table["published"] = meta.date_column(table["published"])
        return table

    def sentences_table(self) -> pd.DataFrame:
        """One row per sentence: ``doc_id, sentence_id, unit_id, kind, start, end, words, text``.

        ``sentence_id`` counts from 0 within a document; ``start``/``end``
        index into that document's cleaned text; ``kind`` is the kind of the
        unit holding the sentence (title, heading, paragraph, list_item).
        """
        rows = [
            (doc.doc_id, s.sentence_id, s.unit_id, s.kind, s.start, s.end, len(WORD_RE.findall(s.text)), s.text)
            for doc in self.documents
            for s in doc.sentences
        ]
        return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)

    def units_table(self) -> pd.DataFrame:
        """One row per unit: ``doc_id, unit_id, kind, start, end, text``."""
        rows = [(doc.doc_id, u.unit_id, u.kind, u.start, u.end, u.text) for doc in self.documents for u in doc.units]
        return pd.DataFrame(rows, columns=UNIT_COLUMNS)

    def removed_table(self) -> pd.DataFrame:
        """One row per removal: ``doc_id, file, line, start, end, offsets_in, rule, reason, text``.

        ``offsets_in`` names the text the offsets index: ``original`` for
        control and invisible characters removed at load time (rules
        ``control_character``, ``invisible_character``) and for furniture of a
        text file that had none, else ``extracted`` (HTML, whose markup is
        removed by trafilatura before furniture rules run, that step being
        recorded as one ``html_extraction`` row per file).
        """
        rows = []
        for doc in self.documents:
            offsets_in = "original" if doc.format != "html" and doc.extracted == doc.original else "extracted"
            rows.extend((doc.doc_id, doc.file, r.line, r.start, r.end, "original", r.rule, r.reason, r.text)
                        for r in doc.scrubbed)
            if doc.format == "html":
                removed = "markup and page boilerplate removed by trafilatura" if doc.extractor != "plain reader" \
                    else "markup removed by the plain reader (trafilatura could not parse the page)"
                rows.append((doc.doc_id, doc.file, 0, 0, len(doc.original), "original", "html_extraction",
                             f"{removed}; {len(doc.extracted):,} of {len(doc.original):,} characters kept", ""))
            rows.extend(
                (doc.doc_id, doc.file, r.line, r.start, r.end, offsets_in, r.rule, r.reason, r.text)
                for r in doc.removals
            )
        return pd.DataFrame(rows, columns=REMOVED_COLUMNS)


@dataclass
class _Html:
    """What an HTML page gave: its text, metadata with provenance, and what extracted the text."""

    text: str
    values: dict[str, str]
    provenance: dict[str, str]
    extractor: str
    markup: str
    page: Page | None = None

    def link_share(self) -> float:
        """Share of the page's visible text inside links (the page is read whole only when this is asked)."""
        if self.page is None:
            self.page = read_html(self.markup)
        return self.page.link_share


def _extract_html(source: Source, html: str, notices: list[Notice]) -> _Html | None:
    """The page's main text (trafilatura), else its text block by block (a page trafilatura cannot parse,
    such as one nested deeper than its tree builder's limit); ``None``, with a notice, when there is none."""
    page = None
    try:
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except (RecursionError, MemoryError, ValueError, TypeError, AttributeError, LookupError):  # a malformed page
        result = None
    extractor = "trafilatura"
    if result is not None and (result.text or "").strip():
        text = result.text
        found = {"title": result.title, "author": result.author, "published": result.date, "outlet": result.sitename}
    else:
        page = read_html(html)
        text = page.text()
        if not text.strip():
            notify(notices, source.path, "html_skipped", "no article text could be read from this HTML; skipped. "
                   "Save the article's text as a .txt file instead")
            return None
        notify(notices, source.path, "html_plain_reading",
               "the article could not be extracted from this HTML (for example, markup nested too deeply); its text "
               "was read block by block instead, page boilerplate included. Save the article's text as a .txt file "
               "to control what is read")
        found = {"title": page.title}
        extractor = "plain reader"
    values = {k: str(v).strip() for k, v in found.items() if v and str(v).strip()}
    provenance = dict.fromkeys(values, "inferred:html")
    head = page or read_head(html)
    site = head.site_name()
    domain = meta.url_domain(head.meta.get("og:url", ""))
    if site is not None:
        values["outlet"], provenance["outlet"] = site[0], f"inferred:{site[1]}"
    elif domain and values.get("outlet", domain).casefold() == domain:  # trafilatura too takes it from there
        values["outlet"], provenance["outlet"] = domain, "inferred:og:url"
    return _Html(text, values, provenance, extractor, html, page)


def _load_document(source: Source, notices: list[Notice], keep_navigation: bool = False) -> Document | None:
    manifest = dict(source.metadata)
    extracted, scrubbed = scrub(source.raw)
    html = None
    if source.format == "html":
        html = _extract_html(source, extracted, notices)
        if html is None:
            return None
        extracted = scrub(html.text)[0]  # characters written as entities; part of the extraction step
    outlet_hint = manifest.get("outlet") or (html.values.get("outlet") if html else None)
    cleaned = clean(extracted, outlet=outlet_hint)
    text, units, sentences = build(extracted, cleaned, markdown=source.format == "md")
    if not sentences:
        notify(notices, source.path, "nothing_left", "nothing is left after cleaning (only furniture); skipped. See removed.csv")
        return None
    if not keep_navigation:
        signals = page_signals([u.text for u in units], [s.text for s in sentences])
        if html is not None and not is_navigation(signals) and signals.units >= MIN_UNITS \
                and signals.prose_share < MAX_PROSE_SHARE:  # only the links can tell: read the whole page
            signals = page_signals([u.text for u in units], [s.text for s in sentences], html.link_share())
        if is_navigation(signals):
            notify(notices, source.path, "navigation_skipped",
                   f"looks like a navigation page (menus, lists of links or headlines), not an article: "
                   f"{signals.describe()}; skipped. To keep such pages, pass keep_navigation=True "
                   "(CLI: --keep-navigation; corpus.toml: keep_navigation = true)")
            return None
    inferred, provenance = meta.infer(extracted, cleaned)
    if html is not None:
        inferred.update(html.values)
        provenance.update(html.provenance)
    domain = meta.url_domain(next((manifest[c] for c in meta.URL_COLUMNS if manifest.get(c)), ""))
    if domain:
        inferred["outlet"], provenance["outlet"] = domain, "inferred:url_domain"
    own_date = inferred["published"] if provenance["published"] == "inferred:dateline" else ""
    values, provenance = meta.merge(manifest, inferred, provenance)
    if values.get("published"):
        iso = meta.normalise_date(values["published"])
        if iso is None:
            notify(notices, source.path, "unreadable_date",
                   f"the date '{values['published'][:40]}' cannot be read; left empty. Write dates as YYYY-MM-DD")
            values["published"], provenance["published"] = "", "missing"
        else:
            values["published"] = iso
            _check_dateline(values, provenance, own_date, source.path, notices)
    values.update({k: v for k, v in manifest.items() if k not in meta.FIELDS})
    if not seems_english(text):
        notify(notices, source.path, "not_english", "seems not to be English; the toolkit's word lists are English, so measures will be unreliable")
    return Document(
        doc_id=source.doc_id, file=source.file, format=source.format, encoding=source.encoding,
        original=source.raw, extracted=extracted, text=text, metadata=values, provenance=provenance,
        units=units, sentences=sentences, removals=cleaned.removals, scrubbed=scrubbed,
        extractor=html.extractor if html else "",
    )


#: Days a manifest's date may differ from the article's own dateline (time zones, a late edition).
DATELINE_SLACK_DAYS = 1


def _check_dateline(values: dict, provenance: dict, own_date: str, path, notices: list[Notice]) -> None:
    """When the manifest dates an article otherwise than its own dateline ("Published October 3 2016"), keep
    the manifest's date, record the dateline as ``dateline`` (relative dates are read against it) and warn."""
    if provenance["published"] != "manifest" or not own_date:
        return
    gap = abs((dt.date.fromisoformat(values["published"]) - dt.date.fromisoformat(own_date)).days)
    if gap > DATELINE_SLACK_DAYS:
        values["dateline"] = own_date
        notify(notices, path, "dateline_differs",
               f"the manifest dates it {values['published']}, but its own dateline says {own_date}; relative dates "
               "(\"on Monday\", \"last month\") are read against the dateline. Correct the published column of the "
               "manifest if the dateline is right")


def load_sources(sources: list[Source], notices: list[Notice], keep_navigation: bool = False) -> list[Document]:
    """Clean, segment and describe each source; sources with nothing left, and navigation pages unless
    ``keep_navigation``, are skipped with a notice."""
    return [doc for source in sources if (doc := _load_document(source, notices, keep_navigation)) is not None]


def infer_file_outlets(documents: list[Document]) -> None:
    """Give documents without an outlet the file-name prefix they share with other files
    (``reuters-1.txt``, ``reuters-2.txt``: ``reuters``), provenance ``inferred:file_name_prefix``.

    See :func:`toolkit.text.metadata.file_name_outlets` for the rule.
    """
    outlets = meta.file_name_outlets([Path(doc.file).name for doc in documents])
    for doc in documents:
        outlet = outlets.get(Path(doc.file).name)
        if outlet and not doc.metadata.get("outlet"):
            doc.metadata["outlet"], doc.provenance["outlet"] = outlet, "inferred:file_name_prefix"


def load_corpus(
    corpus: str | Path | list,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    text_column: str | None = None,
    config: str | Path | None = None,
    keep_navigation: bool | None = None,
    actor_tone: str | None = None,
) -> Corpus:
    """Load a corpus of articles about one event.

    Parameters
    ----------
    corpus : path or list of paths
        A folder of ``.txt``, ``.md`` or ``.html`` files (with an optional
        ``sources.csv`` manifest and ``corpus.toml`` config), a list of such
        files, or one ``.jsonl``, ``.csv`` or ``.parquet`` file with one
        article per row (for corpora too large for memory, see
        :func:`toolkit.analyze`, which reads JSONL and Parquet partition by
        partition).
    max_bytes : int, default 5,000,000
        Size limit per article; larger files are refused.
    text_column : str, optional
        Text column of a JSONL or CSV file (default: the first of ``text``,
        ``body``, ``content``, ``article``).
    config : path, optional
        A ``corpus.toml`` to use instead of the one beside the corpus.
    keep_navigation : bool, optional
        Load navigation pages (front pages, section indexes: menus and lists
        of links or headlines, few sentences; see
        :mod:`toolkit.text.navigation`) as articles. By default they are
        skipped with a warning; ``None`` takes ``keep_navigation`` of
        ``corpus.toml`` (default false).
    actor_tone : ``"fast"`` or ``"contextual"``, optional
        The model of tone toward actors that :func:`toolkit.analyze` uses for
        this corpus; ``None`` takes ``actor_tone`` of ``corpus.toml`` (default
        ``"fast"``). See :func:`toolkit.measures.tone_model.actor_probabilities_many`.

    Returns
    -------
    Corpus
        Documents in manifest order (else file-name or row order), with
        ``notices`` listing everything skipped or doubtful.

    Raises
    ------
    CorpusError
        When the corpus cannot be loaded; the message names the file, the
        problem and the fix.

    Examples
    --------
    >>> corpus = load_corpus("seeds")  # doctest: +SKIP
    >>> corpus.sentences_table().head()  # doctest: +SKIP
    """
    notices: list[Notice] = []
    sources, folder = find_sources(corpus, max_bytes, notices, text_column=text_column)
    config_path = Path(config) if config else (folder / CONFIG_NAME if folder else None)
    if config and not config_path.is_file():
        raise CorpusError(config_path, "the config file does not exist", "check the path")
    settings = with_actor_tone(read_config(config_path, folder.name if folder else "corpus"), actor_tone)
    keep = settings.keep_navigation if keep_navigation is None else keep_navigation
    documents = load_sources(sources, notices, keep_navigation=keep)
    if isinstance(corpus, (list, tuple)) or Path(corpus).is_dir():
        infer_file_outlets(documents)
    for notice in notices:
        warnings.warn(str(notice), CorpusWarning, stacklevel=2)
    if not documents:
        raise CorpusError(corpus if not isinstance(corpus, list) else ", ".join(map(str, corpus)),
                          "no article has any text left after cleaning", "check the files; see the warnings above")
    return Corpus(documents, settings, notices, furniture_version())
