"""Ordinals ("first", "الأول", "3rd", "الـ20") and Arabic duals ("جنديين", "لشهرين")."""

from __future__ import annotations

from factcheck.mentions.lexicon import Lexicon
from factcheck.mentions.tokens import NUMBER, WORD, Tokens
from factcheck.mentions.words import Atom


def parse_ordinal(lex: Lexicon, toks: Tokens, text: str, i: int) -> Atom | None:
    """An ordinal at token ``i``: a word ("first", "الأول") or digits + suffix ("3rd")."""
    kind, tok = toks.kinds[i], toks.texts[i]
    n = len(toks.kinds)
    if (
        kind == NUMBER
        and i > 0
        and toks.kinds[i - 1] == WORD
        and toks.ends[i - 1] == toks.starts[i]
    ):
        # digits glued to the article: "الدورة الـ20" is the twentieth, but "الـ23 مفقوداً"
        # (a noun after it, without a preposition) counts
        nxt = toks.texts[i + 1] if i + 1 < n and toks.kinds[i + 1] == WORD else ""
        counts = nxt and not any(p and nxt.startswith(p) for p in lex.prefixes)
        value = toks.values[i]
        if toks.texts[i - 1] in lex.span_keeps and value == int(value) and not counts:
            return Atom(toks.starts[i], toks.ends[i], value, value, "ordinal", i, i)
    if kind == NUMBER and i + 1 < n and toks.kinds[i + 1] == WORD:
        suffix = toks.texts[i + 1]
        if toks.starts[i + 1] == toks.ends[i] and suffix in lex.ordinal_suffixes:
            value = toks.values[i]
            if value == int(value):
                return Atom(toks.starts[i], toks.ends[i + 1], value, value, "ordinal", i, i + 1)
        return None
    if kind != WORD:
        return None
    for prefix, stem in lex.split(tok):
        if stem in lex.ordinals:
            value = lex.ordinals[stem]
            last = i
            # "الحادي عشر", "الثاني عشر": an ordinal unit followed by ten
            if i + 1 < n and toks.kinds[i + 1] == WORD and value < 10:
                ten = lex.units.get(toks.texts[i + 1])
                if ten == 10 and toks.texts[i + 1] in lex.no_conjunction_words:
                    value, last = value + 10, i + 1
            start = toks.starts[i] + len(prefix) - lex.kept(prefix)
            return Atom(start, toks.ends[last], value, value, "ordinal", i, last)
    return None


def parse_dual(lex: Lexicon, toks: Tokens, i: int, nouns: frozenset[str]) -> Atom | None:
    """An Arabic dual of a counted noun ("جنديين", "لشهرين" -> "شهرين") read as 2.

    The rule: the word (after an attached particle) ends in a dual suffix, and what is left,
    with a ta marbuta restored where the language data says so ("قاعدت" -> "قاعدة"), is a
    counted noun or a unit of time in the lexicon; a noun whose sound plural shares the
    ending ("مدنيين") is read as a dual only with the other ending ("مدنيان").
    """
    if not lex.dual_suffixes or toks.kinds[i] != WORD:
        return None
    for prefix, stem in lex.split(toks.texts[i]):
        for suffix in lex.dual_suffixes:
            if not stem.endswith(suffix) or len(stem) <= len(suffix) + 1:
                continue
            base = stem[: -len(suffix)]
            candidates = [base]
            for letter, restored in lex.feminine_stem.items():
                if base.endswith(letter):
                    candidates.append(base[: -len(letter)] + restored)
            for noun in candidates:
                if suffix in lex.plural_suffixes and noun in lex.sound_plural_nouns:
                    continue  # "المدنيين": the plural, not two civilians
                if noun in nouns:
                    start = toks.starts[i] + len(prefix) - lex.kept(prefix)
                    return Atom(start, toks.ends[i], 2.0, 2.0, "dual", i, i, unit=noun)
    return None
