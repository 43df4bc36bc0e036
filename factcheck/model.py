"""Records that flow between the stages: frozen dataclasses and closed vocabularies.

Every record that points into a document does so with offsets into ``Document.text``, the
original, unnormalised text. Tables are built from these records in one function per table
(see ``factcheck.schema``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Final

from factcheck.when import Moment

#: The largest magnitude a figure may have in a table (a googol): far past any quantity the news
#: reports, and small enough that every sum, difference, ratio or product of two figures is a
#: finite float. A larger figure in a text ("1e400", a run of 10,000 digits) is a mention with
#: role other and a reason, never a value in a table, never inf.
MAX_FIGURE: Final = 1e100


class Qualifier(StrEnum):
    """How a figure is hedged; decides how ``low`` and ``high`` are read."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    ABOUT = "about"
    RANGE = "range"
    VAGUE = "vague"
    NONE_REPORTED = "none_reported"


class Role(StrEnum):
    """What a number expression is: a counted figure, or something that only looks like one."""

    CLAIM = "claim"
    DATE = "date"
    TIME = "time"
    DURATION = "duration"
    NAME = "name"
    ORDINAL = "ordinal"
    PERCENT = "percent"
    MONEY = "money"
    AGE = "age"
    OTHER = "other"


class Kind(StrEnum):
    """What a claim counts, coarsely: used to keep casualty figures apart from troop levels."""

    CASUALTY = "casualty"
    FORCE_SIZE = "force_size"
    COUNT = "count"
    DURATION = "duration"
    TIME = "time"
    DATE = "date"


class Polarity(StrEnum):
    """Whether the speaker asserts the figure or denies it."""

    ASSERTED = "asserted"
    DENIED = "denied"


class Scope(StrEnum):
    """Whether a figure is about the event itself, background, or another incident."""

    EVENT = "event"
    CONTEXT = "context"
    OTHER_EVENT = "other_event"


class Verdict(StrEnum):
    """How the figures of one aligned group relate to each other."""

    AGREE = "agree"
    COMPATIBLE = "compatible"
    DISCREPANT = "discrepant"
    SINGLE_SOURCE = "single_source"
    UPDATED = "updated"  # the figures differ only because a toll was updated over time


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` into a document's original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        """The text this span covers."""
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Document:
    """One report or statement: who published it, in which language, when, and its text."""

    id: str
    publisher: str
    language: str
    text: str
    published: Moment | None = None  # as precise as known: time, day, or month/year
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Case:
    """Documents about the same event, with the local time zone for clock times."""

    id: str
    documents: tuple[Document, ...]
    title: str = ""
    timezone: str | None = None
    path: str | None = None

    def document(self, doc_id: str) -> Document:
        """The document with this id (KeyError if none)."""
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)


@dataclass(frozen=True, slots=True)
class Mention:
    """A number expression found in a document: its interval, hedge, role and why.

    ``low``/``high`` are floats; ``high`` is ``None`` for an open upper bound ("at least 5")
    and ``low`` is ``None`` for an open lower bound ("up to 5"). ``point`` is the single value
    a conservative coder would record for a vague quantity ("dozens" -> 12), else ``None``.
    ``unit`` is the normalised noun counted, when one follows the figure.
    """

    doc_id: str
    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    qualifier: Qualifier
    role: Role
    reason: str = ""
    point: float | None = None
    unit: str = ""

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure together with what it counts, who asserts it, through whom, and when."""

    doc_id: str
    publisher: str
    language: str
    speaker: str
    speaker_text: str
    via: str
    measure: str
    subject: str
    subject_detail: str
    low: float | None
    high: float | None
    qualifier: Qualifier
    polarity: Polarity
    scope: Scope
    value_text: str
    start: int
    end: int
    sentence: str
    event_date: date | None
    reported_at: Moment | None
    kind: Kind
    also_at: tuple[Span, ...] = field(default_factory=tuple)
    speaker_person: str = ""  # the named person speaking for ``speaker`` ("" when none)
    measure_detail: str = ""  # what an ``other`` count did or underwent ("launched")

    @property
    def claim_id(self) -> str:
        """``<doc_id>:<start>``: stable across runs because offsets index the original text."""
        return f"{self.doc_id}:{self.start}"
