"""Reading ``data/registry.yaml``: every entry checked, every problem reported at once.

Aliases are normalised here, word by word, with :func:`factcheck.text.normalize.lookup_key`
(through :func:`factcheck.mentions.phrases.phrase_key`) and indexed once; an alias or
acronym that names two entries, an unknown type, key or language is a problem, and all the
problems of a file are raised together as one ``LanguageDataError`` naming the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from factcheck import lang
from factcheck.claims.registry import (
    DATA_FILE,
    FUZZY_MIN_LENGTH,
    Entry,
    EntryType,
    Registry,
)
from factcheck.errors import LanguageDataError
from factcheck.mentions.phrases import PhraseIndex, phrase_key, tokenize

ENTRY_KEYS: Final = frozenset(
    {"name", "type", "party", "country", "acronyms", "exact", "aliases", "generic"}
)


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _parse_entry(raw: Any, where: str, problems: list[str]) -> Entry | None:
    """One entry from its YAML mapping; appends every problem found to ``problems``."""
    if not isinstance(raw, Mapping):
        problems.append(f"{where}: must be a mapping")
        return None
    name = raw.get("name")
    label = f"{where} ({name})" if isinstance(name, str) else where
    bad = len(problems)
    if not isinstance(name, str) or not name.strip():
        problems.append(f"{where}.name: missing")
    unknown = set(raw) - ENTRY_KEYS
    if unknown:
        problems.append(f"{label}: unknown keys {sorted(unknown)}")
    if raw.get("type") not in {t.value for t in EntryType}:
        problems.append(
            f"{label}.type: {raw.get('type')!r} is not one of {[t.value for t in EntryType]}"
        )
    for key in ("party", "country"):
        if key in raw and not (isinstance(raw[key], str) and raw[key].strip()):
            problems.append(f"{label}.{key}: must be a non-empty string")
    acronyms = raw.get("acronyms", [])
    if not _str_list(acronyms) or any(len(tokenize(a)) != 1 for a in acronyms):
        problems.append(f"{label}.acronyms: must be a list of single words")
        acronyms = []
    exact = raw.get("exact", [])
    if not _str_list(exact):
        problems.append(f"{label}.exact: must be a list of names")
        exact = []
    pairs: dict[str, list[tuple[str, str]]] = {"aliases": [], "generic": []}
    for key in pairs:
        table = raw.get(key, {})
        if not isinstance(table, Mapping):
            problems.append(f"{label}.{key}: must map a language to a list of names")
            continue
        for code, names in table.items():
            if code not in lang.available():
                problems.append(f"{label}.{key}.{code}: unknown language")
            elif not _str_list(names):
                problems.append(f"{label}.{key}.{code}: must be a list of names")
            else:
                pairs[key].extend((code, n) for n in names)
    if pairs["generic"] and "country" not in raw:
        problems.append(f"{label}.generic: needs a country to be resolved by")
    if len(problems) > bad:
        return None
    return Entry(
        name=name,
        type=EntryType(raw["type"]),
        party=raw.get("party"),
        country=raw.get("country"),
        acronyms=tuple(acronyms),
        exact=tuple(exact),
        aliases=tuple(pairs["aliases"]),
        generic=tuple(pairs["generic"]),
    )


def build_registry(data: Any, source: str = DATA_FILE) -> Registry:
    """A registry from parsed YAML; raises LanguageDataError listing every bad entry at once."""
    if not isinstance(data, Mapping) or not isinstance(data.get("entries"), list):
        raise LanguageDataError(source, ["top level must be a mapping with a list 'entries'"])
    problems: list[str] = []
    entries = [
        _parse_entry(raw, f"entries[{i}]", problems) for i, raw in enumerate(data["entries"])
    ]
    prefixes = {code: lang.load(code).get("prefixes") or {} for code in lang.available()}
    dets = {code: set(lang.load(code).get("determiners") or []) for code in lang.available()}
    verbs = {code: _reporting_verbs(code) for code in lang.available()}
    index: PhraseIndex[Entry] = PhraseIndex(prefixes)
    generic: dict[tuple[str, ...], list[Entry]] = {}
    owner: dict[tuple[str, ...], str] = {}
    fuzzy: dict[str, Entry] = {}
    names: set[str] = set()
    for entry in entries:
        if entry is None:
            continue
        if entry.name in names:
            problems.append(f"{entry.name}: canonical name used twice")
        names.add(entry.name)
        for written in (*entry.acronyms, *entry.exact):
            key = ("\x00", *(t.text for t in tokenize(written)))  # letter case kept
            if owner.setdefault(key, entry.name) != entry.name:
                problems.append(f"{entry.name}: {written!r} also names {owner[key]}")
                continue
            index.add(written, entry, exact_case=True)
        canonical = [] if entry.name in entry.exact else [entry.name]
        for code, alias in entry.aliases:
            if phrase_key(alias) in verbs[code]:
                problems.append(f"{entry.name}: alias {alias!r} is a reporting verb; use 'exact'")
        for alias in [*canonical, *(a for _code, a in entry.aliases)]:
            key = phrase_key(alias)
            if owner.setdefault(key, entry.name) != entry.name:
                problems.append(f"{entry.name}: alias {alias!r} also names {owner[key]}")
                continue
            index.add(" ".join(key), entry)
            if len(" ".join(key)) >= FUZZY_MIN_LENGTH:
                fuzzy[" ".join(key)] = entry
        for _code, alias in entry.generic:
            bucket = generic.setdefault(phrase_key(alias), [])
            if entry not in bucket:
                bucket.append(entry)
    for key in generic:
        if key in owner:
            problems.append(f"generic name {' '.join(key)!r} is also an alias of {owner[key]}")
    countries = _countries(data.get("countries", {}), prefixes, problems)
    if problems:
        raise LanguageDataError(source, problems)
    shared: PhraseIndex[tuple[Entry, ...]] = PhraseIndex(prefixes)
    for key, bucket in generic.items():
        shared.add(" ".join(key), tuple(bucket))
    return Registry(
        entries=tuple(e for e in entries if e is not None),
        index=index,
        generic=shared,
        fuzzy_keys=tuple(fuzzy),
        fuzzy_entries=tuple(fuzzy.values()),
        determiners=frozenset().union(*dets.values()),
        countries=countries,
    )


def _reporting_verbs(code: str) -> set[tuple[str, ...]]:
    """The language's one-word reporting verbs as phrase keys: an alias that reads as one
    once normalised ("آفاد" -> "افاد", reported) would make every report a speaker."""
    say = (lang.load(code).get("claims") or {}).get("say") or {}
    return {phrase_key(str(verb)) for verb in say if len(str(verb).split()) == 1}


def _countries(raw: Any, prefixes: dict[str, Any], problems: list[str]) -> PhraseIndex[str]:
    """The country words index; a word in capitals ("US") matches only as written."""
    index: PhraseIndex[str] = PhraseIndex(prefixes)
    if not isinstance(raw, Mapping):
        problems.append("countries: must map a country to its words by language")
        return index
    for country, table in raw.items():
        if not isinstance(table, Mapping):
            problems.append(f"countries.{country}: must map a language to a list of words")
            continue
        for code, words in table.items():
            if code not in lang.available() or not _str_list(words):
                problems.append(f"countries.{country}.{code}: unknown language or not a list")
                continue
            for word in words:
                previous = index.add(word, str(country), exact_case=word.isupper())
                if previous not in (None, country):
                    problems.append(f"countries.{country}: {word!r} also names {previous}")
    return index
