"""Comparison rows of simple groups over arrays: the interval logic of a whole table at once.

A group is *simple* when each of its claims is an asserted figure of its own independent
source (no revision, relay chain, parts, denial or second figure of one source to resolve)
and, with two claims or more, none is in an outlet's own voice (so no document can contradict
itself). Most groups of a large table are simple. Their intervals, overlaps, gaps, envelopes
and the conservative and range figures are computed with numpy over the claims sorted by
group (``reduceat`` over group starts); what is left per group is assembling its words.

The arrays are computed in :mod:`factcheck.compare.arrays`. Every row equals what
:func:`factcheck.compare.rows.row` gives for the same group (tests/compare/test_scale.py
checks it on generated tables); any other group takes that path.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from statistics import median_low
from typing import Any, Final

import numpy as np
from pandas import NaT

from factcheck.compare import jsontext as jt
from factcheck.compare.arrays import NO_TIME, Arrays
from factcheck.compare.notes import figure_words, number, reason_sentences, says
from factcheck.compare.reasons import Reason, Resolution, _rounding
from factcheck.compare.verdicts import Figure
from factcheck.model import Qualifier, Verdict

_CLAUSE: Final = {
    Verdict.AGREE: "the same figure",
    Verdict.COMPATIBLE: "the figures overlap",
    Verdict.DISCREPANT: "the figures conflict",
    Verdict.SINGLE_SOURCE: "one source only",
}


def _verdict_reason(a: Arrays, g: int, figs: list[Figure]) -> tuple[Verdict, Reason]:
    if a.size[g] < 2:
        return Verdict.SINGLE_SOURCE, Reason.SINGLE_SOURCE
    if a.agree[g]:
        return Verdict.AGREE, Reason.SAME_FIGURE
    if not a.overlap[g]:
        return Verdict.DISCREPANT, Reason.ROUNDING if _rounding(figs) else Reason.CONTRADICTION
    if math.isnan(a.low[g]) or math.isnan(a.high[g]):
        return Verdict.COMPATIBLE, Reason.BOUND_CONSISTENT
    return Verdict.COMPATIBLE, Reason.ROUNDING if _rounding(figs) else Reason.APPROXIMATE


def _best(
    c: dict[str, Any], a: Arrays, span: range, labels: list[str], primary: set[str]
) -> tuple[float, list[int], str]:
    """The ``best`` policy of :mod:`factcheck.compare.reconcile` for one simple group."""
    q, pt = c["qualifier"], a.pt
    first_hand = [
        i
        for i, lab in zip(span, labels, strict=True)
        if c["source"][i] in primary or lab in primary
    ]
    if len(first_hand) == 1:
        pool, rule = first_hand, "primary"
    else:
        exact = [i for i in span if q[i] == Qualifier.EXACT]
        pool, rule = (exact, "median_exact") if exact else (list(span), "median")
    value = float(median_low([pt[i] for i in pool]))
    when = c["when"]
    dated = [i for i in span if when[i] != NO_TIME]
    if dated:
        last = max(when[i] for i in dated)
        floors = [
            i
            for i in dated
            if when[i] == last and q[i] == Qualifier.AT_LEAST and not math.isnan(c["low"][i])
        ]
        if floors:
            floor = max(floors, key=lambda i: c["low"][i])
            if value < c["low"][floor]:
                value, pool, rule = c["low"][floor], [floor], "latest_lower_bound"
    return value, [i for i in pool if math.isclose(pt[i], value)], rule


def rows(
    c: dict[str, Any], starts: np.ndarray, gids: Sequence[str], policy: str, ctx: dict[str, Any]
) -> list[dict[str, Any]]:
    """The comparison rows of simple groups; ``c`` holds their claims sorted by group (lists,
    plus ``when``: reported_at in ns or NO_TIME, ``dated``: event date known), ``starts`` the
    first claim of each group."""
    if not len(gids):
        return []
    a = Arrays(c, starts)
    ends = np.append(starts[1:], len(c["low"])).tolist()
    words, memo = [], {}  # a table states the same few hundred figures again and again
    for key in zip(c["qualifier"], c["low"], c["high"], c["value_text"], strict=True):
        said = memo.get(key)
        if said is None:
            said = memo[key] = figure_words(*key)
        words.append(said)
    party, primary = ctx["party_of"], ctx["primary"]
    ids, speaker, source = c["claim_id"], c["speaker"], c["source"]
    qid, quote = jt.quoted(ids), jt.Quoted(ascii=False)
    low_set, high_sets, no_high = a.low_set.tolist(), a.high_set.tolist(), a.no_high.tolist()
    cons_set, cons, high = a.cons_set.tolist(), a.cons.tolist(), a.high.tolist()
    out = _singles(c, a, starts, words, qid, quote, gids, policy, ctx)
    for g, (start, end) in enumerate(zip(starts.tolist(), ends, strict=True)):
        if end - start == 1:
            continue
        span = range(start, end)
        names = speaker[start:end]
        if len(set(names)) == len(names):
            labels = names
        else:
            count = Counter(names)
            labels = [n if count[n] <= 1 else source[i] for i, n in zip(span, names, strict=True)]
        figs = [
            Figure(source[i], lab, c["low"][i], c["high"][i], c["qualifier"][i], (ids[i],),
                   frozenset(), c["value_text"][i], NaT)
            for i, lab in zip(span, labels, strict=True)
        ]  # fmt: skip
        v, reason = _verdict_reason(a, g, figs)
        gap, rel_gap = float(a.gap[g]), float(a.rel_gap[g])
        clause = _CLAUSE[v]
        if v == Verdict.DISCREPANT and gap > 0:
            clause = f"disjoint figures, gap {number(gap)} ({rel_gap * 100:.1f}%)"
        said = ", ".join(
            f"{lab} {says(lab)} {words[i]}" for i, lab in zip(span, labels, strict=True)
        )
        note = [f"{said}: {clause}.", *reason_sentences(Resolution(figs), [reason])]
        parties = [party(s) for s in names]
        party_flag = all(parties)
        if party_flag:
            named = ", ".join(sorted(set(parties)))
            note.append(f"Every source is a party to the fighting ({named}): a party's own "
                        "account is not proof (Airwars).")  # fmt: skip
        figures: dict[str, str] = {}
        for i, lab in zip(span, labels, strict=True):
            key, n = lab, 2
            while key in figures:
                key, n = f"{lab} ({n})", n + 1
            figures[key] = f"[{jt.number(c['low'][i])}, {jt.number(c['high'][i])}]"
        # claim ids are distinct in a simple group: each list is in claim order already
        cons_ids = ", ".join([qid[i] for i in span if cons_set[i]])
        high_set = no_high if math.isnan(high[g]) else high_sets
        best_ids, rule_json = "", ""
        if policy == "best":
            best, pool, rule = _best(c, a, span, labels, primary)
            best_ids, rule_json = ", ".join([qid[i] for i in pool]), f', "rule": ["{rule}"]'
        elif policy == "conservative":
            best, rule, best_ids = cons[g], "conservative", cons_ids
        else:
            best, rule = math.nan, ""
        set_by = (f'{{"low": [{", ".join([qid[i] for i in span if low_set[i]])}], '
                  f'"high": [{", ".join([qid[i] for i in span if high_set[i]])}], '
                  f'"best": [{best_ids}], "conservative": [{cons_ids}]{rule_json}}}')  # fmt: skip
        dates = [
            d
            for d, known in zip(c["event_date"][start:end], c["dated"][start:end], strict=True)
            if known
        ]
        details = [d for d in c["subject_detail"][start:end] if d]
        detail = details[0] if len(set(details)) == 1 else ""
        if len(set(details)) > 1:
            detail = Counter(details).most_common(1)[0][0]
        out[g] = {
            "group_id": gids[g], "event_date": min(dates) if dates else None,
            "measure": c["measure"][start], "subject": c["subject"][start],
            "subject_detail": detail, "n_sources": end - start,
            "speakers": "; ".join(dict.fromkeys(labels)),
            "figures": "{" + ", ".join([f"{quote[k]}: {v}" for k, v in figures.items()]) + "}",
            "low": float(a.low[g]), "high": float(a.high[g]), "spread": float(a.spread[g]),
            "rel_spread": float(a.rel_spread[g]), "verdict": str(v), "best": best,
            "policy": policy, "note": " ".join(note), "reason": str(reason),
            "reasons": str(reason), "scope": c["scope"][start], "place": c["place"][start],
            "n_independent": end - start, "n_claims": end - start,
            "support": "{" + ", ".join([f"{quote[w]}: {n}"
                                        for w, n in Counter(words[start:end]).items()]) + "}",
            "claim_ids": f"[{', '.join(qid[start:end])}]",
            "set_by": set_by,
            "party_flag": party_flag, "conservative": float(a.cons[g]),
            "range_low": float(a.range_low[g]), "range_high": float(a.range_high[g]),
            "gap": gap, "rel_gap": rel_gap, "subset_of": c["subset_of"][start], "related": "[]",
            "best_rule": rule, "measure_detail": c["measure_detail"][start],
            "_case": c["case_id"][start],
        }  # fmt: skip
    return [out[g] for g in range(len(gids))]


def _singles(
    c: dict[str, Any],
    a: Arrays,
    starts: np.ndarray,
    words: list[str],
    qid: list[str],
    quote: jt.Quoted,
    gids: Sequence[str],
    policy: str,
    ctx: dict[str, Any],
) -> dict[int, dict[str, Any]]:
    """Rows of the groups of one claim: one source, so the verdict is single_source, every
    bound and estimate is the claim's own figure and no sentence explains a difference."""
    party, primary = ctx["party_of"], ctx["primary"]
    out: dict[int, dict[str, Any]] = {}
    gs = np.flatnonzero(a.size == 1)
    at = starts[gs]
    no_high = np.isnan(a.high[gs])
    high_sets = np.where(no_high, a.no_high[at], a.high_set[at]).tolist()
    low_sets, cons_sets, pts = a.low_set[at].tolist(), a.cons_set[at].tolist(), a.pt[at].tolist()
    lows, highs, conss = a.low[gs].tolist(), a.high[gs].tolist(), a.cons[gs].tolist()
    spreads, rel_spreads = a.spread[gs].tolist(), a.rel_spread[gs].tolist()
    range_lows, range_highs = a.range_low[gs].tolist(), a.range_high[gs].tolist()
    speaker, source, q_of, dated = c["speaker"], c["source"], c["qualifier"], c["dated"]
    verb: dict[str, str] = {}
    for k, (g, i) in enumerate(zip(gs.tolist(), at.tolist(), strict=True)):
        name, cid, word = speaker[i], qid[i], words[i]
        said = verb.get(name)
        if said is None:
            said = verb[name] = says(name)
        note = f"{name} {said} {word}: one source only."
        side = party(name)
        if side:
            note += (f" Every source is a party to the fighting ({side}): a party's own "
                     "account is not proof (Airwars).")  # fmt: skip
        best_id, rule_json = cid, ""
        if policy == "best":
            first_hand = source[i] in primary or name in primary
            q = q_of[i]
            rule = "primary" if first_hand else ("median_exact" if q == "exact" else "median")
            best, rule_json = pts[k], f', "rule": ["{rule}"]'
        elif policy == "conservative":
            best, rule = conss[k], "conservative"
        else:
            best, rule, best_id = math.nan, "", ""
        set_by = (f'{{"low": [{cid if low_sets[k] else ""}], '
                  f'"high": [{cid if high_sets[k] else ""}], "best": [{best_id}], '
                  f'"conservative": [{cid if cons_sets[k] else ""}]{rule_json}}}')  # fmt: skip
        low, high = lows[k], highs[k]
        out[g] = {
            "group_id": gids[g], "event_date": c["event_date"][i] if dated[i] else None,
            "measure": c["measure"][i], "subject": c["subject"][i],
            "subject_detail": c["subject_detail"][i], "n_sources": 1, "speakers": name,
            "figures": f"{{{quote[name]}: [{jt.number(low)}, {jt.number(high)}]}}",
            "low": low, "high": high, "spread": spreads[k],
            "rel_spread": rel_spreads[k], "verdict": "single_source", "best": best,
            "policy": policy, "note": note, "reason": "single_source",
            "reasons": "single_source", "scope": c["scope"][i], "place": c["place"][i],
            "n_independent": 1, "n_claims": 1,
            "support": f"{{{quote[word]}: 1}}", "claim_ids": f"[{cid}]",
            "set_by": set_by, "party_flag": bool(side),
            "conservative": conss[k], "range_low": range_lows[k],
            "range_high": range_highs[k], "gap": math.nan, "rel_gap": math.nan,
            "subset_of": c["subset_of"][i], "related": "[]", "best_rule": rule,
            "measure_detail": c["measure_detail"][i], "_case": c["case_id"][i],
        }  # fmt: skip
    return out
