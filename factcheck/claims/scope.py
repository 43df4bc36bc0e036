"""Which event a figure belongs to (scope), what kind of figure it is, and when.

- other_event: the clause names another incident ("a similar raid", "last year", "غارة مماثلة",
  "l'an dernier") or carries a year other than the publication year;
- context: the clause describes a standing level or a running total ("remain in Iraq",
  "ما زالوا منتشرين", "since the war began", "depuis le début"), listed under ``context``;
- event: everything else.

Dates come from :mod:`factcheck.mentions.timecheck` when it is installed; a figure about the
event without a date in its sentence takes the first event date of the document.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import Any, Final

from factcheck.claims.attribution import SentenceView
from factcheck.claims.lexicon import Lexicon, Token
from factcheck.lang import load
from factcheck.model import Document, Kind, Mention, Role, Scope, Span
from factcheck.text.normalize import lookup_key
from factcheck.when import Moment

#: Measures whose figures are casualties; the rest are counts, except force sizes.
CASUALTY_MEASURES: Final = frozenset({"killed", "wounded", "casualties", "missing"})
FORCE_MEASURES: Final = frozenset({"deployed"})
#: How near a figure (in tokens) a context cue must be: "home to about 800,000" is context,
#: a later figure of the same clause is not.
CUE_WINDOW: Final = 6
#: How close after "since", "منذ", "depuis" a date must come for a running total.
SINCE_DATE_GAP: Final = 2
#: How far after "since" a year may come and still only anchor a comparison.
SINCE_REACH: Final = 8
#: Measures that are always background: a city's population is not a figure of the event.
CONTEXT_MEASURES: Final = frozenset({"population"})


def kind_of(measure: str) -> Kind:
    """casualty for tolls, force_size for troops deployed, count for anything else."""
    if measure in CASUALTY_MEASURES:
        return Kind.CASUALTY
    if measure in FORCE_MEASURES:
        return Kind.FORCE_SIZE
    return Kind.COUNT


def _inside(j: int, figure: tuple[int, int]) -> bool:
    return figure[0] <= j < figure[1]


def scope_of(
    tokens: list[Token],
    sv: SentenceView,
    figure: tuple[int, int],
    lex: Lexicon,
    years: list[tuple[int, int]],
    published: Moment | None,
    figures: list[tuple[int, int]] | None = None,
) -> Scope:
    """The scope of the figure at tokens ``figure`` from the cues of its clause (never from
    words of the figure itself: "لا يوجد أي مؤشر" is not "يوجد").

    A running total ("since October 2023", "منذ أبريل 2023", "depuis 2014") is context; a year
    before the publication year names another incident, unless it only anchors a comparison
    after "since" ("the biggest since the pension battles of 2023").
    """
    clause = sv.clause_of(figure[0])
    lo = sv.clause_starts[clause]
    hi = sv.clause_starts[clause + 1] if clause + 1 < len(sv.clause_starts) else sv.hi
    near_lo, near_hi = max(lo, figure[0] - CUE_WINDOW), min(hi, figure[1] + CUE_WINDOW)
    if any(not _inside(m.first, figure) for m in lex.context.scan(tokens, near_lo, near_hi)):
        return Scope.CONTEXT
    if any(m.first >= figure[1] for m in lex.context_clause.scan(tokens, lo, hi)):
        return Scope.CONTEXT  # "10 million displaced inside Sudan since the conflict erupted"
    since = [k for k in range(lo, hi) if tokens[k].is_word and tokens[k].key in lex.since_words]
    dated = {j for j, _ in years} | {
        k for k in range(lo, hi) if tokens[k].is_word and tokens[k].key in _months(lex.language)
    }
    for k in since:
        d = next((j for j in sorted(dated) if k < j <= k + SINCE_DATE_GAP), None)
        if d is not None and _total_of(tokens, k, d, figures, lex) == figure:
            return Scope.CONTEXT  # "4,200 killed since October 2023", "since 2023 to 40,000"
    if any(not _inside(m.first, figure) for m in lex.other_event.scan(tokens, lo, hi)):
        return Scope.OTHER_EVENT
    if published is not None and any(
        lo <= j < hi
        and year < published.year
        and (figure[0] > j or not any(j - SINCE_REACH <= k < j for k in since))
        for j, year in years
    ):
        return Scope.OTHER_EVENT  # "since April 2023, when nearly 900 were released"
    return Scope.EVENT


def _total_of(
    tokens: list[Token], k: int, d: int, figures: list[tuple[int, int]] | None, lex: Lexicon
) -> tuple[int, int] | None:
    """The figure a running total "since <date>" (since at ``k``, date at ``d``) is about: the
    next figure after the date ("the toll since October 2023 rose to 40,000") unless a "when"
    clause makes it another incident ("since April 2023, when nearly 900 ..."), else the figure
    just before "since" ("4,200 people have been killed since October 2023")."""
    ranked = sorted(figures or [])
    after = [f for f in ranked if f[0] > d]
    if after:
        between = range(d + 1, after[0][0])
        if not any(tokens[j].is_word and tokens[j].key in lex.when_words for j in between):
            return after[0]
        return None
    before = [f for f in ranked if f[1] <= k]
    return before[-1] if before else None


@cache
def _months(language: str) -> frozenset[str]:
    """Month names of a language from its language data (empty when it has none)."""
    names: set[str] = set()
    for section in load(language).values():  # the months live in the dates' section
        if isinstance(section, dict) and isinstance(section.get("months"), dict):
            names |= {lookup_key(str(m)) for m in section["months"]}
    return frozenset(names)


def year_mentions(mentions: list[Mention], tokens: list[Token]) -> list[tuple[int, int]]:
    """(token index, year) of every date mention that is a bare or month-qualified year."""
    out: list[tuple[int, int]] = []
    for m in mentions:
        if m.role != Role.DATE or m.low is None or not 1900 <= m.low <= 2100:
            continue
        j = next((k for k, t in enumerate(tokens) if t.start >= m.start), len(tokens) - 1)
        out.append((j, int(m.low)))
    return out


def _timecheck() -> Any:
    try:
        from factcheck.mentions import timecheck
    except ImportError:  # the time check is optional: figures then carry no event date
        return None
    return timecheck


def sentence_dates(
    doc: Document, span: Span, mentions: list[Mention]
) -> tuple[date | None, datetime | date | None]:
    """(event_date, reported_at) the time check finds in one sentence, when it can."""
    tc = _timecheck()
    event: date | None = None
    reported: datetime | date | None = None
    if tc is not None and hasattr(tc, "resolve_event_date"):
        event = tc.resolve_event_date(doc, span, mentions)
    if tc is not None and hasattr(tc, "resolve_reported_at"):
        reported = tc.resolve_reported_at(doc, span, mentions)
    return event, reported
