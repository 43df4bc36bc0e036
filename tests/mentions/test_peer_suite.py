"""Number cases from Microsoft Recognizers-Text (../shared/peer-suites/recognizers-text).

A case passes when one mention's span covers the case's span (compared without case: the
upstream spans are lower-cased; an attached particle such as the "ب" of "بألفين", which
docs/mentions.md leaves out of every span, need not be covered) and its low and high both
equal the case's value, within a relative 1e-9. The suite is a peer's view, not ours: cases
we read differently on purpose are listed with the reason in docs/peer-suite.md. Run this
file directly to print the report: ``python tests/mentions/test_peer_suite.py``.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import pytest

from factcheck.mentions import find_mentions
from factcheck.mentions.lexicon import lexicon
from factcheck.mentions.words import number_word
from factcheck.model import Document
from factcheck.text.normalize import lookup_key

SUITE = Path(__file__).resolve().parents[2] / ".." / "shared" / "peer-suites" / "recognizers-text"
#: Relative tolerance on values (the upstream values are printed with 15 digits).
REL_TOL = 1e-9
#: Pass rates measured when this floor was set (docs/peer-suite.md); the test keeps them.
FLOORS = {"en": 0.97, "ar": 0.87}


def load_cases(language: str) -> list[dict[str, Any]]:
    """The suite's cases of one language (one JSON object a line)."""
    path = SUITE / f"numbers-{language}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _particle(span: str, language: str) -> int:
    """Length of an attached particle opening ``span`` that docs/mentions.md leaves out of
    spans ("بألفين" -> "ألفين"): the lexicon's prefixes that keep nothing in the span."""
    lex = lexicon(language)
    words = span.split()
    if not words:
        return 0
    for prefix, stem in lex.split(lookup_key(words[0])):
        if prefix and not lex.kept(prefix) and number_word(lex, stem):
            return len(prefix)
    return 0


def passes(case: dict[str, Any], language: str) -> bool:
    """Whether one mention covers the case's span with low == high == value."""
    text, value = case["text"], float(case["value"])
    span = case.get("span") or ""
    start = text.casefold().find(span.casefold()) if span else 0
    if start < 0:
        return False
    end = start + len(span)  # a case without a span passes on its value alone
    start += _particle(span, language)
    for m in find_mentions(Document("peer", "peer", language, text)):
        covers = m.start <= start and m.end >= end and m.low is not None and m.high is not None
        if covers and all(math.isclose(v, value, rel_tol=REL_TOL) for v in (m.low, m.high)):
            return True
    return False


def report(language: str) -> tuple[float, list[dict[str, Any]]]:
    """Pass rate of one language and the failing cases."""
    cases = load_cases(language)
    failing = [c for c in cases if not passes(c, language)]
    return 1 - len(failing) / len(cases), failing


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_pass_rate_keeps_its_floor(language: str) -> None:
    if not (SUITE / f"numbers-{language}.jsonl").is_file():
        pytest.skip(f"peer suite not found at {SUITE} (../shared is not beside the checkout)")
    rate, failing = report(language)
    print(f"\n{language}: {rate:.1%} of the Recognizers-Text number cases pass")
    assert rate >= FLOORS[language], [c["text"] for c in failing][:20]


if __name__ == "__main__":
    for lang in sorted(FLOORS):
        rate, failing = report(lang)
        print(f"{lang}: {rate:.1%} pass ({len(failing)} failing)")
        if "-v" in sys.argv:
            for case in failing:
                print(f"  {case['text']!r} -> {case.get('span')!r} = {case['value']}")
