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

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Final

from factcheck.claims.lexicon import Lexicon, Token
from factcheck.claims.lookback import LookBack, heads_of, named_type
from factcheck.claims.offices import load_states, office_person, office_speaker, possessive
from factcheck.claims.phrases import phrase_text, span_key, trimmed
from factcheck.claims.sources import (
    NAME_CACHE_SIZE,
    QUALIFIER_MAX_CHARS,
    described,
    registry_name,
)
from factcheck.claims.unnamed import (
    TAIL_WORDS,
    UNNAMED_REACH,
    head_words,
    inside_a_name,
    organisation,
    same_unnamed,
    unnamed_name,
)

#: Longest phrase taken as a back-reference to an earlier speaker ("the command", "القيادة").
ANAPHOR_MAX_WORDS: Final = 2
#: The anaphor value of "we", "nous", "نحن": the publisher itself speaks.
SELF: Final = "self"
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
    person: str = ""  # a named person speaking for the organisation ("Ahmed Jassim")


@dataclass(frozen=True)
class Naming:
    """What naming a speaker needs besides the words: the text, lexicon, earlier speakers
    (most recent first) and the country the document is about (for "the health ministry")."""

    text: str
    lex: Lexicon
    earlier: Iterable[Speaker]  # iterated only by the rules that look back
    country: str | None = None
    publisher: str = ""


class _Watched:
    """Earlier speakers that note whether a rule read them (then the answer is not only the
    words')."""

    __slots__ = ("earlier", "read")

    def __init__(self, earlier: Iterable[Speaker]) -> None:
        self.earlier = earlier
        self.read = False

    def __iter__(self) -> Iterator[Speaker]:
        self.read = True
        return iter(self.earlier)


#: Speaker phrases whose name is remembered when it follows from their words alone (bounded;
#: keys hold a phrase and the few characters after it, never a document).
_MEMO: dict[tuple[object, ...], Speaker | None] = {}


def name_speaker(
    ctx: Naming, words: list[Token], wider: list[Token] | None = None
) -> Speaker | None:
    """The speaker these words name, or None when they do not name one.

    ``wider`` is the same phrase read on past stop words ("مديرية الشرطة في باريس"), used only
    to find a registry name that starts inside ``words``.

    A document names the same speakers in the same words again and again: the answer is
    remembered by the words, their text (and the characters after them when the
    compound-adjective test may read them) and the country; what the rules that look back
    at earlier speakers or the publisher find is read anew each time (``LookBack``).
    """
    if not words:
        return None
    wider = wider or words
    # the compound-adjective test (sources.qualifies) reads past a registry name found in
    # ``wider`` only where a hyphen ends it ("Hamas-controlled")
    end = wider[-1].end
    hyphen = ctx.text.find("-", wider[0].start, end + 1) >= 0
    tail = ctx.text[end : end + QUALIFIER_MAX_CHARS + 1] if hyphen else None
    key = (ctx.lex.language, ctx.country, span_key(ctx.text, words, wider), tail)
    found = _MEMO.get(key, _MISSING)
    if found is _MISSING:
        watched = _Watched(ctx.earlier)
        found = _name_speaker(
            Naming(ctx.text, ctx.lex, watched, ctx.country, ctx.publisher), words, wider
        )
        if not watched.read:
            _MEMO[key] = found
            if len(_MEMO) > NAME_CACHE_SIZE:
                del _MEMO[next(iter(_MEMO))]  # the oldest phrase
    return found.back(ctx) if isinstance(found, LookBack) else found  # type: ignore[return-value]


_MISSING: Final = object()


def _name_speaker(ctx: Naming, words: list[Token], wider: list[Token]) -> Speaker | None:
    lex = ctx.lex
    written = phrase_text(ctx.text, words)
    content = [t for t in words if t.is_word]
    gender = lex.gender_of(content)
    if lex.measures.scan(words) and not lex.unnamed.scan(words):
        return None  # "مقتل 11 مسلحا", "عدم وقوع إصابات": the reported fact, not a speaker
    if content[0].key in lex.possessives:  # "its monitors", "its teams": the speaker before
        return Speaker("", written, "", "anaphor")
    anaphor = lex.anaphors.at(content, 0)
    if anaphor is not None and anaphor.last == len(content):
        value = str(anaphor.value or "")
        if value == SELF:
            return Speaker("", written, "", "self")
        return Speaker("", written, value, "anaphor")
    lead = next((t for t in content if t.key not in lex.determiners and not t.key.isdigit()), None)
    head = head_words(content, lex)
    unnamed = next(iter(lex.unnamed.scan(head)), None)
    if unnamed is None and len(content) > UNNAMED_REACH:  # "... الأميركيةوكان مسؤولون أميركيون"
        head = content[-TAIL_WORDS:]
        unnamed = next(iter(lex.unnamed.scan(head)), None)
    if unnamed is not None and inside_a_name(
        ctx.text, lex, ctx.country, head, unnamed.first, unnamed.last
    ):
        unnamed = None  # "Doctors Without Borders": the organisation, not unnamed doctors
    if unnamed is not None and unnamed.first > 0 and head[unnamed.first].key in lex.titles:
        org = name_speaker(ctx, [t for t in words if t.start < head[unnamed.first].start])
        if org is not None and org.kind == "named" and org.resolved:  # "Police spokesman X"
            person = office_person(ctx.text, lex, words, head[unnamed.last - 1].end)
            return replace(org, text=written, person=person)
    if unnamed is not None and lead is not None and lead.key not in lex.titles:
        back = same_unnamed(content, lex, str(unnamed.value), ctx.earlier)
        if back is not None:  # "the source", "المصدر": the unnamed source named before
            return replace(back, text=written)
        # "مصدر طبي لـ"رويترز"", "two officials": the outlet named after them only relays
        name = unnamed_name(str(unnamed.value), head, lex, head[: unnamed.first])
        if name == str(unnamed.value):  # "a source at the Revolutionary Guards": whose source
            rest = [t for t in content if t.start >= head[unnamed.last - 1].end]
            name = unnamed_name(name, [], lex, org=organisation(ctx, rest))
        return Speaker(name, written, gender, "unnamed")
    found = registry_name(ctx.text, lex, ctx.country, words, wider) or _country_owned(ctx, content)
    if found:  # "نفى الجيش الإسرائيلي مقتل": the name's words, without the fact after it
        text = phrase_text(ctx.text, _name_part(words, lex)) if lex.article else written
        return Speaker(found, text, gender, "named", True)
    office = office_speaker(ctx.text, lex, words, wider, ctx.country)
    if office is not None:  # "وزير الصحة", "les autorités", "الولايات المتحدة"
        core = [t for t in content if t.key not in lex.determiners and not possessive(ctx.text, t)]
        found = Speaker(office[0], written, gender, "named", True, person=office[1])
        if len(core) <= ANAPHOR_MAX_WORDS:  # "the prefecture" after "the police prefecture"
            return LookBack(heads_of(core, lex), False, None, written, gender, found)
        return found
    author = _past_report_noun(words, lex)
    if author:  # "an estimate from Kessel's governor", "Statements from the coastal brigade"
        by = name_speaker(ctx, author)
        if by is not None and by.kind in ("named", "unnamed") and by.resolved:
            return replace(by, text=written)
        if by is not None and by.kind == "named" and lex.speaker_heads.scan(author):
            return replace(by, text=written)  # "a tally by the civil protection"
    link = next((k for k, t in enumerate(words) if k and t.key in lex.name_links), None)
    if link is not None and link + 1 < len(words):
        org = name_speaker(ctx, words[link + 1 :])  # "المتحدثة باسم الوزارة": the ministry
        if org is not None and org.kind == "named" and (org.resolved or _role(words[:link], lex)):
            return replace(org, text=written)  # not "Committee of Sahel Relief" -> "Sahel Relief"
    if unnamed is not None:  # "a spokesman" with no organisation named
        return Speaker(unnamed_name(str(unnamed.value), content, lex), written, gender, "unnamed")
    core = [t for t in content if t.key not in lex.determiners]
    rest = _described(ctx, words, content, gender)
    if core and len(core) <= ANAPHOR_MAX_WORDS:
        type_named = named_type(core, lex)
        return LookBack(heads_of(core, lex), True, type_named, written, gender, rest)
    return rest


def _country_owned(ctx: Naming, content: list[Token]) -> str | None:
    """ "Israel's military", "Lebanon's army": the registry entry named with the country's
    adjective instead ("Israeli military"), when the registry has one."""
    if len(content) < 3 or not possessive(ctx.text, content[1]):
        return None
    try:
        from factcheck.claims import registry
    except ImportError:
        return None
    countries = registry.countries_of(content[0].text, ctx.lex.language)
    adjective = load_states().adjectives.get(countries[0], "") if countries else ""
    if not adjective:
        return None
    rest = ctx.text[content[2].start : content[-1].end]
    entry = registry.resolve(f"{adjective} {rest}", ctx.lex.language, countries[0])
    return entry.name if entry is not None else None


def _described(
    ctx: Naming, words: list[Token], content: list[Token], gender: str
) -> Speaker | None:
    """A phrase that starts with a speaker noun or a capital, as the registry entry it
    describes, else as written (up to where the name ends)."""
    lex = ctx.lex
    head = any(True for _ in lex.speaker_heads.scan(content))
    if head:
        known = described(lex, content, ctx.country)
        if known is not None:
            return Speaker(known, phrase_text(ctx.text, words), gender, "named", True)
    if head or _capitalised(content):
        kept = _name_part(words, lex)
        lead = 0  # "The Kenya Red Cross", "la Croix-Rouge kényane": the name without article
        while lead < len(kept) - 1 and (
            kept[lead].key in lex.determiners or not kept[lead].is_word
        ):
            lead += 1
        name = phrase_text(ctx.text, kept[lead:])
        return Speaker(name, phrase_text(ctx.text, kept), gender)
    return None


def _role(words: list[Token], lex: Lexicon) -> bool:
    """Whether these words hold a role that speaks for what follows ("spokesman",
    "porte-parole", "المتحدث"), not only articles and links."""
    plain = lex.determiners | lex.name_links | lex.stop
    return any(t.key in lex.titles and t.key not in plain for t in words if t.is_word)


def _past_report_noun(words: list[Token], lex: Lexicon) -> list[Token]:
    """The words after a leading report noun and its preposition ("statements from X",
    "an estimate by X", "تقديرات X"): who made the report; [] when the phrase has none."""
    content = [t for t in words if t.is_word]
    k = 0
    while k < len(content) and (
        content[k].key in lex.determiners or content[k].key in lex.report_adjectives
    ):
        k += 1  # "un nouveau décompte de X", "the latest tally from X"
    if k >= len(content) - 1 or not lex.report_nouns.at(content, k):
        return []
    k = lex.report_nouns.at(content, k).last
    if k < len(content) and (content[k].key in lex.stop or content[k].key in lex.name_links):
        k += 1  # "from", "by", "de", "of"
    rest = content[k:]
    return [t for t in words if rest and t.start >= rest[0].start]


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
    return trimmed(out) or words


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
    return (first[:1].isupper() and _latin(first)) or (
        len(content) > 1
        and content[1].text[:1].isupper()
        and content[0].text.islower()
        and len(content[0].text) <= 3
        and _latin(content[1].text)
    )


def _latin(word: str) -> bool:
    """Whether a word is written in Latin letters, accented ones included ("André")."""
    return all(c < LATIN_END for c in word)


#: The end of the Latin blocks of Unicode (Basic Latin to Latin Extended-B).
LATIN_END: Final = "\u0250"
