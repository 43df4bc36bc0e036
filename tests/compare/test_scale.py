"""compare and align at scale give the rows of the claim-by-claim semantics.

The array path (simple groups, compare/fast.py), the case chunks and the vectorised blocking
and speaker clustering of align are checked against the general path and against a plain
per-row reading of the same rules, on generated tables (factcheck.compare.generate) that
hold every kind of claim: relays, revisions, denials, "none reported", subsets, places,
unnamed sources, an outlet's own voice, spelling variants, unknown dates.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict

import numpy as np
import pandas as pd
import pytest
from rapidfuzz import fuzz

from factcheck.align import align
from factcheck.align.keys import (
    affiliation_clusters,
    date_clusters,
    fold,
    similar_clusters,
    split_detail,
    subset_words,
)
from factcheck.align.sources import (
    SPEAKER_MIN_SCORE,
    independent_sources,
    is_unnamed,
    origin_outlet,
    source_label,
)
from factcheck.compare import compare
from factcheck.compare import scale as scale_module
from factcheck.compare.generate import claims_table

TABLES = {
    "dense": lambda: claims_table(900, cases=20, speakers=80, seed=3),
    "scattered": lambda: claims_table(900, seed=4),
    "one case": lambda: claims_table(400, cases=1, speakers=40, seed=5),
}


def _csv(frame: pd.DataFrame) -> pd.DataFrame:
    """The table as read back from CSV: NaN for empty text, dates as text."""
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False)
    buffer.seek(0)
    return pd.read_csv(buffer)


@pytest.fixture(scope="module", params=sorted(TABLES))
def claims(request: pytest.FixtureRequest) -> pd.DataFrame:
    return TABLES[request.param]()


def _general(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every group through rows.row, in one chunk."""
    monkeypatch.setattr(
        scale_module, "simple_groups", lambda c, order, starts, extra: np.zeros(len(starts), bool)
    )


@pytest.mark.parametrize("policy", ["best", "conservative", "range"])
def test_array_path_gives_the_general_rows(
    claims: pd.DataFrame, policy: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    aligned = align(claims)
    options = {"primary": {"Hospital 1", "unnamed sources"}, "parties": {"Hospital 2": "X"}}
    fast = compare(aligned, policy, **options)
    with monkeypatch.context() as m:
        _general(m)
        general = compare(aligned, policy, **options)
    pd.testing.assert_frame_equal(fast, general, check_exact=True)
    assert fast["n_claims"].sum() >= len(claims)  # "none reported" figures stand in several


def test_small_chunks_give_the_same_table(
    claims: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = compare(claims)
    monkeypatch.setattr(scale_module, "CHUNK_GROUPS", 7)
    pd.testing.assert_frame_equal(compare(claims), whole, check_exact=True)


def test_text_columns_as_categoricals_give_the_same_table(
    claims: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table whose text columns of few values are categoricals (as Parquet's dictionary
    columns are read) gives the same comparison, column types included, in several chunks."""
    monkeypatch.setattr(scale_module, "CHUNK_GROUPS", 50)
    ids = ("claim_id", "doc_id", "case_id")
    text = [c for c in claims.columns if c not in ids and pd.api.types.is_string_dtype(claims[c])]
    compact = claims.astype({c: "category" for c in text})
    assert len(text) > 10
    pd.testing.assert_frame_equal(compare(compact), compare(claims), check_exact=True)


def test_a_table_read_back_from_csv(monkeypatch: pytest.MonkeyPatch) -> None:
    claims = _csv(TABLES["dense"]())
    fast = compare(claims)
    with monkeypatch.context() as m:
        _general(m)
        general = compare(claims)
    pd.testing.assert_frame_equal(fast, general, check_exact=True)


def test_tables_without_optional_columns() -> None:
    claims = TABLES["dense"]().drop(columns=["case_id", "place", "point"])
    table = compare(claims)
    assert table["n_claims"].sum() >= len(claims)
    assert set(table["place"]) == {""}


def _plain_align(claims: pd.DataFrame) -> list[tuple[str, str, str]]:
    """The alignment rules read row by row (docs/compare.md, section 1): the reference the
    vectorised blocking must reproduce."""

    def column(name: str) -> list[str]:
        if name not in claims.columns:
            return [""] * len(claims)
        return ["" if pd.isna(v) else str(v) for v in claims[name].tolist()]

    words = subset_words()
    dates = pd.to_datetime(pd.Series(claims["event_date"].tolist(), dtype=object), errors="coerce")
    scope, place, case, ids = (
        column("scope"),
        column("place"),
        column("case_id"),
        column("claim_id"),
    )
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in range(len(claims)):
        scope_key = scope[i]
        if scope[i] == "other_event" and pd.isna(dates[i]):
            scope_key = f"other_event:{ids[i]}"
        key = (case[i], scope_key, *(column(c)[i] for c in ("kind", "measure", "subject")))
        buckets[(*key, fold(place[i]))].append(i)
    split = [split_detail(d, words) for d in column("subject_detail")]
    keys: list[tuple[object, ...]] = [()] * len(claims)
    notes: list[list[str]] = [[] for _ in range(len(claims))]
    for bucket, rows in buckets.items():
        sides, side_notes = affiliation_clusters([split[i][0] for i in rows])
        by_side: dict[int, list[int]] = defaultdict(list)
        for i, side, note in zip(rows, sides, side_notes, strict=True):
            by_side[side].append(i)
            notes[i] += [note] if note else []
        for side, side_rows in by_side.items():
            windows, date_notes = date_clusters([dates[i] for i in side_rows], 1)
            for i, window, note in zip(side_rows, windows, date_notes, strict=True):
                keys[i] = (*bucket, side, window, split[i][1])
                notes[i] += [note] if note else []
    order: dict[tuple[object, ...], int] = {}
    for key in keys:
        order.setdefault(key, len(order))
    width = max(3, len(str(len(order))))
    gid = {key: f"g{pos + 1:0{width}d}" for key, pos in order.items()}
    out = []
    for i, key in enumerate(keys):
        parent = gid.get((*key[:-1], "")) if key[-1] else None
        if key[-1]:
            whole = f"group {parent}" if parent else "no group of the whole"
            notes[i].append(f"subset ({split[i][1]}) of {whole}: not compared with the total")
        out.append((gid[key], parent or "", "; ".join(notes[i])))
    return out


def _plain_sources(
    speakers: list[str], vias: list[str], publishers: list[str], blocks: list[str]
) -> list[str]:
    """Source independence read claim by claim, one block at a time."""
    by_block: dict[str, list[str]] = {}
    for s, b in zip(speakers, blocks, strict=True):
        if s and not is_unnamed(s):
            by_block.setdefault(b, []).append(s)
    name_of = {}
    for block, named in by_block.items():
        clusters = similar_clusters(named, fuzz.token_sort_ratio, SPEAKER_MIN_SCORE)
        counts = Counter(named)
        first: dict[int, str] = {}
        for name in sorted(clusters, key=lambda n: (-counts[n], n)):
            first.setdefault(clusters[name], name)
        for name, cluster in clusters.items():
            name_of[(block, name)] = first[cluster]
    keys = []
    for s, v, p, b in zip(speakers, vias, publishers, blocks, strict=True):
        if not s or s == p:
            keys.append(origin_outlet(v, p))
        elif is_unnamed(s):
            keys.append(source_label(s, v, p))
        else:
            keys.append(name_of[(b, s)])
    return keys


def test_blocking_gives_the_row_by_row_groups(claims: pd.DataFrame) -> None:
    aligned = align(claims)
    got = list(zip(aligned["group_id"], aligned["subset_of"], aligned["align_note"], strict=True))
    assert got == _plain_align(claims)


def test_speaker_clusters_match_the_plain_reading(claims: pd.DataFrame) -> None:
    columns = [
        claims[c].fillna("").astype(str).tolist()
        for c in ("speaker", "via", "publisher", "case_id")
    ]
    assert independent_sources(*columns) == _plain_sources(*columns)


def test_a_block_of_many_spellings() -> None:
    """A case with more names than are paired at once is clustered on its own."""
    names = [f"Provincial Council {i}" for i in range(300)] + [f"Hospital {i}" for i in range(300)]
    speakers = names + [n.upper() for n in names[::7]] + ["Hopsital 12", "Council Provincial 4"]
    n = len(speakers)
    args = (speakers, [""] * n, ["Site"] * n, ["case"] * n)
    assert independent_sources(*args) == _plain_sources(*args)


def test_pieces_in_place_join_as_concat_and_take() -> None:
    """Numeric columns written in place give what joining the pieces and putting their rows
    in order gives, also when a chunk's column type differs (the column goes back to pieces)."""
    from factcheck.compare.pieces import Pieces

    chunks = [np.array([2, 0]), np.array([1, 4]), np.array([3])]
    frames = [
        {"x": [1.5, 2.5], "n": [1, 2], "t": ["a", "b"], "m": [1, 2]},
        {"x": [3.5, np.nan], "n": [3, 4], "t": ["c", "d"], "m": [None, 1.0]},
        {"x": [4.5], "n": [5], "t": ["e"], "m": [True]},
    ]
    back = np.argsort(np.concatenate(chunks), kind="stable")
    expected = {
        k: pd.concat([pd.Series(f[k]) for f in frames], ignore_index=True)
        .take(back)
        .reset_index(drop=True)
        for k in frames[0]
    }
    pieces = Pieces(True, 5)
    for frame, chunk in zip(frames, chunks, strict=True):
        pieces.add(pd.DataFrame(frame), chunk)
    got = pieces.gather(back, lambda: None)
    for name, column in expected.items():
        pd.testing.assert_series_equal(got[name], column, check_names=False)
