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


def test_word_letters_are_letters_and_read_the_same_words() -> None:
    import re

    from factcheck.mentions.tokens import _TOKEN, _WORD, WORD_LETTERS
    from factcheck.synthetic import one_document
    from factcheck.text.normalize import normalize

    fast = re.compile(f"[{WORD_LETTERS}]")
    letter = re.compile(r"[^\W\d_]")
    assert all(letter.match(chr(c)) for c in range(0x10000) if fast.match(chr(c)))
    plain = re.compile(_TOKEN.pattern.replace(_WORD, r"[^\W\d_]+", 1))
    assert plain.pattern != _TOKEN.pattern
    for language in ("ar", "en", "fr"):
        text = normalize(one_document(language, 5_000, seed=6)).text + " éa aé 3ab ٣ب bق ÷a"
        assert [m.span() for m in _TOKEN.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert [m.lastgroup for m in _TOKEN.finditer(text)] == [
            m.lastgroup for m in plain.finditer(text)
        ]
