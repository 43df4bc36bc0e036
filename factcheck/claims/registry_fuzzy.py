"""Fuzzy registry look-up: the scores a match needs, and the tests that settle a name without
scoring it against every key.

A speaker phrase that no index knows ("wounded in an air strike in", and each of its
shorter prefixes) is searched fuzzily, and nearly always in vain. Two necessary conditions
prove most of them in vain cheaply, with the same answer as the full search:

* every word of a match must be close to a word of the key (``FUZZY_MIN_WORD_SCORE``), so a
  query with a word close to no word of any key matches none (:func:`words_near`; the
  answer for a word is remembered: news reuse their words);
* the whole-name score bounds the letters two names may differ by (:func:`near`).
"""

from __future__ import annotations

from typing import Final

from rapidfuzz import fuzz

#: Whole-name similarity (rapidfuzz ``fuzz.ratio`` of normalised names, 0-100) a fuzzy match
#: needs. 90 lets through a dropped or doubled letter in a name of 10+ letters ("Asociated
#: Press", "US Central Comand") but not a different country or word: "Iraqi Ministry of Health" vs
#: "Iranian Ministry of Health" scores 92, which is why the word test below exists too.
FUZZY_MIN_SCORE: Final = 90
#: Every word of the query must match a word of the alias at least this well (and the other
#: way round): "iraqi"/"iranian" is 67, "army"/"navy" 50, "pres"/"press" 89.
FUZZY_MIN_WORD_SCORE: Final = 80
#: Words whose answer is remembered (a news vocabulary fits; bounded).
WORD_MEMO_SIZE: Final = 100_000


class _Letters:
    """Strings with their letter counts, to find those that can reach a ``fuzz.ratio``
    score against a query. The score is ``100 * (1 - d / (a + b))`` for an insert/delete
    distance d between strings of lengths a and b, and d is at least the number of letters
    one string has more of than the other (summed over letters): strings whose letter counts
    differ more than the score allows never reach it and need not be scored."""

    def __init__(self, strings: tuple[str, ...]) -> None:
        import numpy as np  # here: the command's start-up never needs it (docs/benchmarks.md)

        column: dict[str, int] = {}
        for string in strings:
            for ch in string:
                column.setdefault(ch, len(column))
        counts = np.zeros((len(column), len(strings)), dtype=np.int32)  # letter x string
        letters = [column[ch] for string in strings for ch in string]
        owners = [i for i, string in enumerate(strings) for _ in string]
        np.add.at(counts, (letters, owners), 1)  # one call, not one per letter
        self.strings, self.column, self.counts = strings, column, counts
        self.lengths = np.asarray([len(k) for k in strings], dtype=np.int64)

    def within(self, query: str, score: float) -> list[int]:
        """Indexes (in order) of the strings that may score ``score`` against ``query``."""
        import numpy as np

        column = self.column
        letters: dict[int, int] = {}
        for ch in query:
            if ch in column:
                letters[column[ch]] = letters.get(column[ch], 0) + 1
        wanted = np.fromiter(letters.values(), dtype=np.int32, count=len(letters))
        shared = np.minimum(self.counts[list(letters)], wanted[:, None]).sum(axis=0)
        distance = self.lengths + len(query) - 2 * shared  # letters of one not in the other
        allowed = (1 - score / 100) * (self.lengths + len(query)) + 1e-6
        return np.flatnonzero(distance <= allowed).tolist()


_Tables = tuple[tuple[str, ...], _Letters, _Letters, dict[str, bool]]
#: id(keys) -> (keys, their letters, the letters of every word of them, word -> whether it
#: is close to one of those words: a word of a key is, at no cost), built once per registry
_TABLES: dict[int, _Tables] = {}


def _tables(keys: tuple[str, ...]) -> _Tables:
    found = _TABLES.get(id(keys))
    if found is None or found[0] is not keys:
        words = tuple(sorted({w for key in keys for w in key.split()}))
        memo = dict.fromkeys(words, True)
        found = _TABLES[id(keys)] = (keys, _Letters(keys), _Letters(words), memo)
    return found


def words_near(keys: tuple[str, ...], query: str) -> bool:
    """Whether every word of ``query`` is close to a word of some key: when not, no key
    passes :func:`words_match` with ``query``, and the fuzzy search can find nothing."""
    _, _, vocabulary, memo = _tables(keys)
    words = query.split()
    if any(memo.get(word) is False for word in words):
        return False  # a word already known far: the new words need not be scored
    for word in words:
        close = memo.get(word)
        if close is None:
            close = any(
                fuzz.ratio(word, vocabulary.strings[i]) >= FUZZY_MIN_WORD_SCORE
                for i in vocabulary.within(word, FUZZY_MIN_WORD_SCORE)
            )
            if len(memo) < WORD_MEMO_SIZE:
                memo[word] = close
        if not close:
            return False
    return True


def words_match(query: str, alias: str) -> bool:
    """Each word of one name has a close word in the other (see FUZZY_MIN_WORD_SCORE)."""
    a, b = query.split(), alias.split()

    def covered(xs: list[str], ys: list[str]) -> bool:
        return all(max(fuzz.ratio(x, y) for y in ys) >= FUZZY_MIN_WORD_SCORE for x in xs)

    return covered(a, b) and covered(b, a)


def near(keys: tuple[str, ...], query: str) -> list[int]:
    """Indexes (in order) of the keys that can reach :data:`FUZZY_MIN_SCORE` against
    ``query`` (by their letter counts, :class:`_Letters`): the same result as scoring every
    key of the registry, found by scoring a few."""
    return _tables(keys)[1].within(query, FUZZY_MIN_SCORE)
