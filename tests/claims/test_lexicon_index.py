"""A document's tokens (factcheck/claims/lexicon.py): read without a match object per token,
the same tokens; scanned through an index of where each key occurs (TokenList), the same
entries as walking every token."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.lexicon import INDEX_MIN_TOKENS, Lexicon, Phrases, TokenList, lexicon
from factcheck.synthetic import one_document


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_indexed_scan_finds_what_a_walk_finds(language: str) -> None:
    lex = lexicon(language)
    tokens = lex.tokenize(one_document(language, 6000, seed=41))
    assert isinstance(tokens, TokenList) and len(tokens) >= INDEX_MIN_TOKENS
    walked = list(tokens)  # a plain list: scanned token by token
    kinds = [v for v in vars(lex).values() if isinstance(v, Phrases)]
    assert len(kinds) > 20
    n = len(tokens)
    for lo, hi in [(0, n), (0, n // 3), (n // 4, n // 2), (n - 50, n), (7, 8), (n, n)]:
        for phrases in kinds:
            assert list(phrases.scan(tokens, lo, hi)) == list(phrases.scan(walked, lo, hi))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2000), st.integers(0, 2000), st.sampled_from(["ar", "en", "fr"]))
def test_indexed_scan_any_window(lo: int, hi: int, language: str) -> None:
    lex = lexicon(language)
    tokens = lex.tokenize(one_document(language, 9000, seed=7))
    lo, hi = min(lo, hi, len(tokens)), min(max(lo, hi), len(tokens))
    for phrases in (lex.measures, lex.subjects, lex.clause_breaks, lex.affiliations):
        assert list(phrases.scan(tokens, lo, hi)) == list(phrases.scan(list(tokens), lo, hi))


def _reference_tokens(lex: Lexicon, text: str) -> list[tuple]:
    """Tokens as a match-by-match reading of the token pattern gives them."""
    from factcheck.claims.lexicon import _TOKEN, _keys_of

    return [
        (m.start(), m.end(), m.group(), *_keys_of(m.group(), lex.prefixes))
        for m in _TOKEN.finditer(text)
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab1 \t\n\u00a0\u2009.,'-و\u064eالقتلى٣«»\u200f_", max_size=40),
    st.sampled_from(["ar", "en", "fr"]),
)
def test_tokens_and_offsets_match_a_match_by_match_reading(text: str, language: str) -> None:
    lex = lexicon(language)
    assert [tuple(t) for t in lex.tokenize(text)] == _reference_tokens(lex, text)
