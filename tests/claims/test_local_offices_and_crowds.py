"""A local office names its place and keeps its holder ("Kharkiv Governor Oleh Syniehubov"
-> Governor of Kharkiv, person Oleh Syniehubov; "محافظ نينوى فلان"), and crowd sizes count
people who attended ("put the crowd at 50,000", "une foule de 5 000 personnes")."""

from __future__ import annotations

import pytest

import factcheck


@pytest.mark.parametrize(
    ("text", "language", "speaker", "person"),
    [
        ("Odesa Governor Marko Lysenko said 9 people were wounded.", "en",
         "Governor of Odesa", "Marko Lysenko"),
        ("Governor Marko Lysenko said 9 people were wounded.", "en", "Governor",
         "Marko Lysenko"),
        ("وقال محافظ نينوى عبد الرحيم الجبوري إن 9 أشخاص أصيبوا.", "ar",
         "Governor of Nineveh", "عبد الرحيم الجبوري"),  # the space inside the name kept
        ("Health Minister Saleh al-Amiri said 9 people were wounded.", "en",
         "Health Minister", "Saleh al-Amiri"),  # the hyphen kept
    ],
)  # fmt: skip
def test_local_office_with_its_holder(text: str, language: str, speaker: str, person: str) -> None:
    row = factcheck.extract(text, language=language).iloc[0]
    assert (row["speaker"], row["speaker_person"]) == (speaker, person)


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("Police arrested 14 people, while organizers put the crowd at 60,000.", "en",
         [("14", "arrested", "people"), ("60,000", "attended", "protesters")]),
        ("Police estimated the crowd at 8,000.", "en", [("8,000", "attended", "protesters")]),
        ("Une foule de 3 000 personnes s'est rassemblée devant la mairie.", "fr",
         [("3 000", "attended", "protesters")]),
        ("La préfecture a estimé la foule à 8 000 personnes.", "fr",
         [("8 000", "attended", "protesters")]),
    ],
)  # fmt: skip
def test_crowd_sizes(text: str, language: str, values: list[tuple[str, str, str]]) -> None:
    rows = factcheck.extract(text, language=language)
    got = list(zip(rows["value_text"], rows["measure"], rows["subject"], strict=True))
    assert got == values
