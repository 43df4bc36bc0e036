"""The parts of an alignment key: affiliation, subset qualifier, event-date clusters.

A claim's figure is never part of its key: two sources that disagree on the number must land in
the same group, or the disagreement is hidden. What decides the group is what is counted (measure,
subject, affiliation, place, scope) and when (event date within a tolerance).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterable, Sequence
from functools import cache, lru_cache
from typing import Final

import pandas as pd
from rapidfuzz import fuzz, process

from factcheck import lang

#: Two affiliations ("Iraqi army", "Iraqi") are the same side when token_set_ratio reaches 90:
#: token_set_ratio scores 100 when the words of one are all in the other (a more specific name
#: of the same side), while "US" against "Iraqi" or "ISIS" scores far below. 90 leaves room for
#: one letter of spelling difference in longer names ("Peshmerga"/"Peshmerge") and nothing more.
SUBJECT_DETAIL_MIN_SCORE: Final = 90

#: Days two event dates may differ and still be the same event. One day absorbs the usual
#: disagreement between a local dawn raid and a report dated in another time zone (04:00 in
#: Baghdad is the evening before in Washington), without joining raids on successive days.
DATE_TOLERANCE_DAYS: Final = 1

#: Section of ``lang/*.yaml`` listing words that mark a subset of a subject ("leaders" killed
#: are some of the militants killed, not a competing total).
SUBSET_SECTION: Final = "subset_qualifiers"

_PUNCT = re.compile(r"[\s\-_/]+")
#: ASCII text's :func:`fold` in one ``str.translate``: what ``_PUNCT`` replaces becomes a space,
#: other punctuation (Unicode category P) goes (spaces are collapsed afterwards either way).
_ASCII_FOLD: Final = {
    i: " " if _PUNCT.fullmatch(chr(i)) else None
    for i in range(128)
    if _PUNCT.fullmatch(chr(i)) or unicodedata.category(chr(i)).startswith("P")
}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-fold, drop punctuation, collapse spaces: "U.S. Army" -> "us army".

    The processor passed to every rapidfuzz call of the align stage, so that dots and hyphens
    never decide whether two names match.

    >>> fold("U.S.-led  Coalition")
    'us led coalition'
    """
    text = str(text)
    if text.isascii():  # NFKC keeps ASCII as it is, and casefold is lower
        return " ".join(text.lower().translate(_ASCII_FOLD).split())
    text = _PUNCT.sub(" ", unicodedata.normalize("NFKC", text).casefold())
    kept = "".join(ch for ch in text if not unicodedata.category(ch).startswith("P"))
    return " ".join(kept.split())


@lru_cache(maxsize=65536)
def _lookup(word: str) -> str:
    """The kit's lexicon normaliser when the text stage provides it, else :func:`fold`."""
    try:
        from factcheck.text.normalize import lookup_key
    except ImportError:
        return fold(word)
    return fold(lookup_key(word))


@cache
def subset_words() -> frozenset[str]:
    """Words marking a subset of a subject, from every language file (may be empty)."""
    words: set[str] = set()
    for code in lang.available():
        for word in lang.load(code).get(SUBSET_SECTION) or ():
            words.add(_lookup(str(word)))
    return frozenset(words)


def split_detail(detail: str, subset: frozenset[str]) -> tuple[str, str]:
    """Split a subject_detail into (affiliation, subset qualifier), both folded.

    >>> split_detail("ISIS leaders", frozenset({"leaders"}))
    ('isis', 'leaders')
    >>> split_detail("US", frozenset({"leaders"}))
    ('us', '')
    """
    words = fold(detail).split()
    keys = [_lookup(w) for w in words]
    affiliation = [w for w, k in zip(words, keys, strict=True) if k not in subset]
    qualifier = [w for w, k in zip(words, keys, strict=True) if k in subset]
    return " ".join(affiliation), " ".join(qualifier)


def similar_clusters(values: Iterable[str], scorer: object, min_score: float) -> dict[str, int]:
    """Cluster strings whose ``scorer`` score reaches ``min_score`` (connected components).

    Empty strings are left out (an unknown affiliation or speaker is not a name to match).

    >>> sorted(similar_clusters(["Iraqi", "Iraqi army", "US"], fuzz.token_set_ratio, 90).items())
    [('Iraqi', 0), ('Iraqi army', 0), ('US', 1)]
    """
    names = sorted({v for v in values if v})
    parts = Components(len(names))
    if len(names) > 1:
        scores = process.cdist(
            names, names, scorer=scorer, processor=fold, score_cutoff=min_score, dtype="uint8"
        )
        rows, cols = (scores >= min_score).nonzero()
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            if i < j:
                parts.join(i, j)
    roots: dict[int, int] = {}
    return {n: roots.setdefault(parts.find(i), len(roots)) for i, n in enumerate(names)}


class Components:
    """Connected components of the items 0..n-1 (union-find with path halving): what the
    clusterings of names build from their pairs that score high enough."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        """The root of ``i``'s component."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        """One component of ``i``'s and ``j``'s (the smaller root stays the root)."""
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def affiliation_clusters(affiliations: Sequence[str]) -> tuple[list[int], list[str]]:
    """Cluster the affiliations of one bucket; an empty affiliation joins the only side present.

    Returns a cluster number per input and a note per input ("" or why it was kept apart). When
    several sides are present, an unspecified affiliation ("soldiers" with no army named) could
    be any of them, so it stays in a group of its own rather than being guessed.
    """
    clusters = similar_clusters(affiliations, fuzz.token_set_ratio, SUBJECT_DETAIL_MIN_SCORE)
    n_sides = len(set(clusters.values()))
    out: list[int] = []
    notes: list[str] = []
    for aff in affiliations:
        if aff:
            out.append(clusters[aff])
            notes.append("")
        elif n_sides <= 1:
            out.append(0)
            notes.append("")
        else:
            out.append(-1)
            notes.append("affiliation not stated and several sides are counted: kept apart")
    return out, notes


def date_clusters(
    dates: Sequence[pd.Timestamp], tolerance_days: float
) -> tuple[list[int], list[str]]:
    """Cluster event dates: a new cluster starts more than ``tolerance_days`` after the first
    date of the current one. An unknown date joins the only cluster, else stays apart.

    >>> ts = [pd.Timestamp("2024-08-29"), pd.NaT, pd.Timestamp("2024-08-30")]
    >>> date_clusters(ts, 1)[0]
    [0, 0, 0]
    """
    known = sorted({d for d in dates if not pd.isna(d)})
    cluster_of: dict[Hashable, int] = {}
    start = None
    for d in known:
        if start is None or (d - start).days > tolerance_days:
            start = d
            cluster_of[d] = len(set(cluster_of.values()))
        else:
            cluster_of[d] = cluster_of[start]
    n = len(set(cluster_of.values()))
    out: list[int] = []
    notes: list[str] = []
    for d in dates:
        if not pd.isna(d):
            out.append(cluster_of[d])
            notes.append("")
        elif n <= 1:
            out.append(0)
            notes.append("")
        else:
            out.append(-1)
            notes.append("event date unknown and several event dates present: kept apart")
    return out, notes
