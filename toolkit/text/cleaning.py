"""Remove web furniture from captured article text, recording every removal.

The rules live in the versioned pattern file ``lexicons/furniture.csv``; this
module only knows their *scopes*:

``line``
    a whole line matching the pattern is removed wherever it stands;
``marker``
    a lone bullet marker line is removed and the next line becomes a list item;
``suffix``
    a bullet marker run onto the end of a line is cut off, and the next line
    becomes a list item;
``header``
    applied only in the header zone (the lines above the first body
    paragraph): section labels and bylines;
``prefix``
    a breadcrumb trail fused to the start of a header line is cut off;
``tail``
    applied to the last few content lines: an author's closing biography;
``tail_run``
    searched in the last few content lines: a page footer run onto the end of
    a line ("Follow us on Instagram. ... Copyright © 2018 ... Privacy Policy")
    is cut from its first phrase to the end of the line, when at least
    :data:`FOOTER_PHRASES` such phrases follow.

Two rules need no pattern: a line repeating an earlier line (a repeated title)
is removed, and a known outlet name appended to the title is cut off.
Nothing is removed silently: each removal becomes a :class:`Removal`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .dates import DATE_PATTERN, parse_date
from ..lexicons import function_words, read_rows
from .segment import WORD_RE

#: Content lines at the end of a document searched for a closing biography.
TAIL_LINES = 3
#: A line with at least this many words is body text, ending the header zone
#: (headlines run to about 20 words at most and rarely end with a period).
BODY_MIN_WORDS = 25
#: ... as is a shorter line that ends like a sentence and has this many words.
BODY_SENTENCE_MIN_WORDS = 6


@dataclass(frozen=True)
class Rule:
    """One furniture rule from ``furniture.csv``."""

    rule: str
    scope: str
    regex: re.Pattern
    reason: str
    version: str


@dataclass(frozen=True)
class Removal:
    """A removed line or part of a line.

    Attributes
    ----------
    line : int
        1-based line number in the original text.
    start, end : int
        Character offsets of the removed text in the original text.
    text : str
        The removed text, ``original[start:end]`` (for removed control and
        invisible characters, their code points, e.g. ``U+001B``).
    rule, reason : str
        The furniture rule that fired and its plain-language reason.
    """

    line: int
    start: int
    end: int
    text: str
    rule: str
    reason: str


@dataclass
class Line:
    """A line of the original text and what cleaning decided about it."""

    number: int
    start: int
    end: int
    list_item: bool = False
    removed: bool = False


@dataclass
class Cleaned:
    """The outcome of :func:`clean`.

    Attributes
    ----------
    lines : list of Line
        Every line of the original; kept ones have ``removed`` False and
        ``start``/``end`` trimmed to the kept text.
    removals : list of Removal
        What was removed and why, in document order.
    title_line : int or None
        Number of the line taken as the title.
    hints : dict
        Metadata seen in removed furniture: ``datelines`` (list of (label, date)),
        ``byline``, ``bio_author``, ``section``.
    """

    lines: list[Line]
    removals: list[Removal]
    title_line: int | None
    hints: dict = field(default_factory=dict)


#: Wire agencies whose name opens a dateline ("AFP Friday 28 Oct 2016"): the ``{AGENCY}`` placeholder of the
#: furniture rules, and what :func:`toolkit.present.facts_sections.wire_datelines` reads a removed dateline for.
WIRE_AGENCY = r"(?:AFP|AP|Reuters|REUTERS|UPI|dpa|EFE|ANSA|Xinhua|TASS|Anadolu(?: Agency)?|PTI|IANS|ANI|Bernama|Kyodo|Yonhap)"


@lru_cache(maxsize=None)
def furniture_rules() -> tuple[Rule, ...]:
    """The furniture rules, compiled. The ``{DATE}`` and ``{AGENCY}`` placeholders are expanded."""
    rules = []
    for row in read_rows("furniture.csv"):
        flags = re.IGNORECASE if "i" in row["flags"] else 0
        pattern = row["pattern"].replace("{DATE}", DATE_PATTERN).replace("{AGENCY}", WIRE_AGENCY)
        rules.append(Rule(row["rule"], row["scope"], re.compile(pattern, flags), row["reason"], row["version"]))
    return tuple(rules)


def furniture_version() -> str:
    """Version of the furniture pattern file (the highest rule version)."""
    return max((rule.version for rule in furniture_rules()), key=int)


#: Footer phrases (``tail_run`` rules) that must follow in one line before it is cut as a page footer.
FOOTER_PHRASES = 3
#: Words a title needs before its repetition at the start of the text is cut (a one-word title may open the text).
TITLE_RUN_WORDS = 4
#: Characters at the start of a line of text searched for sharing widgets (``head_run`` rules).
HEAD_RUN_CHARS = 400
#: Lines of text after the title searched for a dateline run into the text.
DATELINE_LINES = 2


def _rules(scope: str) -> list[Rule]:
    return [rule for rule in furniture_rules() if rule.scope == scope]


def _words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def is_body_line(text: str) -> bool:
    """True for a line that reads as body prose rather than a title or label."""
    words = len(_words(text))
    ends = text.rstrip("\"'”’)").endswith((".", "!", "?"))
    return words >= BODY_MIN_WORDS or (ends and words >= BODY_SENTENCE_MIN_WORDS)


#: Share of a line's content words (not function words) that are capitalised
#: for it to read as a headline in title case.
TITLE_CASE_SHARE = 0.7
#: ... counted over at least this many content words.
TITLE_CASE_MIN_WORDS = 3
_INNER_SENTENCE = re.compile(r"[.!?][\"'”’)]*\s+[A-Z]")
#: A body's opening dateline: a place in capitals, an optional agency in
#: brackets, then a dash ("HARBOURTOWN (Agency) -", "PORT CITY —"), the
#: convention of wire copy.
LOCATION_DATELINE = re.compile(r"^[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Z.'’-]+)*,?(?:\s*\([^)]{1,40}\))?\s*[-–—]\s")


def title_case(text: str) -> bool:
    """A line in title case: most of its content words capitalised.

    >>> title_case("Harbour Opens Again After Long Closure."), title_case("The harbour opened again on Monday.")
    (True, False)
    """
    content = [w for w in _words(text) if w.lower() not in function_words()]
    return len(content) >= TITLE_CASE_MIN_WORDS and \
        sum(w[:1].isupper() for w in content) >= TITLE_CASE_SHARE * len(content)


def byline_name(name: str) -> str:
    """A byline's name without the full stop some outlets put after it ("Mark Felsenthal.").

    An initial or a suffix keeps its stop ("John A.", "Sam Roe Jr.").

    >>> byline_name("Mark Felsenthal."), byline_name("Sam Roe Jr."), byline_name("Jane Q.")
    ('Mark Felsenthal', 'Sam Roe Jr.', 'Jane Q.')
    """
    last = name.split()[-1] if name.split() else ""
    if last.endswith(".") and len(last.rstrip(".")) > 2 and "." not in last.rstrip("."):
        return name[:-1].rstrip()
    return name


def looks_like_name(name: str) -> bool:
    """A person's name: 2-4 capitalised words, none of them a function word."""
    tokens = name.split()
    return 2 <= len(tokens) <= 4 and not any(t.lower() in function_words() for t in tokens)


def _normalise(text: str) -> str:
    return " ".join(text.casefold().split())


class _Cleaner:
    def __init__(self, raw: str, outlet: str | None):
        self.raw = raw
        self.outlet = outlet
        self.lines: list[Line] = []
        self.removals: list[Removal] = []
        self.hints: dict = {"datelines": []}
        offset = 0
        for number, text in enumerate(raw.split("\n"), start=1):
            line = Line(number, offset, offset + len(text))
            self._trim(line)
            self.lines.append(line)
            offset += len(text) + 1

    def text(self, line: Line) -> str:
        return self.raw[line.start:line.end]

    def _trim(self, line: Line) -> None:
        text = self.text(line)
        line.start += len(text) - len(text.lstrip())
        line.end -= len(text) - len(text.rstrip())

    def content(self) -> list[Line]:
        return [line for line in self.lines if not line.removed and line.end > line.start]

    def remove(self, line: Line, rule: str, reason: str) -> None:
        self.removals.append(Removal(line.number, line.start, line.end, self.text(line), rule, reason))
        line.removed = True

    def cut(self, line: Line, start: int, end: int, rule: str, reason: str) -> None:
        """Remove part of a line at its start or end."""
        self.removals.append(Removal(line.number, start, end, self.raw[start:end], rule, reason))
        if start == line.start:
            line.start = end
        else:
            line.end = start
        self._trim(line)

    def whole_line_rules(self) -> None:
        line_rules, markers, suffixes = _rules("line"), _rules("marker"), _rules("suffix")
        pending_item = False
        for line in self.content():
            text = self.text(line)
            marker = next((r for r in markers if r.regex.fullmatch(text)), None)
            if marker is not None:
                self.remove(line, marker.rule, marker.reason)
                pending_item = True
                continue
            if pending_item:
                line.list_item = True
                pending_item = False
            rule = next((r for r in line_rules if r.regex.fullmatch(text)), None)
            if rule is not None:
                if rule.rule == "dateline":
                    self.hints["datelines"].append((line.number, text, parse_date(text)))
                self.remove(line, rule.rule, rule.reason)
                continue
            for suffix in suffixes:
                match = suffix.regex.search(text)
                if match and match.end() == len(text) and match.start() > 0:
                    self.cut(line, line.start + match.start(), line.end, suffix.rule, suffix.reason)
                    pending_item = True
                    break

    def header_zone(self) -> list[Line]:
        zone = []
        content = self.content()
        for k, line in enumerate(content):
            if is_body_line(self.text(line)) and not (k == 0 and self._headline_with_stop(line, content[1:2])):
                break
            zone.append(line)
        return zone

    def _headline_with_stop(self, line: Line, following: list[Line]) -> bool:
        """A first line that ends like a sentence but is a headline: one short sentence, in title case or
        followed by page furniture (a dateline or other removed line), a byline or a body that opens with
        a place in capitals ("HARBOURTOWN -")."""
        text = self.text(line)
        if not following or len(_words(text)) >= BODY_MIN_WORDS or _INNER_SENTENCE.search(text):
            return False
        after = following[0]
        if title_case(text) or any(other.removed for other in self.lines[line.number:after.number - 1]):
            return True
        next_text = self.text(after)
        if LOCATION_DATELINE.match(next_text):
            return True
        return any(rule.rule == "byline" and (match := rule.regex.fullmatch(next_text)) is not None
                   and looks_like_name(byline_name(match.group("name"))) for rule in _rules("header"))

    def header_rules(self) -> Line | None:
        """Section labels, breadcrumbs and bylines; returns the title line."""
        zone = self.header_zone()
        title = None
        later = {_normalise(self.text(line)) for line in self.content()}
        for line in zone:
            text = self.text(line)
            for rule in _rules("prefix"):
                match = rule.regex.match(text)
                if match and match.end() < len(text):
                    rest = _normalise(text[match.end():])
                    if rule.rule == "dateline":
                        continue
                    if rest in later - {_normalise(text)}:
                        self.remove(line, "breadcrumb_title", "breadcrumb fused to a repeated title")
                    else:
                        self.cut(line, line.start, line.start + match.end(), rule.rule, rule.reason)
                    break
            if line.removed:
                continue
            text = self.text(line)
            if self._header_label(line, text, after_title=title is not None):
                continue
            if title is None:
                title = line
        lines = [line for line in self.content() if line is not title][:DATELINE_LINES]
        self._title_run(lines[:1], title)
        self._dateline_prefix(lines)
        self._title_run(lines[:1], title)  # "7 October 2016 <the title> <the text>": after its dateline
        self._head_run(lines)
        return title

    def _title_run(self, lines: list[Line], title: Line | None) -> None:
        """The title repeated at the start of the first line of text, run into it ("Rebels attack Rebels
        attack AFP Friday ..."): cut."""
        if title is None or not lines:
            return
        heading, text = self.text(title).strip().rstrip(".:"), self.text(lines[0])
        run = re.match(re.escape(heading) + r"[.:]?(?=\s+\S)", text) if len(heading.split()) >= TITLE_RUN_WORDS else None
        if run:
            self.cut(lines[0], lines[0].start, lines[0].start + run.end(), "title_run", "the title repeated, run into the text")

    def _dateline_prefix(self, lines: list[Line]) -> None:
        """A labelled date run into the first line of text ("Published October 3 2016 Rebels said...", "AFP Friday
        28 Oct 2016 Rebels said..."): cut, and kept as a dateline hint."""
        rules = [rule for rule in _rules("prefix") if rule.rule == "dateline"]
        for line in lines:
            text = self.text(line)
            match = next((m for rule in rules if (m := rule.regex.match(text)) and m.end() < len(text)), None)
            if match is not None:
                self.hints["datelines"].append((line.number, match.group(), parse_date(match.group())))
                self.cut(line, line.start, line.start + match.end(), "dateline", "dateline run into the text")
                return

    def _head_run(self, lines: list[Line]) -> None:
        """Sharing widgets run into the first words of text ("... Get short URL 9832 A source told ..."): cut from
        the start of the line to the end of the last widget phrase within its first :data:`HEAD_RUN_CHARS`."""
        rules = _rules("head_run")
        for line in lines:
            text = self.text(line)
            ends = [m.end() for rule in rules for m in rule.regex.finditer(text[:HEAD_RUN_CHARS])]
            if ends and max(ends) < len(text):
                self.cut(line, line.start, line.start + max(ends), rules[0].rule, rules[0].reason)
                return

    def _header_label(self, line: Line, text: str, after_title: bool) -> bool:
        for rule in _rules("header"):
            match = rule.regex.fullmatch(text)
            if not match:
                continue
            if rule.rule == "byline":
                has_by = text.lower().startswith("by ")
                name = byline_name(match.group("name"))
                if not (after_title or has_by) or not looks_like_name(name):
                    continue
                self.hints.setdefault("byline", name)
            elif rule.rule == "section_label":
                if after_title:
                    continue
                self.hints.setdefault("section", text)
            self.remove(line, rule.rule, rule.reason)
            return True
        return False

    def repeated_lines(self) -> None:
        seen = set()
        for line in self.content():
            key = _normalise(self.text(line))
            if key in seen:
                self.remove(line, "repeated_line", "repeats an earlier line (e.g. a repeated title)")
            seen.add(key)

    def outlet_suffix(self, title: Line | None) -> None:
        if title is None or not self.outlet:
            return
        text = self.text(title)
        match = re.search(r"\s*(?:[|\-–—:·]\s*)?" + re.escape(self.outlet.strip()) + r"$", text, re.IGNORECASE)
        if match and match.start() > 0:
            self.cut(title, title.start + match.start(), title.end, "outlet_suffix", "outlet name appended to the title")

    def footer_run(self) -> None:
        """A page footer run onto the end of one of the last lines of text: cut from its first phrase."""
        rules = _rules("tail_run")
        for line in self.content()[-TAIL_LINES:]:
            text = self.text(line)
            hits = sorted(m.start() for rule in rules for m in rule.regex.finditer(text))
            if len(hits) >= FOOTER_PHRASES:
                start = line.start + hits[0]
                if hits[0] == 0:
                    self.remove(line, rules[0].rule, rules[0].reason)
                else:
                    self.cut(line, start, line.end, rules[0].rule, rules[0].reason)

    def tail_rules(self) -> None:
        for line in self.content()[-TAIL_LINES:]:
            for rule in _rules("tail"):
                match = rule.regex.fullmatch(self.text(line))
                if match:
                    name = match.groupdict().get("name")
                    if name is not None and not looks_like_name(name):
                        continue
                    if name:
                        self.hints.setdefault("bio_author", name)
                    self.remove(line, rule.rule, rule.reason)
                    break


def clean(raw: str, outlet: str | None = None) -> Cleaned:
    """Remove web furniture from ``raw`` article text.

    Parameters
    ----------
    raw : str
        The text as captured, line endings already ``\\n``.
    outlet : str, optional
        The outlet's name, when known, so that it can be cut from the title.

    Returns
    -------
    Cleaned
        Kept lines (as spans of ``raw``), removals with reasons, the title line
        and metadata hints.

    Examples
    --------
    >>> result = clean("7 November 2025\\n\\nA Title\\n\\nJane Roe\\n\\nBody text here that is long enough to be prose, as it runs on.\\n\\nNo comments:")
    >>> [r.rule for r in result.removals]
    ['dateline', 'byline', 'comment_count']
    """
    cleaner = _Cleaner(raw, outlet)
    cleaner.whole_line_rules()
    title = cleaner.header_rules()
    cleaner.repeated_lines()
    cleaner.outlet_suffix(title)
    cleaner.footer_run()
    cleaner.tail_rules()
    cleaner.removals.sort(key=lambda r: (r.start, r.end))
    return Cleaned(
        lines=cleaner.lines,
        removals=cleaner.removals,
        title_line=title.number if title is not None and not title.removed else None,
        hints=cleaner.hints,
    )


#: Characters removed at load time, before any other step. Control characters
#: (Unicode category Cc) other than tab and newline: they are not text, and
#: chart renderers and XML refuse them. Carriage returns are line endings and
#: are normalised without a record.
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
#: Invisible format characters (Unicode category Cf that occur in web text):
#: the soft hyphen, zero-width space/non-joiner/joiner, the word joiner and
#: invisible operators, the byte-order mark, and the bidirectional marks,
#: embeddings, overrides and isolates (U+200E-F, U+202A-E, U+2066-9), which
#: can reorder what a reader sees. Removed so that they neither split a word
#: or number ("$5<ZWSP>00") nor reach the report.
_INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
_SCRUB_RE = re.compile(f"\r\n?|[{_CONTROL}]+|[{_INVISIBLE}]+")


def scrub(raw: str) -> tuple[str, list[Removal]]:
    """Normalise line endings and remove control and invisible characters.

    Parameters
    ----------
    raw : str
        Decoded text exactly as read.

    Returns
    -------
    text : str
        ``raw`` with ``\\r\\n`` and ``\\r`` turned into ``\\n`` and the control
        characters (other than tab and newline) and invisible format characters
        (zero-width, soft hyphen, byte-order mark, bidirectional marks) removed.
    removals : list of Removal
        One per run of removed characters (a leading byte-order mark is not
        recorded), with offsets into ``raw``; the removed text is written as
        code points (``U+001B``) so that the record itself stays printable.

    Examples
    --------
    >>> text, removals = scrub("Costs of $5\\u200b00 million\\x1b.")
    >>> text, [(r.start, r.rule) for r in removals]
    ('Costs of $500 million.', [(11, 'invisible_character'), (22, 'control_character')])
    """
    if not _SCRUB_RE.search(raw):
        return raw, []
    pieces: list[str] = []
    removals: list[Removal] = []
    position, line = 0, 1
    for match in _SCRUB_RE.finditer(raw):
        start, end = match.span()
        pieces.append(raw[position:start])
        line += raw.count("\n", position, start)
        found = match.group()
        if found[0] == "\r":
            pieces.append("\n")
            line += 1
        elif not (start == 0 and found[0] == "\ufeff" and len(found) == 1):
            control = found[0] <= "\x9f"
            removals.append(Removal(
                line, start, end, " ".join(f"U+{ord(c):04X}" for c in found),
                "control_character" if control else "invisible_character",
                "a control character, not text (it would break charts and terminals)" if control
                else "an invisible format character (zero-width, soft hyphen or bidirectional mark)",
            ))
        position = end
    pieces.append(raw[position:])
    return "".join(pieces), removals
