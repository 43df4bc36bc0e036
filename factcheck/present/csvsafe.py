"""CSV that stays data when a spreadsheet opens it: formula injection neutralised (OWASP).

A document's text reaches the tables (``value_text``, ``sentence``, ``speaker_text``, notes),
and a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel, LibreOffice and Google Sheets as a formula (``=HYPERLINK(...)``, ``@SUM(...)``). As the
OWASP CSV Injection page recommends, such a text cell is written with a single quote before
it (``'=1+2``), which spreadsheets show as text. Only text cells are touched: numbers in
numeric columns (``low = -12.0``) are data and stay as they are. ``raw=True`` (the command
line's ``--raw-csv``) writes every cell as it is, for tools that read CSV as data.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import pandas as pd

#: First characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells cannot start a formula (``'`` put before them).

    >>> import pandas as pd
    >>> neutralise(pd.DataFrame({"text": ["=1+2", "-5", "12"], "low": [-5.0, 1.0, 2.0]}))
       text  low
    0  '=1+2 -5.0
    1   '-5  1.0
    2    12  2.0
    """
    import pandas as pd

    text_columns = [
        c
        for c in frame.columns
        if not pd.api.types.is_numeric_dtype(frame[c])
        and not pd.api.types.is_datetime64_any_dtype(frame[c])
    ]
    changed = {str(c): frame[c].map(_cell) for c in text_columns if _any_formula(frame[c])}
    return frame.assign(**changed) if changed else frame.copy(deep=False)


def _any_formula(column: pd.Series) -> bool:
    """Whether a text cell of ``column`` starts like a formula, read in one pass over its
    values: the common column, with none, is neither mapped cell by cell nor copied."""
    starts = FORMULA_STARTS
    return any(isinstance(v, str) and v.startswith(starts) for v in column.tolist())


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(frame: pd.DataFrame, path: str | Path | None = None, *, raw: bool = False) -> str:
    """The CSV text of ``frame`` (no index), neutralised unless ``raw``; written to ``path``
    when given."""
    text = (frame if raw else neutralise(frame)).to_csv(index=False)
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text
