"""The comparison table: one row per aligned group, the design's columns then extensions."""

from __future__ import annotations

import importlib
import json
import math
from collections import Counter
from collections.abc import Callable, Collection, Mapping
from typing import Any, Final

import pandas as pd

from factcheck.align import align, independent_sources
from factcheck.compare.notes import figure, figures_clause, reason_sentences, verdict_clause
from factcheck.compare.reasons import Reason, reasons, resolve
from factcheck.compare.reconcile import POLICIES, Estimate, conservative, range_, reconcile
from factcheck.compare.relations import MEASURE_PARTS, relate
from factcheck.compare.verdicts import Figure, gap, verdict
from factcheck.model import Polarity, Verdict
from factcheck.schema import COMPARISON_COLUMNS, validate
from factcheck.when import timestamp_of

#: Extension columns of the comparison table, after the design's (docs/compare.md).
COMPARISON_EXTRA: Final = (
    "reason", "reasons", "scope", "place", "n_independent", "n_claims", "support", "claim_ids",
    "set_by", "party_flag", "conservative", "range_low", "range_high", "gap", "rel_gap",
    "subset_of", "related", "best_rule", "measure_detail",
)  # fmt: skip


#: Text columns whose missing values are read as "" (CSV gives NaN for an empty cell).
TEXT_COLUMNS: Final = (
    "claim_id", "doc_id", "publisher", "speaker", "speaker_text", "via", "measure", "subject",
    "subject_detail", "qualifier", "polarity", "scope", "value_text", "sentence", "kind",
    "group_id", "independent_source", "subset_of", "place", "case_id", "measure_detail",
)  # fmt: skip


def _registry_party() -> Callable[[str], str | None] | None:
    """The party of a speaker from ``factcheck.claims.registry`` (``party_of`` when it has
    one, else the ``party`` of the entry ``resolve`` finds), or None without a registry."""
    try:
        registry = importlib.import_module("factcheck.claims.registry")
    except ImportError:
        return None
    party_of = getattr(registry, "party_of", None)
    if callable(party_of):
        return party_of
    resolve_name = getattr(registry, "resolve", None)
    if not callable(resolve_name):
        return None

    def lookup(name: str) -> str | None:
        entry = resolve_name(name)
        return getattr(entry, "party", None) if entry is not None else None

    return lookup


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


def _row(gid: str, recs: list[dict[str, Any]], policy: str, ctx: dict[str, Any]) -> dict:
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
    est = reconcile(res.figures, policy, ctx["primary"])
    cons, rng = conservative(res.figures), range_(res.figures)
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


def _spread_none_reported(groups: dict[str, list[dict[str, Any]]]) -> None:
    """ "No casualties" says none were killed and none wounded: a none-reported figure of a
    measure with parts (``MEASURE_PARTS``: casualties -> killed, wounded) also stands in each
    group of a part about the same people (same case, scope and place; same subject, or
    "people"/none for anyone; no other affiliation), so "80 killed" meets "no casualties"."""
    nones = [
        r
        for recs in groups.values()
        for r in recs
        if r["qualifier"] == "none_reported" and r["measure"] in MEASURE_PARTS
    ]
    if not nones:
        return
    for recs in groups.values():
        first = recs[0]
        for r in nones:
            if first["measure"] not in MEASURE_PARTS[r["measure"]]:
                continue
            same = all(first.get(k, "") == r.get(k, "") for k in ("case_id", "scope", "place"))
            subject = r["subject"] in ("", "people") or r["subject"] == first["subject"]
            detail = not r["subject_detail"] or r["subject_detail"] == first["subject_detail"]
            if same and subject and detail and all(x["claim_id"] != r["claim_id"] for x in recs):
                recs.append(r)


def compare(
    claims: pd.DataFrame,
    policy: str = "best",
    *,
    parties: Mapping[str, str] | None = None,
    primary: Collection[str] = (),
    **align_options: Any,
) -> pd.DataFrame:
    """One row per aligned group: verdict, reason, plain-words note and reconciled figures.

    Aligns first when ``claims`` has no ``group_id``. ``parties`` maps a speaker to the party
    to the fighting it belongs to (flag ``party_flag``; the registry's ``party_of`` is used
    when present); ``primary`` names the speakers whose latest figure the ``best`` policy
    takes. ``policy`` is one of conservative, range, best.

    >>> from factcheck.compare.examples import anbar_claims
    >>> row = compare(anbar_claims(), "conservative").iloc[0]
    >>> print(row.verdict, row.best, row.range_low, row.range_high, f"{row.rel_gap:.1%}")
    discrepant 14.0 14.0 15.0 6.7%
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown policy {policy!r}; known: {', '.join(POLICIES)}")
    validate(claims, "claims")
    aligned = claims if "group_id" in claims.columns else align(claims, **align_options)
    if "independent_source" not in aligned.columns:
        aligned = aligned.assign(
            independent_source=independent_sources(
                aligned["speaker"].tolist(), aligned["via"].tolist(), aligned["publisher"].tolist()
            )
        )
    registry = _registry_party()
    table = dict(parties or {})

    memo: dict[str, str | None] = {}

    def party_of(speaker: str) -> str | None:
        if speaker not in memo:
            memo[speaker] = table.get(speaker) or (registry(speaker) if registry else None)
        return memo[speaker]

    ctx = {"primary": set(primary), "party_of": party_of}
    groups: dict[str, list[dict[str, Any]]] = {}
    names = list(aligned.columns)
    for values in zip(*(aligned[c].tolist() for c in names), strict=True):
        rec = dict(zip(names, values, strict=True))
        for key in TEXT_COLUMNS:  # a table read back from CSV has NaN for empty text
            if key in rec and not isinstance(rec[key], str):
                rec[key] = "" if rec[key] is None or pd.isna(rec[key]) else str(rec[key])
        groups.setdefault(str(rec["group_id"]), []).append(rec)
    _spread_none_reported(groups)
    rows = relate([_row(gid, recs, policy, ctx) for gid, recs in groups.items()])
    for row in rows:
        row["reason"] = row["reasons"].split(",")[0] if row["reasons"] else ""
    columns = [*COMPARISON_COLUMNS, *COMPARISON_EXTRA]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({"n_sources": "int64", "n_independent": "int64", "n_claims": "int64"})


__all__ = ["COMPARISON_EXTRA", "Reason", "compare"]
