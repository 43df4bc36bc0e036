"""The claims table as plain rows, and the CSV and JSON text of a table, without pandas.

``factcheck extract small.txt`` spends a few milliseconds reading the document; importing
pandas (and pyarrow with it) took several times that. The command therefore builds the rows
itself (:func:`claim_rows`: the same values as :func:`factcheck.extract`'s table, ``place``
included) and writes them with the standard library, byte for byte what the table would
give (``to_csv`` and ``to_dict``: floats as their shortest form, missing values empty in CSV
and null in JSON, text cells neutralised for spreadsheets unless ``raw``).
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Final

from factcheck.claims.places_table import KEY_COLUMNS, places_of
from factcheck.model import Claim
from factcheck.present.csvsafe import FORMULA_STARTS
from factcheck.schema import CLAIM_CONTRACT, CLAIM_EXTRA, claim_row
from factcheck.when import DayPart, PartialDate

#: Columns that hold JSON text in CSV (``also_at``): written as real JSON lists in JSON output.
JSON_TEXT_COLUMNS: Final = ("also_at",)
#: Kind of each column of the claims table ("str", "float", "int", "object").
CLAIM_KINDS: Final = {c.name: c.kind for c in (*CLAIM_CONTRACT, *CLAIM_EXTRA)}
_NUMERIC: Final = frozenset({"float", "int"})


def claim_rows(claims: Sequence[Claim]) -> list[dict[str, Any]]:
    """The rows of the claims table of ``claims``, with each claim's ``place``.

    >>> from factcheck.pipeline import extract_rows
    >>> [(r["speaker"], r["measure"], r["low"]) for r in extract_rows(
    ...     "The health ministry said 12 people were killed.", language="en")]
    [('health ministry', 'killed', 12.0)]
    """
    rows = [claim_row(c) for c in claims]
    names = ("doc_id", "language", "sentence", "value_text", "start", "end", *KEY_COLUMNS)
    columns = {
        name: ["" if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in cells]
        for name in names
        for cells in ([r[name] for r in rows],)
    }  # missing values as "" (what the table's places read), without a call per cell
    for row, place in zip(rows, places_of(columns, len(rows)), strict=True):
        row["place"] = place
    return rows


def csv_text(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[str], kinds: Mapping[str, str],
    *, raw: bool = False,
) -> str:  # fmt: skip
    """CSV of ``rows`` (``columns`` in order; ``kinds`` as in the table contracts), as
    ``DataFrame.to_csv(index=False)`` writes it (after neutralising, unless ``raw``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[c], kinds.get(c, "str"), raw) for c in columns])
    return out.getvalue()


def _cell(value: object, kind: str, raw: bool) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if kind == "float":
        return repr(float(value))  # numpy's str of a float64 is its shortest repr too
    if isinstance(value, str) and not raw and kind not in _NUMERIC:
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    return value


def json_text(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], fmt: str) -> str:
    """JSON (one list, ``fmt`` "json") or JSON lines ("jsonl") of ``rows``, with one convention
    for what is absent (null) and ``also_at`` as a real list."""
    out = [
        {c: plain(json.loads(r[c]) if c in JSON_TEXT_COLUMNS and r[c] else r[c]) for c in columns}
        for r in rows
    ]
    if fmt == "json":
        return json.dumps(out, ensure_ascii=False, indent=1) + "\n"
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out)


def plain(value: object) -> object:
    """JSON-safe value with one convention for what is absent: NaN, NaT, None and empty text
    are all null; dates -> ISO 8601, numpy numbers -> Python."""
    if value is None or value == "" or type(value).__name__ == "NaTType":
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, datetime | date | PartialDate | DayPart):
        return value.isoformat()
    if hasattr(value, "item"):
        return plain(value.item())
    return value
