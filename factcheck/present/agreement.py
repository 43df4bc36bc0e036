"""The agreement matrix: which speaker is how far from each group's reconciled figure."""

from __future__ import annotations

import math
import textwrap
from typing import Final

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from factcheck.present import groups as g
from factcheck.present.style import Look, isolate, rc, speaker_colors

#: Deviations from the group's best figure beyond this share of it get the strongest colour.
AGREEMENT_CLIP: Final = 0.25
#: Beyond this deviation a cell is dark enough that its label is written in white.
DARK_CELL: Final = 0.7 * AGREEMENT_CLIP
#: Width of one matrix column, in inches.
CELL_INCHES: Final = 1.25
#: Colour map of the agreement matrix: diverging and readable with colour-vision deficiencies.
AGREEMENT_CMAP: Final = "PuOr_r"
#: Width of a bold 12-point title character, in inches (to size a figure to its title).
TITLE_INCHES_PER_CHAR: Final = 0.11


def plot_agreement(
    comparison: pd.DataFrame,
    claims: pd.DataFrame,
    *,
    where: str = "",
    colors: dict[str, Look] | None = None,
) -> Figure:
    """Speakers x aligned groups (groups down the page when they outnumber the speakers), each
    cell coloured by how far the speaker's figure is from the group's best figure (share of
    it, clipped at ±AGREEMENT_CLIP; the latest figure when it gave several) and labelled with
    every figure it gave; a hatched cell means the speaker gave no figure for that group."""
    by_group = g.group_claims(comparison, claims)
    speakers = list((colors or speaker_colors(claims)).keys())
    speakers = [
        s for s in speakers if any((sub["speaker"] == s).any() for sub in by_group.values())
    ]
    dev = np.full((len(speakers), len(comparison)), np.nan)
    text = [["" for _ in range(len(comparison))] for _ in speakers]
    for j, (_, row) in enumerate(comparison.iterrows()):
        best = g.num(row["best"])
        for _, claim in by_group[str(row["group_id"])].iterrows():
            i = speakers.index(str(claim["speaker"]))
            lo, hi = g.num(claim["low"]), g.num(claim["high"])
            value = np.nanmean([lo, hi]) if not (math.isnan(lo) and math.isnan(hi)) else math.nan
            if not math.isnan(best) and not math.isnan(value):
                dev[i, j] = np.clip(
                    (value - best) / max(abs(best), 1.0), -AGREEMENT_CLIP, AGREEMENT_CLIP
                )
            figure = g.figure_text(lo, hi, str(claim["qualifier"]))
            shown = text[i][j].split(", ") if text[i][j] else []
            text[i][j] = ", ".join(dict.fromkeys([*shown, figure]))  # every figure it gave
    cols = [
        "\n".join(textwrap.wrap(g.group_label(r, isolate), 16)) for _, r in comparison.iterrows()
    ]
    rows = [isolate(s) for s in speakers]
    if len(cols) > len(rows):  # many groups: groups down the page, speakers across
        dev, text = dev.T, [list(t) for t in zip(*text, strict=True)] if text else []
        rows, cols = cols, ["\n".join(textwrap.wrap(s, 14)) for s in rows]
    with plt.rc_context(rc()):
        heading = "Agreement with the reconciled figure" + (f" — {isolate(where)}" if where else "")
        width = max(3.2 + CELL_INCHES * len(cols), TITLE_INCHES_PER_CHAR * len(heading) + 1.0)
        fig = plt.figure(figsize=(width, 1.8 + 0.55 * len(rows)), layout="constrained")
        ax = fig.add_subplot()
        cmap = plt.get_cmap(AGREEMENT_CMAP).with_extremes(bad="white")
        image = ax.imshow(np.ma.masked_invalid(dev), cmap=cmap, vmin=-AGREEMENT_CLIP,
                          vmax=AGREEMENT_CLIP, aspect="auto")  # fmt: skip
        for i in range(len(rows)):
            for j in range(len(cols)):
                _cell(ax, i, j, text[i][j], dev[i, j])
        ax.set_xticks(range(len(cols)), cols, fontsize=8)
        ax.set_yticks(range(len(rows)), rows, fontsize=9)
        ax.xaxis.tick_top()
        ax.tick_params(length=0)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        bar = fig.colorbar(image, ax=ax, shrink=0.9, format=lambda v, _: f"{v:+.0%}")
        bar.set_label("distance from the group's best figure", fontsize=8)
        fig.suptitle(heading, x=0.01, ha="left", fontweight="bold", fontsize=12)
    return fig


def _cell(ax, i: int, j: int, text: str, dev: float) -> None:
    """Label one cell; a cell without a figure is hatched so it differs from a +0% one."""
    if not text:
        ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, hatch="///",
                               edgecolor="#CCCCCC", lw=0))  # fmt: skip
    label = text or "—"
    if text and not math.isnan(dev):
        label += f"\n{dev:+.0%}"
    dark = abs(np.nan_to_num(dev)) > DARK_CELL
    ax.text(j, i, label, ha="center", va="center", fontsize=8,
            color="white" if dark else "black")  # fmt: skip
