"""Who says each figure, and through whom: reporting cues, relay chains, carried-over speakers.

Every reporting cue of a sentence opens an attribution at its position:

- a reporting verb ("قال", "said", "a déclaré") names its speaker after or before it;
- "according to X", "بحسب X", "selon X" names X;
- a relay cue ("citing X", "نقلاً عن X") or a transmitting verb with its preposition ("نقلت
  وكالة ... عن مصادر") makes X the speaker and the speaker so far the nearest relay;
- "X told Reuters" makes Reuters a relay of X;
- a verb without a speaker of its own ("وأضافت أن", "he added", "مشيرة إلى") continues the
  most recent speaker whose grammatical gender agrees (feminine "وأضافت" skips a masculine
  speaker), within the same sentence or up to ``CARRY_MAX_SENTENCES`` sentences back;
- a denial verb ("نفت", "denied", "a démenti") marks what it governs as denied.

A figure takes the attribution of its own clause (cue before it first, then after it), else the
nearest one before it in the sentence, else the first after it; a sentence without any cue
speaks in the publisher's voice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from factcheck.claims.lexicon import Lexicon, Match, Token
from factcheck.claims.speakers import (
    Naming,
    Speaker,
    name_speaker,
    outlet_name,
    read_after,
    read_before,
)

#: How many sentences back a speaker without a name of its own ("وأضافت") may reach.
CARRY_MAX_SENTENCES: Final = 3
#: How many comma-separated phrases before a verb may be passed to find its speaker.
APPOSITIONS: Final = 2
#: How far after a verb the outlet its speaker talked to may come ("لوكالة الصحافة الفرنسية").
OUTLET_WINDOW: Final = 10
#: How many tokens after a transmitting verb's speaker its source preposition may come.
TRANSMIT_WINDOW: Final = 6


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaker (with relay chain, nearest relay first) opened at character ``at``."""

    speaker: Speaker
    via: tuple[str, ...]
    at: int
    sentence: int
    clause: int
    denied: bool = False


@dataclass(frozen=True, slots=True)
class SentenceView:
    """Tokens ``[lo, hi)`` of one sentence and the token indices where its clauses start."""

    index: int
    lo: int
    hi: int
    clause_starts: tuple[int, ...]

    def clause_of(self, i: int) -> int:
        return sum(1 for s in self.clause_starts if s <= i) - 1


def clauses(tokens: list[Token], lo: int, hi: int, lex: Lexicon) -> tuple[int, ...]:
    """Token indices where the clauses of a sentence start (at "while", "فيما", ";")."""
    starts = [lo]
    for m in lex.clause_breaks.scan(tokens, lo, hi):
        starts.append(m.first)
    starts += [i for i in range(lo, hi) if tokens[i].text == ";"]
    return tuple(sorted(set(starts)))


class _Reader:
    """Walks one document's sentences and collects its attributions in order."""

    def __init__(
        self,
        text: str,
        tokens: list[Token],
        lex: Lexicon,
        blocked: set[int],
        country: str | None,
        publisher: str = "",
    ):
        self.text = text
        self.publisher = publisher
        self.country = country
        self.tokens = tokens
        self.lex = lex
        self.blocked = blocked  # token indices inside claim figures: never part of a speaker
        self.found: list[Attribution] = []

    def earlier_speakers(self) -> list[Speaker]:
        return [a.speaker for a in reversed(self.found) if a.speaker.kind != "anaphor"]

    def speaker_at(self, words: list[Token], wider: list[Token] | None = None) -> Speaker | None:
        ctx = Naming(self.text, self.lex, self.earlier_speakers(), self.country, self.publisher)
        return name_speaker(ctx, words, wider)

    def speaker_after(self, i: int, sv: SentenceView) -> tuple[Speaker | None, list[Token]]:
        """The speaker named by the phrase starting at token ``i``, and that phrase."""
        words = read_after(self.tokens, i, sv.hi, self.lex, self.blocked)
        wider = read_after(self.tokens, i, sv.hi, self.lex, self.blocked, wide=True)
        return self.speaker_at(words, wider), words

    def continued(self, sv: SentenceView, i: int, gender: str, denied: bool) -> Attribution | None:
        """The attribution a speaker-less cue at token ``i`` continues (gender agreeing)."""
        recent = [a for a in reversed(self.found) if a.sentence >= sv.index - CARRY_MAX_SENTENCES]
        if not recent:
            return None
        agreeing = [a for a in recent if _agrees(gender, a.speaker.gender)]
        base = (agreeing or recent)[0]
        return replace(
            base, at=self.tokens[i].start, sentence=sv.index, clause=sv.clause_of(i), denied=denied
        )

    def add(
        self, sv: SentenceView, i: int, speaker: Speaker, via: tuple[str, ...], denied: bool = False
    ) -> None:
        if not via:  # named again in the same sentence ("..., التي أشارت"): same relay chain
            via = next(
                (
                    a.via
                    for a in reversed(self.found)
                    if a.sentence == sv.index and a.speaker.name == speaker.name
                ),
                (),
            )
        self.found.append(
            Attribution(speaker, via, self.tokens[i].start, sv.index, sv.clause_of(i), denied)
        )

    def latest_in(self, sv: SentenceView) -> Attribution | None:
        for a in reversed(self.found):
            if a.sentence == sv.index:
                return a
        return None

    def verb(self, sv: SentenceView, m: Match, gender: str, denied: bool) -> None:
        """A reporting or denial verb: its speaker, else the speaker it continues."""
        speaker = None
        order = self.lex.speaker_order
        k = m.first - 1
        while k >= sv.lo and self.tokens[k].is_word and self.tokens[k].key in self.lex.skip:
            k -= 1
        if k >= sv.lo and self.tokens[k].text in ",،":
            order = ("after", "before")  # "..., a annoncé le CICR", "..., said the army"
        for direction in order:
            if direction == "after":
                speaker = self.named_after(m.last, sv)
            else:
                speaker = self.named_before(m.first, sv)
            if speaker is not None:
                break
        if speaker is not None and speaker.kind == "self":
            return  # "nous avons compté": the publisher speaks
        if speaker is None or speaker.kind == "anaphor":
            g = speaker.gender if speaker is not None and speaker.gender else gender
            cont = self.continued(sv, m.first, g, denied)
            if cont is not None:
                self.found.append(cont)
            return
        if gender in ("f", "m") and speaker.kind != "unnamed":
            speaker = replace(speaker, gender=gender)  # the verb's agreement tells the gender
        outlet = self.outlet_after(m.last, sv)
        self.add(sv, m.first, speaker, (outlet,) if outlet else (), denied)

    def named_after(self, i: int, sv: SentenceView) -> Speaker | None:
        """The speaker after a verb, past an outlet it spoke to ("a indiqué à l'AFP deux
        responsables") and with an apposition that says who a bare name is ("Mamadou, un
        commerçant")."""
        outlet = self.outlet_at(i, sv)
        if outlet is not None:
            i = outlet[1]
        speaker, words = self.speaker_after(i, sv)
        if speaker is not None and words and speaker.kind == "named" and not speaker.resolved:
            k = self._index_after(words[-1].end, sv)
            if k < sv.hi and self.tokens[k].text in ",،":
                apposed, _ = self.speaker_after(k + 1, sv)
                if apposed is not None and apposed.kind == "unnamed":
                    return replace(apposed, text=speaker.text)
        return speaker

    def named_before(self, i: int, sv: SentenceView) -> Speaker | None:
        """The speaker before a verb, else in one of the comma-separated phrases before it
        ("Des médecins de l'hôpital, joints par téléphone, évoquent")."""
        end = i
        for _ in range(APPOSITIONS + 1):
            words = read_before(self.tokens, end, sv.lo, self.lex, self.blocked, comma=True)
            speaker = self.speaker_at(words)
            if speaker is not None or not words:
                return speaker
            end = next(
                (k for k in range(sv.lo, sv.hi) if self.tokens[k].start >= words[0].start), sv.lo
            )
            if end <= sv.lo or self.tokens[end - 1].text not in ",،":
                return None
        return None

    def _index_after(self, offset: int, sv: SentenceView) -> int:
        return next((k for k in range(sv.lo, sv.hi) if self.tokens[k].start >= offset), sv.hi)

    def outlet_at(self, i: int, sv: SentenceView) -> tuple[str, int] | None:
        """An outlet addressed at token ``i`` ("à l'AFP", "لوكالة الصحافة الفرنسية"):
        its name and the token after it."""
        if i >= sv.hi or not self.tokens[i].is_word:
            return None
        tok = self.tokens[i]
        start = i + 1 if tok.key in self.lex.object_preps else i
        if start == i and not any(tok.key.startswith(p) for p in self.lex.object_preps):
            return None
        words = read_after(self.tokens, start, sv.hi, self.lex, self.blocked)
        hit = outlet_name(self.text, words, self.lex.language, self.country)
        if hit is None:
            return None
        return hit[0], self._index_after(hit[1], sv)

    def outlet_after(self, i: int, sv: SentenceView) -> str | None:
        """The outlet a speaker told, within a few tokens after the verb, before the content."""
        for k in range(i, min(sv.hi, i + OUTLET_WINDOW)):
            tok = self.tokens[k]
            if tok.is_word and tok.key in self.lex.openers:
                return None
            hit = self.outlet_at(k, sv)
            if hit is not None:
                return hit[0]
        return None

    def relay(self, sv: SentenceView, m: Match) -> None:
        """ "citing X": X becomes the speaker; the speaker so far, the nearest relay."""
        source, _ = self.speaker_after(m.last, sv)
        if source is None:
            return
        base = self.latest_in(sv)
        at = m.first
        if base is not None and base.speaker.kind != "anaphor":
            self.found.remove(base)  # "X, citing Y": X no longer speaks for the clause
            at = next(k for k in range(sv.lo, sv.hi) if self.tokens[k].start >= base.at)
        if base is None:
            before = self.speaker_at(
                read_before(self.tokens, m.first, sv.lo, self.lex, self.blocked, comma=True)
            )
            if before is not None and before.kind != "anaphor":
                self.add(sv, m.first, before, ())
                base = self.found[-1]
            else:
                base = self.continued(sv, m.first, "", False)
        via = (base.speaker.name, *base.via) if base is not None else ()
        self.add(sv, at, source, via, base.denied if base else False)

    def transmit(self, sv: SentenceView, m: Match) -> None:
        """ "نقلت وكالة X عن مصادر": X relays the source named after the preposition."""
        relay, words = self.speaker_after(m.last, sv)
        if relay is None or relay.kind == "anaphor":
            cont = self.continued(sv, m.first, "", False)
            relay = cont.speaker if cont is not None else None
        start = words[-1] if words else self.tokens[m.last - 1]
        j = (
            next(k for k in range(sv.lo, sv.hi) if self.tokens[k].start >= start.end)
            if start.end < self.tokens[sv.hi - 1].end
            else sv.hi
        )
        for k in range(j, min(sv.hi, j + TRANSMIT_WINDOW)):
            if any(key in self.lex.relay_preps for key in self.tokens[k].keys[:1]):
                source, _ = self.speaker_after(k + 1, sv)
                if source is not None:
                    via = (relay.name,) if relay is not None else ()
                    self.add(sv, m.first, source, via)
                    return
        if relay is not None:
            self.add(sv, m.first, relay, ())

    def told(self, sv: SentenceView, m: Match) -> None:
        """ "X told Reuters": X is the speaker and the object of the verb a relay."""
        speaker = self.speaker_at(read_before(self.tokens, m.first, sv.lo, self.lex, self.blocked))
        relay, _ = self.speaker_after(m.last, sv)
        if speaker is None or speaker.kind == "anaphor":
            cont = self.continued(sv, m.first, "", False)
            if cont is None:
                return
            speaker, via = cont.speaker, cont.via
        else:
            via = ()
        if relay is not None and relay.kind == "named":
            via = (relay.name, *via)
        self.add(sv, m.first, speaker, via)

    def sentence(self, sv: SentenceView) -> None:
        i = sv.lo
        lex = self.lex
        quoted = _quoted(self.tokens, sv.lo, sv.hi)
        while i < sv.hi:
            tok = self.tokens[i]
            if not tok.is_word or i in self.blocked or i in quoted:
                i += 1
                continue
            m = lex.relay.at(self.tokens, i)
            if m is not None:
                self.relay(sv, m)
            elif (m := lex.according.at(self.tokens, i)) is not None:
                speaker, _ = self.speaker_after(m.last, sv)
                if speaker is not None and speaker.kind != "anaphor":
                    self.add(sv, m.first, speaker, ())
            elif (m := lex.transmit.at(self.tokens, i)) is not None:
                self.transmit(sv, m)
            elif (m := lex.object_relay.at(self.tokens, i)) is not None:
                self.told(sv, m)
            elif (m := lex.denial.at(self.tokens, i)) is not None:
                self.verb(sv, m, str(m.value or ""), True)
            elif (m := lex.say.at(self.tokens, i)) is not None:
                self.verb(sv, m, str(m.value or ""), False)
            elif (m := lex.participles.at(self.tokens, i)) is not None:
                cont = self.continued(sv, m.first, str(m.value or ""), False)
                if cont is not None:
                    self.found.append(cont)
            i = m.last if m is not None else i + 1


#: Quotation marks: straight ones toggle, the others open or close.
_TOGGLE: Final = frozenset('"')
_OPEN: Final = frozenset("“«")
_CLOSE: Final = frozenset("”»")


def _quoted(tokens: list[Token], lo: int, hi: int) -> set[int]:
    """Token indices inside quotation marks: the cues of quoted speech are not the report's."""
    inside: set[int] = set()
    depth = 0
    for i in range(lo, hi):
        text = tokens[i].text
        if text in _TOGGLE:
            depth = 0 if depth else 1
        elif text in _OPEN:
            depth += 1
        elif text in _CLOSE:
            depth = max(0, depth - 1)
        elif depth:
            inside.add(i)
    return inside


def _agrees(cue: str, speaker: str) -> bool:
    """Whether a verb's gender agrees with a speaker's ("" agrees with anything)."""
    return not cue or not speaker or cue == speaker or cue == "p"


def attribute(
    text: str,
    tokens: list[Token],
    views: list[SentenceView],
    lex: Lexicon,
    blocked: set[int],
    country: str | None = None,
    publisher: str = "",
) -> list[Attribution]:
    """Every attribution of a document, in text order (``country`` names generic speakers;
    "the ministry" in the ministry's own statement is ``publisher``)."""
    reader = _Reader(text, tokens, lex, blocked, country, publisher)
    for sv in views:
        reader.sentence(sv)
    return reader.found


def attribution_for(
    found: list[Attribution], sv: SentenceView, i: int, at: int
) -> Attribution | None:
    """The attribution that governs a figure at token ``i`` (char ``at``) of sentence ``sv``."""
    here = [a for a in found if a.sentence == sv.index]
    if not here:
        return None
    clause = sv.clause_of(i)
    same = [a for a in here if a.clause == clause]
    before = [a for a in same if a.at <= at]
    if before:
        return before[-1]
    if same:
        return same[0]
    before = [a for a in here if a.at <= at]
    return before[-1] if before else here[0]
