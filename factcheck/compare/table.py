"""The comparison table: one row per aligned group, the design's columns then extensions."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, Final

import numpy as np
import pandas as pd

from factcheck.align.group import alignment_arrays, shared_text
from factcheck.align.sources import source_keys
from factcheck.collector import paused
from factcheck.compare import scale
from factcheck.compare.parties import registry_party
from factcheck.compare.pieces import Pieces
from factcheck.compare.reasons import Reason
from factcheck.compare.reconcile import POLICIES
from factcheck.compare.relations import MEASURE_PARTS, relate
from factcheck.compare.scale import (
    TEXT_COLUMNS,
    chunks,
    columns,
    numbers,
    release_memory,
    rows_of,
    table_columns,
)
from factcheck.schema import COMPARISON_COLUMNS, validate

#: Extension columns of the comparison table, after the design's (docs/compare.md).
COMPARISON_EXTRA: Final = (
    "reason", "reasons", "scope", "place", "n_independent", "n_claims", "support", "claim_ids",
    "set_by", "party_flag", "conservative", "range_low", "range_high", "gap", "rel_gap",
    "subset_of", "related", "best_rule", "measure_detail",
)  # fmt: skip


#: The comparison table's columns, in order.
COLUMNS: Final = (*COMPARISON_COLUMNS, *COMPARISON_EXTRA)


def _spread_none_reported(
    c: dict[str, np.ndarray], order: np.ndarray, starts: np.ndarray
) -> dict[int, list[int]]:
    """ "No casualties" says none were killed and none wounded: a none-reported figure of a
    measure with parts (``MEASURE_PARTS``: casualties -> killed, wounded) also stands in each
    group of a part about the same people (same case, scope and place; same subject, or
    "people"/none for anyone; no other affiliation), so "80 killed" meets "no casualties".

    Returns group -> rows it receives. The figures are indexed by (case, scope, place), so
    each group looks only at those of its own case, never at every one of the table."""
    q, measure = c["qualifier"], c["measure"]
    nones = [int(i) for i in order[(q[order] == "none_reported")
                                    & np.isin(measure[order], list(MEASURE_PARTS))]]  # fmt: skip
    if not nones:
        return {}
    case, scope, place, ids = c["case_id"], c["scope"], c["place"], c["claim_id"]
    subject, detail = c["subject"], c["subject_detail"]
    by_key: dict[tuple[str, str, str], list[int]] = {}
    for r in nones:
        by_key.setdefault((case[r], scope[r], place[r]), []).append(r)
    ends = np.append(starts[1:], len(order))
    extra: dict[int, list[int]] = {}
    for g, first in enumerate(order[starts].tolist()):
        for r in by_key.get((case[first], scope[first], place[first]), ()):
            if measure[first] not in MEASURE_PARTS[measure[r]]:
                continue
            same_subject = subject[r] in ("", "people") or subject[r] == subject[first]
            same_detail = not detail[r] or detail[r] == detail[first]
            rows = [*order[starts[g] : ends[g]].tolist(), *extra.get(g, ())]
            if same_subject and same_detail and all(ids[x] != ids[r] for x in rows):
                extra.setdefault(g, []).append(r)
    return extra


def _with_extra(
    starts: np.ndarray, n: int, extra: dict[int, list[int]]
) -> tuple[np.ndarray, np.ndarray]:
    """The claims of each group (rows ``starts[g]`` up to the next start, of ``n``) followed
    by the rows that stand in it (``extra``), all groups in a row, and where each starts."""
    own = np.diff(np.append(starts, n))
    more = np.zeros(len(starts), dtype=np.int64)
    for g, rows in extra.items():
        more[g] = len(rows)
    lengths = own + more
    begin = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
    members = np.empty(int(lengths.sum()), dtype=np.int64)
    within = np.arange(n) - np.repeat(starts, own)
    members[np.repeat(begin, own) + within] = np.arange(n)
    for g, rows in extra.items():
        members[begin[g] + own[g] : begin[g] + lengths[g]] = rows
    return members, begin


def compare(
    claims: pd.DataFrame,
    policy: str = "best",
    *,
    parties: Mapping[str, str] | None = None,
    primary: Collection[str] = (),
    **align_options: Any,
) -> pd.DataFrame:
    """One row per aligned group: verdict, reason, plain-words note and reconciled figures.

    Aligns first when ``claims`` has no ``group_id``. ``parties`` maps a speaker to the party
    to the fighting it belongs to (flag ``party_flag``; the registry's ``party_of`` is used
    when present); ``primary`` names the speakers whose latest figure the ``best`` policy
    takes. ``policy`` is one of conservative, range, best.

    >>> from factcheck.compare.examples import anbar_claims
    >>> row = compare(anbar_claims(), "conservative").iloc[0]
    >>> print(row.verdict, row.best, row.range_low, row.range_high, f"{row.rel_gap:.1%}")
    discrepant 14.0 14.0 15.0 6.7%
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown policy {policy!r}; known: {', '.join(POLICIES)}")
    validate(claims, "claims")
    with paused():  # a comparison makes no reference cycles: factcheck/collector.py
        return _compare(claims, policy, parties, primary, align_options)


def _compare(
    claims: pd.DataFrame,
    policy: str,
    parties: Mapping[str, str] | None,
    primary: Collection[str],
    align_options: dict[str, Any],
) -> pd.DataFrame:
    """:func:`compare` of a validated table, the collector paused (its rows are millions of
    short-lived strings, lists and dictionaries, all freed by reference counting, that the
    collector would walk again and again: about a tenth of the time at 300,000 claims)."""
    release_memory()  # what reading the table left allocated but unused
    added: dict[str, Any] = {}  # the alignment, read beside the table (never copied)
    if "group_id" not in claims.columns:
        added = alignment_arrays(claims, **align_options)
    elif "independent_source" not in claims.columns:
        speakers, vias, publishers = (claims[c].tolist() for c in ("speaker", "via", "publisher"))
        added = {"independent_source": source_keys(speakers, vias, publishers)}
    registry = registry_party()
    table = dict(parties or {})

    memo: dict[str, str | None] = {}

    def party_of(speaker: str) -> str | None:
        if speaker not in memo:
            memo[speaker] = table.get(speaker) or (registry(speaker) if registry else None)
        return memo[speaker]

    ctx = {"primary": set(primary), "party_of": party_of}
    n = len(claims)
    if claims.empty:
        frame = pd.DataFrame([], columns=list(COLUMNS))
        return frame.astype({"n_sources": "int64", "n_independent": "int64", "n_claims": "int64"})
    release_memory()  # what the alignment left
    gid = added["group_id"] if "group_id" in added else shared_text(claims["group_id"])
    case = shared_text(claims["case_id"]) if "case_id" in claims.columns else np.full(n, "", object)
    codes, uniques = pd.factorize(pd.Series(gid, dtype=object))
    gids = np.asarray(uniques, dtype=object)
    del gid, uniques
    order = np.argsort(codes, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(codes[order]) != 0]) if len(order) else order
    del codes
    ends = np.append(starts[1:], len(order))
    numeric = numbers(claims)
    read = table_columns(claims)
    names = [k for k in COLUMNS if k != "event_date"]
    planned = chunks(case[order[starts]])
    several = len(planned) > 1
    pieces, dates, positions = Pieces(several, len(gids) if several else None), [], []
    for chunk in planned:
        # the chunk's claims, read from the table for this chunk only, in group order
        lengths = ends[chunk] - starts[chunk]
        local = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
        rows = order[np.repeat(starts[chunk] - local, lengths) + np.arange(int(lengths.sum()))]
        c = columns(read, added, rows, numeric)
        inside = np.arange(len(rows))
        extra = _spread_none_reported(c, inside, local)
        if extra:  # each group's claims, then the figures that stand in it
            inside, local = _with_extra(local, len(rows), extra)
        simple = scale.simple_groups(c, inside, local, set())  # patched in tests
        here = np.arange(len(chunk))
        found = rows_of(c, inside, local, here, simple, {}, gids[chunk], policy, ctx)
        del c
        found = relate(found)
        for row in found:
            row["reason"] = row["reasons"].split(",")[0] if row["reasons"] else ""
        dates.extend(row.pop("event_date") for row in found)
        pieces.add(pd.DataFrame(found, columns=names), chunk)
        positions.append(chunk)
        del found
        release_memory()
    memo.clear()
    del added, numeric, read, order, starts, ends, case, gids, planned, ctx, party_of
    back = None
    if len(positions) > 1:  # chunks hold whole cases; the table is in group order
        back = np.argsort(np.concatenate(positions), kind="stable")
        dates = [dates[i] for i in back.tolist()]
    out = {"event_date": pd.DataFrame({"event_date": dates})["event_date"]}
    del dates, positions
    release_memory()
    out.update(pieces.gather(back, release_memory))  # one column at a time
    frame = pd.DataFrame({k: out.pop(k) for k in COLUMNS}, copy=False)
    return frame.astype({"n_sources": "int64", "n_independent": "int64", "n_claims": "int64"})


__all__ = ["COMPARISON_EXTRA", "TEXT_COLUMNS", "Reason", "compare"]
