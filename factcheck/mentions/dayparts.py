"""Parts of the day a reporting day names: "Thursday evening", "jeudi soir", "مساء الخميس".

A statement given "on Thursday evening" was given between 17:00 and midnight on Thursday: the
reporting moment is that interval (:class:`factcheck.when.DayPart`), never an invented minute.
A part word counts when it touches the day (before or after it, "مساء يوم الأحد" included) or
is the day's own words ("this morning", "cette nuit", "الليلة الماضية"). Words come from
``time.day_parts`` of ``lang/<code>.yaml`` (word -> part); the hours of each part are the kit's
(:data:`factcheck.when.DAY_PART_HOURS`, docs/time.md).

Against publication: a part ends no later than the publication time (a statement is not made
after it was printed); a part that would start after it is not read (the day alone stands).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Final

from factcheck import lang
from factcheck.errors import LanguageDataError
from factcheck.mentions.phrases import PhraseIndex
from factcheck.when import DAY_PART_HOURS, DayPart, Moment, day_part

if TYPE_CHECKING:
    from factcheck.mentions.timecheck import TimeExpression

#: What may stand between a part word and its day ("jeudi soir", "Thursday, evening").
_TOUCHING: Final = re.compile(r"[\s,،]*")


@cache
def part_words(language: str) -> PhraseIndex[str]:
    """The part-of-day words of one language (cached); LanguageDataError if malformed."""
    data = lang.load(language)
    table = (data.get("time") or {}).get("day_parts") or {}
    index: PhraseIndex[str] = PhraseIndex({language: data.get("prefixes") or {}})
    bad = [f"time.day_parts.{w}: unknown part {p!r}" for w, p in table.items()
           if p not in DAY_PART_HOURS]  # fmt: skip
    if bad:
        raise LanguageDataError(f"lang/{language}.yaml", bad)
    for word, part in table.items():
        index.add(str(word), str(part))
    return index


def part_of(text: str, expr: TimeExpression, language: str) -> str:
    """The part of the day ``expr`` (a day found in ``text``) names, or ""."""
    for start, end, part in part_words(language).find(text, language):
        inside = expr.start <= start and end <= expr.end
        before = end <= expr.start and _TOUCHING.fullmatch(text, end, expr.start)
        after = start >= expr.end and _TOUCHING.fullmatch(text, expr.end, start)
        if inside or before or after:
            return part
    return ""


def reported_moment(day: date, part: str, published: Moment | None) -> date | DayPart:
    """The reporting moment of ``day`` with ``part`` (the day alone when there is no part, or
    when the part would start after publication), its end held to the publication time."""
    if not part:
        return day
    zone = published.tzinfo if isinstance(published, datetime) else None
    found = day_part(day, part, zone)
    if isinstance(published, datetime):
        if published <= found.start:
            return day
        if published < found.end:
            return DayPart(day, part, found.start, published)
    return found


def reported_in(
    sentence: str, days: list[TimeExpression], language: str, published: Moment | None
) -> date | DayPart | None:
    """The first reporting day of a sentence (``days``: what ``find_dates`` found in it), as
    the part of that day it names when it names one ("said on Thursday evening")."""
    for x in days:
        if x.role == "reported" and x.day is not None:
            return reported_moment(x.day, part_of(sentence, x, language), published)
    return None
