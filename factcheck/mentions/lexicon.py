"""The number and role vocabulary of one language, read from ``lang/<code>.yaml``.

Sections ``numbers`` and ``roles`` are validated when first used (one
:class:`~factcheck.errors.LanguageDataError` lists every problem) and compiled once per
language: dictionaries for single words, token tuples for phrases, regular expressions for
hedges, ranges and cue words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from factcheck.errors import LanguageDataError
from factcheck.lang import load
from factcheck.mentions.gates import Gate
from factcheck.mentions.patterns import (
    NUMBER_LISTS,
    NUMBER_MAPS,
    OPTIONAL,
    OPTIONAL_LISTS,
    OPTIONAL_MAPS,
    QUALIFIERS,
    ROLE_LISTS,
    alternation,
    hedge_patterns,
    number_map,
    prefix_group,
    scan_alternation,
    word_list,
)
from factcheck.mentions.tokens import phrase_tokens

#: Most words remembered by Lexicon.may_start (a bound, so memory stays flat on big corpora).
MEMO_SIZE: Final = 200_000
#: Most words between a negator and its harm word in a "no casualties" statement ("no
#: members of the Egyptian army were hurt"); every one of them is from a closed list.
NONE_FILLER: Final = 7
#: How many words may stand between a verb of change and "from X to Y" ("rose overnight from").
RANGE_BLOCKER_GAP: Final = 3


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """Compiled number vocabulary of one language (see ``lang/*.yaml`` for each field)."""

    language: str
    group_separators: frozenset[str]
    prefixes: tuple[str, ...]
    span_keeps: tuple[str, ...]
    conjunctions: frozenset[str]
    conjunction_prefixes: frozenset[str]
    no_conjunction_words: frozenset[str]
    order_any: bool
    units: dict[str, float]
    unit_phrases: dict[tuple[str, ...], float]
    alone_values: dict[str, float]
    fractions: dict[str, float]
    denominators: dict[str, float]
    standalone_fractions: dict[str, float]
    negative_words: frozenset[str]
    decimal_words: frozenset[str]
    ratio: re.Pattern[str]
    part_ratio: re.Pattern[str]
    compound_only: frozenset[str]
    scales: dict[str, float]
    glued_scales: dict[str, float]
    spaced_scales: dict[str, float]
    spaced_capitals: dict[str, float]
    ambiguous_denominators: dict[str, float]
    ambiguous_duals: dict[str, float]
    definite_articles: tuple[str, ...]
    singular_endings: tuple[str, ...]
    share_of_words: frozenset[str]
    ordinal_units: dict[str, float]
    local_scales: dict[str, float]
    one_before_scale: frozenset[str]
    ordinals: dict[str, float]
    ordinal_suffixes: frozenset[str]
    vague: dict[tuple[str, ...], tuple[float, float, float]]
    approximate: dict[tuple[str, ...], float]
    phrase_max: int
    #: the first words of the vague, approximate and unit phrases (a word no phrase begins
    #: with is passed over at one set test)
    vague_firsts: frozenset[str]
    approx_firsts: frozenset[str]
    unit_firsts: frozenset[str]
    counted_nouns: frozenset[str]
    dual_suffixes: tuple[str, ...]
    sound_plural_nouns: frozenset[str]
    plural_suffixes: frozenset[str]
    feminine_stem: dict[str, str]
    of_words: frozenset[str]
    source_nouns: frozenset[str]
    duration_prepositions: frozenset[str]
    range_blockers: re.Pattern[str]
    words: dict[str, frozenset[str]]
    unit_endings: tuple[str, ...]
    duration_units: frozenset[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    cues: dict[str, re.Pattern[str]]
    hedge_before: Gate
    hedge_after: Gate
    hedge_after_noun: Gate
    hedge_commas: Gate  # "38 people, at least, drowned"
    hedge_gapped: Gate  # "a dépassé les 9 000", "تجاوز عدد النازحين 9 آلاف"
    ranges: tuple[tuple[re.Pattern[str] | None, re.Pattern[str], bool], ...]
    none_reported: re.Pattern[str]
    protected: re.Pattern[str]
    not_numbers: re.Pattern[str]
    starters: frozenset[str]
    memo: dict[str, bool]
    splits: dict[str, list[tuple[str, str]]]

    def split(self, word: str) -> list[tuple[str, str]]:
        """``(prefix, stem)`` readings of a word: the word itself, then each known prefix."""
        if not self.prefixes:
            return [("", word)]
        out = self.splits.get(word)
        if out is None:
            out = [("", word)]
            for prefix in self.prefixes:
                if word.startswith(prefix) and len(word) > len(prefix) + 1:
                    out.append((prefix, word[len(prefix) :]))
            if len(self.splits) < MEMO_SIZE:
                self.splits[word] = out
        return out

    def may_start(self, word: str) -> bool:
        """Whether a word may begin a figure (a cheap test that skips most words; cached)."""
        known = self.memo.get(word)
        if known is None:
            known = any(stem in self.starters for _, stem in self.split(word)) or any(
                word.endswith(suffix) for suffix in self.dual_suffixes
            )
            if len(self.memo) < MEMO_SIZE:
                self.memo[word] = known
        return known

    def kept(self, prefix: str) -> int:
        """How many trailing characters of a stripped prefix stay in the span ("ال")."""
        for keep in self.span_keeps:
            if prefix.endswith(keep):
                return len(keep)
        return 0


def _none_opening(lead: list[str], pfx: str) -> str:
    """The start of the "no casualties" pattern, up to its lead word, in group ``h``: laid
    out for a scan of the whole text (:func:`scan_alternation`) where no particle may come
    before the lead word and every lead word opens with a letter or digit (the start guard
    then belongs to each word, as there), else guarded once before the particle."""
    if not pfx and all(w[0].isalnum() for w in lead):
        return f"(?P<h>(?:{scan_alternation(lead)})"
    return rf"(?<![^\W_]){pfx}(?P<h>(?:{alternation(lead, False)})"


@cache
def lexicon(language: str) -> Lexicon:
    """The compiled, validated vocabulary of ``language`` (cached)."""
    data = load(language)
    where = f"lang/{language}.yaml"
    problems: list[str] = []
    num = data.get("numbers")
    roles = data.get("roles")
    if not isinstance(num, dict) or not isinstance(roles, dict):
        raise LanguageDataError(where, ["sections 'numbers' and 'roles' must be mappings"])
    lists = {k: word_list(num.get(k), f"numbers.{k}", problems) for k in NUMBER_LISTS}
    maps = {k: number_map(num.get(k), f"numbers.{k}", problems) for k in NUMBER_MAPS}
    glued = number_map(num.get("glued_scales"), "numbers.glued_scales", problems)
    more = {k: number_map(num.get(k), f"numbers.{k}", problems) for k in OPTIONAL_MAPS}
    more_lists = {k: word_list(num.get(k), f"numbers.{k}", problems) for k in OPTIONAL_LISTS}
    vague = number_map(num.get("vague"), "numbers.vague", problems, width=3)
    extra = {k: word_list(num.get(k), f"numbers.{k}", problems) for k in OPTIONAL[1:]}
    cue_lists = {k: word_list(roles.get(k), f"roles.{k}", problems) for k in ROLE_LISTS}
    months = number_map(roles.get("months"), "roles.months", problems)
    weekdays = number_map(roles.get("weekdays"), "roles.weekdays", problems)
    if num.get("order") not in ("any", "descending"):
        problems.append(f"numbers.order: expected 'any' or 'descending', got {num.get('order')!r}")
    hedges: dict[str, dict[str, list[str]]] = {}
    for section in ("hedges_before", "hedges_after", "hedges_after_noun"):
        block = num.get(section) or {}
        if not isinstance(block, dict):
            problems.append(f"numbers.{section}: expected a mapping of {', '.join(QUALIFIERS)}")
            block = {}
        for unknown in set(block) - set(QUALIFIERS):
            problems.append(f"numbers.{section}: unknown qualifier {unknown!r}")
        hedges[section] = {
            q: word_list(ws, f"numbers.{section}.{q}", problems)
            for q, ws in block.items()
            if q in QUALIFIERS
        }
    ranges = []
    for k, spec in enumerate(num.get("ranges") or []):
        if not isinstance(spec, dict) or set(spec) != {"open", "middle"}:
            problems.append(f"numbers.ranges[{k}]: expected keys 'open' and 'middle'")
            continue
        opens = [w for w in spec["open"] if w != ""] if isinstance(spec["open"], list) else []
        word_list(opens, f"numbers.ranges[{k}].open", problems)
        middles = word_list(spec["middle"], f"numbers.ranges[{k}].middle", problems)
        optional = isinstance(spec["open"], list) and "" in spec["open"]
        open_re = re.compile(rf"(?:{alternation(opens)})\s*$") if opens else None
        ranges.append((open_re, re.compile(rf"\s*(?:{alternation(middles)})\s*$"), not optional))
    none = num.get("none_reported") or {}
    none_parts = {
        k: word_list(none.get(k), f"numbers.none_reported.{k}", problems)
        for k in ("lead", "filler", "nouns")
    }
    # who the nothing counts and their side ("no Egyptian sailors were hurt"); optional key
    gaps = word_list(num.get("hedge_gaps") or [], "numbers.hedge_gaps", problems)
    groups = word_list(none.get("groups") or [], "numbers.none_reported.groups", problems)
    none_parts["filler"] += groups
    feminine = num.get("feminine_stem") or {}
    if not isinstance(feminine, dict):
        problems.append("numbers.feminine_stem: expected a mapping")
        feminine = {}
    if problems:
        raise LanguageDataError(where, problems)

    pfx = prefix_group(lists["prefixes"])
    vague_t = {phrase_tokens(k): v for k, v in vague.items()}
    approx_t = {phrase_tokens(k): v for k, v in maps["approximate"].items()}
    number_words = set(maps["units"]) | set(maps["scales"]) | set(maps["ordinals"])
    prefixes = lists["prefixes"]

    def has_number_word(phrase: str) -> bool:
        return any(
            stem in number_words
            for tok in phrase.split()
            for stem in [tok] + [tok[len(p) :] for p in prefixes if tok.startswith(p)]
        )

    # Cue phrases holding a number word are not numbers ("في المئة", "تشرين الأول", "الاثنين").
    protected = [
        phrase
        for phrase in [*months, *weekdays, *cue_lists["percent_words"]]
        if has_number_word(phrase)
    ]
    filler = alternation(none_parts["filler"])
    unit_phrases = {
        phrase_tokens(k): v for k, v in maps["units"].items() if len(phrase_tokens(k)) > 1
    }
    return Lexicon(
        language=language,
        group_separators=frozenset(lists["group_separators"]),
        prefixes=tuple(sorted(lists["prefixes"], key=len, reverse=True)),
        span_keeps=tuple(extra["span_keeps"]),
        conjunctions=frozenset(lists["conjunctions"]),
        conjunction_prefixes=frozenset(lists["conjunction_prefixes"]),
        no_conjunction_words=frozenset(extra["no_conjunction_words"]),
        order_any=num.get("order") == "any",
        units={k: v for k, v in maps["units"].items() if len(phrase_tokens(k)) == 1},
        unit_phrases=unit_phrases,
        vague_firsts=frozenset(k[0] for k in vague_t if k),
        approx_firsts=frozenset(k[0] for k in approx_t if k),
        unit_firsts=frozenset(k[0] for k in unit_phrases if k),
        alone_values=maps["alone_values"],
        fractions=maps["fractions"],
        denominators=maps["fraction_denominators"],
        standalone_fractions=maps["standalone_fractions"],
        negative_words=frozenset(lists["negative_words"]),
        decimal_words=frozenset(lists["decimal_words"]),
        ratio=re.compile(rf"\s*(?:{alternation(lists['ratio_words'])})\s*$"),
        part_ratio=re.compile(
            rf"\s*(?:{alternation(more_lists['part_words'])})\s*$"
            if more_lists["part_words"]
            else r"(?!x)x"
        ),
        compound_only=frozenset(lists["compound_only"]),
        scales=maps["scales"],
        glued_scales=glued,
        **more,
        definite_articles=tuple(more_lists["definite_articles"]),
        singular_endings=tuple(more_lists["singular_endings"]),
        share_of_words=frozenset(more_lists["share_of_words"]),
        local_scales=maps["local_scales"],
        one_before_scale=frozenset(extra["one_before_scale"]),
        ordinals=maps["ordinals"],
        ordinal_suffixes=frozenset(lists["ordinal_suffixes"]),
        vague=vague_t,
        approximate=approx_t,
        phrase_max=max(
            (len(k) for k in [*vague_t, *approx_t, *map(phrase_tokens, maps["units"])]), default=1
        ),
        counted_nouns=frozenset(lists["counted_nouns"]),
        dual_suffixes=tuple(lists["dual_suffixes"]),
        sound_plural_nouns=frozenset(lists["sound_plural_nouns"]),
        plural_suffixes=frozenset(lists["plural_suffixes"]),
        feminine_stem={str(k): str(v) for k, v in feminine.items()},
        of_words=frozenset(lists["of_words"]),
        source_nouns=frozenset(lists["source_nouns"]),
        duration_prepositions=frozenset(lists["duration_prepositions"]),
        range_blockers=re.compile(
            rf"(?:{alternation(lists['range_blockers'])})(?:\s+[^\W\d_]+){{0,{RANGE_BLOCKER_GAP}}}\s+$"
        ),
        words={k: frozenset(v) for k, v in cue_lists.items()},
        unit_endings=tuple(extra["unit_endings"]),
        duration_units=frozenset(cue_lists["duration_units"]),
        months={k: int(v) for k, v in months.items()},
        weekdays={k: int(v) for k, v in weekdays.items()},
        cues={k: re.compile(alternation(v)) for k, v in cue_lists.items()},
        **hedge_patterns(hedges, gaps, pfx),
        ranges=tuple(ranges),
        none_reported=re.compile(
            rf"{_none_opening(none_parts['lead'], pfx)}"
            rf"(?:\s+(?:{filler})){{0,{NONE_FILLER}}}\s+{pfx}"
            rf"(?:{alternation(none_parts['nouns'], False)}))"
        ),
        protected=re.compile(scan_alternation(protected)),
        not_numbers=re.compile(scan_alternation(lists["not_numbers"])),
        starters=frozenset(
            [
                *maps["units"],
                *maps["scales"],
                *maps["local_scales"],
                *maps["ordinals"],
                *maps["fractions"],
                *maps["standalone_fractions"],
                *maps["alone_values"],
                *extra["one_before_scale"],
                *(phrase[0] for phrase in [*vague_t, *approx_t]),
                *(phrase_tokens(k)[0] for k in maps["units"]),
            ]
        ),
        memo={},
        splits={},
    )
