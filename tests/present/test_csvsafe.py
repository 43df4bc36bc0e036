"""CSV cells a spreadsheet would run as formulas are neutralised; numbers stay numbers."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.present.csvsafe import FORMULA_STARTS, neutralise, to_csv

HOSTILE = '=HYPERLINK("http://example.invalid","x") Police said 12 people were killed.\n'


def test_text_cells_starting_a_formula_get_a_quote() -> None:
    frame = pd.DataFrame(
        {
            "text": ["=1+2", "+33 6", "-5", "@SUM(A1)", "\tx", "\rx", "12", "a=b"],
            "low": [-5.0, 1.0, -2.5, 0.0, 1.0, 2.0, 12.0, 3.0],
        }
    )
    out = neutralise(frame)
    assert out["text"].tolist() == ["'=1+2", "'+33 6", "'-5", "'@SUM(A1)", "'\tx", "'\rx",
                                    "12", "a=b"]  # fmt: skip
    assert out["low"].tolist() == frame["low"].tolist()  # negative numbers are data
    assert frame["text"][0] == "=1+2"  # the input is not changed
    assert set(FORMULA_STARTS) == {"=", "+", "-", "@", "\t", "\r"}


def test_raw_keeps_every_cell() -> None:
    frame = pd.DataFrame({"text": ["=1+2"], "low": [-1.0]})
    assert to_csv(frame, raw=True) == "text,low\n=1+2,-1.0\n"
    assert to_csv(frame) == "text,low\n'=1+2,-1.0\n"


def _cells(csv_text: str, column: str) -> list[str]:
    return [row[column] for row in csv.DictReader(io.StringIO(csv_text))]


def test_the_command_line_neutralises_unless_raw_csv(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    args = [sys.executable, "-m", "factcheck", "extract", str(path), "--language", "en"]
    safe = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert safe.returncode == 0, safe.stderr
    assert _cells(safe.stdout, "sentence")[0].startswith("'=HYPERLINK(")
    assert _cells(safe.stdout, "low") == ["12.0"]
    raw = subprocess.run([*args, "--raw-csv"], capture_output=True, text=True, timeout=300)
    assert _cells(raw.stdout, "sentence")[0].startswith("=HYPERLINK(")


_CELLS = st.one_of(
    st.text(alphabet="=+-@\t\r a1'", max_size=4),
    st.none(),
    st.integers(-5, 5),
    st.booleans(),
    st.just(float("nan")),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_CELLS, min_size=1, max_size=6), st.lists(st.text(max_size=3), min_size=1))
def test_neutralise_writes_what_a_cell_by_cell_pass_writes(mixed: list, texts: list) -> None:
    """Columns without a formula are left as they are; the CSV is the same as quoting each
    cell on its own, whatever the column holds (strings, None, numbers, NaN, booleans)."""
    n = min(len(mixed), len(texts))
    frame = pd.DataFrame(
        {
            "mixed": pd.Series(mixed[:n], dtype=object),
            "text": pd.Series(texts[:n], dtype="str"),
            "low": [-1.0] * n,
        }
    )
    quoted = [
        ("'" + v) if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v
        for v in frame["mixed"]
    ]
    by_cell = frame.assign(
        mixed=pd.Series(quoted, dtype=object),  # every other cell exactly as it was
        text=[("'" + v) if v.startswith(FORMULA_STARTS) else v for v in frame["text"]],
    )
    assert neutralise(frame).to_csv(index=False) == by_cell.to_csv(index=False)
