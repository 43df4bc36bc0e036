"""The core package installed alone (no extras) into a fresh virtual environment runs: every
import it makes is satisfied by the core dependencies of pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, cwd=cwd, timeout=900
    )


@pytest.mark.network
def test_core_install_runs_help_and_extract(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(
        REPO / "factcheck", source / "factcheck", ignore=shutil.ignore_patterns("__pycache__")
    )
    venv = tmp_path / "venv"
    made = _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    bin_dir = venv / "bin"
    # this environment's pip installs into the new one; --no-compile skips byte-compiling
    # pandas and matplotlib, most of the time an install takes
    pip = _run(
        sys.executable, "-m", "pip", "--python", bin_dir / "python", "install", "--quiet",
        "--no-compile", source, cwd=tmp_path,
    )  # fmt: skip
    if pip.returncode != 0 and "Could not find a version" in pip.stderr + pip.stdout:
        pytest.skip("the package index cannot be reached (offline)")
    assert pip.returncode == 0, pip.stderr[-2000:]
    helped = _run(bin_dir / "factcheck", "--help", cwd=tmp_path)
    assert helped.returncode == 0, helped.stderr
    assert "extract" in helped.stdout
    report = tmp_path / "wire.txt"
    report.write_text("Police said 12 people were killed and 30 wounded.\n", encoding="utf-8")
    done = _run(bin_dir / "factcheck", "extract", report, "--format", "jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert '"value_text": "12"' in done.stdout and '"measure": "killed"' in done.stdout
    extras = _run(
        bin_dir / "python",
        "-c",
        "import sys, factcheck; "
        "print(sorted(m for m in ('hypothesis', 'jupyter', 'nbclient', 'papermill', 'pytest') "
        "if m in sys.modules))",
        cwd=tmp_path,
    )
    assert extras.stdout.strip() == "[]", extras.stderr
