"""compare() on the hand-checked claims of the bundled cases gives the hand-checked groups.

The claims come from ``tests/bundled/<case>.yaml`` (not from extraction), so this tests the
align and compare stages alone against the expected ``groups`` of each case. The ``place``
column (docs/tables.md) is carried over from the expectations ("" where they give none) and
groups are matched on it too.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest
import yaml

from factcheck.compare import compare
from factcheck.schema import CLAIM_COLUMNS
from factcheck.testing import assert_group_matches

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "tests" / "bundled"
CASES = REPO / "factcheck" / "cases"


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def claims_of(case_id: str) -> pd.DataFrame:
    """The expected claims of a bundled case as a claims table."""
    expected = yaml.safe_load((BUNDLED / f"{case_id}.yaml").read_text(encoding="utf-8"))
    case = yaml.safe_load((CASES / case_id / "case.yaml").read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in case["documents"]}
    rows = []
    for c in expected["claims"]:
        doc = docs[c["doc"]]
        text = (CASES / case_id / doc["path"]).read_text(encoding="utf-8")
        start = -1
        for _ in range(c.get("occurrence", 1)):
            start = text.index(c["value_text"], start + 1)
        published = doc.get("published")
        if isinstance(published, str):
            published = datetime.fromisoformat(published)
        reported = c.get("reported_at")
        reported = pd.Timestamp(str(reported)) if reported is not None else published
        low, high = c["low"], c["high"]
        rows.append({
            "claim_id": f"{c['doc']}:{start}", "doc_id": c["doc"],
            "publisher": doc["publisher"], "language": doc["language"],
            "speaker": c["speaker"], "speaker_text": c.get("speaker_text", ""),
            "via": c.get("via", ""), "measure": c["measure"], "subject": c["subject"],
            "measure_detail": c.get("measure_detail", ""),
            "subject_detail": c.get("subject_detail", ""),
            "low": math.nan if low is None else float(low),
            "high": math.nan if high is None else float(high),
            "qualifier": c["qualifier"], "polarity": c.get("polarity", "asserted"),
            "scope": c.get("scope", "event"), "value_text": c["value_text"], "start": start,
            "end": start + len(c["value_text"]), "sentence": "",
            "event_date": _day(c.get("event_date")), "reported_at": reported,
            "kind": c.get("kind", "casualty"), "place": c.get("place", ""),
        })  # fmt: skip
    return pd.DataFrame(rows, columns=[*CLAIM_COLUMNS, "place", "measure_detail"])


def _cases() -> list[str]:
    return sorted(p.stem for p in BUNDLED.glob("*.yaml")) if BUNDLED.is_dir() else []


@pytest.mark.parametrize("case_id", _cases())
def test_bundled_groups(case_id: str) -> None:
    expected = yaml.safe_load((BUNDLED / f"{case_id}.yaml").read_text(encoding="utf-8"))
    table = compare(claims_of(case_id), "best")
    assert len(table) == len(expected["groups"]), table[["measure", "subject", "place"]]
    for want in expected["groups"]:
        hit = table[
            (table.measure == want["measure"])
            & (table.measure_detail == want.get("measure_detail", ""))
            & (table.subject == want["subject"])
            & (table.subject_detail == want["subject_detail"])
            & (table.scope == want["scope"])
            & (table.place == want.get("place", ""))
        ]
        label = f"{case_id}: {want['measure']} {want['subject']} {want['subject_detail']}"
        label += f" {want.get('place', '')}"
        assert len(hit) == 1, label
        row = hit.iloc[0]
        assert_group_matches(row, want, label)
