"""``make fuzz``: many generated cases through mentions, extract and compare, counted.

Each case is one generated text run through every stage (:func:`checks.check_pipeline`:
spans against the text and the offset-map oracle, digit coverage, finite values, verbatim
speaker_text, a comparison of finite figures); each batch also compares a generated
claims table with NaN, inf, negative and empty values. Texts go in batches of
:data:`BATCH` documents of one case, so the tables are built once per batch. Problems are
counted, not raised, and the last line is the summary; the exit status is 1 when any count is not 0.

    python -m tests.robust.fuzz --cases 100000 --jobs 2
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import sys
import time
import warnings

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

#: Texts per generated case file: each is one document, read, attributed and compared.
BATCH = 20
#: Every how many batches a run is repeated to check it gives the same comparison.
TABLE_EVERY = 10
#: Every how many batches a worker reports its progress on standard error.
PROGRESS_EVERY = 100
#: Examples of each problem kind printed before the summary.
SHOWN = 3


def _worker(args: tuple[int, int]) -> tuple[collections.Counter, dict[str, list[str]]]:
    worker, cases = args
    from tests.robust import checks
    from tests.robust.strategies import any_text, claims_tables

    warnings.simplefilter("ignore")
    counts: collections.Counter = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    config = settings(
        max_examples=max(1, cases // BATCH),
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )

    def record(problems: list[checks.Problem]) -> None:
        for kind, detail in problems:
            counts[kind] += 1
            if len(examples[kind]) < SHOWN:
                examples[kind].append(detail)
                print(f"worker {worker}: {kind}: {detail}", file=sys.stderr, flush=True)

    @seed(1000 + worker)
    @config
    @given(st.lists(any_text, min_size=BATCH, max_size=BATCH), claims_tables())
    def run(texts: list[str], table) -> None:
        counts["cases"] += len(texts)
        counts["batches"] += 1
        if counts["batches"] % PROGRESS_EVERY == 0:
            print(
                f"worker {worker}: {counts['cases']} cases, "
                f"{sum(counts[k] for k in checks.KINDS)} problems",
                file=sys.stderr,
                flush=True,
            )
        extra = counts["batches"] % TABLE_EVERY == 0
        record(checks.check_pipeline(texts, stable=extra))
        counts["tables"] += 1
        record(checks.check_compare(table))

    run()
    return counts, dict(examples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.robust.fuzz")
    parser.add_argument("--cases", type=int, default=100_000, help="generated texts in all")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    args = parser.parse_args(argv)
    began = time.monotonic()
    share = [args.cases // args.jobs + (i < args.cases % args.jobs) for i in range(args.jobs)]
    with multiprocessing.get_context("spawn").Pool(args.jobs) as pool:
        results = pool.map(_worker, list(enumerate(share)))
    counts: collections.Counter = collections.Counter()
    for part, examples in results:
        counts.update(part)
        for kind, details in examples.items():
            for detail in details[:SHOWN]:
                print(f"{kind}: {detail}")
    from tests.robust.checks import KINDS

    names = {
        "exception": "unexpected exceptions",
        "span": "wrong spans",
        "oracle": "spans differing from the oracle",
        "uncovered": "uncovered digit runs",
        "nonfinite": "non-finite values",
        "speaker_text": "speaker_text not verbatim",
        "unstable": "unstable outputs",
    }
    found = ", ".join(f"{counts[k]} {names[k]}" for k in KINDS)
    print(
        f"fuzz: {counts['cases']} cases through mentions/extract/compare and "
        f"{counts['tables']} claims tables through compare in "
        f"{time.monotonic() - began:.0f} s: {found}"
    )
    return 1 if any(counts[k] for k in KINDS) else 0


if __name__ == "__main__":
    sys.exit(main())
