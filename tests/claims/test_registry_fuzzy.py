"""Fuzzy registry look-up: the cheap tests give the answer of scoring every key."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from factcheck.claims.registry import FUZZY_MIN_LENGTH, Entry, Registry, load_registry
from factcheck.claims.registry_fuzzy import FUZZY_MIN_SCORE, words_match, words_near
from factcheck.mentions.phrases import tokenize

KEYS = ("us central command", "associated press", "ministry of health")


def test_a_query_with_a_word_close_to_no_key_word_is_not_near() -> None:
    assert words_near(KEYS, "asociated press")
    assert words_near(KEYS, "ministry of helth")
    assert not words_near(KEYS, "wounded in an air strike")
    assert not words_near(KEYS, "central comand xylophone")
    assert not words_near(KEYS, "central comand xylophone")  # remembered: the same answer
    assert not any(words_match("central comand xylophone", key) for key in KEYS)


def _scored_against_every_key(registry: Registry, text: str) -> Entry | None:
    """What the fuzzy search gives when every key is scored (no test skips any)."""
    words = [t.key for t in tokenize(text)]
    while len(words) > 1 and words[0] in registry.determiners:
        words = words[1:]
    query = " ".join(words)
    if len(query) < FUZZY_MIN_LENGTH:
        return None
    found = process.extractOne(
        query, registry.fuzzy_keys, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_MIN_SCORE
    )
    if found is None or not words_match(query, found[0]):
        return None
    if registry.other_countries(query, found[0]):
        return None
    return registry.fuzzy_entries[found[2]]


def test_the_fuzzy_search_finds_what_scoring_every_key_finds() -> None:
    registry = load_registry()
    texts = [
        "the Asociated Press",
        "US Central Comand",
        "wounded in an air strike in",
        "Iraqi Ministry of Helth",
        "Iranian Ministry of Health",
    ]
    for key in registry.fuzzy_keys[::7]:
        cut = len(key) // 2
        texts += [key[:-1], key[1:], key[:cut] + key[cut + 1 :], key + "s", key + " said"]
    found = [registry._fuzzy_search(text) for text in texts]
    assert found == [_scored_against_every_key(registry, text) for text in texts]
    assert sum(entry is not None for entry in found) > len(texts) // 3  # typos do match
