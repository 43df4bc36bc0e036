"""The speaker of a reporting verb: after it or before it, past an apposition or a relative
clause, or the speaker it continues ("وأضافت", "he added", "a-t-il ajouté").

A verb without a speaker of its own continues the most recent speaker whose grammatical gender
agrees (feminine "وأضافت" skips a masculine speaker), within the same sentence or up to
``CARRY_MAX_SENTENCES`` sentences back. Mixed into the attribution reader.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from itertools import takewhile
from typing import TYPE_CHECKING, Any, Final

from factcheck.claims.offices import office_person
from factcheck.claims.phrases import phrase_text, read_after, read_after_both, read_before
from factcheck.claims.sources import is_outlet
from factcheck.claims.speakers import Speaker

if TYPE_CHECKING:
    from factcheck.claims.attribution import Attribution, SentenceView
    from factcheck.claims.lexicon import Match, Token

#: How many sentences back a speaker without a name of its own ("وأضافت") may reach.
CARRY_MAX_SENTENCES: Final = 3
#: How many comma-separated phrases before a verb may be passed to find its speaker.
APPOSITIONS: Final = 2


#: How many tokens before "and" a coordinated verb's subject may open its clause.
COORDINATED_MAX_TOKENS: Final = 20

#: How far back (characters) an apposition's opening comma is looked for.
RELATIVE_MAX_CHARS: Final = 160

#: Longest person's name passed between a speaker and its verb ("، دونالد ترمب،").
PERSON_MAX_WORDS: Final = 3


def _bare(speaker: Speaker) -> bool:
    """A name as written that holds two to four capitalised words ("Tawfiq Shukri")."""
    words = speaker.text.split()
    return speaker.kind == "named" and 2 <= len(words) <= 4 and words[0][:1].isupper()


def _description(speaker: Speaker) -> bool:
    """A phrase as written that describes rather than names ("a medical group", "une ONG
    locale"): it opens with a lower-case word."""
    return speaker.kind == "named" and speaker.text[:1].islower()


def agrees(cue: str, speaker: str) -> bool:
    """Whether a verb's gender agrees with a speaker's ("" agrees with anything)."""
    return not cue or not speaker or cue == speaker or cue == "p"


class VerbMixin:
    """Reporting verbs and carried-over speakers (uses the reader's tokens, lexicon, found)."""

    tokens: Any
    lex: Any
    blocked: Any
    walls: Any
    found: Any
    seen_by: str = ""  # an outlet an apposition says saw the speaker's report
    starts: list[int]  # token start offsets

    def continued(self, sv: SentenceView, i: int, gender: str, denied: bool) -> Attribution | None:
        """The attribution a speaker-less cue at token ``i`` continues (gender agreeing)."""
        since = sv.index - CARRY_MAX_SENTENCES
        recent = list(takewhile(lambda a: a.sentence >= since, reversed(self.found)))
        recent = [a for a in recent if a.reach < 0] or recent  # not "avancé par X": one figure's
        if not recent:
            return None
        agreeing = [a for a in recent if agrees(gender, a.speaker.gender)]
        base = (agreeing or recent)[0]
        return replace(
            base, at=self.tokens[i].start, sentence=sv.index, clause=sv.clause_of(i), denied=denied
        )

    def verb(self, sv: SentenceView, m: Match, gender: str, denied: bool) -> None:
        """A reporting or denial verb: its speaker, else the speaker it continues."""
        speaker = None
        self.seen_by = ""
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
        if speaker is None and k >= sv.lo and self.tokens[k].key in self.lex.conjunctions:
            speaker = self.coordinated_subject(k, sv)  # "X condemned the strike and said"
        if speaker is not None and speaker.kind == "self":
            return  # "nous avons compté": the publisher speaks
        if speaker is None or speaker.kind == "anaphor":
            g = speaker.gender if speaker is not None and speaker.gender else gender
            cont = self.continued(sv, m.first, g, denied)
            if cont is not None:
                self.found.append(cont)
            return
        if not denied and self.outlet_reports(sv, m, speaker):
            return  # "X said 4 ..., the Iraqi News Agency reported": the agency relays X
        if gender in ("f", "m") and speaker.kind != "unnamed":
            speaker = replace(speaker, gender=gender)  # the verb's agreement tells the gender
        outlet = self.outlet_after(m.last, sv) or self.seen_by
        relayed = (outlet,) if outlet and outlet != speaker.name else ()
        if self.object_relative(sv, m, speaker, relayed, denied):
            return
        self.add(sv, m.first, speaker, relayed, denied)

    def coordinated_subject(self, conj: int, sv: SentenceView) -> Speaker | None:
        """The speaker of a verb joined by a conjunction to an earlier verb of the same clause
        ("the SDF condemned the strike and said", "les FDS ont dénoncé un massacre et fait
        état de"): the subject that opens the clause, read before that earlier verb. Only a
        phrase that opens the clause counts, not a name inside the first verb's object ("the
        rubble of the Red Crescent building and said")."""
        for k in range(max(sv.lo + 1, conj - COORDINATED_MAX_TOKENS), conj):
            tok = self.tokens[k]
            if not tok.is_word or k in self.blocked or tok.text[:1].isupper():
                continue  # a capital continues the name: "The Syrian | Democratic Forces"
            words = read_before(self.tokens, k, sv.lo, self.lex, self.walls)
            if not words or not self._opens_clause(words[0].start, sv):
                continue
            speaker = self.named_before(k, sv)
            if speaker is not None and (
                speaker.resolved
                or speaker.kind == "unnamed"
                or (
                    _bare(speaker)
                    and all(w[:1].isupper() for w in speaker.text.split())
                    and words[0].key not in self.lex.determiners
                )
            ):
                return speaker
        return None

    def _opens_clause(self, start: int, sv: SentenceView) -> bool:
        """Whether the word starting at ``start`` opens its clause: first in the sentence, or
        after punctuation, or after nothing but skipped words ("Dimanche, les FDS")."""
        s = bisect_left(self.starts, start, sv.lo, sv.hi)
        j = s - 1
        while j >= sv.lo and self.tokens[j].is_word and self.tokens[j].key in self.lex.skip:
            j -= 1
        return j < sv.lo or not self.tokens[j].is_word

    def object_relative(
        self, sv: SentenceView, m: Match, speaker: Speaker, via: tuple[str, ...], denied: bool
    ) -> bool:
        """ "well below the 85 deaths that the coast guard reported", "les 1 200
        blessés que la préfecture a recensés": a figure right before a relative pronoun whose
        clause's verb has this speaker is that speaker's figure alone."""
        from factcheck.claims.attribution import Attribution

        words = read_before(self.tokens, m.first, sv.lo, self.lex, self.walls)
        if not words:
            return False
        r = bisect_left(self.starts, words[0].start, sv.lo, sv.hi) - 1
        if r <= sv.lo:
            return False
        if self.tokens[r].key not in self.lex.relatives | self.lex.openers:
            # "fewer than the 1,500 a second spokesman gave": a relative with no pronoun,
            # right after a figure the article makes definite
            if not (r in self.blocked and self.definite_figure(r)):
                return False
            r += 1
        figure = self.figure_before(sv, r)
        if figure is None:
            return False
        at, reach = self.tokens[r].start, self.tokens[figure].start
        self.found.append(Attribution(speaker, via, at, sv.index, sv.clause_of(r), denied, reach))
        return True

    def definite_figure(self, k: int) -> bool:
        """Whether the figure ending at token ``k`` has a determiner right before it ("the
        20,000")."""
        while k - 1 >= 0 and k - 1 in self.blocked:
            k -= 1
        return k > 0 and bool(set(self.tokens[k - 1].keys) & self.lex.determiners)

    def named_after(self, i: int, sv: SentenceView) -> Speaker | None:
        """The speaker after a verb, past an outlet it spoke to ("a indiqué à l'AFP deux
        responsables") and with an apposition that says who a bare name is ("Mamadou, un
        commerçant")."""
        j = i  # "a indiqué samedi à l'AFP": days and times may come before the outlet
        while j < sv.hi and self.tokens[j].is_word and self.tokens[j].key in self.lex.skip:
            j += 1
        outlet = self.outlet_at(j, sv)
        if outlet is not None:
            i = outlet[1]
        elif j < sv.hi and self._addressed(self.tokens[j]):
            return None  # "تحدثوا لوسائل إعلام محلية": who was told, not who spoke
        speaker, words = self.speaker_after(i, sv)
        if speaker is None and not words and self.lex.given_names:
            # "وقال علي حسن": a given name spelt like a stop word ("على", on), written as
            # the name; the reading had stopped at it
            _, wide = read_after_both(self.tokens, i, sv.hi, self.lex, self.walls)
            if wide and wide[0].text in self.lex.given_names:
                stop = self.lex.stop
                words = wide[:1] + list(takewhile(lambda t: t.key not in stop, wide[1:]))
        told = self._told_inside(words, sv)
        if told:  # "قال أحمد كريم لوكالة فرانس برس": the agency is told, the name speaks
            before = self.speaker_at(words[:told])
            staff = any(t.key in self.lex.reporters for t in words[:told])
            if not staff and (before is not None or self._bare_name(words[:told])):
                words, speaker = words[:told], before  # not "مراسل لوكالة فرانس برس"
        bare = speaker is None and self._bare_name(words)  # Arabic names carry no capitals
        if words and (bare or (speaker is not None and _bare(speaker))):
            apposed = self._role_after(words, sv)  # "said Ahmed Karim, a spokesman for X"
            if apposed is not None:
                return replace(apposed, person=apposed.person or phrase_text(self.text, words))
        if bare:
            return self._bare_speaker(words, sv)
        if speaker is not None and words and speaker.kind == "named" and not speaker.resolved:
            k = self._index_after(words[-1].end, sv)
            if k < sv.hi and self.tokens[k].text in ",،":
                apposed, _ = self.speaker_after(k + 1, sv)
                if apposed is not None and apposed.kind == "unnamed":
                    return replace(apposed, text=speaker.text)
        if speaker is not None and words and speaker.resolved and not speaker.person:
            k = self._index_after(words[-1].end, sv)  # "le ministre de la Santé, Saleh X,"
            if k < sv.hi and self.tokens[k].text in ",،":
                name = read_after(self.tokens, k + 1, sv.hi, self.lex, self.walls)
                end = self._index_after(name[-1].end, sv) if name else sv.hi
                closed = end >= sv.hi or not self.tokens[end].is_word
                person = office_person(self.text, self.lex, name, name[0].start) if name else ""
                if closed and person and len(person.split()) == len(name):
                    return replace(speaker, person=person)
        return speaker

    def _bare_name(self, words: list[Token]) -> bool:
        """Whether an unknown phrase after a verb may be a person's name in a script without
        capitals: two to four words, no stop word or digit, and either none with the article
        ("وقال أحمد كريم،") or a given name first ("محمد الحسن")."""
        content = [t for t in words if t.is_word]
        lex = self.lex
        if not lex.article or len(content) != len(words) or not 2 <= len(content) <= 4:
            return False
        given = not lex.given_names.isdisjoint(content[0].keys)  # "محمد الحسن"
        rest = content[1:] if given else content  # "علي" is a name and a preposition
        if any(t.key in lex.stop or t.key.isdigit() for t in rest):
            return False
        return given or not any(k.startswith(lex.article) for t in content for k in t.keys)

    def _addressed(self, tok: Token) -> bool:
        """Whether ``tok`` is a speaker noun with an object preposition glued to it ("لوسائل",
        to the media; not "لجنة", a committee): those it was said to."""
        if not self.lex.article or not tok.is_word:
            return False
        preps = self.lex.object_preps
        if len(tok.keys) < 2 or not tok.key.startswith(preps):
            return False
        heads = self.lex.speaker_heads
        if not self.lex.reporters.isdisjoint(tok.keys[1:]):
            return True  # "للصحفيين", to the journalists
        return heads.at([tok._replace(keys=tok.keys[:1])], 0) is None and (
            heads.at([tok._replace(keys=tok.keys[1:])], 0) is not None
        )

    def _told_inside(self, words: list[Token], sv: SentenceView) -> int:
        """Where an outlet or audience the speaker talked to starts inside a phrase read after
        a verb ("أحمد كريم لوكالة فرانس برس", "الوزير للصحفيين"), 0 when none does: only words
        before it speak."""
        if len(words) < 2:
            return 0
        first = self._index_after(words[0].start, sv)
        preps = self.lex.object_preps  # glued to the outlet only in Arabic ("لوكالة")
        for k in range(1, len(words)):
            tok = words[k]
            glued = self.lex.article and tok.key.startswith(preps)
            if not tok.is_word or not (tok.key in preps or glued):
                continue
            if self._addressed(tok) or self.outlet_at(first + k, sv):
                return k  # "الوزير للصحفيين": the journalists were told
        return 0

    def _bare_speaker(self, words: list[Token], sv: SentenceView) -> Speaker | None:
        """A name without capitals after a verb: an unnamed speaker when an apposition says
        so ("أحمد كريم، أحد السكان،"), else the name as written when it opens with a given
        name ("وقال أحمد كريم إن"); None otherwise ("وذكرت تقارير إعلامية")."""
        written = phrase_text(self.text, words)
        k = self._index_after(words[-1].end, sv)
        if k < sv.hi and self.tokens[k].text in ",،":
            apposed, _ = self.speaker_after(k + 1, sv)
            if apposed is not None and apposed.kind == "unnamed":
                return replace(apposed, text=written)
        if self.lex.given_names.isdisjoint(words[0].keys):
            return None
        return Speaker(written, written, self.lex.gender_of(words))

    def _role_after(self, words: list[Token], sv: SentenceView) -> Speaker | None:
        """The organisation an apposition after a name says the person speaks for ("Ahmed
        Karim, a spokesman for the provincial government,", "Marc Dupont, porte-parole de la
        préfecture", "أحمد كريم، المتحدث باسم الدفاع المدني،"): the apposition must open with
        a role and name a speaker, as it does before a verb; the person is the name."""
        k = self._index_after(words[-1].end, sv)
        if k >= sv.hi or self.tokens[k].text not in ",،":
            return None
        k += 1
        while (
            k < sv.hi
            and self.tokens[k].is_word
            and self.tokens[k].key in self.lex.apposition_pronouns
        ):
            k += 1  # "، وهو مسؤول في ...": "and he is"
        _, wide = read_after_both(self.tokens, k, sv.hi, self.lex, self.walls)
        content = [t for t in wide if t.is_word and t.key not in self.lex.determiners]
        if not content or content[0].key not in self.lex.titles:
            return None
        whole = self.speaker_at(wide, wide)
        return whole if whole is not None and whole.kind == "named" else None

    def apposed(
        self, speaker: Speaker, words: list[Token], sv: SentenceView, skipped: list[Token] = ()
    ) -> Speaker:
        """A speaker with the person an apposition names: "Marta Quist, the water
        minister of ..., told" and "the spokeswoman for the port board, Idris Kamal, denied" are
        the office or organisation, with the person kept; a bare name stays as written."""
        if speaker.person:
            return speaker
        k = self._index_after(words[0].start, sv) if words else sv.lo
        other = None
        if k - 1 > sv.lo and self.tokens[k - 1].text in ",،":
            other = self.speaker_at(read_before(self.tokens, k, sv.lo, self.lex, self.walls, True))
        if not speaker.resolved and other is not None and other.resolved and _bare(speaker):
            return replace(other, person=speaker.text)
        if not speaker.resolved and other is not None and other.resolved and _description(speaker):
            return other  # "The Sudan Doctors Network, a medical group that ..., put"
        if (
            other is not None
            and not other.resolved
            and _bare(other)
            and (speaker.resolved or _description(speaker))
        ):  # "Fares Afana, head of the ambulance service in the north, told"
            return replace(speaker, person=other.text)
        if speaker.resolved and skipped and not any(t.key in self.lex.stop for t in skipped):
            person = office_person(self.text, self.lex, skipped, skipped[0].start)
            if person:  # "الوزير الفرنسي، جان مارتان،", not "The Iraqi army, too,"
                return replace(speaker, person=person)
        return speaker

    def _apposition_comma(self, words: list[Token], sv: SentenceView) -> int:
        """The comma opening the apposition that ``words`` end, when that apposition
        describes the name before it: it opens with a qualifying participle ("based in",
        "basée au") or holds a relative pronoun ("et qui s'appuie sur"); else -1."""
        k = bisect_left(self.starts, words[0].start, sv.lo, sv.hi) - 1
        relative = False
        while k > sv.lo and self.tokens[k].start > words[0].start - RELATIVE_MAX_CHARS:
            tok = self.tokens[k]
            if tok.text in ",،":
                first = self.tokens[k + 1]
                if relative or (first.is_word and first.key in self.lex.name_qualifiers):
                    return k
                return -1
            if not tok.is_word and tok.text not in "'’-":
                return -1
            relative = relative or tok.key in self.lex.relatives
            k -= 1
        return -1

    def _seen_by(self, speaker: Speaker | None, words: list[Token]) -> bool:
        """ "an audit, seen by Le Monde on Sunday, counted": an outlet after an agent
        preposition in an apposition only relays the speaker named before it."""
        if speaker is None or not is_outlet(speaker.name) or len(words) < 2:
            return False
        return any(t.key in self.lex.agents for t in words[:3]) and words[0].key not in (
            self.lex.agents
        )

    def _owner_apposition(self, words: list[Token]) -> bool:
        """Whether a phrase between commas says who runs the speaker ("the ministry, run by
        Hamas, said", "les autorités, contrôlées par le Hamas, font état"): a qualifying
        participle (``name_qualifiers``) and an agent preposition. The owner does not speak."""
        content = [t for t in words if t.is_word]
        return (
            len(content) > 2
            and content[0].key in self.lex.name_qualifiers
            and content[1].key in self.lex.agents
        )

    def named_before(self, i: int, sv: SentenceView) -> Speaker | None:
        """The speaker before a verb, else in one of the comma-separated phrases before it
        ("Des médecins de l'hôpital, joints par téléphone, évoquent")."""
        end = i
        pronoun = None
        skipped: list[Token] = []
        for _ in range(APPOSITIONS + 1):
            words = read_before(self.tokens, end, sv.lo, self.lex, self.walls, comma=True)
            owner = self._owner_apposition(words)
            told = bool(words) and self._addressed(words[0])  # "... لوسائل إعلام أكدوا"
            speaker = None if owner or told else self.speaker_at(words)
            comma = -1
            if words and (speaker is None or speaker.kind == "unnamed"):
                comma = self._apposition_comma(words, sv)  # "X, based in Y and relying on
                if comma >= 0:  # sources in Z, said": the sources are X's, X speaks
                    speaker = None
            if (
                speaker is not None
                and speaker.kind == "anaphor"
                and pronoun is None
                and words[0].is_word  # not a quotation's closing mark: "...," he said
            ):
                pronoun = speaker  # "La CGT, elle, revendique": the name before the pronoun
            elif self._seen_by(speaker, words):
                self.seen_by = speaker.name  # type: ignore[union-attr]
            elif speaker is not None or not words:
                if pronoun is not None and speaker is not None and not speaker.resolved:
                    return pronoun  # "Dans son bilan, il fait état": the pronoun speaks
                if speaker is not None and speaker.kind == "named":
                    return self.apposed(speaker, words, sv, skipped)
                return speaker or pronoun
            if not owner and len(words) <= PERSON_MAX_WORDS and all(t.is_word for t in words):
                skipped = words  # "الوزير الفرنسي، جان مارتان، أكد": the person's name
            end = bisect_left(self.starts, words[0].start, sv.lo, sv.hi) if comma < 0 else comma + 1
            end = sv.lo if end >= sv.hi else end
            if end <= sv.lo + 1 or self.tokens[end - 1].text not in ",،":
                return pronoun
            if pronoun is not None and not self.tokens[end - 2].is_word:
                return pronoun  # «...», a-t-elle ajouté: the quotation is not a speaker
        return pronoun
