"""Voices: who each source lets speak, how (quoted or paraphrased), and who speaks in none.

Built on the attributions of the stance table (:mod:`toolkit.measures.attribution`):
every cited source becomes a voice with a type (``person``, ``organisation``,
``government`` for officials and state bodies, ``outlet``, ``vague``), the
side it is said to belong to when the text names one ("Kenyan officials",
"Norland's finance minister", "US officials"), whether its words are quoted
directly or paraphrased, and whether they come second-hand from another
outlet. A pronoun ("he said") is the person the attribution table bound it
to (:mod:`toolkit.measures.speakers`, one binding for both tables). Two named
persons joined by "and" are two voices, each credited with the citation.
"""

from __future__ import annotations

import re

import pandas as pd

from ..lexicons import capitals, function_words
from ..measures.number_forms import NUMBER_WORDS
from ..measures.attribution import (ORG_WORD, PART_OF, classify_source, coordinated_persons, is_organisation_name,
                                   named_person, territory_names)
from ..measures.attribution import unnamed_source as unnamed_voice
from ..measures.speakers import (CALENDAR, DEMONYM as _DEMONYM, PRONOUNS as _PRONOUNS, PronounBinder, corpus_people,
                                 name_core, pronoun_subject, surname as _surname)
from ..text.quotes import quoted_spans, running_quotes
from .affiliation import office_of, party_of

COLUMNS = ["voice", "voice_type", "side", "mode", "from_outlet", "source", "doc_id", "sentence_id", "start", "end",
           "cue", "wording", "variant"]
#: Words of an official or state source (general titles and bodies). A commander or general alone
#: is not one: rebels and militias have them too.
_GOVERNMENT = re.compile(
    r"\b(?:minister|ministry|officials?|government|president|prime minister|premier|embassy|department|spokes(?:man|woman|person)|"
    r"army|military|police|intelligence\s+(?:agenc(?:y|ies)|services?|officials?|community)|authorities|senator|governor|ambassador|secretary|chargé|charge d|parliament|congress|"
    r"white house|kremlin|cabinet|foreign office|state media|lawmakers?|mayor|chancellor|senate|congress(?:man|woman)|"
    r"(?-i:Speaker)|speaker\s+of\s+(?:the\s+)?\w*\s*(?:house|parliament|assembly|council|senate))\b|"
    r"\b(?:sen|rep|gov)\.(?=\s)", re.I)
#: Words of an armed or political group outside the state ("a rebel commander", "militia spokesman").
_NON_STATE = re.compile(r"\b(?:rebels?|militias?|insurgents?|opposition|jihadists?|militants?|guerrillas?|fighters?)\b", re.I)
#: The side a group outside the state stands for, by its word: no state's, whatever place it is of.
_NON_STATE_SIDE = {"rebel": "rebels", "militia": "militia", "insurgent": "insurgents", "opposition": "opposition",
                   "jihadist": "jihadists", "militant": "militants", "guerrilla": "guerrillas", "fighter": "fighters"}
_POSSESSIVE = re.compile(r"\b([A-Z][\w.]+)(?:’s|'s)\s")
_SHORT_STATE = re.compile(r"^(?:U\.S\.|US|UK|U\.K\.|EU|UN)\b")
#: Short names of :data:`_SHORT_STATE` that are unions of states, not states.
_UNIONS = frozenset({"EU", "UN"})
#: Subjects that are no cited voice: plural and first-person pronouns (the writer or a group).
_NO_VOICE = frozenset({"they", "them", "i", "we", "you", "it", "(unnamed)"})
#: Words before a cited source saying its words come second-hand from unnamed reports ("there is reporting
#: that", "reports suggest", "reportedly"): the reports are the voice, not the one they quote.
_RELAYED = re.compile(r"\b(?:reports?|reporting|rumou?rs?|accounts?)\s+(?:\w+\s+){0,2}?(?:that|suggest(?:s|ed)?|say|said|"
                      r"claim(?:s|ed)?|note(?:s|d)?)\s+"
                      r"(?:[\w’'-]+\s+){0,8}$|\breportedly\s+(?:[\w’'-]+\s+){0,3}$", re.I)
#: Reports credited to a named outlet ("Reports from the Vale Times and others", "articles in Vale News").
_CARRIED_BY = re.compile(r"(?:reports?|accounts?|articles?|stories)\s+(?:from|by|in)\s+(?:the\s+)?(.+?)(?:\s+and\s+others)?$",
                         re.I)
#: An opening quotation mark, curly or straight before a word.
_OPENS_QUOTE = re.compile(r"“|(?:^|(?<=\s))\"(?=\w)")
#: What stands between one speaker's cue and another's that it reports ("saying [that] Jo Roe told them"): the
#: second speaker's name, a capitalised word or a joining "of"/"the" at a time.
_INNER_SPEAKER = re.compile(r"\s+(?:that\s+)?(?:(?:[A-Z][\w.’'-]*|of|the)\s+){1,5}")
#: What stands between one speaker's "said that" and a speaker it reports in that clause ("Roe confirmed that
#: Vale's aide Al Kay called him and told him to ..."): the clause, without a break that would end it.
_REPORTED_CLAUSE = re.compile(r"\s+that\s+[^;:“”\"]{0,160}?\s+")
#: A break that ends a reported clause before the next speaker ("Roe said that it was over, but Kay said ...").
_CLAUSE_END = re.compile(r",\s+(?:but|while|and|whereas)\b|\.\s")
#: A closing attribution, after a comma at the end of its sentence: "..., according to three officials familiar
#: with it." or "..., one of the officials said."; the words of other speakers before it in the sentence are
#: what that voice told the writer.
_CLOSING_AFTER = re.compile(r"[\s.,;:!?”\"’')]*$")
#: A name of a programme, a book or a piece in quotation marks: a few capitalised words ("Vale & Friends").
_TITLE_QUOTED = re.compile(r"\s*(?:[A-Z][\w’'.:-]*|&|of|the|and|on|in|a)(?:\s+(?:[A-Z][\w’'.:-]*|&|of|the|and|on|in|a)){0,5}[,.]?\s*")
#: Words before such a name: a programme spoken on, a piece written in.
_TITLE_BEFORE = re.compile(r"\b(?:on|in|to|of|titled|called|show|programme|program|article|op-ed|column)\s+(?:[A-Z][\w’'.-]*\s+)*(?:’s\s+|'s\s+)?$")
#: Verbs of a view ("Iran views X as a rival"): with a country as subject, the writer's account of a stance.
#: Titles written before a name, by the role a description gives ("the congressman" is "Rep. Jo Roe").
_ROLE_TITLES = {"congressman": r"Rep\.|Representative|Congressman", "congresswoman": r"Rep\.|Representative|Congresswoman",
                "representative": r"Rep\.|Representative", "senator": r"Sen\.|Senator", "lawmaker": r"Rep\.|Sen\.|MP",
                "legislator": r"Rep\.|Sen\.|MP", "member of parliament": r"MP|[Mm]ember of [Pp]arliament",
                "minister": r"[\w-]*\s*Minister", "governor": r"Gov\.|Governor", "mayor": r"Mayor",
                "ambassador": r"Ambassador", "envoy": r"[Ee]nvoy"}
#: A person described by one of those roles ("the four-term congressman", "the member of parliament from the Vale
#: Party"), named in the sentences before.
_DESCRIBED = re.compile(r"(?:[a-z][\w-]*\s+){0,2}(?:" + "|".join(_ROLE_TITLES) + r")\b(?:\s+(?:of|from|for)\s.*)?", re.I)


#: Head nouns of a body described, not named ("the monitor", "the Britain-based group"): with "the", they point
#: back to the body the article cited last (:func:`_recent_voice`).
_BODY_HEADS = ("monitor", "group", "agency", "organi[sz]ation", "watchdog", "observatory", "body", "network",
               "committee", "commission", "charity", "company", "firm", "ministry", "movement", "faction", "coalition")
_BODY_BACK = re.compile(r"(?:the\s+)?(?:[\w-]+\s+){0,2}(?:" + "|".join(_BODY_HEADS) + r")", re.I)
#: How many sentences back a described body may point (the body cited in them, the latest first).
BODY_BACK_SENTENCES = 3


#: One unnamed person, named again with "the" ("according to the source", "the official said").
_ONE_UNNAMED = re.compile(r"source|official|aide|diplomat|insider|spokes(?:man|woman|person)")


def _closing_relays(cited_rows: pd.DataFrame, by_doc: dict[str, dict[int, str]],
                    offsets: dict[tuple[str, int], int]) -> set[tuple[str, int, int]]:
    """Cues whose words a closing attribution of their sentence relays: in "“That would be a mistake,” Roe
    replied, according to three officials familiar with the meeting." and "He said that the bridge was why he
    won, one of the officials said.", Roe's words are the officials' account, counted for them once.
    A closing attribution follows a comma and ends its sentence: "according to" and its source (with no
    quotation after it), or the source and its verb ("one of the officials said"). An outlet closing a sentence ("..., according to the Vale
    Times") is no relay: the speaker stays a voice, the outlet one taken from other outlets."""
    relayed = set()
    for (doc_id, sid), rows in cited_rows.groupby(["doc_id", "sentence_id"], sort=False):
        if len(rows) < 2:
            continue
        text = by_doc.get(doc_id, {}).get(int(sid), "")
        base = offsets.get((doc_id, int(sid)), 0)
        last = rows.iloc[-1]
        if last["source_type"] == "outlet" or not isinstance(last["source"], str) or not last["source"].strip():
            continue
        source = last["source"].strip()
        start, end = int(last["start"]) - base, int(last["end"]) - base
        cue = text[start:end].lower()
        if cue.startswith("according to"):
            # "..., according to three officials familiar with the meeting who spoke on condition of anonymity."
            closing = text[:start].rstrip().endswith(",") and not re.search(r"[“”\";]", text[end:])
        else:
            closing = bool(_CLOSING_AFTER.fullmatch(text[end:]))
            lead = text[:start].rstrip()
            closing = closing and lead.endswith(source) and lead[:-len(source)].rstrip().endswith(",")
        if not closing:
            continue
        for row in rows.iloc[:-1].itertuples(index=False):
            if isinstance(row.source, str) and row.source.strip() != source:
                relayed.add((doc_id, int(sid), int(row.start)))
    return relayed


def _recent_voice(rows: list[tuple], doc_id: str, sid: int, accept) -> tuple[str, str] | None:
    """The voice cited last in the article, at most :data:`BODY_BACK_SENTENCES` sentences before ``sid``, that
    ``accept(voice, voice type)`` takes, as ``(voice, source type)``; else None."""
    for row in reversed(rows):
        if row[6] != doc_id or row[7] < sid - BODY_BACK_SENTENCES:
            break
        if accept(row[0], row[1]):
            return row[0], row[-1]
    return None


def _speaker_just_before(rows: list[tuple], doc_id: str, sid: int) -> str:
    """The one named person cited in the sentence just before ``sid`` ("Jo Roe, a former minister, said ...
    “...,” the member of parliament from the Vale Party said": a description with "the" points back to the
    person just introduced), else ``""``: none, or several voices there."""
    before = {(row[0], row[-1]) for row in rows if row[6] == doc_id and row[7] == sid - 1}
    if len(before) != 1:
        return ""
    voice, kind = before.pop()
    return voice if kind == "person" and len(voice.split()) >= 2 and voice[:1].isupper() else ""


#: Another one of a group of unnamed people ("another official", "a second official who attended").
_ANOTHER = re.compile(r"(?:another|a second|a third)\s+(?:[\w-]+\s+)?([a-z]+)\b.*", re.I)


def _group_noun(voice: str) -> str | None:
    """The plural noun of the group of unnamed people ``voice`` is part of ("one of the officials", "two of those
    senior aides", "another official": "officials", "aides", "officials"), else None."""
    part = PART_OF.fullmatch(voice)
    if part:
        return next((w.lower() for w in part.group(1).split()[:2] if w.islower() and w.endswith("s")), None)
    another = _ANOTHER.fullmatch(voice)
    return another.group(1).lower() + "s" if another else None


def _group_cited_before(rows: list[tuple], doc_id: str, voice: str) -> tuple[str, str] | None:
    """The group of unnamed people an article cited before, that ``voice`` is part of ("one of the officials"
    after "three officials familiar with the meeting"), as ``(voice, source type)``; else None."""
    noun = _group_noun(voice)
    if noun is None:
        return None
    for row in reversed(rows):
        if row[6] != doc_id:
            break
        if row[0] != voice and re.search(rf"\b{noun}\b", row[0], re.I) and _group_noun(row[0]) is None \
                and not row[0][:1].isupper():
            return row[0], row[-1]
    return None


def _described_body(voice: str) -> bool:
    """A body described by a head noun in lower case ("Vale-based monitor"), not named ("Observatory")."""
    return bool(_BODY_BACK.fullmatch(voice)) and voice.split()[-1].islower()


def _named_body(voice: str, kind: str) -> bool:
    """A named organisation or government (for "the monitor said" to point back to)."""
    return kind in ("organisation", "government") and voice[:1].isupper() and not _described_body(voice)


def _headed_by(noun: str):
    """A test of an unnamed voice headed by ``noun`` ("a source within the committee", "another official"), for
    "according to the source" to point back to."""
    head = re.compile(rf"(?:an?\s+|one\s+|another\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?{noun}\b(?!\s+(?-i:[A-Z]))", re.I)
    return lambda voice, kind: voice.lower() != noun and bool(head.match(voice))


def _named_again(source: str, sentence: str) -> bool:
    """Whether the sentence writes the source with "the" before it ("the monitor said", "according to the source")."""
    return bool(re.search(r"\b(?:the|The)\s+" + re.escape(re.sub(r"^the\s+", "", source, flags=re.I)) + r"\b", sentence))


def _holds_role(name: str, description: str, doc_sentences: dict[int, str]) -> bool:
    """Whether the article writes ``name`` after a title of the role ``description`` gives ("Rep. Jo Roe" for
    "the four-term congressman"; its surname is enough)."""
    role = next((r for r in _ROLE_TITLES if re.search(rf"\b{r}\b", description, re.I)), None)
    if role is None:
        return False
    surname = name_core(name).split()[-1] if name_core(name) else ""
    pattern = re.compile(rf"(?:{_ROLE_TITLES[role]})\s+(?:[A-Z][\w.’'-]*\s+){{0,2}}{re.escape(surname)}\b")
    return bool(surname) and any(pattern.search(text) for text in doc_sentences.values())


def _role_holders(description: str, people: dict[str, str], doc_sentences: dict[int, str]) -> list[str]:
    """The persons of the corpus (``people``: surname -> full name) whom the article writes after a title of the
    role ``description`` gives (:func:`_holds_role`)."""
    text = " ".join(doc_sentences.values())
    names = {name_core(full) for last, full in people.items() if last and re.search(rf"\b{re.escape(last)}\b", text, re.I)
             and _holds_role(full, description, doc_sentences)}
    # a name run on into a headline's next word ("Jo Roe Resigns") is the same person as "Jo Roe"
    return sorted(n for n in names if n and not any(o != n and n.startswith(o + " ") for o in names))


#: A document named again with a definite word ("according to the tweet", "the statement said"): it points back to
#: a text cited where it was introduced, so it is no new voice.
_DOCUMENT = frozenset({"tweet", "tweets", "post", "statement", "letter", "memo", "message", "email", "e-mail", "filing",
                       "document", "release", "video", "interview", "report", "study", "survey", "ruling"})
_PERCEPTION = frozenset({"see", "sees", "saw", "view", "views", "viewed", "regard", "regards", "regarded"})
#: Characters of the sentence kept as wording.
WORDING_CHARS = 220


def voice_type(voice: str, source_type: str) -> str:
    """The attribution's type, with officials and state bodies set apart as ``government``.

    >>> voice_type("the Foreign Ministry", "organisation"), voice_type("a rebel military spokesman", "vague")
    ('government', 'vague')
    >>> voice_type("US intelligence agencies", "organisation")
    'government'
    """
    if source_type in ("outlet", "vague"):
        return source_type
    if _GOVERNMENT.search(voice) and not _NON_STATE.search(voice):
        return "government"
    return source_type or "vague"


def side_of(voice: str) -> str:
    """The side or nationality a voice's own words give it, or ``""``.

    >>> [side_of(v) for v in ["Kenyan officials", "Norland’s Finance Minister Ali Khan", "US Energy Department", "Jane Roe"]]
    ['Kenyan', 'Norland', 'US', '']
    >>> side_of("Norland’s opposition"), side_of("a rebel commander")
    ('opposition', 'rebels')
    >>> side_of("Pro-Ankara media outlets"), side_of("Kremlin spokesman Jo Roe"), side_of("Army sources in Turkey")
    ('Turkey', 'Russia', 'Turkey')
    >>> side_of("Officials in Ankara and Moscow")
    ''
    """
    group = _NON_STATE.search(voice)
    if group:
        return _NON_STATE_SIDE.get(group.group().lower().rstrip("s"), group.group().lower())  # "Vale's opposition"
    short = _SHORT_STATE.match(voice)
    if short:
        return short.group().replace(".", "")
    possessive = _POSSESSIVE.search(voice + " ")
    if possessive:
        return possessive.group(1)
    demonym = _DEMONYM.match(voice)
    if demonym and re.match(r"(?:\s+[a-z]|-based|\s+(?:Army|Armed Forces|Air Force|Navy|Government|Foreign Ministry|"
                            r"Defen[cs]e Ministry|Interior Ministry|Ministry|Parliament|State Television|State TV)\b)",
                            voice[demonym.end():]):
        return demonym.group(1)  # "Kenyan officials", "British-based", "Norlandian Army", not "Jo Halian"
    states = capitals()
    partisan = re.search(r"\b[Pp]ro-([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)", voice)
    if partisan:  # "pro-Ankara media": for the state whose capital it names, or the state it names
        named = partisan.group(1)
        return states.get(named.lower(), named if named in territory_names() or named in states.values() else "")
    seats = {states[w.lower()] for w in re.findall(r"[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?", voice) if w.lower() in states}
    if len(seats) > 1:
        return ""  # "Officials in Vale City and Lakeport": two states' officials, no one side
    if seats:
        return seats.pop()  # "Kremlin spokesman Jo Roe": Russia
    placed = re.search(r"\s(?:in|of|from)\s(?:the\s)?([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)$", voice)
    if placed and (placed.group(1) in territory_names() or placed.group(1) in states.values()) and _OF_STATE.search(voice):
        return placed.group(1)  # "Army sources in Syria", "the Foreign Ministry of Norland"
    return ""


#: Words of a state's own bodies and people, which take the side of the state named after them ("Army sources in
#: Vale"), while a person or a group merely in a place ("residents in Vale") takes none.
_OF_STATE = re.compile(r"\b(?:army|military|officials?|government|ministry|police|sources|command|forces|parliament|"
                       r"council|authorities|presidency|embassy)\b", re.I)


def _fix_possessive(voice: str, names: set[str]) -> str:
    """A possessive whose apostrophe was lost ("Roes statement", "Norlands ministry"): the word
    without its "s" is a place or a person's surname named in the corpus."""
    voice = re.sub(r"(?:’s|'s)$", "", voice)
    parts = voice.split()
    if parts and re.fullmatch(r"[A-Z][a-z]+s", parts[0]) and parts[0][:-1] in names:
        parts[0] = parts[0][:-1] + ("’s" if len(parts) > 1 else "")
    return " ".join(parts)


def _voice(voice: str, kind: str, row, people: dict[str, str], places: set[str], stems: set[str],
           capitals: set[str]) -> tuple[str, str]:
    """A cited source as a voice and its type: ``("", kind)`` for no voice (a plural or first-person
    pronoun, function words); a lost apostrophe restored; a surname named in full in the corpus as
    the full name. ``people`` learns the full names of persons cited."""
    if voice.lower() in _NO_VOICE or not voice or all(w.lower() in function_words() and not w.isupper() for w in voice.split()):
        return "", kind
    if getattr(row, "subcategory", "") == "possessive_noun" and re.fullmatch(r"[A-Z][a-z]+[^s]s", voice) \
            and voice[:-1] in capitals:
        voice = voice[:-1]  # "Roes remarks": the apostrophe was lost
    voice = _fix_possessive(voice, stems)
    voice = re.sub(r"^[A-Z][\w.]*-based\s+(?=[A-Z])", "", voice)  # "Vale-based Rights Monitor": where it sits, not its name
    carried = _CARRIED_BY.match(voice) if kind == "outlet" else None
    if carried:
        voice = carried.group(1)  # "Reports from the Vale Times and others": the outlet named
    if re.fullmatch(r"[A-Z][\w’'-]+", voice) and people.get(_surname(voice)) and kind != "outlet" and voice not in places:
        voice, kind = name_core(people[_surname(voice)]), "person"  # "Roe" after "Jo Roe" in the article
    if kind == "person" and len(name_core(voice).split()) < 2 and ORG_WORD.search(voice):
        kind = classify_source(voice)  # "General Command": a title-like word before a body's name
    if kind == "person" and len(name_core(voice).split()) >= 2 and len(name_core(people.get(_surname(voice), "")).split()) < 2:
        people[_surname(voice)] = voice
    first = voice.split(" ", 1)
    if kind != "person" and len(first) == 2 and re.fullmatch(r"[A-Z][a-z]*", first[0]) and first[1][:1].islower() \
            and first[0].lower() in function_words():
        voice = first[0].lower() + " " + first[1]  # "A few of his colleagues" opened its sentence: "a few of ..."
    return voice, kind


#: A role noun alone, with or without its article ("the president", "a monitor"): whom it is, the article says
#: elsewhere by setting the role before a name.
_ROLE_ALONE = re.compile(r"(?:the|a|an)?\s*(?:[A-Za-z]+-based\s+)?([a-z][a-z-]{3,})", re.I)
#: Words that make a role another one ("Vice President", "former President"): no role noun alone stands for it.
_ROLE_QUALIFIERS = frozenset({"vice", "deputy", "prime", "former", "acting", "assistant", "associate", "co", "ex",
                              "under", "lieutenant", "late", "then", "outgoing", "incoming", "interim"})


#: Words before a role noun that make it an office sought or held, not a title of the name after it.
_NOT_TITLE_BEFORE = frozenset({"for", "as", "to", "become", "became"})
#: Source nouns that are no person's role ("according to reporting the Coalition ...").
_NOT_ROLES = frozenset({"reporting", "media", "press", "footage", "video", "study", "survey", "statement", "report"})


def role_holders(doc_sentences: dict[int, str]) -> dict[str, set[str]]:
    """The names each lower-case role noun stands right before in an article ("President Donald Trump",
    "the monitor, the Syrian Observatory for Human Rights"): role -> names.

    >>> found = role_holders({0: "President Jo Roe spoke. The Vale-based monitor the Rights Watch said so."})
    >>> found["president"], found["monitor"]
    ({'Jo Roe'}, {'Rights Watch'})
    """
    found: dict[str, set[str]] = {}
    for sentence in doc_sentences.values():
        for m in _ROLE_BEFORE_NAME.finditer(sentence):
            before = sentence[:m.start()].split()
            if before and before[-1].lower().strip("-") in _ROLE_QUALIFIERS | _NOT_TITLE_BEFORE:
                continue  # "Vice President Jo Roe"; "running for president, Jo Roe": no title of the name
            role = m.group("role").lower()
            if role in _NOT_ROLES or (role.endswith("s") and not role.endswith("ss")):
                continue  # "reports the Coalition ...", "officials Jo Roe and ...": no one person's role
            name = re.sub(r"(?:’s|'s)$", "", m.group("name").strip())
            if name.split()[0] not in CALENDAR and name.split()[0].lower() not in function_words() and name_core(name):
                found.setdefault(m.group("role").lower(), set()).add(name)
    return found


#: A word right before a name (looked ahead, so that "said President Jo Roe" yields "President" too).
_ROLE_BEFORE_NAME = re.compile(r"\b(?P<role>[A-Za-z][a-z-]{3,}),?\s+(?=(?:the\s+)?(?P<name>(?:(?:[A-Z][\w’'-]+|[A-Z]\.)\s+(?:(?:for|of)\s+)?){0,5}"
                               r"[A-Z][\w’'-]+))")


#: How many times more often than any other holder of a role a person must be named to be the one a role noun
#: alone stands for ("the president" in an article on President Roe that once names President Kay).
ROLE_DOMINANCE = 3


def bound_role(source: str, holders: dict[str, set[str]], mentions: dict[str, int] | None = None) -> str:
    """The name a role noun alone ("the president") stands for in its article: the one name the role stands
    before, or of several, the one whose surname the article names :data:`ROLE_DOMINANCE` times as often as any
    other's (``mentions``: surname -> count); else ``""``."""
    alone = _ROLE_ALONE.fullmatch(source.strip())
    if not alone or alone.group(1).lower() in function_words():
        return ""
    names = holders.get(alone.group(1).lower(), set())
    by_surname: dict[str, list[str]] = {}
    for name in names:
        by_surname.setdefault(_surname(name_core(name)), []).append(name)
    if len(by_surname) > 1 and mentions:
        ranked = sorted(by_surname, key=lambda s: -mentions.get(s, 0))
        top, rest = mentions.get(ranked[0], 0), max(mentions.get(s, 0) for s in ranked[1:])
        if top and top >= ROLE_DOMINANCE * max(rest, 1):
            by_surname = {ranked[0]: by_surname[ranked[0]]}
    if len(by_surname) != 1:
        return ""  # no name, or several people hold the role ("President Roe", "President Kay")
    return max(next(iter(by_surname.values())), key=lambda n: (len(n), n))


def surname_mentions(doc_sentences: dict[int, str]) -> dict[str, int]:
    """How often each capitalised word of an article is written, lower-cased (a surname's mentions)."""
    counts: dict[str, int] = {}
    for sentence in doc_sentences.values():
        for word in re.findall(r"[A-Z][\w’'-]+", sentence):
            word = re.sub(r"(?:’s|'s)$", "", word).lower()  # keyed as :func:`~toolkit.measures.speakers.surname` keys
            counts[word] = counts.get(word, 0) + 1
    return counts


#: A sentence that names who made the statement just cited ("The statement came from Sen. Jo Roe and ...").
_CAME_FROM = re.compile(r"^\s*(?:The|That|This|Their)\s+(?:joint\s+)?(?:statement|letter|remarks|comments|message|appeal|call)\s+"
                        r"(?:came from|was from|was (?:issued|signed|released|sent|written) by)\s+(?P<who>[^;:]+?)\s*[.;:]?\s*$")


def named_next(sentence: str) -> str:
    """The persons a sentence names as the authors of the statement before it, joined by "and", or ``""``.

    >>> named_next("The statement came from Sen. Jo Roe, and former Sens. Al Kay and Ann Lee.")
    'Jo Roe and Al Kay and Ann Lee'
    """
    match = _CAME_FROM.match(sentence)
    if not match:
        return ""
    names = []
    for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", match.group("who")):
        run = re.search(r"((?:[A-Z][\w’'-]+\s+)?[A-Z][\w’'-]+\s+[A-Z][\w’'-]+)\s*$", part)
        name = name_core(run.group(1)) if run else ""
        if len(name.split()) >= 2 and classify_source(name) == "person":
            names.append(name)
    return " and ".join(names)


def voice_words(variant: str, voice: str) -> str:
    """The words of one of several coordinated speakers as the text writes them
    ("Mr. Kay" of "Ms. Roe and Mr. Kay"), else the voice."""
    for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", variant):
        if part and _surname(part) == _surname(voice):
            return part
    return voice


def voices(tables: dict, sources: dict[str, str]) -> pd.DataFrame:
    """One row per voice per sentence: who speaks in which article, how.

    Parameters
    ----------
    tables : dict
        The analysis tables; uses ``stance`` (its attribution rows) and ``sentences``.
    sources : dict
        The source each document counts for.

    Returns
    -------
    DataFrame
        Columns :data:`COLUMNS`. ``mode`` is ``direct_quote`` when the
        sentence quotes words in quotation marks, else ``paraphrase``;
        ``from_outlet`` is True when the voice is another outlet. A pronoun
        ("he said") is the person the ``stance`` table bound it to, by the one
        binding of :class:`toolkit.measures.speakers.PronounBinder` (a pronoun
        that table left unbound gets the same binding here, so it stays out);
        a pronoun with no person, a plural or first-person one, and a
        source made of function words are left out, as are titles and headings (a summary of the article, whose
        citations its body gives). Named persons joined by
        "and" ("Ms. Roe and Mr. Kay said") are one row each, with the same cue
        (:func:`toolkit.measures.attribution.coordinated_persons`). Variants of one name in a
        corpus are merged (:func:`merge_variants`); ``variant`` keeps the words
        of the text. Two cues of one voice in one sentence count once.
    """
    stance = tables["stance"]
    cited_rows = stance[stance["category"] == "attribution"].sort_values(["doc_id", "sentence_id", "start"])
    by_doc: dict[str, dict[int, str]] = {}
    offsets: dict[tuple[str, int], int] = {}
    headings: set[tuple[str, int]] = set()  # "Jo Roe calls on ..." as a title: the article's summary, not a citation
    paragraphs: dict[tuple[str, int], int] = {}
    for r in tables["sentences"].itertuples(index=False):
        paragraphs[r.doc_id, int(r.sentence_id)] = int(getattr(r, "unit_id", 0))
        by_doc.setdefault(r.doc_id, {})[int(r.sentence_id)] = str(r.text)
        offsets[r.doc_id, int(r.sentence_id)] = int(getattr(r, "start", 0))
        if getattr(r, "kind", "") in ("title", "heading"):
            headings.add((r.doc_id, int(r.sentence_id)))
    places = _places(by_doc)
    rows = []
    people = corpus_people(by_doc)
    binders: dict[str, PronounBinder] = {}
    quoting: dict[str, set[int]] = {}
    # where each sentence's attribution cues start, in the sentence, and whose words they give
    cue_starts: dict[tuple[str, int], list[tuple[int, str]]] = {}
    # cues inside another speaker's account ("Jo Roe left saying Al Kay told them “...”"): Roe's words, once
    relayed: set[tuple[str, int, int]] = set()
    last_cue: dict[tuple[str, int], tuple[int, str]] = {}
    relayed |= _closing_relays(cited_rows, by_doc, offsets)
    named_groups: list[tuple[str, int, int]] = []  # citations of "they" that the next sentence names, person by person
    for doc_id, sid, start, end, kind, cited in zip(cited_rows["doc_id"], cited_rows["sentence_id"], cited_rows["start"],
                                                    cited_rows["end"], cited_rows["source_type"], cited_rows["source"]):
        at = int(start) - offsets.get((doc_id, int(sid)), 0)
        text = by_doc.get(doc_id, {}).get(int(sid), "")
        if kind != "vague" and _RELAYED.search(text[:max(at, 0)]):
            continue  # a view the reports relay ("Reports suggest Vale has branded it “a wedge”"): the reports' words
        before = last_cue.get((doc_id, int(sid)))
        between = text[before[0]:max(at, 0)] if before else ""
        if before and before[1] != cited and (_INNER_SPEAKER.fullmatch(between) or (
                _REPORTED_CLAUSE.fullmatch(between) and not _CLAUSE_END.search(between))):
            relayed.add((doc_id, int(sid), int(start)))
            continue
        last_cue[doc_id, int(sid)] = (int(end) - offsets.get((doc_id, int(sid)), 0), cited)
        cue_starts.setdefault((doc_id, int(sid)), []).append((at, str(cited).strip() if isinstance(cited, str) else ""))
    holders: dict[str, tuple[dict[str, set[str]], dict[str, int]]] = {}
    stems = places | {name_core(n).split()[-1].removeprefix("al-") for n in people.values() if name_core(n)}
    capitals = {w for doc in by_doc.values() for text in doc.values() for w in re.findall(r"[A-Z][a-z]+", text)}
    stems |= {w[:-1] for w in capitals if w.endswith("n")}  # a country beside its demonym ("Kenya", "Kenyan")
    for row in cited_rows.itertuples(index=False):
        source = str(row.source).strip() if isinstance(row.source, str) else ""
        cited = source  # the cue's own words for its source, before a pronoun is bound
        sid = int(row.sentence_id)
        if (row.doc_id, sid) in headings or (row.doc_id, sid, int(row.start)) in relayed:
            continue
        kind = str(row.source_type) if isinstance(row.source_type, str) else "vague"
        doc_sentences = by_doc.get(row.doc_id, {})
        binder = binders.get(row.doc_id) or binders.setdefault(row.doc_id, PronounBinder(doc_sentences))
        sentence = doc_sentences.get(sid, "")
        at = int(row.start) - offsets.get((row.doc_id, sid), 0)
        variant = pronoun_subject(sentence, at, int(row.end) - int(row.start), source) or source
        if kind == "vague":
            # "the president replied" in an article that writes "President Donald Trump": that person
            if row.doc_id not in holders:
                holders[row.doc_id] = (role_holders(doc_sentences), surname_mentions(doc_sentences))
            named = bound_role(source, *holders[row.doc_id])
            if not named and _DESCRIBED.match(source) and re.search(r"\bthe\s+" + re.escape(source), sentence, re.I):
                # "“...,” the four-term congressman said": the one person the article gives a title of the role
                # ("Rep. Jo Roe"), unless the role is qualified ("the member of parliament from the Vale Party" need
                # not be the one MP it names); else the person named or cited just before, as a pronoun would,
                # when the article gives that person the title; else no one
                holding = [] if re.search(r"\s(?:of|from|for)\s", source) else _role_holders(source, people, doc_sentences)
                if len(holding) == 1:
                    named = holding[0]  # the one person the article gives that title
                else:
                    named = binder.bind("he", sid, at, learn=False) or binder.bind("she", sid, at, learn=False)
                    named = (named if named and _holds_role(named, source, doc_sentences)
                             else _speaker_just_before(rows, row.doc_id, sid))
            if named:
                source, kind = named, classify_source(named)
        described = False  # a body pointed back to by a description ("the monitor"), not a person's words
        widened = _NON_STATE_ROLE.search(sentence[:max(at, 0)]) if source.lower() in _BARE_ROLES else None
        if widened and widened.group(2).lower() == source.lower():
            # "a witness and a rebel official said": the attribution kept the role, the sentence says whose
            source, kind, described = f"{widened.group(1)} {source}".lower(), "vague", True
        earlier = None
        if _described_body(source) and _named_again(source, sentence):
            # "The monitor reported", "the Vale-based monitor said": the body the article cited just before
            earlier = _recent_voice(rows, row.doc_id, sid, _named_body)
        elif _ONE_UNNAMED.fullmatch(source) and _named_again(source, sentence):
            # "Jo Roe, according to the source, told him": the unnamed source cited just before
            earlier = _recent_voice(rows, row.doc_id, sid, _headed_by(source.lower()))
        else:
            # "one of the officials said", "another official said": the group of officials cited before
            earlier = _group_cited_before(rows, row.doc_id, source)
        if earlier:
            (source, kind), described = earlier, True
        if kind != "vague" and _RELAYED.search(sentence[:max(at, 0)]):
            continue  # "there is reporting that China expressed concern": the reporting speaks, China is only said to
        if str(row.surface).lower() in _PERCEPTION and all(
                part in places for part in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.sub(r"^both\s+", "", source)) if part):
            continue  # "Iran views the port as a rival": the writer's account of a country's view, no one cited
        if source.lower() in _DOCUMENT and re.search(r"\b(?:the|this|that|these|those)\s+" + re.escape(source) + r"\b",
                                                     sentence, re.I):
            continue  # "according to the tweet": the text cited where it was introduced, no new voice
        if source.lower() == "they":
            named = named_next(doc_sentences.get(sid + 1, ""))
            if named:  # "“...,” they said. The statement came from Sen. Jo Roe and Sen. Al Kay.": those persons
                source, kind = named, "person"
                named_groups.append((row.doc_id, sid, int(row.start)))
        if source.lower() in _PRONOUNS:
            # a pronoun the attribution table left unbound (a table made elsewhere): the same binding
            source = binder.bind(source, sid, at)
            if not source:
                continue
            kind = "person"
        speakers = coordinated_persons(source, lambda part: _surname(part) in people) if kind != "outlet" else [source]
        mixed = (_mixed_coordination(source, people) or _unnamed_coordination(source)) \
            if len(speakers) == 1 and kind != "outlet" else {}
        if mixed:  # "Jo Roe and the Interior Ministry have long claimed": a person and a body, each a voice
            speakers = list(mixed)
            for name, name_kind in mixed.items():
                if name_kind == "person":
                    binder.cite(sid, name)
        elif kind == "person" or (variant != source and not described) or len(speakers) > 1:
            kind = "person"
            for name in speakers:
                binder.cite(sid, name)
        if row.doc_id not in quoting:
            quoting[row.doc_id] = _quoting_sentences(doc_sentences, offsets, row.doc_id, paragraphs)
        # a title in quotation marks ("said on “Vale Tonight”") quotes no one's words
        spans = quoted_spans(sentence)
        quoted = [(a, b) for a, b in spans if not _TITLE_QUOTED.fullmatch(sentence[a + 1:b - 1])
                  or not _TITLE_BEFORE.search(sentence[:a])]
        closed = bool(spans)
        cues_here = cue_starts.get((row.doc_id, sid), [(at, cited)])
        if len({who for _, who in cues_here}) > 1:
            # each quotation is the words of the cue nearest to it ("... following Roe's remarks “...”"); two cues
            # of one source ("said ... adding that") share its quotations
            quoted = [(a, b) for a, b in quoted
                      if min(cues_here, key=lambda c: min(abs(c[0] - a), abs(c[0] - b)))[1] == cited]
        # "investors see its “frontier” status as ...": a view told, its marks the writer's
        viewed = str(row.surface).lower() in _PERCEPTION
        # a quotation opened after the cue and closed paragraphs later ("tweeted: “I had to ...¶ ... hide!”")
        opened = not closed and _OPENS_QUOTE.search(sentence, max(at, 0))
        mode = "direct_quote" if not viewed and (quoted or opened or sid in quoting[row.doc_id]) else "paraphrase"
        wording = sentence if len(sentence) <= WORDING_CHARS else sentence[:WORDING_CHARS].rstrip() + "…"
        for voice in speakers:  # "Ms. Roe and Mr. Kay said": two voices, each credited with the citation
            voice, voice_kind = _voice(voice, mixed.get(voice, kind), row, people, places, stems, capitals)
            if not voice:
                continue
            kind_out = voice_type(voice, voice_kind)
            rows.append((voice, kind_out, side_of(voice), mode, kind_out == "outlet", sources[row.doc_id],
                         row.doc_id, sid, int(row.start), int(row.end), row.surface, wording,
                         variant if len(speakers) == 1 else voice_words(variant, voice), voice_kind))
    table = pd.DataFrame(rows, columns=COLUMNS + ["_kind"])
    table = _named_next_sentence(table)
    table = _members_named(table, named_groups)
    table = merge_variants(table, places=places)
    table = _affiliations(table, by_doc)
    table = table.drop_duplicates(["doc_id", "sentence_id", "voice"], ignore_index=True)
    return table[COLUMNS]


def _affiliations(table: pd.DataFrame, by_doc: dict[str, dict[int, str]]) -> pd.DataFrame:
    """What the articles say of a voice anywhere in them: a person they give an office of a state
    ("Norlandian President Jo Roe") is ``government``; a voice with no side of its own takes the nationality or
    principal written before the name ("Acme CEO Mo Vell"), else the party it is tagged with ("Jo Roe
    (R-Vale.)", "Senate Democrats"): the side a reader of a political story looks for."""
    if table.empty:
        return table
    texts = [text for doc in by_doc.values() for text in doc.values()]
    persons = table.loc[table["voice_type"].isin(["person", "government"]), "voice"].drop_duplicates()
    surnames = persons.map(_surname).value_counts()
    table = table.copy()
    sides, offices = {}, set()
    for voice in persons:
        if not table.loc[table["voice"] == voice, "_kind"].eq("person").any():
            continue  # a body ("the Interior Ministry"): its words are its own
        office, side = office_of(voice, texts)
        if office:
            offices.add(voice)
        if side and named_person(side):
            # "a spokeswoman for Speaker Jo Roe, Republican of Vale": the principal's party, when the texts give it
            side = party_of(side, texts, surname=False) or side
        if side:
            sides[voice] = side
    table.loc[table["voice"].isin(offices), "voice_type"] = "government"
    for voice, wording in zip(table["voice"], table["wording"]):
        # "Opposition parties (for example the Vale Party) said": the example is of the group, and takes its side
        if voice not in sides and re.search(r"\b(opposition|rebel|insurgent|militant)s?\b[^()]{0,40}\((?:for example|for instance|"
                                            r"e\.g\.|such as|including|like)\s+(?:the\s+)?" + re.escape(voice), str(wording), re.I):
            sides[voice] = _NON_STATE_SIDE.get(re.search(r"\b(opposition|rebel|insurgent|militant)", str(wording), re.I)
                                               .group(1).lower(), "opposition")
    for voice in table.loc[table["side"].eq("") & ~table["voice_type"].eq("outlet"), "voice"].drop_duplicates():
        shared = surnames.get(_surname(voice), 0) > 1  # two persons of one surname: the full name only
        party = party_of(voice, texts, surname=not shared)
        if party:
            sides[voice] = party  # "US Rep. Jo Roe (R-Vale.)": the party tells Roe apart from other US voices
    empty = table["side"].eq("") & table["voice"].isin(sides)
    table.loc[empty, "side"] = table.loc[empty, "voice"].map(sides)
    named = set(table["side"])
    country = {side: place for side in named for place in named
               if place != side and _DEMONYM.fullmatch(side) and len(place) >= 4 and side.startswith(place.rstrip("a"))}
    country.update({side: side[:-1] for side in named if side.endswith("s") and side[:-1] in named
                    and side[:-1][-1:].isupper()})  # "UNs" (a lost apostrophe) beside "UN"
    table["side"] = table["side"].map(lambda side: country.get(side, side))  # "Norlandian" beside "Norland": one side
    return table


def _mixed_coordination(source: str, people: dict[str, str]) -> dict[str, str]:
    """The parts of a source that joins a named person and a named body with "and" ("Jo Roe and the Interior
    Ministry"), each with its type; empty for any other source (two bodies, "Procter and Gamble", a role)."""
    parts = [re.sub(r"^the\s+", "", p) for p in _two_parts(source)]
    if len(parts) != 2 or not all(p[:1].isupper() for p in parts):
        return {}
    kinds = {p: "person" if named_person(p) or (re.fullmatch(r"[A-Z][\w’'-]+", p) and _surname(p) in people)
             else classify_source(p) for p in parts}
    persons = [p for p, k in kinds.items() if k == "person"]
    return kinds if len(persons) == 1 and all(k in ("government", "organisation") for p, k in kinds.items() if p not in persons) else {}


def _two_parts(source: str) -> list[str]:
    """A source split at "and" ("Jo Roe and the Interior Ministry" -> its two parts; any other number of parts
    is returned as it is, for the callers to refuse)."""
    return [p.strip() for p in re.split(r"\s+and\s+", source.strip())]


#: Role nouns an attribution may keep without the word that says whose they are.
_BARE_ROLES = frozenset({"official", "officials", "commander", "commanders", "spokesman", "spokeswoman", "source", "sources"})
#: That word, when it is an armed or political group outside the state, right before the role and the cue.
_NON_STATE_ROLE = re.compile(r"\b(rebel|opposition|militia|insurgent|militant|jihadist)s?\s+(\w+)\s+$", re.I)


def _unnamed_coordination(source: str) -> dict[str, str]:
    """The parts of a source that joins two unnamed groups with "and" ("company statements and Norlandian
    officials"), each with its type; empty otherwise ("officials in Vale and Norby" joins places)."""
    parts = _two_parts(source)
    if len(parts) != 2 or not all(parts):
        return {}
    kinds = {p: classify_source(p) for p in parts}
    return kinds if all(unnamed_voice(p, k) for p, k in kinds.items()) else {}


#: Head nouns of a body described before it is named ("a leading international rights group").
_BODY_HEAD = re.compile(r"\b(?:group|organi[sz]ation|watchdog|monitor|agency|charity|body|institute|foundation)$", re.I)


#: Words of a body's name that say it is what a bare description calls it ("a monitor": an Observatory).
_NAMED_AS = {"monitor": {"monitor", "monitoring", "observatory", "watch"}, "watchdog": {"watchdog", "watch", "observatory"},
             "organisation": {"organisation", "organization"}, "organization": {"organisation", "organization"}}


def _named_next_sentence(table: pd.DataFrame) -> pd.DataFrame:
    """A body described in one sentence ("A leading international rights group says …") and named as a voice in
    the next ("Human Rights Watch says …") is that body: the description shares a word with the name, or the
    description is a bare head ("a monitor") and the name says what the body is ("... Observatory") or the article
    later gives the body that description ("The Vale Observatory, a Norland-based monitor, said"). The first
    citation takes the name, so the body is not counted again as an unnamed source."""
    if table.empty:
        return table
    named = {(d, int(s)): v for d, s, v, t in zip(table["doc_id"], table["sentence_id"], table["voice"], table["voice_type"])
             if t in ("organisation", "government", "outlet")}
    table = table.copy()
    bodies = table[table["voice_type"].isin(["organisation", "government"])]
    for index, row in table[table["voice_type"] == "vague"].iterrows():
        described = str(row["voice"])
        if not _BODY_HEAD.search(described):
            continue
        name = named.get((row["doc_id"], int(row["sentence_id"]) + 1))
        if not name and re.fullmatch(r"[a-z]+", described):
            # "a monitor said" and, later, "The Vale Observatory, a Norland-based monitor, said": the body so described
            later = bodies[(bodies["doc_id"] == row["doc_id"]) & (bodies["sentence_id"] > row["sentence_id"])]
            called = [v for v, w in zip(later["voice"], later["wording"])
                      if re.search(re.escape(str(v)) + r",?\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}" + described + r"\b", str(w))]
            if len(set(called)) == 1:
                kind = table.loc[table["voice"] == called[0], "voice_type"].iloc[0]
                table.loc[index, ["voice", "voice_type", "_kind"]] = [called[0], kind, kind]
            continue
        if not name:
            continue
        words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", described)} - set(function_words())
        heads = {w.lower() for w in _BODY_HEAD.findall(described)}
        words -= heads | {"leading", "international", "local", "national"}
        name_words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", name)}
        # "a monitor said. The Vale Observatory for Rights said": a bare head, and a name that says what the body is
        if (words & name_words) if words else any(name_words & _NAMED_AS.get(head, {head}) for head in heads):
            kind = table.loc[table["voice"] == name, "voice_type"].iloc[0]
            table.loc[index, ["voice", "voice_type", "_kind"]] = [name, kind, kind]
    return table


#: A group cited by its number ("five past and present senators", "the three ministers").
_COUNTED_GROUP = re.compile(r"^(?:the\s+|all\s+)?(?P<n>" + "|".join(NUMBER_WORDS) + r"|\d{1,2})\s+\S", re.I)
#: Sentences before a citation of "they" in which the group it names may have been cited.
MEMBERS_BEFORE = 4


def _members_named(table: pd.DataFrame, named_groups: list[tuple[str, int, int]]) -> pd.DataFrame:
    """A group cited by its number that the article then names member by member is one voice, with its members.

    "Five senators urged Vale to go. “...,” they said. The statement came from
    Sen. Jo Roe, ...": the citation of "they" gives the persons named (see
    :func:`named_next`); a group cited in the same sentence or up to
    ``MEMBERS_BEFORE`` sentences before it, whose number is the number of
    persons named, is theirs. The group and its members are then one voice,
    named by both ("five senators (Jo Roe, Al Kay, ...)"), and each of its two
    citations counts once: a joint statement is no five statements, nor the
    group a sixth voice.
    """
    if table.empty or not named_groups:
        return table
    table = table.copy()
    drop: list = []
    for doc_id, sid, start in named_groups:
        members = table[(table["doc_id"] == doc_id) & (table["sentence_id"] == sid) & (table["start"] == start)]
        if len(members) < 2:
            continue
        earlier = table[(table["doc_id"] == doc_id) & table["sentence_id"].between(sid - MEMBERS_BEFORE, sid)
                        & (table["voice_type"] != "person") & ~table.index.isin(members.index)]
        for index, group in earlier.iterrows():
            counted = _COUNTED_GROUP.match(str(group["voice"]))
            if not counted:
                continue
            number = counted.group("n").lower()
            if int(NUMBER_WORDS.get(number, number if number.isdigit() else -1)) != len(members):
                continue
            label = f"{group['voice']} ({', '.join(members['voice'])})"
            table.loc[index, "voice"] = label
            first = members.index[0]
            table.loc[first, ["voice", "voice_type", "side", "_kind"]] = [label, group["voice_type"], group["side"],
                                                                         group["_kind"]]
            drop += list(members.index[1:])
            break
    return table.drop(index=drop).reset_index(drop=True)


def _quoting_sentences(doc_sentences: dict[int, str], offsets: dict[tuple[str, int], int], doc_id: str,
                       paragraphs: dict[tuple[str, int], int] | None = None) -> set[int]:
    """The sentences of an article that hold words of a quotation running over several sentences
    (:func:`toolkit.text.quotes.running_quotes`), read from the sentences at their offsets, with a blank line
    between two paragraphs (``paragraphs``: each sentence's paragraph)."""
    ids = sorted(doc_sentences)
    bounds = [(offsets.get((doc_id, i), 0), offsets.get((doc_id, i), 0) + len(doc_sentences[i])) for i in ids]
    if not bounds or any(b[0] < a[1] for a, b in zip(bounds, bounds[1:])):
        return set()  # offsets that overlap: no text to rebuild
    chars = [" "] * bounds[-1][1]
    for (start, end), i in zip(bounds, ids):
        chars[start:end] = doc_sentences[i]
    for (_, end), (start, _), a, b in zip(bounds, bounds[1:], ids, ids[1:]):
        if paragraphs and start - end >= 2 and paragraphs.get((doc_id, a)) != paragraphs.get((doc_id, b)):
            chars[end:end + 2] = "\n\n"
    running = running_quotes("".join(chars), bounds)
    return {i for i, spans in zip(ids, running) if spans}


def _places(by_doc: dict[str, dict[int, str]]) -> set[str]:
    """Single capitalised words a corpus writes as places ("in Norland", "to Vale") or with a demonym
    sharing their first letters ("Norland", "Norlandian")."""
    text = " ".join(s for doc in by_doc.values() for s in doc.values())
    places = set(re.findall(r"\b(?:in|to|from|across|throughout|into|inside|visited|toward|towards)\s+([A-Z][a-z]{2,})\b(?![-’'])", text))
    stems = {w[:4] for w in _DEMONYM.findall(text) if re.search(r"(?:ese|ian|an|ish)$", w)}
    words = set(re.findall(r"\b[A-Z][a-z]{3,}\b", text))
    return places | {w for w in words if w[:4] in stems and not re.search(r"(?:ese|ian|an|ish|i|ch)$", w)}


def merge_variants(table: pd.DataFrame, places: set[str] | frozenset[str] = frozenset()) -> pd.DataFrame:
    """One voice for the variants of one name in a corpus.

    Persons sharing a surname ("Roe", "Mr. Roe", "President Jo Roe") take the longest full name
    seen ("Jo Roe") when the corpus names one person with that surname (else the longest variant);
    a one-word voice that is such a surname joins them. Bodies whose name is contained in a longer
    one ("Observatory", "Vale Observatory for Rights") take the longest, when the longer names
    contain one another. A one-word body the corpus writes as a place ("in Norland") is ``government``.
    """
    if table.empty:
        return table
    table = table.copy()
    person = table["_kind"].eq("person") & table["voice"].map(lambda v: bool(name_core(v)) and not is_organisation_name(name_core(v))
                                                                 and (len(name_core(v).split()) >= 2 or not ORG_WORD.search(v)))
    groups: dict[str, set[str]] = {}
    for voice in table.loc[person, "voice"]:
        groups.setdefault(_surname(voice), set()).add(voice)
    rename: dict[str, str] = {}
    person_group: set[str] = set()
    for surname, names in groups.items():
        full = {name_core(v) for v in names if len(name_core(v).split()) >= 2}
        firsts = {f.split()[0].lower() for f in full}
        if len(firsts) > 1:
            continue  # two persons with one surname: leave them apart
        target = max(full, key=lambda f: (len(f), f)) if full else max(names, key=lambda v: (len(v), v))
        for v in names:
            rename[v] = target
        person_group.add(target)
    single = ~person & table["voice"].str.fullmatch(r"[A-Z][\w’'-]+") & ~table["voice_type"].eq("outlet")
    for voice in set(table.loc[single, "voice"]):
        target = [t for t in person_group if _surname(t) == voice.lower()]
        if len(target) == 1:
            rename[voice] = target[0]
    bodies = sorted({v for v in table.loc[~person & ~table["voice"].isin(rename) & ~table["_kind"].eq("person"), "voice"]
                     if v[:1].isupper() and table.loc[table["voice"] == v, "voice_type"].iloc[0] != "vague"},
                    key=len)
    for voice in bodies:
        if voice in places:
            continue  # a country speaking is not its ministry
        containers = [b for b in bodies if b != voice and re.search(r"(?<![\w-])" + re.escape(voice) + r"(?![\w’'-])", b)]
        if containers:
            longest = max(containers, key=len)
            if all(c == longest or c in longest for c in containers):
                rename[voice] = longest
    written = set(table["voice"])
    for voice in written:  # "U.S." beside "US": one initialism, written with and without its dots
        if re.fullmatch(r"(?:[A-Z]\.){2,}", voice) and voice.replace(".", "") in written:
            rename.setdefault(voice, voice.replace(".", ""))
    table["voice"] = table["voice"].map(lambda v: rename.get(v, v))
    merged = table["voice"].isin(person_group)
    if merged.any():
        # a person the articles give an office ("Norland President Jo Roe", then "Roe") is an official
        # wherever named: one type per voice
        official = table[merged].groupby("voice")["voice_type"].agg(lambda s: "government" if (s == "government").any() else "person")
        table.loc[merged, "voice_type"] = table.loc[merged, "voice"].map(official)
    for voice in set(table["voice"]):
        rows = table["voice"] == voice
        state = side_of(voice) == voice.replace(".", "") and voice not in _UNIONS  # "US", "UK": a state by its short name
        if (voice in places or state) and table.loc[rows, "voice_type"].isin(["organisation", "government"]).all():
            table.loc[rows, "voice_type"] = "government"  # a country or capital speaking: its government
            if voice in territory_names() or state:
                table.loc[rows & table["side"].eq(""), "side"] = voice.replace(".", "")  # "Norland said": Norland's side
    sides = table[table["side"].ne("")].groupby("voice")["side"].first()
    table["side"] = table["voice"].map(lambda v: sides.get(v, ""))  # "Norland's minister Jo Roe" keeps Norland as Jo Roe
    return table


def _key(name: str) -> str:
    """A name folded so that a country and its demonym meet (Kenya, Kenyan)."""
    return name.lower().replace(".", "")[:4]


def _speaks(actor: str, voice: str, side: str) -> bool:
    """Whether a voice is the actor, or speaks for it: a shared name word
    ("Roe", "US President Jane Roe"), the actor's initials ("United
    States", "US"), or its country by demonym ("Kenya", "Kenyan officials")."""
    words = {w.lower() for w in re.findall(r"[A-Z][\w’'-]{3,}", voice)}
    names = [w.lower() for w in re.findall(r"[A-Z][\w’'-]{3,}", actor)]
    if names and names[-1] in words:
        return True
    initials = "".join(c for w in actor.split() if w[:1].isupper() for c in w if c.isupper()).lower()
    plain = voice.lower().replace(".", "")
    if len(initials) >= 2 and (plain == initials or plain.startswith(initials + " ")
                               or str(side).lower().replace(".", "") == initials):
        return True  # "US", "US officials", or a voice the text sets on the US side ("US envoy Jo Roe")
    key = _key(actor)
    return len(actor) >= 4 and (_key(voice) == key or (bool(side) and _key(side) == key))


def silent_actors(voice_table: pd.DataFrame, actor_mentions: pd.DataFrame, sources: dict[str, str],
                  min_sources: int = 2) -> pd.DataFrame:
    """Actors several sources write about, and whether any source lets them speak.

    Returns one row per actor mentioned by at least ``min_sources`` sources:
    ``actor, mentioned_by, cited_by, quoted_by`` (counts of sources), sorted
    with the actors no one cites first.
    """
    if actor_mentions.empty:
        return pd.DataFrame(columns=["actor", "mentioned_by", "cited_by", "quoted_by"])
    mentioned = actor_mentions.assign(source=actor_mentions["doc_id"].map(sources)).groupby("actor")["source"].nunique()
    pairs = set(zip(voice_table["voice"], voice_table["side"]))  # each distinct voice tested once per actor
    rows = []
    for actor, n in mentioned.items():
        if n < min_sources or str(actor).lower() in CALENDAR:
            continue
        speaking = {(v, side) for v, side in pairs if _speaks(str(actor), v, side)}
        hits = voice_table[[(v, side) in speaking for v, side in zip(voice_table["voice"], voice_table["side"])]]
        rows.append((actor, int(n), int(hits["source"].nunique()),
                     int(hits.loc[hits["mode"] == "direct_quote", "source"].nunique())))
    out = pd.DataFrame(rows, columns=["actor", "mentioned_by", "cited_by", "quoted_by"])
    return out.sort_values(["cited_by", "quoted_by", "mentioned_by", "actor"], ascending=[True, True, False, True],
                           ignore_index=True)
