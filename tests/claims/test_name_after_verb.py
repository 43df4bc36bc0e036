"""A person named after the reporting verb: an apposition with a role says whom the person
speaks for ("said Leila Haddad, a spokeswoman for the port authority"), an Arabic name is
recognised without capitals, and an agency the person talked to only relays them."""

from __future__ import annotations

import pytest

import factcheck


def _one(text: str, language: str) -> dict[str, str]:
    rows = factcheck.extract(text, language=language)
    assert len(rows) == 1, rows
    row = rows.iloc[0]
    return {k: row[k] for k in ("speaker", "speaker_person", "via")}


@pytest.mark.parametrize(
    ("text", "language", "speaker", "person"),
    [
        ("Nine fishermen are still missing, said Leila Haddad, a spokeswoman for the "
         "International Organization for Migration.", "en",
         "International Organization for Migration", "Leila Haddad"),
        ("Firefighters rescued 31 people overnight, said Tom Becker, the director of the "
         "Lakeside Fire Service.", "en", "Lakeside Fire Service", "Tom Becker"),
        ("Au moins 23 migrants ont péri, a indiqué Samir Toumi, porte-parole du Haut "
         "Commissariat des Nations unies pour les réfugiés.", "fr",
         "UNHCR", "Samir Toumi"),
        ("وقال سامر العلي، المتحدث باسم منظمة الصحة العالمية، إن 40 شخصا أصيبوا بالكوليرا.", "ar",
         "World Health Organization", "سامر العلي"),
        ("وقال يوسف منصور، وهو مدير مستشفى الأمل، إن 18 جريحا وصلوا إلى المستشفى.", "ar",
         "مدير مستشفى الأمل", "يوسف منصور"),  # as "وقال مدير مستشفى الأمل" names it
    ],
)  # fmt: skip
def test_role_after_the_name(text: str, language: str, speaker: str, person: str) -> None:
    got = _one(text, language)
    assert (got["speaker"], got["speaker_person"]) == (speaker, person)


@pytest.mark.parametrize(
    ("text", "speaker", "via"),
    [
        ("وقال خالد عمران لوكالة فرانس برس إن 6 منازل دمرت.", "خالد عمران",
         "Agence France-Presse"),
        ("وقالت هدى الشامي لرويترز إن 14 شخصا أصيبوا.", "هدى الشامي", "Reuters"),
        ("وقال مسؤول محلي لوكالة فرانس برس إن 6 منازل دمرت.", "unnamed officials",
         "Agence France-Presse"),
        ("وقال مدير المستشفى لرويترز إن 14 شخصا أصيبوا.", "مدير المستشفى", "Reuters"),
        # the agency's own reporter: the agency speaks
        ("وقال مراسل لوكالة فرانس برس إن 6 منازل دمرت.", "Agence France-Presse", ""),
    ],
)  # fmt: skip
def test_arabic_name_told_an_agency(text: str, speaker: str, via: str) -> None:
    got = _one(text, "ar")
    assert (got["speaker"], got["via"]) == (speaker, via)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وقال عمر الخطيب إن 5 قوارب غرقت قرب الساحل.", "عمر الخطيب"),
        ("وقال علي منصور إن 5 قوارب غرقت قرب الساحل.", "علي منصور"),  # "علي" is also "on"
        ("وأكدت أسماء حداد إن 5 قوارب غرقت قرب الساحل.", "أسماء حداد"),
    ],
)
def test_arabic_name_with_no_title(text: str, speaker: str) -> None:
    assert _one(text, "ar")["speaker"] == speaker


def test_arabic_resident_named_then_described() -> None:
    got = _one("وقالت سلمى ناصر، إحدى سكان الحي، إن 3 مبان انهارت.", "ar")
    assert got["speaker"] == "eyewitnesses"


@pytest.mark.parametrize(
    "text",
    [
        "وذكرت تقارير محلية أن 5 قوارب غرقت قرب الساحل.",  # reports, not a person
        "وقال بيان صادر أن 5 قوارب غرقت قرب الساحل.",
        "وقال على الفور إن 5 قوارب غرقت قرب الساحل.",  # "on the spot", not the name Ali
    ],
)
def test_arabic_phrases_that_are_not_names(text: str) -> None:
    assert _one(text, "ar")["speaker"] == "text"  # the publisher's own voice


def test_an_agency_word_inside_a_french_name_is_not_an_outlet() -> None:
    text = "Selon la police, 40 personnes ont été interpellées, a rapporté l'agence Anadolu."
    assert _one(text, "fr")["via"] != "Agence France-Presse"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # those told are not the speaker, before or after the verb
        ("غير أن سكانا تحدثوا لوسائل إعلام محلية أكدوا أن 30 منزلا دمرت.", "eyewitnesses"),
        ("وتحدثت وسائل إعلام محلية عن غرق 30 منزلا.", "وسائل إعلام محلية"),
        ("وقال المتحدث باسم الدفاع المدني للصحفيين إن 30 منزلا دمرت.", "الدفاع المدني"),
    ],
)
def test_arabic_audiences_do_not_speak(text: str, speaker: str) -> None:
    assert _one(text, "ar")["speaker"] == speaker


def test_person_before_a_description_is_kept() -> None:
    text = (
        "Rescuers found 12 bodies, Omar Dalil, head of the ambulance service in the north, "
        "told Reuters."
    )
    row = factcheck.extract(text, language="en").iloc[0]
    assert row["speaker_person"] == "Omar Dalil"
