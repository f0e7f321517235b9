"""Tone model weights (CSV), rebuilt by ``python -m toolkit.measures.tone_model``."""
