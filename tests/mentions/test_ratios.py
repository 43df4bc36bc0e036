"""Fractions, negative figures, ratios and decimal words."""

from __future__ import annotations

import pytest

from factcheck.mentions import find_mentions
from factcheck.model import Document


def _one(text: str, language: str) -> tuple[str, float | None, str]:
    found = find_mentions(Document("t", "test", language, text))
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start : m.end] == m.text
    return m.text, m.low, m.role.value


@pytest.mark.parametrize(
    ("text", "language", "span", "value"),
    [
        ("Two thirds of the town was flooded.", "en", "Two thirds", 2 / 3),
        ("A fifth of the homes were lost.", "en", "A fifth", 0.2),
        ("ثلاثة أرباع المنازل دمرت", "ar", "ثلاثة أرباع", 0.75),
        ("Some 3/4 of the aid arrived.", "en", "3/4", 0.75),
        ("The result is ⅔", "en", "⅔", 2 / 3),
        ("One in three children is hungry.", "en", "One in three", 1 / 3),
        ("واحد على ثلاثة", "ar", "واحد على ثلاثة", 1 / 3),
        ("واحد من كل ثلاثة", "ar", "واحد من كل ثلاثة", 1 / 3),
        ("One in every five homes", "en", "One in every five", 0.2),
    ],
)
def test_fractions_and_ratios_are_shares(text: str, language: str, span: str, value: float) -> None:
    got_span, got_value, role = _one(text, language)
    assert (got_span, role) == (span, "other")
    assert got_value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "language", "span", "value"),
    [
        ("They counted one and a half million ballots.", "en", "one and a half million", 1.5e6),
        ("The fund holds 3 million and a half.", "en", "3 million and a half", 3.5e6),
        ("كان لديها واحد ونصف", "ar", "واحد ونصف", 1.5),
        ("The answer is minus 5.", "en", "minus 5", -5),
        ("Temperatures fell to -9.5 overnight.", "en", "-9.5", -9.5),
        ("two hundred point zero three", "en", "two hundred point zero three", 200.03),
        ("The reading was 1.3e6 units.", "en", "1.3e6", 1.3e6),
    ],
)
def test_sums_signs_and_decimals(text: str, language: str, span: str, value: float) -> None:
    got_span, got_value, _ = _one(text, language)
    assert got_span == span
    assert got_value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    ["A third attack hit the city.", "Open 24/7 since 15/07/2021.", "the first half of 2024"],
)
def test_what_is_not_a_fraction(text: str) -> None:
    found = find_mentions(Document("t", "test", "en", text))
    assert all(m.role.value != "other" or "fraction" not in m.reason for m in found)


@pytest.mark.parametrize(
    ("text", "span", "value", "role"),
    [
        ("Only a twenty-first of the budget was spent.", "a twenty-first", 1 / 21, "other"),
        ("three twenty-firsts", "three twenty-firsts", 3 / 21, "other"),
        ("one hundred thirty fifths", "one hundred thirty fifths", 100 / 35, "other"),
        ("one one hundred and fifth", "one one hundred and fifth", 1 / 105, "other"),
        (
            "two hundred and fifty-four hundredths",
            "two hundred and fifty-four hundredths",
            200.54,
            None,
        ),
        ("It opened in the twenty-first century.", "twenty-first", 21, "ordinal"),
        ("the one hundred and fifth anniversary", "one hundred and fifth", 105, "ordinal"),
    ],
)
def test_compound_denominators_and_ordinals(
    text: str, span: str, value: float, role: str | None
) -> None:
    got_span, got_value, got_role = _one(text, "en")
    assert got_span == span
    assert got_value == pytest.approx(value)
    assert role is None or got_role == role


def test_spaced_tens_and_unit_ordinal_stay_apart() -> None:
    found = find_mentions(Document("t", "test", "en", "Twenty first responders were hurt."))
    assert [(m.text, m.low) for m in found] == [("Twenty", 20.0), ("first", 1.0)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("انتهيت من ثلاث وخمس المهام", "ثلاث وخمس", 3.2),
        ("لدي مئة وثلاثون وخمسين", "مئة وثلاثون وخمسين", 130.4),
        ("قرأت ثلاث وعشرون خمس من الكتاب", "ثلاث وعشرون خمس", 23 / 5),
        ("اكلت خمس الفطيرة", "خمس", 0.2),
        ("خمس العشرين", "خمس العشرين", 4),
        ("واحد من مليون", "واحد من مليون", 1e-6),
        ("مئة أجزاء من خمسة وثلاثين", "مئة أجزاء من خمسة وثلاثين", 100 / 35),
        ("السعر مائتان وثلاثة جزء من مائة", "مائتان وثلاثة جزء من مائة", 200.03),
    ],
)
def test_arabic_fractions_where_the_cardinal_cannot_be(text: str, span: str, value: float) -> None:
    got_span, got_value, _ = _one(text, "ar")
    assert got_span == span
    assert got_value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل خمس نساء", [("خمس", 5.0)]),
        ("مئة وخمس", [("مئة وخمس", 105.0)]),
        ("خمس عشرة", [("خمس عشرة", 15.0)]),
        ("ثمن الوقود", []),
        ("واحد من ثلاثة", [("واحد", 1.0), ("ثلاثة", 3.0)]),
        ("وزعت 2000 على 3 مخيمات", [("2000", 2000.0), ("3", 3.0)]),
    ],
)
def test_arabic_cardinals_stay_cardinals(text: str, expected: list[tuple[str, float]]) -> None:
    found = find_mentions(Document("t", "test", "ar", text))
    assert [(m.text, m.low) for m in found] == expected


def test_five_before_a_unit_of_time_stays_five() -> None:
    found = find_mentions(Document("t", "test", "ar", "وصل الساعة ثلاث وخمس دقائق"))
    assert ("خمس دقائق", 5.0) in [(m.text, m.low) for m in found]
