"""Voices: who each source lets speak, how (quoted or paraphrased), and who speaks in none.

Built on the attributions of the stance table (:mod:`toolkit.measures.attribution`):
every cited source becomes a voice with a type (``person``, ``organisation``,
``government`` for officials and state bodies, ``outlet``, ``vague``), the
side it is said to belong to when the text names one ("Chinese officials",
"Norland's finance minister", "US officials"), whether its words are quoted
directly or paraphrased, and whether they come second-hand from another
outlet. A pronoun ("he said") is the last named person cited in the same
article, within a few sentences.
"""

from __future__ import annotations

import re

import pandas as pd

from ..text.quotes import quoted_spans

COLUMNS = ["voice", "voice_type", "side", "mode", "from_outlet", "source", "doc_id", "sentence_id", "start", "end",
           "cue", "wording"]
#: Words of an official or state source (general titles and bodies).
_GOVERNMENT = re.compile(
    r"\b(?:minister|ministry|officials?|government|president|prime minister|premier|embassy|department|spokes(?:man|woman|person)|"
    r"army|military|police|authorities|senator|governor|ambassador|secretary|chargé|charge d|parliament|congress|"
    r"white house|kremlin|cabinet|foreign office|state media|lawmakers?|mayor|chancellor|commander|general)\b", re.I)
#: A demonym (Chinese, Kenyan, Russian, British...) by its endings.
_DEMONYM = re.compile(r"\b([A-Z][a-z]+(?:ese|ian|an|i|ish|ch))\b")
_POSSESSIVE = re.compile(r"\b([A-Z][\w.]+)(?:’s|'s)\s")
_SHORT_STATE = re.compile(r"^(?:U\.S\.|US|UK|U\.K\.|EU|UN)\b")
_PRONOUNS = frozenset({"he", "she", "they", "his", "her"})
#: Names of days and months, which actor suggestion can pick up as names.
CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december""".split())
#: Sentences back a pronoun may reach for its person.
PRONOUN_REACH = 3
#: Characters of the sentence kept as wording.
WORDING_CHARS = 220


_MALE_TITLE = re.compile(r"^(?:Mr\.?|Sir|Lord|King|Prince)\s")
_FEMALE_TITLE = re.compile(r"^(?:Mrs\.?|Ms\.?|Miss|Dame|Lady|Queen|Princess)\s")


def _gender_clash(pronoun: str, name: str) -> bool:
    """Whether a name's title rules the pronoun out ("she" cannot be "Mr. Roe").

    >>> _gender_clash("she", "Mr. Jo Roe"), _gender_clash("he", "Mr. Jo Roe"), _gender_clash("she", "Jo Roe")
    (True, False, False)
    """
    pronoun = pronoun.lower()
    if pronoun in ("she", "her"):
        return bool(_MALE_TITLE.match(name))
    if pronoun in ("he", "his"):
        return bool(_FEMALE_TITLE.match(name))
    return False


def voice_type(voice: str, source_type: str) -> str:
    """The attribution's type, with officials and state bodies set apart as ``government``."""
    if source_type in ("outlet", "vague"):
        return source_type
    if _GOVERNMENT.search(voice):
        return "government"
    return source_type or "vague"


def side_of(voice: str) -> str:
    """The side or nationality a voice's own words give it, or ``""``.

    >>> [side_of(v) for v in ["Chinese officials", "Norland’s Finance Minister Ali Khan", "US Energy Department", "Jane Roe"]]
    ['Chinese', 'Norland', 'US', '']
    """
    short = _SHORT_STATE.match(voice)
    if short:
        return short.group().replace(".", "")
    possessive = _POSSESSIVE.search(voice + " ")
    if possessive:
        return possessive.group(1)
    demonym = _DEMONYM.match(voice)
    if demonym and re.match(r"(?:\s+[a-z]|-based)", voice[demonym.end():]):
        return demonym.group(1)  # "Chinese officials", "British-based", not "Mehdi Tahhan"
    return ""


def voices(tables: dict, sources: dict[str, str]) -> pd.DataFrame:
    """One row per citation: who speaks in which article, how.

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
        ``from_outlet`` is True when the voice is another outlet.
    """
    stance = tables["stance"]
    cited = stance[stance["category"] == "attribution"].sort_values(["doc_id", "sentence_id", "start"])
    texts = {(r.doc_id, int(r.sentence_id)): str(r.text) for r in tables["sentences"].itertuples(index=False)}
    rows, last_person = [], {}
    for row in cited.itertuples(index=False):
        voice = str(row.source) if isinstance(row.source, str) else ""
        sid = int(row.sentence_id)
        kind = str(row.source_type) if isinstance(row.source_type, str) else "vague"
        if voice.lower() in _PRONOUNS:
            before = last_person.get(row.doc_id)
            if before is None or sid - before[1] > PRONOUN_REACH or _gender_clash(voice, before[0]):
                continue  # a pronoun with no named person close before it, or one the name's title rules out
            voice, kind = before[0], before[2]
        sentence = texts.get((row.doc_id, sid), "")
        mode = "direct_quote" if quoted_spans(sentence) else "paraphrase"
        kind = voice_type(voice, kind)
        if kind in ("person", "government") and voice:
            last_person[row.doc_id] = (voice, sid, kind)
        wording = sentence if len(sentence) <= WORDING_CHARS else sentence[:WORDING_CHARS].rstrip() + "…"
        rows.append((voice or "(unnamed)", kind, side_of(voice), mode, kind == "outlet", sources[row.doc_id],
                     row.doc_id, sid, int(row.start), int(row.end), row.surface, wording))
    return pd.DataFrame(rows, columns=COLUMNS)


def _key(name: str) -> str:
    """A name folded so that a country and its demonym meet (China, Chinese)."""
    return name.lower().replace(".", "")[:4]


def _speaks(actor: str, voice: str, side: str) -> bool:
    """Whether a voice is the actor, or speaks for it: a shared name word
    ("Roe", "US President Jane Roe"), the actor's initials ("United
    States", "US"), or its country by demonym ("China", "Chinese officials")."""
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
