"""Speakers: the persons an article names, and the one a pronoun ("he said") stands for.

One binding, used by the attribution table (:func:`toolkit.measures.stance.stance`) and by
the voices table (:func:`toolkit.compare.voices.voices`), so the two agree on who is the
source of each citation. A person is named with a title ("Mr. Jo Roe"), after a role word
("spokesman Jo Roe"), with an age or role after the name ("Ali Kan, 24,"), or as two or
three capitalised words that read as a person's name. A pronoun is the one person named in
the nearest sentence before it that names any, or the one of several that is cited there;
in its own sentence, a person cited before it ("Roe said ..., and he added").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import function_words
from ..text.dates import MONTHS, WEEKDAYS
from ..text.quotes import inside, quoted_spans
from .attribution import TITLED_NAME, classify_source, is_organisation_name, territory_names

#: A demonym (Kenyan, Russian, British, Sudanese...) by its endings.
DEMONYM = re.compile(r"\b([A-Z][a-z]+(?:ese|ian|an|i|ish|ch))\b")
#: Pronouns that stand for one person.
PRONOUNS = frozenset({"he", "she", "his", "her"})
#: Names of days and months, which are never persons.
CALENDAR = frozenset(WEEKDAYS) | frozenset(MONTHS)
#: Sentences back, before the pronoun's own, a pronoun may reach for the person it stands for.
PRONOUN_REACH = 2


_MALE_TITLE = re.compile(r"^(?:Mr\.?|Sir|Lord|King|Prince)\s")
_FEMALE_TITLE = re.compile(r"^(?:Mrs\.?|Ms\.?|Miss|Dame|Lady|Queen|Princess)\s")
#: Titles and roles written before a person's name ("Foreign Minister", "Rep.", "spokesman").
TITLE_WORDS = frozenset("""mr mr. mrs mrs. ms ms. dr dr. prof prof. sir lord dame lady king queen prince princess pope
president vice prime minister secretary senator sen. rep. representative gov. governor mayor ambassador envoy chief director
chairman chairwoman chair speaker leader judge justice general gen. commander spokesman spokeswoman spokesperson chancellor
premier lawyer attorney adviser advisor official candidate nominee correspondent reporter resident activist""".split())
#: Lower-case role words right before a name ("spokesman Jo Roe", "resident Ali Kan"): the name is a person.
_ROLE_BEFORE = re.compile(r"\b(?:spokes(?:man|woman|person)|commander|resident|minister|president|premier|senator|governor|"
                          r"mayor|ambassador|envoy|chief|director|chairman|chairwoman|leader|lawmaker|official|adviser|advisor|"
                          r"analyst|expert|lawyer|attorney|judge|witness|activist|doctor|nurse|medic|fighter|teacher|student|"
                          r"worker|farmer|father|mother|son|daughter|wife|husband|brother|sister|journalist|reporter|"
                          r"correspondent|candidate|nominee|secretary|representative|member|colleague|friend|neighbou?r)\s+"
                          r"((?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'-]+)")
#: A name with an age or a role after it ("Ali Kan, 24, a resident", "Jo Roe, a local farmer").
_NAME_WITH_AGE = re.compile(r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'.-]+){0,3}),?\s+(?:\d{1,3}(?:,|\s+(?:said|says|told|added)\b)|(?:a|an)\s+(?:[\w-]+\s+){0,3}?"
                            r"(?:resident|witness|activist|doctor|nurse|medic|fighter|teacher|student|worker|farmer|father|"
                            r"mother|journalist|reporter|official|commander|spokes(?:man|woman|person)|member|lawyer|analyst|"
                            r"expert|leader|volunteer)\b)")
#: Capitalised words that open a clause, not a name ("Despite Jo Roe", "Speaking Tuesday").
_NOT_A_NAME = re.compile(r"(?:As|Despite|Although|Because|While|When|Whereas|Though|Since|Until|Unless|After|Before|Than|"
                         r"Elsewhere|Meanwhile|Speaking|Asked|According|Like|Unlike|Even|If|Once|Only|"
                         r"New|Old|North|South|East|West|Northern|Southern|Eastern|Western|Upper|Lower|Greater|Central|Great|"
                         r"United|Saint|St\.)\b")
#: Sentence adverbs before a name ("Later Jo Roe said").
_LEAD_ADVERB = re.compile(r"Later|Earlier|Then|Now|Also|Still|However|Meanwhile|Elsewhere|Yesterday|Today|Separately|Instead|"
                          r"Previously|Finally|Eventually|[A-Z][a-z]{3,}(?:ally|edly|ently|antly|ously|ively|ately)")
#: A run of capitalised words (a name candidate).
_CAPITAL_RUN = re.compile(r"(?<![\w’'.-])[A-Z][\w’'.-]*(?:\s+(?:(?:al|de|van|von|bin|ibn|abu)[\s-])?[A-Z][\w’'.-]*)*")
#: Words before a capitalised run that make it a place ("in Lakeside", "from North Vale").
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|near|across|into|outside|inside|around|toward|towards|through|throughout|of|"
                           r"over|on|via|between)\s+$", re.I)


def _gender_clash(pronoun: str, name: str, genders: dict[str, str] | None = None) -> bool:
    """Whether a name's title, or the title the article gives the surname elsewhere ("Ms. Roe"),
    rules the pronoun out ("she" cannot be "Mr. Roe").

    >>> _gender_clash("she", "Mr. Jo Roe"), _gender_clash("he", "Mr. Jo Roe"), _gender_clash("she", "Jo Roe")
    (True, False, False)
    >>> _gender_clash("he", "Jo Roe", {"roe": "she"})
    True
    """
    pronoun = pronoun.lower()
    known = (genders or {}).get(surname(name)) if name else None
    if pronoun in ("she", "her"):
        return bool(_MALE_TITLE.match(name)) or known == "he"
    if pronoun in ("he", "his"):
        return bool(_FEMALE_TITLE.match(name)) or known == "she"
    return False


def title_genders(sentences) -> dict[str, str]:
    """Surnames an article gives a gendered title ("Mr. Roe", "Ms. Kay"): surname -> "he" or "she"."""
    out: dict[str, str] = {}
    for sentence in sentences:
        for title, name in re.findall(r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\w’'-]+\s+)?([A-Z][\w’'-]+)", sentence):
            out.setdefault(name.lower(), "he" if title == "Mr" else "she")
    return out


def _title_word(word: str) -> bool:
    """A title or role before a name, also one to come or just elected ("Speaker-to-be", "President-elect")."""
    return word.lower().removesuffix("-elect").removesuffix("-to-be").removesuffix("-designate") in TITLE_WORDS


def name_core(voice: str) -> str:
    """A person's name without the titles and roles before it or the place after it.

    >>> [name_core(v) for v in ["House Speaker Jo Roe", "Mr. Roe", "the firm's lawyer Ann B. Lee", "Senator Al Kay of Vale",
    ...                         "President Omar al-Rashid"]]
    ['Jo Roe', 'Roe', 'Ann B. Lee', 'Al Kay', 'Omar al-Rashid']
    """
    voice = re.split(r"\s(?:of|from|in|at)\s", voice.strip())[0]
    voice = re.sub(r"(?:’s|'s)$", "", voice)
    words = voice.split()
    tail = len(words)
    while tail > 0 and (words[tail - 1][:1].isupper() or re.match(r"(?:al|el|bin|ibn)-[A-Z]", words[tail - 1])):
        tail -= 1  # a name word, or one with its particle ("al-Rashid")
    run = words[tail:]
    titles = [i for i, w in enumerate(run) if _title_word(w)]
    if titles:
        run = run[titles[-1] + 1:]
    while len(run) > 1 and (run[0].isupper() or (DEMONYM.fullmatch(run[0]) and run[1].isupper())):
        run = run[1:]  # "British FM Johnson": the side and the role, not the name
    return " ".join(run)


def surname(name: str) -> str:
    """A person's surname, lower case, without an Arabic article ("Omar al-Rashid" -> "rashid")."""
    words = name_core(name).split()
    return re.sub(r"^(?:al|el|al|as|ash|ad)-", "", words[-1].lower()) if words else ""


def person_mentions(sentence: str) -> list[tuple[int, str]]:
    """Persons named in a sentence, outside quotation marks: ``(position, name)``.

    A person is a titled name ("Mr. Jo Roe", "Minister Al Kay"), a name after a role word
    ("spokesman Jo Roe"), a name with an age or role after it ("Ali Kan, 24,"), or a
    capitalised run of two or three words that reads as a person's name and does not follow
    a preposition of place.

    >>> person_mentions("Vale spokesman Jo Roe met Ali Kan, 24, in North Vale.")
    [(15, 'Jo Roe'), (26, 'Ali Kan')]
    """
    return list(_person_mentions(sentence))


@lru_cache(maxsize=65536)
def _person_mentions(sentence: str) -> tuple[tuple[int, str], ...]:
    """:func:`person_mentions`, cached: the attribution and the voices tables read the same sentences."""
    quoted = quoted_spans(sentence)
    found: dict[int, str] = {}

    def add(at: int, name: str) -> None:
        if not inside(quoted, at, at + len(name)) and name.split()[-1].lower() not in CALENDAR:
            found.setdefault(at, name)

    for match in TITLED_NAME.finditer(sentence):
        add(match.start(), match.group(0))
    for pattern in (_ROLE_BEFORE, _NAME_WITH_AGE):
        for match in pattern.finditer(sentence):
            add(match.start(1), match.group(1))
    for match in _CAPITAL_RUN.finditer(sentence):
        run = re.sub(r"(?<=[\w’'-]{2})\.$", "", match.group(0))  # a full stop after the name, not an initial
        words = run.split()
        lead = 0
        while lead < len(words) and (words[lead].lower() in function_words() or words[lead].lower() in TITLE_WORDS
                                     or _LEAD_ADVERB.fullmatch(words[lead])):
            lead += 1
        titles = [i for i, w in enumerate(words) if _title_word(w) and i >= lead]
        if titles and len(words) - titles[-1] > 2:
            lead = titles[-1] + 1  # "Senate Majority Leader Jo Roe": the name after the title
        name = " ".join(words[lead:])
        determined = bool(lead) and words[0].lower() in ("the", "a", "an")
        if not 2 <= len(name.split()) <= 3 or _PLACE_BEFORE.search(sentence[:match.start()]) or determined:
            continue  # "in North Vale", "the Rose Garden": a place or a thing
        if re.search(r"\b(?:the|a|an)\s+$", sentence[:match.start()], re.I):
            continue
        if _person_name(name):
            at = match.start() + len(run) - len(name)
            if not any(a <= at < a + len(n) for a, n in found.items()):
                add(at, name)
    return tuple(sorted(found.items()))


@lru_cache(maxsize=65536)
def _person_name(name: str) -> bool:
    """Whether a run of two or three capitalised words reads as a person's name (cached: names recur)."""
    words = name.split()
    return not (is_organisation_name(name) or _NOT_A_NAME.match(name)) and classify_source(name) == "person" \
        and not any(w.lower() in function_words() or re.fullmatch(r"[A-Z]{2,}", w) for w in words) \
        and sum(w in territory_names() for w in words) < 2  # "Norway Sweden UN chief": headlines run together


def _surname_mentions(sentence: str, people: dict[str, str]) -> list[tuple[int, str]]:
    """Later mentions, by surname alone, of persons named before ("Roe" after "Jo Roe")."""
    quoted = quoted_spans(sentence)
    out = []
    for match in re.finditer(r"(?<![\w’'-])[A-Z][\w’'-]+", sentence):
        name = people.get(match.group(0).lower())
        if name and not inside(quoted, match.start(), match.end()):
            out.append((match.start(), name))
    return out


def corpus_people(by_doc: dict[str, dict[int, str]]) -> dict[str, str]:
    """Persons a corpus names (:func:`person_mentions`), by surname: the first full name, else a titled one.

    >>> corpus_people({"a": {0: "President Roe met Ann Kay.", 1: "Later Jo Roe spoke."}})
    {'kay': 'Ann Kay', 'roe': 'Jo Roe'}
    """
    full: dict[str, str] = {}
    titled: dict[str, str] = {}
    for doc in by_doc.values():
        for sid in sorted(doc):
            for _, name in person_mentions(doc[sid]):
                (full if len(name_core(name).split()) >= 2 else titled).setdefault(surname(name), name)
    return {**{k: v for k, v in titled.items() if k not in full}, **full}


def resolve_pronoun(pronoun: str, doc_sentences: dict[int, str], sid: int, cited: dict[int, list[str]],
                    people: dict[str, str], genders: dict[str, str] | None = None, at: int | None = None) -> str:
    """The person a pronoun stands for, or ``""``.

    In its own sentence: a person cited before it ("Roe said ..., and he added"), else the one
    person the sentence opens with, before the pronoun at ``at`` ("Rep. Jo Roe is resigning, he
    announced"). Else, in the nearest of the :data:`PRONOUN_REACH` sentences before it that names
    or cites a person: the one person named or cited there, or the one of several that is cited.
    A person whose title or gender the article gives otherwise is skipped ("she" is no "Mr. Roe").
    """
    own = [v for v in cited.get(sid, []) if not _gender_clash(pronoun, v, genders)]
    if own:
        return own[-1]
    sentence = doc_sentences.get(sid, "")
    if at is not None and 0 < at <= len(sentence):
        opening = [(p, n) for p, n in person_mentions(sentence[:at]) + _surname_mentions(sentence[:at], people)
                   if not _gender_clash(pronoun, n, genders)]
        subjects = {surname(n) for p, n in opening if not re.search(r"[,;:“”\"(]|\b[a-z]+\b", sentence[:p])}
        if len(subjects) == 1 and len({surname(n) for _, n in opening}) == 1:
            return min(opening)[1]  # the sentence's subject, named before the pronoun and alone
    for back in range(1, PRONOUN_REACH + 1):
        sentence = doc_sentences.get(sid - back)
        if sentence is None:
            continue
        speakers = {surname(v): v for v in cited.get(sid - back, []) if not _gender_clash(pronoun, v, genders)}
        named = person_mentions(sentence) + _surname_mentions(sentence, people)
        named = [(p, n) for p, n in named if not _gender_clash(pronoun, n, genders)]
        if not named and not speakers:
            continue
        persons = {}
        for _, name in sorted(named):
            persons.setdefault(surname(name), name)
        if not named:
            persons = dict(speakers)  # persons cited there that no pattern names ("Roe, D-Ohio, said")
        if len(persons) == 1:
            key = next(iter(persons))
            return speakers.get(key, persons[key])  # as the citation names them
        hits = set(speakers) & set(persons)
        if len(hits) == 1:
            return speakers[hits.pop()]
        return ""  # several persons, none of them the one cited: too close to call
    return ""


def pronoun_subject(sentence: str, at: int, length: int, source: str) -> str:
    """The pronoun a cue's source stands in for, when the source's words are not in the sentence
    and "he" or "she" is the cue's subject ("he said", "she also told", "said he").

    >>> text = "“It is done,” he told reporters."
    >>> pronoun_subject(text, text.find("told"), 4, "Jo Roe"), pronoun_subject("Roe said so.", 4, 4, "Roe")
    ('he', '')
    """
    if not source or source in sentence or not 0 <= at <= len(sentence):
        return ""
    before = re.search(r"(?<![\w’'-])([Hh]e|[Ss]he)\s+(?:[a-z]+ly\s+|also\s+|then\s+)?$", sentence[:at])
    after = re.match(r"\s+(he|she)\b", sentence[at + length:])
    found = before or after
    return found.group(1).lower() if found else ""


class PronounBinder:
    """The persons one article names and cites, to bind its pronouns (:func:`resolve_pronoun`).

    Built from the article's sentences alone (``sentence_id -> text``), so a binding does not
    depend on which other articles are analysed with it. Cite each person source in text
    order with :meth:`cite`; :meth:`bind` then gives the person a "he" or "she" stands for.

    >>> binder = PronounBinder({0: "Vale spokesman Omar Vell described the damage.", 1: "“It is bad,” he said."})
    >>> binder.bind("he", 1)
    'Omar Vell'

    A person a pronoun was bound to keeps that pronoun's gender in the article:

    >>> binder = PronounBinder({0: "Omar Vell spoke.", 1: "“It is bad,” he said.",
    ...                         2: "Vell answered a question from lawmaker Ann Roe, who asked for aid.", 3: "“Send it,” she said."})
    >>> binder.bind("he", 1), binder.bind("she", 3)
    ('Omar Vell', 'Ann Roe')
    """

    def __init__(self, sentences: dict[int, str]):
        self.sentences = sentences
        self.cited: dict[int, list[str]] = {}
        self._people: dict[str, str] | None = None
        self._genders: dict[str, str] | None = None

    def cite(self, sentence_id: int, source: str) -> None:
        """Record a person cited in a sentence (in text order)."""
        if source and source.lower() not in PRONOUNS:
            self.cited.setdefault(sentence_id, []).append(source)

    def bind(self, pronoun: str, sentence_id: int, at: int | None = None, learn: bool = True) -> str:
        """The person ``pronoun`` (he, she) stands for in sentence ``sentence_id``, or ``""``; ``at`` is
        where the pronoun's cue starts in the sentence. ``learn``: the person keeps the pronoun's gender."""
        if self._people is None:  # read the article's names once, and only when a pronoun needs them
            self._people = corpus_people({"": self.sentences})
            self._genders = title_genders(self.sentences.values())
        people = dict(self._people)
        for sources in self.cited.values():  # persons cited in full so far: "Roe" later is one of them
            for source in sources:
                if len(name_core(source).split()) >= 2:
                    people.setdefault(surname(source), source)
        name = re.sub(r"(?:’s|'s)$", "", resolve_pronoun(pronoun, self.sentences, sentence_id, self.cited, people,
                                                          self._genders, at))  # "Roe’s plan ... he said": Roe
        if name and learn and pronoun.lower() in ("he", "she"):
            self._genders.setdefault(surname(name), pronoun.lower())  # "he" once, never "she" later
        full = name_core(self._people.get(surname(name), "")) if name else ""
        if len(name_core(name).split()) < 2 and len(full.split()) >= 2:
            return full  # "Roe" of a "Jo Roe" the article names: the full name
        return name
