"""Charts in notebooks that show everywhere, offline: JupyterLab, nbconvert's HTML and static viewers.

Altair's ``mimetype`` renderer gives a chart only as Vega-Lite JSON, which
JupyterLab draws and nothing else does: ``jupyter nbconvert --to html`` and
static notebook viewers show "the renderer has not been properly enabled".
The renderer here gives each chart as one display with several forms, and
each front end picks the first it can draw:

- ``application/vnd.vegalite.v5+json``, the chart's spec: JupyterLab draws it
  with its built-in Vega extension (interactive, tooltips, no network), ranking
  it above images;
- ``image/svg+xml``, the chart drawn by vl-convert (no browser, no network):
  nbconvert's HTML exporter, whose display priority has no Vega-Lite type and
  puts SVG before PNG, embeds it as an image, visible without any script;
- ``image/png`` (optional, on by default), for viewers that do not show SVG
  outputs;
- ``text/plain``, the chart's title, for text-only front ends.

No ``text/html`` form is given: front ends rank HTML above Vega-Lite, so
JupyterLab would then show the HTML instead of its interactive chart, and
viewers that strip scripts would show an empty box.

Usage, once per notebook::

    from toolkit.present.notebook_charts import enable_notebook_charts
    enable_notebook_charts()
"""

from __future__ import annotations

import base64
import warnings

import altair as alt

from .charts import json_safe

#: Name the renderer is registered under in ``alt.renderers``.
RENDERER = "newslens"
#: The Vega-Lite MIME type JupyterLab's Vega extension draws (Altair 5 writes Vega-Lite 5).
VEGALITE_MIME = f"application/vnd.vegalite.v{alt.SCHEMA_VERSION.lstrip('v').split('.')[0]}+json"
#: Pixel ratio of the PNG form: 1, so that viewers that ignore size metadata show it at the chart's size.
PNG_SCALE = 1


def _title(spec: dict) -> str:
    """The chart's title as plain text (Vega-Lite allows a string, a list of lines or a title object)."""
    title = spec.get("title", "")
    if isinstance(title, dict):
        title = title.get("text", "")
    if isinstance(title, list):
        title = " ".join(map(str, title))
    return str(title)


def chart_bundle(spec: dict, png: bool = True, **options) -> tuple[dict, dict]:
    """The display of one chart: its Vega-Lite spec, an SVG and optionally a PNG drawn from it, and its title.

    Parameters
    ----------
    spec : dict
        A Vega-Lite spec, as ``chart.to_dict()`` gives it.
    png : bool
        Also draw a PNG, for viewers that do not show SVG.
    **options
        Display options for JupyterLab's Vega extension, such as ``embed_options``
        (``alt.renderers.set_embed_options`` passes them), sent as the spec's metadata.

    Returns
    -------
    tuple of dict
        The MIME bundle and its metadata, as Altair renderers return them.
        Non-finite floats in ``spec`` are written as ``null`` (:func:`toolkit.present.charts.json_safe`),
        as Jupyter sends only valid JSON. When vl-convert cannot draw the chart, the
        bundle keeps the spec, the text says why, and a warning is raised.
    """
    import vl_convert as vlc
    from altair.utils._importers import vl_version_for_vl_convert

    spec = json_safe(spec)
    title = _title(spec)
    bundle: dict = {VEGALITE_MIME: spec, "text/plain": f"<chart: {title}>" if title else "<chart>"}
    version = vl_version_for_vl_convert()
    try:
        bundle["image/svg+xml"] = vlc.vegalite_to_svg(spec, vl_version=version)
        if png:
            bundle["image/png"] = base64.b64encode(vlc.vegalite_to_png(spec, vl_version=version, scale=PNG_SCALE)).decode("ascii")
    except ValueError as error:  # vl-convert reports a spec it cannot draw as ValueError
        warnings.warn(f"the chart's static image could not be drawn: {error}", stacklevel=2)
        bundle["text/plain"] += f" (no static image: {error})"
    return bundle, ({VEGALITE_MIME: options} if options else {})


def enable_notebook_charts(png: bool = True) -> None:
    """Register the toolkit's notebook renderer with Altair and enable it.

    After this call every Altair chart a cell displays carries its Vega-Lite
    spec (drawn interactively by JupyterLab), an SVG (shown by ``jupyter
    nbconvert --to html`` and static viewers, without script or network) and,
    with ``png``, a PNG (:func:`chart_bundle`).

    Parameters
    ----------
    png : bool
        Also give each chart as PNG, for viewers that do not show SVG.
    """
    alt.renderers.register(RENDERER, chart_bundle)
    alt.renderers.enable(RENDERER, png=png)
