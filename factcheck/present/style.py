"""Fonts, colours and markers shared by every chart and the HTML report.

One place decides how a speaker looks, so that "US Central Command" has the same colour and
marker shape in the discrepancy chart, the agreement matrix, the timeline and the report.
Colours come from the Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies); each speaker also gets its own marker shape so a chart still reads printed in
greyscale.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

import pandas as pd
from matplotlib import font_manager

#: Twelve distinct colours, so twelve speakers never share one: Okabe & Ito's (2008)
#: colour-blind-safe palette first, then the darker hues of Paul Tol's "muted" scheme; yellow
#: last (weak on white), black left out (kept for text and the estimate line).
PALETTE: Final[tuple[str, ...]] = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#332288",  # indigo
    "#882255",  # wine
    "#999933",  # olive
    "#661100",  # brown
    "#117733",  # dark green
    "#F0E442",  # yellow
)
#: Twelve marker shapes, one per speaker, so speakers stay apart in greyscale too.
MARKERS: Final[tuple[str, ...]] = (
    "o", "s", "^", "D", "v", "P", "X", "h", "<", ">", "p", "*",
)  # fmt: skip

#: Fonts tried in order for every glyph. DejaVu Sans ships with matplotlib and covers Latin,
#: Arabic and the symbols used in labels (≥ ≤ – —); the Noto faces are used when installed.
FONT_CANDIDATES: Final[tuple[str, ...]] = (
    "DejaVu Sans",
    "Noto Sans",
    "Noto Sans Arabic",
    "Noto Naskh Arabic",
)

#: Background colour of a highlighted claim in the report, per verdict of its group.
VERDICT_COLORS: Final[dict[str, str]] = {
    "agree": "#009E73",
    "compatible": "#56B4E9",
    "discrepant": "#D55E00",
    "single_source": "#999999",
    "updated": "#E69F00",
}

#: Light backgrounds for claim highlights in documents, one per aligned group (text stays
#: readable in black on each).
GROUP_BACKGROUNDS: Final[tuple[str, ...]] = (
    "#BFDDF0",  # light blue
    "#F5CDB0",  # light vermillion
    "#B8E6D6",  # light green
    "#EED3E4",  # light purple
    "#F8E0A8",  # light orange
    "#D6ECF9",  # pale sky
    "#FAF4B8",  # pale yellow
)


@dataclass(frozen=True, slots=True)
class Look:
    """How one speaker is drawn: colour and marker shape."""

    color: str
    marker: str


@cache
def font_family() -> list[str]:
    """Installed fonts from :data:`FONT_CANDIDATES`, in order (matplotlib falls back along it)."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return [name for name in FONT_CANDIDATES if name in installed] or ["DejaVu Sans"]


def rc(size: str = "desk") -> dict[str, object]:
    """matplotlib settings used inside every chart function (``plt.rc_context(rc())``);
    ``size="mobile"`` sets larger type for the 600 px variant."""
    scale = 1.15 if size == "mobile" else 1.0
    return {
        "font.family": font_family(),
        "font.size": 9 * scale,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titlesize": 11 * scale,
        "axes.titleweight": "bold",
        "axes.labelsize": 9 * scale,
        "xtick.labelsize": 8.5 * scale,
        "ytick.labelsize": 9 * scale,
        "legend.fontsize": 9 * scale,
        "svg.fonttype": "none",  # text stays text: a graphics desk can edit the SVG
        "svg.hashsalt": "factcheck",  # ids in the SVG the same on every run (reproducible)
        "text.parse_math": False,  # names and titles are shown as written: "$" is no math
    }


def ordered_speakers(claims: pd.DataFrame | Iterable[str]) -> list[str]:
    """Speakers in order of first appearance (claims table order), without duplicates."""
    names = claims["speaker"] if isinstance(claims, pd.DataFrame) else claims
    return list(dict.fromkeys(str(s) for s in names))


def speaker_colors(claims: pd.DataFrame | Iterable[str]) -> dict[str, Look]:
    """Colour and marker for every speaker of a case, the same in every chart of the case.

    Speakers are numbered in order of first appearance in the claims table; the first twelve
    get twelve different colours and shapes; beyond, colours and shapes cycle at different
    lengths so two speakers never share both.

    >>> looks = speaker_colors(["US Central Command", "Iraqi Joint Operations Command"])
    >>> looks["US Central Command"].color, looks["Iraqi Joint Operations Command"].marker
    ('#0072B2', 's')
    """
    return {
        name: Look(PALETTE[i % len(PALETTE)], MARKERS[(i + i // len(MARKERS)) % len(MARKERS)])
        for i, name in enumerate(ordered_speakers(claims))
    }


def group_backgrounds(group_ids: Iterable[str]) -> dict[str, str]:
    """A light background colour per aligned group, in the order given."""
    return {
        g: GROUP_BACKGROUNDS[i % len(GROUP_BACKGROUNDS)]
        for i, g in enumerate(dict.fromkeys(group_ids))
    }


#: Unicode first-strong isolate and pop-directional isolate: a right-to-left name inside a
#: left-to-right label (or the reverse) keeps its own direction and does not pull the digits
#: next to it across ("غارة الأنبار, 29 Aug" would otherwise read "29 ,غارة الأنبار Aug").
FSI: Final = "\u2068"
PDI: Final = "\u2069"


def _rtl(text: str) -> bool:
    return any("\u0590" <= ch <= "\u08ff" or "\ufb1d" <= ch <= "\ufefc" for ch in text)


def isolate(text: str, always: bool = False) -> str:
    """``text`` wrapped in directional isolates when it holds right-to-left letters (or
    ``always``: a Latin name inside an Arabic label).

    >>> isolate("Reuters"), isolate("داعش") == FSI + "داعش" + PDI
    ('Reuters', True)
    """
    return f"{FSI}{text}{PDI}" if text and (always or _rtl(text)) else text


#: Right-to-left mark: put first in a right-to-left label, it makes the whole line lay out
#: right to left even when it starts with a Latin name or a digit.
RLM: Final = "\u200f"


def rtl_line(text: str, rtl: bool) -> str:
    """``text`` with each line started by a right-to-left mark when ``rtl``."""
    return "\n".join(RLM + line for line in text.split("\n")) if rtl and text else text


#: Ids matplotlib gives clip paths in an SVG: a hash that can include an object's memory
#: address, so it changes from run to run even with ``svg.hashsalt`` fixed.
_SVG_CLIP_ID: Final = re.compile(r'(?<=id=")p[0-9a-f]{10}(?=")|(?<=url\(#)p[0-9a-f]{10}(?=\))')


def stable_svg_ids(path: Path) -> None:
    """Rename the clip-path ids of an SVG file in order of first use (``clip1``, ``clip2``,
    ...), so the same chart gives the same bytes on every run."""
    text = path.read_text(encoding="utf-8")
    names: dict[str, str] = {}

    def rename(match: re.Match[str]) -> str:
        return names.setdefault(match.group(), f"clip{len(names) + 1}")

    path.write_text(_SVG_CLIP_ID.sub(rename, text), encoding="utf-8")
