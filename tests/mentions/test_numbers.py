"""The number reader: digits, words, scales, duals, hedges, ranges, vague and zero figures."""

from __future__ import annotations

import pytest

from factcheck.mentions import find_mentions
from factcheck.mentions.find import BLOCK_CHARS
from factcheck.mentions.tokens import digits_value
from factcheck.model import Document


def _read(text: str, language: str) -> list[tuple[str, float | None, float | None, str]]:
    doc = Document("t", "test", language, text)
    found = find_mentions(doc)
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.low, m.high, m.qualifier.value) for m in found]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("قتل ١٥ عنصراً", "ar", ("١٥", 15)),
        ("قتل ۱۵ عنصراً", "ar", ("۱۵", 15)),
        ("وصل 2,500 جندي", "ar", ("2,500", 2500)),
        ("تضرر ٢٫٥ مليون شخص", "ar", ("٢٫٥ مليون", 2_500_000)),
        ("١٬٢٨٠٬٠٠٠ لاجئ", "ar", ("١٬٢٨٠٬٠٠٠", 1_280_000)),
        ("وأصيب 11من الجنود", "ar", ("11", 11)),
        ("la police a compté 81.000 manifestants", "fr", ("81.000", 81_000)),
        ("plus de 700’000 personnes", "fr", ("plus de 700’000", 700_000)),
        ("1,28 million de manifestants", "fr", ("1,28 million", 1_280_000)),
        ("3,5 millions de personnes", "fr", ("3,5 millions", 3_500_000)),
        ("1.28 million people", "en", ("1.28 million", 1_280_000)),
        ("rescued 1\u2009250 residents", "en", ("1\u2009250", 1250)),
        ("a budget of three lakh crore", "en", ("three lakh crore", 3e12)),
        ("a thousand million doses", "en", ("a thousand million", 1e9)),
        ("ألف مليون شخص", "ar", ("ألف مليون", 1e9)),
        ("views reached 2.33 k", "en", ("2.33 k", 2330)),
        ("raised 1,674.5 G", "en", ("1,674.5 G", 1_674_500_000_000)),
        ("2.5 M people signed", "en", ("2.5 M", 2_500_000)),
        ("a wall 2.5 m high", "en", ("2.5 m", 2.5)),
        ("a 5 m wall", "en", ("5 m", 5)),
    ],
)
def test_digits_scripts_separators_and_scales(
    text: str, language: str, expected: tuple[str, float]
) -> None:
    span, value = expected
    assert (span, value, value, "exact") in _read(text, language) or any(
        m[0] == span and m[1] == value for m in _read(text, language)
    )


def test_glued_conjunction_keeps_only_the_digits() -> None:
    assert [m[0] for m in _read("قتل 15 عنصراً و3 مدنيين", "ar")] == ["15", "3"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("خمسة عشر", 15),
        ("خمس عشرة", 15),
        ("اربعة عشر", 14),
        ("اثنا عشر", 12),
        ("اثني عشر", 12),
        ("ثلاثمائة", 300),
        ("ثلاثمئة", 300),
        ("ألفان وخمسمائة", 2500),
        ("عشرون", 20),
        ("عشرين", 20),
        ("مائة وخمسة وعشرون", 125),
        ("ثلاثة آلاف", 3000),
    ],
)
def test_arabic_cardinals(text: str, value: float) -> None:
    assert _read(f"قتل {text} شخصاً", "ar")[0][:2] == (text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("fifteen", 15),
        ("twenty-five", 25),
        ("two thousand five hundred", 2500),
        ("a dozen", 12),
        ("one hundred and six", 106),
        ("half a million", 500_000),
    ],
)
def test_english_words(text: str, value: float) -> None:
    assert _read(f"They counted {text} people.", "en")[0][:2] == (text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("quinze", 15),
        ("vingt-cinq", 25),
        ("soixante-dix", 70),
        ("quatre-vingt-dix", 90),
        ("deux mille cinq cents", 2500),
        ("vingt et un", 21),
    ],
)
def test_french_words(text: str, value: float) -> None:
    assert _read(f"Ils ont compté {text} personnes.", "fr")[0][:2] == (text, value)


@pytest.mark.parametrize("word", ["جنديين", "قتيلين", "قاعدتين", "سدين", "مستشفيين", "جنديان"])
def test_arabic_duals_of_counted_nouns(word: str) -> None:
    assert _read(f"دمرت الغارة {word} قرب المدينة", "ar") == [(word, 2, 2, "exact")]


def test_dual_span_drops_the_preposition() -> None:
    assert _read("عمل ميداني لشهرين", "ar") == [("شهرين", 2, 2, "exact")]


def test_sound_plural_is_not_a_dual() -> None:
    assert _read("لا إصابات بين المدنيين", "ar") == [("لا إصابات", 0, 0, "none_reported")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("At least 15 people died.", "en", ("At least 15", 15, None, "at_least")),
        ("More than 15 people died.", "en", ("More than 15", 15, None, "at_least")),
        ("Up to 40 people died.", "en", ("Up to 40", None, 40, "at_most")),
        ("About 300 people died.", "en", ("About 300", 300, 300, "about")),
        ("ما لا يقل عن 15 قتيلاً", "ar", ("ما لا يقل عن 15", 15, None, "at_least")),
        ("قتل نحو ثلاثمائة شخص", "ar", ("نحو ثلاثمائة", 300, 300, "about")),
        ("au moins 12 blessés", "fr", ("au moins 12", 12, None, "at_least")),
        ("between 10 and 20 people", "en", ("between 10 and 20", 10, 20, "range")),
        ("10-20 people", "en", ("10-20", 10, 20, "range")),
        ("بين 10 و20 شخصاً", "ar", ("بين 10 و20", 10, 20, "range")),
        ("entre 5 et 8 blessés", "fr", ("entre 5 et 8", 5, 8, "range")),
    ],
)
def test_hedges_and_ranges(
    text: str, language: str, expected: tuple[str, float | None, float | None, str]
) -> None:
    assert _read(text, language) == [expected]


def test_vague_quantities_keep_interval_and_point() -> None:
    doc = Document("t", "test", "en", "Dozens were hurt and tens of thousands fled.")
    found = {m.text: (m.low, m.high, m.point) for m in find_mentions(doc)}
    assert found == {"Dozens": (24, 99, 12), "tens of thousands": (20000, 99999, 10000)}
    doc = Document("t", "test", "ar", "أصيب عشرات المدنيين")
    assert [(m.text, m.low, m.high, m.point) for m in find_mentions(doc)] == [("عشرات", 20, 99, 10)]


def test_a_few_and_several_are_not_numbers() -> None:
    assert _read("A few people and several soldiers were there.", "en") == []


def test_offsets_survive_block_boundaries() -> None:
    line = "وأصيب 7 جنود وقُتل خمسة عشر عنصراً.\n"
    text = line * (2 * BLOCK_CHARS // len(line) + 3)
    found = _read(text, "ar")
    assert len(found) == 2 * text.count("\n")


@pytest.mark.parametrize(
    ("raw", "groups", "value"),
    [
        ("1,234,567.89", ",", 1234567.89),
        ("12,34,567.89", ",", 1234567.89),
        ("4.800", ",", 4.8),
        ("81.000", ".", 81000),
        ("0,08", ",", 0.08),
        ("1,3", ",", 1.3),
        ("700'000", ".", 700000),
    ],
)
def test_digits_value(raw: str, groups: str, value: float) -> None:
    assert digits_value(raw, frozenset(groups)) == pytest.approx(value)


def test_a_particle_does_not_make_a_number_of_a_word() -> None:
    assert _read("ضبطت كميات من الأسلحة", "ar") == []


def test_no_range_between_a_year_and_a_count() -> None:
    found = _read("ارتفع العدد منذ تشرين الأول 2023 إلى 4285 شهيداً", "ar")
    assert [m[0] for m in found] == ["تشرين الأول 2023", "4285"]
