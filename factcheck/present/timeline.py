"""The timeline chart: how each speaker's figure for a group changed as reports came in."""

from __future__ import annotations

import math
import textwrap
from typing import Any, Final

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from factcheck.present import groups as g
from factcheck.present.style import Look, isolate, rc, speaker_colors
from factcheck.when import timestamp_of

#: Characters per title line before wrapping.
TITLE_CHARS: Final = 80
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
        else claims[list(GROUP_KEY)].fillna("").astype(str).agg(" / ".join, axis=1),
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


def plot_timeline(
    claims: pd.DataFrame, *, where: str = "", colors: dict[str, Look] | None = None
) -> Figure:
    """``reported_at`` against the figure, one line per speaker, one panel per group in which
    a speaker's figure changed (:func:`changed_groups`); open bounds ("at least") end in an
    upward arrow. When no figure changed the figure says so."""
    looks = colors or speaker_colors(claims)
    panels = changed_groups(claims)
    with plt.rc_context(rc()):
        fig = plt.figure(
            figsize=(11, PANEL_INCHES * max(len(panels), 1) + 0.6), layout="constrained"
        )
        if not panels:
            fig.text(0.5, 0.5, "No figure changed between reports", ha="center", va="center")
            return fig
        axes = fig.subplots(len(panels), 1, squeeze=False)[:, 0]
        for ax, sub in zip(axes, panels.values(), strict=True):
            _panel(ax, sub, looks, where)
    return fig


def _panel(ax, sub: pd.DataFrame, looks: dict[str, Look], where: str) -> None:
    top = max(1.0, *[v for v in pd.concat([sub["low"], sub["high"]]) if not math.isnan(v)])
    for speaker, rows in sub.groupby("speaker", sort=False):
        look = looks[str(speaker)]
        values = [
            g.num(lo) if not math.isnan(g.num(lo)) else g.num(hi)
            for lo, hi in zip(rows["low"], rows["high"], strict=True)
        ]
        via = str(rows["via"].iloc[0] or "")
        ax.plot(
            rows["_when"],
            values,
            color=look.color,
            marker=look.marker,
            markersize=8,
            markeredgecolor="black",
            markeredgewidth=0.6,
            lw=1.8,
            label=f"{isolate(str(speaker))}, via {isolate(via)}" if via else isolate(str(speaker)),
        )
        for t, v, (_, r) in zip(rows["_when"], values, rows.iterrows(), strict=True):
            label = g.figure_text(g.num(r["low"]), g.num(r["high"]), str(r["qualifier"]))
            if math.isnan(g.num(r["high"])):
                ax.annotate(
                    "",
                    xy=(t, v + top * 0.12),
                    xytext=(t, v),
                    arrowprops=dict(arrowstyle="-|>", color=look.color, lw=1.4),
                )
            ax.annotate(
                label, xy=(t, v), xytext=(7, -3), textcoords="offset points", fontsize=8, va="top"
            )
    first, last = _extreme(sub, sub["_when"].min(), min), _extreme(sub, sub["_when"].max(), max)
    start = g.figure_text(g.num(first["low"]), g.num(first["high"]), str(first["qualifier"]))
    end = g.figure_text(g.num(last["low"]), g.num(last["high"]), str(last["qualifier"]))
    place = ", ".join(p for p in (isolate(where), g.date_label(first.get("event_date"))) if p)
    head = g.group_label(first, isolate) + (f" — {place}" if place else "")
    ax.set_title(textwrap.fill(f"{head}: {start} → {end}", TITLE_CHARS), loc="left")
    ax.set_ylim(0, top * 1.3)
    ax.set_ylabel("reported figure")
    locator = mdates.AutoDateLocator(minticks=3, maxticks=TIME_TICKS)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(color="#EEEEEE")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)


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
