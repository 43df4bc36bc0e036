"""Unnamed speakers: "sources", "two officials", "مصدر طبي" and what the text says about them
(the state or group they speak for, their kind), or the unnamed source named before.

Used by :func:`factcheck.claims.speakers.name_speaker`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from factcheck.claims.lexicon import Lexicon, Token
from factcheck.claims.sources import OUTLETS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from factcheck.claims.speakers import Naming, Speaker


#: How many words from its start an unnamed-speaker noun may come ("a senior US military
#: official"), before any preposition.
UNNAMED_REACH: Final = 5


#: How many words at the end of a long phrase may hold its unnamed-speaker noun (a phrase read
#: back from its verb ends with it: "... مسؤولون أميركيون قالوا").
TAIL_WORDS: Final = 3


def head_words(content: list[Token], lex: Lexicon) -> list[Token]:
    """The words of a phrase before its first preposition, at most ``UNNAMED_REACH``."""
    out: list[Token] = []
    for t in content[:UNNAMED_REACH]:
        if out and t.key in lex.stop and t.key not in lex.name_links:
            break
        out.append(t)
    return out


def same_unnamed(
    content: list[Token], lex: Lexicon, kind: str, earlier: Iterable[Speaker]
) -> Speaker | None:
    """ "the source", "the official", "المصدر", "la source": a definite unnamed noun alone
    refers back to the latest unnamed speaker of that kind ("unnamed IRGC sources")."""
    core = [t for t in content if t.key not in lex.determiners]
    definite = len(core) < len(content) or any(
        core and core[0].key.startswith(a) for a in lex.article
    )
    if len(core) != 1 or not definite:
        return None
    noun = kind.rsplit(" ", 1)[-1]
    return next(
        (sp for sp in earlier if sp.kind == "unnamed" and sp.name.endswith(" " + noun)), None
    )


def organisation(ctx: Naming, rest: list[Token]) -> str:
    """The organisation named in the words after an unnamed-speaker noun ("at the Islamic
    Revolutionary Guard Corps"): its first acronym, else its name; "" when none."""
    if not rest or not ctx.lex.stop & {rest[0].key}:
        return ""  # only a preposition links a source to the organisation it works for
    try:
        from factcheck.claims import registry
    except ImportError:
        return ""
    lo = rest[0].start
    for _, _, entry in registry.find_in(ctx.text[lo : rest[-1].end], ctx.lex.language):
        if str(entry.type) not in OUTLETS:
            return entry.acronyms[0] if entry.acronyms else entry.name
    return ""


def unnamed_name(
    name: str, content: list[Token], lex: Lexicon, before: list[Token] = (), org: str = ""
) -> str:
    """ "unnamed sources" -> "unnamed Iraqi security sources": an unnamed speaker keeps what
    the text says about it — the state or group it speaks for (an affiliation, else a place
    the gazetteer knows named ``before`` the noun: "Gaza officials") and its kind
    (``unnamed_kinds``: security, military, medical ...), in that order; eyewitnesses stay
    as they are."""
    if not name.startswith("unnamed "):
        return name
    words = [str(m.value[0]) for m in lex.affiliations.scan(content) if not m.value[2]]
    words += [org] if org else []
    if not words and before:  # "Gaza officials", not "a doctor at Kankan hospital"
        words += _places(" ".join(t.text for t in before), lex.language)
    words += [str(m.value) for m in lex.unnamed_kinds.scan(content)]
    extra = " ".join(dict.fromkeys(words))
    return f"unnamed {extra} {name[8:]}" if extra else name


def _places(phrase: str, language: str) -> list[str]:
    try:
        from factcheck.claims.places import find_places
    except ImportError:
        return []
    return [p.name for _, _, p in find_places(phrase, language)][:1]


def inside_a_name(
    text: str, lex: Lexicon, country: str | None, content: list[Token], first: int, last: int
) -> bool:
    """Whether the unnamed-speaker noun ``content[first:last]`` belongs to a registry name that
    the phrase opens with ("Doctors Without Borders", "شبكة أطباء السودان"): the organisation
    is the speaker, not unnamed doctors."""
    from factcheck.claims import registry
    from factcheck.claims.sources import governed

    lo = content[0].start
    noun_lo, noun_hi = content[first].start, content[last - 1].end
    return any(
        lo + start <= noun_lo and noun_hi <= lo + end and not governed(content, lo + start, lex)
        for start, end, _ in registry.find_in(text[lo : content[-1].end], lex.language, country)
    )
