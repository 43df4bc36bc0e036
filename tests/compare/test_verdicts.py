"""Interval logic and reasons on Figure records, without tables."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from factcheck.compare.reasons import Reason, is_rounding, reasons, resolve
from factcheck.compare.verdicts import Figure, gap, interval, overlap, verdict
from factcheck.model import Verdict

NAN = math.nan


def fig(source: str, low: float, high: float, qualifier: str = "exact", **kw: object) -> Figure:
    fields: dict[str, object] = {"claim_ids": (f"{source}:{low}",), "doc_ids": frozenset({source}),
                                 "value_text": str(low), "reported_at": pd.NaT}  # fmt: skip
    fields.update(kw)
    return Figure(source, source, low, high, qualifier, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (fig("a", 15, 15), (15, 15)),
        (fig("a", 14, NAN, "at_least"), (14, math.inf)),
        (fig("a", NAN, 20, "at_most"), (0, 20)),
        (fig("a", 100, 100, "about"), (90, 110)),
        (fig("a", 24, 99, "vague"), (24, 99)),
        (fig("a", 0, 0, "none_reported"), (0, 0)),
    ],
)
def test_interval(f: Figure, expected: tuple[float, float]) -> None:
    assert interval(f) == pytest.approx(expected)


def test_verdict_and_gap() -> None:
    a, b = fig("a", 15, 15), fig("b", 14, 14)
    assert verdict([a, b], 2) == Verdict.DISCREPANT
    assert gap([a, b]) == pytest.approx((1, 1 / 15))
    assert verdict([a, fig("b", 15, 15)], 2) == Verdict.AGREE
    assert verdict([a, fig("b", 14, NAN, "at_least")], 2) == Verdict.COMPATIBLE
    assert verdict([a], 1) == Verdict.SINGLE_SOURCE
    assert verdict([a, fig("a", 15, NAN, "at_least")], 1) == Verdict.SINGLE_SOURCE
    assert verdict([a, fig("a", 40, 40)], 1) == Verdict.DISCREPANT  # contradicts itself
    assert math.isnan(gap([a])[0])
    assert overlap([fig("a", 100, 100, "about"), fig("b", 109, 109)])


def test_rounding_rule() -> None:
    assert is_rounding(1200, 1187) and is_rounding(100, 97) and is_rounding(1000, 1040)
    assert not is_rounding(10, 14)  # 29% apart
    assert not is_rounding(15, 14)  # neither is round
    assert not is_rounding(1200, 1120)  # rounds to 1,100, and 6.7% apart


def test_latest_statement_wins_and_revision_is_an_update() -> None:
    t = [pd.Timestamp(f"2025-03-0{d}") for d in (1, 2, 3)]
    figs = [fig("m", 20, 20, reported_at=t[0]), fig("m", 45, NAN, "at_least", reported_at=t[1]),
            fig("m", 112, 112, reported_at=t[2])]  # fmt: skip
    res = resolve(figs, [])
    assert [f.low for f in res.figures] == [112]
    assert [f.low for f in res.history["m"]] == [20, 45]
    assert res.revised == {"m"}
    assert reasons(res, Verdict.SINGLE_SOURCE) == [Reason.UPDATE]


def test_parts_with_a_total_in_the_same_document() -> None:
    parts = [fig("h", 5, 5), fig("h", 2, 2), fig("h", 7, 7)]
    res = resolve(parts, [])
    assert [f.low for f in res.figures] == [7] and len(res.parts) == 1


def test_denial_without_figures() -> None:
    res = resolve([], [fig("army", 300, 300)])
    assert reasons(res, Verdict.SINGLE_SOURCE) == [Reason.DENIED]


def test_figures_are_never_summed_on_a_guess() -> None:
    res = resolve([fig("m", 20, 20), fig("m", 12, 12)], [])  # "20 killed, up from 12"
    assert sorted(f.low for f in res.figures) == [12, 20] and not res.parts
    assert len(res.in_document) == 1  # same source, same document, disjoint figures
    assert reasons(res, Verdict.DISCREPANT) == [Reason.INCONSISTENT_IN_DOCUMENT]
