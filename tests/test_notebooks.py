"""Execute each notebook with injected parameters and check what it produced.

Selected with ``-m notebooks``; part of ``make test``. Needs the ``notebooks`` extra
(papermill, ipykernel) and the top-level API the notebooks call.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

import factcheck
from factcheck.schema import MENTION_COLUMNS

papermill = pytest.importorskip("papermill", reason="needs the 'notebooks' extra")

pytestmark = pytest.mark.notebooks

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
CASES = Path(factcheck.__file__).parent / "cases"
#: The top-level functions the notebooks call.
API = ("load_case", "mentions", "extract", "compare", "side_by_side", "plot_discrepancies",
       "plot_timeline", "report")  # fmt: skip


def _execute(name: str, tmp_path: Path, **parameters) -> dict:
    missing = [n for n in API if not callable(getattr(factcheck, n, None))]
    if missing:
        pytest.skip(f"factcheck does not export {', '.join(missing)} yet")
    target = tmp_path / name
    papermill.execute_notebook(
        str(NOTEBOOKS / name), str(target), parameters=parameters, cwd=str(tmp_path),
        progress_bar=False, kernel_name="python3",
    )  # fmt: skip
    return json.loads(target.read_text(encoding="utf-8"))


def _outputs(book: dict) -> str:
    """All text the executed notebook displayed (plain and HTML representations)."""
    parts = []
    for cell in book["cells"]:
        for out in cell.get("outputs", []):
            parts += out.get("text", [])
            for kind in ("text/plain", "text/html"):
                value = out.get("data", {}).get(kind, "")
                parts += value if isinstance(value, list) else [value]
    return "".join(parts)


def test_committed_notebooks_are_thin_and_clean():
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        book = json.loads(path.read_text(encoding="utf-8"))
        code = [c for c in book["cells"] if c["cell_type"] == "code"]
        assert "parameters" in code[1]["metadata"].get("tags", []), path.name
        assert "import factcheck" in "".join(code[0]["source"]), path.name
        for cell in code:
            source = "".join(cell["source"])
            assert not cell["outputs"] and cell["execution_count"] is None, path.name
            assert "\ndef " not in f"\n{source}" and "\nclass " not in f"\n{source}", path.name


def test_walkthrough_on_the_bundled_case(tmp_path):
    out = tmp_path / "out"
    book = _execute("01_anbar_raid_walkthrough.ipynb", tmp_path, out_dir=str(out))
    text = _outputs(book)
    assert "US Central Command" in text and "Iraqi Joint Operations Command" in text
    assert "discrepant" in text and "[15, 15]" in text and "[14, 14]" in text
    assert "Associated Press" in text  # the relay of the wounded figure
    for name in ("discrepancies.png", "discrepancies.svg", "agreement.png"):
        assert (out / "charts" / name).stat().st_size > 1000
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "discrepant" in report and "<script" not in report
    images = [o for c in book["cells"] for o in c.get("outputs", []) if "image/png" in o.get(
        "data", {})]  # fmt: skip
    assert images, "the discrepancy chart is shown in the notebook"


def test_compare_your_own_text_files(tmp_path):
    folder = tmp_path / "my_articles"
    folder.mkdir()
    for stem in ("centcom-statement", "ina-report", "ap-wire"):
        shutil.copy(CASES / "anbar-raid-2024-08" / f"{stem}.txt", folder)
    out = tmp_path / "out"
    _execute("02_compare_your_own_sources.ipynb", tmp_path, sources=str(folder),
             out_dir=str(out), title="Three articles")  # fmt: skip
    comparison = pd.read_csv(out / "comparison.csv")
    killed = comparison[comparison["measure"] == "killed"]
    assert (killed["verdict"] == "discrepant").any()
    assert {14.0, 15.0} <= set(killed["low"]) | set(killed["high"])
    assert (out / "report.html").is_file() and (out / "charts" / "discrepancies.png").is_file()
    assert (out / "claimreview.jsonld").is_file() and (out / "ucdp.csv").is_file()
    mentions = pd.read_csv(out / "mentions.csv")  # like the command line writes it
    assert list(mentions.columns[:9]) == list(MENTION_COLUMNS) and len(mentions) > 3


def test_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(papermill.PapermillExecutionError) as caught:
        _execute("02_compare_your_own_sources.ipynb", tmp_path, sources="my_articles",
                 out_dir=str(tmp_path / "out"))  # fmt: skip
    assert "CaseError" in caught.value.ename
    assert "my_articles: no such folder" in caught.value.evalue
    assert not (tmp_path / "out").exists()  # nothing analysed, nothing written


def test_compare_pasted_texts(tmp_path):
    texts = {
        "Wire A": "At least 12 people were killed in the blast, police said on Monday.",
        "Wire B": "The health ministry said 9 people were killed in the blast on Monday.",
    }
    out = tmp_path / "out"
    book = _execute("02_compare_your_own_sources.ipynb", tmp_path, texts=texts,
                    out_dir=str(out), language="en")  # fmt: skip
    assert "Wire A" in _outputs(book)
    assert (out / "report.html").is_file() and (out / "claims.csv").is_file()


def test_how_a_toll_changed(tmp_path):
    out = tmp_path / "out"
    book = _execute("03_how_a_toll_changed.ipynb", tmp_path, out_dir=str(out))
    text = _outputs(book)
    assert "Killed people" in text and "Sudanese Ministry of Health" in text
    assert (out / "charts" / "timeline.png").stat().st_size > 1000
    assert (out / "report.html").is_file()


def test_updates_within_a_day(tmp_path):
    out = tmp_path / "out"
    book = _execute("04_updates_within_a_day.ipynb", tmp_path, out_dir=str(out))
    text = _outputs(book)
    assert "updated" in text and "discrepant" in text
    assert "Lebanese Ministry of Public Health" in text and "12 -> 17 -> 21" in text
    assert (out / "charts" / "timeline.png").stat().st_size > 1000
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "updated" in report and "discrepant" in report and "<script" not in report
