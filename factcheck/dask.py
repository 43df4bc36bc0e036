"""The claims of an archive on a Dask cluster: the same extraction as corpus mode.

Optional (``pip install 'factcheck[dask]'``); Dask is imported only when these functions run.
Each document (a plain ``.txt`` file, or a record with its text) is its own case, exactly as
``factcheck extract FOLDER -o claims.parquet`` reads it, so the rows are the same as the
single-process run; only where they are computed changes.

On one machine, ``Client(LocalCluster(n_workers=2))``; on a cluster, start a scheduler
(``dask scheduler``) and workers (``dask worker tcp://SCHEDULER:8786``) with factcheck
installed, then::

    from dask.distributed import Client
    import factcheck.dask as fd
    client = Client("tcp://SCHEDULER:8786")
    claims = fd.extract_files(["/archive/2024/*.txt"], language="auto")
    claims.to_parquet("claims/")            # or claims.compute() for a pandas table

The paths must be readable by every worker (a shared file system), or give the texts as
records (:func:`extract_records`) read from wherever the archive lives.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Final

import pandas as pd

from factcheck.collector import paused
from factcheck.corpus import UNIT_COLUMN, Unit, find_units, work
from factcheck.errors import FactcheckError
from factcheck.schema import CLAIM_COLUMNS

#: Documents per partition: enough work per task that scheduling costs little.
PARTITION_DOCUMENTS: Final = 64


def _dask() -> Any:
    try:
        import dask.bag as db
    except ImportError:
        raise FactcheckError("factcheck.dask: needs dask: pip install 'factcheck[dask]'") from None
    return db


def _meta() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in (*CLAIM_COLUMNS, UNIT_COLUMN)})


def _partition(units: Iterable[Unit], options: dict[str, Any]) -> pd.DataFrame:
    """The claims of one partition's units (failed units leave no row; see ``errors``)."""
    batch = list(units)
    tables = [t for t, error, _ in work(batch, options, False) if not error and t is not None]
    frame = pd.concat(tables, ignore_index=True) if tables else _meta()
    return _as_text(frame)


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns as in corpus mode's Parquet: text, with low/high float and start/end int."""
    from factcheck.corpus import plain_value

    out = {}
    for c in (*CLAIM_COLUMNS, UNIT_COLUMN):
        col = frame[c] if c in frame.columns else pd.Series([None] * len(frame))
        if c in ("low", "high"):
            out[c] = pd.to_numeric(col, errors="coerce").astype("float64")
        elif c in ("start", "end"):
            out[c] = col.astype("int64")
        else:
            out[c] = [None if (v := plain_value(x)) is None else str(v) for x in col.tolist()]
    return pd.DataFrame(out)


def extract_units(units: Sequence[Unit], **options: Any) -> Any:
    """A dask DataFrame of the claims of ``units`` (see :func:`factcheck.corpus.find_units`),
    in their order."""
    db = _dask()
    n = max(1, -(-len(units) // PARTITION_DOCUMENTS))
    bag = db.from_sequence(list(units), npartitions=n)
    return _frame(bag, _partition, options)


def _frame(bag: Any, work: Any, options: dict[str, Any]) -> Any:
    """One DataFrame partition per bag partition, in order."""
    import dask.dataframe as dd
    from dask import delayed

    parts = [delayed(work)(part, options) for part in bag.to_delayed()]
    return dd.from_delayed(parts, meta=_as_text(_meta()), verify_meta=False)


def extract_files(inputs: Sequence[str | Path], **options: Any) -> Any:
    """A dask DataFrame of the claims of every unit named by files, folders and globs (as
    ``factcheck extract FOLDER_OR_GLOB...``); ``options`` as for plain text files."""
    return extract_units(find_units(inputs), **options)


def extract_records(records: Any, **options: Any) -> Any:
    """A dask DataFrame of the claims of a dask bag (or list) of records ``{"id", "text"}``
    (and optionally ``publisher``, ``language``, ``published``): documents that live in a
    database or object store rather than in files."""
    db = _dask()
    bag = records if hasattr(records, "map_partitions") else db.from_sequence(list(records))
    return _frame(bag, _records_partition, options)


def _records_partition(records: Iterable[dict[str, Any]], options: dict[str, Any]) -> pd.DataFrame:
    from factcheck.case import load_case
    from factcheck.claims.places_table import add_places
    from factcheck.pipeline import analyse_case
    from factcheck.schema import claims_frame

    claims, ids = [], []
    for r in records:
        frame = pd.DataFrame(
            [
                {
                    "id": r["id"],
                    "text": r["text"],
                    "publisher": r.get("publisher") or r["id"],
                    "language": r.get("language") or options.get("language") or "auto",
                    "published": r.get("published") or options.get("published"),
                }
            ]
        )
        try:
            found = analyse_case(load_case(frame)).claims
        except FactcheckError:
            continue
        claims += found
        ids += [str(r["id"])] * len(found)
    with paused():
        table = add_places(claims_frame(claims).assign(**{UNIT_COLUMN: ids}))
    return _as_text(table)
