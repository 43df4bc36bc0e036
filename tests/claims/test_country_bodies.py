"""A country's own body is not the international one whose name it contains.

"Kenya Red Cross", "la Croix-Rouge kényane" and "الصليب الأحمر الكيني" are national
societies, not the International Committee of the Red Cross; a body the registry does not
list keeps the words that name it, without a leading article. A description whose own
words match no entry of the country ("Ukraine's State Emergency Service") is not named
after an entry that shares only the country's name.
"""

from __future__ import annotations

import pytest

import factcheck


def speaker_of(text: str, language: str) -> str:
    claims = factcheck.extract(text, language=language)
    assert len(claims) == 1, claims
    return str(claims["speaker"].iloc[0])


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        (
            "The Kenya Red Cross said 12 people died when the river burst its banks.",
            "en",
            "Kenya Red Cross",
        ),
        (
            "Ethiopia's Red Cross said 40 people were missing after the landslide.",
            "en",
            "Ethiopia's Red Cross",
        ),
        (
            "La Croix-Rouge kényane a fait état de 12 morts dans les crues.",
            "fr",
            "Kenya Red Cross",  # a registry entry since the second held-out set
        ),
        (
            "وقال الصليب الأحمر الكيني إن 12 شخصا لقوا حتفهم في الفيضانات.",
            "ar",
            "Kenya Red Cross",
        ),
    ],
)
def test_a_national_society_is_not_the_international_committee(
    text: str, language: str, speaker: str
) -> None:
    assert speaker_of(text, language) == speaker


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Red Cross said 12 people died when the river burst its banks in Kenya.", "en"),
        ("La Croix-Rouge a fait état de 12 morts au Kenya.", "fr"),
        ("وقال الصليب الأحمر إن 12 شخصا لقوا حتفهم في كينيا.", "ar"),
    ],
)
def test_the_red_cross_alone_is_still_the_committee(text: str, language: str) -> None:
    assert speaker_of(text, language) == "International Committee of the Red Cross"


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        (
            "US Central Command said 15 militants were killed in the raid.",
            "en",
            "US Central Command",
        ),
        (
            "Le Commandement central américain a annoncé la mort de 15 jihadistes.",
            "fr",
            "US Central Command",
        ),
        ("وقال الجيش الإسرائيلي إن 3 جنود قتلوا.", "ar", "Israel Defense Forces"),
        ("Selon l'armée israélienne, 3 soldats ont été tués.", "fr", "Israel Defense Forces"),
        (
            "Iraq's Joint Operations Command said 14 militants were killed.",
            "en",
            "Iraqi Joint Operations Command",
        ),
    ],
)
def test_a_country_word_of_the_entrys_own_country_keeps_the_entry(
    text: str, language: str, speaker: str
) -> None:
    assert speaker_of(text, language) == speaker


def test_a_description_sharing_only_the_country_is_kept_as_written() -> None:
    text = (
        "Ukraine's State Emergency Service said 9 people were killed when the shelter "
        "collapsed in Kharkiv, Ukraine."
    )
    assert speaker_of(text, "en") == "Ukraine's State Emergency Service"


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        ("The Sahel Relief Network said 30 families were displaced.", "en", "Sahel Relief Network"),
        (
            "The Committee of Sahel Relief said 30 people were hurt.",
            "en",
            "Committee of Sahel Relief",
        ),
        ("A spokesman for Sahel Relief said 30 people were hurt.", "en", "Sahel Relief"),
        (
            "Le Comité de crise du Sahel a recensé 30 blessés.",
            "fr",
            "Comité de crise du Sahel",
        ),
    ],
)
def test_an_unlisted_name_is_kept_without_its_article(
    text: str, language: str, speaker: str
) -> None:
    assert speaker_of(text, language) == speaker


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        ("Kenya's health minister said 12 people died.", "en", "Kenyan Health Minister"),
        ("وقال وزير الصحة الكيني إن 12 شخصا لقوا حتفهم في السيول.", "ar", "Kenyan Health Minister"),
        ("Le gouvernement tchadien a fait état de 12 morts.", "fr", "Chadian government"),
    ],
)  # fmt: skip
def test_an_office_takes_its_countrys_adjective(text: str, language: str, speaker: str) -> None:
    assert speaker_of(text, language) == speaker
