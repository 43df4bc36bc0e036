"""What each number expression is: a count (claim), a date, a time, a duration, a name, ...

Every figure gets a role and a reason in plain words; nothing is dropped. The rules look only
at the words right around the figure, in this order (the first that applies wins): clock
times, ordinals, percentages, money, ages, times of day, durations, dates (next to a month,
a weekday, or a bare year), names ("Tower 22", a number inside a quoted name), measurements,
and otherwise a count. Cue words come from ``roles`` in ``lang/*.yaml``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from factcheck.mentions.lexicon import Lexicon, alternation
from factcheck.mentions.tokens import PUNCT, WORD, Tokens
from factcheck.mentions.words import Atom
from factcheck.model import Role

#: A figure written as four digits in this range, with no counted noun after it, is a year.
YEAR_MIN: Final = 1900
YEAR_MAX: Final = 2100
#: How many tokens after a figure are searched for the noun it counts.
UNIT_LOOKAHEAD: Final = 6
#: The largest day of a month: a larger figure next to a month name is not a day.
DAY_MAX: Final = 31
#: How many characters around a figure the cue patterns look at.
CUE_WINDOW: Final = 40
#: How many words may stand between a name cue and its number ("قاعدة "يونيون 3"").
NAME_GAP: Final = 2

_QUOTE_OPEN: Final = re.compile(r"[\"“«„]\s*[^\W\d_]+(?:\s+[^\W\d_]+)?\s+$")
_QUOTE_CLOSE: Final = re.compile(r"\s*[\"”»“]")
_LATIN_CODE: Final = re.compile(r"[a-z]{1,5}")


@cache
def _patterns(lex: Lexicon) -> dict[str, re.Pattern[str]]:
    """Cue patterns anchored before (``*_before``: ends at the figure) or after the figure."""
    c = lex.cues
    out = {k: re.compile(rf"\s*(?:{v.pattern})") for k, v in c.items()}
    for key in ("money_before", "age_before", "clock_before", "year_cues", "duration_before"):
        out[key] = re.compile(rf"(?:{c[key].pattern})[\s\-]*$")
    out["name_before"] = re.compile(
        rf"(?:{c['name_cues'].pattern})(?:[\s\"“«]+[^\W\d_]+){{0,{NAME_GAP}}}[\s\"“«\-]*$"
    )
    months = alternation([*lex.months, *lex.weekdays])
    out["month_before"] = re.compile(rf"(?:{months})[\s,]*$")
    out["month_after"] = re.compile(rf"[\s,]*(?:{alternation(lex.months)})")
    return out


def _day_or_year(text: str, atom: Atom) -> bool:
    """Whether the figure could be a day of the month (1-31) or a year in digits."""
    value = atom.low
    if value is None or value != atom.high or value != int(value) or atom.kind == "vague":
        return False
    raw = text[atom.start : atom.end]
    return 1 <= value <= DAY_MAX or (raw.isdigit() and YEAR_MIN <= value <= YEAR_MAX)


def _glued_code(toks: Tokens, first: int) -> bool:
    """Whether digits are glued to Latin letters ("mh17", "scp-173"): a code or a name."""
    k = first - 1
    if (
        k >= 0
        and toks.kinds[k] == PUNCT
        and toks.texts[k] == "-"
        and toks.ends[k] == toks.starts[first]
    ):
        first, k = k, k - 1
    return (
        k >= 0
        and toks.kinds[k] == WORD
        and toks.ends[k] == toks.starts[first]
        and _LATIN_CODE.fullmatch(toks.texts[k]) is not None
    )


def _before(p: re.Pattern[str], text: str, atom: Atom) -> re.Match[str] | None:
    return p.search(text, max(0, atom.start - CUE_WINDOW), atom.start)


def _after(p: re.Pattern[str], text: str, atom: Atom) -> re.Match[str] | None:
    return p.match(text, atom.end)


def unit_after(lex: Lexicon, toks: Tokens, atom: Atom) -> str:
    """The noun counted by the figure: the next word, past "of"/"من"/"de" (lookup key)."""
    if atom.unit:
        return atom.unit
    k = atom.last + 1
    n = len(toks)
    while k < n and toks.kinds[k] == PUNCT and toks.texts[k] in "-'":
        k += 1
    if k < n and toks.texts[k] in lex.of_words:
        k += 1
        while k < n and toks.kinds[k] == PUNCT and toks.texts[k] == "'":
            k += 1
    if k >= n or toks.kinds[k] != WORD:
        return ""
    # the first counted noun among the next few words ("seven U.S. service members"), else
    # the next word as written
    for j in range(k, min(n, k + UNIT_LOOKAHEAD)):
        if toks.kinds[j] == WORD:
            noun = _counted(lex, toks.texts[j])
            if noun:
                return noun
        elif toks.texts[j] not in ".-'":
            break
    return toks.texts[k]


def _counted(lex: Lexicon, word: str) -> str:
    """The counted noun a word is (case ending dropped: "عنصرا" -> "عنصر"), else ""."""
    if word in lex.counted_nouns:
        return word
    for ending in lex.unit_endings:
        if word.endswith(ending) and word[: -len(ending)] in lex.counted_nouns:
            return word[: -len(ending)]
    return ""


def assign_role(lex: Lexicon, text: str, toks: Tokens, atom: Atom) -> tuple[Role, str, str]:
    """``(role, reason, unit)`` of one figure in normalised ``text``."""
    p = _patterns(lex)
    unit = unit_after(lex, toks, atom)
    if atom.kind == "none":
        return Role.CLAIM, "statement that no one was hurt", ""
    if atom.kind == "clock":
        zone = _after(p["zone_words"], text, atom)
        return Role.TIME, "clock time hh:mm" + (", with a time zone" if zone else ""), ""
    month = None
    if _day_or_year(text, atom):
        month = _before(p["month_before"], text, atom) or _after(p["month_after"], text, atom)
    if atom.kind == "ordinal":
        if month:
            return Role.DATE, "ordinal day next to a month name", ""
        return Role.ORDINAL, f"ordinal word or suffix ({text[atom.start : atom.end]!r})", ""
    if _after(p["percent_words"], text, atom):
        return Role.PERCENT, "followed by a percent sign or word", ""
    if _before(p["money_before"], text, atom) or _after(p["money_after"], text, atom):
        return Role.MONEY, "currency sign or word next to it", unit
    if _before(p["age_before"], text, atom) or _after(p["age_after"], text, atom):
        return Role.AGE, "age of a person", ""
    clock = _after(p["clock_after"], text, atom)
    if clock and (unit not in lex.duration_units or _before(p["clock_before"], text, atom)):
        return Role.TIME, f"time of day ({clock.group().strip()!r})", ""
    if _before(p["clock_before"], text, atom) and atom.high is not None and atom.high <= 24:
        return Role.TIME, "hour after a clock word", ""
    if unit in lex.duration_units:
        return Role.DURATION, f"length of time ({unit!r})", unit
    if month:
        return Role.DATE, "next to a month or weekday name", ""
    raw = text[atom.start : atom.end]
    if (
        atom.kind == "number"
        and not atom.words
        and raw.isdigit()
        and len(raw) == 4
        and YEAR_MIN <= int(raw) <= YEAR_MAX
        and unit not in lex.counted_nouns
    ):
        return Role.DATE, "a year", ""
    if _before(p["name_before"], text, atom) or (
        _before(_QUOTE_OPEN, text, atom) and _after(_QUOTE_CLOSE, text, atom)
    ):
        return Role.NAME, "part of a name", ""
    if atom.kind == "number" and not atom.words and _glued_code(toks, atom.first):
        return Role.NAME, "code glued to letters", ""
    if _after(p["measure_units"], text, atom):
        return Role.OTHER, "a measurement", unit
    if unit:
        return Role.CLAIM, f"counts {unit!r}", unit
    return Role.CLAIM, "a count (no other role applies)", ""
