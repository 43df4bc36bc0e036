"""The place column computed from a claims table (factcheck/claims/places_table.py)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import factcheck
from factcheck.case import load_case
from factcheck.claims.places import main_country
from factcheck.claims.places_table import _main_country, add_places

CASE = Path(__file__).parents[2] / "factcheck" / "cases" / "paris-protest-2023-03" / "case.yaml"


def _claims(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    """Claims from (doc_id, sentence, value_text, measure); offsets as if each sentence
    started at 1000 in its document."""
    records = []
    for doc_id, sentence, value, measure in rows:
        start = 1000 + sentence.index(value)
        records.append(
            {
                "doc_id": doc_id,
                "language": "en",
                "sentence": sentence,
                "start": start,
                "end": start + len(value),
                "value_text": value,
                "scope": "event",
                "kind": "casualty",
                "measure": measure,
                "subject": "people",
            }
        )
    return pd.DataFrame(records)


def test_tolls_by_governorate_stay_apart_and_input_is_not_changed() -> None:
    sentence = "At least 12 people were killed in Idlib, 5 in Aleppo, rescuers said."
    claims = _claims(
        [
            ("a", sentence, "12", "killed"),
            ("a", sentence, "5", "killed"),
            ("b", "The toll in Syria rose to 17, the ministry said.", "17", "killed"),
        ]
    )
    before = claims.copy()
    out = add_places(claims)
    assert out["place"].tolist() == ["Idlib", "Aleppo", "Syria"]
    pd.testing.assert_frame_equal(claims, before)
    assert "place" not in claims.columns


def test_one_place_event_keeps_one_place() -> None:
    claims = _claims(
        [
            ("a", "The stampede in Kankan left 87 people wounded.", "87", "wounded"),
            ("b", "More than 100 people were treated for injuries.", "100", "wounded"),
        ]
    )
    assert add_places(claims, country="Guinea")["place"].tolist() == ["Guinea", "Guinea"]


def test_bundled_protest_case_places() -> None:
    claims = factcheck.extract(load_case(CASE))
    places = add_places(claims)
    got = dict(zip(places["claim_id"], places["place"], strict=True))
    text = {d.id: d.text for d in load_case(CASE).documents}
    expected_cities = {
        ("interieur-communique", "81\u00a0000"): "Paris",
        ("interieur-communique", "30\u00a0000"): "Marseille",
        ("interieur-communique", "1\u00a0280\u00a0000"): "France",
        ("cgt-communique", "245 000"): "Marseille",
        ("reuters-wire", "81,000"): "Paris",
        ("reuters-wire", "1.28 million"): "France",
        ("echo-roundup", "1,28 million"): "France",
        ("echo-roundup", "22 000"): "Lyon",
    }
    for (doc_id, value), place in expected_cities.items():
        claim_id = f"{doc_id}:{text[doc_id].index(value)}"
        assert got.get(claim_id) == place, (doc_id, value)


# Sentences naming places of several countries, in several orders: ties go to the country
# named first, whichever order the table reads its sentences in.
_COUNTRY_SENTENCES = [
    "Clashes in Mosul left 4 dead, officials said.",
    "Protesters gathered in Lyon and in Marseille on Tuesday.",
    "Two aid convoys left Aleppo for Idlib.",
    "Une manifestation à Bordeaux a réuni 3 000 personnes.",
    "قتل 5 أشخاص في الموصل وأصيب 7 في البصرة.",
    "Talks in Paris ended without a deal.",
    "Rescuers reached Homs after the floods.",
]


@pytest.mark.parametrize("shift", range(len(_COUNTRY_SENTENCES)))
@pytest.mark.parametrize("size", [1, 2, 3, 5, 7])
def test_backward_country_count_matches_main_country(shift: int, size: int) -> None:
    rotated = _COUNTRY_SENTENCES[shift:] + _COUNTRY_SENTENCES[:shift]
    sentences = rotated[:size]
    assert _main_country(sentences) == main_country(sentences)


def test_backward_country_count_breaks_ties_by_first_mention() -> None:
    # one Iraqi and one French place in one sentence, then the reverse: the first named wins
    assert _main_country(["From Mosul to Lyon.", "From Paris to Basra."]) == "Iraq"
    assert _main_country(["From Lyon to Mosul.", "From Basra to Paris."]) == "France"
    assert _main_country(["No place at all here."]) == ""


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_claims_table_is_add_places_of_the_claims_frame(language: str) -> None:
    """The pipeline reads places from the rows before building the table: the same table."""
    from factcheck.pipeline import _read, claims_table
    from factcheck.schema import claims_frame
    from factcheck.synthetic import one_document

    for source in (one_document(language, 9000, seed=3), "Nothing to count here.", CASE):
        claims = _read(load_case(source, language=language))[1]
        pd.testing.assert_frame_equal(claims_table(claims), add_places(claims_frame(claims)))
