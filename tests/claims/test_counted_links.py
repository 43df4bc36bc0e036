"""What a figure counts from farther than its nearest words: a count head's noun ("the number
of soldiers hurt rose to 40"), the verb of a part of a toll ("five of the wounded were
evacuated"), and "سقوط N من <people>" (the fallen are killed). Texts written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest

from factcheck import extract


def _row(text: str, language: str, value_text: str) -> pd.Series:
    claims = extract(text, language=language, publisher="Test Wire")
    rows = claims[claims["value_text"] == value_text]
    assert len(rows) == 1, (value_text, claims[["value_text", "measure", "subject"]])
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("language", "text", "figure"),
    [
        ("en", "The number of American soldiers injured in the rocket attack rose to 40, the "
               "Pentagon said on Friday.", "40"),
        ("fr", "Le nombre de soldats américains blessés dans l'attaque à la roquette est passé "
               "à 40, selon le Pentagone.", "40"),
        ("ar", "قال البنتاغون إن عدد الجنود الأميركيين الذين جرحوا في الهجوم الصاروخي ارتفع "
               "إلى 40.", "40"),
    ],
)  # fmt: skip
def test_a_count_head_names_what_the_figure_counts(language: str, text: str, figure: str) -> None:
    row = _row(text, language, figure)
    assert (row.measure, row.subject) == ("wounded", "soldiers")


@pytest.mark.parametrize(
    ("language", "text", "figure"),
    [
        ("en", "The number of people hurt rose to 40, including 12 soldiers.", "12"),
        ("fr", "Le nombre de personnes blessées est passé à 40, dont 12 soldats.", "12"),
        ("ar", "ارتفع عدد الأشخاص الذين أصيبوا إلى 40 بينهم 12 جنديا.", "12"),
    ],
)  # fmt: skip
def test_a_noun_after_the_figure_still_wins(language: str, text: str, figure: str) -> None:
    assert _row(text, language, figure).subject == "soldiers"


@pytest.mark.parametrize(
    ("language", "text", "whole", "part"),
    [
        ("en", "Army officials said 26 soldiers were wounded. Four of the wounded were later "
               "evacuated to a hospital in Germany.", "26", "Four"),
        ("fr", "Selon l'armée, 26 soldats ont été blessés. Quatre des blessés ont ensuite été "
               "évacués vers un hôpital en Allemagne.", "26", "Quatre"),
        ("ar", "قال مسؤولون عسكريون إن 26 جنديا أصيبوا، وجرى إجلاء 4 من المصابين إلى مستشفى "
               "في ألمانيا.", "26", "4"),
    ],
)  # fmt: skip
def test_a_part_of_the_wounded_with_its_own_verb_counts_that_verb(
    language: str, text: str, whole: str, part: str
) -> None:
    assert _row(text, language, whole).measure == "wounded"
    row = _row(text, language, part)
    assert (row.measure, row.measure_detail) == ("other", "evacuated")


@pytest.mark.parametrize(
    ("language", "text", "part"),
    [
        ("en", "Thirty people were injured, four of the wounded critically.", "four"),
        ("fr", "Trente personnes ont été blessées, dont quatre des blessés dans un état grave.",
         "quatre"),
    ],
)  # fmt: skip
def test_a_part_of_the_wounded_without_a_verb_stays_wounded(
    language: str, text: str, part: str
) -> None:
    assert _row(text, language, part).measure == "wounded"


def test_the_fallen_of_a_people_noun_are_killed() -> None:
    text = "قالت القيادة إن القصف أدى إلى سقوط 4 من الجنود الأميركيين وإصابة 25 آخرين."
    assert (_row(text, "ar", "4").measure, _row(text, "ar", "4").subject) == ("killed", "soldiers")
    assert _row(text, "ar", "25").measure == "wounded"


def test_the_fall_of_rockets_is_no_toll() -> None:
    row = _row("أفاد سكان بسقوط 5 من الصواريخ في منطقة زراعية.", "ar", "5")
    assert row.measure != "killed"
