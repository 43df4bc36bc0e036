"""compare stage: verdicts, reasons and reconciled figures for each aligned group.

The names below load their module (and pandas) on first use, so that importing the package
(``import factcheck`` does) costs nothing until a comparison is made.
"""

from importlib import import_module
from typing import Any

#: Name -> module of the stage that defines it.
_NAMES = {
    "FIGURE_COLUMNS": "factcheck.compare.figures",
    "figures_table": "factcheck.compare.figures",
    "Reason": "factcheck.compare.reasons",
    "POLICIES": "factcheck.compare.reconcile",
    "Estimate": "factcheck.compare.reconcile",
    "reconcile": "factcheck.compare.reconcile",
    "COMPARISON_EXTRA": "factcheck.compare.table",
    "compare": "factcheck.compare.table",
    "ABOUT_TOLERANCE": "factcheck.compare.verdicts",
}


def __getattr__(name: str) -> Any:
    if name in _NAMES:
        value = getattr(import_module(_NAMES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'factcheck.compare' has no attribute {name!r}")


__all__ = [
    "ABOUT_TOLERANCE",
    "COMPARISON_EXTRA",
    "FIGURE_COLUMNS",
    "POLICIES",
    "Estimate",
    "Reason",
    "compare",
    "figures_table",
    "reconcile",
]
