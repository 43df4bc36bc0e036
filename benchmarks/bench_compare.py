"""How long ``factcheck.compare`` takes, and how much memory, from 10,000 to 1,000,000 claims.

Two parts, run by ``python -m benchmarks compare`` (``make bench``):

- scale: generated claims tables (:mod:`factcheck.compare.generate`: n/10 events, about n/10
  distinct named speakers, relays, revisions, denials, "none reported", subsets, places) of
  10k, 100k and 1M rows, and 100k rows with 1k, 10k and 100k distinct speakers. Each leg runs
  in a fresh process that reads the table from Parquet and calls the public
  ``factcheck.compare`` (align included) once: wall time, the process's CPU time, and its
  peak resident memory (``ru_maxrss``, the table included). ``BENCH_COMPARE_MAX=100000``
  stops before the 1M leg. The 1M table is also read with its text columns other than the
  identifiers as categoricals (Parquet dictionary columns, ``read_dictionary``): the same
  comparison of a table that takes half the memory. A third 1M leg reads the `str` table
  with pyarrow's system allocator (``ARROW_DEFAULT_MEMORY_POOL=system``): its default pool
  (mimalloc) keeps mapped much of what the comparison frees.
- the older 10,000-claim legs (align and compare separately, best of 3).
"""

from __future__ import annotations

import json
import math
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Final

import pandas as pd

from factcheck.align import align
from factcheck.compare import compare
from factcheck.schema import CLAIM_COLUMNS

N_CLAIMS = 10_000
N_EVENTS = 1_000
REPEATS = 3
SEED = 20240829

SPEAKERS = [
    "US Central Command", "Iraqi Joint Operations Command", "Iraqi Ministry of Health",
    "Sudanese Civil Defence", "UN Office for the Coordination of Humanitarian Affairs",
    "Paris Police Prefecture", "General Confederation of Labour", "Red Crescent",
    "unnamed sources", "unnamed officials", "Syrian Observatory for Human Rights",
] + [f"Provincial Council {i}" for i in range(40)]  # fmt: skip
RELAYS = ["", "", "", "Associated Press", "Reuters", "Iraqi News Agency", "Reuters -> AFP"]
MEASURES = ["killed", "killed", "wounded", "casualties", "arrested", "displaced"]
SUBJECTS = {
    "killed": ["militants", "civilians", "soldiers"], "wounded": ["soldiers", "people"],
    "casualties": ["civilians"], "arrested": ["people"], "displaced": ["people"],
}  # fmt: skip
DETAILS = ["", "", "ISIS", "US", "Iraqi", "ISIS leaders", "Iraqi army"]
QUALIFIERS = ["exact"] * 6 + ["at_least", "about", "range", "vague"]


def synthetic_claims(
    n: int = N_CLAIMS,
    events: int = N_EVENTS,
    measures: tuple[str, ...] = tuple(MEASURES),
    details: tuple[str, ...] = tuple(DETAILS),
) -> pd.DataFrame:
    """``n`` claims spread over ``events`` events (deterministic)."""
    rng = random.Random(SEED)
    rows = []
    for i in range(n):
        event = rng.randrange(events)
        day = date(2024, 1, 1) + timedelta(days=event % 300)
        measure = rng.choice(measures)
        qualifier = rng.choice(QUALIFIERS)
        value = float(rng.randint(0, 60) + 10 * (event % 7))
        low, high = value, value
        if qualifier == "at_least":
            high = math.nan
        elif qualifier in ("range", "vague"):
            high = value + rng.randint(1, 30)
        scope = "context" if rng.random() < 0.05 else "event"
        rows.append({
            "claim_id": f"doc{event}-{i % 5}:{i}", "doc_id": f"doc{event}-{i % 5}",
            "publisher": f"Outlet {i % 5}", "language": rng.choice(["ar", "en", "fr"]),
            "speaker": rng.choice(SPEAKERS), "speaker_text": "", "via": rng.choice(RELAYS),
            "measure": measure, "subject": rng.choice(SUBJECTS[measure]),
            "subject_detail": rng.choice(details), "low": low, "high": high,
            "qualifier": qualifier,
            "polarity": "denied" if rng.random() < 0.01 else "asserted",
            "scope": scope, "value_text": str(int(value)), "start": i, "end": i + 2,
            "sentence": "", "event_date": day if rng.random() < 0.9 else None,
            "reported_at": datetime.combine(day, datetime.min.time())
            + timedelta(hours=rng.randint(0, 96)),
            "kind": "casualty", "case_id": f"case{event}",
        })  # fmt: skip
    return pd.DataFrame(rows, columns=[*CLAIM_COLUMNS, "case_id"])


def best_of(fn, repeats: int = REPEATS) -> tuple[float, object]:
    """Fastest wall time of ``repeats`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return min(times), result


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def run(name: str, claims: pd.DataFrame) -> None:
    t_align, aligned = best_of(lambda: align(claims))
    t_compare, table = best_of(lambda: compare(aligned))
    t_total, _ = best_of(lambda: compare(claims))
    print(f"-- {name}: {len(claims):,} claims, {len(table):,} groups")
    print(f"align:            {t_align:.2f} s (best of {REPEATS})")
    print(f"compare(aligned): {t_compare:.2f} s")
    print(f"compare(claims):  {t_total:.2f} s (align + compare)")
    print(" ".join(f"{k}={v}" for k, v in table["verdict"].value_counts().items()))


LEG: Final = """
import json, resource, sys, time
import pandas as pd
from factcheck import compare
from factcheck.compare.generate import claims_table
compare(claims_table(200, seed=1))  # language data and registry loaded once, as in a session
dictionary = sys.argv[2].split(",") if len(sys.argv) > 2 else None  # read as categoricals
claims = pd.read_parquet(sys.argv[1], read_dictionary=dictionary)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
wall, cpu = time.perf_counter(), time.process_time()
table = compare(claims)
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"wall": wall, "cpu": cpu, "peak_mb": peak / 1024, "input_mb": before / 1024,
                  "groups": len(table), "speakers": int(claims["speaker"].nunique())}))
"""


#: Text columns of few distinct values, read as categoricals in the compact 1M leg (every
#: text column of the claims table but the identifiers).
DICTIONARY: Final = (
    "publisher", "language", "speaker", "speaker_text", "via", "measure", "subject",
    "subject_detail", "qualifier", "polarity", "scope", "value_text", "sentence", "kind", "place",
)  # fmt: skip


def leg(
    n: int, speakers: int | None = None, compact: bool = False, system: bool = False
) -> dict[str, float]:
    """One compare of ``n`` generated claims in a fresh process (see the module docstring);
    ``compact``: the text columns of :data:`DICTIONARY` read as categoricals; ``system``:
    pyarrow allocates with the system allocator (``ARROW_DEFAULT_MEMORY_POOL=system``)
    instead of its default pool, which keeps more of what it frees mapped."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "claims.parquet"
        # generated in a process of its own: a child inherits its parent's peak memory mark
        write = (
            "from factcheck.compare.generate import claims_table as t; "
            f"t({n}, speakers={speakers}).to_parquet({str(path)!r})"
        )
        subprocess.run([sys.executable, "-c", write], check=True)
        args = [sys.executable, "-c", LEG, str(path), *([",".join(DICTIONARY)] if compact else [])]
        env = {**os.environ, "ARROW_DEFAULT_MEMORY_POOL": "system"} if system else None
        run = subprocess.run(args, capture_output=True, text=True, check=True, env=env)
    return json.loads(run.stdout.strip().splitlines()[-1])


def _row(n: int | str, r: dict[str, float]) -> None:
    n = f"{n:,}" if isinstance(n, int) else n
    print(f"| {n} | {r['speakers']:,} | {r['groups']:,} | {r['wall']:.1f} | {r['cpu']:.1f} | "
          f"{r['peak_mb']:.0f} ({r['input_mb']:.0f}) |", flush=True)  # fmt: skip


def scale() -> None:
    """The scale table: rows, then distinct speakers; growth exponents on CPU and wall."""
    largest = int(os.environ.get("BENCH_COMPARE_MAX", "1000000"))
    print("\n## factcheck.compare at scale (fresh process per leg, align included)")
    print("| claims | distinct speakers | groups | wall s | CPU s | peak RSS MB (input loaded) |")
    print("|---|---|---|---|---|---|")
    rows: dict[int, dict[str, float]] = {}
    for n in (10_000, 100_000, 1_000_000):
        if n > largest:
            break
        rows[n] = leg(n)
        _row(n, rows[n])
    for a, b in zip(list(rows), list(rows)[1:], strict=False):
        cpu = math.log(rows[b]["cpu"] / rows[a]["cpu"]) / math.log(b / a)
        wall = math.log(rows[b]["wall"] / rows[a]["wall"]) / math.log(b / a)
        print(f"growth {a:,} -> {b:,} claims: exponent {cpu:.2f} (CPU), {wall:.2f} (wall)")
    if 1_000_000 in rows:
        r = rows[1_000_000]
        c = leg(1_000_000, compact=True)
        _row("1,000,000 (categoricals)", c)
        s = leg(1_000_000, system=True)
        _row("1,000,000 (pyarrow's system allocator)", s)
        print(f"1M claims: {r['wall']:.1f} s wall, {r['cpu']:.1f} s CPU,"
              f" peak {r['peak_mb']:.0f} MB; text columns as categoricals: {c['wall']:.1f} s wall,"
              f" {c['cpu']:.1f} s CPU,"
              f" peak {c['peak_mb']:.0f} MB; pyarrow's system allocator: peak"
              f" {s['peak_mb']:.0f} MB (targets: < 60 s, < 1 GB)")  # fmt: skip
    by_speakers = {k: leg(100_000, k) for k in (1_000, 10_000, 100_000)}
    for r in by_speakers.values():
        _row(100_000, r)
    first, last = by_speakers[1_000], by_speakers[100_000]
    exponent = math.log(last["cpu"] / first["cpu"]) / math.log(last["speakers"] / first["speakers"])
    print(f"growth in distinct speakers (100k claims): exponent {exponent:.2f} (CPU)")


def main() -> None:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else math.nan
    print(f"machine: {os.cpu_count()} CPUs, {cpu_model()}, Python {platform.python_version()}, "
          f"pandas {pd.__version__}, load average {load:.1f} at start")  # fmt: skip
    scale()
    compare(synthetic_claims(200, 20))  # warm the language data and registry caches
    run("scattered (most groups have one claim)", synthetic_claims())
    run("dense (about 3-4 claims per group)", synthetic_claims(
        events=500, measures=("killed", "wounded"), details=("ISIS",)))  # fmt: skip


if __name__ == "__main__":
    main()
