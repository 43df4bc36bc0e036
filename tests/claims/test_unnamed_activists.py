"""Activists, aid workers, monitors and diplomats speak as unnamed sources or officials; a
count of them that a comma parts from a reporting verb is still a claim."""

from __future__ import annotations

import pytest

import factcheck


def rows(text: str, language: str) -> list[tuple[str, str, float]]:
    claims = factcheck.extract(text, language=language)
    return list(zip(claims["value_text"], claims["speaker"], claims["low"], strict=True))


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        ("Gunmen killed 14 villagers in the raid, local activists said.", "en", "unnamed sources"),
        ("Aid workers said 300 families had fled the camp overnight.", "en", "unnamed sources"),
        ("Two diplomats said 40 prisoners were freed at the border.", "en", "unnamed officials"),
        ("Selon des militants locaux, 14 villageois ont été tués.", "fr", "unnamed sources"),
        ("Des diplomates ont dit que 40 détenus ont été libérés.", "fr", "unnamed officials"),
        ("وقال ناشطون إن 14 قرويا قتلوا في الهجوم.", "ar", "unnamed sources"),
    ],
)  # fmt: skip
def test_unnamed_speakers(text: str, language: str, speaker: str) -> None:
    assert [s for _, s, _ in rows(text, language)] == [speaker]


def test_an_arabic_dual_of_speakers_is_not_a_figure() -> None:
    # "two activists said": the dual names the speakers, it is not a count of the event
    assert rows("وقال ناشطان إن 14 قرويا قتلوا في الهجوم.", "ar") == [
        ("14", "unnamed sources", 14.0)
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police arrested 20 activists, the ministry said.", "en"),
        ("Security forces detained 15 aid workers, officials said.", "en"),
        ("La police a interpellé 20 militants, selon la préfecture.", "fr"),
        ("اعتقلت الشرطة 20 ناشطا، بحسب وزارة الداخلية.", "ar"),
    ],
)
def test_a_count_of_them_before_a_comma_is_a_claim(text: str, language: str) -> None:
    found = rows(text, language)
    assert len(found) == 1 and found[0][2] in (15.0, 20.0)
