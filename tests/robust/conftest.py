"""Hypothesis settings profiles: ``ci`` (bounded, derandomised: the share ``make test`` runs)
and ``fuzz`` (many more examples); ``FACTCHECK_HYPOTHESIS_PROFILE`` selects one."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("ci", max_examples=120, derandomize=True, **_COMMON)
settings.register_profile("fuzz", max_examples=20_000, **_COMMON)
settings.load_profile(os.environ.get("FACTCHECK_HYPOTHESIS_PROFILE", "ci"))
