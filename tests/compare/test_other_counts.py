"""Counts outside the shared measures (measure ``other``, the verb in ``measure_detail``):
missiles that struck a base and missiles fired at it, told by two sources, are one group; missiles
intercepted are another. Texts written for these tests."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import factcheck

TEXTS = {
    "en": [
        "A source in the Revolutionary Guards said the airbase was struck by 12 missiles, "
        "destroying several hangars.",
        "According to the Iraqi army, 16 missiles were launched toward the airfield.",
        "The Iraqi army said air defences intercepted 4 missiles over the city.",
    ],
    "fr": [
        "Selon une source des Gardiens de la révolution, la base a été touchée par 12 missiles, "
        "tuant deux gardes.",
        "L'armée irakienne a indiqué que 16 missiles ont été tirés sur la base.",
        "L'armée irakienne a indiqué que la défense aérienne a intercepté 4 missiles.",
    ],
    "ar": [
        "قال مصدر في الحرس الثوري إن القاعدة استهدفت بـ12 صاروخا، ما أدى إلى تدمير عدة حظائر.",
        "قال الجيش العراقي إن 16 صاروخا أطلقت على القاعدة.",
        "قال الجيش العراقي إن الدفاعات الجوية اعترضت 4 صواريخ فوق المدينة.",
    ],
}


def _compare(language: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = pd.DataFrame(
        [
            {"id": f"d{k}", "publisher": f"Outlet {k}", "language": language,
             "published": "2024-05-02", "text": text}
            for k, text in enumerate(TEXTS[language])
        ]
    )  # fmt: skip
    claims = factcheck.extract(frame)
    return claims, factcheck.compare(claims)


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_missiles_struck_and_fired_are_one_discrepant_group(language: str) -> None:
    _, table = _compare(language)
    launched = table[(table.measure == "other") & (table.measure_detail == "launched")]
    assert len(launched) == 1, table[["measure", "measure_detail", "subject", "figures"]]
    row = launched.iloc[0]
    values = sorted(v[0] for v in json.loads(row.figures).values())
    subject = "rockets" if language == "ar" else "missiles"  # صاروخ: the lexicon's rockets
    assert (row.subject, values, row.verdict) == (subject, [12, 16], "discrepant")


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_missiles_intercepted_stay_apart(language: str) -> None:
    _, table = _compare(language)
    intercepted = table[table.measure_detail == "intercepted"]
    assert len(intercepted) == 1
    assert list(json.loads(intercepted.iloc[0].figures).values()) == [[4, 4]]


def test_group_labels_name_the_verb() -> None:
    from factcheck.present.groups import group_label

    row = {"measure": "other", "measure_detail": "launched", "subject": "missiles"}
    assert group_label(row) == "Launched missiles"
    assert group_label({"measure": "other", "subject": "", "subject_detail": "hospitals"}) == (
        "Other counts (hospitals)"
    )
