"""Hand-made documents, claims and comparison tables for the present stage.

The figures are the Anbar raid's (US Central Command 15 vs Iraqi Joint Operations Command 14
killed ISIS militants; 7 US soldiers wounded per unnamed sources via the Associated Press; no
civilian casualties), written in this project's own words. ``anbar_ar`` gives the speakers and
labels in Arabic; ``hedged`` has intervals and open bounds; ``rising`` a toll that changed.
"""

from __future__ import annotations

import json
import math
from datetime import date, datetime, timedelta, timezone

import pandas as pd

from factcheck.model import Case, Claim, Document, Kind, Polarity, Qualifier, Scope
from factcheck.schema import COMPARISON_COLUMNS, claims_frame

BAGHDAD = timezone(timedelta(hours=3))
RAID_DAY = date(2024, 8, 29)

CENTCOM_TEXT = (
    "Statement on a partnered raid in western Iraq\n\n"
    "On Thursday, August 29, US forces and Iraqi Security Forces carried out a joint raid "
    "against ISIS in the desert of western Iraq. The raid killed 15 ISIS operatives, among "
    "them several leaders.\n\n"
    "There is no indication of civilian casualties."
)
INA_TEXT = (
    "قالت قيادة العمليات المشتركة إن ضربات جوية نفذت في الساعة الرابعة من فجر الخميس في "
    "صحراء الأنبار أدت إلى مقتل 14 عنصرا من داعش بينهم قادة.\n\n"
    "وأضافت أن العملية جاءت بعد متابعة استمرت شهرين."
)
AP_TEXT = (
    "Seven US soldiers were hurt during the raid in Iraq, two officials told the Associated "
    "Press on condition that their names not be used."
)


def _doc(doc_id: str, publisher: str, language: str, text: str, hour: int) -> Document:
    published = datetime(2024, 8, 30, hour, 0, tzinfo=BAGHDAD)
    return Document(doc_id, publisher, language, text, published)


DOCUMENTS = (
    _doc("centcom-statement", "US Central Command", "en", CENTCOM_TEXT, 6),
    _doc("ina-report", "Iraqi News Agency", "ar", INA_TEXT, 9),
    _doc("ap-wire", "Associated Press", "en", AP_TEXT, 14),
)


def make_claim(doc: Document, value_text: str, **fields) -> Claim:
    """A claim on the first occurrence of ``value_text`` in the document."""
    start = doc.text.index(value_text)
    low = fields.pop("low")
    high = fields.pop("high", low)
    base = dict(
        doc_id=doc.id,
        publisher=doc.publisher,
        language=doc.language,
        speaker=doc.publisher,
        speaker_text="",
        via="",
        subject_detail="",
        qualifier=Qualifier.EXACT,
        polarity=Polarity.ASSERTED,
        scope=Scope.EVENT,
        sentence=value_text,
        event_date=RAID_DAY,
        reported_at=doc.published,
        kind=Kind.CASUALTY,
    )
    base.update(fields)
    return Claim(
        low=low,
        high=high,
        value_text=value_text,
        start=start,
        end=start + len(value_text),
        **base,
    )


def anbar_claims(names: dict[str, str] | None = None, detail: str = "ISIS") -> list[Claim]:
    """The four claims of the Anbar raid; ``names`` renames speakers (e.g. into Arabic)."""
    n = names or {}
    centcom, ina, ap = DOCUMENTS
    return [
        make_claim(
            centcom,
            "15",
            low=15,
            measure="killed",
            subject="militants",
            subject_detail=detail,
            speaker=n.get("centcom", "US Central Command"),
        ),
        make_claim(
            centcom,
            "no indication of civilian casualties",
            low=0,
            measure="casualties",
            subject="civilians",
            qualifier=Qualifier.NONE_REPORTED,
            speaker=n.get("centcom", "US Central Command"),
        ),
        make_claim(
            ina,
            "14",
            low=14,
            measure="killed",
            subject="militants",
            subject_detail=detail,
            speaker_text="قيادة العمليات المشتركة",
            speaker=n.get("joc", "Iraqi Joint Operations Command"),
        ),
        make_claim(
            ap,
            "Seven",
            low=7,
            measure="wounded",
            subject="soldiers",
            subject_detail="US",
            speaker=n.get("ap", "unnamed sources"),
            speaker_text="two officials",
            via=n.get("via", "Associated Press"),
        ),
    ]


def comparison_of(claims: pd.DataFrame, rows: list[dict]) -> pd.DataFrame:
    """A comparison table from hand-written rows; figures and speakers come from the claims."""
    out = []
    for row in rows:
        sub = claims[claims["group_id"] == row["group_id"]]
        figures = {
            s: [None if math.isnan(lo) else lo, None if math.isnan(hi) else hi]
            for s, lo, hi in zip(sub["speaker"], sub["low"], sub["high"], strict=True)
        }
        first = sub.iloc[0]
        full = {
            "event_date": first["event_date"],
            "measure": first["measure"],
            "subject": first["subject"],
            "subject_detail": first["subject_detail"],
            "n_sources": len(figures),
            "speakers": "; ".join(figures),
            "figures": json.dumps(figures, ensure_ascii=False),
            "policy": "best",
            "claim_ids": json.dumps(list(sub["claim_id"])),
            **row,
        }
        full.setdefault("spread", full["high"] - full["low"])
        full.setdefault("rel_spread", full["spread"] / full["high"] if full["high"] else 0.0)
        out.append(full)
    frame = pd.DataFrame(out)
    extra = [c for c in frame.columns if c not in COMPARISON_COLUMNS]
    return frame[[*COMPARISON_COLUMNS, *extra]]


ANBAR_ROWS = [
    dict(
        group_id="g1",
        low=14.0,
        high=15.0,
        best=15.0,
        verdict="discrepant",
        note="exact figures 15 and 14 do not overlap",
        reason="disjoint intervals",
    ),
    dict(
        group_id="g2", low=7.0, high=7.0, best=7.0, verdict="single_source", note="one source only"
    ),
    dict(
        group_id="g3",
        low=0.0,
        high=0.0,
        best=0.0,
        verdict="single_source",
        note="no civilian casualties reported by one source",
    ),
]
GROUP_OF = {"killed": "g1", "wounded": "g2", "casualties": "g3"}


def anbar_data(names: dict[str, str] | None = None, detail: str = "ISIS"):
    claims = claims_frame(anbar_claims(names, detail))
    claims = claims.assign(group_id=claims["measure"].map(GROUP_OF))
    rows = [dict(r) for r in ANBAR_ROWS]
    return claims, comparison_of(claims, rows)


ARABIC_NAMES = {
    "centcom": "القيادة المركزية الأميركية",
    "joc": "قيادة العمليات المشتركة",
    "ap": "مصادر مجهولة",
    "via": "أسوشيتد برس",
}


def hedged_data() -> tuple[pd.DataFrame, pd.DataFrame]:
    """One group with an exact, an 'about', a range, an 'at least' and an 'at most' figure."""
    text = "at least 12 killed; about 10; between 9 and 13; up to 11; 10 dead"
    doc = Document("wire", "Reuters", "en", text, datetime(2024, 8, 30, tzinfo=BAGHDAD))
    spec = [
        ("Reuters", "at least 12", 12.0, math.nan, Qualifier.AT_LEAST),
        ("Agence France-Presse", "about 10", 10.0, 10.0, Qualifier.ABOUT),
        ("local officials", "between 9 and 13", 9.0, 13.0, Qualifier.RANGE),
        ("unnamed officials", "up to 11", math.nan, 11.0, Qualifier.AT_MOST),
        ("Civil Defence", "10", 10.0, 10.0, Qualifier.EXACT),
    ]
    claims = claims_frame(
        make_claim(
            doc,
            vt,
            low=None if math.isnan(lo) else lo,
            high=None if math.isnan(hi) else hi,
            qualifier=q,
            speaker=s,
            measure="killed",
            subject="civilians",
        )
        for s, vt, lo, hi, q in spec
    ).assign(group_id="h1")
    rows = [
        dict(
            group_id="h1",
            low=10.0,
            high=13.0,
            best=10.0,
            verdict="compatible",
            note="intervals overlap in 10–11",
        )
    ]
    return claims, comparison_of(claims, rows)


def rising_data() -> pd.DataFrame:
    """A toll reported three times by a ministry and twice by a wire, rising each time."""
    doc = Document(
        "updates", "Reuters", "en", "5 12 20 9 18 3", datetime(2024, 8, 30, tzinfo=BAGHDAD)
    )
    spec = [
        ("Ministry of Health", "5", 5.0, 5.0, 0),
        ("Ministry of Health", "12", 12.0, 12.0, 1),
        ("Ministry of Health", "20", 20.0, math.nan, 2),
        ("Reuters", "9", 9.0, 9.0, 0),
        ("Reuters", "18", 18.0, 18.0, 2),
        ("Civil Defence", "3", 3.0, 3.0, 1),
    ]
    claims = []
    for s, vt, lo, hi, day in spec:
        claims.append(
            make_claim(
                doc,
                vt,
                low=lo,
                high=None if math.isnan(hi) else hi,
                speaker=s,
                qualifier=Qualifier.AT_LEAST if math.isnan(hi) else Qualifier.EXACT,
                measure="killed" if s != "Civil Defence" else "wounded",
                subject="people",
                reported_at=datetime(2024, 8, 29 + day, 12, tzinfo=BAGHDAD),
            )
        )
    frame = claims_frame(claims)
    return frame.assign(group_id=frame["measure"].map({"killed": "r1", "wounded": "r2"}))


def anbar_case(title: str = "Anbar raid") -> Case:
    """The three hand-made documents as a case."""
    return Case("anbar-raid-2024-08", DOCUMENTS, title=title, timezone="Asia/Baghdad")
