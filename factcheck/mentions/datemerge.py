"""Date mentions: a day, a month name and a year read as one mention ("15 July 2021", "يوليو 2021").

A date spans the day, the month and the year as written ("Jan. 28, 2024", "الأول من يناير",
"7 تشرين الأول/أكتوبر 2023"); its value is the year when it has one, else the day of the
month (tests/cases/*/roles_dates.yaml). A month name with no figure next to it is not a
mention; a weekday before the day is not part of the span ("mardi 12 novembre").
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from factcheck.mentions.lexicon import Lexicon, alternation
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
    out = list(atoms)
    for month in _month_pattern(lex).finditer(text):
        parts: list[Atom] = []
        before = [a for a in out if a.end <= month.start()]
        if before and _is_day(before[-1]):
            gap = text[before[-1].end : month.start()]
            if between.match(gap) and "\n" not in gap:
                parts.append(before[-1])
        cursor, has_day = month.end(), bool(parts)
        for nxt in [a for a in out if a.start >= month.end()][:2]:
            gap = text[cursor : nxt.start]
            if not _SEPARATOR.fullmatch(gap):
                break
            if is_year(text, nxt):
                parts.append(nxt)
                break
            if has_day or not _is_day(nxt):
                break
            parts.append(nxt)
            cursor, has_day = nxt.end, True
        if not parts:
            continue
        year = next((p for p in parts if is_year(text, p)), None)
        value = year.low if year is not None else parts[0].low
        date = Atom(
            min(month.start(), parts[0].start),
            max(month.end(), parts[-1].end),
            value,
            value,
            "date",
            parts[0].first,
            parts[-1].last,
        )
        out = [a for a in out if all(a is not p for p in parts)] + [date]
        out.sort(key=lambda a: a.start)
    return out
