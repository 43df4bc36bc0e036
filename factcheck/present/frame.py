"""What every chart has around its data: a short title, the event once in a subtitle, and a
footer naming the sources (outlet, time) and the time of the latest report ("as of").

Also the two sizes a chart is drawn at (desk, and a 600 px "mobile" variant with larger type)
and the label placement that keeps direct labels apart (:func:`place_label`).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Final
from zoneinfo import ZoneInfo

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from factcheck.model import Document
from factcheck.present.labels import Labels, labels
from factcheck.present.style import isolate, rtl_line

#: Width of a chart, in inches at 100 dpi (= CSS pixels / 100): desk and mobile.
WIDTHS: Final = {"desk": 9.5, "mobile": 6.0}
#: Type size of each chart size: titles, body text and small print, in points.
TYPE: Final = {
    "desk": {"title": 14, "subtitle": 10.5, "text": 9, "small": 8},
    "mobile": {"title": 15, "subtitle": 11.5, "text": 10.5, "small": 9.5},
}
#: Line height as a share of the type size.
LEADING: Final = 1.35
#: Average width of a character as a share of the type size (DejaVu Sans), to wrap text.
CHAR_WIDTH: Final = 0.56
#: Margin around the figure's text, in inches.
MARGIN: Final = 0.12
#: Colour of subtitles, footers and other secondary text.
MUTED: Final = "#555555"


@dataclass(frozen=True)
class Setting:
    """How a chart is drawn: language, size, event, sources and time zone."""

    lab: Labels
    size: str = "desk"
    where: str = ""
    sources: tuple[tuple[str, datetime | None], ...] = ()
    zone: str | None = None
    show_estimate: bool = True
    extra: dict = field(default_factory=dict)

    @property
    def width(self) -> float:
        return WIDTHS[self.size]

    def pt(self, kind: str) -> float:
        """Type size of ``kind`` (title, subtitle, text, small) at this size."""
        return TYPE[self.size][kind]

    @property
    def ha(self) -> str:
        """Horizontal alignment of titles and footers: right for right-to-left languages."""
        return "right" if self.lab.rtl else "left"

    @property
    def x(self) -> float:
        return 1 - MARGIN / self.width if self.lab.rtl else MARGIN / self.width

    def local(self, value: object) -> datetime | None:
        """A time in the case's zone (unchanged when no zone or no time is known)."""
        if value is None or value is pd.NaT or isinstance(value, float):
            return None
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                return None
        if not isinstance(value, datetime):
            return None
        if self.zone and value.tzinfo is not None:
            return value.astimezone(ZoneInfo(self.zone))
        return value


def setting(
    *,
    labels_code: str | Labels | None = None,
    size: str = "desk",
    where: str = "",
    sources: Iterable[Document] | pd.DataFrame | None = None,
    claims: pd.DataFrame | None = None,
    timezone: str | None = None,
    show_estimate: bool = True,
) -> Setting:
    """A :class:`Setting`; sources come from documents when given, else from the claims
    (each document's publisher and latest ``reported_at``)."""
    if size not in WIDTHS:
        raise ValueError(f"unknown chart size {size!r}; known: {', '.join(WIDTHS)}")
    found: list[tuple[str, datetime | None]] = []
    if sources is not None and not isinstance(sources, pd.DataFrame):
        found = [(d.publisher, d.published) for d in sources]
    elif claims is not None and len(claims):
        for _, rows in claims.groupby("doc_id", sort=False):
            times = [t for t in rows["reported_at"] if isinstance(t, datetime)]
            found.append((str(rows["publisher"].iloc[0]), max(times, default=None, key=_utc)))
    return Setting(labels(labels_code), size, where, tuple(found), timezone, show_estimate)


def _utc(value: datetime) -> float:
    return value.timestamp() if value.tzinfo else value.replace(tzinfo=None).timestamp()


def wrap(text: str, width_in: float, points: float) -> list[str]:
    """``text`` wrapped to lines that fit ``width_in`` inches at ``points`` type."""
    chars = max(12, int(width_in * 72 / (points * CHAR_WIDTH)))
    return textwrap.wrap(text, chars) or [""]


def footer_text(s: Setting) -> str:
    """ "Sources: US Central Command (31 Aug 2024, 04:30), ... · As of 31 Aug 2024, 14:00"."""
    parts, latest = [], None
    for publisher, when in dict.fromkeys(s.sources):
        local = s.local(when)
        stamp = s.lab.date(local, with_time=True) if local else ""
        name = isolate(publisher, s.lab.rtl)
        parts.append(f"{name} ({stamp})" if stamp else name)
        if local is not None and (latest is None or _utc(local) > _utc(latest)):
            latest = local
    sep = "، " if s.lab.rtl else ", "
    text = s.lab("sources", list=sep.join(parts)) if parts else ""
    if latest is not None:
        zone = f" ({s.zone})" if s.zone else ""
        text += f" · {s.lab('as_of', time=s.lab.date(latest, with_time=True))}{zone}"
    return text


def dress(fig: Figure, s: Setting, title: str, subtitle: str, height: float) -> None:
    """Give ``fig`` (``s.width`` × ``height`` inches of data) its title, subtitle and footer,
    resizing it so the data keep their height."""
    width = s.width - 2 * MARGIN
    heads = wrap(title, width, s.pt("title") * 1.1)
    subs = wrap(subtitle, width, s.pt("subtitle")) if subtitle else []
    feet = wrap(footer_text(s), width, s.pt("small"))
    top = (len(heads) * s.pt("title") + len(subs) * s.pt("subtitle")) * LEADING / 72 + 2 * MARGIN
    bottom = len(feet) * s.pt("small") * LEADING / 72 + 2 * MARGIN
    total = height + top + bottom
    fig.set_size_inches(s.width, total)
    fig.set_layout_engine(
        ConstrainedLayoutEngine(rect=(0, bottom / total, 1, height / total), h_pad=0.06)
    )
    y = 1 - MARGIN / total
    heads, subs, feet = ([rtl_line(t, s.lab.rtl) for t in part] for part in (heads, subs, feet))
    fig.text(s.x, y, "\n".join(heads), ha=s.ha, va="top", fontsize=s.pt("title"),
             fontweight="bold", linespacing=1.15)  # fmt: skip
    y -= len(heads) * s.pt("title") * LEADING / 72 / total
    if subs:
        fig.text(s.x, y, "\n".join(subs), ha=s.ha, va="top", fontsize=s.pt("subtitle"),
                 color=MUTED)  # fmt: skip
    if feet[0]:
        fig.text(s.x, MARGIN / total, "\n".join(feet), ha=s.ha, va="bottom",
                 fontsize=s.pt("small"), color=MUTED)  # fmt: skip


def subtitle(s: Setting, event_dates: Sequence[object] = ()) -> str:
    """The event once: "Joint US–Iraqi raid in the Anbar desert, 29 Aug 2024"."""
    days = [d for d in event_dates if isinstance(d, date)]
    day = s.lab.date(min(days)) if days and len(set(days)) == 1 else ""
    if day and str(min(days).year) in s.where:  # the title already dates the event
        day = ""
    return ", ".join(p for p in (isolate(s.where, s.lab.rtl), day) if p)


# --- direct labels ---------------------------------------------------------------------------


def text_box(text: Text, renderer) -> Bbox:
    """Display-space box of a text as drawn."""
    return text.get_window_extent(renderer)


def overlaps(a: Bbox, b: Bbox, pad: float = 0.0) -> bool:
    """True when two display boxes overlap by more than ``pad`` pixels on both axes."""
    return min(a.x1, b.x1) - max(a.x0, b.x0) > pad and min(a.y1, b.y1) - max(a.y0, b.y0) > pad


#: A label candidate: anchor (data x, data y), offset in points (dx, dy), ha, va.
Candidate = tuple[float, float, float, float, str, str]


def place_label(ax, text, candidates: Sequence[Candidate], taken: list[Bbox], renderer) -> bool:
    """Move ``text`` (an Annotation in offset points) to the first candidate whose box stays
    inside the axes and overlaps no box in ``taken``; record its box. False when none fits
    (the first candidate is kept)."""
    area = ax.get_window_extent(renderer)
    for x, y, dx, dy, ha, va in [*candidates, candidates[0]]:
        text.xy = (x, y)
        text.set_position((dx, dy))
        text.set_ha(ha)
        text.set_va(va)
        box = text_box(text, renderer)
        inside = box.x0 >= area.x0 - 1 and box.x1 <= area.x1 + 1
        inside = inside and box.y0 >= area.y0 - 1 and box.y1 <= area.y1 + 1
        if inside and not any(overlaps(box, t, 0.5) for t in taken):
            taken.append(box)
            return True
    taken.append(text_box(text, renderer))
    return False


def is_nan(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)
