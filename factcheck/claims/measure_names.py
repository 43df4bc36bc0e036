"""The measure a claim is published under: a core measure, or ``other`` with its detail.

Reports are compared, scored and charted on a small shared vocabulary of measures: the
counts of people a conflict or disaster record keeps (killed, wounded, casualties, missing,
displaced, arrested, detained, attended, deployed). Every other count the lexicon names
(missiles launched or intercepted, buildings destroyed, hostages rescued, prisoners
released, people evacuated, a population) is measure ``other``, and the lexicon's own key
goes to ``measure_detail`` ("launched"), so that nothing read is lost. The claims stage
works with the lexicon keys throughout and names them once, at the end (docs/tables.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Final

from factcheck.model import Claim

#: Measures published under their own name (kit vocabulary, not language data).
CORE_MEASURES: Final = frozenset(
    {"killed", "wounded", "casualties", "missing", "displaced", "arrested", "detained",
     "attended", "deployed"}
)  # fmt: skip
#: The measure of every other count; ``measure_detail`` says which.
OTHER_MEASURE: Final = "other"


def published_measure(measure: str) -> tuple[str, str]:
    """(measure, measure_detail) for a lexicon measure key.

    >>> published_measure("killed"), published_measure("launched"), published_measure("")
    (('killed', ''), ('other', 'launched'), ('', ''))
    """
    if not measure or measure in CORE_MEASURES or measure == OTHER_MEASURE:
        return measure, ""
    return OTHER_MEASURE, measure


def name_measures(claims: Iterable[Claim]) -> list[Claim]:
    """Claims with their measure published (:func:`published_measure`)."""
    out = []
    for c in claims:
        measure, detail = published_measure(c.measure)
        out.append(c if detail == "" else replace(c, measure=measure, measure_detail=detail))
    return out
