"""Speakers named without a verb of their own: a gapped clause that shares the sentence's
reporting verb ("le ministère a dénombré 22 000 manifestants, la CGT 55 000"), and a headline
that opens with an organisation and a colon ("سنتكوم: مقتل 15"). Mixed into the attribution
reader (:mod:`factcheck.claims.attribution`).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Any, Final

from factcheck.claims.phrases import is_cue

if TYPE_CHECKING:
    from factcheck.claims.attribution import SentenceView

#: Longest bracket holding a speaker after a figure ("(préfecture)", "(CGT)"), in tokens.
BRACKET_MAX_TOKENS: Final = 6
#: Longest phrase naming the speaker of a gapped clause ("..., la CGT 55 000"), in tokens.
GAP_MAX_TOKENS: Final = 5


class GapMixin:
    """Gapped and headline speakers (uses the reader's tokens, lexicon, found list)."""

    tokens: Any
    lex: Any
    blocked: Any
    walls: Any
    found: Any
    starts: Any  # the reader's: each token's start offset, in order
    in_sentence: Any  # the reader's: attributions of a sentence, walking back from the end

    def headline_speaker(self, sv: SentenceView) -> None:
        """ "سنتكوم: مقتل 15", "Hamas: 210 killed", "CGT : 3,5 millions": a headline or
        subhead that opens with a known organisation and a colon speaks in its voice (a place
        or a topic before the colon, "France :", "فرنسا:", is not a speaker)."""
        k = sv.lo
        while k < sv.hi and k - sv.lo <= GAP_MAX_TOKENS and self.tokens[k].text != ":":
            k += 1
        if k >= sv.hi or self.tokens[k].text != ":" or k == sv.lo:
            return
        words = [t for t in self.tokens[sv.lo : k] if t.is_word]
        speaker = self.speaker_at(words) if words else None
        named = speaker is not None and speaker.kind == "named" and speaker.resolved
        if named and speaker is not None and _is_registered(speaker.name):
            self.add(sv, sv.lo, speaker, ())

    def bracketed(self, sv: SentenceView) -> None:
        """ "entre 3100 (préfecture) et 8 500 (CGT) à Brest", "9,400 (police)": a speaker in
        brackets right after a figure (or its counted noun) speaks for that figure alone."""
        from factcheck.claims.attribution import Attribution

        for k in range(sv.lo + 1, sv.hi):
            if self.tokens[k].text != "(":
                continue
            figure = k - 1 if k - 1 in self.blocked else k - 2
            if figure < sv.lo or figure not in self.blocked:
                continue
            while figure - 1 >= sv.lo and figure - 1 in self.blocked:
                figure -= 1
            close = next(
                (
                    j
                    for j in range(k + 1, min(sv.hi, k + BRACKET_MAX_TOKENS))
                    if self.tokens[j].text == ")"
                ),
                None,
            )
            if close is None:
                continue
            words = [t for t in self.tokens[k + 1 : close] if t.is_word]
            speaker = self.speaker_at(words) if words else None
            if speaker is None or speaker.kind != "named" or not speaker.resolved:
                continue
            reach = self.tokens[figure].start
            at = self.tokens[k].start
            clause = sv.clause_of(k)
            self.found.append(Attribution(speaker, (), at, sv.index, clause, False, reach, True))

    def gapped(self, sv: SentenceView) -> None:
        """ "le ministère a dénombré 22 000 manifestants, la CGT 55 000": after a comma, or
        after "et", "and", "و" that follows a figure ("48 000 grévistes et les
        syndicats 90 000"), a named speaker right before a figure, in a sentence whose
        reporting verb it shares (the verb comes first)."""
        if self.latest_in(sv) is None:
            return
        opened = min(a.at for a in self.in_sentence(sv))  # the tail of ``found``: no rescan
        seen_figure = False
        # the shared reporting verb comes first ("X a compté 22 000, Y 55 000"): the tokens
        # before it are passed over (none of them is a figure after it)
        for k in range(bisect_left(self.starts, opened, sv.lo, sv.hi), sv.hi):
            seen_figure = seen_figure or (k in self.blocked and self.tokens[k].start > opened)
            tok = self.tokens[k]
            first = k + 1
            if tok.text not in ",،":
                if not seen_figure or not tok.is_word or k in self.blocked:
                    continue
                if tok.key in self.lex.conjunctions:  # "48 000 et les syndicats 90 000"
                    pass
                elif self.lex.article and len(tok.keys) > 1 and tok.text[:1] == "و":
                    first = k  # "والنقابات 2,5 مليون": the conjunction is glued on
                else:
                    continue
            j = k + 1
            while j < sv.hi and j not in self.blocked and j - k <= GAP_MAX_TOKENS:
                j += 1
            if j >= sv.hi or j not in self.blocked or j == first:
                continue
            if any(n in self.walls or is_cue(self.tokens, n, self.lex) for n in range(k, j)):
                continue  # "BASRA, Iraq (Reuters) - Eight": a dateline; a verb: not gapped
            words = [t for t in self.tokens[first:j] if t.is_word]
            speaker = self.speaker_at(words) if words else None
            if speaker is not None and speaker.kind == "named" and speaker.resolved:
                self.add(sv, first, speaker, ())


def _is_registered(name: str) -> bool:
    """Whether a canonical name is a registry entry (not an office or a state's name)."""
    try:
        from factcheck.claims.registry import load_registry
    except ImportError:
        return False
    try:
        load_registry().get(name)
    except KeyError:
        return False
    return True
