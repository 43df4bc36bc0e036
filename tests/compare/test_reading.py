"""How compare reads a large table: Arrow columns of several chunks (a Parquet file's row
groups) taken chunk by chunk, and the cyclic collector paused for the call only."""

from __future__ import annotations

import gc
import io
from itertools import pairwise

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from factcheck.align.group import shared_text
from factcheck.compare import compare
from factcheck.compare import scale as scale_module
from factcheck.compare.generate import claims_table
from factcheck.compare.scale import shared_rows


def _chunked(values: list[str | None], cuts: list[int]) -> pd.Series:
    """A ``str`` column whose Arrow array has a chunk between each pair of ``cuts``."""
    bounds = [0, *cuts, len(values)]
    chunks = [pa.array(values[a:b], pa.large_string()) for a, b in pairwise(bounds)]
    dtype = pd.Series(["x"], dtype="str").dtype
    return pd.Series(pd.array(pa.chunked_array(chunks), dtype=dtype))


@pytest.mark.parametrize("cuts", [[], [3], [2, 5, 9], [0, 4, 4, 11]])
def test_shared_rows_equal_shared_text_of_take(cuts: list[int]) -> None:
    values = [f"v{i % 4}" if i % 5 else None for i in range(12)]
    series = _chunked(values, cuts)
    assert series.array._pa_array.num_chunks == len(cuts) + 1
    for rows in ([11, 0, 5, 5, 3, 9], [4], list(range(12))[::-1], []):
        got = shared_rows(series, np.asarray(rows, dtype=np.int64))
        want = shared_text(series.take(rows))
        assert got.dtype == object and got.tolist() == want.tolist()
        assert len({id(v) for v in got if v == "v1"}) <= 1  # one string per distinct value


def test_a_table_of_many_row_groups_gives_the_same_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A table read from Parquet in row groups of 97 rows, compared in chunks of 40 groups,
    gives the comparison of the same table in one piece."""
    claims = claims_table(900, seed=6)
    buffer = io.BytesIO()
    claims.to_parquet(buffer, row_group_size=97)
    read = pd.read_parquet(io.BytesIO(buffer.getvalue()))
    assert read["speaker"].array._pa_array.num_chunks > 5
    monkeypatch.setattr(scale_module, "CHUNK_GROUPS", 40)
    pd.testing.assert_frame_equal(compare(read), compare(claims), check_exact=True)


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_found(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        compare(claims_table(60, seed=7))
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
