"""A reporting verb joined by "and"/"et" to an earlier verb of its clause has that clause's
subject as its speaker ("the coast guard rescued 12 people and said ..."), and an apposition
that describes the speaker ("based in Geneva and relying on sources in the field") is not the
speaker, even when it names sources."""

from __future__ import annotations

import pytest

import factcheck


def _speakers(text: str, language: str) -> list[tuple[str, str]]:
    rows = factcheck.extract(text, language=language)
    return list(zip(rows["value_text"], rows["speaker"], strict=True))


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The Syrian Democratic Forces condemned the shelling as a crime and said 9 civilians "
         "were killed.", "en", [("9", "Syrian Democratic Forces")]),
        ("The Syrian Democratic Forces, which run the town, denounced the raid on the market "
         "and said 6 people were wounded.", "en", [("6", "Syrian Democratic Forces")]),
        ("Karim Haddad visited the ward and said 17 people were injured.", "en",
         [("17", "Karim Haddad")]),
        ("Les Forces démocratiques syriennes ont condamné une attaque « barbare » et fait état "
         "de 11 civils tués.", "fr", [("11", "Syrian Democratic Forces")]),
        ("Lundi, les FDS ont dénoncé un crime et avancé le chiffre de 8 morts.", "fr",
         [("8", "Syrian Democratic Forces")]),
    ],
)  # fmt: skip
def test_second_verb_takes_the_clause_subject(
    text: str, language: str, expected: list[tuple[str, str]]
) -> None:
    assert _speakers(text, language) == expected


def test_a_pronoun_subject_continues_the_speaker_before() -> None:
    text = (
        "The health ministry said 4 people died. It condemned the raid and said 13 people "
        "were wounded."
    )
    assert [s for _, s in _speakers(text, "en")] == ["health ministry", "health ministry"]


def test_a_name_inside_the_first_verbs_object_is_not_the_subject() -> None:
    text = (
        "Volunteers dug through the ruins of the Red Crescent depot and said 5 bodies were "
        "recovered."
    )
    assert _speakers(text, "en")[0][1] != "Red Crescent"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Syrian Observatory for Human Rights, based in Britain and relying on contacts "
         "and sources across Syria, said 22 people were wounded.", "en"),
        ("L'Observatoire syrien des droits de l'homme a diffusé un bilan. L'ONG, installée à "
         "Londres et qui s'appuie sur des sources sur le terrain, a fait état de 22 blessés.",
         "fr"),
    ],
)  # fmt: skip
def test_sources_inside_a_describing_apposition_are_not_the_speaker(
    text: str, language: str
) -> None:
    assert _speakers(text, language) == [("22", "Syrian Observatory for Human Rights")]


def test_sources_after_a_subordinator_still_speak() -> None:
    text = "In the north, while local sources said 30 people were wounded, the army said 3."
    assert [s for _, s in _speakers(text, "en")] == ["unnamed sources", "army"]
