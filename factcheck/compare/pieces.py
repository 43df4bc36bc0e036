"""The comparison table's columns, gathered chunk by chunk with bounded memory.

Each chunk of groups gives a small table; its text columns (Arrow strings, about four
fifths of the output) are kept zstd-compressed (each Arrow buffer) until the whole table is
gathered, and the columns are then gathered one at a time, largest first, each decompressed
only while it is gathered. The output of a million claims (about 470 MB) is so held in
about 60 MB while the groups are compared, and its final columns never coexist with the
uncompressed pieces of all the others (docs/compare.md, "At scale").
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import pandas as pd

#: Codec of the kept text pieces: about 7x on comparison text, well under a second a
#: million rows each way.
CODEC: Final = "zstd"


class _Packed:
    """One text piece: the buffers of an Arrow string array, each compressed into bytes of
    its compressed size (an Arrow buffer would keep the codec's worst-case capacity), the
    work done in the system allocator's pool (pyarrow's default pool would keep mapped what
    the gather frees)."""

    __slots__ = ("array_type", "buffers", "dtype", "length", "null_count", "offset", "size",
                 "type")  # fmt: skip

    def __init__(self, values: Any, dtype: Any) -> None:
        import pyarrow as pa

        pool = pa.system_memory_pool()
        chunked = values._pa_array
        array = (
            pa.concat_arrays(chunked.chunks, memory_pool=pool)
            if chunked.num_chunks != 1
            else chunked.chunk(0)
        )
        self.type, self.length, self.offset = array.type, len(array), array.offset
        self.null_count = array.null_count
        self.buffers = [
            None if b is None else (b.size, pa.compress(b, CODEC, asbytes=True, memory_pool=pool))
            for b in array.buffers()
        ]
        self.array_type, self.dtype = type(values), dtype
        self.size = sum(b[0] for b in self.buffers if b is not None)

    def array(self, pool: Any) -> Any:
        import pyarrow as pa

        buffers = [
            None if b is None else pa.decompress(b[1], b[0], CODEC, memory_pool=pool)
            for b in self.buffers
        ]
        return pa.Array.from_buffers(self.type, self.length, buffers, self.null_count,
                                     self.offset)  # fmt: skip


def _text(packed: list[_Packed], back: np.ndarray | None, release: Any = None) -> pd.Series:
    """One text column from its pieces: decompressed, joined (the pieces freed), then its
    rows taken, in the system allocator's memory: large blocks go back to the system as soon
    as they are freed, where pyarrow's default pool would keep them mapped."""
    import pyarrow as pa
    import pyarrow.compute as pc

    pool = pa.system_memory_pool()
    array_type, dtype = packed[0].array_type, packed[0].dtype
    arrays = [p.array(pool) for p in packed]
    packed.clear()
    whole = pa.concat_arrays(arrays, memory_pool=pool) if len(arrays) > 1 else arrays[0]
    del arrays
    if release is not None:
        release()  # the pieces' blocks, before the rows are taken
    if back is not None:
        whole = pc.take(whole, pa.array(back), memory_pool=pool)
    return pd.Series(array_type(pa.chunked_array([whole]), dtype=dtype), copy=False)


def _packable(series: pd.Series) -> bool:
    """Arrow-backed text (the ``str`` columns of pandas with pyarrow)."""
    return isinstance(series.dtype, pd.StringDtype) and hasattr(series.array, "_pa_array")


class Pieces:
    """The pieces of each output column, in the order the chunks were added. With ``size``
    (the rows of the whole table), a numeric column is written at once into one array of
    that size, each chunk's rows at their final positions: no pieces to join, no rows to
    put in order, no copy of it at the end."""

    def __init__(self, pack: bool, size: int | None = None) -> None:
        self.pack, self.size = pack, size
        self.columns: dict[str, list[Any]] = {}
        self.dense: dict[str, np.ndarray] = {}
        self.wheres: list[np.ndarray | None] = []

    def add(self, frame: pd.DataFrame, where: np.ndarray | None = None) -> None:
        """Take the columns of one chunk's table (the frame is emptied); ``where``: the final
        rows of its rows."""
        self.wheres.append(where)
        for name in list(frame.columns):
            series = frame.pop(name)
            if self._place(name, series, where):
                continue
            if self.pack and _packable(series):
                series = _Packed(series.array, series.dtype)
            self.columns.setdefault(name, []).append(series)

    def _place(self, name: str, series: pd.Series, where: np.ndarray | None) -> bool:
        """Write a numeric column's rows in place; False when it is kept as pieces (text, no
        ``size``, or a chunk whose type differs: the column then goes back to pieces, as
        ``pd.concat`` joins them)."""
        if where is None or self.size is None or name in self.columns:
            return False
        dtype, column = series.dtype, self.dense.get(name)
        numeric = isinstance(dtype, np.dtype) and dtype.kind in "fiub"
        if column is None and numeric and len(self.wheres) == 1:
            column = self.dense[name] = np.empty(self.size, dtype=dtype)
        if column is None or column.dtype != dtype:
            if column is not None:  # the chunks so far, as the pieces they were
                done = self.wheres[:-1]
                self.columns[name] = [pd.Series(column[w], name=name) for w in done]
                del self.dense[name]
            return False
        column[where] = series.to_numpy()
        return True

    def _size(self, name: str) -> int:
        return sum(p.size if isinstance(p, _Packed) else p.nbytes for p in self.columns[name])

    def gather(self, back: np.ndarray | None, release: Any) -> dict[str, pd.Series]:
        """Every column whole, rows taken in the order ``back`` (None: as added); the
        largest columns first, each one's pieces freed (and ``release`` called) once it is
        whole."""
        out: dict[str, pd.Series] = {}
        for name in list(self.dense):
            out[name] = pd.Series(self.dense.pop(name), copy=False)
        for name in sorted(self.columns, key=self._size, reverse=True):
            pieces = self.columns.pop(name)
            if all(isinstance(p, _Packed) and p.dtype == pieces[0].dtype for p in pieces):
                out[name] = _text(pieces, back, release)  # as pd.concat and take give it
                release()
                continue
            pieces = [_text([p], None) if isinstance(p, _Packed) else p for p in pieces]
            column = pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else pieces[0]
            del pieces
            out[name] = column.take(back).reset_index(drop=True) if back is not None else column
            del column
            release()
        return out
