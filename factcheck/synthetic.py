"""Generated news-shaped text for scale tests and benchmarks: varied, never repeated copies.

Each article has a headline and a body in one language (ar, en, fr): datelines, tolls
attributed to named and unnamed sources ("X told AFP", "selon"), relays, rising tolls,
hedges, number words, subsets and places, with speakers, places, figures and days drawn
from a seeded random generator, so two articles share the forms but not the sentences and
text-keyed caches never see the same sentence twice by design.

>>> a, b = article(1, "en"), article(2, "en")
>>> a != b and "\\n" in a
True
>>> article(1, "fr") == article(1, "fr")
True
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Final

LANGUAGES: Final = ("ar", "en", "fr")

_EN: Final = {
    "places": [
        "Mosul",
        "Ramadi",
        "Aleppo",
        "Idlib",
        "Kankan",
        "Sfax",
        "Malatya",
        "Derna",
        "Khartoum",
        "Tyre",
        "Nabatieh",
        "Diwaniyah",
        "Fallujah",
        "Kirkuk",
        "Homs",
    ],
    "speakers": [
        "the health ministry",
        "police",
        "the civil defence",
        "a local official",
        "the provincial governor",
        "medical sources",
        "the Red Crescent",
        "the army",
        "a hospital director",
        "witnesses",
        "the interior ministry",
    ],
    "agencies": ["AFP", "Reuters", "the Associated Press", "Anadolu"],
    "days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "events": [
        "an air strike",
        "a car bomb",
        "a fire",
        "floods",
        "a boat capsizing",
        "clashes",
        "a stampede",
        "a raid",
    ],
    "subjects": ["people", "civilians", "soldiers", "militants", "children", "policemen"],
    "words": ["two", "three", "five", "seven", "nine", "eleven", "twelve", "dozens of"],
    "fillers": [
        "Residents said the area had been calm for weeks before the incident.",
        "Rescue teams were still searching the site late in the evening.",
        "The government announced three days of mourning.",
        "Roads into the district were closed to traffic on {day}.",
        "Aid groups appealed for blood donations and tents.",
        "The cause of the incident was not immediately known.",
    ],
}
_FR: Final = {
    "places": [
        "Marseille",
        "Lyon",
        "Toulouse",
        "Nantes",
        "Rennes",
        "Bordeaux",
        "Lille",
        "Sfax",
        "Kankan",
        "Derna",
        "Alep",
        "Mossoul",
    ],
    "speakers": [
        "le ministère de la Santé",
        "la police",
        "la préfecture",
        "la protection civile",
        "un responsable local",
        "des sources médicales",
        "le Croissant-Rouge",
        "les syndicats",
        "le gouverneur",
    ],
    "agencies": ["l'AFP", "Reuters", "l'agence Anadolu"],
    "days": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "events": [
        "une frappe aérienne",
        "un incendie",
        "des inondations",
        "un naufrage",
        "des affrontements",
        "une bousculade",
    ],
    "subjects": ["personnes", "civils", "soldats", "manifestants", "enfants", "policiers"],
    "words": ["deux", "trois", "cinq", "sept", "neuf", "onze", "douze", "des dizaines de"],
    "fillers": [
        "Les secours fouillaient encore les décombres en fin de soirée.",
        "Le gouvernement a décrété trois jours de deuil national.",
        "Les routes vers la ville sont restées fermées {day}.",
        "Les causes de l'accident n'étaient pas connues dans l'immédiat.",
        "Des habitants ont décrit une scène de chaos.",
    ],
}
_AR: Final = {
    "places": [
        "الموصل",
        "الرمادي",
        "حلب",
        "إدلب",
        "صفاقس",
        "درنة",
        "الخرطوم",
        "صور",
        "النبطية",
        "الديوانية",
        "الفلوجة",
        "كركوك",
        "حمص",
    ],
    "speakers": [
        "وزارة الصحة",
        "الشرطة",
        "الدفاع المدني",
        "مصدر محلي",
        "المحافظ",
        "مصادر طبية",
        "الهلال الأحمر",
        "الجيش",
        "مدير المستشفى",
    ],
    "agencies": ["فرانس برس", "رويترز", "الأناضول"],
    "days": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
    "events": [
        "غارة جوية",
        "انفجار سيارة مفخخة",
        "حريق",
        "فيضانات",
        "غرق قارب",
        "اشتباكات",
        "تدافع",
    ],
    "subjects": ["أشخاص", "مدنيين", "جنود", "مسلحين", "أطفال", "عناصر من الشرطة"],
    "words": ["اثنين", "ثلاثة", "خمسة", "سبعة", "تسعة", "عشرات"],
    "fillers": [
        "وقال سكان إن المنطقة كانت هادئة منذ أسابيع قبل الحادث.",
        "وواصلت فرق الإنقاذ البحث في الموقع حتى ساعة متأخرة من المساء.",
        "وأعلنت الحكومة الحداد ثلاثة أيام.",
        "وأغلقت الطرق المؤدية إلى المدينة يوم {day}.",
        "ولم يعرف سبب الحادث على الفور.",
    ],
}


def _en(rng: random.Random, d: dict[str, list[str]]) -> list[str]:
    place, day = rng.choice(d["places"]), rng.choice(d["days"])
    who, agency = rng.choice(d["speakers"]), rng.choice(d["agencies"])
    subj, event = rng.choice(d["subjects"]), rng.choice(d["events"])
    k, w = rng.randint(3, 400), rng.randint(5, 900)
    lines = [
        f"{k} {subj} killed in {event} in {place}",
        f"{place.upper()}, {day} ({agency}) - At least {k} {subj} were killed and {w:,} "
        f"wounded in {event} in {place} on {day}, {who} said.",
        f'"We counted {rng.randint(2, 90)} bodies at the hospital," {rng.choice(d["speakers"])} '
        f"told {agency}.",
        f"An earlier toll given by {rng.choice(d['speakers'])} was {rng.randint(1, k)} dead.",
        f"{rng.choice(d['words']).capitalize()} of the dead were {rng.choice(d['subjects'])}, "
        f"according to {rng.choice(d['speakers'])}.",
        f"Some {rng.randint(10, 5000):,} residents fled {rng.choice(d['places'])} and "
        f"{rng.randint(2, 60)} remain missing.",
    ]
    return lines


def _fr(rng: random.Random, d: dict[str, list[str]]) -> list[str]:
    place, day = rng.choice(d["places"]), rng.choice(d["days"])
    who, agency = rng.choice(d["speakers"]), rng.choice(d["agencies"])
    subj, event = rng.choice(d["subjects"]), rng.choice(d["events"])
    k, w = rng.randint(3, 400), rng.randint(5, 900)
    return [
        f"{place} : au moins {k} morts dans {event}",
        f"{place} ({agency}) - Au moins {k} {subj} ont été tués et {w} blessés {day} dans "
        f"{event} à {place}, selon {who}.",
        f"« Nous avons compté {rng.randint(2, 90)} corps », a déclaré {rng.choice(d['speakers'])}"
        f" à {agency}.",
        f"Un précédent bilan de {rng.choice(d['speakers'])} faisait état de "
        f"{rng.randint(1, k)} morts.",
        f"Environ {rng.randint(10, 5000)} habitants ont fui {rng.choice(d['places'])} et "
        f"{rng.choice(d['words'])} {rng.choice(d['subjects'])} sont portés disparus.",
    ]


def _ar(rng: random.Random, d: dict[str, list[str]]) -> list[str]:
    place, day = rng.choice(d["places"]), rng.choice(d["days"])
    who, agency = rng.choice(d["speakers"]), rng.choice(d["agencies"])
    subj, event = rng.choice(d["subjects"]), rng.choice(d["events"])
    k, w = rng.randint(3, 400), rng.randint(5, 900)
    return [
        f"مقتل {k} {subj} في {event} في {place}",
        f"{place} ({agency}) - قتل {k} {subj} على الأقل وأصيب {w} آخرون في {event} في {place} "
        f"يوم {day}، بحسب {who}.",
        f"وقال {rng.choice(d['speakers'])} لوكالة {agency} إن المستشفى استقبل "
        f"{rng.randint(2, 90)} جثة.",
        f"وكانت حصيلة سابقة أعلنها {rng.choice(d['speakers'])} قد أشارت إلى "
        f"{rng.randint(1, k)} قتلى.",
        f"ونزح نحو {rng.randint(10, 5000)} من السكان من {rng.choice(d['places'])} فيما لا يزال "
        f"{rng.choice(d['words'])} في عداد المفقودين.",
    ]


_BUILD: Final = {"en": (_en, _EN), "fr": (_fr, _FR), "ar": (_ar, _AR)}


def article(seed: int, language: str = "en", paragraphs: int = 2) -> str:
    """One generated article (headline line, then ``paragraphs`` blocks of body sentences)."""
    rng = random.Random(f"{language}:{seed}")
    build, words = _BUILD[language]
    lines = build(rng, words)
    out = [lines[0], ""]
    for _ in range(paragraphs):
        body = lines[1:] if len(out) == 2 else build(rng, words)[1:]
        filler = rng.choice(words["fillers"]).format(day=rng.choice(words["days"]))
        out.append(" ".join([*body, filler]))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def articles(language: str, total_chars: int, seed: int = 0) -> Iterator[str]:
    """Articles of about 3,000 characters each, until ``total_chars`` have been produced."""
    produced, n = 0, seed
    while produced < total_chars:
        text = article(n, language, paragraphs=5)
        produced += len(text)
        n += 1
        yield text


def one_document(language: str, total_chars: int, seed: int = 0) -> str:
    """Generated articles joined into one document of about ``total_chars`` characters."""
    return "\n".join(articles(language, total_chars, seed))
