"""The party of a speaker from the registry, with the names it cannot know set aside cheaply.

A large table has one speaker per ten claims, nearly all of them unknown to the registry, and
each unknown name costs a whole :func:`factcheck.claims.registry.resolve`: the phrase look-ups,
then a fuzzy search. :class:`Screen` proves a name unknown from two necessary conditions
instead and asks ``resolve`` only when either holds:

* a whole-name look-up (exact or generic, skipping leading determiners) ends on the name's
  last word, which the phrase trie matches as written or by its normalised key after the
  first word, so a name of two words or more whose last word is no word of any stored phrase
  is in neither index (a last word looked up alone may lose a clitic: always asked);
* a fuzzy match needs ``fuzz.ratio >= FUZZY_MIN_SCORE``, i.e. an insert/delete distance of at
  most ``(1 - score/100) * (a + b)`` for names of a and b letters, and that distance is at
  least the number of letters one name has beyond the other's (``a + b - 2 * shared``): when
  no registry key comes that close by its letter counts, none can match. The bound depends on
  the query's length and letter counts only, remembered for names that share them (a table's
  "Hospital 12" and "Hospital 21").

A bracketed name ("X (Y)") is always asked. Whatever the screen passes gets ``resolve``'s own
answer, so the parties are those ``resolve`` gives (tests/compare/test_parties.py checks it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

#: Margin of the distance bound (the same as the registry's own pre-filter).
_EPSILON = 1e-6


class Screen:
    """Proves names unknown to a registry (see the module's docstring); ``unknown(name)``
    is True only when ``registry.resolve(name)`` is None."""

    def __init__(self, registry: Any, tokenize: Callable[[str], list[Any]], min_score: float,
                 min_length: int) -> None:  # fmt: skip
        self._tokenize = tokenize
        self._determiners = registry.determiners
        self._min_length = min_length
        self._share = 1 - min_score / 100
        self._words = registry.index.words() | registry.generic.words()
        keys = registry.fuzzy_keys
        column: dict[str, int] = {}
        for key in keys:
            for ch in key:
                column.setdefault(ch, len(column))
        counts = np.zeros((len(column), len(keys)), dtype=np.int32)
        for i, key in enumerate(keys):
            for ch in key:
                counts[column[ch], i] += 1
        self._column, self._counts = column, counts
        self._lengths = np.asarray([len(k) for k in keys], dtype=np.int64)
        self._far: dict[tuple[int, str], bool] = {}

    def unknown(self, name: str) -> bool:
        """True when no stage of ``resolve`` can find an entry for ``name``."""
        if "(" in name or "（" in name:
            return False
        tokens = self._tokenize(name)
        if len(tokens) < 2 or all(t.key in self._determiners for t in tokens[:-1]):
            return False  # the look-up may come down to the last word alone
        last, words = tokens[-1], self._words
        if last.key in words or last.text in words:
            return False
        keys = [t.key for t in tokens]
        while len(keys) > 1 and keys[0] in self._determiners:
            keys = keys[1:]
        query = " ".join(keys)
        if len(query) < self._min_length:
            return True
        column = self._column
        letters = "".join(sorted(ch for ch in query if ch in column))
        memo = (len(query), letters)
        far = self._far.get(memo)
        if far is None:
            far = self._far[memo] = self._no_key_near(len(query), letters)
        return far

    def _no_key_near(self, length: int, letters: str) -> bool:
        wanted: dict[int, int] = {}
        for ch in letters:
            wanted[self._column[ch]] = wanted.get(self._column[ch], 0) + 1
        rows = list(wanted)
        need = np.asarray([wanted[r] for r in rows], dtype=np.int32)
        shared = np.minimum(self._counts[rows], need[:, None]).sum(axis=0)
        total = self._lengths + length
        return bool(np.all(total - 2 * shared > self._share * total + _EPSILON))


def registry_party() -> Callable[[str], str | None] | None:
    """The party of a speaker from ``factcheck.claims.registry`` (``party_of`` when it has
    one, else the ``party`` of the entry ``resolve`` finds, names proven unknown by
    :class:`Screen` skipped), or None without a registry."""
    import importlib

    try:
        registry = importlib.import_module("factcheck.claims.registry")
    except ImportError:
        return None
    party_of = getattr(registry, "party_of", None)
    if callable(party_of):
        return party_of
    resolve_name = getattr(registry, "resolve", None)
    if not callable(resolve_name):
        return None
    screen = _screen(registry)

    def lookup(name: str) -> str | None:
        if screen is not None and screen.unknown(name):
            return None
        entry = resolve_name(name)
        return getattr(entry, "party", None) if entry is not None else None

    return lookup


def _screen(registry: Any) -> Screen | None:
    """A :class:`Screen` of the bundled registry, or None when the registry is not built
    the way the screen reads it (then every name is resolved)."""
    try:
        from factcheck.mentions.phrases import tokenize

        return Screen(registry.load_registry(), tokenize, registry.FUZZY_MIN_SCORE,
                      registry.FUZZY_MIN_LENGTH)  # fmt: skip
    except (AttributeError, TypeError):
        return None
