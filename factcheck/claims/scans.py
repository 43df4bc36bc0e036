"""Several phrase lists and word sets read in one pass over a range of tokens.

Each list's matches are those its own :meth:`Phrases.scan` finds (left to right, not
overlapping, ending inside the range); each word set gives the tokens whose key is in it. A
clause or a sentence is then walked once instead of once per list.
"""

from __future__ import annotations

from typing import Final

from factcheck.claims.lexicon import Lexicon, Match, Phrases, Token

#: Readers kept (one per lexicon and choice of lists in use; tests build a few more).
READERS_KEPT: Final = 16


class MultiScan:
    """The phrase lists and word sets of one reader, with the words any list may start."""

    def __init__(self, lists: tuple[Phrases, ...], words: tuple[frozenset[str], ...]) -> None:
        self.lists, self.words = lists, words
        self.firsts = tuple(p.starts for p in lists)
        self.any_first = frozenset().union(*self.firsts)
        self.bits = first_bits(self.firsts)
        #: key -> the word sets holding it (most keys are in none: one dict lookup)
        self.sets_of: dict[str, tuple[int, ...]] = {}
        for k, wanted in enumerate(words):
            for key in wanted:
                self.sets_of[key] = (*self.sets_of.get(key, ()), k)

    def scan(
        self, tokens: list[Token], lo: int, hi: int
    ) -> tuple[list[list[Match]], list[list[int]]]:
        """(matches of each list, tokens of each word set) within ``tokens[lo:hi]``."""
        lists, bits, any_first, sets_of = self.lists, self.bits, self.any_first, self.sets_of
        found: list[list[Match]] = [[] for _ in lists]
        at: list[list[int]] = [[] for _ in self.words]
        free = [lo] * len(lists)  # the first token each list may match at (after its last)
        for i in range(lo, hi):
            tok = tokens[i]
            if not tok.is_word:
                continue
            keys = tok.keys
            if sets_of:
                hit = sets_of.get(keys[0] if keys else "")
                if hit is not None:
                    for k in hit:
                        at[k].append(i)
            if not any_first.isdisjoint(keys):
                match_at(tokens, i, hi, lists, bits, free, found)
        return found, at


def first_bits(firsts: tuple[frozenset[str], ...]) -> dict[str, int]:
    """key -> bit set of the lists an entry of which may start with it (bit ``1 << k`` for
    the k-th list of ``firsts``): a word is looked up only in those lists."""
    table: dict[str, int] = {}
    for k, starts in enumerate(firsts):
        for key in starts:
            table[key] = table.get(key, 0) | 1 << k
    return table


def match_at(
    tokens: list[Token],
    i: int,
    hi: int,
    lists: tuple[Phrases, ...],
    bits: dict[str, int],
    free: list[int],
    found: tuple[list[Match], ...] | list[list[Match]],
) -> None:
    """The step of a one-pass scan at token ``i``: each list that may start there
    (:func:`first_bits`), past its last match (``free``), adds the entry found if it ends by
    ``hi``, in the order of the lists."""
    may = 0
    for key in tokens[i].keys:
        may |= bits.get(key, 0)
    k = 0
    while may:
        if may & 1 and i >= free[k]:
            match = lists[k].at(tokens, i)
            if match and match.last <= hi:
                found[k].append(match)
                free[k] = match.last
        may >>= 1
        k += 1


_READERS: dict[tuple[int, str], tuple[Lexicon, MultiScan]] = {}


def reader(
    lex: Lexicon,
    name: str,
    lists: tuple[Phrases, ...],
    words: tuple[frozenset[str], ...] = (),
) -> MultiScan:
    """The reader called ``name`` of ``lex`` (built on first use, from ``lists`` and
    ``words``, which must be the same for a name)."""
    hit = _READERS.get((id(lex), name))
    if hit is None or hit[0] is not lex:
        if len(_READERS) >= READERS_KEPT:
            _READERS.clear()
        hit = _READERS[(id(lex), name)] = (lex, MultiScan(lists, words))
    return hit[1]
