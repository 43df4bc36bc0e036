"""Interval logic: how the current figures of one aligned group relate to each other.

Every figure is an interval read from ``low``, ``high`` and ``qualifier`` (docs/mentions.md):
exact 15 is [15, 15], "at least 14" is [14, inf), "up to 20" is [0, 20], "about 100" is
[90, 110] (:data:`ABOUT_TOLERANCE`), "more than 400" is [400, 500]
(:mod:`factcheck.compare.granularity`). Two figures agree when they are the same figure, are
compatible when their intervals overlap, and are discrepant when they are disjoint.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import pandas as pd

from factcheck.compare.granularity import implied_ceiling
from factcheck.model import Qualifier, Verdict

#: "about N" is read as N ± 10%: the band a reader grants "around 100" (90 to 110). Narrower,
#: "about 100" against 95 would be called a contradiction; wider, 100 against 85 would pass.
ABOUT_TOLERANCE: Final = 0.10

#: Slack when comparing interval ends, so float noise never turns a touch into a gap.
EPSILON: Final = 1e-9


@dataclass(frozen=True, slots=True)
class Figure:
    """One independent source's figure in a group, with the claims that state it."""

    source: str
    label: str
    low: float
    high: float
    qualifier: str
    claim_ids: tuple[str, ...]
    doc_ids: frozenset[str]
    value_text: str
    reported_at: pd.Timestamp
    own_voice: bool = False
    point: float = math.nan
    relayed: bool = False

    @property
    def key(self) -> tuple[float, float, str]:
        """What makes two figures "the same figure"."""
        return (_norm(self.low), _norm(self.high), self.qualifier)


def _norm(x: float) -> float:
    return -1.0 if math.isnan(x) else float(x)


def interval(fig: Figure, implied: bool = True) -> tuple[float, float]:
    """The interval a figure allows, hedges included (open bounds are 0 and infinity).

    >>> f = Figure("s", "s", 100.0, 100.0, "about", (), frozenset(), "", pd.NaT)
    >>> [round(x, 6) for x in interval(f)]
    [90.0, 110.0]
    """
    low = 0.0 if math.isnan(fig.low) else fig.low
    high = math.inf if math.isnan(fig.high) else fig.high
    if fig.qualifier == Qualifier.ABOUT:
        return low * (1 - ABOUT_TOLERANCE), high * (1 + ABOUT_TOLERANCE)
    if implied and fig.qualifier == Qualifier.AT_LEAST and math.isinf(high):
        high = implied_ceiling(fig.value_text, low)  # "more than 400": fewer than 500
    return low, high


def stated_interval(fig: Figure) -> tuple[float, float]:
    """The interval as stated, without the ``about`` band (open bounds stay open)."""
    low = 0.0 if math.isnan(fig.low) else fig.low
    high = math.inf if math.isnan(fig.high) else fig.high
    return low, high


def stated_numbers(fig: Figure) -> list[float]:
    """The numbers a figure states: [14] for "at least 14", [5, 8] for "between 5 and 8"."""
    return [x for x in (fig.low, fig.high) if not math.isnan(x)]


def overlap(figures: Sequence[Figure], implied: bool = True) -> bool:
    """Whether all intervals share a point (pairwise overlap is the same thing for intervals);
    ``implied=False`` reads a round lower bound without its implied ceiling."""
    spans = [interval(f, implied) for f in figures]
    return max(lo for lo, _ in spans) <= min(hi for _, hi in spans) + EPSILON


def verdict(figures: Sequence[Figure], n_independent: int) -> Verdict:
    """agree / compatible / discrepant over the figures; single_source when one source speaks
    (unless its own figures are disjoint: a source contradicting itself is discrepant)."""
    if len(figures) <= 1 or (n_independent <= 1 and overlap(figures)):
        return Verdict.SINGLE_SOURCE
    if len({f.key for f in figures}) == 1:
        return Verdict.AGREE
    return Verdict.COMPATIBLE if overlap(figures) else Verdict.DISCREPANT


def gap(figures: Sequence[Figure]) -> tuple[float, float]:
    """Distance between the farthest-apart stated intervals, absolute and relative to the
    larger figure: 15 vs 14 -> (1.0, 0.0667). Zero when they overlap, NaN for one figure.

    >>> a = Figure("a", "a", 15.0, 15.0, "exact", (), frozenset(), "15", pd.NaT)
    >>> b = Figure("b", "b", 14.0, 14.0, "exact", (), frozenset(), "14", pd.NaT)
    >>> g, rel = gap([a, b]); g, round(rel, 4)
    (1.0, 0.0667)
    """
    if len(figures) < 2:
        return math.nan, math.nan
    spans = [stated_interval(f) for f in figures]
    distance = max(0.0, max(lo for lo, _ in spans) - min(hi for _, hi in spans))
    largest = max(x for f in figures for x in stated_numbers(f)) if distance else 0.0
    return distance, (distance / largest if largest else 0.0)
