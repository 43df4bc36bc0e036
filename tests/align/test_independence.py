"""Source independence counts originators: a wire story carried by two sites is one source, a
headline is never a second one (texts written for these tests)."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from factcheck.claims import extract_claims
from factcheck.compare import compare
from factcheck.mentions import find_mentions
from factcheck.model import Document
from factcheck.schema import claims_frame

WIRE = (
    "BASRA, Iraq (Reuters) - A fire at a market in Basra killed 8 people on Monday.\n"
    "Firefighters worked through the night."
)
CIVIL_DEFENCE = (
    "Fire kills 8 in Basra market\n"
    "Eight people were killed when a fire swept through a market in Basra, the Iraqi civil "
    "defence said."
)


def _killed(*docs: tuple[str, str, str]) -> pd.Series:
    claims = []
    for doc_id, publisher, text in docs:
        doc = Document(doc_id, publisher, "en", text, datetime(2026, 3, 16, 9, 0))
        claims += extract_claims(doc, find_mentions(doc))
    table = compare(claims_frame(claims))
    rows = table[table["measure"] == "killed"]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_two_sites_carrying_one_wire_story_are_one_source() -> None:
    row = _killed(("site-a", "Basra Daily", WIRE), ("site-b", "Gulf Courier", WIRE))
    assert row.n_independent == 1


def test_a_headline_is_not_a_second_source() -> None:
    row = _killed(("cd", "Example Daily", CIVIL_DEFENCE))
    assert row.n_independent == 1 and row.n_claims == 1
