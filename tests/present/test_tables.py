"""side_by_side and styled_side_by_side: groups by speakers, figures as written, escaped."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from factcheck.compare.examples import anbar_claims, denied_claims, make_claim, toll_claims
from factcheck.present.tables import INDEX_NAMES, side_by_side, styled_side_by_side
from factcheck.schema import claims_frame


def test_anbar_side_by_side() -> None:
    table = side_by_side(anbar_claims())
    assert list(table.index.names) == list(INDEX_NAMES)
    assert list(table.columns) == [
        "US Central Command",
        "unnamed sources via Associated Press",
        "Iraqi Joint Operations Command via Iraqi News Agency",
        "Al-Araby Al-Jadeed",
    ]
    killed = table.xs("g001", level="group_id").iloc[0]
    assert killed.tolist() == ["15", "", "14", ""]  # the relayed 14 twice: one cell
    assert table.index[0][1] == "killed militants (ISIS)"
    assert table.index[3][1] == "deployed soldiers (US) [context]"
    assert table.loc[("g003", "casualties civilians"), "US Central Command"] == (
        "no sign of civilian casualties"
    )


def test_updates_in_one_cell_oldest_first() -> None:
    table = side_by_side(toll_claims())
    assert table.iloc[0]["Libyan Health Ministry"] == "20 -> at least 45 -> 112"


def test_denied_figure_is_marked() -> None:
    assert side_by_side(denied_claims()).iloc[0]["army"] == "denies 300"


def test_does_not_mutate() -> None:
    claims = anbar_claims()
    before = claims.copy()
    side_by_side(claims)
    pd.testing.assert_frame_equal(claims, before)


def test_styler_marks_discrepant_groups_and_shows_quotes() -> None:
    html = styled_side_by_side(anbar_claims()).to_html()
    assert "background-color: #fde2e1" in html
    assert "_row0_col0" in html.split("</style>")[0]  # the discrepant killed row is styled
    assert "_row1_col1" not in html.split("</style>")[0]  # the single-source row is not
    assert 'title="anbar-report: US Central Command said on Saturday' in html


def test_styler_escapes_document_text() -> None:
    evil = "<script>alert(1)</script>"
    claims = claims_frame([
        make_claim(0, sentence=f'He said "15" {evil}', value_text="<b>15</b>",
                   speaker="<i>Command</i>", event_date=date(2024, 8, 29),
                   reported_at=datetime(2024, 8, 31)),
        make_claim(9, speaker="Other", low=14.0, high=14.0),
    ])  # fmt: skip
    html = styled_side_by_side(claims).to_html()
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot;15&quot;" in html  # quotes cannot end the title attribute
    assert "&lt;i&gt;Command&lt;/i&gt;" in html


def test_claims_read_back_from_csv(tmp_path) -> None:
    path = tmp_path / "claims.csv"
    anbar_claims().to_csv(path, index=False)
    again = side_by_side(pd.read_csv(path))
    pd.testing.assert_frame_equal(again, side_by_side(anbar_claims()))
    assert "nan" not in styled_side_by_side(pd.read_csv(path)).to_html()
