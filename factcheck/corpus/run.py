"""Corpus mode: the claims of many documents, streamed to one file, on every core.

``factcheck extract FOLDER_OR_GLOB... -o claims.parquet`` (or ``.csv``, ``.jsonl``) reads an
archive one unit at a time: each plain ``.txt`` file is its own case (so its country and
places are settled from its own text, as ``factcheck extract FILE`` does), each case folder or
case.yaml is one case. Units are read by ``jobs`` worker processes, and their claims are
written in the order of the units, whatever the number of workers; a unit that fails is
written to the errors file with its reason and the run goes on. Memory stays flat: at most a
few units per worker are in flight, and rows are written as they come.

>>> from pathlib import Path
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Police said 12 people were killed.", encoding="utf-8")
>>> summary = extract_corpus([folder], folder / "claims.csv", jobs=1, progress=False)
>>> summary.documents, summary.claims, summary.failed
(1, 1, 0)
"""

from __future__ import annotations

import csv
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from factcheck.corpus.units import find_units
from factcheck.corpus.work import results
from factcheck.corpus.write import encoder_for, progress_bar, writer_for
from factcheck.errors import FactcheckError

#: Output formats by file suffix.
SUFFIXES: Final = {".csv": "csv", ".jsonl": "jsonl", ".parquet": "parquet"}


@dataclass(frozen=True)
class Summary:
    """What a corpus run did."""

    documents: int
    claims: int
    failed: int
    bytes: int
    seconds: float
    errors_path: Path | None


def extract_corpus(
    inputs: Sequence[str | Path],
    output: str | Path | None,
    *,
    fmt: str | None = None,
    jobs: int | None = None,
    errors: str | Path | None = None,
    progress: bool = True,
    all_columns: bool = False,
    raw_csv: bool = False,
    **options: Any,
) -> Summary:
    """Extract every unit of ``inputs`` into ``output`` (None: standard output, csv/jsonl).

    ``fmt`` defaults to the suffix of ``output``; ``jobs`` to every core; ``errors`` to
    ``<output>.errors.csv`` (one row per failed unit: path and reason), written only when a
    unit fails. ``options`` are those of :func:`factcheck.load_case` for plain text files.
    """
    units = find_units(inputs)
    out = Path(output) if output is not None else None
    fmt = fmt or (SUFFIXES.get(out.suffix.lower()) if out else None) or "csv"
    if fmt not in ("csv", "jsonl", "parquet"):
        raise FactcheckError(f"{output}: corpus mode writes csv, jsonl or parquet, not {fmt}")
    if fmt == "parquet" and out is None:
        raise FactcheckError("<output>: Parquet needs a file: give -o claims.parquet")
    jobs = max(1, jobs or os.cpu_count() or 1)
    errors_path = Path(errors) if errors else (_errors_next_to(out) if out else None)
    writer = writer_for(fmt, out, raw_csv)
    bar = progress_bar(len(units), progress)
    failed: list[tuple[str, str]] = []
    started = time.perf_counter()
    done_bytes = claims = 0
    try:
        encode = encoder_for(fmt, raw_csv)
        for unit, (table, error, size) in results(units, options, all_columns, jobs, encode):
            done_bytes += size
            if error:
                failed.append((unit.path, error))
            else:
                claims += len(table)
                writer.write(table)
            bar.step(done_bytes, time.perf_counter() - started)
    finally:
        writer.close()
        bar.close()
    written = None
    if failed:
        written = errors_path or Path("factcheck-errors.csv")
        with written.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["path", "error"])
            w.writerows(failed)
    return Summary(
        len(units), claims, len(failed), done_bytes, time.perf_counter() - started, written
    )


def _errors_next_to(out: Path) -> Path:
    return out.with_name(out.stem + ".errors.csv")
