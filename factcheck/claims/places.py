"""Which area a figure counts: the ``place`` column of the claims table.

A protest article gives a national total and city counts ("1,28 million dans toute la France",
"81 000 à Paris", "30 000 à Marseille"); a war report gives tolls by governorate ("12 killed
in Idlib, 5 in Aleppo", "مقتل 12 في إدلب و5 في حلب"). City figures must pair city by city and
never with the total, so each figure gets the canonical English name of its area.

The rule, in order (first that applies wins; thresholds named below):

1. **After the figure**: a place introduced by a locative ("à", "in", "في", or "ب" glued to
   the name) within ``MAX_AFTER_WORDS`` words after the figure and before a comma, a
   clause word ("and", "quand", "بينما") or the next figure: "81 000 à Paris", "30,000
   protesters in Marseille", "dans les rues de Lyon", "12 قتيلا بالرمادي". "nationwide" or
   "sur l'ensemble du territoire" there gives the country; "there"/"là" the place named before.
2. **Ellipsis**: a figure opening a verbless clause after a comma or conjunction ("…, 5 in
   Aleppo" has its own place; "…, la CGT 55 000" has not) takes the place of the figure before.
3. **Frame**: the nearest place introduced by a locative that opens a clause before the
   figure: "À Rennes, la CGT a compté 12 000", "In Leeds, police counted 3,500", "وفي حمص";
   or that follows a toll noun: "the death toll in Malatya rose to 420".
4. **Event location**: a country (or "nationwide") introduced by a locative anywhere in the
   figure's clause, commas included: "3,5 millions de salariés, …, ont manifesté partout en
   France" -> France; cities there are not taken (they may locate a speaker: "doctors at a
   hospital in Dongola said 130 …").
5. Otherwise the figure is about the event as a whole: ``country`` when the caller knows the
   event's country (the same value national totals get), else "".

A country name without a locative is an affiliation, not a place ("French police", "US
soldiers", "القوات العراقية"); demonyms are not in the gazetteer at all ("a Syrian refugee").
"The capital" is the capital of the country the sentence names, else of ``country``; places
joined by "and" give both names ("Aleppo + Idlib").

One event is often placed at different scales by different reports ("in western Iraq", "in
Anbar", nothing at all). :func:`settle_places` therefore keeps places only where the claims
of a case count the same thing in several areas (city counts and a national total), and gives
the case's country everywhere else, so the figures of a one-place event still meet.

>>> s = "81 000 à Paris selon la préfecture, 30 000 à Marseille"
>>> place_of_figure(s, 0, 6, "fr"), place_of_figure(s, 36, 42, "fr")
('Paris', 'Marseille')
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Hashable, Iterable, Sequence
from typing import Final, NamedTuple

from factcheck.claims.places_clause import Item, SentenceView
from factcheck.claims.places_load import Place, PlaceType, load_places

__all__ = [
    "Found",
    "Place",
    "PlaceType",
    "find_places",
    "locate_figure",
    "locate_figures",
    "main_country",
    "place_of_figure",
    "settle_places",
]

#: Words allowed between a figure and the locative of its place: the counted noun and a
#: verb group ("30 000 manifestants ont été comptabilisés à Marseille" has 4).
MAX_AFTER_WORDS: Final = 8
#: Words allowed before a locative that still opens its clause ("Meanwhile in Lyon", "أما في
#: حلب"); "A doctor at Kankan hospital told ..." has 2 and is a speaker's place, not a frame.
MAX_FRAME_LEAD: Final = 1
#: Words a toll noun may stand before the locative of its place ("حصيلة الضحايا في").
TOLL_WINDOW: Final = 2
#: Words a verbless elliptic clause may have before its figure ("la CGT 55 000", "le
#: syndicat environ 75 000").
MAX_ELLIPSIS_WORDS: Final = 3
#: A figure in digits when the caller does not say where the figures are ("81 000", "1,28").
_DIGITS: Final = re.compile(r"\d+(?:[ \u00a0\u202f.,]\d+)*")


def find_places(text: str, language: str) -> list[tuple[int, int, Place]]:
    """Every gazetteer place named in ``text``: (start, end, place), offsets into ``text``.

    Longest name first at each word ("bande de Gaza", not "Gaza"); Arabic clitics glued in
    front ("وبالرمادي") are left out of the span.

    >>> [(s, e, p.name) for s, e, p in find_places("مقتل 12 في إدلب و5 بالرمادي", "ar")]
    [(11, 15, 'Idlib'), (20, 27, 'Ramadi')]
    """
    return load_places().index.find(text, language)


def main_country(texts: str | Iterable[str], language: str | None = None) -> str:
    """The country whose places ``texts`` name most often (ties: named first), or "".

    Pass it as ``country`` to :func:`place_of_figure` for every figure of a case.

    >>> main_country(["81 000 à Paris", "30 000 à Marseille", "des heurts à Gaza"], "fr")
    'France'
    """
    counts: dict[str, int] = {}
    for text in [texts] if isinstance(texts, str) else texts:
        for _, _, place in load_places().index.find(text, language):
            if place.country_name:
                counts[place.country_name] = counts.get(place.country_name, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else ""


class Found(NamedTuple):
    """The place of one figure and how it was found: ``rule`` is "after", "ellipsis",
    "frame", "event" or "default" (rule 5); ``explicit`` is False for the default and for a
    part of a country of unknown extent ("in western Iraq")."""

    name: str
    rule: str
    explicit: bool


def place_of_figure(
    sentence: str,
    figure_start: int,
    figure_end: int,
    language: str,
    *,
    country: str = "",
    figures: Sequence[tuple[int, int]] = (),
) -> str:
    """The canonical name of the area the figure at ``sentence[figure_start:figure_end]``
    counts, or "" when it is about the event as a whole (see the module's rule).

    ``country`` is the event's country (e.g. :func:`main_country` of the case): national
    totals and figures with no place get it. ``figures`` are the spans of the sentence's
    other figures (default: runs of digits); they bound each figure's clause.

    >>> place_of_figure("À Lyon, le ministère a dénombré 22 000 manifestants, la CGT 55 000.",
    ...                 61, 67, "fr")
    'Lyon'
    >>> place_of_figure("French police counted 81,000 marchers", 22, 28, "en", country="France")
    'France'
    """
    return locate_figure(
        sentence, figure_start, figure_end, language, country=country, figures=figures
    ).name


def locate_figure(
    sentence: str,
    figure_start: int,
    figure_end: int,
    language: str,
    *,
    country: str = "",
    figures: Sequence[tuple[int, int]] = (),
) -> Found:
    """:func:`place_of_figure` with the rule that found the place (for :func:`settle_places`).

    >>> locate_figure("Raid kills 15 militants in western Iraq", 11, 13, "en")
    Found(name='Iraq', rule='after', explicit=False)
    """
    view = _view(sentence, language, country)
    return _locate(view, figure_start, figure_end, figures)


def locate_figures(
    sentence: str,
    targets: Sequence[tuple[int, int]],
    language: str,
    *,
    country: str = "",
    figures: Sequence[tuple[int, int]] | None = None,
    places: Sequence[Item] | None = None,
) -> list[Found]:
    """:func:`locate_figure` of each span of ``targets`` with the same ``figures`` (default:
    the targets), same results. ``places``: what :func:`find_places` finds in the sentence
    in ``language``, when the caller has it already (it is not searched again).

    The sentence is read once and each figure resolved once, so a sentence with many
    figures costs time in proportion to its length, not to its length times its figures.

    >>> s = "81 000 à Paris selon la préfecture, 30 000 à Marseille"
    >>> [f.name for f in locate_figures(s, [(0, 6), (36, 42)], "fr")]
    ['Paris', 'Marseille']
    """
    bounds = list(targets) if figures is None else list(figures)
    view = _view(sentence, language, country, places)
    spans = sorted(set(bounds))
    disjoint = all(a < b for a, b in spans) and all(
        spans[k][1] <= spans[k + 1][0] for k in range(len(spans) - 1)
    )
    inside = bool(spans) and spans[0][0] >= 0 and spans[-1][1] <= len(sentence)
    if not (disjoint and inside and view.tokens and set(targets) <= set(spans)):
        return [_locate(view, a, b, bounds) for a, b in targets]
    done: list[Found] = []
    for _ in spans:  # every target sees these same spans in locate_figure
        done.append(_resolve(view, spans, len(done), done))
    at = dict(zip(spans, done, strict=True))
    return [at[span] for span in targets]


def _view(
    sentence: str, language: str, country: str, places: Sequence[Item] | None = None
) -> SentenceView:
    gaz = load_places()
    words = gaz.words.get(language) or gaz.words["en"]  # another language: English words
    return SentenceView(sentence, language, gaz, words, country, places)


def _locate(
    view: SentenceView, figure_start: int, figure_end: int, figures: Sequence[tuple[int, int]]
) -> Found:
    sentence = view.text
    if not 0 <= figure_start < figure_end <= len(sentence) or not view.tokens:
        return Found(view.country, "default", False)
    others = [
        (s, e) for s, e in _figure_spans(sentence, figures) if e <= figure_start or s >= figure_end
    ]
    spans = sorted({*others, (figure_start, figure_end)})
    done: list[Found] = []
    for start, end in spans:
        done.append(_resolve(view, spans, len(done), done))
        if (start, end) == (figure_start, figure_end):
            return done[-1]
    raise AssertionError("unreachable: the figure is one of the spans")  # pragma: no cover


def settle_places(keys: Sequence[Hashable], found: Sequence[Found], country: str = "") -> list[str]:
    """The ``place`` column for claims of one case: ``keys[i]`` says what claim ``i`` counts
    (e.g. its scope, kind, measure and subject), ``found[i]`` is its :func:`locate_figure`.

    A place is kept only for a key whose claims name at least two different areas ("43
    arrested nationwide" and "22 arrested in Paris"); when they name one area at most, the
    event happened there and every claim of the key gets ``country``, so that a report giving
    "87 wounded in Kankan" and one giving "more than 100 wounded" are still compared.

    >>> f = [Found("Paris", "after", True), Found("France", "event", True)]
    >>> settle_places(["arrested", "arrested"], f, "France")
    ['Paris', 'France']
    >>> settle_places(["wounded", "wounded"], [f[0], Found("France", "default", False)], "France")
    ['France', 'France']
    """
    named: dict[Hashable, set[str]] = {}
    for key, place in zip(keys, found, strict=True):
        if place.explicit:
            named.setdefault(key, set()).add(place.name)
    return [
        place.name if len(named.get(key, ())) >= 2 else country
        for key, place in zip(keys, found, strict=True)
    ]


def _figure_spans(sentence: str, figures: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    if figures:
        return list(figures)
    return [m.span() for m in _DIGITS.finditer(sentence)]


def _resolve(view: SentenceView, spans: list[tuple[int, int]], n: int, done: list[Found]) -> Found:
    """The place of figure ``n`` of ``spans`` (``done`` holds the figures before it)."""
    start, end = spans[n]
    first, last = view.tok(start), view.tok(end - 1)
    nxt = spans[n + 1][0] if n + 1 < len(spans) else len(view.text)
    prev = spans[n - 1][1] if n > 0 else 0
    if found := _after(view, end, last, nxt):
        return found
    opened = view.clause_start(first)
    elliptic = n > 0 and opened > view.tok(prev - 1) and first - opened <= MAX_ELLIPSIS_WORDS
    if elliptic and done[n - 1].rule in ("after", "ellipsis") and done[n - 1].name:
        return done[n - 1]._replace(rule="ellipsis")
    lo = max(view.tokens[view.clause_start(first, True)].start, prev)
    stop = min(nxt, view.strong_end(last))
    found = _frame(view, start) or _event_country(view, lo, stop, (start, end))
    return found or Found(view.country, "default", False)


def _found(view: SentenceView, item: Item, at: int, rule: str) -> Found | None:
    name = view.name_of(item, item[0])
    return Found(name, rule, not view.partial(item, at)) if name else None


def _after(view: SentenceView, end: int, last: int, nxt: int) -> Found | None:
    """Rule 1: a place introduced by a locative right after the figure, same clause."""
    for item in view.items[view.items_from(end) : view.items_from(nxt)]:
        at = view.usable(item)
        if at is None or at <= last or at - last - 1 > MAX_AFTER_WORDS:
            continue
        if any(view.breaks_before(k) for k in range(last + 1, at + 1)):
            return None
        if found := _found(view, item, at, "after"):
            return found
    return None


def _frame(view: SentenceView, start: int) -> Found | None:
    """Rule 3: the nearest place introduced by a locative that opens a clause, or that
    follows a toll noun ("le bilan à Derna", "حصيلة الضحايا في ملاطية")."""
    frames = view.memo.get("frames")
    if frames is None:  # which items can frame a clause does not depend on the figure
        found = [(item[1], f) for item in view.items if (f := _frame_of(view, item)) is not None]
        ends = [e for e, _ in found]
        frames = (ends, [f for _, f in found], ends == sorted(ends))
        view.memo["frames"] = frames
    ends, places, ordered = frames  # type: ignore[misc]
    if ordered:  # the last frame ending before the figure
        k = bisect_right(ends, start)
        return places[k - 1] if k else None
    return next(
        (f for e, f in zip(reversed(ends), reversed(places), strict=True) if e <= start), None
    )


def _frame_of(view: SentenceView, item: Item) -> Found | None:
    """The place ``item`` gives a figure after it when it opens a clause or follows a toll
    noun (rule 3), else None."""
    at = view.usable(item)
    if at is None:
        return None
    key = view.tokens[at].key
    opens = view.core(key) != key or at - view.clause_start(at) <= MAX_FRAME_LEAD
    toll = any(
        view.core(view.tokens[k].key) in view.words.tolls
        for k in range(max(view.clause_start(at), at - TOLL_WINDOW), at)
    )
    return _found(view, item, at, "frame") if opens or toll else None


def _event_country(view: SentenceView, lo: int, stop: int, figure: tuple[int, int]) -> Found | None:
    """Rule 4: a country or "nationwide" introduced by a locative in the clause."""
    for item in view.items[view.items_from(lo) : view.items_from(stop)]:
        if figure[0] <= item[0] < figure[1]:
            continue
        what = item[2]
        country_like = what == "national" or (
            isinstance(what, Place) and what.type is PlaceType.COUNTRY
        )
        at = view.usable(item) if country_like else None
        if at is not None:
            return _found(view, item, at, "event")
    return None
