"""Sentences in original offsets, Arabic and Latin scripts."""

from __future__ import annotations

from factcheck.text.sentences import split_sentences


def _texts(text: str, language: str) -> list[str]:
    return [span.of(text) for span in split_sentences(text, language)]


def test_arabic_ends_at_question_mark_full_stop_and_newline() -> None:
    text = "قتل 15 عنصراً، وأصيب 7 جنود. هل انتهت العملية؟ لا\nسطر جديد"
    assert _texts(text, "ar") == [
        "قتل 15 عنصراً، وأصيب 7 جنود.",
        "هل انتهت العملية؟",
        "لا",
        "سطر جديد",
    ]


def test_no_split_at_decimal_points_or_abbreviations() -> None:
    text = "The U.S. military said 1.5 million people left. Mr. Smith disagreed!"
    assert _texts(text, "en") == [
        "The U.S. military said 1.5 million people left.",
        "Mr. Smith disagreed!",
    ]


def test_quotes_stay_with_their_sentence() -> None:
    text = 'وأضافت أنه "تم تصفية 14 عنصراً". وتابعت أن'
    assert _texts(text, "ar") == ['وأضافت أنه "تم تصفية 14 عنصراً".', "وتابعت أن"]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("  \n ", "fr") == []
