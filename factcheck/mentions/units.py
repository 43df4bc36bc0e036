"""The noun a figure counts: the first counted noun among the words after it ("15 people",
"عنصرا" -> "عنصر"), else the next word as written; read once per figure for every
look-ahead the roles use."""

from __future__ import annotations

from typing import Final

from factcheck.mentions.lexicon import Lexicon
from factcheck.mentions.tokens import PUNCT, WORD, Tokens
from factcheck.mentions.words import Atom

#: How many tokens after a figure are searched for the noun it counts.
UNIT_LOOKAHEAD: Final = 6


def counted_noun(lex: Lexicon, word: str) -> str:
    """The counted noun a word is (case ending dropped: "عنصرا" -> "عنصر"), else ""."""
    if word in lex.counted_nouns:
        return word
    for ending in lex.unit_endings:
        if word.endswith(ending) and word[: -len(ending)] in lex.counted_nouns:
            return word[: -len(ending)]
    return ""


#: What follows a figure: the next word ("" if none), its index, and the first counted noun
#: among the next :data:`UNIT_LOOKAHEAD` words (its index, -1 if none).
Following = tuple[str, int, int, str]


def following(lex: Lexicon, toks: Tokens, atom: Atom) -> Following:
    """The words after the figure that :func:`unit_after` reads, scanned once for every
    look-ahead up to :data:`UNIT_LOOKAHEAD`."""
    k, n = atom.last + 1, len(toks.kinds)
    while k < n and toks.kinds[k] == PUNCT and toks.texts[k] in "-'":
        k += 1
    if k < n and toks.texts[k] in lex.of_words:
        k += 1
        while k < n and toks.kinds[k] == PUNCT and toks.texts[k] == "'":
            k += 1
    if k >= n or toks.kinds[k] != WORD:
        return "", k, -1, ""
    for j in range(k, min(n, k + UNIT_LOOKAHEAD)):
        if toks.kinds[j] == WORD:
            noun = counted_noun(lex, toks.texts[j])
            if noun:
                return toks.texts[k], k, j, noun
        elif toks.texts[j] not in ".-'":
            break
    return toks.texts[k], k, -1, ""


def unit_after(
    lex: Lexicon,
    toks: Tokens,
    atom: Atom,
    lookahead: int = UNIT_LOOKAHEAD,
    after: Following | None = None,
) -> str:
    """The noun counted by the figure: the first counted noun among the next few words
    (``lookahead``, at most :data:`UNIT_LOOKAHEAD`), else the next word as written (past
    "of"/"من"/"de"); lookup keys. ``after``: :func:`following`, if already read."""
    if atom.unit:
        return atom.unit
    word, k, j, noun = after or following(lex, toks, atom)
    if not word:
        return ""
    return noun if 0 <= j < k + min(lookahead, UNIT_LOOKAHEAD) else word
