"""A round lower bound implies a ceiling: "more than 400" is at most 500, so it conflicts with
650; "at least 400", "more than 250" and "more than 36,700" imply none. Texts written for these
tests."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import factcheck
from factcheck.compare.granularity import implied_ceiling


@pytest.mark.parametrize(
    ("text", "low", "ceiling"),
    [
        ("more than 400", 400, 500),
        ("over 30", 30, 40),
        ("plus de 5 000", 5000, 6000),
        ("plus d'un million", 1_000_000, 2_000_000),
        ("أكثر من 400", 400, 500),
        ("وأكثر من 400", 400, 500),
        ("تجاوز 3 آلاف", 3000, 4000),
        ("at least 400", 400, math.inf),
        ("au moins 400", 400, math.inf),
        ("على الأقل 400", 400, math.inf),
        ("more than 250", 250, math.inf),
        ("more than 36,700", 36700, math.inf),
        ("more than 8", 8, math.inf),
    ],
)
def test_implied_ceiling(text: str, low: float, ceiling: float) -> None:
    assert implied_ceiling(text, float(low)) == ceiling


TEXTS = {
    "en": ("The health ministry said 690 people were wounded in the strikes.",
           "The civil defence said more than 400 people were wounded in the strikes."),
    "fr": ("Le ministère de la Santé a fait état de 690 blessés dans les frappes.",
           "La défense civile a fait état de plus de 400 blessés dans les frappes."),
    "ar": ("قالت وزارة الصحة إن 690 شخصا أصيبوا في الغارات.",
           "قال الدفاع المدني إن أكثر من 400 شخص أصيبوا في الغارات."),
}  # fmt: skip


def _table(language: str, second: str | None = None) -> pd.DataFrame:
    first, other = TEXTS[language]
    texts = [first, second or other]
    frame = pd.DataFrame(
        [{"id": f"d{k}", "publisher": f"Outlet {k}", "language": language,
          "published": "2024-06-09", "text": t} for k, t in enumerate(texts)]
    )  # fmt: skip
    table = factcheck.compare(factcheck.extract(frame))
    return table[table.measure == "wounded"]


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_more_than_a_round_number_conflicts_with_a_figure_past_its_next_step(
    language: str,
) -> None:
    table = _table(language)
    assert len(table) == 1
    row = table.iloc[0]
    assert row.verdict == "discrepant", row.note
    assert "is read as at most 500" in row.note


@pytest.mark.parametrize(
    ("language", "second"),
    [
        ("en", "The civil defence said at least 400 people were wounded in the strikes."),
        ("fr", "La défense civile a fait état d'au moins 400 blessés dans les frappes."),
        ("ar", "قال الدفاع المدني إن 400 شخص على الأقل أصيبوا في الغارات."),
    ],
)
def test_at_least_implies_no_ceiling(language: str, second: str) -> None:
    row = _table(language, second).iloc[0]
    assert row.verdict == "compatible", row.note
