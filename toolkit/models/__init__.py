"""Model weights (CSV): tone models rebuilt by ``python -m toolkit.tone_model``; the article-level
frame model rebuilt by ``python -m toolkit.frame_training``."""
