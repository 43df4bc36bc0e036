"""Who says each figure in newsroom forms: headline + body, datelines, one source named several
ways, relays at the end of a sentence, affiliated unnamed sources, office holders. Texts written
for these tests, in Arabic, English and French (not taken from any article)."""

from __future__ import annotations

from datetime import datetime

import pytest

from factcheck.claims import extract_claims
from factcheck.claims.datelines import find_dateline
from factcheck.mentions import find_mentions
from factcheck.model import Claim, Document
from factcheck.schema import claims_frame


def _claims(text: str, language: str, publisher: str = "Example Daily") -> dict[str, Claim]:
    doc = Document("d", publisher, language, text, datetime(2026, 3, 14, 9, 0))
    return {c.value_text: c for c in extract_claims(doc, find_mentions(doc))}


EN_STORY = (
    "Fire kills 8 in Basra market\n"
    "BASRA, Iraq (Reuters) - Eight people were killed when a fire swept through a market in "
    "Basra on Monday, the civil defence said.\n"
    "Police Colonel Ahmed Jassim told Reuters that 12 people were injured. Police spokesman "
    "Ahmed Jassim later said 3 shop owners were missing. The police said 2 firefighters were "
    "treated for smoke inhalation.\n"
    "Health Minister Saleh al-Hasnawi said 4 of the injured were in critical condition, the "
    "Iraqi News Agency reported.\n"
    "An Iraqi security source said 5 suspects were arrested."
)
AR_STORY = (
    "حريق يودي بحياة 8 أشخاص في سوق بالبصرة\n"
    "البصرة - واع\n"
    "قالت مديرية الدفاع المدني في البصرة إن 8 أشخاص لقوا حتفهم في حريق اندلع في سوق المدينة.\n"
    "وأعلن وزير الصحة صالح الحسناوي أن 12 شخصا أصيبوا بجروح.\n"
    "وأضاف أن 4 من المصابين في حالة حرجة.\n"
    "وقالت مصادر أمنية عراقية إن 5 مشتبه بهم اعتقلوا."
)
FR_STORY = (
    "Incendie à Bassora : 8 morts\n"
    "BASSORA (AFP) - Huit personnes ont été tuées dans l'incendie d'un marché de Bassora lundi, "
    "a annoncé la protection civile irakienne.\n"
    "Douze personnes ont été blessées, a déclaré à l'AFP le ministre de la Santé.\n"
    "Quatre d'entre elles sont dans un état critique, a-t-il ajouté.\n"
    "Selon une source sécuritaire irakienne, 5 suspects ont été interpellés."
)


@pytest.mark.parametrize(
    ("text", "language", "body"),
    [(EN_STORY, "en", "Eight"), (AR_STORY, "ar", "8"), (FR_STORY, "fr", "Huit")],
)
def test_headline_figure_joins_the_body_claim(text: str, language: str, body: str) -> None:
    """One document, one voice: the headline's 8 is the civil defence's claim, not a second
    source in the publisher's voice."""
    found = _claims(text, language)
    eight = found[body]
    assert eight.speaker == "Iraqi Civil Defence"
    head = text.index("8")
    assert (head, head + 1) in [(s.start, s.end) for s in eight.also_at]
    assert all(c.speaker != "Example Daily" for c in found.values())


@pytest.mark.parametrize(
    ("text", "language", "outlet", "place"),
    [
        ("MOSUL, Iraq (Reuters) - Police said 3 died.", "en", "Reuters", "MOSUL, Iraq"),
        ("Title\nBAGHDAD (AP) — Officials said 3 died.", "en", "Associated Press", "BAGHDAD"),
        ("بغداد - واع\nقالت الشرطة إن 3 قتلوا.", "ar", "Iraqi News Agency", "بغداد"),
        ("PARIS (AFP) - Trois morts selon la police.", "fr", "Agence France-Presse", "PARIS"),
        (
            "Paris, 7 mars (AFP) - La police a compté 3 morts.",
            "fr",
            "Agence France-Presse",
            "Paris",
        ),
    ],
)
def test_datelines_name_the_wire_agency(text: str, language: str, outlet: str, place: str) -> None:
    line = find_dateline(text, language)
    assert line is not None and line.outlet == outlet
    assert text[line.start :].startswith(place)


def test_a_dateline_is_a_relay_never_a_speaker() -> None:
    found = _claims(EN_STORY, "en")
    assert found["Eight"].via == "Reuters"  # the wire copy, republished by another outlet
    assert all(c.speaker != "Reuters" for c in found.values())
    found = _claims(AR_STORY, "ar")
    assert {c.via for c in found.values()} == {"Iraqi News Agency"}
    # the wire agency publishing its own copy is no relay
    own = _claims(FR_STORY, "fr", publisher="Agence France-Presse")
    assert own["Huit"].via == ""
    assert find_dateline("The army (IDF) - said 3 died.", "en") is None


def test_one_source_named_three_ways_is_one_speaker() -> None:
    found = _claims(EN_STORY, "en")
    assert {found[v].speaker for v in ("12", "3", "2")} == {"Iraqi police"}
    assert found["12"].speaker_person == "Colonel Ahmed Jassim"
    assert found["3"].speaker_person == "Ahmed Jassim"
    assert found["2"].speaker_person == ""
    ar = _claims(
        "قالت الشرطة العراقية إن 3 أشخاص قتلوا. وأضاف المتحدث باسم الشرطة أن 5 أصيبوا.", "ar"
    )
    assert ar["3"].speaker == ar["5"].speaker == "Iraqi police"


@pytest.mark.parametrize(
    ("text", "language", "value", "speaker", "via"),
    [
        (EN_STORY, "en", "4", "Iraqi Health Minister", "Iraqi News Agency -> Reuters"),
        (
            "“A source in the Iraqi army said 30 militants were killed,” Al Jazeera reported.",
            "en",
            "30",
            "unnamed Iraqi Armed Forces sources",
            "Al Jazeera",
        ),
        (
            "Douze personnes ont été blessées, a déclaré à l'AFP le ministre de la Santé.",
            "fr",
            "Douze",
            "Health Minister",
            "Agence France-Presse",
        ),
        (
            'وأكد مسؤولون أميركيون لشبكة "سي إن إن" أن 4 عسكريين لقوا حتفهم.',
            "ar",
            "4",
            "unnamed US officials",
            "CNN",
        ),
    ],
)
def test_relays_at_the_end_of_a_sentence(
    text: str, language: str, value: str, speaker: str, via: str
) -> None:
    claim = _claims(text, language)[value]
    assert (claim.speaker, claim.via) == (speaker, via)


@pytest.mark.parametrize(
    ("text", "language", "value", "speaker"),
    [
        (EN_STORY, "en", "5", "unnamed Iraqi security sources"),
        (AR_STORY, "ar", "5", "unnamed Iraqi security sources"),
        (FR_STORY, "fr", "5", "unnamed Iraqi security sources"),
        ("A US defense source said 7 soldiers were hurt.", "en", "7", "unnamed US defense sources"),
        ("وذكر مصدر دفاعي أمريكي أن 9 عسكريين جرحوا.", "ar", "9", "unnamed US defense sources"),
        ("Gaza officials said 40 people were killed.", "en", "40", "unnamed Gaza Strip officials"),
        ("Officials said 12 people were killed.", "en", "12", "unnamed officials"),
    ],
)
def test_unnamed_sources_keep_their_affiliation(
    text: str, language: str, value: str, speaker: str
) -> None:
    assert _claims(text, language)[value].speaker == speaker


@pytest.mark.parametrize(
    ("text", "language", "value", "speaker", "person"),
    [
        (AR_STORY, "ar", "12", "Iraqi Health Minister", "صالح الحسناوي"),
        (AR_STORY, "ar", "4", "Iraqi Health Minister", "صالح الحسناوي"),  # وأضاف carries
        (FR_STORY, "fr", "Quatre", "Iraqi Health Minister", ""),  # a-t-il ajouté carries
        (
            "وأكد الرئيس الأميركي، دونالد ترامب، عدم وقوع إصابات بين الجنود.",
            "ar",
            "عدم وقوع إصابات",
            "US President",
            "دونالد ترامب",
        ),
        ("وقال وزير الداخلية الليبي إن 20 شخصا فقدوا.", "ar", "20", "Libyan Interior Minister", ""),
        (
            "Karim Bashir, health minister in Libya's eastern administration, said on Tuesday "
            "that 250 bodies had been recovered.",
            "en",
            "250",
            "Libyan Health Minister",
            "Karim Bashir",
        ),
        (
            "A tally from Derna's mayor put fatalities at 640.",
            "en",
            "640",
            "Mayor of Derna",
            "",
        ),
    ],
)
def test_office_holders_are_named_by_office(
    text: str, language: str, value: str, speaker: str, person: str
) -> None:
    claim = _claims(text, language)[value]
    assert (claim.speaker, claim.speaker_person) == (speaker, person)


@pytest.mark.parametrize(
    ("text", "language", "value", "speaker"),
    [
        ("الولايات المتحدة تعلن مقتل 8 مقاتلين في قصف جوي", "ar", "8", "US government"),
        (
            "La police a dénombré 640 000 grévistes et les syndicats 1,7 million dans toute "
            "la France.",
            "fr",
            "1,7 million",
            "French trade unions",
        ),
        (
            "وأحصت الشرطة الفرنسية 640 ألف محتج والنقابات 1,7 مليون.",
            "ar",
            "1,7 مليون",
            "French trade unions",
        ),
        ("Hamas: 210 killed in Nuseirat strikes\nThe toll rose.", "en", "210", "Hamas"),
    ],
)
def test_states_unions_and_colon_headlines(
    text: str, language: str, value: str, speaker: str
) -> None:
    assert _claims(text, language)[value].speaker == speaker


def test_speaker_person_is_a_claims_table_column() -> None:
    doc = Document("d", "Example Daily", "ar", AR_STORY, datetime(2026, 3, 14, 9, 0))
    table = claims_frame(extract_claims(doc, find_mentions(doc)))
    assert "speaker_person" in table.columns
    assert set(table["speaker_person"]) == {"", "صالح الحسناوي"}


@pytest.mark.parametrize(
    ("text", "language", "value", "speaker", "via"),
    [
        # a speaker in brackets right after a figure
        (
            "Les manifestants étaient 6 000 (police) à Nice, en France, selon les médias locaux.",
            "fr",
            "6 000",
            "French National Police",
            "",
        ),
        # a figure before a relative pronoun belongs to that clause's speaker
        (
            "The army said 40 were killed, far fewer than the 90 fatalities that "
            "health authorities in Gaza reported.",
            "en",
            "90",
            "Gaza Ministry of Health",
            "",
        ),
        (
            "L'armée a fait état de 40 morts, loin des 90 morts que le ministère de la Santé "
            "de Gaza a annoncés.",
            "fr",
            "90",
            "Gaza Ministry of Health",
            "",
        ),
        # the second member of a pair with its own postposed source
        (
            "خرج نحو 800 ألف محتج إلى شوارع المدن الفرنسية، حسب وزارة الداخلية و4 ملايين، "
            "وفقا للنقابات.",
            "ar",
            "4 ملايين",
            "French trade unions",
            "",
        ),
        # an outlet that saw a report relays it
        (
            "An internal UN memo, seen by Reuters last week, said 85 civilians had died.",
            "en",
            "85",
            "United Nations",
            "Reuters",
        ),
        # "according to what X relayed": X relays the speaker of the statement
        (
            "وأورد بيان للجيش الأمريكي وفق ما نقلت رويترز أن 6 عسكريين جرحوا.",
            "ar",
            "6",
            "US Armed Forces",
            "Reuters",
        ),
        # a compound adjective name is not the speaker
        (
            "The Houthi-run health ministry said 12 people were killed in Yemen.",
            "en",
            "12",
            "Houthi-run Ministry of Health",
            "",
        ),
    ],
)
def test_postposed_bracketed_and_relative_sources(
    text: str, language: str, value: str, speaker: str, via: str
) -> None:
    claim = _claims(text, language)[value]
    assert (claim.speaker, claim.via) == (speaker, via)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("An Iraqi security source said 3 were killed. The source said 2 more were missing.", "en"),
        ("وقال مصدر أمني عراقي إن 3 قتلوا. وأضاف المصدر أن 2 آخرين فقدوا.", "ar"),
        (
            "Une source sécuritaire irakienne a fait état de 3 morts. La source a ajouté que "
            "2 personnes étaient portées disparues.",
            "fr",
        ),
    ],
)
def test_the_source_refers_back_to_the_unnamed_source(text: str, language: str) -> None:
    speakers = {c.speaker for c in _claims(text, language).values()}
    assert speakers == {"unnamed Iraqi security sources"}


def test_impersonal_reporting_is_the_publishers_voice() -> None:
    text = (
        "Army spokesman Ali Saleh said 3 soldiers were freed. "
        "One officer was killed, it was reported."
    )
    found = _claims(text, "en")
    assert found["One"].speaker == "Example Daily"
    ar = _claims("قال الجيش العراقي إن 3 جنود أصيبوا.\nيذكر أن 40 شخصا قتلوا في هجوم مماثل.", "ar")
    assert ar["40"].speaker == "Example Daily"


def test_a_word_with_the_article_is_not_a_reporting_verb() -> None:
    text = "قالت القيادة إن 5 جنود قتلوا في المخفر 9 التابع لشبكة المراقبة الحدودية."
    assert _claims(text, "ar")["5"].speaker != "لشبكة المراقبة الحدودية"


def test_a_hard_line_break_inside_a_sentence_keeps_its_speaker() -> None:
    text = (
        "Title line\n\n"
        "وقالت قيادة العمليات المشتركة إن الحملة المسماة\n"
        '"درع الوادي" انتهت بمقتل 14 إرهابيا.\n\n'
        "وفي سياق آخر، قتل 3 أشخاص في حادث سير."
    )
    found = _claims(text, "ar")
    assert found["14"].speaker == "Iraqi Joint Operations Command"
    assert found["3"].speaker == "Example Daily"  # a new paragraph: its own voice


def test_french_counts_paired_by_source() -> None:
    text = (
        "À Paris, on a compté de 520 000 manifestants selon la CGT à 64 000 pour la "
        "police. Ils étaient 4 500 (préfecture) et 18 000 (CGT) à Dijon, puis "
        "de 9 000 à 15 000 à Pau. Pour la journée, 17 personnes ont été "
        "arrêtées dans le pays."
    )
    found = _claims(text, "fr")
    assert found["64 000"].speaker == "French National Police"
    assert found["4 500"].speaker == "Prefecture"  # the prefecture of the city, not Paris's
    assert found["18 000"].speaker == "General Confederation of Labour"
    # a bracketed source speaks for its own figure only; "pour" is a source only after one
    assert found["17"].speaker == "Example Daily"
