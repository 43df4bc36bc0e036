"""Tolls that change over time: verdict ``updated``, revisions downward, the best figure and
"no casualties" against a toll, on Arabic, English and French reports written for these tests."""

from __future__ import annotations

import json
from datetime import datetime

import pandas as pd
import pytest

from factcheck import compare, extract
from factcheck.compare.examples import make_claim
from factcheck.model import Qualifier
from factcheck.schema import claims_frame

#: The same ministry's statements through one day, in each language: (published, text).
SERIES = {
    "en": [
        ("2026-05-04T08:00:00+03:00", "The health ministry said 12 people were killed so far "
                                      "in the blast and the number may rise."),
        ("2026-05-04T13:00:00+03:00", "The health ministry said 13 people were killed in the "
                                      "blast."),
        ("2026-05-04T19:00:00+03:00", "The health ministry said at least 14 people were killed "
                                      "in the blast."),
    ],
    "fr": [
        ("2026-05-04T08:00:00+03:00", "Selon le ministère de la Santé, 12 personnes ont été "
                                      "tuées dans l'explosion, un bilan provisoire."),
        ("2026-05-04T13:00:00+03:00", "Selon le ministère de la Santé, 13 personnes ont été "
                                      "tuées dans l'explosion."),
        ("2026-05-04T19:00:00+03:00", "Selon le ministère de la Santé, au moins 14 personnes "
                                      "ont été tuées dans l'explosion."),
    ],
    "ar": [
        ("2026-05-04T08:00:00+03:00", "قالت وزارة الصحة إن 12 شخصاً قتلوا في الانفجار في "
                                      "حصيلة أولية."),
        ("2026-05-04T13:00:00+03:00", "قالت وزارة الصحة إن 13 شخصاً قتلوا في الانفجار."),
        ("2026-05-04T19:00:00+03:00", "قالت وزارة الصحة إن 14 شخصاً على الأقل قتلوا في "
                                      "الانفجار."),
    ],
}  # fmt: skip


def _series(language: str) -> pd.DataFrame:
    rows = [
        {"id": f"{language}-{i}", "publisher": "Daily Paper", "language": language,
         "published": when, "text": text}
        for i, (when, text) in enumerate(SERIES[language])
    ]  # fmt: skip
    return extract(pd.DataFrame(rows))


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_a_toll_rising_through_the_day_is_updated(language: str) -> None:
    claims = _series(language)
    (row,) = compare(claims).query("measure == 'killed'").itertuples()
    assert (row.verdict, row.reason) == ("updated", "update"), row.note
    assert "contradiction" not in row.reasons
    assert json.loads(row.figures) == {claims["speaker"].iloc[0]: [14, None]}
    assert "12 -> 13 -> at least 14" in row.note
    assert row.best == 14  # never below the latest lower bound


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_a_different_source_still_disagrees(language: str) -> None:
    claims = _series(language)
    # "at least 14" allows 30; a lower figure given later than the ministry's does not
    other = {"ar": "قالت مصادر طبية إن 9 أشخاص قتلوا في الانفجار.",
             "en": "Medical sources said 9 people were killed in the blast.",
             "fr": "Selon des sources médicales, 9 personnes ont été tuées dans "
                   "l'explosion."}[language]  # fmt: skip
    wire = extract(
        other, language=language, publisher="Wire", published="2026-05-04T20:00:00+03:00"
    )
    (row,) = (
        compare(pd.concat([claims, wire], ignore_index=True))
        .query("measure == 'killed'")
        .itertuples()
    )
    assert row.verdict == "discrepant" and "update" in row.reasons.split(",")
    assert "contradiction" in row.reasons.split(",")


def _claim(i: int, low: float, high: float | None, hour: int, **kw: object):
    qualifier = kw.pop("qualifier", Qualifier.EXACT)
    return make_claim(i, low=low, high=high, qualifier=qualifier,
                      reported_at=datetime(2026, 5, 4, hour), doc_id=f"d{i}", **kw)  # fmt: skip


def test_so_far_then_13_about_15_at_least_14_is_no_contradiction() -> None:
    claims = claims_frame([
        _claim(0, 12.0, 12.0, 8),
        _claim(1, 13.0, 13.0, 10),
        _claim(2, 15.0, 15.0, 12, qualifier=Qualifier.ABOUT),
        _claim(3, 14.0, None, 14, qualifier=Qualifier.AT_LEAST),
    ])  # fmt: skip
    row = compare(claims).iloc[0]
    assert row.verdict == "updated" and "contradiction" not in row.reasons
    assert row.best == 14


def test_a_downward_revision_is_an_update_flagged_as_a_revision() -> None:
    claims = claims_frame([_claim(0, 40.0, 40.0, 8), _claim(1, 31.0, 31.0, 18)])
    row = compare(claims).iloc[0]
    assert (row.verdict, row.reason) == ("updated", "update")
    assert "revised its figure downward" in row.note and row.best == 31


def test_best_never_falls_below_the_latest_lower_bound() -> None:
    claims = claims_frame([
        _claim(0, 13.0, 13.0, 8, speaker="Civil Defence"),
        _claim(1, 12.0, 12.0, 9, speaker="Red Crescent"),
        _claim(2, 14.0, None, 20, qualifier=Qualifier.AT_LEAST, speaker="Health Ministry"),
    ])  # fmt: skip
    row = compare(claims).iloc[0]
    assert row.best == 14 and json.loads(row.set_by)["rule"] == ["latest_lower_bound"]


@pytest.mark.parametrize(
    ("language", "claim_text", "denial"),
    [
        ("en", "Iranian television said 80 US soldiers were killed.",
         "The Pentagon said there were no casualties among US soldiers."),
        ("fr", "La télévision iranienne a affirmé que 80 soldats américains avaient été tués.",
         "Le Pentagone a assuré qu'il n'y avait aucune victime parmi les soldats américains."),
        ("ar", "قال التلفزيون الإيراني إن 80 جندياً أميركياً قتلوا.",
         "قال البنتاغون إنه لا توجد أي إصابات في صفوف الجنود الأميركيين."),
    ],
)  # fmt: skip
def test_no_casualties_meets_a_death_toll(language: str, claim_text: str, denial: str) -> None:
    frame = pd.DataFrame({
        "id": ["tv", "pentagon"], "publisher": ["TV", "Paper"], "language": [language] * 2,
        "text": [claim_text, denial],
    })  # fmt: skip
    table = compare(extract(frame))
    killed = table[table["measure"] == "killed"]
    assert len(killed) == 1, table[["measure", "subject", "subject_detail", "figures"]]
    figures = json.loads(killed.iloc[0].figures)
    assert sorted(v[0] for v in figures.values()) == [0, 80]
    assert killed.iloc[0].verdict == "discrepant"
