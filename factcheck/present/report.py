"""One self-contained ``report.html``: the comparison, the charts and the sources side by side.

The page loads nothing from the network (charts are embedded PNGs, styles inline, no script;
a Content-Security-Policy forbids anything else) so it can be mailed, archived or opened
offline. Every piece of document text, speaker name and note is escaped with ``html.escape``:
a source that contains markup shows that markup as text.
"""

from __future__ import annotations

import base64
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from factcheck.model import Case, Claim, Document, Mention
from factcheck.present import groups as g
from factcheck.present import report_sections as sec
from factcheck.present.charts import CASE_CHARTS, plot_agreement, plot_discrepancies
from factcheck.present.export import write_exports
from factcheck.present.labels import Labels
from factcheck.present.labels import labels as load_labels
from factcheck.present.report_style import CSS
from factcheck.present.saving import MOBILE_SUFFIX
from factcheck.present.style import group_backgrounds, speaker_colors
from factcheck.present.timeline import changed_groups, plot_timeline
from factcheck.schema import claims_frame, mentions_frame

#: Resolution of the charts embedded in the page (smaller than saved PNGs: the file is mailed).
EMBED_DPI: Final = 110
#: The page may load nothing: images only from data: URLs, styles only inline, no script.
CSP: Final = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

ChartSpec = Mapping[str, Figure | str | Path] | Sequence[str | Path] | bool | None


def _made() -> datetime:
    """When the page was made: now, or ``SOURCE_DATE_EPOCH`` (seconds since 1970, the
    reproducible-builds convention) when set, so two runs give the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC)


def _documents(case_or_documents: Case | Iterable[Document]) -> tuple[str, list[Document]]:
    if isinstance(case_or_documents, Case):
        return case_or_documents.title, list(case_or_documents.documents)
    return "", list(case_or_documents)


def _frame(rows: pd.DataFrame | Iterable, build) -> pd.DataFrame:
    return rows if isinstance(rows, pd.DataFrame) else build(list(rows))


def _data_url(chart: Figure | str | Path) -> str:
    if isinstance(chart, Figure):
        buffer = io.BytesIO()
        chart.savefig(buffer, format="png", dpi=EMBED_DPI, facecolor="white")
        plt.close(chart)
        data, mime = buffer.getvalue(), "image/png"
    else:
        path = Path(chart)
        data = path.read_bytes()
        mime = "image/svg+xml" if path.suffix.lower() == ".svg" else "image/png"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _chart_images(charts: ChartSpec, comparison, claims, draw: dict) -> list[tuple[str, str, str]]:
    """(caption, data URL, data URL of the mobile variant or "") of each chart to embed."""
    lab = draw["labels"]
    if charts is True and not comparison.empty:
        stems = ["discrepancies", "agreement"] + (["timeline"] if changed_groups(claims) else [])
        plots = {"discrepancies": lambda **k: plot_discrepancies(comparison, claims, **k),
                 "agreement": lambda **k: plot_agreement(comparison, claims, **k),
                 "timeline": lambda **k: plot_timeline(claims, **k)}  # fmt: skip
        return [
            (lab(CASE_CHARTS[st]), _data_url(plots[st](size="desk", **draw)),
             _data_url(plots[st](size="mobile", **draw)))
            for st in stems
        ]  # fmt: skip
    if charts is True or not charts:
        return []
    if isinstance(charts, Sequence) and not isinstance(charts, str):
        files = [Path(p) for p in charts]
        pngs = {p.stem for p in files if p.suffix.lower() == ".png"}
        chosen = [p for p in files if p.suffix.lower() == ".png" or p.stem not in pngs]
        by_stem = {p.stem: p for p in chosen}
        out = []
        for p in chosen:
            if p.stem.endswith(MOBILE_SUFFIX) and p.stem[: -len(MOBILE_SUFFIX)] in by_stem:
                continue  # embedded with its desk chart
            mobile = by_stem.get(p.stem + MOBILE_SUFFIX)
            key = CASE_CHARTS.get(p.stem)
            caption = lab(key) if key else p.stem.replace("_", " ")
            out.append((caption, _data_url(p), _data_url(mobile) if mobile else ""))
        return out
    return [(str(cap), _data_url(chart), "") for cap, chart in charts.items()]


def _figure_html(caption: str, url: str, mobile: str) -> str:
    source = f'<source media="(max-width: 700px)" srcset="{mobile}">' if mobile else ""
    return (
        f'<figure><picture>{source}<img alt="{sec.e(caption)}" src="{url}"></picture>'
        f"<figcaption>{sec.e(caption)}</figcaption></figure>"
    )


def render_report(
    case_or_documents: Case | Iterable[Document],
    claims: pd.DataFrame | Iterable[Claim],
    comparison: pd.DataFrame,
    mentions: pd.DataFrame | Iterable[Mention] | None = None,
    charts: ChartSpec = True,
    *,
    title: str | None = None,
    labels: str | Labels | None = None,
) -> str:
    """The report as one HTML string (see :func:`write_report`)."""
    where, documents = _documents(case_or_documents)
    lab = load_labels(labels)
    zone = case_or_documents.timezone if isinstance(case_or_documents, Case) else None
    claims = _frame(claims, claims_frame)
    if mentions is not None:
        mentions = _frame(mentions, mentions_frame)
    heading = title or where or lab("report_title")
    looks = speaker_colors(claims)
    by_group = g.group_claims(comparison, claims)
    group_of = {str(cid): gid for gid, sub in by_group.items() for cid in sub["claim_id"]}
    backgrounds = group_backgrounds(comparison["group_id"].astype(str))
    draw = dict(where=title or where, colors=looks, labels=lab, sources=documents, timezone=zone)
    figures = "".join(
        _figure_html(*chart) for chart in _chart_images(charts, comparison, claims, draw)
    )
    verdicts = ", ".join(
        f'<span data-code="{sec.e(v)}">{n} {sec.e(lab.word("verdicts", v))}</span>'
        for v, n in comparison["verdict"].astype(str).value_counts().items()
    )
    made = lab("made", time=_made().strftime("%Y-%m-%d %H:%M UTC"))
    summary = lab("summary", documents=len(documents), claims=len(claims),
                  groups=len(comparison), verdicts="\x00")  # fmt: skip
    summary = sec.e(summary).replace("\x00", verdicts or sec.e(lab("none")))
    direction = "rtl" if lab.rtl else "ltr"
    return f"""<!DOCTYPE html>
<html lang="{lab.code}" dir="{direction}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{sec.e(heading)}</title><style>{CSS}</style></head>
<body><h1 dir="auto">{sec.e(heading)}</h1>
<p class="summary">{summary} {sec.e(made)}</p>
<section id="comparison"><h2>{sec.e(lab("comparison"))}</h2>
{sec.comparison_table(comparison, by_group, looks, backgrounds, lab, zone)}</section>
<section id="charts"><h2>{sec.e(lab("charts"))}</h2>
{figures or f"<p class='none'>{sec.e(lab('no_chart'))}</p>"}</section>
<section id="documents"><h2>{sec.e(lab("documents"))}</h2>
<p class="hint">{sec.e(lab("hint"))}</p>
{sec.documents_html(documents, claims, group_of, backgrounds, mentions, lab, zone)}</section>
<section id="claims"><details><summary>{sec.e(lab("all_claims", n=len(claims)))}</summary>
{sec.claims_table(claims, lab)}</details></section>
</body></html>
"""


def write_report(
    out_dir: str | Path,
    case_or_documents: Case | Iterable[Document],
    claims: pd.DataFrame | Iterable[Claim],
    comparison: pd.DataFrame,
    mentions: pd.DataFrame | Iterable[Mention] | None = None,
    charts: ChartSpec = True,
    *,
    title: str | None = None,
    exports: bool = True,
    raw_csv: bool = False,
    labels: str | Labels | None = None,
) -> Path:
    """Write ``out_dir/report.html`` (and, with ``exports``, summary.md, claimreview.jsonld
    and ucdp.csv, its text cells neutralised against spreadsheet formulas unless ``raw_csv``);
    returns the report's path.

    ``charts``: True draws the discrepancy, agreement and (when a figure changed) timeline
    charts (each with its mobile variant, shown below 700 px); a mapping caption -> Figure or
    PNG/SVG path, or a list of chart files (as :func:`save_case_charts` returns), embeds
    those; False embeds none. ``labels`` (en, fr, ar) is the language of every heading, word
    and chart; Arabic lays the page out right to left.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    documents = (
        list(case_or_documents.documents)
        if isinstance(case_or_documents, Case)
        else list(case_or_documents)
    )
    source = case_or_documents if isinstance(case_or_documents, Case) else documents
    claims = _frame(claims, claims_frame)
    page = render_report(source, claims, comparison, mentions, charts, title=title, labels=labels)
    path = out / "report.html"
    path.write_text(page, encoding="utf-8")
    if exports:
        where = title or (case_or_documents.title if isinstance(case_or_documents, Case) else "")
        write_exports(out, comparison, claims, documents, title=where, raw_csv=raw_csv)
    return path
