"""Discrepancy charts: who gave which figure, how far apart, and what the estimate is.

Every function takes the comparison table and the claims table and returns a matplotlib
``Figure`` (nothing is shown or written until :func:`save`). Speakers keep one colour and one
marker shape across all charts of a run (:func:`factcheck.present.style.speaker_colors`) and
are labelled at their marks. A hedged figure is drawn over its whole interval, never as a
midpoint. Words come from the labels files (``labels="ar"``); Arabic is passed to matplotlib
as written: matplotlib >= 3.11 shapes and orders it itself, so no reshaping library is used.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable
from typing import Final

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from factcheck.model import Document
from factcheck.present import direct_labels as dl
from factcheck.present import frame as fr
from factcheck.present import groups as g
from factcheck.present.agreement import plot_agreement
from factcheck.present.labels import Labels
from factcheck.present.saving import CASE_CHARTS, save, save_case_charts
from factcheck.present.style import Look, isolate, rc, rtl_line, speaker_colors
from factcheck.present.timeline import plot_timeline

__all__ = [
    "CASE_CHARTS",
    "plot_agreement",
    "plot_discrepancies",
    "plot_timeline",
    "save",
    "save_case_charts",
]

#: An "about N" figure is drawn as N ± 10%: the margin the compare stage gives it
#: (docs/mentions.md, "Intervals and qualifiers").
ABOUT_MARGIN: Final = 0.10
#: Length of an open-bound arrow ("at least N"), as a share of the widest figure on the axis.
ARROW_SHARE: Final = 0.12
#: Room kept right of the largest figure, as a share of it (labels may widen the axis more).
RIGHT_ROOM: Final = 0.06
#: Room left of zero, so a marker at 0 ("no casualties") is drawn whole.
LEFT_ROOM: Final = 0.04
#: Height of one figure's line, in inches, and the extra height of each group's row.
FIGURE_INCHES: Final = {"desk": 0.3, "mobile": 0.36}
ROW_PAD_INCHES: Final = 0.3
#: When the largest positive figure on a panel is this many times the smallest, the axis is
#: logarithmic (symlog when a figure is 0, so 0 still shows).
LOG_RATIO: Final = 50
#: On a logarithmic axis an open bound's arrow spans this factor.
LOG_ARROW_FACTOR: Final = 1.8
#: Characters per line of a group name (left) and of the verdict column (right).
GROUP_CHARS: Final = {"desk": 22, "mobile": 14}
SIDE_CHARS: Final = {"desk": 24, "mobile": 15}
#: Estimate line: dashed black, behind the figures.
ESTIMATE_STYLE: Final = dict(color="black", lw=1.3, ls=(0, (4, 2)), zorder=2)


def _measures(comparison: pd.DataFrame, measure: str | None) -> list[str]:
    found = list(dict.fromkeys(comparison["measure"].astype(str)))
    return [m for m in found if measure is None or m == measure]


def plot_discrepancies(
    comparison: pd.DataFrame,
    claims: pd.DataFrame,
    *,
    where: str = "",
    measure: str | None = None,
    colors: dict[str, Look] | None = None,
    labels: str | Labels | None = None,
    sources: Iterable[Document] | None = None,
    timezone: str | None = None,
    size: str = "desk",
    show_estimate: bool = True,
) -> Figure:
    """One panel per measure, one row per aligned group, one mark per speaker's figure,
    labelled at the mark with the figure and the speaker.

    An exact figure is a marker; a range, "about N" (N ± 10%) and a vague quantity a bar over
    the interval; "at least N" an arrow to the right. The dashed line is the group's estimate,
    named with its rule in the right-hand column (``show_estimate=False`` leaves it out).
    ``where`` names the event in the subtitle; ``sources`` (documents) and ``timezone`` make
    the footer; ``labels`` picks the language (en, fr, ar); ``size="mobile"`` draws the 600 px
    variant with larger type.
    """
    s = fr.setting(labels_code=labels, size=size, where=where, sources=sources, claims=claims,
                   timezone=timezone, show_estimate=show_estimate)  # fmt: skip
    looks = colors or speaker_colors(claims)
    by_group = g.group_claims(comparison, claims)
    measures = _measures(comparison, measure)
    if not measures:
        raise ValueError(f"no group with measure {measure!r} in the comparison table")
    panels = [comparison[comparison["measure"].astype(str) == m] for m in measures]
    heights = [_heights(rows, by_group, s) for rows in panels]
    panel_in = [sum(h) + 0.75 + (0.3 if len(panels) > 1 else 0) for h in heights]
    with plt.rc_context(rc(s.size)):
        fig = plt.figure()
        fr.dress(fig, s, _title(comparison, panels, by_group, s),
                 fr.subtitle(s, list(comparison["event_date"])), sum(panel_in))  # fmt: skip
        axes = fig.subplots(len(panels), 1, height_ratios=panel_in, squeeze=False)[:, 0]
        drawn = [
            _panel(ax, rows, by_group, looks, s, many=len(panels) > 1 or len(rows) > 1)
            for ax, rows in zip(axes, panels, strict=True)
        ]
        fig.draw_without_rendering()
        missed: dict[str, str] = {}
        for ax, (marks, log) in zip(axes, drawn, strict=True):
            dl.place(fig, ax, marks, log, missed)
        if missed:  # the fallback: a legend for the speakers whose label found no room
            axes[-1].legend(handles=[dl.handle(looks[k], v) for k, v in missed.items()],
                            loc="upper center", bbox_to_anchor=(0.5, -0.35), ncols=1,
                            frameon=False)  # fmt: skip
    return fig


def _title(comparison, panels, by_group, s: fr.Setting) -> str:
    if len(comparison) == 1:
        row = comparison.iloc[0]
        return (f"{g.group_label(row, isolate, s.lab)}: "
                f"{g.gap_label(row, by_group[str(row['group_id'])], s.lab)}")  # fmt: skip
    if len(panels) == 1:
        return s.lab.group(panels[0]["measure"].iloc[0], "")
    return s.lab("figures_title")


def _heights(rows: pd.DataFrame, by_group: dict[str, pd.DataFrame], s: fr.Setting) -> list[float]:
    """Height of each group's row, in inches: one line per distinct figure, plus padding."""
    line = FIGURE_INCHES[s.size]
    return [
        max(2, len(g.distinct_figures(g.asserted(by_group[str(gid)])))) * line + ROW_PAD_INCHES
        for gid in rows["group_id"]
    ]


def _draw_claim(ax, y: float, claim: pd.Series, look: Look, stretch) -> tuple[float, float]:
    """Draw one speaker's figure on line ``y``; returns the left and right ends drawn."""
    lo, hi, q = g.num(claim["low"]), g.num(claim["high"]), str(claim["qualifier"])
    marker = dict(color=look.color, marker=look.marker, markersize=8, markeredgecolor="black",
                  markeredgewidth=0.6, zorder=4, linestyle="none")  # fmt: skip
    arrow = dict(arrowstyle="-|>", color=look.color, lw=1.6, mutation_scale=12)
    if q == "about" and not math.isnan(lo):
        lo, hi = lo * (1 - ABOUT_MARGIN), hi * (1 + ABOUT_MARGIN)
    if math.isnan(hi) and not math.isnan(lo):  # at least lo: an arrow to the right
        end = stretch(lo, 1)
        ax.annotate("", xy=(end, y), xytext=(lo, y), arrowprops=arrow, zorder=3)
        ax.plot([lo], [y], **marker)
        return lo, end
    if math.isnan(lo) and not math.isnan(hi):  # at most hi: an arrow towards zero
        start = stretch(hi, -1)
        ax.annotate("", xy=(start, y), xytext=(hi, y), arrowprops=arrow, zorder=3)
        ax.plot([hi], [y], **marker)
        return start, hi
    if hi > lo:  # an interval: a bar with end ticks over what the source said, no midpoint
        ax.plot([lo, hi], [y, y], color=look.color, lw=6, alpha=0.75, zorder=3,
                solid_capstyle="butt")  # fmt: skip
        ax.plot([lo, hi], [y, y], color="black", marker="|", markersize=11, linestyle="none",
                zorder=4)  # fmt: skip
        return lo, hi
    ax.plot([lo], [y], **marker)
    return lo, lo


def _panel(ax, rows, by_group, looks, s: fr.Setting, *, many: bool):
    """Draw one measure's groups on one axes; returns the marks to label and whether the
    axis is logarithmic."""
    groups = {str(gid): g.asserted(by_group[str(gid)]) for gid in rows["group_id"]}
    values = _finite(rows["high"]) + _finite(rows["low"])
    values += [v for sub in groups.values() for v in _finite(sub["low"]) + _finite(sub["high"])]
    widest = max([1.0, *values])
    positive = [v for v in values if v > 0]
    log = bool(positive) and max(positive) / min(positive) > LOG_RATIO
    right = widest  # the right end of what is drawn: "about" margins and arrow tips too
    claims = pd.concat(list(groups.values())) if groups else None
    if claims is not None and len(claims):
        about = claims[claims["qualifier"].astype(str) == "about"]
        right = max([right, *(v * (1 + ABOUT_MARGIN) for v in _finite(about["high"]))])
        if not log:
            tips = _finite(claims.loc[claims["high"].isna(), "low"])
            right = max([right, *(v + widest * ARROW_SHARE for v in tips)])

    def stretch(x: float, direction: int) -> float:
        if log:
            return x * LOG_ARROW_FACTOR**direction
        return max(x + direction * widest * ARROW_SHARE, 0.0)

    line = FIGURE_INCHES[s.size]
    heights = [h / line for h in _heights(rows, by_group, s)]  # in figure lines
    centers = [sum(heights[:i]) + h / 2 for i, h in enumerate(heights)]
    marks, names, sides = [], [], []
    for i, (_, row) in enumerate(rows.iterrows()):
        sub, c, h = groups[str(row["group_id"])], centers[i], heights[i]
        figures = g.distinct_figures(sub)
        n = max(len(figures), 1)
        best = g.num(row["best"])
        if s.show_estimate and n > 1 and not math.isnan(best):
            ax.plot([best, best], [c - h / 2 + 0.15, c + h / 2 - 0.15], **ESTIMATE_STYLE)
        for k, (_, claim) in enumerate(figures.iterrows()):
            y = c + (k - (n - 1) / 2)
            look = looks[str(claim["speaker"])]
            start, end = _draw_claim(ax, y, claim, look, stretch)
            marks.append(dl.label(ax, claim, y, start, end, s))
        sides.append(_side_text(row, sub, s))
        name = "\n".join(textwrap.wrap(g.group_label(row, isolate, s.lab), GROUP_CHARS[s.size]))
        names.append(rtl_line(name, s.lab.rtl))
    for k in range(1, len(heights)):  # a hairline between groups
        ax.axhline(sum(heights[:k]), color="#DDDDDD", lw=0.8, zorder=0)
    ax.set_ylim(sum(heights), 0)
    ax.set_yticks(centers, names if many else [""] * len(names))
    ax.tick_params(axis="y", length=0)
    if log and len(positive) < len(values):  # a zero among them: symlog keeps 0 on the axis
        ax.set_xscale("symlog", linthresh=1)
        ax.set_xlim(0, widest * LOG_ARROW_FACTOR**2)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: _short(v)))
    elif log:  # figures orders of magnitude apart: a linear axis would hide the small ones
        ax.set_xscale("log")
        ax.set_xlim(min(positive) / LOG_ARROW_FACTOR**2, widest * LOG_ARROW_FACTOR**2)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: _short(v)))
    else:
        ax.set_xlim(-widest * LEFT_ROOM, right + widest * RIGHT_ROOM + (0 if widest > 1 else 1))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.grid(axis="x", color="#EEEEEE", zorder=0)
    ax.set_xlabel(s.lab("axis_figure"))
    side = ax.twinx()  # the verdicts, as right-hand tick labels: laid out, never over the data
    side.set_ylim(ax.get_ylim())
    side.set_yticks(centers, sides, fontsize=s.pt("small"))
    side.tick_params(length=0)
    side.spines["right"].set_visible(False)
    if many and len(rows["measure"].unique()) == 1 and len(rows) > 1:
        ax.set_title(s.lab.group(rows["measure"].iloc[0], ""), loc=s.ha, fontsize=s.pt("text"))
    return marks, log


def _side_text(row: pd.Series, sub: pd.DataFrame, s: fr.Setting) -> str:
    """The right-hand column: figures side by side with the gap, verdict words, estimate."""
    lab, width = s.lab, SIDE_CHARS[s.size]
    lines = [g.gap_label(row, sub, lab)]
    spread = g.num(row.get("spread"))
    if not math.isnan(spread) and spread > 0:
        lines.append(lab("gap", n=g.figure_text(spread, spread)))
    lines.append(lab.word("verdicts", row.get("verdict", "")))
    rule = str(row.get("best_rule") or "")
    best = g.num(row.get("best"))
    if s.show_estimate and not math.isnan(best) and len(g.distinct_figures(sub)) > 1:
        estimate = lab("estimate", value=g.figure_text(best, best))
        rule_words = lab.word("rules", rule, "") if rule else ""
        lines.append(f"{estimate} ({rule_words})" if rule_words else estimate)
    text = "\n".join(w for line in lines for w in textwrap.wrap(line, width))
    return rtl_line(text, lab.rtl)


def _short(value: float) -> str:
    """A tick label on a logarithmic axis: 1, 10, 1k, 10k, 1M."""
    for scale, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= scale:
            return f"{value / scale:g}{suffix}"
    return f"{value:g}"


def _finite(values) -> list[float]:
    return [float(v) for v in values if not math.isnan(g.num(v))]
