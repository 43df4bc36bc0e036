"""Fractions whose word is also a cardinal, read only where the cardinal reading cannot be.

Arabic writes "a fifth" and "five" alike when unvocalised (خمس), "two fifths" and "fifty"
alike (خمسين). The cardinal stays the reading, except where the grammar of numbers rules it
out (``numbers.ambiguous_denominators`` and ``ambiguous_duals`` of lang/*.yaml), and
never before a unit of time ("ثلاث وخمس دقائق" is 3:05, "ثلاث وخمس سنوات" three and five):

- after "و" that could not continue the number before it: "ثلاث وخمس" is 3 1/5 (a unit after
  a unit does not compose), "مئة وثلاثون وخمسين" is 130 2/5; "مئة وخمس" stays 105 (the reader
  of cardinals already joined it);
- right after a number from :data:`SINGULAR_COUNT_FROM` up, without "و": the counted word after
  eleven and more is singular, so "ثلاث وعشرون خمس" is 23 fifths (4.6), never 23 and 5;
- before a definite singular noun (ending in a ``singular_endings`` letter) or a definite
  number: "خمس الفطيرة" is a fifth of the pie (a counted noun after five is plural), "خمس
  العشرين" is a fifth of twenty (4).

And "واحد من" before a round power of ten of at least :data:`SHARE_OF_MIN` is a share ("واحد من
مليون" is one in a million); with smaller figures "واحد من ثلاثة" stays "one of three".
"""

from __future__ import annotations

import math
from typing import Final

from factcheck.mentions.lexicon import Lexicon
from factcheck.mentions.tokens import WORD, Tokens
from factcheck.mentions.words import Atom, number_word

#: From eleven up the counted word is singular (Arabic تمييز مفرد): "ثلاث وعشرون خمس" is 23/5.
SINGULAR_COUNT_FROM: Final = 11
#: "واحد من مليون" is a share only from this round figure up: nobody counts "one of a thousand".
SHARE_OF_MIN: Final = 1000


def _lone_word(lex: Lexicon, toks: Tokens, atom: Atom, table: dict[str, float]) -> str | None:
    """The stem of ``atom`` when it is one word of ``table`` (after "و" at most)."""
    if atom.kind != "number" or atom.first != atom.last or toks.kinds[atom.first] != WORD:
        return None
    for prefix, stem in lex.split(toks.texts[atom.first]):
        if stem in table and prefix in ("", *lex.conjunction_prefixes):
            return stem
    return None


def _exact_words(atom: Atom) -> bool:
    return atom.kind == "number" and atom.words and atom.qualifier == "exact" and bool(atom.low)


def _joined(lex: Lexicon, text: str, toks: Tokens, a: Atom, b: Atom) -> bool:
    """Whether only "و" (attached or set apart) stands between ``a`` and ``b``."""
    gap = text[a.end : b.start]
    if gap.strip() in lex.conjunctions:
        return "\n" not in gap
    word = toks.texts[b.first]
    return not gap.strip() and any(word.startswith(p) for p in lex.conjunction_prefixes)


def _of_definite(lex: Lexicon, text: str, toks: Tokens, atom: Atom, den: float) -> Atom | None:
    """ "خمس الفطيرة" (a fifth of a definite singular noun) or "خمس العشرين" (of a number)."""
    k = atom.last + 1
    if k >= len(toks.kinds) or toks.kinds[k] != WORD or text[atom.end : toks.starts[k]] != " ":
        return None
    word = toks.texts[k]
    article = next((a for a in lex.definite_articles if word.startswith(a)), None)
    if article is None:
        return None
    found = number_word(lex, word)
    if found and found[0] == article and found[2] == "unit":
        value = found[3] / den  # "خمس العشرين": a fifth of twenty
        return Atom(atom.start, toks.ends[k], value, value, "number", atom.first, k, words=True)
    if word.endswith(lex.singular_endings) and not found:
        return Atom(atom.start, atom.end, 1 / den, 1 / den, "fraction", atom.first, atom.last)
    return None


def _share_of(lex: Lexicon, text: str, a: Atom, b: Atom) -> Atom | None:
    """ "واحد من مليون": one in a round figure of at least SHARE_OF_MIN."""
    if not (_exact_words(a) and _exact_words(b)) or a.low != 1 or b.low is None:
        return None
    if text[a.end : b.start].strip() not in lex.share_of_words or "\n" in text[a.end : b.start]:
        return None
    power = math.log10(b.low)
    if b.low < SHARE_OF_MIN or abs(power - round(power)) > 1e-9:
        return None
    return Atom(a.start, b.end, 1 / b.low, 1 / b.low, "ratio", a.first, b.last)


def read_shares(lex: Lexicon, text: str, toks: Tokens, atoms: list[Atom]) -> list[Atom]:
    """``atoms`` with the fractions and shares of the module docstring read."""
    if not (lex.ambiguous_denominators or lex.share_of_words):
        return atoms
    out: list[Atom] = []
    for atom in atoms:
        if out and atom.start < out[-1].end:
            continue  # the number "خمس العشرين" took in
        prev = out[-1] if out else None
        single = _lone_word(lex, toks, atom, lex.ambiguous_denominators)
        dual = _lone_word(lex, toks, atom, lex.ambiguous_duals)
        new: Atom | None = None
        # "ثلاث وخمس دقائق" (3:05), "ثلاث وخمس سنوات": five of a unit of time, not a fifth
        timed = bool(lex.cues["duration_units"].match(text, atom.end + 1))
        if prev is not None and _exact_words(prev) and (single or dual) and not timed:
            if _joined(lex, text, toks, prev, atom):  # "ثلاث وخمس", "مئة وثلاثون وخمسين"
                part = 1 / lex.ambiguous_denominators[single] if single else 0.0
                if dual:
                    part = 2 / lex.ambiguous_duals[dual]
                value = (prev.low or 0.0) + part
                new = Atom(prev.start, atom.end, value, value, "number", prev.first, atom.last)
            elif (
                single
                and (prev.low or 0) >= SINGULAR_COUNT_FROM
                and text[prev.end : atom.start] == " "
                and not toks.texts[atom.first].startswith(tuple(lex.conjunction_prefixes))
            ):  # "ثلاث وعشرون خمس"
                value = (prev.low or 0.0) / lex.ambiguous_denominators[single]
                new = Atom(prev.start, atom.end, value, value, "fraction", prev.first, atom.last)
        if new is None and prev is not None:
            new = _share_of(lex, text, prev, atom)
        if new is not None:
            new.words = True
            out[-1] = new
            continue
        if single and toks.texts[atom.first] == single:
            of = _of_definite(lex, text, toks, atom, lex.ambiguous_denominators[single])
            if of is not None:
                out.append(of)
                continue
        out.append(atom)
    return out
