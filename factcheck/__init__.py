"""factcheck: find the figures in news reports, who asserts them, and where sources disagree.

>>> import factcheck
>>> claims = factcheck.extract("The ministry said 12 people were killed.", language="en")
>>> claims[["speaker", "measure", "low"]].values.tolist()
[['ministry', 'killed', 12.0]]
"""

from typing import Any

import factcheck.compare as _stage  # first, so that importing it later never rebinds compare
from factcheck.case import load_case
from factcheck.pipeline import analyse, bundled_case, bundled_cases, extract, mentions, run


def compare(claims: Any, policy: str = "best", **options: Any) -> Any:
    """The comparison table of a claims table (:func:`factcheck.compare.table.compare`: one
    row per aligned group with verdict, reasons, note and reconciled figures). Loads the
    compare stage (and pandas) on first use, so that reading and extracting start fast."""
    return _stage.compare(claims, policy, **options)


#: Names served by the present stage, imported on first use: matplotlib and the report code
#: cost a second of start-up that reading and extracting never need.
_PRESENT = {
    "plot_agreement": ("factcheck.present.charts", "plot_agreement"),
    "plot_discrepancies": ("factcheck.present.charts", "plot_discrepancies"),
    "plot_timeline": ("factcheck.present.charts", "plot_timeline"),
    "report": ("factcheck.present.report", "write_report"),
    "side_by_side": ("factcheck.present.tables", "side_by_side"),
    "styled_side_by_side": ("factcheck.present.tables", "styled_side_by_side"),
}


def __getattr__(name: str) -> object:
    if name in _PRESENT:
        from importlib import import_module

        module, attr = _PRESENT[name]
        value = getattr(import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")


__all__ = [
    "analyse",
    "bundled_case",
    "bundled_cases",
    "compare",
    "extract",
    "load_case",
    "mentions",
    "plot_agreement",
    "plot_discrepancies",
    "plot_timeline",
    "report",
    "run",
    "side_by_side",
    "styled_side_by_side",
]
