"""Properties every input keeps, on generated text (bounded here; ``make fuzz`` runs many more):
no exception but the documented errors, spans that index the original text and agree with an
oracle that rebuilds the offset map character by character, every digit run inside a mention,
finite values, verbatim speaker_text, and the same output on every run."""

from __future__ import annotations

import pandas as pd
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.mentions import find
from tests.robust import checks
from tests.robust.strategies import any_text, claims_tables, texts

STRAßE = "Straße: 1,234 protesters, the poli\u00adce said."


@given(any_text)
@example(STRAßE)
@example("1e400 people, 10^400 and 0^-1 killed; " + "9" * 10_000 + " and " + "1," * 3000 + "1")
@example("Police said \u202e1,200\u202c were killed and \u2067٣٠\u2069 wounded.")
def test_mentions_keep_their_promises(text: str) -> None:
    assert checks.check_mentions(text) == []


@settings(max_examples=40)
@given(any_text)
@example(STRAßE)
def test_extract_keeps_its_promises(text: str) -> None:
    problems, _ = checks.check_extract(text)
    assert problems == []


@settings(max_examples=15)
@given(st.lists(any_text, min_size=4, max_size=4))
def test_every_stage_on_a_case_of_generated_texts(batch: list[str]) -> None:
    assert checks.check_pipeline(batch) == []


@settings(max_examples=60)
@given(claims_tables())
def test_compare_refuses_or_gives_finite_figures(table: pd.DataFrame) -> None:
    assert checks.check_compare(table) == []


@settings(max_examples=40)
@given(st.lists(texts, min_size=1, max_size=6).map("\n".join))
def test_blocks_never_change_what_is_found(text: str) -> None:
    """Reading in blocks (cut at line breaks, or sentence ends in a very long line) finds the
    same figures with the same spans as reading the text whole."""
    from factcheck.model import Document

    doc = Document("d", "P", "en", text)
    whole = find.find_mentions(doc)
    saved = find.BLOCK_CHARS
    find.BLOCK_CHARS = 40
    try:
        small = find.find_mentions(doc)
    finally:
        find.BLOCK_CHARS = saved
    assert [(m.start, m.end) for m in small] == [(m.start, m.end) for m in whole]


#: Prints the mentions and claims of the JSON list of texts on standard input, as JSON.
_DUMP = """
import json, sys, factcheck
from factcheck.errors import FactcheckError
out = []
for text in json.load(sys.stdin):
    try:
        out.append([factcheck.mentions(text).to_json(), factcheck.extract(text).to_json()])
    except FactcheckError as exc:
        out.append(str(exc))
print(json.dumps(out))
"""


@settings(max_examples=1)
@given(st.lists(any_text, min_size=40, max_size=40))
def test_output_is_the_same_under_other_hash_seeds(batch: list[str]) -> None:
    import json
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in ("0", "1", "77"):
        done = subprocess.run(
            [sys.executable, "-c", _DUMP],
            input=json.dumps(batch),
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            timeout=600,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        outputs.add(done.stdout)
    assert len(outputs) == 1
