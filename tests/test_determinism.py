"""Outputs are byte-identical whatever Python's string hashing (PYTHONHASHSEED): no set or
hash order decides a row, a tie, a place or a chart."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SEEDS = ("0", "1", "4242")
#: Figures tied in every way a table can tie: same value, two places, two speakers.
TIES = (
    "Police said 12 people were killed in Paris. Reuters said 12 people were killed in Lyon.\n"
    "The ministry said 40 were wounded in France; AFP said 41 were wounded in Marseille.\n"
    "Straße: 1,234 protesters, the poli\u00adce said. \u202e30\u202c were arrested, 1e400 not.\n"
)


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_outputs_are_byte_identical_under_three_hash_seeds(tmp_path: Path) -> None:
    text = tmp_path / "ties.txt"
    text.write_text(TIES, encoding="utf-8")
    running = []
    for seed in SEEDS:
        out = tmp_path / f"out-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1700000000"}
        script = (
            "import sys; from factcheck.cli import main; "
            f"main(['compare', {str(text)!r}, '-o', {str(out / 'ties')!r}]); "
            f"main(['mentions', {str(text)!r}, '-o', {str(out / 'mentions.csv')!r}])"
        )
        out.mkdir()
        running.append(
            subprocess.Popen(
                [sys.executable, "-c", script],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    for proc in running:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    first = _files(tmp_path / f"out-{SEEDS[0]}")
    assert any(name.endswith(".svg") for name in first) and "ties/report.html" in first
    for seed in SEEDS[1:]:
        other = _files(tmp_path / f"out-{seed}")
        assert other.keys() == first.keys()
        differ = [name for name in first if first[name] != other[name]]
        assert not differ, f"PYTHONHASHSEED={seed} changes {differ}"
