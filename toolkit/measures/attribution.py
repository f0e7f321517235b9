"""Attribution: who a claim is credited to.

Finds reporting expressions ("according to X", "X said", "reports suggest",
"as per press reports", "X's remarks"), extracts the named source where there
is one, and classifies it as ``outlet``, ``organisation``, ``person`` or
``vague`` (unnamed reports, officials, analysts, agentless passives).
The cue words are in ``lexicons/attribution.csv``; unnamed-source nouns in
``lexicons/vague_sources.csv``; news outlets in ``lexicons/outlets.csv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..lexicons import function_words, read_rows
from ..text.phrases import PhraseMatcher
from ..text.dates import MONTH_NAMES, WEEKDAY_NAMES
from ..text.quotes import inside

#: Longest noun phrase, in words, accepted as a source.
MAX_SOURCE_WORDS = 8

SOURCE_TYPES = ("outlet", "organisation", "government", "person", "vague")

_CLAUSE_BREAK = re.compile(r"[,;:“”\"()—–]|\s-\s")
_LEADING = re.compile(r"^(?:(?:after|as|when|while|but|and|yet|because|since|though|although|if|so|then|meanwhile|now|earlier|later|which|who|whom)\s+)+", re.I)
_DETERMINER = re.compile(r"^(?:the|a(?!\s+(?:few|little|handful|number|couple)\b)|an|this|that|these|those|some)\s+", re.I)
_TRAILING = re.compile(r"(?:\s+(?:has|have|had|is|are|was|were|been|being|also|even|alike|reportedly|recently|publicly|actively|repeatedly|will|would|may|might|could|did|does|do|not|already|too|themselves|itself|long|now|still|often|always|consistently|first|once|later|earlier|previously|since))+$", re.I)
_FOLLOWING_NP = re.compile(r"\s*((?:the\s+)?(?:[^,.;:()“”\"—]|\.(?=\s*[A-Z]))+?)(?=\s*(?:[,;:()“”\"—]|\.(?!\s*[A-Z])|\s(?:and|that|which|who|whose|in|on|at|for|to|as|is|was|has)\b|$))")
_POSSESSOR = re.compile(r"([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)(?:’s|'s)?\s+(?:[a-z]+\s+)?$")
_PERSON_TITLE = re.compile(r"\b(?:President|Prime Minister|Minister|Leader|Speaker|Secretary|Senator|Sen\.|Rep\.|Gov\.|Governor|Mayor|Ambassador|Charge|Chargé|CEO|Chief|Director|Chairman|Chair|Spokesperson|Spokesman|Spokeswoman|Mr\.|Mrs\.|Ms\.|Dr\.|Prof\.|General|Gen\.|Commander|King|Queen|Prince|Pope)\b")
_ORG_WORD = re.compile(r"\b(?:Department|Ministry|Agency|Agencies|Bank|Company|Corp|Corporation|Inc|Ltd|Organization|Organisation|Institute|University|Council|Commission|Office|Embassy|Government|Fund|Group|Association|Authority|Board|Committee|Administration|Party|Forces|Army|Navy|Court|Parliament|Congress|Senate|Union|Federation|Foundation|Centre|Center|Service|Services|Metals|Works|Watch|Observatory|Network|Coalition|Front|Movement|Alliance|Campaign|Society|Trust|Initiative|Project|Brigades?|Command|Headquarters)\b")
#: Words of a named body ("Acme Corporation", "the Vale Party"): such a name is no person's.
ORG_WORD = _ORG_WORD
#: Outlet names by shape: a capitalised title ending in a newspaper word, or a
#: name followed by what it is ("the Dawn newspaper", "the Xinhua news agency").
#: A broadcaster named by its kind and whose it is ("State television", "Norlandian state TV", "Vale radio").
_BROADCASTER = re.compile(r"^(?:the\s+)?(?:[A-Z][\w’'-]*\s+)?(?:[Ss]tate|[Pp]ublic|[Nn]ational|[Oo]fficial|[A-Z][\w’'-]*)\s+"
                          r"(?:television|TV|radio)$")
_OUTLET_SHAPE = re.compile(
    r"\b(?:[A-Z][\w&'’-]*\s+)+(?:Times|Post|Tribune|Herald|Gazette|Journal|Chronicle|Telegraph|Observer|Express|Monitor|Inquirer|Dispatch|Courier|News)\b"
    r"|\b[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*\s+(?:newspaper|news agency|news service|wire service|daily|broadcaster|news channel|news website|magazine|weekly)\b"
    r"|" + _BROADCASTER.pattern)
#: Lower-case heads that name a person or body by role ("the minister said", "the bank indicated").
_ROLE_HEAD = re.compile(r"^(?:minister|president|premier|chancellor|secretary|senator|governor|mayor|ambassador|envoy|chief|director|"
                        r"chairman|chairwoman|chair|ceo|founder|official|spokesperson|spokesman|spokeswoman|adviser|advisor|analyst|"
                        r"congressman|congresswoman|legislator|representative|member|candidate|nominee|hopeful|challenger|incumbent|"
                        r"activist|professor|researcher|scientist|strategist|aide|"
                        r"expert|economist|lawyer|attorney|judge|court|general|commander|leader|lawmaker|regulator|watchdog|"
                        r"department|ministry|agency|bank|company|corporation|firm|government|administration|office|embassy|"
                        r"council|commission|committee|board|authority|institute|university|party|union|group|association|"
                        r"report|study|survey|statement|newspaper|daily|broadcaster|magazine|author|writer|editor|columnist)s?$")
_PRONOUN_PERSON = {"he", "she", "him", "her", "i"}
#: Plural roles of people that are a source without a determiner ("Missouri senators urged", "five lawmakers said").
_PEOPLE_ROLES = frozenset(f"{w}s" for w in ("minister", "senator", "governor", "mayor", "ambassador", "envoy", "official",
                                            "congressman", "legislator", "representative", "lawmaker", "diplomat",
                                            "leader", "commander", "general", "activist", "analyst", "expert",
                                            "economist", "lawyer", "attorney", "aide", "adviser", "advisor")) | {"congressmen"}
#: Roles one person holds in an article's story, written alone ("the president replied", "the congressman said").
_ONE_HOLDER = re.compile(r"(?:president|premier|chancellor|governor|mayor|congressman|congresswoman)", re.I)
#: Lower-case roles one person holds ("the member of parliament from ...", "the four-term congressman").
_PERSON_ROLE = re.compile(r"(?:member|congressman|congresswoman|senator|lawmaker|legislator|representative|minister|"
                          r"governor|mayor|ambassador|envoy|chairman|chairwoman|president|premier|chancellor|leader)", re.I)
#: Words that make an unnamed source, or a named body, a government or official one: the state's
#: executive, its ministries, armed forces and police ("officials", "Army sources", "the Interior
#: Ministry", "a source at the Police Command"). A named official ("Minister Jo Bell") stays a person.
_GOVERNMENT_WORD = re.compile(r"\b(?:officials?|government|ministry|ministries|army|military|police|authorities|administration|"
                              r"kremlin|white house|pentagon|state department|foreign office|cabinet|presidency|"
                              r"armed forces|security forces|defen[cs]e ministry|interior ministry|prosecutors?|"
                              r"spokes(?:man|woman|person)|embassy|department of|[a-z]+ department|(?:general|high|military|army) command|"
                              r"senators|lawmakers|legislators|congressmen|congresswomen|ministers|governors|mayors|"
                              r"ambassadors|diplomats|envoys)\b", re.I)
#: "Jo Roe" in running text: a given name and a surname (no organisation word), so a later "Roe" is a person;
#: a name never runs across a line break ("... blames Russia" + a new paragraph "Activists say").
FULL_NAME = re.compile(r"(?<=[a-z,;:] )(?!(?:General|President|Minister|Secretary|Senator|Governor|Mayor|Ambassador|Director|"
                       r"Chairman|Chief|Commander|Colonel|Captain|Major|Judge|Justice|Speaker|King|Queen|Prince|Pope|Saint|"
                       r"North|South|East|West|New|Great|United|Human|Central|National|Supreme|High)\s)([A-Z][a-z]+(?:[ \t]+[A-Z]\.)?[ \t]+([A-Z][a-z][\w’'-]+))\b(?![ \t]+[A-Z])")
#: A lower-case role word followed by a name of two or more capitalised words, ending the phrase.
_ROLE_AND_NAME = re.compile(r"\b([a-z]+)\s+[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)+$")
#: A person named with a title ("Rep. Jane Roe", "Finance Minister Jo Bell"): a name pronouns may stand for.
TITLED_NAME = re.compile(r"\b(?:President|Prime Minister|Minister|Secretary|Senator|Sen\.|Rep\.|Gov\.|Governor|Mayor|Ambassador|"
                         r"Mr\.|Mrs\.|Ms\.|Dr\.|Prof\.|General|Gen\.|Judge|Justice|Speaker|Chancellor)[ \t]+"
                         r"((?:[A-Z][\w’'-]+[ \t]+){0,2}(?:(?:al|el|bin|ibn|de|van|von)[ \t-])?[A-Z][\w’'-]+)")
_SELF = {"my", "our", "me", "us", "i", "we", "mine", "ours"}
_SELF_FORMS = {"my", "My", "our", "Our", "I", "we", "We", "me", "us"}  # not "US", the country


@dataclass(frozen=True)
class Attribution:
    """One reporting expression in a sentence."""

    start: int
    end: int
    surface: str
    kind: str
    source: str
    source_type: str
    speech: bool  # what follows is the source's words (for reported-speech checks)


@lru_cache(maxsize=None)
def _cues() -> PhraseMatcher:
    return PhraseMatcher((row["term"], row["kind"]) for row in read_rows("attribution.csv"))


@lru_cache(maxsize=None)
def _vague() -> frozenset[str]:
    return frozenset(row["term"] for row in read_rows("vague_sources.csv"))


@lru_cache(maxsize=None)
def _outlets() -> tuple[str, ...]:
    return tuple(row["name"] for row in read_rows("outlets.csv"))


def outlet_names() -> tuple[str, ...]:
    """The news outlets of ``lexicons/outlets.csv``."""
    return _outlets()


@lru_cache(maxsize=None)
def _outlet_pattern() -> re.Pattern:
    """Any outlet name as a whole word (one pattern for the whole list)."""
    names = sorted(_outlets(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(name) for name in names) + r")(?!\w)")


def is_organisation_name(name: str) -> bool:
    """Whether a capitalised name reads as a body rather than a person ("Human Rights Watch", "Interior Ministry")."""
    return bool(_ORG_WORD.search(name) or _GOVERNMENT_WORD.search(name) or _outlet_pattern().search(name)
                or _OUTLET_SHAPE.search(name))


@lru_cache(maxsize=1)
def territory_names() -> frozenset[str]:
    """English names of countries and territories (Unicode CLDR, read offline through Babel), as written and
    with "and" for "&" ("Trinidad and Tobago")."""
    from babel import Locale

    names = {str(name) for name in Locale("en").territories.values()}
    return frozenset(names | {name.replace(" & ", " and ") for name in names})


#: A party's members as a group ("House Republicans", "fellow Democrats"); group 1: a word that makes them some
#: members only, unnamed.
_PARTY_MEMBERS = re.compile(r"^(?:(?:the|(fellow|some|other|many|several|few|a\s+few|most|more|top|senior|leading|"
                            r"moderate|conservative|progressive|rank-and-file))\s+)?(?:(?-i:[A-Z])[a-z]+\s+)?"
                            r"(?-i:Republicans|Democrats|Conservatives|Liberals|Socialists|Greens|Tories)$", re.I)
#: Some of a group ("a few of his colleagues", "several of the senators"): the group is what is classified.
_PARTITIVE = re.compile(r"^(?:a\s+)?(?:few|handful|number|couple|some|several|many|most|more|all|both|half|dozens|scores|none|two|three|four|"
                        r"five|six|seven|eight|nine|ten)\s+of\s+((?:the|his|her|their|its|our)\s+\S.*)$", re.I)


def classify_source(source: str, known: dict[str, str] | None = None, initial: bool = False) -> str:
    """Classify a source as ``outlet``, ``organisation``, ``government``, ``person`` or ``vague``.

    Parameters
    ----------
    source : str
        The source's words ("Jane Roe", "Analysts in Europe", "Reuters").
    known : dict, optional
        Names from the corpus config mapped to a type (``person``,
        ``organisation``, ``outlet``); consulted first.
    initial : bool
        The source opens its sentence, so a capital on its first word says
        nothing ("Opposition leaders" is unnamed; "the Commerce Ministry" is not).

    >>> [classify_source(s) for s in ["Reuters", "Natalie Baker", "Analysts in Asia", "officials", "the Interior Ministry", ""]]
    ['outlet', 'person', 'vague', 'government', 'government', 'vague']
    >>> classify_source("the United States"), classify_source("New Zealand")
    ('government', 'government')
    """
    text = source.strip()
    if not text:
        return "vague"
    lowered = text.lower()
    if lowered in _PRONOUN_PERSON:
        return "person"
    if _DETERMINER.sub("", text) in territory_names():
        return "government"  # "the United States said": a state speaks through its government
    members = _PARTY_MEMBERS.match(text)
    if members:  # "House Republicans": a party's members, a body; "fellow Republicans": some of them, unnamed
        return "vague" if members.group(1) else "organisation"
    part = _PARTITIVE.match(text)
    if part:  # "a few of his Vale Party colleagues": some of a group, unnamed, unless the group is officials
        whole = classify_source(part.group(1), known)
        return "vague" if whole in ("organisation", "vague", "person") else whole
    words = text.split()
    head_part = re.split(r"\s(?:in|of|from|at|on|for|with|and)\s", text, maxsplit=1)[0].split()
    head_text = " ".join(head_part)
    for name, kind in sorted((known or {}).items(), key=lambda item: -len(item[0])):
        if name and (head_text == name or head_text.endswith(" " + name)):
            return kind  # the head of the phrase is a known name
    if text[:1].islower() and _PERSON_ROLE.fullmatch(head_part[-1] if head_part else ""):
        return "vague"  # "member of parliament from the Vale Party": a person by role, not the body named after it
    insider = re.split(r"\s(?:in|within|inside|of|from|at|on|for|with|close|familiar)\s", text, maxsplit=1)[0].split()
    if insider and insider[-1].lower() in _UNNAMED_INSIDER:
        # "a Vale News source", "a source within the Acme Party": the body is named, the person speaking is not
        return "government" if _GOVERNMENT_WORD.search(text) else "vague"
    if _outlet_pattern().search(text) or _OUTLET_SHAPE.search(text):
        return "outlet"
    if " and " in text and len(coordinated_persons(text)) > 1:
        return "person"  # "Ms. Roe and Mr. Kay": named persons, each a voice
    head = head_part[-1].lower() if head_part else ""
    if head in _vague() or lowered in _vague():
        # "US intelligence agencies" says whose agencies; "Officials" and
        # "Opposition leaders" (capitalised only as the first word) do not.
        modifiers = head_part[:-1]
        first_counts = bool(modifiers) and (modifiers[0].isupper() or (modifiers[0][:1].isupper() and not initial))
        possessive = bool(modifiers) and modifiers[0][:1].isupper() and modifiers[0].endswith(("'s", "’s"))
        named = any(w[:1].isupper() for w in modifiers[1:]) or first_counts or possessive  # "Norland's government"
        if _GOVERNMENT_WORD.search(text):
            return "government"  # "officials", "Army sources", "a source at the Police Command"
        if possessive and head in ("leaders", "leadership", "rulers") and \
                re.sub(r"(?:’s|'s)$", "", modifiers[0]) in territory_names():
            return "government"  # "Norland’s leaders": the state's
        return "organisation" if named else "vague"
    if re.search(r"\w[‐‑-]e[‐‑-][A-Z]", text):
        return "organisation"  # a name in the construct "X-e-Y" names a party or movement, not a person
    if _PERSON_TITLE.search(text) and not _GOVERNMENT_WORD.search(head_text):
        return "person"
    role_and_name = _ROLE_AND_NAME.search(head_text)
    if role_and_name and _ROLE_HEAD.match(role_and_name.group(1).lower()):
        return "person"  # "Kremlin spokesman Dmitry Peskov", "the company's founder Jo Bell"
    if _GOVERNMENT_WORD.search(text):
        return "government"  # "the Interior Ministry", "the Kremlin", "the army"
    if not any(w[:1].isupper() for w in words):
        return "vague"
    if _ORG_WORD.search(text) or (text.isupper() and len(text) <= 8):
        return "organisation"
    names = [w for w in words if w[:1].isupper() or re.match(r"(?:al|el|bin|ibn)-[A-Z]", w)]  # "Omar al-Rashid"
    if 2 <= len(names) <= 4 and len(names) == len(words):
        return "person"
    return "organisation"


#: Role nouns that, with no name beside them, leave a source unnamed ("three officials familiar with the meeting",
#: "a source at the Police Command", "White House aides"): the body may be named, the person speaking is not.
_ANONYMOUS_HEAD = re.compile(r"\b(?:officials?|sources?|aides?|diplomats?|insiders?|advis[eo]rs?|staffers?|people|person|"
                             r"someone|spokes(?:man|woman|person)|analysts?|experts?|investors?|observers?|critics?|"
                             r"economists?|activists?|residents?|witnesses)\b(?!\s+(?-i:[A-Z]))", re.I)
#: Words after which a role noun's phrase says where or what the source is, not who ("familiar with", "at the").
_AFTER_HEAD = re.compile(r"\s(?:of|in|at|from|with|familiar|who|close|briefed|involved|knowledgeable)\b")


#: What follows "adding" when it reports words: "that", a quotation, or a clause with a finite verb soon after.
_ADDED_WORDS = re.compile(r"\s*(?:that\b|[“\"«:,]|(?:(?!to\b)[\w’'-]+\s+){0,6}?(?:would|will|can|could|should|may|might|must|"
                          r"is|are|was|were|has|have|had|did|does|do|\w+ed)\b)", re.I)
#: What follows "counted" when it reports a toll: a number soon after ("counted 24 dead", "counted at least 43").
_COUNTED_NUMBER = re.compile(r"\s+(?:(?:at\s+least|more\s+than|nearly|about|some|over|up\s+to)\s+)?(?:\d[\d,.]*|"
                             r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?)\b",
                             re.I)
#: What follows "added" when it has an object, not words: "added his voice to the calls", "added a clause".
_ADDED_OBJECT = re.compile(r"\s+(?:his|her|their|its|my|our|your|a|an|the|some|new|more)\b", re.I)
#: Heads of an unnamed person inside a body ("a Vale News source", "an Acme insider"): vague, whatever body is named.
_UNNAMED_INSIDER = frozenset({"source", "sources", "insider", "insiders"})
#: A part of a group ("two of the officials", "another of the aides"): the group says whether it is named.
PART_OF = re.compile(r"(?:one|two|three|four|five|six|\d+|some|several|many|most|each|either|neither|another|both|all|none|(?:a\s+)?few)"
                      r"\s+of\s+(?:the\s+|those\s+|these\s+)?(.+)", re.I)


@lru_cache(maxsize=65536)
def unnamed_source(voice: str, voice_type: str) -> bool:
    """A voice that names no one: ``vague``, or an official or body's member by role only ("three officials
    familiar with the meeting", "US officials", "a source at the Police Command"). The voice table keeps
    such a source's type (``government``), as the development gold does; profiles and the per-source sourcing
    measures count it as unnamed, as the seed annotation guideline counts unnamed officials vague.

    >>> [unnamed_source(v, t) for v, t in [("three officials familiar with the meeting", "government"),
    ...  ("White House officials", "government"), ("Donald Trump", "person"), ("the Interior Ministry", "government"),
    ...  ("spokesman Omar Vell", "person")]]
    [True, True, False, False, False]

    A role one person holds, alone, points back to the person the article names with it:

    >>> unnamed_source("president", "vague"), unnamed_source("four-term congressman", "vague"), unnamed_source("analysts", "vague")
    (False, False, True)
    >>> unnamed_source("two of the officials", "government"), unnamed_source("one of the officials present", "government")
    (True, True)
    """
    voice = str(voice).strip()
    part = PART_OF.match(voice)
    if part:
        voice = part.group(1)  # "two of the officials", "one of the officials present": the officials
    head = _AFTER_HEAD.split(" " + voice, maxsplit=1)[0].strip()
    if voice_type == "vague":
        # "the president replied", "the four-term congressman said": the one person the article gives the role
        words = head.split()
        return not (words and len(words) <= 3 and head[:1].islower() and _ONE_HOLDER.fullmatch(words[-1]))
    return voice_type in ("government", "organisation") and bool(_ANONYMOUS_HEAD.search(head))



def unnamed_sources(table: pd.DataFrame) -> pd.Series:
    """:func:`unnamed_source` of each row of a table with ``source`` and ``source_type`` columns (the stance table)."""
    return pd.Series([unnamed_source(s if isinstance(s, str) else "", t if isinstance(t, str) else "vague")
                      for s, t in zip(table["source"], table["source_type"])], index=table.index, dtype=bool)


#: Where a source joins several names: "and" or a comma (never "&", which binds a firm's name: "Johnson & Johnson").
_COORDINATION = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def named_person(part: str) -> bool:
    """A named person by its own words: a title and a name ("Ms. Roe"), or a given name and a surname
    ("Jo Roe"); one capitalised word alone ("Procter") says nothing."""
    words = part.split()
    if not words or not part[:1].isupper() or is_organisation_name(part) or classify_source(part) != "person":
        return False
    return bool(_PERSON_TITLE.search(part)) or len(words) >= 2


def coordinated_persons(source: str, is_person=None) -> list[str]:
    """The persons of a source that joins named persons with "and" (each is a voice of the citation);
    the source alone otherwise.

    Every part must be a named person: a titled or full name, or a word ``is_person`` accepts (a
    surname the article names in full). "&" never joins two voices.

    >>> coordinated_persons("Ms. Roe and Mr. Kay"), coordinated_persons("Jo Roe, Al Kay and Ann Lee")
    (['Ms. Roe', 'Mr. Kay'], ['Jo Roe', 'Al Kay', 'Ann Lee'])
    >>> coordinated_persons("Procter and Gamble"), coordinated_persons("Jo Roe and her lawyer")
    (['Procter and Gamble'], ['Jo Roe and her lawyer'])
    >>> coordinated_persons("Roe and Kay", lambda part: part in ("Roe", "Kay"))
    ['Roe', 'Kay']
    """
    if " and " not in source:
        return [source]
    parts = [p.strip() for p in _COORDINATION.split(source.strip())]
    if len(parts) < 2 or not all(parts):
        return [source]
    if all(named_person(p) or (is_person is not None and re.fullmatch(r"[A-Z][\w’'-]+", p) and is_person(p))
           for p in parts):
        return parts
    return [source]


#: Reporting verbs that never come before their speaker: a participle ("..., noting he sent a letter")
#: and "told", whose next noun phrase is the listener ("..., Jo Bell told the newspaper").
_NO_INVERSION = re.compile(r"(?:\w+ing|told|tells?)$", re.I)
_SPEECH_AFTER = "says|said|concludes|concluded|notes|noted|points out|pointed out|argues|argued|reports|reported|warns|warned|suggests|suggested|found|finds|shows|showed"
_GENERIC_TAIL = re.compile(r"(?<=[A-Za-z])(?:’s|'s)?\s+(?:opinion column|analysis|column|report|statement|editorial|remarks|comments)$")


#: A fronted prepositional phrase before a subject ("In an online statement, the group ..."): its
#: words are the setting, not the source.
_LEADING_PP = re.compile(r"^(?:In|On|At|During|After|Before|With|Through|Under|Amid|Since|Following|Later|Earlier)\s+"
                         r"(?:[a-z][\w’'-]*\s+|[A-Z][a-z]+day\s+|(?:" + MONTH_NAMES + r")\s+)*")
#: Days and months: never a source ("In a video in December").
_CALENDAR_WORD = re.compile(r"^(?:" + WEEKDAY_NAMES + "|" + MONTH_NAMES + r")$")


#: A time phrase after a subject ("President Roe on Monday said"): when, not who.
_TRAILING_TIME = re.compile(r"(?:\s+(?:on|late|early|last|this|next|in)?\s*(?:" + WEEKDAY_NAMES + "|" + MONTH_NAMES
                            + r"|yesterday|today|tonight|earlier|later|recently|(?<=this |last |next )(?:week|weekend|month|year))"
                            r"(?:\s+(?:morning|afternoon|evening|night))?)+$")


#: Sentence adverbs that can open a clause before its subject ("Elsewhere the monitor said").
_LEADING_ADVERB = re.compile(r"^(?:Elsewhere|Meanwhile|Separately|However|Also|Still|Instead|Now|Then|Earlier|Later|Previously|"
                             r"Additionally|Moreover|Furthermore|Likewise|Similarly|Nonetheless|Nevertheless|Overall|"
                             r"Ultimately|Initially|Finally|Currently|Yesterday|Tonight)\s+(?=\S)")
#: A fronted participle phrase ("Speaking on Thursday X said"): its words are the setting.
_LEADING_PARTICIPLE = re.compile(r"^[A-Za-z][a-z]+ing\s+(?:(?:on|in|at|to|from|with|after|during|before|about|for|by)\s+"
                                 r"(?:the\s+|a\s+|an\s+)?[\w’'-]+\s+)+(?=[A-Z])")
#: A fronted time of day ("in the evening the source said").
_LEADING_TIME = re.compile(r"^(?:(?:(?:in|on|at|during|by|late|early|later|earlier)(?:\s+in)?\s+)?(?:the\s+)?"
                           r"(?:morning|afternoon|evening|night|weekend)|(?:a|one|two|three|a\s+few)\s+(?:days?|weeks?|"
                           r"months?|years?|hours?)\s+(?:later|earlier|ago|before|after))\s+(?=\S)", re.I)
#: A subordinating word inside a phrase: the subject is what follows it ("even as Jo Roe said").
_SUBORDINATOR = re.compile(r"(?:^|\s)(?i:as|despite|although|because|while|when|whereas|though|since|until|unless|after|before|than)"
                           r"\s+(?=[A-Z])")
#: A capitalised name followed, without a comma, by what it is ("Jo Roe a local commander").
_NAME_THEN_ROLE = re.compile(r"^((?:[A-Z][\w’'.-]*\s+(?:(?:of|for|and|de|al)\s+)*)+[A-Z][\w’'.-]*)\s+(?:a|an)\s+\S")
#: A person's name followed, without a comma or an article, by a role ("Jo Roe deputy director at the group").
_NAME_THEN_BARE_ROLE = re.compile(r"^([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\s+(?:[a-z][\w-]*\s+){0,2}"
                                  r"(?:director|spokes(?:man|woman|person)|chief|head|chairman|chairwoman|researcher|"
                                  r"official|adviser|advisor|analyst|expert|commander|minister|secretary|coordinator|"
                                  r"representative|envoy|lawyer|professor|editor|correspondent)\b")
#: Words of "I" with the apostrophe stripped ("Ill", "Ive"): the first person, not a name.
_I_CONTRACTIONS = frozenset({"Ill", "Ive", "Im", "Id"})
#: Words that open a noun phrase after a fronted phrase ("Tuesday's debate several lawmakers").
_DETERMINER_WORDS = frozenset({"the", "a", "an", "several", "some", "many", "few", "most", "two", "three", "four", "five"})


#: Words that make what follows a number a clause ("15 people were killed on Monday"), not a subject.
_CLAUSE_WORDS = frozenset({"is", "are", "was", "were", "has", "have", "had", "be", "been", "on", "in", "at", "during",
                           "after", "before", "to", "by", "with", "from", "since", "until"})


def _trim_front(np: str) -> str:
    """Remove what is fused to the front of a subject: a dateline or page furniture with a number
    ("Published May 3 2016 Activists"), an all-capitals subheading, a sentence adverb, a fronted
    participle or time phrase, a subordinate clause ("even as Jo Roe"), and keep a name before an
    appositive without a comma ("Jo Roe a local commander")."""
    words = np.split()
    numbers = [i for i, w in enumerate(words) if re.fullmatch(r"\d+[,.]?", w)]
    rest = words[numbers[-1] + 1:] if numbers else []
    if rest and len(rest) <= MAX_SOURCE_WORDS - 1 and not any(w.lower() in _CLAUSE_WORDS for w in rest):
        words = rest  # "Published May 3 2016 Activists": a short subject after the number
    caps = 0
    while caps < len(words) and re.fullmatch(r"[A-Z][A-Z’'-]+", words[caps]):
        caps += 1
    if caps >= 2 and caps < len(words):
        words = words[caps:]  # an all-capitals subheading before the subject
    np = " ".join(words)
    for pattern in (_LEADING_TIME, _LEADING_ADVERB, _LEADING_PARTICIPLE):
        np = pattern.sub("", np)
    clauses = list(_SUBORDINATOR.finditer(np))
    if clauses:
        np = np[clauses[-1].end():]
    words = np.split()
    if words and _CALENDAR_WORD.match(re.sub(r"(?:’s|'s|s)$", "", words[0])):
        at = [i for i, w in enumerate(words[1:], 1) if w.lower() in _DETERMINER_WORDS]
        if at and at[-1] < len(words) - 1:
            np = " ".join(words[at[-1] + 1:])  # "Tuesday's debate several lawmakers"
    named = _NAME_THEN_ROLE.match(np)
    bare = _NAME_THEN_BARE_ROLE.match(np)
    if bare and bare.group(1).split()[0].lower() not in function_words() and classify_source(bare.group(1)) == "person":
        named = bare  # "Jo Roe deputy director at the group", not "The Vale aid chief"
    if named and len(named.group(1).split()) >= 2:
        np = named.group(1)
    return np


def _trim_clause(np: str) -> str:
    """A clause before a name ("the figure referred to the amount Jo Roe"): keep the name."""
    words = np.split()
    if len(words) < 4 or not any(re.fullmatch(r"[a-z]{3,}ed", w) for w in words):
        return np
    tail = len(words)
    while tail > 0 and words[tail - 1][:1].isupper():
        tail -= 1
    if 0 < tail < len(words) and words[tail - 1].islower() and not _ROLE_HEAD.match(words[tail - 1]) \
            and words[tail - 1] not in function_words() \
            and any(re.fullmatch(r"[a-z]{3,}ed", w) for w in words[:tail]):
        return " ".join(words[tail:])
    return np


#: A description of a body, then its name with "the" and no comma ("British-based monitor the Vale Observatory for
#: Human Rights"): the name. The word before "the" is a noun, not a preposition ("the head of the Vale Party").
_DESCRIBED_NAME = re.compile(r"^(?:[\w’'-]+\s+){0,3}(?!(?:of|for|at|in|within|inside|into|among|near|from|to|with|by|on|and|or|as|that)\s)[a-z][\w-]*\s+"
                             r"the\s+([A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|for|and|on))*\s*)$")


def _clean_np(np: str) -> str:
    np = np.strip(" \t\n'’\"")
    np = _trim_clause(_trim_front(np))
    np = _TRAILING_TIME.sub("", np)
    named = _GENERIC_TAIL.sub("", np)  # "the Acme analysis": Acme; "one analysis": the analysis itself
    np = named if named.split() and named.split()[-1][:1].isupper() else np
    np = _TRAILING.sub("", np)
    np = _LEADING.sub("", np)
    np = _LEADING_PP.sub("", np) if _LEADING_PP.match(np) and np[_LEADING_PP.match(np).end():][:1].isupper() else (
        "" if _LEADING_PP.match(np) else np)
    np = _trim_clause(_trim_front(np))  # again, after the fronted words above are gone
    np = _DETERMINER.sub("", np)
    lowered = re.match(r"^[a-z][\w-]*\s+(?:a|an)\s+([a-z][\w-]*)$", np)
    if lowered:
        np = lowered.group(1)  # "civilians a monitor": the end of the clause before, then the subject
    described = _DESCRIBED_NAME.match(np)
    if described:
        np = described.group(1)  # "British-based monitor the Vale Observatory": the name the description precedes
    if re.search(r"\s(?:is|are|was|were)\s+\S", np):
        return ""  # a clause, not a noun phrase ("there are many children")
    np = re.sub(r"(?:’s|'s)$", "", np)
    np = np.strip()
    return "" if _CALENDAR_WORD.match(np) else np


_PARENTHETICAL_END = re.compile(r"^(.*?[^,]),\s*(?:(?:which|who|whose|where)\b[^,;:]*|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3}"
                                r"|(?:a|an|the|(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*(?:’s|'s))\s+[^,;:“”\"]{1,60}"
                                r"|(?:without|despite|after|before|during|in|on|at|with|for|from|by|[a-z]+ing)\s+[^,;:“”\"]{1,60}),\s*$",
                                re.S)


#: An adverb between a subject's closing comma and its verb ("Jo Roe, the envoy, also said").
_BEFORE_VERB_ADVERB = re.compile(r",\s*(?:also|then|later|again|now|still|further|separately|similarly|likewise|previously|earlier|"
                                 r"recently|(?:though|however|meanwhile|too|instead|in turn|in response),?)\s+$")
#: An attempt before the verb of speech ("Jo Roe tried to explain", "went on to say"): the subject still speaks.
_TRIED_TO = re.compile(r"\s+(?:attempted|tried|sought|went\s+on|rushed|hastened|was\s+quick|were\s+quick|"
                      r"(?:came|come|comes|stepped|step|steps)\s+forward)\s+to\s*$")
#: A verb of the subject's and its object before "and" and the cue ("Jo Roe called him and told him").
_ACTED_AND = re.compile(r"(?<=[A-Za-z])\s+(?:called|phoned|met|visited|contacted|emailed|texted|reached|thanked|urged|"
                        r"pressed|warned)\s+(?:him|her|them|us|me|reporters)\s+and\s+$")
#: A person's or body's account that posts ("Jo Roe’s Twitter account", "the ministry's official account").
_ACCOUNT = re.compile(r"((?-i:[A-Z])[\w.’'-]*(?:\s+(?-i:[A-Z])[\w.’'-]*){0,3})(?:’s|'s)\s+(?:(?:official|personal|verified|"
                      r"Twitter|X|Facebook|Instagram|Truth\s+Social|social\s+media)\s+)*(?:account|feed|page)$", re.I)
#: A sentence that opens with a name and an appositive never closed before its verb
#: ("Jo Roe, the member of parliament from the Vale Party said").
_UNCLOSED_APPOSITIVE = re.compile(r"^\s*([A-Z][\w’'-]+(?:\s+[A-Z][\w’'.-]+){1,3}),\s+(?:the|a|an)\s+[a-z][^,;:“”\"()]{2,100}$")


def _opening_name(before: str) -> str:
    """The name that opens a sentence before an appositive set off by commas, when the appositive is no
    name itself ("Jo Roe, Republican of Vale and the chairman of the committee, " -> "Jo Roe"); else ``""``."""
    match = re.match(r"\s*([A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,4}),\s+([^,;:“”\"()]{3,120}),\s*$", before)
    if not match or not re.search(r"\b(?:of|the|and|a|an|for|at|from|his|her|their|its)\b", match.group(2)):
        return ""
    name = match.group(1)
    if not (TITLED_NAME.match(name) or classify_source(name) == "person"):
        return ""
    return _clean_np(name)


def _skip_parenthetical(before: str) -> tuple[str, str]:
    """Split "X, which holds half of it, " and "The firm's director, Jane Roe, " before a verb.

    Returns ``(text before the aside, appositive name or "")``.
    """
    match = _PARENTHETICAL_END.match(before)
    if not match:
        return before, ""
    aside = before[len(match.group(1)):].strip(" ,")
    if re.match(r"(?:which|who|whose|where|a|an|the)\b|(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*(?:’s|'s)\s|[a-z]", aside):
        return match.group(1), ""  # "X, which ...," and "Jo Bell, the firm's director,": X is the subject
    return match.group(1), aside


def _subject_named(before: str, example: str, text: str, sentence_start: int, cue_start: int) -> str | None:
    """The named example of an unnamed subject ("Opposition parties (for example the Acme Party) said"):
    the named body speaks; ``None`` when there is no such example."""
    if not example:
        return None
    rest = re.sub(r"\s*\([^()]*\)(?=\s*\w)", "", before)
    subject = _subject_before(rest, 0, len(rest))
    head = re.split(r"\s(?:in|of|from|at)\s", subject)[0].split()[-1:] if subject else []
    return example if head and head[0].lower() in _vague() else None


#: A lower-case noun phrase, then where it is ("witness at the scene", "photographer in the city").
_PLACE_AFTER_HEAD = re.compile(r"^((?:[\w’'-]+\s+){0,2}[a-z][\w-]*)\s+(?:at|in|on|near|inside|outside|from)\s+(?:the\s+)?"
                               r"[a-z][\w-]*(?:\s+[a-z][\w-]*)?$")


def _subject_before(text: str, sentence_start: int, cue_start: int) -> str:
    # an aside in brackets is no clause break: "Opposition parties (for example X) have called for ..."
    # a party and state tag after a name ("Sen. Jo Roe, D-Ore., said") is no appositive
    before = re.sub(r",\s*[RDI]-[A-Z][A-Za-z.]{0,12},\s*$", " ", text[sentence_start:cue_start])  # "Roe, R-Ky., said"
    before = re.sub(r",\s*[RDI]-[A-Z][A-Za-z.]{0,12}(?=,)", "", before)
    example = re.search(r"\((?:for example|for instance|e\.g\.|such as|including|like|notably)\s+(?:the\s+)?"
                        r"([A-Z][\w’'‑-]*(?:\s+[A-Z][\w’'‑-]*)*)\s*\)\s*\w[^()]*$", before)
    named = _subject_named(before, example.group(1) if example else "", text, sentence_start, cue_start)
    if named is not None:
        return named
    before = re.sub(r"\s*\((?:for example|for instance|e\.g\.|such as|including|like|notably)\b[^()]*\)(?=\s*\w)", "", before)
    unadverbed = _BEFORE_VERB_ADVERB.sub(", ", before)  # "Jo Roe, the envoy, also said": the adverb is no part of the subject
    adverb, before = unadverbed != before, unadverbed
    if before.count(",") == 1:
        head, tail = before.split(",")
        if (adverb and not tail.strip()) or (tail.strip() and _TRAILING.fullmatch(" " + tail.strip())):
            # "Roe, however, said", "Roe, R-Ky., had previously said": the commas gone, the subject alone
            before = f"{head} {tail.strip()} " if tail.strip() else head + " "
    before = _TRIED_TO.sub(" ", before)  # "Jo Roe tried to explain": Roe's words, attempted or not
    before = _ACTED_AND.sub(" ", before)  # "Jo Roe called him and told him": Roe, the subject of both verbs
    if re.search(r",\s*$", before):
        opening = _opening_name(before)
        if opening:
            return opening  # "Jo Roe, Republican of Vale and the chairman of the committee, said"
        before, appositive = _skip_parenthetical(before)
        if appositive:
            return _clean_np(appositive)  # "Acme's director, Jo Bell, described": the named person
    unclosed = _UNCLOSED_APPOSITIVE.match(before)
    if unclosed and classify_source(unclosed.group(1)) == "person" and len(unclosed.group(1).split()) >= 2:
        return unclosed.group(1)  # "Jo Roe, the member of parliament from the Vale Party said": the comma never closes
    # a clause opened by "that" or a conjunction of time or cause: "Roe spoke after five senators urged ..."
    breaks = list(_CLAUSE_BREAK.finditer(before)) + list(re.finditer(
        r"\b(?:that|after|before|when|while|because|although|though|once|until)\s", before))
    breaks.sort(key=lambda m: m.end())
    clause = before[breaks[-1].end():] if breaks else before
    if not clause.strip() and re.search(r",\s*$", before):
        # "..., Senate Leader Jo Roe, said": an appositive name too long for the aside pattern
        named = _clean_np(re.split(r"[,;:“”\"()—–]", before.rstrip(" ,"))[-1])
        words = named.split()
        if words and words[-1].lower() in _vague() and len(words) <= MAX_SOURCE_WORDS:
            return named  # "Outside economists and trade experts, however, said": an unnamed source
        if not 2 <= len(words) <= 6 or not all(w[:1].isupper() or w in ("of", "the", "de", "al") for w in words):
            return ""
        titled = re.search(r"\b(?:Leader|Speaker|Secretary|Minister|President|Director|Chairman|Chief|Senator|Representative|"
                           r"Governor|Mayor|Ambassador|Spokes(?:man|woman|person))\s+[A-Z][\w’'-]+\s+[A-Z][\w’'-]+$", named)
        return named if titled or TITLED_NAME.search(named) or classify_source(named) == "person" else ""
    if re.search(r"\b(?:was|were|is|are|be|been|being)(?:\s+(?:\w+ly|often|long|still|now|also|not|even))*\s*$", clause, re.I):
        return ""  # passive ("was announced", "is often described"): the agent, if any, comes later
    np = _clean_np(clause)
    determined = _DETERMINER.match(_LEADING.sub("", clause.strip()))
    # the head before a phrase of place ("a witness at the scene", "a photographer in the city"): the noun that speaks
    placed = _PLACE_AFTER_HEAD.match(np)
    if determined and placed and placed.group(1).split()[-1] in _vague():
        return np
    if determined and np and len(np.split()) <= 3 and np.split()[-1].isalpha() and np.islower():
        head = np.split()[-1]
        if head in _vague() or np in _vague() or _ROLE_HEAD.match(head):
            return np  # "the bank indicated": an unnamed source
        return ""  # "the shipment says": a thing, not a source
    if np and len(np.split()) > MAX_SOURCE_WORDS:
        return _name_ending(np)  # "The speaker of the People's Council of Vale Jo Ann Roe said": the name
    if not np:
        return ""
    last = np.split()[-1]
    if all(w.lower() in function_words() and not w.isupper() for w in np.split()) and last.lower() not in _PRONOUN_PERSON | {"they"}:
        return ""  # "The reported agreement": an adjective, not a source
    if np.split()[0] in _SELF_FORMS or last.lower() == "it" or last in _I_CONTRACTIONS:
        return ""  # "My view", "It says": the writer, or no source
    if not (last[:1].isupper() or last.lower() in _vague() or last.lower() in _PRONOUN_PERSON | {"they"}
            or (_ROLE_HEAD.match(last.lower()) and last.lower() in _PEOPLE_ROLES) or _BROADCASTER.match(np)):
        return _account_owner(np)  # "Jo Roe’s account tweeted": Roe posts
    if last.lower() in _PRONOUN_PERSON | {"they"}:
        return last  # "... fired her after she complained": the pronoun is the subject, not the clause before it
    return np


def _account_owner(np: str) -> str:
    """The owner of an account that posts ("Jo Roe’s Twitter account tweeted"), or ``""``."""
    owner = _ACCOUNT.match(np)
    return owner.group(1) if owner else ""


def _name_ending(np: str) -> str:
    """The person's name that ends a long role phrase ("the speaker of the Assembly of Vale Jo Ann Roe"): its
    last two or three capitalised words, without a country's name or a word of a body before them; ``""``
    when it ends otherwise or is no role of something ("speaker of", "head of").

    >>> _name_ending("speaker of the People's Assembly of Vale Jo Ann Roe"), _name_ending("head of the Vale Ports Authority")
    ('Jo Ann Roe', '')
    """
    if not re.match(r"[a-z]+\s+of\s", np):
        return ""  # a clause ("On Monday President Jo Roe warned rebels in East Vale"), not a role and its holder
    words = np.split()
    tail: list[str] = []
    while words and words[-1][:1].isupper() and len(tail) < 3 and not _ORG_WORD.fullmatch(words[-1]) \
            and words[-1] not in territory_names():
        tail.insert(0, words.pop())
    name = " ".join(tail)
    return name if len(tail) >= 2 and classify_source(name) == "person" else ""


#: A part of a named body ("the Arabic-language desk of Acme News", "the press office of the Ministry").
_UNIT_OF = re.compile(r"(?:the\s+)?(?:[A-Z][\w’'.&-]*\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+of\s+(?:the\s+)?"
                      r"[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*(?:\s+(?:news agency|newspaper|agency))?")
#: A name right after "according to" in text without commas: capitalised words, joined by of/for/and/the.
_NAME_AFTER = re.compile(r"\s*((?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|the|de|al)\s+)*[A-Z][\w’'.&-]*)*)")
#: The last short noun phrase before a sentence-final reporting verb ("... on Wednesday a monitor said.").
_TRAILING_NP = re.compile(r"(?:^|\s)((?:(?:a|an|the)\s+)?(?:[A-Z][\w’'.-]*\s+){0,3}[A-Za-z][\w’'.-]*)(?:,?\s+\d{1,3},?)?\s*$")


def _name_after(text: str, start: int, end: int) -> str:
    """The capitalised name that opens ``text[start:end]`` ("Anadolu Agency the blast ..." -> "Anadolu Agency")."""
    match = _NAME_AFTER.match(text, start, end)
    if not match:
        return ""
    name = _clean_np(match.group(1))
    return name if name and len(name.split()) <= MAX_SOURCE_WORDS and name[:1].isupper() else ""


#: A person described by a role and what it is of, closing a sentence before its verb
#: ("... the member of parliament from the governing Vale Party said.").
_DESCRIBED_ROLE = re.compile(r"(?:^|[\s”\"])the\s+((?:[a-z][\w-]*\s+){0,2}(?:member of parliament|member|congressman|"
                             r"congresswoman|senator|lawmaker|legislator|minister|governor|mayor|ambassador|envoy)"
                             r"\s+(?:of|from|for)\s+[^,;:“”\"]{1,80}?)\s*$")


def _trailing_source(text: str, clause_start: int, cue_start: int, end: int) -> str:
    """The source of a reporting verb that closes its sentence without a comma before it
    ("... on Wednesday a monitor said.", "... the Observatory said in a statement."): the last
    short noun phrase before the verb, when its head is a name, a role or an unnamed source."""
    rest = text[cue_start:end]
    if not re.match(r"\w+(?:\s+(?:on|in|at|late|early|last|this)\b[^.;:]{0,40})?\s*[.!?”\"]*\s*$", rest):
        return ""
    described = _DESCRIBED_ROLE.search(text, clause_start, cue_start)
    if described:
        return _clean_np(described.group(1))  # "“...” the member of parliament from the Vale Party said": a person by role
    match = _TRAILING_NP.search(text, clause_start, cue_start)
    if not match:
        return ""
    np = _clean_np(match.group(1))
    words = np.split()
    if not words or words[-1].lower() in function_words():
        return ""
    head = words[-1]
    if head[:1].isupper() or head.lower() in _vague() or _ROLE_HEAD.match(head.lower()):
        return np
    return ""


def _np_after(text: str, start: int, end: int) -> str:
    match = _FOLLOWING_NP.match(text, start, end)
    if not match:
        return ""
    np = _clean_np(match.group(1))
    return np if np and len(np.split()) <= MAX_SOURCE_WORDS else ""


def _main_subject(text: str, sentence_start: int, cue_start: int) -> str:
    """The subject of a sentence's main clause, for participles ("..., adding")."""
    before = text[sentence_start:cue_start]
    match = re.search(r"(?:^|,\s+)((?:[A-Z][\w.’'&-]*\s+)*[A-Z][\w.’'&-]*)(?:,\s+(?:the|a|an)\s+[^,;:“”\"]{1,80},)?"
                      r"\s+(?:also\s+)?(?:[a-z]+ed|said|told|called|has|have|expressed)\b", before)
    if match:
        return _clean_np(match.group(1))
    unnamed = _UNNAMED_MAIN.match(before)
    head = unnamed.group("head").lower() if unnamed else ""
    return _clean_np(unnamed.group(1)) if head in _vague() or _ROLE_HEAD.match(head) else ""


#: Participles that report only after a comma ("were less forgiving, suggesting that ..."); without one they
#: qualify a noun ("an article suggesting three ways out").
_COMMA_PARTICIPLES = frozenset({"suggesting"})
#: A sentence opening with a group not named, then its verb ("Other officials in the Vale Party, including five
#: senators, were less forgiving, ...", "Senior officials rejected it, ..."): the subject of a participle's clause.
_UNNAMED_MAIN = re.compile(
    r"^\s*((?:(?-i:[A-Z])[a-z’'-]*\s+)?(?:[a-z][\w’'-]*\s+){0,3}(?P<head>[a-z]+)"
    r"(?:\s+(?:in|of|from|at)\s+(?:the\s+)?(?-i:[A-Z])[\w.’'&-]*(?:\s+(?-i:[A-Z])[\w.’'&-]*){0,3})?)"
    r"(?:,\s+(?:including|among them|such as)\s+[^,;:“”\"]{1,80},)?"
    r"\s+(?:also\s+)?(?:[a-z]+ed|said|told|called|has|have|had|were|was|are|is)\b")


#: A possessive noun of speech followed by a judgement of it ("Roe's comments were offensive"): the words are
#: the subject of someone else's verdict, not content the writer credits to Roe.
_JUDGED = re.compile(r"\s+(?:were|was|are|is|have been|had been)\s+(?:\w+ly\s+)?(?!(?:that|about|on|in|made|given|published|"
                     r"released|reported|issued|quoted|echoed)\b)[a-z]+", re.I)
#: A verb of judging right before a possessive noun of speech ("condemned Roe's comments").
_JUDGING_VERB = re.compile(r"\b(?:condemn|criticiz|criticis|denounc|slamm?|blast|reject|defend|disavow|distanc|repudiat|"
                           r"apologi[sz]|dismiss|mock|ridicul|praise|welcom)\w*\s+(?:(?:the|those|these)\s+)?$", re.I)
#: A possessive noun of speech as an event, with no words of it given: the subject of a verb of happening
#: ("Roe's comments Monday came at a time when ...") or after a preposition of time or cause ("involving Roe's comments").
_AS_EVENT_AFTER = re.compile(r"(?:\s+[\w’'.-]+){0,4}?\s+(?:came|come|comes|followed|follow|follows|sparked|sparks|drew|draws|"
                             r"prompted|prompts|caused|causes|triggered|triggers|led|leads)\b", re.I)
_AS_EVENT_BEFORE = re.compile(r"\b(?:involving|amid|over|since|despite|regarding|concerning)\s+(?:the\s+)?$", re.I)
#: A person's name right after an inverted reporting verb, particles of Arabic and European names included
#: ("said Omar al-Rashid a member of ...", "said Jo van Roe").
_INVERTED_NAME = re.compile(r"\s+([A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|(?:al|el|bin|ibn|de|van|von)-?[\w’'-]*)){1,3})(?=\s+(?:a|an|the)\s|[,.;]|\s*$)")
#: A plea entered in court after "pleaded" ("pleaded guilty", "pleaded not guilty"), not words reported.
#: What a source asked for, after a verb of saying: anonymity, no words reported ("insisted on anonymity").
_ANONYMITY = re.compile(r"\s+(?:on|upon)\s+(?:anonymity|not\s+being\s+(?:named|identified)|being\s+unnamed)\b", re.I)
_PLEA = re.compile(r"\s+(?:guilty|not\s+guilty|innocent|no\s+contest|the\s+fifth)\b", re.I)


def reported_from(attributions) -> int | None:
    """Where the words of the sentence's first reporting verb begin ("he said Ms. Roe ..."): what follows is the
    speaker's, not the writer's; ``None`` without one."""
    speech = [a.end for a in attributions if a.speech]
    return min(speech) if speech else None


def find_attributions(
    text: str,
    start: int,
    end: int,
    quotes: list[tuple[int, int]],
    known: dict[str, str] | None = None,
) -> list[Attribution]:
    """Attributions in the sentence ``text[start:end]``; offsets into ``text``.

    Cues inside quotation marks are ignored (they are the quoted speaker's).
    Reporting verbs count only when a source can be found for them; agentless
    forms ("reportedly", "reports suggest") always count, as ``vague``.
    """
    found: list[Attribution] = []
    clause_start = start  # a source never reaches back past an earlier cue
    reported_from = None  # where the words of a reporting verb begin ("says ..."), once one is met
    for match in _cues().find(text, start, end):
        if inside(quotes, match.start, match.end) or match.start < clause_start:
            continue
        kind = match.payload[0]
        surface = match.surface
        if surface.lower() in _COMMA_PARTICIPLES and not re.search(r",\s*$", text[start:match.start]):
            continue  # "an opinion article suggesting three ways out": the article's content, no one's words
        if _ANONYMITY.match(text, match.end, end):
            continue  # "the official insisted on anonymity": a term of the sourcing, not words reported
        if kind == "characterising_verb" and reported_from is not None:
            continue  # "It says ... the US sees value": a view inside the words reported, not a second source
        if kind == "speech_verb" and not surface.lower().endswith("ing"):
            reported_from = match.end
        if kind in ("speech_verb", "characterising_verb") and surface[:1].isupper() and match.start != start:
            continue  # "the United States", "Reports" as a noun
        if surface.lower().startswith("plead") and _PLEA.match(text, match.end, end):
            continue  # "pleaded guilty": a plea entered in court, not words reported
        if surface.lower() == "adding" and not _ADDED_WORDS.match(text, match.end, end):
            continue  # "keeping old ties but adding new ones", "adding to the pressure": nothing said
        if surface.lower() in ("counted", "counts") and not _COUNTED_NUMBER.match(text, match.end, end):
            continue  # "the votes were counted", "every vote counts": no toll given
        if surface.lower() in ("added", "adds", "add") and _ADDED_OBJECT.match(text, match.end, end):
            continue  # "Roe added his voice to the calls": an act, not words
        source = ""
        if kind == "source_follows" and surface.lower() == "citing" and found:
            # "X said ..., citing senators like Y": X's support for X's words, so X's cue; Y does not speak here
            source = found[-1].source
        elif kind == "source_follows":
            source = _np_after(text, match.end, end)
            name = _name_after(text, match.end, end)
            runs_on = source and re.match(r"\s*[.!?”\"]*\s*$", text[text.find(source, match.end, end) + len(source):end] if source in text[match.end:end] else "")
            after_name = source[len(name):].split()[:1] if source.startswith(name) else []
            if name and (not source or (runs_on and after_name and after_name[0].lower() in function_words())):
                source = name  # "According to Anadolu Agency the blast ...": no comma closes the name
            owner = _UNIT_OF.match(text, match.end + len(text[match.end:end]) - len(text[match.end:end].lstrip()), end)
            if owner:
                source = _clean_np(owner.group(0))  # "the Arabic desk of Acme News": the whole body, owner included
            bare = re.match(r"\s*([a-z]+)\b", text[match.end:end])
            if bare and bare.group(1) in _vague() and source != bare.group(1) and not source.startswith(bare.group(1) + " "):
                source = bare.group(1)
            elif bare and bare.group(1) in _vague() and len(source.split()) > 2:
                source = bare.group(1)  # "According to reports the strikes ...": the unnamed source alone
            if not source or source.split()[0].lower() in _SELF or all(w.lower() in function_words() for w in source.split()):
                continue  # "as per my analysis" is the writer speaking
            consumed = text.find(source, match.end, end)
            clause_start = consumed + len(source) if consumed != -1 else match.end
        elif kind == "agentless":
            words = [w for w in re.findall(r"[a-z]+", surface.lower()) if w in _vague()]
            source = words[-1] if words else ""
            if "press" in surface.lower() or "media" in surface.lower():
                source = " ".join(re.findall(r"[a-z]+", surface.lower())[-2:])
        elif kind == "possessive_noun":
            if re.match(r"\s+(?:[a-z]+\s+)?(?:" + _SPEECH_AFTER + r")\b", text[match.end:end]):
                continue  # "the X analysis concludes": the verb carries it
            possessor = _POSSESSOR.search(text, start, match.start)
            if not possessor or possessor.end() != match.start:
                continue
            if not re.search(r"(?:’s|'s)\s", possessor.group(0)) and \
                    re.search(r"\b(?:his|her|their|its|my|our|your)\s+$", text[start:possessor.start()], re.I):
                continue  # "her FBI interview": she gave it; the name says to whom, not who speaks
            if _JUDGED.match(text, match.end, end) or _JUDGING_VERB.search(text, max(start, possessor.start() - 40), possessor.start()):
                continue  # "Roe's comments were offensive", "condemned Roe's remarks": words judged, not words reported
            if not re.search(r"[“”\"]", text[match.end:end]) and (
                    _AS_EVENT_AFTER.match(text, match.end, end)
                    or _AS_EVENT_BEFORE.search(text, max(start, possessor.start() - 30), possessor.start())):
                continue  # "Roe's comments Monday came at a time ...", "involving Roe's comments": an event, no words given
            source = _clean_np(possessor.group(1))
            if not source or source.lower() in function_words():
                continue  # "In a statement", "During the interview": no possessor
        else:
            source = _subject_before(text, clause_start, match.start)
            if not source and found and re.fullmatch(r"\s*(?:,\s*)?(?:and|then|but)\s+(?:also\s+)?", text[clause_start:match.start]):
                source = found[-1].source  # "X said ... and said ...": the same speaker
            if not source and kind == "speech_verb":
                source = _trailing_source(text, clause_start, match.start, end)
            if not source and surface.lower().endswith("ing"):
                if match.start == start:
                    continue  # a fronted participle: the main verb carries the attribution
                # "X said ..., noting ...": the participle's speaker is the main clause's
                source = found[-1].source if found else _main_subject(text, start, match.start)
            if not source:
                # "..." said X, and the inverted "The toll rose, said the minister of health."
                inverted = (re.search(r"[”\"],?\s*$|,\s*$", text[start:match.start]) and kind == "speech_verb"
                            and not _NO_INVERSION.match(surface))
                if inverted:
                    source = _np_after(text, match.end, end)
                    if not source:  # "“...” said Omar al-Rashid a member of the ... group": the name, no comma after it
                        named = _INVERTED_NAME.match(text, match.end, end)
                        source = named.group(1) if named else ""
                    source = re.split(r"\s(?:said|says|told|added|adds)\b", source)[0]  # "said Jo Roe said of ...": Jo Roe
                    if re.search(r"\b(?:might|may|could|would|will|should|must|can|want|wants)\b", source):
                        source = ""  # "..., suggested Jo Roe might want to ...": a clause, not the speaker
                    heads = re.split(r"\s(?:of|for|at|in)\s", source)[0].split()[-1:] if source else []
                    if source and not (source[:1].isupper() or any(h.lower() in _vague() or _ROLE_HEAD.match(h.lower())
                                                                   for h in heads)):
                        source = ""  # "..., pleaded guilty", "..., said his rival lied": no speaker after the verb
            if not source:
                continue
        initial = text[start:end].lstrip(" \"“‘'(").startswith(source)
        source_type = classify_source(source, known, initial)
        at = text.rfind(source, start, match.start)
        if source_type == "person" and at != -1 and re.match(r"\s*,\s*which\b", text[at + len(source):match.start]):
            source_type = "organisation"  # "Barrick Gold, which holds ...": a thing, so not a person
        if source_type == "person" and re.search(r"\((?:for example|for instance|e\.g\.|such as|including|like|notably)\s+"
                                                 r"(?:the\s+)?" + re.escape(source), text[start:match.start]):
            source_type = "organisation"  # the named example of "parties", "groups": a body
        if source_type == "organisation" and at != -1 and re.match(r",?\s+\d{1,3}(?:,|\s+(?:said|says|told|added|a|an)\b)",
                                                                   text[at + len(source):match.start + 1]):
            source_type = "person"  # "Ali Kan, 24, said": a name with an age
        found.append(Attribution(match.start, match.end, surface, kind, source, source_type, kind == "speech_verb"))
        clause_start = max(clause_start, match.end)
    return found
