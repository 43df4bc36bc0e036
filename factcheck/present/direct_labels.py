"""Direct labels of the discrepancy chart: "15 · US Central Command" beside each mark.

A label goes right of its mark, else left of it, on one line, else on two; the axis is
widened a little when neither side has room; only as a last resort does the label keep the
figure alone and the speaker go into a legend (the fallback). Boxes are measured with the
renderer, so no label overprints another or leaves the axes.
"""

from __future__ import annotations

import textwrap
from typing import Final

import pandas as pd
from matplotlib.lines import Line2D

from factcheck.present import frame as fr
from factcheck.present import groups as g
from factcheck.present.labels import Labels
from factcheck.present.style import Look, isolate, rtl_line

#: Times the axis is widened so that a direct label fits, and by how much at most.
WIDEN_TRIES: Final = 4
WIDEN_MAX: Final = 1.6
#: Characters per line of a direct label that must wrap to fit.
LABEL_WRAP: Final = {"desk": 30, "mobile": 22}


def speaker_label(row: pd.Series, lab: Labels) -> str:
    via = str(row.get("via") or "")
    name = isolate(str(row["speaker"]), lab.rtl)
    return lab("via", speaker=name, relay=isolate(via, lab.rtl)) if via else name


def handle(look: Look, label: str) -> Line2D:
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


class Mark:
    """One drawn figure and its direct label, to be placed once the layout is known."""

    def __init__(self, text, y: float, start: float, end: float, speaker: str, label: str,
                 variants: list[str]) -> None:  # fmt: skip
        self.text, self.y, self.start, self.end = text, y, start, end
        self.speaker, self.label, self.variants = speaker, label, variants


def label(ax, claim: pd.Series, y: float, start: float, end: float, s: fr.Setting) -> Mark:
    figure = g.figure_text(g.num(claim["low"]), g.num(claim["high"]), str(claim["qualifier"]),
                           s.lab)  # fmt: skip
    who = speaker_label(claim, s.lab)
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
    return Mark(artist, y, start, end, str(claim["speaker"]), who, variants)


def place(fig, ax, marks: list[Mark], log: bool, missed: dict[str, str]) -> None:
    """Put each label right of its mark, else left of it, on one line, else on two; widen the
    axis (up to WIDEN_MAX times its width) when none fits; as a last resort the label keeps
    the figure alone and the speaker goes into a legend."""
    renderer = fig.canvas.get_renderer()
    first = ax.get_xlim()
    for _ in range(WIDEN_TRIES):
        taken, failed = [], []
        for m in marks:
            sides = [(m.end, m.y, 6, 0, "left", "center"), (m.start, m.y, -8, 0, "right", "center")]
            for variant in m.variants:
                m.text.set_text(variant)
                if fr.place_label(ax, m.text, sides, taken, renderer):
                    break
                taken.pop()  # not placed: its box takes no room
            else:
                failed.append(m)
        if not failed:
            return
        area = ax.get_window_extent(renderer)
        over = max(fr.text_box(m.text, renderer).x1 - area.x1 for m in failed)
        lo, hi = ax.get_xlim()
        cap = first[1] * WIDEN_MAX**2 if log else first[0] + WIDEN_MAX * (first[1] - first[0])
        if over <= 0 or hi >= cap:
            break
        wider = hi * 1.6 if log else hi + (hi - lo) * (over + 8) / max(area.width - over, 1.0)
        ax.set_xlim(lo, min(wider, cap))
        fig.draw_without_rendering()
    for m in failed:  # no room anywhere: the legend names the speaker instead
        m.text.set_text(m.variants[0].split(" · ")[0])
        sides = [(m.end, m.y, 6, 0, "left", "center"), (m.start, m.y, -8, 0, "right", "center")]
        fr.place_label(ax, m.text, sides, taken, renderer)
        missed.setdefault(m.speaker, m.label)
