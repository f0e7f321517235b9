"""Model weights (CSV): tone models, the epistemic hedge cue model, the article-level frame model and the
text-type model;
each rebuilt exactly by its training code in :mod:`toolkit.evaluation`."""
