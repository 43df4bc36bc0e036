"""Generated inputs: text of every kind a scraped page, a PDF turned to text or a social post
brings (random Unicode, mixed scripts and digit systems, separators, marks, emoji, bidi
controls, huge numbers), sentences shaped like news, and claims tables with NaN, inf,
negative and empty values."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import strategies as st

#: Digits of the systems a newsroom meets: ASCII, Arabic-Indic, Persian, full-width,
#: mathematical bold (beyond the Basic Multilingual Plane), Devanagari.
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３９𝟎𝟏𝟗०१९"
SEPARATORS = (",", ".", " ", "\u00a0", "\u202f", "\u2009", "'", "٬", "٫", "،", "-", "–", "—",
              "/", ":", "%", "^", "e", "x10^", "×10^", "\n", "\t", "\r\n")  # fmt: skip
#: Characters that normalisation changes in length or removes: ligatures, sharp s, soft
#: hyphen, dotted capital I, diaeresis, Arabic marks and tatweel, zero-width and bidi controls.
TRICKY = ("ß", "ﬁ", "ﬃ", "İ", "¨", "ŉ", "\u00ad", "\u200b", "\u200d", "\u200e", "\u200f",
          "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
          "\u2069", "\ufeff", "ً", "ٌ", "ّ", "ـ", "ﻻ", "ﷺ", "²", "½", "①", "🙂", "👩‍👩‍👧",
          "\u0301", "\x00", "\x0c", "\u2028")  # fmt: skip
WORDS = ("at least", "at most", "about", "nearly", "more than", "between", "and", "to", "or",
         "killed", "wounded", "people", "soldiers", "protesters", "dozens", "hundreds",
         "million", "thousand", "billion", "k", "M", "police said", "told AFP", "according to",
         "said", "Tower", "Route", "COVID-19", "p.m.", "a.m.", "July", "Monday", "aged",
         "percent", "$", "km", "hours", "first", "twenty-five", "one hundred", "nine",
         "نحو", "قتل", "أكثر من", "ما لا يقل عن", "عشرات", "مليون", "ألف", "شخصا", "قال",
         "وفقا لـ", "يوليو", "الساعة", "environ", "au moins", "morts", "selon", "mille",
         "vingt", "blessés", "la police")  # fmt: skip
HUGE = ("1e400", "10^400", "0^-1", "-1e400", "9" * 400, "1" + "0" * 30, "1,1,1,1,1,1,1,1",
        "9e99 thousand", "1.2,3.4", "1^-99999", "2^1024", "1e-400", "0.0000000001")  # fmt: skip

number = st.text(st.sampled_from(DIGITS), min_size=1, max_size=9)
grouped = st.lists(st.integers(0, 999), min_size=1, max_size=5).map(
    lambda parts: ",".join(f"{p:03d}" if i else str(p) for i, p in enumerate(parts))
)
piece = st.one_of(
    number,
    grouped,
    st.sampled_from(SEPARATORS),
    st.sampled_from(TRICKY),
    st.sampled_from(WORDS),
    st.sampled_from(HUGE),
    st.text(max_size=5),  # any code point, surrogates excluded
    st.just(" "),
)
#: A text of up to 40 pieces of the kinds above, glued together.
texts = st.lists(piece, max_size=40).map("".join)


@st.composite
def news(draw: st.DrawFn) -> str:
    """A short report in the forms of the news: a speaker, a hedge, a figure, a subject."""
    figure = draw(st.one_of(number, grouped, st.sampled_from(HUGE)))
    hedge = draw(st.sampled_from(("", "at least ", "about ", "more than ", "نحو ", "au moins ")))
    speaker = draw(st.sampled_from(("Police", "The ministry", "Reuters", "الشرطة", "La police")))
    noise = draw(st.sampled_from(("", *TRICKY)))
    tail = draw(st.sampled_from(("", " and 3 wounded", "-20", " to 40", "\n", " on 3 July 2021")))
    return (
        f"{speaker} said{noise} {hedge}{figure} people were killed{tail}, "
        f"officials told AFP on Monday.{noise}"
    )


#: Any text the properties run on.
any_text = st.one_of(texts, news(), st.text(max_size=60))

_FLOATS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from((0.0, -1.0, -12.0, 12.0, 1e15, math.nan, math.inf, -math.inf)),
    st.none(),
)


@st.composite
def claims_tables(draw: st.DrawFn) -> pd.DataFrame:
    """A claims table with every contract column and values a hand-edited CSV may hold:
    NaN, inf, negative, empty strings, repeated ids."""
    from factcheck.schema import CLAIM_COLUMNS

    n = draw(st.integers(0, 6))
    words = st.sampled_from(("", "killed", "wounded", "police", "AP", "Reuters", "x"))
    rows = []
    for i in range(n):
        row = {c: draw(words) for c in CLAIM_COLUMNS}
        row |= {
            "claim_id": f"d{i % 3}:{i}",
            "doc_id": f"d{i % 3}",
            "language": draw(st.sampled_from(("en", "ar", "fr"))),
            "measure": draw(st.sampled_from(("killed", "wounded", ""))),
            "subject": draw(st.sampled_from(("people", "soldiers", ""))),
            "low": draw(_FLOATS),
            "high": draw(_FLOATS),
            "qualifier": draw(st.sampled_from(("exact", "at_least", "about", "range", "vague"))),
            "polarity": "asserted",
            "scope": "event",
            "start": i,
            "end": i + 1,
            "event_date": None,
            "reported_at": None,
            "kind": "casualty",
        }
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))
    return frame.astype({"low": float, "high": float, "start": int, "end": int})
