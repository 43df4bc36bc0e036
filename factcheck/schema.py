"""Column contracts of the three tables, the functions that build them from records, and a
validator that reports every problem at once.

The claims, mentions and comparison tables are the kit's public contract (``DESIGN.md``):
columns may be added (documented in ``docs/tables.md``), never renamed or dropped.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from types import NoneType
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from factcheck.errors import SchemaError
from factcheck.model import MAX_FIGURE, Claim, Mention
from factcheck.when import DayPart, PartialDate

if TYPE_CHECKING:  # imported where a table is built: the contracts alone never need it
    import pandas as pd


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table contract: its name and the kind of values it holds."""

    name: str
    kind: str  # "str", "float", "int", "object"
    doc: str = ""


CLAIM_CONTRACT: Final[tuple[Column, ...]] = (
    Column("claim_id", "str", "<doc_id>:<start>, stable across runs"),
    Column("doc_id", "str"),
    Column("publisher", "str"),
    Column("language", "str"),
    Column("speaker", "str", "canonical name of who asserts the figure"),
    Column("speaker_text", "str", "words naming the speaker in the text"),
    Column("via", "str", "relay chain, nearest relay first, ' -> ' between relays"),
    Column("measure", "str"),
    Column("subject", "str"),
    Column("subject_detail", "str"),
    Column("low", "float"),
    Column("high", "float"),
    Column("qualifier", "str"),
    Column("polarity", "str"),
    Column("scope", "str"),
    Column("value_text", "str"),
    Column("start", "int"),
    Column("end", "int"),
    Column("sentence", "str"),
    Column("event_date", "object"),
    Column("reported_at", "object"),
    Column("kind", "str"),
)
#: Extension columns (documented in docs/tables.md): other spans of the same claim repeated in
#: the document, as JSON text ``[[start, end], ...]``.
CLAIM_EXTRA: Final[tuple[Column, ...]] = (
    Column("also_at", "str", "JSON list of [start, end]"),
    Column("speaker_person", "str", "named person speaking for the speaker organisation"),
    Column("measure_detail", "str", "what an 'other' count did or underwent: launched..."),
    Column("place", "str", "area the figure counts, added by claims.places_table.add_places"),
)

MENTION_CONTRACT: Final[tuple[Column, ...]] = (
    Column("doc_id", "str"),
    Column("start", "int"),
    Column("end", "int"),
    Column("text", "str"),
    Column("low", "float"),
    Column("high", "float"),
    Column("qualifier", "str"),
    Column("role", "str"),
    Column("reason", "str"),
)
MENTION_EXTRA: Final[tuple[Column, ...]] = (
    Column("point", "float", "conservative single value of a vague quantity"),
    Column("unit", "str", "normalised counted noun after the figure"),
)

COMPARISON_CONTRACT: Final[tuple[Column, ...]] = (
    Column("group_id", "str"),
    Column("event_date", "object"),
    Column("measure", "str"),
    Column("subject", "str"),
    Column("subject_detail", "str"),
    Column("n_sources", "int"),
    Column("speakers", "str"),
    Column("figures", "str", "JSON object speaker -> [low, high]"),
    Column("low", "float"),
    Column("high", "float"),
    Column("spread", "float"),
    Column("rel_spread", "float"),
    Column("verdict", "str"),
    Column("best", "float"),
    Column("policy", "str"),
    Column("note", "str"),
)

#: Every column of the claims and mentions tables, contract and extensions (one object
#: each, so that a table's layout is found by identity: ``_layout``).
_CLAIM_TABLE: Final = CLAIM_CONTRACT + CLAIM_EXTRA
_MENTION_TABLE: Final = MENTION_CONTRACT + MENTION_EXTRA

CLAIM_COLUMNS: Final[tuple[str, ...]] = tuple(c.name for c in CLAIM_CONTRACT)
MENTION_COLUMNS: Final[tuple[str, ...]] = tuple(c.name for c in MENTION_CONTRACT)
COMPARISON_COLUMNS: Final[tuple[str, ...]] = tuple(c.name for c in COMPARISON_CONTRACT)

CONTRACTS: Final[dict[str, tuple[Column, ...]]] = {
    "claims": CLAIM_CONTRACT,
    "mentions": MENTION_CONTRACT,
    "comparison": COMPARISON_CONTRACT,
}


def _nan(value: float | None) -> float:
    return math.nan if value is None else float(value)


def claim_row(c: Claim) -> dict[str, Any]:
    """One row of the claims table as a plain dict (no place yet: that needs the table)."""
    return {
        "claim_id": c.claim_id,
        "doc_id": c.doc_id,
        "publisher": c.publisher,
        "language": c.language,
        "speaker": c.speaker,
        "speaker_text": c.speaker_text,
        "via": c.via,
        "measure": c.measure,
        "subject": c.subject,
        "subject_detail": c.subject_detail,
        "low": _nan(c.low),
        "high": _nan(c.high),
        "qualifier": str(c.qualifier),
        "polarity": str(c.polarity),
        "scope": str(c.scope),
        "value_text": c.value_text,
        "start": c.start,
        "end": c.end,
        "sentence": c.sentence,
        "event_date": c.event_date,
        "reported_at": c.reported_at,
        "kind": str(c.kind),
        "also_at": json.dumps([[s.start, s.end] for s in c.also_at]) if c.also_at else "[]",
        "speaker_person": c.speaker_person,
        "measure_detail": c.measure_detail,
    }


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """The claims table: one row per claim, the design's columns in order, then extensions."""
    return claims_frame_of_rows([claim_row(c) for c in claims])


def claims_frame_of_rows(rows: list[dict[str, Any]], *, with_place: bool = False) -> pd.DataFrame:
    """:func:`claims_frame` from rows already made with :func:`claim_row`; other keys of a
    row are left out, except ``place`` (last, as ``add_places`` adds it) with ``with_place``."""
    columns = [*CLAIM_COLUMNS, "also_at", "speaker_person", "measure_detail"]
    place = {"place": [r["place"] for r in rows]} if with_place else None
    return _frame(rows, columns, _CLAIM_TABLE, place)


def mentions_frame(mentions: Iterable[Mention]) -> pd.DataFrame:
    """The mentions table: every number expression, claims included."""
    rows = [
        {
            "doc_id": m.doc_id,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "low": _nan(m.low),
            "high": _nan(m.high),
            "qualifier": str(m.qualifier),
            "role": str(m.role),
            "reason": m.reason,
            "point": _nan(m.point),
            "unit": m.unit,
        }
        for m in mentions
    ]
    columns = [*MENTION_COLUMNS, *(c.name for c in MENTION_EXTRA)]
    return _frame(rows, columns, _MENTION_TABLE)


#: The pandas dtype of each kind of column.
DTYPES: Final = {"str": "object", "float": "float64", "int": "int64", "object": "object"}


def _frame(
    rows: list[dict[str, Any]],
    columns: list[str],
    contract: Sequence[Column],
    inferred: Mapping[str, list[Any]] | None = None,
) -> pd.DataFrame:
    """The table of ``rows``, each column built with its contract dtype: what
    ``_typed(pd.DataFrame(rows, columns=columns), contract)`` gives, value for value, without
    converting every column a second time; then the ``inferred`` columns, with the dtype
    pandas infers for them (what ``.assign(name=values)`` adds).

    A text column holds str or NaN when it has any text (pandas reads it as strings first), and
    None when it has none; an "object" column (days) keeps pandas' own reading of its values.
    Each dtype's columns are read into their block at once (:func:`_layout` says which go
    where) and handed to pandas as they are
    (``pandas.api.internals.create_dataframe_from_blocks``): a document's table costs a
    fraction of a millisecond rather than one Series per column, which is most of the fixed
    cost of a short article.
    """
    import numpy as np
    import pandas as pd

    layout = _layout(tuple(columns), contract)
    n = len(rows)
    if inferred and not n and all(type(v) is list for v in inferred.values()):
        return _empty_table(tuple(columns), layout.kinds, tuple(inferred)).copy()
    # every row's cells in column order by one C call, then turned into columns by zip
    row_cells = itemgetter(*columns) if len(columns) > 1 else lambda r: (r[columns[0]],)
    by_column = list(zip(*map(row_cells, rows), strict=True)) if n else [()] * len(columns)
    cells = []  # the object block's columns in order: text, then days, as pandas reads them
    for i in layout.objects:
        values: Any = by_column[i]
        if layout.kinds[i] == "str":
            values = _text_column(values)
        elif not set(map(type, values)) <= PLAIN_MOMENTS:
            values = pd.Series(list(values)).astype(object).to_numpy()
        cells.append(values)
    blocks = [  # fromiter reads one object per cell: a tuple cell is never unpacked
        np.fromiter(chain.from_iterable(cells), dtype=object, count=n * len(cells)).reshape(
            len(cells), n
        )
    ] if cells else []  # fmt: skip
    blocks += [
        np.array([by_column[i] for i in where], dtype=object).astype(dtype)
        for dtype, where in layout.numbers
    ]
    if inferred and not n:  # pandas gives an empty added column its own dtype
        return _from_blocks(blocks, layout, n, columns, {}).assign(**inferred)
    extra = {name: _inferred_array(values) for name, values in (inferred or {}).items()}
    return _from_blocks(blocks, layout, n, columns, extra)


def _inferred_array(values: list[Any]) -> Any:
    """``pd.Series(values).array``: the array pandas infers for an added column. A column of
    text only (the places) is built straight as the text array pandas infers for any text,
    without the Series and the value by value checks: a fixed cost of every document's table
    (about a tenth of a short article's)."""
    import pandas as pd

    arrow = _arrow_text()
    if values and arrow is not None and set(map(type, values)) == {str}:
        try:
            return pd.arrays.ArrowStringArray(arrow[0](values, type=arrow[1]), dtype=_text_dtype())
        except Exception:  # any surprise: pandas' own way, with its own errors
            pass
    return pd.Series(values).array


@lru_cache(maxsize=1)
def _arrow_text() -> tuple[Any, Any] | None:
    """pyarrow's ``array`` and its large text type when pandas keeps text in pyarrow, else
    None: looked up once, not imported again for every table."""
    if getattr(_text_dtype(), "storage", None) != "pyarrow":
        return None
    try:
        import pyarrow as pa
    except ImportError:  # pandas' own way then
        return None
    return pa.array, pa.large_string()


@lru_cache(maxsize=1)
def _text_dtype() -> Any:
    """The dtype pandas infers for a column of text (its string type where it has one)."""
    import pandas as pd

    return pd.Series(["text"]).dtype


#: Types of the values of an "object" column (days and moments) that pandas keeps as they
#: are: a column of only these needs no Series to read it (a ``datetime`` becomes a
#: ``Timestamp``, so a column holding one goes through pandas).
PLAIN_MOMENTS: Final = frozenset({type(None), date, PartialDate, DayPart})


def _text_column(values: Sequence[Any]) -> Sequence[Any]:
    """A text column's values as pandas reads them: None becomes NaN when the column holds
    text and nothing but text or None; otherwise the values as they are. Decided on the
    set of the values' types, not value by value."""
    types = set(map(type, values))
    if NoneType not in types:
        return values
    text = [issubclass(t, str) for t in types if t is not NoneType]
    if text and all(text):
        return [math.nan if v is None else v for v in values]
    return values


class _Layout(NamedTuple):
    """Where a table's columns go: each column's kind, in order; the columns of the object
    block (text and days); the dtype and columns of each number block, as ``_frame`` builds
    them (object, float64, int64: the blocks pandas makes of these columns)."""

    kinds: tuple[str, ...]
    objects: tuple[int, ...]
    numbers: tuple[tuple[str, tuple[int, ...]], ...]


#: Layouts of the tables built so far, by the identity of their contract and their columns
#: (a contract's Columns hash in Python, field by field: too slow for a key per table).
_LAYOUTS: dict[tuple[int, tuple[str, ...]], tuple[Sequence[Column], _Layout]] = {}
#: Layouts kept before the memo starts again (each table has one; tests build a few more).
LAYOUTS_KEPT: Final = 16


def _layout(columns: tuple[str, ...], contract: Sequence[Column]) -> _Layout:
    """The layout of a table of ``columns`` under ``contract``, worked out once per table."""
    hit = _LAYOUTS.get((id(contract), columns))
    if hit is not None and hit[0] is contract:  # the contract is kept: its id is not reused
        return hit[1]
    kind_of = {c.name: c.kind for c in contract}
    kinds = tuple(kind_of.get(name, "object") for name in columns)
    where: dict[str, list[int]] = {"object": [], "float64": [], "int64": []}
    for i, kind in enumerate(kinds):
        where[DTYPES[kind]].append(i)
    numbers = tuple((d, tuple(w)) for d, w in where.items() if d != "object" and w)
    layout = _Layout(kinds, tuple(where["object"]), numbers)
    if len(_LAYOUTS) >= LAYOUTS_KEPT:
        _LAYOUTS.clear()
    _LAYOUTS[(id(contract), columns)] = (contract, layout)
    return layout


@lru_cache(maxsize=8)  # a few tables: a document without claims gets a copy of one
def _empty_table(
    columns: tuple[str, ...], kinds: tuple[str, ...], added: tuple[str, ...]
) -> pd.DataFrame:
    """The table of no rows with ``columns`` of ``kinds`` and the ``added`` columns as
    ``.assign(name=[])`` adds them (pandas gives an empty added column its own dtype):
    built once, as it never differs (the caller hands out copies)."""
    return _frame(
        [], list(columns), [Column(c, k) for c, k in zip(columns, kinds, strict=True)]
    ).assign(**{a: [] for a in added})


def _from_blocks(
    blocks: list[Any], layout: _Layout, n: int, columns: list[str], extra: dict[str, Any]
) -> pd.DataFrame:
    """The frame of ``n`` rows whose ``blocks`` (object, then numbers) hold the columns
    ``layout`` puts in them, then the ``extra`` arrays as they are; pandas before the block
    constructor builds it column by column instead."""
    import numpy as np
    import pandas as pd

    names = [*columns, *extra]
    placements = [layout.objects] if layout.objects else []
    placements += [where for _, where in layout.numbers]
    create_dataframe_from_blocks = _block_constructor()
    if create_dataframe_from_blocks is None:  # pandas < 3
        data = {
            columns[i]: pd.Series(block[k], dtype=block.dtype)
            for block, where in zip(blocks, placements, strict=True)
            for k, i in enumerate(where)
        }
        return pd.DataFrame({**data, **extra}, columns=names)
    pairs = [
        (block, np.asarray(where, dtype=np.intp))
        for block, where in zip(blocks, placements, strict=True)
    ]
    for k, array in enumerate(extra.values(), start=len(columns)):
        if isinstance(array, pd.arrays.NumpyExtensionArray):  # a plain numpy column
            array = array.to_numpy().reshape(1, -1)
        pairs.append((array, np.asarray([k], dtype=np.intp)))
    return create_dataframe_from_blocks(
        pairs, index=pd.RangeIndex(n), columns=_column_index(tuple(names)).copy()
    )


@lru_cache(maxsize=1)
def _block_constructor() -> Any:
    """pandas' ``create_dataframe_from_blocks`` (pandas 3), else None: looked up once."""
    try:
        from pandas.api.internals import create_dataframe_from_blocks
    except ImportError:
        return None
    return create_dataframe_from_blocks


@lru_cache(maxsize=16)  # a few tables' columns: each table built per document reuses one
def _column_index(names: tuple[str, ...]) -> pd.Index:
    """The column labels of a table, inferred once per set of names (each frame gets a
    shallow copy: its own ``name``, the same immutable labels)."""
    import pandas as pd

    return pd.Index(names)


def _typed(frame: pd.DataFrame, contract: Sequence[Column]) -> pd.DataFrame:
    """Give every column its contract dtype (so an empty table still has the right types)."""
    return frame.astype({c.name: DTYPES[c.kind] for c in contract if c.name in frame.columns})


def validate(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Check a table against its contract; raise one SchemaError listing every problem.

    Returns the frame unchanged so it can sit in a ``.pipe`` chain.

    >>> import pandas as pd
    >>> validate(pd.DataFrame({"doc_id": ["a"]}), "mentions")
    Traceback (most recent call last):
    ...
    factcheck.errors.SchemaError: mentions table: missing column 'start'; ...
    """
    import pandas as pd

    if table not in CONTRACTS:
        raise SchemaError(table, [f"unknown table; known: {', '.join(CONTRACTS)}"])
    problems: list[str] = []
    for col in CONTRACTS[table]:
        if col.name not in frame.columns:
            problems.append(f"missing column {col.name!r}")
            continue
        series = frame[col.name]
        if col.kind == "float" and not pd.api.types.is_numeric_dtype(series):
            problems.append(f"column {col.name!r} must be numeric, is {series.dtype}")
        elif col.kind == "int" and not pd.api.types.is_integer_dtype(series):
            problems.append(f"column {col.name!r} must be integer, is {series.dtype}")
    if not problems and table == "claims":
        problems = _claim_value_problems(frame)
    if problems:
        raise SchemaError(table, problems)
    return frame


#: How many row numbers a value problem lists before "...".
_ROWS_SHOWN: Final = 5


def _rows(mask: pd.Series) -> str:
    rows = [str(i) for i in mask[mask].index[: _ROWS_SHOWN + 1]]
    return ", ".join(rows[:_ROWS_SHOWN]) + (", ..." if len(rows) > _ROWS_SHOWN else "")


def _claim_value_problems(frame: pd.DataFrame) -> list[str]:
    """Figures a comparison cannot work with (a hand-edited table may hold them): infinite
    values, figures beyond :data:`~factcheck.model.MAX_FIGURE`, low above high, and a missing
    bound (only "at most N" has no low; only "at most N"
    needs a high). NaN stands for an open bound."""
    low, high = frame["low"].astype(float), frame["high"].astype(float)
    at_most = frame["qualifier"].astype(str) == "at_most"
    checks = {
        "infinite 'low' or 'high' (leave an open bound empty)": low.abs().eq(math.inf)
        | high.abs().eq(math.inf),
        f"a figure beyond {MAX_FIGURE:.0e} in size": low.abs().between(
            MAX_FIGURE, math.inf, inclusive="neither"
        )
        | high.abs().between(MAX_FIGURE, math.inf, inclusive="neither"),
        "'low' above 'high'": low > high,
        "no 'low' (only an at_most figure has none)": low.isna() & ~at_most,
        "no 'high' for an at_most figure": high.isna() & at_most,
    }
    return [f"{what} in row(s) {_rows(mask)}" for what, mask in checks.items() if mask.any()]
