"""Charts: what they draw, where labels go (no overprinting, no clipping, next to their mark),
that every glyph exists (English and Arabic), that files are written as a desk needs them."""

from __future__ import annotations

import io
import logging
import math
import warnings
from datetime import date, datetime, timedelta, timezone

import matplotlib.image as mpimg
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Annotation

from factcheck.model import Qualifier
from factcheck.present import charts
from factcheck.present.style import FSI, PDI, speaker_colors
from factcheck.schema import claims_frame
from factcheck.testing import assert_chart_layout, drawn_texts


def _render(fig: Figure) -> None:
    """Draw to PNG and SVG in memory (glyph problems show up at draw time)."""
    for fmt in ("png", "svg"):
        fig.savefig(io.BytesIO(), format=fmt)
    plt.close(fig)


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]


def _direct_labels(fig: Figure) -> list[Annotation]:
    return [a for a in fig.findobj(Annotation) if a.get_text() and " · " in a.get_text()]


@pytest.mark.parametrize("fixture", ["anbar", "anbar_ar", "hedged"])
def test_no_missing_glyphs(fixture, request, caplog):
    claims, comparison = request.getfixturevalue(fixture)
    where = "غارة الأنبار" if fixture == "anbar_ar" else "Anbar raid"
    labels = "ar" if fixture == "anbar_ar" else "en"
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.DEBUG):
        warnings.simplefilter("always")
        _render(charts.plot_discrepancies(comparison, claims, where=where, labels=labels))
        _render(charts.plot_agreement(comparison, claims, where=where, labels=labels))
        _render(charts.plot_timeline(claims, where=where, labels=labels))
    messages = [str(w.message) for w in caught] + [r.getMessage() for r in caplog.records]
    assert not [m for m in messages if "missing from" in m or "Glyph" in m], messages


def test_short_title_event_once_and_direct_labels(anbar):
    claims, comparison = anbar
    fig = charts.plot_discrepancies(comparison, claims, where="Anbar raid")
    texts = _texts(fig)
    assert "Who gave which figure" in texts
    assert "Anbar raid, 29 Aug 2024" in texts  # the event once, in the subtitle
    assert sum("Anbar raid" in t for t in texts) == 1
    labels = [a.get_text() for a in _direct_labels(fig)]
    assert "15 · US Central Command" in labels and "14 · Iraqi Joint Operations Command" in labels
    assert "7 · unnamed sources, via Associated Press" in labels
    assert not fig.legends and not any(ax.get_legend() for ax in fig.axes)  # no legend needed
    assert any("15 vs 14" in t and "Sources disagree" in t for t in texts)
    plt.close(fig)


@pytest.mark.parametrize("fixture", ["anbar", "anbar_ar", "hedged"])
@pytest.mark.parametrize("size", ["desk", "mobile"])
def test_layout_no_overprint_no_clipping(fixture, size, request):
    claims, comparison = request.getfixturevalue(fixture)
    labels = "ar" if fixture == "anbar_ar" else "en"
    for fig in (
        charts.plot_discrepancies(comparison, claims, where="Anbar raid", size=size,
                                  labels=labels),
        charts.plot_agreement(comparison, claims, where="Anbar raid", size=size, labels=labels),
    ):  # fmt: skip
        assert_chart_layout(fig)
        plt.close(fig)


def test_direct_labels_sit_beside_their_marks(hedged):
    claims, comparison = hedged
    fig = charts.plot_discrepancies(comparison, claims)
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    labels = _direct_labels(fig)
    assert len(labels) == 5
    for label in labels:
        ax = label.axes
        x, y = ax.transData.transform(label.xy)
        box = label.get_window_extent(renderer)
        assert box.y0 - 1 <= y <= box.y1 + 1, label.get_text()  # on the mark's line
        gap = box.x0 - x if label.get_ha() == "left" else x - box.x1
        assert 0 <= gap <= 15, (label.get_text(), gap)  # next to the mark, on its side
    plt.close(fig)


def test_hedged_figures_are_intervals_never_midpoints(hedged):
    claims, comparison = hedged
    fig = charts.plot_discrepancies(comparison, claims)
    ax = fig.axes[0]
    points = [
        (x, ln.get_marker()) for ln in ax.get_lines() for x in ln.get_xdata()
        if ln.get_marker() not in ("None", "|", "") and len(ln.get_xdata()) == 1
    ]  # fmt: skip
    xs = sorted(float(x) for x, _ in points)
    assert xs == [10.0, 11.0, 12.0]  # exact 10, up to 11, at least 12: no dot at 11 (9-13)
    bars = [ln for ln in ax.get_lines() if ln.get_linewidth() >= 6]
    spans = sorted((float(min(b.get_xdata())), float(max(b.get_xdata()))) for b in bars)
    assert spans == [(9.0, 13.0), (9.0, 11.0)] or spans == [(9.0, 11.0), (9.0, 13.0)]
    arrows = [a for a in fig.findobj(Annotation) if a.arrow_patch is not None]
    assert len(arrows) == 2  # at least 12 (right), up to 11 (left)
    assert "5 figures, 9–13" in " ".join(_texts(fig)) or "5 figures" in " ".join(_texts(fig))
    plt.close(fig)


def test_axis_fits_the_figures(anbar, claim_maker, comparison_maker, documents):
    doc = documents[0]
    one = claims_frame([claim_maker(doc, "15", low=2500, measure="deployed",
                                    subject="soldiers")]).assign(group_id="d")  # fmt: skip
    comp = comparison_maker(one, [dict(group_id="d", low=2500.0, high=2500.0, best=2500.0,
                                       verdict="single_source", note="")])  # fmt: skip
    fig = charts.plot_discrepancies(comp, one)
    low, high = fig.axes[0].get_xlim()
    assert high <= 2500 * 1.15 and low >= -2500 * 0.05  # not 0-3,200 for one figure
    assert_chart_layout(fig)
    plt.close(fig)


def test_estimate_is_named_with_its_rule_or_left_out(anbar):
    claims, comparison = anbar
    comparison = comparison.assign(best=[14.0, 7.0, 0.0], best_rule="median_exact")
    fig = charts.plot_discrepancies(comparison, claims)
    assert any("estimate 14 (median of exact figures)" in t.replace("\n", " ")
               for t in _texts(fig))  # fmt: skip
    dashed = [ln for ax in fig.axes for ln in ax.get_lines() if ln.get_linestyle() == "--"]
    assert [float(x) for x in dashed[0].get_xdata()] == [14.0, 14.0]
    plt.close(fig)
    fig = charts.plot_discrepancies(comparison, claims, show_estimate=False)
    assert not any("estimate" in t for t in _texts(fig))
    assert not [ln for ax in fig.axes for ln in ax.get_lines() if ln.get_linestyle() == "--"]
    plt.close(fig)


def test_footer_names_sources_and_as_of(anbar, documents):
    claims, comparison = anbar
    fig = charts.plot_discrepancies(comparison, claims, sources=documents,
                                    timezone="Asia/Baghdad")  # fmt: skip
    footer = next(t for t in _texts(fig) if t.startswith("Sources:")).replace("\n", " ")
    assert "US Central Command (30 Aug 2024, 06:00)" in footer
    assert "Associated Press (30 Aug 2024, 14:00)" in footer
    assert footer.endswith("As of 30 Aug 2024, 14:00 (Asia/Baghdad)")
    plt.close(fig)


def test_twelve_speakers_twelve_colours_and_markers():
    looks = speaker_colors([f"speaker {i}" for i in range(12)])
    assert len({look.color for look in looks.values()}) == 12
    assert len({look.marker for look in looks.values()}) == 12
    more = speaker_colors([f"speaker {i}" for i in range(40)])
    assert len({(look.color, look.marker) for look in more.values()}) == 40


def test_speaker_looks_are_the_same_in_every_chart(rising):
    looks = speaker_colors(rising)
    fig = charts.plot_timeline(rising)
    lines = {
        ln.get_label(): ln for ln in fig.axes[0].get_lines() if not ln.get_label().startswith("_")
    }
    assert lines
    for speaker, line in lines.items():
        assert line.get_color() == looks[speaker].color
    plt.close(fig)


def test_timeline_only_groups_that_changed(rising, anbar):
    fig = charts.plot_timeline(rising, where="Flood")
    assert len(fig.axes) == 1
    assert fig.axes[0].get_title(loc="left") == "Killed people · Toll updated over time"
    plt.close(fig)
    fig = charts.plot_timeline(anbar[0])
    assert "No figure changed between reports" in _texts(fig)
    plt.close(fig)


def _toll_claims() -> pd.DataFrame:
    """A ministry toll that rises 20 -> 45 -> 52 -> 58 over two days, the second update dated
    only by its day, with two speakers whose labels would collide at the same hour."""
    khartoum = timezone(timedelta(hours=2))
    text = "20 dead. 45 dead. 52 dead. 58 dead. 50 dead. 51 dead."
    rows = [
        ("Ministry", "20", datetime(2025, 8, 12, 20, tzinfo=khartoum)),
        ("Ministry", "45", date(2025, 8, 13)),
        ("Ministry", "52", datetime(2025, 8, 14, 9, tzinfo=khartoum)),
        ("Ministry", "58", datetime(2025, 8, 14, 18, tzinfo=khartoum)),
        ("Civil Defence", "50", datetime(2025, 8, 14, 9, tzinfo=khartoum)),
        ("Civil Defence", "51", datetime(2025, 8, 14, 18, tzinfo=khartoum)),
    ]
    start = 0
    out = []
    for speaker, value, when in rows:
        start = text.index(value, start)
        out.append(dict(claim_id=f"w:{start}", doc_id="w", publisher="Wire", language="en",
                        speaker=speaker, speaker_text="", via="", measure="killed",
                        subject="people", subject_detail="", low=float(value),
                        high=float(value), qualifier="exact", polarity="asserted",
                        scope="event", value_text=value, start=start, end=start + 2,
                        sentence=text, event_date=date(2025, 8, 12), reported_at=when,
                        kind="casualty"))  # fmt: skip
        start += 2
    return pd.DataFrame(out).assign(group_id="k")


def test_timeline_mobile_labels_apart():
    fig = charts.plot_timeline(_toll_claims(), timezone="Africa/Khartoum", size="mobile")
    assert_chart_layout(fig)
    plt.close(fig)


def test_timeline_local_time_day_band_and_labels_apart():
    claims = _toll_claims()
    fig = charts.plot_timeline(claims, timezone="Africa/Khartoum", sources=[])
    ax = fig.axes[0]
    assert "Africa/Khartoum" in ax.get_xlabel() and "dated by day only" in ax.get_xlabel()
    band = [ln for ln in ax.get_lines() if ln.get_linewidth() >= 7]
    assert len(band) == 1  # the day-only statement is a band over 13 Aug, not a midnight dot
    start, end = (pd.Timestamp(x) for x in band[0].get_xdata())
    assert (start.hour, (end - start).total_seconds()) == (0, 86400)
    assert str(start.tz) in ("Africa/Khartoum", "UTC+02:00") or start.utcoffset().seconds == 7200
    dots = [ln for ln in ax.get_lines() if ln.get_marker() not in ("None", "") and
            len(ln.get_xdata()) == 1]  # fmt: skip
    noon = next(pd.Timestamp(ln.get_xdata()[0]) for ln in dots if ln.get_ydata()[0] == 45)
    assert noon.tz_convert("Africa/Khartoum").hour == 12
    labels = [a.get_text() for a in ax.texts if isinstance(a, Annotation) and a.get_text()]
    assert sorted(t.split(" · ")[0] for t in labels) == ["20", "45", "50", "51", "52", "58"]
    assert "58 · Ministry" in labels and "51 · Civil Defence" in labels  # named at line ends
    assert ax.get_legend() is None  # direct labels: no legend needed
    assert_chart_layout(fig)  # 50/52 and 51/58 are close: labels moved apart, none overprinted
    plt.close(fig)


def test_agreement_labels_true_distance_and_quiet_empty_cells(anbar):
    claims, comparison = anbar
    comparison = comparison.assign(best=[4.5, 7.0, 0.0])  # 15 is +233% from 4.5
    fig = charts.plot_agreement(comparison, claims)
    texts = _texts(fig)
    assert any(t.endswith("+233%") for t in texts)
    assert "—" not in texts and not any("///" in str(p.get_hatch()) for p in fig.axes[0].patches)
    cells = [t for t in fig.axes[0].texts]
    assert len(cells) == 4  # one label per figure given, nothing in empty cells
    plt.close(fig)


def test_arabic_labels_from_language_files(anbar_ar):
    claims, comparison = anbar_ar
    fig = charts.plot_discrepancies(comparison, claims, where="غارة الأنبار", labels="ar")
    texts = " ".join(_texts(fig))
    assert "من أعلن أي رقم" in texts and "الرقم المعلن" in texts and "المصادر مختلفة" in texts
    labels = [a.get_text() for a in _direct_labels(fig)]
    assert any(f"{FSI}القيادة المركزية الأميركية{PDI}" in t for t in labels)  # raw letters
    title = next(t for t in fig.texts if t.get_text().endswith("من أعلن أي رقم"))
    assert title.get_ha() == "right"  # right to left: titles start at the right edge
    assert_chart_layout(fig)
    plt.close(fig)


def test_french_labels(anbar):
    claims, comparison = anbar
    fig = charts.plot_discrepancies(comparison, claims, labels="fr")
    texts = " ".join(_texts(fig))
    assert "Qui a donné quel chiffre" in texts and "Les sources divergent" in texts
    assert "15 contre 14" in texts
    plt.close(fig)


def test_save_writes_2x_png_and_editable_svg(anbar, tmp_path):
    claims, comparison = anbar
    fig = charts.plot_discrepancies(comparison, claims)
    width_in = fig.get_size_inches()[0]
    paths = charts.save(fig, tmp_path / "c" / "killed")
    assert [p.name for p in paths] == ["killed.png", "killed.svg"]
    assert mpimg.imread(paths[0]).shape[1] == round(width_in * 100 * 2)  # 2x of 100 px/inch
    svg = paths[1].read_text()
    assert "<text" in svg and "Who gave which figure" in svg  # text, not outlines
    plt.close(fig)


def test_case_charts_have_mobile_variants(anbar, tmp_path):
    claims, comparison = anbar
    paths = charts.save_case_charts(comparison, claims, tmp_path, title="Anbar raid")
    names = sorted(p.name for p in paths)
    assert "discrepancies-mobile.png" in names and "agreement-mobile.svg" in names
    mobile = mpimg.imread(tmp_path / "discrepancies-mobile.png")
    assert mobile.shape[1] == 1200  # 600 CSS px at 2x


def test_unknown_measure_is_an_error(anbar):
    claims, comparison = anbar
    with pytest.raises(ValueError, match="arrested"):
        charts.plot_discrepancies(comparison, claims, measure="arrested")


def test_no_nan_reaches_a_label(hedged):
    claims, comparison = hedged
    fig = charts.plot_discrepancies(comparison, claims)
    assert not [t for t, _ in drawn_texts(fig) if "nan" in t.lower()]
    assert not math.isnan(fig.axes[0].get_xlim()[1])
    plt.close(fig)


def test_qualifier_words(anbar):
    claims, comparison = anbar
    fig = charts.plot_discrepancies(comparison, claims, labels="ar")
    assert any(t.startswith("لا أحد") or "لا أحد" in t for t in _texts(fig))
    assert str(Qualifier.NONE_REPORTED) == "none_reported"
    plt.close(fig)


def test_bundled_rising_toll_case_lays_out_cleanly():
    """The bundled flood case: many speakers, hedges, open bounds, a logarithmic panel, and
    a timeline with day-only statements; every drawn text stays apart and inside."""
    import factcheck
    from factcheck.align import align

    case = factcheck.load_case(factcheck.bundled_case("sudan-floods-2025-08"))
    claims = align(factcheck.extract(case))
    comparison = factcheck.compare(claims)
    common = dict(where=case.title, sources=case.documents, timezone=case.timezone)
    for fig in (
        charts.plot_discrepancies(comparison, claims, **common),
        charts.plot_timeline(claims, **common),
    ):
        assert_chart_layout(fig)
        plt.close(fig)
