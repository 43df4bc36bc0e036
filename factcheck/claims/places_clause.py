"""One sentence seen by the place rule: tokens, clause breaks, places and what introduces them.

Used by :mod:`factcheck.claims.places`; the words it reads (locatives, lead words, clause
words) come from ``data/places.yaml``, so the class holds no language knowledge itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import Final

from factcheck.claims.places_load import Gazetteer, Place, PlaceType, Words
from factcheck.mentions.phrases import Words as TextWords
from factcheck.mentions.phrases import recent_words, tokenize, word_key

#: Words allowed between a locative and the place ("in the southern port city of Marseille"
#: has 5); each must be a lead word, a place noun or a link word of the language.
MAX_LEAD_WORDS: Final = 6
#: Punctuation that ends a clause for every rule (strong) / for the clause of one figure (weak).
STRONG: Final = re.compile(r"[;:؛()\[\]]")
WEAK: Final = re.compile(r"[,،]")
#: A country's possessive before one of its places ("Syria's Idlib", "Iraq’s Anbar").
_POSSESSIVE: Final = re.compile(r"['’]s\s")

Item = tuple[int, int, Place | str]  # start, end, a place or a cue kind ("national", ...)


class SentenceView:
    """One sentence's tokens, places and clause breaks, for :func:`place_of_figure`."""

    def __init__(
        self,
        text: str,
        language: str,
        gaz: Gazetteer,
        words: Words,
        country: str,
        places: Sequence[Item] | None = None,  # gaz.index.find(text, language), if known
    ):
        self.text, self.language, self.gaz, self.words = text, language, gaz, words
        self.country = country
        self.tokens: TextWords = recent_words(text)  # the searches below read them too
        if places is None:
            places = gaz.index.find(text, language)
        places = list(places)
        cues = [c for c in gaz.cues.find(text, language) if not overlaps(c, places)]
        self.items: list[Item] = sorted([*places, *cues], key=lambda x: x[0])
        named = {p.country_name for _, _, p in places if isinstance(p, Place) and p.country_name}
        self.sentence_country = named.pop() if len(named) == 1 else country
        # Indexes built once per sentence, so that each figure's look-ups cost no rescan.
        self._starts, self._ends = self.tokens.starts, self.tokens.ends
        self._keys = self.tokens.keys
        self.item_starts = [x[0] for x in self.items]
        self._clause_starts: dict[bool, list[int]] = {}
        self._strong_ends: list[int] | None = None
        self._break_flags: tuple[list[bool], list[bool]] | None = None
        self.memo: dict[str, object] = {}  # per-sentence results of the rules that use it

    def items_from(self, offset: int) -> int:
        """Index of the first item starting at or after ``offset``."""
        return bisect_left(self.item_starts, offset)

    # --- tokens and breaks -----------------------------------------------------------------
    def tok(self, offset: int) -> int:
        """Index of the first token ending after ``offset``."""
        return bisect_right(self._ends, offset)

    def core(self, key: str) -> str:
        """A word's key without a conjunction clitic glued in front ("وفي" -> "في")."""
        cores = _cores(self.words)
        found = cores.get(key)
        if found is None:
            found = self._core(key)
            if len(cores) < CORE_CACHE_SIZE:
                cores[key] = found
        return found

    def _core(self, key: str) -> str:
        for conj in self.words.conjunctions:
            if key.startswith(conj) and len(key) > len(conj):
                rest = key[len(conj) :]
                if rest in self.words.locatives or rest in self.words.breaks:
                    return rest
        return key

    def breaks_before(self, i: int, strong_only: bool = False) -> bool:
        """Whether a clause ends between token ``i - 1`` and token ``i``."""
        if i <= 0 or i >= len(self._starts):
            return True
        return self._breaks()[strong_only][i]

    def _breaks(self) -> tuple[list[bool], list[bool]]:
        """For every token, whether a clause ends right before it (any break, then strong
        breaks only): one pass per sentence, which every clause rule reads."""
        if self._break_flags is None:
            text, starts, ends, keys = self.text, self._starts, self._ends, self._keys
            breaks, core, known = self.words.breaks, self.core, _cores(self.words).get
            any_break, strong = [True] * len(starts), [True] * len(starts)
            for k in range(1, len(starts)):
                key = known(keys[k]) or core(keys[k])  # each word's core, remembered
                gap = text[ends[k - 1] : starts[k]]
                if gap == " ":  # most gaps: no punctuation, only the word can break
                    strong[k] = False
                    any_break[k] = key in breaks
                elif not STRONG.search(gap):
                    strong[k] = False
                    any_break[k] = bool(WEAK.search(gap)) or key in breaks
            self._break_flags = (any_break, strong)
        return self._break_flags

    def gap_keys(self, a: int, b: int) -> Iterator[str]:
        """The keys :func:`tokenize` gives for ``text[a:b]``, read off the sentence's tokens
        (a word is a run of letters: a word inside the span is the sentence's own, a word cut
        by an end is the part inside), lazily, so a rule may stop at its first answer."""
        i, starts, ends, keys = self.tok(a), self._starts, self._ends, self._keys
        while i < len(starts) and starts[i] < b:
            start, end = starts[i], ends[i]
            if start >= a and end <= b:
                yield keys[i]
            elif max(start, a) < min(end, b):
                yield word_key(self.text[max(start, a) : min(end, b)])
            i += 1

    def clause_start(self, i: int, strong_only: bool = False) -> int:
        """The first token of the clause holding token ``i``."""
        i = min(i, len(self.tokens) - 1)
        if i <= 0:
            return 0
        starts = self._clause_starts.get(strong_only)
        if starts is None:  # for every token, where its clause starts: one pass per sentence
            flags = self._breaks()[strong_only]
            starts = [0] * len(self.tokens)
            for k in range(1, len(self.tokens)):
                starts[k] = k if flags[k] else starts[k - 1]
            self._clause_starts[strong_only] = starts
        return starts[i]

    # --- places ---------------------------------------------------------------------------
    def locative_at(self, item: Item) -> int | None:
        """Token index of the locative introducing ``item``, or None when it has none."""
        start, end, what = item
        if what == "national":
            return self.tok(start)  # these phrases carry their own preposition
        if what == "there":  # an adverb ending its clause ("the procession there."), not "there is"
            after = self.tok(end)
            return self.tok(start) if self.breaks_before(after) else None
        i = self.tok(start)
        if i >= len(self.tokens):
            return None
        first = self.tokens[i]
        if start > first.start:  # a clitic glued in front: "بإدلب", "وبالرمادي"
            clitics = tokenize(self.text[first.start : start])
            return i if clitics and self._glued_locative(clitics[0].key) else None
        w = self.words
        for j in range(i - 1, max(i - 2 - MAX_LEAD_WORDS, -1), -1):
            gap = self.text[self._ends[j] : self._starts[j + 1]]
            if STRONG.search(gap) or WEAK.search(gap):
                return None
            key = self.core(self._keys[j])
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
            return " + ".join(sorted({p.name for p in self.chain(self.refine(item))}))
        if what == "national":
            return self.sentence_country
        if what == "capital":
            named = self.followed_by_place(item)
            if named is not None:
                return named.name
            capital = self.gaz.capitals.get(self.sentence_country)
            return capital.name if capital else ""
        for earlier in reversed([x for x in self.items if x[1] <= before]):  # "there"
            if earlier[2] != "there" and (name := self.name_of(earlier, earlier[0])):
                return name
        return ""

    def usable(self, item: Item) -> int | None:
        """The locative introducing ``item`` when it names one area ("in the localities of
        Dongola, ..." names several; "the capital Baghdad" is Baghdad), else None."""
        at = self.locative_at(item)
        if at is None:
            return None
        lead = self._keys[at : self.tok(item[0])]
        several = self.words.several
        if any(k in several or any(k[len(g) :] in several for g in self.words.glued) for k in lead):
            return None
        return at

    def refine(self, item: Item) -> Item:
        """A place inside ``item`` named right after its possessive: "Syria's Idlib province"
        is Idlib, "Guinea's second city Kankan" is Kankan."""
        for nxt in self.items[self.items_from(item[1]) :]:
            if not isinstance(nxt[2], Place):
                continue
            inside = isinstance(item[2], Place) and nxt[2].country == item[2].name
            if not (inside and _POSSESSIVE.match(self.text, item[1])):
                break
            gap = self.text[item[1] : nxt[0]]
            keys = [self.core(k) for k in self.gap_keys(item[1], nxt[0])][1:]  # after the "s"
            plain = not (STRONG.search(gap) or WEAK.search(gap)) and len(keys) < MAX_LEAD_WORDS
            light = not any(k in self.words.locatives or k in self.words.breaks for k in keys)
            if plain and light:
                return nxt
            break
        return item

    def partial(self, item: Item, at: int) -> bool:
        """A part of a country, of unknown extent: "in western Iraq", "في شمال سوريا"."""
        if not isinstance(item[2], Place) or item[2].type is not PlaceType.COUNTRY:
            return False
        keys = [self.core(k) for k in self._keys[at : self.tok(item[0])]]
        glued = [k[len(g) :] for k in keys for g in self.words.glued if k.startswith(g)]
        return any(k in self.words.parts for k in [*keys, *glued])

    def chain(self, item: Item) -> list[Place]:
        """The place of ``item`` and the places coordinated with it ("Idlib and Aleppo")."""
        out = [item[2]] if isinstance(item[2], Place) else []
        later = self.items[self.items_from(item[1]) :]
        end = item[1]
        w = self.words
        for nxt in later:
            gap = self.text[end : nxt[0]]
            if not isinstance(nxt[2], Place) or STRONG.search(gap):
                break
            if nxt[2].name in {p.country for p in out}:  # "Antakya, Turkey": where it is
                break
            joins, light = False, True
            for key in self.gap_keys(end, nxt[0]):  # stops at the first word that is not light
                core = self.core(key)
                if core in w.coordinators:
                    joins = True
                elif core not in w.locatives and core not in w.lead:
                    light = False
                    break
            if not (joins or "," in gap) or not light:
                break
            out.append(nxt[2])
            end = nxt[1]
        return out

    def followed_by_place(self, item: Item) -> Place | None:
        """The capital named right after a capital cue ("in the capital(,) Baghdad")."""
        later = (x for x in self.items[self.items_from(item[1]) :] if isinstance(x[2], Place))
        first = next(later, None)
        if first is not None and not self.text[item[1] : first[0]].strip(" ,،"):
            return first[2]  # type: ignore[return-value]
        return None

    def strong_end(self, last: int) -> int:
        """Offset where the clause after token ``last`` ends at a strong break (or the end)."""
        if self._strong_ends is None:  # for every token, the next strong break: one pass
            n, strong = len(self.tokens), self._breaks()[True]
            ends = [len(self.text)] * (n + 1)
            for k in range(n - 1, 0, -1):
                ends[k] = self._starts[k] if strong[k] else ends[k + 1]
            self._strong_ends = ends
        k = last + 1
        if k <= 0:  # before the first token: the first token opens the clause
            return self._starts[k] if self._starts else len(self.text)
        return self._strong_ends[k] if k < len(self.tokens) else len(self.text)


#: Words whose core (:meth:`SentenceView.core`) is remembered per language.
CORE_CACHE_SIZE: Final = 65_536
_CORES: dict[int, tuple[Words, dict[str, str]]] = {}


def _cores(words: Words) -> dict[str, str]:
    """The remembered cores of one language's words (its ``Words`` live as long as the
    gazetteer: kept with the entry, so an id is never reused while it is there)."""
    entry = _CORES.get(id(words))
    if entry is None or entry[0] is not words:
        entry = _CORES[id(words)] = (words, {})
    return entry[1]


def overlaps(item: tuple[int, int, object], others: Iterable[Item]) -> bool:
    """Whether ``item`` overlaps one of ``others``."""
    return any(item[0] < e and s < item[1] for s, e, _ in others)
