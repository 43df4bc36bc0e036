"""How ``compare`` works through a large table: columns read once, groups found by sorting,
simple groups over arrays, the rest claim by claim, case by case in bounded chunks.

See docs/compare.md ("At scale") for the design and its complexity.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Sequence
from functools import cache
from typing import Any, Final

import numpy as np
import pandas as pd

from factcheck.align.group import shared_text
from factcheck.compare import fast
from factcheck.compare.arrays import NO_TIME
from factcheck.compare.rows import row
from factcheck.model import Polarity
from factcheck.when import timestamp_of

#: Text columns whose missing values are read as "" (CSV gives NaN for an empty cell).
TEXT_COLUMNS: Final = (
    "claim_id", "doc_id", "publisher", "speaker", "speaker_text", "via", "measure", "subject",
    "subject_detail", "qualifier", "polarity", "scope", "value_text", "sentence", "kind",
    "group_id", "independent_source", "subset_of", "place", "case_id", "measure_detail",
)  # fmt: skip

#: The columns a comparison reads (the others are never looked at).
_READ: Final = (
    "claim_id", "doc_id", "publisher", "speaker", "speaker_text", "via", "measure", "subject",
    "subject_detail", "qualifier", "polarity", "scope", "value_text", "group_id",
    "independent_source", "subset_of", "place", "case_id", "measure_detail",
)  # fmt: skip

#: Groups compared and related at a time (whole cases per chunk): the per-group objects of
#: one chunk are turned into columns before the next is built, so memory stays bounded.
CHUNK_GROUPS: Final = 10_000


def _when(series: pd.Series) -> np.ndarray:
    """reported_at in UTC nanoseconds (:data:`NO_TIME` when unknown), as the general path
    reads it."""
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        series = series.dt.tz_convert("UTC").dt.tz_localize(None)
    if pd.api.types.is_datetime64_dtype(series.dtype):
        return series.to_numpy().astype("datetime64[ns]").view("int64")
    memo: dict[Any, int | None] = {}
    out = []
    for value in series.tolist():
        key = (type(value), value) if value == value else None  # NaN never equals itself
        if key not in memo:
            when = timestamp_of(value)
            if not pd.isna(when) and when.tzinfo is not None:
                when = when.tz_convert("UTC").tz_localize(None)
            memo[key] = NO_TIME if pd.isna(when) else when.value
        out.append(memo[key])
    return np.asarray(out, dtype=np.int64)


def numbers(aligned: pd.DataFrame) -> dict[str, np.ndarray]:
    """The numeric columns a comparison reads, for the whole table at once (a few bytes a
    row): low, high, point, ``when`` (reported_at in UTC ns) and ``dated`` (event date known)."""
    out = {name: aligned[name].to_numpy(dtype=float, na_value=np.nan) for name in ("low", "high")}
    point = (
        aligned["point"] if "point" in aligned.columns else pd.Series(np.nan, index=aligned.index)
    )
    out["point"] = pd.to_numeric(point, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    out["dated"] = ~aligned["event_date"].isna().to_numpy()
    out["when"] = _when(aligned["reported_at"])
    return out


def shared_rows(series: pd.Series, rows: np.ndarray) -> np.ndarray:
    """``shared_text(series.take(rows))``: the text at positions ``rows`` as an object array
    of shared strings, "" for a missing value.

    An Arrow column is taken chunk by chunk (Arrow's take over a chunked array first joins
    all its chunks: a copy of the whole column for each chunk of groups) and encoded with
    Arrow, both in the system allocator's pool: pyarrow's default pool would keep mapped
    what a comparison's chunks allocate and free (docs/compare.md, "At scale")."""
    chunked = getattr(series.array, "_pa_array", None)
    if chunked is None or not pd.api.types.is_string_dtype(series.dtype):
        return shared_text(series.take(rows))
    import pyarrow as pa
    import pyarrow.compute as pc

    pool = pa.system_memory_pool()
    sizes = [len(chunk) for chunk in chunked.chunks]
    bounds = np.concatenate(([0], np.cumsum(sizes))).astype(np.int64)
    which = np.searchsorted(bounds, rows, side="right") - 1
    by = np.argsort(which, kind="stable")
    cuts = np.searchsorted(which[by], np.arange(len(sizes) + 1))
    parts = [
        pc.take(chunked.chunk(j), pa.array(rows[by[cuts[j] : cuts[j + 1]]] - bounds[j]),
                memory_pool=pool)
        for j in range(len(sizes))
        if cuts[j + 1] > cuts[j]
    ]  # fmt: skip
    if not parts:
        return np.empty(0, dtype=object)
    whole = pa.concat_arrays(parts, memory_pool=pool) if len(parts) > 1 else parts[0]
    del parts
    encoded = pc.dictionary_encode(whole, null_encoding="encode", memory_pool=pool)
    values = np.asarray(
        ["" if v is None else v for v in encoded.dictionary.to_pylist()] + [""], dtype=object
    )
    out = np.empty(len(rows), dtype=object)
    out[by] = values[encoded.indices.to_numpy()]
    return out


def table_columns(aligned: pd.DataFrame) -> dict[str, pd.Series]:
    """The table's columns a comparison reads, each looked up once per call (every
    ``frame[name]`` builds a new Series and leaves a reference in the table)."""
    names = (*_READ, "event_date", "reported_at")
    return {name: aligned[name] for name in names if name in aligned.columns}


def columns(
    aligned: dict[str, pd.Series],
    added: dict[str, Any],
    rows: np.ndarray,
    numeric: dict[str, np.ndarray],
) -> dict[str, Any]:
    """The columns a comparison reads, for the claims at positions ``rows`` only (one chunk):
    text as shared strings, figures as floats. ``aligned`` is :func:`table_columns`;
    ``added`` holds alignment columns computed for a table that had none (whole-table arrays
    or lists); ``numeric`` is :func:`numbers`."""
    n = len(rows)
    c: dict[str, Any] = {}
    for name in _READ:
        if name in added and isinstance(added[name], np.ndarray):
            c[name] = added[name][rows]  # already shared strings (align.alignment_arrays)
        elif name in added:
            c[name] = shared_text(pd.Series(added[name], dtype=object).take(rows))
        elif name in aligned:
            c[name] = shared_rows(aligned[name], rows)
        else:
            c[name] = np.full(n, "", object)
    for name, values in numeric.items():
        c[name] = values[rows]
    c["event_date"] = np.empty(n, dtype=object)
    c["event_date"][:] = aligned["event_date"].take(rows).tolist()
    c["reported_at"] = aligned["reported_at"].take(rows)  # read row by row only where needed
    return c


def release_memory() -> None:
    """Give memory that was freed back to the system: pyarrow's pool keeps what reading a
    table or building text columns left unused, and glibc's heap keeps freed blocks, so a
    comparison's peak would add up every stage's garbage. No effect elsewhere."""
    pyarrow = sys.modules.get("pyarrow")  # never imported here: unused, its pool is empty
    if pyarrow is not None:
        pyarrow.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def _any(flags: np.ndarray, starts: np.ndarray) -> np.ndarray:
    return np.logical_or.reduceat(flags, starts) if len(starts) else np.zeros(0, dtype=bool)


def simple_groups(
    c: dict[str, Any], order: np.ndarray, starts: np.ndarray, extra: set[int]
) -> np.ndarray:
    """Which groups :mod:`factcheck.compare.fast` can take: every claim asserted, one claim
    per independent source and claim id, and no outlet's own voice beside another claim of
    its own document (the one case where a document could contradict itself)."""
    size = np.diff(np.append(starts, len(order)))
    group = np.repeat(np.arange(len(starts)), size)
    denied = c["polarity"][order] == str(Polarity.DENIED)
    own = (c["speaker"][order] == c["publisher"][order]) & (c["speaker_text"][order] == "")
    numberless = np.isnan(c["low"][order]) & np.isnan(c["high"][order])
    frame = pd.DataFrame(
        {
            "g": group,
            "s": c["independent_source"][order],
            "c": c["claim_id"][order],
            "d": c["doc_id"][order],
        }
    )
    repeated = frame.duplicated(["g", "s"]).to_numpy() | frame.duplicated(["g", "c"]).to_numpy()
    own &= frame.duplicated(["g", "d"], keep=False).to_numpy()  # its document says more
    simple = ~_any(denied | numberless | repeated | own, starts)
    simple[list(extra)] = False  # groups that must take the claim-by-claim path
    return simple


def chunks(case_of_group: np.ndarray, size: int | None = None) -> list[np.ndarray]:
    """Group numbers in chunks of whole cases (about ``size`` groups each, default
    :data:`CHUNK_GROUPS`), each ascending. Relations between groups never cross a case, so a
    chunk is related on its own."""
    size = size or CHUNK_GROUPS
    n = len(case_of_group)
    if n <= size:
        return [np.arange(n)]
    codes, _ = pd.factorize(pd.Series(case_of_group, dtype=object))
    per_case = np.bincount(codes)
    chunk_of = (np.cumsum(per_case) - per_case) // size
    by_group = chunk_of[codes]
    ordered = np.argsort(by_group, kind="stable")
    cuts = np.flatnonzero(np.diff(by_group[ordered])) + 1
    return np.split(ordered, cuts)


def _spans(order: np.ndarray, starts: np.ndarray, ends: np.ndarray, groups: np.ndarray):
    """Rows of ``groups`` (in group order) and where each group starts among them."""
    lengths = ends[groups] - starts[groups]
    offsets = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(groups) else lengths
    within = np.arange(int(lengths.sum())) - np.repeat(offsets, lengths)
    return order[np.repeat(starts[groups], lengths) + within], offsets


_FAST_READ: Final = (
    "claim_id", "speaker", "measure", "subject", "subject_detail", "qualifier", "scope",
    "value_text", "subset_of", "place", "case_id", "measure_detail", "low", "high", "point",
    "event_date",
    "dated", "when",
)  # fmt: skip
_REC: Final = (*_READ, "low", "high", "point", "event_date")


def rows_of(
    c: dict[str, Any],
    order: np.ndarray,
    starts: np.ndarray,
    chunk: np.ndarray,
    simple: np.ndarray,
    extra: dict[int, list[int]],
    gids: Sequence[str],
    policy: str,
    ctx: dict[str, Any],
) -> list[dict[str, Any]]:
    """The rows of the groups of one chunk, in group order: simple groups over arrays,
    the others through :func:`factcheck.compare.rows.row` with one record per claim."""
    ends = np.append(starts[1:], len(order))
    quick = chunk[simple]
    idx, offsets = _spans(order, starts, ends, quick)
    sub = {name: c[name][idx].tolist() for name in _FAST_READ}
    sub["source"] = c["independent_source"][idx].tolist()
    done = dict(zip(quick.tolist(), fast.rows(sub, offsets, [gids[g] for g in quick.tolist()],
                                               policy, ctx), strict=True))  # fmt: skip
    slow = chunk[~simple].tolist()
    members = {g: [*order[starts[g] : ends[g]].tolist(), *extra.get(g, ())] for g in slow}
    needed = sorted({i for rows in members.values() for i in rows})
    at = {i: k for k, i in enumerate(needed)}
    values = {name: c[name][needed].tolist() for name in _REC}  # floats come out as float
    values["reported_at"] = c["reported_at"].iloc[needed].tolist()
    for g in slow:
        recs = [{name: column[at[i]] for name, column in values.items()} for i in members[g]]
        done[g] = row(gids[g], recs, policy, ctx)
    return [done[g] for g in chunk.tolist()]
