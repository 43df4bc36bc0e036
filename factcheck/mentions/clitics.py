"""Clitics glued in front of a word ("و", "بال", "لل"), stripped for phrase search.

A word's forms are the word as written and each form left when one to ``MAX_STRIPS``
clitics of its language are taken off its front (with what the clitic stands for put back:
"للقيادة" -> "القيادة"), each with how many leading characters went.

The clitics of the languages searched are laid out once per language as a table, with the
first letters any of them starts with: most words start with none of those letters and have
no form but themselves, found at one set lookup instead of a test per clitic.

>>> Clitics({"ar": {"و": "", "لل": "ال"}}).strip("وللقيادة", "ar")
(('وللقيادة', 0), ('للقيادة', 1), ('القيادة', 2))
>>> Clitics({"ar": {"و": ""}}).strip("police", None)
(('police', 0),)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

#: Clitic stripping is tried this many times on one word ("وبال" + name).
MAX_STRIPS: Final = 3
#: A stripped word must keep at least this many letters (so "ب" + "ل" never match a name).
MIN_STEM: Final = 2

#: One clitic of a table: (clitic, what it stands for, its length, characters it removes
#: from the word's front once what it stands for is put back).
_Row = tuple[str, str, int, int]


class Clitics:
    """The clitics of each language, ``{language: {clitic: what it stands for}}``."""

    def __init__(self, prefixes: Mapping[str, Mapping[str, str]]) -> None:
        self.prefixes = prefixes
        #: language (None: every language) -> (its clitics in order, their first letters)
        self._tables: dict[str | None, tuple[tuple[_Row, ...], frozenset[str] | None]] = {}

    def _table(self, language: str | None) -> tuple[tuple[_Row, ...], frozenset[str] | None]:
        """The clitics tried for ``language`` (every language's for None or ""), in the
        order the languages and their clitics are given, and the letters they start with
        (None when a clitic is empty: then any word may lose one)."""
        found = self._tables.get(language)
        if found is None:
            langs = [language] if language else list(self.prefixes)
            rows = tuple(
                (clitic, stands, len(clitic), len(clitic) - _common_suffix(clitic, stands))
                for lang in langs
                for clitic, stands in self.prefixes.get(lang, {}).items()
            )
            firsts = frozenset(r[0][:1] for r in rows)
            found = self._tables[language] = (rows, None if "" in firsts else firsts)
        return found

    def strip(self, key: str, language: str | None) -> tuple[tuple[str, int], ...]:
        """The word and its clitic-stripped forms, with how many leading characters went."""
        rows, firsts = self._table(language)
        if not rows or (firsts is not None and key[:1] not in firsts):
            return ((key, 0),)  # no clitic starts the word: its only form is itself
        out = [(key, 0)]
        seen = {key}
        frontier = [(key, 0)]
        for _ in range(MAX_STRIPS):
            nxt = []
            for word, cut in frontier:
                for clitic, stands, n, gone in rows:
                    if word.startswith(clitic) and len(word) - n >= MIN_STEM:
                        form = stands + word[n:]
                        if form not in seen:
                            seen.add(form)
                            nxt.append((form, cut + gone))
            out.extend(nxt)
            frontier = nxt
        return tuple(out)  # a plain tuple: untracked by the collector once seen (kept long)


def _common_suffix(a: str, b: str) -> int:
    """Length of the common ending of two strings ("لل" and "ال" share the final "ل")."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n
