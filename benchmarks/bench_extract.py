"""Claims extraction throughput (``factcheck.extract`` without the comparison), per language.

Text: the bundled case documents of each language, each document repeated as many times as
needed to reach the size measured, so the input stays news prose (unlike the golden-case
sentences of bench_mentions, which are far denser in figures). The clock covers the mentions
and claims stages together, after the language data and registry are loaded once.

    python benchmarks/bench_extract.py            # about 200 KB per language, best of 3
"""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path
from typing import Final

from factcheck.case import load_case
from factcheck.claims import extract_claims
from factcheck.mentions import find_mentions
from factcheck.model import Document

ROOT: Final = Path(__file__).resolve().parents[1]
#: Bytes of text per language and run: large enough for a steady rate, small enough for make bench.
SIZE_BYTES: Final = 200_000
RUNS: Final = 3


def documents(language: str) -> list[Document]:
    """The bundled documents of one language, each repeated to news-article multiples."""
    docs = []
    for case_file in sorted((ROOT / "factcheck" / "cases").glob("*/case.yaml")):
        docs += [d for d in load_case(case_file).documents if d.language == language]
    return docs


def run(docs: list[Document]) -> tuple[float, int]:
    """(seconds, claims) to extract claims from every document."""
    started = time.perf_counter()
    n = 0
    for doc in docs:
        n += len(extract_claims(doc, find_mentions(doc)))
    return time.perf_counter() - started, n


def machine() -> str:
    """CPU model, core count and Python version, for quoting numbers with their machine."""
    model = platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{model}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def main() -> None:
    print(f"machine: {machine()}")
    for language in ("ar", "en", "fr"):
        base = documents(language)
        if not base:
            continue
        unit = sum(len(d.text.encode("utf-8")) for d in base)
        copies = max(1, SIZE_BYTES // unit)
        docs = [
            Document(f"{d.id}-{i}", d.publisher, d.language, d.text, d.published)
            for i in range(copies)
            for d in base
        ]
        run(docs[:1])  # load language data and registry outside the clock
        size_kb = unit * copies / 1000
        seconds, claims = min(run(docs) for _ in range(RUNS))
        print(
            f"{language}: {len(docs)} documents, {size_kb:.0f} KB, {claims} claims, "
            f"{seconds:.2f} s -> {size_kb / seconds:.0f} KB/s "
            f"({len(docs) / seconds:.0f} documents/s)"
        )


if __name__ == "__main__":
    main()
