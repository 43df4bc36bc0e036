"""Markdown, ClaimReview JSON-LD and UCDP-style CSV exports."""

from __future__ import annotations

import json

import pandas as pd

from factcheck.present.export import claim_review, set_by, to_markdown, ucdp_frame, write_exports


def test_markdown_summary(anbar):
    claims, comparison = anbar
    md = to_markdown(comparison, claims, "Anbar raid")
    assert md.startswith("# Anbar raid\n")
    assert (
        "| Killed militants (ISIS) | 29 Aug 2024 | US Central Command: 15; Iraqi Joint "
        "Operations Command: 14 | 14 | 15 | 15 | discrepant |" in md
    )
    assert "unnamed sources (via Associated Press): 7" in md


def test_claimreview_one_claim_per_group(anbar, documents):
    claims, comparison = anbar
    reviews = claim_review(comparison, claims, documents, where="Anbar raid")
    assert len(reviews) == len(comparison)
    first = reviews[0]
    assert first["@type"] == "ClaimReview" and first["@context"] == "https://schema.org"
    assert first["claimReviewed"] == "Killed militants (ISIS) — Anbar raid, 29 Aug 2024: 15 vs 14"
    item = first["itemReviewed"]
    assert item["@type"] == "Claim"
    assert [a["name"] for a in item["author"]] == [
        "US Central Command", "Iraqi Joint Operations Command"]  # fmt: skip
    assert [a["publisher"]["name"] for a in item["appearance"]] == [
        "US Central Command", "Iraqi News Agency"]  # fmt: skip
    assert item["appearance"][1]["datePublished"] == "2024-08-30T09:00:00+03:00"
    assert first["reviewRating"]["alternateName"] == "Sources disagree"
    json.dumps(reviews, ensure_ascii=False)


def test_ucdp_low_best_high_and_who_set_them(anbar):
    claims, comparison = anbar
    frame = ucdp_frame(comparison, claims)
    row = frame.iloc[0]
    ina = claims.loc[claims["speaker"] == "Iraqi Joint Operations Command", "claim_id"].item()
    centcom = claims.loc[
        (claims["speaker"] == "US Central Command") & (claims["measure"] == "killed"), "claim_id"
    ].item()
    assert (row["low"], row["best"], row["high"]) == (14.0, 15.0, 15.0)
    assert (row["low_set_by"], row["best_set_by"], row["high_set_by"]) == (ina, centcom, centcom)
    assert row["publishers"] == "US Central Command; Iraqi News Agency"


def test_open_high_set_by_the_open_bound(hedged):
    claims, comparison = hedged
    row = comparison.iloc[0].copy()
    row["high"] = float("nan")
    setters = set_by(row, claims)
    assert setters["high"] == list(claims.loc[claims["high"].isna(), "claim_id"])
    assert len(setters["best"]) == 4  # all hold 10 but "at least 12"


def test_set_by_extension_column_wins(anbar):
    claims, comparison = anbar
    given = comparison.assign(set_by=json.dumps({"low": ["a"], "best": ["b"], "high": ["c"]}))
    assert set_by(given.iloc[0], claims) == {"low": ["a"], "best": ["b"], "high": ["c"]}


def test_write_exports(tmp_path, anbar, documents):
    claims, comparison = anbar
    paths = write_exports(tmp_path, comparison, claims, documents, title="Anbar raid")
    assert sorted(p.name for p in paths.values()) == ["claimreview.jsonld", "summary.md",
                                                       "ucdp.csv"]  # fmt: skip
    assert len(pd.read_csv(paths["ucdp"])) == 3


def test_document_text_stays_inert_in_markdown_and_json_ld(tmp_path, anbar, documents):
    claims, comparison = anbar
    hostile = "<img src=x onerror=alert(1)> [x](javascript:alert(1)) a&b \\"
    claims = claims.assign(speaker=hostile)
    paths = write_exports(tmp_path, comparison, claims, documents, title=f"T {hostile}")
    md = paths["markdown"].read_text(encoding="utf-8")
    assert "<img" not in md
    assert "&lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(1)) a&amp;b \\\\" in md
    text = paths["claimreview"].read_text(encoding="utf-8")
    assert "<" not in text and ">" not in text and "&" not in text
    reviews = json.loads(text)
    assert reviews[0]["itemReviewed"]["author"][0]["name"] == hostile


BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_bidi_controls_do_not_reach_the_markdown_summary(tmp_path, anbar_ar, documents):
    """An override in a speaker name or a title would reorder the summary where it is pasted;
    it is left out, as in report.html, and the visible text stays."""
    claims, comparison = anbar_ar
    speaker = "\u202eوزارة الداخلية\u202c \u2067الشرطة\u2069 \u2066x"
    claims = claims.assign(speaker=speaker)
    comparison = comparison.assign(note="rose from \u202d12\u202c to \u202e31")
    paths = write_exports(tmp_path, comparison, claims, documents, title="\u2067رمادي\u2069 raid")
    md = paths["markdown"].read_text(encoding="utf-8")
    assert not set(BIDI_CONTROLS) & set(md)
    assert md.startswith("# رمادي raid\n")
    assert "وزارة الداخلية الشرطة x:" in md
    assert "rose from 12 to 31" in md
