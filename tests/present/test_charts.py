"""Charts: what they draw, that every glyph exists (English and Arabic), that files are written."""

from __future__ import annotations

import io
import logging
import warnings

import matplotlib.pyplot as plt
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Annotation

from factcheck.present import charts
from factcheck.present.style import FSI, PDI, speaker_colors


def _render(fig: Figure) -> None:
    """Draw to PNG and SVG in memory (glyph problems show up at draw time)."""
    for fmt in ("png", "svg"):
        fig.savefig(io.BytesIO(), format=fmt)
    plt.close(fig)


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]


@pytest.mark.parametrize("fixture", ["anbar", "anbar_ar", "hedged"])
def test_no_missing_glyphs(fixture, request, caplog):
    claims, comparison = request.getfixturevalue(fixture)
    where = "غارة الأنبار" if fixture == "anbar_ar" else "Anbar raid"
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.DEBUG):
        warnings.simplefilter("always")
        _render(charts.plot_discrepancies(comparison, claims, where=where))
        _render(charts.plot_agreement(comparison, claims, where=where))
        _render(charts.plot_timeline(claims, where=where))
    messages = [str(w.message) for w in caught] + [r.getMessage() for r in caplog.records]
    assert not [m for m in messages if "missing from" in m or "Glyph" in m], messages


def test_discrepancy_title_says_what_and_where(anbar):
    claims, comparison = anbar
    fig = charts.plot_discrepancies(comparison, claims, where="Anbar raid")
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert "Killed militants (ISIS) — Anbar raid, 29 Aug 2024: 15 vs 14" in titles
    assert any("15 vs 14 (gap 1)" in t for t in _texts(fig))
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "unnamed sources, via Associated Press" in legend
    plt.close(fig)


def test_arabic_labels_are_raw_and_isolated(anbar_ar):
    claims, comparison = anbar_ar
    fig = charts.plot_discrepancies(comparison, claims, where="غارة الأنبار")
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert f"{FSI}القيادة المركزية الأميركية{PDI}" in legend  # no reshaping: the letters as written
    plt.close(fig)


def test_speaker_looks_are_the_same_in_every_chart(rising):
    looks = speaker_colors(rising)
    fig = charts.plot_timeline(rising)
    lines = {
        ln.get_label(): ln for ln in fig.axes[0].get_lines() if not ln.get_label().startswith("_")
    }
    for speaker, line in lines.items():
        assert line.get_color() == looks[speaker].color
        assert line.get_marker() == looks[speaker].marker
    assert len({(look.color, look.marker) for look in looks.values()}) == len(looks)
    plt.close(fig)


def test_open_bounds_are_arrows_and_hedges_intervals(hedged):
    claims, comparison = hedged
    fig = charts.plot_discrepancies(comparison, claims)
    arrows = [a for a in fig.findobj(Annotation) if a.arrow_patch is not None]
    assert len(arrows) == 2  # at least 12 (right), up to 11 (left)
    assert "5 figures, 10–13" in fig.axes[0].get_title(loc="left")
    plt.close(fig)


def test_timeline_only_groups_that_changed(rising, anbar):
    fig = charts.plot_timeline(rising, where="Flood")
    assert len([ax for ax in fig.axes]) == 1
    assert fig.axes[0].get_title(loc="left").endswith("5 → ≥ 20")
    plt.close(fig)
    fig = charts.plot_timeline(anbar[0])
    assert "No figure changed between reports" in _texts(fig)
    plt.close(fig)


def test_save_writes_png_and_svg(anbar, tmp_path):
    claims, comparison = anbar
    paths = charts.save(charts.plot_discrepancies(comparison, claims), tmp_path / "c" / "killed")
    assert [p.name for p in paths] == ["killed.png", "killed.svg"]
    assert paths[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in paths[1].read_text()


def test_unknown_measure_is_an_error(anbar):
    claims, comparison = anbar
    with pytest.raises(ValueError, match="arrested"):
        charts.plot_discrepancies(comparison, claims, measure="arrested")
