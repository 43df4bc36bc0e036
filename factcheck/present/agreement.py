"""The agreement matrix: which speaker is how far from each group's reconciled figure."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable
from typing import Final

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from factcheck.model import Document
from factcheck.present import frame as fr
from factcheck.present import groups as g
from factcheck.present.labels import Labels
from factcheck.present.style import Look, isolate, rc, speaker_colors

#: Deviations from the group's estimate beyond this share of it get the strongest colour (the
#: cell's label still gives the true share: +233% stays +233%).
AGREEMENT_CLIP: Final = 0.25
#: Beyond this deviation a cell is dark enough that its label is written in white.
DARK_CELL: Final = 0.7 * AGREEMENT_CLIP
#: Background of a cell without a figure: quiet, so the eye goes to the figures.
QUIET: Final = "white"
#: Colour map of the agreement matrix: diverging and readable with colour-vision deficiencies.
AGREEMENT_CMAP: Final = "PuOr_r"


def plot_agreement(
    comparison: pd.DataFrame,
    claims: pd.DataFrame,
    *,
    where: str = "",
    colors: dict[str, Look] | None = None,
    labels: str | Labels | None = None,
    sources: Iterable[Document] | None = None,
    timezone: str | None = None,
    size: str = "desk",
) -> Figure:
    """Speakers x aligned groups (groups down the page when they outnumber the speakers),
    each cell framed and coloured by how far the speaker's figure is from the group's
    estimate (share of it; the colour saturates at ±AGREEMENT_CLIP, the label gives the true
    share, never clipped) and labelled with every figure it gave; a cell without a figure is
    left quiet (blank)."""
    s = fr.setting(labels_code=labels, size=size, where=where, sources=sources, claims=claims,
                   timezone=timezone)  # fmt: skip
    lab = s.lab
    by_group = {k: g.asserted(v) for k, v in g.group_claims(comparison, claims).items()}
    speakers = list((colors or speaker_colors(claims)).keys())
    speakers = [
        sp for sp in speakers if any((sub["speaker"] == sp).any() for sub in by_group.values())
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
                dev[i, j] = (value - best) / max(abs(best), 1.0)
            figure = g.figure_text(lo, hi, str(claim["qualifier"]), lab)
            shown = text[i][j].split(", ") if text[i][j] else []
            text[i][j] = ", ".join(dict.fromkeys([*shown, figure]))  # every figure it gave
    cols = [g.group_label(r, isolate, lab) for _, r in comparison.iterrows()]
    rows = [isolate(sp) for sp in speakers]
    if len(cols) > len(rows) or (s.size == "mobile" and len(cols) > 2):
        # many groups (or a phone): groups down the page, speakers across
        dev, text = dev.T, [list(t) for t in zip(*text, strict=True)] if text else []
        rows, cols = cols, rows
    chars = max(8, int(s.width * 0.62 / max(len(cols), 1) * 72 / (s.pt("small") * fr.CHAR_WIDTH)))
    cols = ["\n".join(textwrap.wrap(c, chars)) for c in cols]
    rows = ["\n".join(textwrap.wrap(r, 28)) for r in rows]
    with plt.rc_context(rc(s.size)):
        fig = plt.figure()
        height = 1.6 + 0.55 * len(rows)
        fr.dress(fig, s, lab("agreement_title"), fr.subtitle(s, list(comparison["event_date"])),
                 height)  # fmt: skip
        ax = fig.add_subplot()
        cmap = plt.get_cmap(AGREEMENT_CMAP).with_extremes(bad=QUIET)
        shown = np.ma.masked_invalid(np.clip(dev, -AGREEMENT_CLIP, AGREEMENT_CLIP))
        image = ax.imshow(shown, cmap=cmap, vmin=-AGREEMENT_CLIP, vmax=AGREEMENT_CLIP,
                          aspect="auto")  # fmt: skip
        for i in range(len(rows)):
            for j in range(len(cols)):
                _cell(ax, i, j, text[i][j], dev[i, j], s.pt("small"))
        ax.set_xticks(range(len(cols)), cols, fontsize=s.pt("small"))
        ax.set_yticks(range(len(rows)), rows, fontsize=s.pt("text"))
        ax.xaxis.tick_top()
        ax.tick_params(length=0)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        bar = fig.colorbar(image, ax=ax, shrink=0.9, format=lambda v, _: f"{v:+.0%}")
        bar.set_label(lab("agreement_bar"), fontsize=s.pt("small"))
    return fig


def _cell(ax, i: int, j: int, text: str, dev: float, points: float) -> None:
    """Label one cell with its figures and the true distance (not the clipped colour)."""
    if not text:
        return  # no figure: a blank cell, nothing to read
    ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, edgecolor="#BBBBBB", lw=0.8))
    label = text
    if not math.isnan(dev):
        label += f"\n{dev:+.0%}"
    dark = abs(np.nan_to_num(dev)) > DARK_CELL
    ax.text(j, i, label, ha="center", va="center", fontsize=points,
            color="white" if dark else "black")  # fmt: skip
