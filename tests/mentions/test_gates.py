"""A gate changes no answer of its pattern: same match (or none) at every figure."""

from __future__ import annotations

import re

import pytest

from factcheck.mentions.gates import Around, Gate, ends_of, starts_of
from factcheck.mentions.lexicon import lexicon
from factcheck.mentions.roles import CUE_WINDOW, _index, _patterns
from factcheck.synthetic import one_document
from factcheck.text.normalize import normalize


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a is None and b is None) or (
        a is not None and b is not None and a.span() == b.span() and a.groups() == b.groups()
    )


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_gates_answer_as_their_patterns(language: str) -> None:
    text = normalize(one_document(language, 8_000, seed=3)).text
    # around every digit and at every seventh position: where figures and cue words stand
    points = sorted({m.start() for m in re.finditer(r"\d+", text)} | set(range(0, len(text), 7)))
    lex = lexicon(language)
    hedges = {
        name: getattr(lex, name)
        for name in ("hedge_before", "hedge_gapped", "hedge_after", "hedge_after_noun")
    }
    for name, gate in {**_patterns(lex), **hedges}.items():
        for at in points:
            lo = max(0, at - CUE_WINDOW)
            assert _same(gate.search(text, lo, at), gate.pattern.search(text, lo, at)), name
            assert _same(gate.match(text, at), gate.pattern.match(text, at)), name


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_around_answers_as_the_gates(language: str) -> None:
    text = normalize(one_document(language, 8_000, seed=4)).text
    spans = [(m.start(), m.end()) for m in re.finditer(r"\d+", text)]
    spans += [(at, at + 3) for at in range(0, len(text) - 3, 11)]
    lex = lexicon(language)
    index = _index(lex)
    for start, end in spans:
        near = Around(index, text, start, end)
        for name, gate in _patterns(lex).items():
            lo = max(0, start - CUE_WINDOW)
            assert _same(near.before(name), gate.pattern.search(text, lo, start)), name
            assert _same(near.after(name), gate.pattern.match(text, end)), name


def test_phrase_edges() -> None:
    assert ends_of(["at least", "covid-19", "a.m."]) == ("19", "a.m.", "least")
    assert starts_of(["at least", "covid-19"]) == ("at", "covid")
    assert ends_of(["ex-"]) is None and starts_of(["-ish"]) is None
    gate = Gate(re.compile(r"(?:aged)[\s\-]*$"), ends=("aged",))
    assert gate.search("she was aged - 17", 0, 15) is not None
    assert gate.search("she was 17", 0, 8) is None
