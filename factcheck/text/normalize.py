"""One normalisation for matching, with a map back to the original text.

Matchers run over ``normalize(text).text`` and turn what they find back into original offsets
with :meth:`NormalizedText.to_original`; they never repair offsets themselves. The same
character folding is used for lexicon keys (:func:`lookup_key`), so a word stored in
``lang/*.yaml`` matches the normalised text as is.

Folding, character by character (never across characters, so offsets stay simple):

- NFKC where it is safe: Arabic presentation forms, full-width letters and digits, ligatures.
  Not where it would invent a number ("²", "½", "①" stay as they are).
- every decimal digit (Arabic-Indic ``١٥``, Persian ``۱۵``, ...) becomes its ASCII digit;
- Arabic diacritics, tatweel and invisible format characters (RLM, ZWJ, soft hyphen) are removed;
- alef and hamza forms are unified (أ إ آ ٱ -> ا, ؤ -> و, ئ -> ي), alef maqsura -> ya,
  ta marbuta -> ha, Persian kaf/yeh -> Arabic;
- no-break and thin spaces become U+202F (kept apart from the ordinary space, because they
  separate thousands), dashes become "-", typographic apostrophes "'";
- casefold.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Final

from factcheck.compiled import cached
from factcheck.model import Span

#: The character every no-break or thin space becomes (a thousands separator, not a word gap).
GROUP_SPACE: Final = "\u202f"

_ARABIC_FOLD: Final[dict[str, str]] = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ؤ": "و",
    "ئ": "ي",
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ة": "ه",
    "ۀ": "ه",
    "ک": "ك",
}
_SPACES: Final = "\u00a0\u2007\u2009\u200a\u202f\u2060"
_DASHES: Final = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_APOSTROPHES: Final = "\u2019\u2018\u02bc\u2032"
#: Removed outright: Arabic harakat, superscript alef, Quranic marks, tatweel, format chars.
_REMOVED_RANGES: Final = (
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06DC),
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
    (0x0640, 0x0640),
    (0x00AD, 0x00AD),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2066, 0x2069),
    (0xFEFF, 0xFEFF),
)


#: Blocks NFKC and casefold leave alone (CJK, Hangul, surrogates): skipped when building.
_UNCHANGED_RANGES: Final = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xD800, 0xDFFF))

_COPY: Final = 0
_ATOM: Final = 1
_MARK: Final = 2


def _is_mark(ch: str) -> bool:
    """A removed character that belongs to the letter before it (harakat, tatweel)."""
    return unicodedata.category(ch) == "Mn" or ch == "\u0640"


def _fold_char(ch: str) -> str:
    """How one character is folded (see the module docstring)."""
    cp = ord(ch)
    if any(lo <= cp <= hi for lo, hi in _REMOVED_RANGES):
        return ""
    if ch in _SPACES:
        return GROUP_SPACE
    if ch in _DASHES:
        return "-"
    if ch in _APOSTROPHES:
        return "'"
    if ch in _ARABIC_FOLD:
        return _ARABIC_FOLD[ch]
    digit = unicodedata.decimal(ch, None)
    if digit is not None:
        return str(digit)
    nfkc = unicodedata.normalize("NFKC", ch)
    if nfkc != ch and any(c.isdigit() for c in nfkc):
        nfkc = ch  # "²", "½", "①": folding would invent a number
    out = "".join(_ARABIC_FOLD.get(c, c) for c in nfkc.casefold())
    return "".join(c for c in out if not any(lo <= ord(c) <= hi for lo, hi in _REMOVED_RANGES))


@cache
def _tables() -> tuple[dict[int, str], re.Pattern[str]]:
    """The translation table (changed characters only) and a pattern for length changes.

    Built once over the Basic Multilingual Plane; characters beyond it are left as they are.
    Building takes a good part of a second, so the result is kept compiled
    (:mod:`factcheck.compiled`) under a key of this module's source and the Unicode version.
    """
    source = Path(__file__).read_bytes() if Path(__file__).is_file() else b""
    table, pattern = cached("fold", source + unicodedata.unidata_version.encode(), _build_tables)
    return table, re.compile(pattern)


@cache
def _by_code() -> list[int | str]:
    """The translation table as a list indexed by code point (the character itself where it
    does not change): ``str.translate`` reads a list about twice as fast as a dict on text
    that is not ASCII. Characters beyond the list are left as they are, as with the dict."""
    table = _tables()[0]
    return [table.get(cp, cp) for cp in range(0x10000)]


def _build_tables() -> tuple[dict[int, str], str]:
    table: dict[int, str] = {}
    changing: list[str] = []
    for cp in range(0x10000):
        if any(lo <= cp <= hi for lo, hi in _UNCHANGED_RANGES):
            continue
        ch = chr(cp)
        folded = _fold_char(ch)
        if folded != ch:
            table[cp] = folded
            if len(folded) != 1:
                changing.append(re.escape(ch))
    return table, "[" + "".join(changing) + "]"


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Normalised text plus a per-character map back to the original offsets.

    The map is stored compactly as segments: ``seg_norm[k]``/``seg_orig[k]`` are where segment
    k starts in the normalised and the original text; ``seg_kind[k]`` is 0 for a run copied one
    character to one character, 1 for one original character that became several (or none),
    2 for a removed diacritic or tatweel.
    ``seg_olen[k]`` is the original length of an atomic segment. A removed diacritic right
    after a span's last character is included in the original span (it belongs to the letter).

    >>> nt = normalize("قتل ١٥ عنصراً")
    >>> nt.text
    'قتل 15 عنصرا'
    >>> nt.to_original(4, 6)
    Span(start=4, end=6)
    """

    text: str
    original_length: int
    seg_norm: tuple[int, ...]
    seg_orig: tuple[int, ...]
    seg_kind: tuple[int, ...]
    seg_olen: tuple[int, ...]

    def _segment(self, n: int) -> int:
        """Index of the last non-empty segment starting at or before normalised offset n."""
        k = bisect_right(self.seg_norm, n) - 1
        while k > 0 and self._norm_len(k) == 0:
            k -= 1
        return k

    def _norm_len(self, k: int) -> int:
        nxt = self.seg_norm[k + 1] if k + 1 < len(self.seg_norm) else len(self.text)
        return nxt - self.seg_norm[k]

    def _orig_start(self, n: int) -> int:
        if n == len(self.text):
            return self.original_length
        k = self._segment(n)
        if self.seg_kind[k] != _COPY:
            if n != self.seg_norm[k]:
                raise ValueError(f"offset {n} falls inside the expansion of one character")
            return self.seg_orig[k]
        return self.seg_orig[k] + (n - self.seg_norm[k])

    def _orig_end(self, n: int) -> int:
        if n == 0:
            return self.seg_orig[0] if self.seg_orig else 0
        k = self._segment(n - 1)
        if self.seg_kind[k] != _COPY:
            if n != self.seg_norm[k] + self._norm_len(k):
                raise ValueError(f"offset {n} falls inside the expansion of one character")
            end = self.seg_orig[k] + self.seg_olen[k]
        else:
            end = self.seg_orig[k] + (n - self.seg_norm[k])
        # removed marks right after the last character belong to it (a trailing tanween)
        j = k + 1
        while j < len(self.seg_norm) and self._norm_len(j) == 0 and self.seg_orig[j] == end:
            if self.seg_kind[j] == _MARK:
                end += self.seg_olen[j]
            elif self.seg_kind[j] != _COPY:
                break
            j += 1
        return end

    def to_original(self, start: int, end: int) -> Span:
        """The original span of normalised ``[start, end)``; raises ValueError if misaligned."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) outside normalised text of {len(self.text)}")
        if len(self.seg_norm) == 1:  # no character changed length: offsets are the same
            return Span(start, end)
        if start == end:
            pos = self._orig_start(start)
            return Span(pos, pos)
        return Span(self._orig_start(start), self._orig_end(end))


def normalize(text: str) -> NormalizedText:
    """Fold ``text`` for matching; the result maps every character back to ``text``.

    >>> normalize("Ａｔ LEAST ۱۵").text
    'at least 15'
    """
    table, changing = _tables()
    folded = text.translate(_by_code())
    seg_norm: list[int] = [0]
    seg_orig: list[int] = [0]
    seg_kind: list[int] = [0]
    seg_olen: list[int] = [0]
    if folded != text:  # any change, not only a change of length ("ß" + soft hyphen cancel)
        shift = 0  # normalised position minus original position
        for match in changing.finditer(text):
            o = match.start()
            rep = table[ord(text[o])]
            n = o + shift
            seg_norm.append(n)
            seg_orig.append(o)
            seg_kind.append(_MARK if not rep and _is_mark(text[o]) else _ATOM)
            seg_olen.append(1)
            shift += len(rep) - 1
            seg_norm.append(o + 1 + shift)
            seg_orig.append(o + 1)
            seg_kind.append(_COPY)
            seg_olen.append(0)
    return NormalizedText(
        folded,
        len(text),
        tuple(seg_norm),
        tuple(seg_orig),
        tuple(seg_kind),
        tuple(seg_olen),
    )


_WHITESPACE: Final = re.compile(r"\s+")
#: Words whose keys are remembered (a news vocabulary, and the phrases of the language data).
KEY_CACHE_SIZE: Final = 65_536


@lru_cache(maxsize=KEY_CACHE_SIZE)
def lookup_key(word: str) -> str:
    """The key a word is stored and looked up under in the language data.

    The folded text of :func:`normalize` without its offset map (a key is never mapped back),
    remembered per word: the same words recur in every sentence.

    >>> lookup_key("ثلاثمائةٍ")
    'ثلاثمايه'
    >>> lookup_key("  Quatre–Vingt ")
    'quatre-vingt'
    """
    folded = word.translate(_tables()[0])
    if " " in folded or not folded.isprintable():  # any white space but the plain space
        folded = _WHITESPACE.sub(" ", folded)
    return folded.strip()
