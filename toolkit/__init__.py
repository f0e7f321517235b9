"""Compare how several news sources cover the same event, with the evidence behind every figure."""

from .pipeline import analyze
from .corpus.config import Actor, CorpusConfig, read_config
from .corpus.documents import Corpus, Document, load_corpus
from .errors import ConfigError, CorpusError, CorpusWarning, ToolkitError
from .measures.tone_model import target_tone

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "analyze",
    "ConfigError",
    "Corpus",
    "CorpusConfig",
    "CorpusError",
    "CorpusWarning",
    "Document",
    "ToolkitError",
    "load_corpus",
    "read_config",
    "target_tone",
]
