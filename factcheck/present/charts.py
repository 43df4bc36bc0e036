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
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, MaxNLocator

from factcheck.model import Document
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
#: logarithmic (symlog, so 0 still shows).
LOG_RATIO: Final = 50
#: On a logarithmic axis an open bound's arrow spans this factor.
LOG_ARROW_FACTOR: Final = 1.8
#: Characters per line of a group name (left) and of the verdict column (right).
GROUP_CHARS: Final = {"desk": 22, "mobile": 14}
SIDE_CHARS: Final = {"desk": 24, "mobile": 15}
#: Times the axis is widened so that a direct label fits, and by how much at most.
WIDEN_TRIES: Final = 4
WIDEN_MAX: Final = 1.6
#: Characters per line of a direct label that must wrap to fit.
LABEL_WRAP: Final = {"desk": 30, "mobile": 22}
#: Estimate line: dashed black, behind the figures.
ESTIMATE_STYLE: Final = dict(color="black", lw=1.3, ls=(0, (4, 2)), zorder=2)


def _speaker_label(row: pd.Series, lab: Labels) -> str:
    via = str(row.get("via") or "")
    name = isolate(str(row["speaker"]), lab.rtl)
    return lab("via", speaker=name, relay=isolate(via, lab.rtl)) if via else name


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
            _place(fig, ax, marks, log, missed)
        if missed:  # the fallback: a legend for the speakers whose label found no room
            axes[-1].legend(handles=[_handle(looks[k], v) for k, v in missed.items()],
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


def _handle(look: Look, label: str) -> Line2D:
    return Line2D(
        [],
        [],
        color=look.color,
        marker=look.marker,
        linestyle="none",
        markeredgecolor="black",
        markeredgewidth=0.6,
        markersize=8,
        label=label,
    )


def _heights(rows: pd.DataFrame, by_group: dict[str, pd.DataFrame], s: fr.Setting) -> list[float]:
    """Height of each group's row, in inches: one line per distinct figure, plus padding."""
    line = FIGURE_INCHES[s.size]
    return [
        max(2, len(g.distinct_figures(g.asserted(by_group[str(gid)])))) * line + ROW_PAD_INCHES
        for gid in rows["group_id"]
    ]


class _Mark:
    """One drawn figure and its direct label, to be placed once the layout is known."""

    def __init__(self, text, y: float, start: float, end: float, speaker: str, label: str,
                 variants: list[str]) -> None:  # fmt: skip
        self.text, self.y, self.start, self.end = text, y, start, end
        self.speaker, self.label, self.variants = speaker, label, variants


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
            marks.append(_label(ax, claim, y, start, end, s))
        sides.append(_side_text(row, sub, s))
        name = "\n".join(textwrap.wrap(g.group_label(row, isolate, s.lab), GROUP_CHARS[s.size]))
        names.append(rtl_line(name, s.lab.rtl))
    for k in range(1, len(heights)):  # a hairline between groups
        ax.axhline(sum(heights[:k]), color="#DDDDDD", lw=0.8, zorder=0)
    ax.set_ylim(sum(heights), 0)
    ax.set_yticks(centers, names if many else [""] * len(names))
    ax.tick_params(axis="y", length=0)
    if log:  # figures orders of magnitude apart: a linear axis would hide the small ones
        ax.set_xscale("symlog", linthresh=1)
        ax.set_xlim(0, widest * LOG_ARROW_FACTOR**1.5)
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


def _label(ax, claim: pd.Series, y: float, start: float, end: float, s: fr.Setting) -> _Mark:
    figure = g.figure_text(g.num(claim["low"]), g.num(claim["high"]), str(claim["qualifier"]),
                           s.lab)  # fmt: skip
    who = _speaker_label(claim, s.lab)
    reports = int(claim.get("reports", 1))
    text = f"{figure} · {who}"
    variants = [text]
    if reports > 1:  # the same figure repeated by several reports
        variants = [
            f"{text} ({s.lab('reports', n=reports)})",
            f"{text}\n({s.lab('reports', n=reports)})",
        ]
    variants.append("\n".join(textwrap.wrap(variants[-1], LABEL_WRAP[s.size])))
    variants = [rtl_line(v, s.lab.rtl) for v in variants]
    artist = ax.annotate(
        variants[0],
        xy=(end, y),
        xytext=(6, 0),
        textcoords="offset points",
        va="center",
        fontsize=s.pt("text"),
        color="#1A1A1A",
        zorder=5,
        annotation_clip=False,
        bbox=dict(boxstyle="square,pad=0.1", fc="white", ec="none", alpha=0.85),
    )
    artist.set_in_layout(False)
    return _Mark(artist, y, start, end, str(claim["speaker"]), who, variants)


def _place(fig, ax, marks: list[_Mark], log: bool, missed: dict[str, str]) -> None:
    """Put each label right of its mark, else left of it, on one line, else on two; widen the
    axis (up to WIDEN_MAX times its width) when none fits; as a last resort the label keeps
    the figure alone and the speaker goes into a legend."""
    renderer = fig.canvas.get_renderer()
    first = ax.get_xlim()
    for _ in range(WIDEN_TRIES):
        taken, failed = [], []
        for m in marks:
            right = (m.end, m.y, 6, 0, "left", "center")
            left = (m.start, m.y, -8, 0, "right", "center")
            for variant in m.variants:
                m.text.set_text(variant)
                fitted = fr.place_label(ax, m.text, [right, left], taken[:], renderer)
                if fitted:
                    break
            if not fitted:
                m.text.set_text(m.variants[0])
            fr.place_label(ax, m.text, [right, left] if fitted else [right], taken, renderer)
            if not fitted:
                failed.append(m)
        if not failed:
            return
        area = ax.get_window_extent(renderer)
        over = max(fr.text_box(m.text, renderer).x1 - area.x1 for m in failed)
        lo, hi = ax.get_xlim()
        if over <= 0 or (hi - lo) > WIDEN_MAX * (first[1] - first[0]):
            break
        hi = hi * 1.6 if log else hi + (hi - lo) * (over + 8) / max(area.width - over, 1.0)
        ax.set_xlim(lo, hi)
        fig.draw_without_rendering()
    ax.set_xlim(first)
    for m in failed:  # no room anywhere: the legend names the speaker instead
        m.text.set_text(m.variants[0].split(" · ")[0])
        missed.setdefault(m.speaker, m.label)


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
