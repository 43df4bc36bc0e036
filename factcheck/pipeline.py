"""The data flow end to end: documents -> mentions -> claims -> comparison -> files.

Each function takes what ``load_case`` takes (a case.yaml, a folder, .txt files, a DataFrame,
a Case or a text) so a notebook can start from whatever the user has.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.case import CaseSource, load_case
from factcheck.claims import extract_claims
from factcheck.collector import paused
from factcheck.errors import processing
from factcheck.mentions import find_mentions
from factcheck.model import Case, Claim, Mention
from factcheck.schema import claims_frame_of_rows, mentions_frame

if TYPE_CHECKING:  # imported by the functions that build a table: reading never needs it
    import pandas as pd

#: The case ``factcheck demo`` and ``make demo`` run on.
DEMO_CASE = "anbar-raid-2024-08"


def mentions(source: CaseSource, **load: Any) -> pd.DataFrame:
    """The mentions table: every number expression in every document, with role and reason.

    >>> mentions("Two soldiers and 3 civilians died on 4 May.")[["text", "role"]].values.tolist()
    [['Two', 'claim'], ['3', 'claim'], ['4 May', 'date']]
    """
    case = load_case(source, **load)
    found: list[Mention] = []
    with paused():
        for doc in case.documents:
            with processing(doc.path or doc.id):
                found.extend(find_mentions(doc))
        return mentions_frame(found)


def extract(source: CaseSource, **load: Any) -> pd.DataFrame:
    """The claims table: who asserts which figure about what, with spans into the original."""
    case = load_case(source, **load)
    with paused():  # one pause for reading and places: the claims are never walked between
        return claims_table(_read(case)[1])


def extract_rows(source: CaseSource, **load: Any) -> list[dict[str, Any]]:
    """:func:`extract`'s table as plain rows (dicts, ``place`` included), without pandas:
    what the command writes for a few documents (:mod:`factcheck.rows`)."""
    from factcheck.rows import claim_rows

    case = load_case(source, **load)
    with paused():
        return claim_rows(_read(case)[1])


def claims_table(claims: list[Claim]) -> pd.DataFrame:
    """The claims table of a case's claims, with the ``place`` each figure counts (the area:
    a city, a province, the country) so that city figures never pair with national totals.

    The same table as ``add_places(claims_frame(claims))``, with the places read from the
    rows before the table is built rather than from the table's columns afterwards.
    """
    from factcheck.rows import claim_rows

    with paused():
        return claims_frame_of_rows(claim_rows(claims), with_place=True)


@dataclass(frozen=True)
class Analysis:
    """Everything one run produced, for notebooks that want to look at each stage."""

    case: Case
    mentions: list[Mention]
    claims: list[Claim]
    comparison: pd.DataFrame = field(default_factory=lambda: _empty())
    files: dict[str, Path] = field(default_factory=dict)
    aligned: pd.DataFrame | None = None

    @property
    def mentions_table(self) -> pd.DataFrame:
        return mentions_frame(self.mentions)

    @property
    def claims_table(self) -> pd.DataFrame:
        """The claims table; after the comparison, with each claim's ``group_id`` (and the
        other align columns) so every view reads groups from a column."""
        return claims_table(self.claims) if self.aligned is None else self.aligned


def _empty() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame()


def analyse_case(case: Case) -> Analysis:
    """The mentions and claims of a loaded case (no comparison): what corpus mode and
    ``factcheck.dask`` run per case."""
    return _analyse(case)


def _analyse(case: Case) -> Analysis:
    found, claims = _read(case)
    return Analysis(case=case, mentions=found, claims=claims)


def _read(case: Case) -> tuple[list[Mention], list[Claim]]:
    """The mentions and claims of every document of ``case``."""
    found: list[Mention] = []
    claims: list[Claim] = []
    with paused():  # reading makes no reference cycles: factcheck/collector.py
        for doc in case.documents:
            with processing(doc.path or doc.id):
                doc_mentions = find_mentions(doc)
                found.extend(doc_mentions)
                claims.extend(extract_claims(doc, doc_mentions, case))
    return found, claims


def analyse(source: CaseSource, *, policy: str = "best", **load: Any) -> Analysis:
    """Run every stage up to the comparison and keep each stage's output."""
    from factcheck.align import align
    from factcheck.compare import compare

    case = load_case(source, **load)
    result = _analyse(case)
    aligned = align(claims_table(result.claims))
    comparison = compare(aligned, policy=policy)
    return Analysis(case, result.mentions, result.claims, comparison, aligned=aligned)


#: Columns of claims.csv beyond the claims table's own: the group each claim belongs to.
CLAIMS_CSV_EXTRA = ("group_id",)


def run(
    source: CaseSource,
    out_dir: str | Path = "out",
    *,
    policy: str = "best",
    labels: str | None = None,
    title: str | None = None,
    show_estimate: bool = True,
    raw_csv: bool = False,
    **load: Any,
) -> Analysis:
    """The ``compare`` command: write claims.csv, mentions.csv, comparison.csv, charts/ and
    report.html into ``out_dir`` and return what was computed, with the paths written.

    ``labels`` (en, fr, ar) is the language of charts and report; ``title`` names the event
    (default: the case's title); ``show_estimate=False`` leaves the estimate out of charts.
    CSV text cells that a spreadsheet would run as a formula are neutralised unless
    ``raw_csv`` (:mod:`factcheck.present.csvsafe`)."""
    from factcheck.present.charts import save_case_charts
    from factcheck.present.csvsafe import to_csv
    from factcheck.present.report import write_report

    result = analyse(source, policy=policy, **load)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    claims = result.claims_table
    plain = claims_table(result.claims)
    files: dict[str, Path] = {}
    for name, table in (
        ("claims", plain.assign(**{c: claims[c] for c in CLAIMS_CSV_EXTRA})),
        ("mentions", result.mentions_table),
        ("comparison", result.comparison),
    ):
        files[name] = out / f"{name}.csv"
        to_csv(table, files[name], raw=raw_csv)
    where = title or result.case.title  # plain .txt files: no event name rather than file names
    charts = save_case_charts(
        result.comparison,
        claims,
        out / "charts",
        title=where,
        labels=labels,
        sources=result.case.documents,
        timezone=result.case.timezone,
        show_estimate=show_estimate,
    )
    files.update({f"chart:{p.name}": p for p in charts})
    files["report"] = write_report(
        out,
        result.case,
        claims,
        result.comparison,
        mentions=result.mentions_table,
        charts=charts,
        title=title,
        labels=labels,
        raw_csv=raw_csv,
    )
    for name in ("summary.md", "claimreview.jsonld", "ucdp.csv"):  # written with the report
        if (out / name).is_file():
            files[name] = out / name
    return Analysis(
        result.case, result.mentions, result.claims, result.comparison, files, result.aligned
    )


def bundled_cases() -> tuple[str, ...]:
    """Ids of the demo cases shipped with the package."""
    root = resources.files("factcheck") / "cases"
    return tuple(sorted(p.name for p in root.iterdir() if (p / "case.yaml").is_file()))


def bundled_case(case_id: str = DEMO_CASE) -> Path:
    """The folder of a bundled case (a real path: the package is installed from files)."""
    path = Path(str(resources.files("factcheck") / "cases" / case_id))
    if not (path / "case.yaml").is_file():
        from factcheck.errors import CaseError

        raise CaseError(case_id, f"no bundled case (known: {', '.join(bundled_cases())})")
    return path
