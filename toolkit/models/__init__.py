"""Model weights (CSV, and the actor-tone model's convolutional half as ``.npz``, read without pickle): tone models, the epistemic hedge cue model, the article-level frame model and the
text-type model;
each rebuilt exactly by its training code in :mod:`toolkit.evaluation`."""
