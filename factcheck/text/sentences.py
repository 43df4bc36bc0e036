"""Sentence splitting for Arabic and Latin-script text, in original offsets.

A sentence ends at a line break, or at ``.``, ``!``, ``?``, ``؟``, ``…`` (with any closing
quotes or brackets) followed by white space, or at a full stop glued between two Arabic
letters (a missing space is common in Arabic web copy: "الطبية.وكان"). A full stop does
not end a sentence when it belongs to a number ("1.5" has no space after it), to an
abbreviation listed in the language data (``abbreviations``: "U.S.", "Gen."), to a single
capital letter ("J. Smith"), or when the next word starts in lower case (Latin scripts only:
"the U.S. military said"). Arabic clauses joined by "و" and "،" stay one sentence: a comma
never ends one.

A run of more than ``MAX_SENTENCE_CHARS`` characters without any of these (text stripped of
its punctuation, a transcript, a list run together) is not one sentence a reader could take
in: it is cut into pieces of at most that length, each ending at the last clause mark
(``,`` ``،`` ``;`` ``:``) of its second half, or else at the last space. Every step that
reads a sentence per figure then stays bounded, and no row of the claims table carries the
whole text as its ``sentence`` (docs/benchmarks.md).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from factcheck.errors import LanguageDataError
from factcheck.lang import load
from factcheck.model import Span

#: Characters that may end a sentence.
_TERMINALS: Final = ".!?؟…"
#: Closing quotes and brackets that stay with the sentence they close.
_CLOSERS: Final = "\"'”’»)]›"

#: Arabic letters: a full stop glued between two of them ends a sentence ("الطبية.وكان").
_ARABIC_LETTER: Final = "\u0621-\u064a"
_BOUNDARY: Final = re.compile(
    rf"[{re.escape(_TERMINALS)}]+[{re.escape(_CLOSERS)}]*(?=\s|$)|\n"
    rf"|(?<=[{_ARABIC_LETTER}])[.؟!](?=[{_ARABIC_LETTER}])",
    re.UNICODE,
)
#: Longest sentence kept whole; news sentences are far shorter (a few hundred characters).
MAX_SENTENCE_CHARS: Final = 2000
#: Where an over-long run is cut, best first: after a clause mark, else at a space.
_CLAUSE_MARK: Final = re.compile(r"[,،;؛:]\s")
_SPACE: Final = re.compile(r"\s")
_WORD_BEFORE: Final = re.compile(r"(\S+)$")
_NEXT_CHAR: Final = re.compile(r"\s*(\S)")


@cache
def _abbreviations(language: str) -> frozenset[str]:
    """Casefolded abbreviations (with their dots) of a language; empty if it has none."""
    try:
        words = load(language).get("abbreviations") or []
    except LanguageDataError:  # unknown language: no abbreviations, splitting still works
        words = []
    return frozenset(str(w).casefold() for w in words)


def _is_stop(text: str, match: re.Match[str], abbreviations: frozenset[str]) -> bool:
    """Whether the terminal at ``match`` really ends the sentence."""
    if match.group() == "\n" or match.group()[0] != ".":
        return True
    before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
    word = (before.group(1) if before else "") + "."
    core = word.lstrip("\"'“«(")
    if core.casefold() in abbreviations:
        return False
    if len(core) == 2 and core[0].isupper():  # "J. Smith"
        return False
    nxt = _NEXT_CHAR.match(text, match.end())
    return not (nxt and nxt.group(1).islower())


def split_sentences(text: str, language: str) -> list[Span]:
    """Sentences of ``text`` as spans of the original text, trimmed of white space.

    >>> t = "Officials in the U.S. said 1.5 million. Another one؟ ثالثة."
    >>> [s.of(t) for s in split_sentences(t, "en")]
    ['Officials in the U.S. said 1.5 million.', 'Another one؟', 'ثالثة.']
    """
    abbreviations = _abbreviations(language)
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if not _is_stop(text, match, abbreviations):
            continue
        end = match.end() if match.group() != "\n" else match.start()
        _append_trimmed(text, start, end, spans)
        start = match.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    """Add ``[start, end)`` without surrounding white space, unless nothing is left; a run
    longer than ``MAX_SENTENCE_CHARS`` is added in pieces (:func:`_cut`)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = _cut(text, start, start + MAX_SENTENCE_CHARS)
        _append_trimmed(text, start, cut, spans)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        spans.append(Span(start, end))


def _cut(text: str, lo: int, hi: int) -> int:
    """Where a run starting at ``lo`` is cut before ``hi``: after its last clause mark in
    ``[mid, hi)``, else at its last space there, else at ``hi`` (one unbroken word).

    >>> t = "a" * 1500 + ", " + "b " * 300
    >>> _cut(t, 0, 2000)
    1501
    """
    mid = (lo + hi) // 2
    marks = [m.start() + 1 for m in _CLAUSE_MARK.finditer(text, mid, hi)]
    if marks:
        return marks[-1]
    spaces = [m.start() for m in _SPACE.finditer(text, mid, hi)]
    return spaces[-1] if spaces else hi
