"""Speaker phrases: the words read after or before a reporting verb.

After the verb (Arabic "أعلنت القيادة ...", French "a déclaré le ministère") the phrase runs to
a comma, a stop word or another cue; before it (English "the Pentagon said") back to a comma,
a conjunction or a relative pronoun, past a relative clause or an apposition. Offsets stay
those of the original text: a phrase is a list of tokens.
"""

from __future__ import annotations

from typing import Final

from factcheck.claims.lexicon import Lexicon, Token

#: Longest speaker phrase, in words ("Un responsable de la sécurité s'exprimant sous couvert
#: d'anonymat").
SPEAKER_MAX_WORDS: Final = 12
#: Punctuation that a speaker phrase may contain (quoted names, acronyms in brackets, U.S.).
_INSIDE: Final = frozenset("\"'«»“”()-.’")
#: Quotes and brackets trimmed from both ends of the words naming a speaker.
_TRIM: Final = "\"'«»“”()[] ,،:;.’"
#: Longest relative clause skipped between a speaker and its verb, in tokens.
RELATIVE_MAX_TOKENS: Final = 20


def read_after(
    tokens: list[Token], i: int, hi: int, lex: Lexicon, blocked: set[int], wide: bool = False
) -> list[Token]:
    """Words of the phrase that starts at token ``i`` (skipping commas and time words); with
    ``wide``, read past stop words ("of", "de", "في") too."""
    narrow, wider = read_after_both(tokens, i, hi, lex, blocked)
    return wider if wide else narrow


def read_after_both(
    tokens: list[Token], i: int, hi: int, lex: Lexicon, blocked: set[int]
) -> tuple[list[Token], list[Token]]:
    """:func:`read_after` and its ``wide`` reading at once: the wide phrase read once, the
    other is its words up to the first stop word (the two readings stop alike otherwise)."""
    while i < hi and (
        (not tokens[i].is_word and tokens[i].text in ",،") or _skippable(tokens[i], lex)
    ):
        i += 1
    out: list[Token] = []
    words = 0  # the word tokens of ``out``
    cut = -1  # where the reading that stops at stop words stopped
    stop: frozenset[str] = frozenset()
    while i < hi and words < SPEAKER_MAX_WORDS:
        tok = tokens[i]
        lead = not out and lex.report_nouns.at(tokens, i) is not None  # "بيان القيادة"
        if i in blocked or (_ends_phrase(tok, lex, stop) and not lead):
            break
        if out and is_cue(tokens, i, lex):
            break
        if cut < 0 and tok.is_word and tok.key in lex.stop and not lead:
            cut = len(out)
        out.append(tok)
        words += tok.is_word
        i += 1
    return trimmed(out if cut < 0 else out[:cut]), trimmed(out)


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
    words = 0  # the word tokens of ``out``
    while j >= lo and words < SPEAKER_MAX_WORDS:
        tok = tokens[j]
        if j in blocked or is_cue(tokens, j, lex):
            break
        if _ends_phrase(tok, lex, lex.back_stop) and not _named_word(tokens, j, lo, lex):
            break
        if tok.key in lex.conjunctions and not _joins_names(tokens, j, lo, out):
            break  # "struck 15 targets and denied": a second verb of the same speaker
        out.append(tok)
        words += tok.is_word
        j -= 1
    out.reverse()
    return trimmed(out)


def _named_word(tokens: list[Token], j: int, lo: int, lex: Lexicon) -> bool:
    """Whether a stop word read backwards is a capitalised name after an article ("l'Est",
    the East, not "est", is): it does not end the phrase."""
    tok = tokens[j]
    if not tok.is_word or not tok.text[:1].isupper() or j <= lo:
        return False
    before = tokens[j - 1]
    return before.text in "'\u2019" or before.key in lex.determiners


def _joins_names(tokens: list[Token], j: int, lo: int, after: list[Token]) -> bool:
    """Whether the conjunction at ``j`` joins two capitalised names ("Dongola and Merowe")."""
    before = tokens[j - 1] if j - 1 >= lo else None
    return bool(
        before is not None and before.text[:1].isupper() and after and after[-1].text[:1].isupper()
    )


def _before_relative(tokens: list[Token], j: int, lo: int, lex: Lexicon) -> int:
    """Where to read a speaker from when a relative clause or an apposition sits between it
    and the verb ("Haider Kadhim, who was waiting outside, said"): before that clause."""
    k = j
    relatives = lex.relatives
    while k >= lo and k > j - RELATIVE_MAX_TOKENS:
        tok = tokens[k]
        keys = tok.keys  # its key read without the property's call: most words are passed
        if (
            tok.is_word
            and (keys[0] if keys else "") in relatives
            and k > lo
            and tokens[k - 1].text in ",،"
        ):
            return k - 2
        if not tok.is_word and tok.text in '.;:"”»“«':
            break  # a quotation ends before the verb: its relative clause is not the speaker's
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
    tok = tokens[i]
    if not tok.is_word or lex.cue_starts.isdisjoint(tok.keys):
        return False  # no cue of any kind starts with this word: every lookup would miss
    lists = cue_lists(lex, tok)  # only the lists an entry of which starts with this word
    return any(
        lists & bit and getattr(lex, name).at(tokens, i) is not None for bit, name in _IS_CUE
    )


#: The reporting-cue lists of a lexicon (``Lexicon`` fields), in the order the attribution
#: reader tries them; a word's bit set (:func:`cue_lists`) has bit ``1 << k`` for the k-th.
CUE_LISTS: Final = (
    "passive",
    "relay",
    "according",
    "according_after",
    "impersonal",
    "transmit",
    "object_relay",
    "denial",
    "say",
    "participles",
)
#: The bit of each cue list in a word's bit set (:func:`cue_lists`).
CUE_BIT: Final = {name: 1 << k for k, name in enumerate(CUE_LISTS)}
#: The cues :func:`is_cue` looks for, with their bits.
_IS_CUE: Final = tuple(
    (CUE_BIT[name], name)
    for name in (
        "say",
        "according",
        "passive",
        "relay",
        "transmit",
        "object_relay",
        "denial",
        "participles",
    )
)
#: id(lexicon) -> (the lexicon, key -> bit set of the cue lists an entry of which starts with
#: it), built once per lexicon.
_CUE_TABLES: dict[int, tuple[Lexicon, dict[str, int]]] = {}


def cue_lists(lex: Lexicon, tok: Token) -> int:
    """Bit set of the :data:`CUE_LISTS` of ``lex`` whose entries may start with this word
    (bit ``1 << k`` for the k-th list; 0 when none may): the others need no lookup."""
    hit = _CUE_TABLES.get(id(lex))
    if hit is None or hit[0] is not lex:
        table: dict[str, int] = {}
        for name, bit in CUE_BIT.items():
            for key in getattr(lex, name).starts:
                table[key] = table.get(key, 0) | bit
        hit = _CUE_TABLES[id(lex)] = (lex, table)
    table = hit[1]
    bits = 0
    for key in tok.keys:
        bits |= table.get(key, 0)
    return bits


def trimmed(words: list[Token]) -> list[Token]:
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


def span_key(text: str, *parts: list[Token]) -> tuple[object, ...]:
    """Everything a reading of these token lists can see, as a hashable key: the text they
    span and each token's offsets relative to its start (a token's keys follow from its
    text). Two phrases with equal keys read alike wherever they stand in a document."""
    starts = [t.start for p in parts for t in p]
    if not starts:
        return ()
    ends = [t.end for p in parts for t in p]
    lo = min(starts)
    return (
        text[lo : max(ends)],
        tuple(map(len, parts)),
        tuple([s - lo for s in starts]),
        tuple([e - lo for e in ends]),
    )
