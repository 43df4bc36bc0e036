"""A round lower bound implies a ceiling: "more than 400" is fewer than 500.

A speaker who knew of 650 wounded would not say "more than 400": a strict comparative with a
round number conveys that the count lies below the next step of that number's scale (the
granularity implicature of numerical expressions; Cummins, Sauerland and Solt, "Granularity
and scalar implicature in numerical expressions", Linguistics and Philosophy 35, 2012). The
kit reads it only where it is clearest:

- the words are a strict comparative ("more than", "over", "plus de", "أكثر من"; the
  ``granular_bounds`` list of each ``lang/*.yaml``), never "at least" ("at least 14" is a
  confirmed minimum and implies nothing above it);
- the number has one significant digit (400, 30, 5,000, a million): the ceiling is the next
  value of that digit (500, 40, 6,000, two million). "More than 36,700" or "more than 250"
  imply no ceiling.

The ceiling is inclusive, so only a figure clearly past it ("more than 400" against 650) is
disjoint; "more than 400" against 480 or 500 is not.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache
from typing import Final

from factcheck import lang
from factcheck.text.normalize import lookup_key

#: Section of ``lang/*.yaml`` listing the strict comparatives read with a ceiling.
SECTION: Final = "granular_bounds"
#: One-letter Arabic conjunctions glued to the comparative ("وأكثر من 400").
_GLUED: Final = ("و", "ف")


@cache
def _phrases() -> tuple[tuple[str, ...], ...]:
    """The comparatives of every language file, as tuples of lookup keys."""
    found: set[tuple[str, ...]] = set()
    for code in lang.available():
        for words in lang.load(code).get(SECTION) or ():
            found.add(tuple(lookup_key(str(words)).split()))
    return tuple(sorted(found, key=len, reverse=True))


def _opens_with_comparative(value_text: str) -> bool:
    words = lookup_key(value_text).split()
    if not words:
        return False
    starts = [words]
    if words[0][:1] in _GLUED and len(words[0]) > 1:
        starts.append([words[0][1:], *words[1:]])
    return any(tuple(w[: len(p)]) == p for w in starts for p in _phrases())


@lru_cache(maxsize=65536)  # called for every pair of figures compared: read each text once
def implied_ceiling(value_text: str, low: float) -> float:
    """The ceiling a strict lower bound implies (infinity when it implies none).

    >>> implied_ceiling("more than 400", 400.0), implied_ceiling("at least 400", 400.0)
    (500.0, inf)
    >>> implied_ceiling("more than 250", 250.0), implied_ceiling("plus d'un million", 1e6)
    (inf, 2000000.0)
    """
    if math.isnan(low) or low < 10 or not _opens_with_comparative(value_text):
        return math.inf
    scale = 10.0 ** math.floor(math.log10(low))
    digit = low / scale
    if abs(digit - round(digit)) > 1e-9:
        return math.inf
    return (round(digit) + 1) * scale
