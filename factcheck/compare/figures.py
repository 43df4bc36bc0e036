"""The figures of every aligned group as a long table: one row per claim, one value per cell.

This is what the charts, the report and the exports read (``group_id, claim_id, speaker,
low, high``, then ``qualifier, polarity, doc_id, reported_at``), instead of parsing the
comparison's ``figures`` JSON text back; that column stays for users of comparison.csv.
"""

from __future__ import annotations

from typing import Final

import pandas as pd

from factcheck.align import align

#: Columns of :func:`figures_table`, in order: the key columns, then what a view needs.
FIGURE_COLUMNS: Final = (
    "group_id", "claim_id", "speaker", "low", "high",
    "qualifier", "polarity", "doc_id", "reported_at",
)  # fmt: skip


def figures_table(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per claim of each aligned group, in claims-table order (aligns the claims
    first when they carry no ``group_id``).

    >>> from factcheck.compare.examples import anbar_claims
    >>> figures_table(anbar_claims())[["speaker", "low", "high"]].values.tolist()[0]
    ['US Central Command', 15.0, 15.0]
    """
    aligned = claims if "group_id" in claims.columns else align(claims)
    table = aligned.reindex(columns=list(FIGURE_COLUMNS))
    return table.assign(group_id=table["group_id"].astype(str)).reset_index(drop=True)
