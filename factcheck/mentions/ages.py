"""Ages of people: "aged 17", "17-year-old", "عمره 17 عاماً", "âgé de 17 ans", a bare figure
after a name between commas ("Dana Levi, 31,") or in brackets ("Dana Levi (31)").

Read by :func:`factcheck.mentions.roles.assign_role`, which builds the cue patterns of the
language data (``age_before``, ``age_after``, ``age_units``, ``person_nouns``) and adds those
of :func:`age_patterns`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from factcheck.mentions.gates import Around, Gate
from factcheck.mentions.patterns import alternation
from factcheck.mentions.words import Atom

#: The oldest age a bare "Name, N," or "Name Surname (N)" is read as.
AGE_MAX: Final = 120
#: How many characters before a figure the cue patterns look at (as in roles).
CUE_WINDOW: Final = 60

IsUpper = Callable[[int], bool]


def age_patterns(person_nouns: list[str] | frozenset[str], of: str) -> dict[str, Gate]:
    """Patterns around a figure that make it an age, given the person nouns of the language
    and the alternation of its "of" words (each behind its :class:`Gate`)."""
    persons = alternation(person_nouns)
    return {
        "person_before": Gate(
            re.compile(rf"(?<![^\W_])(?:{persons})(?:\s+[^\W\d_]+)?\s*(?:(?:{of})\s*'?)?\s*\(?\s*$")
        ),
        "paren_before": Gate(re.compile(r"\(\s*$"), ends=("(",)),
        "name_comma": Gate(re.compile(r"(?<![^\W_])(?P<w>[^\W\d_]+),\s*$"), ends=(",",)),
        "comma_after": Gate(re.compile(r"\s*,"), starts=(",",)),
        # "Dana Levi (31)": a bare figure in brackets right after a first and last name
        "name_paren": Gate(
            re.compile(r"(?<![^\W_])(?P<w>[^\W\d_]+)[ \t](?P<v>[^\W\d_][\w'\-]*)[ \t]*\(\s*$"),
            ends=("(",),
        ),
        "paren_after": Gate(re.compile(r"\s*\)"), starts=(")",)),
    }


def age_reason(text: str, atom: Atom, near: Around, is_upper: IsUpper) -> str | None:
    """Widen ``atom`` over its age cue and unit and say why, or None (``near``: the gates
    around the figure, these patterns among them)."""
    unit = near.after("after_age_units")
    cue = near.before("before_age_before")
    if cue:
        if atom.qualifier not in ("at_least", "at_most", "about"):
            atom.start = cue.start()
        if unit:
            atom.end = unit.end()
        return "age of a person"
    after = near.after("after_age_after")
    if after:
        atom.end = after.end()
        return "age of a person"
    if unit and (
        near.before("person_before")
        or (near.before("paren_before") and text[unit.end() :].lstrip()[:1] == ")")
    ):
        atom.end = unit.end()
        return "age of a person"
    bare = not atom.words and atom.low is not None and atom.low <= AGE_MAX
    for before, after_name in (("name_comma", "comma_after"), ("name_paren", "paren_after")):
        name = near.before(before)  # "Dana Levi, 31," / "Dana Levi (31)"
        surname = name is not None and ("v" not in name.groupdict() or is_upper(name.start("v")))
        if name and bare and surname and is_upper(name.start("w")) and near.after(after_name):
            return "age after a person's name"
    return None
