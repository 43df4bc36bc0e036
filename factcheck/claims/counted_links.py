"""Two links that say what a figure counts from farther than its nearest words.

- A count head ("the number of", "le nombre de", "عدد") before a noun makes that noun the
  counted one of the figure the clause ends on ("the number of soldiers hurt rose to 40").
- A part of a toll that has its own verb ("five of the wounded were evacuated", "إجلاء 5 من
  المصابين") counts what that verb says: the toll's word names the whole, not the measure.

And one link that keeps a measure word away from a figure: a clause opened after the figure
and a comma by an effect word ("struck by 12 rockets, destroying two hangars", "، ما أدى إلى
تدمير", ", tuant") says what the counted things did; its measure counts what comes after it.
"""

from __future__ import annotations

from typing import Final

from factcheck.claims.lexicon import Match
from factcheck.claims.scene import EFFECT_LINKS, Scene, gap, nearest

#: Words free between a count head and its noun (an affiliation: "the number of US troops").
HEAD_GAP: Final = 1
#: How far after a figure its partitive link may start ("five of the wounded").
LINK_GAP: Final = 2
#: How far before a figure the verb of its part may stand ("إجلاء 5 من المصابين").
VERB_BEFORE_GAP: Final = 1
#: Farthest a counted noun after the figure may be and still win over a count head's noun.
NOUN_AFTER_GAP: Final = 2
#: Words of the counted noun between a figure and the comma opening a part of it.
PART_NOUN_GAP: Final = 2
#: Tokens a part named between commas may hold after its cue (", dont deux gardiens,").
PART_LENGTH: Final = 8
#: Subject labels that count things, never people: a cue of the fallen is not a toll there.
THING_SUBJECTS: Final = frozenset({"rockets", "missiles", "drones", "buildings", "homes"})


def count_head_noun(sc: Scene, a: int, b: int, subjects: list[Match]) -> Match | None:
    """The noun after a count head before the figure at ``[a, b)`` in its clause ("عدد
    الجنود الذين أصيبوا ... إلى 34": soldiers), unless a counted noun follows the figure."""
    before = [m for m in subjects if m.last <= a]
    if not before or any(m.first >= b and gap(sc, b, m.first) <= NOUN_AFTER_GAP for m in subjects):
        return None
    key = ("count heads", sc.sv.lo)
    if key not in sc.index:  # scanned once per sentence: a sentence may hold many figures
        sc.index[key] = sc.lex.count_heads.scan(sc.tokens, sc.sv.lo, sc.sv.hi)
    clause = sc.sv.clause_of(a)
    heads = [h for h in sc.index[key] if h.last <= a and sc.sv.clause_of(h.first) == clause]
    found = [
        m
        for m in before
        if any(h.last <= m.first and gap(sc, h.last, m.first) <= HEAD_GAP for h in heads)
    ]
    return max(found, key=lambda m: m.first) if found else None


def after_partitive(sc: Scene, b: int) -> int | None:
    """The first token after a partitive link that starts right after the figure ending at
    ``b`` ("five of the wounded": the token of "wounded"), light words skipped; None when no
    link follows the figure."""
    lex = sc.lex
    k = b
    while k < sc.sv.hi and not sc.tokens[k].is_word and k - b < LINK_GAP:
        k += 1
    link = (
        lex.partitives.at(sc.tokens, k)
        if k < sc.sv.hi
        and sc.tokens[k].is_word
        and not lex.partitives.starts.isdisjoint(sc.tokens[k].keys)
        else None
    )
    if link is None:
        return None
    k = link.last
    while k < sc.sv.hi and (not sc.tokens[k].is_word or set(sc.tokens[k].keys) & lex.light_words):
        k += 1
    return k


def part_verb(sc: Scene, a: int, b: int) -> Match | None:
    """The verb of a part of a toll ("three of the injured were evacuated"): the measure word
    right after the figure's partitive link names the whole; another measure in the clause,
    after it or right before the figure, says what the part counts (None when there is none)."""
    k = after_partitive(sc, b)
    if k is None:
        return None
    whole = next((m for m in sc.measures if m.first == k), None)
    if whole is None:
        return None
    clause = sc.sv.clause_of(a)
    own = [
        m
        for m in sc.measures
        if m.value[0] != whole.value[0]
        and sc.sv.clause_of(m.first) == clause
        and (m.first >= whole.last or (m.last <= a and gap(sc, m.last, a) <= VERB_BEFORE_GAP))
    ]
    return min(own, key=lambda m: abs(m.first - a)) if own else None


def cue_measure(sc: Scene, a: int, of_noun: Match | None) -> str:
    """The measure a word right before the figure gives when a partitive names the people it
    counts ("سقوط 3 من الجنود": the fallen are killed), from ``partitive_measures``; "" when
    the figure has no such cue, or counts things ("سقوط 5 من الصواريخ")."""
    if of_noun is None or of_noun.value[0] in THING_SUBJECTS:
        return ""
    k = a
    while k > sc.sv.lo and not sc.tokens[k - 1].is_word:
        k -= 1
    cues = sc.lex.partitive_measures.scan(sc.tokens, max(sc.sv.lo, k - 3), k)
    return next((str(m.value) for m in cues if m.last == k), "")


def verb_of(sc: Scene, a: int, b: int) -> Match | None:
    """The measure word of the figure at ``[a, b)``: the verb of its part ("five of the
    wounded were evacuated"), else the nearest measure word it may own (:func:`own_measures`;
    one before it wins a tie: "ont relâché 250 détenus"). A counted noun that is also a
    measure word ("détenus", "detainees") yields to a verb after it in its clause ("400
    détenus se sont évadés" escaped); a part named between commas right after the figure is
    passed over ("huit personnes, dont deux gardiens, ont été tuées": the eight were killed)."""
    own = own_measures(sc, b)
    found = part_verb(sc, a, b) or nearest(sc, own, a, b, before=0)
    if found is not None and _counted_noun(sc, found, b):
        clause = sc.sv.clause_of(found.first)
        verbs = [
            m
            for m in own
            if m.first >= found.last
            and m.value[0] != found.value[0]
            and sc.sv.clause_of(m.first) == clause
            and not any(found.last <= f < m.first for f, _ in sc.figures)  # another's verb
        ]
        return nearest(sc, verbs, a, b, before=0) or found
    k = _past_part(sc, b) if found is None else None
    if k is not None:
        return nearest(sc, [m for m in own if m.first >= k], k, k, before=0)
    return found


def _counted_noun(sc: Scene, m: Match, b: int) -> bool:
    """Whether measure word ``m`` is also a subject noun right after the figure ending at
    ``b`` (light words free): the noun counted, not what befell it."""
    return (
        m.first >= b and gap(sc, b, m.first) <= 1 and any(n.first == m.first for n in sc.subjects)
    )


def _past_part(sc: Scene, b: int) -> int | None:
    """The token after a part named between commas right after the figure ending at ``b``
    and its noun (", dont deux gardiens,", ", including two children,", "، بينهم طفلان،"),
    else None."""
    k = b
    while k < sc.sv.hi and sc.tokens[k].is_word and k - b < PART_NOUN_GAP:
        k += 1  # the counted noun ("personnes")
    if k >= sc.sv.hi or sc.tokens[k].is_word or sc.tokens[k].text.strip() not in (",", "،"):
        return None
    k += 1
    while k < sc.sv.hi and not sc.tokens[k].is_word:
        k += 1
    cue = sc.lex.subset_cues.at(sc.tokens, k) if k < sc.sv.hi else None
    if cue is None:
        return None
    for j in range(cue.last, min(sc.sv.hi, cue.last + PART_LENGTH)):
        if not sc.tokens[j].is_word and sc.tokens[j].text.strip() in (",", "،"):
            return j + 1
    return None


def own_measures(sc: Scene, b: int) -> list[Match]:
    """The sentence's measure words that may count the figure ending at ``b``: those after an
    effect link that opens a clause after the figure (a comma between them) are left out,
    the link's own word included ("12 rockets, destroying": the rockets destroyed, they were
    not destroyed)."""
    key = (EFFECT_LINKS, sc.sv.lo)
    if key not in sc.index:  # scanned once per sentence
        sc.index[key] = list(sc.lex.effect_links.scan(sc.tokens, sc.sv.lo, sc.sv.hi))
    links = [e for e in sc.index[key] if e.first >= b and _comma_between(sc, b, e.first)]
    if not links:
        return sc.measures
    start = min(e.first for e in links)
    return [m for m in sc.measures if m.first < start]


def _comma_between(sc: Scene, lo: int, hi: int) -> bool:
    """Whether a comma (or its Arabic form) stands among tokens ``[lo, hi)``."""
    return any(not t.is_word and t.text.strip() in (",", "،") for t in sc.tokens[lo:hi])
