"""Golden number-mention cases: every ``tests/cases/<lang>/*.yaml`` case, one test each.

Each case lists every mention of its text, in text order, with the expected span (as text,
``occurrence: N`` when the same text appears more than once), interval, qualifier and role.
A failure names the case and shows the expected and found lists side by side.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.mentions import find_mentions
from factcheck.model import Document, Mention

CASES_DIR = Path(__file__).parents[1] / "cases"
#: Relative tolerance when comparing expected and found values.
REL_TOL = 1e-9


def _load_cases() -> list[tuple[str, str, dict[str, Any]]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*/*.yaml")):
        language = path.parent.name
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for case in data.get("cases") or []:
            cases.append((language, f"{path.parent.name}/{path.name}", case))
    return cases


CASES = _load_cases()


def _expected_span(text: str, mention: dict[str, Any]) -> tuple[int, int]:
    """Offsets of the expected mention text (its ``occurrence``-th appearance)."""
    wanted = str(mention["text"])
    occurrence = int(mention.get("occurrence", 1))
    start = -1
    for _ in range(occurrence):
        start = text.find(wanted, start + 1)
        if start < 0:
            raise AssertionError(f"expected text {wanted!r} not found {occurrence}x in the case")
    return start, start + len(wanted)


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=REL_TOL)


def _row(m: Mention | dict[str, Any]) -> str:
    if isinstance(m, Mention):
        point = f" point={m.point:g}" if m.point is not None else ""
        return (
            f"[{m.start}:{m.end}] {m.text!r} low={m.low} high={m.high} "
            f"{m.qualifier.value} {m.role.value}{point} ({m.reason})"
        )
    point = f" point={m['point']}" if m.get("point") is not None else ""
    return f"{m['text']!r} low={m['low']} high={m['high']} {m['qualifier']} {m['role']}{point}"


def _matches(text: str, expected: dict[str, Any], found: Mention) -> bool:
    start, end = _expected_span(text, expected)
    return (
        (found.start, found.end) == (start, end)
        and _same(expected["low"], found.low)
        and _same(expected["high"], found.high)
        and expected["qualifier"] == found.qualifier.value
        and expected["role"] == found.role.value
        and ("point" not in expected or _same(expected["point"], found.point))
    )


@pytest.mark.parametrize(
    ("language", "source", "case"), CASES, ids=[case["id"] for _, _, case in CASES]
)
def test_golden_case(language: str, source: str, case: dict[str, Any]) -> None:
    text = case["text"]
    found = find_mentions(Document(case["id"], "golden", language, text))
    for m in found:
        assert text[m.start : m.end] == m.text, f"{case['id']}: span does not match its text"
        assert m.reason, f"{case['id']}: {m.text!r} has no reason"
    expected = case.get("mentions") or []
    ok = len(found) == len(expected) and all(
        _matches(text, e, f) for e, f in zip(expected, found, strict=True)
    )
    if not ok:
        lines = [f"{case['id']} ({source}): {text!r}", "  expected:"]
        lines += [f"    {_row(e)}" for e in expected] or ["    (none)"]
        lines += ["  found:"] + ([f"    {_row(f)}" for f in found] or ["    (none)"])
        pytest.fail("\n".join(lines), pytrace=False)


def test_there_are_golden_cases() -> None:
    assert len(CASES) > 0, f"no golden cases under {CASES_DIR}"
