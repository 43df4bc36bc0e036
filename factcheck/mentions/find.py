"""Every number expression of a document, as mentions with spans into the original text.

The text is read in blocks that end at a line break (about :data:`BLOCK_CHARS` each), so
memory stays flat however long the document is; each block is normalised once, read by
:mod:`factcheck.mentions.numbers`, given roles by :mod:`factcheck.mentions.roles`, and its
figures are mapped back to original offsets by the one offset map of the normalised text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Final

from factcheck.lang import available
from factcheck.mentions.datemerge import merge_dates
from factcheck.mentions.lexicon import Lexicon, lexicon
from factcheck.mentions.numbers import find_numbers
from factcheck.mentions.roles import UNREADABLE_REASON, assign_role
from factcheck.mentions.words import Atom
from factcheck.model import MAX_FIGURE, Document, Mention, Qualifier, Role
from factcheck.text.normalize import NormalizedText, normalize

#: Target size of a block of text read at once (characters); blocks end at a line break.
BLOCK_CHARS: Final = 64_000
_ARABIC_LETTER: Final = re.compile(r"[\u0620-\u064a]")
#: A sentence end a block may stop after, in a line longer than a block.
_SENTENCE_END: Final = re.compile(r"(?<![\d.])[.!?؟]+\s+")
#: Each qualifier by its value (a dict lookup; calling the enum costs more per figure).
_QUALIFIERS: Final = {q.value: q for q in Qualifier}
#: A figure of a block with its role, reason and counted noun.
Found = tuple[Atom, Role, str, str]


def resolve_language(doc: Document) -> str:
    """The language whose data reads ``doc``: its own, else guessed from the script."""
    if doc.language in available():
        return doc.language
    return "ar" if _ARABIC_LETTER.search(doc.text[:2000]) else "en"


def blocks(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, block)`` pieces of ``text``, each about :data:`BLOCK_CHARS` long.

    A block ends at the last line break of its window; in a longer line, at the last sentence
    end (".", "!", "?", "؟" then white space, not after a digit) of the window, else the first
    after it; with none, at the end of the line, however long. So a cut never falls inside a
    figure, between a figure and its hedge, or between the two bounds of a range: none of them
    crosses a line break or a sentence end.
    """
    start, n = 0, len(text)
    while start < n:
        end = start + BLOCK_CHARS
        if end < n:
            cut = text.rfind("\n", start, end)
            if cut >= start:
                end = cut + 1
            else:
                stop = None
                for stop in _SENTENCE_END.finditer(text, start, end):  # noqa: B007 - the last
                    continue
                line = text.find("\n", end)
                line = n if line < 0 else line + 1
                stop = stop or _SENTENCE_END.search(text, end, line)
                end = stop.end() if stop else line
        yield start, text[start:end]
        start = end


def read_block(lex: Lexicon, block: str) -> tuple[NormalizedText, list[Found]]:
    """The figures of one block of text, in offsets of its normalised text, each with its
    ``(role, reason, unit)``; :func:`find_mentions` maps them back to the original."""
    nt = normalize(block)

    def is_upper(offset: int) -> bool:
        try:
            return block[nt.to_original(offset, offset + 1).start].isupper()
        except (ValueError, IndexError):
            return False

    atoms, toks = find_numbers(nt.text, lex, is_upper)
    atoms = merge_dates(lex, nt.text, atoms)
    found: list[Found] = []
    for atom in atoms:
        role, reason, unit = assign_role(lex, nt.text, toks, atom, is_upper)
        low, high, point = atom.low, atom.high, atom.point
        # is_figure of each value, in one comparison each (false for NaN and infinities)
        if (
            (low is not None and not -MAX_FIGURE <= low <= MAX_FIGURE)
            or (high is not None and not -MAX_FIGURE <= high <= MAX_FIGURE)
            or (point is not None and not -MAX_FIGURE <= point <= MAX_FIGURE)
        ):
            # "9e14 thousand": digits that read, a product that cannot stand in a table
            atom.low = atom.high = atom.point = None
            role, reason, unit = Role.OTHER, UNREADABLE_REASON, ""
        found.append((atom, role, reason, unit))
    return nt, found


def find_mentions(doc: Document) -> list[Mention]:
    """Every number expression in ``doc``, sorted by start, each with its role and reason.

    >>> doc = Document("d", "AP", "en", "At least 15 people were killed on 3 July 2021.")
    >>> [(m.text, m.low, m.high, m.qualifier.value, m.role.value) for m in find_mentions(doc)]
    [('At least 15', 15.0, None, 'at_least', 'claim'), ('3 July 2021', 2021.0, 2021.0, 'exact', \
'date')]
    """
    lex = lexicon(resolve_language(doc))
    found: list[Mention] = []
    for offset, block in blocks(doc.text):
        nt, figures = read_block(lex, block)
        for atom, role, reason, unit in figures:
            span = nt.to_original(atom.start, atom.end)
            start, end = offset + span.start, offset + span.end
            found.append(  # the fields in order: positional arguments cost less per figure
                Mention(
                    doc.id,
                    start,
                    end,
                    doc.text[start:end],
                    atom.low,
                    atom.high,
                    _QUALIFIERS[atom.qualifier],
                    role,
                    reason,
                    atom.point,
                    unit,
                )
            )
    return resolve_overlaps(found)


#: Reason of a mention shortened because the figure before it reaches into it.
OVERLAP_REASON: Final = "overlaps the figure before it (kept: the part after that figure)"


def resolve_overlaps(found: list[Mention]) -> list[Mention]:
    """The one rule for mentions whose spans overlap ("nine186,184", "billion٣٣"): ordered by
    start (the longer first at the same start), the earlier keeps its span and reading; a later
    one inside it is dropped (its characters are in the earlier one); a later one that reaches
    past it is shortened to start where the earlier ends, with role other, no value, and
    :data:`OVERLAP_REASON`.

    >>> a = Mention("d", 0, 7, "nine186", 9.0, 9.0, Qualifier.EXACT, Role.CLAIM)
    >>> b = Mention("d", 4, 7, "186", 186.0, 186.0, Qualifier.EXACT, Role.CLAIM)
    >>> [(m.start, m.end, m.role.value) for m in resolve_overlaps([a, b])]
    [(0, 7, 'claim')]
    """
    kept: list[Mention] = []
    for m in sorted(found, key=lambda m: (m.start, -m.end)):
        prev = kept[-1] if kept else None
        if prev is None or m.start >= prev.end:
            kept.append(m)
        elif m.end > prev.end:
            cut = prev.end - m.start
            kept.append(
                replace(
                    m,
                    start=prev.end,
                    text=m.text[cut:],
                    low=None,
                    high=None,
                    point=None,
                    qualifier=Qualifier.EXACT,
                    role=Role.OTHER,
                    reason=OVERLAP_REASON,
                    unit="",
                )
            )
    return kept
