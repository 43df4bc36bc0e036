"""One mapping per literal unit, the same in every language; singular approximations are
``about`` (texts written for these tests)."""

from __future__ import annotations

import pytest

from factcheck import mentions


def _first(text: str, language: str) -> tuple[float, float, str]:
    row = mentions(text, language=language).iloc[0]
    return row.low, row.high, row.qualifier


@pytest.mark.parametrize(
    ("unit", "texts", "expected"),
    [
        ("tens", {"en": "Tens of people were hurt.", "fr": "Des dizaines de personnes ont été "
                  "blessées.", "ar": "أصيب عشرات الأشخاص."}, (20, 99, "vague")),
        ("hundreds", {"en": "Hundreds of people fled.", "fr": "Des centaines de personnes ont "
                      "fui.", "ar": "فر مئات الأشخاص."}, (200, 999, "vague")),
        ("thousands", {"en": "Thousands of people fled.", "fr": "Des milliers de personnes ont "
                       "fui.", "ar": "فر آلاف الأشخاص."}, (2000, 9999, "vague")),
    ],
)  # fmt: skip
def test_the_same_unit_is_the_same_interval_in_every_language(
    unit: str, texts: dict[str, str], expected: tuple[float, float, str]
) -> None:
    for language, text in texts.items():
        assert _first(text, language) == expected, (unit, language)


def test_dozens_and_scores_keep_their_own_units() -> None:
    assert _first("Dozens of people were hurt.", "en") == (24, 99, "vague")
    assert _first("Scores of people were hurt.", "en") == (40, 99, "vague")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "About ten people were hurt."),
        ("fr", "Une dizaine de personnes ont été blessées."),
        ("ar", "أصيب نحو عشرة أشخاص."),
    ],
)
def test_a_singular_approximation_is_about(language: str, text: str) -> None:
    assert _first(text, language) == (10, 10, "about")
