"""Mentions throughput, peak memory and linearity, with quantulum3 side by side (English).

Text: the bundled case documents and the golden-case sentences of each language, repeated to
the size measured (news-length paragraphs, one document). Throughput is UTF-8 kilobytes of
input per second of ``find_mentions``; peak memory is measured in a separate run under
tracemalloc (which slows Python down). quantulum3 (the ``bench`` extra) reads the same English
text; it is skipped when not installed.

    python benchmarks/bench_mentions.py              # 1 MB per language, 10 MB linearity
    python benchmarks/bench_mentions.py --large 50   # add a 50 MB run (or BENCH_LARGE_MB=50)
"""

from __future__ import annotations

import argparse
import os
import platform
import time
import tracemalloc
from pathlib import Path
from typing import Final

import yaml

from factcheck.mentions import find_mentions
from factcheck.model import Document

ROOT: Final = Path(__file__).resolve().parents[1]
MB: Final = 1_000_000
#: Seconds of quantulum3 reading at most (it is slow; its rate is steady well before that).
QUANTULUM_SECONDS: Final = 20.0
#: Sizes of the runs that measure peak memory (tracemalloc slows everything down).
MEMORY_MB: Final = (1, 5)


def corpus(language: str) -> str:
    """News-length text in one language: bundled documents and golden-case sentences."""
    parts: list[str] = []
    for case in sorted((ROOT / "factcheck" / "cases").glob("*/case.yaml")):
        data = yaml.safe_load(case.read_text(encoding="utf-8"))
        for doc in data.get("documents", []):
            if doc.get("language") == language and doc.get("path"):
                parts.append((case.parent / doc["path"]).read_text(encoding="utf-8"))
    for path in sorted((ROOT / "tests" / "cases" / language).glob("*.yaml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8")).get("cases") or []
        parts.append(" ".join(str(c["text"]) for c in cases))
    return "\n\n".join(parts)


def repeated(text: str, size_bytes: int) -> str:
    """``text`` repeated (whole paragraphs) until it is at least ``size_bytes`` of UTF-8."""
    unit = text + "\n\n"
    times = max(1, -(-size_bytes // len(unit.encode("utf-8"))))
    return unit * times


def throughput(text: str, language: str) -> tuple[float, int, float]:
    """(KB/s, mentions found, seconds) of find_mentions over ``text``."""
    doc = Document("bench", "bench", language, text)
    started = time.perf_counter()
    found = find_mentions(doc)
    seconds = time.perf_counter() - started
    return len(text.encode("utf-8")) / 1000 / seconds, len(found), seconds


def peak_memory(text: str, language: str) -> tuple[float, float]:
    """(peak MB allocated while reading, MB still held by the result) under tracemalloc.

    The input text is allocated before tracing starts; peak minus the result is the working
    memory of the reader, which should not grow with the input.
    """
    doc = Document("bench", "bench", language, text)
    tracemalloc.start()
    found = find_mentions(doc)
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del found
    return peak / MB, held / MB


def quantulum_throughput(text: str) -> tuple[float, int, float] | None:
    """(KB/s, quantities found, seconds) of quantulum3 over paragraphs of ``text``, or None."""
    try:
        from quantulum3 import parser
    except ImportError:
        return None
    parser.parse("warm up: 5 km")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    done, found, started = 0, 0, time.perf_counter()
    for paragraph in paragraphs:
        found += len(parser.parse(paragraph))
        done += len(paragraph.encode("utf-8"))
        if time.perf_counter() - started > QUANTULUM_SECONDS:
            break
    seconds = time.perf_counter() - started
    return done / 1000 / seconds, found, seconds


def machine() -> str:
    """CPU model and count, for the results table."""
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--size", type=float, default=1.0, help="MB per language (default 1)")
    args.add_argument("--linear", type=float, default=10.0, help="MB of the linearity run")
    args.add_argument(
        "--large",
        type=float,
        default=float(os.environ.get("BENCH_LARGE_MB", 0)),
        help="MB of an extra large run (0: none)",
    )
    opts = args.parse_args()
    print(f"machine: {machine()}")
    rates: dict[str, float] = {}
    for language in ("en", "ar", "fr"):
        text = repeated(corpus(language), int(opts.size * MB))
        kbs, n, secs = throughput(text, language)
        rates[language] = kbs
        print(
            f"{language}: {len(text.encode()) / MB:.1f} MB in {secs:.2f} s = {kbs:,.0f} KB/s, "
            f"{n:,} mentions"
        )
        for size in MEMORY_MB:
            peak, held = peak_memory(repeated(corpus(language), size * MB), language)
            print(
                f"   {size} MB input: peak {peak:.1f} MB, of which the result {held:.1f} MB, "
                f"working memory {peak - held:.1f} MB"
            )
    for size in [s for s in (opts.linear, opts.large) if s]:
        for language in ("en", "ar"):
            text = repeated(corpus(language), int(size * MB))
            kbs, n, secs = throughput(text, language)
            print(
                f"{language} linearity: {len(text.encode()) / MB:.0f} MB in {secs:.1f} s = "
                f"{kbs:,.0f} KB/s ({kbs / rates[language]:.2f} x the 1 MB rate), {n:,} mentions"
            )
    english = repeated(corpus("en"), int(opts.size * MB))
    q = quantulum_throughput(english)
    if q is None:
        print("quantulum3: not installed (pip install quantulum3, the 'bench' extra); skipped")
    else:
        kbs, n, secs = q
        print(
            f"quantulum3 (en): {kbs:,.1f} KB/s over {secs:.1f} s, {n:,} quantities; "
            f"factcheck is {rates['en'] / kbs:,.0f} x faster"
        )


if __name__ == "__main__":
    main()
