"""Generated claims tables for scale tests and benchmarks (``python -m benchmarks compare``).

Built column by column with numpy, so a million rows take seconds, not minutes. The rows
imitate a large archive: ``cases`` events, each reported by a few of ``speakers`` distinct
named speakers (some under a second spelling), unnamed sources heard by different outlets,
outlets speaking in their own voice, relays, rising tolls (one speaker's figures on
successive days), hedged, open, vague and "none reported" figures, denials, subsets
("leaders"), places, context figures and figures about another incident.

>>> table = claims_table(200, cases=20, speakers=30)
>>> len(table), table["case_id"].nunique() <= 20
(200, True)
>>> claims_table(50).equals(claims_table(50))
True
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Final

import numpy as np
import pandas as pd

from factcheck.schema import CLAIM_COLUMNS

SEED: Final = 20240829

_ORGS: Final = (
    "Provincial Council", "Civil Defence", "Health Directorate", "Police Command",
    "Red Crescent Branch", "Operations Command", "Governor's Office", "Hospital",
)  # fmt: skip
_OUTLETS: Final = ("Reuters", "Associated Press", "AFP", "Anadolu", "Iraqi News Agency")
_PLACES: Final = ("", "", "", "Mosul", "Ramadi", "Aleppo", "Derna", "Paris")
_MEASURES: Final = ("killed",) * 5 + ("wounded",) * 3 + ("casualties", "arrested", "displaced")
_SUBJECTS: Final = ("people", "civilians", "soldiers", "militants", "children")
_DETAILS: Final = ("", "", "", "", "ISIS", "US", "Iraqi", "Iraqi army", "ISIS leaders")
_QUALIFIERS: Final = (
    ("exact", 0.62), ("at_least", 0.12), ("about", 0.1), ("at_most", 0.04), ("range", 0.05),
    ("vague", 0.05), ("none_reported", 0.02),
)  # fmt: skip
_SCOPES: Final = (("event", 0.93), ("context", 0.04), ("other_event", 0.03))


def _text(values: list[str]) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _pick(rng: np.random.Generator, values: tuple, n: int) -> np.ndarray:
    return np.asarray(values, dtype=object)[rng.integers(len(values), size=n)]


def _per_case(
    rng: np.random.Generator, values: tuple, case: np.ndarray, share: float
) -> np.ndarray:
    """The case's own value for ``share`` of its claims (an event has one main subject and
    place), any value for the rest."""
    own = np.asarray(values, dtype=object)[(case * 7919) % len(values)]
    return np.where(rng.random(len(case)) < share, own, _pick(rng, values, len(case)))


def _weighted(rng: np.random.Generator, pairs: tuple, n: int) -> np.ndarray:
    values = np.asarray([v for v, _ in pairs], dtype=object)
    weights = np.asarray([w for _, w in pairs], dtype=float)
    return values[rng.choice(len(values), size=n, p=weights / weights.sum())]


def claims_table(
    n: int, cases: int | None = None, speakers: int | None = None, seed: int = SEED
) -> pd.DataFrame:
    """``n`` claims over ``cases`` events (default n/10) and about ``speakers`` distinct named
    speakers (default n/10), deterministic for a seed, with the claims table's columns plus
    ``case_id``, ``place`` and ``point``."""
    cases = max(1, cases if cases is not None else n // 10)
    speakers = max(1, speakers if speakers is not None else n // 10)
    rng = np.random.default_rng(seed)
    case = rng.integers(cases, size=n)
    doc = case * 5 + rng.integers(5, size=n)
    publisher = _text([f"Outlet {d % 97}" for d in doc.tolist()])
    who = rng.integers(speakers, size=n)
    named = _text([f"{_ORGS[w % len(_ORGS)]} {w // len(_ORGS)}" for w in who.tolist()])
    variant = rng.random(n) < 0.02  # a second spelling of the same name
    named[variant] = _text([name.upper() for name in named[variant].tolist()])
    kind = rng.random(n)
    speaker = np.where(kind < 0.08, "unnamed sources", named)
    speaker = np.where((kind >= 0.08) & (kind < 0.14), publisher, speaker)
    via = np.where(rng.random(n) < 0.3, _pick(rng, _OUTLETS, n), "")
    chained = rng.random(n) < 0.05
    via[chained] = _text([f"Reuters -> {v}" if v else "Reuters" for v in via[chained].tolist()])
    measure = _pick(rng, _MEASURES, n)
    qualifier = _weighted(rng, _QUALIFIERS, n)
    value = (rng.integers(0, 60, size=n) + 10 * (case % 7)).astype(float)
    low, high = value.copy(), value.copy()
    high[qualifier == "at_least"] = np.nan
    low[qualifier == "at_most"] = np.nan
    spread = rng.integers(1, 30, size=n)
    wide = (qualifier == "range") | (qualifier == "vague")
    high[wide] = value[wide] + spread[wide]
    none = qualifier == "none_reported"
    low[none], high[none] = 0.0, 0.0
    measure[none] = np.where(rng.random(int(none.sum())) < 0.7, "casualties", "killed")
    point = np.where(qualifier == "vague", np.floor((low + high) / 2), np.nan)
    first = date(2024, 1, 1)
    days = np.asarray([first + timedelta(days=int(d)) for d in range(366)], dtype=object)
    event_date = days[case % 300 + (rng.random(n) < 0.04)].copy()
    event_date[rng.random(n) < 0.1] = None
    hour = np.datetime64(datetime.combine(first, datetime.min.time()), "h")
    reported = hour + (case % 300) * 24 + rng.integers(0, 96, size=n)
    frame = pd.DataFrame(
        {
            "claim_id": _text([f"doc{d}:{i}" for i, d in enumerate(doc.tolist())]),
            "doc_id": _text([f"doc{d}" for d in doc.tolist()]),
            "publisher": publisher,
            "language": _pick(rng, ("ar", "en", "fr"), n),
            "speaker": speaker,
            "speaker_text": "",
            "via": via,
            "measure": measure,
            "subject": _per_case(rng, _SUBJECTS, case, 0.85),
            "subject_detail": _per_case(rng, _DETAILS, case, 0.85),
            "low": low,
            "high": high,
            "qualifier": qualifier,
            "polarity": np.where(rng.random(n) < 0.01, "denied", "asserted"),
            "scope": _weighted(rng, _SCOPES, n),
            "value_text": _text([str(int(v)) for v in value.tolist()]),
            "start": np.arange(n) % 5000,
            "end": np.arange(n) % 5000 + 2,
            "sentence": "",
            "event_date": event_date,
            "reported_at": pd.to_datetime(reported.astype("datetime64[ns]")),
            "kind": "casualty",
            "case_id": _text([f"case{c}" for c in case.tolist()]),
            "place": _per_case(rng, _PLACES, case, 0.9),
            "point": point,
        }
    )
    return frame[[*CLAIM_COLUMNS, "case_id", "place", "point"]]


__all__ = ["claims_table"]
