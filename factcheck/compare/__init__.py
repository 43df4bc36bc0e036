"""compare stage: verdicts, reasons and reconciled figures for each aligned group."""

from factcheck.compare.figures import FIGURE_COLUMNS, figures_table
from factcheck.compare.reasons import Reason
from factcheck.compare.reconcile import POLICIES, Estimate, reconcile
from factcheck.compare.table import COMPARISON_EXTRA, compare
from factcheck.compare.verdicts import ABOUT_TOLERANCE

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
