"""Event days, reporting days and clock-time zone checks, hand-checked in ar, en and fr."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from factcheck import lang
from factcheck.errors import CaseError
from factcheck.mentions import clock
from factcheck.mentions.clock import find_clock_times, utc_offset
from factcheck.mentions.timecheck import (
    check_clock_times,
    document_event_date,
    event_date_for,
    find_dates,
    reported_at_for,
    resolve_weekday,
)
from factcheck.model import Document, Mention, Qualifier, Role
from factcheck.text.normalize import lookup_key

SAT = date(2024, 8, 31)  # a Saturday


@pytest.mark.parametrize(
    ("weekday", "expected"),
    [
        (3, date(2024, 8, 29)),  # Thursday: two days before
        (4, date(2024, 8, 30)),
        (5, date(2024, 8, 31)),  # the publication day itself
        (6, date(2024, 8, 25)),  # Sunday: the one before, never the next
        (0, date(2024, 8, 26)),
    ],
)
def test_resolve_weekday(weekday: int, expected: date) -> None:
    assert resolve_weekday(weekday, SAT) == expected


@pytest.mark.parametrize(
    ("sentence", "language", "published", "event", "reported"),
    [
        # English
        (
            "The ministry said on Friday that 12 people were killed on Wednesday.",
            "en",
            SAT,
            date(2024, 8, 28),
            date(2024, 8, 30),
        ),
        (
            "Fifteen militants were killed on Thursday, CENTCOM said.",
            "en",
            SAT,
            date(2024, 8, 29),
            None,
        ),
        ("Police arrested 40 people yesterday.", "en", date(2024, 3, 5), date(2024, 3, 4), None),
        ("Shelling last night killed three.", "en", date(2024, 3, 5), date(2024, 3, 4), None),
        ("Protests on 15 July 2021 drew 3,000 people.", "en", SAT, date(2021, 7, 15), None),
        ("Protests on July 15, 2021 drew 3,000 people.", "en", SAT, date(2021, 7, 15), None),
        ("The flood on 30 December left 9 dead.", "en", date(2025, 1, 2), date(2024, 12, 30), None),
        ("The raid in July 2021 killed 4.", "en", SAT, None, None),  # a month is not a day
        ("Officials said Thursday that 5 died.", "en", SAT, None, date(2024, 8, 29)),
        ("Officials said 5 died on Thursday.", "en", SAT, date(2024, 8, 29), None),
        # Arabic
        ("قالت الوزارة أمس إن 5 أشخاص قتلوا", "ar", SAT, None, date(2024, 8, 30)),
        ("قتل 12 شخصاً الليلة الماضية في القصف", "ar", SAT, date(2024, 8, 30), None),
        ("وقعت المداهمة في ١٥ يوليو ٢٠٢١ وقتل فيها 3", "ar", SAT, date(2021, 7, 15), None),
        ("وقعت المداهمة في 15 تموز/يوليو 2021", "ar", SAT, date(2021, 7, 15), None),
        ("اعتقلت الشرطة 20 شخصاً يوم الأربعاء", "ar", SAT, date(2024, 8, 28), None),
        (
            "وأكدت الوكالة، الجمعة، مقتل 14 عنصراً يوم الخميس",
            "ar",
            SAT,
            date(2024, 8, 29),
            date(2024, 8, 30),
        ),
        # French
        (
            "Le ministère a annoncé samedi que 15 personnes ont été tuées jeudi.",
            "fr",
            SAT,
            date(2024, 8, 29),
            date(2024, 8, 31),
        ),
        ("Hier, 300 manifestants ont défilé.", "fr", date(2023, 3, 8), date(2023, 3, 7), None),
        ("Cette nuit, 4 véhicules ont brûlé.", "fr", date(2023, 3, 8), date(2023, 3, 7), None),
        ("Aujourd'hui, 2 blessés ont été évacués.", "fr", date(2023, 3, 8), date(2023, 3, 8), None),
        ("Le 1er mai 2023, 2 000 personnes ont défilé.", "fr", SAT, date(2023, 5, 1), None),
        ("Avant-hier, 7 migrants ont disparu.", "fr", date(2023, 3, 8), date(2023, 3, 6), None),
        ("Le séisme du 06/02/2023 a fait 50 morts.", "fr", SAT, date(2023, 2, 6), None),
        ("The quake of 2023-02-06 killed 50.", "en", SAT, date(2023, 2, 6), None),
    ],
)
def test_event_and_reported_days(
    sentence: str, language: str, published: date, event: date | None, reported: date | None
) -> None:
    assert event_date_for(sentence, language, published) == event
    assert reported_at_for(sentence, language, published) == reported


WED = date(2026, 2, 11)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "language", "published", "expected"),
    [
        # relative day + weekday, weekday + date, and a night over two days are one expression
        (
            "أعلن الحرس الوطني، اليوم الجمعة، انتشال 23 جثة",
            "ar",
            date(2026, 5, 8),
            [("اليوم الجمعة", date(2026, 5, 8), "reported")],
        ),
        (
            "غرق قارب ليل الخميس إلى الجمعة",
            "ar",
            date(2026, 5, 8),
            [("الخميس إلى الجمعة", date(2026, 5, 7), "event")],
        ),
        (
            "التي نفذت الخميس والجمعة",
            "ar",
            date(2026, 9, 12),
            [("الخميس والجمعة", date(2026, 9, 10), "event")],
        ),
        (
            "une nouvelle journée samedi 11 mars",
            "fr",
            date(2023, 3, 8),
            [("samedi 11 mars", date(2023, 3, 11), "event")],
        ),
        (
            "On 10 and 11 September, the ICRC moved 650 detainees",
            "en",
            date(2026, 9, 12),
            [("10 and 11 September", date(2026, 9, 10), "event")],
        ),
        # a day-month without year is taken in the year nearest publication, future included
        (
            "prochaine journée le 12 février",
            "fr",
            date(2026, 1, 30),
            [("12 février", date(2026, 2, 12), "event")],
        ),
        (
            "the flood of 30 December",
            "en",
            date(2025, 1, 2),
            [("30 December", date(2024, 12, 30), "event")],
        ),
        # a dateline is when the report was filed
        (
            "CONAKRY, Aug 16 (Reuters) - At least 56 died on Saturday",
            "en",
            date(2026, 8, 16),
            [("Aug 16", date(2026, 8, 16), "reported"), ("Saturday", date(2026, 8, 15), "event")],
        ),
        # a toll update dates the toll, not the event ...
        (
            "The toll from the quake rose to 149 on Wednesday",
            "en",
            WED,
            [("Wednesday", WED, "reported")],
        ),
        (
            "Le bilan du séisme qui a frappé lundi s'est alourdi mercredi : 156 morts",
            "fr",
            WED,
            [("lundi", date(2026, 2, 9), "event"), ("mercredi", WED, "reported")],
        ),
        # ... unless the day belongs to the noun after it
        (
            "ارتفعت حصيلة الغارات على البلدة أمس الخميس إلى 12 قتيلا",
            "ar",
            date(2026, 4, 17),
            [("أمس الخميس", date(2026, 4, 16), "event")],
        ),
        (
            "Au lendemain de la manifestation, 48 000 selon la police",
            "fr",
            date(2026, 1, 30),
            [("Au lendemain", date(2026, 1, 29), "event")],
        ),
    ],
)
def test_time_expressions(
    text: str, language: str, published: date, expected: list[tuple[str, date, str]]
) -> None:
    assert [(x.text, x.day, x.role) for x in find_dates(text, language, published)] == expected


def test_document_event_date_prefers_the_lead_day_before_publication() -> None:
    text = (
        "More than a million people marched on Tuesday against the reform.\n"
        "Unions have called for another day of protests on Saturday."
    )
    assert document_event_date(text, "en", date(2023, 3, 8)) == date(2023, 3, 7)
    announced = "أعلن وزير الداخلية، الثلاثاء، توقيف 161 مشتبهاً"
    assert document_event_date(announced, "ar", date(2026, 10, 6)) == date(2026, 10, 6)
    assert document_event_date("No day here.", "en", date(2026, 10, 6)) is None


def test_weekday_without_publication_date_is_unresolved() -> None:
    found = find_dates("killed on Thursday", "en", None)
    assert [(x.text, x.kind, x.day) for x in found] == [("Thursday", "weekday", None)]
    assert event_date_for("killed on Thursday", "en", None) is None


def test_publication_datetime_is_accepted() -> None:
    published = datetime(2024, 8, 31, 6, 0)
    assert event_date_for("killed on Thursday", "en", published) == date(2024, 8, 29)


def test_figure_picks_the_nearest_event_day_before_it() -> None:
    sentence = "After Monday's clashes, 3 died on Wednesday and 5 on Thursday."
    assert event_date_for(sentence, "en", SAT, figure_at=sentence.index("5")) == date(2024, 8, 28)
    assert event_date_for(sentence, "en", SAT, figure_at=sentence.index("3")) == date(2024, 8, 26)


def test_spans_index_the_original_text() -> None:
    text = "وأكدت الوكالة، الجمعة، مقتل 14 عنصراً يوم الخميس"
    for x in find_dates(text, "ar", SAT):
        assert text[x.start : x.end] == x.text


def _doc(text: str, language: str, published: datetime | None = None) -> Document:
    return Document("d", "p", language, text, published)


@pytest.mark.parametrize(
    ("text", "language", "zone", "published", "consistent", "message"),
    [
        (
            "في الساعة 04:00 من فجر الخميس (01:00 بتوقيت جرينتش)",
            "ar",
            "Asia/Baghdad",
            datetime(2024, 8, 31),
            True,
            "04:00 local = 01:00 GMT: consistent (UTC+3)",
        ),
        (
            "في الساعة 04:00 من فجر الخميس (02:00 بتوقيت غرينتش)",
            "ar",
            "Asia/Baghdad",
            datetime(2024, 8, 31),
            False,
            "04:00 local = 02:00 GMT: inconsistent (Asia/Baghdad is UTC+3 on 2024-08-31; "
            "the pair implies UTC+2)",
        ),
        (
            "The raid began at 4 a.m. local time (0100 GMT).",
            "en",
            "Asia/Baghdad",
            datetime(2024, 8, 31),
            True,
            "04:00 local = 01:00 GMT: consistent (UTC+3)",
        ),
        (
            "Le cortège est parti à 14h30 (12h30 GMT).",  # winter: Paris is UTC+1
            "fr",
            "Europe/Paris",
            datetime(2023, 3, 7),
            False,
            "14:30 local = 12:30 GMT: inconsistent (Europe/Paris is UTC+1 on 2023-03-07; "
            "the pair implies UTC+2)",
        ),
        (
            "Le cortège est parti à 14h30 (12h30 GMT).",  # summer: UTC+2
            "fr",
            "Europe/Paris",
            datetime(2023, 7, 7),
            True,
            "14:30 local = 12:30 GMT: consistent (UTC+2)",
        ),
        (
            "Le cortège est parti à 14h30 heure de Paris, soit 13h30 UTC.",
            "fr",
            "Asia/Baghdad",
            datetime(2023, 3, 7),
            True,
            "14:30 local = 13:30 UTC: consistent (UTC+1)",
        ),
    ],
)
def test_clock_pairs(
    text: str, language: str, zone: str, published: datetime, consistent: bool, message: str
) -> None:
    (finding,) = check_clock_times(_doc(text, language, published), timezone=zone)
    assert finding.consistent is consistent
    assert finding.message == message
    for span in finding.spans:
        assert text[span.start : span.end].strip()


def test_clock_without_a_case_zone_reports_the_implied_offset() -> None:
    (finding,) = check_clock_times(_doc("at 04:00 (01:00 GMT)", "en"))
    assert finding.consistent is None
    assert finding.implied == "UTC+3"
    assert "no time zone" in finding.message


def test_unpaired_and_far_apart_times_are_not_findings() -> None:
    assert check_clock_times(_doc("at 04:00 and at 06:00", "en"), timezone="UTC") == []
    far = "at 04:00 the raid began." + " Nothing else happened." * 5 + " At 01:00 GMT it ended."
    assert check_clock_times(_doc(far, "en"), timezone="Asia/Baghdad") == []


def test_time_mentions_restrict_the_check() -> None:
    text = "at 04:00 (01:00 GMT)"
    only_first = [Mention("d", 3, 8, "04:00", 4, 4, Qualifier.EXACT, Role.TIME)]
    assert check_clock_times(_doc(text, "en"), only_first, "Asia/Baghdad") == []
    both = [*only_first, Mention("d", 10, 15, "01:00", 1, 1, Qualifier.EXACT, Role.TIME)]
    assert len(check_clock_times(_doc(text, "en"), both, "Asia/Baghdad")) == 1


def test_clock_times_are_read_in_every_script() -> None:
    times = find_clock_times("الساعة ٠٤:٣٠ فجراً و 9 p.m. and 14h", None)
    assert [t.hhmm for t in times] == ["04:30", "21:00", "14:00"]


def test_unknown_zone_is_a_clear_error() -> None:
    with pytest.raises(CaseError, match="Mars/Olympus"):
        utc_offset("Mars/Olympus", datetime(2024, 1, 1))


def test_missing_tz_database_falls_back_to_fixed_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> zoneinfo.ZoneInfo:
        raise zoneinfo.ZoneInfoNotFoundError(name)

    monkeypatch.setattr(clock, "ZoneInfo", missing)
    assert utc_offset("Asia/Baghdad", datetime(2024, 8, 29)) == (timedelta(hours=3),)
    assert utc_offset("Europe/Paris", datetime(2024, 8, 29)) == (
        timedelta(hours=1),
        timedelta(hours=2),
    )
    text = "Le cortège est parti à 14h30 (12h30 GMT)."
    (finding,) = check_clock_times(_doc(text, "fr", datetime(2023, 3, 7)), timezone="Europe/Paris")
    assert finding.consistent is True  # standard or summer: the table cannot tell which


def test_time_words_are_normalised_and_zones_known() -> None:
    for code in lang.available():
        section = lang.load(code).get("time") or {}
        for table in ("weekdays", "months", "relative_days", "zones"):
            for word in section.get(table) or {}:
                assert lookup_key(word) == word, (code, table, word)
        for word in [*section.get("report_cues", []), *section.get("content_cues", [])]:
            assert lookup_key(word) == word, (code, word)
        for zone in (section.get("zones") or {}).values():
            assert zone == "local" or utc_offset(zone, datetime(2024, 1, 1)), zone


def test_seed_article(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    published = datetime(2024, 8, 31)
    found = [
        (x.text, x.day, x.role) for x in find_dates(text, "ar", published) if x.kind != "month"
    ]
    assert found == [
        ("السبت", date(2024, 8, 31), "reported"),  # "أعلنت ... فجر السبت": announced Saturday
        ("الخميس", date(2024, 8, 29), "event"),
        ("الجمعة", date(2024, 8, 30), "reported"),  # "وأكدت وكالة الأنباء العراقية، الجمعة"
        ("الخميس", date(2024, 8, 29), "event"),
    ]
    assert document_event_date(text, "ar", published) == date(2024, 8, 29)
    findings = check_clock_times(_doc(text, "ar", published), timezone="Asia/Baghdad")
    assert [f.message for f in findings] == ["04:00 local = 01:00 GMT: consistent (UTC+3)"]
    assert [text[s.start : s.end] for s in findings[0].spans] == ["04:00", "01:00"]


def test_claims_stage_entries(seed_path: Path) -> None:
    from factcheck.mentions.timecheck import resolve_event_date, resolve_reported_at
    from factcheck.model import Span
    from factcheck.text.sentences import split_sentences

    text = seed_path.read_text(encoding="utf-8")
    doc = _doc(text, "ar", datetime(2024, 8, 31, 6, 0))
    spans = split_sentences(text, "ar")
    ina = next(s for s in spans if "وكالة الأنباء العراقية" in text[s.start : s.end])
    # the INA sentence names only the day it reported; the event day comes from the document
    assert resolve_event_date(doc, ina, []) == date(2024, 8, 29)
    assert resolve_reported_at(doc, ina, []) == date(2024, 8, 30)
    assert resolve_reported_at(doc, Span(0, 0), []) is None


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "A bulletin issued on Friday said 40 people were killed."),
        ("fr", "Dans un bilan publié vendredi, le ministère fait état de 40 morts."),
        ("ar", "وبحسب البيان الصادر الجمعة، قتل 40 شخصا."),
    ],
)
def test_a_bulletin_dates_its_statement(language: str, sentence: str) -> None:
    published = datetime(2026, 3, 15, 21, 0)  # a Sunday
    assert reported_at_for(sentence, language, published) == date(2026, 3, 13)
