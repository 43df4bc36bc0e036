"""Numbers written as words (and digits mixed with scale words), ordinals, Arabic duals.

Each reader looks at the tokens from position ``i`` and returns an :class:`Atom` (the tokens
it covers and the value) or None. All vocabulary comes from the :class:`Lexicon`; the only
grammar here is how parts of a number combine:

- a part must fit the parts before it: largest first ("twenty five") where the language says
  ``order: descending``; in any order with no overlapping digits ("خمسة وعشرون") where it says
  ``any``, and there a conjunction is needed between parts except before the words listed in
  ``no_conjunction_words`` ("خمسة عشر");
- 100 multiplies the part before it; larger scales close a group (``total += part * scale``),
  each smaller than the last; a larger scale right after the first group multiplies it
  ("three lakh crore", "a thousand million"); ``local_scales`` multiply only the last part
  ("two dozen");
- digits join a number only as its first part or right after a scale ("4 thousand 3 hundred").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.mentions.lexicon import Lexicon
from factcheck.mentions.tokens import NUMBER, PUNCT, WORD, Tokens


@dataclass(slots=True)
class Atom:
    """A number expression found in the tokens, in normalised offsets."""

    start: int
    end: int
    low: float | None
    high: float | None
    kind: str  # number | ordinal | dual | vague | approx | clock | none
    first: int  # index of the first token
    last: int  # index of the last token
    qualifier: str = "exact"
    point: float | None = None
    words: bool = False
    scale: float = 1.0  # the closing scale of a one-group number ("3 million" -> 1e6)
    unit: str = ""
    bare: int = -1  # start before a hedge was attached, -1 if none was
    last_part: float = 0.0  # the last part added ("three" in "one hundred and three")
    last_conj: bool = False  # whether a conjunction came before that last part
    part_scale: float = 1.0  # the scale closed right before that last part ("two million and")
    # Ending parts that a conjunction opens, longest first, each with the scale closed right
    # before it: "two hundred and fifty-four" -> ((54, 1),), "مئتان وواحد وسبعون" -> ((71, 1),
    # (70, 1)), "two million and three" -> ((3, 1e6),). A denominator divides one of them.
    tails: tuple[tuple[float, float], ...] = ()
    notes: list[str] = field(default_factory=list)


def smallest_place(value: float) -> float:
    """The largest power of ten dividing ``value`` (20 -> 10, 300 -> 100, 25 -> 1)."""
    if value <= 0 or value != int(value):
        return 0.0
    place = 1
    n = int(value)
    while n % (place * 10) == 0:
        place *= 10
    return float(place)


def _digits_overlap(a: float, b: float) -> bool:
    """Whether two integers both have a nonzero digit in the same decimal place."""
    if a != int(a) or b != int(b):
        return True
    x, y = str(int(a))[::-1], str(int(b))[::-1]
    return any(p != "0" and q != "0" for p, q in zip(x, y, strict=False))


def _stems(lex: Lexicon, word: str) -> list[tuple[str, str]]:
    """Readings of a word as (prefix, stem)."""
    return lex.split(word)


def number_word(lex: Lexicon, word: str) -> tuple[str, str, str, float] | None:
    """``(prefix, stem, category, value)`` for a word that is part of a number, else None."""
    for prefix, stem in _stems(lex, word):
        if stem in lex.units:
            return prefix, stem, "unit", lex.units[stem]
        if stem in lex.scales:
            return prefix, stem, "scale", lex.scales[stem]
        if stem in lex.local_scales:
            return prefix, stem, "local", lex.local_scales[stem]
    return None


def _digits_alone(lex: Lexicon, toks: Tokens, text: str, j: int, blocked: set[int]) -> bool:
    """Whether a number that opens with digits ends before token ``j``: no token there, a
    blocked one, a line break before it, a token that is no word, or a word that is no
    conjunction, no glued scale and no number word (the words that could continue it:
    "3 million", "2 dozen", "5k", "3 and a half")."""
    if j >= len(toks.kinds) or j in blocked or toks.kinds[j] != WORD or "\n" in toks.gap(text, j):
        return True
    tok = toks.texts[j]
    return tok not in lex.conjunctions and tok not in lex.glued_scales and not number_word(lex, tok)


def parse_number(lex: Lexicon, toks: Tokens, text: str, i: int, blocked: set[int]) -> Atom | None:
    """The longest number starting at token ``i`` (digits, words, or both), else None."""
    if (
        toks.kinds[i] == NUMBER
        and i not in blocked
        and _digits_alone(lex, toks, text, i + 1, blocked)
    ):
        # most figures: digits alone, read as the loop below reads them (0.0 + value, as the
        # sum of no groups and the digits)
        part = toks.values[i]
        value = 0.0 + part
        return Atom(toks.starts[i], toks.ends[i], value, value, "number", i, i, last_part=part)
    n = len(toks.kinds)
    total = 0.0
    current = 0.0
    last_big = float("inf")
    last_part = 0.0
    prev = ""  # category of the previous part: unit, digits, hundred, big, local
    has_hundred = False
    only_compound = True
    any_words = False
    first_tok = last_tok = -1
    start = 0
    conj = last_conj = False
    part_scale = 1.0
    groups = 0  # groups closed by a scale above a hundred ("two million", "three thousand")
    tails: list[list[float]] = []  # [value, scale] of each ending part opened by a conjunction
    prev_word = False
    j = i
    while j < n and j not in blocked:
        if first_tok >= 0 and "\n" in toks.gap(text, j):
            break
        kind, tok = toks.kinds[j], toks.texts[j]
        glued = j > 0 and toks.starts[j] == toks.ends[j - 1]
        if first_tok >= 0 and not conj and kind == WORD and tok in lex.conjunctions:
            conj = True
            j += 1
            continue
        joinable = prev in ("unit", "hundred", "big")
        if first_tok >= 0 and not conj and kind == PUNCT and tok == "-" and joinable:
            nxt = number_word(lex, toks.texts[j + 1]) if j + 1 < n else None
            if nxt and toks.kinds[j + 1] == WORD and prev_word:
                j += 1
                continue
            break
        prefix = ""
        span_last = j
        if kind == NUMBER:
            if first_tok >= 0 and (prev not in ("hundred", "big") or glued):
                break
            cat, value, stem = "digits", toks.values[j], tok
        elif kind == WORD:
            phrase = (
                match_phrase(toks, j, lex.unit_phrases, lex.phrase_max)
                if tok in lex.unit_firsts
                else None
            )
            if phrase:
                span_last, value = phrase
                cat, stem = "unit", "-".join(toks.texts[j : span_last + 1])
            elif first_tok >= 0 and prev == "digits" and glued and tok in lex.glued_scales:
                if conj:
                    break
                cat, value, stem = "glued", lex.glued_scales[tok], tok
            elif first_tok < 0 and (
                tok in lex.fractions
                or tok in lex.one_before_scale
                or any(stem in lex.standalone_fractions for _, stem in lex.split(tok))
            ):
                # "half a million", "نصف مليون", "a dozen": only before a scale word
                k = j + 1
                if tok in lex.fractions and k < n and toks.texts[k] in lex.one_before_scale:
                    k += 1
                nxt = number_word(lex, toks.texts[k]) if k < n else None
                if not nxt or nxt[2] == "unit" or nxt[0]:
                    return _lone(lex, toks, j)
                cat, stem, span_last = "unit", tok, k - 1
                value = lex.fractions.get(tok, 1.0)
            else:
                found = number_word(lex, tok)
                if not found:
                    break
                prefix, stem, cat, value = found
                if first_tok < 0 and stem in lex.alone_values:
                    cat, value = "unit", lex.alone_values[stem]
                if first_tok >= 0 and prefix:
                    if prefix not in lex.conjunction_prefixes or conj:
                        break
                    conj = True
        else:
            break
        prev_word = kind == WORD
        if conj and not lex.order_any and prev not in ("hundred", "big"):
            break
        # --- combine ---
        if cat in ("unit", "digits"):
            if prev == "":
                current = value
            elif prev == "digits" or prev == "local":
                break
            else:
                teen = stem in lex.no_conjunction_words
                if lex.order_any and cat == "unit" and prev == "unit" and conj == teen:
                    break
                if prev == "big" and value >= last_big:
                    break
                if prev == "hundred" and value >= 100 and cat != "digits":
                    break
                if lex.order_any:
                    if _digits_overlap(current, value):
                        break
                elif prev == "unit" and value >= smallest_place(current):
                    break
                current += value
            part_scale = last_big if prev == "big" else 1.0
            last_part, last_conj = value, conj
            for item in tails:
                item[0] += value
            if conj:
                tails.append([value, part_scale])
            prev = "digits" if cat == "digits" else "unit"
        elif cat in ("scale", "glued") and value == 100:
            if has_hundred or (current >= 100 and prev != "digits") or prev == "local":
                break
            current = (current or 1) * 100
            has_hundred, prev, last_part = True, "hundred", current
            tails.clear()
        elif cat in ("scale", "glued") and prev == "big" and value > last_big and not conj:
            if groups > 1 or kind != WORD:
                break
            total *= value  # stacked scales: "three lakh crore", "a thousand million"
            last_big = value
        elif cat in ("scale", "glued"):
            if prev == "big" or value >= last_big or (current >= value and prev != "digits"):
                break
            total += (current or 1) * value
            groups += 1
            current, last_big, has_hundred, prev = 0.0, value, False, "big"
            tails.clear()
        elif cat == "local":
            if prev == "local":
                break
            base = last_part if prev else 1.0
            tails.clear()
            current = current - (last_part if prev else 0) + base * value
            prev = "local"
        if kind == WORD and stem not in lex.compound_only and stem not in lex.one_before_scale:
            only_compound = False
        if kind == NUMBER:
            only_compound = False
        any_words = any_words or kind == WORD
        if first_tok < 0:
            first_tok = j
            keep = lex.kept(prefix) if prefix else 0
            start = toks.starts[j] + len(prefix) - keep
        last_tok = j = span_last
        conj = False
        j += 1
    if first_tok < 0 or only_compound:
        return None
    value = total + current
    one_group = total > 0 and current == 0 and prev == "big"
    return Atom(
        start=start,
        end=toks.ends[last_tok],
        low=value,
        high=value,
        kind="number",
        first=first_tok,
        last=last_tok,
        words=any_words,
        scale=last_big if one_group else 1.0,
        last_part=last_part if prev in ("unit", "digits") else 0.0,
        last_conj=last_conj and prev in ("unit", "digits"),
        part_scale=part_scale if prev in ("unit", "digits") else 1.0,
        tails=tuple((v, sc) for v, sc in tails) if prev in ("unit", "digits") else (),
    )


def _lone(lex: Lexicon, toks: Tokens, i: int) -> Atom | None:
    """A fraction word on its own ("نصف", "half") or an article before a denominator ("a
    fifth"; kind ``article``, turned into a fraction or dropped by the ratios stage)."""
    tok, n = toks.texts[i], len(toks.kinds)
    if tok in lex.one_before_scale:
        if i + 1 < n and toks.texts[i + 1] in lex.denominators:
            return Atom(toks.starts[i], toks.ends[i], 1.0, 1.0, "article", i, i)
        return None
    if i > 0 and toks.texts[i - 1] in lex.ordinals:
        return None  # "the first half" is a part of a period, not a figure
    for prefix, stem in lex.split(tok):
        if stem in lex.standalone_fractions:
            value = lex.standalone_fractions[stem]
            start = toks.starts[i] + len(prefix) - lex.kept(prefix)
            return Atom(start, toks.ends[i], value, value, "fraction", i, i)
    return None


def match_phrase(
    toks: Tokens, i: int, table: dict[tuple[str, ...], object], longest: int
) -> tuple[int, object] | None:
    """The longest phrase of ``table`` starting at token ``i``: (last token index, entry)."""
    for size in range(min(longest, len(toks.kinds) - i), 0, -1):
        key = tuple(toks.texts[i : i + size])
        if key in table:
            return i + size - 1, table[key]
    return None
