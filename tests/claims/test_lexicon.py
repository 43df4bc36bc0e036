"""The claims sections of the language files: present, loadable, stored normalised."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.claims.lexicon import lexicon
from factcheck.lang import load
from factcheck.text.normalize import lookup_key

#: Keys of the claims section whose values are labels or settings, not words of the text.
NOT_WORDS = {"speaker_order"}


def _words(node: Any, key: str = "") -> list[str]:
    """Every word stored in a claims section (labels and genders left out)."""
    if key in NOT_WORDS:
        return []
    if isinstance(node, list):
        return [str(w) for w in node]
    if isinstance(node, dict):
        if "words" in node:
            return [str(w) for w in node["words"]]
        out: list[str] = []
        for k, v in node.items():
            if isinstance(v, list | dict):
                out += _words(v, str(k))
            else:  # word -> gender
                out.append(str(k))
        return out
    return []


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_claims_words_are_stored_normalised(language: str) -> None:
    section = load(language)["claims"]
    bad = [w for w in _words(section) if lookup_key(w) != w]
    assert not bad, f"lang/{language}.yaml claims: not normalised: {bad[:10]}"


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_lexicon_compiles_and_has_every_measure(language: str) -> None:
    lex = lexicon(language)
    tokens = lex.tokenize("x")
    assert tokens and lex.say and lex.measures and lex.subjects


def test_arabic_clitics_are_stripped() -> None:
    lex = lexicon("ar")
    (tok,) = lex.tokenize("وأضافت")
    assert tok.keys == ("واضافت", "اضافت")
    assert lex.say.at([tok], 0) is not None
