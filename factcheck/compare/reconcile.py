"""Reconciliation policies: one low/best/high per group by a written rule, naming the claims
that set each bound.

- ``conservative`` — the lowest credible figure (ACLED: when reports differ, record the most
  conservative one): the lowest count a source gives; open bounds ("more than 100") count only
  when no source gives a count. low = best = high = that figure.
- ``range`` — the lowest and highest figures stated (Iraq Body Count: a minimum and a maximum
  per incident, no single figure). best is left empty.
- ``best`` — UCDP-style low/best/high: low and high as in ``range``; best is the primary
  source's latest figure when exactly one primary source speaks, else the median of the exact
  figures (the lower middle one, so that best is always a figure somebody stated).

Only current, asserted figures take part: superseded statements and denied figures never set
a bound. See docs/compare.md.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from statistics import median_low
from typing import Final

import pandas as pd

from factcheck.compare.verdicts import Figure, stated_numbers
from factcheck.model import Qualifier

POLICIES: Final = ("conservative", "range", "best")


@dataclass(frozen=True, slots=True)
class Estimate:
    """A reconciled figure: low, best and high, and the claim ids that set each."""

    policy: str
    low: float
    best: float
    high: float
    set_by: dict[str, list[str]] = field(default_factory=dict)


def point(fig: Figure) -> float:
    """The single figure a coder records: the stated number, the lower end of a range, the
    ``point`` of a vague quantity when the table has one, 0 for "none reported".

    >>> import pandas as pd
    >>> point(Figure("s", "s", 14.0, math.nan, "at_least", (), frozenset(), "", pd.NaT))
    14.0
    """
    if fig.qualifier == Qualifier.NONE_REPORTED:
        return 0.0
    if fig.qualifier == Qualifier.VAGUE and not math.isnan(fig.point):
        return fig.point
    return fig.high if math.isnan(fig.low) else fig.low


def _setters(figures: Sequence[Figure], value: float, of: object = point) -> list[str]:
    ids = [c for f in figures if _matches(f, value, of) for c in f.claim_ids]
    return sorted(set(ids), key=ids.index)


def _matches(fig: Figure, value: float, of: object) -> bool:
    if of is point:
        return math.isclose(point(fig), value)
    return any(math.isclose(x, value) for x in _numbers(fig))


def _numbers(fig: Figure) -> list[float]:
    return [0.0] if fig.qualifier == Qualifier.NONE_REPORTED else stated_numbers(fig)


def _open(fig: Figure) -> bool:
    return math.isnan(fig.low) or math.isnan(fig.high)


def conservative(figures: Sequence[Figure]) -> Estimate:
    """The lowest credible figure (ACLED): the lowest count a source gives. An open bound
    ("more than a million") is a limit, not a count, so it only counts when no source gives
    a count: 1,280,000 and "more than 1,000,000" -> 1,280,000."""
    if not figures:
        return Estimate("conservative", math.nan, math.nan, math.nan)
    pool = [f for f in figures if not _open(f)] or list(figures)
    low = min(point(f) for f in pool)
    ids = _setters(pool, low)
    return Estimate("conservative", low, low, low, {"low": ids, "best": ids, "high": ids})


def range_(figures: Sequence[Figure]) -> Estimate:
    """The lowest and highest figures stated (Iraq Body Count); no best figure."""
    numbers = [x for f in figures for x in _numbers(f)]
    if not numbers:
        return Estimate("range", math.nan, math.nan, math.nan)
    low, high = min(numbers), max(numbers)
    set_by = {"low": _setters(figures, low, _numbers), "high": _setters(figures, high, _numbers)}
    return Estimate("range", low, math.nan, high, set_by)


def best(
    figures: Sequence[Figure], primary: Collection[str] = (), bounds: Estimate | None = None
) -> Estimate:
    """UCDP-style low/best/high: the primary source's latest figure, else the median of the
    exact figures, else the median of all recorded figures. ``bounds`` is ``range_(figures)``
    when the caller has it already."""
    bounds = range_(figures) if bounds is None else bounds
    if not figures:
        return Estimate("best", math.nan, math.nan, math.nan)
    first_hand = [f for f in figures if f.source in primary or f.label in primary]
    exact = [f for f in figures if f.qualifier == Qualifier.EXACT]
    if len({f.source for f in first_hand}) == 1:
        pool, rule = first_hand, "primary"
    else:
        pool, rule = (exact, "median_exact") if exact else (list(figures), "median")
    value = float(median_low([point(f) for f in pool]))
    floor = _latest_floor(figures)
    if floor is not None and value < floor.low:  # "at least 14" said last: best is not 13
        value, pool, rule = floor.low, [floor], "latest_lower_bound"
    set_by = {**bounds.set_by, "best": _setters(pool, value), "rule": [rule]}
    return Estimate("best", bounds.low, value, bounds.high, set_by)


def _latest_floor(figures: Sequence[Figure]) -> Figure | None:
    """The open lower bound ("at least 14") among the figures stated last: the best figure
    never falls below it (an exact 13 stated earlier is out of date)."""
    dated = [f for f in figures if not pd.isna(f.reported_at)]
    if not dated:
        return None
    last = max(f.reported_at for f in dated)
    latest = [f for f in dated if f.reported_at == last]
    floors = [f for f in latest if f.qualifier == Qualifier.AT_LEAST and not math.isnan(f.low)]
    return max(floors, key=lambda f: f.low) if floors else None


def reconcile(figures: Sequence[Figure], policy: str, primary: Collection[str] = ()) -> Estimate:
    """The estimate of one group under ``policy`` (one of :data:`POLICIES`)."""
    if policy == "conservative":
        return conservative(figures)
    if policy == "range":
        return range_(figures)
    if policy == "best":
        return best(figures, primary)
    raise ValueError(f"unknown policy {policy!r}; known: {', '.join(POLICIES)}")
