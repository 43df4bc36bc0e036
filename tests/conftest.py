"""Shared fixtures: where the repository and the shared material beside it are."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "anbar-raid-article-ar.txt"


@pytest.fixture
def seed_path() -> Path:
    """The founding Arabic article, read from ../shared (absent outside the project's CI)."""
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED} (../shared is not beside the checkout)")
    return SEED
