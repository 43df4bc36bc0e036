"""Relays: outlets a speaker talked to, "citing X", "نقلت ... عن X", "X told Reuters".

Mixed into the attribution reader (:mod:`factcheck.claims.attribution`); each method reads one
kind of relay cue and records the speaker with its chain, nearest relay first.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Final

from factcheck.claims.phrases import read_after, read_before
from factcheck.claims.sources import is_outlet, outlet_name

if TYPE_CHECKING:
    from factcheck.claims.attribution import SentenceView
    from factcheck.claims.lexicon import Match
    from factcheck.claims.speakers import Speaker

#: How far after a verb the outlet its speaker talked to may come ("لوكالة الصحافة الفرنسية").
OUTLET_WINDOW: Final = 10
#: How many tokens after a transmitting verb's speaker its source preposition may come.
TRANSMIT_WINDOW: Final = 6


class RelayMixin:
    """Relay cues of the attribution reader (uses its tokens, lexicon and found list)."""

    tokens: Any
    lex: Any
    blocked: Any
    walls: Any
    found: Any
    starts: list[int]  # token start offsets
    text: str
    country: str | None
    quoted: set[int]

    def sentence_start(self, sv: SentenceView) -> int:
        """Index in ``found`` of the first attribution of sentence ``sv`` or a later one."""
        k = len(self.found)
        while k > 0 and self.found[k - 1].sentence >= sv.index:
            k -= 1
        return k

    def _index_after(self, offset: int, sv: SentenceView) -> int:
        return bisect_left(self.starts, offset, sv.lo, sv.hi)

    def outlet_at(self, i: int, sv: SentenceView) -> tuple[str, int] | None:
        """An outlet addressed at token ``i`` ("à l'AFP", "لوكالة الصحافة الفرنسية"):
        its name and the token after it."""
        if i >= sv.hi or not self.tokens[i].is_word:
            return None
        tok = self.tokens[i]
        start = i + 1 if tok.key in self.lex.object_preps else i
        if start == i and not any(tok.key.startswith(p) for p in self.lex.object_preps):
            return None
        words = read_after(self.tokens, start, sv.hi, self.lex, self.walls, wide=True)
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
        source = self.source_after(m.last, sv)
        if source is None:
            return
        base = self.latest_in(sv)
        at = m.first
        if base is not None and base.speaker.kind != "anaphor":
            self.found.remove(base)  # "X, citing Y": X no longer speaks for the clause
            at = self._index_after(base.at, sv)
        if base is None:
            before = self.speaker_at(
                read_before(self.tokens, m.first, sv.lo, self.lex, self.walls, comma=True)
            )
            if before is not None and before.kind != "anaphor":
                self.add(sv, m.first, before, ())
                base = self.found.pop()  # "Reuters, citing X": Reuters only relays
            else:
                base = self.continued(sv, m.first, "", False)
        via = (base.speaker.name, *base.via) if base is not None else ()
        self.add(sv, at, source, via, base.denied if base else False)

    def outlet_reports(self, sv: SentenceView, m: Match, speaker: Speaker) -> bool:
        """ "X said 4 ..., the Iraqi News Agency reported", "«A source said 80 ...», Mehr News
        reported": an outlet's verb after the speakers of its sentence (or after a quotation
        whose own cues name them) relays them; returns whether it did."""
        if not is_outlet(speaker.name) or speaker.kind != "named":
            return False
        at = self.tokens[m.first].start
        here = self.sentence_start(sv)  # ``found`` is in text order: this sentence is its tail
        where = [
            k
            for k in range(here, len(self.found))
            if self.found[k].sentence == sv.index and self.found[k].at < at
        ]
        before = [self.found[k] for k in where]
        if not before:
            inside = sorted(k for k in self.quoted if k < m.first)
            if not inside:
                return False
            count = len(self.found)
            self.scan(sv, inside[0], inside[-1] + 1, set())
            before = [a for a in self.found[count:] if a.speaker.kind != "anaphor"]
            while len(self.found) > count:
                self.found.pop()
            for a in before:
                self.found.append(a)
            where = list(range(len(self.found) - len(before), len(self.found)))
        if not before:
            return False
        for k, a in zip(where, before, strict=True):  # positions, not list.index: linear
            if speaker.name not in a.via and a.speaker.name != speaker.name:
                self.found[k] = replace(a, via=(*a.via, speaker.name))  # same speaker: index holds
        return True

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
        if relay is not None and not self.outlet_reports(sv, m, relay):
            self.add(sv, m.first, relay, ())  # "X ... وفق ما نقلت رويترز": Reuters relays X

    def told(self, sv: SentenceView, m: Match) -> None:
        """ "X told Reuters": X is the speaker and the object of the verb a relay."""
        words = read_before(self.tokens, m.first, sv.lo, self.lex, self.walls, comma=True)
        speaker = self.speaker_at(words)
        if speaker is not None and speaker.kind == "named":
            speaker = self.apposed(speaker, words, sv)  # "X, the health minister, told"
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
            self.relay_earlier(sv, speaker, via)
        self.add(sv, m.first, speaker, via)

    def relay_earlier(self, sv: SentenceView, speaker: Speaker, via: tuple[str, ...]) -> None:
        """ "34 morts, a annoncé le ministère, cité par l'agence Suna": the speaker an earlier
        cue of the sentence named without a relay reached the page through this one too."""
        for k in range(self.sentence_start(sv), len(self.found)):
            a = self.found[k]
            if a.sentence == sv.index and a.speaker.name == speaker.name and not a.via:
                self.found[k] = replace(a, via=via)
