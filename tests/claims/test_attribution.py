"""Attribution rules on short texts written for these tests (not taken from any article)."""

from __future__ import annotations

from datetime import datetime

from factcheck.claims import extract_claims
from factcheck.mentions import find_mentions
from factcheck.model import Claim, Document


def _claims(text: str, language: str, publisher: str = "Example Wire") -> dict[str, Claim]:
    doc = Document("d", publisher, language, text, datetime(2026, 3, 14, 9, 0))
    return {c.value_text: c for c in extract_claims(doc, find_mentions(doc))}


def test_relay_chain_nearest_relay_first() -> None:
    text = (
        "Agence France-Presse, citing the Iraqi News Agency, which cited the Joint Operations "
        "Command, said 9 militants were killed."
    )
    nine = _claims(text, "en", publisher="Daily Example")["9"]
    assert nine.speaker == "Iraqi Joint Operations Command"
    assert nine.via == "Iraqi News Agency -> Agence France-Presse"


def test_publisher_is_left_out_of_the_chain() -> None:
    text = "ونقلت وكالة الأنباء العراقية عن قيادة العمليات المشتركة أن 9 مسلحين قتلوا."
    nine = _claims(text, "ar", publisher="Iraqi News Agency")["9"]
    assert (nine.speaker, nine.via) == ("Iraqi Joint Operations Command", "")


def test_told_an_outlet_makes_it_a_relay() -> None:
    text = "A police spokesman told Reuters that 12 protesters were arrested."
    twelve = _claims(text, "en", publisher="Daily Example")["12"]
    assert (twelve.speaker, twelve.via) == ("police", "Reuters")  # speaks for the police


def test_passive_agent_speaks_for_the_figure_before_it() -> None:
    text = "Les syndicats ont compté 5 000 manifestants, contre 1 200 recensés par la préfecture."
    found = _claims(text, "fr")
    assert found["5 000"].speaker_text == "Les syndicats"
    assert found["1 200"].speaker_text == "la préfecture"


def test_multiplier_and_capacity_are_not_counts() -> None:
    text = (
        "Le stade, d'une capacité de 8 000 places, accueillait 20 000 personnes, selon la "
        "police, soit deux fois plus que prévu."
    )
    assert list(_claims(text, "fr")) == ["20 000"]


def test_first_person_plural_is_the_publisher() -> None:
    text = "Nous avons compté 3 000 manifestants dans le cortège."
    (claim,) = _claims(text, "fr", publisher="Syndicat Exemple").values()
    assert (claim.speaker, claim.via) == ("Syndicat Exemple", "")
    assert (claim.measure, claim.subject) == ("attended", "protesters")


def test_others_take_the_previous_subject() -> None:
    text = "The strike killed three soldiers and wounded 40 others, the army said."
    forty = _claims(text, "en")["40"]
    assert (forty.measure, forty.subject) == ("wounded", "soldiers")


def test_cues_inside_a_quotation_are_not_the_report() -> None:
    text = '"Nobody told us anything for hours," a resident said. The toll rose to 15.'
    found = _claims(text, "en", publisher="Daily Example")
    assert found["15"].speaker == "Daily Example"


def test_speakers_counted_are_not_figures() -> None:
    text = "Two security sources said 6 guards were killed."
    assert list(_claims(text, "en")) == ["6"]


def test_a_denied_figure_belongs_to_the_denier() -> None:
    text = "The army rejected the rebels' figure of 300 dead as invented."
    found = _claims(text, "en", publisher="Daily Example")
    assert found["300"].speaker_text == "The army"
    assert str(found["300"].polarity) == "denied"


def test_no_casualties_counts_people_not_the_weapons_before_it() -> None:
    text = "Huit roquettes ont été tirées contre la base, sans faire de victimes, selon l'armée."
    found = _claims(text, "fr")
    none = next(c for c in found.values() if str(c.qualifier) == "none_reported")
    assert none.subject == "people"


def test_running_totals_since_a_date_are_context() -> None:
    text = (
        "Strikes killed at least 27 people overnight, the ministry said, bringing the toll "
        "since October 2023 to more than 40,000. The largest raid since April 2024, when 90 "
        "people died, was in the north."
    )
    found = _claims(text, "en")
    assert str(found["at least 27"].scope) == "event"
    assert str(found["more than 40,000"].scope) == "context"
    assert str(found["90"].scope) == "other_event"


def test_coordinated_verb_keeps_its_subject() -> None:
    text = "The army said it had hit 15 targets and denied that 27 civilians had died."
    found = _claims(text, "en", publisher="Daily Example")
    assert found["27"].speaker_text == "The army"
    assert str(found["27"].polarity) == "denied"


def test_a_part_is_counted_by_the_noun_of_its_whole() -> None:
    text = "Le tribunal a placé en détention 40 des 90 suspects arrêtés lundi, selon la police."
    found = _claims(text, "fr")
    assert found["40"].subject == "suspects"


def test_members_count_the_group_named_after_them() -> None:
    text = "وقالت المديرية إن أكثر من 300 عنصر من فرق الإنقاذ يشاركون في البحث."
    (claim,) = _claims(text, "ar").values()
    assert claim.subject == "workers"


def test_according_to_a_report_names_who_made_it() -> None:
    text = "Selon un bilan communiqué jeudi par le ministère de la Santé, 31 personnes sont mortes."
    assert _claims(text, "fr")["31"].speaker_text == "le ministère de la Santé"


def test_people_quoted_by_an_outlet() -> None:
    text = "Des habitants cités par l'AFP évoquent une quarantaine de morts."
    (claim,) = _claims(text, "fr", publisher="Journal Exemple").values()
    assert (claim.speaker, claim.via) == ("eyewitnesses", "Agence France-Presse")


def test_spokesman_for_an_organisation_and_crowd_counts() -> None:
    text = (
        "John Carter, a spokesman for the Interior Ministry, said 9 officers were injured. "
        "Organisers put the turnout at 80,000, while police estimated it at 25,000."
    )
    found = _claims(text, "en", publisher="Daily Example")
    assert found["9"].speaker_text == "a spokesman for the Interior Ministry"
    assert found["9"].speaker != "unnamed officials"
    for value in ("80,000", "25,000"):
        assert (found[value].measure, found[value].subject) == ("attended", "protesters")
    assert found["25,000"].speaker_text == "police"


def test_an_unnamed_source_speaking_to_an_outlet() -> None:
    text = 'وأكد مصدر طبي لـ"رويترز" وصول 6 جثث إلى المستشفى.'
    (claim,) = _claims(text, "ar", publisher="Example Wire").values()
    assert (claim.speaker, claim.via) == ("unnamed medical sources", "Reuters")
    assert claim.speaker_text.startswith("مصدر طبي")
