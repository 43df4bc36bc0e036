"""Only counts of the measure's subject are tolls: things counted, parts of a toll, victims
named once, armed groups and crowds, in Arabic, English and French (texts written for these
tests)."""

from __future__ import annotations

import pandas as pd
import pytest

from factcheck import extract
from factcheck.align import align


def _claims(text: str, language: str) -> pd.DataFrame:
    return extract(text, language=language, publisher="Test Wire")


def _row(claims: pd.DataFrame, value_text: str) -> pd.Series:
    rows = claims[claims["value_text"] == value_text]
    assert len(rows) == 1, (value_text, claims[["value_text", "measure", "subject"]])
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("language", "text", "thing", "toll"),
    [
        ("en", "Police said 14 people were killed and the wounded were taken to three "
               "hospitals.", "three", "14"),
        ("fr", "Selon la police, 14 personnes ont été tuées et les blessés ont été transportés "
               "vers trois hôpitaux.", "trois", "14"),
        ("ar", "قالت الشرطة إن 14 شخصاً قتلوا ونقل الجرحى إلى ثلاثة مستشفيات.", "ثلاثة", "14"),
    ],
)  # fmt: skip
def test_hospitals_are_counted_things_not_victims(
    language: str, text: str, thing: str, toll: str
) -> None:
    claims = _claims(text, language)
    row = _row(claims, thing)
    assert (row.measure, row.subject, row.subject_detail, row.kind) == (
        "other", "", "hospitals", "count")  # fmt: skip
    assert _row(claims, toll).measure == "killed"


@pytest.mark.parametrize(
    ("language", "text", "figures"),
    [
        ("en", "Nine families lived in the building. Rescuers used two cranes and 38 trucks.",
         {"Nine": "families", "two": "cranes", "38": "trucks"}),
        ("fr", "Neuf familles vivaient dans l'immeuble. Les secouristes ont utilisé deux grues "
               "et 38 camions.", {"Neuf": "families", "deux": "cranes", "38": "trucks"}),
        ("ar", "كانت تسع عائلات تقيم في المبنى. واستخدم المسعفون رافعتين و38 شاحنة.",
         {"تسع": "families", "رافعتين": "cranes", "38": "trucks"}),
    ],
)  # fmt: skip
def test_families_cranes_and_trucks_are_never_tolls(
    language: str, text: str, figures: dict[str, str]
) -> None:
    claims = _claims(text, language)
    for value_text, thing in figures.items():
        row = _row(claims, value_text)
        assert (row.measure, row.subject_detail, row.kind) == ("other", thing, "count")


@pytest.mark.parametrize(
    ("language", "text", "whole", "part"),
    [
        ("en", "The ministry said 40 people were wounded, six of them in critical condition.",
         "40", "six"),
        ("fr", "Selon le ministère, 40 personnes ont été blessées, dont six dans un état "
               "critique.", "40", "six"),
        ("ar", "قالت الوزارة إن 40 شخصاً أصيبوا بجروح، منهم ستة في حالة حرجة.", "40", "ستة"),
    ],
)  # fmt: skip
def test_a_part_of_a_toll_is_a_subset_never_a_competing_total(
    language: str, text: str, whole: str, part: str
) -> None:
    aligned = align(_claims(text, language))
    total, some = _row(aligned, whole), _row(aligned, part)
    assert (some.measure, some.subject) == (total.measure, total.subject) == ("wounded", "people")
    assert "subset" in some.subject_detail
    assert some.group_id != total.group_id and some.subset_of == total.group_id


@pytest.mark.parametrize(
    ("language", "text", "part", "subject"),
    [
        ("en", "Hospital sources said 30 people had been killed, six of them children.", "six",
         "children"),
        ("fr", "Selon des sources hospitalières, 30 personnes ont été tuées, dont 6 enfants.",
         "6", "children"),
        ("ar", "قالت مصادر طبية إن 30 شخصاً قتلوا، بينهم 6 أطفال.", "6", "children"),
    ],
)  # fmt: skip
def test_named_parts_count_their_own_people(
    language: str, text: str, part: str, subject: str
) -> None:
    row = _row(_claims(text, language), part)
    assert (row.measure, row.subject) == ("killed", subject)


@pytest.mark.parametrize(
    ("language", "text", "bare"),
    [
        ("en", "Nine US soldiers were wounded during the night assault, a spokesman said. Six were "
               "wounded by shrapnel and three more were injured in a vehicle crash.",
         ["Six", "three"]),
        ("fr", "Sept soldats américains ont été blessés lors du raid, selon des responsables. "
               "Cinq ont été blessés par balle.", ["Cinq"]),
        ("ar", "قال مسؤولون إن سبعة جنود أميركيين أصيبوا خلال الغارة. وأصيب خمسة بالرصاص.",
         ["خمسة"]),
    ],
)  # fmt: skip
def test_a_bare_toll_counts_the_victims_named_before(
    language: str, text: str, bare: list[str]
) -> None:
    claims = _claims(text, language)
    for value_text in bare:
        row = _row(claims, value_text)
        assert (row.measure, row.subject) == ("wounded", "soldiers"), value_text


@pytest.mark.parametrize(
    ("language", "text", "figure"),
    [
        ("en", "The command said three of the soldiers were killed.", "three"),
        ("fr", "Le commandement a indiqué que trois des soldats avaient été tués.", "trois"),
        ("ar", "أعلنت القيادة مقتل 3 من جنود الجيش.", "3"),
    ],
)  # fmt: skip
def test_a_partitive_noun_says_who_is_counted(language: str, text: str, figure: str) -> None:
    row = _row(_claims(text, language), figure)
    assert (row.measure, row.subject) == ("killed", "soldiers")


@pytest.mark.parametrize(
    ("language", "text", "figure"),
    [
        ("en", "The coalition said its strike caused the deaths of 22 ISIS fighters.", "22"),
        ("fr", "La coalition a annoncé la mort de 15 membres de l'EI.", "15"),
        ("ar", "أعلن التحالف مقتل 15 من داعش في الغارة.", "15"),
    ],
)  # fmt: skip
def test_an_armed_group_named_after_a_toll_makes_militants(
    language: str, text: str, figure: str
) -> None:
    row = _row(_claims(text, language), figure)
    assert (row.measure, row.subject, row.subject_detail) == ("killed", "militants", "ISIS")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Health officials said 270 were killed in the Israeli strikes on the camp."),
        ("fr", "Selon le ministère, 270 personnes ont été tuées dans les frappes israéliennes."),
        ("ar", "قالت وزارة الصحة إن 270 قتلوا في الغارات الإسرائيلية على المخيم."),
    ],
)  # fmt: skip
def test_the_side_that_struck_is_not_the_victims_side(language: str, text: str) -> None:
    row = _row(_claims(text, language), "270")
    assert (row.measure, row.subject, row.subject_detail) == ("killed", "people", "")


@pytest.mark.parametrize(
    ("language", "text", "figure"),
    [
        ("fr", "Selon les syndicats, la mobilisation a réuni 1,2 million de manifestants.",
         "1,2 million"),
        ("en", "Organisers said 20,000 protesters were mobilised across the country.", "20,000"),
        ("ar", "قالت النقابات إن التعبئة ضمت 20 ألف متظاهر.", "20 ألف"),
    ],
)  # fmt: skip
def test_a_crowd_mobilised_attended(language: str, text: str, figure: str) -> None:
    row = _row(_claims(text, language), figure)
    assert (row.measure, row.subject) == ("attended", "protesters")


def test_one_event_one_group_across_languages() -> None:
    texts = pd.DataFrame(
        {
            "id": ["en", "fr", "ar"],
            "publisher": ["Wire A", "Journal B", "Agence C"],
            "language": ["en", "fr", "ar"],
            "text": [
                "The command said the operation killed 18 ISIS fighters in the desert.",
                "Selon le commandement, 18 jihadistes de l'EI ont péri dans le désert.",
                "أعلنت القيادة مقتل 18 مسلحا من داعش في الصحراء.",
            ],
        }
    )
    aligned = align(extract(texts))
    fifteen = aligned[aligned["low"] == 18]
    assert len(fifteen) == 3 and fifteen["group_id"].nunique() == 1, fifteen[
        ["doc_id", "measure", "subject", "subject_detail"]
    ]
    assert set(fifteen["subject"]) == {"militants"} and set(fifteen["subject_detail"]) == {"ISIS"}


@pytest.mark.parametrize(
    ("language", "text", "joined", "apart"),
    [
        ("en", "Officials said 41 US soldiers were killed and wounded in the assault. Four "
               "soldiers were killed and 9 wounded.", "41", ["Four", "9"]),
        ("fr", "Selon l'armée, 37 soldats ont été tués et blessés. Trois soldats ont été tués "
               "et 12 blessés.", "37", ["Trois", "12"]),
        ("ar", "قتل وأصيب نحو 41 جنديا أمريكيا في الاعتداء. وذكرت القيادة أن 4 جنود قتلوا "
               "وأصيب 9 آخرون.", "نحو 41", ["4", "9"]),
    ],
)  # fmt: skip
def test_killed_and_wounded_together_count_casualties(
    language: str, text: str, joined: str, apart: list[str]
) -> None:
    claims = _claims(text, language)
    assert _row(claims, joined).measure == "casualties"
    assert [_row(claims, v).measure for v in apart] == ["killed", "wounded"]
