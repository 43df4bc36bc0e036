"""Read the comparison and claims tables the way every view needs them.

The charts, the report and the exports all ask the same questions of a comparison row: which
claims make up this group, what figure did each speaker give, how to write a figure and a
group's name in a label. The answers live here so the views agree with each other.

Extension columns of the comparison table (``claim_ids``, ``set_by``, ``reason``, ...) are used
when present and never required.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from factcheck.present.labels import Labels, labels

#: A gap label lists the figures side by side up to this many; beyond, it gives their count.
MAX_LISTED: int = 3

#: Columns that tie a claim to its group when the claims table has no ``group_id`` column.
MATCH_COLUMNS: tuple[str, ...] = ("measure", "subject", "subject_detail")


def is_missing(value: Any) -> bool:
    """True for None, NaN and pandas' missing markers (a scalar check that never raises)."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def num(value: Any) -> float:
    """A float, NaN for anything missing."""
    return math.nan if is_missing(value) else float(value)


def parse_list(value: Any) -> list[str]:
    """A list of ids from a list, a JSON array text, or text separated by ';' or ','."""
    if is_missing(value):
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    text = str(value).strip()
    if text.startswith("["):
        try:
            return [str(v) for v in json.loads(text)]
        except json.JSONDecodeError:
            pass
    sep = ";" if ";" in text else ","
    return [part.strip() for part in text.split(sep) if part.strip()]


def parse_figures(value: Any) -> dict[str, tuple[float, float]]:
    """The ``figures`` column (JSON object speaker -> [low, high]; null = open bound)."""
    if is_missing(value):
        return {}
    data = value if isinstance(value, Mapping) else json.loads(str(value))
    return {str(k): (num(v[0]), num(v[1])) for k, v in data.items()}


def group_claims(comparison: pd.DataFrame, claims: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The claims of each aligned group, keyed by ``group_id``.

    Reads the claims table's ``group_id`` column (the long table of figures,
    :func:`factcheck.compare.figures_table`); a claims table without one is aligned first
    (the same groups ``compare`` made), or else matched on measure, subject and detail.
    """
    out: dict[str, pd.DataFrame] = {}
    if "group_id" not in claims.columns and len(claims):
        from factcheck.align import align  # the ids ``compare`` gave when it aligned these

        aligned = align(claims)
        if set(aligned["group_id"].astype(str)) & set(comparison["group_id"].astype(str)):
            claims = aligned
    if "group_id" in claims.columns:
        keys = claims["group_id"].astype(str)
        empty = claims.iloc[0:0]
        parts = {str(k): sub for k, sub in claims.groupby(keys, sort=False)}
        return {str(gid): parts.get(str(gid), empty) for gid in comparison["group_id"]}
    for _, row in comparison.iterrows():
        mask = pd.Series(True, index=claims.index)
        for col in MATCH_COLUMNS:
            if col in claims.columns and col in row.index:
                mask &= claims[col].fillna("").astype(str) == _text(row[col])
        out[str(row["group_id"])] = claims[mask]
    return out


def group_of_claim(comparison: pd.DataFrame, claims: pd.DataFrame) -> dict[str, str]:
    """claim_id -> group_id, for every claim that belongs to a group."""
    return {
        str(cid): gid
        for gid, sub in group_claims(comparison, claims).items()
        for cid in sub["claim_id"]
    }


def _text(value: Any) -> str:
    return "" if is_missing(value) else str(value)


def figure_text(low: float, high: float, qualifier: str = "", lab: Labels | None = None) -> str:
    """A figure as a reader writes it: "15", "≥ 12", "≤ 5", "10–12", "~10", "none".

    >>> figure_text(15, 15), figure_text(12, math.nan), figure_text(10, 12), figure_text(0, 0,
    ...     "none_reported")
    ('15', '≥ 12', '10–12', 'none')
    """
    if qualifier == "none_reported":
        return labels(lab).word("qualifiers", qualifier)
    lo, hi = num(low), num(high)
    if math.isnan(lo) and math.isnan(hi):
        return "?"
    if math.isnan(hi):
        return f"≥ {_n(lo)}"
    if math.isnan(lo):
        return f"≤ {_n(hi)}"
    if lo == hi:
        return f"~{_n(lo)}" if qualifier == "about" else _n(lo)
    return f"{_n(lo)}–{_n(hi)}"


def _n(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def group_label(
    row: Mapping[str, Any] | pd.Series, wrap: Callable[[str], str] = str, lab: Labels | None = None
) -> str:
    """A group's name for a title or row: "Killed militants (ISIS)", in the labels' language.

    ``wrap`` is applied to the subject detail, which is written as found in the text (the
    charts pass :func:`factcheck.present.style.isolate` so an Arabic detail keeps its order).
    """
    lab = labels(lab)
    detail = _text(row.get("subject_detail"))
    label = lab.group(
        row.get("measure"), row.get("subject"), wrap(detail) if detail else "",
        row.get("measure_detail"),
    )  # fmt: skip
    place = _text(row.get("place"))  # extension column: city figures are told apart
    label = f"{label}, {wrap(place)}" if place else label
    scope = _text(row.get("scope"))  # extension column: background figures are told apart
    if scope and scope != "event":
        return f"{label} · {lab.word('scopes', scope)}"
    return label


def date_label(value: Any, lab: Labels | None = None) -> str:
    """An event date as "29 Aug 2024" ("" when unknown)."""
    if is_missing(value) or value == "":
        return ""
    return labels(lab).date(value.date() if isinstance(value, pd.Timestamp) else value)


def asserted(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims that assert a figure (a denied figure is not one the group gives)."""
    if "polarity" not in claims.columns:
        return claims
    return claims[claims["polarity"].fillna("asserted").astype(str) != "denied"]


def gap_label(
    row: Mapping[str, Any] | pd.Series,
    claims: pd.DataFrame | None = None,
    lab: Labels | None = None,
) -> str:
    """The figures of a group side by side: "15 vs 14" (one per distinct value); beyond
    MAX_LISTED figures, their count and the reconciled range: "5 figures, 10–13".

    Reads the group's claims (one row per figure); the comparison's ``figures`` text is read
    only when no claims are given."""
    lab = labels(lab)
    if claims is not None and len(claims):
        rows = asserted(claims)
        texts = [figure_text(r["low"], r["high"], str(r["qualifier"]), lab)
                 for _, r in rows.iterrows()]  # fmt: skip
    else:
        texts = [
            figure_text(lo, hi, "", lab) for lo, hi in parse_figures(row.get("figures")).values()
        ]
    distinct = list(dict.fromkeys(texts))
    if len(distinct) > MAX_LISTED:
        span = figure_text(num(row.get("low")), num(row.get("high")), "", lab)
        return lab("n_figures", n=len(distinct), span=span)
    return lab("vs").join(distinct)


def title(
    row: Mapping[str, Any] | pd.Series,
    where: str = "",
    claims: pd.DataFrame | None = None,
    wrap: Callable[[str], str] = str,
    lab: Labels | None = None,
) -> str:
    """A title that says what and where: "Killed militants — Anbar raid, 29 Aug 2024: 15
    vs 14"."""
    place = ", ".join(p for p in (wrap(where), date_label(row.get("event_date"), lab)) if p)
    head = group_label(row, wrap, lab) + (f" — {place}" if place else "")
    gap = gap_label(row, claims, lab)
    return f"{head}: {gap}" if gap else head


def distinct_figures(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker and distinct figure, with ``reports`` = how many claims repeat it
    (a statement quoted by three outlets is one figure, reported three times)."""
    keys = ["speaker", "_lo", "_hi", "qualifier"]
    tmp = claims.assign(_lo=claims["low"].fillna(-1.0), _hi=claims["high"].fillna(-1.0))
    counts = tmp.groupby(keys, sort=False, dropna=False).size()
    first = tmp.drop_duplicates(keys)
    reports = [int(counts[tuple(r)]) for r in first[keys].itertuples(index=False)]
    return first.drop(columns=["_lo", "_hi"]).assign(reports=reports)
