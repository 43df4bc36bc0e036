"""Clitic stripping: every form of a word, in the order its languages and clitics are given."""

from __future__ import annotations

from factcheck.mentions.clitics import MAX_STRIPS, Clitics

AR = {"و": "", "ب": "", "ال": "", "لل": "ال"}


def test_forms_follow_the_clitics_in_order_with_the_characters_cut() -> None:
    forms = Clitics({"ar": AR}).strip("وللقيادة", "ar")
    assert forms[:3] == (("وللقيادة", 0), ("للقيادة", 1), ("القيادة", 2))  # "لل" is "ال"
    assert [form for form, _ in forms[3:]] == ["قيادة"]


def test_a_word_no_clitic_starts_is_its_only_form() -> None:
    clitics = Clitics({"ar": AR, "en": {}})
    assert clitics.strip("police", None) == (("police", 0),)
    assert clitics.strip("قيادة", "ar") == (("قيادة", 0),)  # starts with no clitic's letter
    assert clitics.strip("وزارة", "en") == (("وزارة", 0),)  # English has no clitics


def test_every_language_is_tried_when_none_is_given() -> None:
    clitics = Clitics({"ar": {"و": ""}, "xx": {"q": "k"}})
    assert clitics.strip("qal", None) == (("qal", 0), ("kal", 1))
    assert clitics.strip("qal", "ar") == (("qal", 0),)


def test_the_stem_keeps_two_letters_and_stripping_stops_after_max_strips() -> None:
    assert Clitics({"ar": {"و": ""}}).strip("وب", "ar") == (("وب", 0),)
    forms = Clitics({"ar": {"و": ""}}).strip("و" * 6 + "ab", "ar")
    assert len(forms) == MAX_STRIPS + 1


def test_an_empty_clitic_may_start_any_word() -> None:
    assert Clitics({"xx": {"": "a"}}).strip("bc", "xx") == (
        ("bc", 0),
        ("abc", 0),
        ("aabc", 0),
        ("aaabc", 0),
    )
