"""Office holders and states as speakers: "وزير الصحة" -> "Health Minister", "الرئيس
الأميركي، دونالد ترمب" -> "US President", "les autorités" -> "French authorities",
"الولايات المتحدة تعلن" -> "US government".

The words live in the ``states`` section of ``data/registry.yaml``: offices every state has
(by language), the English adjective of each state, the states' names, and the offices that
belong to a city ("Mayor of Derna"). A speaker phrase that starts with an office is named by
the office, with the adjective of the country named in the phrase, else of the case's
country; the person named after the office is kept apart (``speaker_person``).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Final

from factcheck.claims.lexicon import Lexicon, Token
from factcheck.claims.phrases import span_key
from factcheck.mentions.phrases import PhraseIndex

#: How many words of a speaker phrase may come before its office ("the", "Libya's").
OFFICE_LEAD: Final = 2
#: Offices that name a state's ministry ("Malian Ministry of Mines"): only with the state.
MINISTRY: Final = "Ministry of "
#: Length of a person's name after an office, in words ("Othman Abdel Jalil").
PERSON_WORDS: Final = (2, 4)
#: Longest lower-case particle inside a person's name ("al", "bin", "de").
PARTICLE_CHARS: Final = 3
#: The office that a state's name alone stands for.
GOVERNMENT: Final = "government"


@dataclass(frozen=True)
class States:
    """Offices and state names from ``data/registry.yaml`` (section ``states``)."""

    adjectives: dict[str, str]
    offices: PhraseIndex[str]
    names: PhraseIndex[str]
    local: frozenset[str]


@cache
def load_states() -> States:
    """The ``states`` section of the bundled registry, indexed once."""
    from factcheck import lang
    from factcheck.claims.registry import load_registry

    path = resources.files("factcheck") / "data" / "registry.yaml"
    raw = (lang.parse_data(path.read_text(encoding="utf-8")) or {}).get("states") or {}
    prefixes = {code: lang.load(code).get("prefixes") or {} for code in lang.available()}
    offices: PhraseIndex[str] = PhraseIndex(prefixes)
    for office, table in (raw.get("offices") or {}).items():
        for words in (table or {}).values():
            for word in words:
                offices.add(word, str(office))
    names: PhraseIndex[str] = PhraseIndex(prefixes)
    registry = load_registry()
    for code, words in (raw.get("names") or {}).items():
        for word in words:
            country = next(iter(registry.countries_of(word, code)), None)
            if country:
                names.add(word, country)
    return States(
        adjectives={str(k): str(v) for k, v in (raw.get("adjectives") or {}).items()},
        offices=offices,
        names=names,
        local=frozenset(raw.get("local") or ()),
    )


def office_speaker(
    text: str, lex: Lexicon, words: list[Token], wider: list[Token], country: str | None
) -> tuple[str, str] | None:
    """(name, person) of a speaker phrase that names an office or a state, else None."""
    key = (lex.language, country, span_key(text, words, wider))
    try:
        return _MEMO[key]
    except KeyError:
        pass
    found = _MEMO[key] = _office_speaker(text, lex, words, wider, country)
    if len(_MEMO) > MEMO_SIZE:
        del _MEMO[next(iter(_MEMO))]  # the oldest phrase
    return found


#: Speaker phrases whose office is remembered (a document names the same ones again and
#: again; keys hold a phrase and its offsets, never a document).
MEMO_SIZE: Final = 65_536
_MEMO: dict[tuple[object, ...], tuple[str, str] | None] = {}


def _office_speaker(
    text: str, lex: Lexicon, words: list[Token], wider: list[Token], country: str | None
) -> tuple[str, str] | None:
    states = load_states()
    content = [t for t in words if t.is_word]
    if not content:
        return None
    lo, hi = content[0].start, (wider or words)[-1].end
    phrase = text[lo:hi]
    whole = text[lo : content[-1].end]
    state = states.names.lookup(whole, lex.language, skip=lex.determiners)
    if state is not None:
        return _named(states, GOVERNMENT, state), ""
    leading = [t for t in content if not possessive(text, t)]  # "North Kivu's governor"
    lead = leading[min(OFFICE_LEAD, len(leading) - 1)].start - lo
    hit = next((h for h in states.offices.find(phrase, lex.language) if h[0] <= lead), None)
    if hit is None:
        return None
    _, end, office = hit
    if office in states.local:  # "Kharkiv Governor Oleh Syniehubov", "محافظ نينوى فلان"
        name, after = _local(office, text[lo:hi], lex.language)
        after = max(lo + end, lo + after)  # the person follows the office and its place
        return name, _person(
            [t for t in (wider or words) if t.is_word and t.start >= after], lex, text
        )
    person = _person([t for t in (wider or words) if t.is_word and t.start >= lo + end], lex, text)
    named = _country_in(text[lo:hi], lex.language) or country
    if office.startswith(MINISTRY) and named not in states.adjectives:
        return None  # "the health ministry" of no known state: kept as written
    return _named(states, office, named), person


def possessive(text: str, token: Token) -> bool:
    """Whether ``token`` is the "s" of an English possessive ("Kivu's", "governor's"): not a
    word of the phrase when counting its words."""
    return token.key == "s" and token.start > 0 and text[token.start - 1] in "'\u2019"


def office_person(text: str, lex: Lexicon, words: list[Token], after: int) -> str:
    """The person named in ``words`` after character ``after`` ("Police spokesman Ahmed
    Jassim" -> "Ahmed Jassim"), else ""."""
    return _person([t for t in words if t.is_word and t.start >= after], lex, text)


def _named(states: States, office: str, country: str | None) -> str:
    """The office with its state's adjective; the registry's name when that is one of its
    aliases ("Turkish Ministry of Defence" -> Turkish Ministry of National Defence)."""
    adjective = states.adjectives.get(country or "", "")
    if not adjective:
        return office
    return _registered(f"{adjective} {office}")


@lru_cache(maxsize=1024)
def _registered(name: str) -> str:
    from factcheck.claims.registry import find_in

    found = find_in(name, "en")
    if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(name):
        return found[0][2].name
    return name


def _country_in(phrase: str, language: str) -> str | None:
    from factcheck.claims.registry import countries_of

    found = countries_of(phrase, language)
    return found[0] if found else None


def _local(office: str, phrase: str, language: str) -> tuple[str, int]:
    """ "Mayor of Derna" when a place is named with a city office, else the office; and where
    in ``phrase`` the place ends (0 without one)."""
    from factcheck.claims.places import find_places

    for _, end, place in find_places(phrase, language):
        if str(place.type) != "country":
            return f"{office} of {place.name}", end
    return office, 0


def _person(after: list[Token], lex: Lexicon, text: str) -> str:
    """A person's name right after an office: capitalised Latin words, or in Arabic the last
    words of the phrase that carry no article ("وزير الزراعة في حكومة الإقليم كريم بن
    يوسف")."""
    low, high = PERSON_WORDS
    if not after:
        return ""
    cut = next((k for k, t in enumerate(after) if t.key in lex.openers), len(after))
    after = after[:cut]  # "... صالح الحسناوي أن": the phrase ends where the content opens
    if after and after[0].text[:1].isupper():
        run: list[Token] = []
        for k, t in enumerate(after):
            nxt = after[k + 1] if k + 1 < len(after) else None
            particle = len(t.text) <= PARTICLE_CHARS and nxt is not None and nxt.text[:1].isupper()
            glued = "-" in t.text and t.text.split("-")[-1][:1].isupper()  # "al-Hasnawi"
            if not (t.text[:1].isupper() or (run and (particle or glued))):
                break
            run.append(t)  # "Saleh al-Hasnawi", "Ugo de Souza"
        if low <= len(run) <= high + 1:
            return _written(run, text)
        return ""
    if not lex.article:
        return ""
    for k in range(len(after) - low, -1, -1):
        tail = after[k:]
        if len(tail) > high:
            break
        first = tail[0]
        if not any(key.startswith(lex.article) for key in first.keys) and first.key not in (
            lex.stop
        ):
            before = after[k - 1] if k else None
            if before is None or before.key in lex.stop or _is_state_word(before, lex):
                return _written(tail, text)
    return ""


def _written(run: list[Token], text: str) -> str:
    """Words of a name joined as written ("al-Hasnawi" keeps its hyphen, "عبد القادر" its
    space)."""
    out = run[0].text
    for prev, tok in itertools.pairwise(run):
        out += "-" if text[prev.end : tok.start] == "-" else " "
        out += tok.text
    return out


def _is_state_word(tok: Token, lex: Lexicon) -> bool:
    return bool(_country_in(tok.text, lex.language))
