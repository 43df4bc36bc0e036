"""The interval logic of simple groups over arrays: per-claim intervals and per-group
reductions (``reduceat`` over the first claim of each group), for :mod:`.fast`."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Final

import numpy as np

from factcheck.compare.verdicts import ABOUT_TOLERANCE, EPSILON, interval
from factcheck.model import Qualifier


class _Fig:
    """What :func:`factcheck.compare.verdicts.interval` reads of a figure."""

    __slots__ = ("high", "low", "qualifier", "value_text")

    def __init__(self, low: float, high: float, qualifier: str, value_text: str) -> None:
        self.low, self.high, self.qualifier, self.value_text = low, high, qualifier, value_text


def _close(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``math.isclose`` elementwise (relative tolerance 1e-9, no absolute tolerance)."""
    with np.errstate(invalid="ignore"):
        return np.abs(a - b) <= 1e-9 * np.maximum(np.abs(a), np.abs(b))


def _intervals(
    low: np.ndarray, high: np.ndarray, q: np.ndarray, value_text: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`factcheck.compare.verdicts.interval` of every figure: the bands of "about" over
    the arrays; only an open "at least" asks that function for its implied ceiling."""
    ilo, ihi = np.where(np.isnan(low), 0.0, low), np.where(np.isnan(high), math.inf, high)
    about = q == Qualifier.ABOUT
    ilo = np.where(about, ilo * (1 - ABOUT_TOLERANCE), ilo)
    ihi = np.where(about, ihi * (1 + ABOUT_TOLERANCE), ihi)
    for i in np.flatnonzero((q == Qualifier.AT_LEAST) & np.isinf(ihi)).tolist():
        ilo[i], ihi[i] = interval(_Fig(float(low[i]), float(high[i]), q[i], value_text[i]))
    return ilo, ihi


#: ``when`` of a claim whose reported_at is unknown (reported_at in UTC nanoseconds).
NO_TIME: Final = int(np.iinfo(np.int64).min)


class Arrays:
    """The interval logic of simple groups: per-claim arrays and per-group reductions."""

    def __init__(self, c: dict[str, Any], starts: np.ndarray) -> None:
        low, high = np.asarray(c["low"], dtype=float), np.asarray(c["high"], dtype=float)
        q = np.asarray(c["qualifier"], dtype=object)
        none = q == Qualifier.NONE_REPORTED
        no_low, no_high = np.isnan(low), np.isnan(high)
        slo, shi = np.where(no_low, 0.0, low), np.where(no_high, math.inf, high)
        ilo, ihi = _intervals(low, high, q, c["value_text"])
        point = np.asarray(c["point"], dtype=float)
        self.pt = np.where(
            none,
            0.0,
            np.where((q == Qualifier.VAGUE) & ~np.isnan(point), point, np.where(no_low, high, low)),
        )
        self.nlo = np.where(none, 0.0, np.fmin(low, high))
        self.nhi = np.where(none, 0.0, np.fmax(low, high))
        first = np.repeat(starts, np.diff(np.append(starts, len(low))))
        same = (np.where(no_low, -1.0, low) == np.where(no_low, -1.0, low)[first]) & (
            np.where(no_high, -1.0, high) == np.where(no_high, -1.0, high)[first]
        )
        same &= q == q[first]
        self.size = np.diff(np.append(starts, len(low)))
        self.agree = np.logical_and.reduceat(same, starts)
        self.overlap = (
            np.maximum.reduceat(ilo, starts) <= np.minimum.reduceat(ihi, starts) + EPSILON
        )
        distance = np.maximum.reduceat(slo, starts) - np.minimum.reduceat(shi, starts)
        distance = np.where(distance > 0, distance, 0.0)
        largest = np.fmax.reduceat(np.fmax(low, high), starts)
        with np.errstate(divide="ignore", invalid="ignore"):
            rel = np.where(distance > 0, distance / largest, 0.0)
        one = self.size < 2
        self.gap, self.rel_gap = np.where(one, math.nan, distance), np.where(one, math.nan, rel)
        self.low, self.high = np.minimum.reduceat(low, starts), np.maximum.reduceat(high, starts)
        self.spread = self.high - self.low
        with np.errstate(divide="ignore", invalid="ignore"):
            share = self.spread / self.high
        share = np.where(np.isfinite(share), share, math.nan)
        self.rel_spread = np.where(self.high == 0, 0.0, share)
        self.closed = ~(no_low | no_high)
        pooled = np.where(self.closed, self.pt, math.inf)
        any_closed = np.logical_or.reduceat(self.closed, starts)
        self.cons = np.where(
            any_closed, np.minimum.reduceat(pooled, starts), np.minimum.reduceat(self.pt, starts)
        )
        self.range_low = np.minimum.reduceat(self.nlo, starts)
        self.range_high = np.maximum.reduceat(self.nhi, starts)
        rep = self.size
        self.cons_set = _close(self.pt, np.repeat(self.cons, rep)) & (
            self.closed | ~np.repeat(any_closed, rep)
        )
        self.low_set = _close(self.nlo, np.repeat(self.range_low, rep)) | _close(
            self.nhi, np.repeat(self.range_low, rep)
        )
        self.high_set = _close(self.nlo, np.repeat(self.range_high, rep)) | _close(
            self.nhi, np.repeat(self.range_high, rep)
        )
        self.no_high = no_high
