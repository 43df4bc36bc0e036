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

    def scan(
        self, tokens: list[Token], lo: int, hi: int
    ) -> tuple[list[list[Match]], list[list[int]]]:
        """(matches of each list, tokens of each word set) within ``tokens[lo:hi]``."""
        lists, firsts, any_first, words = (
            self.lists,
            self.firsts,
            self.any_first,
            self.words,
        )
        found: list[list[Match]] = [[] for _ in lists]
        at: list[list[int]] = [[] for _ in words]
        free = [lo] * len(lists)  # the first token each list may match at (after its last)
        for i in range(lo, hi):
            tok = tokens[i]
            if not tok.is_word:
                continue
            keys = tok.keys
            if words:
                key = keys[0] if keys else ""
                for k, wanted in enumerate(words):
                    if key in wanted:
                        at[k].append(i)
            if not any_first.isdisjoint(keys):
                match_at(tokens, i, hi, lists, firsts, free, found)
        return found, at


def match_at(
    tokens: list[Token],
    i: int,
    hi: int,
    lists: tuple[Phrases, ...],
    firsts: tuple[frozenset[str], ...],
    free: list[int],
    found: tuple[list[Match], ...] | list[list[Match]],
) -> None:
    """The step of a one-pass scan at token ``i``: each list that may start there, past its
    last match (``free``), adds the entry found if it ends by ``hi``."""
    keys = tokens[i].keys
    for k, starts in enumerate(firsts):
        if i < free[k] or starts.isdisjoint(keys):
            continue
        match = lists[k].at(tokens, i)
        if match and match.last <= hi:
            found[k].append(match)
            free[k] = match.last


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
