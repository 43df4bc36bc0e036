"""The properties every input must keep, as functions that list what went wrong.

Used by the bounded property tests (``test_properties.py``) and by ``make fuzz``
(``python -m tests.robust.fuzz``), which counts problems over many more cases instead of
stopping at the first.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from functools import cache

import pandas as pd

import factcheck
from factcheck.case import load_case
from factcheck.errors import FactcheckError
from factcheck.mentions.find import BLOCK_CHARS, read_block, resolve_language
from factcheck.mentions.lexicon import lexicon
from factcheck.model import Document
from factcheck.text.normalize import _fold_char

#: Problem kinds, in the order the fuzz summary prints them.
KINDS = ("exception", "span", "oracle", "uncovered", "nonfinite", "speaker_text", "unstable")
Problem = tuple[str, str]


@cache
def _fold(ch: str) -> str:
    """The folding of one character by the documented rule (module docstring of normalize):
    characters beyond the Basic Multilingual Plane are left as they are."""
    return _fold_char(ch) if ord(ch) < 0x10000 else ch


def oracle_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Original offsets of normalised ``[start, end)``, rebuilt character by character (no
    segments, no shortcut): None when an end falls inside the expansion of one character."""
    folds = [_fold(ch) for ch in text]
    pos = [0]
    for f in folds:
        pos.append(pos[-1] + len(f))
    owner = {}  # normalised offset -> index of the original character it comes from
    for i, f in enumerate(folds):
        for k in range(len(f)):
            owner[pos[i] + k] = i
    if start not in owner or end - 1 not in owner:
        return None
    i, j = owner[start], owner[end - 1]
    if pos[i] != start or pos[j] + len(folds[j]) != end:
        return None
    stop = j + 1
    while (
        stop < len(text)
        and folds[stop] == ""
        and (unicodedata.category(text[stop]) == "Mn" or text[stop] == "\u0640")
    ):
        stop += 1  # a removed diacritic after the last letter belongs to it
    return i, stop


def _without_overlaps(spans: list[tuple[int, int] | None]) -> list[tuple[int, int] | None]:
    """The documented rule for overlapping mentions (docs/mentions.md), on spans alone: by
    start, longer first; a span inside the one kept before is dropped, one reaching past it
    starts where it ends."""
    if None in spans:
        return spans
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):  # type: ignore[index]
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
        elif end > kept[-1][1]:
            kept.append((kept[-1][1], end))
    return kept


def digit_runs(text: str) -> list[tuple[int, int]]:
    """Maximal runs of decimal digits (any script) in ``text``."""
    runs, i, n = [], 0, len(text)
    while i < n:
        if text[i].isdecimal():
            j = i
            while j < n and text[j].isdecimal():
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _finite(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float | int):
        return not math.isinf(value)
    return True


def _guard(problems: list[Problem], what: str, call: Callable[[], object]) -> object | None:
    """Run ``call``; a documented error is fine, any other exception is a problem."""
    try:
        return call()
    except FactcheckError:
        return None
    except Exception as exc:
        problems.append(("exception", f"{what}: {type(exc).__name__}: {exc}"[:300]))
        return None


def check_pipeline(texts: list[str], stable: bool = False) -> list[Problem]:
    """Texts through every stage at once, as ``make fuzz`` runs them: each text is one
    document of a case (so the tables are built once per batch), its mentions and claims
    checked as in :func:`check_mentions` and :func:`check_extract`, the case's comparison as
    in :func:`check_compare`."""
    from factcheck.model import Case
    from factcheck.pipeline import analyse

    problems: list[Problem] = []
    docs = []
    for i, text in enumerate(texts):
        case = _guard(problems, "load_case", lambda text=text: load_case(text))
        if case is not None:
            docs.append(replace(case.documents[0], id=f"t{i}"))
    if not docs:
        return problems
    case = Case(id="fuzz", documents=tuple(docs))
    result = _guard(problems, "analyse", lambda: analyse(case))
    if result is None:
        return problems
    mentions = _by_doc(result.mentions_table)
    claims = _by_doc(result.claims_table)
    for doc in docs:
        problems += _mention_problems(doc, mentions.get(doc.id, []))
        problems += _claim_problems(doc.text, claims.get(doc.id, []))
    problems += _comparison_problems(result.comparison)
    if stable:
        again = _guard(problems, "analyse again", lambda: analyse(case))
        if again is not None and not again.comparison.equals(result.comparison):
            problems.append(("unstable", "two runs on the same texts differ"))
    return problems


def check_mentions(text: str) -> list[Problem]:
    """Spans, oracle, digit coverage, finite values and stability of ``mentions(text)``."""
    problems: list[Problem] = []
    case = _guard(problems, "load_case", lambda: load_case(text))
    if case is None:
        return problems
    table = _guard(problems, "mentions", lambda: factcheck.mentions(case))
    if table is None:
        return problems
    problems += _mention_problems(case.documents[0], table.to_dict("records"))
    again = _guard(problems, "mentions again", lambda: factcheck.mentions(case))
    if again is not None and not again.equals(table):
        problems.append(("unstable", "two runs on the same text differ"))
    return problems


def _by_doc(table: pd.DataFrame) -> dict[str, list[dict]]:
    """The rows of a table as records, by document (one pass, no filtering per document)."""
    out: dict[str, list[dict]] = {}
    for row in table.to_dict("records"):
        out.setdefault(row["doc_id"], []).append(row)
    return out


def _mention_problems(doc: Document, rows: list[dict]) -> list[Problem]:
    problems: list[Problem] = []
    text = doc.text
    spans = [(int(r["start"]), int(r["end"])) for r in rows]
    for r, (s, e) in zip(rows, spans, strict=True):
        if text[s:e] != r["text"]:
            problems.append(("span", f"{text[s:e]!r} != {r['text']!r}"))
        if not all(_finite(r[c]) for c in ("low", "high", "point")):
            problems.append(("nonfinite", f"{r['text']!r}: {r['low']}, {r['high']}"))
    for s, e in digit_runs(text):
        if not any(a <= s and e <= b for a, b in spans):
            problems.append(("uncovered", f"{text[s:e]!r} at {s} of {text!r}"[:300]))
    return problems + _oracle(doc, spans)


def _oracle(doc: Document, spans: list[tuple[int, int]]) -> list[Problem]:
    """The mentions' spans against the figures of the normalised text mapped back by
    :func:`oracle_span` (texts read as one block)."""
    if len(doc.text) > BLOCK_CHARS:
        return []
    nt, figures = read_block(lexicon(resolve_language(doc)), doc.text)
    if nt.text != "".join(_fold(ch) for ch in doc.text):
        return [("oracle", "normalised text differs from the character-by-character folding")]
    expected = _without_overlaps([oracle_span(doc.text, f[0].start, f[0].end) for f in figures])
    if expected != spans:
        # read again: tells a wrong map from a reading that changed since the mentions were made
        _, again = read_block(lexicon(resolve_language(doc)), doc.text)
        now = [(a.start, a.end) for a, *_ in again]
        before = [(a.start, a.end) for a, *_ in figures]
        detail = f"spans {spans} != oracle {expected} (figures {before}, read again {now})"
        return [("oracle", f"{detail} in {doc.text!r}"[:400])]
    return []


def check_extract(text: str) -> tuple[list[Problem], pd.DataFrame | None]:
    """Spans, finite values and verbatim speaker_text of ``extract(text)``."""
    problems: list[Problem] = []
    table = _guard(problems, "extract", lambda: factcheck.extract(text))
    if table is None:
        return problems, None
    return problems + _claim_problems(text, table.to_dict("records")), table


def _claim_problems(text: str, rows: list[dict]) -> list[Problem]:
    problems: list[Problem] = []
    for r in rows:
        if text[int(r["start"]) : int(r["end"])] != r["value_text"]:
            problems.append(("span", f"claim {r['value_text']!r} at {r['start']}"))
        if not (_finite(r["low"]) and _finite(r["high"])):
            problems.append(("nonfinite", f"claim {r['value_text']!r}: {r['low']}, {r['high']}"))
        if r["speaker_text"] and r["speaker_text"] not in text:
            problems.append(("speaker_text", f"{r['speaker_text']!r} is not in the text"))
    return problems


def check_compare(claims: pd.DataFrame) -> list[Problem]:
    """``compare`` on a claims table: a documented error or a table of finite figures."""
    problems: list[Problem] = []
    table = _guard(problems, "compare", lambda: factcheck.compare(claims))
    if table is None:
        return problems
    return problems + _comparison_problems(table)


def _comparison_problems(table: pd.DataFrame) -> list[Problem]:
    problems: list[Problem] = []
    for col in table.columns:
        if pd.api.types.is_float_dtype(table[col]) and not table[col].map(_finite).all():
            problems.append(("nonfinite", f"comparison column {col!r}"))
    return problems
