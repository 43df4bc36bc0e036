"""Back-references: a short phrase ("the command", "la préfecture", "the union") that names
an earlier speaker of the document, or its publisher.

What the phrase's own words give is remembered with them (:class:`LookBack`); which earlier
speaker it names is read anew at each use, as the earlier speakers change.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from factcheck.claims.lexicon import Lexicon, Token, lexicon
from factcheck.claims.sources import NAME_CACHE_SIZE, aliases

if TYPE_CHECKING:
    from factcheck.claims.speakers import Naming, Speaker


class LookBack(NamedTuple):
    """What a short phrase names once its words are read: an earlier speaker (or the
    publisher) whose name holds its head word, else one whose registry type it names
    ("the union"), else ``rest``. The words' part is remembered; this part is read anew."""

    heads: frozenset[str]  # the phrase's head words (:func:`heads_of`)
    publisher: bool  # whether the publisher is a candidate after the earlier speakers
    type_named: str | None  # the registry type the phrase names alone, if it does
    written: str
    gender: str
    rest: Speaker | None

    def back(self, ctx: Naming) -> Speaker | None:
        """The earlier speaker (or publisher) the phrase names, else what its words name."""
        from factcheck.claims.speakers import Speaker  # imports this module

        earlier: Iterable[Speaker] = ctx.earlier
        if self.publisher:
            earlier = [*ctx.earlier, Speaker(ctx.publisher, "", "", "named", True)]
        back = head_match(self.heads, ctx.lex.language, earlier)
        if back is None and self.type_named is not None:
            back = type_match(self.type_named, ctx.earlier)
            named = getattr(ctx.earlier, "named_of_type", None)  # not a plain list
            if back is None and named is not None:
                back = named(self.type_named)  # named before without speaking
        if back is None:
            return self.rest
        return Speaker(
            back.name, self.written, back.gender or self.gender, back.kind, back.resolved
        )


def heads_of(core: list[Token], lex: Lexicon) -> frozenset[str]:
    """The keys of a short phrase that may be the head word of an earlier speaker's name."""
    return frozenset(k for t in core for k in t.keys if k not in lex.stop and len(k) > 2)


def head_match(heads: frozenset[str], language: str, earlier: Iterable[Speaker]) -> Speaker | None:
    """An earlier named speaker whose name holds one of a short phrase's head words."""
    for sp in earlier:
        if sp.kind != "named" or not sp.name:
            continue
        if heads & _name_keys(sp.text, sp.name, language):
            return sp
    return None


def named_type(core: list[Token], lex: Lexicon) -> str | None:
    """The registry type that a phrase of one type noun names ("le syndicat", "the union":
    ``type_heads`` in the language data), else None."""
    found = list(lex.type_heads.scan(core))
    if len(found) != 1 or found[0].first != 0 or found[0].last != len(core):
        return None
    return str(found[0].value)


def type_match(type_named: str, earlier: Iterable[Speaker]) -> Speaker | None:
    """The most recent earlier named speaker whose registry entry has this type."""
    try:
        from factcheck.claims.registry import resolve
    except ImportError:
        return None
    for sp in earlier:  # most recent first
        entry = resolve(sp.name) if sp.kind == "named" and sp.resolved else None
        if entry is not None and str(entry.type) == type_named:
            return sp
    return None


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _name_keys(text: str, name: str, language: str) -> frozenset[str]:
    """Lookup keys of a speaker's words, canonical name and aliases (cached: asked often)."""
    lex = lexicon(language)
    return frozenset(k for t in lex.tokenize(text) for k in t.keys) | _alias_keys(name, language)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _alias_keys(name: str, language: str) -> frozenset[str]:
    """Lookup keys of a canonical name and its aliases: the same for every phrase that
    names the speaker, so tokenised once per name rather than once per phrase."""
    lex = lexicon(language)
    return frozenset(
        k
        for written in (name, *aliases(name, language))
        for t in lex.tokenize(written)
        for k in t.keys
    )
