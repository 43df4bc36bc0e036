"""Group claims about the same thing: same event, measure, subject, place and scope.

``align`` adds columns to a copy of the claims table; it never drops or reorders rows, so a
reader can see, claim by claim, which group each figure went to and why.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import Final

import pandas as pd

from factcheck.align.keys import (
    DATE_TOLERANCE_DAYS,
    affiliation_clusters,
    date_clusters,
    fold,
    split_detail,
    subset_words,
)
from factcheck.align.sources import independent_sources
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
    if name not in claims.columns:
        return [""] * len(claims)
    return ["" if pd.isna(v) else str(v) for v in claims[name].tolist()]


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
    validate(claims, "claims")
    words = subset_words() if subset is None else frozenset(fold(w) for w in subset)
    n = len(claims)
    scope = _column(claims, "scope")
    dates = pd.to_datetime(pd.Series(claims["event_date"].tolist(), dtype=object), errors="coerce")
    date_list = dates.tolist()
    place, case = (_column(claims, c) for c in OPTIONAL_KEY_COLUMNS)
    cols = {c: _column(claims, c) for c in ("kind", "measure", "subject", "subject_detail")}
    how = _column(claims, MEASURE_DETAIL)
    claim_ids = _column(claims, "claim_id")

    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in range(n):
        scope_key = scope[i]
        if scope[i] == "other_event" and pd.isna(date_list[i]):
            scope_key = f"other_event:{claim_ids[i]}"  # unknown other incident: alone
        measure = (cols["measure"][i], how[i])
        key = (case[i], scope_key, cols["kind"][i], measure, cols["subject"][i])
        buckets[(*key, fold(place[i]))].append(i)

    split = [split_detail(d, words) for d in cols["subject_detail"]]
    keys: list[tuple[object, ...]] = [()] * n
    notes: list[list[str]] = [[] for _ in range(n)]
    for bucket, rows in buckets.items():
        affs, aff_notes = affiliation_clusters([split[i][0] for i in rows])
        by_side: dict[int, list[int]] = defaultdict(list)
        for i, side, note in zip(rows, affs, aff_notes, strict=True):
            by_side[side].append(i)
            if note:
                notes[i].append(note)
        for side, side_rows in by_side.items():
            clusters, date_notes = date_clusters(
                [date_list[i] for i in side_rows], date_tolerance_days
            )
            for i, cluster, note in zip(side_rows, clusters, date_notes, strict=True):
                keys[i] = (*bucket, side, cluster, split[i][1])
                if note:
                    notes[i].append(note)

    order: dict[tuple[object, ...], int] = {}
    for key in keys:
        order.setdefault(key, len(order))
    width = max(3, len(str(len(order))))
    gid = {key: f"g{pos + 1:0{width}d}" for key, pos in order.items()}
    subset_of = []
    for i, key in enumerate(keys):
        parent = gid.get((*key[:-1], "")) if key[-1] else None
        subset_of.append(parent or "")
        if key[-1]:
            whole = f"group {parent}" if parent else "no group of the whole"
            notes[i].append(f"subset ({split[i][1]}) of {whole}: not compared with the total")
    sources = independent_sources(
        _column(claims, "speaker"), _column(claims, "via"), _column(claims, "publisher"), case
    )
    return claims.assign(
        group_id=[gid[k] for k in keys],
        independent_source=sources,
        subset_of=subset_of,
        align_note=["; ".join(x) for x in notes],
    )
