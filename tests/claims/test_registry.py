"""The source registry: loading checks, exact and fuzzy resolution, near misses, find_in."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck import lang
from factcheck.claims.registry import (
    FUZZY_MIN_SCORE,
    EntryType,
    countries_of,
    find_in,
    load_registry,
    resolve,
)
from factcheck.claims.registry_load import build_registry
from factcheck.errors import LanguageDataError
from factcheck.mentions.phrases import phrase_key
from factcheck.text.normalize import lookup_key

REPO = Path(__file__).resolve().parents[2]
SPEAKERS = REPO / "tests" / "devset" / "SPEAKERS.md"


def test_registry_is_large_and_typed() -> None:
    registry = load_registry()
    assert len(registry.entries) >= 80
    assert {e.type for e in registry.entries} == set(EntryType)
    for language in ("ar", "en", "fr"):
        assert sum(1 for e in registry.entries if e.names(language)[1:]) >= 80, language


def test_load_is_cached() -> None:
    assert load_registry() is load_registry()


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("CENTCOM", "en", "US Central Command"),
        ("U.S. Central Command", "en", "US Central Command"),
        ("the US Central Command", "en", "US Central Command"),
        ("القيادة المركزية الأميركية", "ar", "US Central Command"),
        ("القيادة المركزية الأمريكية", "ar", "US Central Command"),
        ("القيادة المركزية الأميركية الوسطى", "ar", "US Central Command"),
        ('"سنتكوم"', "ar", "US Central Command"),
        ("وسنتكوم", "ar", "US Central Command"),
        ("Iraqi News Agency", "en", "Iraqi News Agency"),
        ("INA", "en", "Iraqi News Agency"),
        ("وكالة الأنباء العراقية", "ar", "Iraqi News Agency"),
        ("واع", "ar", "Iraqi News Agency"),
        ("Joint Operations Command", "en", "Iraqi Joint Operations Command"),
        ("قيادة العمليات المشتركة", "ar", "Iraqi Joint Operations Command"),
        ("le Commandement des opérations conjointes", "fr", "Iraqi Joint Operations Command"),
        ("AP", "en", "Associated Press"),
        ("وكالة أسوشيتد برس", "ar", "Associated Press"),
        ("رويترز", "ar", "Reuters"),
        ("AFP", "fr", "Agence France-Presse"),
        ("فرانس برس", "ar", "Agence France-Presse"),
        ("وكالة الصحافة الفرنسية", "ar", "Agence France-Presse"),
        ("لداعش", "ar", "ISIS"),
        ("Daech", "fr", "ISIS"),
        ("la Préfecture de police de Paris", "fr", "Paris Police Prefecture"),
        ("l'AFAD", "fr", "Turkish Disaster and Emergency Management Authority"),
        ("Le Croissant-Rouge turc", "fr", "Turkish Red Crescent"),
        ("Le ministère turc de la Santé", "fr", "Turkish Ministry of Health"),
        ("الجيش الأميركي", "ar", "US Armed Forces"),
        ("White Helmets", "en", "Syrian Civil Defence"),
        ("Le Monde", "fr", "Le Monde"),
    ],
)
def test_exact_aliases(text: str, language: str, name: str) -> None:
    entry = resolve(text, language)
    assert entry is not None, text
    assert entry.name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Asociated Press", "Associated Press"),
        ("US Central Comand", "US Central Command"),
        ("Iraqi Minstry of Health", "Iraqi Ministry of Health"),
        ("Human Right Watch", "Human Rights Watch"),
    ],
)
def test_fuzzy_catches_typing_slips(text: str, name: str) -> None:
    entry = resolve(text, "en")
    assert entry is not None and entry.name == name


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        ("Iranian Ministry of Health", "Iraqi Ministry of Health"),
        ("Syrian army", "Syrian Democratic Forces"),
        ("Lebanese army", "Libyan Red Crescent"),
    ],
)
def test_near_misses_keep_their_own_entry(text: str, not_name: str) -> None:
    entry = resolve(text, "en")
    assert entry is not None and entry.name != not_name


@pytest.mark.parametrize(
    "text",
    [
        "Iranian Ministry of Culture",  # close to no single entry
        "Qatari Ministry of Health",  # no entry: must not become another country's
        "Syrian Navy",
        "Ministry of Truth",
        "who",  # the acronym WHO matches only in capitals
        "ap",
        "le monde",  # "tout le monde" is not the newspaper
        "Health Ministry",  # generic: several countries have one
    ],
)
def test_unknown_speakers_stay_unresolved(text: str) -> None:
    assert resolve(text, "en") is None


def test_acronyms_are_not_fuzzy() -> None:
    assert resolve("CENTCOMM", "en") is None  # only the alias table knows CENTCOM


def test_generic_names_need_a_country() -> None:
    assert resolve("le ministère de l'Intérieur", "fr") is None
    turkish = resolve("le ministère de l'Intérieur", "fr", country="Turkey")
    french = resolve("le ministère de l'Intérieur", "fr", country="France")
    assert turkish is not None and turkish.name == "Turkish Ministry of Interior"
    assert french is not None and french.name == "French Ministry of the Interior"
    assert resolve("وزارة الصحة", "ar", country="Iraq").name == "Iraqi Ministry of Health"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("القيادة المركزية الأميركية (سنتكوم)", "US Central Command"),
        ("Reporters sans frontières (RSF)", "Reporters Without Borders"),
        (
            "le Comité international de la Croix-Rouge (CICR)",
            "International Committee of the Red Cross",
        ),
        (
            "رئاسة إدارة الكوارث والطوارئ التركية (آفاد)",
            "Turkish Disaster and Emergency Management Authority",
        ),
    ],
)
def test_bracketed_acronyms(text: str, name: str) -> None:
    entry = resolve(text)
    assert entry is not None and entry.name == name


def test_bracketed_names_that_disagree_stay_unresolved() -> None:
    assert resolve("Reuters (AFP)") is None


def test_a_bare_army_is_never_guessed_from_the_country() -> None:
    # in a Lebanese story "the army" may be Israel's: the caller carries the speaker over
    assert resolve("الجيش", "ar", country="Lebanon") is None


@pytest.mark.parametrize(
    ("text", "language", "countries"),
    [
        (
            "A fire in the southern Iraqi city of Diwaniyah killed 11 babies, AP said.",
            "en",
            ["Iraq"],
        ),
        (
            "قالت وزارة الصحة اللبنانية إن غارة إسرائيلية على بلدة لبنانية قتلت 3",
            "ar",
            ["Lebanon", "Israel"],
        ),
        (
            "Le séisme a frappé l'est de la Turquie ; les secours turcs sont sur place.",
            "fr",
            ["Turkey"],
        ),
        ("Let us count what the US says.", "en", ["United States"]),  # "us" is not the US
        ("No country here.", "en", []),
    ],
)
def test_countries_of(text: str, language: str, countries: list[str]) -> None:
    assert countries_of(text, language) == countries


def test_generic_names_take_the_first_country_that_has_one() -> None:
    # an Israeli strike on Lebanon: Israel is named more, but has no health ministry entry
    assert resolve("وزارة الصحة", "ar", country=["Israel", "Lebanon"]).name == (
        "Lebanese Ministry of Public Health"
    )
    text = "Selon le ministère de la Santé, 14 morts."
    found = find_in(text, "fr", country=["Israel", "Lebanon"])
    assert [(text[s:e], x.name) for s, e, x in found] == [
        ("ministère de la Santé", "Lebanese Ministry of Public Health")
    ]


def test_parties_flag_belligerents() -> None:
    assert resolve("CENTCOM").party == "United States"
    assert resolve("قيادة العمليات المشتركة").party == "Iraq"
    assert resolve("داعش").party == "ISIS"
    assert resolve("Reuters").party is None


def test_fuzzy_threshold_is_named() -> None:
    assert 80 <= FUZZY_MIN_SCORE < 100


def test_find_in_locates_names_longest_first() -> None:
    text = 'وقالت القيادة المركزية الأميركية الوسطى "سنتكوم" إن 15 قتلوا، بحسب وكالة رويترز.'
    found = [(text[s:e], entry.name) for s, e, entry in find_in(text, "ar")]
    assert found == [
        ("القيادة المركزية الأميركية الوسطى", "US Central Command"),
        ("سنتكوم", "US Central Command"),
        ("وكالة رويترز", "Reuters"),
    ]


def test_find_in_strips_glued_prepositions_from_the_span() -> None:
    text = "نقلاً عن مصادر لداعش وللقيادة المركزية الأمريكية"
    found = [(text[s:e], entry.name) for s, e, entry in find_in(text, "ar")]
    assert found == [("داعش", "ISIS"), ("لقيادة المركزية الأمريكية", "US Central Command")]


def test_find_in_respects_case_and_commas() -> None:
    text = "Tout le monde le sait, selon Le Monde et l'OMS. Who said the AP, CENTCOM?"
    names = [entry.name for _, _, entry in find_in(text, "fr")]
    assert names == [
        "Le Monde",
        "World Health Organization",
        "Associated Press",
        "US Central Command",
    ]
    assert find_in("US, Central Command", "en") == []


def test_find_in_reads_a_long_text_whole() -> None:
    """Every name of a long text is found (its speed is measured in `make bench`, not here)."""
    text = "The Associated Press, citing the Iraqi Joint Operations Command, said 14. " * 2000
    hits = find_in(text, "en")
    assert len(hits) == 4000
    assert {entry.name for _, _, entry in hits} == {
        "Associated Press",
        "Iraqi Joint Operations Command",
    }


def test_seed_article_names(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    names = {entry.name for _, _, entry in find_in(text, "ar")}
    assert {
        "US Central Command",
        "Associated Press",
        "Iraqi News Agency",
        "Iraqi Joint Operations Command",
        "ISIS",
    } <= names


def test_devset_speakers_are_registered() -> None:
    if not SPEAKERS.is_file():
        pytest.skip("tests/devset/SPEAKERS.md not written yet")
    registry = load_registry()
    known = {e.name for e in registry.entries}
    missing = []
    for line in SPEAKERS.read_text(encoding="utf-8").splitlines():
        if line.startswith("- **"):
            name = line[4 : line.index("**", 4)]
            if not name.startswith(("unnamed", "eyewitness")) and name not in known:
                missing.append(name)
    assert missing == [], "tests/devset/SPEAKERS.md names missing from the registry"


def test_aliases_are_unique_across_entries() -> None:
    owners: dict[tuple[str, ...], str] = {}
    for entry in load_registry().entries:
        for alias in {phrase_key(a) for a in entry.names()} - {phrase_key(x) for x in entry.exact}:
            assert owners.setdefault(alias, entry.name) == entry.name, alias


def test_language_words_are_normalised() -> None:
    for code in lang.available():
        data = lang.load(code)
        for word in [*data.get("determiners", []), *data.get("prefixes", {})]:
            assert lookup_key(word) == word, (code, word)


def _entry(name: str, **extra: object) -> dict[str, object]:
    return {"name": name, "type": "media", "aliases": {"en": [name]}, **extra}


def test_bad_entries_are_all_reported_at_once() -> None:
    data = {
        "entries": [
            _entry("Good Outlet"),
            _entry("Typeless", type="newspaper"),
            _entry("Twin", aliases={"en": ["Good Outlet"]}),
            _entry("Strange", colour="red"),
            _entry("Nolang", aliases={"xx": ["Nolang"]}),
            _entry("Spaced", acronyms=["A B"]),
            _entry("First", acronyms=["FST"]),
            _entry("Second", acronyms=["FST"]),
            "not a mapping",
        ]
    }
    with pytest.raises(LanguageDataError) as info:
        build_registry(data, "data/test-registry.yaml")
    message = str(info.value)
    assert message.startswith("data/test-registry.yaml: ")
    for part in ("Typeless", "Good Outlet", "Strange", "xx", "Spaced", "FST", "entries[8]"):
        assert part in message, part
    assert len(info.value.problems) == 7


def test_bundled_file_is_safe_yaml() -> None:
    path = REPO / "factcheck" / "data" / "registry.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert build_registry(data).entries == load_registry().entries
