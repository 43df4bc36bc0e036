"""Writers of corpus mode (CSV, JSON lines, Parquet) and its progress bar."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from factcheck.corpus.units import UNIT_COLUMN
from factcheck.errors import FactcheckError

if TYPE_CHECKING:  # the writers get tables; choosing one never needs pandas
    import pandas as pd

#: Rows gathered before a Parquet row group is written.
PARQUET_ROWS: Final = 20_000


@dataclass(frozen=True)
class Encoded:
    """A unit's rows already written as text in the worker that found them (CSV rows without
    the header, or JSON lines), so that the writing process only appends them."""

    text: str
    rows: int
    header: str = ""  # the CSV header line; "" for JSON lines

    def __len__(self) -> int:
        return self.rows


def encoder_for(fmt: str, raw_csv: bool = False) -> Callable[[pd.DataFrame], Encoded] | None:
    """What a worker turns a unit's table into for ``fmt`` (None: the table itself)."""
    if fmt == "csv":
        return partial(_encode_csv, raw=raw_csv)
    if fmt == "jsonl":
        return _encode_jsonl
    return None


def _encode_csv(table: pd.DataFrame, raw: bool) -> Encoded:
    from factcheck.present.csvsafe import neutralise

    table = table if raw else neutralise(table)
    header = table.iloc[:0].to_csv(index=False)
    return Encoded(table.to_csv(index=False, header=False), len(table), header)


def _encode_jsonl(table: pd.DataFrame) -> Encoded:
    lines = [
        json.dumps({k: plain_value(v) for k, v in row.items()}, ensure_ascii=False) + "\n"
        for row in table.to_dict("records")
    ]
    return Encoded("".join(lines), len(table))


class _Writer:
    def write(self, table: pd.DataFrame | Encoded) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish the file."""


class _CsvWriter(_Writer):
    """CSV cells neutralised against spreadsheet formulas unless ``raw`` (docs/errors.md)."""

    def __init__(self, out: Path | None, raw: bool = False):
        self.f = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
        self.own = out is not None
        self.header = True
        self.raw = raw

    def write(self, table: pd.DataFrame | Encoded) -> None:
        encoded = table if isinstance(table, Encoded) else _encode_csv(table, self.raw)
        if self.header:
            self.f.write(encoded.header)
            self.header = False
        self.f.write(encoded.text)

    def close(self) -> None:
        if self.own:
            self.f.close()


class _JsonlWriter(_CsvWriter):
    def write(self, table: pd.DataFrame | Encoded) -> None:
        self.f.write((table if isinstance(table, Encoded) else _encode_jsonl(table)).text)


class _ParquetWriter(_Writer):
    """Rows gathered into row groups of ``PARQUET_ROWS``; every column is written as text
    except the figures (low, high: float64) and the offsets (start, end: int64), so that a
    column never changes type from one row group to the next."""

    def __init__(self, out: Path):
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise FactcheckError(
                f"{out}: writing Parquet needs pyarrow: pip install 'factcheck[corpus]'"
            ) from None
        self.pa, self.pq, self.out = pa, pq, out
        self.writer: Any = None
        self.rows: list[pd.DataFrame] = []
        self.n = 0

    def write(self, table: pd.DataFrame) -> None:
        if self.writer is None and not self.rows:
            self.columns = list(table.columns)
        self.rows.append(table)
        self.n += len(table)
        if self.n >= PARQUET_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        import pandas as pd

        frame = pd.concat(self.rows, ignore_index=True)[self.columns]
        self.rows, self.n = [], 0
        arrays = [self._array(frame[c], c) for c in self.columns]
        batch = self.pa.table(arrays, names=self.columns)
        if self.writer is None:
            self.writer = self.pq.ParquetWriter(str(self.out), batch.schema)
        self.writer.write_table(batch)

    def _array(self, column: pd.Series, name: str) -> Any:
        import pandas as pd

        pa = self.pa
        if name in ("low", "high"):
            return pa.array(pd.to_numeric(column, errors="coerce"), type=pa.float64())
        if name in ("start", "end"):
            return pa.array(column.astype("int64"), type=pa.int64())
        values = [plain_value(v) for v in column.tolist()]
        return pa.array([None if v is None else str(v) for v in values], type=pa.string())

    def close(self) -> None:
        if self.writer is None and not self.rows:
            import pandas as pd

            self.rows = [pd.DataFrame(columns=list(_empty_columns()))]
            self.columns = list(_empty_columns())
        self.flush()
        if self.writer is not None:
            self.writer.close()


def plain_value(value: object) -> object:
    """JSON-safe scalar: NaN/NaT -> None, dates -> ISO 8601, numpy numbers -> Python."""
    if value is None or type(value).__name__ == "NaTType":
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "item"):
        return plain_value(value.item())
    return value


def _empty_columns() -> Iterable[str]:
    from factcheck.schema import CLAIM_COLUMNS

    return (*CLAIM_COLUMNS, UNIT_COLUMN)


def writer_for(fmt: str, out: Path | None, raw_csv: bool = False) -> _Writer:
    if fmt == "parquet" and out is not None:
        return _ParquetWriter(out)
    if fmt == "jsonl":
        return _JsonlWriter(out)
    return _CsvWriter(out, raw_csv)


# --- progress -------------------------------------------------------------------------------


class _Progress:
    """A progress bar on standard error (tqdm): documents, MB/s and time left; silent when
    standard error is not a terminal, when asked, or when tqdm is not installed."""

    def __init__(self, total: int, shown: bool):
        self.bar: Any = None
        if shown and sys.stderr.isatty():
            try:
                from tqdm import tqdm
            except ImportError:
                return
            self.bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)

    def step(self, done_bytes: int, seconds: float) -> None:
        if self.bar is not None:
            rate = done_bytes / 1e6 / seconds if seconds > 0 else 0.0
            self.bar.set_postfix_str(f"{rate:.2f} MB/s", refresh=False)
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def progress_bar(total: int, shown: bool) -> _Progress:
    return _Progress(total, shown)
