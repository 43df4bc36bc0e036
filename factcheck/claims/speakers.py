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

from dataclasses import dataclass
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


def _resolve(text: str, language: str) -> str | None:
    """The registry's canonical name for ``text``, or None (also when there is no registry)."""
    try:
        from factcheck.claims.registry import resolve
    except ImportError:  # the registry is optional: names are then kept as written
        return None
    entry = resolve(text, language)
    return entry.name if entry is not None else None


def canonical(text: str, language: str) -> str:
    """The registry name of ``text`` if it has one, else ``text`` itself (publishers)."""
    return _resolve(text, language) or text


def read_after(
    tokens: list[Token], i: int, hi: int, lex: Lexicon, blocked: set[int]
) -> list[Token]:
    """Words of the phrase that starts at token ``i`` (skipping commas and time words)."""
    while i < hi and (
        (not tokens[i].is_word and tokens[i].text in ",،") or _skippable(tokens[i], lex)
    ):
        i += 1
    out: list[Token] = []
    while i < hi and len([t for t in out if t.is_word]) < SPEAKER_MAX_WORDS:
        tok = tokens[i]
        if i in blocked or _ends_phrase(tok, lex, lex.stop) or (out and _is_cue(tokens, i, lex)):
            break
        out.append(tok)
        i += 1
    return _trimmed(out)


def read_before(
    tokens: list[Token], i: int, lo: int, lex: Lexicon, blocked: set[int]
) -> list[Token]:
    """Words of the phrase that ends right before token ``i``, read backwards."""
    out: list[Token] = []
    j = i - 1
    while j >= lo and len([t for t in out if t.is_word]) < SPEAKER_MAX_WORDS:
        tok = tokens[j]
        if j in blocked or _ends_phrase(tok, lex, lex.back_stop) or _is_cue(tokens, j, lex):
            break
        out.append(tok)
        j -= 1
    out.reverse()
    return _trimmed(out)


def _skippable(tok: Token, lex: Lexicon) -> bool:
    return tok.is_word and any(k in lex.skip for k in tok.keys)


def _ends_phrase(tok: Token, lex: Lexicon, stop: frozenset[str]) -> bool:
    if not tok.is_word:
        return tok.text not in _INSIDE
    return tok.key in stop


def _is_cue(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    if not tokens[i].is_word:
        return False
    return any(
        p.at(tokens, i) is not None
        for p in (lex.say, lex.according, lex.relay, lex.transmit, lex.denial, lex.participles)
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


def name_speaker(
    text: str, words: list[Token], lex: Lexicon, earlier: list[Speaker]
) -> Speaker | None:
    """The speaker these words name, or None when they do not name one.

    ``earlier`` holds the document's speakers so far, most recent first.
    """
    if not words:
        return None
    written = phrase_text(text, words)
    content = [t for t in words if t.is_word]
    gender = lex.gender_of(content)
    if lex.measures.scan(words) and not lex.unnamed.scan(words):
        return None  # "مقتل 11 مسلحا", "عدم وقوع إصابات": the reported fact, not a speaker
    anaphor = lex.anaphors.at(content, 0)
    if anaphor is not None and anaphor.last == len(content):
        return Speaker("", written, str(anaphor.value or ""), "anaphor")
    for m in lex.unnamed.scan(content[:3]):
        return Speaker(f"unnamed {m.value}", written, gender, "unnamed")
    for candidate in _candidates(text, words):
        resolved = _resolve(candidate, lex.language)
        if resolved:
            return Speaker(resolved, written, gender)
    if len(content) <= ANAPHOR_MAX_WORDS + (1 if content[0].key in lex.skip else 0):
        back = _head_match(content, lex, earlier)
        if back is not None:
            return Speaker(back.name, written, back.gender or gender, back.kind)
    head = lex.speaker_heads.at(content, 0) or (
        len(content) > 1 and lex.speaker_heads.at(content, 1)
    )
    if head or _capitalised(content):
        return Speaker(written, written, gender)
    return None


def _candidates(text: str, words: list[Token]) -> list[str]:
    """The phrase, its shorter prefixes, then any quoted or bracketed name inside it."""
    out: list[str] = []
    for n in range(len(words), 0, -1):
        if words[n - 1].is_word:
            out.append(phrase_text(text, words[:n]))
    inner = [t for t in words if t.is_word]
    for i, tok in enumerate(words):
        if not tok.is_word and tok.text in '("«“' and i + 1 < len(words) and words[i + 1].is_word:
            out.append(words[i + 1].text)
    return [c for c in dict.fromkeys(out) if c] or [t.text for t in inner]


def _head_match(content: list[Token], lex: Lexicon, earlier: list[Speaker]) -> Speaker | None:
    """An earlier named speaker whose name holds this short phrase's head word."""
    heads = {k for t in content for k in t.keys if k not in lex.stop and len(k) > 2}
    for sp in earlier:
        if sp.kind == "anaphor" or not sp.name:
            continue
        names = {k for t in lex.tokenize(sp.text) for k in t.keys}
        names |= {k for t in lex.tokenize(sp.name) for k in t.keys}
        if heads & names:
            return sp
    return None


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
