"""Reading ``data/places.yaml``: the gazetteer and the small words around place names.

Every entry is checked and every problem of the file is raised at once, as one
``LanguageDataError`` naming the file: an unknown key, type or language, a missing parent
country, a name that names two places. Names are indexed once with the phrase matcher of
:mod:`factcheck.mentions.phrases` (word keys from :func:`factcheck.text.normalize.lookup_key`;
Arabic clitics from the language files), so a spelling variant the normaliser folds needs no
extra line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any, Final

import yaml

from factcheck import lang
from factcheck.errors import LanguageDataError
from factcheck.mentions.phrases import PhraseIndex, phrase_key, tokenize

DATA_FILE: Final = "places.yaml"
PLACE_KEYS: Final = frozenset({"name", "type", "country", "capital", "exact", "ar", "en", "fr"})
#: Word lists every language of ``words`` has (see the header of data/places.yaml).
WORD_KEYS: Final = (
    "locatives",
    "glued",
    "conjunctions",
    "lead",
    "place_nouns",
    "links",
    "breaks",
    "coordinators",
    "parts",
    "tolls",
    "several",
    "there",
    "capital",
    "national",
)
#: Word lists that hold phrases found in the text ("across the country"); the others hold
#: single words compared with one token's key.
CUE_KEYS: Final = ("there", "capital", "national")


class PlaceType(StrEnum):
    """How large an area is: a figure for a city never pairs with one for its country."""

    COUNTRY = "country"
    REGION = "region"  # province, governorate, state, region
    CITY = "city"


@dataclass(frozen=True, slots=True)
class Place:
    """One area: canonical English name, type, parent country, whether it is a capital."""

    name: str
    type: PlaceType
    country: str | None = None  # the parent country's name; None for a country (or disputed)
    capital: bool = False

    @property
    def country_name(self) -> str | None:
        """The country this place is in, or is (a country is its own country)."""
        return self.name if self.type is PlaceType.COUNTRY else self.country


@dataclass(frozen=True, slots=True)
class Words:
    """The small words of one language that tie a place to a figure (all normalised keys)."""

    locatives: frozenset[str]
    glued: tuple[str, ...]
    conjunctions: tuple[str, ...]
    lead: frozenset[str]
    place_nouns: frozenset[str]
    links: frozenset[str]
    breaks: frozenset[str]
    coordinators: frozenset[str]
    parts: frozenset[str]
    tolls: frozenset[str]
    several: frozenset[str]


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """All places, their name index, the cue phrases ("nationwide") and words by language."""

    places: tuple[Place, ...]
    index: PhraseIndex[Place]
    cues: PhraseIndex[str]  # phrase -> "there" | "capital" | "national"
    words: Mapping[str, Words]
    capitals: Mapping[str, Place]  # country name -> its capital

    def get(self, name: str) -> Place:
        """The place with this canonical name (KeyError if none)."""
        for place in self.places:
            if place.name == name:
                return place
        raise KeyError(name)


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _keys(words: list[str]) -> frozenset[str]:
    return frozenset(" ".join(phrase_key(w)) for w in words if phrase_key(w))


def _parse_words(raw: Any, problems: list[str]) -> dict[str, Words]:
    if not isinstance(raw, Mapping):
        problems.append("words: must map a language to its word lists")
        return {}
    out: dict[str, Words] = {}
    for code, table in raw.items():
        if code not in lang.available():
            problems.append(f"words.{code}: unknown language")
            continue
        if not isinstance(table, Mapping):
            problems.append(f"words.{code}: must map a list name to words")
            continue
        for key in set(table) - set(WORD_KEYS):
            problems.append(f"words.{code}.{key}: unknown list")
        bad = [k for k in WORD_KEYS if not (table.get(k) == [] or _str_list(table.get(k)))]
        problems.extend(f"words.{code}.{k}: must be a list of words" for k in bad)
        if bad:
            continue
        out[code] = Words(
            locatives=_keys(table["locatives"]),
            glued=tuple(sorted(_keys(table["glued"]), key=len, reverse=True)),
            conjunctions=tuple(sorted(_keys(table["conjunctions"]), key=len, reverse=True)),
            lead=_keys(table["lead"]),
            place_nouns=_keys(table["place_nouns"]),
            links=_keys(table["links"]),
            breaks=_keys(table["breaks"]),
            coordinators=_keys(table["coordinators"]),
            parts=_keys(table["parts"]),
            tolls=_keys(table["tolls"]),
            several=_keys(table["several"]),
        )
    return out


def _parse_place(raw: Any, where: str, problems: list[str]) -> Place | None:
    if not isinstance(raw, Mapping):
        problems.append(f"{where}: must be a mapping")
        return None
    name = raw.get("name")
    label = f"{where} ({name})" if isinstance(name, str) else where
    before = len(problems)
    if not isinstance(name, str) or not name.strip():
        problems.append(f"{where}.name: missing")
    if set(raw) - PLACE_KEYS:
        problems.append(f"{label}: unknown keys {sorted(set(raw) - PLACE_KEYS)}")
    if raw.get("type") not in {t.value for t in PlaceType}:
        problems.append(f"{label}.type: {raw.get('type')!r} is not one of country/region/city")
    if raw.get("type") == "country" and "country" in raw:
        problems.append(f"{label}.country: a country has no parent country")
    if "country" in raw and not (isinstance(raw["country"], str) and raw["country"].strip()):
        problems.append(f"{label}.country: must be a country name")
    if not isinstance(raw.get("capital", False), bool):
        problems.append(f"{label}.capital: must be true or false")
    for key in ("exact", *lang.available()):
        if key in raw and not _str_list(raw[key]):
            problems.append(f"{label}.{key}: must be a list of names")
    if len(problems) > before:
        return None
    return Place(name, PlaceType(raw["type"]), raw.get("country"), raw.get("capital", False))


def build_gazetteer(data: Any, source: str = f"data/{DATA_FILE}") -> Gazetteer:
    """A gazetteer from parsed YAML; raises LanguageDataError listing every bad entry."""
    if not isinstance(data, Mapping) or not isinstance(data.get("places"), list):
        raise LanguageDataError(source, ["top level must be a mapping with a list 'places'"])
    problems: list[str] = []
    words = _parse_words(data.get("words"), problems)
    prefixes = {code: lang.load(code).get("prefixes") or {} for code in lang.available()}
    index: PhraseIndex[Place] = PhraseIndex(prefixes)
    owner: dict[tuple[str, ...], str] = {}
    places: list[Place] = []
    for i, raw in enumerate(data["places"]):
        place = _parse_place(raw, f"places[{i}]", problems)
        if place is None:
            continue
        if any(p.name == place.name for p in places):
            problems.append(f"{place.name}: canonical name used twice")
        places.append(place)
        exact = list(raw.get("exact", []))
        folded = [] if place.name in exact else [place.name]
        folded += [n for code in lang.available() for n in raw.get(code, [])]
        for written in exact:
            key = ("\x00", *(t.text for t in tokenize(written)))  # letter case kept
            if owner.setdefault(key, place.name) != place.name:
                problems.append(f"{place.name}: {written!r} also names {owner[key]}")
            else:
                index.add(written, place, exact_case=True)
        for alias in folded:
            key = phrase_key(alias)
            if owner.setdefault(key, place.name) != place.name:
                problems.append(f"{place.name}: {alias!r} also names {owner[key]}")
            else:
                index.add(alias, place)
    countries = {p.name for p in places if p.type is PlaceType.COUNTRY}
    for place in places:
        if place.country is not None and place.country not in countries:
            problems.append(f"{place.name}.country: {place.country!r} is not a country entry")
    capitals = {p.country: p for p in places if p.capital and p.country}
    cues: PhraseIndex[str] = PhraseIndex(prefixes)
    for table in data.get("words", {}).values() if not problems else ():
        for kind in CUE_KEYS:
            for phrase in table[kind]:
                cues.add(phrase, kind)
    if problems:
        raise LanguageDataError(source, problems)
    return Gazetteer(tuple(places), index, cues, words, capitals)  # type: ignore[arg-type]


@cache
def load_places() -> Gazetteer:
    """The bundled gazetteer (``factcheck/data/places.yaml``), loaded and checked once."""
    path = resources.files("factcheck") / "data" / DATA_FILE
    try:
        data = lang.parse_data(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LanguageDataError(f"data/{DATA_FILE}", [f"not valid YAML: {exc}"]) from None
    return build_gazetteer(data)
