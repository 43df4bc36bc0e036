"""Date mentions: a day, a month name and a year read as one mention ("15 July 2021", "يوليو 2021").

A date spans the day, the month and the year as written ("Jan. 28, 2024", "الأول من يناير",
"7 تشرين الأول/أكتوبر 2023"); its value is the year when it has one, else the day of the
month (tests/cases/*/roles_dates.yaml). A month name with no figure next to it is not a
mention; a weekday before the day is not part of the span ("mardi 12 novembre"). The first
day of a night or span between two weekdays is a date too ("ليلة السبت 9 إلى الأحد 10
سبتمبر", "dans la nuit du samedi 9 au dimanche 10"), and so are dates written in figures
("14/2/2022", "12.03.2023", year first as in "2024-03-01"): their value is the year.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import Final

from factcheck.mentions.lexicon import Lexicon
from factcheck.mentions.patterns import alternation, scan_alternation
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
    months = alternation(lex.months)  # the first laid out for a scan of the whole text
    return re.compile(rf"(?:{scan_alternation(lex.months)})(?:\s*/\s*(?:{months}))?")


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
    atoms = _numeric_dates(text, atoms)
    if not lex.months or not atoms:
        return atoms
    return _first_weekday_day(lex, text, _named_dates(lex, text, atoms))


#: A date in figures: day, month and year joined by one separator, no space ("14/2/2022").
_NUMERIC_DATE: Final = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.\-]\d)")
#: An ISO-style date, year first ("2024-03-01", "2024/3/1"); the year may already be a date atom.
_YEAR_FIRST_DATE: Final = re.compile(r"(\d{4})([/.\-])(\d{1,2})\2(\d{1,2})(?![\d/.\-]*\d)")
#: The largest month number.
MONTH_MAX: Final = 12


def _numeric_dates(text: str, atoms: list[Atom]) -> list[Atom]:
    """Day, month and year written in figures ("14/2/2022", "12.03.2023") as one date atom;
    the day and the month may come in either order, but one of them must be a month."""
    out: list[Atom] = []
    k = 0
    while k < len(atoms):
        a = atoms[k]
        # both patterns need a separator one, two or four characters into the figure
        near = text[a.start + 1 : a.start + 5]
        maybe = k + 2 < len(atoms) and ("/" in near or "." in near or "-" in near)
        m = _NUMERIC_DATE.match(text, a.start) if maybe else None
        parts = atoms[k : k + 3]
        iso = _YEAR_FIRST_DATE.match(text, a.start) if maybe else None
        if (
            iso is not None
            and (iso.start() == 0 or not text[iso.start() - 1].isdigit())
            and parts[0].kind in ("number", "date")
            and all(p.kind == "number" and p.qualifier == "exact" for p in parts[1:])
            and parts[-1].end == iso.end()
            and 1 <= int(iso.group(3)) <= MONTH_MAX
            and 1 <= int(iso.group(4)) <= DAY_MAX
        ):
            year = float(iso.group(1))
            out.append(Atom(iso.start(), iso.end(), year, year, "date", a.first, parts[-1].last))
            k += 3
            continue
        if (
            m is not None
            and (m.start() == 0 or not text[m.start() - 1].isdigit())
            and all(p.kind == "number" and p.qualifier == "exact" for p in parts)
            and parts[-1].end == m.end()
            and min(int(m.group(1)), int(m.group(3))) <= MONTH_MAX
            and max(int(m.group(1)), int(m.group(3))) <= DAY_MAX
        ):
            year = parts[-1].low
            out.append(Atom(m.start(), m.end(), year, year, "date", a.first, parts[-1].last))
            k += 3
            continue
        out.append(a)
        k += 1
    return out


def _first_weekday_day(lex: Lexicon, text: str, atoms: list[Atom]) -> list[Atom]:
    """The day after a weekday that a range word joins to a dated weekday ("السبت 9 إلى
    الأحد 10 سبتمبر"): a date of its own, not a count."""
    if not lex.weekdays:
        return atoms
    weekday = _weekday_end(lex)
    for k in range(1, len(atoms)):
        a, date = atoms[k - 1], atoms[k]
        if date.kind != "date" or not _is_day(a):
            continue
        day_of = weekday.search(text, max(0, date.start - WEEKDAY_REACH), date.start)
        if day_of is None or weekday.search(text, max(0, a.start - WEEKDAY_REACH), a.start) is None:
            continue
        gap = text[a.end : day_of.start()]
        if "\n" not in gap and any(middle.match(gap) for _, middle, _ in lex.ranges):
            atoms[k - 1] = Atom(a.start, a.end, a.low, a.high, "date", a.first, a.last)
    return atoms


#: Farthest a weekday may end before its day ("lundi 11", "الاثنين 11").
WEEKDAY_REACH: Final = 20


@cache
def _weekday_end(lex: Lexicon) -> re.Pattern[str]:
    """A weekday name right before the end of the searched text ("الأحد ")."""
    return re.compile(rf"(?:{alternation(lex.weekdays)})[ \t\u202f]*$")


def _named_dates(lex: Lexicon, text: str, atoms: list[Atom]) -> list[Atom]:
    """Day, month name and year groups as one ``date`` atom each."""
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
