"""Moments as precise as their source: a year, a month, a day, or a time of day.

A publication known only as ``2023-03`` is a month, not the first of March at midnight, and a
statement dated ``2024-08-31`` is a day, not midnight. ISO 8601 text is read into the least
precise Python value that holds it, so nothing is invented:

- ``2023`` and ``2023-03`` -> :class:`PartialDate` (year, or year and month);
- ``2023-03-07`` -> :class:`datetime.date`;
- ``2023-03-07T10:00`` (any time, any offset) -> :class:`datetime.datetime`;
- ``2023-03-07T18:00/2023-03-07T23:59`` (an ISO 8601 interval) -> :class:`DayPart`: a part of
  a day the text names ("Thursday evening", "jeudi soir", "مساء الخميس"), not a minute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    import pandas as pd

#: A year, or a year and month, written ISO 8601 style ("2023", "2023-03").
_REDUCED: Final = re.compile(r"(\d{4})(?:-(\d{2}))?")
#: A calendar day alone ("2023-03-07").
_DAY: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
#: A day followed by a time ("2023-03-07T10", "2023-03-07 10:00").
_TIMED: Final = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d")
#: Day in a partial period used only to choose the year of "30 December" when the publication
#: is known to the month or year; it never becomes a day of any output.
_MID_MONTH: Final = 15
_MID_YEAR: Final = (7, 1)


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A year, or a year and month, with no day: what "published 2023-03" says.

    >>> PartialDate(2023, 3).isoformat()
    '2023-03'
    >>> str(PartialDate(2023))
    '2023'
    """

    year: int
    month: int | None = None

    def __post_init__(self) -> None:
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month must be in 1..12, got {self.month}")

    def isoformat(self) -> str:
        """ISO 8601 reduced precision: ``YYYY`` or ``YYYY-MM``."""
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}-{self.month:02d}"

    def __str__(self) -> str:
        return self.isoformat()


@dataclass(frozen=True, slots=True)
class DayPart:
    """A part of a day ("Thursday evening"): the interval ``[start, end)`` of ``day``, as
    precise as the words; ``part`` names it (evening, morning...; "" when read back from ISO).

    >>> d = DayPart(date(2024, 8, 29), "evening", datetime(2024, 8, 29, 18), datetime(2024, 8, 30))
    >>> d.isoformat()
    '2024-08-29T18:00/2024-08-30T00:00'
    """

    day: date
    part: str
    start: datetime
    end: datetime

    def isoformat(self) -> str:
        """ISO 8601 interval ``start/end`` (minutes; the offset when known)."""
        return (
            f"{self.start.isoformat(timespec='minutes')}/{self.end.isoformat(timespec='minutes')}"
        )

    def __str__(self) -> str:
        return self.isoformat()


#: Hours of each part of a day (start, end; past 24 is the next morning). Conventions for
#: reading words, never clock times a text gave: a part of day stays an interval.
DAY_PART_HOURS: Final = {
    "dawn": (3, 7),
    "morning": (6, 12),
    "noon": (11, 15),
    "afternoon": (12, 18),
    "evening": (17, 24),
    "night": (20, 30),
}


def day_part(day: date, part: str, tzinfo: Any = None) -> DayPart:
    """The interval of ``part`` (a :data:`DAY_PART_HOURS` key) on ``day``, in ``tzinfo``.

    >>> day_part(date(2024, 8, 29), "night").isoformat()
    '2024-08-29T20:00/2024-08-30T06:00'
    """
    first, last = DAY_PART_HOURS[part]
    midnight = datetime(day.year, day.month, day.day, tzinfo=tzinfo)
    return DayPart(day, part, midnight + timedelta(hours=first), midnight + timedelta(hours=last))


#: Any moment the kit reads: a time, a part of a day, a day, or a month/year.
Moment = datetime | DayPart | date | PartialDate


def parse_moment(text: str) -> Moment:
    """ISO 8601 text as the least precise value that holds it (ValueError when not ISO 8601).

    >>> parse_moment("2023-03")
    PartialDate(year=2023, month=3)
    >>> parse_moment("2023-03-07")
    datetime.date(2023, 3, 7)
    >>> parse_moment("2023-03-07T10:30+01:00").isoformat()
    '2023-03-07T10:30:00+01:00'
    """
    text = text.strip()
    if "/" in text:  # an interval: a part of a day
        first, _, last = text.partition("/")
        start, end = datetime.fromisoformat(first), datetime.fromisoformat(last)
        if not start < end:
            raise ValueError(f"not an ISO 8601 interval: {text!r}")
        return DayPart(start.date(), "", start, end)
    if m := _REDUCED.fullmatch(text):
        return PartialDate(int(m.group(1)), int(m.group(2)) if m.group(2) else None)
    if _DAY.fullmatch(text):
        return date.fromisoformat(text)
    if not _TIMED.match(text):
        raise ValueError(f"not an ISO 8601 date: {text!r}")
    return datetime.fromisoformat(text)


def day_of(moment: Moment | None) -> date | None:
    """The calendar day of a moment, or None when it is known only to the month or year
    (a weekday or "yesterday" cannot be resolved against it)."""
    if isinstance(moment, datetime):
        return moment.date()
    if isinstance(moment, DayPart):
        return moment.day
    if isinstance(moment, date):
        return moment
    return None


def year_anchor(moment: Moment | None) -> date | None:
    """A day that stands for the moment when only the year of a day-month date is sought
    ("30 December" in an article of January 2024): the day itself, else the middle of the
    month or year. Used to pick a year, never as a day of any output."""
    if isinstance(moment, PartialDate):
        if moment.month is None:
            return date(moment.year, *_MID_YEAR)
        return date(moment.year, moment.month, _MID_MONTH)
    return day_of(moment)


def moment_text(moment: Moment | None) -> str:
    """A moment for people, as precise as known: "2024-08-31 06:00+03:00", "2024-08-31",
    "2023-03" ("" when unknown)."""
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        return moment.isoformat(sep=" ", timespec="minutes")
    if isinstance(moment, DayPart):  # "2024-08-29 evening (18:00-24:00)"
        hours = f"{moment.start:%H:%M}-{_clock(moment.end, moment.day)}"
        return f"{moment.day.isoformat()} {moment.part or 'between'} ({hours})"
    return moment.isoformat()


def _clock(moment: datetime, day: date) -> str:
    """An interval's end as a clock time of ``day``: "24:00" for the midnight after it,
    "06:00 next day" past it."""
    hours = (moment.replace(tzinfo=None) - datetime(day.year, day.month, day.day)) / timedelta(
        hours=1
    )
    if hours == 24:
        return "24:00"
    return f"{moment:%H:%M} next day" if hours > 24 else f"{moment:%H:%M}"


def timestamp_of(value: Any) -> pd.Timestamp:
    """A moment (or its ISO text) as a pandas Timestamp for sorting and plotting; NaT when
    unknown or known only to the month or year. A day stands at its start for ordering only.

    >>> timestamp_of("2023-03"), timestamp_of(date(2023, 3, 7))
    (NaT, Timestamp('2023-03-07 00:00:00'))
    """
    import pandas as pd  # for charts and tables only: reading and extracting never need it

    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return pd.NaT
    if isinstance(value, str):
        if not value.strip():
            return pd.NaT
        try:
            value = parse_moment(value)
        except ValueError:
            return pd.NaT
    if isinstance(value, PartialDate):
        return pd.NaT
    if isinstance(value, DayPart):  # ordered at its start, like a day
        return pd.Timestamp(value.start)
    if isinstance(value, date) and not isinstance(value, datetime):
        return pd.Timestamp(value.year, value.month, value.day)
    return pd.Timestamp(value)
