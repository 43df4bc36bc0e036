"""Compound ordinals and denominators: "twenty-first", "a twenty-first", "three thirty-fifths";
and sums of words and digits: "مليون و40 ألف" (see :func:`join_sums`).

A tens word ("twenty") or a round hundred or thousand ("one hundred") followed by a unit
ordinal of ``ordinal_units`` ("first" .. "ninth", or its plural) is one ordinal or one
denominator:

- with a figure right before it, it is a denominator: "three twenty-firsts" is 3/21, "a
  twenty-fifth" 1/25, "one one hundred and fifth" 1/105; a singular one needs the figure 1
  (or "a") and no word after it other than "of" ("a twenty-first-century city" is an ordinal);
- a plural after a number whose last part is a tens word splits that number: "one hundred
  thirty fifths" is 100/35 (Recognizers-Text's reading; 130/5 would be written "one hundred
  and thirty fifths");
- otherwise a singular is an ordinal: "the twenty-first" (21), "the one hundred and fifth".
  Spaced tens ("twenty first responders") need the hyphen to be read as one ordinal.

The unit ordinal must not carry a hyphenated word ("first-time") and no line break may come
between the parts.
"""

from __future__ import annotations

from factcheck.mentions.lexicon import Lexicon
from factcheck.mentions.tokens import NUMBER, PUNCT, WORD, Tokens
from factcheck.mentions.words import Atom, smallest_place

#: The tens words that open a compound ordinal (20 .. 90).
TENS: frozenset[float] = frozenset(float(t) for t in range(20, 100, 10))
#: Round scales that open a compound ordinal ("one hundred and fifth").
ROUND: frozenset[float] = frozenset({100.0, 1000.0})
#: Smallest closing place of a number in words that digits after "و" may add to ("مئة و20").
SUM_PLACE: float = 100.0


def _unit_ordinal(lex: Lexicon, text: str, toks: Tokens, atom: Atom) -> tuple[int, bool] | None:
    """``(index of the unit ordinal, hyphen or "and" before it)`` right after ``atom``."""
    k, n = atom.last + 1, len(toks.kinds)
    word = toks.texts[atom.last]
    tens = lex.units.get(word) in TENS
    rounded = lex.scales.get(word) in ROUND
    if not (tens or rounded) or toks.kinds[atom.last] != WORD:
        return None
    hyphen = k < n and tens and toks.kinds[k] == PUNCT and toks.texts[k] == "-"
    joined = hyphen or (k < n and rounded and toks.texts[k] in lex.conjunctions)
    if joined:
        k += 1
    if k >= n or toks.kinds[k] != WORD or toks.texts[k] not in lex.ordinal_units:
        return None
    if "\n" in text[atom.end : toks.starts[k]]:
        return None
    if k + 1 < n and toks.texts[k + 1] == "-" and toks.starts[k + 1] == toks.ends[k]:
        return None  # "first-time", "second-largest"
    return k, joined


def _numerator(lex: Lexicon, text: str, toks: Tokens, prev: Atom | None, atom: Atom):
    """``(value, start, first token)`` of the figure or article right before ``atom``."""
    j = atom.first - 1
    if (
        j >= 0
        and toks.texts[j] in lex.one_before_scale
        and not text[toks.ends[j] : atom.start].strip()
    ):
        return 1.0, toks.starts[j], j
    if (
        prev is not None
        and prev.kind == "number"
        and prev.words
        and prev.qualifier == "exact"
        and prev.low is not None
        and prev.last == atom.first - 1
        and not text[prev.end : atom.start].strip()
    ):
        return prev.low, prev.start, prev.first
    return None


def compounds(lex: Lexicon, text: str, toks: Tokens, atoms: list[Atom]) -> list[Atom]:
    """``atoms`` with compound ordinals and denominators joined (see the module docstring)."""
    if not lex.ordinal_units:
        return atoms
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        found = None
        if atom.kind == "number" and atom.words and atom.qualifier == "exact" and atom.low:
            found = _unit_ordinal(lex, text, toks, atom)
        if found is None:
            out.append(atom)
            i += 1
            continue
        k, joined = found
        unit = lex.ordinal_units[toks.texts[k]]
        singular = toks.texts[k] in lex.ordinals
        prev = out[-1] if out else None
        num = _numerator(lex, text, toks, prev, atom)
        alone = atom.first == atom.last or (atom.tails == () and atom.low % 100 == 0)
        after = k + 1 < len(toks.kinds) and toks.kinds[k + 1] == WORD
        if singular and num and (num[0] != 1 or (after and toks.texts[k + 1] not in lex.of_words)):
            num = None
        new: Atom | None = None
        word = toks.texts[atom.last]
        if num and alone:
            value = num[0] / (atom.low + unit)
            new = Atom(num[1], toks.ends[k], value, value, "fraction", num[2], k)
            if prev is not None and prev.start == num[1]:
                out.pop()
        elif not singular and word in lex.units and atom.low > lex.units[word] and not atom.tails:
            tens = lex.units[word]  # "one hundred thirty fifths": 100 / 35
            value = (atom.low - tens) / (tens + unit)
            new = Atom(atom.start, toks.ends[k], value, value, "fraction", atom.first, k)
        elif singular and joined:
            value = atom.low + unit  # "the twenty-first", "the one hundred and fifth"
            new = Atom(atom.start, toks.ends[k], value, value, "ordinal", atom.first, k)
        if new is None:
            out.append(atom)
            i += 1
            continue
        out.append(new)
        i += 1
        while i < len(atoms) and atoms[i].start < new.end:
            i += 1  # the unit ordinal read on its own ("first")
    return out


def join_sums(lex: Lexicon, text: str, toks: Tokens, atoms: list[Atom]) -> list[Atom]:
    """A number in words closed by a scale, a conjunction, then digits worth less than that
    scale are one number: "مليون و40 ألف" is 1,040,000, "ألفين و500" 2,500, "3 ملايين و200
    ألف" 3,200,000 (Arabic writes the larger part first and joins the rest with "و")."""
    out: list[Atom] = []
    for atom in atoms:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == atom.kind == "number"
            and prev.qualifier == atom.qualifier == "exact"
            and prev.low is not None
            and atom.low is not None
            and toks.kinds[prev.last] == WORD
            and toks.kinds[atom.first] == NUMBER
            and text[prev.end : atom.start].strip() in lex.conjunctions
            and "\n" not in text[prev.end : atom.start]
            and 0 < atom.low < max(prev.scale, smallest_place(prev.low))
            and max(prev.scale, smallest_place(prev.low)) >= SUM_PLACE
        ):
            total = prev.low + atom.low
            out[-1] = Atom(
                prev.start,
                atom.end,
                total,
                total,
                "number",
                prev.first,
                atom.last,
                words=True,
                scale=atom.scale,
                unit=atom.unit,
            )
            continue
        out.append(atom)
    return out
