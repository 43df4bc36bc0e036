"""Domain assertions for tests, in the kit and in users' own test suites.

>>> from factcheck.model import Document
>>> doc = Document("d", "P", "en", "Police said 12 were hurt.")
>>> assert_spans_match([doc], [{"doc_id": "d", "start": 12, "end": 14, "value_text": "12"}])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from factcheck.model import Document


def _rows(table: pd.DataFrame | Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    if isinstance(table, pd.DataFrame):
        return table.to_dict("records")
    return list(table)


def assert_spans_match(
    documents: Iterable[Document], table: pd.DataFrame | Iterable[Mapping[str, Any]]
) -> None:
    """Every row's ``[start, end)`` covers exactly its text in the original document.

    Works for the claims table (``value_text``) and the mentions table (``text``); raises
    AssertionError listing every row that does not match.
    """
    texts = {doc.id: doc.text for doc in documents}
    bad = []
    for row in _rows(table):
        written = row.get("value_text", row.get("text"))
        doc_text = texts.get(row["doc_id"])
        if doc_text is None:
            bad.append(f"{row['doc_id']}: unknown document")
            continue
        found = doc_text[int(row["start"]) : int(row["end"])]
        if found != written:
            bad.append(f"{row['doc_id']}:{row['start']}-{row['end']}: {found!r} != {written!r}")
    assert not bad, "spans do not match the original text:\n" + "\n".join(bad)


def assert_no_silent_drop(
    documents: Iterable[Document], mentions: pd.DataFrame, digits_only: bool = True
) -> None:
    """Every run of digits in every document lies inside some mention's span."""
    import re

    spans: dict[str, list[tuple[int, int]]] = {}
    for row in _rows(mentions):
        spans.setdefault(row["doc_id"], []).append((int(row["start"]), int(row["end"])))
    missed = []
    for doc in documents:
        covered = spans.get(doc.id, [])
        for match in re.finditer(r"\d+", doc.text):
            if not any(s <= match.start() and match.end() <= e for s, e in covered):
                missed.append(f"{doc.id}:{match.start()} {match.group()!r}")
    assert not missed, "numbers with no mention:\n" + "\n".join(missed)


def assert_group_matches(row: Mapping[str, Any], want: Mapping[str, Any], label: str) -> None:
    """One comparison row against a hand-checked expected group (``tests/bundled`` format):
    verdict, speakers, number of sources, bounds, reason, latest figures, reconciled values.
    Keys the expectation leaves out are not checked; a ``None`` bound expects NaN."""
    import json
    import math

    note = row.get("note", "")
    assert row["verdict"] == want["verdict"], (label, note)
    assert set(str(row["speakers"]).split("; ")) == set(want["speakers"]), label
    assert row["n_sources"] == want["n_sources"], label
    for key in ("low", "high", "spread", "rel_spread"):
        if key not in want:
            continue
        got = float(row[key])
        if want[key] is None:
            assert math.isnan(got), (label, key)
        else:
            assert math.isclose(got, want[key], abs_tol=1e-3), (label, key, got)
    if "reason" in want:
        assert row["reason"] == want["reason"], (label, note)
    figures = json.loads(row["figures"])
    for speaker, interval in want.get("latest", {}).items():
        assert figures[speaker] == interval, (label, speaker)
    reconciled = want.get("reconciled", {})
    if "conservative" in reconciled:
        assert row["conservative"] == reconciled["conservative"], label
    if "range" in reconciled:
        assert [row["range_low"], row["range_high"]] == reconciled["range"], label


def drawn_texts(fig: Any) -> list[tuple[str, Any]]:
    """(text, display box) of every non-empty text matplotlib really draws in ``fig``: titles,
    tick labels in view, direct labels, footers (what a layout assertion looks at)."""
    from unittest import mock

    from matplotlib.text import Text

    seen: list[tuple[str, Any]] = []
    original = Text.draw

    def record(self, renderer):
        original(self, renderer)
        if self.get_visible() and self.get_text().strip():
            box = self.get_window_extent(renderer)
            if box.width > 0 and box.height > 0:
                seen.append((self.get_text(), box))

    with mock.patch.object(Text, "draw", record):
        fig.canvas.draw()
    return seen


def assert_chart_layout(fig: Any, pad: float = 1.0) -> None:
    """No text of a chart overprints another, and none is cut by the figure's edge.

    ``pad`` pixels of overlap are tolerated (antialiased glyph edges)."""
    texts = drawn_texts(fig)
    width, height = fig.canvas.get_width_height()
    cut = [t for t, b in texts if b.x0 < -pad or b.y0 < -pad or b.x1 > width + pad
           or b.y1 > height + pad]  # fmt: skip
    assert not cut, f"text cut by the figure's edge: {cut}"
    clashes = [
        (a, b)
        for i, (a, box_a) in enumerate(texts)
        for b, box_b in texts[i + 1 :]
        if min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0) > pad
        and min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0) > pad
    ]
    assert not clashes, f"overprinted labels: {clashes}"
