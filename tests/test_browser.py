"""Open the HTML report in headless Chromium: it renders, shows its table and charts, and logs
no console error. Skipped (with the reason) where no Chromium is installed; ``.ci/run``
installs it."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

import matplotlib.image as mpimg

from factcheck.present.report import write_report

pytestmark = pytest.mark.browser

#: Seconds Chromium may take to load and screenshot a local page.
BROWSER_TIMEOUT = 90
#: A rendered page has at least this much pixel variance (a blank page has 0).
MIN_VARIANCE = 1e-3
#: What Chromium prints to stderr (--enable-logging) for a console message, an uncaught
#: exception or a blocked load. The report has no script, so any console line is a fault.
ERROR_MARKERS = ("Uncaught", ":CONSOLE", "Refused to")


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


def _fixtures():
    path = Path(__file__).parent / "present" / "present_fixtures.py"
    spec = importlib.util.spec_from_file_location("present_fixtures", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _browser(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    exe = _chromium()
    if exe is None:
        pytest.skip("Chromium not installed (apt-get install chromium; .ci/run does it)")
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}",
        "--enable-logging=stderr", "--v=0",
    ]  # fmt: skip
    return subprocess.run(
        [exe, *flags, *args], capture_output=True, text=True, timeout=BROWSER_TIMEOUT
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    data = _fixtures()
    claims, comparison = data.anbar_data()
    out = tmp_path_factory.mktemp("report")
    return write_report(out, data.anbar_case(), claims, comparison)


def test_report_renders_in_chromium(report, tmp_path):
    shot = tmp_path / "report.png"
    run = _browser(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", report.as_uri())
    assert shot.is_file(), run.stderr[-2000:]
    pixels = mpimg.imread(shot)
    assert pixels.shape[:2] == (2000, 1280)
    assert float(np.var(pixels[..., :3])) > MIN_VARIANCE, "the screenshot is blank"
    errors = [ln for ln in run.stderr.splitlines() if any(m in ln for m in ERROR_MARKERS)]
    assert not errors, errors
    keep = os.environ.get("FACTCHECK_KEEP_SCREENSHOT")
    if keep:
        shutil.copy(shot, keep)


def test_rendered_dom_has_table_charts_and_sources(report, tmp_path):
    run = _browser(tmp_path, "--dump-dom", report.as_uri())
    dom = run.stdout
    assert '<table class="comparison">' in dom
    assert dom.count('<img alt="') == 2 and 'src="data:image/png;base64,' in dom
    assert dom.count('<article class="doc"') == 3
    assert 'dir="rtl"' in dom and "14</a>" in dom
    errors = [ln for ln in run.stderr.splitlines() if any(m in ln for m in ERROR_MARKERS)]
    assert not errors, errors
