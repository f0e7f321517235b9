"""Tone model weights (CSV) and their cross-validated figures, rebuilt by ``python -m toolkit.tone_training``."""
