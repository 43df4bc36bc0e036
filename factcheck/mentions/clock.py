"""Clock times and their zones: does "04:00 (01:00 GMT)" fit the case's time zone?

A clock time followed by a zone word ("GMT", "بتوقيت جرينتش", "heure de Paris") is in that
zone; one without is local (the case's ``timezone``). A local time paired with a GMT/UTC (or
other named-zone) time close by is checked: the offset the pair implies must be the offset
of the local zone on that day, from the IANA database (``zoneinfo``). Without the database
(no ``tzdata``), ``data/timezones.yaml`` gives fixed standard/summer offsets.

>>> from factcheck.model import Document
>>> doc = Document("d", "p", "en", "The raid began at 04:00 local time (01:00 GMT).")
>>> [f.message for f in check_clock_times(doc, timezone="Asia/Baghdad")]
['04:00 local = 01:00 GMT: consistent (UTC+3)']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from factcheck import lang
from factcheck.errors import CaseError
from factcheck.mentions.phrases import PhraseIndex, tokenize
from factcheck.model import Document, Mention, Role, Span
from factcheck.when import day_of

#: Two clock times at most this many characters apart (and on one line) can be a
#: local/GMT pair: "04:00 من فجر الخميس (01:00 بتوقيت جرينتش)" is 27 apart.
PAIR_MAX_CHARS: Final = 80
#: A zone word may follow a clock time after at most this many words ("4 a.m. local time").
ZONE_MAX_WORDS: Final = 1
#: How far after a clock time to look for its zone word, in characters.
ZONE_WINDOW_CHARS: Final = 40
_UTC_NAMES: Final = frozenset({"GMT", "UTC"})
_PATTERNS: Final = (
    re.compile(r"(?<![\d:.,])(\d{1,2})(?::(\d{2}))?\s?([ap])\.?\s?m\b\.?", re.IGNORECASE),
    re.compile(r"(?<![\d:.,])(\d{1,2})\s?(?::|h\s?)(\d{2})(?![\d:])"),
    re.compile(r"(?<![\d:.,])(\d{1,2})\s?h(?!\w)"),
)
_FOUR_DIGITS: Final = re.compile(r"(?<![\d:.,])([01]\d|2[0-3])([0-5]\d)(?![\d:.,])")


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A clock time in a text: offsets, minutes after midnight, and its zone word if any."""

    start: int
    end: int
    minutes: int
    zone: str | None  # "GMT", "UTC", "local", an IANA name, or None (unmarked: local)

    @property
    def hhmm(self) -> str:
        return f"{self.minutes // 60:02d}:{self.minutes % 60:02d}"


@dataclass(frozen=True, slots=True)
class TimeFinding:
    """A local clock time and its GMT (or other zone) equivalent, checked against the zone."""

    spans: tuple[Span, ...]
    local: str
    utc: str
    zone: str | None
    offset: str
    implied: str
    consistent: bool | None
    message: str


@cache
def _zone_words(language: str | None) -> PhraseIndex[str]:
    codes = [language] if language in lang.available() else list(lang.available())
    index: PhraseIndex[str] = PhraseIndex({c: lang.load(c).get("prefixes") or {} for c in codes})
    for code in codes:
        for word, zone in ((lang.load(code).get("time") or {}).get("zones") or {}).items():
            index.add(str(word), str(zone))
    return index


def _zone_after(text: str, end: int, language: str | None) -> str | None:
    window = text[end : end + ZONE_WINDOW_CHARS]
    for start, _, zone in _zone_words(language).find(window, language):
        gap = window[:start]
        if len(tokenize(gap)) <= ZONE_MAX_WORDS and not re.search(r"[\d,،;.]\s", gap + " "):
            return zone
        break
    return None


def find_clock_times(text: str, language: str | None = None) -> list[ClockTime]:
    """Every clock time in ``text`` ("04:00", "4 a.m.", "14h30", "0100 GMT") with its zone."""
    found: list[ClockTime] = []
    taken: list[tuple[int, int]] = []
    for n, pattern in enumerate(_PATTERNS):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            groups = (*m.groups(), None, None)
            hour, minute = int(groups[0]), int(groups[1] or 0)
            if n == 0:
                hour = hour % 12 + (12 if m.group(3).lower() == "p" else 0)
            if hour > 23 or minute > 59:
                continue
            taken.append(m.span())
            zone = _zone_after(text, m.end(), language)
            found.append(ClockTime(m.start(), m.end(), hour * 60 + minute, zone))
    for m in _FOUR_DIGITS.finditer(text):  # "0100 GMT": only with a zone word after it
        zone = _zone_after(text, m.end(), language)
        if zone and not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(ClockTime(m.start(), m.end(), int(m[1]) * 60 + int(m[2]), zone))
    return sorted(found, key=lambda c: c.start)


@cache
def _fixed_offsets() -> dict[str, tuple[timedelta, ...]]:
    path = resources.files("factcheck") / "data" / "timezones.yaml"
    data = lang.parse_data(path.read_text(encoding="utf-8"))
    return {zone: tuple(_parse_offset(o) for o in pair) for zone, pair in data.items()}


def _parse_offset(text: str) -> timedelta:
    sign = -1 if text.startswith("-") else 1
    hours, minutes = text.lstrip("+-").split(":")
    return sign * timedelta(hours=int(hours), minutes=int(minutes))


def utc_offset(zone: str, when: datetime) -> tuple[timedelta, ...]:
    """The UTC offset(s) of ``zone`` at local time ``when``: one from the IANA database, or
    the standard and summer offsets of ``data/timezones.yaml`` when the database is missing.

    >>> utc_offset("Asia/Baghdad", datetime(2024, 8, 29, 4, 0))
    (datetime.timedelta(seconds=10800),)
    """
    if zone in _UTC_NAMES:
        return (timedelta(0),)
    try:
        offset = when.replace(tzinfo=ZoneInfo(zone)).utcoffset()
    except (ZoneInfoNotFoundError, ValueError):
        if zone in _fixed_offsets():
            return tuple(dict.fromkeys(_fixed_offsets()[zone]))
        raise CaseError(
            zone, "unknown time zone: not in the IANA database nor in data/timezones.yaml"
        ) from None
    return (offset or timedelta(0),)


def format_offset(offset: timedelta) -> str:
    """ "UTC+3", "UTC-4", "UTC+5:30"."""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def _wrap(minutes: int) -> int:
    """Minutes folded into the range of real UTC offsets, -12h to +14h."""
    minutes %= 24 * 60
    return minutes - 24 * 60 if minutes > 14 * 60 else minutes


def _pairs(times: Sequence[ClockTime], text: str) -> list[tuple[ClockTime, ClockTime]]:
    pairs = []
    for a, b in pairwise(times):
        if b.start - a.end > PAIR_MAX_CHARS or "\n" in text[a.end : b.start]:
            continue
        local_a, local_b = a.zone in (None, "local"), b.zone in (None, "local")
        if local_a and not local_b:
            pairs.append((a, b))
        elif local_b and not local_a:
            pairs.append((b, a))
        elif not local_a and not local_b and (a.zone in _UTC_NAMES) != (b.zone in _UTC_NAMES):
            pairs.append((b, a) if a.zone in _UTC_NAMES else (a, b))
    return pairs


def check_clock_times(
    doc: Document,
    mentions: Sequence[Mention] | None = None,
    timezone: str | None = None,
    on: date | None = None,
) -> list[TimeFinding]:
    """Each local/other-zone clock-time pair of ``doc`` with whether it fits ``timezone``.

    ``mentions`` (role time) restrict the check to those spans when any has that role;
    ``on`` is the day the times are on (default: the publication day), for summer time.
    """
    times = find_clock_times(doc.text, doc.language)
    spans = [(m.start, m.end) for m in mentions or () if m.role == Role.TIME]
    if spans:
        times = [c for c in times if any(s < c.end and c.start < e for s, e in spans)]
    day = on or day_of(doc.published)
    findings = []
    for local, ref in _pairs(times, doc.text):
        zone = local.zone if local.zone not in (None, "local") else timezone
        ref_label = ref.zone if ref.zone in _UTC_NAMES else f"{ref.zone} time"
        at = datetime.combine(day or date(2000, 1, 15), datetime.min.time())
        ref_off = utc_offset(str(ref.zone), at + timedelta(minutes=ref.minutes))[0]
        utc_minutes = (ref.minutes - int(ref_off.total_seconds() // 60)) % (24 * 60)
        implied = timedelta(minutes=_wrap(local.minutes - utc_minutes))
        head = f"{local.hhmm} local = {ref.hhmm} {ref_label}"
        utc = f"{utc_minutes // 60:02d}:{utc_minutes % 60:02d}"
        pair_spans = (Span(local.start, local.end), Span(ref.start, ref.end))
        if zone is None:
            message = f"{head}: implies {format_offset(implied)}; no time zone to check against"
            findings.append(
                TimeFinding(
                    pair_spans, local.hhmm, utc, None, "", format_offset(implied), None, message
                )
            )
            continue
        days = [day] if day else [date(2000, 1, 15), date(2000, 7, 15)]
        expected: list[timedelta] = []
        for d in days:
            when = datetime.combine(d, datetime.min.time()) + timedelta(minutes=local.minutes)
            expected.extend(o for o in utc_offset(zone, when) if o not in expected)
        consistent = implied in expected
        shown = format_offset(implied if consistent else expected[0])
        if consistent:
            message = f"{head}: consistent ({shown})"
        else:
            where = f" on {day.isoformat()}" if day else ""
            message = (
                f"{head}: inconsistent ({zone} is "
                f"{' or '.join(format_offset(o) for o in expected)}{where}; "
                f"the pair implies {format_offset(implied)})"
            )
        findings.append(
            TimeFinding(
                pair_spans,
                local.hhmm,
                utc,
                zone,
                shown,
                format_offset(implied),
                consistent,
                message,
            )
        )
    return findings
