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
from typing import Any, Final

from factcheck.align.keys import fold
from factcheck.compare.reasons import Reason

#: Measures that count several others together (kit vocabulary, not language data).
MEASURE_PARTS: Final = {"casualties": ("killed", "wounded")}
#: Subjects counted inside a wider one ("31 children" among "112 people" killed).
SUBJECT_PARTS: Final = {"people": ("children", "women")}


def _key(row: dict[str, Any]) -> tuple[str, str]:
    return (row["subject"], fold(row.get("place") or ""))


def _same_side(a: dict[str, Any], b: dict[str, Any]) -> bool:
    da, db = fold(a["subject_detail"]), fold(b["subject_detail"])
    same_date = a["event_date"] is None or b["event_date"] is None
    same_date = same_date or a["event_date"] == b["event_date"]
    return same_date and (not da or not db or da == db)


def _add(row: dict[str, Any], reason: Reason, other: str, sentence: str) -> None:
    found = [r for r in row["reasons"].split(",") if r]
    if reason not in found:
        found.append(str(reason))
    order = list(Reason)
    row["reasons"] = ",".join(sorted(found, key=lambda r: order.index(Reason(r))))
    related = json.loads(row["related"])
    if other and other not in related:
        related.append(other)
        row["related"] = json.dumps(related)
    if sentence not in row["note"]:
        row["note"] += " " + sentence


def relate(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add ``related`` group ids, reasons and note sentences across groups (rows are changed
    in place and returned)."""
    by_key: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    by_id = {row["group_id"]: row for row in rows}
    for row in rows:
        by_key[_key(row)].append(row)
    for row in rows:
        if row["scope"] == "context":
            _add(row, Reason.DIFFERENT_SCOPE, "", "Context figure: background to the event, "
                 "never compared with the event's own figures.")  # fmt: skip
        elif row["scope"] == "other_event":
            _add(row, Reason.DIFFERENT_SCOPE, "", "About another incident: never compared "
                 "with this event's figures.")  # fmt: skip
        parts = MEASURE_PARTS.get(row["measure"], ())
        for other in by_key[_key(row)]:
            if other is row or not _same_side(row, other):
                continue
            if row["scope"] == other["scope"] == "event" and other["measure"] in parts:
                sentence = (f"{row['measure'].capitalize()} count {' and '.join(parts)} "
                            f"together: not a contradiction of group {other['group_id']} "
                            f"({other['measure']}).")  # fmt: skip
                _add(row, Reason.DIFFERENT_MEASURE, other["group_id"], sentence)
                _add(other, Reason.DIFFERENT_MEASURE, row["group_id"], sentence)
            context_of = row["scope"] == "context" and other["scope"] == "event"
            if context_of and other["measure"] == row["measure"]:
                sentence = (
                    f"Context figure of group {row['group_id']} is not compared "
                    f"with the event figure of group {other['group_id']}."
                )
                _add(row, Reason.DIFFERENT_SCOPE, other["group_id"], sentence)
                _add(other, Reason.DIFFERENT_SCOPE, row["group_id"], sentence)
        for wider, narrower in SUBJECT_PARTS.items():
            if row["subject"] not in narrower:
                continue
            for other in by_key[(wider, _key(row)[1])]:
                if (other["measure"], other["scope"]) == (row["measure"], row["scope"]) and (
                    _same_side(row, other)
                ):
                    sentence = (
                        f"The {row['subject']} are part of the {wider} counted in "
                        f"group {other['group_id']}: not compared with that total."
                    )
                    _add(row, Reason.SUBSET, other["group_id"], sentence)
        if row["subset_of"]:
            whole = by_id.get(row["subset_of"])
            sentence = (f"A subset ({row['subject_detail']}) of the total in group "
                        f"{row['subset_of']}: not compared with it.")  # fmt: skip
            if (
                whole
                and not math.isnan(whole["range_high"])
                and row["range_low"] > whole["range_high"]
            ):
                sentence += " It is larger than that total."
            _add(row, Reason.SUBSET, row["subset_of"], sentence)
    return rows
