"""When a figure was given: a stated day, kept at the publication's time when it is that same
day (never midnight), in Arabic, English and French (texts written for these tests)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from factcheck import extract

PUBLISHED = "2026-05-06T19:00:00+03:00"  # a Wednesday evening


@pytest.mark.parametrize(
    ("language", "same_day", "day_before"),
    [
        ("en", "The ministry said on Wednesday that 21 people were killed.",
         "The ministry said on Tuesday that 17 people were killed."),
        ("fr", "Le ministère a annoncé mercredi que 21 personnes avaient été tuées.",
         "Le ministère a annoncé mardi que 17 personnes avaient été tuées."),
        ("ar", "أعلنت الوزارة الأربعاء أن 21 شخصاً قتلوا.",
         "أعلنت الوزارة الثلاثاء أن 17 شخصاً قتلوا."),
    ],
)  # fmt: skip
def test_a_stated_day_is_not_midnight(language: str, same_day: str, day_before: str) -> None:
    today = extract(same_day, language=language, publisher="Wire", published=PUBLISHED)
    earlier = extract(day_before, language=language, publisher="Wire", published=PUBLISHED)
    assert today["reported_at"].iloc[0] == datetime.fromisoformat(PUBLISHED)
    assert earlier["reported_at"].iloc[0] == date(2026, 5, 5)
