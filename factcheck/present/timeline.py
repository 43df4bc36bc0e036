"""The timeline chart: how each speaker's figure for a group changed as reports came in."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, Final
from zoneinfo import ZoneInfo

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from factcheck.model import Document
from factcheck.present import frame as fr
from factcheck.present import groups as g
from factcheck.present.labels import Labels
from factcheck.present.style import Look, isolate, rc, rtl_line, speaker_colors
from factcheck.when import DayPart, parse_moment, timestamp_of

#: Height of one group's panel, in inches.
PANEL_INCHES: Final = 2.8
#: Most date ticks on a timeline axis (more crowd the labels at this width).
TIME_TICKS: Final = 7
#: Columns that name a group when the claims table has no ``group_id``.
GROUP_KEY: Final = ("measure", "subject", "subject_detail")


def when(value: Any) -> pd.Timestamp:
    """A ``reported_at`` value (datetime, date or ISO text) as a UTC timestamp (NaT if none)."""
    stamp = timestamp_of(value)
    if pd.isna(stamp):
        return pd.NaT
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def changed_groups(claims: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Groups in which at least one speaker gave different figures at different times.

    Two speakers disagreeing at different hours is a discrepancy, not a change: it is the
    discrepancy chart's business, so such a group is left out here. Statements without a
    placeable moment (none, or only a month or year) are left out of the panels.
    """
    keyed = claims.assign(
        _when=[when(v) for v in claims["reported_at"]],
        _key=claims["group_id"].astype(str)
        if "group_id" in claims.columns
        else claims[[c for c in (*GROUP_KEY, "measure_detail") if c in claims.columns]]
        .fillna("")
        .astype(str)
        .agg(" / ".join, axis=1),
    )
    # a statement known only to the month or year (or not at all) has no place on a time axis
    keyed = keyed[keyed["_when"].notna()]
    out = {}
    for key, sub in keyed.groupby("_key", sort=False):
        if any(_changed(rows) for _, rows in sub.groupby("speaker", sort=False)):
            out[str(key)] = sub.sort_values("_when")
    return out


def _changed(rows: pd.DataFrame) -> bool:
    figures = set(zip(rows["low"].fillna(-1), rows["high"].fillna(-1), strict=True))
    return rows["_when"].nunique() > 1 and len(figures) > 1


def day_only(value: Any) -> bool:
    """True for a statement dated by its day alone (a date, or ISO text without a time)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return True
    return isinstance(value, str) and len(value.strip()) == len("2025-08-13")


def plot_timeline(
    claims: pd.DataFrame,
    *,
    where: str = "",
    colors: dict[str, Look] | None = None,
    labels: str | Labels | None = None,
    sources: Iterable[Document] | None = None,
    timezone: str | None = None,
    size: str = "desk",
) -> Figure:
    """``reported_at`` against the figure, one line per speaker, one panel per group in which
    a speaker's figure changed (:func:`changed_groups`), on a time axis in the case's zone
    (``timezone``; UTC when unknown), labelled with the zone. A statement dated only by its day
    is a band across that day, not a point at midnight; open bounds ("at least") end in an
    upward arrow. Each line's latest figure names its speaker ("58 · Ministry"; a legend only
    when a name finds no room); labels are placed so that none overprints another. When no
    figure changed the figure says so."""
    s = fr.setting(labels_code=labels, size=size, where=where, sources=sources, claims=claims,
                   timezone=timezone)  # fmt: skip
    looks = colors or speaker_colors(claims)
    panels = changed_groups(claims)
    with plt.rc_context(rc(s.size)):
        fig = plt.figure()
        height = PANEL_INCHES * max(len(panels), 1)
        first = next(iter(panels.values())) if panels else claims
        dates = list(first["event_date"]) if "event_date" in first.columns else []
        fr.dress(fig, s, s.lab("timeline_title"), fr.subtitle(s, dates), height)
        if not panels:
            fig.text(0.5, 0.5, s.lab("no_change"), ha="center", va="center")
            return fig
        axes = fig.subplots(len(panels), 1, squeeze=False)[:, 0]
        texts = [_panel(ax, sub, looks, s) for ax, sub in zip(axes, panels.values(), strict=True)]
        fig.draw_without_rendering()
        renderer = fig.canvas.get_renderer()
        for ax, placed in zip(axes, texts, strict=True):
            taken = [line.get_window_extent(renderer) for line in ax.get_lines()
                     if line.get_marker() not in (None, "None", "")]  # fmt: skip
            taken = [_pad(b) for b in taken if b.width < 40]  # markers, not whole lines
            missed = False
            for text, x, y, short in sorted(placed, key=lambda p: p[3] == p[0].get_text()):
                cands = [(x, y, dx, dy, ha, va) for dx, dy, ha, va in LABEL_SPOTS]
                if not fr.place_label(ax, text, cands, taken, renderer) and short:
                    taken.pop()  # no room for the speaker's name: the figure alone, and a legend
                    text.set_text(short)
                    fr.place_label(ax, text, cands, taken, renderer)
                    missed = True
            if missed:
                ax.legend(loc="best", frameon=False, fontsize=s.pt("small"))
    return fig


#: Where a figure's label may go around its point, in offset points, in order of preference.
LABEL_SPOTS: Final = (
    (7, 4, "left", "bottom"), (7, -4, "left", "top"), (-7, 4, "right", "bottom"),
    (-7, -4, "right", "top"), (0, 9, "center", "bottom"), (0, -9, "center", "top"),
    (14, 14, "left", "bottom"), (-14, -14, "right", "top"),
)  # fmt: skip


def _pad(box):
    return box.expanded(1.1, 1.1)


def _local(stamps: pd.Series, zone: str | None) -> pd.Series:
    return stamps.dt.tz_convert(zone or "UTC")


def _panel(ax, sub: pd.DataFrame, looks: dict[str, Look], s: fr.Setting) -> list:
    """Draw one group's lines; returns (label, x, y) of every figure, placed later."""
    lab, zone = s.lab, s.zone or "UTC"
    top = max(1.0, *[v for v in pd.concat([sub["low"], sub["high"]]) if not math.isnan(v)])
    sub = sub.assign(_local=_local(sub["_when"], zone),
                     _day=[day_only(v) for v in sub["reported_at"]])  # fmt: skip
    placed, has_day, has_part = [], False, False
    for speaker, rows in sub.groupby("speaker", sort=False):
        look = looks[str(speaker)]
        values = [
            g.num(lo) if not math.isnan(g.num(lo)) else g.num(hi)
            for lo, hi in zip(rows["low"], rows["high"], strict=True)
        ]
        # a day-only statement sits at the middle of its day (in the case's zone) on the line,
        # a part of a day ("Sunday evening") at the middle of that part
        parts = [_part(r, zone) for r in rows["reported_at"]]
        xs = [_day_mid(r, zone) if d else (p[0] + (p[1] - p[0]) / 2 if p else t)
              for t, d, r, p in zip(rows["_local"], rows["_day"], rows["reported_at"], parts,
                                    strict=True)]  # fmt: skip
        via = str(rows["via"].iloc[0] or "")
        name = isolate(str(speaker), lab.rtl)
        ax.plot(xs, values, color=look.color, lw=1.8, zorder=2,
                label=lab("via", speaker=name, relay=isolate(via)) if via else name)  # fmt: skip
        hi_of = dict(zip(xs, rows["high"], strict=True))
        for x, v, d, p in zip(xs, values, rows["_day"], parts, strict=True):
            if d:  # the whole day: the statement says the day, not the hour
                has_day = True
                start = x - pd.Timedelta(hours=12)
                ax.plot([start, start + pd.Timedelta(hours=24)], [v, v], color=look.color,
                        lw=7, alpha=0.35, solid_capstyle="butt", zorder=1)  # fmt: skip
            elif p:  # a part of a day: the band is that part, never one minute
                has_part = True
                ax.plot(list(p), [v, v], color=look.color, lw=7, alpha=0.35,
                        solid_capstyle="butt", zorder=1)  # fmt: skip
            if not math.isnan(g.num(hi_of.get(x, math.nan))) and hi_of[x] > v:  # an interval
                ax.plot([x, x], [v, hi_of[x]], color=look.color, lw=6, alpha=0.6,
                        solid_capstyle="butt", zorder=3)  # fmt: skip
            ax.plot([x], [v], color=look.color, marker=look.marker, markersize=8,
                    markeredgecolor="black", markeredgewidth=0.6, zorder=4,
                    linestyle="none")  # fmt: skip
        last = max(range(len(xs)), key=lambda i: xs[i])
        name = lab("via", speaker=name, relay=isolate(via, lab.rtl)) if via else name
        for i, (x, v, (_, r)) in enumerate(zip(xs, values, rows.iterrows(), strict=True)):
            short = g.figure_text(g.num(r["low"]), g.num(r["high"]), str(r["qualifier"]), lab)
            # the speaker is named at its latest figure, at the end of its line
            label = rtl_line(f"{short} · {name}" if i == last else short, lab.rtl)
            if math.isnan(g.num(r["high"])):
                ax.annotate(
                    "",
                    xy=(x, v + top * 0.12),
                    xytext=(x, v),
                    arrowprops=dict(arrowstyle="-|>", color=look.color, lw=1.4),
                )
            text = ax.annotate(
                label,
                xy=(x, v),
                xytext=(7, 4),
                textcoords="offset points",
                fontsize=s.pt("small"),
                va="bottom",
                annotation_clip=False,
                bbox=dict(boxstyle="square,pad=0.1", fc="white", ec="none", alpha=0.85),
            )
            text.set_in_layout(False)
            placed.append((text, x, v, rtl_line(short, lab.rtl)))
    first = sub.iloc[0]
    # every panel is a series a speaker updated: say so next to what is counted
    title = f"{g.group_label(first, isolate, lab)} · {lab.word('verdicts', 'updated')}"
    ax.set_title(title, loc=s.ha, fontsize=s.pt("text"))
    ax.set_ylim(0, top * 1.35)
    ax.set_ylabel(lab("axis_figure"))
    notes = [lab(k) for k, on in (("day_only", has_day), ("part_only", has_part)) if on]
    ax.set_xlabel("\n".join([lab("timeline_axis", zone=zone), *notes]))
    lo, hi = sub["_local"].min(), sub["_local"].max()
    span = max(hi - lo, pd.Timedelta(hours=12))
    ax.set_xlim(lo - span * 0.12 - pd.Timedelta(hours=6), hi + span * 0.25 + pd.Timedelta(hours=6))
    locator = mdates.AutoDateLocator(minticks=3, maxticks=TIME_TICKS, tz=ZoneInfo(zone))
    ax.xaxis.set_major_locator(locator)
    # no offset text ("2025-Aug") at the axis end: it would collide with the axis label, and
    # the subtitle already dates the event
    ax.xaxis.set_major_formatter(
        mdates.ConciseDateFormatter(locator, tz=ZoneInfo(zone), show_offset=False)
    )
    ax.grid(color="#EEEEEE")
    return placed


def _part(value: Any, zone: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """Start and end of a part of a day (a ``DayPart`` or its ISO interval), in the case's
    zone; None for anything else."""
    if isinstance(value, str) and "/" in value:
        try:
            value = parse_moment(value)
        except ValueError:
            return None
    if not isinstance(value, DayPart):
        return None
    ends = [pd.Timestamp(t) for t in (value.start, value.end)]
    ends = [t.tz_localize("UTC") if t.tzinfo is None else t for t in ends]
    return ends[0].tz_convert(zone), ends[1].tz_convert(zone)


def _day_mid(day: Any, zone: str) -> pd.Timestamp:
    """Noon of the stated day, in the case's zone."""
    return pd.Timestamp(str(day)[:10]).tz_localize(zone) + pd.Timedelta(hours=12)


def _extreme(sub: pd.DataFrame, at: pd.Timestamp, pick) -> pd.Series:
    """Of the claims reported at ``at``, the one with the lowest (``min``) or highest figure."""
    rows = sub[sub["_when"] == at]
    values = rows["low"].fillna(rows["high"])
    return rows.loc[pick(values.index, key=lambda i: values[i])]


#: Columns of :func:`updates`, in order.
UPDATE_COLUMNS: Final = (
    "group", "reported", "speaker", "via", "measure", "subject", "subject_detail", "value_text",
    "low", "high", "qualifier", "doc_id",
)  # fmt: skip


def updates(claims: pd.DataFrame, *, changed_only: bool = True) -> pd.DataFrame:
    """The claims in the order they were reported (``reported`` in UTC), group by group:
    how each toll moved from update to update. With ``changed_only``, only the groups in
    which a speaker's figure changed (those :func:`plot_timeline` draws)."""
    if changed_only:
        parts = list(changed_groups(claims).items())
    else:
        parts = [("", claims.assign(_when=[when(v) for v in claims["reported_at"]]))]
    frames = [
        sub.assign(group=g.group_label(sub.iloc[0]) if key else "", reported=sub["_when"])
        for key, sub in parts
    ]
    if not frames:
        return pd.DataFrame(columns=list(UPDATE_COLUMNS))
    table = pd.concat(frames, ignore_index=True)
    if not changed_only:
        table = table.assign(group=[g.group_label(r) for _, r in table.iterrows()])
    table = table.sort_values(["group", "reported"], kind="stable")
    return table[list(UPDATE_COLUMNS)].reset_index(drop=True)
