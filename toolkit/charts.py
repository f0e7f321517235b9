"""Altair charts of the per-source measures.

Each function takes a long-form table (one observation per row) and returns
an ``alt.Chart`` with explicitly typed encodings. Colours come from
colour-blind-safe schemes (ColorBrewer's diverging red-blue for tone, a
sequential blue for shares).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .framing import FRAMES

#: Diverging scheme for tone, centred on zero.
TONE_SCHEME = "redblue"
#: Sequential scheme for shares and rates.
SHARE_SCHEME = "blues"
WIDTH = 420

STANCE_MEASURES = {
    "hedge_per_1k": "Hedges",
    "booster_per_1k": "Boosters",
    "attitude_per_1k": "Attitude markers",
    "attribution_per_1k": "Attributions",
    "self_mention_per_1k": "Self-mention",
    "engagement_per_1k": "Reader address",
}


def tone_by_source(sentiment: pd.DataFrame) -> alt.Chart:
    """Mean sentence tone per source by both methods (from ``sentiment.csv``)."""
    long = sentiment.melt(id_vars=["doc_id", "sentence_id"], value_vars=["vader", "news"], var_name="method", value_name="tone")
    long["method"] = long["method"].map({"vader": "VADER (lexicon)", "news": "News model (NewsMTSC)"})
    return alt.Chart(long, title="Mean sentence tone per source").mark_bar().encode(
        y=alt.Y("doc_id:N", title="Source"),
        x=alt.X("mean(tone):Q", title="Mean tone (-1 negative to +1 positive)", scale=alt.Scale(domain=[-1, 1])),
        color=alt.Color("method:N", title="Method", scale=alt.Scale(scheme="tableau10")),
        yOffset="method:N",
        tooltip=[alt.Tooltip("doc_id:N", title="Source"), alt.Tooltip("method:N", title="Method"),
                 alt.Tooltip("mean(tone):Q", title="Mean tone", format=".2f"), alt.Tooltip("count():Q", title="Sentences")],
    ).properties(width=WIDTH)


def actor_tone_matrix(actor_profile: pd.DataFrame, min_mentions: int = 3) -> alt.Chart:
    """Mean tone toward each actor in each source (from ``actor_profile.csv``)."""
    totals = actor_profile.groupby("actor")["mentions"].transform("sum")
    data = actor_profile[totals >= min_mentions]
    return alt.Chart(data, title="Tone toward actors").mark_rect().encode(
        x=alt.X("doc_id:N", title="Source", axis=alt.Axis(labelAngle=-30)),
        y=alt.Y("actor:N", title="Actor", sort="-x"),
        color=alt.Color("mean_score:Q", title="Mean tone", scale=alt.Scale(scheme=TONE_SCHEME, domain=[-1, 1])),
        tooltip=[alt.Tooltip("actor:N", title="Actor"), alt.Tooltip("doc_id:N", title="Source"),
                 alt.Tooltip("mean_score:Q", title="Mean tone", format="+.2f"), alt.Tooltip("mentions:Q", title="Mentions")],
    ).properties(width=alt.Step(90), height=alt.Step(20))


def stance_profile_chart(stance_profile: pd.DataFrame) -> alt.Chart:
    """Cues per 1,000 words by category and source (from ``stance_profile.csv``)."""
    long = stance_profile.melt(id_vars=["doc_id"], value_vars=list(STANCE_MEASURES), var_name="measure", value_name="per_1k")
    long["category"] = long["measure"].map(STANCE_MEASURES)
    return alt.Chart(long, title="Stance cues per 1,000 words").mark_bar().encode(
        x=alt.X("per_1k:Q", title="Cues per 1,000 words"),
        y=alt.Y("doc_id:N", title="Source"),
        color=alt.Color("doc_id:N", title="Source", scale=alt.Scale(scheme="tableau10"), legend=None),
        facet=alt.Facet("category:N", title=None, columns=3, sort=list(STANCE_MEASURES.values())),
        tooltip=[alt.Tooltip("doc_id:N", title="Source"), alt.Tooltip("category:N", title="Category"),
                 alt.Tooltip("per_1k:Q", title="Per 1,000 words", format=".1f")],
    ).properties(width=180, height=110)


def frame_shares_matrix(frame_shares: pd.DataFrame) -> alt.Chart:
    """Share of each source's sentences invoking each frame (from ``frame_shares.csv``)."""
    return alt.Chart(frame_shares, title="Frames: share of sentences").mark_rect().encode(
        x=alt.X("doc_id:N", title="Source", axis=alt.Axis(labelAngle=-30)),
        y=alt.Y("label:N", title="Frame", sort=list(FRAMES.values())),
        color=alt.Color("share:Q", title="Share of sentences", scale=alt.Scale(scheme=SHARE_SCHEME, domain=[0, 1])),
        tooltip=[alt.Tooltip("label:N", title="Frame"), alt.Tooltip("doc_id:N", title="Source"),
                 alt.Tooltip("share:Q", title="Share", format=".0%"),
                 alt.Tooltip("framed_sentences:Q", title="Sentences")],
    ).properties(width=alt.Step(90), height=alt.Step(20))
