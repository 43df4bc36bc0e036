"""The command reads a short article without importing the table and chart libraries: they
cost several times the work itself at start-up (docs/benchmarks.md); speed is measured in
`make bench`, this only checks what is imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("pandas", "numpy", "pyarrow", "matplotlib")
SCRIPT = (
    "import sys\n"
    "from factcheck.cli import main\n"
    "status = main(['extract', sys.argv[1], '--format', sys.argv[2]])\n"
    f"print('HEAVY', sorted(m for m in {HEAVY!r} if m in sys.modules), status)\n"
)


def _run(path: Path, fmt: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(path), fmt], capture_output=True, text=True, check=True
    )
    return done.stdout


def test_extract_of_one_article_imports_no_table_library(tmp_path: Path) -> None:
    article = tmp_path / "wire.txt"
    article.write_text(
        "Police said 14 people were hurt in the blast on Tuesday, and the health ministry "
        "said two of them died in hospital.\n",
        encoding="utf-8",
    )
    csv_out = _run(article, "csv")
    assert csv_out.rstrip().endswith("HEAVY [] 0")
    assert "wire:12,wire,wire,en,police,Police,,wounded,people,,14.0,14.0," in csv_out
    json_out = _run(article, "json")
    assert json_out.rstrip().endswith("HEAVY [] 0")
    assert '"low": 14.0' in json_out
