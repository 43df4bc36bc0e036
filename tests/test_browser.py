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
    assert '<table class="comparison cards">' in dom
    assert dom.count('<img alt="') == 2 and 'src="data:image/png;base64,' in dom
    assert dom.count('<article class="doc"') == 3
    assert 'dir="rtl"' in dom and "14</a>" in dom
    errors = [ln for ln in run.stderr.splitlines() if any(m in ln for m in ERROR_MARKERS)]
    assert not errors, errors


def _cdp():
    path = Path(__file__).parent / "cdp.py"
    spec = importlib.util.spec_from_file_location("cdp", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: Measured in the page: horizontal overflow, text smaller than 10 px, how the comparison and
#: the charts are laid out, and the page's language and direction.
MEASURE = """(() => {
  const doc = document.documentElement;
  const small = [];
  for (const el of document.querySelectorAll('body *')) {
    if (!el.getClientRects().length) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (own && size < 10) small.push(el.tagName + ' ' + size);
  }
  const row = document.querySelector('table.comparison tbody tr');
  const images = [...document.querySelectorAll('figure img')];
  return {width: innerWidth, scroll: doc.scrollWidth, small,
          row: row && getComputedStyle(row).display,
          images: images.map(i => [Math.round(i.getBoundingClientRect().width),
                                    i.currentSrc === i.src ? 'desk' : 'mobile']),
          dir: doc.dir, lang: doc.lang};
})()"""


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    data = _fixtures()
    claims, comparison = data.anbar_data()
    out = {}
    for labels in ("en", "ar"):
        folder = tmp_path_factory.mktemp(f"report-{labels}")
        out[labels] = write_report(folder, data.anbar_case(), claims, comparison, labels=labels)
    return out


@pytest.mark.parametrize("labels", ["en", "ar"])
def test_report_reads_on_a_phone_and_a_desk(reports, labels, tmp_path):
    exe = _chromium()
    if exe is None:
        pytest.skip("Chromium not installed (apt-get install chromium; .ci/run does it)")
    with _cdp().Browser(exe, tmp_path / "profile") as browser:
        browser.open(reports[labels].as_uri(), 400)
        phone = browser.evaluate(MEASURE)
        browser.open(reports[labels].as_uri(), 1400)
        desk = browser.evaluate(MEASURE)
        errors = browser.console_errors()
    assert phone["width"] == 400 and phone["scroll"] <= 400, phone  # no horizontal scroll
    assert desk["width"] == 1400 and desk["scroll"] <= 1400, desk
    assert not phone["small"] and not desk["small"]  # no text under 10 px
    assert phone["row"] == "block" and desk["row"] == "table-row"  # cards on a phone
    assert phone["images"] and all(w >= 360 and src == "mobile" for w, src in phone["images"])
    assert all(src == "desk" for _, src in desk["images"])  # charts at full width
    assert (phone["dir"], phone["lang"]) == (("rtl", "ar") if labels == "ar" else ("ltr", "en"))
    assert not errors, errors
