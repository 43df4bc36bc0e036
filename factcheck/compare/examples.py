"""Small hand-made claims tables for the docs, notebooks and tests of the compare stage.

Each builds real ``Claim`` records over short texts written for the kit (offsets index the
text), so ``align`` and ``compare`` can be shown and tested without running extraction.
The texts retell the events in the kit's own words.
"""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from factcheck.model import Claim, Kind, Polarity, Qualifier, Scope, Span
from factcheck.schema import claims_frame


class _Doc:
    """A document being annotated: finds each figure in the text and builds its claim."""

    def __init__(self, doc_id: str, publisher: str, language: str, text: str) -> None:
        self.doc_id, self.publisher, self.language, self.text = doc_id, publisher, language, text
        self.places: dict[str, str] = {}

    def claim(self, value_text: str, *, nth: int = 0, place: str = "", **kw: object) -> Claim:
        """A claim on the ``nth`` occurrence of ``value_text``; ``kw`` fills the other fields."""
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(value_text, start + 1)
        end = start + len(value_text)
        cut = [self.text.rfind(p, 0, start) for p in (". ", "\n", "، ")]
        s0 = max(cut) + 1
        ends = [i for i in (self.text.find(p, end) for p in (".", "\n")) if i >= 0]
        s1 = min(ends) + 1 if ends else len(self.text)
        low = kw.pop("low")
        fields: dict[str, object] = {
            "speaker_text": "",
            "via": "",
            "high": low,
            "qualifier": Qualifier.EXACT,
            "polarity": Polarity.ASSERTED,
            "scope": Scope.EVENT,
            "kind": Kind.CASUALTY,
            "subject_detail": "",
            "also_at": (),
        }
        fields.update(kw)
        if fields["speaker"] == "":
            fields["speaker"] = self.publisher
        record = Claim(
            doc_id=self.doc_id,
            publisher=self.publisher,
            language=self.language,
            value_text=value_text,
            start=start,
            end=end,
            sentence=self.text[s0:s1].strip(),
            low=low,
            **fields,  # type: ignore[arg-type]
        )
        self.places[record.claim_id] = place
        return record


def _frame(docs: list[_Doc], claims: list[Claim]) -> pd.DataFrame:
    places = {k: v for d in docs for k, v in d.places.items()}
    frame = claims_frame(claims)
    return frame.assign(place=[places[c] for c in frame["claim_id"]])


ANBAR_EN = (
    "US Central Command said on Saturday that a joint raid with Iraqi forces in western Iraq "
    "on Thursday killed 15 ISIS militants. Sources quoted by the Associated Press said 7 "
    "American soldiers were wounded during the assault. Central Command said there was no "
    "sign of civilian casualties. On Friday the Iraqi News Agency, citing the Joint Operations "
    "Command, said 14 militants were killed in the Anbar desert, senior leaders among them. "
    "After the air strikes, the command said, troops fought those who fled and killed 14 "
    "fighters, some wearing explosive belts. The United States keeps 2,500 troops in Iraq."
)
ANBAR_AR = (
    "ونقلت وكالة الأنباء العراقية عن قيادة العمليات المشتركة أن القوات قتلت 14 عنصراً من "
    "داعش في صحراء الأنبار، بينهم قادة في التنظيم."
)


def anbar_claims() -> pd.DataFrame:
    """The Anbar raid of August 2024: CENTCOM 15 vs the Joint Operations Command 14, and more."""
    en = _Doc("anbar-report", "Al-Araby Al-Jadeed", "en", ANBAR_EN)
    ar = _Doc("anbar-relay", "Shafaq News", "ar", ANBAR_AR)
    event, sat, fri = date(2024, 8, 29), datetime(2024, 8, 31, 6), datetime(2024, 8, 30, 9)
    common = {"event_date": event, "measure": "killed", "subject": "militants"}
    joc = {"speaker": "Iraqi Joint Operations Command", "via": "Iraqi News Agency"}
    second_14 = en.claim("14", nth=1, low=14, **joc, **common, reported_at=fri)
    claims = [
        en.claim("15", low=15, speaker="US Central Command", speaker_text="US Central Command",
                 subject_detail="ISIS", reported_at=sat, **common),
        en.claim("7", low=7, speaker="unnamed sources", speaker_text="Sources",
                 via="Associated Press", measure="wounded", subject="soldiers",
                 subject_detail="US", event_date=event, reported_at=sat),
        en.claim("no sign of civilian casualties", low=0, speaker="US Central Command",
                 speaker_text="Central Command", measure="casualties", subject="civilians",
                 qualifier=Qualifier.NONE_REPORTED, event_date=event, reported_at=sat),
        en.claim("14", low=14, speaker_text="the Joint Operations Command",
                 subject_detail="ISIS", reported_at=fri, **joc, **common,
                 also_at=(Span(second_14.start, second_14.end),)),
        en.claim("2,500", low=2500, speaker="", measure="deployed", subject="soldiers",
                 subject_detail="US", scope=Scope.CONTEXT, kind=Kind.FORCE_SIZE,
                 event_date=None, reported_at=sat),
        ar.claim("14", low=14, speaker_text="قيادة العمليات المشتركة", subject_detail="ISIS",
                 reported_at=datetime(2024, 8, 30, 12), **joc, **common),
    ]  # fmt: skip
    return _frame([en, ar], claims)


PROTEST_FR = (
    "Selon la préfecture de police, 31 000 personnes ont défilé à Paris, contre 120 000 selon "
    "la CGT. À Lyon, la police a compté 8 500 manifestants et les organisateurs 25 000. Au "
    "niveau national, le ministère de l'Intérieur a recensé 310 000 manifestants, la CGT plus "
    "d'un million."
)
PROTEST_EN = (
    "Police in Paris put the turnout at 31,000, while the CGT union said 120,000 people "
    "marched in the capital. The interior ministry counted 310,000 protesters nationwide."
)


def protest_claims() -> pd.DataFrame:
    """A day of pension protests: police vs organisers per city, and national totals."""
    fr = _Doc("protest-fr", "Le Quotidien", "fr", PROTEST_FR)
    en = _Doc("protest-en", "Reuters", "en", PROTEST_EN)
    day = date(2026, 3, 12)
    kw = {"measure": "attended", "subject": "protesters", "kind": Kind.COUNT,
          "event_date": day, "reported_at": datetime(2026, 3, 12, 20)}  # fmt: skip
    police, cgt = "Paris police prefecture", "CGT"
    interior = "French Interior Ministry"
    claims = [
        fr.claim("31 000", low=31000, speaker=police, place="Paris", **kw),
        fr.claim("120 000", low=120000, speaker=cgt, place="Paris", **kw),
        fr.claim("8 500", low=8500, speaker="Lyon police", place="Lyon", **kw),
        fr.claim("25 000", low=25000, speaker="organisers", place="Lyon", **kw),
        fr.claim("310 000", low=310000, speaker=interior, **kw),
        fr.claim("plus d'un million", low=1_000_000, high=None, qualifier=Qualifier.AT_LEAST,
                 speaker=cgt, **kw),
        en.claim("31,000", low=31000, speaker=police, place="Paris", **kw),
        en.claim("120,000", low=120000, speaker=cgt, place="Paris", **kw),
        en.claim("310,000", low=310000, speaker=interior, **kw),
    ]  # fmt: skip
    return _frame([fr, en], claims)


TOLL_AR = "وقالت وزارة الصحة إن حصيلة الفيضانات بلغت 20 قتيلاً."
TOLL_EN_1 = (
    "The health ministry said at least 45 people had died in the floods. Hospital sources "
    "told Reuters the real figure was higher."
)
TOLL_EN_2 = (
    "The health ministry raised the flood toll to 112 on Friday. The UN humanitarian office "
    "said more than 100 people had been killed, and hospital sources put the toll at about "
    "110."
)


def toll_claims() -> pd.DataFrame:
    """A flood toll rising over four days: one ministry 20 -> at least 45 -> 112, OCHA more
    than 100, hospital sources about 110."""
    d1 = _Doc("toll-day1", "Al Jazeera", "ar", TOLL_AR)
    d2 = _Doc("toll-day2", "Reuters", "en", TOLL_EN_1)
    d3 = _Doc("toll-day4", "Agence France-Presse", "en", TOLL_EN_2)
    kw = {"measure": "killed", "subject": "people", "event_date": date(2026, 2, 9)}
    ministry = "Libyan Health Ministry"
    claims = [
        d1.claim("20", low=20, speaker=ministry, reported_at=datetime(2026, 2, 10, 8), **kw),
        d2.claim("at least 45", low=45, high=None, qualifier=Qualifier.AT_LEAST,
                 speaker=ministry, reported_at=datetime(2026, 2, 11, 9), **kw),
        d3.claim("112", low=112, speaker=ministry, reported_at=datetime(2026, 2, 13, 10), **kw),
        d3.claim("more than 100", low=100, high=None, qualifier=Qualifier.AT_LEAST,
                 speaker="UN Office for the Coordination of Humanitarian Affairs",
                 reported_at=datetime(2026, 2, 13, 12), **kw),
        d3.claim("about 110", low=110, qualifier=Qualifier.ABOUT,
                 speaker="unnamed hospital sources", reported_at=datetime(2026, 2, 13, 12), **kw),
    ]  # fmt: skip
    return _frame([d1, d2, d3], claims)


def parts_claims() -> pd.DataFrame:
    """Parts that add up: 5 wounded + 2 injured in falls (one source) = 7 hurt (another)."""
    a = _Doc("stampede-a", "Example Gazette", "en",
             "A hospital director said 5 people were wounded by gunfire and 2 were injured in "
             "falls while fleeing.")  # fmt: skip
    b = _Doc("stampede-b", "Example Courier", "en", "Police said 7 people were hurt.")
    kw = {"measure": "wounded", "subject": "people", "event_date": date(2025, 5, 1),
          "reported_at": datetime(2025, 5, 1, 18)}  # fmt: skip
    claims = [
        a.claim("5", low=5, speaker="hospital director", **kw),
        a.claim("2", low=2, speaker="hospital director", **kw),
        b.claim("7", low=7, speaker="police", **kw),
    ]
    return _frame([a, b], claims)


def headline_claims() -> pd.DataFrame:
    """One document whose headline says 42 killed and whose body says 24."""
    d = _Doc("blast", "Evening Courier", "en",
             "42 killed in factory blast\nPolice said 24 workers died when a boiler exploded "
             "at the plant on Monday.")  # fmt: skip
    kw = {"measure": "killed", "subject": "workers", "event_date": date(2025, 11, 3),
          "reported_at": datetime(2025, 11, 3, 21)}  # fmt: skip
    claims = [
        d.claim("42", low=42, speaker="", **kw),
        d.claim("24", low=24, speaker="police", **kw),
    ]
    return _frame([d], claims)


def denied_claims() -> pd.DataFrame:
    """A figure given by one source and denied by another."""
    d = _Doc("shelling", "Northern Times", "en",
             "The health ministry said 300 people were killed in the shelling. The army denied "
             "the figure of 300, calling it exaggerated.")  # fmt: skip
    kw = {"measure": "killed", "subject": "people", "event_date": date(2025, 7, 2),
          "reported_at": datetime(2025, 7, 2, 15)}  # fmt: skip
    claims = [
        d.claim("300", low=300, speaker="Health Ministry", **kw),
        d.claim("300", nth=1, low=300, speaker="army", polarity=Polarity.DENIED, **kw),
    ]
    return _frame([d], claims)


def make_claim(start: int, **fields: object) -> Claim:
    """A claim written by hand with plain defaults (US Central Command, 10 ISIS militants
    killed, exact, asserted, event scope); ``fields`` overrides any of them.

    >>> make_claim(0, low=15.0, high=15.0).claim_id
    'doc:0'
    """
    record: dict[str, object] = {
        "doc_id": "doc", "publisher": "Example Daily", "language": "en",
        "speaker": "US Central Command", "speaker_text": "", "via": "", "measure": "killed",
        "subject": "militants", "subject_detail": "ISIS", "low": 10.0, "high": 10.0,
        "qualifier": Qualifier.EXACT, "polarity": Polarity.ASSERTED, "scope": Scope.EVENT,
        "value_text": "10", "start": start, "end": start + 2, "sentence": "",
        "event_date": date(2024, 8, 29), "reported_at": datetime(2024, 8, 31),
        "kind": Kind.CASUALTY,
    }  # fmt: skip
    record.update(fields)
    return Claim(**record)  # type: ignore[arg-type]
