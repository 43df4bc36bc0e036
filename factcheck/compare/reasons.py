"""Why figures differ: updates over time, parts that add up, one document contradicting itself,
denials, rounding, open bounds, or a plain contradiction.

``resolve`` turns the claims of one group into each independent source's *current* figure
(the latest statement of a speaker supersedes the earlier ones) and records everything it
merged or set aside; ``reasons`` names the explanations, most telling first.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import combinations
from typing import Final

import pandas as pd

from factcheck.compare.verdicts import Figure, interval, overlap
from factcheck.model import Qualifier, Verdict

#: A round figure (1,200) and a precise one (1,187) are "rounding" when the precise one
#: rounds to the round one at its last non-zero digit and they differ by at most 5% of the
#: larger: 1,187 -> 1,200 passes, 14 -> 10 (29%) does not.
ROUNDING_MAX_REL: Final = 0.05


class Reason(StrEnum):
    """Explanations of a group's figures; the declaration order is the order of precedence."""

    DENIED = "denied"
    INCONSISTENT_IN_DOCUMENT = "inconsistent_in_document"
    CONTRADICTION = "contradiction"
    UPDATE = "update"
    PARTS_ADD_UP = "parts_add_up"
    ROUNDING = "rounding"
    BOUND_CONSISTENT = "bound_consistent"
    APPROXIMATE = "approximate"
    SAME_FIGURE = "same_figure"
    DIFFERENT_MEASURE = "different_measure"
    DIFFERENT_SCOPE = "different_scope"
    SUBSET = "subset"
    SINGLE_SOURCE = "single_source"


@dataclass
class Resolution:
    """The current figures of a group and what was merged or set aside to get them."""

    figures: list[Figure]
    history: dict[str, list[Figure]] = field(default_factory=dict)
    parts: list[tuple[list[Figure], Figure]] = field(default_factory=list)
    in_document: list[tuple[Figure, Figure]] = field(default_factory=list)
    denials: list[tuple[Figure, list[Figure]]] = field(default_factory=list)
    revised: set[str] = field(default_factory=set)
    downward: set[str] = field(default_factory=set)  # revised sources whose figure fell
    moving_toll: bool = False

    @property
    def updated(self) -> bool:
        """Whether every gap in the group is explained by updates over time: a source revised
        its own figure and the current figures agree or overlap, or the disjoint ones form a
        toll that rose day by day; no denial, no document contradicting itself."""
        if not (self.revised or self.moving_toll) or self.in_document:
            return False
        if any(hit for _, hit in self.denials):
            return False
        return self.moving_toll or len(self.figures) <= 1 or overlap(self.figures)


def _merge(figs: Sequence[Figure]) -> list[Figure]:
    """Collapse claims of one source stating the same figure (relays, repeats) into one."""
    by_key: dict[tuple[float, float, str], list[Figure]] = defaultdict(list)
    for f in figs:
        by_key[f.key].append(f)
    out = []
    for same in by_key.values():
        if len(same) == 1:
            out.append(same[0])
            continue
        times = [f.reported_at for f in same if not pd.isna(f.reported_at)]
        out.append(
            replace(
                same[0],
                claim_ids=tuple(c for f in same for c in f.claim_ids),
                doc_ids=frozenset().union(*(f.doc_ids for f in same)),
                reported_at=max(times) if times else pd.NaT,
                own_voice=all(f.own_voice for f in same),
                relayed=all(f.relayed for f in same),
            )
        )
    return sorted(out, key=lambda f: (pd.isna(f.reported_at), f.reported_at, f.claim_ids))


def _relays_capped(figs: Sequence[Figure]) -> list[Figure]:
    """Date a relayed figure no later than the speaker's latest direct statement: an outlet
    relaying a figure may repeat an old one, so a relay never supersedes what the speaker
    said directly (a relay dated the day after a direct 310 and saying "more than 300" is the
    same statement, not a revision)."""
    direct = [f.reported_at for f in figs if not f.relayed and not pd.isna(f.reported_at)]
    if not direct:
        return list(figs)
    cap = max(direct)
    return [
        replace(f, reported_at=cap)
        if f.relayed and not pd.isna(f.reported_at) and f.reported_at > cap
        else f
        for f in figs
    ]


def _is_exact(f: Figure) -> bool:
    return f.qualifier == Qualifier.EXACT and not math.isnan(f.low)


def _sum_figure(parts: Sequence[Figure]) -> Figure:
    total = sum(p.low for p in parts)
    return replace(
        parts[0],
        low=total,
        high=total,
        claim_ids=tuple(c for p in parts for c in p.claim_ids),
        doc_ids=frozenset().union(*(p.doc_ids for p in parts)),
        value_text=" + ".join(p.value_text for p in parts),
    )


def _parts(current: list[Figure], others: set[float]) -> tuple[list[Figure], Figure] | None:
    """(parts, total) when one source's simultaneous figures are parts of a total, else None."""
    if len(current) < 2 or not all(_is_exact(f) for f in current):
        return None
    if len(set().union(*(f.doc_ids for f in current))) != 1:
        return None
    for total in current:  # "5 wounded ... 2 injured ... 7 hurt in all" in one document
        rest = [f for f in current if f is not total]
        if len(rest) >= 2 and math.isclose(sum(f.low for f in rest), total.low):
            return rest, total
    summed = _sum_figure(current)
    if summed.low in others:
        return current, summed
    return None


def resolve(asserted: Sequence[Figure], denied: Sequence[Figure]) -> Resolution:
    """Current figure(s) of each source: the latest statement wins; simultaneous figures of
    one source are summed when they are parts of a total, else kept (a contradiction)."""
    by_source: dict[str, list[Figure]] = defaultdict(list)
    for f in asserted:
        by_source[f.source].append(f)
    res = Resolution(figures=[])
    pending: dict[str, list[Figure]] = {}
    for source, figs in by_source.items():
        merged = _merge(_relays_capped(figs))
        times = [f.reported_at for f in merged if not pd.isna(f.reported_at)]
        latest = max(times) if times else None
        current = [f for f in merged if latest is None or f.reported_at == latest]
        older = [f for f in merged if not any(f is c for c in current)]
        if older:
            res.history[source] = older
            if any(not overlap([o, c]) for o in older for c in current):
                res.revised.add(source)
                if _fell(older, current):
                    res.downward.add(source)
        pending[source] = current
    singles = {f.low for cur in pending.values() if len(cur) == 1 for f in cur if _is_exact(f)}
    for current in pending.values():
        found = _parts(current, singles)
        if found:
            res.parts.append(found)
            current = [found[1]]
        res.figures.extend(current)
    for a, b in combinations(res.figures, 2):
        same_voice = a.own_voice or b.own_voice or a.source == b.source
        # a document contradicts itself only on what it states, not on what a bound implies
        if same_voice and a.doc_ids & b.doc_ids and not overlap([a, b], implied=False):
            res.in_document.append((a, b))
    for d in denied:
        hit = [f for f in res.figures if f.source != d.source and overlap([d, f])]
        res.denials.append((d, hit))
    res.moving_toll = bool(res.revised) and _time_ordered(res.figures)
    return res


def _fell(older: Sequence[Figure], current: Sequence[Figure]) -> bool:
    """Whether the latest figure is below the one stated just before it (a revision down)."""
    last = older[-1]
    return all(interval(c)[1] < interval(last)[0] for c in current)


def _time_ordered(figures: Sequence[Figure]) -> bool:
    """Some figures are disjoint and every disjoint pair is ordered in time: the later
    figure is the higher one (a toll that rose between the statements)."""
    if len(figures) < 2 or overlap(figures):
        return False
    for a, b in combinations(figures, 2):
        if overlap([a, b]):
            continue
        if pd.isna(a.reported_at) or pd.isna(b.reported_at):
            return False
        day_a, day_b = a.reported_at.normalize(), b.reported_at.normalize()
        if day_a == day_b:  # same day: the order of statements within a day is noise
            return False
        early, late = (a, b) if day_a < day_b else (b, a)
        if interval(early)[1] >= interval(late)[0]:
            return False
    return True


def is_rounding(a: float, b: float) -> bool:
    """Whether one of two figures is the other rounded: (1200, 1187) yes, (10, 14) no.

    >>> is_rounding(1200, 1187), is_rounding(10, 14), is_rounding(15, 14)
    (True, False, False)
    """
    if a == b or max(a, b) <= 0 or abs(a - b) / max(a, b) > ROUNDING_MAX_REL:
        return False
    for round_one, other in ((a, b), (b, a)):
        if round_one != int(round_one) or round_one == 0:
            continue
        unit = 1
        while int(round_one) % (unit * 10) == 0:
            unit *= 10
        if unit > 1 and round(other / unit) * unit == round_one:
            return True
    return False


def _rounding(figures: Sequence[Figure]) -> bool:
    if not all(f.qualifier in (Qualifier.EXACT, Qualifier.ABOUT) for f in figures):
        return False
    points = sorted({f.low for f in figures})
    return len(points) > 1 and all(is_rounding(a, b) for a, b in combinations(points, 2))


def reasons(res: Resolution, verdict: Verdict) -> list[Reason]:
    """The explanations that apply, most telling first (see :class:`Reason`)."""
    found: set[Reason] = set()
    if any(hit for _, hit in res.denials) or (res.denials and not res.figures):
        found.add(Reason.DENIED)
    if res.in_document:
        found.add(Reason.INCONSISTENT_IN_DOCUMENT)
    if res.revised:
        found.add(Reason.UPDATE)
    if res.parts:
        found.add(Reason.PARTS_ADD_UP)
    figs = res.figures
    open_bound = any(math.isnan(f.low) or math.isnan(f.high) for f in figs)
    if verdict == Verdict.DISCREPANT and len(figs) > 1 and not overlap(figs):
        if _rounding(figs):
            found.add(Reason.ROUNDING)
        elif not (res.moving_toll or res.in_document):
            found.add(Reason.CONTRADICTION)
    elif verdict == Verdict.COMPATIBLE:
        if open_bound:
            found.add(Reason.BOUND_CONSISTENT)
        elif _rounding(figs):
            found.add(Reason.ROUNDING)
        else:
            found.add(Reason.APPROXIMATE)
    elif verdict == Verdict.AGREE:
        found.add(Reason.SAME_FIGURE)
    if verdict == Verdict.SINGLE_SOURCE and not found:
        found.add(Reason.SINGLE_SOURCE)
    return sorted(found, key=list(Reason).index)
