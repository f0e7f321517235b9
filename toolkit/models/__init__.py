"""Model weights (CSV): tone models, the epistemic hedge cue model and the article-level frame model;
each rebuilt exactly by its training code in :mod:`toolkit.evaluation`."""
