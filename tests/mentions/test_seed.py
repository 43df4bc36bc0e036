"""Acceptance on the seed article: every figure of it, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.mentions import find_mentions
from factcheck.model import Document

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "anbar-raid-article-ar.txt"

#: (text of the mention, low, high, qualifier, role), in text order.
EXPECTED = [
    ("15", 15, 15, "exact", "claim"),
    ("7", 7, 7, "exact", "claim"),
    ("لا يوجد أي مؤشر على وقوع إصابات", 0, 0, "none_reported", "claim"),
    ("14", 14, 14, "exact", "claim"),
    ("شهرين", 2, 2, "exact", "duration"),
    ("04:00", 4, 4, "exact", "time"),
    ("01:00", 1, 1, "exact", "time"),
    ("14", 14, 14, "exact", "claim"),
    ("الأول", 1, 1, "exact", "ordinal"),
    ("2500", 2500, 2500, "exact", "claim"),
    ("يونيون 3", 3, 3, "exact", "name"),
    ("يوليو 2021", 2021, 2021, "exact", "date"),
]


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED} (../shared is not beside the checkout)")
    return SEED.read_text(encoding="utf-8")


def test_seed_lists_every_figure_and_nothing_else(seed_text: str) -> None:
    found = find_mentions(Document("seed", "seed", "ar", seed_text))
    got = [(m.text, m.low, m.high, m.qualifier.value, m.role.value) for m in found]
    assert got == EXPECTED


def test_seed_spans_index_the_original_text(seed_text: str) -> None:
    for m in find_mentions(Document("seed", "seed", "ar", seed_text)):
        assert seed_text[m.start : m.end] == m.text
        assert m.reason


def test_seed_units_are_the_counted_nouns(seed_text: str) -> None:
    found = find_mentions(Document("seed", "seed", "ar", seed_text))
    units = {m.text: m.unit for m in found if m.role.value in ("claim", "duration")}
    assert units["2500"] == "جندي"
    assert units["شهرين"] == "شهر"
