"""Notebook charts show in JupyterLab, in nbconvert's HTML (checked in headless Chromium, offline) and in static viewers."""

import base64
import html
import json
import os
import re
import shutil
import subprocess
import sys

import altair as alt
import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from conftest import ROOT
from toolkit.present.notebook_charts import RENDERER, VEGALITE_MIME, chart_bundle, enable_notebook_charts

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-sync",
         # no name resolves: the page must draw its charts with no network at all
         "--host-resolver-rules=MAP * ~NOTFOUND"]
# Marks a vl-convert SVG draws for bars, rules and points (Vega names each mark group "mark-<type>").
MARKS = re.compile(r'class="mark-(rect|rule|symbol)[^"]*"[^>]*>\s*<path')
# Display outputs of a notebook whose front end could not draw the chart.
FAILURES = ("renderer has not been properly enabled", "not JSON compliant", "Traceback")


def _table_cell():
    """Source of a cell building a numbers table with open intervals (an infinite and a missing end)."""
    return """table = pd.DataFrame({
    "doc_id": ["a", "b", "c"], "kind": ["money"] * 3, "unit": ["USD"] * 3, "label": ["investment"] * 3,
    "low": pd.Series([6e10, 5e10, 7e10], dtype=object), "high": pd.Series([float("inf"), float("nan"), 8e10], dtype=object),
    "bound": ["gt", "", ""], "flagged": [True] * 3, "status_label": ["Diverge"] * 3, "surface": ["x"] * 3, "quotes": ["q"] * 3,
})"""


def _bars():
    return alt.Chart(pd.DataFrame({"source": ["a", "b", "c"], "share": [0.2, 0.5, float("nan")]}),
                     title="Shares").mark_bar().encode(x="source:N", y="share:Q")


@pytest.fixture
def restore_renderer():
    active = alt.renderers.active
    yield
    alt.renderers.enable(active)


def test_bundle_gives_the_spec_an_svg_a_png_and_a_title():
    bundle, metadata = chart_bundle(_bars().to_dict())
    assert set(bundle) == {VEGALITE_MIME, "image/svg+xml", "image/png", "text/plain"}
    assert VEGALITE_MIME == "application/vnd.vegalite.v5+json"  # the type JupyterLab 4's Vega extension draws
    assert MARKS.search(bundle["image/svg+xml"])
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")
    assert bundle["text/plain"] == "<chart: Shares>"
    json.dumps([bundle, metadata], allow_nan=False)  # what Jupyter sends: NaN became null
    assert chart_bundle(_bars().to_dict(), png=False)[0].keys() == {VEGALITE_MIME, "image/svg+xml", "text/plain"}


def test_an_open_interval_chart_is_sent_as_valid_json():
    from toolkit.present.charts import numeric_divergence

    scope = {"pd": pd}
    exec(_table_cell(), scope)
    bundle, _ = chart_bundle(numeric_divergence(scope["table"]).to_dict(), png=False)
    json.dumps(bundle, allow_nan=False)
    rows = [row for data in bundle[VEGALITE_MIME]["datasets"].values() for row in data]
    assert {row["doc_id"]: row["high"] for row in rows}["a"] is None


def test_a_chart_that_cannot_be_drawn_keeps_its_spec_and_says_why():
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.20.1.json", "mark": "no-such-mark",
            "data": {"values": [{"x": 1}]}}
    with pytest.warns(UserWarning, match="static image"):
        bundle, _ = chart_bundle(spec)
    assert VEGALITE_MIME in bundle and "image/svg+xml" not in bundle
    assert "no static image" in bundle["text/plain"]


def test_enable_registers_and_enables_the_renderer(restore_renderer):
    enable_notebook_charts(png=False)
    assert alt.renderers.active == RENDERER
    bundle, metadata = _bars()._repr_mimebundle_()
    assert "image/svg+xml" in bundle and "image/png" not in bundle and metadata == {}
    alt.renderers.set_embed_options(actions=False)  # Altair's way to pass options to JupyterLab's Vega extension
    bundle, metadata = _bars()._repr_mimebundle_()
    assert metadata == {VEGALITE_MIME: {"embed_options": {"actions": False}}}


def test_every_notebook_with_charts_enables_the_renderer():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        source = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        assert "alt.renderers.enable" not in source, path.name
        if "toolkit.present.charts" in source or "from toolkit.present import charts" in source:
            assert "enable_notebook_charts()" in source, path.name


@pytest.fixture(scope="module")
def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no Chromium on this machine: install it with 'apt-get install chromium' (.ci/run does this)")


def _nbconvert(notebook, folder, *options):
    """Run ``jupyter nbconvert`` on ``notebook`` with ``options``, writing into ``folder``; a kernel imports this checkout."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run([sys.executable, "-m", "nbconvert", *options, str(notebook), "--output-dir", str(folder)],
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]


def _nbconvert_html(notebook, folder, *options):
    """Export ``notebook`` with ``jupyter nbconvert --to html`` and ``options``; check no output failed to display."""
    _nbconvert(notebook, folder, "--to", "html", *options)
    page = folder / (notebook.stem + ".html")
    text = page.read_text(encoding="utf-8")
    for failure in FAILURES:
        assert failure not in text, failure
    return page, text


# Run by the page once loaded: for every image nbconvert embedded, its size and how many of its pixels are
# inked (not white or transparent), written into the DOM for --dump-dom to report.
INK_CHECK = """<script>
window.addEventListener("load", () => {
  const found = [];
  for (const img of document.querySelectorAll(".jp-OutputArea-output img")) {
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
    let inked = -1;
    if (img.naturalWidth > 0) {
      const g = canvas.getContext("2d");
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, canvas.width, canvas.height).data;
      inked = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && Math.min(d[i], d[i + 1], d[i + 2]) < 200) inked++;
    }
    found.push({width: img.naturalWidth, height: img.naturalHeight, inked: inked});
  }
  document.body.setAttribute("data-charts", JSON.stringify(found));
});
</script>"""


def _drawn_in_chromium(chromium, page, tmp_path):
    """Load ``page`` in headless Chromium with no network; return its DOM and what the ink check found."""
    checked = page.with_name("checked.html")
    checked.write_text(page.read_text(encoding="utf-8").replace("</body>", INK_CHECK + "</body>"), encoding="utf-8")
    result = subprocess.run([chromium, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", checked.as_uri()],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    found = re.search(r'data-charts="([^"]*)"', result.stdout)
    assert found, "the page's check did not run"
    return result.stdout, json.loads(html.unescape(found.group(1)))


def _svg_images(dom):
    return [base64.b64decode(m).decode("utf-8") for m in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', dom)]


def test_nbconvert_html_shows_the_charts_in_a_browser_offline(chromium, tmp_path):
    notebook = tmp_path / "charts.ipynb"
    nb = new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nb.cells = [
        new_code_cell("import pandas as pd\n\nfrom toolkit.present.charts import numeric_divergence, tone_by_source\n"
                      "from toolkit.present.notebook_charts import enable_notebook_charts\n\nenable_notebook_charts()"),
        new_code_cell('tones = pd.DataFrame({"doc_id": ["a", "a", "b"], "sentence_id": [0, 1, 0], '
                      '"vader": [0.5, -0.2, 0.1], "news": [0.4, -0.1, float("nan")]})\ntone_by_source(tones)'),
        new_code_cell(_table_cell() + "\nnumeric_divergence(table)"),
    ]
    nbformat.write(nb, notebook)
    executed = tmp_path / "executed"
    _nbconvert(notebook, executed, "--to", "notebook", "--execute")
    charts = [o for c in nbformat.read(executed / notebook.name, as_version=4).cells for o in c.get("outputs", [])
              if "image/svg+xml" in o.get("data", {})]
    assert len(charts) == 2 and all({VEGALITE_MIME, "image/png"} <= set(o["data"]) for o in charts)
    # as nbconvert shows it, and as a static viewer that strips scripts and unsafe markup (nbviewer) shows it
    for name, options in (("page", ()), ("sanitized", ("--HTMLExporter.sanitize_html=True",))):
        page, text = _nbconvert_html(executed / notebook.name, tmp_path / name, *options)
        # nbconvert's HTML exporter has no Vega-Lite type in its display priority and takes SVG before PNG
        assert text.count('data-mime-type="image/svg+xml"') == 2
        dom, found = _drawn_in_chromium(chromium, page, tmp_path)
        svgs = _svg_images(dom)
        assert len(svgs) == 2 and all(MARKS.search(svg) for svg in svgs)
        assert "Mean sentence tone per source" in svgs[0]
        assert len(found) == 2
        for image in found:
            assert image["width"] > 100 and image["height"] > 50
            assert image["inked"] > 0.02 * image["width"] * image["height"]  # axes, labels and marks, not a blank box


@pytest.mark.slow
def test_notebook_05_exports_to_html_with_its_chart(chromium, tmp_path):
    page, text = _nbconvert_html(ROOT / "notebooks" / "05-numbers.ipynb", tmp_path, "--execute")
    dom, found = _drawn_in_chromium(chromium, page, tmp_path)
    assert len(_svg_images(dom)) == 1 and MARKS.search(_svg_images(dom)[0])
    assert found and all(image["inked"] > 0.02 * image["width"] * image["height"] for image in found)


def _free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_jupyterlab_draws_the_interactive_chart_offline(chromium, tmp_path):
    import time
    import urllib.request

    from nbformat.v4 import new_output

    bundle, metadata = chart_bundle(_bars().to_dict(), png=True)
    nb = new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nb.cells = [new_code_cell("chart", outputs=[new_output("display_data", data=bundle, metadata=metadata)])]
    nbformat.write(nb, tmp_path / "chart.ipynb")
    port = _free_port()
    state = {f"JUPYTER{name}": str(tmp_path / name.lower()) for name in ("_CONFIG_DIR", "_RUNTIME_DIR", "_DATA_DIR",
                                                                          "LAB_SETTINGS_DIR", "LAB_WORKSPACES_DIR")}
    server = subprocess.Popen([sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", "--ip=127.0.0.1",
                               f"--port={port}", "--ServerApp.token=", "--ServerApp.password=", "--LabApp.news_url=None",
                               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                               f"--ServerApp.root_dir={tmp_path}"], env={**os.environ, **state},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status", timeout=5)
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "JupyterLab did not start"
                time.sleep(1)
        # only the local server resolves: JupyterLab must draw the chart with what it ships
        flags = [f for f in FLAGS if not f.startswith("--host-resolver-rules")] + [
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
        result = subprocess.run([chromium, *flags, f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,900",
                                 "--virtual-time-budget=60000", "--dump-dom", f"http://127.0.0.1:{port}/lab/tree/chart.ipynb"],
                                capture_output=True, text=True, timeout=180)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    dom = result.stdout
    rendered = re.findall(r'class="([^"]*jp-Rendered[^"]*)"', dom)
    assert any("jp-RenderedVegaLite" in c for c in rendered), "JupyterLab did not draw the chart with its Vega extension"
    canvas = re.search(r'<canvas width="(\d+)" height="(\d+)" class="marks"', dom)
    assert canvas and int(canvas.group(1)) > 50 and int(canvas.group(2)) > 50
    # JupyterLab ranks Vega-Lite above the static images, which it does not show
    assert not any("jp-RenderedSVG" in c or "jp-RenderedImage" in c for c in rendered)
