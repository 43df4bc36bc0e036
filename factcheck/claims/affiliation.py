"""Whose side the counted belong to (``subject_detail``): "US", "Iraqi", "ISIS".

An affiliation word next to the subject noun or the figure ("جنود أميركيين", "nine ISIS
operatives"); "the group", "التنظيم" and militants without a named group take the armed group
last named in the document; soldiers without one take the affiliation in their speaker's
English name (a command reporting its own troops).
"""

from __future__ import annotations

from typing import Final

from factcheck.claims.lexicon import Lexicon, Match, Token, lexicon
from factcheck.claims.scene import MILITANTS, Scene, distance

#: Farthest an affiliation may be from its subject word or figure ("جنود أميركيين", "nine
#: ISIS operatives", "عنصرا من تنظيم الدولة"): farther away it qualifies something else.
AFFILIATION_WINDOW: Final = 1
#: Subjects whose missing affiliation is taken from their speaker's name (a command reporting
#: its own troops); police are left alone: their country is a place, not a side.
OWN_FORCES: Final = frozenset({"soldiers"})


def nearest_affiliation(sc: Scene, a: int, b: int, subject: Match | None) -> Match | None:
    """The nearest affiliation to the subject word (or the figure), by priority first."""
    if not sc.affiliations:
        return None
    f, g = (subject.first, subject.last) if subject is not None else (a, b)
    scored = [
        (distance(sc, m, min(a, f), max(b, g)) + int(m.value[1]), m.first, m)
        for m in sc.affiliations
        if sc.sv.clause_of(m.first) == sc.sv.clause_of(a)
    ]
    best = min(scored, default=None, key=lambda x: (x[0], x[1]))
    return best[2] if best is not None and best[0] <= AFFILIATION_WINDOW else None


def speaker_affiliation(name: str) -> str:
    """The affiliation named in a canonical (English) speaker name: "US Central Command" -> US."""
    if not name:
        return ""
    en = lexicon("en")
    tokens = en.tokenize(name)
    for m in en.affiliations.scan(tokens):
        if m.value[2] != MILITANTS:
            return str(m.value[0])
    return ""


def armed_groups(tokens: list[Token], lex: Lexicon) -> list[tuple[int, str]]:
    """(token index, label) of every armed group named in the document, in order."""
    return [(m.first, m.value[0]) for m in lex.affiliations.scan(tokens) if m.value[2] == MILITANTS]


def group_at(groups: list[tuple[int, str]], i: int) -> str:
    """The armed group last named before token ``i`` (else the first one named at all)."""
    before = [label for j, label in groups if j <= i]
    if before:
        return before[-1]
    return groups[0][1] if groups else ""
