"""The HTML report in a real browser: every chart rendered, no console errors."""

import re
import shutil
import subprocess

import pytest

from conftest import ROOT

REPORT = ROOT / "reports" / "seeds" / "report.html"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no Chromium on this machine: install it with 'apt-get install chromium' (.ci/run does this)")


def _run(chromium, tmp_path, *args):
    return subprocess.run([chromium, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args, REPORT.as_uri()],
                          capture_output=True, text=True, timeout=120)


def test_every_chart_renders(chromium, tmp_path):
    result = _run(chromium, tmp_path, "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    figures = re.findall(r'<figure class="chart".*?</figure>', dom, flags=re.S)
    assert len(figures) == 8
    for figure in figures:
        assert "<svg" in figure and ("<path" in figure or "<rect" in figure or "<line" in figure)


def test_no_console_errors_and_a_screenshot(chromium, tmp_path):
    shot = tmp_path / "report.png"
    result = _run(chromium, tmp_path, "--enable-logging=stderr", "--v=0", "--window-size=1280,4000", f"--screenshot={shot}")
    assert result.returncode == 0, result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == []
    assert shot.stat().st_size > 50_000  # a page with text and charts, not a blank one
