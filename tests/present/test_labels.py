"""Labels files: every language has every word the charts and report use."""

from __future__ import annotations

import pytest

from factcheck import lang
from factcheck.compare.reasons import Reason
from factcheck.model import Verdict
from factcheck.present.labels import available, labels


@pytest.mark.parametrize("code", available())
def test_every_labels_file_is_complete(code):
    lab = labels(code)  # raises, listing every missing key, when one is missing
    verdicts = {str(v) for v in Verdict} | {"updated"}  # updated: a rising toll
    assert verdicts <= set(lab.data["verdicts"])
    assert {str(r) for r in Reason} <= set(lab.data["reasons"])
    measures = {m for c in lang.available() for m in lang.load(c)["claims"]["measures"]}
    assert measures <= set(lab.data["measures"])
    subjects = {s for c in lang.available() for s in lang.load(c)["claims"]["subjects"]}
    assert {s for s in subjects if not s.startswith("@")} <= set(lab.data["subjects"])
    assert all(w.strip() for w in lab.data["verdicts"].values())
    rules = {"median_exact", "median", "primary", "latest_lower_bound", "conservative"}
    assert rules <= {k for k, v in lab.data["rules"].items() if v}  # best_rule in words


def test_words_and_directions():
    assert available() == ("ar", "en", "fr")
    ar, fr = labels("ar"), labels("fr")
    assert ar.rtl and not fr.rtl
    assert ar.group("killed", "civilians") == "القتلى من المدنيين"
    assert fr.group("wounded", "soldiers", "UN") == "Blessés parmi les soldats (UN)"
    assert labels().word("reasons", "inconsistent_in_document") == "One document gives two figures"
    assert labels().word("verdicts", "not_a_verdict") == "not a verdict"  # shown, not hidden
    assert ar.date("2024-08-29") == "29 أغسطس 2024"


def test_unknown_labels_language_is_an_error():
    from factcheck.errors import LanguageDataError

    with pytest.raises(LanguageDataError, match="no labels for 'de'"):
        labels("de")
