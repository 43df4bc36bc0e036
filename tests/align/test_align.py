"""align(): which claims share a group, and why; source independence."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from factcheck.align import ALIGN_COLUMNS, align
from factcheck.align.keys import date_clusters, fold, similar_clusters, split_detail
from factcheck.align.sources import independent_sources, is_unnamed, origin_outlet
from factcheck.compare.examples import anbar_claims, make_claim, protest_claims, toll_claims
from factcheck.model import Kind, Scope
from factcheck.schema import claims_frame

claim = make_claim  # a claim by hand: 10 ISIS militants killed, per US Central Command


def groups(frame: pd.DataFrame) -> list[set[str]]:
    """The groups as sets of claim ids, in group order."""
    return [set(g["claim_id"]) for _, g in frame.groupby("group_id", sort=True)]


def test_anbar_groups_and_input_untouched() -> None:
    claims = anbar_claims()
    before = claims.copy()
    aligned = align(claims)
    pd.testing.assert_frame_equal(claims, before)  # never mutates its input
    assert list(aligned.columns) == [*claims.columns, *ALIGN_COLUMNS]
    assert groups(aligned) == [
        {"anbar-report:107", "anbar-report:361", "anbar-relay:71"},  # killed ISIS: 15, 14, 14
        {"anbar-report:170"},  # wounded US soldiers
        {"anbar-report:254"},  # civilian casualties: none
        {"anbar-report:582"},  # 2,500 troops: context, paired with nothing
    ]


def test_figure_is_not_part_of_the_key() -> None:
    aligned = align(claims_frame([claim(0, low=15.0, high=15.0), claim(9, speaker="X")]))
    assert aligned["group_id"].nunique() == 1


def test_relayed_speaker_is_one_independent_source() -> None:
    aligned = align(anbar_claims())
    joc = aligned[aligned["speaker"] == "Iraqi Joint Operations Command"]
    assert joc["independent_source"].nunique() == 1
    assert len(joc) == 2


@pytest.mark.parametrize(
    ("a", "b", "together"),
    [
        ({"subject_detail": "US"}, {"subject_detail": "Iraqi"}, False),  # other side
        ({"subject_detail": "Iraqi army"}, {"subject_detail": "Iraqi"}, True),  # same side
        ({"subject_detail": "U.S."}, {"subject_detail": "US"}, True),  # punctuation
        ({"measure": "killed"}, {"measure": "wounded"}, False),
        ({"subject": "militants"}, {"subject": "civilians"}, False),
        ({"scope": Scope.EVENT}, {"scope": Scope.CONTEXT}, False),
        ({"kind": Kind.CASUALTY}, {"kind": Kind.FORCE_SIZE}, False),
        ({"event_date": date(2024, 8, 29)}, {"event_date": date(2024, 8, 30)}, True),
        ({"event_date": date(2024, 8, 29)}, {"event_date": date(2024, 9, 5)}, False),
        ({"event_date": date(2024, 8, 29)}, {"event_date": None}, True),  # unknown: compatible
    ],
)
def test_key_parts(a: dict, b: dict, together: bool) -> None:
    aligned = align(claims_frame([claim(0, **a), claim(5, speaker="Other", **b)]))
    assert (aligned["group_id"].nunique() == 1) is together


def test_context_figures_group_among_themselves() -> None:
    ctx = {"scope": Scope.CONTEXT, "measure": "deployed", "subject": "soldiers",
           "subject_detail": "US", "kind": Kind.FORCE_SIZE}  # fmt: skip
    aligned = align(claims_frame([claim(0, **ctx), claim(5, speaker="Pentagon", **ctx)]))
    assert aligned["group_id"].nunique() == 1


def test_other_event_without_date_stays_alone() -> None:
    other = {"scope": Scope.OTHER_EVENT, "event_date": None}
    aligned = align(claims_frame([claim(0, **other), claim(5, speaker="X", **other)]))
    assert aligned["group_id"].nunique() == 2


def test_unspecified_affiliation_joins_the_only_side_else_stays_apart() -> None:
    one_side = [claim(0, subject_detail="US"), claim(5, subject_detail="", speaker="X")]
    assert align(claims_frame(one_side))["group_id"].nunique() == 1
    two_sides = [*one_side, claim(9, subject_detail="Iraqi", speaker="Y")]
    aligned = align(claims_frame(two_sides))
    assert aligned["group_id"].nunique() == 3
    assert "kept apart" in aligned.loc[1, "align_note"]


def test_subset_is_kept_apart_and_names_its_total() -> None:
    rows = [claim(0), claim(5, speaker="X", subject_detail="ISIS leaders", low=3.0, high=3.0)]
    aligned = align(claims_frame(rows))
    total, part = aligned["group_id"].tolist()
    assert total != part
    assert aligned["subset_of"].tolist() == ["", total]
    assert "subset (leaders)" in aligned.loc[1, "align_note"]


def test_place_column_keeps_cities_and_national_totals_apart() -> None:
    aligned = align(protest_claims())
    by_place = aligned.groupby("place")["group_id"].agg(set).to_dict()
    assert {k: len(v) for k, v in by_place.items()} == {"": 1, "Lyon": 1, "Paris": 1}
    assert len(set().union(*by_place.values())) == 3


def test_rising_toll_is_one_group() -> None:
    assert align(toll_claims())["group_id"].nunique() == 1


def test_case_id_separates_cases() -> None:
    frame = claims_frame([claim(0), claim(5, speaker="X")]).assign(case_id=["a", "b"])
    assert align(frame)["group_id"].nunique() == 2


def test_date_tolerance_is_a_parameter() -> None:
    rows = [claim(0), claim(5, speaker="X", event_date=date(2024, 8, 31))]
    assert align(claims_frame(rows))["group_id"].nunique() == 2
    assert align(claims_frame(rows), date_tolerance_days=2)["group_id"].nunique() == 1


def test_helpers() -> None:
    assert fold("U.S.-led  Coalition") == "us led coalition"
    assert split_detail("ISIS leaders", frozenset({"leaders"})) == ("isis", "leaders")
    assert is_unnamed("unnamed US official") and not is_unnamed("US Central Command")
    assert origin_outlet("Reuters -> Associated Press", "Daily") == "Associated Press"
    ts = [pd.Timestamp("2024-08-29"), pd.Timestamp("2024-09-10"), pd.NaT]
    clusters, notes = date_clusters(ts, 1)
    assert clusters == [0, 1, -1] and "several event dates" in notes[2]


def test_independent_sources() -> None:
    keys = independent_sources(
        ["unnamed sources", "unnamed sources", "unnamed sources", "US Central Command",
         "U.S. Central Command", "Paris police", "Lyon police"],
        ["Associated Press", "", "Reuters", "", "", "", ""],
        ["Al-Mirsad", "Associated Press", "Example Daily", "A", "B", "C", "D"],
    )  # fmt: skip
    assert keys[0] == keys[1] == "unnamed sources (Associated Press)"  # AP's own and relayed
    assert keys[2] == "unnamed sources (Reuters)"
    assert keys[3] == keys[4]  # spelling variants of one name
    assert keys[5] != keys[6]  # names sharing a word are different speakers


def test_similar_clusters_uses_threshold() -> None:
    from rapidfuzz import fuzz

    assert (
        len(set(similar_clusters(["Iraqi", "Iraqi army"], fuzz.token_set_ratio, 90).values())) == 1
    )
    assert len(set(similar_clusters(["US", "ISIS"], fuzz.token_set_ratio, 90).values())) == 2
