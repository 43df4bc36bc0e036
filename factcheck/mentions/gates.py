"""Cue patterns with a cheap test in front, so the regular expression runs only where it can match.

Most figures have no cue around them, yet a pattern that must end at a figure
(``... [\\s\\-]*$`` searched in the window before it) is tried by the regex engine at every
position of that window. A :class:`Gate` first looks at the few characters next to the figure
with ``str.endswith`` / ``str.startswith`` (in C): the phrase the pattern ends with (or
begins with) must be written right there, past white space and hyphens. The test is a
necessary condition, never a sufficient one: when it passes, the very same pattern runs, so a
gate changes no result, only the time spent on figures it cannot match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

#: What a cue pattern may leave between its phrase and the figure: white space and hyphens.
_GAP_CHARS: Final = "-"
_GAP: Final = re.compile(r"[\s\-]*")


def _final(phrase: str) -> str:
    """The literal the alternation of ``phrase`` ends with (its last word or hyphen part)."""
    parts = re.split(r"(?<=\w)-(?=\w)", phrase)[-1].split()
    return parts[-1] if parts else ""


def _first(phrase: str) -> str:
    """The literal the alternation of ``phrase`` begins with (its first word or hyphen part)."""
    parts = re.split(r"(?<=\w)-(?=\w)", phrase)[0].split()
    return parts[0] if parts else ""


def _skips(ch: str, strip: str = _GAP_CHARS) -> bool:
    return ch.isspace() or ch in strip


def ends_of(phrases: Iterable[str], strip: str = _GAP_CHARS) -> tuple[str, ...] | None:
    """The literals a match of ``alternation(phrases)`` can end with; None when some phrase
    ends with white space or a character of ``strip`` (the gap after it may then hide its
    end: no gate)."""
    out = {_final(p) for p in phrases}
    if any(not e or _skips(e[-1], strip) for e in out):
        return None
    return tuple(sorted(out))


def starts_of(phrases: Iterable[str]) -> tuple[str, ...] | None:
    """The literals a match of ``alternation(phrases)`` can begin with; None when some
    phrase begins with white space or a hyphen."""
    out = {_first(p) for p in phrases}
    if any(not s or _skips(s[0]) for s in out):
        return None
    return tuple(sorted(out))


#: The last window looked at before a figure (text, start, end, characters stripped, what is
#: left) and the last position after one (text, position, first character past the gap): the
#: gates of one figure look at the same places one after another. One entry each, so no text
#: but the one being read is kept; a tuple is replaced whole, never changed in place.
_last_before: tuple[str, int, int, str, str] = ("", -1, -1, "", "")
_last_after: tuple[str, int, int] = ("", -1, -1)


def _before_gap(text: str, pos: int, endpos: int, strip: str) -> str:
    """``text[pos:endpos]`` without the white space and ``strip`` characters at its end
    (remembered)."""
    global _last_before
    before = text[pos:endpos].rstrip()
    while before and before[-1] in strip:
        before = before.rstrip(strip).rstrip()
    _last_before = (text, pos, endpos, strip, before)
    return before


def _after_gap(text: str, pos: int) -> int:
    """The first position from ``pos`` that is not white space or a hyphen (remembered)."""
    global _last_after
    after = _GAP.match(text, pos).end()
    _last_after = (text, pos, after)
    return after


@dataclass(frozen=True, slots=True)
class Gate:
    """``pattern`` behind a necessary test; :meth:`search` and :meth:`match` answer as the
    pattern's own methods do.

    ``ends``: for a pattern searched in the window before a figure and anchored at the window's
    end, the literals its match ends with before the trailing white space and the characters
    of ``strip`` (hyphens).
    ``starts``: for a pattern matched right after a figure, the literals it begins with after
    the leading ones. None: no test on that side. ``near``: for a pattern with at most one
    match in a window (the last word before the figure), the search starts this many
    characters before the window's end, and looks further back only when nothing is found.
    """

    pattern: re.Pattern[str]
    ends: tuple[str, ...] | None = None
    starts: tuple[str, ...] | None = None
    near: int = 0
    strip: str = _GAP_CHARS
    #: last characters of ``ends`` and first ones of ``starts``: one set lookup rejects most
    last_chars: frozenset[str] = field(init=False)
    first_chars: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "last_chars", frozenset(e[-1:] for e in self.ends or ()))
        object.__setattr__(self, "first_chars", frozenset(s[:1] for s in self.starts or ()))

    def search(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        ends = self.ends
        if ends is not None:
            last = _last_before
            if last[1] == pos and last[2] == endpos and last[0] is text and last[3] == self.strip:
                before = last[4]
            else:
                before = _before_gap(text, pos, endpos, self.strip)
            if before[-1:] not in self.last_chars or not before.endswith(ends):
                return None
        if self.near and endpos - self.near > pos:
            found = self.pattern.search(text, endpos - self.near, endpos)
            if found is not None:
                return found
        return self.pattern.search(text, pos, endpos)

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        starts = self.starts
        if starts is not None:
            last = _last_after
            at = last[2] if last[1] == pos and last[0] is text else _after_gap(text, pos)
            if text[at : at + 1] not in self.first_chars or not text.startswith(starts, at):
                return None
        return self.pattern.match(text, pos)


@dataclass(frozen=True, slots=True)
class GateIndex:
    """The gates of a language filed by the character their test needs next to a figure, so
    that the gates of one figure are answered from two reads of the text (:class:`Around`).

    ``by_first``: for a first character after a figure (past white space and hyphens), the
    names whose ``starts`` test may pass there, with ``any_first`` (the gates without that
    test); ``by_last``: for the last character before a figure's window end (past white space
    and hyphens), the names whose ``ends`` test may pass, with ``any_last`` (the gates without
    that test, or with other characters stripped).
    """

    gates: dict[str, Gate]
    window: int
    by_first: dict[str, frozenset[str]]
    any_first: frozenset[str]
    by_last: dict[str, frozenset[str]]
    any_last: frozenset[str]


def gate_index(gates: dict[str, Gate], window: int) -> GateIndex:
    """The :class:`GateIndex` of ``gates``, whose ``before`` side looks ``window`` characters
    back from a figure."""
    any_first = frozenset(n for n, g in gates.items() if g.starts is None)
    any_last = frozenset(n for n, g in gates.items() if g.ends is None or g.strip != _GAP_CHARS)
    firsts = {c for g in gates.values() for c in g.first_chars}
    lasts = {c for n, g in gates.items() if n not in any_last for c in g.last_chars}
    by_first = {c: any_first | {n for n, g in gates.items() if c in g.first_chars} for c in firsts}
    by_last = {
        c: any_last | {n for n, g in gates.items() if n not in any_last and c in g.last_chars}
        for c in lasts
    }
    return GateIndex(gates, window, by_first, any_first, by_last, any_last)


class Around:
    """The gates of one figure at ``[start, end)`` of ``text``: :meth:`after` answers as
    ``gate.match(text, end)`` and :meth:`before` as ``gate.search(text, start - window,
    start)``. The characters the gates' tests read are read once here; a gate whose test
    fails on them is not called, one whose test passes runs its pattern."""

    __slots__ = ("at", "before_text", "end", "firsts", "index", "lasts", "start", "text")

    def __init__(self, index: GateIndex, text: str, start: int, end: int) -> None:
        self.index, self.text, self.start, self.end = index, text, start, end
        at = _GAP.match(text, end).end()  # type: ignore[union-attr]
        self.at = at
        self.firsts = index.by_first.get(text[at : at + 1], index.any_first)
        before = text[max(0, start - index.window) : start].rstrip()
        while before and before[-1] in _GAP_CHARS:
            before = before.rstrip(_GAP_CHARS).rstrip()
        self.before_text = before
        self.lasts = index.by_last.get(before[-1:], index.any_last)

    def after(self, name: str) -> re.Match[str] | None:
        """``gate.match(text, end)`` of the gate ``name``."""
        if name not in self.firsts:
            return None
        gate = self.index.gates[name]
        if gate.starts is not None and not self.text.startswith(gate.starts, self.at):
            return None
        return gate.pattern.match(self.text, self.end)

    def before(self, name: str) -> re.Match[str] | None:
        """``gate.search(text, start - window, start)`` of the gate ``name``."""
        if name not in self.lasts:
            return None
        gate, start = self.index.gates[name], self.start
        lo = max(0, start - self.index.window)
        if name in self.index.any_last or gate.near:
            return gate.search(self.text, lo, start)
        if not self.before_text.endswith(gate.ends):  # type: ignore[arg-type]
            return None
        return gate.pattern.search(self.text, lo, start)
