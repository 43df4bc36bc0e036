"""compare(): verdicts, reasons, notes and policies on hand-made claims, checked by hand."""

from __future__ import annotations

import json
import math
from datetime import date, datetime

import pandas as pd
import pytest

from factcheck.compare import COMPARISON_EXTRA, compare
from factcheck.compare.examples import (
    anbar_claims,
    denied_claims,
    headline_claims,
    make_claim,
    parts_claims,
    protest_claims,
    toll_claims,
)
from factcheck.model import Kind, Polarity, Qualifier, Scope
from factcheck.schema import COMPARISON_COLUMNS, claims_frame, validate


def table(*claims: object, **kw: object) -> pd.DataFrame:
    return compare(claims_frame(claims), **kw)  # type: ignore[arg-type]


def one(frame: pd.DataFrame, **where: object) -> pd.Series:
    hit = frame
    for key, value in where.items():
        hit = hit[hit[key] == value]
    assert len(hit) == 1, hit
    return hit.iloc[0]


# --- the Anbar raid ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def anbar() -> pd.DataFrame:
    return compare(anbar_claims(), "best", parties={})


def test_columns_are_the_design_then_extensions(anbar: pd.DataFrame) -> None:
    assert list(anbar.columns) == [*COMPARISON_COLUMNS, *COMPARISON_EXTRA]
    validate(anbar, "comparison")


def test_anbar_killed_is_one_discrepant_group(anbar: pd.DataFrame) -> None:
    row = one(anbar, measure="killed")
    assert (row.subject, row.subject_detail, row.verdict) == ("militants", "ISIS", "discrepant")
    assert row.reason == "contradiction"
    assert row.gap == 1 and row.rel_gap == pytest.approx(1 / 15)  # 6.7% of the larger
    assert (row.low, row.high, row.spread) == (14, 15, 1)
    assert row.conservative == 14 and (row.range_low, row.range_high) == (14, 15)
    assert row.n_sources == row.n_independent == 2 and row.n_claims == 3
    assert json.loads(row.figures) == {
        "US Central Command": [15, 15],
        "Iraqi Joint Operations Command": [14, 14],
    }
    assert json.loads(row.support) == {"15": 1, "14": 1}  # the relay adds no source
    assert row.note.startswith(
        "US Central Command says 15, Iraqi Joint Operations Command says 14: disjoint "
        "figures, gap 1 (6.7%)."
    )


def test_anbar_other_groups(anbar: pd.DataFrame) -> None:
    wounded = one(anbar, measure="wounded")
    assert (wounded.subject_detail, wounded.verdict, wounded.low, wounded.high) == (
        "US", "single_source", 7, 7)  # fmt: skip
    assert wounded.speakers == "unnamed sources"
    civilians = one(anbar, measure="casualties")
    assert (civilians.subject, civilians.low, civilians.high, civilians.best) == (
        "civilians", 0, 0, 0)  # fmt: skip
    troops = one(anbar, measure="deployed")
    assert (troops.scope, troops.verdict, troops.low, troops.n_claims) == (
        "context", "single_source", 2500, 1)  # fmt: skip
    assert troops.reason == "different_scope" and json.loads(troops.related) == []


def test_anbar_policies() -> None:
    claims = anbar_claims()
    cons = one(compare(claims, "conservative"), measure="killed")
    assert (cons.low, cons.best, cons.high) == (14, 14, 15)  # low/high: the figures' envelope
    assert json.loads(cons.set_by)["best"] == ["anbar-report:361", "anbar-relay:71"]
    rng = one(compare(claims, "range"), measure="killed")
    assert (rng.low, rng.high) == (14, 15) and math.isnan(rng.best)
    assert json.loads(rng.set_by) == {
        "low": ["anbar-report:361", "anbar-relay:71"],
        "high": ["anbar-report:107"],
        "best": [],
        "conservative": ["anbar-report:361", "anbar-relay:71"],
    }
    best = one(compare(claims, "best"), measure="killed")
    assert best.best == 14  # median of 14 and 15, the lower middle: a figure somebody gave
    assert json.loads(best.set_by)["rule"] == ["median_exact"]
    primary = one(compare(claims, "best", primary={"US Central Command"}), measure="killed")
    assert primary.best == 15 and json.loads(primary.set_by)["best"] == ["anbar-report:107"]
    with pytest.raises(ValueError, match="unknown policy"):
        compare(claims, "mean")


def test_party_flag() -> None:
    parties = {"US Central Command": "United States", "Iraqi Joint Operations Command": "Iraq"}
    flagged = compare(anbar_claims(), parties=parties)
    assert one(flagged, measure="killed").party_flag  # every source a party to the raid
    assert "party" in one(flagged, measure="killed").note
    assert not one(flagged, measure="wounded").party_flag  # unnamed sources via AP
    lone = table(make_claim(0, speaker="Army of the North"), parties={"Army of the North": "X"})
    assert lone.party_flag.tolist() == [True]


# --- the protest: cities and national totals ---------------------------------------------


def test_protest_cities_and_national_totals() -> None:
    comp = compare(protest_claims())
    paris, lyon, national = (one(comp, place=p) for p in ("Paris", "Lyon", ""))
    assert paris.verdict == lyon.verdict == national.verdict == "discrepant"
    assert (paris.low, paris.high, paris.n_claims) == (31000, 120000, 4)
    assert (lyon.low, lyon.high) == (8500, 25000)
    assert national.low == 310000 and math.isnan(national.high)  # "more than a million"
    assert json.loads(national.figures)["CGT"] == [1000000, None]  # open bound -> null
    assert national.conservative == 310000  # an open bound is a limit, not a count
    assert (national.range_low, national.range_high) == (310000, 1000000)


# --- updates over time --------------------------------------------------------------------


def test_rising_toll_is_an_update_not_a_contradiction() -> None:
    row = compare(toll_claims(), "best").iloc[0]
    assert (row.verdict, row.reason) == ("updated", "update")
    assert "contradiction" not in row.reasons
    figures = json.loads(row.figures)
    assert figures["Libyan Health Ministry"] == [112, 112]  # the latest figure counts
    assert row.best == 112 and row.conservative == 110  # about 110 is the lowest count
    assert (row.range_low, row.range_high) == (100, 112)
    assert "20 -> at least 45 -> 112" in row.note


def test_same_speaker_20_25_34_is_an_update() -> None:
    said = [(20.0, datetime(2025, 3, 1)), (25.0, datetime(2025, 3, 2))]
    said.append((34.0, datetime(2025, 3, 3)))
    row = table(
        *(make_claim(i, low=v, high=v, reported_at=t, measure="wounded", doc_id=f"d{i}")
          for i, (v, t) in enumerate(said))
    ).iloc[0]  # fmt: skip
    assert (row.verdict, row.reason, row.low, row.best, row.conservative) == (
        "updated", "update", 34, 34, 34)  # fmt: skip


def test_restated_figure_is_not_an_update() -> None:
    row = table(
        make_claim(0, low=22.0, high=22.0, reported_at=datetime(2025, 3, 1)),
        make_claim(5, low=22.0, high=None, qualifier=Qualifier.AT_LEAST, doc_id="later",
                   reported_at=datetime(2025, 3, 2)),
    ).iloc[0]  # fmt: skip
    assert (row.verdict, row.reason) == ("single_source", "single_source")
    assert "restated" in row.note


def test_lower_figures_on_earlier_days_of_a_moving_toll() -> None:
    a = {"speaker": "Health Ministry"}
    row = table(
        make_claim(0, low=20.0, high=20.0, reported_at=datetime(2025, 3, 1), **a),
        make_claim(1, low=90.0, high=90.0, reported_at=datetime(2025, 3, 3), doc_id="b", **a),
        make_claim(2, low=40.0, high=40.0, reported_at=datetime(2025, 3, 2), doc_id="c",
                   speaker="Red Crescent"),
    ).iloc[0]  # fmt: skip
    assert (row.verdict, row.reason) == ("updated", "update")
    assert "rising toll" in row.note


def test_relay_never_supersedes_a_direct_statement() -> None:
    row = table(
        make_claim(0, low=310.0, high=310.0, reported_at=datetime(2025, 8, 14)),
        make_claim(5, low=300.0, high=None, qualifier=Qualifier.AT_LEAST, doc_id="wadi",
                   via="Sudan News Agency", reported_at=datetime(2025, 8, 15)),
    ).iloc[0]  # fmt: skip
    assert row.low == 300 and math.isnan(row.high)  # both figures are current
    assert row.verdict == "single_source"


# --- each verdict and reason ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("second", "verdict", "reason", "gap"),
    [
        ({"low": 15.0, "high": 15.0}, "agree", "same_figure", 0),
        ({"low": 14.0, "high": None, "qualifier": Qualifier.AT_LEAST}, "compatible",
         "bound_consistent", 0),
        ({"low": 100.0, "high": 100.0, "qualifier": Qualifier.ABOUT}, "discrepant",
         "contradiction", 85),
        ({"low": 14.0, "high": 14.0}, "discrepant", "contradiction", 1),
        ({"low": 16.0, "high": 16.0, "qualifier": Qualifier.ABOUT}, "compatible", "approximate",
         1),
        ({"low": 10.0, "high": 20.0, "qualifier": Qualifier.RANGE}, "compatible", "approximate",
         0),
        ({"low": None, "high": 12.0, "qualifier": Qualifier.AT_MOST}, "discrepant",
         "contradiction", 3),
    ],
)  # fmt: skip
def test_verdicts_against_15(second: dict, verdict: str, reason: str, gap: float) -> None:
    row = table(make_claim(0, low=15.0, high=15.0), make_claim(5, speaker="B", **second)).iloc[0]
    assert (row.verdict, row.reason, row.gap) == (verdict, reason, gap)


def test_single_source() -> None:
    row = table(make_claim(0)).iloc[0]
    assert (row.verdict, row.reason, row.n_sources) == ("single_source", "single_source", 1)
    assert math.isnan(row.gap) and "says 10: one source only." in row.note


def test_rounding() -> None:
    kw = {"measure": "displaced", "subject": "people", "subject_detail": ""}
    row = table(
        make_claim(0, low=1200.0, high=1200.0, speaker="UNHCR", **kw),
        make_claim(5, low=1187.0, high=1187.0, speaker="local council", **kw),
    ).iloc[0]
    assert (row.verdict, row.reason) == ("discrepant", "rounding")
    assert row.gap == 13


def test_parts_add_up() -> None:
    row = compare(parts_claims()).iloc[0]
    assert (row.verdict, row.reason) == ("agree", "parts_add_up")
    assert json.loads(row.figures) == {"hospital director": [7, 7], "police": [7, 7]}
    assert "5 + 2 = 7" in row.note


def test_inconsistent_within_one_document() -> None:
    row = compare(headline_claims()).iloc[0]
    assert (row.verdict, row.reason) == ("discrepant", "inconsistent_in_document")
    assert "Document blast gives both 42 and 24" in row.note


def test_denied_by_the_named_source() -> None:
    row = compare(denied_claims()).iloc[0]
    assert (row.verdict, row.reason) == ("discrepant", "denied")
    assert row.n_sources == 1 and row.best == 300  # a denial never sets a bound
    assert "army denies the figure of 300 (given by Health Ministry)" in row.note


def test_killed_vs_casualties_is_a_different_measure() -> None:
    comp = table(
        make_claim(0, low=15.0, high=15.0),
        make_claim(5, measure="casualties", low=20.0, high=20.0, speaker="B"),
    )
    killed, casualties = one(comp, measure="killed"), one(comp, measure="casualties")
    assert casualties.reason == killed.reason == "different_measure"
    assert json.loads(casualties.related) == [killed.group_id]
    assert "not a contradiction" in casualties.note


def test_context_total_is_a_different_scope() -> None:
    comp = table(
        make_claim(0, low=15.0, high=15.0),
        make_claim(5, low=4000.0, high=4000.0, scope=Scope.CONTEXT, speaker="B"),
    )
    context = one(comp, scope="context")
    assert context.reason == "different_scope" and context.verdict == "single_source"
    assert json.loads(context.related) == [one(comp, scope="event").group_id]


def test_subset_is_noted_not_compared() -> None:
    comp = table(
        make_claim(0, low=15.0, high=15.0),
        make_claim(5, low=3.0, high=3.0, subject_detail="ISIS leaders", speaker="B"),
    )
    part = one(comp, subject_detail="ISIS leaders")
    total = one(comp, subject_detail="ISIS")
    assert (part.reason, part.subset_of) == ("subset", total.group_id)
    assert total.verdict == "single_source"


def test_vague_point_for_conservative() -> None:
    frame = claims_frame([
        make_claim(0, low=24.0, high=99.0, qualifier=Qualifier.VAGUE, value_text="dozens"),
        make_claim(5, low=30.0, high=30.0, speaker="B"),
    ]).assign(point=[12.0, math.nan])  # fmt: skip
    row = compare(frame, "conservative").iloc[0]
    assert (row.verdict, row.best) == ("compatible", 12)


def test_does_not_mutate_and_accepts_aligned_input() -> None:
    claims = anbar_claims()
    before = claims.copy()
    first = compare(claims)
    pd.testing.assert_frame_equal(claims, before)
    from factcheck.align import align

    pd.testing.assert_frame_equal(compare(align(claims)), first)


def test_empty_and_only_denied() -> None:
    row = table(make_claim(0, polarity=Polarity.DENIED)).iloc[0]
    assert (row.verdict, row.reason) == ("single_source", "denied")
    empty = compare(claims_frame([]))
    assert empty.empty and list(empty.columns) == [*COMPARISON_COLUMNS, *COMPARISON_EXTRA]


def test_force_size_kind_and_dates_do_not_mix() -> None:
    comp = table(
        make_claim(0, kind=Kind.FORCE_SIZE, measure="deployed", subject="soldiers"),
        make_claim(5, event_date=date(2024, 9, 20)),
        make_claim(9),
    )
    assert len(comp) == 3


def test_claims_read_back_from_csv(tmp_path) -> None:
    path = tmp_path / "claims.csv"
    anbar_claims().to_csv(path, index=False)
    again = compare(pd.read_csv(path))
    first = compare(anbar_claims())
    cols = ["measure", "subject", "subject_detail", "verdict", "reason", "low", "high", "note"]
    pd.testing.assert_frame_equal(again[cols], first[cols])
    assert json.loads(again.iloc[1].figures) == {"unnamed sources": [7, 7]}
