"""A report noun names its author after it, past adjectives such as "new", "latest",
"nouveau", "dernier": "selon un nouveau décompte de la protection civile" is the civil
protection's figure."""

from __future__ import annotations

import pytest

import factcheck


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        ("Le bilan est passé à 41 morts, selon un nouveau décompte de la protection civile.",
         "fr", "protection civile"),
        ("Selon le dernier bilan du ministère de la Santé, 41 personnes sont mortes.", "fr",
         "ministère de la Santé"),
        ("The toll climbed to 41, according to the latest tally from the provincial disaster "
         "agency.", "en", "provincial disaster agency"),
    ],
)  # fmt: skip
def test_author_after_an_adjective_and_a_report_noun(
    text: str, language: str, speaker: str
) -> None:
    assert factcheck.extract(text, language=language)["speaker"].tolist() == [speaker]
