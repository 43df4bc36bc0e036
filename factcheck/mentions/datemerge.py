"""Date mentions: a day, a month name and a year read as one mention ("15 July 2021", "يوليو 2021").

A date spans the day, the month and the year as written ("Jan. 28, 2024", "الأول من يناير",
"7 تشرين الأول/أكتوبر 2023"); its value is the year when it has one, else the day of the
month (tests/cases/*/roles_dates.yaml). A month name with no figure next to it is not a
mention; a weekday before the day is not part of the span ("mardi 12 novembre").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import Final

from factcheck.mentions.lexicon import Lexicon
from factcheck.mentions.patterns import alternation
from factcheck.mentions.words import Atom

#: What may stand between a month name and the day or year after it ("Jan. 28, 2024").
_SEPARATOR: Final = re.compile(r"[ \t\u202f,.]*")
#: The largest day of a month.
DAY_MAX: Final = 31
#: A four-digit figure in this range is read as a year.
YEAR_MIN: Final = 1900
YEAR_MAX: Final = 2100


@cache
def _month_pattern(lex: Lexicon) -> re.Pattern[str]:
    """Month names, with a second name after a slash ("تشرين الأول/أكتوبر")."""
    months = alternation(lex.months)
    return re.compile(rf"(?:{months})(?:\s*/\s*(?:{months}))?")


@cache
def _between(lex: Lexicon) -> re.Pattern[str]:
    """What may stand between the parts of a date: spaces, a comma, "of"/"من"/"de"."""
    of = alternation(lex.of_words)
    return re.compile(rf"[\s,]*(?:(?:{of})\s*)?$") if lex.of_words else re.compile(r"[\s,]*$")


def is_year(text: str, atom: Atom) -> bool:
    """A figure written as four plain digits between YEAR_MIN and YEAR_MAX."""
    raw = text[atom.start : atom.end]
    return (
        atom.kind == "number"
        and atom.qualifier == "exact"
        and raw.isdigit()
        and len(raw) == 4
        and YEAR_MIN <= int(raw) <= YEAR_MAX
    )


def _is_day(atom: Atom) -> bool:
    return (
        atom.kind in ("number", "ordinal")
        and atom.qualifier == "exact"
        and atom.low is not None
        and atom.low == int(atom.low)
        and 1 <= atom.low <= DAY_MAX
    )


def merge_dates(lex: Lexicon, text: str, atoms: list[Atom]) -> list[Atom]:
    """``atoms`` with every day/month/year group replaced by one ``date`` atom."""
    if not lex.months or not atoms:
        return atoms
    between = _between(lex)
    starts = [a.start for a in atoms]
    used: set[int] = set()
    dates: list[Atom] = []
    for month in _month_pattern(lex).finditer(text):
        parts: list[int] = []
        k = bisect_left(starts, month.start())
        if k > 0 and k - 1 not in used and _is_day(atoms[k - 1]):
            gap = text[atoms[k - 1].end : month.start()]
            if atoms[k - 1].end <= month.start() and between.match(gap) and "\n" not in gap:
                parts.append(k - 1)
        cursor, has_day = month.end(), bool(parts)
        k = bisect_left(starts, month.end())
        for j in range(k, min(k + 2, len(atoms))):
            nxt = atoms[j]
            if j in used or not _SEPARATOR.fullmatch(text, cursor, nxt.start):
                break
            if is_year(text, nxt):
                parts.append(j)
                break
            if has_day or not _is_day(nxt):
                break
            parts.append(j)
            cursor, has_day = nxt.end, True
        if not parts:
            continue
        used.update(parts)
        chosen = [atoms[j] for j in parts]
        year = next((a for a in chosen if is_year(text, a)), None)
        value = year.low if year is not None else chosen[0].low
        dates.append(
            Atom(
                min(month.start(), chosen[0].start),
                max(month.end(), chosen[-1].end),
                value,
                value,
                "date",
                chosen[0].first,
                chosen[-1].last,
            )
        )
    if not dates:
        return atoms
    out = [a for j, a in enumerate(atoms) if j not in used] + dates
    out.sort(key=lambda a: a.start)
    return out
