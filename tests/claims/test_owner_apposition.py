"""A phrase between commas that says who runs the speaker does not make the owner speak:
"the ministry, run by Hamas, said" is the ministry's statement."""

from __future__ import annotations

import pytest

import factcheck


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        ("The health ministry in Gaza, run by Hamas, said 35 people were killed.", "en",
         "Gaza Ministry of Health"),
        ("The ministry, controlled by the de facto authorities, said 12 people died.", "en",
         "ministry"),
        ("Le ministère de la Santé de Gaza, contrôlé par le Hamas, a fait état de 35 morts.", "fr",
         "Gaza Ministry of Health"),
        ("Les autorités de Gaza, dirigées par le Hamas, font état de 35 morts.", "fr",
         "Palestinian authorities"),
    ],
)  # fmt: skip
def test_the_body_speaks_not_its_owner(text: str, language: str, speaker: str) -> None:
    assert factcheck.extract(text, language=language)["speaker"].tolist() == [speaker]


def test_an_agent_that_speaks_still_speaks() -> None:
    text = "The attack was claimed by Hamas, which said 3 soldiers were killed."
    assert factcheck.extract(text, language="en")["speaker"].tolist() == ["Hamas"]


def test_font_etat_reports() -> None:
    text = "Les secouristes font état de 14 blessés après l'effondrement."
    assert factcheck.extract(text, language="fr")["speaker"].tolist() == ["unnamed sources"]
