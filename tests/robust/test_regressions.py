"""Each failure generated input once found, pinned: spans, values and roles, hand-checked."""

from __future__ import annotations

import itertools
import math

import pytest

import factcheck
from factcheck.mentions.find import OVERLAP_REASON
from factcheck.mentions.roles import UNREADABLE_REASON
from factcheck.model import Document
from factcheck.text.normalize import normalize


def _mentions(text: str) -> list[tuple[str, float, str]]:
    table = factcheck.mentions(text, language="en")
    assert all(text[r.start : r.end] == r.text for r in table.itertuples())
    return [(r.text, r.low, r.role) for r in table.itertuples()]


def test_an_expanding_ligature_and_a_removed_soft_hyphen_do_not_shift_spans() -> None:
    text = "Straße: 1,234 protesters, the poli\u00adce said."
    nt = normalize(text)
    start = nt.text.index("1,234")
    assert nt.to_original(start, start + 5).of(text) == "1,234"
    assert _mentions(text) == [("1,234", 1234.0, "claim")]


@pytest.mark.parametrize(
    "figure", ["1e400", "10^400", "0^-1", "-1e400", "9" * 10_000, ",".join(["1"] * 5_000)]
)
def test_a_figure_that_cannot_be_represented_is_an_other_mention(figure: str) -> None:
    text = f"Officials said {figure} people were killed."
    table = factcheck.mentions(text, language="en")
    (row,) = table.itertuples()
    assert (row.start, row.end) == (15, 15 + len(figure))
    assert row.role == "other" and row.reason == UNREADABLE_REASON
    assert math.isnan(row.low) and math.isnan(row.high)
    assert factcheck.extract(text, language="en").empty


def test_a_scale_word_that_overflows_the_figure_keeps_it_as_other() -> None:
    ((text, low, role),) = _mentions("They counted 9e99 thousand stars.")
    assert (text, role) == ("9e99 thousand", "other") and math.isnan(low)


def test_bidi_controls_shift_no_span() -> None:
    text = "Police said \u202e1,200\u202c were killed and \u2067٣٠\u2069 wounded."
    found = _mentions(text)
    assert [(t, v) for t, v, _ in found] == [("1,200", 1200.0), ("٣٠", 30.0)]


def test_overlapping_mentions_follow_one_rule() -> None:
    # "dozens" is read as the scale of the figure before it and as the start of "dozens199"
    text = "about nine186,184,114 dozens199"
    found = factcheck.mentions(text, language="en")
    spans = found[["start", "end"]].values.tolist()
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    last = found.iloc[-1]
    assert (last["text"], last["role"], last["reason"]) == ("199", "other", OVERLAP_REASON)
    assert math.isnan(last["low"])


def test_a_long_line_is_cut_only_at_a_sentence_end(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.mentions import find

    text = "Police said at least 1 234 people were hurt. About 40 were killed. " * 3
    whole = [(m.start, m.end, m.low) for m in find.find_mentions(Document("d", "P", "en", text))]
    monkeypatch.setattr(find, "BLOCK_CHARS", 30)
    pieces = list(find.blocks(text))
    assert "".join(p for _, p in pieces) == text and len(pieces) > 1
    small = [(m.start, m.end, m.low) for m in find.find_mentions(Document("d", "P", "en", text))]
    assert small == whole
    assert text[whole[0][0] : whole[0][1]] == "at least 1 234"


@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        ("The ﬁre brigade said 12 people were killed.", "The ﬁre brigade"),
        ("قالت الشرطةُ إن ١٢ شخصا قُتلوا.", "الشرطةُ"),
        ("According to the U.N. agency\u00ad, 12 people were killed.", "the U.N. agency"),
    ],
)
def test_speaker_text_is_verbatim(text: str, speaker_text: str) -> None:
    claims = factcheck.extract(text)
    assert claims["speaker_text"].tolist() == [speaker_text]


def test_a_second_reading_with_the_same_instant_in_another_zone_is_not_served_from_cache() -> None:
    """11 p.m. UTC on Monday is 2 a.m. Tuesday in Baghdad: the two moments are equal for
    Python (and hash alike), but "yesterday" is a different day in each; a cache keyed by the
    moment's value alone gave the second document the first one's days."""
    from datetime import UTC, datetime, timedelta, timezone

    from factcheck.mentions.timecheck import find_dates

    text = "Police said on Tuesday that 12 people were killed yesterday."
    utc = datetime(2024, 3, 4, 23, 0, tzinfo=UTC)
    baghdad = datetime(2024, 3, 5, 2, 0, tzinfo=timezone(timedelta(hours=3)))
    assert utc == baghdad
    first = {x.text: x.day for x in find_dates(text, "en", utc)}
    second = {x.text: x.day for x in find_dates(text, "en", baghdad)}
    assert first["yesterday"] == datetime(2024, 3, 3).date()
    assert second["yesterday"] == datetime(2024, 3, 4).date()
