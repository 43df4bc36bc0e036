"""Normalisation keeps a map back to the original text; lookup keys fold spellings."""

from __future__ import annotations

import re

import pytest

from factcheck.text.normalize import lookup_key, normalize


@pytest.mark.parametrize(
    "original",
    [
        "قُتِلَ ١٥ عنصراً، وأصيب ۷ جنود",
        "Straße ﬁve ＡＴ 700\u2019000 — 1\u00a0000",
        "\u200fاثنا عشر\u200f ﻻ",
        "",
        "plain ascii only",
    ],
)
def test_every_word_maps_back(original: str) -> None:
    nt = normalize(original)
    for match in re.finditer(r"\w+", nt.text):
        span = nt.to_original(*match.span())
        assert lookup_key(original[span.start : span.end]) == match.group()


def test_trailing_diacritic_belongs_to_the_word() -> None:
    original = "خمسةٌ جنود"
    nt = normalize(original)
    assert nt.text.startswith("خمسه ")
    assert nt.to_original(0, 4).of(original) == "خمسةٌ"


def test_misaligned_offsets_raise() -> None:
    nt = normalize("Straße")
    assert nt.text == "strasse"
    with pytest.raises(ValueError):
        nt.to_original(5, 7)  # starts inside "ss" made from "ß"
    with pytest.raises(ValueError):
        nt.to_original(0, 99)


def test_digits_of_every_script_become_ascii() -> None:
    assert normalize("١٥ ۱۵ １５ 15").text == "15 15 15 15"
    assert normalize("km²").text == "km²"  # not an invented digit


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("أكثر", "اكثر"),
        ("إلى", "الي"),
        ("آلاف", "الاف"),
        ("مئة", "ميه"),
        ("عشرةٌ", "عشره"),
        ("ـــخمسة", "خمسه"),
        ("Quatre–Vingt", "quatre-vingt"),
        ("jusqu’à", "jusqu'à"),
    ],
)
def test_lookup_key(word: str, key: str) -> None:
    assert lookup_key(word) == key
    assert lookup_key(key) == key
