"""Registry lookups for speakers: canonical names, outlets, aliases, the case's country.

The registry (:mod:`factcheck.claims.registry`) is optional: without it names are kept as
written and no country is guessed.
"""

from __future__ import annotations

from collections import Counter
from functools import cache, lru_cache
from typing import Any, Final

from factcheck.claims.lexicon import Lexicon, Token
from factcheck.claims.phrases import phrase_text, span_key
from factcheck.text.normalize import lookup_key

#: Registry types whose country says nothing about the event (a wire agency reports anywhere).
OUTLETS: Final = frozenset({"news_agency", "media"})
#: Longest second part of a compound adjective after a name ("controlled").
QUALIFIER_MAX_CHARS: Final = 14
#: Characters a preposition glued to an outlet's name may take before it ("لـ", "l'").
OUTLET_LEAD: Final = 3
#: Speaker names whose answers are remembered (bounded: a corpus names ever more speakers).
NAME_CACHE_SIZE: Final = 65_536
#: Cases whose country is remembered (the documents of one case ask in turn).
RECENT_CASES: Final = 4


def canonical(text: str, language: str) -> str:
    """The registry name of ``text`` if it has one, else ``text`` itself (publishers)."""
    try:
        from factcheck.claims.registry import resolve
    except ImportError:  # the registry is optional: names are then kept as written
        return text
    entry = resolve(text, language)
    return entry.name if entry is not None else text


@lru_cache(maxsize=NAME_CACHE_SIZE)
def is_outlet(name: str) -> bool:
    """Whether a canonical speaker name is a news agency or a media outlet of the registry."""
    try:
        from factcheck.claims.registry import load_registry
    except ImportError:
        return False
    try:
        return str(load_registry().get(name).type) in OUTLETS
    except KeyError:
        return False


@lru_cache(maxsize=RECENT_CASES)  # a case's documents ask in turn; no text is kept for good
def country_of(texts: tuple[tuple[str, str], ...]) -> str | None:
    """The country the registry names most often in these texts (None without a registry).

    Generic speakers ("the health ministry", "الحكومة") resolve to that country's entry.
    """
    try:
        from factcheck.claims import registry
    except ImportError:
        return None
    counts = Counter(
        entry.country
        for text, language in texts
        for _, _, entry in registry.find_in(text, language)
        if entry.country and str(entry.type) not in OUTLETS
    )
    if counts:
        return counts.most_common(1)[0][0]
    # no organisation of a country named: the country the texts name most often ("Basra,
    # Iraq", "وزير الصحة العراقي")
    named = Counter(c for text, language in texts for c in registry.countries_of(text, language))
    return named.most_common(1)[0][0] if named else None


def registry_name(
    text: str, lex: Lexicon, country: str | None, words: list[Token], wider: list[Token]
) -> str | None:
    """A registry name starting inside ``words`` (searched in ``wider``), else the whole."""
    try:
        from factcheck.claims import registry
    except ImportError:  # the registry is optional: names are then kept as written
        return None
    key = (lex.language, country, span_key(text, words, wider))
    hit = _NAME_MEMO.get(key)
    lo = wider[0].start
    if hit is None:
        hit = _NAME_MEMO[key] = [_inside(registry, text, lex, country, words, wider), _UNSET]
        if len(_NAME_MEMO) > NAME_CACHE_SIZE:
            del _NAME_MEMO[next(iter(_NAME_MEMO))]  # the oldest phrase
    for end, name in hit[0]:
        if not qualifies(text, lo + end, lex):
            return name  # "the militia-run water ministry": the militia runs it, is not it
    if hit[1] is _UNSET:
        hit[1] = _whole(registry, text, lex, country, words)
    return hit[1]  # type: ignore[return-value]


#: (language, country, the words and their text) -> [the names inside them that may name
#: the speaker, the name of the whole phrase (``_UNSET`` until asked)]: a document names
#: the same speakers again and again (bounded; keys hold a phrase, never a document).
_NAME_MEMO: dict[tuple[object, ...], list[Any]] = {}
_UNSET: Final = object()


def _inside(
    registry: Any,
    text: str,
    lex: Lexicon,
    country: str | None,
    words: list[Token],
    wider: list[Token],
) -> tuple[tuple[int, str], ...]:
    """The registry names found in ``wider`` that start inside ``words`` and are not governed
    by a preposition, as (end relative to ``wider``, name), in the registry's order."""
    lo, hi = wider[0].start, wider[-1].end
    return tuple(
        (end, entry.name)
        for start, end, entry in registry.find_in(text[lo:hi], lex.language, country)
        if lo + start < words[-1].end
        and not governed(words, lo + start, lex)
        and not _other_country(registry, lex, _neighbours(text, wider, lo + start, lo + end), entry)
    )


def _neighbours(text: str, words: list[Token], start: int, end: int) -> list[Token]:
    """The words of ``words`` right next to the span ``start:end`` that may name a country:
    the word just before it (past a possessive "'s": "Kenya Red Cross", "Ukraine's Red
    Cross"), and the word just after it when it can be an adjective ("la Croix-Rouge
    kényane", "الصليب الأحمر الكيني")."""
    before = [t for t in words if t.end <= start and t.is_word]
    if before and before[-1].key == "s" and text[before[-1].start - 1] in "'\u2019":
        before.pop()  # the possessive "'s"
    near = []
    if before and not text[before[-1].end : start].strip(" '\u2019s"):
        near.append(before[-1])
    after = next((t for t in words if t.start >= end and t.is_word), None)
    if after is not None and not text[end : after.start].strip() and _adjective(after.text):
        near.append(after)
    return near


def _other_country(registry: Any, lex: Lexicon, near: list[Token], entry: Any) -> bool:
    """Whether a word next to a registry name names another country than the entry's: the
    country's own body, which the registry does not list, so the phrase is kept as written
    rather than named after the wrong entry (the International Committee of the Red Cross)."""
    for word in near:
        countries = registry.countries_of(word.text, lex.language)
        if countries and countries[0] != entry.country:
            return True
    return False


def _adjective(word: str) -> bool:
    """Whether a word after a name can be a country adjective: lower case in French ("la
    Croix-Rouge kényane"), an Arabic nisba with the article ("الكيني", "الكينية"); English
    puts its adjectives first."""
    if word[:1].islower():
        return True
    return word.startswith("ال") and word.endswith(("ي", "ية"))


def _whole(
    registry: Any, text: str, lex: Lexicon, country: str | None, words: list[Token]
) -> str | None:
    """The registry name of the phrase, of its longest prefix that has one, or of a quoted
    name inside it."""
    for candidate, n in _candidates(text, words):
        entry = registry.resolve(candidate, lex.language, country)
        if entry is None:
            continue
        near = _neighbours(text, words, words[0].start, words[n - 1].end)  # "… | kényane"
        if _other_country(registry, lex, near, entry):
            return None
        return entry.name
    return None


def qualifies(text: str, end: int, lex: Lexicon) -> bool:
    """Whether the name ending at ``end`` is the first part of a compound adjective
    ("Hamas-controlled", "Houthi-run", "Iran-backed": ``name_qualifiers``)."""
    if not text.startswith("-", end) or not lex.name_qualifiers:
        return False
    word = text[end + 1 : end + 1 + QUALIFIER_MAX_CHARS].split(" ", 1)[0]
    return lookup_key(word.strip(",.;:")) in lex.name_qualifiers


def governed(words: list[Token], start: int, lex: Lexicon) -> bool:
    """Whether a preposition stands between the phrase's start and a name found inside it
    ("des liens avec le groupe Etat islamique"): then the name is not the speaker."""
    return any(
        t.is_word and t.key in lex.stop and t.key not in lex.name_links | lex.agents
        for t in words
        if t.start < start
    )


def outlet_name(
    text: str, words: list[Token], language: str, country: str | None
) -> tuple[str, int] | None:
    """The registry name of a news outlet that starts these words and where it ends."""
    if not words:
        return None
    try:
        from factcheck.claims import registry
    except ImportError:
        return None
    lo = words[0].start
    for start, end, entry in registry.find_in(text[lo : words[-1].end], language, country):
        if str(entry.type) in OUTLETS and start <= OUTLET_LEAD:
            return entry.name, lo + end
    return None


def _candidates(text: str, words: list[Token]) -> list[tuple[str, int]]:
    """The phrase, its shorter prefixes, then any quoted or bracketed name inside it, each
    with the number of the phrase's words it takes (a quoted name: all of them)."""
    out: dict[str, int] = {}
    for n in range(len(words), 0, -1):
        if words[n - 1].is_word:
            out.setdefault(phrase_text(text, words[:n]), n)
    for i, tok in enumerate(words):
        if not tok.is_word and tok.text in '("«“' and i + 1 < len(words) and words[i + 1].is_word:
            out.setdefault(words[i + 1].text, len(words))
    return [(c, n) for c, n in out.items() if c]


@cache
def aliases(name: str, language: str) -> tuple[str, ...]:
    """The registry's names of a canonical speaker in one language (empty if unknown)."""
    try:
        from factcheck.claims import registry
    except ImportError:
        return ()
    try:
        entry = registry.load_registry().get(name)
    except KeyError:
        return ()
    return entry.names(language)


#: Shortest word that counts when a description is matched against registry names ("rights",
#: "disaster"); shorter words ("of", "s", "la") say nothing about who speaks.
DESCRIPTION_MIN_CHARS: Final = 4


def described(lex: Lexicon, content: list[Token], country: str | None) -> str | None:
    """The one registry entry of ``country`` whose names share the most words with a
    description ("a local rights group" -> the country's human rights organisation, "the
    country's disaster management agency" -> its disaster authority); None on a tie."""
    if country is None:
        return None
    try:
        from factcheck.claims import registry
    except ImportError:
        return None
    generic = lex.stop | lex.determiners | lex.titles
    kept = [
        t
        for t in content
        if t.keys[:1]
        and len(t.keys[0]) >= DESCRIPTION_MIN_CHARS
        and t.keys[0] not in generic
        and not lex.speaker_heads.at([t], 0)
    ]
    # a country's name says whose body speaks, not which: where other words describe it
    # ("Ukraine's State Emergency Service"), they must match; alone ("Israel's military")
    # it picks the country's one entry that carries it
    own = {t.keys[0] for t in kept if not registry.countries_of(t.text, lex.language)}
    words = own or {t.keys[0] for t in kept}
    if not words:
        return None
    scores = [(len(words & names), name) for name, names in _name_words(registry, lex, country)]
    scores.sort(reverse=True)
    if not scores or scores[0][0] == 0 or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return None
    return scores[0][1]


#: (id(lexicon), country) -> (lexicon, registry, the country's entries as (name, words of
#: their names)): each description would tokenise every name of the country's entries.
_NAME_WORDS: dict[tuple[int, str], tuple[Lexicon, Any, list[tuple[str, frozenset[str]]]]] = {}


def _name_words(registry: Any, lex: Lexicon, country: str) -> list[tuple[str, frozenset[str]]]:
    """The entries of ``country`` that are not outlets, as (name, the keys of the words of
    their names in the lexicon's language), in the registry's order; built once."""
    table = registry.load_registry()
    key = (id(lex), country)
    found = _NAME_WORDS.get(key)
    if found is None or found[0] is not lex or found[1] is not table:
        entries = [
            (
                entry.name,
                frozenset(t.key for n in entry.names(lex.language) for t in lex.tokenize(n)),
            )
            for entry in table.entries
            if entry.country == country and str(entry.type) not in OUTLETS
        ]
        found = _NAME_WORDS[key] = (lex, table, entries)
    return found[2]
