"""Corpus mode: the claims of many documents, streamed to one file, on every core.

See :mod:`factcheck.corpus.run` (``factcheck extract FOLDER_OR_GLOB... -o claims.parquet``)
and docs/corpus.md.
"""

from factcheck.corpus.run import SUFFIXES, Summary, extract_corpus
from factcheck.corpus.units import UNIT_COLUMN, Unit, find_units, is_corpus
from factcheck.corpus.work import extract_unit, work
from factcheck.corpus.write import plain_value

__all__ = [
    "SUFFIXES",
    "UNIT_COLUMN",
    "Summary",
    "Unit",
    "extract_corpus",
    "extract_unit",
    "find_units",
    "is_corpus",
    "plain_value",
    "work",
]
