"""One comparison row per group, claim by claim: the general path, which every group can
take (relays, revisions over time, parts, denials, a document contradicting itself).

:mod:`factcheck.compare.fast` computes the rows of simple groups over arrays; it must give
the same row as :func:`row` for every group it takes (tests/compare/test_scale.py).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping
from typing import Any

import pandas as pd

from factcheck.compare.notes import figure, figures_clause, reason_sentences, verdict_clause
from factcheck.compare.reasons import reasons, resolve
from factcheck.compare.reconcile import Estimate, best, conservative, range_, reconcile
from factcheck.compare.verdicts import Figure, gap, verdict
from factcheck.model import Polarity, Verdict
from factcheck.when import timestamp_of


def _json_number(x: float) -> float | int | None:
    if x is None or math.isnan(x):
        return None
    return int(x) if float(x).is_integer() else float(x)


def _figure(rec: Mapping[str, Any], label: str) -> Figure:
    when = timestamp_of(rec["reported_at"])
    if not pd.isna(when) and when.tzinfo is not None:
        when = when.tz_convert("UTC").tz_localize(None)
    point = rec.get("point", math.nan)
    return Figure(
        source=rec["independent_source"],
        label=label,
        low=float(rec["low"]),
        high=float(rec["high"]),
        qualifier=str(rec["qualifier"]),
        claim_ids=(str(rec["claim_id"]),),
        doc_ids=frozenset([str(rec["doc_id"])]),
        value_text=str(rec["value_text"]),
        reported_at=when,
        own_voice=rec["speaker"] == rec["publisher"] and not rec["speaker_text"],
        point=math.nan if point is None or pd.isna(point) else float(point),
        relayed=bool(rec["via"]),
    )


def _labels(recs: list[dict[str, Any]]) -> dict[str, str]:
    """Source key -> display name: the canonical speaker name, or the source label when two
    independent sources share a name ("unnamed sources" heard by two outlets)."""
    speaker = {r["independent_source"]: str(r["speaker"]) for r in recs}
    names = Counter(speaker.values())
    return {s: (name if names[name] <= 1 else s) for s, name in speaker.items()}


def _figures_json(figs: list[Figure]) -> str:
    out: dict[str, list[float | int | None]] = {}
    for f in figs:
        key, n = f.label, 2
        while key in out:
            key, n = f"{f.label} ({n})", n + 1
        out[key] = [_json_number(f.low), _json_number(f.high)]
    return json.dumps(out, ensure_ascii=False)


def _envelope(figs: list[Figure]) -> tuple[float, float]:
    """Smallest low and largest high as written (NaN when a bound is open)."""
    if not figs:
        return math.nan, math.nan
    lows, highs = [f.low for f in figs], [f.high for f in figs]
    low = math.nan if any(math.isnan(x) for x in lows) else min(lows)
    high = math.nan if any(math.isnan(x) for x in highs) else max(highs)
    return low, high


def _set_by(
    figs: list[Figure], high: float, est: Estimate, cons: Estimate, rng: Estimate
) -> dict[str, list[str]]:
    """Claim ids behind each figure of the row: low and high (the envelope), best (the
    policy's), conservative and the rule ``best`` used."""
    open_high = [c for f in figs if math.isnan(f.high) for c in f.claim_ids]
    out = {
        "low": rng.set_by.get("low", []),
        "high": open_high if math.isnan(high) else rng.set_by.get("high", []),
        "best": est.set_by.get("best", []),
        "conservative": cons.set_by.get("best", []),
    }
    if "rule" in est.set_by:
        out["rule"] = est.set_by["rule"]
    return out


def _rule(policy: str, est: Estimate) -> str:
    """The rule that gave ``best``: primary, median_exact, median (best policy), conservative,
    or "" (range: no best figure)."""
    if policy == "best":
        return (est.set_by.get("rule") or [""])[0] if not math.isnan(est.best) else ""
    return "conservative" if policy == "conservative" else ""


def row(gid: str, recs: list[dict[str, Any]], policy: str, ctx: dict[str, Any]) -> dict:
    first = recs[0]
    labels = _labels(recs)
    figs = [_figure(r, labels[r["independent_source"]]) for r in recs]
    denied_ids = {r["claim_id"] for r in recs if r["polarity"] == Polarity.DENIED}
    asserted = [f for f in figs if f.claim_ids[0] not in denied_ids]
    denied = [f for f in figs if f.claim_ids[0] in denied_ids]
    res = resolve(asserted, denied)
    sources = list(dict.fromkeys(f.source for f in res.figures))
    v = verdict(res.figures, len(sources)) if res.figures else Verdict.SINGLE_SOURCE
    clause = None
    if any(hit for _, hit in res.denials) and v != Verdict.DISCREPANT:
        v, clause = Verdict.DISCREPANT, "a named source denies the figure"
    found = reasons(res, v)
    if res.updated and clause is None:
        v = Verdict.UPDATED  # the latest figure stands; earlier ones are history
    g, rel_g = gap(res.figures)
    cons, rng = conservative(res.figures), range_(res.figures)
    if policy == "best":
        est = best(res.figures, ctx["primary"], rng)
    else:
        est = {"conservative": cons, "range": rng}.get(policy) or reconcile(res.figures, policy)
    low, high = _envelope(res.figures)
    spread = high - low
    party = ctx["party_of"]
    speakers_of = {f.source: {r["speaker"] for r in recs if r["claim_id"] in f.claim_ids}
                   for f in res.figures}  # fmt: skip
    party_flag = bool(sources) and all(any(party(s) for s in speakers_of[src]) for src in sources)
    support = Counter(figure(f) for f in res.figures)
    dates = [d for d in (r["event_date"] for r in recs) if d is not None and not pd.isna(d)]
    details = Counter(str(r["subject_detail"]) for r in recs if r["subject_detail"])
    note = [figures_clause(res) + ": " + (clause or verdict_clause(v, g, rel_g)) + "."]
    note += reason_sentences(res, found)
    if party_flag:
        names = sorted({party(s) or "" for src in sources for s in speakers_of[src]} - {""})
        note.append(f"Every source is a party to the fighting ({', '.join(names)}): a party's "
                    "own account is not proof (Airwars).")  # fmt: skip
    return {
        "group_id": gid,
        "event_date": min(dates) if dates else None,
        "measure": first["measure"],
        "subject": first["subject"],
        "subject_detail": details.most_common(1)[0][0] if details else "",
        "n_sources": len(sources),
        "speakers": "; ".join(dict.fromkeys(labels[r["independent_source"]] for r in recs)),
        "figures": _figures_json(res.figures),
        "low": low,
        "high": high,
        "spread": spread,
        "rel_spread": _relative(spread, high),
        "verdict": str(v),
        "best": est.best,
        "policy": policy,
        "note": " ".join(note),
        "reason": str(found[0]) if found else "",
        "reasons": ",".join(str(r) for r in found),
        "scope": first["scope"],
        "place": "" if pd.isna(first.get("place", "")) else str(first.get("place", "")),
        "n_independent": len(sources),
        "n_claims": len(recs),
        "support": json.dumps(dict(support), ensure_ascii=False),
        "claim_ids": json.dumps([r["claim_id"] for r in recs]),
        "set_by": json.dumps(_set_by(res.figures, high, est, cons, rng)),
        "party_flag": party_flag,
        "conservative": cons.best,
        "range_low": rng.low,
        "range_high": rng.high,
        "gap": g,
        "rel_gap": rel_g,
        "subset_of": first.get("subset_of", "") or "",
        "related": "[]",
        "best_rule": _rule(policy, est),
        "measure_detail": first.get("measure_detail", "") or "",
        "_case": first.get("case_id", "") or "",
    }


def _relative(spread: float, high: float) -> float:
    """The spread as a share of the high figure; NaN when that has no finite value (a high
    figure of 1e-300 under a spread of 1e100, as a hand-edited table may hold)."""
    if not high:
        return 0.0 if high == 0 else math.nan
    share = spread / high
    return share if math.isfinite(share) else math.nan
