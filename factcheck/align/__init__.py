"""align stage: group claims about the same event, measure, subject and place."""

from factcheck.align.group import ALIGN_COLUMNS, align, alignment
from factcheck.align.keys import DATE_TOLERANCE_DAYS, SUBJECT_DETAIL_MIN_SCORE
from factcheck.align.sources import SPEAKER_MIN_SCORE, independent_sources

__all__ = [
    "ALIGN_COLUMNS",
    "DATE_TOLERANCE_DAYS",
    "SPEAKER_MIN_SCORE",
    "SUBJECT_DETAIL_MIN_SCORE",
    "align",
    "alignment",
    "independent_sources",
]
