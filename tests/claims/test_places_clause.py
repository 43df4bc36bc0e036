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
