"""factcheck: find the figures in news reports, who asserts them, and where sources disagree.

>>> import factcheck
>>> claims = factcheck.extract("The ministry said 12 people were killed.", language="en")
>>> claims[["speaker", "measure", "low"]].values.tolist()
[['The ministry', 'killed', 12.0]]
"""

from factcheck.case import load_case
from factcheck.compare import compare
from factcheck.pipeline import analyse, bundled_case, bundled_cases, extract, mentions, run
from factcheck.present.charts import plot_agreement, plot_discrepancies, plot_timeline
from factcheck.present.report import write_report as report
from factcheck.present.tables import side_by_side, styled_side_by_side

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
