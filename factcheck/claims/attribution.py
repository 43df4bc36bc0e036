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

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Final

from factcheck.claims.found import Attributions
from factcheck.claims.gaps import GAP_MAX_TOKENS, GapMixin
from factcheck.claims.lexicon import Lexicon, Match, Token
from factcheck.claims.phrases import CUE_BIT, cue_lists, read_after_both
from factcheck.claims.relays import RelayMixin
from factcheck.claims.speakers import Naming, Speaker, name_speaker
from factcheck.claims.verbs import VerbMixin

if TYPE_CHECKING:
    from factcheck.claims.registry import Countries, Entry

#: How many tokens before a passive cue ("les 30 000 recensées par le ministère") it reaches.
PASSIVE_REACH: Final = 6
#: Farthest a postposed "according to X" may follow a figure and govern it alone ("245,000
#: according to the union"; a counted noun may sit between).
POSTPOSED_GAP: Final = 2
#: How far after "according to a report" the name of who made it may come.
REPORT_WINDOW: Final = 8


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaker (with relay chain, nearest relay first) opened at character ``at``."""

    speaker: Speaker
    via: tuple[str, ...]
    at: int
    sentence: int
    clause: int
    denied: bool = False
    reach: int = -1  # a passive cue ("recensées par X") binds figures from here to ``at``
    alone: bool = False  # binds its own figure only ("6000 (préfecture)"), never later ones
    joined: bool = False  # a verb joined to the one before ("et affirmé", "وقالت", ", évoquant")


@dataclass(frozen=True, slots=True)
class SentenceView:
    """Tokens ``[lo, hi)`` of one sentence and the token indices where its clauses start."""

    index: int
    lo: int
    hi: int
    clause_starts: tuple[int, ...]

    def clause_of(self, i: int) -> int:
        return bisect_right(self.clause_starts, i) - 1


class _Earlier:
    """The speakers of ``found`` so far, most recent first, listed only when a naming rule
    looks back at them (most speaker phrases name themselves); and the registry's
    organisations the text names before the sentence being read, whether they spoke or not
    ("l'Observatoire ... a diffusé un bilan. L'ONG ... a fait état de": the NGO named)."""

    __slots__ = ("country", "found", "hits", "language", "point", "text")

    def __init__(self, found: Attributions, text: str, language: str, country: Countries) -> None:
        self.found = found
        self.text = text
        self.language = language
        self.country = country
        self.point = 0  # where the sentence being read starts
        self.hits: list[tuple[int, int, Entry]] | None = None  # the whole text's, on first use

    def __iter__(self) -> Iterator[Speaker]:
        return iter(self.found.speakers())  # type: ignore[attr-defined]

    def named_of_type(self, type_named: str) -> Speaker | None:
        """The organisation of this registry type named last before the sentence read."""
        if self.hits is None:
            from factcheck.claims.registry import find_in

            self.hits = find_in(self.text, self.language, self.country)
        for start, _, entry in reversed(self.hits):
            if start < self.point and str(entry.type) == type_named:
                return Speaker(entry.name, "", "", "named", True)
        return None


def clauses(tokens: list[Token], lo: int, hi: int, lex: Lexicon) -> tuple[int, ...]:
    """Token indices where the clauses of a sentence start (at "while", "فيما", ";")."""
    starts = [lo]
    for m in lex.clause_breaks.scan(tokens, lo, hi):
        starts.append(m.first)
    texts = [t.text for t in tokens[lo:hi]]  # searched in C for the marks below
    if ";" in texts:
        starts += [lo + k for k, text in enumerate(texts) if text == ";"]
    breaks = lex.comma_clause_breaks
    k = _index(texts, ",", 0)
    while 0 <= k < len(texts) - 1:  # a comma, then a word that opens a clause after one
        if not breaks.isdisjoint(tokens[lo + k + 1].keys):
            starts.append(lo + k + 1)
        k = _index(texts, ",", k + 1)
    return tuple(sorted(set(starts)))


def _index(items: list[str], item: str, start: int) -> int:
    """Where ``item`` is first in ``items`` from ``start`` on (-1: nowhere)."""
    try:
        return items.index(item, start)
    except ValueError:
        return -1


class _Reader(VerbMixin, RelayMixin, GapMixin):
    """Walks one document's sentences and collects its attributions in order."""

    def __init__(
        self,
        text: str,
        tokens: list[Token],
        lex: Lexicon,
        blocked: set[int],
        country: str | None,
        publisher: str = "",
        fence: frozenset[int] = frozenset(),
    ):
        self.text = text
        self.publisher = publisher
        self.country = country
        self.tokens = tokens
        self.lex = lex
        self.blocked = blocked  # token indices inside claim figures: never part of a speaker
        self.walls = blocked | fence  # and a dateline's words: never a speaker or a cue
        self.quoted: set[int] = set()  # tokens inside quotation marks in the current sentence
        self.found: list[Attribution] = Attributions()
        self.starts = [t.start for t in tokens]  # token start offsets, for bisection
        #: each token's text: a sentence's slice of it tells in one C-level test whether it
        #: holds a quotation mark, a colon or a bracket, which most sentences do not
        self.texts = [t.text for t in tokens]
        cues = lex.cue_starts
        #: the tokens a cue may start at (a word with a key some cue starts with), in order
        self.cue_at = [i for i, t in enumerate(tokens) if t.is_word and not cues.isdisjoint(t.keys)]
        self.earlier = _Earlier(self.found, text, lex.language, country)
        #: what naming a speaker reads besides the words: the same for every phrase of the
        #: document (the earlier speakers are read through ``found`` as it grows)
        self.naming = Naming(text, lex, self.earlier, country, publisher)

    def earlier_speakers(self) -> list[Speaker]:
        """The document's speakers so far, most recent first, each once."""
        return self.found.speakers()  # type: ignore[attr-defined]

    def speaker_at(self, words: list[Token], wider: list[Token] | None = None) -> Speaker | None:
        return name_speaker(self.naming, words, wider)

    def speaker_after(self, i: int, sv: SentenceView) -> tuple[Speaker | None, list[Token]]:
        """The speaker named by the phrase starting at token ``i``, and that phrase."""
        words, wider = read_after_both(self.tokens, i, sv.hi, self.lex, self.walls)
        return self.speaker_at(words, wider), words

    def add(
        self, sv: SentenceView, i: int, speaker: Speaker, via: tuple[str, ...], denied: bool = False
    ) -> None:
        if not via:  # named again in the same sentence ("..., التي أشارت"): same relay chain
            same = list(self.in_sentence(sv))
            again = next((a for a in same if a.speaker.name == speaker.name), None)
            chain = next((a for a in same if speaker.name in a.via), None)
            if again is not None:
                via = again.via
            elif chain is not None:  # "AFP, citing INA, which cited X, said": AFP relays X
                speaker, via = chain.speaker, chain.via
        self.found.append(
            Attribution(speaker, via, self.tokens[i].start, sv.index, sv.clause_of(i), denied)
        )

    def latest_in(self, sv: SentenceView) -> Attribution | None:
        return next(self.in_sentence(sv), None)

    def in_sentence(self, sv: SentenceView) -> Iterator[Attribution]:
        """The attributions of sentence ``sv``, latest first (``found`` is in text order, so
        the walk back stops at the sentence before)."""
        for a in reversed(self.found):
            if a.sentence < sv.index:
                return
            if a.sentence == sv.index:
                yield a

    def sentence(self, sv: SentenceView) -> None:
        if sv.lo < len(self.tokens):
            self.earlier.point = self.tokens[sv.lo].start
        texts = self.texts[sv.lo : sv.hi]  # the readers below look for marks it may lack
        self.quoted = set() if _QUOTES.isdisjoint(texts) else _quoted(self.tokens, sv.lo, sv.hi)
        if ":" in texts[: GAP_MAX_TOKENS + 1]:  # where a headline's colon may stand
            self.headline_speaker(sv)
        self.scan(sv, sv.lo, sv.hi, self.quoted)
        self.gapped(sv)
        if "(" in texts[1:]:
            self.bracketed(sv)
        self.wrapped(sv)

    def wrapped(self, sv: SentenceView) -> None:
        """A sentence cut by a hard line break ("... وقال المكتب إن العاصفة التي ضربت ⏎ قرية الزيتون
        أدت إلى إصابة 9"): a line without a cue of its own, after a body line that ends without
        terminal punctuation, continues that line's last attribution."""
        if sv.index < 2 or sv.lo == 0 or sv.lo >= sv.hi or self.latest_in(sv) is not None:
            return
        last, first = self.tokens[sv.lo - 1], self.tokens[sv.lo]
        text, k = self.text, last.end
        while k > 0 and text[k - 1] in _CLOSING:  # the line's end, read back (no copy of it)
            k -= 1
        if k > 0 and text[k - 1] in _TERMINAL:
            return  # the line ends a sentence
        if text[last.end : first.start].strip(" \t") != "\n":
            return  # no line break between the two
        before = self.found[-1] if self.found else None
        if before is not None and before.sentence == sv.index - 1 and before.reach < 0:
            self.found.append(replace(before, at=first.start, sentence=sv.index, clause=0))

    def scan(self, sv: SentenceView, lo: int, hi: int, skip: set[int]) -> None:
        """Read the cues of tokens ``[lo, hi)`` of a sentence, except those in ``skip``."""
        lex = self.lex
        tokens = self.tokens
        cue_at = self.cue_at
        n = bisect_left(cue_at, lo)  # the next token a cue may start at
        while n < len(cue_at) and cue_at[n] < hi:
            i = cue_at[n]  # no cue starts at the tokens before: every lookup would miss
            tok = tokens[i]
            if i in self.walls or i in skip:
                n += 1
                continue
            verbal = not (lex.article and tok.key.startswith(lex.article))  # not "التابع"
            # only the lists an entry of which starts with this word are looked up: the
            # others would miss (same order, same matches)
            lists = cue_lists(lex, tok)
            m = None
            if lists & _PASSIVE and (m := lex.passive.at(tokens, i)) is not None:
                self.passive(sv, m)
            elif lists & _RELAY and (m := lex.relay.at(tokens, i)) is not None:
                self.relay(sv, m)
            elif lists & _ACCORDING and (m := lex.according.at(tokens, i)) is not None:
                self.according(sv, m)
            elif lists & _AFTER and (m := lex.according_after.at(tokens, i)) is not None:
                self.according(sv, m, postposed=True)
            elif lists & _IMPERSONAL and (m := lex.impersonal.at(tokens, i)) is not None:
                pass  # "it was reported", "يذكر أن": no speaker, the publisher's voice
            elif not verbal:
                pass
            elif lists & _TRANSMIT and (m := lex.transmit.at(tokens, i)) is not None:
                self.transmit(sv, m)
            elif lists & _OBJECT_RELAY and (m := lex.object_relay.at(tokens, i)) is not None:
                self.told(sv, m)
            elif lists & _DENIAL and (m := lex.denial.at(tokens, i)) is not None:
                self.verb(sv, m, str(m.value or ""), True)
            elif lists & _SAY and (m := lex.say.at(tokens, i)) is not None:
                self.verb(sv, m, str(m.value or ""), False)
            elif lists & _PARTICIPLES and (m := lex.participles.at(tokens, i)) is not None:
                cont = self.continued(sv, m.first, str(m.value or ""), False)
                if cont is not None:
                    self.found.append(cont)
            i = m.last if m is not None else i + 1
            n = bisect_left(cue_at, i, n + 1)

    def according(self, sv: SentenceView, m: Match, postposed: bool = False) -> None:
        """ "according to X"; "selon un bilan communiqué par X", "بحسب حصيلة وزارة الصحة":
        past a report noun, the first name within ``REPORT_WINDOW`` tokens."""
        speaker = self.source_after(m.last, sv)
        if speaker is not None and speaker.kind == "anaphor" and not postposed:
            cont = self.continued(sv, m.first, speaker.gender, False)  # "بحسب البيان"
            if cont is not None:
                self.found.append(cont)
            return
        if speaker is None or speaker.kind in ("anaphor", "self"):
            return
        if postposed and (speaker.kind != "named" or self.figure_before(sv, m.first) is None):
            return  # "pour la préfecture" counts only right after a figure
        if self.outlet_reports(sv, m, speaker):
            return  # "بيان صدر عن X وفق ما نقلت رويترز": Reuters relays X
        figure = self.figure_before(sv, m.first)
        if figure is None:
            self.add(sv, m.first, speaker, ())
            return
        at = self.tokens[m.first].start  # "against 245,000 according to the union": that figure
        reach = self.tokens[figure].start
        self.found.append(
            Attribution(speaker, (), at, sv.index, sv.clause_of(m.first), False, reach)
        )

    def source_after(self, i: int, sv: SentenceView) -> Speaker | None:
        """The speaker named from token ``i`` on; past a report noun ("un bilan communiqué par
        X", "أحدث البيانات الصادرة عن X"), the first name within ``REPORT_WINDOW`` tokens."""
        speaker, words = self.speaker_after(i, sv)
        if speaker is None and words and self.lex.report_nouns.scan(words[:3]):
            for k in range(i + 1, min(sv.hi, i + REPORT_WINDOW)):
                found, _ = self.speaker_after(k, sv)
                if found is not None and found.kind in ("named", "unnamed"):
                    return found
        return speaker

    def figure_before(self, sv: SentenceView, i: int) -> int | None:
        """First token of a figure ending at most ``POSTPOSED_GAP`` tokens before ``i``, in the
        same clause and with nothing but its counted noun between. A comma may sit between
        when the figure is the second member of a pair whose first has its own source ("4,6
        آلاف، بحسب الشرطة، و12 ألفا، حسب المنظمين"): "and 12 thousand" is its own."""
        k = i - 1
        comma = k >= sv.lo and self.tokens[k].text in ",،" and self.latest_in(sv) is not None
        if comma:
            k -= 1
            i -= 1
        while k >= sv.lo and i - k <= POSTPOSED_GAP and k not in self.blocked:
            if not self.tokens[k].is_word:
                return None  # a comma: the cue closes the whole clause, not one figure
            k -= 1
        if k < sv.lo or k not in self.blocked or sv.clause_of(k) != sv.clause_of(i):
            return None
        while k - 1 >= sv.lo and k - 1 in self.blocked:
            k -= 1
        if comma and not self._coordinated(k):
            return None
        return k

    def _coordinated(self, k: int) -> bool:
        """Whether the figure at token ``k`` follows "and", "et" or a glued "و"."""
        tok = self.tokens[k]
        before = self.tokens[k - 1] if k > 0 else None
        glued = tok.text[:1] == "و" or (before is not None and before.text == "و")
        return glued or (before is not None and before.key in self.lex.conjunctions)

    def passive(self, sv: SentenceView, m: Match) -> None:
        """ "les 30 000 recensées par le ministère": the agent speaks for the figure before."""
        speaker, _ = self.speaker_after(m.last, sv)
        if speaker is None or speaker.kind in ("anaphor", "self"):
            return
        reach = self.tokens[max(sv.lo, m.first - PASSIVE_REACH)].start
        at = self.tokens[m.first].start
        self.found.append(
            Attribution(speaker, (), at, sv.index, sv.clause_of(m.first), False, reach)
        )


#: The bit of each cue list in :func:`factcheck.claims.phrases.cue_lists`.
_PASSIVE, _RELAY, _ACCORDING = CUE_BIT["passive"], CUE_BIT["relay"], CUE_BIT["according"]
_AFTER, _IMPERSONAL = CUE_BIT["according_after"], CUE_BIT["impersonal"]
_TRANSMIT, _OBJECT_RELAY = CUE_BIT["transmit"], CUE_BIT["object_relay"]
_DENIAL, _SAY, _PARTICIPLES = CUE_BIT["denial"], CUE_BIT["say"], CUE_BIT["participles"]

#: Punctuation that ends a sentence (a line ending otherwise is a hard line break).
_TERMINAL: Final = frozenset(".!?؟…:")
#: What may close a line after its terminal punctuation (quotes, brackets, spaces).
_CLOSING: Final = frozenset("\"'”’»)] ")
#: Quotation marks: straight ones toggle, the others open or close.
_TOGGLE: Final = frozenset('"')
_OPEN: Final = frozenset("“«")
_CLOSE: Final = frozenset("”»")
_QUOTES: Final = _TOGGLE | _OPEN | _CLOSE


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


def attribute(
    text: str,
    tokens: list[Token],
    views: list[SentenceView],
    lex: Lexicon,
    blocked: set[int],
    country: str | None = None,
    publisher: str = "",
    fence: frozenset[int] = frozenset(),
) -> list[Attribution]:
    """Every attribution of a document, in text order (``country`` names generic speakers;
    "the ministry" in the ministry's own statement is ``publisher``; ``fence``: tokens of a
    dateline, never read as a speaker)."""
    reader = _Reader(text, tokens, lex, blocked, country, publisher, fence)
    for sv in views:
        reader.sentence(sv)
    found = reader.found
    denials = {a.sentence for a in found if a.denied}
    if denials:  # only a denial asks whether a later verb is joined to it
        starts = [t.start for t in tokens]
        for n, a in enumerate(found):
            if a.sentence in denials and not a.denied:
                k = bisect_left(starts, a.at)
                found[n] = replace(a, joined=_joined(tokens, views[a.sentence].lo, k, lex))
    return found


def _joined(tokens: list[Token], lo: int, i: int, lex: Lexicon) -> bool:
    """Whether the verb at token ``i`` is joined to a verb before it: after "and", "et" or a
    comma, or glued to Arabic "و" ("وقالت")."""
    k = i - 1
    while k >= lo and not tokens[k].is_word and not tokens[k].text.strip():
        k -= 1
    if k >= lo and (tokens[k].key in lex.conjunctions or tokens[k].text in (",", "،")):
        return True
    return lex.language == "ar" and i < len(tokens) and tokens[i].text[:1] in ("و", "ف")


def attribution_for(
    found: list[Attribution], sv: SentenceView, i: int, at: int
) -> Attribution | None:
    """The attribution that governs a figure at token ``i`` (char ``at``) of sentence ``sv``."""
    here = [a for a in found if a.sentence == sv.index]
    if not here:
        return None
    passive = [a for a in here if a.reach >= 0 and a.reach <= at < a.at]
    if passive:  # "a démenti le chiffre de 400 avancé par les médias": the denier speaks
        clause = sv.clause_of(i)
        denial = [a for a in here if a.denied and a.reach < 0 and a.clause == clause]
        denial = [a for a in denial if a.at <= at]
        return denial[-1] if denial else passive[0]
    # a cue bound to the figure before it ("300 ... according to X") never reaches back to an
    # earlier figure of the sentence
    here = [a for a in here if a.reach < 0] or [a for a in here if a.reach <= at and not a.alone]
    if not here:
        return None
    clause = sv.clause_of(i)
    same = [a for a in here if a.clause == clause]
    before = [a for a in same if a.at <= at]
    denied = [a for a in before if a.denied]
    if denied:  # "rejected the rights group's figure of 56": the denier speaks, denying
        last = before[-1]
        if last.joined and not last.denied and last.at > denied[-1].at:
            return last  # "ونفت ... وقالت إن 23", "a démenti ..., et affirmé que 152": asserted
        return denied[-1]
    if before:
        return before[-1]
    if same:
        return same[0]
    before = [a for a in here if a.at <= at]
    return before[-1] if before else here[0]
