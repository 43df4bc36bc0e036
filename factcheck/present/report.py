"""One self-contained ``report.html``: the comparison, the charts and the sources side by side.

The page loads nothing from the network (charts are embedded PNGs, styles inline, no script;
a Content-Security-Policy forbids anything else) so it can be mailed, archived or opened
offline. Every piece of document text, speaker name and note is escaped (``highlight.escape``:
html.escape, and Unicode bidi controls left out):
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
from factcheck.present.charts import CASE_CHARTS, plot_agreement, plot_discrepancies
from factcheck.present.export import write_exports
from factcheck.present.highlight import Mark, escape, highlight, safe_id
from factcheck.present.report_style import CSS, MARKER_GLYPHS
from factcheck.present.style import VERDICT_COLORS, group_backgrounds, isolate, speaker_colors
from factcheck.present.timeline import changed_groups, plot_timeline
from factcheck.schema import claims_frame, mentions_frame
from factcheck.when import moment_text

#: Resolution of the charts embedded in the page (smaller than saved PNGs: the file is mailed).
EMBED_DPI: Final = 110
#: The page may load nothing: images only from data: URLs, styles only inline, no script.
CSP: Final = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

ChartSpec = Mapping[str, Figure | str | Path] | Sequence[str | Path] | bool | None


def _e(value: object) -> str:
    return "" if g.is_missing(value) else escape(str(value))


def _made() -> datetime:
    """When the page was made: now, or ``SOURCE_DATE_EPOCH`` (seconds since 1970, the
    reproducible-builds convention) when set, so two runs give the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC)


def _documents(case_or_documents: Case | Iterable[Document]) -> tuple[str, list[Document]]:
    if isinstance(case_or_documents, Case):
        return case_or_documents.title or case_or_documents.id, list(case_or_documents.documents)
    return "", list(case_or_documents)


def _frame(rows: pd.DataFrame | Iterable, build) -> pd.DataFrame:
    return rows if isinstance(rows, pd.DataFrame) else build(list(rows))


def _chart_images(charts: ChartSpec, comparison, claims, where: str) -> list[tuple[str, str]]:
    """(caption, data URL) of each chart to embed."""
    if charts is True and not comparison.empty:
        charts = {CASE_CHARTS["discrepancies"]: plot_discrepancies(comparison, claims, where=where)}
        charts[CASE_CHARTS["agreement"]] = plot_agreement(comparison, claims, where=where)
        if changed_groups(claims):
            charts[CASE_CHARTS["timeline"]] = plot_timeline(claims, where=where)
    if charts is True:
        charts = {}
    if isinstance(charts, Sequence) and not isinstance(charts, str):
        files = [Path(p) for p in charts]
        pngs = {p.stem for p in files if p.suffix.lower() == ".png"}
        charts = {
            CASE_CHARTS.get(p.stem, p.stem.replace("_", " ")): p
            for p in files
            if p.suffix.lower() == ".png" or p.stem not in pngs
        }
    out = []
    for caption, chart in (charts or {}).items():
        if isinstance(chart, Figure):
            buffer = io.BytesIO()
            chart.savefig(buffer, format="png", dpi=EMBED_DPI, facecolor="white")
            plt.close(chart)
            data, mime = buffer.getvalue(), "image/png"
        else:
            path = Path(chart)
            data = path.read_bytes()
            mime = "image/svg+xml" if path.suffix.lower() == ".svg" else "image/png"
        out.append((caption, f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"))
    return out


def _speaker_badge(speaker: str, looks) -> str:
    look = looks.get(speaker)
    if look is None:
        return ""
    glyph = MARKER_GLYPHS.get(look.marker, "●")
    return f'<span class="dot" style="color:{look.color}">{glyph}</span>'


def _comparison_table(comparison, by_group, looks, backgrounds) -> str:
    if comparison.empty:
        return "<p class='none'>No aligned group of figures.</p>"
    extra = [c for c in ("reason", "n_independent") if c in comparison.columns]
    head = "".join(f"<th>{h}</th>" for h in
                   ["Group", "Date", "Figures by source", "Low", "Best", "High", "Verdict",
                    "Note", *(c.replace("_", " ") for c in extra)])  # fmt: skip
    rows = []
    for _, row in comparison.iterrows():
        gid = str(row["group_id"])
        figures = []
        for _, c in by_group[gid].iterrows():
            via = _e(c.get("via"))
            via = f' <span class="via">via <bdi>{via}</bdi></span>' if via else ""
            figure = g.figure_text(c["low"], c["high"], str(c["qualifier"]))
            figures.append(
                f'<li>{_speaker_badge(str(c["speaker"]), looks)}<a href="#'
                f'{safe_id("claim", str(c["claim_id"]))}"><bdi>{_e(c["speaker"])}</bdi></a>{via}: '
                f"<b>{_e(figure)}</b></li>"
            )
        verdict = str(row["verdict"])
        cells = [  # one <td> per column of ``head``
            f'<td class="group" style="border-left:6px solid {backgrounds[gid]}">'
            f"{_e(g.group_label(row, isolate))}</td>",
            f"<td>{_e(g.date_label(row.get('event_date')))}</td>",
            f"<td class='figures'><ul>{''.join(figures)}</ul></td>",
            *(f'<td class="num">{_e(g.figure_text(row[k], row[k]))}</td>'
              if not g.is_missing(row[k]) else '<td class="num">open</td>'
              for k in ("low", "best", "high")),
            f'<td><span class="verdict" style="background:{VERDICT_COLORS.get(verdict, "#999")}'
            f'">{_e(verdict.replace("_", " "))}</span><br><small>{_e(row.get("policy"))}</small>'
            "</td>",
            f"<td class='note' dir='ltr'>{_e(row.get('note'))}</td>",
            *(f"<td>{_e(row.get(c))}</td>" for c in extra),
        ]  # fmt: skip
        rows.append(f'<tr id="{safe_id("row", gid)}">{"".join(cells)}</tr>')
    body = "".join(rows)
    return (
        f"<div class='scroll'><table class='comparison'><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table></div>"
    )


def _doc_marks(doc, claims, group_of, backgrounds, mentions) -> list[Mark]:
    marks = []
    for _, c in claims[claims["doc_id"].astype(str) == doc.id].iterrows():
        cid, gid = str(c["claim_id"]), group_of.get(str(c["claim_id"]))
        via = f", via {c['via']}" if str(c.get("via") or "") else ""
        tip = (f"{c['speaker']}{via}: {g.figure_text(c['low'], c['high'], str(c['qualifier']))}"
               f" — {c['measure']} {c['subject']}")  # fmt: skip
        marks.append(Mark(int(c["start"]), int(c["end"]), "claim" if gid else "claim unaligned",
                          anchor=safe_id("claim", cid),
                          href=f"#{safe_id('row', gid)}" if gid else "", tip=tip,
                          background=backgrounds.get(gid, "")))  # fmt: skip
    if mentions is not None and len(mentions):
        others = mentions[
            (mentions["doc_id"].astype(str) == doc.id) & (mentions["role"] != "claim")
        ]
        for _, m in others.iterrows():
            tip = f"{m['role']}: {m['reason']}" if _e(m.get("reason")) else str(m["role"])
            marks.append(Mark(int(m["start"]), int(m["end"]), "mention", tip=tip))
    return marks


def _documents_html(documents, claims, group_of, backgrounds, mentions) -> str:
    out = []
    for doc in documents:
        rtl = doc.language == "ar"
        direction = "rtl" if rtl else ("auto" if doc.language in ("", "auto") else "ltr")
        when = moment_text(doc.published)
        body = highlight(doc, _doc_marks(doc, claims, group_of, backgrounds, mentions))
        out.append(
            f'<article class="doc" id="{safe_id("doc", doc.id)}" lang="{_e(doc.language)}" '
            f'dir="{direction}"><header dir="ltr"><b><bdi>{_e(doc.publisher)}</bdi></b> '
            f"<small>{_e(doc.id)} · {_e(doc.language)} · {_e(when)}</small></header>"
            f"{body}</article>"
        )
    return f'<div class="docs">{"".join(out)}</div>'


def _claims_table(claims: pd.DataFrame) -> str:
    cols = ["claim_id", "speaker", "speaker_text", "via", "measure", "subject",
            "subject_detail", "value_text", "qualifier", "scope", "reported_at"]  # fmt: skip
    cols = [c for c in cols if c in claims.columns]
    head = "".join(f"<th>{_e(c)}</th>" for c in cols)
    body = "".join(
        "<tr>" + "".join(f'<td dir="auto">{_e(r[c])}</td>' for c in cols) + "</tr>"
        for _, r in claims.iterrows()
    )
    return (
        f"<div class='scroll'><table class='claims'><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table></div>"
    )


def render_report(
    case_or_documents: Case | Iterable[Document],
    claims: pd.DataFrame | Iterable[Claim],
    comparison: pd.DataFrame,
    mentions: pd.DataFrame | Iterable[Mention] | None = None,
    charts: ChartSpec = True,
    *,
    title: str | None = None,
) -> str:
    """The report as one HTML string (see :func:`write_report`)."""
    where, documents = _documents(case_or_documents)
    claims = _frame(claims, claims_frame)
    if mentions is not None:
        mentions = _frame(mentions, mentions_frame)
    heading = title or where or "Comparison of figures"
    looks = speaker_colors(claims)
    by_group = g.group_claims(comparison, claims)
    group_of = g.group_of_claim(comparison, claims)
    backgrounds = group_backgrounds(comparison["group_id"].astype(str))
    figures = "".join(
        f'<figure><img alt="{_e(cap)}" src="{url}"><figcaption>{_e(cap)}</figcaption></figure>'
        for cap, url in _chart_images(charts, comparison, claims, where)
    )
    verdicts = ", ".join(
        f"{n} {_e(v.replace('_', ' '))}"
        for v, n in comparison["verdict"].astype(str).value_counts().items()
    )
    made = _made().strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(heading)}</title><style>{CSS}</style></head>
<body><h1 dir="auto">{_e(heading)}</h1>
<p class="summary">{len(documents)} documents, {len(claims)} claims, {len(comparison)} aligned
groups: {verdicts or "none"}. Made {made}.</p>
<section id="comparison"><h2>Comparison</h2>
{_comparison_table(comparison, by_group, looks, backgrounds)}</section>
<section id="charts"><h2>Charts</h2>{figures or "<p class='none'>No chart.</p>"}</section>
<section id="documents"><h2>Sources side by side</h2>
<p class="hint">Each highlighted figure is a claim, coloured by its group; click it to reach
its row in the comparison. Dotted underlines are numbers that are not claims (dates, times,
names).</p>
{_documents_html(documents, claims, group_of, backgrounds, mentions)}</section>
<section id="claims"><details><summary>All {len(claims)} claims</summary>
{_claims_table(claims)}</details></section>
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
) -> Path:
    """Write ``out_dir/report.html`` (and, with ``exports``, summary.md, claimreview.jsonld
    and ucdp.csv, its text cells neutralised against spreadsheet formulas unless ``raw_csv``);
    returns the report's path.

    ``charts``: True draws the discrepancy, agreement and (when a figure changed) timeline
    charts; a mapping caption -> Figure or PNG/SVG path embeds those; False embeds none.
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
    page = render_report(source, claims, comparison, mentions, charts, title=title)
    path = out / "report.html"
    path.write_text(page, encoding="utf-8")
    if exports:
        where = title or (case_or_documents.title if isinstance(case_or_documents, Case) else "")
        write_exports(out, comparison, claims, documents, title=where, raw_csv=raw_csv)
    return path
