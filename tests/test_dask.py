"""factcheck.dask on a LocalCluster with two workers gives the rows corpus mode gives."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from factcheck.corpus import extract_corpus
from factcheck.synthetic import LANGUAGES, article

pytest.importorskip("dask.distributed")


def test_two_dask_workers_match_the_single_process_run(tmp_path: Path) -> None:
    from dask.distributed import Client, LocalCluster

    import factcheck.dask as fd

    folder = tmp_path / "archive"
    folder.mkdir()
    for i in range(40):
        (folder / f"a{i:02d}.txt").write_text(article(i, LANGUAGES[i % 3], 1), encoding="utf-8")
    sequential = tmp_path / "claims.parquet"
    extract_corpus([folder], sequential, jobs=1, progress=False)
    expected = pd.read_parquet(sequential)
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        claims = fd.extract_files([folder]).compute().reset_index(drop=True)
    assert len(claims) == len(expected) > 40
    assert list(claims.columns) == list(expected.columns)
    assert _rows(claims) == _rows(expected)


def _rows(frame: pd.DataFrame) -> list[tuple[object, ...]]:
    """The rows with every missing value as None (Parquet reads nulls back as NaN)."""
    return [
        tuple(None if pd.isna(v) else v for v in row)
        for row in frame.itertuples(index=False, name=None)
    ]
