"""Plain-words notes for comparison rows: who says what, how the figures relate, and why.

>>> import pandas as pd
>>> a = Figure("a", "US Central Command", 15.0, 15.0, "exact", (), frozenset(), "15", pd.NaT)
>>> b = Figure("b", "Iraqi Joint Operations Command", 14.0, 14.0, "exact", (), frozenset(),
...            "14", pd.NaT)
>>> res = Resolution([a, b])
>>> print(figures_clause(res) + ": " + verdict_clause(Verdict.DISCREPANT, 1.0, 1 / 15) + ".")
US Central Command says 15, Iraqi Joint Operations Command says 14: disjoint figures, gap 1 (6.7%).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from factcheck.compare.reasons import Reason, Resolution
from factcheck.compare.verdicts import ABOUT_TOLERANCE, Figure, interval
from factcheck.model import Qualifier, Verdict


def number(x: float) -> str:
    """A figure for a note: thousands separators, no trailing ".0".

    >>> number(2500.0), number(0.5)
    ('2,500', '0.5')
    """
    if math.isnan(x):
        return "unknown"
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,g}"


def figure(f: Figure) -> str:
    """A figure in words from its interval and qualifier: "at least 14", "about 110"."""
    return figure_words(f.qualifier, f.low, f.high, f.value_text)


def figure_words(q: str, low: float, high: float, value_text: str) -> str:
    """:func:`figure` from the parts of a figure (the comparison's vectorised path)."""
    if q == Qualifier.NONE_REPORTED:
        return "0 (none reported)"
    if q == Qualifier.AT_LEAST or (math.isnan(high) and not math.isnan(low)):
        return f"at least {number(low)}"
    if q == Qualifier.AT_MOST or math.isnan(low):
        return f"at most {number(high)}"
    if q == Qualifier.ABOUT:
        return f"about {number(low)}"
    if low != high:
        words = f' ("{value_text}")' if q == Qualifier.VAGUE else ""
        return f"{number(low)} to {number(high)}{words}"
    return number(low)


def says(label: str) -> str:
    """ "say" after a plural common noun ("unnamed sources", "organisers"), else "says"."""
    name = label.split(" (", 1)[0]
    plural = name[:1].islower() and name.endswith("s") and not name.endswith("ss")
    return "say" if plural else "says"


def figures_clause(res: Resolution) -> str:
    """'A says 15, B says 14', with the earlier figures of a source that changed its own."""
    by_source: dict[str, list[Figure]] = {}
    for f in res.figures:
        by_source.setdefault(f.source, []).append(f)
    parts = []
    for source, figs in by_source.items():
        label = figs[0].label
        text = f"{label} {says(label)} " + " and ".join(figure(f) for f in figs)
        if source in res.history:
            earlier = ", then ".join(figure(h) for h in res.history[source])
            text += f" (earlier {earlier})"
        parts.append(text)
    for d, _ in res.denials:
        parts.append(f"{d.label} {'deny' if says(d.label) == 'say' else 'denies'} {figure(d)}")
    return ", ".join(parts) if parts else "no figure"


def history_sentences(res: Resolution) -> list[str]:
    """How each source's figure changed: revised (disjoint) or restated (compatible)."""
    out = []
    for source, older in res.history.items():
        current = [f for f in res.figures if f.source == source]
        if not current:
            continue
        now = " and ".join(figure(f) for f in current)
        steps = " -> ".join(figure(h) for h in older)
        if source in res.revised and source in res.downward:
            out.append(f"{current[0].label} revised its figure downward ({steps} -> {now}): "
                       "a revision; the latest counts.")  # fmt: skip
        elif source in res.revised:
            out.append(f"{current[0].label} updated its figure ({steps} -> {now}); the latest "
                       "counts.")  # fmt: skip
        else:
            out.append(f"{current[0].label} restated its earlier {steps} as {now}, a "
                       "compatible figure; the latest counts.")  # fmt: skip
    if res.moving_toll:
        out.append("The lower figures were reported on earlier days: a rising toll, not a "
                   "contradiction.")  # fmt: skip
    return out


def verdict_clause(verdict: Verdict, gap: float, rel_gap: float) -> str:
    """How the figures relate, with the gap for disjoint ones."""
    if verdict == Verdict.DISCREPANT and not math.isnan(gap) and gap > 0:
        return f"disjoint figures, gap {number(gap)} ({rel_gap * 100:.1f}%)"
    return {
        Verdict.AGREE: "the same figure",
        Verdict.COMPATIBLE: "the figures overlap",
        Verdict.DISCREPANT: "the figures conflict",
        Verdict.SINGLE_SOURCE: "one source only",
        Verdict.UPDATED: "the figures differ only by updates over time",
    }[verdict]


def reason_sentences(res: Resolution, reasons: Sequence[Reason]) -> list[str]:
    """One sentence per reason found inside the group."""
    out: list[str] = history_sentences(res)
    for reason in reasons:
        if reason == Reason.DENIED:
            for d, hit in res.denials:
                who = ", ".join(h.label for h in hit) or "no current figure"
                out.append(f"{d.label} denies the figure of {figure(d)} (given by {who}).")
        elif reason == Reason.INCONSISTENT_IN_DOCUMENT:
            for a, b in res.in_document:
                doc = sorted(a.doc_ids & b.doc_ids)[0]
                out.append(f"Document {doc} gives both {figure(a)} and {figure(b)}.")
        elif reason == Reason.PARTS_ADD_UP:
            for parts, total in res.parts:
                sums = " + ".join(figure(p) for p in parts)
                out.append(f"{sums} = {figure(total)}: {total.label}'s figures are parts of "
                           "one total.")  # fmt: skip
        elif reason == Reason.ROUNDING:
            out.append("One figure is the other rounded.")
        elif reason == Reason.BOUND_CONSISTENT:
            out.append("An open bound allows the other figures.")
        elif reason == Reason.APPROXIMATE:
            out.append(f"Within the ±{ABOUT_TOLERANCE:.0%} band of an approximate figure.")
    if Reason.CONTRADICTION in reasons:
        out.append("No update, rounding, part or difference of scope explains the gap.")
    for f in res.figures:  # "more than 400" read as at most 500 (compare.granularity)
        top = interval(f)[1]
        if not (math.isnan(f.high) and f.qualifier == Qualifier.AT_LEAST and top < math.inf):
            continue
        if any(interval(g)[0] > top for g in res.figures):  # only when the ceiling decides
            out.append(f'{f.label}\'s "{f.value_text}" is read as at most {number(top)}: a '
                       "round lower bound implies the next step of its scale.")  # fmt: skip
    return out
