"""Who a reporting verb names: read the words around it and give them a canonical name.

A speaker phrase is read after the verb (Arabic "أعلنت القيادة ...", French "a déclaré le
ministère") or before it (English "the Pentagon said"), up to a comma, a stop word or another
cue. The words then become a name, in this order: an unnamed speaker ("sources", "مصادر" ->
"unnamed sources"); a pronoun or "the statement" (the previous speaker continues); the source
registry, when it knows the words; a short definite phrase whose head word belongs to an
earlier speaker's name ("the command" after "US Central Command"); else the words as written
when they start with a speaker noun ("ministry", "وزارة") or are capitalised.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from typing import Final

from factcheck.claims.lexicon import Lexicon, Token

#: Longest speaker phrase, in words ("the spokesman of the Iraqi Joint Operations Command").
SPEAKER_MAX_WORDS: Final = 9
#: Longest phrase taken as a back-reference to an earlier speaker ("the command", "القيادة").
ANAPHOR_MAX_WORDS: Final = 2
#: Punctuation that a speaker phrase may contain (quoted names, acronyms in brackets, U.S.).
_INSIDE: Final = frozenset("\"'«»“”()-.’")
#: Quotes and brackets trimmed from both ends of the words naming a speaker.
_TRIM: Final = "\"'«»“”()[] ,،:;.’"
#: Registry types whose country says nothing about the event (a wire agency reports anywhere).
OUTLETS: Final = frozenset({"news_agency", "media"})
#: Characters a preposition glued to an outlet's name may take before it ("لـ", "l'").
OUTLET_LEAD: Final = 3
#: Longest relative clause skipped between a speaker and its verb, in tokens.
RELATIVE_MAX_TOKENS: Final = 20
#: The anaphor value of "we", "nous", "نحن": the publisher itself speaks.
SELF: Final = "self"
#: Unnamed officials: the only unnamed speakers whose affiliation goes into the name.
OFFICIALS: Final = "unnamed officials"
#: Unnamed speakers of an unknown kind.
UNNAMED_DEFAULT: Final = "unnamed sources"


@dataclass(frozen=True, slots=True)
class Speaker:
    """A named speaker: canonical name, the words as written, and grammatical gender.

    ``kind`` is "named", "unnamed", or "anaphor" (a pronoun: the previous speaker continues).
    """

    name: str
    text: str
    gender: str
    kind: str = "named"
    resolved: bool = False


def canonical(text: str, language: str) -> str:
    """The registry name of ``text`` if it has one, else ``text`` itself (publishers)."""
    try:
        from factcheck.claims.registry import resolve
    except ImportError:  # the registry is optional: names are then kept as written
        return text
    entry = resolve(text, language)
    return entry.name if entry is not None else text


def country_of(texts: list[tuple[str, str]]) -> str | None:
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
    return counts.most_common(1)[0][0] if counts else None


def read_after(
    tokens: list[Token], i: int, hi: int, lex: Lexicon, blocked: set[int], wide: bool = False
) -> list[Token]:
    """Words of the phrase that starts at token ``i`` (skipping commas and time words)."""
    while i < hi and (
        (not tokens[i].is_word and tokens[i].text in ",،") or _skippable(tokens[i], lex)
    ):
        i += 1
    out: list[Token] = []
    while i < hi and len([t for t in out if t.is_word]) < SPEAKER_MAX_WORDS:
        tok = tokens[i]
        stop = frozenset() if wide else lex.stop
        if i in blocked or _ends_phrase(tok, lex, stop) or (out and is_cue(tokens, i, lex)):
            break
        out.append(tok)
        i += 1
    return _trimmed(out)


def read_before(
    tokens: list[Token], i: int, lo: int, lex: Lexicon, blocked: set[int], comma: bool = False
) -> list[Token]:
    """Words of the phrase that ends right before token ``i``, read backwards (past one
    comma when ``comma``: "Reuters, citing ...")."""
    out: list[Token] = []
    j = i - 1
    while j >= lo and (
        (comma and tokens[j].text in ",،") or tokens[j].text == "'" or _skippable(tokens[j], lex)
    ):
        j -= 1
    j = _before_relative(tokens, j, lo, lex)
    while j >= lo and len([t for t in out if t.is_word]) < SPEAKER_MAX_WORDS:
        tok = tokens[j]
        if j in blocked or _ends_phrase(tok, lex, lex.back_stop) or is_cue(tokens, j, lex):
            break
        out.append(tok)
        j -= 1
    out.reverse()
    return _trimmed(out)


def _before_relative(tokens: list[Token], j: int, lo: int, lex: Lexicon) -> int:
    """Where to read a speaker from when a relative clause or an apposition sits between it
    and the verb ("Haider Kadhim, who was waiting outside, said"): before that clause."""
    k = j
    while k >= lo and k > j - RELATIVE_MAX_TOKENS:
        tok = tokens[k]
        if tok.is_word and tok.key in lex.relatives and k > lo and tokens[k - 1].text in ",،":
            return k - 2
        if not tok.is_word and tok.text in ".;:":
            break
        k -= 1
    return j


def _skippable(tok: Token, lex: Lexicon) -> bool:
    return tok.is_word and any(k in lex.skip for k in tok.keys)


def _ends_phrase(tok: Token, lex: Lexicon, stop: frozenset[str]) -> bool:
    if not tok.is_word:
        return tok.text not in _INSIDE
    return tok.key in stop


def is_cue(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """Whether a reporting, relay or denial cue starts at token ``i``."""
    if not tokens[i].is_word:
        return False
    return any(
        p.at(tokens, i) is not None
        for p in (
            lex.say,
            lex.according,
            lex.passive,
            lex.relay,
            lex.transmit,
            lex.object_relay,
            lex.denial,
            lex.participles,
        )
    )


def _trimmed(words: list[Token]) -> list[Token]:
    while words and not words[0].is_word and words[0].text not in '"«“(':
        words = words[1:]
    while words and not words[-1].is_word and words[-1].text not in '"»”)':
        words = words[:-1]
    return words if any(t.is_word for t in words) else []


def phrase_text(text: str, words: list[Token]) -> str:
    """The words as written in the document, without enclosing quotes or brackets."""
    if not words:
        return ""
    raw = text[words[0].start : words[-1].end].strip(_TRIM)
    for pair in ("()", '""', "«»", "“”"):
        if raw.count(pair[0]) != raw.count(pair[1]) or (
            pair[0] == pair[1] and raw.count(pair[0]) % 2
        ):
            raw = raw.replace(pair[0], "").replace(pair[1], "").strip()
    return raw


@dataclass(frozen=True)
class Naming:
    """What naming a speaker needs besides the words: the text, lexicon, earlier speakers
    (most recent first) and the country the document is about (for "the health ministry")."""

    text: str
    lex: Lexicon
    earlier: list[Speaker]
    country: str | None = None
    publisher: str = ""


def name_speaker(
    ctx: Naming, words: list[Token], wider: list[Token] | None = None
) -> Speaker | None:
    """The speaker these words name, or None when they do not name one.

    ``wider`` is the same phrase read on past stop words ("مديرية الشرطة في باريس"), used only
    to find a registry name that starts inside ``words``.
    """
    if not words:
        return None
    lex = ctx.lex
    written = phrase_text(ctx.text, words)
    content = [t for t in words if t.is_word]
    gender = lex.gender_of(content)
    if lex.measures.scan(words) and not lex.unnamed.scan(words):
        return None  # "مقتل 11 مسلحا", "عدم وقوع إصابات": the reported fact, not a speaker
    anaphor = lex.anaphors.at(content, 0)
    if anaphor is not None and anaphor.last == len(content):
        value = str(anaphor.value or "")
        if value == SELF:
            return Speaker("", written, "", "self")
        return Speaker("", written, value, "anaphor")
    found = _registry(ctx, words, wider or words)
    if found:
        return Speaker(found, written, gender, "named", True)
    for m in lex.unnamed.scan(content[:3]):
        return Speaker(_unnamed(str(m.value), content, lex), written, gender, "unnamed")
    link = next((k for k, t in enumerate(words) if k and t.key in lex.name_links), None)
    if link is not None and link + 1 < len(words):
        org = name_speaker(ctx, words[link + 1 :])  # "المتحدثة باسم الوزارة": the ministry
        if org is not None and org.kind == "named":
            return replace(org, text=written)
    core = [t for t in content if t.key not in lex.determiners]
    if core and len(core) <= ANAPHOR_MAX_WORDS:
        publisher = Speaker(ctx.publisher, "", "", "named", True)
        back = _head_match(core, lex, [*ctx.earlier, publisher])
        if back is not None:
            return Speaker(back.name, written, back.gender or gender, back.kind, back.resolved)
    head = any(True for _ in lex.speaker_heads.scan(content))
    if head or _capitalised(content):
        kept = _name_part(words, lex)
        return Speaker(phrase_text(ctx.text, kept), phrase_text(ctx.text, kept), gender)
    return None


def _unnamed(name: str, content: list[Token], lex: Lexicon) -> str:
    """ "unnamed officials" -> "unnamed US officials", "unnamed medical sources"."""
    if not name.startswith("unnamed "):
        return name
    words = [str(m.value) for m in lex.unnamed_descriptors.scan(content)]
    words += [str(m.value[0]) for m in lex.affiliations.scan(content) if not m.value[2]]
    extra = " ".join(dict.fromkeys(words))
    return f"unnamed {extra} {name[8:]}" if extra else name


def _registry(ctx: Naming, words: list[Token], wider: list[Token]) -> str | None:
    """A registry name starting inside ``words`` (searched in ``wider``), else the whole."""
    try:
        from factcheck.claims import registry
    except ImportError:  # the registry is optional: names are then kept as written
        return None
    lo, hi = wider[0].start, wider[-1].end
    for start, _, entry in registry.find_in(ctx.text[lo:hi], ctx.lex.language, ctx.country):
        if lo + start < words[-1].end and not _governed(words, lo + start, ctx.lex):
            return entry.name
    for candidate in _candidates(ctx.text, words):
        entry = registry.resolve(candidate, ctx.lex.language, ctx.country)
        if entry is not None:
            return entry.name
    return None


def _governed(words: list[Token], start: int, lex: Lexicon) -> bool:
    """Whether a preposition stands between the phrase's start and a name found inside it
    ("des liens avec le groupe Etat islamique"): then the name is not the speaker."""
    return any(
        t.is_word and t.key in lex.stop and t.key not in lex.name_links
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


def _definite(content: list[Token], lex: Lexicon) -> bool:
    """ "the agency", "la préfecture", "الوزارة": a phrase pointing back at a known speaker."""
    return content[0].key in lex.determiners or _is_definite(content[0], lex)


def _name_part(words: list[Token], lex: Lexicon) -> list[Token]:
    """The words up to where a name ends: in Arabic, a word without the article after one
    with it ("الحرس الوطني انتشال" -> "الحرس الوطني"), unless it links on ("باسم", "لشؤون
    الأسرى") or is quoted or bracketed."""
    if not lex.article:
        return words
    out: list[Token] = []
    seen_definite = False
    for i, tok in enumerate(words):
        if tok.is_word and seen_definite and not _continues(words, i, lex):
            break
        out.append(tok)
        seen_definite = seen_definite or (tok.is_word and _is_definite(tok, lex))
    return _trimmed(out) or words


def _is_definite(tok: Token, lex: Lexicon) -> bool:
    return any(k.startswith(lex.article) for k in tok.keys)


def _continues(words: list[Token], i: int, lex: Lexicon) -> bool:
    tok = words[i]
    if _is_definite(tok, lex) or tok.key in lex.name_links:
        return True
    if i > 0 and not words[i - 1].is_word:
        return True  # quoted or bracketed: "سنتكوم"
    nxt = words[i + 1] if i + 1 < len(words) else None
    return bool(len(tok.keys) > 1 and nxt is not None and _is_definite(nxt, lex))


def _capitalised(content: list[Token]) -> bool:
    """Latin-script words that start with a capital: a proper name ("John Smith", "Reuters")."""
    first = content[0].text
    return (first[:1].isupper() and first.isascii()) or (
        len(content) > 1
        and content[1].text[:1].isupper()
        and content[0].text.islower()
        and len(content[0].text) <= 3
        and content[1].text.isascii()
    )


def _candidates(text: str, words: list[Token]) -> list[str]:
    """The phrase, its shorter prefixes, then any quoted or bracketed name inside it."""
    out: list[str] = []
    for n in range(len(words), 0, -1):
        if words[n - 1].is_word:
            out.append(phrase_text(text, words[:n]))
    for i, tok in enumerate(words):
        if not tok.is_word and tok.text in '("«“' and i + 1 < len(words) and words[i + 1].is_word:
            out.append(words[i + 1].text)
    return [c for c in dict.fromkeys(out) if c]


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


def _head_match(core: list[Token], lex: Lexicon, earlier: list[Speaker]) -> Speaker | None:
    """An earlier named speaker whose name holds this short phrase's head word."""
    heads = {k for t in core for k in t.keys if k not in lex.stop and len(k) > 2}
    for sp in earlier:
        if sp.kind != "named" or not sp.name:
            continue
        names = {
            k
            for written in (sp.text, sp.name, *aliases(sp.name, lex.language))
            for t in lex.tokenize(written)
            for k in t.keys
        }
        if heads & names:
            return sp
    return None
