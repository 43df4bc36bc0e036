"""Forms real reports take, read as claims: "no <side> casualties" statements with their
speaker, hedge verbs and hedges set off by commas, Arabic sums of words and digits, and the
outlet restating a figure that its headline gives a source. Texts written for these tests, in
Arabic, English and French (not taken from any article)."""

from __future__ import annotations

from datetime import datetime

import pytest

from factcheck.claims import extract_claims
from factcheck.mentions import find_mentions
from factcheck.model import Claim, Document


def _claims(text: str, language: str, publisher: str = "Example Daily") -> list[Claim]:
    doc = Document("d", publisher, language, text, datetime(2026, 3, 14, 9, 0))
    return extract_claims(doc, find_mentions(doc))


def _zeros(text: str, language: str) -> list[Claim]:
    return [c for c in _claims(text, language) if c.qualifier == "none_reported"]


@pytest.mark.parametrize(
    ("text", "language", "speaker", "measure", "subject"),
    [
        (
            "The Lebanese army said no Lebanese soldiers were wounded by the shelling on Tuesday.",
            "en",
            "Lebanese Armed Forces",
            "wounded",
            "soldiers",
        ),
        (
            "Egyptian officials said no members of the Egyptian army were hurt in the raid.",
            "en",
            "unnamed Egyptian officials",
            "wounded",
            "",
        ),
        (
            "Washington said it had no reports of American casualties after the barrage.",
            "en",
            "US government",
            "casualties",
            "",
        ),
        (
            "وقال الجيش اللبناني إنه لا توجد خسائر في صفوف جنوده جراء القصف.",
            "ar",
            "Lebanese Armed Forces",
            "casualties",
            "",
        ),
        (
            "وأكدت وزارة الصحة العراقية عدم وجود ما يدل على وقوع إصابات بين المدنيين في الحي.",
            "ar",
            "",
            "casualties",
            "civilians",
        ),
        (
            "Aucun soldat français n'a été blessé lors de l'attaque, a indiqué l'état-major.",
            "fr",
            "",
            "wounded",
            "soldiers",
        ),
    ],
)
def test_no_casualties_of_a_side_is_a_zero_claim(
    text: str, language: str, speaker: str, measure: str, subject: str
) -> None:
    """A side named between the negator and the harm word ("no Egyptian sailors were hurt")
    keeps the statement a [0, 0] claim of the sentence's speaker."""
    (zero,) = _zeros(text, language)
    assert (zero.low, zero.high) == (0.0, 0.0)
    assert zero.measure == measure
    if speaker:
        assert zero.speaker == speaker
    else:
        assert zero.speaker != "Example Daily"  # a source governs the sentence
    if subject:
        assert zero.subject == subject


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("No group has said who fired the rocket that killed 4 farmers.", "en"),
        ("وقال الدفاع المدني إنه لا توجد خسائر مادية كبيرة في السوق.", "ar"),
        ("Sans préciser le nombre de morts, la police a bouclé le quartier.", "fr"),
    ],
)
def test_words_between_a_negator_and_a_harm_word_are_not_enough(text: str, language: str) -> None:
    """Only words of a closed list (a side, its members, "reports of") may stand between."""
    assert _zeros(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "low"),
    [
        ("The ministry said the number of wounded exceeded 9,000 on Sunday.", "en", 9000.0),
        ("The ministry said 38 people, at least, drowned when the boat sank.", "en", 38.0),
        ("وقالت الوزارة إنه تجاوز عدد النازحين 9 آلاف.", "ar", 9000.0),
        ("وقالت الوزارة إن 38 شخصا، على الأقل، غرقوا.", "ar", 38.0),
        ("Selon le ministère, le nombre de blessés a dépassé les 9 000.", "fr", 9000.0),
        ("Selon le ministère, 38 personnes, au moins, se sont noyées.", "fr", 38.0),
    ],
)
def test_hedge_verbs_and_hedges_between_commas_make_at_least(
    text: str, language: str, low: float
) -> None:
    """ "exceeded", "تجاوز عدد ...", "a dépassé les", and ", at least," after the noun are
    "more than": the figure is a lower bound, the speaker still the ministry's."""
    (claim,) = _claims(text, language)
    assert (claim.low, claim.high, claim.qualifier) == (low, None, "at_least")
    assert claim.speaker != "Example Daily"


def test_arabic_sum_of_words_and_digits_is_one_claim() -> None:
    """ "أكثر من مليون و40 ألف": one figure of 1,040,000 or more, not a million and 40,000."""
    text = "وقالت وزارة الداخلية الفرنسية إن أكثر من مليون و40 ألف شخص تظاهروا في فرنسا."
    (claim,) = _claims(text, "ar")
    assert (claim.low, claim.high, claim.qualifier) == (1040000.0, None, "at_least")
    assert claim.measure == "attended"


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        (
            "Two soldiers killed in border attack\n"
            "An attack on a border post killed two soldiers, army officials told Reuters.\n"
            "The killing of two soldiers at the post is the first such loss this year.\n",
            "en",
            "two",
        ),
        (
            "مقتل جنديين في هجوم على الحدود\n"
            "قال مسؤولون في الجيش إن هجوما على نقطة حدودية أسفر عن مقتل 2 من الجنود.\n"
            "ويعد مقتل 2 من الجنود في النقطة أول خسارة من نوعها هذا العام.\n",
            "ar",
            "2",
        ),
        (
            "Deux soldats tués dans une attaque à la frontière\n"
            "Une attaque contre un poste a tué deux soldats, a indiqué l'armée à l'AFP.\n"
            "La mort de deux soldats au poste est la première perte de l'année.\n",
            "fr",
            "deux",
        ),
    ],
)
def test_outlet_restating_a_headline_figure_keeps_its_own_claim(
    text: str, language: str, value: str
) -> None:
    """The headline's figure joins the body source's claim; a later sentence where the outlet
    restates the figure in its own voice stays a claim of the outlet, not folded into the
    headline (and with it into the source)."""
    found = [c for c in _claims(text, language) if c.measure == "killed" and c.low == 2.0]
    speakers = sorted(c.speaker for c in found)
    assert len(found) == 2, speakers
    assert "Example Daily" in speakers
    sourced = next(c for c in found if c.speaker != "Example Daily")
    assert len(sourced.also_at) == 1  # the headline


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Turkish Red Crescent says 40 died.\n"
            "A local official told the AP that 900 people were missing, fewer than the 1,500 a "
            "second Red Crescent spokesman gave on Friday.",
            "Turkish Red Crescent",
        ),
        (
            "The mayor said 900 people were missing, fewer than the 1,500 the police reported.",
            "police",
        ),
    ],
)
def test_definite_figure_then_its_speaker_is_a_relative_without_pronoun(
    text: str, speaker: str
) -> None:
    """ "fewer than the 1,500 a spokesman gave": an English relative clause with no "that"
    after a figure the article makes definite gives that figure to the relative's speaker,
    not to the sentence's."""
    found = {c.low: c for c in _claims(text, "en")}
    assert found[1500.0].speaker == speaker
    assert found[900.0].speaker != speaker


def test_a_figure_then_a_new_subject_without_article_is_not_a_relative() -> None:
    """Without the article before the figure, the words after it are not a relative clause:
    "killed 1,500 people, the police reported" keeps the police as the sentence's speaker."""
    (claim,) = _claims("The floods killed 1,500 people, the police reported.", "en")
    assert claim.speaker == "police"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The army said in a statement that the raid killed 20 militants, including leaders.\n"
            "The raid took place at dawn.\n"
            "According to the statement, among these leaders, five were named from fingerprints.",
            "en",
        ),
        (
            "وقال الجيش في بيان إن العملية أسفرت عن مقتل 20 مسلحا بينهم قياديون.\n"
            "ونفذت العملية فجرا.\n"
            "ووفق البيان، من بين هؤلاء القياديين، عرفت هوية خمسة عبر البصمات.",
            "ar",
        ),
        (
            "L'armée a annoncé dans un communiqué la mort de 20 jihadistes, dont des cadres.\n"
            "L'opération a eu lieu à l'aube.\n"
            "Selon le communiqué, parmi ces cadres, cinq ont été reconnus par leurs empreintes.",
            "fr",
        ),
    ],
)
def test_part_named_ahead_counts_a_part_of_the_toll(text: str, language: str) -> None:
    """ "Among these leaders, five were identified": a part of the toll named before it, by
    the speaker "the statement" points back at."""
    found = {c.low: c for c in _claims(text, language)}
    five = found[5.0]
    assert (five.measure, five.subject) == ("killed", "militants")
    assert five.speaker == found[20.0].speaker != "Example Daily"


def test_between_two_sides_is_not_a_part() -> None:
    """ "بين" alone is "between": a figure after "a war between the army and X," is no part."""
    text = (
        "وتأتي الكارثة في بلد أنهكته حرب بين الجيش والمتمردين، "
        "أجبرت أكثر من 10 ملايين شخص على النزوح."
    )
    (claim,) = _claims(text, "ar")
    assert claim.measure == "displaced"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("وقال الجيش التركي إن 9 من جنوده أصيبوا في الهجوم.", "ar"),
        ("وقال المتحدث: أصيب 9 من جنودنا بجروح طفيفة.", "ar"),
        ("The Turkish army said 9 of its soldiers were wounded in the attack.", "en"),
        ("L'armée turque a indiqué que 9 de ses soldats avaient été blessés.", "fr"),
    ],
)
def test_own_soldiers_with_a_possessive_are_soldiers(text: str, language: str) -> None:
    """ "9 من جنوده", "جنودنا", "9 of its soldiers": a force counting its own troops."""
    (claim,) = _claims(text, language)
    assert (claim.measure, claim.subject) == ("wounded", "soldiers")
