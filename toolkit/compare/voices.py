"""Voices: who each source lets speak, how (quoted or paraphrased), and who speaks in none.

Built on the attributions of the stance table (:mod:`toolkit.measures.attribution`):
every cited source becomes a voice with a type (``person``, ``organisation``,
``government`` for officials and state bodies, ``outlet``, ``vague``), the
side it is said to belong to when the text names one ("Kenyan officials",
"Norland's finance minister", "US officials"), whether its words are quoted
directly or paraphrased, and whether they come second-hand from another
outlet. A pronoun ("he said") is the last named person cited in the same
article, within a few sentences.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ..lexicons import function_words
from ..measures.attribution import ORG_WORD, TITLED_NAME, classify_source, is_organisation_name
from ..text.dates import MONTHS, WEEKDAYS
from ..text.quotes import inside, quoted_spans

COLUMNS = ["voice", "voice_type", "side", "mode", "from_outlet", "source", "doc_id", "sentence_id", "start", "end",
           "cue", "wording", "variant"]
#: Words of an official or state source (general titles and bodies). A commander or general alone
#: is not one: rebels and militias have them too.
_GOVERNMENT = re.compile(
    r"\b(?:minister|ministry|officials?|government|president|prime minister|premier|embassy|department|spokes(?:man|woman|person)|"
    r"army|military|police|authorities|senator|governor|ambassador|secretary|chargé|charge d|parliament|congress|"
    r"white house|kremlin|cabinet|foreign office|state media|lawmakers?|mayor|chancellor)\b", re.I)
#: Words of an armed or political group outside the state ("a rebel commander", "militia spokesman").
_NON_STATE = re.compile(r"\b(?:rebels?|militias?|insurgents?|opposition|jihadists?|militants?|guerrillas?|fighters?)\b", re.I)
#: A demonym (Kenyan, Russian, British, Sudanese...) by its endings.
_DEMONYM = re.compile(r"\b([A-Z][a-z]+(?:ese|ian|an|i|ish|ch))\b")
_POSSESSIVE = re.compile(r"\b([A-Z][\w.]+)(?:’s|'s)\s")
_SHORT_STATE = re.compile(r"^(?:U\.S\.|US|UK|U\.K\.|EU|UN)\b")
#: Pronouns that stand for one person.
_PRONOUNS = frozenset({"he", "she", "his", "her"})
#: Short names of :data:`_SHORT_STATE` that are unions of states, not states.
_UNIONS = frozenset({"EU", "UN"})
#: Subjects that are no cited voice: plural and first-person pronouns (the writer or a group).
_NO_VOICE = frozenset({"they", "them", "i", "we", "you", "it", "(unnamed)"})
#: Names of days and months, which actor suggestion can pick up as names.
CALENDAR = frozenset(WEEKDAYS) | frozenset(MONTHS)
#: Sentences back, before the pronoun's own, a pronoun may reach for the person it stands for.
PRONOUN_REACH = 2
#: Characters of the sentence kept as wording.
WORDING_CHARS = 220


_MALE_TITLE = re.compile(r"^(?:Mr\.?|Sir|Lord|King|Prince)\s")
_FEMALE_TITLE = re.compile(r"^(?:Mrs\.?|Ms\.?|Miss|Dame|Lady|Queen|Princess)\s")
#: Titles and roles written before a person's name ("Foreign Minister", "Rep.", "spokesman").
_TITLE_WORDS = frozenset("""mr mr. mrs mrs. ms ms. dr dr. prof prof. sir lord dame lady king queen prince princess pope
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
    known = (genders or {}).get(_surname(name)) if name else None
    if pronoun in ("she", "her"):
        return bool(_MALE_TITLE.match(name)) or known == "he"
    if pronoun in ("he", "his"):
        return bool(_FEMALE_TITLE.match(name)) or known == "she"
    return False


def _genders(sentences) -> dict[str, str]:
    """Surnames an article gives a gendered title ("Mr. Roe", "Ms. Kay"): surname -> "he" or "she"."""
    out: dict[str, str] = {}
    for sentence in sentences:
        for title, name in re.findall(r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\w’'-]+\s+)?([A-Z][\w’'-]+)", sentence):
            out.setdefault(name.lower(), "he" if title == "Mr" else "she")
    return out


def voice_type(voice: str, source_type: str) -> str:
    """The attribution's type, with officials and state bodies set apart as ``government``.

    >>> voice_type("the Foreign Ministry", "organisation"), voice_type("a rebel military spokesman", "vague")
    ('government', 'vague')
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
    """
    short = _SHORT_STATE.match(voice)
    if short:
        return short.group().replace(".", "")
    possessive = _POSSESSIVE.search(voice + " ")
    if possessive:
        return possessive.group(1)
    demonym = _DEMONYM.match(voice)
    if demonym and re.match(r"(?:\s+[a-z]|-based)", voice[demonym.end():]):
        return demonym.group(1)  # "Kenyan officials", "British-based", not "Jo Halian"
    return ""


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
    titles = [i for i, w in enumerate(run) if w.lower().removesuffix("-elect") in _TITLE_WORDS]
    if titles:
        run = run[titles[-1] + 1:]
    while len(run) > 1 and (run[0].isupper() or (_DEMONYM.fullmatch(run[0]) and run[1].isupper())):
        run = run[1:]  # "British FM Johnson": the side and the role, not the name
    return " ".join(run)


def _surname(name: str) -> str:
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
        while lead < len(words) and (words[lead].lower() in function_words() or words[lead].lower() in _TITLE_WORDS
                                     or _LEAD_ADVERB.fullmatch(words[lead])):
            lead += 1
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
    return sorted(found.items())


@lru_cache(maxsize=65536)
def _person_name(name: str) -> bool:
    """Whether a run of two or three capitalised words reads as a person's name (cached: names recur)."""
    return not (is_organisation_name(name) or _NOT_A_NAME.match(name)) and classify_source(name) == "person" \
        and not any(w.lower() in function_words() for w in name.split())


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
                (full if len(name_core(name).split()) >= 2 else titled).setdefault(_surname(name), name)
    return {**{k: v for k, v in titled.items() if k not in full}, **full}


def _resolve(pronoun: str, doc_sentences: dict[int, str], sid: int, cited: dict[int, list[str]],
             people: dict[str, str], genders: dict[str, str] | None = None) -> str:
    """The person a pronoun stands for, or ``""``: the one person named in the nearest sentence before
    it that names any (or the one of several cited there); in its own sentence only a person cited
    before it ("Roe said ..., and he added")."""
    own = [v for v in cited.get(sid, []) if not _gender_clash(pronoun, v, genders)]
    if own:
        return own[-1]
    for back in range(1, PRONOUN_REACH + 1):
        sentence = doc_sentences.get(sid - back)
        if sentence is None:
            continue
        named = person_mentions(sentence) + _surname_mentions(sentence, people)
        named = [(at, n) for at, n in named if not _gender_clash(pronoun, n, genders)]
        if not named:
            continue
        persons = {}
        for _, name in sorted(named):
            persons.setdefault(_surname(name), name)
        if len(persons) == 1:
            return next(iter(persons.values()))
        speakers = {_surname(v) for v in cited.get(sid - back, [])} & set(persons)
        if len(speakers) == 1:
            return persons[speakers.pop()]
        return ""  # several persons, none of them the one cited: too close to call
    return ""


def _pronoun_subject(sentence: str, at: int, length: int, source: str) -> str:
    """The pronoun a cue's source stands in for, when the source's words are not in the sentence
    and "he" or "she" is the cue's subject ("he said", "she also told", "said he").

    >>> text = "“It is done,” he told reporters."
    >>> _pronoun_subject(text, text.find("told"), 4, "Jo Roe"), _pronoun_subject("Roe said so.", 4, 4, "Roe")
    ('he', '')
    """
    if not source or source in sentence or not 0 <= at <= len(sentence):
        return ""
    before = re.search(r"(?<![\w’'-])([Hh]e|[Ss]he)\s+(?:[a-z]+ly\s+|also\s+|then\s+)?$", sentence[:at])
    after = re.match(r"\s+(he|she)\b", sentence[at + length:])
    found = before or after
    return found.group(1).lower() if found else ""


def _fix_possessive(voice: str, names: set[str]) -> str:
    """A possessive whose apostrophe was lost ("Roes statement", "Norlands ministry"): the word
    without its "s" is a place or a person's surname named in the corpus."""
    voice = re.sub(r"(?:’s|'s)$", "", voice)
    parts = voice.split()
    if parts and re.fullmatch(r"[A-Z][a-z]+s", parts[0]) and parts[0][:-1] in names:
        parts[0] = parts[0][:-1] + ("’s" if len(parts) > 1 else "")
    return " ".join(parts)


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
        ("he said") is the person named close before it (:func:`person_mentions`);
        a pronoun with no such person, a plural or first-person one, and a
        source made of function words are left out. Variants of one name in a
        corpus are merged (:func:`merge_variants`); ``variant`` keeps the words
        of the text. Two cues of one voice in one sentence count once.
    """
    stance = tables["stance"]
    cited_rows = stance[stance["category"] == "attribution"].sort_values(["doc_id", "sentence_id", "start"])
    by_doc: dict[str, dict[int, str]] = {}
    offsets: dict[tuple[str, int], int] = {}
    for r in tables["sentences"].itertuples(index=False):
        by_doc.setdefault(r.doc_id, {})[int(r.sentence_id)] = str(r.text)
        offsets[r.doc_id, int(r.sentence_id)] = int(getattr(r, "start", 0))
    places = _places(by_doc)
    rows, genders = [], {}
    people = corpus_people(by_doc)
    cited_by_doc: dict[str, dict[int, list[str]]] = {}
    stems = places | {name_core(n).split()[-1].removeprefix("al-") for n in people.values() if name_core(n)}
    capitals = {w for doc in by_doc.values() for text in doc.values() for w in re.findall(r"[A-Z][a-z]+", text)}
    stems |= {w[:-1] for w in capitals if w.endswith("n")}  # a country beside its demonym ("Kenya", "Kenyan")
    for row in cited_rows.itertuples(index=False):
        voice = str(row.source).strip() if isinstance(row.source, str) else ""
        variant = voice
        sid = int(row.sentence_id)
        kind = str(row.source_type) if isinstance(row.source_type, str) else "vague"
        doc_sentences = by_doc.get(row.doc_id, {})
        cited = cited_by_doc.setdefault(row.doc_id, {})
        sentence = doc_sentences.get(sid, "")
        at = int(row.start) - offsets.get((row.doc_id, sid), 0)
        pronoun = _pronoun_subject(sentence, at, int(row.end) - int(row.start), voice)
        if pronoun:
            voice = variant = pronoun  # a pronoun the attribution table bound to a person cited before
        if voice.lower() in _PRONOUNS:
            if row.doc_id not in genders:
                genders[row.doc_id] = _genders(doc_sentences.values())
            voice = _resolve(voice, doc_sentences, sid, cited, people, genders[row.doc_id])
            if not voice:
                continue
            kind = "person"
        if voice.lower() in _NO_VOICE or not voice or all(w.lower() in function_words() and not w.isupper() for w in voice.split()):
            continue
        if getattr(row, "subcategory", "") == "possessive_noun" and re.fullmatch(r"[A-Z][a-z]+[^s]s", voice) \
                and voice[:-1] in capitals:
            voice = voice[:-1]  # "Roes remarks": the apostrophe was lost
        voice = _fix_possessive(voice, stems)
        if re.fullmatch(r"[A-Z][\w’'-]+", voice) and people.get(_surname(voice)) and kind != "outlet" and voice not in places:
            voice, kind = name_core(people[_surname(voice)]), "person"  # "Roe" after "Jo Roe" in the article
        if kind == "person" and len(name_core(voice).split()) < 2 and ORG_WORD.search(voice):
            kind = classify_source(voice)  # "General Command": a title-like word before a body's name
        mode = "direct_quote" if quoted_spans(sentence) else "paraphrase"
        if kind == "person":
            cited.setdefault(sid, []).append(voice)
            if len(name_core(voice).split()) >= 2 and len(name_core(people.get(_surname(voice), "")).split()) < 2:
                people[_surname(voice)] = voice
        kind_out = voice_type(voice, kind)
        wording = sentence if len(sentence) <= WORDING_CHARS else sentence[:WORDING_CHARS].rstrip() + "…"
        rows.append((voice, kind_out, side_of(voice), mode, kind_out == "outlet", sources[row.doc_id],
                     row.doc_id, sid, int(row.start), int(row.end), row.surface, wording, variant, kind))
    table = pd.DataFrame(rows, columns=COLUMNS + ["_kind"])
    table = merge_variants(table, places=places)
    table = table.drop_duplicates(["doc_id", "sentence_id", "voice"], ignore_index=True)
    return table[COLUMNS]


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
    table["voice"] = table["voice"].map(lambda v: rename.get(v, v))
    merged = table["voice"].isin(person_group)
    if merged.any():
        majority = (table[merged].groupby("voice")["voice_type"]
                    .agg(lambda s: "government" if (s == "government").sum() > (s != "government").sum() else "person"))
        table.loc[merged, "voice_type"] = table.loc[merged, "voice"].map(majority)
    for voice in set(table["voice"]):
        rows = table["voice"] == voice
        state = side_of(voice) == voice.replace(".", "") and voice not in _UNIONS  # "US", "UK": a state by its short name
        if (voice in places or state) and table.loc[rows, "voice_type"].eq("organisation").all():
            table.loc[rows, "voice_type"] = "government"  # a country or capital speaking: its government
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
    if len(initials) >= 2 and (plain == initials or plain.startswith(initials + " ")):
        return True
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
