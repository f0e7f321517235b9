"""Corpus-level settings from ``corpus.toml``.

Everything specific to one event or outlet lives here, in the corpus folder,
never in the toolkit. Example::

    name = "Harbour treaty, March 2024"
    language = "en"
    keep_navigation = false   # true: load navigation pages (menus, link lists) as articles
    actor_tone = "fast"       # "contextual": a more accurate, far slower tone toward actors

    [actors.Norland]
    kind = "country"
    aliases = ["Norland", "Norlandic", "Ostby"]
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ConfigError, ToolkitError

CONFIG_NAME = "corpus.toml"
ACTOR_KINDS = ("country", "organisation", "person", "group", "other")


@dataclass(frozen=True)
class Actor:
    """An actor whose coverage is compared across sources."""

    name: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class CorpusConfig:
    """Settings of one corpus; defaults apply when there is no file."""

    name: str = ""
    description: str = ""
    language: str = "en"
    actors: tuple[Actor, ...] = ()
    path: str = ""
    extra: dict = field(default_factory=dict)
    keep_navigation: bool = False
    #: The actor-tone model: ``"fast"`` (the default) or ``"contextual"`` (more accurate, far slower;
    #: see :func:`toolkit.measures.tone_model.actor_probabilities_many`).
    actor_tone: str = "fast"


#: The actor-tone models a corpus can choose.
ACTOR_TONE_MODELS = ("fast", "contextual")


def with_actor_tone(settings: CorpusConfig, actor_tone: str | None) -> CorpusConfig:
    """``settings`` with the actor-tone model ``actor_tone`` (``None``: as they are)."""
    if actor_tone is None:
        return settings
    if actor_tone not in ACTOR_TONE_MODELS:
        raise ToolkitError(f"actor_tone must be one of {', '.join(ACTOR_TONE_MODELS)}, not {actor_tone!r}")
    return replace(settings, actor_tone=actor_tone)


def read_config(path: Path | None, default_name: str = "") -> CorpusConfig:
    """Read ``corpus.toml``; return defaults when ``path`` is ``None`` or absent.

    Raises
    ------
    ConfigError
        When the file is not valid TOML or a value has the wrong type.
    """
    if path is None or not path.is_file():
        return CorpusConfig(name=default_name)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(path, f"not valid TOML ({exc})", "fix the syntax; see the example in the README") from None
    for key in ("name", "description", "language"):
        if key in data and not isinstance(data[key], str):
            raise ConfigError(path, f"'{key}' must be a string", f'write it as {key} = "..."')
    if not isinstance(data.get("keep_navigation", False), bool):
        raise ConfigError(path, "'keep_navigation' must be true or false", "write keep_navigation = true")
    if data.get("actor_tone", "fast") not in ACTOR_TONE_MODELS:
        raise ConfigError(path, f"'actor_tone' must be one of {', '.join(ACTOR_TONE_MODELS)}", 'write actor_tone = "contextual"')
    actors = []
    raw_actors = data.get("actors", {})
    if not isinstance(raw_actors, dict):
        raise ConfigError(path, "'actors' must be a table of tables", "write each actor as [actors.NAME]")
    for name, spec in raw_actors.items():
        if not isinstance(spec, dict):
            raise ConfigError(path, f"actor '{name}' must be a table", f"write it as [actors.{name}]")
        aliases = spec.get("aliases", [name])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            raise ConfigError(path, f"actor '{name}': aliases must be a list of non-empty strings", 'write aliases = ["...", "..."]')
        kind = spec.get("kind", "other")
        if kind not in ACTOR_KINDS:
            raise ConfigError(path, f"actor '{name}': kind '{kind}' is unknown", f"use one of {', '.join(ACTOR_KINDS)}")
        actors.append(Actor(name, kind, tuple(dict.fromkeys([name, *aliases]))))
    known = {"name", "description", "language", "actors", "keep_navigation", "actor_tone"}
    return CorpusConfig(
        name=data.get("name", default_name),
        description=data.get("description", ""),
        language=data.get("language", "en"),
        actors=tuple(actors),
        path=str(path),
        extra={k: v for k, v in data.items() if k not in known},
        keep_navigation=data.get("keep_navigation", False),
        actor_tone=data.get("actor_tone", "fast"),
    )
