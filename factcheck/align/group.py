"""Group claims about the same thing: same event, measure, subject, place and scope.

``align`` adds columns to a copy of the claims table; it never drops or reorders rows, so a
reader can see, claim by claim, which group each figure went to and why.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from typing import Final

import numpy as np
import pandas as pd

from factcheck.align.keys import (
    DATE_TOLERANCE_DAYS,
    affiliation_clusters,
    date_clusters,
    fold,
    split_detail,
    subset_words,
)
from factcheck.align.sources import _objects, source_keys
from factcheck.schema import validate

#: Columns ``align`` adds to the claims table (documented in docs/compare.md).
ALIGN_COLUMNS: Final = ("group_id", "independent_source", "subset_of", "align_note")

#: Optional claims-table extensions ``align`` reads when present: ``place`` (the area a figure
#: covers, "" = the whole event) and ``case_id`` (documents of different cases never group).
#: ``measure_detail`` (what an ``other`` count did: launched, intercepted) is part of the
#: measure: missiles launched never share a group with missiles intercepted.
OPTIONAL_KEY_COLUMNS: Final = ("place", "case_id")
MEASURE_DETAIL: Final = "measure_detail"


def _column(claims: pd.DataFrame, name: str) -> list[str]:
    """A column as text, "" for a missing value (a table read back from CSV has NaN)."""
    return _text(claims, name).tolist()


def _text(claims: pd.DataFrame, name: str) -> np.ndarray:
    """:func:`_column` as an object array (shared strings for a text column)."""
    if name not in claims.columns:
        return np.full(len(claims), "", dtype=object)
    series = claims[name]
    if isinstance(series.dtype, pd.CategoricalDtype) or (
        pd.api.types.is_string_dtype(series.dtype) and series.dtype != object
    ):
        return shared_text(series)  # text or categories: one string per distinct value
    missing = series.isna().tolist()
    return _objects(["" if m else str(v) for v, m in zip(series.tolist(), missing, strict=True)])


def shared_text(series: pd.Series) -> np.ndarray:
    """A text column as an object array of shared strings, "" for a missing value: one
    string object per distinct value, not one per row (a million rows of a few hundred
    distinct measures hold a few hundred strings)."""
    codes, uniques = pd.factorize(series)
    values = np.empty(len(uniques) + 1, dtype=object)
    if pd.api.types.is_string_dtype(uniques.dtype) and uniques.dtype != object:
        values[:-1] = uniques.to_numpy(dtype=object)  # str already, converted in one call
    else:
        values[:-1] = [v if isinstance(v, str) else str(v) for v in uniques]
    values[-1] = ""
    return values[codes]


def _codes(*columns: Sequence[object]) -> np.ndarray:
    """One integer per row, equal for equal rows across ``columns``, numbered in order of
    first appearance (a dict of tuples, vectorised). The columns are combined one at a time
    (each step renumbered below the number of rows), so the work holds a few integer arrays,
    never a frame of all the keys."""
    code = np.zeros(len(columns[0]) if columns else 0, dtype=np.int64)
    for column in columns:
        if not (isinstance(column, np.ndarray) and column.dtype.kind in "iu"):
            column = np.asarray(column, dtype=object)  # integers: no string hashed again
        part, uniques = pd.factorize(column)
        part += 1  # missing values (-1) are one value of their own, as in a groupby key
        code = pd.factorize(code * (len(uniques) + 1) + part)[0].astype(np.int64, copy=False)
        del part, uniques
    return code


def _rows_of(codes: np.ndarray, wanted: np.ndarray) -> dict[int, np.ndarray]:
    """Row numbers (in table order) of each code in ``wanted``."""
    rows = np.flatnonzero(np.isin(codes, wanted))
    if not rows.size:
        return {}
    order = np.argsort(codes[rows], kind="stable")
    rows = rows[order]
    keys, starts = np.unique(codes[rows], return_index=True)
    return dict(zip(keys.tolist(), np.split(rows, starts[1:]), strict=True))


def align(
    claims: pd.DataFrame,
    *,
    date_tolerance_days: float = DATE_TOLERANCE_DAYS,
    subset: Collection[str] | None = None,
) -> pd.DataFrame:
    """The claims table plus ``group_id`` and the other :data:`ALIGN_COLUMNS`.

    Claims share a group when they have the same case, scope, kind, measure (and
    measure_detail when the table has it), subject and place,
    a compatible affiliation (subject_detail) and event dates within ``date_tolerance_days``
    (an unknown date is compatible). The figure is never part of the key. Context figures
    group only among themselves; a figure about another event groups only with figures about
    another event on a known, close date. A claim whose subject_detail carries a subset word
    ("leaders") forms its own group and names the group of the whole in ``subset_of``.
    ``subset`` overrides the subset words read from ``lang/*.yaml``.

    >>> from factcheck.compare.examples import anbar_claims
    >>> aligned = align(anbar_claims())
    >>> aligned.groupby("group_id").size().tolist()
    [3, 1, 1, 1]
    """
    return claims.assign(
        **alignment(claims, date_tolerance_days=date_tolerance_days, subset=subset)
    )


def alignment(
    claims: pd.DataFrame,
    *,
    date_tolerance_days: float = DATE_TOLERANCE_DAYS,
    subset: Collection[str] | None = None,
) -> dict[str, list[str]]:
    """The :data:`ALIGN_COLUMNS` of :func:`align` alone, one list each, without copying the
    claims table."""
    found = alignment_arrays(claims, date_tolerance_days=date_tolerance_days, subset=subset)
    return {name: column.tolist() for name, column in found.items()}


def alignment_arrays(
    claims: pd.DataFrame,
    *,
    date_tolerance_days: float = DATE_TOLERANCE_DAYS,
    subset: Collection[str] | None = None,
) -> dict[str, np.ndarray]:
    """:func:`alignment` as object arrays of shared strings (one string per group id, not
    one per row): ``compare`` reads them beside the table it was given.

    Blocking: one bucket per (case, scope, kind, measure, subject, place), found by one
    ``groupby`` over the key columns; affiliations are clustered only in a bucket holding two
    or more, event dates only on a side holding two or more known dates, so the work is one
    pass over the table plus the small clusters (docs/compare.md, "At scale").
    """
    validate(claims, "claims")
    words = subset_words() if subset is None else frozenset(fold(w) for w in subset)
    n = len(claims)
    place_column, case_column = OPTIONAL_KEY_COLUMNS
    case = _text(claims, case_column)
    # the independent sources first, while nothing else of the alignment is held
    source = source_keys(
        *(_text(claims, name) for name in ("speaker", "via", "publisher")), _objects(case)
    )
    scope = _text(claims, "scope")
    dates = pd.to_datetime(pd.Series(claims["event_date"].tolist(), dtype=object), errors="coerce")
    unknown_date = dates.isna().to_numpy()
    place = _column(claims, place_column)
    cols = {c: _column(claims, c) for c in ("kind", "measure", "subject", "subject_detail")}

    # Blocking: one bucket per (case, scope, kind, measure and measure_detail, subject, place),
    # numbered in order of first appearance; an other incident with no date is alone (its
    # claim id in the key).
    alone = (scope == "other_event") & unknown_date
    scope_key = scope.copy()
    ids = claims["claim_id"][alone].tolist() if alone.any() else []
    scope_key[alone] = [f"other_event:{'' if pd.isna(c) else c}" for c in ids]
    folded = {p: fold(p) for p in set(place)}
    how = _column(claims, MEASURE_DETAIL)  # part of the measure for "other" counts
    bucket = _codes(case, scope_key, cols["kind"], cols["measure"], how, cols["subject"],
                    [folded[p] for p in place])  # fmt: skip
    detail_column = cols.pop("subject_detail")
    del case, place, folded, scope_key, how, cols, ids, alone

    # Affiliation and subset words, read once per distinct subject_detail.
    detail_code, details = pd.factorize(pd.Series(detail_column, dtype=object))
    split = [split_detail(d, words) for d in details]
    aff = np.asarray([a for a, _ in split] + [""], dtype=object)[detail_code]
    qualifier = np.asarray([q for _, q in split] + [""], dtype=object)[detail_code]

    notes: dict[int, list[str]] = defaultdict(list)  # row -> why it was kept apart
    side = np.zeros(n, dtype=np.int64)
    named = aff != ""
    sides = pd.Series(aff[named]).groupby(bucket[named]).nunique()
    for rows in _rows_of(bucket, sides.index[sides.to_numpy() > 1].to_numpy()).values():
        clusters, aff_notes = affiliation_clusters(aff[rows].tolist())
        side[rows] = clusters
        for i, note in zip(rows.tolist(), aff_notes, strict=True):
            if note:
                notes[i].append(note)
    del aff, named, sides, detail_column, detail_code

    # Event-date windows within each (bucket, side): only a side with two or more known
    # dates can split; every other claim is in window 0.
    bucket_side = _codes(bucket, side)
    window = np.zeros(n, dtype=np.int64)
    known = ~unknown_date
    n_dates = pd.Series(dates[known].to_numpy()).groupby(bucket_side[known]).nunique()
    plain = pd.api.types.is_datetime64_dtype(dates.dtype)  # no time zone: read as an array
    values = dates.to_numpy() if plain else None
    for rows in _rows_of(bucket_side, n_dates.index[n_dates.to_numpy() > 1].to_numpy()).values():
        some = pd.DatetimeIndex(values[rows]).tolist() if plain else dates.iloc[rows].tolist()
        clusters, date_notes = date_clusters(some, date_tolerance_days)
        window[rows] = clusters
        for i, note in zip(rows.tolist(), date_notes, strict=True):
            if note:
                notes[i].append(note)
    del bucket_side, values, dates, known, n_dates, unknown_date

    group = _codes(bucket, side, window, qualifier)
    width = max(3, len(str(int(group.max()) + 1 if n else 0)))
    names = np.asarray(
        [f"g{pos + 1:0{width}d}" for pos in range(int(group.max()) + 1 if n else 0)] + [""],
        dtype=object,
    )
    whole = pd.DataFrame({"b": bucket, "s": side, "w": window, "g": group})
    is_part = qualifier != ""
    parents = whole[~is_part].drop_duplicates(["b", "s", "w"])
    parent = whole[is_part].merge(parents, on=["b", "s", "w"], how="left", suffixes=("", "_whole"))
    parent_group = parent["g_whole"].fillna(-1).astype(np.int64).to_numpy()
    del whole, parents, parent, bucket, side, window
    subset_of = np.full(n, "", dtype=object)
    subset_of[is_part] = names[parent_group]
    for i, whole_id, words_ in zip(
        np.flatnonzero(is_part).tolist(),
        subset_of[is_part].tolist(),
        qualifier[is_part].tolist(),
        strict=True,
    ):
        where = f"group {whole_id}" if whole_id else "no group of the whole"
        notes[i].append(f"subset ({words_}) of {where}: not compared with the total")
    align_note = np.full(n, "", dtype=object)
    for i, parts in notes.items():
        align_note[i] = "; ".join(parts)
    return {
        "group_id": names[group],
        "independent_source": source,
        "subset_of": subset_of,
        "align_note": align_note,
    }
