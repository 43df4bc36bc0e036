"""Find known multi-word phrases (names, weekdays, zone words) in a text, by tokens.

A phrase is matched on normalised tokens (:func:`factcheck.text.normalize.lookup_key` of each
word), so spelling variants the normaliser folds (hamza forms, ta marbuta, accents of case)
need no extra entry. Arabic clitics glued in front of the first word ("و", "ب", "لل") are
stripped only when the word as written is unknown, using the language file's ``prefixes``.
Spans are offsets into the text given, never into a normalised copy.

>>> index = PhraseIndex({"ar": {"و": "", "لل": "ال"}})
>>> index.add("القيادة المركزية", "centcom")
>>> index.find("وللقيادة المركزية بيان", "ar")
[(2, 17, 'centcom')]
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import compress
from typing import Final, Generic, TypeVar

from factcheck.mentions.clitics import Clitics
from factcheck.mentions.wordlist import (
    LONG_TEXT,
    RECENT_CHARS,
    Token,
    Words,
    recent_words,
    word_key,
)
from factcheck.mentions.wordlist import WORD as _WORD
from factcheck.mentions.wordlist import lock as _recent_lock

__all__ = [
    "LONG_TEXT",
    "RECENT_CHARS",
    "PhraseIndex",
    "Token",
    "Words",
    "phrase_key",
    "recent_tokens",
    "recent_words",
    "tokenize",
    "word_key",
]

T = TypeVar("T")

#: What may stand between two words of one phrase: spaces, quotes, hyphens, dots, brackets.
#: A comma, colon or sentence end breaks a phrase.
_GAP: Final = re.compile(r"[\s\"'«»“”„‘’‹›\-–—.()_\u200f\u200e]*")
#: Words whose clitic-stripped forms are remembered per index (a news vocabulary fits).
VARIANT_CACHE_SIZE: Final = 200_000
_END: Final = object()  # trie key marking the end of a phrase


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` with offsets and normalised keys.

    >>> [t.key for t in tokenize("U.S. Central-Command's")]
    ['u', 's', 'central', 'command', 's']
    """
    new = tuple.__new__  # Token's own __new__ is a Python function: this skips it
    return [
        new(Token, (m.start(), m.end(), w, word_key(w)))
        for m in _WORD.finditer(text)
        for w in (m.group(),)
    ]


def recent_tokens(text: str) -> list[Token]:
    """:func:`tokenize`, shared with the searches that follow over the same text."""
    return list(recent_words(text))


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The token keys of a phrase as stored in an index ("Agence France-Presse" -> 3 keys)."""
    return tuple(k for k in map(word_key, _WORD.findall(phrase)) if k)


#: Clitic-stripped forms of words, per set of clitics (one per language data in use).
_VARIANTS: dict[object, dict[tuple[str, str | None], tuple[tuple[str, int], ...]]] = {}
#: Sets of clitics whose stripped forms are kept (tests build indexes of their own).
VARIANT_SETS: Final = 16


def _variant_cache(
    prefixes: Mapping[str, Mapping[str, str]],
) -> dict[tuple[str, str | None], tuple[tuple[str, int], ...]]:
    """The cache of stripped forms shared by every index with these ``prefixes``."""
    signature = tuple((lang, tuple(p.items())) for lang, p in prefixes.items())  # in order
    with _recent_lock:
        cache = _VARIANTS.get(signature)
        if cache is None:
            if len(_VARIANTS) >= VARIANT_SETS:
                _VARIANTS.clear()
            cache = _VARIANTS[signature] = {}
    return cache


class PhraseIndex(Generic[T]):
    """A token trie of phrases -> values, with language-specific clitic stripping.

    ``prefixes`` maps a language to {clitic as normalised: what it stands for}, e.g.
    ``{"ar": {"و": "", "لل": "ال"}}`` ("للقيادة" is "ل" + "القيادة"). Exact-case phrases
    (acronyms such as "WHO", "AP") match only the characters as written.
    """

    def __init__(self, prefixes: Mapping[str, Mapping[str, str]] | None = None) -> None:
        self._trie: dict[object, object] = {}
        self._exact: dict[object, object] = {}
        self._prefixes = {lang: dict(p) for lang, p in (prefixes or {}).items()}
        #: shared by the indexes whose clitics are the same (the time words, registry and
        #: places indexes of a language): a word is stripped once, not once per index
        self._variant_cache = _variant_cache(self._prefixes)
        self._clitics = Clitics(self._prefixes)
        #: language -> key -> whether a phrase may start with the word (any clitic form):
        #: most words of a text start none, and this skips them at one dict lookup
        self._starts: dict[str | None, dict[str, bool]] = {}

    def add(self, phrase: str, value: T, *, exact_case: bool = False) -> T | None:
        """Store ``phrase``; returns the value already stored under it (or None)."""
        keys = tuple(t.text for t in tokenize(phrase)) if exact_case else phrase_key(phrase)
        if not keys:
            raise ValueError(f"phrase {phrase!r} has no words")
        node = self._exact if exact_case else self._trie
        self._starts.clear()
        for key in keys:
            node = node.setdefault(key, {})  # type: ignore[assignment]
        previous = node.get(_END)  # type: ignore[attr-defined]
        node[_END] = value  # type: ignore[index]
        return previous  # type: ignore[return-value]

    def _variants(self, key: str, language: str | None) -> tuple[tuple[str, int], ...]:
        """The word and its clitic-stripped forms, with how many leading characters went."""
        cached = self._variant_cache.get((key, language))
        if cached is None:
            cached = self._clitics.strip(key, language)
            if len(self._variant_cache) < VARIANT_CACHE_SIZE:
                self._variant_cache[(key, language)] = cached
        return cached

    def _walk(self, node: dict, words: Words, i: int, text: str, exact: bool) -> tuple[int, object]:
        """Longest phrase continuing from ``node`` at word ``i``: (last word index, value)."""
        best: tuple[int, object] = (-1, None)
        starts, ends, keys = words.starts, words.ends, words.texts if exact else words.keys
        gap = _GAP.fullmatch
        n = len(starts)
        j = i
        while True:
            if _END in node:
                best = (j - 1, node[_END])
            if j >= n:
                return best
            nxt = node.get(keys[j])  # before the gap's regex: most phrases end here
            if nxt is None or not gap(text, ends[j - 1], starts[j]):
                return best
            node = nxt
            j += 1

    def match_at(
        self, tokens: Sequence[Token] | Words, i: int, text: str, language: str | None = None
    ) -> tuple[int, int, int, T] | None:
        """Longest phrase starting at token ``i``: (start offset, end offset, last token, value)."""
        words = Words.of(tokens)  # type: ignore[arg-type]
        key = words.keys[i]
        may = self._starts.get(language, {}).get(key)
        if may is None:
            may = self._may_start(key, language)
        if not may and words.texts[i] not in self._exact:
            return None  # no phrase starts with this word (most words): one dict lookup
        return self._match(words, i, text, language)

    def _match(
        self, words: Words, i: int, text: str, language: str | None
    ) -> tuple[int, int, int, T] | None:
        best: tuple[int, int, int, T] | None = None
        first_start, first_text = words.starts[i], words.texts[i]
        node = self._exact.get(first_text)
        if isinstance(node, dict):
            last, value = self._walk(node, words, i + 1, text, exact=True)
            if last >= 0:
                best = (first_start, words.ends[last], last, value)  # type: ignore[assignment]
        key = words.keys[i]
        plain = language is not None and not self._prefixes.get(language)
        # no clitics in the language: the word as written is its only form (what _variants
        # gives, without its look-up)
        for form, cut in ((key, 0),) if plain else self._variants(key, language):
            node = self._trie.get(form)
            if not isinstance(node, dict):
                continue
            last, value = self._walk(node, words, i + 1, text, exact=False)
            if last >= 0 and (best is None or last > best[2]):
                start = first_start + _original_cut(first_text, cut)
                best = (start, words.ends[last], last, value)  # type: ignore[assignment]
        return best

    def find(self, text: str, language: str | None = None) -> list[tuple[int, int, T]]:
        """Every stored phrase in ``text``, longest first at each word, left to right."""
        words = recent_words(text)
        exact = self._exact
        if (language is not None and not self._prefixes.get(language)) and (
            not exact or exact.keys().isdisjoint(words.texts)
        ):
            return self._find_plain(words, text)
        found: list[tuple[int, int, T]] = []
        i = 0  # the first word not inside a phrase found
        for k in self.candidates(words, language):  # no phrase starts at the other words
            if k < i:
                continue
            hit = self._match(words, k, text, language)
            if hit is not None:
                start, end, last, value = hit
                found.append((start, end, value))
                i = last + 1
        return found

    def _find_plain(self, words: Words, text: str) -> list[tuple[int, int, T]]:
        """:meth:`find` in a language without clitics, over words none of which is an
        exact-case phrase's first: a word's key is its only form, and a word starts a phrase
        when its key is a first word of the trie (what :meth:`_match` then finds)."""
        trie, keys, walk = self._trie, words.keys, self._walk
        starts, ends = words.starts, words.ends
        found: list[tuple[int, int, T]] = []
        i = 0  # the first word not inside a phrase found
        for k in compress(range(len(keys)), map(trie.__contains__, keys)):
            if k < i:
                continue
            last, value = walk(trie[keys[k]], words, k + 1, text, False)  # type: ignore[arg-type]
            if last >= 0:
                found.append((starts[k], ends[last], value))  # type: ignore[arg-type]
                i = last + 1
        return found

    def candidates(self, tokens: Sequence[Token] | Words, language: str | None = None) -> list[int]:
        """Indices of the ``tokens`` a stored phrase may start at (a dict lookup per word):
        :meth:`match_at` finds nothing at the others."""
        words = Words.of(tokens)  # type: ignore[arg-type]
        keys, exact = words.keys, self._exact
        may: Iterable[bool]
        if language is not None and not self._prefixes.get(language):
            may = map(self._trie.__contains__, keys)  # no clitics: a word starts what it keys
        else:
            may = self._may(keys, language)
        if exact and not exact.keys().isdisjoint(words.texts):  # an acronym as written
            may = map(operator.or_, may, map(exact.__contains__, words.texts))
        return list(compress(range(len(keys)), may))

    def _may(self, keys: Sequence[str], language: str | None) -> list[bool]:
        """Whether a stored phrase may start with each of ``keys`` (remembered per word)."""
        known = self._starts.setdefault(language, {}).get
        may = list(map(known, keys))  # True, False, or None for a word not seen yet
        if None in may:
            may_start, k = self._may_start, -1
            try:
                while True:  # list.index scans in C: most words are known
                    k = may.index(None, k + 1)
                    may[k] = may_start(keys[k], language)
            except ValueError:
                pass
        return may  # type: ignore[return-value]

    def names_any(
        self,
        tokens: Sequence[Token] | Words,
        text: str,
        language: str | None = None,
        keys: set[str] | None = None,
    ) -> bool:
        """Whether a stored phrase starts at any of ``tokens`` (the words of ``text``; ``keys``:
        their distinct keys, when the caller has them): if not, :meth:`find` and
        :meth:`match_at` find nothing there."""
        words = Words.of(tokens)  # type: ignore[arg-type]
        exact = self._exact
        if keys is None:
            keys = set(words.keys)  # each distinct word once, most of them known
        if language is not None and not self._prefixes.get(language):
            firsts = keys & self._trie.keys()  # no clitics: a word starts what it keys
        else:
            distinct = list(keys)
            firsts = set(compress(distinct, self._may(distinct, language)))
        if not firsts and (not exact or exact.keys().isdisjoint(words.texts)):
            return False  # no word starts a phrase: nothing to walk
        starting = map(firsts.__contains__, words.keys)
        if exact:
            starting = map(operator.or_, starting, map(exact.__contains__, words.texts))
        return any(
            self._match(words, i, text, language)
            for i in compress(range(len(words.keys)), starting)
        )

    def _may_start(self, key: str, language: str | None) -> bool:
        if language is not None and not self._prefixes.get(language):
            may = key in self._trie  # no clitics: the word as written is its only form
        else:
            may = any(isinstance(self._trie.get(f), dict) for f, _ in self._variants(key, language))
        starts = self._starts.setdefault(language, {})
        if len(starts) < VARIANT_CACHE_SIZE:
            starts[key] = may
        return may

    def words(self) -> set[str]:
        """Every word of every stored phrase (normalised keys and exact-case forms): a text
        whose words are none of these can hold no phrase."""
        words: set[str] = set()
        stack: list[dict[object, object]] = [self._trie, self._exact]
        while stack:
            node = stack.pop()
            for key, below in node.items():
                if isinstance(key, str):
                    words.add(key)
                if isinstance(below, dict):
                    stack.append(below)
        return words

    def lookup(self, text: str, language: str | None = None, skip: Iterable[str] = ()) -> T | None:
        """The value of ``text`` when the whole text is one stored phrase.

        Leading ``skip`` words (determiners) are dropped one by one if the text as written
        is not stored: "the Pentagon" -> "Pentagon", while "Le Monde" stays whole.
        """
        words = recent_words(text)  # the same names are looked up again and again
        skipped = set(skip)
        while len(words):
            hit = self.match_at(words, 0, text, language)
            if hit is not None and hit[2] == len(words) - 1:
                return hit[3]
            if words.keys[0] not in skipped:
                return None
            words = words[1:]
        return None


def _original_cut(word: str, cut: int) -> int:
    """How many original characters of ``word`` hold its first ``cut`` normalised characters."""
    if cut <= 0:
        return 0
    pos = 0
    counted = 0
    while pos < len(word) and counted < cut:
        counted += len(word_key(word[pos]))
        pos += 1
    while pos < len(word) and not word_key(word[pos]):
        pos += 1  # marks and tatweel belong to the clitic's letter
    return pos
