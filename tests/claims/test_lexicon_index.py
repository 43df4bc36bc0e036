"""Scans over a document's tokens read an index of where each key occurs
(factcheck/claims/lexicon.py, TokenList): the same entries as walking every token."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.lexicon import INDEX_MIN_TOKENS, Phrases, TokenList, lexicon
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
