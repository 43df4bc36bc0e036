"""How long align() and compare() take on 10,000 synthetic claims (target: a few seconds).

The claims imitate a large corpus: 1,000 events, each reported by several speakers and
relays, with killed/wounded/casualties/context figures, affiliations, subsets, updates over
days, hedged and vague figures and denials. Run: ``python -m benchmarks compare``.
"""

from __future__ import annotations

import math
import os
import platform
import random
import time
from datetime import date, datetime, timedelta

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


def main() -> None:
    print(f"machine: {os.cpu_count()} CPUs, {cpu_model()}, Python {platform.python_version()}, "
          f"pandas {pd.__version__}")  # fmt: skip
    compare(synthetic_claims(200, 20))  # warm the language data and registry caches
    run("scattered (most groups have one claim)", synthetic_claims())
    run("dense (about 3-4 claims per group)", synthetic_claims(
        events=500, measures=("killed", "wounded"), details=("ISIS",)))  # fmt: skip


if __name__ == "__main__":
    main()
