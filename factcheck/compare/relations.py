"""Relations between groups that are never compared but should be read together.

Killed and casualties figures of the same event are different measures ("casualties" counts
killed and wounded together), a context figure (a war total, a troop level) is a different
scope from the event's own figure, and a subset ("leaders" killed) belongs to a total. None of
these is a contradiction; each row says which other group it relates to and why.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from functools import lru_cache
from typing import Any, Final

from factcheck.align.keys import fold as _fold_text
from factcheck.compare.reasons import Reason

#: Measures that count several others together (kit vocabulary, not language data).
MEASURE_PARTS: Final = {"casualties": ("killed", "wounded")}
#: Subjects counted inside a wider one ("31 children" among "112 people" killed).
SUBJECT_PARTS: Final = {"people": ("children", "women")}


#: :func:`factcheck.align.keys.fold`, remembered: a table repeats a few places and
#: affiliations on thousands of rows.
fold = lru_cache(maxsize=65_536)(_fold_text)

#: Rank of each reason in :class:`Reason`'s order of precedence.
_RANK: Final = {str(reason): rank for rank, reason in enumerate(Reason)}


def _same_side(a: dict[str, Any], b: dict[str, Any]) -> bool:
    da, db = fold(a["subject_detail"]), fold(b["subject_detail"])
    return not da or not db or da == db


class _Index:
    """Rows by case, subject, place, measure and event date (None = unknown, matches all)."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.by_date: dict[tuple[object, ...], list[dict[str, Any]]] = defaultdict(list)
        self.any_date: dict[tuple[object, ...], list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            key = self.key(row, row["subject"], row["measure"])
            self.any_date[key].append(row)
            self.by_date[(*key, row["event_date"])].append(row)

    @staticmethod
    def key(row: dict[str, Any], subject: str, measure: str) -> tuple[object, ...]:
        detail = row.get("measure_detail") or ""  # "other" counts: launched, destroyed...
        return (row.get("_case", ""), subject, fold(row.get("place") or ""), measure, detail)

    def find(self, row: dict[str, Any], subject: str, measure: str) -> list[dict[str, Any]]:
        """Rows of another group that may be about the same people on the same day."""
        key = self.key(row, subject, measure)
        if row["event_date"] is None:
            found = self.any_date.get(key, [])
        else:
            found = self.by_date.get((*key, row["event_date"]), []) + self.by_date.get(
                (*key, None), []
            )
        # a subset group (leaders among the militants) is a part itself, never a whole
        return [o for o in found if o is not row and not o.get("subset_of") and _same_side(row, o)]


def _add(row: dict[str, Any], reason: Reason, other: str, sentence: str) -> None:
    found = [r for r in row["reasons"].split(",") if r]
    if reason not in found:
        found.append(str(reason))
        row["reasons"] = ",".join(sorted(found, key=_RANK.__getitem__))
    related = row.get("_related")
    if related is None:
        text = row["related"]
        related = row["_related"] = [] if text == "[]" else json.loads(text)
    if other and other not in related:
        related.append(other)
    if sentence not in row["note"]:
        row["note"] += " " + sentence


def relate(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add ``related`` group ids, reasons and note sentences across groups (rows are changed
    in place and returned)."""
    index = _Index(rows)
    by_id = {row["group_id"]: row for row in rows}
    for row in rows:
        if row["scope"] == "context":
            _add(row, Reason.DIFFERENT_SCOPE, "", "Context figure: background to the event, "
                 "never compared with the event's own figures.")  # fmt: skip
            for other in index.find(row, row["subject"], row["measure"]):
                if other["scope"] == "event":
                    sentence = (
                        f"Context figure of group {row['group_id']} is not compared "
                        f"with the event figure of group {other['group_id']}."
                    )
                    _add(row, Reason.DIFFERENT_SCOPE, other["group_id"], sentence)
                    _add(other, Reason.DIFFERENT_SCOPE, row["group_id"], sentence)
        elif row["scope"] == "other_event":
            _add(row, Reason.DIFFERENT_SCOPE, "", "About another incident: never compared "
                 "with this event's figures.")  # fmt: skip
        if row["scope"] != "event":
            continue
        parts = MEASURE_PARTS.get(row["measure"], ())
        for measure in parts:
            for other in index.find(row, row["subject"], measure):
                if other["scope"] != "event":
                    continue
                sentence = (f"{row['measure'].capitalize()} count {' and '.join(parts)} "
                            f"together: not a contradiction of group {other['group_id']} "
                            f"({other['measure']}).")  # fmt: skip
                _add(row, Reason.DIFFERENT_MEASURE, other["group_id"], sentence)
                _add(other, Reason.DIFFERENT_MEASURE, row["group_id"], sentence)
        for wider, narrower in SUBJECT_PARTS.items():
            if row["subject"] not in narrower:
                continue
            for other in index.find(row, wider, row["measure"]):
                if other["scope"] == "event":
                    sentence = (
                        f"The {row['subject']} are part of the {wider} counted in "
                        f"group {other['group_id']}: not compared with that total."
                    )
                    _add(row, Reason.SUBSET, other["group_id"], sentence)
    for row in rows:
        if row["subset_of"]:
            whole = by_id.get(row["subset_of"])
            sentence = (f"A subset ({row['subject_detail']}) of the total in group "
                        f"{row['subset_of']}: not compared with it.")  # fmt: skip
            total = whole["range_high"] if whole else math.nan
            if not math.isnan(total) and row["range_low"] > total:
                sentence += " It is larger than that total."
            _add(row, Reason.SUBSET, row["subset_of"], sentence)
    for row in rows:
        related = row.pop("_related", None)
        if related is not None:
            row["related"] = json.dumps(related)
    return rows
