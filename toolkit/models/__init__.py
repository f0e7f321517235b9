"""Tone model weights (CSV), rebuilt by ``python -m toolkit.tone_model``."""
