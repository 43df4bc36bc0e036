"""Discrepancy charts: who gave which figure, how far apart, and what the reconciled toll is.

Every function takes the comparison table and the claims table and returns a matplotlib
``Figure`` (nothing is shown or written until :func:`save`). Speakers keep one colour and one
marker shape across all charts of a case (:func:`factcheck.present.style.speaker_colors`).
Arabic names are passed to matplotlib as written: matplotlib >= 3.11 shapes and orders them
itself, so no reshaping library is used.
"""

from __future__ import annotations

import math
import textwrap
from pathlib import Path
from typing import Final

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from factcheck.present import groups as g
from factcheck.present.agreement import plot_agreement
from factcheck.present.style import Look, isolate, rc, speaker_colors, stable_svg_ids
from factcheck.present.timeline import changed_groups, plot_timeline

__all__ = [
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
#: Room kept right of the largest figure for the arrows and value labels, as a share of it.
RIGHT_ROOM: Final = 0.3
#: Room left of zero, so a marker at 0 ("no casualties") is drawn whole.
LEFT_ROOM: Final = 0.04
#: Height of one row unit, in inches; a group's row is one unit, taller with many figures.
ROW_INCHES: Final = 0.85
#: Vertical distance between two figures of one group, in row units.
FIGURE_SPACING: Final = 0.28
#: When the largest positive figure on a panel is this many times the smallest, the axis is
#: logarithmic (symlog, so 0 still shows).
LOG_RATIO: Final = 50
#: On a logarithmic axis an open bound's arrow spans this factor.
LOG_ARROW_FACTOR: Final = 1.8
#: Characters per title line before wrapping (a 9.5-inch figure, 12-point bold).
TITLE_CHARS: Final = 80
#: Resolution of saved PNGs.
PNG_DPI: Final = 150


def _speaker_label(row: pd.Series) -> str:
    via = str(row.get("via") or "")
    name = isolate(str(row["speaker"]))
    return f"{name}, via {isolate(via)}" if via else name


def _draw_claim(ax, y: float, claim: pd.Series, look: Look, stretch) -> float:
    """Draw one speaker's figure on row ``y``; returns the right end of what was drawn.

    ``stretch(x, direction)`` is where an open bound's arrow ends (+1 right, -1 left)."""
    lo, hi, q = g.num(claim["low"]), g.num(claim["high"]), str(claim["qualifier"])
    style = dict(
        color=look.color,
        marker=look.marker,
        markersize=8,
        markeredgecolor="black",
        markeredgewidth=0.6,
        zorder=4,
        linestyle="none",
    )
    arrow = dict(arrowstyle="-|>", color=look.color, lw=1.6, mutation_scale=12)
    if q == "about" and not math.isnan(lo):
        lo, hi = lo * (1 - ABOUT_MARGIN), hi * (1 + ABOUT_MARGIN)
    if math.isnan(hi) and not math.isnan(lo):  # at least lo: an arrow to the right
        end = stretch(lo, 1)
        ax.annotate("", xy=(end, y), xytext=(lo, y), arrowprops=arrow, zorder=3)
        ax.plot([lo], [y], **style)
    elif math.isnan(lo) and not math.isnan(hi):  # at most hi: an arrow towards zero
        ax.annotate("", xy=(stretch(hi, -1), y), xytext=(hi, y), arrowprops=arrow, zorder=3)
        ax.plot([hi], [y], **style)
        end = hi
    else:
        if hi > lo:
            ax.plot([lo, hi], [y, y], color=look.color, lw=2.2, zorder=3, solid_capstyle="butt")
            ax.plot(
                [lo, hi],
                [y, y],
                color=look.color,
                marker="|",
                markersize=10,
                linestyle="none",
                zorder=3,
            )
        ax.plot([(lo + hi) / 2], [y], **style)
        end = hi
    text = g.figure_text(g.num(claim["low"]), g.num(claim["high"]), q)
    if int(claim.get("reports", 1)) > 1:  # the same figure repeated by several reports
        text += f" ×{int(claim['reports'])}"
    ax.annotate(
        text,
        xy=(end, y),
        xytext=(6, 0),
        textcoords="offset points",
        va="center",
        fontsize=8,
        color="#222222",
        zorder=5,
    )
    return end


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
) -> Figure:
    """One panel per measure, one row per aligned group, one marker per speaker's figure.

    Hedged figures are intervals, open bounds ("at least") arrows; the grey band is the
    group's reconciled low–high and the black tick its best figure; the right edge says the
    figures side by side ("15 vs 14"). ``where`` names the event in titles ("Anbar raid").
    """
    looks = colors or speaker_colors(claims)
    by_group = g.group_claims(comparison, claims)
    measures = _measures(comparison, measure)
    if not measures:
        raise ValueError(f"no group with measure {measure!r} in the comparison table")
    sizes = [
        sum(_heights(comparison[comparison["measure"].astype(str) == m], by_group))
        for m in measures
    ]
    with plt.rc_context(rc()):
        height = sum(ROW_INCHES * n + 1.0 for n in sizes) + 0.7
        fig = plt.figure(figsize=(9.5, height), layout="constrained")
        axes = fig.subplots(
            len(measures), 1, height_ratios=[n + 0.9 for n in sizes], squeeze=False
        )[:, 0]
        used: dict[str, str] = {}
        for ax, m in zip(axes, measures, strict=True):
            rows = comparison[comparison["measure"].astype(str) == m]
            _panel(ax, rows, by_group, looks, used, where)
        handles = [
            Line2D(
                [],
                [],
                color=looks[s].color,
                marker=looks[s].marker,
                linestyle="none",
                markeredgecolor="black",
                markeredgewidth=0.6,
                markersize=8,
                label=label,
            )
            for s, label in used.items()
        ]
        handles += [
            Patch(facecolor="#D9D9D9", label="reconciled low–high"),
            Line2D([], [], color="black", lw=2.5, label="best figure"),
        ]
        fig.legend(
            handles=handles, loc="outside lower center", ncols=min(3, len(handles)), frameon=False
        )
    return fig


def _heights(rows: pd.DataFrame, by_group: dict[str, pd.DataFrame]) -> list[float]:
    """Height of each group's row, in row units: taller when it holds many figures."""
    return [
        max(1.0, FIGURE_SPACING * len(g.distinct_figures(by_group[str(gid)])) + 0.3)
        for gid in rows["group_id"]
    ]


def _panel(ax, rows, by_group, looks, used, where) -> None:
    """Draw one measure's groups on one axes."""
    values = _finite(rows["high"]) + _finite(rows["low"])
    values += [v for gid in rows["group_id"] for v in _claim_values(by_group[str(gid)])]
    widest = max([1.0, *values])
    positive = [v for v in values if v > 0]
    log = bool(positive) and max(positive) / min(positive) > LOG_RATIO

    def stretch(x: float, direction: int) -> float:
        if log:
            return x * LOG_ARROW_FACTOR**direction
        return max(x + direction * widest * ARROW_SHARE, 0.0)

    heights = _heights(rows, by_group)
    centers = [sum(heights[:i]) + h / 2 for i, h in enumerate(heights)]
    labels, gaps = [], []
    for i, (_, row) in enumerate(rows.iterrows()):
        sub, c, h = by_group[str(row["group_id"])], centers[i], heights[i]
        lo, hi, best = g.num(row["low"]), g.num(row["high"]), g.num(row["best"])
        if not math.isnan(lo):
            right = stretch(widest, 1) if math.isnan(hi) else hi
            thin = lo * 0.02 if log else widest * 0.004  # a single figure's band stays visible
            ax.barh(c, max(right - lo, thin), left=lo, height=h - 0.2, color="#D9D9D9", zorder=1)
        if not math.isnan(best):
            ax.plot([best, best], [c - h / 2 + 0.1, c + h / 2 - 0.1], color="black", lw=2.5,
                    zorder=2)  # fmt: skip
        figures = g.distinct_figures(sub)
        n = max(len(figures), 1)
        for k, (_, claim) in enumerate(figures.iterrows()):
            y = c + (k - (n - 1) / 2) * FIGURE_SPACING
            _draw_claim(ax, y, claim, looks[str(claim["speaker"])], stretch)
            used.setdefault(str(claim["speaker"]), _speaker_label(claim))
        gap = g.gap_label(row, sub)
        spread = g.num(row.get("spread"))
        if not math.isnan(spread) and spread > 0:
            gap += f" (gap {g.figure_text(spread, spread)})"
        verdict = str(row.get("verdict", "") or "").replace("_", " ")
        gaps.append(f"{gap}\n{verdict}".strip())
        labels.append("\n".join(textwrap.wrap(g.group_label(row, isolate), 22)))
    ax.set_yticks(centers, labels)
    ax.set_ylim(sum(heights), 0)
    if log:  # figures orders of magnitude apart: a linear axis would hide the small ones
        ax.set_xscale("symlog", linthresh=1)
        ax.set_xlim(0, widest * LOG_ARROW_FACTOR**4)  # room for the arrow and its label
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: _short(v)))
    else:
        ax.set_xlim(-widest * LEFT_ROOM, widest * (1 + RIGHT_ROOM))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.grid(axis="x", color="#EEEEEE", zorder=0)
    ax.set_xlabel("reported figure")
    side = ax.twinx()  # the gaps, as right-hand tick labels: laid out, never over the data
    side.set_ylim(ax.get_ylim())
    side.set_yticks(centers, gaps, fontsize=9)
    side.tick_params(length=0)
    side.spines["right"].set_visible(False)
    first = rows.iloc[0]
    if len(rows) == 1:
        head = g.title(first, where, by_group[str(first["group_id"])], isolate)
        ax.set_title(textwrap.fill(head, TITLE_CHARS), loc="left")
    else:
        place = ", ".join(p for p in (isolate(where), g.date_label(first.get("event_date"))) if p)
        name = str(first["measure"]).replace("_", " ").capitalize()
        ax.set_title(textwrap.fill(f"{name} — {place}" if place else name, TITLE_CHARS),
                     loc="left")  # fmt: skip


def _short(value: float) -> str:
    """A tick label on a logarithmic axis: 1, 10, 1k, 10k, 1M."""
    for scale, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= scale:
            return f"{value / scale:g}{suffix}"
    return f"{value:g}"


def _finite(values) -> list[float]:
    return [float(v) for v in values if not math.isnan(g.num(v))]


def _claim_values(sub: pd.DataFrame) -> list[float]:
    return _finite(sub["low"]) + _finite(sub["high"])


def save(fig: Figure, path_stem: str | Path) -> list[Path]:
    """Write ``<stem>.png`` and ``<stem>.svg`` (parents created); returns both paths."""
    stem = Path(path_stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    paths = [stem.parent / f"{stem.name}.png", stem.parent / f"{stem.name}.svg"]
    with plt.rc_context(rc()):
        fig.savefig(paths[0], dpi=PNG_DPI, facecolor="white")
        fig.savefig(paths[1], facecolor="white", metadata={"Date": None})  # no date stamp
    stable_svg_ids(paths[1])
    return paths


#: File stems of the charts :func:`save_case_charts` writes, with the caption each gets.
CASE_CHARTS: Final[dict[str, str]] = {
    "discrepancies": "Figures by source",
    "agreement": "Agreement with the reconciled figure",
    "timeline": "How the figures changed",
}


def save_case_charts(
    comparison: pd.DataFrame, claims: pd.DataFrame, out_dir: str | Path, *, title: str = ""
) -> list[Path]:
    """Draw and save every chart of a case into ``out_dir`` (PNG and SVG each): the
    discrepancies, the agreement matrix, and the timeline when a figure changed. ``title``
    names the event in the charts' titles. Returns the paths written."""
    if comparison.empty:
        return []
    looks = speaker_colors(claims)
    figures = {
        "discrepancies": plot_discrepancies(comparison, claims, where=title, colors=looks),
        "agreement": plot_agreement(comparison, claims, where=title, colors=looks),
    }
    if changed_groups(claims):
        figures["timeline"] = plot_timeline(claims, where=title, colors=looks)
    paths = []
    for stem, fig in figures.items():
        paths += save(fig, Path(out_dir) / stem)
        plt.close(fig)
    return paths
