"""The work of one worker: the claims of a batch of units, in one table."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from factcheck.collector import paused
from factcheck.corpus.units import UNIT_COLUMN, Unit
from factcheck.errors import FactcheckError
from factcheck.files import MAX_FILE_BYTES, in_folder

if TYPE_CHECKING:
    import pandas as pd

#: Units handed to each worker ahead of the writer: enough to keep every core busy, few
#: enough that memory does not grow with the corpus.
AHEAD_PER_JOB: Final = 4
#: Units handed to a worker at once (the claims of a batch make one table): few enough that
#: two workers share a small corpus, many enough that building tables costs little per unit.
BATCH_UNITS: Final = 16
BATCH_BYTES: Final = 64_000
#: With several workers, a corpus is cut into at least this many batches per worker, so that
#: the last batches, where one worker may wait for the other, are a small share of the run.
BATCHES_PER_JOB: Final = 8


def extract_unit(unit: Unit, options: dict[str, Any], all_columns: bool = False) -> pd.DataFrame:
    """The claims table of one unit, with ``case_id`` (raises what ``load_case`` and the
    stages raise)."""
    table, error, _ = work([unit], options, all_columns)[0]
    if error:
        raise FactcheckError(error)
    return table


def _claims_of(unit: Unit, options: dict[str, Any]) -> tuple[str, list[Any]]:
    from factcheck.case import load_case
    from factcheck.pipeline import analyse_case

    allow_outside = bool(options.get("allow_outside_paths", False))
    if unit.root:  # found by walking a folder: held inside it, like a case.yaml's paths
        in_folder(Path(unit.root), Path(unit.path), allow_outside)
    if unit.kind == "case":
        case = load_case(
            Path(unit.path),
            allow_outside_paths=allow_outside,
            max_file_bytes=options.get("max_file_bytes", MAX_FILE_BYTES),
        )
    else:
        case = load_case([Path(unit.path)], **options)
        case = replace(case, id=unit.id, documents=(replace(case.documents[0], id=unit.id),))
    return case.id, analyse_case(case).claims


def work(
    batch: Sequence[Unit],
    options: dict[str, Any],
    all_columns: bool,
    encode: Callable[[pd.DataFrame], Any] | None = None,
) -> list[tuple[Any, str, int]]:
    """Run in a worker, for a few units at once: (rows or None, the error or "", bytes read)
    per unit. The rows of the batch are built and given places in one table (places are
    settled per ``case_id``, so each unit is settled alone, as ``factcheck extract`` does)."""
    from factcheck.claims.places_table import add_places
    from factcheck.schema import CLAIM_COLUMNS, claims_frame

    found: list[tuple[str, list[Any]] | None] = []
    errors: list[str] = []
    for unit in batch:
        try:
            found.append(_claims_of(unit, options))
            errors.append("")
        except FactcheckError as exc:
            found.append(None)
            errors.append(str(exc))
        except Exception as exc:  # one bad document must not stop an archive: reported
            found.append(None)
            errors.append(f"{type(exc).__name__}: {exc}")
    ok = [f for f in found if f is not None]
    claims = [c for _, cs in ok for c in cs]
    ids = [case_id for case_id, cs in ok for _ in cs]
    with paused():
        table = add_places(claims_frame(claims).assign(**{UNIT_COLUMN: ids}))
    columns = [c for c in table.columns if c != UNIT_COLUMN] if all_columns else CLAIM_COLUMNS
    table = table[[*columns, UNIT_COLUMN]]
    out: list[tuple[Any, str, int]] = []
    at = 0
    for unit, f, error in zip(batch, found, errors, strict=True):
        n = len(f[1]) if f is not None else 0
        rows: Any = None
        if f is not None:
            rows = n if encode is not None else table.iloc[at : at + n].reset_index(drop=True)
        at += n
        out.append((rows, error, _size(unit)))
    return out if encode is None else _encoded(out, encode(table.reset_index(drop=True)))


def _encoded(out: list[tuple[Any, str, int]], whole: Any) -> list[tuple[Any, str, int]]:
    """The batch's rows, encoded once (here, on this worker's core), handed out per unit:
    each unit gets its row count and the last one the batch's text, so that the units
    written in order write the same text as one encoding per unit, for a fraction of the
    cost (a table per unit costs milliseconds whatever its size)."""
    last = max((k for k, (n, _, _) in enumerate(out) if n is not None), default=-1)
    return [
        (
            n if n is None else replace(whole, text=whole.text if k == last else "", rows=n),
            error,
            size,
        )
        for k, (n, error, size) in enumerate(out)
    ]


def _size(unit: Unit) -> int:
    try:
        path = Path(unit.path)
        if path.is_dir():
            return sum(p.stat().st_size for p in path.iterdir() if p.is_file())
        return path.stat().st_size
    except OSError:
        return 0


def _batches(units: Sequence[Unit], jobs: int = 1) -> Iterator[list[Unit]]:
    """Consecutive units, up to ``BATCH_UNITS`` or ``BATCH_BYTES`` at a time; with several
    jobs, fewer units a batch where the corpus is small (``BATCHES_PER_JOB``). Batching never
    changes a row: each unit's places are settled on its own rows."""
    most = BATCH_UNITS
    if jobs > 1:
        most = max(1, min(BATCH_UNITS, len(units) // (jobs * BATCHES_PER_JOB)))
    batch: list[Unit] = []
    size = 0
    for unit in units:
        batch.append(unit)
        size += _size(unit)
        if len(batch) >= most or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def results(
    units: Sequence[Unit],
    options: dict[str, Any],
    all_columns: bool,
    jobs: int,
    encode: Callable[[pd.DataFrame], Any] | None = None,
) -> Iterator[tuple[Unit, tuple[Any, str, int]]]:
    """Each unit with its result, in the order of ``units``; with ``encode``, each unit's rows
    as the worker encoded them (corpus/write.py), else its table."""
    if jobs <= 1:
        for batch in _batches(units):
            yield from zip(batch, work(batch, options, all_columns, encode), strict=True)
        return
    _warm(options, units)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: list[tuple[list[Unit], Future[list[tuple[Any, str, int]]]]] = []
        batches = _batches(units, jobs)
        for batch in batches:
            pending.append((batch, pool.submit(work, batch, options, all_columns, encode)))
            if len(pending) >= jobs * AHEAD_PER_JOB:
                break
        while pending:
            batch, future = pending.pop(0)
            nxt = next(batches, None)
            if nxt is not None:
                pending.append((nxt, pool.submit(work, nxt, options, all_columns, encode)))
            yield from zip(batch, future.result(), strict=True)


def _warm(options: dict[str, Any], units: Sequence[Unit] = ()) -> None:
    """Load the language data in the parent once, so forked workers start with it: the
    language given, else the languages of the first text files (guessed as ``load_case``
    guesses them), else all three. A language left out is loaded by a worker when it meets
    one; loading all three in the parent would cost every run the time of the other two
    (about 0.2 s of a start the workers wait for)."""
    from factcheck.synthetic import article

    language = options.get("language") or "auto"
    codes = (language,) if language != "auto" else _first_languages(units)
    for code in codes:
        with contextlib.suppress(FactcheckError):
            extract_unit_text(article(0, code), code)


#: Text files read to guess the languages to load before the workers start.
WARM_UNITS: Final = 8
#: Characters of each read for the guess.
WARM_CHARS: Final = 20_000


def _first_languages(units: Sequence[Unit]) -> tuple[str, ...]:
    """The languages of the first text units, in order of first use; all three when one of
    them is a case or cannot be read (the guess only saves time: it never changes a row)."""
    from factcheck.case import detect_language

    found: dict[str, None] = {}
    for unit in units[:WARM_UNITS]:
        try:
            if unit.kind != "text":
                raise OSError(unit.path)
            with open(unit.path, encoding="utf-8", errors="replace") as handle:
                found[detect_language(handle.read(WARM_CHARS))] = None
        except Exception:  # the guess only saves time: any doubt loads all three
            return ("ar", "en", "fr")
    return tuple(found) or ("ar", "en", "fr")


def extract_unit_text(text: str, language: str) -> pd.DataFrame:
    """The claims of one text (used to load the language data before the workers start)."""
    from factcheck.pipeline import extract

    return extract(text, language=language)
