"""The sections of the HTML report: the comparison (a table on a desk, cards on a phone), the
sources side by side with every claim highlighted, and the list of all claims.

Every code (verdict, reason, independence) is shown in words from the labels files and kept
in a ``data-code`` attribute for scripts and tests. Every piece of text from a document is
escaped with ``highlight.escape`` (html.escape; no raw bidi control).
"""

from __future__ import annotations

import json
import math
from datetime import datetime

import pandas as pd

from factcheck.model import Document
from factcheck.present import groups as g
from factcheck.present.highlight import Mark, escape, highlight, safe_id
from factcheck.present.labels import Labels
from factcheck.present.report_style import MARKER_GLYPHS
from factcheck.present.style import VERDICT_COLORS, isolate
from factcheck.when import DayPart, parse_moment


def e(value: object) -> str:
    """Escaped text ("" for a missing value)."""
    return "" if g.is_missing(value) else escape(str(value))


def speaker_badge(speaker: str, looks) -> str:
    look = looks.get(speaker)
    if look is None:
        return ""
    glyph = MARKER_GLYPHS.get(look.marker, "●")
    return f'<span class="dot" aria-hidden="true" style="color:{look.color}">{glyph}</span>'


def when_text(value: object, lab: Labels, zone: str | None) -> str:
    """A report time in the case's zone, in words: "31 Aug 2024, 04:30"; a day alone: the day."""
    if g.is_missing(value) or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = parse_moment(value) if "/" in value else datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, DayPart):  # a part of a day: its hours, never one minute
        start, end = (_local(t, zone) for t in (value.start, value.end))
        return f"{lab.date(start.date())}, {start:%H:%M}–{end:%H:%M}"
    if isinstance(value, datetime):
        if zone and value.tzinfo is not None:
            from zoneinfo import ZoneInfo

            value = value.astimezone(ZoneInfo(zone))
        return lab.date(value, with_time=True)
    return lab.date(value)


def _local(moment: datetime, zone: str | None) -> datetime:
    """``moment`` in the case's zone when both are known."""
    if zone and moment.tzinfo is not None:
        from zoneinfo import ZoneInfo

        return moment.astimezone(ZoneInfo(zone))
    return moment


def note_text(row: pd.Series, lab: Labels) -> str:
    """The row's note: the comparison's own (English) note, or for another language the
    verdict and reasons in that language's words."""
    if lab.code == "en":
        return "" if g.is_missing(row.get("note")) else str(row.get("note"))
    codes = [c for c in str(row.get("reasons") or row.get("reason") or "").split(",") if c]
    words = [lab.word("verdicts", row.get("verdict"))] + [lab.word("reasons", c) for c in codes]
    return ". ".join(dict.fromkeys(words)) + "."


def _figure_item(c: pd.Series, looks, lab: Labels, zone: str | None) -> str:
    via = e(c.get("via"))
    via = f' <span class="via">{e(lab("via_word"))} <bdi>{via}</bdi></span>' if via else ""
    figure = g.figure_text(c["low"], c["high"], str(c["qualifier"]), lab)
    where = f"<bdi>{e(c.get('publisher'))}</bdi> · {e(c.get('doc_id'))}"
    when = when_text(c.get("reported_at"), lab, zone)
    source = f'<span class="src">{where}{" · " + e(when) if when else ""}</span>'
    denied = ' class="denied"' if str(c.get("polarity", "")) == "denied" else ""
    return (
        f"<li{denied}>{speaker_badge(str(c['speaker']), looks)}"
        f'<a href="#{safe_id("claim", str(c["claim_id"]))}"><bdi>{e(c["speaker"])}</bdi></a>'
        f"{via}: <b>{e(figure)}</b> {source}</li>"
    )


def comparison_table(comparison, by_group, looks, backgrounds, lab: Labels, zone=None) -> str:
    """The comparison: one row per group; below 700 px wide each row becomes a card whose
    cells carry their column name (``data-label``)."""
    if comparison.empty:
        return f"<p class='none'>{e(lab('no_groups'))}</p>"
    keys = ["group", "date", "figures", "low", "best", "high", "verdict", "note"]
    keys += [k for k, col in (("reason", "reason"), ("independence", "n_independent"))
             if col in comparison.columns]  # fmt: skip
    names = {k: lab(f"headers.{k}") for k in keys}
    head = "".join(f"<th>{e(names[k])}</th>" for k in keys)
    rows = []
    for _, row in comparison.iterrows():
        gid = str(row["group_id"])
        figures = "".join(_figure_item(c, looks, lab, zone) for _, c in by_group[gid].iterrows())
        verdict = str(row["verdict"])
        cells = {
            "group": (f'<td class="group" style="border-inline-start:6px solid '
                      f'{backgrounds[gid]}">{e(g.group_label(row, isolate, lab))}</td>'),
            "date": f"<td>{e(g.date_label(row.get('event_date'), lab))}</td>",
            "figures": f"<td class='figures'><ul>{figures}</ul></td>",
            "verdict": (f'<td><span class="verdict" data-code="{e(verdict)}" style="background:'
                        f'{VERDICT_COLORS.get(verdict, "#666")}">'
                        f"{e(lab.word('verdicts', verdict))}</span><br>"
                        f'<small data-code="{e(row.get("policy"))}">'
                        f"{e(lab.word('policies', row.get('policy')))}</small></td>"),
            "note": f"<td class='note' dir='auto'>{e(note_text(row, lab))}</td>",
        }  # fmt: skip
        for k in ("low", "best", "high"):
            value = row[k]
            text = g.figure_text(value, value) if not g.is_missing(value) else lab("open")
            cells[k] = f'<td class="num">{e(text)}</td>'
        if "reason" in keys:
            code = "" if g.is_missing(row.get("reason")) else str(row.get("reason"))
            cells["reason"] = f'<td data-code="{e(code)}">{e(lab.word("reasons", code))}</td>'
        if "independence" in keys:
            n = row.get("n_independent")
            n = "" if g.is_missing(n) else int(n)
            cells["independence"] = f'<td data-code="{n}">{e(lab("independent", n=n))}</td>'
        body = "".join(cells[k].replace("<td", f'<td data-label="{e(names[k])}"', 1) for k in keys)
        rows.append(f'<tr id="{safe_id("row", gid)}">{body}</tr>')
    return (
        f"<table class='comparison cards'><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _spans(value: object) -> list[tuple[int, int]]:
    """The ``also_at`` spans of a claim: a JSON list as written in claims.csv, or a list."""
    if g.is_missing(value) or value == "":
        return []
    data = json.loads(value) if isinstance(value, str) else value
    return [(int(a), int(b)) for a, b in data]


def _doc_marks(doc: Document, claims, group_of, backgrounds, mentions, lab: Labels) -> list[Mark]:
    marks = []
    for _, c in claims[claims["doc_id"].astype(str) == doc.id].iterrows():
        cid, gid = str(c["claim_id"]), group_of.get(str(c["claim_id"]))
        via = f", via {c['via']}" if str(c.get("via") or "") else ""
        figure = g.figure_text(c["low"], c["high"], str(c["qualifier"]), lab)
        tip = f"{c['speaker']}{via}: {figure} — {g.group_label(c, str, lab)}"
        css = "claim" if gid else "claim unaligned"
        href = f"#{safe_id('row', gid)}" if gid else ""
        background = backgrounds.get(gid, "")
        marks.append(Mark(int(c["start"]), int(c["end"]), css, anchor=safe_id("claim", cid),
                          href=href, tip=tip, background=background))  # fmt: skip
        repeats = _spans(c.get("also_at")) if "also_at" in claims.columns else []
        for start, end in repeats:  # the same figure stated again: highlighted each time
            again = f"{tip} ({lab('repeated', n=len(repeats) + 1)})"
            marks.append(Mark(start, end, f"{css} repeat", href=href, tip=again,
                              background=background))  # fmt: skip
    if mentions is not None and len(mentions):
        others = mentions[
            (mentions["doc_id"].astype(str) == doc.id) & (mentions["role"] != "claim")
        ]
        for _, m in others.iterrows():
            tip = f"{m['role']}: {m['reason']}" if e(m.get("reason")) else str(m["role"])
            marks.append(Mark(int(m["start"]), int(m["end"]), "mention", tip=tip))
    return marks


def documents_html(documents, claims, group_of, backgrounds, mentions, lab: Labels, zone) -> str:
    out = []
    for doc in documents:
        rtl = doc.language == "ar"
        direction = "rtl" if rtl else ("auto" if doc.language in ("", "auto") else "ltr")
        when = when_text(doc.published, lab, zone)
        body = highlight(doc, _doc_marks(doc, claims, group_of, backgrounds, mentions, lab))
        out.append(
            f'<article class="doc" id="{safe_id("doc", doc.id)}" lang="{e(doc.language)}" '
            f'dir="{direction}"><header dir="auto"><b><bdi>{e(doc.publisher)}</bdi></b> '
            f"<small><bdi>{e(doc.id)}</bdi> · {e(doc.language)} · {e(when)}</small></header>"
            f"{body}</article>"
        )
    return f'<div class="docs">{"".join(out)}</div>'


def claims_table(claims: pd.DataFrame, lab: Labels) -> str:
    cols = ["claim_id", "speaker", "speaker_text", "via", "measure", "subject",
            "subject_detail", "value_text", "qualifier", "scope", "reported_at"]  # fmt: skip
    cols = [c for c in cols if c in claims.columns]
    head = "".join(f"<th>{e(lab(f'claims_headers.{c}'))}</th>" for c in cols)
    body = "".join(
        "<tr>" + "".join(f'<td dir="auto">{e(_plain(r[c]))}</td>' for c in cols) + "</tr>"
        for _, r in claims.iterrows()
    )
    return (
        f"<div class='scroll'><table class='claims'><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table></div>"
    )


def _plain(value: object) -> object:
    return "" if isinstance(value, float) and math.isnan(value) else value
