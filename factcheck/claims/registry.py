"""Who is speaking: canonical names of sources and actors, found by their aliases.

``data/registry.yaml`` lists organisations (armed forces, ministries, agencies, outlets, UN
bodies, unions, NGOs) with a type, the side of a conflict they belong to (``party``) and the
words that name them in Arabic, English and French. Aliases are normalised at load with
:func:`factcheck.text.normalize.lookup_key`, word by word, so the file stays readable and a
spelling variant the normaliser folds needs no extra line.

Resolution is exact first (after dropping "the"/"le" and the Arabic clitics glued in front),
then fuzzy for typing slips; acronyms only match exactly, letter case included. An unknown
speaker gives ``None``: the caller keeps the words as written, never a wrong entry.

>>> resolve("سنتكوم").name
'US Central Command'
>>> resolve("the Iranian Ministry of Health") is None
False
>>> resolve("Ministry of Truth") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Final

import yaml
from rapidfuzz import fuzz, process

from factcheck.claims.registry_fuzzy import FUZZY_MIN_SCORE as FUZZY_MIN_SCORE
from factcheck.claims.registry_fuzzy import FUZZY_MIN_WORD_SCORE as FUZZY_MIN_WORD_SCORE
from factcheck.claims.registry_fuzzy import near, words_match, words_near
from factcheck.errors import LanguageDataError
from factcheck.lang import parse_data
from factcheck.mentions.phrases import PhraseIndex, recent_words

#: Texts whose fuzzy look-up is remembered (a news vocabulary of names fits).
FUZZY_MEMO_SIZE: Final = 50_000
#: Names shorter than this (normalised characters) are never matched fuzzily: one letter
#: changes a short name into another one.
FUZZY_MIN_LENGTH: Final = 8

DATA_FILE: Final = "registry.yaml"
#: A name followed by a bracketed acronym or gloss: "القيادة المركزية الأميركية (سنتكوم)".
_BRACKETED: Final = re.compile(r"\s*(.+?)\s*[(（]([^()（）]+)[)）]\s*")


#: A country, or countries in order of preference, to resolve generic names with.
Countries = str | Sequence[str] | None
#: Longest text whose registry names are remembered (a speaker's phrase, not a document).
FIND_MEMO_CHARS: Final = 400


class EntryType(StrEnum):
    """What kind of organisation speaks: decides how much weight a reader gives its figures."""

    GOVERNMENT = "government"
    MILITARY = "military"
    ARMED_GROUP = "armed_group"
    POLICE = "police"
    CIVIL_DEFENCE = "civil_defence"
    NEWS_AGENCY = "news_agency"
    MEDIA = "media"
    NGO = "ngo"
    UN = "un"
    UNION = "union"
    INTERGOVERNMENTAL = "intergovernmental"


@dataclass(frozen=True, slots=True)
class Entry:
    """One source or actor: canonical English name, type, party, country and names by language."""

    name: str
    type: EntryType
    party: str | None = None
    country: str | None = None
    acronyms: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()  # names matched only as written ("Le Monde", not "le monde")
    aliases: tuple[tuple[str, str], ...] = ()  # (language, alias as written)
    generic: tuple[tuple[str, str], ...] = ()  # shared names, resolved with a country

    def names(self, language: str | None = None) -> tuple[str, ...]:
        """The aliases as written (of one language, or all), canonical name first."""
        own = [a for lang_, a in self.aliases if language in (None, lang_)]
        return (self.name, *own)


@dataclass(frozen=True, slots=True)
class Registry:
    """All entries plus the indexes built from them once (exact, fuzzy, generic)."""

    entries: tuple[Entry, ...]
    index: PhraseIndex[Entry]
    generic: PhraseIndex[tuple[Entry, ...]]
    fuzzy_keys: tuple[str, ...]
    fuzzy_entries: tuple[Entry, ...]
    determiners: frozenset[str]
    countries: PhraseIndex[str]
    #: text -> what :meth:`_fuzzy` found for it: a document names its speakers again and
    #: again, and the fuzzy search over every alias is the costly step (bounded)
    fuzzy_memo: dict[str, Entry | None] = field(default_factory=dict, compare=False, repr=False)
    #: (text, language, country) -> what :meth:`resolve` found: every speaker phrase and its
    #: shorter prefixes are resolved, and the same phrases recur (bounded)
    resolve_memo: dict[tuple[object, ...], Entry | None] = field(
        default_factory=dict, compare=False, repr=False
    )
    #: the same for :meth:`find_in` over short texts (a speaker's phrase, named again and
    #: again in a document; never a whole document, which no memo should keep alive)
    find_memo: dict[tuple[object, ...], tuple[tuple[int, int, Entry], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    #: canonical name -> entry, for :meth:`get` (speakers' types and aliases are asked often)
    by_name: dict[str, Entry] = field(default_factory=dict, compare=False, repr=False)

    def countries_of(self, texts: str | Iterable[str], language: str | None = None) -> list[str]:
        """The countries ``texts`` name (names, peoples, capitals), most often named first;
        ties go to the country named first. Pass it as ``country`` to resolve generic names:
        the first country that has an entry for the name wins."""
        counts: dict[str, int] = {}
        for text in [texts] if isinstance(texts, str) else texts:
            for _, _, country in self.countries.find(text, language):
                counts[country] = counts.get(country, 0) + 1
        return sorted(counts, key=lambda c: -counts[c])

    def get(self, name: str) -> Entry:
        """The entry with this canonical name (KeyError if none)."""
        by_name = self.by_name
        if not by_name and self.entries:  # built at the first call: one look-up, not a scan
            for entry in self.entries:
                by_name.setdefault(entry.name, entry)  # the first of a name, as the scan gave
        try:
            return by_name[name]
        except KeyError:
            raise KeyError(name) from None

    def resolve(
        self, text: str, language: str | None = None, country: Countries = None
    ) -> Entry | None:
        """The entry ``text`` names, or None when no entry is close enough.

        ``country`` (a country or countries in order of preference, e.g. from
        :meth:`countries_of`) resolves a generic name ("وزارة الصحة", "le ministère de
        l'Intérieur") to that country's entry; without it a generic name stays unresolved.
        """
        key = (text, language, _country_key(country))
        memo = self.resolve_memo
        if key in memo:
            return memo[key]
        found = self._resolve(text, language, country)
        if len(memo) < FUZZY_MEMO_SIZE:
            memo[key] = found
        return found

    def _resolve(self, text: str, language: str | None, country: Countries) -> Entry | None:
        hit = self.index.lookup(text, language, skip=self.determiners)
        if hit is not None:
            return hit
        bracketed = _BRACKETED.fullmatch(text)
        if bracketed:  # "Reporters sans frontières (RSF)": the name, agreeing with the brackets
            outer, inner = (self.resolve(part, language, country) for part in bracketed.groups())
            if outer is not None and inner in (None, outer):
                return outer
            return inner if outer is None else None
        shared = self.generic.lookup(text, language, skip=self.determiners)
        if shared is not None:
            return _by_country(shared, country)
        return self._fuzzy(text)

    def _fuzzy(self, text: str) -> Entry | None:
        if text in self.fuzzy_memo:
            return self.fuzzy_memo[text]
        found = self._fuzzy_search(text)
        if len(self.fuzzy_memo) < FUZZY_MEMO_SIZE:
            self.fuzzy_memo[text] = found
        return found

    def _fuzzy_search(self, text: str) -> Entry | None:
        words = recent_words(text).keys  # as tokenize's; read by the look-ups just before
        while len(words) > 1 and words[0] in self.determiners:
            words = words[1:]
        query = " ".join(words)
        if len(query) < FUZZY_MIN_LENGTH or not words_near(self.fuzzy_keys, query):
            return None  # too short, or a word no key has: no match passes the word test
        close = near(self.fuzzy_keys, query)
        found = process.extractOne(
            query,
            [self.fuzzy_keys[i] for i in close],
            scorer=fuzz.ratio,
            processor=None,  # both sides are normalised already (phrase_key)
            score_cutoff=FUZZY_MIN_SCORE,
        )
        if found is None or not words_match(query, found[0]):
            return None
        if self.other_countries(query, found[0]):
            return None  # "وكالة الأنباء الروسية" is not "وكالة الأنباء التونسية"
        return self.fuzzy_entries[close[found[2]]]

    def other_countries(self, query: str, name: str) -> bool:
        """Whether a name close to ``query`` names other countries than it does: one letter
        apart, "الروسية" and "التونسية" are two countries' agencies, and "الرسمية" (official)
        is not "الفرنسية" (a misspelt country word, "Amercan", is not matched either)."""
        return self.countries_of(query) != self.countries_of(name)

    def find_in(
        self, text: str, language: str | None = None, country: Countries = None
    ) -> list[tuple[int, int, Entry]]:
        """Every registry name in ``text`` as (start, end, entry), longest name first.

        Offsets index ``text`` as given. Generic names are included only when ``country``
        picks one entry for them.
        """
        if len(text) > FIND_MEMO_CHARS:
            return self._find_in(text, language, country)
        key = (text, language, _country_key(country))
        hit = self.find_memo.get(key)
        if hit is None:
            hit = tuple(self._find_in(text, language, country))
            if len(self.find_memo) < FUZZY_MEMO_SIZE:
                self.find_memo[key] = hit
        return list(hit)

    def _find_in(
        self, text: str, language: str | None, country: Countries
    ) -> list[tuple[int, int, Entry]]:
        found = self.index.find(text, language)
        if country is not None:
            taken = [(s, e) for s, e, _ in found]
            for start, end, shared in self.generic.find(text, language):
                entry = _by_country(shared, country)
                if entry and not any(s < end and start < e for s, e in taken):
                    found.append((start, end, entry))
            found.sort(key=lambda hit: hit[0])
        return found


def _country_key(country: Countries) -> object:
    """``country`` as part of a memo key (a sequence of countries as a tuple)."""
    return country if country is None or isinstance(country, str) else tuple(country)


def _by_country(entries: tuple[Entry, ...], country: Countries) -> Entry | None:
    """The one entry of the first country (in order of preference) that has this name."""
    for name in [country] if isinstance(country, str) else country or ():
        matches = [e for e in entries if e.country == name]
        if len(matches) == 1:
            return matches[0]
    return None


@cache
def load_registry() -> Registry:
    """The bundled registry (``factcheck/data/registry.yaml``), loaded and checked once."""
    path = resources.files("factcheck") / "data" / DATA_FILE
    try:
        data = parse_data(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LanguageDataError(f"data/{DATA_FILE}", [f"not valid YAML: {exc}"]) from None
    from factcheck.claims.registry_load import build_registry  # reads this module's classes

    return build_registry(data, f"data/{DATA_FILE}")


def resolve(text: str, language: str | None = None, country: Countries = None) -> Entry | None:
    """The registry entry ``text`` names, or None (the caller keeps the words as written).

    >>> resolve("Agence France Presse", "en").name
    'Agence France-Presse'
    """
    return load_registry().resolve(text, language, country)


def find_in(
    text: str, language: str | None = None, country: Countries = None
) -> list[tuple[int, int, Entry]]:
    """Registry names inside ``text`` as (start, end, entry), left to right, longest first.

    >>> [(s, e, x.name) for s, e, x in find_in("Reuters, citing CENTCOM, said", "en")]
    [(0, 7, 'Reuters'), (16, 23, 'US Central Command')]
    """
    return load_registry().find_in(text, language, country)


def countries_of(texts: str | Iterable[str], language: str | None = None) -> list[str]:
    """The countries the texts name, most often named first (for generic names).

    >>> countries_of("A fire in the southern Iraqi city of Diwaniyah, AP said", "en")
    ['Iraq']
    """
    return load_registry().countries_of(texts, language)
