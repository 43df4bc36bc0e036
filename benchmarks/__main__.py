"""Run every ``benchmarks/bench_*.py`` as a script, one after another (``make bench``).

``python -m benchmarks mentions`` runs only the benchmarks whose name contains ``mentions``.
"""

from __future__ import annotations

import runpy
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    selected = [
        p for p in sorted(HERE.glob("bench_*.py")) if not argv or any(a in p.stem for a in argv)
    ]
    for path in selected:
        print(f"== {path.stem}", flush=True)
        started = time.perf_counter()
        saved = sys.argv
        sys.argv = [str(path)]
        try:
            runpy.run_path(str(path), run_name="__main__")
        finally:
            sys.argv = saved
        print(f"== {path.stem} done in {time.perf_counter() - started:.1f} s\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
