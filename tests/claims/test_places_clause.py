"""The sentence view of the place rule (factcheck/claims/places_clause.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.places import _view
from factcheck.mentions.phrases import tokenize

SENTENCES = [
    "Syria's Idlib province and the city of Aleppo counted 12 dead, officials said.",
    "Au moins 30 000 manifestants à Lyon, à Marseille et à Bordeaux selon la CGT.",
    "قتل 5 أشخاص في الموصل وبالرمادي وأصيب 7 آخرون في محافظة الأنبار",
    "Guinea's second city Kankan: 87 wounded (police), more than 100 (hospital).",
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SENTENCES), st.integers(0, 90), st.integers(0, 90))
def test_gap_keys_are_the_keys_of_the_span_tokenised_alone(sentence: str, a: int, b: int) -> None:
    a, b = min(a, b, len(sentence)), min(max(a, b), len(sentence))
    view = _view(sentence, "en", "")
    assert list(view.gap_keys(a, b)) == [t.key for t in tokenize(sentence[a:b])]


def test_gap_keys_stop_when_asked() -> None:
    view = _view(SENTENCES[0], "en", "")
    keys = view.gap_keys(0, len(SENTENCES[0]))
    assert [next(keys), next(keys)] == ["syria", "s"]


def _break_read_alone(view, i: int, strong_only: bool) -> bool:  # type: ignore[no-untyped-def]
    """The clause-break rule read on one gap, as the view read it before it kept flags."""
    import re

    starts, ends = view.tokens.starts, view.tokens.ends
    if i <= 0 or i >= len(starts):
        return True
    gap = view.text[ends[i - 1] : starts[i]]
    word_breaks = view.core(view.tokens.keys[i]) in view.words.breaks
    if re.search(r"[;:؛()\[\]]", gap):
        return True
    return not strong_only and (bool(re.search(r"[,،]", gap)) or word_breaks)


def test_clause_breaks_read_once_are_the_breaks_of_each_gap() -> None:
    """Flags kept per sentence give every token's break as reading its gap alone does; clause
    starts and strong ends follow from them."""
    for language, sentence in zip(("en", "fr", "ar", "en"), SENTENCES, strict=True):
        view = _view(sentence, language, "")
        n = len(view.tokens)
        for strong_only in (False, True):
            expected = [_break_read_alone(view, i, strong_only) for i in range(-1, n + 1)]
            assert [view.breaks_before(i, strong_only) for i in range(-1, n + 1)] == expected
            opened = 0
            for i in range(n):
                opened = i if expected[i + 1] else opened
                assert view.clause_start(i, strong_only) == opened
    view = _view(SENTENCES[0], "en", "")
    after_comma = view.tok(SENTENCES[0].index(", officials"))  # the word after the comma
    assert view.breaks_before(after_comma) and not view.breaks_before(after_comma, True)
