"""Tokens of normalised text, and the value of a figure written in digits.

The tokenizer works on ``normalize(text).text`` (digits already ASCII, spaces between digit
groups already U+202F where the original used a no-break or thin space). Digits glued to
letters are their own token ("و3", "11من", "ال١٩٢"), so their span never includes the letters.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from factcheck.model import MAX_FIGURE

WORD: Final = 0
NUMBER: Final = 1
PUNCT: Final = 2
CLOCK: Final = 3
#: Digits that do not read as one representable number ("1e400", "0^-1", "1.2,3.4", a run of
#: thousands of digits): kept as a token so the figure still becomes a mention (role other).
UNREADABLE: Final = 4

#: Separators that always group thousands, and the one that is always a decimal point.
ALWAYS_GROUP: Final = "٬'\u202f "
ALWAYS_DECIMAL: Final = "٫"

#: Digits first: a clock time, digits grouped by spaces, a plain number (with a sign, an
#: exponent). Only these can begin at a digit, "-", "." or ",".
_FIGURES: Final = (
    r"(?P<clock>(?<![\d.,])(?:[01]?\d|2[0-4])(?::[0-5]\d(?::[0-5]\d)?(?![\d:])"
    r"|[ \u202f]?h[ \u202f]?[0-5]\d(?![\w])|h(?![\w])))"
    # "1 234 567", "700'000": groups of exactly three after the first
    r"|(?P<grouped>(?<![\d.,،٫])\d{1,3}(?:[ \u202f'٬]\d{3})+(?![\d])(?:[.,٫]\d+)?)"
    # a sign only where no word or figure is glued before it ("-5", not "10-20", "COVID-19"),
    # and an exponent ("1e10", "1.1^23", "1.3x10^6")
    r"|(?P<number>(?:(?<![\w.,\-])-)?(?<![\d])(?:\d+(?:[.,،٫٬']\d+)*|(?<![\w.,])[.,]\d+)"
    r"(?:[eE][+\-]?\d+|\^[+\-]*\d+|[x×]10\^[+\-]?\d+)?)"
)
#: The letters of most words of casefolded news (Latin, Latin-1 and Arabic letters): a word
#: that opens with one is read by a range test per character, in one possessive step, then
#: by the general class ``[^\W\d_]`` (a letter: a category test per character) to the end of
#: the word; the same maximal run of letters as ``[^\W\d_]+``.
WORD_LETTERS: Final = "a-z\u00e0-\u00f6\u00f8-\u00ff\u0621-\u063a\u0641-\u064a"
_WORD: Final = rf"[{WORD_LETTERS}]++[^\W\d_]*+|[^\W\d_]+"
#: One token after the white space before it (skipped in one step, not tried position by
#: position): a word or a sign other than "-", "." and "," (nothing else begins there), else
#: a figure, else any sign. "_" and the end of the text match no group and make no token;
#: they are there so a run of white space before them is skipped once.
_TOKEN: Final = re.compile(
    r"\s*+(?:(?P<word>"
    + _WORD
    + r")|(?P<sign>[^\w\s\-.,])|"
    + _FIGURES
    + r"|(?P<punct>[^\w\s])|_|\Z)"
)
#: A lexicon phrase's tokens, read as the text's are.
_PHRASE_TOKEN: Final = re.compile(_FIGURES + r"|(?P<word>[^\W\d_]+)|(?P<punct>[^\w\s])")


_KINDS: Final = {
    "clock": CLOCK,
    "grouped": NUMBER,
    "number": NUMBER,
    "word": WORD,
    "sign": PUNCT,
    "punct": PUNCT,
}


@dataclass(frozen=True, slots=True)
class Tokens:
    """Parallel lists: kind, start, end, text (and value for numbers) of each token."""

    kinds: list[int]
    starts: list[int]
    ends: list[int]
    texts: list[str]
    values: dict[int, float]

    def __len__(self) -> int:
        return len(self.kinds)

    def gap(self, text: str, i: int) -> str:
        """The characters between token ``i - 1`` and token ``i``."""
        return text[self.ends[i - 1] : self.starts[i]]


def tokenize(text: str, group_separators: frozenset[str]) -> Tokens:
    """Tokens of normalised ``text``; number tokens carry their value.

    >>> toks = tokenize("قتل 2,500 و3 عند 04:00", frozenset(","))
    >>> toks.texts, toks.values
    (['قتل', '2,500', 'و', '3', 'عند', '04:00'], {1: 2500.0, 3: 3.0, 5: 4.0})
    >>> tokenize("à 14h30, 9 h 15 et 23h", frozenset(".")).values
    {1: 14.5, 3: 9.25, 5: 23.0}
    """
    kinds: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    for m in _TOKEN.finditer(text):
        group = m.lastgroup
        if group:
            start, end = m.span(group)
            kinds.append(_KINDS[group])
            starts.append(start)
            ends.append(end)
            texts.append(m[group])
    values: dict[int, float] = {}
    for k in _indices(kinds, NUMBER, CLOCK):
        kind = kinds[k]
        if kind == NUMBER:
            raw = texts[k]
            # plain digits (most figures) read as _signed_value reads them: no sign, exponent
            # or separator
            value = float(raw) if raw.isdigit() else _signed_value(raw, group_separators)
            if value is None or not is_figure(value):
                kinds[k] = UNREADABLE
            else:
                values[k] = value
        elif kind == CLOCK:
            digits = re.findall(r"\d+", texts[k])
            minutes = int(digits[1]) / 60 if len(digits) > 1 else 0.0
            values[k] = int(digits[0]) + minutes
    toks = Tokens(kinds, starts, ends, texts, values)
    return _join_fractions(text, toks) if "/" in text or _VULGAR.search(text) else toks


def _indices(items: list[int], *wanted: int) -> list[int]:
    """Positions of the ``wanted`` values in ``items``, in order (``list.index`` scans in C:
    figures are a few tokens in a hundred)."""
    out: list[int] = []
    for value in wanted:
        k = -1
        try:
            while True:
                k = items.index(value, k + 1)
                out.append(k)
        except ValueError:
            pass
    out.sort()
    return out


_EXPONENT: Final = re.compile(r"(?:[eE]|\^|[x×]10\^)([+\-]*)(\d+)$")
_VULGAR: Final = re.compile(r"[\u00bc-\u00be\u2150-\u215e]")


def is_fraction_token(raw: str) -> bool:
    """Whether a number token is written as a fraction ("3/4", "-4/5", "⅔"), not a mixed one."""
    return ("/" in raw and " " not in raw.strip()) or _VULGAR.fullmatch(raw) is not None


def is_figure(value: float | None) -> bool:
    """Whether a value can stand in a table: finite and at most :data:`MAX_FIGURE` in size."""
    return value is not None and math.isfinite(value) and abs(value) <= MAX_FIGURE


def _signed_value(raw: str, group_separators: frozenset[str]) -> float | None:
    """The value of a number token with its sign and exponent ("-1.1^23", "1.3e6"); None
    when it has none ("0^-1", "1.2,3.4") or it overflows ("1e400", "10^400")."""
    sign = -1.0 if raw.startswith("-") else 1.0
    raw = raw.lstrip("-")
    exponent = _EXPONENT.search(raw)
    power = 0
    if exponent:
        signs, digits = exponent.groups()
        if len(digits.lstrip("0")) > 4:  # 10^99999: no figure, and int() would be slow
            return None
        power = -int(digits) if signs.count("-") % 2 else int(digits)
        raw = raw[: exponent.start()]
    value = digits_value(raw, group_separators)
    if value is None:
        return None
    try:
        if exponent and exponent.group().startswith(("^",)):
            return sign * value**power
        return sign * value * 10.0**power
    except (OverflowError, ZeroDivisionError):
        return None


def _join_fractions(text: str, toks: Tokens) -> Tokens:
    """Join "3/4", "2 1/4", "-4/5" into one number token; read "⅔" as a number.

    A slash is a fraction bar only between two integers, the first smaller than the second,
    with no other slash around (so "24/7" and "15/07/2021" are not fractions).
    """
    kinds, starts, ends, texts, values = toks.kinds, toks.starts, toks.ends, toks.texts, toks.values
    drop: set[int] = set()
    for k, kind in enumerate(kinds):
        if kind == WORD and len(texts[k]) == 1 and _VULGAR.match(texts[k]):
            kinds[k], values[k] = NUMBER, unicodedata.numeric(texts[k])
            continue
        if texts[k] != "/" or not 0 < k < len(kinds) - 1:
            continue
        a, b = k - 1, k + 1
        if kinds[a] != NUMBER or kinds[b] != NUMBER or ends[a] != starts[k] != ends[k] - 1:
            continue
        if (
            starts[b] != ends[k]
            or text[ends[b] : ends[b] + 1] == "/"
            or text[starts[a] - 1 : starts[a]] == "/"
        ):
            continue
        num, den = values[a], values[b]
        if num != int(num) or den != int(den) or not 0 < abs(num) < den:
            continue
        value = num / den
        first = a
        whole = a - 1
        gap = text[ends[whole] : starts[a]] if whole >= 0 else ""
        if whole >= 0 and kinds[whole] == NUMBER and gap.strip() == "" and "\n" not in gap and gap:
            w = values[whole]
            if w == int(w) and num > 0:
                value = w + value if w >= 0 else w - value
                first = whole
        kinds[first], ends[first], values[first] = NUMBER, ends[b], value
        texts[first] = text[starts[first] : ends[b]]
        drop.update(j for j in range(first + 1, b + 1))
    if not drop:
        return toks
    keep = [j for j in range(len(kinds)) if j not in drop]
    return Tokens(
        [kinds[j] for j in keep],
        [starts[j] for j in keep],
        [ends[j] for j in keep],
        [texts[j] for j in keep],
        {new: values[old] for new, old in enumerate(keep) if old in values},
    )


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """The token texts of a lexicon phrase ("tens of thousands" -> 3 tokens)."""
    return tuple(m.group() for m in _PHRASE_TOKEN.finditer(phrase))


def digits_value(raw: str, group_separators: frozenset[str]) -> float | None:
    """The value of digits with separators, or None if they do not read as one number.

    A separator repeated is a thousands separator; with two kinds, the last one is the decimal
    point; a single ambiguous one ("," "." "،") groups thousands when exactly three digits
    follow and the language lists it in ``group_separators``, else it is a decimal point.

    >>> digits_value("1,234,567.89", frozenset(","))
    1234567.89
    >>> digits_value("81.000", frozenset(".")), digits_value("4.800", frozenset(","))
    (81000.0, 4.8)
    >>> digits_value("٤,٨".replace("٤", "4").replace("٨", "8"), frozenset(","))
    4.8
    """
    seps = [(i, c) for i, c in enumerate(raw) if not c.isdigit()]
    if not seps:
        return float(raw)
    ambiguous = [c for _, c in seps if c not in ALWAYS_GROUP and c != ALWAYS_DECIMAL]
    decimal_at = -1
    if ALWAYS_DECIMAL in raw:
        decimal_at = raw.index(ALWAYS_DECIMAL)
    elif ambiguous:
        kinds = set(ambiguous)
        last_i, last_c = seps[-1]
        if len(kinds) > 1:
            decimal_at = last_i
        elif len(ambiguous) == 1:
            after = len(raw) - last_i - 1
            grouped = after == 3 and last_c in group_separators and raw[0] != "0"
            if raw.startswith((".", ",")) or not grouped:
                decimal_at = last_i
            if any(c in ALWAYS_GROUP for _, c in seps) and last_c in ",.":
                decimal_at = last_i
    if decimal_at >= 0 and any(i > decimal_at for i, _ in seps if i != decimal_at):
        return None
    whole = "".join(ch for ch in raw[: decimal_at if decimal_at >= 0 else None] if ch.isdigit())
    frac = "".join(ch for ch in raw[decimal_at + 1 :] if ch.isdigit()) if decimal_at >= 0 else ""
    return float(f"{whole or '0'}.{frac or '0'}")
