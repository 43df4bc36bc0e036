"""Tokens around white space, "_" and the end of the text (skipped, never a token)."""

from __future__ import annotations

from factcheck.mentions.tokens import CLOCK, NUMBER, PUNCT, WORD, phrase_tokens, tokenize


def test_white_space_underscore_and_end_make_no_token() -> None:
    toks = tokenize("  a_b  _ 5 -3 ,4  9 h 15\t", frozenset(","))
    assert toks.texts == ["a", "b", "5", "-3", ",4", "9 h 15"]
    assert toks.kinds == [WORD, WORD, NUMBER, NUMBER, NUMBER, CLOCK]
    assert toks.starts == [2, 4, 9, 11, 14, 18]
    assert tokenize("   ", frozenset()).texts == []


def test_signs_and_figures_glued() -> None:
    toks = tokenize("COVID-19, 10-20 (x)", frozenset(","))
    assert toks.texts == ["COVID", "-", "19", ",", "10", "-", "20", "(", "x", ")"]
    assert toks.kinds[1] == PUNCT and toks.values == {2: 19.0, 4: 10.0, 6: 20.0}
    assert phrase_tokens("tens of thousands") == ("tens", "of", "thousands")
