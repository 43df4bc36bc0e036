"""What each number expression is: a count (claim), a date, a time, a duration, a name, ...

Every figure gets a role and a reason in plain words; nothing is dropped. The rules look only
at the words right around the figure; the first that applies wins: "no casualties"
statements, dates, clock times, ordinals, percentages, money, ages, times of day, lengths of
time, years, names ("Tower 22", a number inside a quoted name), measurements, counts of
sources, and otherwise a count. Cue words come from ``roles`` in ``lang/*.yaml``.

A role other than claim widens the span over the words that make it that role, as the
golden cases and the development set do: "40%", "$5 million", "aged 17", "48 hours",
"5 km", "Tower 22", "4 a.m." (a claim's span stays the hedge and the number).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Final

from factcheck.mentions.ages import age_patterns, age_reason
from factcheck.mentions.datemerge import is_year
from factcheck.mentions.gates import Around, Gate, GateIndex, ends_of, gate_index, starts_of
from factcheck.mentions.lexicon import Lexicon
from factcheck.mentions.patterns import alternation
from factcheck.mentions.tokens import PUNCT, WORD, Tokens
from factcheck.mentions.units import Following, counted_noun, following, unit_after
from factcheck.mentions.words import Atom
from factcheck.model import Role

#: How many characters before a figure the cue patterns look at.
CUE_WINDOW: Final = 60
#: How many tokens after a figure are searched for a source noun ("two security sources").
SOURCE_LOOKAHEAD: Final = 3
#: How far before a figure the search for the word right before it starts (a longer word, or
#: more space, is still found: the search then looks at the whole cue window).
NAME_WORD_NEAR: Final = 24
#: Quotes that may open a name after its cue ("la base « Union » 3"), with the hyphen.
_OPEN_QUOTES: Final = '"“«-'
#: Hours added to a clock time followed by a "p.m." word (when it is before noon).
PM_SHIFT: Final = 12

#: Why a figure with no value is kept: written digits that are not one number a table can hold.
UNREADABLE_REASON: Final = (
    "not a representable number (too large, an impossible exponent or mixed separators)"
)

IsUpper = Callable[[int], bool]
_SENTENCE_START: Final = re.compile(r"(?:^|[.!?؟\n\"“«(])\s*$")


@cache
def _patterns(lex: Lexicon) -> dict[str, Gate]:
    """Cue patterns: ``after_*`` match at the figure's end, ``before_*`` end at its start;
    each behind a :class:`~factcheck.mentions.gates.Gate` (the words it can begin or end with)."""
    w = lex.words
    out: dict[str, Gate] = {}
    for key, words in w.items():
        out["after_" + key] = Gate(
            re.compile(rf"[\s\-]*(?:{alternation(words, False)})"), starts=starts_of(words)
        )
        out["before_" + key] = Gate(
            re.compile(rf"(?<![^\W_])(?:{alternation(words)})[\s\-]*$"), ends=ends_of(words)
        )
    of = alternation(lex.of_words)
    money = alternation(w["money_after"])
    money_starts = starts_of([*lex.of_words, *w["money_after"]])
    out["after_money_after"] = Gate(
        re.compile(rf"\s*(?:(?:{of})\s*'?\s*)?(?:{money})"), starts=money_starts
    )
    pfx = "|".join(re.escape(x) for x in lex.prefixes if len(x) == 1)
    pfx = f"(?:{pfx})?" if pfx else ""
    name = alternation(w["name_cues"])
    number = alternation(w["name_number_words"])
    # "Tower 22", "الطريق رقم 1", "route nationale 7", "COVID-19"
    out["name_cue"] = Gate(
        re.compile(
            rf"(?<![^\W_]){pfx}(?P<c>(?:{alternation(w['name_cues'], False)})"
            rf"(?:\s+(?:{number}))?)[\s\-]*$"
        ),
        ends=ends_of([*w["name_cues"], *w["name_number_words"]]),
    )
    # the word right before the figure (one match at most: the search starts near the end)
    out["name_after_word"] = Gate(
        re.compile(r"(?<![^\W_])(?P<w>[^\W\d_]+)\s+$"), near=NAME_WORD_NEAR
    )
    # "قاعدة يونيون 3", "la base Union 3": a name cue before that word (the word is the span)
    out["name_cue_word"] = Gate(
        re.compile(rf"(?:{name})[\s\"“«]+$"),
        ends=ends_of(w["name_cues"], _OPEN_QUOTES),
        strip=_OPEN_QUOTES,
    )
    # "the "Hermes" 900": an opening quote before that word
    out["quote_word"] = Gate(re.compile(r"[\"“«„]\s*$"), ends=('"', "“", "«", "„"))
    out["quote_close"] = Gate(re.compile(r"\s*[\"”»“]"), starts=('"', "”", "»", "“"))
    out.update(age_patterns(w["person_nouns"], of))
    return out


@cache
def _index(lex: Lexicon) -> GateIndex:
    """:func:`_patterns` filed by the characters their tests need next to a figure."""
    return gate_index(_patterns(lex), CUE_WINDOW)


def _said(text: str, atom: Atom) -> str:
    """The mention as it reads in the normalised text, quoted for a reason."""
    return f"'{text[atom.start : atom.end]}'"


def _time(text: str, atom: Atom, p: dict[str, Gate], near: Around) -> str | None:
    """Make ``atom`` a time of day if it is one ("4 a.m.", "04:00", "التاسعة مساءً")."""
    pm = near.after("after_pm_words")
    am = None if pm else near.after("after_am_words")
    hour = atom.high if atom.qualifier != "range" else None
    if atom.kind not in ("clock", "number", "ordinal") or hour is None or not 0 <= hour <= 24:
        return None
    if atom.kind == "clock" or pm or am:
        atom.start = atom.bare if atom.bare >= 0 else atom.start
        atom.qualifier = "exact"
        if pm or am:
            atom.end = (pm or am).end()
        value = hour + PM_SHIFT if pm and hour < PM_SHIFT else hour
        atom.low = atom.high = value
        if atom.kind == "clock":
            zone = p["after_zone_words"].match(text, atom.end)
            return "clock time" + (" (a time zone follows)" if zone else "")
        return "hour with a morning or evening word"
    if near.before("before_clock_before"):
        return "hour after a clock word"
    clock = near.after("after_clock_after")
    if clock and near.before("before_hour_prepositions"):
        atom.end = clock.end()
        return "hour of the day"
    return None


def _name(
    lex: Lexicon,
    text: str,
    toks: Tokens,
    atom: Atom,
    p: dict[str, Gate],
    is_upper: IsUpper,
    follows: Following,
    near: Around,
) -> str | None:
    """Widen ``atom`` over the name it is part of and say why, or None."""
    if atom.kind != "number" or atom.qualifier != "exact" or atom.words:
        return None
    start = atom.start
    cue = near.before("name_cue")
    if cue:
        atom.start = cue.start("c")
        return f"number of a named thing ({_said(text, atom)})"
    counted = counted_noun(lex, unit_after(lex, toks, atom, 1, follows))
    word = near.before("name_after_word")  # the word right before the figure
    lo, at = max(0, start - CUE_WINDOW), word.start("w") if word else 0
    if word and not counted and p["name_cue_word"].search(text, lo, at):
        atom.start = at
        return f"part of a name ({_said(text, atom)})"
    if word and p["quote_word"].search(text, lo, at) and near.after("quote_close"):
        atom.start = at
        return f"part of a quoted name ({_said(text, atom)})"
    after = near.after("after_name_cues_after")
    capital = (
        word
        and is_upper(word.start("w"))
        and not _SENTENCE_START.search(text, max(0, word.start("w") - CUE_WINDOW), word.start("w"))
    )
    integer = atom.low == int(atom.low or 0)
    if word and not counted and not atom.words and integer and (after or capital):
        atom.start = word.start("w")
        return f"part of a name ({_said(text, atom)})"
    if not atom.words and atom.first > 0:
        k = atom.first - 1
        if toks.kinds[k] == PUNCT and toks.texts[k] == "-" and toks.ends[k] == toks.starts[k + 1]:
            k -= 1
        glued = k >= 0 and toks.kinds[k] == WORD and toks.ends[k] == toks.starts[k + 1]
        if glued and toks.texts[k].isascii() and toks.texts[k].isalpha():
            atom.start = toks.starts[k]
            return "code written with letters"
    return None


def _years(text: str, toks: Tokens, atom: Atom) -> bool:
    """A year ("2019") or a span of years ("from 2014 to 2017")."""
    if atom.qualifier == "exact":
        return is_year(text, atom)
    if atom.qualifier != "range" or atom.words:
        return False
    ends = (atom.first, atom.last)
    return all(
        is_year(text, Atom(toks.starts[k], toks.ends[k], 0, 0, "number", k, k)) for k in ends
    )


def assign_role(
    lex: Lexicon, text: str, toks: Tokens, atom: Atom, is_upper: IsUpper
) -> tuple[Role, str, str]:
    """``(role, reason, unit)`` of one figure in normalised ``text``; may widen the span.

    ``is_upper(offset)`` says whether the original character at a normalised offset is a
    capital letter (the normalised text is casefolded).
    """
    p = _patterns(lex)
    if atom.kind == "unreadable":
        return Role.OTHER, UNREADABLE_REASON, ""
    if atom.kind == "none":
        return Role.CLAIM, "statement that no one was hurt", ""
    if atom.kind == "date":
        return Role.DATE, "a date (day, month or year)", ""
    if atom.kind == "fraction" and p["after_duration_units"].match(text, atom.end):
        atom.end = p["after_duration_units"].match(text, atom.end).end()
        return Role.DURATION, f"part of a length of time ({_said(text, atom)})", ""
    if atom.kind in ("fraction", "ratio"):
        return Role.OTHER, f"a {atom.kind} (a share, not a count)", unit_after(lex, toks, atom)
    near = Around(_index(lex), text, atom.start, atom.end)
    reason = _time(text, atom, p, near)
    if reason:
        return Role.TIME, reason, ""
    if atom.kind == "ordinal":
        age = near.after("after_age_after")
        if age:
            atom.end = age.end()
            return Role.AGE, "age given as an ordinal", ""
        return Role.ORDINAL, f"ordinal ({_said(text, atom)})", ""
    follows = following(lex, toks, atom)
    unit = unit_after(lex, toks, atom, after=follows)
    percent = near.after("after_percent_words")
    if percent:
        atom.end = percent.end()
        return Role.PERCENT, "percent sign or word", ""
    money_before = near.before("before_money_before")
    money_after = near.after("after_money_after")
    if money_before or money_after:
        if money_before and atom.qualifier == "exact":
            atom.start = money_before.start()
        if money_after:
            atom.end = money_after.end()
        return Role.MONEY, "currency sign or word", ""
    reason = age_reason(text, atom, near, is_upper)
    if reason:
        return Role.AGE, reason, ""
    duration = near.after("after_duration_units")
    if duration or unit in lex.duration_units:
        if duration:
            atom.end = duration.end()
            unit = duration.group().strip(" -\t")
        return Role.DURATION, f"length of time ({unit or _said(text, atom)})", unit
    if _years(text, toks, atom) and not counted_noun(lex, unit):
        return Role.DATE, "a year" if atom.qualifier == "exact" else "a span of years", ""
    reason = _name(lex, text, toks, atom, p, is_upper, follows, near)
    if reason:
        return Role.NAME, reason, ""
    measure = near.after("after_measure_units")
    if measure:
        atom.end = measure.end()
        return Role.OTHER, f"a measurement ({_said(text, atom)})", unit
    if near.before("before_measure_before") or (near.after("after_measure_before")):
        return Role.OTHER, "a measurement (magnitude)", ""
    source = unit_after(lex, toks, atom, SOURCE_LOOKAHEAD, follows)
    if source in lex.source_nouns:
        return Role.OTHER, "number of sources quoted", source
    if unit:
        return Role.CLAIM, f"counts '{unit}'", unit
    return Role.CLAIM, "a count (no other role applies)", ""
