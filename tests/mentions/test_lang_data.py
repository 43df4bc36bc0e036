"""The number and role sections of lang/*.yaml: stored as lookup keys, validated at load."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.errors import LanguageDataError
from factcheck.lang import available, load
from factcheck.mentions import lexicon as lexicon_module
from factcheck.mentions.lexicon import lexicon
from factcheck.text.normalize import lookup_key


def _words(node: Any) -> list[str]:
    """Every word (mapping key or list item) of a section, recursively."""
    if isinstance(node, dict):
        return [w for k, v in node.items() for w in [str(k), *_words(v)]]
    if isinstance(node, list):
        return [w for item in node for w in _words(item)]
    return [node] if isinstance(node, str) else []


@pytest.mark.parametrize("code", available())
@pytest.mark.parametrize("section", ["numbers", "roles"])
def test_every_word_is_a_fixed_point_of_lookup_key(code: str, section: str) -> None:
    words = [w for w in _words(load(code)[section]) if w]
    assert words
    bad = [w for w in words if lookup_key(w) != w]
    assert not bad, f"lang/{code}.yaml {section}: not stored as lookup keys: {bad}"


@pytest.mark.parametrize("code", available())
def test_every_language_compiles(code: str) -> None:
    lex = lexicon(code)
    assert lex.units and lex.scales and lex.months and lex.weekdays


def test_one_error_lists_every_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    data = {
        "numbers": {
            "order": "sideways",
            "units": {"Five": 5, "six": "six"},
            "hedges_before": {"at_least": ["At Least"], "roughly": ["x"]},
            "ranges": [{"open": ["between"]}],
        },
        "roles": {"months": {"july": 7}, "weekdays": {}},
    }
    monkeypatch.setattr(lexicon_module, "load", lambda code: data)
    lexicon.cache_clear()
    try:
        with pytest.raises(LanguageDataError) as err:
            lexicon("xx")
    finally:
        lexicon.cache_clear()
    problems = err.value.problems
    assert any("order" in p for p in problems)
    assert any("'Five'" in p for p in problems)
    assert any("six" in p and "number" in p for p in problems)
    assert any("'At Least'" in p for p in problems)
    assert any("hedges_before" in p for p in problems)
    assert any("ranges[0]" in p for p in problems)
    assert len(problems) >= 6
