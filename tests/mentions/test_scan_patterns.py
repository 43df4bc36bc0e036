"""A pattern laid out for a scan of the whole text finds what the plain alternation finds."""

from __future__ import annotations

import re

import pytest

from factcheck.lang import load
from factcheck.mentions.patterns import SCAN_NEVER, alternation, scan_alternation
from factcheck.synthetic import one_document
from factcheck.text.normalize import normalize

#: Word lists of the language data scanned over whole texts, and cue lists for more shapes.
LISTS = (("numbers", "not_numbers"), ("roles", "months"), ("roles", "percent_words"))


def _spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text)]


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_scan_alternation_finds_the_same(language: str) -> None:
    data = load(language)
    text = normalize(one_document(language, 6_000, seed=2)).text
    lists = [list(data[section].get(key) or []) for section, key in LISTS]
    lists.append(list(data["numbers"]["none_reported"]["lead"]))
    for words in lists:
        # each phrase also glued to a word before it, after one and inside a longer one
        probe = text + " ".join(f"{w} x{w} {w}x {w}.{w}-{w}" for w in words)
        assert _spans(scan_alternation(words), probe) == _spans(alternation(words), probe)


def test_scan_alternation_keeps_the_first_phrase_that_matches() -> None:
    # the alternation tries "sept" (guarded at its end) before "sept.": so does the scan
    words = ["sept.", "sept", "september", "aug"]
    for text in ("sept. 5", "september", "xsept", "aug.", "in sept", "septa"):
        assert _spans(scan_alternation(words), text) == _spans(alternation(words), text), text
    assert scan_alternation([]) == SCAN_NEVER and _spans(SCAN_NEVER, "x xx") == []
    assert scan_alternation(["%", "per cent"]) == alternation(["%", "per cent"])  # no layout
