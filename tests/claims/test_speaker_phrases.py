"""Speaker phrases (factcheck/claims/phrases.py): the two readings after a cue taken at once
are the two readings taken apart; the cue lists a word may start are those whose lookups
can match; a phrase's key holds what a reading of it can see."""

from __future__ import annotations

import pytest

from factcheck.claims.lexicon import Lexicon, Token, lexicon
from factcheck.claims.phrases import (
    CUE_LISTS,
    SPEAKER_MAX_WORDS,
    _ends_phrase,
    _skippable,
    cue_lists,
    is_cue,
    read_after,
    read_after_both,
    span_key,
    trimmed,
)
from factcheck.synthetic import one_document


def _read_after_alone(
    tokens: list[Token], i: int, hi: int, lex: Lexicon, blocked: set[int], wide: bool = False
) -> list[Token]:
    """One reading after a cue, taken on its own: the rule both readings follow."""
    while i < hi and (
        (not tokens[i].is_word and tokens[i].text in ",،") or _skippable(tokens[i], lex)
    ):
        i += 1
    out: list[Token] = []
    words = 0
    stop = frozenset() if wide else lex.stop
    while i < hi and words < SPEAKER_MAX_WORDS:
        tok = tokens[i]
        lead = not out and lex.report_nouns.at(tokens, i) is not None
        if i in blocked or (_ends_phrase(tok, lex, stop) and not lead):
            break
        if out and is_cue(tokens, i, lex):
            break
        out.append(tok)
        words += tok.is_word
        i += 1
    return trimmed(out)


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_both_readings_after_a_token_are_the_two_readings(language: str) -> None:
    lex = lexicon(language)
    tokens = lex.tokenize(one_document(language, 6000, seed=43))
    blocked = set(range(0, len(tokens), 17))
    for i in range(len(tokens)):
        hi = min(len(tokens), i + 30)
        expected = (
            _read_after_alone(tokens, i, hi, lex, blocked),
            _read_after_alone(tokens, i, hi, lex, blocked, wide=True),
        )
        assert read_after_both(tokens, i, hi, lex, blocked) == expected
        assert (
            read_after(tokens, i, hi, lex, blocked),
            read_after(tokens, i, hi, lex, blocked, wide=True),
        ) == expected


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_cue_lists_of_a_word_are_those_that_can_match_it(language: str) -> None:
    lex = lexicon(language)
    tokens = lex.tokenize(one_document(language, 6000, seed=47))
    seen = 0
    for i, tok in enumerate(tokens):
        bits = cue_lists(lex, tok)
        for k, name in enumerate(CUE_LISTS):
            if getattr(lex, name).at(tokens, i) is not None:
                assert bits & 1 << k
                seen += 1
        cues = ("say", "according", "passive", "relay", "transmit", "object_relay", "denial")
        anywhere = any(getattr(lex, n).at(tokens, i) is not None for n in (*cues, "participles"))
        assert is_cue(tokens, i, lex) == (tok.is_word and anywhere)
    assert seen > 0


def test_span_key_tells_apart_what_a_reading_sees() -> None:
    lex = lexicon("en")
    text = "the army said, the army said and the navy said"
    tokens = lex.tokenize(text)
    first, second, third = tokens[0:2], tokens[4:6], tokens[8:10]
    assert span_key(text, first) == span_key(text, second)  # same words elsewhere
    assert span_key(text, first) != span_key(text, third)
    assert span_key(text, first, tokens[0:3]) != span_key(text, first, tokens[0:2])
    assert span_key(text) == ()
