"""Regular expressions built from word lists, and the checks of those lists at load.

Kept apart from :mod:`factcheck.mentions.lexicon` so the compiled vocabulary and the
validation helpers each stay small; used by the lexicon and by the stages that build their
own cue patterns (roles, dates, ratios).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final

from factcheck.mentions.gates import Gate, ends_of, starts_of
from factcheck.text.normalize import lookup_key

#: Word lists of the ``numbers`` section; each must be a list of lookup keys.
NUMBER_LISTS: Final = (
    "group_separators",
    "prefixes",
    "conjunctions",
    "conjunction_prefixes",
    "compound_only",
    "ordinal_suffixes",
    "not_numbers",
    "counted_nouns",
    "dual_suffixes",
    "sound_plural_nouns",
    "plural_suffixes",
    "of_words",
    "range_blockers",
    "duration_prepositions",
    "source_nouns",
    "negative_words",
    "ratio_words",
    "decimal_words",
)
#: Word -> number mappings of the ``numbers`` section.
NUMBER_MAPS: Final = (
    "units",
    "scales",
    "local_scales",
    "ordinals",
    "approximate",
    "alone_values",
    "fractions",
    "fraction_denominators",
    "standalone_fractions",
)
#: Optional sections (absent means empty).
OPTIONAL: Final = (
    "glued_scales",
    "one_before_scale",
    "span_keeps",
    "no_conjunction_words",
    "unit_endings",
)
#: Optional maps of the ``numbers`` section, each stored under its own name in the Lexicon:
#: scale letters after a space, unit ordinals of compounds, ambiguous Arabic denominators.
OPTIONAL_MAPS: Final = (
    "spaced_scales",
    "spaced_capitals",
    "ordinal_units",
    "ambiguous_denominators",
    "ambiguous_duals",
)
#: Optional word lists of the ``numbers`` section read by mentions/shares.py and ratios.py.
OPTIONAL_LISTS: Final = ("definite_articles", "singular_endings", "share_of_words", "part_words")
#: Cue lists of the ``roles`` section.
ROLE_LISTS: Final = (
    "year_cues",
    "clock_before",
    "clock_after",
    "zone_words",
    "duration_units",
    "duration_before",
    "percent_words",
    "money_before",
    "money_after",
    "age_before",
    "age_after",
    "name_cues",
    "measure_units",
    "am_words",
    "pm_words",
    "age_units",
    "person_nouns",
    "name_cues_after",
    "name_number_words",
    "measure_before",
    "hour_prepositions",
)
QUALIFIERS: Final = ("at_least", "at_most", "about")
#: A pattern that never matches and that a scan of a text passes over quickly (the engine
#: looks for its first character in C); ``(?!x)x`` is tried at every position.
SCAN_NEVER: Final = r"x(?<!x)"


def word_list(value: Any, where: str, problems: list[str]) -> list[str]:
    """A list of lookup keys, recording every entry that is not one."""
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(f"{where}: expected a list")
        return []
    out: list[str] = []
    for word in value:
        if not isinstance(word, str) or not word.strip():
            problems.append(f"{where}: {word!r} is not a word")
        elif lookup_key(word) != word:
            problems.append(
                f"{where}: {word!r} is not stored as its lookup key {lookup_key(word)!r}"
            )
        else:
            out.append(word)
    return out


def number_map(value: Any, where: str, problems: list[str], width: int = 0) -> dict[str, Any]:
    """A word -> number (or [low, high, point]) mapping, recording every bad entry."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(f"{where}: expected a mapping")
        return {}
    out: dict[str, Any] = {}
    for word, number in value.items():
        word_list([word], where, problems)
        items = number if width else [number]
        if (
            not isinstance(items, list)
            or (width and len(items) != width)
            or not all(isinstance(x, int | float) and not isinstance(x, bool) for x in items)
        ):
            problems.append(f"{where}.{word}: expected {width or 'a'} number(s), got {number!r}")
            continue
        out[str(word)] = tuple(float(x) for x in items) if width else float(number)
    return out


def _ordered(phrases: Iterable[str], guard_start: bool) -> list[tuple[str, str, str, str]]:
    """``(phrase, body, start guard, end guard)`` of each phrase, in the order of
    :func:`alternation`: grouped by their guards (groups in the order their longest phrase
    comes), longest first within a group."""
    groups: dict[tuple[str, str], list[tuple[str, str, str, str]]] = {}
    for phrase in sorted(set(phrases), key=len, reverse=True):
        start = r"(?<![^\W_])" if guard_start and phrase[0].isalnum() else ""
        end = r"(?![^\W_])" if phrase[-1].isalnum() else ""
        groups.setdefault((start, end), []).append((phrase, _body(phrase), start, end))
    return [item for items in groups.values() for item in items]


def _body(phrase: str) -> str:
    """A phrase's regex: spaces match any white space, a hyphen inside a word any run of
    white space and hyphens."""
    return r"[\s\-]*".join(
        r"\s+".join(re.escape(w) for w in chunk.split())
        for chunk in re.split(r"(?<=\w)-(?=\w)", phrase)
    )


def alternation(phrases: Iterable[str], guard_start: bool = True) -> str:
    """A regex alternation of phrases, longest first; spaces and hyphens match flexibly.

    Each phrase is guarded so it does not match inside a longer word; ``guard_start=False``
    leaves the start open, for a pattern that guards it itself or allows a glued figure.
    """
    # phrases sharing the same guards are grouped, so each guard is tested once per position;
    # consecutive groups with the same start guard share it
    runs: list[tuple[str, list[str]]] = []
    bodies: list[str] = []
    for k, (_, body, start, end) in enumerate(items := _ordered(phrases, guard_start)):
        bodies.append(body)
        if k + 1 < len(items) and items[k + 1][2:] == (start, end):
            continue
        part = f"(?:{'|'.join(bodies)}){end}"
        bodies = []
        if runs and runs[-1][0] == start:
            runs[-1][1].append(part)
        else:
            runs.append((start, [part]))
    parts = [
        f"{start}(?:{'|'.join(group)})" if len(group) > 1 else f"{start}{group[0]}"
        for start, group in runs
    ]
    return "|".join(parts) or r"(?!x)x"


def scan_alternation(phrases: Iterable[str]) -> str:
    r""":func:`alternation` of ``phrases`` (the same match at every position), laid out for a
    scan of a whole text: the phrases filed by their first character, each file opening with
    it and testing the start guard after it (``(?<![^\W_].)``: the character before the
    match is no letter or digit). A pattern that opens with a guard makes the regex engine
    try every position of the text; one that opens with a choice of characters lets it skip
    in C to where one of them stands. The phrases keep the alternation's order within a
    file, and two files never match at the same position, so the first phrase that matches
    is the same one.
    """
    files: dict[str, list[str]] = {}
    for phrase, body, _, end in (items := _ordered(phrases, True)):
        first = re.escape(phrase[0])
        if not phrase[0].isalnum() or not body.startswith(first):
            return alternation(phrases)  # not laid out: the plain alternation
        files.setdefault(phrase[0], []).append(body[len(first) :] + end)
    parts = [
        rf"{re.escape(first)}(?<![^\W_].)(?:{'|'.join(rests)})" for first, rests in files.items()
    ]
    return "|".join(parts) if items else SCAN_NEVER


def qualified(block: dict[str, list[str]]) -> str:
    """One named group per qualifier (``(?P<at_least>...)``), so a match says which it is."""
    groups = [f"(?P<{q}>{alternation(words, False)})" for q, words in block.items() if words]
    return "|".join(groups) or r"(?!x)x"


def prefix_group(lexicon_prefixes: list[str]) -> str:
    """Optional one-letter particles a hedge may carry ("بنحو", "وأكثر من")."""
    short = [re.escape(p) for p in lexicon_prefixes if len(p) == 1]
    return f"(?:{'|'.join(short)})?" if short else ""


def gap_phrases(phrases: Iterable[str]) -> str:
    """Alternation of the words a hedge may leave between itself and its figure; ``*``
    stands for any one word ("تجاوز عدد النازحين 9 آلاف": "عدد *")."""
    bodies = [
        r"[ \t\u202f]+".join(r"[^\W\d_]+" if w == "*" else re.escape(w) for w in p.split())
        for p in sorted(set(phrases), key=len, reverse=True)
        if p.split()
    ]
    return "|".join(bodies) or r"(?!x)x"


def hedge_patterns(
    hedges: dict[str, dict[str, list[str]]], gaps: list[str], pfx: str
) -> dict[str, Gate]:
    """The hedge patterns of a language: before the figure, after it, after its counted noun,
    after the noun between commas ("38 people, at least, drowned"), and before it with
    the words of ``gaps`` between ("a dépassé les 9 000"); each behind its :class:`Gate`."""
    sp = r"[ \t\u202f]"
    comma = r"[,،]"
    before = [w for words in hedges["hedges_before"].values() for w in words]
    after = [w for words in hedges["hedges_after"].values() for w in words]
    gapped = [p.split()[-1] for p in gaps if p.split()]
    return {
        "hedge_before": Gate(
            re.compile(rf"(?<![^\W_]){pfx}(?:{qualified(hedges['hedges_before'])}){sp}*$"),
            ends=ends_of(before),
        ),
        "hedge_gapped": Gate(
            re.compile(
                rf"(?<![^\W_]){pfx}(?:{qualified(hedges['hedges_before'])})"
                rf"{sp}+(?:{gap_phrases(gaps)}){sp}*$"
            ),
            ends=None if "*" in gapped else ends_of(gapped),
        ),
        "hedge_after": Gate(
            re.compile(rf"{sp}*(?:{qualified(hedges['hedges_after'])})"), starts=starts_of(after)
        ),
        "hedge_after_noun": Gate(
            re.compile(
                rf"{sp}+[^\W\d_]+{sp}+(?:{qualified(hedges['hedges_after_noun'])})(?![^\W_])"
            )
        ),
        "hedge_commas": Gate(
            re.compile(
                rf"(?:{sp}+[^\W\d_]+)?{sp}*{comma}{sp}*"
                rf"(?:{qualified(hedges['hedges_after_noun'])}){sp}*{comma}"
            )
        ),
    }
