"""Day words of one language and dates written out: the parts of the time check that read.

``time_words(language)`` indexes the weekday, month, relative-day and cue words of
``lang/<code>.yaml`` (``roles.weekdays``, ``roles.months`` and the ``time`` section);
``explicit_dates`` reads "29 August 2024", "١٥ تموز/يوليو ٢٠٢١", "2024-08-29", "06/02/2023";
``merge_days`` joins "اليوم الجمعة", "samedi 11 mars" and "ليل الخميس إلى الجمعة" into one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import pairwise
from typing import Final

from factcheck import lang
from factcheck.errors import LanguageDataError
from factcheck.mentions.phrases import PhraseIndex, Token, Words

#: Two days at most this many characters apart can be joined ("الخميس إلى الجمعة").
MAX_JOIN_GAP: Final = 12
#: What may stand between two time words read as one ("اليوم الجمعة", "hier (jeudi)").
_JOINED: Final = re.compile(r"[\s,،()]*")
_ISO: Final = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DMY: Final = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_ORDINAL_DAY: Final = re.compile(r"(\d{1,2})(?:er|st|nd|rd|th)?")


@dataclass(frozen=True, slots=True)
class TimeWords:
    weekdays: PhraseIndex[int]
    months: PhraseIndex[int]
    relative: PhraseIndex[int]
    cues: PhraseIndex[str]
    joiners: PhraseIndex[str]


@cache
def time_words(language: str) -> TimeWords:
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
    for kind in ("report_cues", "content_cues", "update_cues", "asof_cues"):
        for word in time.get(kind) or []:
            cues.add(str(word), kind)
    joiners: PhraseIndex[str] = PhraseIndex(prefixes)
    for word in time.get("range_joiners") or []:
        joiners.add(str(word), "joiner")
    if problems:
        raise LanguageDataError(f"lang/{language}.yaml", problems)
    return TimeWords(tables["weekdays"], tables["months"], tables["relative_days"], cues, joiners)


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


def explicit_dates(
    text: str, tokens: list[Token] | Words, words: TimeWords, language: str, published: date | None
) -> list[tuple[int, int, str, date]]:
    """Dates written with a month name ("29 August 2024", "July 2021") or digits."""
    found: list[tuple[int, int, str, date]] = []
    for pattern, order, sign in ((_ISO, "ymd", "-"), (_DMY, "dmy", "/")):
        if sign not in text:
            continue  # each pattern needs its separator (most sentences have neither)
        for m in pattern.finditer(text):
            parts = dict(zip(order, (int(g) for g in m.groups()), strict=True))
            day = _safe_date(parts["y"], parts["m"], parts["d"])
            if day:
                found.append((m.start(), m.end(), "date", day))
    i = 0
    months = words.months.candidates(tokens, language) if len(tokens) else []
    for k in months:  # match_at finds nothing elsewhere
        if k < i:
            continue
        i = k
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
        day_no, day_token = _number(before, 1, 31), before
        if day_no is None and (after_day := _number(after, 1, 31)) is not None:
            day_no, day_token = after_day, after  # "July 15, 2021"
            after = tokens[nxt + 1] if nxt + 1 < len(tokens) else None
        year = _number(after, 1900, 2100)
        if year is None and day_no is None:
            i = last + 1
            continue
        if day_token is not None and day_no is not None:
            start, end = min(start, day_token.start), max(end, day_token.end)
            if day_token is before and i >= 3 and words.joiners.lookup(tokens[i - 2].text):
                first = _number(tokens[i - 3], 1, 31)  # "10 and 11 September": the first day
                if first is not None:
                    day_no, start = first, tokens[i - 3].start
        if year is not None and after is not None:
            end = max(end, after.end)
        if day_no is None:
            found.append((start, end, "month", date(year, month, 1)))
        else:
            if year is None:
                if published is None:
                    i = last + 1
                    continue
                year = _nearest_year(published, month, day_no)
            day = _safe_date(year, month, day_no)
            if day:
                found.append((start, end, "date", day))
        i = last + 1
    return found


def _nearest_year(published: date, month: int, day: int) -> int:
    """The year that puts day/month nearest the publication ("30 December" in January)."""
    years = [y for y in (published.year - 1, published.year, published.year + 1)]
    dated = [(abs((d - published).days), y) for y in years if (d := _safe_date(y, month, day))]
    return min(dated)[1] if dated else published.year


def merge_days(
    text: str, raw: list[tuple[int, int, str, date | None]], words: TimeWords, language: str
) -> list[tuple[int, int, str, date | None]]:
    """One expression for "اليوم الجمعة", "hier jeudi" (relative + weekday), "samedi 11 mars"
    (weekday + date: the date), and for a night
    or span "ليل الخميس إلى الجمعة", "de jeudi à vendredi" (kept as its first day)."""
    out: list[tuple[int, int, str, date | None]] = []
    for item in raw:
        if out:
            ps, pe, pkind, pday = out[-1]
            s, e, kind, day = item
            gap = text[pe:s]
            if {pkind, kind} == {"weekday", "date"} and _JOINED.fullmatch(gap):
                out[-1] = (ps, e, "date", pday if pkind == "date" else day)
                continue
            if {pkind, kind} == {"relative", "weekday"} and _JOINED.fullmatch(gap):
                weekday_day = pday if pkind == "weekday" else day
                out[-1] = (ps, e, "weekday", weekday_day or pday or day)
                continue
            joined = words.joiners.find(gap, language) if len(gap) <= MAX_JOIN_GAP else []
            if (
                pkind == kind == "weekday"
                and len(joined) == 1
                and not gap.replace(gap[joined[0][0] : joined[0][1]], "").strip(" ,،")
            ):
                out[-1] = (ps, e, "weekday", pday)
                continue
        out.append(item)
    return out


class Taken:
    """Spans already read as days: whether a new one overlaps one, by bisection while they
    are disjoint (always, in practice), else by a scan."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.disjoint = all(a[1] <= b[0] for a, b in pairwise(self.spans))

    def overlaps(self, start: int, end: int) -> bool:
        if not self.disjoint:
            return any(s < end and start < e for s, e in self.spans)
        k = bisect_left(self.spans, (end,))  # spans starting before ``end``
        return k > 0 and self.spans[k - 1][1] > start

    def add(self, start: int, end: int) -> None:
        insort(self.spans, (start, end))
