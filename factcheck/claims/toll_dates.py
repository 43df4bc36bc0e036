"""Event days of one document's figures, settled across its sentences.

The time check dates each sentence; two document-level rules follow from how reports are
written (docs/claims.md, "Dates"):

- A sentence that names no day counts the event the document opened with: it takes the first
  day a figure's sentence names (a flash update's "since ... 11 August"), before the day the
  time check guesses for the whole document (its dateline may be the publication day).
- One running toll, one event: figures of the same measure and subject (scope event) in one
  document count the same event, so they share its earliest day. A later day named before a
  figure that is moved back ("since Wednesday, when the ministry reported at least 45",
  "ثم رفعتها الأربعاء إلى 45") is the day that figure was stated: its ``reported_at``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from factcheck.model import Claim, Document, Scope, Span
from factcheck.when import DayPart, Moment, day_of


def _timecheck() -> Any:
    try:
        from factcheck.mentions import timecheck
    except ImportError:  # optional stage: without it, nothing is dated here
        return None
    return timecheck


def named_day(doc: Document, span: Span, figure_at: int | None) -> date | None:
    """The event day sentence ``span`` itself names (None when it names none)."""
    tc = _timecheck()
    if tc is None or not hasattr(tc, "event_date_for"):
        return None
    sentence = doc.text[span.start : span.end]
    at = figure_at - span.start if figure_at is not None else None
    return tc.event_date_for(sentence, doc.language, doc.published, at)


def _day_before(doc: Document, claim: Claim) -> date | None:
    """The last day named in the claim's sentence before its figure, not after publication."""
    tc = _timecheck()
    if tc is None or not hasattr(tc, "find_dates"):
        return None
    origin = _sentence_start(doc.text, claim)
    if origin < 0:
        return None
    published = doc.published
    pub = day_of(published)
    days = [
        x.day
        for x in tc.find_dates(claim.sentence, doc.language, published)
        if x.kind != "month" and x.day is not None and origin + x.end <= claim.start
    ]
    days = [d for d in days if pub is None or d <= pub]
    return days[-1] if days else None


def _sentence_start(text: str, claim: Claim) -> int:
    """Offset of the claim's sentence in the text: the occurrence that holds the figure."""
    n = len(claim.sentence)  # an occurrence starting before this one ends before the figure
    at = text.find(claim.sentence, max(0, claim.start - n + 1)) if claim.sentence else -1
    while at >= 0 and not at <= claim.start < at + len(claim.sentence):
        at = text.find(claim.sentence, at + 1)
    return at


def settle_toll_dates(doc: Document, claims: list[Claim]) -> list[Claim]:
    """Claims of one document with one event day per running toll (module docstring)."""
    earliest: dict[tuple[object, ...], date] = {}
    for c in claims:
        if c.scope == Scope.EVENT and c.event_date is not None:
            key = (c.kind, c.measure, c.subject, c.subject_detail)
            if key not in earliest or c.event_date < earliest[key]:
                earliest[key] = c.event_date
    out = []
    for c in claims:
        key = (c.kind, c.measure, c.subject, c.subject_detail)
        first = earliest.get(key)
        if c.scope != Scope.EVENT or first is None or c.event_date is None or c.event_date <= first:
            out.append(c)
            continue
        stated = _day_before(doc, c)
        out.append(replace(c, event_date=first, reported_at=stated or c.reported_at))
    return out


def reported_at(stated: datetime | date | DayPart | None, doc: Document) -> Moment | None:
    """When the speaker gave the figure: the part of a day or the day the sentence states,
    else the publication. A stated day that is the publication's own day takes the publication
    time, so that "said on Wednesday" in an evening story is not placed at midnight, before
    the morning's figure; a part of a day ("Wednesday evening") stays that interval, and a
    statement's own clock time ("issued at 18:00") that minute."""
    if isinstance(stated, DayPart | datetime):
        return stated
    if stated is None or stated == day_of(doc.published):
        return doc.published
    return stated
