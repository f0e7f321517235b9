"""The side an article gives a person or a group: a party, an office of a state, a principal.

:func:`party_of` reads party tags; :func:`office_of` reads the office and the nationality or
principal an article writes before a name anywhere in it ("Norlandian President Jo Roe",
"senior Vale military official Al Kay", "Acme CEO Mo Vell", "Jo Roe, a spokeswoman for the ministry").

Parties:
News writing tags a politician with a party beside the name: "Sen. Jo Roe (R-Vale.)",
"Jo Roe, R-Vale., said", "Jo Roe, Democrat of Vale", "Jo Roe, a Republican", "Republican Sen. Jo Roe",
"Labour MP Jo Roe". A group may carry it in its own words ("Senate Democrats",
"fellow Republicans"). :func:`party_of` reads those tags; a person tagged with two
parties in one corpus (two persons of one surname) gets none.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Party words and the side each gives (US parties as the short tags "R-", "D-", "I-" write them; the
#: main UK parties by the names British papers use before "MP").
PARTIES = {
    "R": "Republican", "D": "Democrat", "I": "Independent",
    "republican": "Republican", "republicans": "Republican",
    "democrat": "Democrat", "democrats": "Democrat", "democratic": "Democrat",
    "independent": "Independent",
    "labour": "Labour", "conservative": "Conservative", "conservatives": "Conservative", "tory": "Conservative",
    "tories": "Conservative", "gop": "Republican",
}
_WORD = r"(Republicans?|Democrats?|Democratic|GOP|Labour|Conservatives?|Tory|Tories)"
#: Titles that stand between a party word and a name ("Republican Sen. Jo Roe", "Labour MP Jo Roe").
_TITLE = (r"(?:(?:presidential|vice-presidential|Senate|House|gubernatorial|party|Party)\s+)?"
          r"(?:Sen\.|Senator|Rep\.|Representative|Gov\.|Governor|Congressman|Congresswoman|Speaker|Leader|"
          r"leader|MP|member\s+of\s+parliament|candidate|nominee|lawmaker|senator|representative|congressman|congresswoman|peer|"
          r"hopeful|chairman|chairwoman|strategist|operative)")
#: A group named by its party ("Senate Democrats", "fellow Republicans", "House Republicans").
_GROUP = re.compile(r"\b(Republicans?|Democrats?|Democratic|GOP|Labour|Conservatives?|Tory|Tories)\b")


@lru_cache(maxsize=4096)
def _patterns(name: str) -> tuple[re.Pattern, ...]:
    n = re.escape(name)
    return (
        re.compile(n + r"\s*\(([RDI])[-–]\s?[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\)"),  # "Roe (R-Vale.)"
        re.compile(n + r",\s+([RDI])[-–][A-Z][\w.]*(?:\s[A-Z][\w.]*)?,"),  # "Roe, R-Vale.,"
        # "Roe, a Republican", "Roe, the Labour leader", "Roe of Vale, the Democratic leader"
        re.compile(n + r"(?:\s+of\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?,\s+(?:a|the)\s+(?:[\w-]+\s+)?" + _WORD + r"\b"),
        re.compile(n + r",\s+" + _WORD + r"\s+(?:of|from)\s+[A-Z]"),  # "Roe, Democrat of Vale"
        re.compile(r"\b" + _WORD + r"\s+" + _TITLE + r"\s+(?:[A-Z][\w.’'-]*\s+){0,2}" + n + r"\b"),  # "Republican Sen. Jo Roe"
    )


def party_of(name: str, texts: list[str] | tuple[str, ...], surname: bool = True) -> str:
    """The party the texts give ``name`` (a person's full name or surname, or a group), or ``""``.

    With ``surname``, a tag on the surname alone ("Roe (R-Vale.)") counts too; pass ``False`` when the
    corpus names two persons of that surname.

    >>> party_of("Jo Roe", ["Sen. Jo Roe (R-Vale.) said so.", "Roe spoke."])
    'Republican'
    >>> party_of("Al Kay", ["Representative Al Kay, Democrat of Norland, said"])
    'Democrat'
    >>> party_of("Mo Kay", ["Democratic presidential nominee Mo Kay said"])
    'Democrat'
    >>> party_of("Jo Roe", ["Senator Jo Roe of New Vale, the Democratic leader, asked"]), party_of("Al Kay", ["GOP nominee Al Kay"])
    ('Democrat', 'Republican')
    >>> party_of("Senate Democrats", []), party_of("few of his GOP colleagues", [])
    ('Democrat', 'Republican')
    >>> party_of("Jo Roe", ["Jo Roe (R-Vale.) and Jo Roe (D-Norby.)"])
    ''
    >>> party_of("Jo Roe", ["They attacked Roe, Democrats and the press."])
    ''
    """
    group = _GROUP.search(name)
    if group:
        return PARTIES[group.group(1).lower()]
    if not name or not name[:1].isupper():
        return ""
    found: set[str] = set()
    last = name.split()[-1]
    for form in {name, last} if surname and len(last) >= 3 else {name}:
        for pattern in _patterns(form):
            for text in texts:
                for match in pattern.finditer(text):
                    word = match.group(1)
                    found.add(PARTIES.get(word, PARTIES.get(word.lower(), "")))
    found.discard("")
    return found.pop() if len(found) == 1 else ""


#: Capitalised titles of an office of a state, written right before the holder's name.
_OFFICE = (r"(?:(?:Senate|House|Majority|Minority)\s+(?:[A-Z][a-z]+\s+)?Leader|Vice\s+President|President|Prime\s+Minister|(?:[A-Z][a-z]+\s+)?Minister|(?:[A-Z][a-z]+\s+)?Secretary|"
           r"Senator|Sen\.|Rep\.|Representative|Governor|Gov\.|Speaker|Chancellor|King|Queen|Emir|Ambassador|"
           r"Mayor|Premier)")
#: Titles of a seat in a legislature or a province, before which a place is the seat's, not a side.
_SEAT = re.compile(r"Senator|Sen\.|Rep\.|Representative|Governor|Gov\.|Mayor")
#: Lower-case roles of a state's servant ("a senior Vale military official Jo Roe").
_OFFICIAL_ROLE = r"(?:official|minister|diplomat|ambassador|envoy|spokes(?:man|woman|person))"
#: Roles that speak for a principal named before them ("Acme CEO Jo Roe") or after "for" ("a spokeswoman for Acme").
_AGENT_ROLE = (r"(?:CEO|chief\s+executive|chairman|chairwoman|spokes(?:man|woman|person)|lawyer|attorney|"
               r"chief\s+of\s+staff|aide|adviser|advisor|press\s+secretary|commercial\s+director|director|"
               r"(?:aid\s+|rights\s+|relief\s+)?chief|envoy|secretary-general)")
#: A demonym or a short state name ("Norlandian", "US", "U.S.").
_NATION = r"(?:U\.S\.|US|UK|U\.K\.|[A-Z][a-z]+(?:ese|ian|an|i|ish|ch))"
#: A word of a proper name, with the Arabic article ("Ahrar al-Sham").
_PROPER = r"(?:[A-Z][\w&.-]*|(?:al|el)-[A-Z][\w-]*)"
#: Words that make the office a past or a coming one ("former President", "President-elect").
_NOT_HELD = re.compile(r"(?:former|ex-|late|then-|outgoing)\s*$", re.I)


@lru_cache(maxsize=4096)
def _office_patterns(name: str) -> tuple[re.Pattern, ...]:
    n = re.escape(name)
    return (
        re.compile(r"(?:\b(" + _NATION + r")\s+)?\b(" + _OFFICE + r")\s+(?:[A-Z][\w.’'-]*\s+){0,2}" + n + r"\b(?![-‐‑]elect)"),
        re.compile(r"\b(" + _NATION + r")\s+(?:[a-z]+\s+){0,3}" + _OFFICIAL_ROLE + r"\s+(?:[A-Z][\w.’'-]*\s+){0,2}" + n + r"\b"),
        re.compile(r"\b((?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*?)(?:’s|'s)?(?:\s+[a-z]+){0,2}?\s+" + _AGENT_ROLE
                   + r",?\s+" + n + r"\b"),
        # "Roe, a spokeswoman for Acme", "Roe a military commander and spokesman for the Vale Front" (no comma)
        re.compile(n + r"(?:,\s+(?:(?:a|an|the)\s+)?|\s+(?:a|an|the)\s+)(?:[a-z-]+\s+(?:and\s+)?){0,3}?" + _AGENT_ROLE
                   + r"\s+(?:for|of)\s+(?:the\s+)?(" + _PROPER + r"(?:\s+" + _PROPER + r"){0,3})"),
        # "the speaker of the People's Council of Vale Jo Roe": the office of a body of a state, and the state
        re.compile(r"\b(?:[Ss]peaker|[Pp]resident|[Cc]hairman|[Cc]hairwoman|[Hh]ead|[Ll]eader)\s+of\s+(?:the\s+)?"
                   r"(?:[A-Z][\w’'-]*\s+){1,4}of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\s+" + n + r"\b"),
    )


def _state_spokesperson(name: str) -> re.Pattern:
    """A person named as the spokesperson of a state body written in small letters ("a spokeswoman for the
    department", "the ministry's spokesman")."""
    return re.compile(re.escape(name) + r",\s+(?:(?:a|an|the)\s+)?(?:[a-z]+\s+)?(?:spokes(?:man|woman|person)|press\s+secretary)"
                      r"\s+(?:for|of|at)\s+the\s+(?:department|ministry|administration|government|embassy|white\s+house|"
                      r"state\s+department|foreign\s+office|interior\s+ministry|cabinet|presidency|kremlin)\b", re.I)


def office_of(name: str, texts: list[str] | tuple[str, ...]) -> tuple[bool, str]:
    """Whether the texts give ``name`` (a person's full name) an office of a state, and the side they give it
    (a nationality or the principal the person speaks for), ``""`` when none or several.

    >>> office_of("Jo Roe", ["Norlandian President Jo Roe spoke."])
    (True, 'Norlandian')
    >>> office_of("Al Kay", ["a senior Valean military official Al Kay said"])
    (True, 'Valean')
    >>> office_of("Mo Vell", ["Acme CEO Mo Vell said"]), office_of("Jo Bell", ["Jo Bell, a spokeswoman for Vale Rail, said"])
    ((False, 'Acme'), (False, 'Vale Rail'))
    >>> office_of("Mo Vell", ["Acme’s commercial director, Mo Vell, said"]), office_of("Al Kay", ["The UN aid chief Al Kay said"])
    ((False, 'Acme'), (False, 'UN'))
    >>> office_of("Mo Vell", ["Acme’s former communications director, Mo Vell, said"])
    (False, '')
    >>> office_of("Jo Roe", ["former President Jo Roe said"]), office_of("Al Kay", ["Norlandi Sen. Al Kay said"])
    ((False, ''), (True, ''))
    >>> office_of("Jo Ann Roe", ["The speaker of the People's Council of Norland Jo Ann Roe said"])
    (True, 'Norland')
    >>> office_of("Al Kay", ["Al Kay, spokesman for the Vale Front, said"])
    (False, 'Vale Front')
    >>> office_of("Al Kay", ["said Al Kay a military commander and spokesman for Ahrar al-Vale. He said"])
    (False, 'Ahrar al-Vale')
    >>> office_of("Jo Bell", ["“We will not pay,” Jo Bell, a spokeswoman for the department, said."])
    (True, '')
    """
    if len(name.split()) < 2:
        return False, ""
    office, sides = False, set()
    titled, official, agent_before, agent_after, body_of_state = _office_patterns(name)
    for text in texts:
        if name not in text:
            continue
        for match in titled.finditer(text):
            if _NOT_HELD.search(text[max(0, match.start() - 12):match.start(2)]):
                continue
            office = True
            if match.group(1) and not _SEAT.fullmatch(match.group(2)):
                sides.add(match.group(1).replace(".", ""))  # "Vale Sen. Jo Roe": the state Roe sits for, no side
        for match in official.finditer(text):
            office = True
            sides.add(match.group(1).replace(".", ""))
        for match in body_of_state.finditer(text):
            office = True
            sides.add(match.group(1))
        if _state_spokesperson(name).search(text):
            office = True  # "Jo Roe, a spokeswoman for the department, said": the department speaks through Roe
        for match in list(agent_before.finditer(text)) + list(agent_after.finditer(text)):
            if re.search(r"\b(?:former|ex-|onetime|one-time)", match.group(0), re.I):
                continue  # "Vale's former communications director": no longer speaks for Vale
            principal = re.sub(r"^(?:(?:The|A|An)\s+|" + _OFFICE + r"\s+)", "", match.group(1))
            principal = re.sub(r"(?<=[a-z])\.$", "", principal)  # the sentence's full stop, not "U.S."
            if principal and principal[:1].isupper() and principal.split()[-1] not in ("President", "Minister"):
                sides.add(principal)
    return office, (sides.pop() if len(sides) == 1 else "")
