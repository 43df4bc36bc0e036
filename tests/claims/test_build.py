"""extract_claims on the seed article and on short texts written for these tests."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from factcheck.claims import extract_claims
from factcheck.mentions import find_mentions
from factcheck.model import Claim, Document, Kind, Polarity, Qualifier, Scope


def _claims(text: str, language: str, publisher: str = "Example Wire") -> list[Claim]:
    doc = Document("d", publisher, language, text, datetime(2024, 8, 31, 12, 0))
    return extract_claims(doc, find_mentions(doc))


def test_seed_article_gives_exactly_the_five_claims(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    doc = Document("seed", "Al-Araby Al-Jadeed", "ar", text, datetime(2024, 8, 31))
    claims = extract_claims(doc, find_mentions(doc))
    for c in claims:
        assert text[c.start : c.end] == c.value_text
        assert all(text[s.start : s.end] == c.value_text for s in c.also_at)
    got = {
        (
            c.value_text,
            c.speaker,
            c.via,
            c.measure,
            c.subject,
            c.subject_detail,
            c.low,
            c.high,
            str(c.qualifier),
            str(c.scope),
            str(c.kind),
        )
        for c in claims
    }
    assert got == {
        (
            "15",
            "US Central Command",
            "",
            "killed",
            "militants",
            "ISIS",
            15,
            15,
            "exact",
            "event",
            "casualty",
        ),
        (
            "7",
            "unnamed sources",
            "Associated Press",
            "wounded",
            "soldiers",
            "US",
            7,
            7,
            "exact",
            "event",
            "casualty",
        ),
        (
            "لا يوجد أي مؤشر على وقوع إصابات",
            "US Central Command",
            "",
            "casualties",
            "civilians",
            "",
            0,
            0,
            "none_reported",
            "event",
            "casualty",
        ),
        (
            "14",
            "Iraqi Joint Operations Command",
            "Iraqi News Agency",
            "killed",
            "militants",
            "ISIS",
            14,
            14,
            "exact",
            "event",
            "casualty",
        ),
        (
            "2500",
            "Al-Araby Al-Jadeed",
            "",
            "deployed",
            "soldiers",
            "US",
            2500,
            2500,
            "exact",
            "context",
            "force_size",
        ),
    }
    by_value = {c.value_text: c for c in claims}
    assert by_value["15"].event_date == date(2024, 8, 29)
    assert len(by_value["14"].also_at) == 1  # stated twice, one claim
    assert by_value["2500"].speaker_text == ""
    assert by_value["2500"].event_date is None


def test_english_relay_and_post_posed_speaker() -> None:
    text = (
        "Nine fighters died in the strike, the army said on Monday. "
        "Reuters, citing two hospital sources, said 12 civilians were wounded."
    )
    nine, twelve = _claims(text, "en")
    assert (nine.speaker_text, nine.measure, nine.subject) == ("the army", "killed", "militants")
    assert (twelve.speaker, twelve.via) == ("unnamed medical sources", "Reuters")
    assert (twelve.measure, twelve.subject) == ("wounded", "civilians")


def test_english_he_added_carries_the_speaker() -> None:
    text = (
        "Police chief Anna Berg said 40 protesters were arrested. "
        "Three officers were hurt, she added."
    )
    forty, three = _claims(text, "en")
    assert forty.measure == "arrested" and forty.subject == "protesters"
    assert three.speaker == forty.speaker
    assert (three.measure, three.subject) == ("wounded", "police")


def test_publisher_voice_and_context_scope() -> None:
    (claim,) = _claims("About 900 US troops remain in Syria.", "en", publisher="Daily Example")
    assert (claim.speaker, claim.speaker_text, claim.via) == ("Daily Example", "", "")
    assert claim.scope == Scope.CONTEXT and claim.kind == Kind.FORCE_SIZE
    assert claim.qualifier == Qualifier.ABOUT


def test_denied_figure() -> None:
    text = "The ministry denied that 300 people had been detained."
    (claim,) = _claims(text, "en")
    assert claim.polarity == Polarity.DENIED
    assert claim.measure == "detained"


def test_french_selon_and_a_t_il_ajoute() -> None:
    text = (
        "Douze manifestants ont été interpellés, selon la préfecture de police. "
        "Quatre policiers ont été blessés, a-t-elle ajouté."
    )
    douze, quatre = _claims(text, "fr")
    assert douze.speaker_text == "la préfecture de police"
    assert (douze.measure, douze.subject) == ("arrested", "protesters")
    assert quatre.speaker == douze.speaker
    assert (quatre.measure, quatre.subject) == ("wounded", "police")


def test_arabic_feminine_verb_skips_masculine_speaker() -> None:
    text = (
        "أعلنت وزارة الصحة مقتل 12 شخصا في القصف. "
        "وقال مسؤول محلي إن الطرق مغلقة. "
        "وأضافت أن 30 جريحا نقلوا إلى المستشفيات."
    )
    twelve, thirty = _claims(text, "ar")
    assert twelve.speaker_text == "وزارة الصحة"
    assert (twelve.measure, twelve.subject) == ("killed", "people")
    assert thirty.speaker == twelve.speaker  # "وأضافت" is feminine: not the official
    assert thirty.measure == "wounded"


def test_repeated_figure_is_one_claim() -> None:
    text = "قالت الشرطة إن 5 متظاهرين اعتقلوا. وأكدت الشرطة اعتقال 5 متظاهرين."
    (claim,) = _claims(text, "ar")
    assert len(claim.also_at) == 1
    assert text[claim.also_at[0].start : claim.also_at[0].end] == "5"
