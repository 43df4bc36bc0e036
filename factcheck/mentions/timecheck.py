"""When: the day of the event, the day it was said, and whether paired clock times agree.

Weekdays ("Thursday", "الخميس", "jeudi") and relative days ("yesterday", "أمس", "hier") are
resolved against the publication date: a weekday is the most recent such day on or before it
(a weekday equal to the publication day is that day). Explicit dates ("29 August 2024",
"٢٩ أغسطس ٢٠٢٤", "2024-08-29") are read as written. A time word right after a reporting
word, before what was said ("said on Friday that ...", "وأكدت الوكالة، الجمعة، ..."), is when
it was said (``reported``); the others are about the event. Words come from the language
files (``roles.weekdays``, ``roles.months`` and the ``time`` section).

Clock times are in :mod:`factcheck.mentions.clock`; this module re-exports its check.

>>> from datetime import date
>>> event_date_for("Le ministère a annoncé samedi que 15 personnes ont été tuées jeudi.",
...                "fr", date(2024, 8, 31))
datetime.date(2024, 8, 29)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Final

from factcheck import lang
from factcheck.errors import LanguageDataError
from factcheck.mentions.clock import TimeFinding, check_clock_times, utc_offset
from factcheck.mentions.phrases import PhraseIndex, Token, tokenize

__all__ = [
    "TimeExpression",
    "TimeFinding",
    "check_clock_times",
    "document_event_date",
    "event_date_for",
    "find_dates",
    "reported_at_for",
    "resolve_weekday",
    "utc_offset",
]

#: A day-month date without a year that would fall more than this many days after the
#: publication date is taken from the year before ("on 30 December" in a 2 January article).
FUTURE_SLACK_DAYS: Final = 1
_ISO: Final = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DMY: Final = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_ORDINAL_DAY: Final = re.compile(r"(\d{1,2})(?:er|st|nd|rd|th)?")


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A day named in a text: where, how (weekday, relative, date, month), which day, and
    whether it says when the event happened or when it was reported.

    ``day`` is None when it cannot be resolved (a weekday without a publication date); for a
    ``month`` it is the first of the month.
    """

    start: int
    end: int
    text: str
    kind: str
    day: date | None
    role: str  # "event" or "reported"


@dataclass(frozen=True, slots=True)
class _Words:
    weekdays: PhraseIndex[int]
    months: PhraseIndex[int]
    relative: PhraseIndex[int]
    cues: PhraseIndex[str]


@cache
def _words(language: str) -> _Words:
    """Indexes of one language's time words (cached); LanguageDataError if malformed."""
    data = lang.load(language)
    roles, time = data.get("roles") or {}, data.get("time") or {}
    prefixes = {language: data.get("prefixes") or {}}
    problems: list[str] = []
    tables: dict[str, PhraseIndex[int]] = {}
    for name, sources in (
        ("weekdays", (roles.get("weekdays"), time.get("weekdays"))),
        ("months", (roles.get("months"), time.get("months"))),
        ("relative_days", (time.get("relative_days"),)),
    ):
        index: PhraseIndex[int] = PhraseIndex(prefixes)
        for table in sources:
            for word, value in (table or {}).items():
                if not isinstance(value, int) or isinstance(value, bool):
                    problems.append(f"time.{name}.{word}: {value!r} is not a whole number")
                else:
                    index.add(str(word), value)
        tables[name] = index
    cues: PhraseIndex[str] = PhraseIndex(prefixes)
    for kind in ("report_cues", "content_cues"):
        for word in time.get(kind) or []:
            cues.add(str(word), kind)
    if problems:
        raise LanguageDataError(f"lang/{language}.yaml", problems)
    return _Words(tables["weekdays"], tables["months"], tables["relative_days"], cues)


def resolve_weekday(weekday: int, published: date) -> date:
    """The most recent ``weekday`` (0 = Monday) on or before ``published``.

    >>> resolve_weekday(3, date(2024, 8, 31))  # Thursday in a Saturday article
    datetime.date(2024, 8, 29)
    >>> resolve_weekday(5, date(2024, 8, 31))  # the publication day itself
    datetime.date(2024, 8, 31)
    """
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _as_date(published: date | datetime | None) -> date | None:
    return published.date() if isinstance(published, datetime) else published


def _number(token: Token | None, low: int, high: int) -> int | None:
    if token is None:
        return None
    match = _ORDINAL_DAY.fullmatch(token.key) if len(token.key) <= 4 else None
    value = int(match.group(1)) if match else None
    if value is None and token.key.isdigit() and len(token.key) == 4:
        value = int(token.key)
    return value if value is not None and low <= value <= high else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _explicit(
    text: str, tokens: list[Token], words: _Words, language: str, published: date | None
) -> list[tuple[int, int, str, date]]:
    """Dates written with a month name ("29 August 2024", "July 2021") or digits."""
    found: list[tuple[int, int, str, date]] = []
    for pattern, order in ((_ISO, "ymd"), (_DMY, "dmy")):
        for m in pattern.finditer(text):
            parts = dict(zip(order, (int(g) for g in m.groups()), strict=True))
            day = _safe_date(parts["y"], parts["m"], parts["d"])
            if day:
                found.append((m.start(), m.end(), "date", day))
    i = 0
    while i < len(tokens):
        hit = words.months.match_at(tokens, i, text, language)
        if hit is None:
            i += 1
            continue
        start, end, last, month = hit
        nxt = last + 1
        second = words.months.match_at(tokens, nxt, text, language) if nxt < len(tokens) else None
        if second is not None:  # "تموز/يوليو": two names of one month
            end, last = second[1], second[2]
            nxt = last + 1
        before = tokens[i - 1] if i > 0 else None
        after = tokens[nxt] if nxt < len(tokens) else None
        day_no = _number(before, 1, 31)
        year = _number(after, 1900, 2100)
        if day_no is None and (after_day := _number(after, 1, 31)) is not None:
            day_no = after_day  # "July 15, 2021"
            after = tokens[nxt + 1] if nxt + 1 < len(tokens) else None
            year = _number(after, 1900, 2100)
        if year is None and day_no is None:
            i = last + 1
            continue
        if day_no is not None and before is not None and before.key.startswith(str(day_no)):
            start = min(start, before.start)
        if year is not None and after is not None:
            end = max(end, after.end)
        if day_no is None:
            found.append((start, end, "month", date(year, month, 1)))
        else:
            if year is None:
                if published is None:
                    i = last + 1
                    continue
                year = published.year
                if (_safe_date(year, month, day_no) or published) > published + timedelta(
                    days=FUTURE_SLACK_DAYS
                ):
                    year -= 1
            day = _safe_date(year, month, day_no)
            if day:
                found.append((start, end, "date", day))
        i = last + 1
    return found


def find_dates(
    text: str, language: str, published: date | datetime | None = None
) -> list[TimeExpression]:
    """Every weekday, relative day, date and month in ``text``, resolved and given a role."""
    pub = _as_date(published)
    words = _words(language)
    tokens = tokenize(text)
    raw = _explicit(text, tokens, words, language, pub)
    taken = [(s, e) for s, e, _, _ in raw]
    for kind, index in (("weekday", words.weekdays), ("relative", words.relative)):
        for start, end, value in index.find(text, language):
            if any(s < end and start < e for s, e in taken):
                continue
            if kind == "weekday":
                day = resolve_weekday(value, pub) if pub else None
            else:
                day = pub + timedelta(days=value) if pub else None
            raw.append((start, end, kind, day))
            taken.append((start, end))
    raw.sort()
    reported = _reported_starts(text, tokens, words, language, [s for s, *_ in raw])
    return [
        TimeExpression(s, e, text[s:e], kind, day, "reported" if s in reported else "event")
        for s, e, kind, day in raw
    ]


def _reported_starts(
    text: str, tokens: list[Token], words: _Words, language: str, starts: list[int]
) -> set[int]:
    """Starts of the time words that say when something was said.

    After each reporting word, the first time word counts if it comes before what was said:
    before a word that opens it ("that", "أن", "que"), a colon, or a figure.
    """
    reported: set[int] = set()
    cues = words.cues.find(text, language)
    for k, (_, cue_end, kind) in enumerate(cues):
        if kind != "report_cues":
            continue
        stop = len(text)
        for start, _, other in cues[k + 1 :]:
            if other == "content_cues":
                stop = min(stop, start)
                break
        colon = text.find(":", cue_end)
        if colon >= 0:
            stop = min(stop, colon)
        figure = next(
            (t.start for t in tokens if t.start >= cue_end and t.key[:1].isdigit()), len(text)
        )
        following = [s for s in starts if cue_end <= s < min(stop, figure + 1)]
        if following:
            reported.add(following[0])
    return reported


def event_date_for(
    sentence: str,
    language: str,
    published: date | datetime | None,
    figure_at: int | None = None,
) -> date | None:
    """The day a sentence's event happened, when the sentence names one.

    ``figure_at`` (offset in the sentence) picks, among several event days, the nearest one
    before the figure (else the first after it). Month-only mentions are not days: None.
    """
    days = [
        x
        for x in find_dates(sentence, language, published)
        if x.role == "event" and x.kind != "month" and x.day is not None
    ]
    if not days:
        return None
    if figure_at is not None:
        before = [x for x in days if x.start <= figure_at]
        if before:
            return before[-1].day
    return days[0].day


def reported_at_for(sentence: str, language: str, published: date | datetime | None) -> date | None:
    """The day the speaker said it, when the sentence states one ("said on Friday")."""
    for x in find_dates(sentence, language, published):
        if x.role == "reported" and x.day is not None:
            return x.day
    return None


def document_event_date(text: str, language: str, published: date | datetime | None) -> date | None:
    """The first event day named in a document: a fallback for sentences that name none."""
    for x in find_dates(text, language, published):
        if x.role == "event" and x.kind != "month" and x.day is not None:
            return x.day
    return None
