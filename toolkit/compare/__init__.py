"""Cross-source comparison: per-source profiles and contrasts, coverage, claims, shared text, similarity."""

from .comparison import compare

__all__ = ["compare"]
