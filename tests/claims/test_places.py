"""The place a figure counts (factcheck/claims/places.py) and the gazetteer it reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from factcheck.claims.places import (
    Found,
    find_places,
    locate_figure,
    main_country,
    place_of_figure,
    settle_places,
)
from factcheck.claims.places_load import PlaceType, build_gazetteer, load_places
from factcheck.errors import LanguageDataError
from factcheck.text.sentences import split_sentences

CASES = Path(__file__).parents[2] / "factcheck" / "cases"

# (language, sentence, figure as written, expected place, event country or "")
# The figure is found by its first occurrence; sentences are written for these tests.
SENTENCES = [
    # French: after the figure, frames, ellipsis, event location
    (
        "fr",
        "On a compté 81 000 manifestants à Paris selon la préfecture, 30 000 à Marseille.",
        "81 000",
        "Paris",
        "",
    ),
    (
        "fr",
        "On a compté 81 000 manifestants à Paris selon la préfecture, 30 000 à Marseille.",
        "30 000",
        "Marseille",
        "",
    ),
    ("fr", "À Marseille, la CGT a compté 245 000 manifestants.", "245 000", "Marseille", ""),
    ("fr", "Hier, à Toulouse, la police a dénombré 18 000 personnes.", "18 000", "Toulouse", ""),
    ("fr", "Quelque 9 000 personnes ont défilé dans les rues de Lyon samedi.", "9 000", "Lyon", ""),
    (
        "fr",
        "À Bordeaux, la préfecture a dénombré 12 000 manifestants, le syndicat 40 000.",
        "40 000",
        "Bordeaux",
        "",
    ),
    (
        "fr",
        "La police a compté 6 500 manifestants à Rennes, les syndicats 15 000.",
        "15 000",
        "Rennes",
        "",
    ),
    (
        "fr",
        "Au total, 2 millions de personnes ont défilé partout en France mardi.",
        "2",
        "France",
        "",
    ),
    (
        "fr",
        "Le ministère a recensé 900 000 manifestants sur l'ensemble du territoire.",
        "900 000",
        "France",
        "France",
    ),
    (
        "fr",
        "Le ministère a recensé 900 000 manifestants sur l'ensemble du territoire.",
        "900 000",
        "",
        "",
    ),
    ("fr", "La police française a interpellé 120 personnes.", "120", "France", "France"),
    ("fr", "La police française a interpellé 120 personnes.", "120", "", ""),
    ("fr", "Un réfugié syrien figure parmi les 14 blessés.", "14", "", ""),
    ("fr", "Dans la capitale, 4 000 policiers étaient mobilisés.", "4 000", "Paris", "France"),
    (
        "fr",
        "Selon l'ONU, 300 civils ont été tués à Alep et à Idleb depuis lundi.",
        "300",
        "Aleppo + Idlib",
        "",
    ),
    # English
    (
        "en",
        "Police said 245,000 marched in Marseille, according to the CGT.",
        "245,000",
        "Marseille",
        "",
    ),
    ("en", "In Lyon, police counted 22,000, while unions said 55,000.", "22,000", "Lyon", ""),
    ("en", "In Lyon, police counted 22,000, while unions said 55,000.", "55,000", "Lyon", ""),
    (
        "en",
        "At least 12 people were killed in Idlib, 5 in Aleppo, rescuers said.",
        "12",
        "Idlib",
        "",
    ),
    (
        "en",
        "At least 12 people were killed in Idlib, 5 in Aleppo, rescuers said.",
        "5",
        "Aleppo",
        "",
    ),
    (
        "en",
        "Officials said 17 people died in Idlib and Aleppo on Monday.",
        "17",
        "Aleppo + Idlib",
        "",
    ),
    ("en", "Two US soldiers were among the 9 wounded, officials said.", "9", "", ""),
    ("en", "French police counted 81,000 marchers.", "81,000", "", ""),
    ("en", "Iraqi police said 14 militants were killed.", "14", "", ""),
    ("en", "A Syrian refugee was among 6 people hurt.", "6", "", ""),
    ("en", "Some 2,500 US troops are stationed in Iraq.", "2,500", "Iraq", ""),
    (
        "en",
        "In the southern city of Basra, 40 people were treated for heat stroke.",
        "40",
        "Basra",
        "",
    ),
    ("en", "Nearly 300 people were arrested across the country.", "300", "Turkey", "Turkey"),
    ("en", "Police said 40 people were detained in the capital Ankara.", "40", "Ankara", ""),
    (
        "en",
        "Authorities said 150 families were displaced in Fallujah and 80 in Ramadi.",
        "80",
        "Ramadi",
        "",
    ),
    ("en", "Doctors at a hospital in Dongola said 130 people had died.", "130", "Sudan", "Sudan"),
    ("en", "The quake killed 1,200 people in Malatya, the governor said.", "1,200", "Malatya", ""),
    ("en", "An air strike killed 11 people in Syria's Idlib province.", "11", "Idlib", ""),
    (
        "en",
        "At least 56 people died in a crush at a stadium in Guinea's second city Kankan.",
        "56",
        "Kankan",
        "",
    ),
    ("en", "A doctor at Kankan hospital told Reuters about 50 bodies had arrived.", "50", "", ""),
    (
        "fr",
        "Le séisme a fait 43 morts dans la province de Hatay, dans le sud de la Turquie.",
        "43",
        "Hatay",
        "",
    ),
    ("en", "The quake killed 31 people in Antakya, Turkey, on Monday.", "31", "Antakya", ""),
    ("en", "The death toll in Malatya rose to 420, officials said.", "420", "Malatya", ""),
    ("fr", "Le bilan à Derna s'élève désormais à 3 800 morts.", "3 800", "Derna", ""),
    ("ar", "ارتفعت حصيلة الضحايا في ملاطية إلى 420 قتيلا", "420", "Malatya", ""),
    # Arabic
    ("ar", "مقتل 12 في إدلب و5 في حلب", "12", "Idlib", ""),
    ("ar", "مقتل 12 في إدلب و5 في حلب", "5", "Aleppo", ""),
    ("ar", "وفي الأنبار، قتل 15 مسلحا في غارة ليلية", "15", "Anbar", ""),
    ("ar", "قتل 3 جنود بالرمادي مساء الخميس", "3", "Ramadi", ""),
    ("ar", "سقط 7 قتلى بمدينة الفلوجة", "7", "Fallujah", ""),
    ("ar", "أصيب 30 من عناصر القوات العراقية", "30", "", ""),
    ("ar", "أصيب 30 من عناصر القوات العراقية", "30", "Iraq", "Iraq"),
    ("ar", "خرج 40 ألف متظاهر في صفاقس يوم السبت", "40", "Sfax", ""),
    ("ar", "ارتفعت حصيلة الضحايا في السودان إلى 112 قتيلا", "112", "Sudan", ""),
    ("ar", "قال مسؤول إن 60 شخصا قتلوا في الفاشر و20 في نيالا", "20", "Nyala", ""),
    ("ar", "تظاهر 5 آلاف شخص في جميع أنحاء البلاد", "5", "Tunisia", "Tunisia"),
    ("ar", "لقي 9 أشخاص حتفهم في العاصمة بغداد", "9", "Baghdad", ""),
    ("ar", "انهار نحو 1200 منزل في محليات دنقلا والدبة", "1200", "", ""),
    ("ar", "أصيب 4 لاجئين سوريين في الحادث", "4", "", ""),
]


@pytest.mark.parametrize(("language", "sentence", "figure", "expected", "country"), SENTENCES)
def test_place_of_figure(
    language: str, sentence: str, figure: str, expected: str, country: str
) -> None:
    start = sentence.index(figure)
    got = place_of_figure(sentence, start, start + len(figure), language, country=country)
    assert got == expected, f"{sentence!r} / {figure!r}"


# The bundled protest case: every figure in digits -> its place (event country from the case).
PROTEST = {
    "interieur-communique": [
        ("1\u00a0280\u00a0000", "France"),
        ("81\u00a0000", "Paris"),
        ("30\u00a0000", "Marseille"),
        ("22\u00a0000", "Lyon"),
        ("25\u00a0000", "Nantes"),
        ("11\u00a0000", "France"),
        ("43", "France"),
    ],
    "cgt-communique": [
        ("3,5 millions de salariés", "France"),
        ("700 000", "Paris"),
        ("245 000", "Marseille"),
        ("55 000", "Lyon"),
        ("75 000", "Nantes"),
    ],
    "reuters-wire": [
        ("1.28", "France"),
        ("3.5", "France"),
        ("81,000", "Paris"),
        ("700,000", "Paris"),
        ("30,000", "Marseille"),
        ("245,000", "Marseille"),
        ("22 people", "Paris"),
    ],
    "echo-roundup": [
        ("1,28", "France"),
        ("3,5", "France"),
        ("81 000", "Paris"),
        ("700 000", "Paris"),
        ("245 000", "Marseille"),
        ("30 000", "Marseille"),
        ("22 000", "Lyon"),
        ("55 000", "Lyon"),
        ("25 000", "Nantes"),
        ("75 000", "Nantes"),
        ("22 personnes", "Paris"),
    ],
}


def _protest_found(doc_id: str, language: str, country: str) -> dict[str, Found]:
    text = (CASES / "paris-protest-2023-03" / f"{doc_id}.txt").read_text(encoding="utf-8")
    got = {}
    for written, _ in PROTEST[doc_id]:
        start = text.index(written)
        figure = re.match(r"\d+(?:[ \u00a0.,]\d+)*", written).group()  # type: ignore[union-attr]
        span = next(s for s in split_sentences(text, language) if s.start <= start < s.end)
        sentence = span.of(text)
        at = start - span.start
        got[written] = locate_figure(sentence, at, at + len(figure), language, country=country)
    return got


def _protest_places(doc_id: str, language: str, country: str) -> dict[str, str]:
    return {k: f.name for k, f in _protest_found(doc_id, language, country).items()}


@pytest.mark.parametrize("doc_id", sorted(PROTEST))
def test_protest_case_places(doc_id: str) -> None:
    case = yaml.safe_load((CASES / "paris-protest-2023-03" / "case.yaml").read_text("utf-8"))
    docs = {d["id"]: d for d in case["documents"]}
    texts = [
        (CASES / "paris-protest-2023-03" / d["path"]).read_text("utf-8") for d in docs.values()
    ]
    country = main_country(texts)
    assert country == "France"
    got = _protest_places(doc_id, docs[doc_id]["language"], country)
    assert got == dict(PROTEST[doc_id])


def test_city_figures_need_no_country() -> None:
    """Without the event's country, city figures still get their city."""
    got = _protest_places("echo-roundup", "fr", "")
    cities = {k: v for k, v in dict(PROTEST["echo-roundup"]).items() if v != "France"}
    assert {k: got[k] for k in cities} == cities
    assert got["1,28"] == "France"  # "dans toute la France" names it
    assert got["3,5"] == ""  # nothing in the sentence: the event as a whole


def test_find_places_spans_and_longest_match() -> None:
    text = "Des frappes sur la bande de Gaza et à Rafah"
    found = find_places(text, "fr")
    assert [(text[s:e], p.name) for s, e, p in found] == [
        ("bande de Gaza", "Gaza Strip"),
        ("Rafah", "Rafah"),
    ]
    arabic = "اشتباكات وبالرمادي"
    assert [(arabic[s:e], p.name) for s, e, p in find_places(arabic, "ar")] == [
        ("الرمادي", "Ramadi")
    ]


def test_exact_case_names() -> None:
    assert [p.name for _, _, p in find_places("A nice day in Nice", "en")] == ["Nice"]
    assert [p.name for _, _, p in find_places("tell us in the US", "en")] == ["United States"]


def test_gazetteer_coverage() -> None:
    gaz = load_places()
    countries = [p for p in gaz.places if p.type is PlaceType.COUNTRY]
    assert len(countries) >= 60
    iraq = {p.name for p in gaz.places if p.country == "Iraq"}
    for name in ("Anbar", "Ramadi", "Fallujah", "Mosul", "Diwaniyah", "Basra", "Kirkuk"):
        assert name in iraq
    assert gaz.capitals["France"].name == "Paris"
    assert gaz.get("Kassala").country == "Sudan"


def test_every_place_has_its_parent() -> None:
    gaz = load_places()
    for place in gaz.places:
        if place.type is PlaceType.COUNTRY:
            assert place.country is None
        elif place.country is not None:
            assert gaz.get(place.country).type is PlaceType.COUNTRY


def test_bad_gazetteer_lists_every_problem() -> None:
    data = {
        "words": {"en": {"locatives": ["in"]}, "xx": {}},
        "places": [
            {"name": "Atlantis", "type": "island"},
            {"name": "Paris", "type": "city", "country": "Francia"},
            {"name": "Lyon", "type": "city", "country": "France", "en": ["Paris"]},
            {"name": "France", "type": "country", "country": "Europe", "colour": "blue"},
        ],
    }
    with pytest.raises(LanguageDataError) as err:
        build_gazetteer(data, "places.yaml")
    text = str(err.value)
    for needle in ("xx", "lead", "Atlantis", "Francia", "also names Paris", "colour", "no parent"):
        assert needle in text, needle


@pytest.mark.parametrize(
    ("language", "sentence", "figure", "rule", "explicit"),
    [
        ("en", "Raid kills 15 militants in western Iraq", "15", "after", False),
        ("en", "Raid kills 15 militants in Iraq", "15", "after", True),
        ("ar", "مقتل 15 مسلحا في غرب العراق", "15", "after", False),
        (
            "fr",
            "À Lyon, le ministère a dénombré 22 000 manifestants, la CGT 55 000.",
            "55 000",
            "frame",
            True,
        ),
        ("en", "12 died in Idlib, 5 injured", "5", "ellipsis", True),
        (
            "en",
            "No soldiers were hurt and there is no sign 3 civilians were",
            "3",
            "default",
            False,
        ),
    ],
)
def test_locate_figure_rules(
    language: str, sentence: str, figure: str, rule: str, explicit: bool
) -> None:
    start = sentence.index(figure)
    found = locate_figure(sentence, start, start + len(figure), language)
    assert (found.rule, found.explicit) == (rule, explicit)


def test_settle_places_keeps_places_only_where_areas_differ() -> None:
    """Arrests: 43 nationwide vs 22 in Paris stay apart; wounded: one named area (Nantes) and
    unplaced figures are one event, all given the country."""
    cases = [
        (
            "arrested",
            "Le ministère a recensé 43 interpellations sur le territoire national.",
            "43",
            "fr",
        ),
        ("arrested", "À Paris, au moins 22 personnes ont été interpellées.", "22", "fr"),
        ("wounded", "Au moins 87 blessés dans la bousculade à Nantes.", "87", "fr"),
        ("wounded", "More than 100 people were treated for injuries.", "100", "en"),
    ]
    found = []
    for _, sentence, figure, language in cases:
        start = sentence.index(figure)
        found.append(
            locate_figure(sentence, start, start + len(figure), language, country="France")
        )
    keys = [key for key, *_ in cases]
    assert settle_places(keys, found, "France") == ["France", "Paris", "France", "France"]


def test_settle_places_on_the_protest_case() -> None:
    """Crowd counts and arrests are given for several areas: every place is kept."""
    languages = {"reuters-wire": "en"}
    keys, found, expected = [], [], []
    for doc_id, rows in PROTEST.items():
        got = _protest_found(doc_id, languages.get(doc_id, "fr"), "France")
        for written, place in rows:
            arrests = written in ("43", "22 people", "22 personnes")
            keys.append("deployed" if "11" in written else "arrested" if arrests else "attended")
            found.append(got[written])
            expected.append(place)
    assert settle_places(keys, found, "France") == expected


def test_odd_spans_give_the_default() -> None:
    assert place_of_figure("", 0, 0, "fr", country="France") == "France"
    assert place_of_figure("12 tués à Alep", 5, 2, "fr") == ""
    assert place_of_figure("Bilan — 12 tués à Alep", 6, 7, "fr") == ""  # bounded by the 12
    assert place_of_figure("12 killed in Idlib", 0, 2, "de") == "Idlib"  # English words


def test_every_word_of_the_bundled_cases_as_a_figure() -> None:
    """No sentence or span of the bundled cases makes the rule fail."""
    for case in sorted(CASES.iterdir()):
        meta = yaml.safe_load((case / "case.yaml").read_text("utf-8"))
        for doc in meta["documents"]:
            text = (case / doc["path"]).read_text("utf-8")
            for span in split_sentences(text, doc["language"]):
                sentence = span.of(text)
                for word in re.finditer(r"\S+", sentence):
                    found = locate_figure(sentence, *word.span(), doc["language"])
                    assert isinstance(found.name, str)


IRAQ_GOVERNORATES = [
    "Baghdad", "Basra", "Nineveh", "Anbar", "Saladin", "Diyala", "Kirkuk", "Erbil", "Dohuk",
    "Sulaymaniyah", "Babil", "Karbala", "Najaf", "Qadisiyyah", "Wasit", "Maysan", "Dhi Qar",
    "Muthanna",
]  # fmt: skip
SYRIA_GOVERNORATES = [
    "Damascus", "Rif Dimashq", "Aleppo", "Idlib", "Homs", "Hama", "Latakia", "Tartus", "Raqqa",
    "Deir ez-Zor", "Hasakah", "Daraa", "Suwayda", "Quneitra",
]  # fmt: skip


@pytest.mark.parametrize(
    ("country", "names"), [("Iraq", IRAQ_GOVERNORATES), ("Syria", SYRIA_GOVERNORATES)]
)
def test_every_governorate_is_listed(country: str, names: list[str]) -> None:
    gaz = load_places()
    assert all(gaz.get(name).country == country for name in names)


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Mosul", [("en", "Mosul"), ("fr", "Mossoul"), ("ar", "الموصل")]),
        ("Aleppo", [("en", "Aleppo"), ("fr", "Alep"), ("ar", "حلب")]),
        ("Diwaniyah", [("en", "Diwaniya"), ("fr", "Diwaniyah"), ("ar", "الديوانية")]),
        ("Khartoum", [("en", "Khartoum"), ("fr", "Khartoum"), ("ar", "الخرطوم")]),
        ("Marseille", [("en", "Marseilles"), ("fr", "Marseille"), ("ar", "مرسيليا")]),
        ("Gaza Strip", [("en", "Gaza"), ("fr", "bande de Gaza"), ("ar", "قطاع غزة")]),
    ],
)
def test_names_in_three_languages(name: str, forms: list[tuple[str, str]]) -> None:
    for language, written in forms:
        assert [p.name for _, _, p in find_places(written, language)] == [name], written
