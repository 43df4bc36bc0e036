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
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Final

from factcheck.mentions.clock import TimeFinding, check_clock_times, utc_offset
from factcheck.mentions.dates import Taken, TimeWords, explicit_dates, merge_days, time_words
from factcheck.mentions.dayparts import reported_in
from factcheck.mentions.phrases import Words, recent_words
from factcheck.model import Document, Mention, Role, Span
from factcheck.when import DayPart, Moment, day_of, year_anchor

__all__ = [
    "TimeExpression",
    "TimeFinding",
    "check_clock_times",
    "document_event_date",
    "event_date_for",
    "find_dates",
    "reported_at_for",
    "resolve_dates",
    "resolve_event_date",
    "resolve_reported_at",
    "resolve_weekday",
    "utc_offset",
]

#: A document's fallback event day is the first day it names within this many days before
#: publication: older days are background, later ones (after publication) announcements.
DOCUMENT_EVENT_WINDOW_DAYS: Final = 7
#: A time word at most this many words after a toll-update word ("rose on Wednesday",
#: "s'est alourdi mercredi") is when the toll was given, not when the event happened.
UPDATE_NEAR_WORDS: Final = 2
#: A date followed by "(Agency) -" is a dateline: when the report was filed.
_DATELINE: Final = re.compile(r"\s*\([^()\n]{1,40}\)\s*[-—–]")
_CLAUSE_END: Final = re.compile(r"[,;:.،؛]\s")


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


def resolve_weekday(weekday: int, published: date) -> date:
    """The most recent ``weekday`` (0 = Monday) on or before ``published``.

    >>> resolve_weekday(3, date(2024, 8, 31))  # Thursday in a Saturday article
    datetime.date(2024, 8, 29)
    >>> resolve_weekday(5, date(2024, 8, 31))  # the publication day itself
    datetime.date(2024, 8, 31)
    """
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _as_date(published: Moment | None) -> date | None:
    """The publication day; None when only its month or year is known."""
    return day_of(published)


#: Sentences whose days are kept for the next callers: the claims stage asks three times about
#: the same sentence in a row (event day, reported day, the day it names), never more.
RECENT_SENTENCES: Final = 64


def find_dates(text: str, language: str, published: Moment | None = None) -> list[TimeExpression]:
    """Every weekday, relative day, date and month in ``text``, resolved and given a role."""
    return list(_find_dates(text, language, published, _stamp(published)))


def _stamp(published: Moment | None) -> str:
    """Part of the cache keys below: two aware datetimes of the same instant in different time
    zones compare (and hash) equal but fall on different days, so the moment is keyed as
    written (with its zone), never by ``==`` alone."""
    return repr(published)


@lru_cache(maxsize=RECENT_SENTENCES)
def _find_dates(
    text: str, language: str, published: Moment | None, stamp: str
) -> tuple[TimeExpression, ...]:  # stamp: only in the cache key (see _stamp)
    words = time_words(language)
    tokens = recent_words(text)  # the searches below read the same words
    if _names_no_day(text, tokens, words, language):
        return ()  # most sentences: every search below would find nothing
    pub = _as_date(published)
    raw = explicit_dates(text, tokens, words, language, year_anchor(published))
    taken = Taken([(s, e) for s, e, _, _ in raw])
    for kind, index in (("weekday", words.weekdays), ("relative", words.relative)):
        for start, end, value in index.find(text, language):
            if taken.overlaps(start, end):
                continue
            if kind == "weekday":
                day = resolve_weekday(value, pub) if pub else None
            else:
                day = pub + timedelta(days=value) if pub else None
            raw.append((start, end, kind, day))
            taken.add(start, end)
    raw = merge_days(text, sorted(raw), words, language)
    reported = _reported_starts(text, tokens, words, language, [s for s, *_ in raw])
    reported |= {s for s, e, kind, _ in raw if kind == "date" and _DATELINE.match(text, e)}
    return tuple(
        TimeExpression(s, e, text[s:e], kind, day, "reported" if s in reported else "event")
        for s, e, kind, day in raw
    )


def _names_no_day(text: str, tokens: Words, words: TimeWords, language: str) -> bool:
    """Whether ``text`` surely names no day: no month, weekday or relative-day phrase starts
    at any of its words, and no date is written in digits (``explicit_dates`` without words)."""
    indexes = (words.months, words.weekdays, words.relative)
    keys = set(tokens.keys)
    if any(index.names_any(tokens, text, language, keys) for index in indexes):
        return False
    return not explicit_dates(text, [], words, language, None)


def _reported_starts(
    text: str, tokens: Words, words: TimeWords, language: str, starts: list[int]
) -> set[int]:
    """Starts of the time words that say when something was said.

    After each reporting word, the first time word counts if it comes before what was said:
    before a word that opens it ("that", "أن", "que"), a colon, or a figure.
    """
    reported: set[int] = set()
    token_starts = tokens.starts
    figures = [s for s, k in zip(token_starts, tokens.keys, strict=True) if k[:1].isdigit()]
    cues = words.cues.find(text, language)
    colons = [m.start() for m in re.finditer(":", text)]
    clause_ends = [m.start() for m in _CLAUSE_END.finditer(text)]
    content = len(text)  # start of the first content cue after each cue (walked backwards)
    next_content = [content] * len(cues)
    for k in range(len(cues) - 1, -1, -1):
        next_content[k] = content
        if cues[k][2] == "content_cues":
            content = cues[k][0]
    for k, (_, cue_end, kind) in enumerate(cues):
        if kind in ("update_cues", "asof_cues"):  # "rose to 45 on Sunday", "45 as of Sunday"
            reported |= _update_day(text, token_starts, figures, cue_end, starts, clause_ends)
        if kind != "report_cues":
            continue
        stop = next_content[k]
        colon = _next_figure(colons, cue_end, -1)
        if colon >= 0:
            stop = min(stop, colon)
        figure = _next_figure(figures, cue_end, len(text))
        first = bisect_left(starts, cue_end)
        if first < len(starts) and starts[first] < min(stop, figure + 1):
            reported.add(starts[first])
    return reported


def _next_figure(figures: list[int], pos: int, default: int) -> int:
    """The first of the sorted offsets ``figures`` at or after ``pos`` (the first figure, colon
    or clause end after a cue), else ``default``."""
    k = bisect_left(figures, pos)
    return figures[k] if k < len(figures) else default


def _update_day(
    text: str,
    token_starts: list[int],
    figures: list[int],
    cue_end: int,
    starts: list[int],
    clause_ends: list[int],
) -> set[int]:
    """The time word a toll-update word dates: right after it, or after the figure
    (``clause_ends``: where each match of ``_CLAUSE_END`` in the text starts)."""
    stop = _next_figure(clause_ends, cue_end, len(text))
    figure = _next_figure(figures, cue_end, len(text))
    k = bisect_left(starts, cue_end)
    if k < len(starts) and starts[k] < stop:
        start = starts[k]
        between = bisect_left(token_starts, start) - bisect_left(token_starts, cue_end)
        if between <= UPDATE_NEAR_WORDS or start > figure:
            return {start}
    return set()


def event_date_for(
    sentence: str,
    language: str,
    published: Moment | None,
    figure_at: int | None = None,
) -> date | None:
    """The day a sentence's event happened, when the sentence names one.

    ``figure_at`` (offset in the sentence) picks, among several event days, the nearest one
    before the figure (else the first after it). Month-only mentions are not days: None.
    """
    return _event_day(find_dates(sentence, language, published), figure_at)


def _event_day(found: list[TimeExpression], figure_at: int | None) -> date | None:
    """:func:`event_date_for` of the days ``found`` in a sentence."""
    days = [x for x in found if x.role == "event" and x.kind != "month" and x.day is not None]
    if not days:
        return None
    if figure_at is not None:
        before = [x for x in days if x.start <= figure_at]
        if before:
            return before[-1].day
    return days[0].day


def reported_at_for(sentence: str, language: str, published: Moment | None) -> date | None:
    """The day the speaker said it, when the sentence states one ("said on Friday")."""
    for x in find_dates(sentence, language, published):
        if x.role == "reported" and x.day is not None:
            return x.day
    return None


@lru_cache(maxsize=4)  # the document being read; a few, so no cache keeps every text alive
def _document_day(text: str, language: str, published: Moment | None, stamp: str) -> date | None:
    return document_event_date(text, language, published)


def resolve_event_date(doc: Document, span: Span, mentions: list[Mention]) -> date | None:
    """The event day of the figures in sentence ``span`` of ``doc`` (claims stage entry).

    The day the sentence names for its first figure, else the document's event day
    (:func:`document_event_date`); the caller clears it for context figures.
    """
    return resolve_dates(doc, span, mentions)[0]


def resolve_dates(
    doc: Document, span: Span, mentions: list[Mention]
) -> tuple[date | None, datetime | date | DayPart | None]:
    """(:func:`resolve_event_date`, :func:`resolve_reported_at`) of sentence ``span``, reading
    the sentence, its first figure and its days once for both."""
    sentence, at = _sentence_figure(doc, span, mentions)
    days = find_dates(sentence, doc.language, doc.published)
    day = _event_day(days, at)
    if day is None:
        day = _document_day(doc.text, doc.language, doc.published, _stamp(doc.published))
    return day, reported_in(sentence, days, doc.language, doc.published, at)


def _sentence_figure(doc: Document, span: Span, mentions: list[Mention]) -> tuple[str, int | None]:
    """The text of sentence ``span`` and where its first figure starts in it (None: none)."""
    figure = next(
        (m.start for m in mentions if m.role == Role.CLAIM and span.start <= m.start < span.end),
        None,
    )
    return doc.text[span.start : span.end], figure - span.start if figure is not None else None


def resolve_reported_at(
    doc: Document, span: Span, mentions: list[Mention]
) -> datetime | date | DayPart | None:
    """The day sentence ``span`` says its speaker spoke, as the part of it the sentence names
    ("on Thursday evening"), if it names one (claims stage entry); None means "the
    publication time" to the caller."""
    sentence, at = _sentence_figure(doc, span, mentions)
    days = find_dates(sentence, doc.language, doc.published)
    return reported_in(sentence, days, doc.language, doc.published, at)


def document_event_date(text: str, language: str, published: Moment | None) -> date | None:
    """The day a document's event happened, for sentences that name none.

    The first event day named within DOCUMENT_EVENT_WINDOW_DAYS before publication (the lead
    names the event's day; later days are updates or announcements); else the first day named
    as when something was said (an arrest announced on Tuesday
    happened by Tuesday); else the first event day named.
    """
    pub = _as_date(published)
    found = [x for x in find_dates(text, language, published) if x.kind != "month" and x.day]
    if pub is not None:
        window = pub - timedelta(days=DOCUMENT_EVENT_WINDOW_DAYS)
        for role in ("event", "reported"):
            days = [x.day for x in found if x.role == role and window <= x.day <= pub]
            if days:
                return days[0]
    events = [x.day for x in found if x.role == "event"]
    return events[0] if events else None
