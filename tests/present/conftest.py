"""Fixtures of the present stage, built from the hand-made data in ``present_fixtures``."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

import present_fixtures as data

from factcheck.model import Case, Document


@pytest.fixture
def documents() -> tuple[Document, ...]:
    return data.DOCUMENTS


@pytest.fixture
def case() -> Case:
    return data.anbar_case()


@pytest.fixture
def anbar() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(claims with group_id, comparison) in English."""
    return data.anbar_data()


@pytest.fixture
def anbar_ar() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(claims, comparison) with Arabic speaker names and subject details."""
    return data.anbar_data(data.ARABIC_NAMES, detail="داعش")


@pytest.fixture
def hedged() -> tuple[pd.DataFrame, pd.DataFrame]:
    return data.hedged_data()


@pytest.fixture
def rising() -> pd.DataFrame:
    return data.rising_data()


@pytest.fixture
def claim_maker():
    """``make_claim(doc, value_text, low=..., **fields)`` for tests that build their own."""
    return data.make_claim


@pytest.fixture
def comparison_maker():
    """``comparison_of(claims, rows)`` for tests that build their own comparison."""
    return data.comparison_of
