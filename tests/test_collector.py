"""The cyclic garbage collector is paused while documents are read and given back as it was
found (factcheck/collector.py)."""

from __future__ import annotations

import gc
import threading

import pytest

import factcheck
from factcheck.collector import paused
from factcheck.errors import FactcheckError

TEXT = (
    "Au moins 14 personnes ont été tuées et 30 blessées jeudi à Sfax, selon la protection "
    "civile. The army said 9 soldiers were wounded. قالت الشرطة إن 3 أشخاص قتلوا."
)


def test_reading_runs_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    from factcheck import pipeline

    real = pipeline.extract_claims

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_claims", spy)
    assert gc.isenabled()
    factcheck.extract(TEXT, language="fr")
    assert seen == [False]
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled() -> None:
    gc.disable()
    try:
        factcheck.mentions(TEXT, language="en")
        factcheck.extract(TEXT, language="en")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collector_back_on_after_an_error() -> None:
    with pytest.raises(FactcheckError):
        factcheck.extract("/no/such/folder/or/file.txt")
    with pytest.raises(RuntimeError), paused():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_reading_leaves_no_reference_cycles() -> None:
    """What makes the pause safe: reading a document creates nothing for the collector."""
    from factcheck.synthetic import one_document

    text = one_document("en", 20_000, seed=7)
    factcheck.extract(text, language="en")  # language data loaded before counting
    gc.collect()
    gc.disable()
    try:
        factcheck.extract(one_document("ar", 20_000, seed=8), language="ar")
        factcheck.extract(text, language="en")
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_threads_reading_at_once_leave_it_on() -> None:
    threads = [
        threading.Thread(target=factcheck.extract, args=(TEXT,), kwargs={"language": "en"})
        for _ in range(3)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert gc.isenabled()
