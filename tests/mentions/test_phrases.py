"""Phrase search: the words of a text are the same however they were obtained."""

from __future__ import annotations

import pytest

from factcheck.mentions import phrases, wordlist
from factcheck.mentions.phrases import LONG_TEXT, PhraseIndex, recent_tokens, tokenize

SENTENCE = "قالت وزارة الصحة إن 12 شخصا قتلوا يوم الخميس في غارة على المدينة "


def _long_text() -> str:
    return "".join(f"{SENTENCE}{n} " for n in range(LONG_TEXT // len(SENTENCE) + 50))


def test_a_part_of_the_latest_long_text_has_the_words_tokenize_gives() -> None:
    text = _long_text()
    recent_tokens(text)  # the document: kept as the latest long text
    for start in (0, 17, len(text) // 2, len(text) - 300):  # some cut a word in two
        part = text[start : start + 200]
        assert recent_tokens(part) == tokenize(part)


def test_a_text_from_elsewhere_is_tokenised_itself() -> None:
    recent_tokens(_long_text())
    other = "Officials said 12 people were killed on Thursday in the city centre."
    assert recent_tokens(other * 2) == tokenize(other * 2)


def test_indexes_with_the_same_clitics_find_the_same_phrases() -> None:
    prefixes = {"ar": {"و": "", "ب": "", "لل": "ال"}}
    first: PhraseIndex[str] = PhraseIndex(prefixes)
    second: PhraseIndex[str] = PhraseIndex(prefixes)
    first.add("القيادة المركزية", "centcom")
    second.add("المدينة", "city")
    text = "وللقيادة المركزية بيان عن الغارة بالمدينة"
    assert first.find(text, "ar") == [(2, 17, "centcom")]
    assert second.find(text, "ar") == [(34, 41, "city")]
    assert phrases._variant_cache(prefixes) is first._variant_cache  # one cache, shared


def test_a_sentence_of_the_latest_article_is_cut_from_its_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An article (shorter than a long text) searched whole gives its sentences their words:
    the words tokenising the sentence gives, without tokenising it again."""
    article = " ".join(f"{SENTENCE}{n}." for n in range(wordlist.SOURCE_MIN_CHARS // 50))
    assert wordlist.SOURCE_MIN_CHARS <= len(article) < LONG_TEXT
    recent_tokens(article)
    sentence = article[len(SENTENCE) + 3 : 2 * len(SENTENCE) + 5]
    expected = list(wordlist.words_of(sentence))
    wordlist._recent.pop(sentence, None)

    def never(text: str) -> None:
        raise AssertionError(f"tokenised again: {text!r}")

    monkeypatch.setattr(wordlist, "words_of", never)
    assert recent_tokens(sentence) == expected
