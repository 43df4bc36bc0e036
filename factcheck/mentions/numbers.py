"""Every number expression of a normalised text, as intervals with their qualifier.

Reads, left to right: "no casualties" statements ([0, 0], none_reported), clock times,
vague and approximate quantities ("dozens", "une vingtaine"), ordinals, numbers in digits or
words, Arabic duals. Then attaches hedges ("at least", "نحو") and joins two figures into a
range ("between 10 and 20", "من 10 إلى 20"). Conventions: docs/mentions.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Final

from factcheck.mentions.compound import join_sums
from factcheck.mentions.datemerge import is_year
from factcheck.mentions.forms import parse_dual, parse_ordinal
from factcheck.mentions.lexicon import Lexicon
from factcheck.mentions.ratios import refine
from factcheck.mentions.shares import read_shares
from factcheck.mentions.tokens import CLOCK, NUMBER, PUNCT, UNREADABLE, WORD, Tokens, tokenize
from factcheck.mentions.words import Atom, match_phrase, number_word, parse_number

_GAP: Final = re.compile(r"[\s\-]*")
#: A figure written with a decimal or thousands separator ("2.33", "1,674,200.5").
_SEPARATED: Final = re.compile(r"\d[.,'٬٫\u202f ]\d")
#: The gaps allowed between a figure and a scale letter after it.
SPACES: Final = frozenset({" ", "  ", "\u202f", "\u00a0"})
IsUpper = Callable[[int], bool]
#: How far back (characters) a hedge or a range opener may start before its figure.
HEDGE_WINDOW: Final = 60


def _blocked_tokens(toks: Tokens, spans: list[tuple[int, int]]) -> set[int]:
    """Indices of the tokens inside any of ``spans``."""
    out: set[int] = set()
    for start, end in spans:
        lo = bisect_left(toks.starts, start)
        hi = bisect_right(toks.starts, end - 1)
        out.update(k for k in range(lo, hi) if toks.ends[k] <= end)
    return out


def _phrase_at(
    lex: Lexicon, toks: Tokens, i: int, table: dict, firsts: frozenset[str]
) -> tuple[int, object, int] | None:
    """A vague or approximate phrase at token ``i`` (its first word may carry a particle);
    ``firsts``: the first words of the phrases of ``table``."""
    if not lex.prefixes and toks.texts[i] not in firsts:
        return None  # the word is its only reading (lex.split), and no phrase begins with it
    for prefix, stem in lex.split(toks.texts[i]):
        if stem not in firsts:
            continue  # no phrase begins with it (most words)
        saved = toks.texts[i]
        toks.texts[i] = stem
        try:
            hit = match_phrase(toks, i, table, lex.phrase_max)
        finally:
            toks.texts[i] = saved
        if hit:
            return hit[0], hit[1], len(prefix) - lex.kept(prefix)
    return None


def _candidates(lex: Lexicon, toks: Tokens) -> list[int]:
    """Indices of the tokens that may begin a figure: not signs, and no word that begins
    none (:meth:`Lexicon.may_start`, read from its memo in one pass)."""
    memo, may_start = lex.memo, lex.may_start
    return [
        k
        for k, (kind, word) in enumerate(zip(toks.kinds, toks.texts, strict=True))
        if kind != PUNCT and (kind != WORD or (memo[word] if word in memo else may_start(word)))
    ]


def _read(lex: Lexicon, text: str, toks: Tokens, blocked: set[int]) -> list[Atom]:
    """Atoms (figures before hedges and ranges), left to right."""
    atoms: list[Atom] = []
    nouns = lex.counted_nouns | lex.duration_units
    i = 0
    for k in _candidates(lex, toks):
        if k < i or k in blocked:
            continue
        i = k
        kind = toks.kinds[i]
        if kind == UNREADABLE:  # "1e400": a mention with no value (role other, with a reason)
            atoms.append(Atom(toks.starts[i], toks.ends[i], None, None, "unreadable", i, i))
            i += 1
            continue
        if kind == CLOCK:
            value = toks.values[i]
            atoms.append(Atom(toks.starts[i], toks.ends[i], value, value, "clock", i, i))
            i += 1
            continue
        after_number = i > 0 and toks.kinds[i - 1] == NUMBER and not toks.gap(text, i).strip()
        if not after_number:
            hit = _phrase_at(lex, toks, i, lex.vague, lex.vague_firsts)
            if hit:
                last, (low, high, point), skip = hit
                atoms.append(
                    Atom(
                        toks.starts[i] + skip,
                        toks.ends[last],
                        low,
                        high,
                        "vague",
                        i,
                        last,
                        qualifier="vague",
                        point=point,
                    )
                )
                i = last + 1
                continue
            hit = _phrase_at(lex, toks, i, lex.approximate, lex.approx_firsts)
            if hit:
                last, value, skip = hit
                atoms.append(
                    Atom(
                        toks.starts[i] + skip,
                        toks.ends[last],
                        value,
                        value,
                        "approx",
                        i,
                        last,
                        qualifier="about",
                    )
                )
                i = last + 1
                continue
        atom = (
            parse_ordinal(lex, toks, text, i)
            or parse_number(lex, toks, text, i, blocked)
            or parse_dual(lex, toks, i, nouns)
        )
        if atom is None:
            i += 1
            continue
        atoms.append(atom)
        i = atom.last + 1
    return atoms


def _hedge(lex: Lexicon, text: str, atom: Atom, floor: int) -> None:
    """Attach a hedge before ("at least 15") or after ("15 or more") the figure."""
    match = lex.hedge_before.search(text, max(floor, atom.start - HEDGE_WINDOW), atom.start)
    if match and match.lastgroup and match.group(match.lastgroup) in lex.duration_prepositions:
        gap = _GAP.match(text, atom.end)
        if lex.cues["duration_units"].match(text, gap.end()):
            match = None  # "over two days" is "during", not "more than"
    if match and match.lastgroup:
        atom.bare = atom.start
        atom.start = match.start(match.lastgroup)
        qualifier = match.lastgroup
    else:
        match = lex.hedge_after.match(text, atom.end)
        if match and match.lastgroup:
            atom.end = match.end(match.lastgroup)
        else:  # "17 شخصاً على الأقل": the hedge follows the counted noun; the span stays put
            match = (
                lex.hedge_after_noun.match(text, atom.end)
                or lex.hedge_commas.match(text, atom.end)  # "38 people, at least, drowned"
                or lex.hedge_gapped.search(text, max(floor, atom.start - HEDGE_WINDOW), atom.start)
            )  # "تجاوز عدد النازحين 9 آلاف": the verb is the hedge, its subject stands between
            if not match or not match.lastgroup:
                return
        qualifier = match.lastgroup
    atom.qualifier = qualifier
    value = atom.low
    atom.low, atom.high = {
        "at_least": (value, None),
        "at_most": (None, value),
        "about": (value, value),
    }[qualifier]


def _join_range(lex: Lexicon, text: str, a: Atom, b: Atom, floor: int) -> Atom | None:
    """``a`` and ``b`` as one range ("between 10 and 20"), or None if they are not one."""
    if a.kind != "number" or b.kind != "number" or a.low is None or b.low is None:
        return None
    # "some 40-50 people": a hedge of about before the first bound stays in the range's span
    if a.qualifier not in ("exact", "about") or b.qualifier != "exact":
        return None
    gap = text[a.end : b.start]
    if "\n" in gap:
        return None
    if is_year(text, a) != is_year(text, b):
        return None  # "منذ ... 2023 إلى 4285 شهيداً": a year, then a count
    low = a.low * b.scale if b.scale > 1 and a.scale == 1 and a.low * b.scale <= b.low else a.low
    if low > b.low:
        return None
    for opener, middle, required in lex.ranges:
        if not middle.match(gap) or (gap.strip() == "-" and (a.words or b.words)):
            continue  # "quatre-vingt" is one number, "10-20" a range
        start = a.start
        found = opener.search(text, max(floor, a.start - HEDGE_WINDOW), a.start) if opener else None
        if found:
            start = found.start()
        elif required:
            continue
        if lex.range_blockers.search(text, max(floor, start - HEDGE_WINDOW), start):
            return None  # "rose from 12 to 20": an old and a new figure
        return Atom(
            start,
            b.end,
            low,
            b.low,
            "number",
            a.first,
            b.last,
            qualifier="range",
            words=a.words or b.words,
            scale=b.scale,
        )
    return None


def _spaced_scale(lex: Lexicon, text: str, toks: Tokens, atom: Atom, is_upper: IsUpper) -> None:
    """Apply a scale letter set after a space ("2.33 k", "1,674.5 G") to ``atom``.

    Only after a figure written with a separator (a quantity, not "5 m" of a length), only
    the letters of ``spaced_scales`` (lower case) and ``spaced_capitals`` (capital: a lower-case
    "m" or "g" is metres or grams), and only when the letter ends its word.
    """
    k = atom.last + 1
    if atom.kind != "number" or atom.first != atom.last or k >= len(toks.kinds) or atom.low is None:
        return
    if toks.kinds[atom.first] != NUMBER or toks.kinds[k] != WORD or toks.gap(text, k) not in SPACES:
        return
    word = toks.texts[k]
    if word not in lex.spaced_scales and word not in lex.spaced_capitals:
        return  # no scale letter (most words): nothing below can apply
    if not _SEPARATED.search(toks.texts[atom.first]):
        return
    capital = is_upper(toks.starts[k])
    value = (lex.spaced_capitals if capital else lex.spaced_scales).get(word)
    if value is None or (
        len(word) > 1 and any(is_upper(toks.starts[k] + c) for c in range(1, len(word)))
    ):
        return
    atom.low = atom.high = atom.low * value
    atom.end, atom.last, atom.scale = toks.ends[k], k, value


def find_numbers(
    text: str, lex: Lexicon, is_upper: IsUpper | None = None
) -> tuple[list[Atom], Tokens]:
    """Figures of normalised ``text`` with hedges and ranges applied, sorted by start.

    ``is_upper(offset)`` says whether the original character at a normalised offset is a
    capital (the text is casefolded); without it, no scale letter after a space is read.
    """
    toks = tokenize(text, lex.group_separators)
    none_spans = [(m.start("h"), m.end("h")) for m in lex.none_reported.finditer(text)]
    protected = [(m.start(), m.end()) for m in lex.protected.finditer(text)]
    blocked = _blocked_tokens(toks, none_spans + protected)
    for match in lex.not_numbers.finditer(text):
        # only the number word of "one of dozens", "no one", "l'un des" is not a number
        inside = sorted(_blocked_tokens(toks, [(match.start(), match.end())]))
        first = next((k for k in inside if number_word(lex, toks.texts[k])), None)
        if first is not None:
            blocked.add(first)
    atoms = join_sums(lex, text, toks, refine(lex, text, toks, _read(lex, text, toks, blocked)))
    if is_upper is not None and (lex.spaced_scales or lex.spaced_capitals):
        for atom in atoms:
            _spaced_scale(lex, text, toks, atom, is_upper)
    floor = 0
    for atom in atoms:
        if atom.kind in ("number", "dual", "approx"):
            _hedge(lex, text, atom, floor)
        floor = atom.end
    joined: list[Atom] = []
    for atom in atoms:
        prev = joined[-1] if joined else None
        floor = joined[-2].end if len(joined) > 1 else 0
        both = _join_range(lex, text, prev, atom, floor) if prev else None
        if both:
            joined[-1] = both
        else:
            joined.append(atom)
    joined = read_shares(lex, text, toks, joined)
    for start, end in none_spans:
        first = bisect_left(toks.starts, start)
        joined.append(Atom(start, end, 0.0, 0.0, "none", first, first, qualifier="none_reported"))
    joined.sort(key=lambda a: a.start)
    return joined, toks
