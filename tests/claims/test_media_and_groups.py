"""Media as speakers ("state media", "les médias d'État", "وسائل الإعلام"), "the group" for the
armed group named before, and a toll verb ("bringing", "portant") that ends a speaker read
backwards."""

from __future__ import annotations

import pytest

import factcheck


def _speakers(text: str, language: str) -> list[str]:
    return factcheck.extract(text, language=language)["speaker"].tolist()


@pytest.mark.parametrize(
    ("text", "language", "speakers"),
    [
        ("The mayor counted 31 dead, while state media reported 26.", "en",
         ["Mayor", "state media"]),
        ("Le maire a recensé 31 morts, tandis que les médias d'État évoquent 26 morts.", "fr",
         ["Mayor", "médias d'État"]),
        ("وذكرت وسائل إعلام محلية أن 26 شخصا قتلوا في الانفجار.", "ar", ["وسائل إعلام محلية"]),
    ],
)  # fmt: skip
def test_media_speak(text: str, language: str, speakers: list[str]) -> None:
    assert _speakers(text, language) == speakers


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hamas said three of its commanders were killed, bringing the group's losses this "
         "month to 40.", "en"),
        ("The group said 12 of its members were arrested.", "en"),
        ("Le Hamas a annoncé la mort de trois commandants. Le groupe a fait état de 40 morts "
         "dans ses rangs depuis le début du mois.", "fr"),
    ],
)  # fmt: skip
def test_the_group_is_the_armed_group_named_before(text: str, language: str) -> None:
    got = _speakers(text, language)
    expected = ["Hamas"] * len(got) if "Hamas" in text else ["group"]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        ("The ministry rejected the figure of 400 deaths reported by local media.", "en",
         "ministry"),
        ("Le ministère a démenti le chiffre de 400 morts avancé par plusieurs médias.", "fr",
         "ministère"),
    ],
)  # fmt: skip
def test_a_denial_before_a_passive_source_speaks(text: str, language: str, speaker: str) -> None:
    row = factcheck.extract(text, language=language).iloc[0]
    assert (row["speaker"], row["polarity"]) == (speaker, "denied")


def test_a_capitalised_stop_word_after_an_article_is_a_name() -> None:
    # "l'Est" (the East) is not "est" (is): the phrase read back runs past it
    text = (
        "Le gouvernement de l'Est libyen a fait état de 3 840 morts, tandis que l'ONU évoque "
        "11 300 décès."
    )
    assert _speakers(text, "fr") == ["Libyan government", "United Nations"]


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        ("Gunmen of the Islamic State group stormed the checkpoint before dawn. The group later "
         "said 9 soldiers were killed.", "en", "ISIS"),
        ("Médecins sans frontières a dépêché une équipe chirurgicale. L'ONG a fait état de 31 "
         "blessés.", "fr", "Doctors Without Borders"),
    ],
)  # fmt: skip
def test_a_type_noun_names_an_organisation_named_before_without_speaking(
    text: str, language: str, speaker: str
) -> None:
    rows = factcheck.extract(text, language=language)
    assert list(rows["speaker"]) == [speaker]
