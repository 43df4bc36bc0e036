"""The ``place`` column for a claims table, from the table alone.

:func:`add_places` reads each claim's ``sentence``, ``start``/``end`` and ``value_text``,
finds the figure inside its sentence (a claim's ``value_text`` is the text at its offsets, so
the sentence's own offset follows from where the figures of that sentence sit in it), applies
:func:`factcheck.claims.places.locate_figures` with the other claims of the sentence as clause
bounds, and settles the places of a case with :func:`~factcheck.claims.places.settle_places`.
It returns a new frame; the input is never changed. :func:`places_of` does the same work on
plain columns (lists), for the command that writes a small table without pandas.

>>> import pandas as pd
>>> s = "81 000 à Paris selon la préfecture, 1,28 million dans toute la France."
>>> claims = pd.DataFrame({
...     "doc_id": ["d", "d"], "language": ["fr", "fr"], "sentence": [s, s],
...     "start": [100, 136], "end": [106, 140], "value_text": ["81 000", "1,28"],
...     "scope": ["event"] * 2, "kind": ["count"] * 2, "measure": ["attended"] * 2,
...     "subject": ["protesters"] * 2})
>>> add_places(claims)["place"].tolist()
['Paris', 'France']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

from factcheck import lang
from factcheck.claims.places import Found, locate_figures, settle_places
from factcheck.claims.places_load import load_places
from factcheck.mentions.phrases import recent_words

#: Columns that say what a claim counts: claims of one case with the same values are the
#: ones whose places are settled together (see settle_places).
KEY_COLUMNS = ("scope", "kind", "measure", "subject")


def add_places(claims: pd.DataFrame, country: str | None = None) -> pd.DataFrame:
    """A copy of ``claims`` with a ``place`` column (docs/claims.md, "Place").

    ``country`` is the event's country; by default the country the sentences of each case
    (``case_id`` column, else the whole table) name most often.
    """
    names = ("doc_id", "language", "sentence", "value_text", "start", "end", *KEY_COLUMNS)
    columns = {c: _column(claims, c) for c in names}
    if "case_id" in claims.columns:
        columns["case_id"] = _column(claims, "case_id")
    return claims.assign(place=places_of(columns, len(claims), country))


def places_of(
    columns: Mapping[str, Sequence[Any]], n: int, country: str | None = None
) -> list[str]:
    """The ``place`` of each of ``n`` claims, from their columns as lists (missing values as
    ""; a column not given is all ""): what :func:`add_places` adds."""
    blank = [""] * n
    col = {c: columns.get(c, blank) for c in ("doc_id", "language", "sentence", "value_text")}
    start, end = columns.get("start", blank), columns.get("end", blank)
    cases = columns.get("case_id", blank)
    key_columns = [list(map(str, columns.get(c, blank)))[:n] for c in KEY_COLUMNS]
    keys: list[Hashable] = list(zip(cases[:n], *key_columns, strict=False))  # one per row
    by_sentence: dict[tuple[str, str], list[int]] = {}
    by_case: dict[str, list[int]] = {}
    for i in range(n):
        by_sentence.setdefault((col["doc_id"][i], col["sentence"][i]), []).append(i)
        by_case.setdefault(cases[i], []).append(i)
    countries = {}
    searched: dict[tuple[str, str], list[Any]] = {}  # places found per sentence and language
    for case, rows in by_case.items():
        if country is not None:
            countries[case] = country
            continue
        sentences: dict[str, str] = {}  # each sentence once, in text order: its language
        for i in rows:
            sentences.setdefault(col["sentence"][i], col["language"][i])
        countries[case] = _main_country(list(sentences), list(sentences.values()), searched)
    found: list[Found] = [Found("", "default", False)] * n
    for (_, sentence), rows in by_sentence.items():  # forwards: see _main_country
        origin = _sentence_origin(sentence, [(int(start[i]), col["value_text"][i]) for i in rows])
        spans = [(int(start[i]) - origin, int(end[i]) - origin) for i in rows]
        inside = [(a, b) for a, b in spans if a >= 0 and b <= len(sentence)]
        inside_set = set(inside)
        located: dict[tuple[str, str], list[int]] = {}  # rows read with the same words
        for i, span in zip(rows, spans, strict=True):
            if span not in inside_set:
                found[i] = Found(countries[cases[i]], "default", False)
                continue
            located.setdefault((col["language"][i], countries[cases[i]]), []).append(i)
        span_of = dict(zip(rows, spans, strict=True))
        for (language, country_), these in located.items():
            targets = [span_of[i] for i in these]
            results = locate_figures(
                sentence,
                targets,
                language,
                country=country_,
                figures=inside,
                places=searched.get((sentence, language)),
            )
            for i, place in zip(these, results, strict=True):
                found[i] = place
    places = [""] * n
    for case, rows in by_case.items():
        settled = settle_places([keys[i] for i in rows], [found[i] for i in rows], countries[case])
        for i, place in zip(rows, settled, strict=True):
            places[i] = place
    return places


def _main_country(
    sentences: list[str],
    languages: Sequence[str] = (),
    searched: dict[tuple[str, str], list[Any]] | None = None,
) -> str:
    """:func:`~factcheck.claims.places.main_country` of ``sentences`` (ties: the country
    named first), read from the last sentence back; ``languages`` (one per sentence, when
    known) lets a sentence be searched as its places are next (:func:`_search_language`),
    and what a sentence's search in its language finds is kept in ``searched`` for them.

    The stages before read a document forwards, and the words of the sentences they read are
    kept within a budget of characters (``mentions.phrases``). On a document longer than the
    budget, a forward pass would find none of them still kept, and each sentence would be
    tokenised again; a backward pass finds the latest ones, and leaves the first ones kept
    for the forward pass that places the figures."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int]] = {}  # where each country is first named, forwards
    index = load_places().index
    for n in range(len(sentences) - 1, -1, -1):
        sentence = sentences[n]
        language = _search_language(sentence, languages[n]) if languages else None
        found = index.find(sentence, language)
        if searched is not None and language is not None:
            searched[(sentence, language)] = found
        for k, (_, _, place) in reversed(list(enumerate(found))):
            name = place.country_name
            if name:
                counts[name] = counts.get(name, 0) + 1
                first[name] = (n, k)  # visited backwards: the last write is the first mention
    if not counts:
        return ""
    return min(counts, key=lambda c: (-counts[c], first[c]))


def _search_language(sentence: str, language: str) -> str | None:
    """``language`` when searching ``sentence`` in it finds what a search with the clitics of
    every language (``main_country``'s, language None) finds, else None.

    The two differ only by the clitics of other languages: none when ``language`` is the
    only one with clitics, or when no word of the sentence starts with a letter any clitic
    starts with (Arabic clitics never strip an English word). Then the search is the one the
    sentence's places are read with next, whose words' forms are already known."""
    with_clitics, letters = _clitic_letters()
    if with_clitics <= {language}:
        return language
    if language in with_clitics or letters is None:
        return None
    keys = recent_words(sentence).keys
    return None if any(k[:1] in letters for k in keys) else language


@cache
def _clitic_letters() -> tuple[frozenset[str], frozenset[str] | None]:
    """The languages with clitics (the places index's, from the language data) and the first
    letters of all their clitics (None when a clitic is empty: any word may lose one)."""
    prefixes = {code: lang.load(code).get("prefixes") or {} for code in lang.available()}
    clitics = [clitic for p in prefixes.values() for clitic in p]
    letters = None if "" in clitics else frozenset(c[:1] for c in clitics)
    return frozenset(code for code, p in prefixes.items() if p), letters


def _column(claims: pd.DataFrame, name: str) -> list:
    if name not in claims.columns:
        return [""] * len(claims)
    column = claims[name]  # missing values found at once, not with pd.isna per value
    return [
        "" if gone else v for v, gone in zip(column.tolist(), column.isna().tolist(), strict=True)
    ]


def _sentence_origin(sentence: str, figures: list[tuple[int, str]]) -> int:
    """The document offset of ``sentence``: the one most figures of it agree on."""
    votes: Counter[int] = Counter()
    for start, text in figures:
        at = sentence.find(text)
        while at >= 0 and text:
            votes[start - at] += 1
            at = sentence.find(text, at + 1)
    return votes.most_common(1)[0][0] if votes else 0
