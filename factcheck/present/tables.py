"""Side-by-side tables: one row per aligned group, one column per speaker (with its relays),
each cell the figure as the text wrote it.

``styled_side_by_side`` marks the discrepant groups and shows, on hover, the sentence each
figure comes from. Everything taken from documents is HTML-escaped: cell values, speaker
names and the quotes in the tooltips (which go into a ``title`` attribute, escaped, never
into CSS or markup).
"""

from __future__ import annotations

import html
from collections import defaultdict
from typing import Final

import pandas as pd
from pandas.io.formats.style import Styler

from factcheck.align import align
from factcheck.compare import compare
from factcheck.when import timestamp_of

#: How a discrepant group's row is marked (a light red background stays readable in print).
DISCREPANT_STYLE: Final = "background-color: #fde2e1; font-weight: bold"
#: Separator between successive figures of one speaker in a cell, oldest first.
UPDATE_SEPARATOR: Final = " -> "
#: Separator between different wordings of the same statement (one speaker, same moment).
WORDING_SEPARATOR: Final = " / "
#: Names of the two index levels of the side-by-side table.
INDEX_NAMES: Final = ("group_id", "group")


def column_label(speaker: str, via: str) -> str:
    """A speaker with its relay chain: "Iraqi Joint Operations Command via Iraqi News Agency".

    >>> column_label("unnamed sources", "Associated Press")
    'unnamed sources via Associated Press'
    """
    return f"{speaker} via {via}" if via else str(speaker)


def _group_label(rows: pd.DataFrame) -> str:
    first = rows.iloc[0]
    detail = f" ({first['subject_detail']})" if first["subject_detail"] else ""
    scope = "" if first["scope"] == "event" else f" [{first['scope']}]"
    how = first.get("measure_detail")  # an "other" count is named by its verb
    measure = how if isinstance(how, str) and how else first["measure"]
    return f"{measure} {first['subject']}{detail}{scope}"


#: Text columns read here; a table read back from CSV has NaN for an empty cell.
_TEXT: Final = ("speaker", "via", "value_text", "sentence", "subject_detail", "doc_id")


def _aligned(claims: pd.DataFrame) -> pd.DataFrame:
    aligned = claims if "group_id" in claims.columns else align(claims)
    return aligned.assign(**{c: aligned[c].fillna("").astype(str) for c in _TEXT})


def _moment(value: object) -> pd.Timestamp:
    """A comparable moment: naive UTC, NaT when unknown (dates and datetimes may mix)."""
    moment = timestamp_of(value)
    if pd.isna(moment):
        return pd.NaT
    return moment.tz_convert("UTC").tz_localize(None) if moment.tzinfo else moment


def _cells(claims: pd.DataFrame) -> dict[tuple[str, str], list[dict]]:
    """Claims of each (group, column), oldest statement first."""
    cells: dict[tuple[str, str], list[dict]] = defaultdict(list)
    ordered = claims.assign(_when=[_moment(x) for x in claims["reported_at"]]).sort_values(
        "_when", kind="stable", na_position="first"
    )
    for rec in ordered.to_dict("records"):
        cells[(rec["group_id"], column_label(rec["speaker"], rec["via"]))].append(rec)
    return cells


def _cell_text(recs: list[dict]) -> str:
    texts = []
    for rec in recs:
        text = str(rec["value_text"])
        if rec["polarity"] == "denied":
            text = f"denies {text}"
        if text not in texts:
            texts.append(text)
    moments = {str(r["reported_at"]) for r in recs}
    return (UPDATE_SEPARATOR if len(moments) > 1 else WORDING_SEPARATOR).join(texts)


def side_by_side(claims: pd.DataFrame) -> pd.DataFrame:
    """Rows = aligned groups, columns = speakers with their relays, cells = figures as written.

    A speaker who gave several figures over time has them in one cell, oldest first ("20 ->
    at least 45 -> 112"); an empty cell means that speaker gave no figure for the group.
    Aligns first when ``claims`` has no ``group_id``.

    >>> from factcheck.compare.examples import anbar_claims
    >>> side_by_side(anbar_claims()).iloc[0].tolist()[:2]
    ['15', '']
    """
    aligned = _aligned(claims)
    groups = list(dict.fromkeys(aligned["group_id"]))
    columns = list(dict.fromkeys(column_label(s, v) for s, v in zip(
        aligned["speaker"], aligned["via"], strict=True)))  # fmt: skip
    labels = {g: _group_label(rows) for g, rows in aligned.groupby("group_id", sort=False)}
    cells = _cells(aligned)
    data = [[_cell_text(cells.get((g, c), [])) for c in columns] for g in groups]
    index = pd.MultiIndex.from_tuples([(g, labels[g]) for g in groups], names=INDEX_NAMES)
    return pd.DataFrame(data, index=index, columns=pd.Index(columns, name="speaker"))


def _tooltip(recs: list[dict]) -> str:
    quotes = dict.fromkeys(f"{r['doc_id']}: {r['sentence']}" for r in recs)
    return html.escape("\n".join(quotes), quote=True)


def styled_side_by_side(claims: pd.DataFrame, comparison: pd.DataFrame | None = None) -> Styler:
    """The side-by-side table as a pandas Styler: discrepant groups marked, the quoted
    sentence of each figure on hover, every text from the documents HTML-escaped.

    ``comparison`` (from :func:`factcheck.compare.compare`) is computed when not given.
    """
    aligned = _aligned(claims)
    table = side_by_side(aligned)
    comp = compare(aligned) if comparison is None else comparison
    verdict = dict(zip(comp["group_id"], comp["verdict"], strict=True))
    cells = _cells(aligned)
    tips = pd.DataFrame(
        [[_tooltip(cells.get((g, c), [])) for c in table.columns] for g, _ in table.index],
        index=table.index,
        columns=table.columns,
    )

    def mark(row: pd.Series) -> list[str]:
        style = DISCREPANT_STYLE if verdict.get(row.name[0]) == "discrepant" else ""
        return [style] * len(row)

    return (
        table.style.format(escape="html")
        .format_index(escape="html", axis=0)
        .format_index(escape="html", axis=1)
        .apply(mark, axis=1)
        .set_tooltips(tips, as_title_attribute=True)
    )
