"""One document, one voice per source: who a claim row names, and repeated figures merged.

- ``who`` turns the attribution that governs a figure into the row's speaker, the words naming
  it, the relay chain (the wire agency of a dateline outermost) and the named person;
- ``merge_repeated``: a figure repeated by the same speaker about the same thing is one claim;
- ``one_voice``: a figure the document states in its own voice (a headline, a lede) that a
  source of the same document gives too is that source's claim, not a second source
  ("Fire kills 8 in Basra market" + "Eight people were killed ..., the civil defence said");
- ``headline_repeats``: a headline's bare figure joins the body's claim of the same figure.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from factcheck.claims.attribution import Attribution
from factcheck.model import Claim, Document, Mention, Span

#: Subjects that say nothing about who was counted: they agree with any other subject.
GENERIC_SUBJECTS: Final = frozenset({"", "people"})


def who(
    att: Attribution | None, doc: Document, publisher: str, wire: str = ""
) -> tuple[str, str, tuple[str, ...], bool, str]:
    """(speaker, speaker_text, via, denied, person) of an attribution.

    The publisher is never in ``via``; the wire agency named by a dateline (``wire``) is the
    outermost relay of every claim of a copy another outlet published.
    """
    own = {doc.publisher, publisher}
    outer = (wire,) if wire and wire not in own else ()
    if att is None:
        return doc.publisher, "", outer, False, ""
    via = tuple(v for v in att.via if v and v not in own)
    speaker = att.speaker.name
    if speaker in own:
        speaker = doc.publisher
    if outer and outer[0] not in via and speaker != outer[0]:
        via = (*via, *outer)
    return speaker, att.speaker.text, via, att.denied, att.speaker.person


def _own_voice(c: Claim) -> bool:
    return c.speaker == c.publisher and not c.speaker_text


def _same_figure(a: Claim, b: Claim) -> bool:
    """Same figure about the same thing: value, measure (or none), subject (or a generic one)."""
    return (
        (a.low, a.high) == (b.low, b.high)
        and a.polarity == b.polarity
        and a.scope == b.scope
        and (a.measure == b.measure or not a.measure)
        and (a.subject == b.subject or {a.subject, b.subject} & GENERIC_SUBJECTS != set())
    )


def is_headline(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` is a headline: the first line of the text,
    ending without a full stop.

    >>> is_headline("Fire kills 8 in Basra market\\nEight people died.", 0, 28)
    True
    """
    line = text[start:end].rstrip()
    return (
        not text[:start].strip()
        and text[end : end + 1] in ("\n", "")
        and "\n" not in line
        and not line.endswith((".", "!"))
    )


def one_voice(claims: list[Claim], headline: frozenset[int]) -> list[Claim]:
    """A headline figure (its start in ``headline``) the document states in its own voice joins
    (``also_at``) a claim of the same figure that the body attributes to a source: the first
    one after it. A body figure in the publisher's voice stays its own claim: the outlet
    restating a figure is a statement of its own."""
    sourced = [k for k, c in enumerate(claims) if not _own_voice(c)]
    if not sourced:
        return claims
    out = list(claims)
    dropped: set[int] = set()
    for k, c in enumerate(claims):
        if not _own_voice(c) or c.start not in headline:
            continue
        after = [
            j
            for j in sourced
            if j not in dropped and claims[j].start > c.start and _same_figure(c, claims[j])
        ]
        if not after:
            continue
        j = after[0]
        out[j] = replace(out[j], also_at=(*out[j].also_at, Span(c.start, c.end)))
        dropped.add(k)
    return [c for k, c in enumerate(out) if k not in dropped]


def headline_repeats(claims: list[Claim], headline: list[tuple[Mention, str, str]]) -> list[Claim]:
    """A headline figure with nothing counted around it ("Retraites : plus de 3,5 millions dans
    la rue") joins, in ``also_at``, the first later claim that gives the same figure — of the
    same speaker, or of any speaker when the headline speaks in the publisher's voice: the
    body says what it counts and who counted it."""
    out = list(claims)
    for m, speaker, publisher in headline:
        k = next(
            (
                k
                for k, c in enumerate(out)
                if c.start > m.start
                and (c.speaker == speaker or speaker == publisher)
                and c.qualifier == m.qualifier
                and (c.low, c.high) == (m.low, m.high)
            ),
            None,
        )
        if k is not None:
            out[k] = replace(out[k], also_at=(Span(m.start, m.end), *out[k].also_at))
    return out


def merge_repeated(
    claims: list[Claim], definite: frozenset[int] = frozenset(), apart: frozenset[int] = frozenset()
) -> list[Claim]:
    """One claim per (speaker, measure, subject, figure, polarity, scope); others in also_at.

    A figure given with a definite article ("of the 161 detainees", "des 161 suspects") refers
    back to the same figure said before: it joins it whatever noun it repeats it with. Claims
    starting in ``apart`` (the headline's) only merge among themselves: a headline that joins
    a body source later (:func:`one_voice`) must not take the outlet's own restatement along.
    """
    kept: dict[tuple[object, ...], int] = {}
    loose: dict[tuple[object, ...], int] = {}
    out: list[Claim] = []
    repeats: dict[int, list[Claim]] = {}  # the claims merged into each kept one, in order
    for c in claims:
        side = c.start in apart
        key = (c.speaker, c.measure, c.subject, c.low, c.high, c.qualifier, c.polarity, c.scope)
        key = (*key, side)
        near = (c.speaker, c.measure, c.low, c.high, c.polarity, side)
        k = kept.get(key)
        if k is None and c.start in definite:
            k = loose.get(near)
        if k is not None:
            repeats.setdefault(k, []).append(c)
            continue
        kept[key] = len(out)
        loose.setdefault(near, len(out))
        out.append(c)
    for k, more in repeats.items():  # each kept claim rebuilt once, however often repeated
        first = out[k]
        detail, day = first.subject_detail, first.event_date
        for c in more:  # the first detail and day given, as each merge in turn would keep
            detail = detail or c.subject_detail
            day = day or c.event_date
        out[k] = replace(
            first,
            also_at=(*first.also_at, *(Span(c.start, c.end) for c in more)),
            subject_detail=detail,
            event_date=day,
        )
    return out
