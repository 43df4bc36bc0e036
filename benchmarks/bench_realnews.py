"""The public API on real news: every document of the real-news corpus read once.

The generated news of the other benchmarks holds a figure every 60-95 bytes; real reports
hold fewer figures but longer names, relays and attribution chains, so their rate per byte
differs. This benchmark reads the real-news excerpts that sit beside the checkout
(``../shared/realnews/events/*.yaml``, or the folder in ``FACTCHECK_REALNEWS``; skipped with
a message when absent: the texts are third-party excerpts and never part of the project).

Each run is a fresh process that loads the language data on a generated article, then reads
every real document once, so no cache keyed by text or phrase is warm: first as each
document alone (``factcheck.mentions`` and ``factcheck.extract`` per document, as corpus
mode reads an archive of articles), then as one document per language (the articles joined),
which leaves out the fixed cost of a call. Rates are UTF-8 KB of input per CPU second,
medians of ``REPEATS`` runs with the spread (min-max). The peers read the same documents,
paragraph by paragraph, in the same process.

    python -m benchmarks realnews
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parents[1]
REPEATS: Final = 3

#: One run in a fresh process: prints a JSON object of CPU seconds per (api, language, how).
_RUN: Final = """
import gc, json, sys, time, yaml, factcheck
from factcheck.synthetic import article
docs = {}
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        for doc in yaml.safe_load(f)["documents"]:
            docs.setdefault(doc["language"], []).append(doc["text"])
out = {}
for language, texts in sorted(docs.items()):
    factcheck.extract(article(1, language), language=language)  # language data, not timed
    gc.collect()  # start-up's one-off (bench_extract.SETTLE)
    for api in ("mentions", "extract"):
        fn = getattr(factcheck, api)
        cpu = time.process_time()
        for text in texts:
            fn(text, language=language)
        out[f"{api} {language} each"] = time.process_time() - cpu
    joined = "\\n\\n".join(texts)
    for api in ("mentions", "extract"):
        fn = getattr(factcheck, api)
        cpu = time.process_time()
        fn(joined, language=language)
        out[f"{api} {language} joined"] = time.process_time() - cpu
    out[f"bytes {language}"] = sum(len(t.encode("utf-8")) for t in texts)
    out[f"documents {language}"] = len(texts)
print(json.dumps(out))
"""


def corpus() -> list[Path]:
    """The real-news event files, or [] when the corpus is not beside the checkout."""
    folder = Path(os.environ.get("FACTCHECK_REALNEWS", ROOT.parent / "shared" / "realnews"))
    return sorted((folder / "events").glob("*.yaml"))


def runs(paths: list[Path]) -> list[dict[str, float]]:
    """``REPEATS`` fresh-process runs over the corpus."""
    done = []
    for _ in range(REPEATS):
        child = subprocess.run(
            [sys.executable, "-c", _RUN, *map(str, paths)],
            check=True,
            capture_output=True,
            text=True,
        )
        done.append(json.loads(child.stdout.strip().splitlines()[-1]))
    return done


def _rate(results: list[dict[str, float]], key: str, size: float) -> str:
    rates = sorted(size / 1000 / r[key] for r in results)
    return f"{statistics.median(rates):,.0f} KB/s ({rates[0]:,.0f}-{rates[-1]:,.0f})"


def peers(paths: list[Path], results: list[dict[str, float]]) -> None:
    """The installed peers over the same documents, paragraph by paragraph, against the
    kit's median ``mentions`` rate per language (documents read one by one)."""
    import time

    import yaml

    from benchmarks.bench_extract import _peers

    docs: dict[str, list[str]] = {}
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for doc in yaml.safe_load(f)["documents"]:
                docs.setdefault(doc["language"], []).append(doc["text"])
    for name, (language, fn) in _peers().items():
        paragraphs = [p for t in docs.get(language, []) for p in t.split("\n") if p.strip()]
        if not paragraphs:
            continue
        fn(paragraphs[0])  # its data loaded outside the clock
        cpu = time.process_time()
        for p in paragraphs:
            fn(p)
        size = sum(len(p.encode("utf-8")) for p in paragraphs)
        rate = size / 1000 / (time.process_time() - cpu)
        ours = statistics.median(
            r[f"bytes {language}"] / 1000 / r[f"mentions {language} each"] for r in results
        )
        print(f"{name}: {rate:,.1f} KB/s; factcheck.mentions / {name}: {ours / rate:,.2f}")


def main() -> None:
    from benchmarks.bench_extract import machine

    paths = corpus()
    if not paths:
        print("realnews skipped: ../shared/realnews/events not found beside the checkout")
        return
    print(f"machine: {machine()}")
    results = runs(paths)
    print(f"\n## real news: {len(paths)} events, each document read once per run (CPU time)")
    for language in sorted(k.split()[1] for k in results[0] if k.startswith("bytes")):
        size = results[0][f"bytes {language}"]
        n = int(results[0][f"documents {language}"])
        print(
            f"{language}: {n} documents, {size / 1000:.1f} KB; one by one: mentions "
            f"{_rate(results, f'mentions {language} each', size)}, extract "
            f"{_rate(results, f'extract {language} each', size)}; joined: mentions "
            f"{_rate(results, f'mentions {language} joined', size)}, extract "
            f"{_rate(results, f'extract {language} joined', size)}"
        )
    print("\n## peers, same process, same real documents (paragraph by paragraph, CPU time)")
    peers(paths, results)


if __name__ == "__main__":
    main()
