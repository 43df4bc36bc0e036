"""reported_at from a part of the day: "said on Sunday evening", "dimanche soir", "مساء الأحد",
"this morning", "45 as of Sunday evening", "حتى مساء الأحد" are intervals resolved against the
publication, never a minute. Texts written for these tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from factcheck import extract
from factcheck.mentions.dayparts import reported_moment
from factcheck.when import DayPart, moment_text, parse_moment

BAGHDAD = timezone(timedelta(hours=3))
PUBLISHED = "2024-08-26T09:00+03:00"  # a Monday morning


def _reported(text: str, language: str, published: str = PUBLISHED) -> object:
    claims = extract(text, language=language, publisher="Test Wire", published=published)
    assert len(claims) == 1, claims[["value_text", "measure"]]
    return claims.iloc[0].reported_at


SUNDAY_EVENING = DayPart(
    date(2024, 8, 25),
    "evening",
    datetime(2024, 8, 25, 17, tzinfo=BAGHDAD),
    datetime(2024, 8, 26, tzinfo=BAGHDAD),
)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The health ministry said on Sunday evening that 45 people had been killed."),
        ("fr", "Le ministère de la Santé a annoncé dimanche soir que 45 personnes avaient été "
               "tuées."),
        ("ar", "أعلنت وزارة الصحة مساء الأحد أن 45 شخصا قتلوا."),
        ("ar", "أعلنت وزارة الصحة مساء يوم الأحد أن 45 شخصا قتلوا."),
    ],
)  # fmt: skip
def test_a_reporting_day_with_its_part(language: str, text: str) -> None:
    assert _reported(text, language) == SUNDAY_EVENING


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The toll stood at 45 dead as of Sunday evening, the health ministry said."),
        ("fr", "Le bilan s'élevait à 45 morts jusqu'à dimanche soir, selon le ministère de la "
               "Santé."),
        ("ar", "أعلنت وزارة الصحة أن عدد القتلى بلغ 45 حتى مساء الأحد."),
    ],
)  # fmt: skip
def test_a_toll_as_of_a_part_of_a_day(language: str, text: str) -> None:
    assert _reported(text, language) == SUNDAY_EVENING


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The health ministry said this morning that 45 people had been killed."),
        ("fr", "Le ministère de la Santé a annoncé ce matin que 45 personnes avaient été tuées."),
        ("ar", "أعلنت وزارة الصحة صباح اليوم أن 45 شخصا قتلوا."),
    ],
)  # fmt: skip
def test_a_part_of_the_publication_day_ends_at_publication(language: str, text: str) -> None:
    got = _reported(text, language)
    assert isinstance(got, DayPart)
    six, nine = (datetime(2024, 8, 26, h, tzinfo=BAGHDAD) for h in (6, 9))
    assert (got.start, got.end) == (six, nine)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The health ministry said on Sunday that 45 people had been killed."),
        ("fr", "Le ministère de la Santé a annoncé dimanche que 45 personnes avaient été tuées."),
        ("ar", "أعلنت وزارة الصحة الأحد أن 45 شخصا قتلوا."),
    ],
)  # fmt: skip
def test_a_day_without_a_part_stays_a_day(language: str, text: str) -> None:
    assert _reported(text, language) == date(2024, 8, 25)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "In its latest toll, the health ministry said 45 people had been killed."),
        ("fr", "Dans son dernier bilan, le ministère de la Santé a fait état de 45 morts."),
        ("ar", "وفي آخر حصيلة لها، قالت وزارة الصحة إن 45 شخصا قتلوا."),
    ],
)  # fmt: skip
def test_a_latest_toll_without_a_day_is_the_publication(language: str, text: str) -> None:
    assert _reported(text, language) == datetime(2024, 8, 26, 9, tzinfo=BAGHDAD)


def test_a_part_after_publication_is_not_read() -> None:
    morning = datetime(2024, 8, 26, 9, tzinfo=BAGHDAD)
    assert reported_moment(date(2024, 8, 26), "evening", morning) == date(2024, 8, 26)


def test_a_publication_known_by_its_day_keeps_the_whole_part() -> None:
    got = reported_moment(date(2024, 8, 25), "night", date(2024, 8, 26))
    assert isinstance(got, DayPart)
    assert (got.start, got.end) == (datetime(2024, 8, 25, 20), datetime(2024, 8, 26, 6))


def test_iso_interval_round_trip_and_words() -> None:
    text = SUNDAY_EVENING.isoformat()
    assert text == "2024-08-25T17:00+03:00/2024-08-26T00:00+03:00"
    back = parse_moment(text)
    assert (back.start, back.end, back.day) == (SUNDAY_EVENING.start, SUNDAY_EVENING.end,
                                                SUNDAY_EVENING.day)  # fmt: skip
    assert moment_text(SUNDAY_EVENING) == "2024-08-25 evening (17:00-24:00)"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "In a statement issued at 6 p.m. on Sunday, the ministry said 45 people were "
               "killed."),
        ("fr", "Dans un bilan publié dimanche à 18h, le ministère a fait état de 45 morts."),
        ("ar", "وفي بيان صدر عند الساعة 18:00 مساء الأحد، قالت الوزارة إن 45 شخصا قتلوا."),
    ],
)  # fmt: skip
def test_a_bulletin_time_is_the_reporting_minute(language: str, text: str) -> None:
    assert _reported(text, language) == datetime(2024, 8, 25, 18, tzinfo=BAGHDAD)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The strike hit at 4 a.m. on Sunday, killing 45 people, the ministry said."),
        ("fr", "La frappe a eu lieu dimanche à 4h et a fait 45 morts, selon le ministère."),
        ("ar", "وقعت الغارة عند الساعة 04:00 فجر الأحد وأسفرت عن مقتل 45 شخصا، بحسب الوزارة."),
    ],
)  # fmt: skip
def test_an_event_clock_time_is_not_a_reporting_time(language: str, text: str) -> None:
    got = _reported(text, language)
    assert not (isinstance(got, datetime) and got.hour == 4), got


def test_a_bulletin_time_after_publication_is_not_read() -> None:
    text = "In a statement issued at 6 p.m., the ministry said 45 people were killed."
    assert _reported(text, "en") == datetime(2024, 8, 26, 9, tzinfo=BAGHDAD)
