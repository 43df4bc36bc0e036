"""One sentence's lexicon matches and the word distances between them and a figure.

Words inside the figure's own span are at distance 0 ("no one was hurt", "جنديين"); light
words (auxiliaries, articles) are free, commas and conjunctions cost more, and a word in
another clause or beyond another figure is penalised, so "15 killed and 7 wounded" gives each
figure its own verb.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Final

from factcheck.claims.attribution import SentenceView
from factcheck.claims.lexicon import Lexicon, Match, Token
from factcheck.claims.scans import first_bits, match_at

#: Farthest a measure or subject word may be from its figure, in tokens.
WINDOW: Final = 14
#: Extra distance for each other figure between a word and this figure.
CROSS_PENALTY: Final = 10
#: Extra distance for a word in another clause ("while", "فيما", ";").
CLAUSE_PENALTY: Final = 6
#: Distance a comma or colon adds: a word beyond one likely belongs to another phrase.
COMMA_COST: Final = 2
#: Extra distance for a subject word before the figure (the counted noun usually follows it).
BEFORE_PENALTY: Final = 1
#: Longest reporting cue, in words ("put the toll at").
CUE_WORDS: Final = 4
#: Lists at most this long are filtered as they are: indexing them costs more than it saves.
INDEX_MIN_MATCHES: Final = 16
#: Key of a scene's effect links in its index ("12 rockets, destroying"; counted_links).
EFFECT_LINKS: Final = "effect links"
#: The subject of an armed group's members, and the affiliation kind that marks such a group.
MILITANTS: Final = "militants"


@dataclass(frozen=True, slots=True)
class Scene:
    """One sentence's lexicon matches, found once and shared by its figures."""

    sv: SentenceView
    measures: list[Match]
    subjects: list[Match]
    affiliations: list[Match]
    roles: list[Match]
    figures: list[tuple[int, int]]  # token ranges of the sentence's claim figures
    cost: list[int]  # cost[k]: distance from the sentence start to token k (light words free)
    tokens: list[Token]
    lex: Lexicon
    #: The figures sorted, as starts and ends, when their ends are in the same order (figures
    #: never overlap): counting the figures between two tokens is then two bisections.
    figure_starts: list[int] | None = None
    figure_ends: list[int] | None = None
    figure_copies: dict[tuple[int, int], int] | None = None  # how often each figure is given
    #: Indexes built on first use by the figures of the sentence (see :func:`within_reach`).
    index: dict[object, Any] = field(default_factory=dict)


def scene(
    tokens: list[Token], sv: SentenceView, lex: Lexicon, figures: list[tuple[int, int]]
) -> Scene:
    """The measure, subject, affiliation and role words of a sentence."""
    found, cost = _read(tokens, sv.lo, sv.hi, lex)
    subject_matches, measure_matches, affiliations, roles, anaphors, effects = found
    subjects = [  # "police said", "قالت الشرطة": who speaks is not what is counted
        m
        for m in subject_matches
        if not (m.last < sv.hi and tokens[m.last].is_word and lex.say.at(tokens, m.last))
        and not _after_cue(tokens, m.first, sv.lo, lex)
    ]
    long_subjects = [n for n in subjects if n.last - n.first > 1]
    measures = [  # "عمال إنقاذ", "rescue workers": the measure word belongs to the subject
        m
        for m in measure_matches
        if not any(n.first <= m.first and m.last <= n.last for n in long_subjects)
    ]
    ordered = sorted(figures)
    ends = [g for _, g in ordered]
    sorted_ends = all(x <= y for x, y in pairwise(ends))
    made = Scene(
        sv,
        measures,
        subjects,
        [*affiliations, *(Match(m.first, m.last, ("@group", 0, MILITANTS)) for m in anaphors)],
        roles,
        figures,
        cost,
        tokens,
        lex,
        [f for f, _ in ordered] if sorted_ends else None,
        ends if sorted_ends else None,
        _copies(figures) if sorted_ends else None,
    )
    made.index[(EFFECT_LINKS, sv.lo)] = effects  # what own_measures would scan for again
    return made


def _copies(figures: list[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """How many times each figure range is given (what ``Counter`` counts, without its
    set-up: a sentence has a few figures and a document thousands of sentences)."""
    copies: dict[tuple[int, int], int] = {}
    for figure in figures:
        copies[figure] = copies.get(figure, 0) + 1
    return copies


class _Reading:
    """What :func:`_read` needs of one lexicon, built once per lexicon: the phrase lists a
    scene scans, the words any of them may start with, and each word's distance cost."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.phrases = (lex.subjects, lex.measures, lex.affiliations, lex.roles)
        self.phrases += (lex.group_anaphors, lex.effect_links)
        self.firsts = tuple(p.starts for p in self.phrases)
        self.any_first = frozenset().union(*self.firsts)
        self.bits = first_bits(self.firsts)
        self.steps: dict[tuple[str, ...], int] = {}  # the keys of a word -> its cost
        self.marks: dict[str, int] = {}  # a punctuation mark -> its cost

    def step(self, tok: Token) -> int:
        """The distance token ``tok`` adds (light words free, commas and conjunctions more)."""
        lex = self.lex
        if not tok.is_word:
            step = self.marks[tok.text] = COMMA_COST if tok.text in ",،;:" else 0
            return step
        if set(tok.keys) & lex.heavy_words:
            step = COMMA_COST  # "and that", "et", "أن": a new phrase starts
        else:
            step = 0 if set(tok.keys) & lex.light_words else 1
        if len(self.steps) < STEP_MEMO_SIZE:
            self.steps[tok.keys] = step
        return step


#: Words whose distance cost is remembered per lexicon (a news vocabulary fits).
STEP_MEMO_SIZE: Final = 100_000
#: Lexicons whose readings are kept (one per language in use; tests build a few more).
READINGS_KEPT: Final = 8
_READINGS: dict[int, _Reading] = {}


def _reading(lex: Lexicon) -> _Reading:
    hit = _READINGS.get(id(lex))
    if hit is None or hit.lex is not lex:
        if len(_READINGS) >= READINGS_KEPT:
            _READINGS.clear()
        hit = _READINGS[id(lex)] = _Reading(lex)
    return hit


def _read(
    tokens: list[Token], lo: int, hi: int, lex: Lexicon
) -> tuple[tuple[list[Match], ...], list[int]]:
    """The matches of the scene's phrase lists in ``tokens[lo:hi]`` (each as its own
    ``Phrases.scan`` finds them: left to right, not overlapping) and the word costs, in one
    pass over the sentence instead of one per list."""
    reading = _reading(lex)
    phrases, bits, any_first = reading.phrases, reading.bits, reading.any_first
    steps, marks = reading.steps, reading.marks
    found: tuple[list[Match], ...] = tuple([] for _ in phrases)
    free = [lo] * len(phrases)  # the first token each list may match at (after its last)
    cost = [0]
    total = 0
    for i in range(lo, hi):
        tok = tokens[i]
        keys = tok.keys
        if tok.is_word:
            step = steps.get(keys)
            if step is None:
                step = reading.step(tok)
            if not any_first.isdisjoint(keys):
                match_at(tokens, i, hi, phrases, bits, free, found)
        else:
            step = marks.get(tok.text)
            if step is None:
                step = reading.step(tok)
        total += step
        cost.append(total)
    return found, cost


def _after_cue(tokens: list[Token], i: int, lo: int, lex: Lexicon) -> bool:
    """Whether a reporting verb ends right before token ``i`` ("قالت الشرطة")."""
    says = lex.say.starts  # a word with none of these keys starts no reporting verb
    for j in range(max(lo, i - CUE_WORDS), i):
        tok = tokens[j]
        m = lex.say.at(tokens, j) if tok.is_word and not says.isdisjoint(tok.keys) else None
        if m is not None and m.last == i:
            return True
    return False


def gap(sc: Scene, lo: int, hi: int) -> int:
    """Distance between token indices ``lo`` <= ``hi`` of the sentence (light words free)."""
    base = sc.sv.lo
    return sc.cost[hi - base] - sc.cost[lo - base]


def distance(sc: Scene, m: Match, a: int, b: int, before: int = BEFORE_PENALTY) -> int:
    """Word distance from the figure at ``[a, b)`` to match ``m``, with penalties."""
    if m.first < b and m.last > a:
        return 0
    if m.last <= a:
        d, lo, hi = gap(sc, m.last, a) + before, m.last, a
    else:
        d, lo, hi = gap(sc, b, m.first), b, m.first
    d += CROSS_PENALTY * _figures_between(sc, lo, hi, (a, b))
    if sc.sv.clause_of(m.first) != sc.sv.clause_of(a):
        d += CLAUSE_PENALTY
    return d


def _figures_between(sc: Scene, lo: int, hi: int, own: tuple[int, int]) -> int:
    """How many figures other than ``own`` lie within tokens ``[lo, hi)``."""
    if sc.figure_starts is None or sc.figure_ends is None or sc.figure_copies is None:
        return sum(1 for f, g in sc.figures if f >= lo and g <= hi and (f, g) != own)
    first = bisect_left(sc.figure_starts, lo)
    last = bisect_right(sc.figure_ends, hi)
    n = max(0, last - first)
    if own[0] >= lo and own[1] <= hi:
        n -= sc.figure_copies.get(own, 0)
    return n


def within_reach(sc: Scene, matches: list[Match], a: int, b: int) -> list[Match]:
    """The matches whose distance to the figure at ``[a, b)`` may be at most ``WINDOW``: the
    word cost alone already puts the others beyond it, so they need no scoring."""
    cost, base = sc.cost, sc.sv.lo
    near_a, near_b = cost[a - base] - WINDOW, cost[b - base] + WINDOW
    _, firsts, span = _first_index(sc, matches) if len(matches) > INDEX_MIN_MATCHES else _NONE
    if firsts is not None:  # only matches starting between these tokens can be in reach
        reach_lo = base + bisect_left(cost, near_a) - span
        reach_hi = max(base + bisect_right(cost, near_b) - 1, b)
        matches = matches[bisect_left(firsts, reach_lo) : bisect_right(firsts, reach_hi)]
    return [
        m
        for m in matches
        if (m.first < b and m.last > a)
        or (m.last <= a and cost[m.last - base] >= near_a)
        or (m.first >= b and cost[m.first - base] <= near_b)
    ]


_NONE: Final = (None, None, 0)


def _first_index(sc: Scene, matches: list[Match]) -> tuple[list[Match], list[int] | None, int]:
    """(matches, their first tokens when in order, the longest match) for a list of the
    scene, built once per list."""
    hit = sc.index.get(id(matches))
    if hit is None or hit[0] is not matches:  # the list is kept in the entry: ids stay unique
        firsts = [m.first for m in matches]
        ordered = all(x <= y for x, y in pairwise(firsts))
        span = max((m.last - m.first for m in matches), default=0)
        hit = sc.index[id(matches)] = (matches, firsts if ordered else None, span)
    return hit


def in_clause(sc: Scene, matches: list[Match], clause: int) -> list[Match]:
    """The matches of the scene list ``matches`` that start in clause ``clause`` (once per
    clause and list)."""
    key = ("clause", id(matches), clause)
    hit = sc.index.get(key)
    if hit is None or hit[0] is not matches:
        hit = sc.index[key] = (matches, [m for m in matches if sc.sv.clause_of(m.first) == clause])
    return hit[1]


def nearest(
    sc: Scene, matches: list[Match], a: int, b: int, before: int = BEFORE_PENALTY
) -> Match | None:
    """The nearest match; on a tie the one after the figure (its counted noun or verb), and a
    word that is also a subject ("détenus") loses to a plain verb ("ont relâché")."""
    nouns = sc.index.get("nouns")
    if nouns is None:
        nouns = sc.index["nouns"] = {(n.first, n.last) for n in sc.subjects}
    best: Match | None = None
    best_d = best_first = 0
    for m in within_reach(sc, matches, a, b):  # the others are beyond WINDOW
        d = distance(sc, m, a, b, before) + ((m.first, m.last) in nouns)
        # the first of the least (distance, -first), as ``min`` would pick it
        if best is None or d < best_d or (d == best_d and m.first > best_first):
            best, best_d, best_first = m, d, m.first
    return best if best is not None and best_d <= WINDOW else None
