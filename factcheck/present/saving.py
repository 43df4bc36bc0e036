"""Write charts to files: PNG at 2x and SVG with editable text, desk and mobile sizes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Final

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from factcheck.model import Document
from factcheck.present.labels import Labels
from factcheck.present.style import rc, speaker_colors, stable_svg_ids

#: Pixels per inch of a chart on screen (1x): a 9.5-inch chart is 950 CSS pixels wide.
SCREEN_DPI: Final = 100
#: Saved PNGs are drawn at twice the screen resolution, sharp on high-density displays.
PNG_SCALE: Final = 2
#: Suffix of the file stem of the 600 px variant with larger type.
MOBILE_SUFFIX: Final = "-mobile"

#: File stems of the charts :func:`save_case_charts` writes, with the labels key of the
#: caption each gets in the report.
CASE_CHARTS: Final[dict[str, str]] = {
    "discrepancies": "charts_captions.discrepancies",
    "agreement": "charts_captions.agreement",
    "timeline": "charts_captions.timeline",
}


def save(fig: Figure, path_stem: str | Path) -> list[Path]:
    """Write ``<stem>.png`` (at 2x) and ``<stem>.svg`` (text kept as text, so a graphics desk
    can edit it), parents created; returns both paths."""
    stem = Path(path_stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    paths = [stem.parent / f"{stem.name}.png", stem.parent / f"{stem.name}.svg"]
    with plt.rc_context(rc()):
        fig.savefig(paths[0], dpi=SCREEN_DPI * PNG_SCALE, facecolor="white")
        fig.savefig(paths[1], facecolor="white", metadata={"Date": None})  # no date stamp
    stable_svg_ids(paths[1])  # the same bytes on every run
    return paths


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "figures"


def save_case_charts(
    comparison: pd.DataFrame,
    claims: pd.DataFrame,
    out_dir: str | Path,
    *,
    title: str = "",
    labels: str | Labels | None = None,
    sources: Iterable[Document] | None = None,
    timezone: str | None = None,
    show_estimate: bool = True,
    mobile: bool = True,
    per_measure: bool = False,
) -> list[Path]:
    """Draw and save every chart of a case into ``out_dir`` (PNG and SVG each): the
    discrepancies (all measures; with ``per_measure``, also one chart per measure when there
    are several), the agreement matrix, and the timeline when a figure changed; each also as
    a ``-mobile`` variant (600 px, larger type) unless ``mobile`` is False. ``title`` names
    the event in the subtitles. Speakers keep one colour and marker across all of them.
    Returns the paths."""
    from factcheck.present.agreement import plot_agreement
    from factcheck.present.charts import plot_discrepancies
    from factcheck.present.timeline import changed_groups, plot_timeline

    if comparison.empty:
        return []
    looks = speaker_colors(claims)
    docs = list(sources) if sources is not None else None
    common = dict(where=title, colors=looks, labels=labels, sources=docs, timezone=timezone)
    measures = list(dict.fromkeys(comparison["measure"].astype(str)))
    draw = {
        "discrepancies": lambda size, m=None: plot_discrepancies(
            comparison, claims, measure=m, size=size, show_estimate=show_estimate,
            **common),
        "agreement": lambda size: plot_agreement(comparison, claims, size=size, **common),
    }  # fmt: skip
    if per_measure and len(measures) > 1:
        for m in measures:
            draw[f"discrepancies-{_slug(m)}"] = lambda size, m=m: draw["discrepancies"](size, m)
    if changed_groups(claims):
        draw["timeline"] = lambda size: plot_timeline(claims, size=size, **common)
    paths = []
    for stem, make in draw.items():
        for size in ("desk", "mobile") if mobile else ("desk",):
            fig = make(size)
            paths += save(fig, Path(out_dir) / (stem + (MOBILE_SUFFIX if size == "mobile" else "")))
            plt.close(fig)
    return paths
