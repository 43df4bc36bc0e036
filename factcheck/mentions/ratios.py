"""Fractions, negative figures and ratios, built from the figures the readers found.

- a denominator after a figure divides it: "two thirds", "ثلاثة أرباع", "a fifth of"; after
  "and" it divides only the last part when that part is smaller ("one hundred and three
  quarters" is 100.75, "one hundred and thirty fifths" is 26);
- "and a half" after a figure adds to it: "one and a half", "واحد ونصف", "3 million and a
  half", "five and a half million";
- a negative word before a figure negates it: "minus 5", "سالب واحد";
- two figures around a ratio word make one ratio: "one in three", "1 out of 5", "1 على 3"
  (the first smaller than the second, and the second not a year or a length of time).

Fractions and ratios keep qualifier exact; their role is decided in roles.py.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.mentions.compound import compounds
from factcheck.mentions.datemerge import is_year
from factcheck.mentions.lexicon import Lexicon
from factcheck.mentions.patterns import alternation
from factcheck.mentions.tokens import PUNCT, WORD, Tokens, is_fraction_token
from factcheck.mentions.words import Atom, number_word

_HYPHEN = "-"
#: Characters before a figure searched for "and" ("one million and a half").
CONJ_WINDOW = 8


@cache
def _conjunction(lex: Lexicon) -> re.Pattern[str]:
    words = [*lex.conjunctions, *lex.conjunction_prefixes]
    return re.compile(rf"\s*(?:{alternation(words)})\s*$") if words else re.compile(r"(?!x)x")


def _denominator(lex: Lexicon, text: str, toks: Tokens, atom: Atom) -> None:
    """Divide ``atom`` by a denominator right after it, if there is one."""
    k, n = atom.last + 1, len(toks.kinds)
    if k < n and toks.kinds[k] == PUNCT and toks.texts[k] == _HYPHEN:
        k += 1
    if k >= n or toks.kinds[k] != WORD or toks.texts[k] not in lex.denominators:
        return
    if "\n" in text[atom.end : toks.starts[k]]:
        return
    value, den = atom.low, lex.denominators[toks.texts[k]]
    if value is None or atom.qualifier != "exact":
        return
    followed = k + 1 < n and toks.kinds[k + 1] == WORD and toks.texts[k + 1] not in lex.of_words
    after_and = _conjunction(lex).search(text, max(0, atom.start - CONJ_WINDOW), atom.start)
    if value == 1 and followed and not after_and:
        return  # "a third attack" is an ordinal, not a third
    # "and a half million" is added by _add_fraction, which applies the scale to the sum
    scale, last = (None, k) if after_and else _scale_after(lex, text, toks, k)
    # the longest ending part after "and" smaller than the denominator is its numerator
    tail = next(((v, sc) for v, sc in atom.tails if 0 < v < den), None)
    if tail:
        part, part_scale = tail  # "two hundred and fifty-four hundredths" is 200.54
        value = value - part + part / den * (scale or part_scale)
        kind = "number"
    else:
        value = value / den * (scale or 1.0)
        kind = "number" if scale else "fraction"
    atom.low = atom.high = value
    atom.end, atom.last, atom.kind = toks.ends[last], last, kind


def _scale_after(lex: Lexicon, text: str, toks: Tokens, k: int) -> tuple[float | None, int]:
    """A scale word right after token ``k``, also as "of a million": (scale, its index)."""
    j, n = k + 1, len(toks.kinds)
    if j < n and toks.texts[j] in lex.of_words:
        j += 1
        if j < n and toks.texts[j] in lex.one_before_scale:
            j += 1
    if j >= n or toks.kinds[j] != WORD or "\n" in text[toks.ends[k] : toks.starts[j]]:
        return None, k
    found = number_word(lex, toks.texts[j])
    if found and found[2] == "scale" and not found[0] and found[3] > 1:
        return found[3], j
    return None, k


def _add_fraction(lex: Lexicon, text: str, toks: Tokens, whole: Atom, part: Atom) -> bool:
    """Add the fraction ``part`` to ``whole`` when "and" joins them ("one and a half")."""
    if part.kind != "fraction" or whole.kind not in ("number",) or whole.qualifier != "exact":
        return False
    gap_start = whole.end
    gap = text[gap_start : part.start]
    if "\n" in gap or not _conjunction(lex).match(gap):
        return False
    base, frac = whole.low or 0.0, part.low or 0.0
    k = part.last + 1
    scale = None
    n = len(toks.kinds)
    if k < n and toks.kinds[k] == WORD and not text[part.end : toks.starts[k]].strip():
        found = number_word(lex, toks.texts[k])
        if found and found[2] == "scale" and not found[0]:
            scale = found[3]
    if scale is not None and whole.scale == 1:
        value = (base + frac) * scale  # "five and a half million"
    elif scale is not None and scale < whole.scale:
        value = base + frac * scale  # "one billion and a half million"
    else:
        value = base + frac * whole.scale  # "3 million and a half", "one and a half"
    if scale is not None:
        part.end, part.last = toks.ends[k], k
    whole.low = whole.high = value
    whole.end, whole.last = part.end, part.last
    return True


def _negate(lex: Lexicon, text: str, toks: Tokens, atom: Atom) -> None:
    """Negate a figure right after a negative word ("minus 5", "سالب واحد")."""
    k = atom.first - 1
    if k < 0 or toks.kinds[k] != WORD or toks.texts[k] not in lex.negative_words:
        return
    if text[toks.ends[k] : atom.start].strip() or atom.low is None or atom.high is None:
        return
    atom.low, atom.high = -atom.high, -atom.low
    atom.start, atom.first = toks.starts[k], k


def _ratio(lex: Lexicon, text: str, a: Atom, b: Atom) -> Atom | None:
    """``a`` and ``b`` as one ratio ("one in three"), or None."""
    if a.kind not in ("number", "fraction") or b.kind != "number":
        return None
    if a.qualifier != "exact" or b.qualifier != "exact" or a.low is None or b.low is None:
        return None
    if not lex.ratio.match(text[a.end : b.start]) or "\n" in text[a.end : b.start]:
        return None
    if is_year(text, b) or lex.cues["duration_units"].match(text, b.end + 1):
        return None
    value = a.low / b.low
    if not abs(a.low) < b.low:
        # a larger first figure is a score or a distribution ("3 على 2", "2000 على 3 مخيمات"),
        # except with a word that says "parts of": "مئة أجزاء من خمسة وثلاثين" is 100/35, and
        # there a figure ending in "و" + a smaller part is a whole and a fraction ("مائتان
        # وثلاثة جزء من مائة" is 200.03, like "two hundred and three hundredths")
        if not lex.part_ratio.match(text[a.end : b.start]):
            return None
        tail = next((v for v, _ in a.tails if 0 < v < b.low), None)
        if tail:
            value = a.low - tail + tail / b.low
    return Atom(a.start, b.end, value, value, "ratio", a.first, b.last)


def _decimals(lex: Lexicon, text: str, toks: Tokens, atoms: list[Atom]) -> list[Atom]:
    """Join "two hundred point zero three" (figures in words around a decimal word)."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        k = atom.last + 1
        digits = ""
        j = i + 1
        if (
            atom.kind == "number"
            and atom.words
            and k < len(toks.kinds)
            and toks.texts[k] in lex.decimal_words
            and not text[atom.end : toks.starts[k]].strip()
        ):
            cursor = toks.ends[k]
            while j < len(atoms) and atoms[j].kind == "number" and atoms[j].words:
                nxt = atoms[j]
                if text[cursor : nxt.start].strip() or nxt.low is None or nxt.low != int(nxt.low):
                    break
                if digits and not 0 <= nxt.low <= 9:
                    break
                digits += str(int(nxt.low))
                cursor = nxt.end
                j += 1
                if nxt.low > 9:
                    break
        if digits and atom.low is not None:
            value = atom.low + float("0." + digits) * (-1 if atom.low < 0 else 1)
            last = atoms[j - 1]
            out.append(
                Atom(
                    atom.start, last.end, value, value, "number", atom.first, last.last, words=True
                )
            )
            i = j
        else:
            out.append(atom)
            i += 1
    return out


def refine(lex: Lexicon, text: str, toks: Tokens, atoms: list[Atom]) -> list[Atom]:
    """Fractions, negatives and ratios among ``atoms`` (see the module docstring)."""
    atoms = compounds(lex, text, toks, atoms)
    if lex.decimal_words:
        atoms = _decimals(lex, text, toks, atoms)
    for atom in atoms:
        if atom.kind in ("number", "article"):
            _denominator(lex, text, toks, atom)
        written = toks.texts[atom.first]
        if atom.kind == "number" and atom.first == atom.last and is_fraction_token(written):
            atom.kind = "fraction"  # "3/4", "⅔"
    kept: list[Atom] = []
    for atom in atoms:  # drop articles left alone and figures a fraction took in
        if atom.kind != "article" and not (kept and atom.start < kept[-1].end):
            kept.append(atom)
    atoms = kept
    joined: list[Atom] = []
    for atom in atoms:
        if joined and _add_fraction(lex, text, toks, joined[-1], atom):
            continue
        joined.append(atom)
    for atom in joined:
        if atom.kind in ("number", "fraction"):
            _negate(lex, text, toks, atom)
    out: list[Atom] = []
    for atom in joined:
        ratio = _ratio(lex, text, out[-1], atom) if out else None
        if ratio:
            out[-1] = ratio
        else:
            out.append(atom)
    return out
