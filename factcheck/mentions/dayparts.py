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
from collections.abc import Sequence
from datetime import UTC, date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from factcheck import lang
from factcheck.errors import LanguageDataError
from factcheck.mentions.clock import find_clock_times
from factcheck.mentions.dates import time_words
from factcheck.mentions.phrases import PhraseIndex
from factcheck.when import DAY_PART_HOURS, DayPart, Moment, day_of, day_part

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
    sentence: str,
    days: list[TimeExpression],
    language: str,
    published: Moment | None,
    figure_at: int | None = None,
) -> datetime | date | DayPart | None:
    """The first reporting day of a sentence (``days``: what ``find_dates`` found in it), as
    the part of that day it names when it names one ("said on Thursday evening"), or as the
    clock time of the statement when the sentence gives one before its figure ``figure_at``
    ("in a statement issued at 18:00": :func:`bulletin_time`)."""
    said = next((x for x in days if x.role == "reported" and x.day is not None), None)
    day = said.day if said is not None else day_of(published)
    if day is not None and figure_at is not None:
        clock = bulletin_time(sentence, language, day, published, figure_at, days)
        if clock is not None:
            return clock
    if said is None or said.day is None:
        return None
    return reported_moment(said.day, part_of(sentence, said, language), published)


#: Farthest a clock time may follow a reporting word and still be when the statement was
#: issued ("issued at 18:00", "publié dimanche à 18h", "صدر عند الساعة 18:00").
BULLETIN_NEAR_WORDS: Final = 3
_WORD: Final = re.compile(r"\w+")


def bulletin_time(
    sentence: str,
    language: str,
    day: date,
    published: Moment | None,
    figure_at: int,
    days: Sequence[TimeExpression] = (),
) -> datetime | None:
    """The moment a statement was issued, when a reporting word (``time.report_cues``: issued,
    publié, صدر) is followed within :data:`BULLETIN_NEAR_WORDS` words by a clock time, before
    the figure: that time on the day named next to it ("18:00 on Sunday", "dimanche à 18h",
    "18:00 مساء الأحد"), else on ``day`` (the stated reporting day, else the publication's),
    in its zone word's zone or the publication's offset. None when there is none, or when it
    would be after publication. A time the text gives is a minute; no minute is invented."""
    cues = [e for _, e, kind in time_words(language).cues.find(sentence, language)
            if kind == "report_cues" and e <= figure_at]  # fmt: skip
    for clock in find_clock_times(sentence, language):
        if clock.start >= figure_at:
            break
        near = [e for e in cues if e <= clock.start]
        if not near or len(_WORD.findall(sentence, max(near), clock.start)) > BULLETIN_NEAR_WORDS:
            continue
        zone = _zone(clock.zone, published)
        if zone is False:
            continue
        on = next((x.day for x in days if x.day is not None and _beside(sentence, x, clock)), day)
        hours, minutes = divmod(clock.minutes, 60)
        moment = datetime(on.year, on.month, on.day, hours, minutes, tzinfo=zone or None)
        comparable = isinstance(published, datetime) and (published.tzinfo is None) == (
            zone is None
        )
        if comparable and moment > published:
            continue
        return moment
    return None


#: Most words between a clock time and the day it is on ("18:00 on Sunday", "dimanche à 18h").
CLOCK_DAY_WORDS: Final = 2


def _beside(sentence: str, expr: TimeExpression, clock: Any) -> bool:
    """Whether day ``expr`` stands next to ``clock`` (at most :data:`CLOCK_DAY_WORDS` words
    between them, on either side)."""
    lo, hi = (expr.end, clock.start) if expr.end <= clock.start else (clock.end, expr.start)
    return lo <= hi and len(_WORD.findall(sentence, lo, hi)) <= CLOCK_DAY_WORDS


def _zone(word: str | None, published: Moment | None) -> Any:
    """The tzinfo of a clock time: its zone word's, else the publication's (None: naive);
    False when the zone word names no known zone."""
    if word in (None, "local"):
        return published.tzinfo if isinstance(published, datetime) else None
    if word in ("GMT", "UTC"):
        return UTC
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(str(word))
    except (ImportError, KeyError, ValueError):
        return False
