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
   figure: "À Marseille, la CGT a compté 245 000", "In Lyon, police counted 22,000", "وفي حلب".
4. **Event location**: a country (or "nationwide") introduced by a locative anywhere in the
   figure's clause, commas included: "3,5 millions de salariés, …, ont manifesté partout en
   France" -> France; cities there are not taken (they may locate a speaker: "doctors at a
   hospital in Dongola said 130 …").
5. Otherwise the figure is about the event as a whole: ``country`` when the caller knows the
   event's country (the same value national totals get), else "".

A country name without a locative is an affiliation, not a place ("French police", "US
soldiers", "القوات العراقية"); demonyms are not in the gazetteer at all ("a Syrian refugee").
"The capital" is the capital of ``country`` or of the country the sentence names.

>>> s = "81 000 à Paris selon la préfecture, 30 000 à Marseille"
>>> place_of_figure(s, 0, 6, "fr"), place_of_figure(s, 36, 42, "fr")
('Paris', 'Marseille')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

from factcheck.claims.places_load import Gazetteer, Place, PlaceType, Words, load_places
from factcheck.mentions.phrases import Token, tokenize

__all__ = ["Place", "PlaceType", "find_places", "main_country", "place_of_figure"]

#: Words allowed between a figure and the locative of its place: the counted noun and a
#: verb group ("30 000 manifestants ont été comptabilisés à Marseille" has 4).
MAX_AFTER_WORDS: Final = 8
#: Words allowed between a locative and the place ("in the southern port city of Marseille"
#: has 5); each must be a lead word, a place noun or a link word of the language.
MAX_LEAD_WORDS: Final = 6
#: Words allowed before a locative that still opens its clause ("Hier, à Paris", "Meanwhile
#: in Lyon", "أما في حلب").
MAX_FRAME_LEAD: Final = 2
#: Words a verbless elliptic clause may have before its figure ("la CGT 55 000", "le
#: syndicat environ 75 000").
MAX_ELLIPSIS_WORDS: Final = 3
#: Punctuation that ends a clause for every rule / for rules 1-2 only.
_STRONG: Final = re.compile(r"[;:؛()\[\]]")
_WEAK: Final = re.compile(r"[,،]")
#: A figure in digits when the caller does not say where the figures are ("81 000", "1,28").
_DIGITS: Final = re.compile(r"\d+(?:[ \u00a0\u202f.,]\d+)*")

Item = tuple[int, int, Place | str]  # start, end, a place or a cue kind ("national", ...)


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
    gaz = load_places()
    words = gaz.words.get(language) or next(iter(gaz.words.values()))
    view = _View(sentence, language, gaz, words, country)
    others = [
        (s, e) for s, e in _figure_spans(sentence, figures) if e <= figure_start or s >= figure_end
    ]
    spans = sorted([*others, (figure_start, figure_end)])
    resolved: dict[int, tuple[str, bool]] = {}  # figure index -> (place, from rules 1-2)
    for n, (start, end) in enumerate(spans):
        resolved[n] = view.resolve(spans, n, resolved)
        if (start, end) == (figure_start, figure_end):
            return resolved[n][0]
    return ""  # pragma: no cover - the figure is always in ``spans``


def _figure_spans(sentence: str, figures: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    if figures:
        return list(figures)
    return [m.span() for m in _DIGITS.finditer(sentence)]


class _View:
    """One sentence's tokens, places and clause breaks, for :func:`place_of_figure`."""

    def __init__(self, text: str, language: str, gaz: Gazetteer, words: Words, country: str):
        self.text, self.language, self.gaz, self.words = text, language, gaz, words
        self.country = country
        self.tokens: list[Token] = tokenize(text)
        places: list[Item] = list(gaz.index.find(text, language))
        cues = [c for c in gaz.cues.find(text, language) if not _overlaps(c, places)]
        self.items: list[Item] = sorted([*places, *cues], key=lambda x: x[0])
        named = {p.country_name for _, _, p in places if isinstance(p, Place) and p.country_name}
        self.sentence_country = country or (named.pop() if len(named) == 1 else "")

    # --- tokens and breaks -----------------------------------------------------------------
    def tok(self, offset: int) -> int:
        """Index of the first token ending after ``offset``."""
        for i, t in enumerate(self.tokens):
            if t.end > offset:
                return i
        return len(self.tokens)

    def _core(self, key: str) -> str:
        """A word's key without a conjunction clitic glued in front ("وفي" -> "في")."""
        for conj in self.words.conjunctions:
            if key.startswith(conj) and len(key) > len(conj):
                rest = key[len(conj) :]
                if rest in self.words.locatives or rest in self.words.breaks:
                    return rest
        return key

    def breaks_before(self, i: int, strong_only: bool = False) -> bool:
        """Whether a clause ends between token ``i - 1`` and token ``i``."""
        if i <= 0 or i >= len(self.tokens):
            return True
        gap = self.text[self.tokens[i - 1].end : self.tokens[i].start]
        if _STRONG.search(gap):
            return True
        if strong_only:
            return False
        return bool(_WEAK.search(gap)) or self._core(self.tokens[i].key) in self.words.breaks

    def clause_start(self, i: int, strong_only: bool = False) -> int:
        """The first token of the clause holding token ``i``."""
        while i > 0 and not self.breaks_before(i, strong_only):
            i -= 1
        return max(i, 0)

    # --- places ---------------------------------------------------------------------------
    def locative_at(self, item: Item) -> int | None:
        """Token index of the locative introducing ``item``, or None when it has none."""
        start, _, what = item
        if what in ("national", "there"):
            return self.tok(start)  # these phrases carry their own preposition
        i = self.tok(start)
        if i >= len(self.tokens):
            return None
        first = self.tokens[i]
        if start > first.start:  # a clitic glued in front: "بإدلب", "وبالرمادي"
            clitics = tokenize(self.text[first.start : start])
            return i if clitics and self._glued_locative(clitics[0].key) else None
        w = self.words
        for j in range(i - 1, max(i - 2 - MAX_LEAD_WORDS, -1), -1):
            gap = self.text[self.tokens[j].end : self.tokens[j + 1].start]
            if _STRONG.search(gap) or _WEAK.search(gap):
                return None
            key = self._core(self.tokens[j].key)
            if key in w.locatives or self._glued_light(key):
                return j
            if key not in w.lead and key not in w.place_nouns and key not in w.links:
                return None
        return None

    def _glued_locative(self, clitics: str) -> bool:
        for conj in ("", *self.words.conjunctions):
            if clitics.startswith(conj) and clitics[len(conj) :] in self.words.glued:
                return True
        return False

    def _glued_light(self, key: str) -> bool:
        """A locative glued on a light word: "بمدينة", "بمختلف"."""
        w = self.words
        for g in w.glued:
            rest = key[len(g) :]
            if key.startswith(g) and (rest in w.place_nouns or rest in w.lead):
                return True
        return False

    def name_of(self, item: Item, before: int) -> str:
        """The canonical name an item stands for; cues resolved from the sentence."""
        what = item[2]
        if isinstance(what, Place):
            return what.name
        if what == "national":
            return self.sentence_country
        if what == "capital":
            capital = self.gaz.capitals.get(self.sentence_country)
            return capital.name if capital else ""
        for earlier in reversed([x for x in self.items if x[1] <= before]):  # "there"
            if earlier[2] != "there" and (name := self.name_of(earlier, earlier[0])):
                return name
        return ""

    def followed_by_place(self, item: Item) -> bool:
        """A capital cue right before the capital's name ("in the capital Baghdad")."""
        later = [x for x in self.items if x[0] >= item[1] and isinstance(x[2], Place)]
        return bool(later) and not self.text[item[1] : later[0][0]].strip(" ,،")

    # --- the rule -------------------------------------------------------------------------
    def resolve(
        self, spans: list[tuple[int, int]], n: int, done: dict[int, tuple[str, bool]]
    ) -> tuple[str, bool]:
        """(place, found by rules 1-2) for figure ``n`` of ``spans``."""
        start, end = spans[n]
        first, last = self.tok(start), self.tok(end - 1)
        nxt = spans[n + 1][0] if n + 1 < len(spans) else len(self.text)
        prev = spans[n - 1][1] if n > 0 else 0
        for item in self.items:  # 1. after the figure
            if item[0] < end or item[0] >= nxt:
                continue
            at = self.locative_at(item)
            if at is None or at <= last or at - last - 1 > MAX_AFTER_WORDS:
                continue
            if any(self.breaks_before(k) for k in range(last + 1, at + 1)):
                break
            if item[2] == "capital" and self.followed_by_place(item):
                continue
            if name := self.name_of(item, item[0]):
                return name, True
        opened = self.clause_start(first)  # 2. ellipsis
        if n > 0 and opened > self.tok(prev - 1) and first - opened <= MAX_ELLIPSIS_WORDS:
            if done[n - 1][1] and done[n - 1][0]:
                return done[n - 1][0], True
        for item in reversed([x for x in self.items if x[1] <= start]):  # 3. frame
            at = self.locative_at(item)
            if at is None or (item[2] == "capital" and self.followed_by_place(item)):
                continue
            key = self.tokens[at].key
            conj_opened = self._core(key) != key
            if conj_opened or at - self.clause_start(at) <= MAX_FRAME_LEAD:
                if name := self.name_of(item, item[0]):
                    return name, False
        lo = max(self.tokens[self.clause_start(first, True)].start if self.tokens else 0, prev)
        stop = min(nxt, self._strong_end(last))
        for item in self.items:  # 4. the event's country
            if not (lo <= item[0] < stop) or start <= item[0] < end:
                continue
            country_like = item[2] == "national" or (
                isinstance(item[2], Place) and item[2].type is PlaceType.COUNTRY
            )
            if country_like and self.locative_at(item) is not None:
                if name := self.name_of(item, item[0]):
                    return name, False
        return self.country, False  # 5. the event as a whole

    def _strong_end(self, last: int) -> int:
        for k in range(last + 1, len(self.tokens)):
            if self.breaks_before(k, strong_only=True):
                return self.tokens[k].start
        return len(self.text)


def _overlaps(item: tuple[int, int, object], others: Iterable[Item]) -> bool:
    return any(item[0] < e and s < item[1] for s, e, _ in others)
