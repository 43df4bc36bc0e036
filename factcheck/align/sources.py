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

from collections import Counter
from collections.abc import Sequence
from typing import Final

from rapidfuzz import fuzz

from factcheck.align.keys import fold, similar_clusters

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
    by_block: dict[str, list[str]] = {}
    for i, s in enumerate(speakers):
        if s and not is_unnamed(s):
            by_block.setdefault(blocks[i] if blocks is not None else "", []).append(s)
    name_of: dict[tuple[str, str], str] = {}
    for block, named in by_block.items():
        clusters = similar_clusters(named, fuzz.token_sort_ratio, SPEAKER_MIN_SCORE)
        counts = Counter(named)
        representative: dict[int, str] = {}
        for name in sorted(clusters, key=lambda n: (-counts[n], n)):
            representative.setdefault(clusters[name], name)
        for name, cluster in clusters.items():
            name_of[(block, name)] = representative[cluster]
    keys: list[str] = []
    for i, (speaker, via, publisher) in enumerate(zip(speakers, vias, publishers, strict=True)):
        if not speaker or speaker == publisher:  # the outlet's own voice: its originator
            keys.append(origin_outlet(via, publisher))
        elif is_unnamed(speaker):
            keys.append(source_label(speaker, via, publisher))
        else:
            keys.append(name_of[(blocks[i] if blocks is not None else "", speaker)])
    return keys
