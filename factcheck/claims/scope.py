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

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from itertools import pairwise
from typing import Any, Final

from factcheck.claims.attribution import SentenceView
from factcheck.claims.lexicon import Lexicon, Token
from factcheck.claims.scans import reader
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
#: Tokens a context cue may run past the window it starts in ("so far this year").
CUE_LENGTH: Final = 12
#: How far into its clause a context cue may start and still cover the whole clause (a
#: conjunction before it: "And since the start of the year").
OPENING: Final = 1
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
    memo: dict[object, object] | None = None,
) -> Scope:
    """The scope of the figure at tokens ``figure`` from the cues of its clause (never from
    words of the figure itself: "لا يوجد أي مؤشر" is not "يوجد").

    A running total ("since October 2023", "منذ أبريل 2023", "depuis 2014") is context; a year
    before the publication year names another incident, unless it only anchors a comparison
    after "since" ("the biggest since the pension battles of 2023").

    ``memo`` (one dict per document) keeps what each clause says, so that the figures of one
    long clause do not each read it again.
    """
    clause = sv.clause_of(figure[0])
    lo = sv.clause_starts[clause]
    hi = sv.clause_starts[clause + 1] if clause + 1 < len(sv.clause_starts) else sv.hi
    near_lo, near_hi = max(lo, figure[0] - CUE_WINDOW), min(hi, figure[1] + CUE_WINDOW)
    cues = lex.context.scan(tokens, near_lo, min(hi, near_hi + CUE_LENGTH))
    if any(not _inside(m.first, figure) and m.first < near_hi for m in cues):
        return Scope.CONTEXT  # a cue starting near the figure ("in Haiti so far this year")
    if figure[0] > lo + OPENING and any(
        m.first <= lo + OPENING for m in lex.context.scan(tokens, lo, min(hi, lo + CUE_LENGTH))
    ):
        return Scope.CONTEXT  # "Depuis le début de l'année, ... 96 civils": the clause's opening
    memo = {} if memo is None else memo
    found = memo.get((lo, hi))
    if not isinstance(found, _Clause):
        found = memo[(lo, hi)] = _Clause.read(tokens, lo, hi, lex, _Years.of(years, memo), figures)
    if found.context_firsts and found.context_firsts[-1] >= figure[1]:
        return Scope.CONTEXT  # "10 million displaced inside Sudan since the conflict erupted"
    if figure in found.totals:
        return Scope.CONTEXT  # "4,200 killed since October 2023", "since 2023 to 40,000"
    if found.other_firsts and (
        found.other_firsts[0] < figure[0] or found.other_firsts[-1] >= figure[1]
    ):
        return Scope.OTHER_EVENT
    if published is not None and any(
        year < published.year
        and (figure[0] > j or not any(j - SINCE_REACH <= k < j for k in found.since))
        for j, year in found.years
    ):
        return Scope.OTHER_EVENT  # "since April 2023, when nearly 900 were released"
    return Scope.EVENT


@dataclass(frozen=True, slots=True)
class _Clause:
    """What one clause says for :func:`scope_of`, whatever figure of it is asked about."""

    context_firsts: list[int]  # sorted starts of the context-clause cues
    totals: list[tuple[int, int] | None]  # the figures running totals ("since ...") are about
    other_firsts: list[int]  # sorted starts of the other-event cues
    since: list[int]
    years: list[tuple[int, int]]  # (token, year) of the years inside the clause

    @staticmethod
    def read(
        tokens: list[Token],
        lo: int,
        hi: int,
        lex: Lexicon,
        years: _Years,
        figures: list[tuple[int, int]] | None,
    ) -> _Clause:
        scan = reader(
            lex,
            "clause scope",
            (lex.context_clause, lex.other_event),
            (lex.since_words, _months(lex.language)),
        )
        (context, other), (since, named) = scan.scan(tokens, lo, hi)
        totals = []
        for k in since:  # the first year (anywhere) or month (in the clause) just after "since"
            after = [j for j in (years.first_after(k), _first_after(named, k)) if j is not None]
            d = min(after) if after else None
            if d is not None and d <= k + SINCE_DATE_GAP:
                totals.append(_total_of(tokens, k, d, figures, lex))
        return _Clause(
            sorted(m.first for m in context),
            totals,
            sorted(m.first for m in other),
            since,
            years.within(lo, hi),
        )


class _Years:
    """A document's years (token, year), indexed by token once per document."""

    def __init__(self, years: list[tuple[int, int]]):
        self.given = years
        self.sorted = sorted(years)
        self.tokens = [j for j, _ in self.sorted]
        self.in_order = all(x <= y for x, y in pairwise(years))

    @staticmethod
    def of(years: list[tuple[int, int]], memo: dict[object, object]) -> _Years:
        found = memo.get("years")
        if not isinstance(found, _Years) or found.given is not years:
            found = memo["years"] = _Years(years)
        return found

    def first_after(self, k: int) -> int | None:
        return _first_after(self.tokens, k)

    def within(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The years of tokens ``[lo, hi)``, in the order given."""
        if not self.in_order:
            return [(j, year) for j, year in self.given if lo <= j < hi]
        return self.sorted[bisect_left(self.tokens, lo) : bisect_left(self.tokens, hi)]


def _first_after(sorted_tokens: list[int], k: int) -> int | None:
    """The first of ``sorted_tokens`` after ``k``."""
    i = bisect_right(sorted_tokens, k)
    return sorted_tokens[i] if i < len(sorted_tokens) else None


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
    starts = [t.start for t in tokens]
    for m in mentions:
        if m.role != Role.DATE or m.low is None or not 1900 <= m.low <= 2100:
            continue
        j = bisect_left(starts, m.start)
        j = j if j < len(tokens) else len(tokens) - 1
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
    if tc is None:
        return None, None
    return tc.resolve_dates(doc, span, mentions)  # both, reading the sentence once
