"""Datelines: "MOSUL, Iraq (Reuters) -", "BAGHDAD (AP) —", "بغداد - واع", "PARIS (AFP) -".

A dateline opens a news story with where it was filed and, often, the wire agency that wrote
it. It names the outlet that carries the whole text (a relay), never a speaker: its words are
fenced off from speaker phrases, and the agency it names becomes the outermost relay of every
claim of a copy republished by another outlet ("(Reuters)" in a local site's text: via
Reuters), so that two outlets carrying one wire story count as one source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

#: How many lines from the top a dateline may open (a headline and a byline may come first).
DATELINE_MAX_LINES: Final = 4
#: A bracketed dateline: a place of at most 40 characters ("MOSUL, Iraq", "بغداد"), then
#: "(AGENCY)" or "(AGENCY|PLACE)", then a dash.
_BRACKETED: Final = re.compile(
    r"(?P<place>[^\n()]{0,40}?)\s*\((?P<inner>[^()\n\d]{1,40})\)\s*[-–—]+\s*"
)
#: A dash dateline: place, dash, agency, then a dash, a colon or the end of the line.
_DASHED: Final = re.compile(
    r"(?P<place>[^\n()\d\-–—:]{1,40}?)\s*[-–—]+\s*(?P<inner>[^\n\-–—:()\d]{1,30}?)"
    r"\s*(?:[-–—:]+\s*|$)",
    re.M,
)
#: Separators of several names inside one bracket: "(UTV|TEHRAN)", "(AFP/Reuters)".
_PARTS: Final = re.compile(r"\s*[|/,]\s*")


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where a dateline sits in the text (``start``, ``end``) and the outlet it names ("")."""

    start: int
    end: int
    outlet: str


def find_dateline(text: str, language: str) -> Dateline | None:
    """The dateline opening one of the first lines of ``text``, or None.

    >>> find_dateline("BASRA, Iraq (Reuters) - Eight people died.", "en").outlet
    'Reuters'
    >>> find_dateline("بغداد - واع\\nقال الدفاع المدني", "ar").outlet
    'Iraqi News Agency'
    """
    offset = 0
    for line in text.split("\n")[:DATELINE_MAX_LINES]:
        found = _in_line(line, language)
        if found is not None:
            start, end, outlet = found
            return Dateline(offset + start, offset + end, outlet)
        offset += len(line) + 1
    return None


def _in_line(line: str, language: str) -> tuple[int, int, str] | None:
    stripped = len(line) - len(line.lstrip())
    m = _BRACKETED.match(line, stripped)
    if m is not None and _place_like(m["place"]):
        names = [p for p in _PARTS.split(m["inner"].strip()) if p]
        outlet = next((o for o in (_outlet(n, language) for n in names) if o), "")
        place = m["place"].strip()
        if outlet or (_upper(place) if place else all(_upper(n) for n in names)):
            return m.start(), m.end(), outlet
    m = _DASHED.match(line, stripped)
    if m is not None and _place_like(m["place"]):
        outlet = _outlet(m["inner"].strip(), language)
        if outlet:
            return m.start(), m.end(), outlet
    return None


def _place_like(place: str) -> bool:
    """A dateline's place is short: at most four words, no sentence punctuation."""
    words = place.replace(",", " ").split()
    return len(words) <= 4 and not any(c in place for c in '.!?؟"«»“”')


def _upper(words: str) -> bool:
    letters = [c for c in words if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters if c.isascii())


def _outlet(name: str, language: str) -> str:
    """The registry name of a news outlet, else ""."""
    try:
        from factcheck.claims.registry import resolve
        from factcheck.claims.sources import OUTLETS
    except ImportError:  # the registry is optional
        return ""
    entry = resolve(name, language)
    return entry.name if entry is not None and str(entry.type) in OUTLETS else ""
