"""The attributions of a document so far, with indexes the reader asks for at every cue.

A plain list in text order (what :func:`factcheck.claims.attribution.attribute` returns), that
also keeps, as it grows, the document's distinct speakers by recency: naming a speaker asks
for them at each reporting cue, and rebuilding them from the whole list each time made a long
document cost its length squared.
"""

from __future__ import annotations

from typing import Any, SupportsIndex


class Attributions(list):  # type: ignore[type-arg]
    """A list of attributions (objects with a ``speaker``) that tracks recent speakers.

    >>> from collections import namedtuple
    >>> A, S = namedtuple("A", "speaker"), namedtuple("S", "name kind")
    >>> found = Attributions()
    >>> for name in ("x", "y", "x"):
    ...     found.append(A(S(name, "named")))
    >>> [s.name for s in found.speakers()]
    ['x', 'y']
    >>> _ = found.pop()
    >>> [s.name for s in found.speakers()]
    ['y', 'x']
    """

    def __init__(self) -> None:
        super().__init__()
        self._seqs: list[int] = []  # sequence number of each element, in list order
        self._next = 0
        self._at: dict[Any, list[int]] = {}  # speaker -> sequence numbers of its elements
        self._dead: set[int] = set()
        #: the speakers, least recent first (None after a pop: rebuilt when asked for); a
        #: plain dict, whose iteration, unlike an OrderedDict's, never hashes its keys again
        self._order: dict[Any, None] | None = {}

    def append(self, item: Any) -> None:
        super().append(item)
        seq = self._next
        self._next += 1
        self._seqs.append(seq)
        if item.speaker.kind != "anaphor":
            self._at.setdefault(item.speaker, []).append(seq)
            if self._order is not None:  # the newest element: its speaker is now the latest
                self._order.pop(item.speaker, None)
                self._order[item.speaker] = None

    def remove(self, item: Any) -> None:
        index = self.index(item)
        self.pop(index)

    def pop(self, index: SupportsIndex = -1) -> Any:
        item = super().pop(index)
        seq = self._seqs.pop(index)
        if item.speaker.kind != "anaphor":
            self._dead.add(seq)
            seqs = self._at[item.speaker]
            latest = seqs[-1]
            while seqs and seqs[-1] in self._dead:
                seqs.pop()
            if not seqs:
                del self._at[item.speaker]
                if self._order is not None:
                    del self._order[item.speaker]  # the others keep their order
            elif seqs[-1] != latest and not self._still_latest(item.speaker):
                self._order = None  # it moves back among the others: rebuilt when asked for
        return item

    def _still_latest(self, speaker: Any) -> bool:
        """Whether ``speaker`` is the latest of the order and still later than the next."""
        if self._order is None:
            return False
        newest = reversed(self._order)
        if next(newest, None) != speaker:
            return False
        other = next(newest, None)
        return other is None or self._at[other][-1] < self._at[speaker][-1]

    def speakers(self) -> list[Any]:
        """The speakers so far (anaphors left out), most recent first, each once."""
        if self._order is None:
            ordered = sorted(self._at, key=lambda s: self._at[s][-1])
            self._order = dict.fromkeys(ordered)
        return list(reversed(self._order))
