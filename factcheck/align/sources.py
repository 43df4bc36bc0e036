"""Source independence: who really stands behind a figure.

The same speaker relayed by several outlets is one source: the Iraqi Joint Operations Command's
figure carried by the Iraqi News Agency and again by another paper is one voice, not two. The
speaker chain decides, never the outlet that printed it. An unnamed speaker cannot be matched
across outlets, so "unnamed sources" cited by the Associated Press and "unnamed sources" cited
by Reuters are two sources, while every outlet relaying the Associated Press's unnamed sources
shares one. A figure in an outlet's own voice belongs to the outlet that wrote it: a wire
story republished by two sites (its dateline's agency is the outermost relay in ``via``) is one
source, the wire agency, however many outlets print it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from factcheck.align.keys import Components, fold, similar_clusters

#: Two speaker names are one speaker when token_sort_ratio reaches 90: word order and
#: punctuation do not count ("Command, Iraqi Joint Operations" = "Iraqi Joint Operations
#: Command", "U.S. Central Command" = "US Central Command"), one or two letters of spelling
#: may differ, but a name that only shares words with another ("Paris police" and "Lyon
#: police", "Iraqi Health Ministry" and "Iraqi Interior Ministry") stays apart. Names are
#: canonical registry names already; this only absorbs spelling variants of unknown names.
SPEAKER_MIN_SCORE: Final = 90

#: Speakers whose canonical name starts with this word are unnamed ("unnamed sources",
#: "unnamed US official"); their identity is the outlet that heard them.
UNNAMED_PREFIX: Final = "unnamed"

#: Separator of relays in the claims table's ``via`` column.
VIA_SEPARATOR: Final = " -> "


def is_unnamed(speaker: str) -> bool:
    """Whether a canonical speaker name stands for an unnamed source.

    >>> is_unnamed("unnamed sources"), is_unnamed("US Central Command")
    (True, False)
    """
    return fold(speaker).split(" ", 1)[0] == UNNAMED_PREFIX


#: :func:`fold` without its cache, for the distinct names of a whole table: each is read once
#: per call, and a cache filled with a hundred thousand names would only keep them alive
#: (scattered through the heap) after the call.
_fold_once = fold.__wrapped__


def origin_outlet(via: str, publisher: str) -> str:
    """The outlet that heard the speaker: the last relay of ``via`` (nearest the speaker), else
    the publisher.

    >>> origin_outlet("Reuters -> Associated Press", "Example Daily")
    'Associated Press'
    >>> origin_outlet("", "Example Daily")
    'Example Daily'
    """
    relays = [r.strip() for r in str(via or "").split(VIA_SEPARATOR.strip()) if r.strip()]
    return relays[-1] if relays else str(publisher)


def source_label(speaker: str, via: str, publisher: str) -> str:
    """A readable name of the independent source behind a claim.

    >>> source_label("unnamed sources", "Associated Press", "Example Daily")
    'unnamed sources (Associated Press)'
    """
    if is_unnamed(speaker):
        return f"{speaker} ({origin_outlet(via, publisher)})"
    return str(speaker)


def independent_sources(
    speakers: Sequence[str],
    vias: Sequence[str],
    publishers: Sequence[str],
    blocks: Sequence[str] | None = None,
) -> list[str]:
    """One key per claim naming its independent source (equal keys = one source).

    Named speakers that match by :data:`SPEAKER_MIN_SCORE` share the most frequent spelling;
    unnamed speakers are keyed by the outlet that heard them, and the outlet's own voice
    (speaker = publisher) by its originator, the outermost relay.

    ``blocks`` (one per claim, e.g. the ``case_id``) limits the matching of spellings to the
    speakers of one block: claims of different cases never share a group, so their speakers
    need not be compared, and a table of many cases costs the sum of its cases, not the
    square of all its speakers.

    >>> independent_sources(["Site A", "Site B"], ["Reuters", "Reuters"], ["Site A", "Site B"])
    ['Reuters', 'Reuters']
    """
    return source_keys(speakers, vias, publishers, blocks).tolist()


def _objects(values: Sequence[str]) -> np.ndarray:
    if isinstance(values, np.ndarray) and values.dtype == object:
        return values
    out = np.empty(len(values), dtype=object)
    out[:] = list(values)
    return out


def _pairs(*columns: np.ndarray) -> np.ndarray:
    """One code per row, equal for equal rows across ``columns`` (any order of codes)."""
    code = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        part, uniques = pd.factorize(column, use_na_sentinel=False)
        code = code * max(len(uniques), 1) + part
        code = pd.factorize(code)[0].astype(np.int64)  # stays below the number of rows
    return code


def source_keys(
    speakers: Sequence[str],
    vias: Sequence[str],
    publishers: Sequence[str],
    blocks: Sequence[str] | None = None,
) -> np.ndarray:
    """:func:`independent_sources` as an object array of shared strings: each distinct
    (speaker, via, publisher) of an unnamed or own-voice claim and each distinct
    (block, speaker) of a named one is read once, not once per claim."""
    speaker, via, publisher = _objects(speakers), _objects(vias), _objects(publishers)
    n = len(speaker)
    block = _objects(blocks) if blocks is not None else np.full(n, "", dtype=object)
    keys = np.empty(n, dtype=object)
    if not n:
        return keys
    s_code, s_names = pd.factorize(speaker, use_na_sentinel=False)
    unnamed = np.fromiter(
        (_fold_once(s).split(" ", 1)[0] == UNNAMED_PREFIX for s in s_names),  # is_unnamed
        dtype=bool,
        count=len(s_names),
    )
    own = np.fromiter((not s for s in s_names), dtype=bool, count=len(s_names))[s_code]
    own |= speaker == publisher
    other = own | unnamed[s_code]
    rows = np.flatnonzero(other)
    if rows.size:  # the outlet's own voice (its originator), or unnamed
        code = _pairs(speaker[rows], via[rows], publisher[rows])
        _, first, back = np.unique(code, return_index=True, return_inverse=True)
        label = np.empty(len(first), dtype=object)
        for k, i in enumerate(rows[first].tolist()):
            seen = (speaker[i], via[i], publisher[i])
            mine = not seen[0] or seen[0] == seen[2]
            label[k] = origin_outlet(seen[1], seen[2]) if mine else source_label(*seen)
        keys[rows] = label[back.reshape(-1)]
    rows = np.flatnonzero(~other)
    if rows.size:
        keys[rows] = _spellings(block[rows], speaker[rows])
    return keys


#: A block with more distinct names than this is clustered with one ``cdist`` of its own
#: (its pairs would not fit in memory side by side with the other blocks').
PAIRED_MAX_NAMES: Final = 500


def _spellings(blocks: np.ndarray, names: np.ndarray) -> np.ndarray:
    """For each (block, name), the most frequent spelling of its cluster of names within the
    block (ties: the first in sorted order).

    Only names of one block are compared, never all distinct names against all: the pairs of
    every block are listed together and scored in one ``rapidfuzz.process.cpdist`` call
    (pairwise scores in C), then joined into clusters (connected components). The work is
    the sum over blocks of their names squared; a block of one name costs nothing."""
    b_code, _ = pd.factorize(blocks, sort=True, use_na_sentinel=False)
    n_code, distinct = pd.factorize(names, sort=True, use_na_sentinel=False)
    pair, inverse, count = np.unique(
        b_code.astype(np.int64) * len(distinct) + n_code, return_inverse=True, return_counts=True
    )  # (block, name) in sorted order, as a sorted groupby lists them
    block_of, name_code = pair // len(distinct), pair % len(distinct)
    name = np.asarray(distinct, dtype=object)[name_code]
    starts = np.flatnonzero(np.r_[True, block_of[1:] != block_of[:-1]])
    sizes = np.diff(np.append(starts, len(pair)))
    joined: list[tuple[int, int]] = []
    # token_sort_ratio(a, b) is the ratio of the names' sorted words: sort each name once
    folded = np.asarray([" ".join(sorted(_fold_once(d).split())) for d in distinct], dtype=object)
    folded = folded[name_code]
    for k in np.unique(sizes[sizes > 1]).tolist():
        first = starts[sizes == k]
        if k > PAIRED_MAX_NAMES:
            for f in first.tolist():
                for j, cluster in enumerate(_clusters(name[f : f + k].tolist())):
                    joined.append((f + j, f + cluster))
            continue
        i, j = np.triu_indices(k, 1)
        left, right = (first[:, None] + i).ravel(), (first[:, None] + j).ravel()
        scores = process.cpdist(
            folded[left],
            folded[right],
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=SPEAKER_MIN_SCORE,
            dtype="uint8",
        )
        hit = scores >= SPEAKER_MIN_SCORE
        joined.extend(zip(left[hit].tolist(), right[hit].tolist(), strict=True))
        del left, right, scores
    root = np.arange(len(pair))
    if joined:  # connected components of the few names that matched another
        nodes = sorted({x for edge in joined for x in edge})
        local = {x: k for k, x in enumerate(nodes)}
        parts = Components(len(nodes))
        for x, y in joined:
            parts.join(local[x], local[y])
        root[nodes] = [nodes[parts.find(k)] for k in range(len(nodes))]
    # the most frequent spelling of each component; ties: the first in sorted order
    ranked = np.lexsort((np.arange(len(pair)), -count, root))
    best = np.empty(len(pair), dtype=np.int64)
    leaders = ranked[np.r_[True, root[ranked][1:] != root[ranked][:-1]]]
    best[root[leaders]] = leaders
    return name[best[root]][inverse.reshape(-1)]


def _clusters(names: list[str]) -> list[int]:
    """For each name (sorted, distinct), the position of the first name of its cluster."""
    clusters = similar_clusters(names, fuzz.token_sort_ratio, SPEAKER_MIN_SCORE)
    first: dict[int, int] = {}
    for pos, n in enumerate(names):
        first.setdefault(clusters[n], pos)
    return [first[clusters[n]] for n in names]
