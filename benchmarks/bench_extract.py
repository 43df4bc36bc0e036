"""The public API at scale: factcheck.mentions, factcheck.extract, corpus mode, the command.

Text: generated news articles (:mod:`factcheck.synthetic`, about 3 KB each, every one with
its own speakers, places, figures and days), never repeated copies, so no text-keyed cache
helps; each repeat reads a different text of the same size. Peers run in the same process on
the same texts, paragraph by paragraph: quantulum3 (English), Recognizers-Text
(``recognizers-text-suite``, English and French; it has no Arabic) and pyarabic (Arabic
number words). Times are medians of ``REPEATS`` runs with their spread (min-max).

    python -m benchmarks extract              # about 5 minutes on 2 cores
    BENCH_LARGE=1 python -m benchmarks extract   # adds the 10 MB legs of the growth exponents
"""

from __future__ import annotations

import gc
import math
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, Final

import factcheck
from factcheck.corpus import extract_corpus
from factcheck.synthetic import articles, one_document

ROOT: Final = Path(__file__).resolve().parents[1]
#: SETTLE: once per process, the first collections after the language data is loaded walk
#: its objects (about 80,000) to move them to the collector's oldest generation: about 60
#: ms, a start-up cost (measured with the command's start-up), not a cost of reading. The
#: throughput runs collect once after loading, so that this one-off is not charged to the
#: first timed document; a long corpus run pays it once.
#: Bytes of text per throughput run and language.
SIZE: Final = 150_000
REPEATS: Final = 3
#: Text given to each peer (they are far slower than the kit; the rate is what counts).
PEER_SIZE: Final = 30_000
#: Sizes of the growth exponent (bytes); --large adds 10 MB.
GROWTH: Final = (100_000, 1_000_000)
LARGE: Final = 10_000_000
#: The long inputs of the issue: one sentence and Arabic without any punctuation.
SENTENCE_CHARS: Final = 100_000
ARABIC_BARE_BYTES: Final = 1_000_000


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{model}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"load average {load:.1f} at start"
    )


#: CPU seconds of the last timed call: on a shared machine the wall clock also counts the
#: time other people's work held the cores, the process's CPU time does not.
CPU: list[float] = [0.0]


def timed(fn: Callable[[], Any]) -> float:
    started, cpu = time.perf_counter(), time.process_time()
    fn()
    CPU[0] = time.process_time() - cpu
    return time.perf_counter() - started


def _each(fn: Callable[[str], Any], paragraphs: list[str]) -> None:
    for p in paragraphs:
        fn(p)


def spread(times: list[float], size: int) -> str:
    """KB/s as median (min-max) over runs of ``size`` bytes."""
    rates = sorted(size / 1000 / t for t in times)
    return f"{statistics.median(rates):,.0f} KB/s ({rates[0]:,.0f}-{rates[-1]:,.0f})"


def text_of(language: str, size: int, seed: int) -> str:
    return one_document(language, size, seed=seed * 1_000_003)


def nbytes(text: str) -> int:
    return len(text.encode("utf-8"))


# --- peers --------------------------------------------------------------------------------


def _peers() -> dict[str, tuple[str, Callable[[str], Any]]]:
    """name -> (language, function of one paragraph), for the peers that are installed."""
    peers: dict[str, tuple[str, Callable[[str], Any]]] = {}
    try:
        from quantulum3 import parser as q

        peers["quantulum3"] = ("en", q.parse)
    except ImportError:
        print("quantulum3 not installed (pip install 'factcheck[bench]')")
    try:
        import recognizers_suite as rs

        peers["Recognizers-Text en"] = (
            "en",
            lambda p: rs.recognize_number(p, rs.Culture.English),
        )
        peers["Recognizers-Text fr"] = ("fr", lambda p: rs.recognize_number(p, rs.Culture.French))
    except ImportError as exc:
        print(f"recognizers-text-suite not usable: {exc}")
    try:
        import pyarabic.number as pn

        peers["pyarabic"] = ("ar", pn.extract_number_phrases)
    except ImportError:
        print("pyarabic not installed (pip install 'factcheck[bench]')")
    return peers


def throughput() -> dict[str, float]:
    """Median mentions and extract rates per language (KB/s), printed with peers."""
    print("\n## throughput: factcheck.mentions and factcheck.extract (one document per run)")
    medians: dict[str, float] = {}
    for language in ("ar", "en", "fr"):
        factcheck.extract(text_of(language, 3000, 999), language=language)  # load data
        gc.collect()  # start-up's one-off: see SETTLE
        m_times, e_times, m_cpu, e_cpu = [], [], [], []
        for r in range(REPEATS):
            text = text_of(language, SIZE, r)
            m_times.append(timed(partial(factcheck.mentions, text, language=language)))
            m_cpu.append(CPU[0])
            text = text_of(language, SIZE, r + 100)
            e_times.append(timed(partial(factcheck.extract, text, language=language)))
            e_cpu.append(CPU[0])
        size = nbytes(text)
        medians[f"mentions {language}"] = statistics.median(size / 1000 / t for t in m_cpu)
        medians[f"extract {language}"] = statistics.median(size / 1000 / t for t in e_cpu)
        print(
            f"{language}: mentions {spread(m_times, size)}, CPU {spread(m_cpu, size)}; "
            f"extract {spread(e_times, size)}, CPU {spread(e_cpu, size)}"
            f"  [{size / 1000:.0f} KB per run]"
        )
    print("\n## peers, same process, same generated texts (paragraph by paragraph, CPU time)")
    for name, (language, fn) in _peers().items():
        text = text_of(language, PEER_SIZE, 7)
        paragraphs = [p for p in text.split("\n") if p.strip()]
        fn(paragraphs[0])  # load its data outside the clock
        timed(partial(_each, fn, paragraphs))
        rate = nbytes(text) / 1000 / CPU[0]
        ours = medians[f"mentions {language}"]  # the kit's CPU-time rate on the same language
        print(f"{name}: {rate:,.1f} KB/s; factcheck.mentions / {name}: {ours / rate:,.2f}")
    return medians


# --- growth -------------------------------------------------------------------------------


def growth(large: bool) -> None:
    sizes = (*GROWTH, LARGE) if large else GROWTH
    print(f"\n## growth exponent, English, {' -> '.join(f'{s / 1e6:g} MB' for s in sizes)}")
    one, many = [], []  # CPU seconds
    for s in sizes:
        text = text_of("en", s, 3)
        timed(partial(factcheck.extract, text, language="en"))
        one.append(CPU[0])
        with tempfile.TemporaryDirectory() as tmp:
            folder = _write_articles(Path(tmp), "en", s)
            timed(partial(extract_corpus, [folder], Path(tmp) / "c.csv", jobs=1, progress=False))
            many.append(CPU[0])
        print(f"  {s / 1e6:g} MB: one document {one[-1]:.1f} s, 3 KB documents {many[-1]:.1f} s "
              "(CPU)", flush=True)  # fmt: skip
    for label, times in (("one document", one), ("3 KB documents", many)):
        exponent = math.log(times[-1] / times[0]) / math.log(sizes[-1] / sizes[0])
        legs = ", ".join(f"{s / 1e6:g} MB {t:.1f} s" for s, t in zip(sizes, times, strict=True))
        print(f"{label} (CPU): {legs} -> exponent {exponent:.2f} (target <= 1.1)")


def _write_articles(folder: Path, language: str, size: int) -> Path:
    out = folder / "articles"
    out.mkdir()
    for i, text in enumerate(articles(language, size, seed=11)):
        (out / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
    return out


def long_inputs() -> None:
    print("\n## long inputs")
    sentence = re.sub(r"[.!?\n]+\s*", ", and ", one_document("en", SENTENCE_CHARS, 5))
    sentence = sentence[:SENTENCE_CHARS].rstrip(", and") + "."
    t = timed(lambda: factcheck.extract(sentence, language="en"))
    print(
        f"one English sentence of {len(sentence):,} characters: {t:.1f} s, CPU {CPU[0]:.1f} s "
        "(target < 5 s)"
    )
    bare = re.sub(
        r"\s+", " ", re.sub(r"[^\w\s]", " ", one_document("ar", int(ARABIC_BARE_BYTES / 1.7)))
    )
    bare = bare.encode("utf-8")[:ARABIC_BARE_BYTES].decode("utf-8", "ignore")  # 1 MB exactly
    t = timed(lambda: factcheck.extract(bare, language="ar"))
    print(
        f"Arabic without punctuation, {nbytes(bare) / 1e6:.2f} MB "
        f"({len(bare):,} characters): {t:.1f} s, CPU {CPU[0]:.1f} s (target < 5 s)"
    )


# --- corpus mode and the command ----------------------------------------------------------


def _cli(*args: str) -> tuple[float, int]:
    """(wall seconds, peak RSS in MB of the largest child so far) of one command; the CPU
    seconds it took (user + system) are left in ``CPU``. Python's bytecode caches are written
    and read as on a user's machine (``PYTHONDONTWRITEBYTECODE`` is dropped)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "factcheck.cli", *args], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU[0] = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, after.ru_maxrss // 1024


#: Runs the command in a child and prints that child's peak resident memory (KB): the
#: bench's own RUSAGE_CHILDREN keeps the largest of every command run so far.
_PEAK: Final = (
    "import resource, subprocess, sys; "
    "subprocess.run([sys.executable, '-m', 'factcheck.cli', *sys.argv[1:]], check=True, "
    "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def _peak_mb(*args: str) -> int:
    """Peak resident memory (MB) of the largest process of one command (workers included)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run([sys.executable, "-c", _PEAK, *args], check=True, env=env,
                          capture_output=True, text=True)  # fmt: skip
    return int(done.stdout.split()[-1]) // 1024


def corpus_mode() -> None:
    """--jobs 1 against --jobs 2 on the same folders, runs interleaved, medians with spread;
    the fixed costs of a run (start-up, loading the language data) weigh more on the small
    folder, so both sizes are shown."""
    print("\n## corpus mode (factcheck extract FOLDER -o claims.csv), 3 KB English articles")
    with tempfile.TemporaryDirectory() as tmp:
        folders = {}
        for label, name, size in (("300 KB", "s", 300_000), ("1.2 MB", "l", 1_200_000)):
            _mk(Path(tmp) / name)
            folders[label] = _write_articles(Path(tmp) / name, "en", size)
        out = str(Path(tmp) / "c.csv")
        rss: dict[str, int] = {}
        for label, folder in folders.items():
            walls: dict[int, list[float]] = {1: [], 2: []}
            cpus: dict[int, list[float]] = {1: [], 2: []}
            ratios = []
            for _ in range(REPEATS):
                for jobs in (1, 2):
                    wall, _ = _cli("extract", str(folder), "-o", out, "--jobs", str(jobs), "-q")
                    walls[jobs].append(wall)
                    cpus[jobs].append(CPU[0])
                ratios.append(walls[1][-1] / walls[2][-1])
            ratios.sort()
            rss[label] = _peak_mb("extract", str(folder), "-o", out, "--jobs", "1", "-q")
            print(
                f"{label}: --jobs 1 {statistics.median(walls[1]):.1f} s "
                f"(CPU {statistics.median(cpus[1]):.1f} s), --jobs 2 "
                f"{statistics.median(walls[2]):.1f} s (CPU {statistics.median(cpus[2]):.1f} s) "
                f"-> {statistics.median(ratios):.2f}x ({ratios[0]:.2f}-{ratios[-1]:.2f}), "
                f"{REPEATS} runs; target >= 1.8x"
            )
        print(
            "peak memory (the command, --jobs 1, run on its own): "
            + ", ".join(f"{label} {mb} MB" for label, mb in rss.items())
        )


def _mk(path: Path) -> bool:
    path.mkdir(parents=True)
    return True


def startup() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.txt"
        small.write_text("The health ministry said 12 people were killed on Monday.\n", "utf-8")
        _cli("extract", str(small))  # the compiled-data and bytecode caches are filled
        walls, cpus = [], []
        for _ in range(5):
            walls.append(_cli("extract", str(small))[0])
            cpus.append(CPU[0])
    walls.sort()
    cpus.sort()
    print(
        f"\n## start-up: factcheck extract small.txt: median {statistics.median(walls):.2f} s "
        f"({walls[0]:.2f}-{walls[-1]:.2f}), CPU {statistics.median(cpus):.2f} s "
        f"({cpus[0]:.2f}-{cpus[-1]:.2f}), 5 runs; target < 0.6 s"
    )


def compare_scale() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_compare import synthetic_claims

    print("\n## factcheck.compare on synthetic claims")
    times = {}
    for n in (10_000, 100_000):
        claims = synthetic_claims(n, n // 10)
        times[n] = timed(lambda c=claims: factcheck.compare(c))
        print(f"{n:,} claims: {times[n]:.1f} s")
    exponent = math.log(times[100_000] / times[10_000]) / math.log(10)
    print(f"growth exponent 10k -> 100k claims: {exponent:.2f}")


def main(argv: list[str]) -> None:
    large = "--large" in argv or bool(os.environ.get("BENCH_LARGE"))
    print(f"machine: {machine()}")
    throughput()
    growth(large)
    long_inputs()
    corpus_mode()
    startup()
    compare_scale()


if __name__ == "__main__":
    main(sys.argv[1:])
