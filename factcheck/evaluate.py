"""Score extracted claims against hand-checked expectations, per language.

``python -m factcheck.evaluate tests/devset tests/bundled`` reads development cases (a folder
with ``case.yaml`` and ``expected.yaml``, or a folder of such folders) and bundled-style
expectation files (``case: <id>`` naming ``factcheck/cases/<id>``, given one by one or as a
folder of them),
runs the mentions and claims stages on every document, and prints one row per language:
precision and recall of claims, then the accuracy of measure, subject, speaker, via,
qualifier, low/high (and subject_detail, scope, polarity, and ``place`` where the expectation
gives one: the column ``factcheck.extract`` adds, docs/claims.md "Place") among matched claims.

A predicted claim matches an expected one when both are in the same document and their spans
overlap (``also_at`` spans included). An expected figure whose text is not in its document is
an annotation problem: it is listed and left out of the scores. Exit status: 0 after scoring,
2 on bad input (a missing path, a file that is not valid YAML, an unknown case).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import yaml

from factcheck.case import load_case
from factcheck.claims import extract_claims
from factcheck.claims.places_table import add_places
from factcheck.errors import FactcheckError
from factcheck.mentions import find_mentions
from factcheck.model import Case, Claim
from factcheck.schema import claims_frame

#: Fields compared among matched claims, in the order the table prints them.
FIELDS: Final = (
    "measure",
    "subject",
    "speaker",
    "via",
    "qualifier",
    "low_high",
    "subject_detail",
    "scope",
    "polarity",
    "place",  # scored only on expectations that give a place
)
CASES_DIR: Final = Path(__file__).parent / "cases"


@dataclass
class Expected:
    """One hand-checked claim, located in its document."""

    doc_id: str
    language: str
    spans: list[tuple[int, int]]
    row: dict[str, Any]


@dataclass
class Tally:
    """Counts of one language."""

    expected: int = 0
    predicted: int = 0
    matched: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    checked: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)


def _find(text: str, needle: str, occurrence: int) -> tuple[int, int] | None:
    start = -1
    for _ in range(max(1, occurrence)):
        start = text.find(needle, start + 1)
        if start < 0:
            return None
    return start, start + len(needle)


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FactcheckError(f"{path}: {exc}") from None


def sources(paths: Sequence[str]) -> Iterator[tuple[Case, dict[str, Any], str]]:
    """(case, expectations, where) for every case the paths name."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and (path / "expected.yaml").is_file():
            yield load_case(path), _load_yaml(path / "expected.yaml"), str(path)
        elif path.is_dir():
            subs = sorted(p for p in path.iterdir() if (p / "expected.yaml").is_file())
            files = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))
            if not subs and not files:
                raise FactcheckError(f"{path}: no case folder with expected.yaml, no .yaml file")
            yield from sources([str(p) for p in [*subs, *files]])
        elif path.is_file():
            data = _load_yaml(path)
            if not isinstance(data, dict) or "case" not in data:
                raise FactcheckError(f"{path}: expected a mapping with a 'case' key")
            folder = CASES_DIR / str(data["case"])
            if not folder.is_dir():
                raise FactcheckError(f"{path}: no bundled case {data['case']!r}")
            yield load_case(folder), data, str(path)
        else:
            raise FactcheckError(f"{path}: no such file or folder")


def expectations(
    case: Case, data: dict[str, Any], where: str, problems: list[str]
) -> list[Expected]:
    """The expected claims of a case, located by value_text and occurrence."""
    out: list[Expected] = []
    for row in data.get("claims") or []:
        try:
            doc = case.document(str(row["doc"]))
        except KeyError:
            problems.append(f"{where}: unknown document {row.get('doc')!r}")
            continue
        spans = []
        for item in [row, *(row.get("also_at") or [])]:
            span = _find(doc.text, str(item["value_text"]), int(item.get("occurrence", 1)))
            if span is None:
                problems.append(f"{where}: {doc.id}: {item['value_text']!r} not in the text")
            else:
                spans.append(span)
        if spans and _find(doc.text, str(row["value_text"]), int(row.get("occurrence", 1))):
            out.append(Expected(doc.id, doc.language, spans, row))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same_number(a: Any, b: Any) -> bool:
    na = a is None or (isinstance(a, float) and math.isnan(a))
    nb = b is None or (isinstance(b, float) and math.isnan(b))
    return na == nb and (na or float(a) == float(b))


def same_source(got: str, expected: str) -> bool:
    """Whether two source names (or relay chains, "A -> B") name the same sources: equal, or
    names the registry resolves to one entry ("Médecins Sans Frontières" and "Doctors Without
    Borders"), so that an annotation need not spell the registry's canonical name."""
    if got == expected:
        return True
    a, b = got.split(" -> "), expected.split(" -> ")
    return len(a) == len(b) and all(_one_source(x, y) for x, y in zip(a, b, strict=True))


def _one_source(got: str, expected: str) -> bool:
    if got.casefold() == expected.casefold():
        return True
    from factcheck.claims.registry import resolve

    x, y = resolve(got), resolve(expected)
    return x is not None and y is not None and x.name == y.name


def compare_fields(claim: Claim, row: dict[str, Any], place: str = "") -> dict[str, bool]:
    """Which fields of a matched claim agree with the expectation (``place``: the claim's
    place as ``add_places`` gives it; scored only when the expectation has a place)."""

    def text(key: str) -> str:
        value = row.get(key)
        return "" if value is None else str(value)

    return {
        "measure": claim.measure == text("measure")
        and claim.measure_detail == text("measure_detail"),
        "subject": claim.subject == text("subject"),
        "speaker": same_source(claim.speaker, text("speaker")),
        "via": same_source(claim.via, text("via")),
        "qualifier": str(claim.qualifier) == text("qualifier"),
        "low_high": _same_number(claim.low, row.get("low"))
        and _same_number(claim.high, row.get("high")),
        "subject_detail": claim.subject_detail == text("subject_detail"),
        "scope": str(claim.scope) == (text("scope") or "event"),
        "polarity": str(claim.polarity) == (text("polarity") or "asserted"),
    } | ({"place": place.casefold() == text("place").casefold()} if "place" in row else {})


def score(paths: Sequence[str]) -> tuple[dict[str, Tally], list[str]]:
    """Tallies per language and the annotation problems found on the way."""
    tallies: dict[str, Tally] = {}
    problems: list[str] = []
    for case, data, where in sources(paths):
        wanted = expectations(case, data, where, problems)
        by_doc = {d.id: extract_claims(d, find_mentions(d), case) for d in case.documents}
        places = _places([c for claims in by_doc.values() for c in claims])
        for doc in case.documents:
            claims = by_doc[doc.id]
            tally = tallies.setdefault(doc.language, Tally())
            mine = [e for e in wanted if e.doc_id == doc.id]
            tally.expected += len(mine)
            tally.predicted += len(claims)
            free = list(claims)
            for exp in mine:
                hit = next((c for c in free if _claim_overlaps(c, exp.spans[0])), None)
                hit = hit or next(
                    (c for c in free if any(_claim_overlaps(c, s) for s in exp.spans)), None
                )
                if hit is None:
                    tally.misses.append(f"missed   {doc.id}: {exp.row['value_text']!r}")
                    continue
                free.remove(hit)
                tally.matched += 1
                place = places.get((hit.doc_id, hit.start), "")
                for name, ok in compare_fields(hit, exp.row, place).items():
                    tally.checked[name] += 1
                    tally.right[name] += ok
                    if not ok:
                        tally.misses.append(_wrong(doc.id, name, hit, exp.row, place))
            tally.misses += [
                f"extra    {doc.id}: {c.value_text!r} ({c.sentence[:70]})" for c in free
            ]
    return tallies, problems


def _places(claims: list[Claim]) -> dict[tuple[str, int], str]:
    """(doc_id, start) -> place, for the claims of one case, as ``factcheck.extract`` sets it."""
    if not claims:
        return {}
    frame = add_places(claims_frame(claims))
    keys = zip(frame["doc_id"], frame["start"], strict=True)
    return {(str(d), int(s)): str(p) for (d, s), p in zip(keys, frame["place"], strict=True)}


def _claim_overlaps(claim: Claim, span: tuple[int, int]) -> bool:
    spans = [(claim.start, claim.end), *((s.start, s.end) for s in claim.also_at)]
    return any(_overlaps(s, span) for s in spans)


def _wrong(doc_id: str, name: str, claim: Claim, row: dict[str, Any], place: str = "") -> str:
    if name == "place":
        got: Any = place
    else:
        got = (claim.low, claim.high) if name == "low_high" else getattr(claim, name)
    want = (row.get("low"), row.get("high")) if name == "low_high" else row.get(name)
    return f"{name:<9}{doc_id}: {claim.value_text!r}: got {str(got)!r}, expected {str(want)!r}"


def table(tallies: dict[str, Tally]) -> str:
    """The scores as a plain-text table, one row per language and one for all."""
    total = Tally()
    for t in tallies.values():
        total.expected += t.expected
        total.predicted += t.predicted
        total.matched += t.matched
        for name in FIELDS:
            total.right[name] += t.right[name]
            total.checked[name] += t.checked[name]
    heads = ["lang", "expected", "predicted", "precision", "recall", *FIELDS]
    rows = [heads]
    for lang, t in [*sorted(tallies.items()), ("all", total)]:

        def ratio(n: int, d: int) -> str:
            return f"{n / d:.3f}" if d else "-"

        rows.append(
            [
                lang,
                str(t.expected),
                str(t.predicted),
                ratio(t.matched, t.predicted),
                ratio(t.matched, t.expected),
                *(ratio(t.right[f], t.checked[f]) for f in FIELDS),
            ]
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(heads))]
    return "\n".join("  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: print the table (and with ``--details`` every mismatch)."""
    parser = argparse.ArgumentParser(
        prog="python -m factcheck.evaluate", description=__doc__.splitlines()[0]
    )
    parser.add_argument("paths", nargs="+", help="devset folders or bundled expectation files")
    parser.add_argument("--details", action="store_true", help="list every mismatch")
    args = parser.parse_args(argv)
    try:
        tallies, problems = score(args.paths)
    except FactcheckError as exc:
        print(f"factcheck.evaluate: {exc}", file=sys.stderr)
        return 2
    print(table(tallies))
    for line in problems:
        print(f"annotation: {line}")
    if args.details:
        for lang, t in sorted(tallies.items()):
            for line in t.misses:
                print(f"[{lang}] {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
