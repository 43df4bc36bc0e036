"""Armed groups, security services, international bodies and agencies often quoted in
conflict news resolve to one canonical name in the three languages."""

from __future__ import annotations

import pytest

import factcheck
from factcheck.claims.registry import resolve


@pytest.mark.parametrize(
    ("words", "language", "name"),
    [
        ("Islamic Jihad", "en", "Palestinian Islamic Jihad"),
        ("سرايا القدس", "ar", "Palestinian Islamic Jihad"),
        ("كتائب حزب الله", "ar", "Kataib Hezbollah"),
        ("Hezbollah", "en", "Hezbollah"),
        ("les talibans", "fr", "Taliban"),
        ("الكرملين", "ar", "Kremlin"),
        ("الشاباك", "ar", "Shin Bet"),
        ("ISWAP", "en", "Islamic State West Africa Province"),
        ("Islamic State", "en", "ISIS"),
        ("Union africaine", "fr", "African Union"),
        ("مجلس الأمن الدولي", "ar", "UN Security Council"),
        ("AIEA", "fr", "International Atomic Energy Agency"),
        ("Cour pénale internationale", "fr", "International Criminal Court"),
        ("وكالة الأنباء الجزائرية", "ar", "Algeria Press Service"),
        ("Maghreb Arabe Presse", "fr", "Maghreb Arab Press"),
        ("ACLED", "en", "Armed Conflict Location and Event Data Project"),
        ("بتسيلم", "ar", "B'Tselem"),
    ],
)
def test_resolves(words: str, language: str, name: str) -> None:
    entry = resolve(words, language)
    assert entry is not None and entry.name == name


def test_a_national_security_council_is_not_the_un_one() -> None:
    assert resolve("National Security Council", "en") is None


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        ("Kataib Hezbollah said two of its fighters were killed in the strike.", "en",
         "Kataib Hezbollah"),
        ("وأعلنت سرايا القدس في بيان مقتل 3 من عناصرها.", "ar", "Palestinian Islamic Jihad"),
        ("Selon le Kremlin, 12 personnes ont été tuées.", "fr", "Kremlin"),
    ],
)  # fmt: skip
def test_speakers(text: str, language: str, speaker: str) -> None:
    claims = factcheck.extract(text, language=language)
    assert claims["speaker"].tolist() == [speaker]


def test_a_fuzzy_match_never_changes_the_country() -> None:
    # one letter apart in Arabic, two different countries' agencies
    assert resolve("وكالة الأنباء التونسية", "ar").name == "Tunis Afrique Presse"
    assert resolve("وكالة الأنباء الروسية", "ar") is None


def test_wire_agencies_by_their_arabic_descriptions() -> None:
    assert resolve("وكالة الأنباء الفرنسية", "ar").name == "Agence France-Presse"
    assert resolve("وكالة رويترز للأنباء", "ar").name == "Reuters"


def test_a_channels_correspondent_names_the_channel() -> None:
    # the bare words also name places (the Gezira, the Jazira): only a channel has reporters
    claims = factcheck.extract("وقالت مراسلة الجزيرة إن 5 أشخاص قتلوا في القصف.", language="ar")
    assert claims["speaker"].tolist() == ["Al Jazeera"]
    assert resolve("مراسل العربية", "ar").name == "Al Arabiya"
    assert resolve("الجزيرة", "ar") is None


def test_an_adjective_close_to_a_country_word_is_not_that_country() -> None:
    # "the official news agency" is not "the French news agency"
    assert resolve("وكالة الأنباء الرسمية", "ar") is None


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        ("Selon les autorités sanitaires de Gaza, 22 personnes ont été tuées.", "fr",
         "Gaza Ministry of Health"),
        ("وقالت السلطات الصحية في غزة إن 22 شخصا قتلوا.", "ar", "Gaza Ministry of Health"),
        ("Sudanese health authorities said 22 people died of cholera.", "en",
         "Sudanese Ministry of Health"),
        # no place or country: the bare authorities, not some country's ministry
        ("Health authorities said 22 people died of cholera.", "en", "authorities"),
    ],
)  # fmt: skip
def test_health_authorities_are_the_health_ministry(text: str, language: str, speaker: str) -> None:
    assert factcheck.extract(text, language=language)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Israel's military said it struck 40 targets overnight.", "Israel Defense Forces"),
        ("Lebanon's army said 2 soldiers were wounded.", "Lebanese Armed Forces"),
        # no entry under the adjective: kept as written
        ("Chad's fishing board said 2 boats sank.", "Chad's fishing board"),
    ],
)
def test_a_countrys_possessive_names_its_body(text: str, speaker: str) -> None:
    assert factcheck.extract(text, language="en")["speaker"].tolist() == [speaker]
