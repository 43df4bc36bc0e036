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
    n = len(speakers)
    block = list(blocks) if blocks is not None else [""] * n
    unnamed = {s: is_unnamed(s) for s in set(speakers)}
    named = [i for i, s in enumerate(speakers) if s and not unnamed[s]]
    name_of = _spellings([block[i] for i in named], [speakers[i] for i in named])
    memo: dict[tuple[str, str, str], str] = {}
    keys: list[str] = []
    for b, speaker, via, publisher in zip(block, speakers, vias, publishers, strict=True):
        if not speaker or speaker == publisher or unnamed[speaker]:
            seen = (speaker, via, publisher)
            if seen not in memo:  # the outlet's own voice (its originator), or unnamed
                own = not speaker or speaker == publisher
                memo[seen] = origin_outlet(via, publisher) if own else source_label(*seen)
            keys.append(memo[seen])
        else:
            keys.append(name_of[(b, speaker)])
    return keys


#: A block with more distinct names than this is clustered with one ``cdist`` of its own
#: (its pairs would not fit in memory side by side with the other blocks').
PAIRED_MAX_NAMES: Final = 500


def _spellings(blocks: list[str], names: list[str]) -> dict[tuple[str, str], str]:
    """(block, name) -> the most frequent spelling of its cluster of names within the block
    (ties: the first in sorted order).

    Only names of one block are compared, never all distinct names against all: the pairs of
    every block are listed together and scored in one ``rapidfuzz.process.cpdist`` call
    (pairwise scores in C), then joined into clusters (connected components). The work is
    the sum over blocks of their names squared; a block of one name costs nothing."""
    frame = pd.DataFrame({"block": blocks, "name": names})
    counted = frame.groupby(["block", "name"], sort=True).size().reset_index(name="n")
    block, name = counted["block"].tolist(), counted["name"].tolist()
    count = counted["n"].tolist()
    code = counted.groupby("block", sort=False).ngroup().to_numpy()
    starts = np.flatnonzero(np.r_[True, code[1:] != code[:-1]]) if len(code) else code
    sizes = np.diff(np.append(starts, len(code)))
    parts = Components(len(name))
    join, find = parts.join, parts.find
    # token_sort_ratio(a, b) is the ratio of the names' sorted words: sort each name once
    folded = {n: " ".join(sorted(fold(n).split())) for n in set(name)}
    for k in np.unique(sizes[sizes > 1]).tolist():
        first = starts[sizes == k]
        if k > PAIRED_MAX_NAMES:
            for f in first.tolist():
                for j, cluster in enumerate(_clusters(name[f : f + k])):
                    join(f + j, f + cluster)
            continue
        i, j = np.triu_indices(k, 1)
        left, right = (first[:, None] + i).ravel(), (first[:, None] + j).ravel()
        scores = process.cpdist(
            [folded[name[x]] for x in left.tolist()],
            [folded[name[x]] for x in right.tolist()],
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=SPEAKER_MIN_SCORE,
            dtype="uint8",
        )
        hit = scores >= SPEAKER_MIN_SCORE
        for x, y in zip(left[hit].tolist(), right[hit].tolist(), strict=True):
            join(x, y)
    best: dict[int, int] = {}  # cluster root -> the most frequent spelling (ties: first name)
    for x in range(len(name)):
        root = find(x)
        if root not in best or count[x] > count[best[root]]:
            best[root] = x
    return {(block[x], name[x]): name[best[find(x)]] for x in range(len(name))}


def _clusters(names: list[str]) -> list[int]:
    """For each name (sorted, distinct), the position of the first name of its cluster."""
    clusters = similar_clusters(names, fuzz.token_sort_ratio, SPEAKER_MIN_SCORE)
    first: dict[int, int] = {}
    for pos, n in enumerate(names):
        first.setdefault(clusters[n], pos)
    return [first[clusters[n]] for n in names]
