"""The words of a text for phrase search, kept as parallel lists, and the words of recent texts.

A document has tens of thousands of words. Kept as one object per word they would all be
tracked by Python's cyclic garbage collector (named tuples are never untracked), and every
full collection would walk them; kept as four tuples of ints and strings (:class:`Words`)
they are four objects, which the collector stops tracking once it has seen them (a plain
tuple of untracked items), and the texts kept for the next searches are stored as such
tuples. A :class:`Token` is still built on demand for the few words a rule looks at one by
one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, repeat
from operator import sub
from threading import Lock
from typing import Final, NamedTuple, overload

from factcheck.text.normalize import lookup_key

#: A word: letters/digits plus the Arabic marks and tatweel that sit inside words.
WORD: Final = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]+")
#: The same, captured: ``split`` gives gap, word, gap, word, ..., gap.
_SPLIT: Final = re.compile(f"({WORD.pattern})")


class Token(NamedTuple):
    """One word of a text: its offsets, characters as written, and normalised key (a named
    tuple: a text has many, and a tuple is built several times faster than a dataclass)."""

    start: int
    end: int
    text: str
    key: str


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """:func:`lookup_key` of one word, cached (the same words recur in every document)."""
    return lookup_key(word)


class Words:
    """The words of a text: parallel tuples of starts, ends, texts and keys (a sequence of
    :class:`Token` built on demand)."""

    __slots__ = ("ends", "keys", "starts", "texts")

    def __init__(
        self,
        starts: Sequence[int],
        ends: Sequence[int],
        texts: Sequence[str],
        keys: Sequence[str],
    ):
        self.starts, self.ends, self.texts, self.keys = starts, ends, texts, keys

    @classmethod
    def of(cls, tokens: list[Token] | Words) -> Words:
        """``tokens`` as :class:`Words` (themselves when they already are)."""
        if isinstance(tokens, Words):
            return tokens
        return cls(
            tuple([t.start for t in tokens]),
            tuple([t.end for t in tokens]),
            tuple([t.text for t in tokens]),
            tuple([t.key for t in tokens]),
        )

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> Words: ...
    def __getitem__(self, i: int | slice) -> Token | Words:
        if isinstance(i, slice):
            return Words(self.starts[i], self.ends[i], self.texts[i], self.keys[i])
        return Token(self.starts[i], self.ends[i], self.texts[i], self.keys[i])

    def __iter__(self) -> Iterator[Token]:
        return map(Token._make, zip(self.starts, self.ends, self.texts, self.keys, strict=True))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Words):
            return (self.starts, self.ends, self.texts, self.keys) == (
                other.starts,
                other.ends,
                other.texts,
                other.keys,
            )
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # compared by value, never a dict key

    def shifted(self, lo: int, hi: int, at: int) -> Words:
        """Words ``lo:hi`` with offsets made relative to ``at``."""
        return Words(
            tuple(map(sub, self.starts[lo:hi], repeat(at))),
            tuple(map(sub, self.ends[lo:hi], repeat(at))),
            self.texts[lo:hi],
            self.keys[lo:hi],
        )

    def packed(self) -> tuple[Sequence[int], Sequence[int], Sequence[str], Sequence[str]]:
        """The four sequences as one plain tuple (what the cache of recent texts keeps)."""
        return (self.starts, self.ends, self.texts, self.keys)


def words_of(text: str) -> Words:
    """The words of ``text`` (the same as :func:`factcheck.mentions.phrases.tokenize`'s),
    found by one ``split``: their offsets are the running sums of the parts' lengths.

    >>> w = words_of("U.S. Central-Command's")
    >>> w.keys, w.starts, w.ends
    (('u', 's', 'central', 'command', 's'), (0, 2, 5, 13, 21), (1, 3, 12, 20, 22))
    """
    parts = _SPLIT.split(text)
    offsets = tuple(accumulate(map(len, parts), initial=0))
    texts = tuple(parts[1::2])
    return Words(offsets[1:-1:2], offsets[2:-1:2], texts, tuple(map(word_key, texts)))


#: Characters of text whose words are kept for the next searches: several indexes (weekdays,
#: relative days, cues; places and their cues; registry names) are searched over the same
#: sentence, in passes over a document's sentences (dates, then places). A budget of
#: characters, not of texts: a document of this size is tokenised once per sentence; beyond
#: it the oldest texts go (a few MB of words at most).
RECENT_CHARS: Final = 300_000
#: A text longer than this (a whole document: the country it names, its days) is kept apart,
#: the latest one only, so that the sentences read between two searches over it never push
#: it out, and it never pushes them out.
LONG_TEXT: Final = 50_000
#: A text at least this long that is a part of the latest long text (a sentence of the
#: document) takes that text's words instead of being tokenised again: a document longer
#: than RECENT_CHARS is then read once per pass over its sentences at the cost of a copy.
SLICE_MIN_CHARS: Final = 64
#: Texts looked for in vain in the latest long text before no more are (each look is a scan
#: of it: a bounded cost when the texts come from elsewhere).
SLICE_MISSES: Final = 16
#: A text at least this long that is no part of the latest long text (an article, searched
#: whole for the country it names and its days) takes that place too, while staying among
#: the recent texts: its sentences, searched next, are then cut from its words rather than
#: tokenised one by one (a slice costs about half a tokenisation).
SOURCE_MIN_CHARS: Final = 1_000
_Packed = tuple[Sequence[int], Sequence[int], Sequence[str], Sequence[str]]
_recent: OrderedDict[str, _Packed] = OrderedDict()
_recent_chars: list[int] = [0]
_recent_long: list[_Long] = []
lock: Final = Lock()


class _Long:
    """The latest long text, its words, and where the last text found inside it began."""

    __slots__ = ("hint", "misses", "text", "words")

    def __init__(self, text: str, words: Words) -> None:
        self.text, self.words = text, words
        self.hint = 0
        self.misses = 0

    def part(self, text: str) -> Words | None:
        """The words of ``text`` if it is a part of the long text that cuts no word in two
        (then they are the long text's words there, shifted), else None."""
        if self.misses >= SLICE_MISSES:
            return None
        whole, n = self.text, len(text)
        at = whole.find(text, self.hint)  # sentences are read in order: found just after
        if at < 0:
            at = whole.find(text, 0, self.hint + n)
        if at < 0:
            self.misses += 1
            return None
        self.hint = at
        starts, ends = self.words.starts, self.words.ends
        lo = bisect_left(starts, at)
        hi = bisect_left(starts, at + n)
        if (lo > 0 and ends[lo - 1] > at) or (hi > 0 and ends[hi - 1] > at + n):
            return None  # a word runs across an end: tokenise the part itself
        return self.words.shifted(lo, hi, at)


def recent_words(text: str) -> Words:
    """:func:`words_of`, shared with the searches that follow over the same text (do not
    change the lists)."""
    if len(text) > LONG_TEXT:
        with lock:
            if _recent_long and _recent_long[0].text == text:
                return _recent_long[0].words
        words = words_of(text)
        with lock:
            _recent_long[:] = [_Long(text, words)]
        return words
    with lock:
        packed = _recent.get(text)
        if packed is not None:
            _recent.move_to_end(text)
            return Words(*packed)
        long = _recent_long[0] if _recent_long and len(text) >= SLICE_MIN_CHARS else None
        part = long.part(text) if long is not None else None
    words = part if part is not None else words_of(text)
    if part is None and len(text) >= SOURCE_MIN_CHARS:
        with lock:  # the texts read next may be its sentences
            if not _recent_long or text not in _recent_long[0].text:
                _recent_long[:] = [_Long(text, words)]
    if len(text) <= RECENT_CHARS:
        with lock:
            if text not in _recent:
                _recent[text] = words.packed()
                _recent_chars[0] += len(text)
            while _recent_chars[0] > RECENT_CHARS:
                _recent_chars[0] -= len(_recent.popitem(last=False)[0])
    return words
