"""Exports of a comparison for other tools: Markdown, ClaimReview JSON-LD, UCDP-style CSV.

- Markdown: a summary a fact-checker pastes into a draft or a ticket.
- ClaimReview (https://schema.org/ClaimReview): one review per aligned group; the reviewed
  ``Claim`` names every claimant (``author``) and every document it appeared in
  (``appearance``). Search engines and fact-check databases read this format.
- UCDP-style CSV: one row per group with ``low``, ``best`` and ``high`` as in the Uppsala
  Conflict Data Program's event data, plus the claims that set each of the three.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

import pandas as pd

from factcheck.model import Document
from factcheck.present import groups as g
from factcheck.present.csvsafe import to_csv
from factcheck.present.highlight import BIDI_EMBEDDINGS, BIDI_ISOLATES

#: What each verdict means, for the ClaimReview rating and the Markdown summary.
VERDICT_TEXT: Mapping[str, str] = {
    "agree": "Sources agree",
    "compatible": "Sources compatible (figures overlap)",
    "discrepant": "Sources disagree",
    "single_source": "Single source, not corroborated",
    "updated": "Figure updated over time (the latest stands)",
}
#: Columns of the UCDP-style CSV, in order.
UCDP_COLUMNS: tuple[str, ...] = (
    "group_id", "event_date", "measure", "subject", "subject_detail",
    "low", "best", "high", "verdict", "policy", "n_sources", "speakers", "publishers",
    "low_set_by", "best_set_by", "high_set_by", "note", "measure_detail",
)  # fmt: skip


#: Markdown and HTML syntax a document's text must not bring into the summary: a backslash
#: first (it escapes the others), link brackets, and the HTML that renderers pass through.
_MARKDOWN_ESCAPES: Final = (("\\", "\\\\"), ("[", "\\["), ("]", "\\]"), ("&", "&amp;"),
                            ("<", "&lt;"), (">", "&gt;"))  # fmt: skip
#: Characters written as JSON escapes in JSON-LD, so it can be pasted into a <script> element.
_JSON_SCRIPT_ESCAPES: Final = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))


def _inline(value: Any) -> str:
    """Document text made inert in Markdown: no raw HTML, no links, on one line, and no bidi
    control (U+202A–U+202E, U+2066–U+2069: left out, as in report.html, where only a
    balanced isolate survives as ``<bdi>``, which Markdown cannot carry once HTML is escaped).

    >>> _inline("\u202e12\u202c killed, \u2067داعش\u2069 said")
    '12 killed, داعش said'
    """
    text = BIDI_ISOLATES.sub("", BIDI_EMBEDDINGS.sub("", str(value))).replace("\n", " ")
    for char, escaped in _MARKDOWN_ESCAPES:
        text = text.replace(char, escaped)
    return text


def _cell(value: Any) -> str:
    """Text for a Markdown table cell: missing -> '', pipes, newlines, HTML and links made
    harmless."""
    if g.is_missing(value):
        return ""
    return _inline(value).replace("|", "\\|")


def _figures(row: pd.Series, claims: pd.DataFrame | None) -> str:
    if claims is not None and len(claims):
        return "; ".join(
            f"{c['speaker']}"
            + (f" (via {c['via']})" if str(c.get("via") or "") else "")
            + f": {g.figure_text(c['low'], c['high'], str(c['qualifier']))}"
            for _, c in claims.iterrows()
        )
    return "; ".join(
        f"{s}: {g.figure_text(lo, hi)}" for s, (lo, hi) in g.parse_figures(row["figures"]).items()
    )


def to_markdown(
    comparison: pd.DataFrame, claims: pd.DataFrame | None = None, title: str = ""
) -> str:
    """A Markdown summary: one table row per aligned group, with the figures and the verdict."""
    by_group = g.group_claims(comparison, claims) if claims is not None else {}
    lines = [f"# {_inline(title or 'Comparison of figures')}", ""]
    counts = comparison["verdict"].astype(str).value_counts()
    lines.append(", ".join(f"{n} {v.replace('_', ' ')}" for v, n in counts.items()) + ".")
    lines += ["", "| group | date | figures | low | best | high | verdict | note |",
              "|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for _, row in comparison.iterrows():
        cells = [
            g.group_label(row), g.date_label(row.get("event_date")),
            _figures(row, by_group.get(str(row["group_id"]))),
            g.figure_text(row["low"], row["low"]) if not g.is_missing(row["low"]) else "",
            g.figure_text(row["best"], row["best"]) if not g.is_missing(row["best"]) else "",
            g.figure_text(row["high"], row["high"]) if not g.is_missing(row["high"]) else "open",
            str(row["verdict"]).replace("_", " "), row.get("note"),
        ]  # fmt: skip
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def set_by(row: pd.Series, claims: pd.DataFrame) -> dict[str, list[str]]:
    """The claim ids that set a group's low, best and high figures.

    Uses the comparison's ``set_by`` extension (JSON object with keys low/best/high) when
    present; otherwise the claims whose low (high) equals the group's low (high), an open
    bound setting an open high, and the claims whose interval holds the best figure.
    """
    given = row.get("set_by")
    if not g.is_missing(given):
        try:
            data = json.loads(str(given)) if not isinstance(given, Mapping) else given
            if isinstance(data, Mapping):
                return {k: g.parse_list(data.get(k)) for k in ("low", "best", "high")}
        except json.JSONDecodeError:
            pass
    low, high, best = g.num(row["low"]), g.num(row["high"]), g.num(row["best"])
    out: dict[str, list[str]] = {"low": [], "best": [], "high": []}
    for _, c in claims.iterrows():
        lo, hi, cid = g.num(c["low"]), g.num(c["high"]), str(c["claim_id"])
        if lo == low or (math.isnan(lo) and math.isnan(low)):
            out["low"].append(cid)
        if hi == high or (math.isnan(hi) and math.isnan(high)):
            out["high"].append(cid)
        if (
            not math.isnan(best)
            and (math.isnan(lo) or lo <= best)
            and (math.isnan(hi) or best <= hi)
        ):
            out["best"].append(cid)
    return out


def ucdp_frame(comparison: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """One row per group: low/best/high as UCDP codes them, and the claims that set them."""
    by_group = g.group_claims(comparison, claims)
    rows = []
    for _, row in comparison.iterrows():
        sub = by_group[str(row["group_id"])]
        setters = set_by(row, sub)
        rows.append(
            {
                **{c: row.get(c) for c in UCDP_COLUMNS if c in row.index},
                "publishers": "; ".join(dict.fromkeys(sub["publisher"].astype(str))),
                **{f"{k}_set_by": "; ".join(v) for k, v in setters.items()},
            }
        )
    return pd.DataFrame(rows, columns=list(UCDP_COLUMNS))


def claim_review(
    comparison: pd.DataFrame,
    claims: pd.DataFrame,
    documents: Iterable[Document] = (),
    *,
    reviewer: str = "factcheck",
    where: str = "",
) -> list[dict[str, Any]]:
    """schema.org ClaimReview objects, one per aligned group (JSON-LD, ready to dump)."""
    docs = {d.id: d for d in documents}
    by_group = g.group_claims(comparison, claims)
    reviews = []
    for _, row in comparison.iterrows():
        sub = by_group[str(row["group_id"])]
        appearances = []
        for _, c in sub.iterrows():
            doc = docs.get(str(c["doc_id"]))
            work: dict[str, Any] = {
                "@type": "CreativeWork",
                "publisher": {"@type": "Organization", "name": str(c["publisher"])},
                "text": str(c["sentence"]),
            }
            if doc is not None and doc.published is not None:
                work["datePublished"] = doc.published.isoformat()
            appearances.append(work)
        verdict = str(row["verdict"])
        reviews.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": g.title(row, where, sub),
                "itemReviewed": {
                    "@type": "Claim",
                    "author": [
                        {"@type": "Organization", "name": s}
                        for s in dict.fromkeys(sub["speaker"].astype(str))
                    ],
                    "appearance": appearances,
                },
                "author": {"@type": "Organization", "name": reviewer},
                "reviewRating": {
                    "@type": "Rating",
                    "alternateName": VERDICT_TEXT.get(verdict, verdict),
                    "ratingExplanation": None if g.is_missing(row["note"]) else str(row["note"]),
                },
            }
        )
    return reviews


def to_json_ld(reviews: list[dict[str, Any]]) -> str:
    """JSON text of the reviews, safe inside ``<script type="application/ld+json">``: "<",
    ">" and "&" only occur within JSON strings, so writing them as escapes keeps the data."""
    text = json.dumps(reviews, ensure_ascii=False, indent=2)
    for char, escaped in _JSON_SCRIPT_ESCAPES:
        text = text.replace(char, escaped)
    return text


def write_exports(
    out_dir: str | Path,
    comparison: pd.DataFrame,
    claims: pd.DataFrame,
    documents: Iterable[Document] = (),
    *,
    title: str = "",
    raw_csv: bool = False,
) -> dict[str, Path]:
    """Write summary.md, claimreview.jsonld and ucdp.csv into ``out_dir``; returns the paths.

    Text cells of ucdp.csv that a spreadsheet would run as a formula are neutralised unless
    ``raw_csv`` (:mod:`factcheck.present.csvsafe`)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {
        "markdown": out / "summary.md",
        "claimreview": out / "claimreview.jsonld",
        "ucdp": out / "ucdp.csv",
    }
    paths["markdown"].write_text(to_markdown(comparison, claims, title), encoding="utf-8")
    reviews = claim_review(comparison, claims, documents, where=title)
    paths["claimreview"].write_text(to_json_ld(reviews), encoding="utf-8")
    to_csv(ucdp_frame(comparison, claims), paths["ucdp"], raw=raw_csv)
    return paths
