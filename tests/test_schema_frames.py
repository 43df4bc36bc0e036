"""The tables built in one block per dtype equal the tables pandas builds column by column
(the path taken where pandas has no block constructor), dtypes and cell types included."""

from __future__ import annotations

import builtins
import math
from dataclasses import replace
from datetime import UTC, date, datetime
from enum import StrEnum

import pandas as pd
import pytest

import factcheck
from factcheck.case import load_case
from factcheck.model import Span
from factcheck.pipeline import _read
from factcheck.schema import Column, _frame, claim_row, claims_frame_of_rows, mentions_frame
from factcheck.when import PartialDate, day_part

TEXTS = {
    "en": (
        "BAGHDAD (Reuters) - At least 12 people were killed and 30 wounded on Monday when a "
        "car bomb exploded in a market, police said. Among the dead were three children, a "
        "hospital source told AFP. The toll rose to 14 by the evening, the ministry said."
    ),
    "fr": (
        "Au moins 23 personnes ont été tuées samedi dans des inondations, selon la protection "
        "civile. Parmi elles figurent cinq enfants, a précisé le gouverneur à l'AFP."
    ),
    "ar": (
        "قالت وزارة الصحة إن 9 أشخاص قتلوا وأصيب 21 آخرون في قصف على المدينة يوم الأحد، "
        "بينهم أربعة أطفال، بحسب ما أفاد مصدر طبي لوكالة الأنباء."
    ),
}


def _cells(frame: pd.DataFrame) -> list[list[str]]:
    """Every cell as its type and repr, so NaN and None stay apart."""
    return [[f"{type(v).__name__}:{v!r}" for v in frame[c]] for c in frame.columns]


def _column_by_column(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``pandas.api.internals`` unimportable, as on pandas before 3."""
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "pandas.api.internals":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_claims_table_same_either_way(language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = TEXTS[language]
    blocks = factcheck.extract(text, language=language)
    assert len(blocks) >= 2
    _column_by_column(monkeypatch)
    columns = factcheck.extract(text, language=language)
    pd.testing.assert_frame_equal(blocks, columns)
    assert list(blocks.dtypes) == list(columns.dtypes)
    assert _cells(blocks) == _cells(columns)


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_mentions_table_same_either_way(language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = TEXTS[language]
    blocks = factcheck.mentions(text, language=language)
    _column_by_column(monkeypatch)
    columns = factcheck.mentions(text, language=language)
    pd.testing.assert_frame_equal(blocks, columns)
    assert _cells(blocks) == _cells(columns)


def test_empty_tables_keep_their_dtypes() -> None:
    claims = claims_frame_of_rows([])
    assert claims.empty
    assert str(claims["low"].dtype) == "float64"
    assert str(claims["start"].dtype) == "int64"
    assert claims["speaker"].dtype == object
    assert mentions_frame([]).columns[0] == "doc_id"


def test_text_columns_read_as_pandas_reads_rows() -> None:
    """A text column with some text holds NaN for its missing cells, one with no text at all
    keeps None (what ``pd.DataFrame(rows)`` gives); numbers take their contract dtype."""
    contract = [Column("a", "str"), Column("b", "str"), Column("n", "int"), Column("x", "float")]
    rows = [{"a": "one", "b": None, "n": 1, "x": None}, {"a": None, "b": None, "n": 2, "x": 2.5}]
    table = _frame(rows, ["a", "b", "n", "x"], contract)
    assert table["a"].iloc[0] == "one" and math.isnan(table["a"].iloc[1])
    assert table["b"].tolist() == [None, None]
    assert table["n"].tolist() == [1, 2] and str(table["n"].dtype) == "int64"
    assert math.isnan(table["x"].iloc[0]) and str(table["x"].dtype) == "float64"


@pytest.mark.parametrize(
    "values", [["Mosul", "Iraq"], [1, 2], [1.5, None], [None, None], []], ids=repr
)
def test_inferred_column_as_assign_adds_it(values: list[object]) -> None:
    """An added column gets the dtype pandas infers, as ``.assign`` would give it (an empty
    one included)."""
    contract = [Column("a", "str"), Column("n", "int")]
    rows = [{"a": "x", "n": 1}, {"a": "y", "n": 2}][: len(values)]
    built = _frame(rows, ["a", "n"], contract, {"extra": values})
    assigned = _frame(rows, ["a", "n"], contract).assign(extra=values)
    pd.testing.assert_frame_equal(built, assigned)
    assert _cells(built) == _cells(assigned)


def test_tuple_cell_stays_one_cell() -> None:
    contract = [Column("a", "object")]
    table = _frame([{"a": (1, 2)}, {"a": (3, 4)}], ["a"], contract)
    assert table["a"].tolist() == [(1, 2), (3, 4)]


_DAY = date(2024, 8, 29)
_MOMENTS = {
    "none": [None, None],
    "days": [_DAY, None],
    "partial": [PartialDate(2024, 8), _DAY],
    "daypart": [day_part(_DAY, "evening"), None],
    "naive times": [datetime(2024, 8, 29, 10), None],
    "aware times": [datetime(2024, 8, 29, 10, tzinfo=UTC), _DAY],
    "text": ["2024-08-29", None],
}


@pytest.mark.parametrize("name", sorted(_MOMENTS))
def test_moment_column_as_pandas_reads_it(name: str) -> None:
    """An "object" column of days keeps pandas' own reading of its values (a datetime
    becomes a Timestamp, a missing one NaT), whether or not it goes through a Series."""
    values = _MOMENTS[name]
    table = _frame([{"d": v} for v in values], ["d"], [Column("d", "object")])
    expected = pd.Series(values).astype(object).tolist()
    assert [f"{type(v).__name__}:{v!r}" for v in table["d"]] == [
        f"{type(v).__name__}:{v!r}" for v in expected
    ]


class _Word(StrEnum):
    KILLED = "killed"


@pytest.mark.parametrize(
    "values",
    [["a", None], [_Word.KILLED, None], ["a", 1, None], [None, None], [1.5, None]],
    ids=repr,
)
def test_text_column_missing_cells(values: list[object]) -> None:
    """A text column's None cells become NaN when it holds text (a str subclass is text)
    and nothing else; any other column keeps its cells as they are."""
    table = _frame([{"a": v} for v in values], ["a"], [Column("a", "str")])
    text = any(isinstance(v, str) for v in values)
    only_text = all(v is None or isinstance(v, str) for v in values)
    expected = [math.nan if v is None and text and only_text else v for v in values]
    assert [f"{type(v).__name__}:{v!r}" for v in table["a"]] == [
        f"{type(v).__name__}:{v!r}" for v in expected
    ]


def test_column_labels_not_shared() -> None:
    """Each table gets its own column labels: naming one table's columns leaves the next."""
    first = claims_frame_of_rows([])
    first.columns.name = "named"
    assert claims_frame_of_rows([]).columns.name is None


def test_also_at_is_json_text_empty_or_not() -> None:
    """``also_at`` is a JSON list of [start, end]: "[]" for a figure said once."""
    first = _read(load_case(TEXTS["en"], language="en"))[1][0]
    assert claim_row(replace(first, also_at=()))["also_at"] == "[]"
    twice = replace(first, also_at=(Span(3, 5), Span(9, 12)))
    assert claim_row(twice)["also_at"] == "[[3, 5], [9, 12]]"


def test_empty_claims_table_with_place_as_assign_adds_it() -> None:
    """A document without claims gets the table ``.assign(place=[])`` gives (pandas' own
    dtype for the empty column), a copy of its own each time."""
    built = claims_frame_of_rows([], with_place=True)
    assigned = claims_frame_of_rows([]).assign(place=[])
    pd.testing.assert_frame_equal(built, assigned)
    assert list(built.dtypes) == list(assigned.dtypes)
    built["extra"] = []
    built.columns.name = "named"
    again = claims_frame_of_rows([], with_place=True)
    assert "extra" not in again.columns and again.columns.name is None
