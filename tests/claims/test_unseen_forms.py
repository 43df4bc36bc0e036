"""Forms found missing on the held-out set (tests/holdout/), read as claims: abductions and
escapes, students and teachers, peacekeepers, hedges such as "as high as" and "يتجاوز",
Arabic duals of women, the homeless and the rescued in French. Texts written for these tests,
in Arabic, English and French (not taken from any article)."""

from __future__ import annotations

from datetime import datetime

import pytest

from factcheck.claims import extract_claims
from factcheck.mentions import find_mentions
from factcheck.model import Claim, Document


def _claims(text: str, language: str, publisher: str = "Example Daily") -> list[Claim]:
    doc = Document("d", publisher, language, text, datetime(2026, 3, 14, 9, 0))
    return extract_claims(doc, find_mentions(doc))


def _one(text: str, language: str, value: float) -> Claim:
    found = [c for c in _claims(text, language) if c.low == value or c.high == value]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "language", "value", "detail", "subject"),
    [
        (
            "Armed men kidnapped 14 pupils from a village school, the governor said.",
            "en",
            14,
            "abducted",
            "students",
        ),
        (
            "Bandits abducted 9 farmers near the border on Sunday, residents said.",
            "en",
            9,
            "abducted",
            "people",
        ),
        ("Seven of the hostages escaped on Monday, the army said.", "en", 7, "escaped", "hostages"),
        (
            "Des hommes armés ont enlevé 22 élèves dans un collège, selon la police.",
            "fr",
            22,
            "abducted",
            "students",
        ),
        (
            "Cinq otages se sont échappés dans la nuit, a indiqué l'armée.",
            "fr",
            5,
            "escaped",
            "hostages",
        ),
        (
            "وقالت الشرطة إن مسلحين اختطفوا 17 تلميذا من مدرسة ابتدائية.",
            "ar",
            17,
            "abducted",
            "students",
        ),
        ("وأعلن الجيش أن 4 رهائن تمكنوا من الفرار من خاطفيهم.", "ar", 4, "escaped", "hostages"),
    ],
)
def test_abductions_and_escapes_are_counted(
    text: str, language: str, value: float, detail: str, subject: str
) -> None:
    claim = _one(text, language, value)
    assert (claim.measure, claim.measure_detail, claim.subject) == ("other", detail, subject)


@pytest.mark.parametrize(
    ("text", "language", "value", "measure", "subject"),
    [
        (
            "Three teachers suffered gunshot wounds, the head teacher said.",
            "en",
            3,
            "wounded",
            "workers",
        ),
        ("Deux enseignants ont été blessés, selon le rectorat.", "fr", 2, "wounded", "workers"),
        ("وأصيب 6 معلمين بجروح في الهجوم.", "ar", 6, "wounded", "workers"),
        (
            "The mission said it had sent 300 peacekeepers to the town.",
            "en",
            300,
            "deployed",
            "soldiers",
        ),
        ("وأرسلت البعثة 200 من جنود حفظ السلام إلى البلدة.", "ar", 200, "deployed", "soldiers"),
        (
            "Quelque 450 personnes se retrouvent sans abri après la crue.",
            "fr",
            450,
            "displaced",
            "people",
        ),
    ],
)
def test_teachers_peacekeepers_and_the_homeless(
    text: str, language: str, value: float, measure: str, subject: str
) -> None:
    claim = _one(text, language, value)
    assert (claim.measure, claim.subject) == (measure, subject)


def test_pulled_out_alive_in_french_is_rescued() -> None:
    claim = _one("Douze mineurs ont été dégagés vivants, selon les secours.", "fr", 12)
    assert (claim.measure, claim.measure_detail) == ("other", "rescued")


@pytest.mark.parametrize(
    ("text", "language", "value", "qualifier"),
    [
        ("An official said the toll could be as high as 60.", "en", 60, "at_most"),
        ("وقال سكان إن عدد المفقودين يتجاوز 30 شخصا.", "ar", 30, "at_least"),
    ],
)
def test_hedges_as_high_as_and_the_present_of_tajawaza(
    text: str, language: str, value: float, qualifier: str
) -> None:
    assert _one(text, language, value).qualifier == qualifier


def test_an_arabic_dual_of_women_counts_women() -> None:
    claim = _one("وقال المستشفى إن بين القتلى ثلاثة رجال وامرأتين.", "ar", 2)
    assert (claim.low, claim.subject) == (2, "women")
