"""The three reconciliation policies, checked by hand, each naming the claims behind it."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from factcheck.compare.reconcile import POLICIES, best, conservative, point, range_, reconcile
from factcheck.compare.verdicts import Figure

NAN = math.nan


def fig(source: str, low: float, high: float, qualifier: str = "exact", pt: float = NAN) -> Figure:
    return Figure(source, source, low, high, qualifier, (f"{source}:1",), frozenset({"d"}),
                  str(low), pd.NaT, point=pt)  # fmt: skip


ANBAR = [fig("centcom", 15, 15), fig("joc", 14, 14)]
PROTEST = [fig("ministry", 1_280_000, 1_280_000), fig("cgt", 3_500_000, NAN, "at_least"),
           fig("reuters", 1_000_000, NAN, "at_least")]  # fmt: skip


def test_conservative_lowest_count() -> None:
    est = conservative(ANBAR)
    assert (est.low, est.best, est.high) == (14, 14, 14)
    assert est.set_by["best"] == ["joc:1"]
    assert conservative(PROTEST).best == 1_280_000  # open bounds are limits, not counts
    assert conservative([fig("a", 100, NAN, "at_least")]).best == 100  # only bounds: lowest
    assert conservative([fig("a", 24, 99, "vague", pt=12), fig("b", 30, 30)]).best == 12


def test_range_min_and_max_stated() -> None:
    est = range_(ANBAR)
    assert (est.low, est.high) == (14, 15) and math.isnan(est.best)
    assert est.set_by == {"low": ["joc:1"], "high": ["centcom:1"]}
    assert (range_(PROTEST).low, range_(PROTEST).high) == (1_000_000, 3_500_000)
    assert range_([fig("a", 0, 0, "none_reported"), fig("b", 3, 3)]).low == 0


def test_best_primary_else_median_of_exact() -> None:
    assert best(ANBAR).best == 14  # lower middle of 14 and 15
    assert best(ANBAR).set_by["rule"] == ["median_exact"]
    primary = best(ANBAR, {"centcom"})
    assert primary.best == 15 and primary.set_by["best"] == ["centcom:1"]
    three = [fig("a", 10, 10), fig("b", 12, 12), fig("c", 30, 30), fig("d", 5, NAN, "at_least")]
    assert best(three).best == 12
    bounds_only = [fig("a", 100, NAN, "at_least"), fig("b", 130, NAN, "at_least")]
    assert best(bounds_only).best == 100 and best(bounds_only).set_by["rule"] == ["median"]


def test_point_and_dispatch() -> None:
    assert point(fig("a", NAN, 20, "at_most")) == 20
    assert point(fig("a", 5, 8, "range")) == 5
    assert point(fig("a", 0, 0, "none_reported")) == 0
    assert [reconcile(ANBAR, p).policy for p in POLICIES] == list(POLICIES)
    with pytest.raises(ValueError):
        reconcile(ANBAR, "mean")
    assert math.isnan(reconcile([], "best").best)
