"""What the counted things did is not what they underwent: a clause opened after a figure and
a comma by an effect word ("12 rockets hit the town, killing two", "، ما أدى إلى تدمير",
", tuant") gives its measure to the figure after it, never to the one before. And counts
outside the shared measures are measure ``other`` with the verb in ``measure_detail``.
Texts written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest

from factcheck import extract


def _rows(text: str, language: str) -> pd.DataFrame:
    return extract(text, language=language, publisher="Test Wire", published="2024-05-02")


def _row(claims: pd.DataFrame, value_text: str) -> pd.Series:
    rows = claims[claims["value_text"] == value_text]
    assert len(rows) == 1, (value_text, claims[["value_text", "measure", "subject"]])
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("language", "text", "things", "victims"),
    [
        ("en", "The army said 12 rockets hit the town, killing two civilians.", "12", "two"),
        ("fr", "Selon l'armée, 12 roquettes sont tombées sur la ville, tuant deux civils.",
         "12", "deux"),
        ("ar", "قال الجيش إن 12 صاروخا سقطت على البلدة، ما أدى إلى مقتل 3 مدنيين.", "12", "3"),
    ],
)  # fmt: skip
def test_an_effect_clause_counts_the_figure_after_it(
    language: str, text: str, things: str, victims: str
) -> None:
    claims = _rows(text, language)
    rockets = _row(claims, things)
    assert (rockets.measure, rockets.measure_detail, rockets.subject) == (
        "other", "launched", "rockets")  # fmt: skip
    assert (_row(claims, victims).measure, _row(claims, victims).subject) == (
        "killed", "civilians")  # fmt: skip


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "An official said the depot was struck by 12 rockets, destroying two hangars."),
        ("ar", "قال مسؤول إن المستودع استهدف بـ12 صاروخا، ما أدى إلى تدمير مخزنين."),
        ("fr", "Selon un responsable, le dépôt a été touché par 12 roquettes, détruisant deux "
               "hangars."),
    ],
)  # fmt: skip
def test_things_that_destroyed_were_not_destroyed(language: str, text: str) -> None:
    row = _row(_rows(text, language), "12")
    assert (row.measure, row.measure_detail, row.subject) == ("other", "launched", "rockets")


@pytest.mark.parametrize(
    ("language", "text", "figure", "detail"),
    [
        ("en", "The navy said it intercepted 9 drones over the sea.", "9", "intercepted"),
        ("fr", "La marine a indiqué avoir intercepté 9 drones au-dessus de la mer.", "9",
         "intercepted"),
        ("ar", "قالت البحرية إنها اعترضت 9 طائرات مسيرة فوق البحر.", "9", "intercepted"),
        ("en", "Rescuers said 40 people were evacuated from the valley.", "40", "evacuated"),
    ],
)  # fmt: skip
def test_other_counts_keep_their_verb_in_measure_detail(
    language: str, text: str, figure: str, detail: str
) -> None:
    row = _row(_rows(text, language), figure)
    assert (row.measure, row.measure_detail) == ("other", detail)


@pytest.mark.parametrize(
    ("language", "text", "figure"),
    [
        ("en", "Police said 12 people were killed.", "12"),
        ("fr", "Selon la police, 12 personnes ont été tuées.", "12"),
        ("ar", "قالت الشرطة إن 12 شخصا قتلوا.", "12"),
    ],
)  # fmt: skip
def test_core_measures_have_no_detail(language: str, text: str, figure: str) -> None:
    row = _row(_rows(text, language), figure)
    assert (row.measure, row.measure_detail) == ("killed", "")
