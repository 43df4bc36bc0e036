"""What a figure counts: measure, subject and subject_detail, read from the words around it.

Each is the nearest lexicon entry to the figure within its sentence, by token distance: words
inside the figure's own span count as distance 0 ("no one was hurt", "جنديين"), a word in
another clause or beyond another figure is penalised, so "15 killed and 7 wounded" gives each
figure its own verb. The subject prefers the counted noun after the figure. Affiliations
("US", "Iraqi", "ISIS") come from the same clause; "the group"/"التنظيم" and militants without
a named group take the armed group last named in the document; soldiers and police without an
affiliation take the affiliation in their speaker's name (a command reporting its own troops).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from factcheck.claims.attribution import SentenceView
from factcheck.claims.lexicon import Lexicon, Match, Token, lexicon

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
#: Farthest an affiliation may be from its subject word or figure ("جنود أميركيين", "nine
#: ISIS operatives", "عنصرا من تنظيم الدولة"): farther away it qualifies something else.
AFFILIATION_WINDOW: Final = 1
#: How much farther than the measure word a subject word may be and still be the subject
#: ("Police made 37 arrests": the arrests count people, not police).
SUBJECT_SLACK: Final = 1
#: Measures that only count inhabitants: with any other subject the measure word misleads.
PEOPLE_ONLY: Final = frozenset({"population"})
#: How far after a figure its partitive link may start ("97 des 161").
PARTITIVE_GAP: Final = 2
#: Subject label of "عنصر", "members": the group named after it says whose members.
MEMBER: Final = "@member"
#: How far after "عنصر" the group may be named ("عنصر من فرق الإنقاذ").
MEMBER_GAP: Final = 3
#: Farthest the counted noun may be from its figure for the noun alone to give the measure.
COUNTED_NOUN_GAP: Final = 2
#: Subjects whose missing affiliation is taken from their speaker's name (a command reporting
#: its own troops); police are left alone: their country is a place, not a side.
OWN_FORCES: Final = frozenset({"soldiers"})
#: The subject of an armed group's members, and the affiliation kind that marks such a group.
MILITANTS: Final = "militants"


@dataclass(frozen=True, slots=True)
class Counted:
    """What a figure counts."""

    measure: str
    subject: str
    detail: str
    implied: bool = False  # the measure comes from the subject alone ("2,500 troops")


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


def scene(
    tokens: list[Token], sv: SentenceView, lex: Lexicon, figures: list[tuple[int, int]]
) -> Scene:
    """The measure, subject, affiliation and role words of a sentence."""
    subjects = list(lex.subjects.scan(tokens, sv.lo, sv.hi))
    measures = [  # "عمال إنقاذ", "rescue workers": the measure word belongs to the subject
        m
        for m in lex.measures.scan(tokens, sv.lo, sv.hi)
        if not any(
            n.first <= m.first and m.last <= n.last and n.last - n.first > 1 for n in subjects
        )
    ]
    cost = [0]
    for k in range(sv.lo, sv.hi):
        tok = tokens[k]
        if not tok.is_word:
            step = COMMA_COST if tok.text in ",،;:" else 0
        elif set(tok.keys) & lex.heavy_words:
            step = COMMA_COST  # "and that", "et", "أن": a new phrase starts
        else:
            step = 0 if set(tok.keys) & lex.light_words else 1
        cost.append(cost[-1] + step)
    return Scene(
        sv,
        measures,
        subjects,
        [*lex.affiliations.scan(tokens, sv.lo, sv.hi), *_group_refs(tokens, sv, lex)],
        list(lex.roles.scan(tokens, sv.lo, sv.hi)),
        figures,
        cost,
        tokens,
        lex,
    )


def _group_refs(tokens: list[Token], sv: SentenceView, lex: Lexicon) -> list[Match]:
    """ "the group", "التنظيم": placeholders resolved to the last armed group named."""
    return [
        Match(m.first, m.last, ("@group", 0, MILITANTS))
        for m in lex.group_anaphors.scan(tokens, sv.lo, sv.hi)
    ]


def _gap(sc: Scene, lo: int, hi: int) -> int:
    """Distance between token indices ``lo`` <= ``hi`` of the sentence (light words free)."""
    base = sc.sv.lo
    return sc.cost[hi - base] - sc.cost[lo - base]


def _distance(sc: Scene, m: Match, a: int, b: int, before: int = BEFORE_PENALTY) -> int:
    """Word distance from the figure at ``[a, b)`` to match ``m``, with penalties."""
    if m.first < b and m.last > a:
        return 0
    if m.last <= a:
        d, lo, hi = _gap(sc, m.last, a) + before, m.last, a
    else:
        d, lo, hi = _gap(sc, b, m.first), b, m.first
    d += CROSS_PENALTY * sum(1 for f, g in sc.figures if f >= lo and g <= hi and (f, g) != (a, b))
    if sc.sv.clause_of(m.first) != sc.sv.clause_of(a):
        d += CLAUSE_PENALTY
    return d


def _nearest(
    sc: Scene, matches: list[Match], a: int, b: int, before: int = BEFORE_PENALTY
) -> Match | None:
    """The nearest match; on a tie the one after the figure (its counted noun or verb), and a
    word that is also a subject ("détenus") loses to a plain verb ("ont relâché")."""
    nouns = {(n.first, n.last) for n in sc.subjects}
    best = min(
        (
            (_distance(sc, m, a, b, before) + ((m.first, m.last) in nouns), -m.first, m)
            for m in matches
        ),
        default=None,
        key=lambda x: (x[0], x[1]),
    )
    return best[2] if best is not None and best[0] <= WINDOW else None


def count_of(
    sc: Scene,
    a: int,
    b: int,
    armed_group: str,
    speaker_name: str,
    language: str,
    forward: bool = False,
) -> Counted:
    """Measure, subject and detail of the figure at tokens ``[a, b)``; with ``forward`` (a
    "no casualties" phrase) the subject is never taken from before the figure ("eight rockets
    ..., sans faire de victimes" counts people, not rockets)."""
    measure = _nearest(sc, sc.measures, a, b, before=0)  # "ont relâché 250 détenus": the verb
    subjects = [m for m in sc.subjects if m.last > a] if forward else sc.subjects
    sa, sb = _partitive(sc, b) or (a, b)  # where the counted noun is looked for
    subject = _nearest(sc, subjects, sa, sb)
    role = _nearest(sc, sc.roles, a, b)
    measure_label = measure.value[0] if measure else ""
    subject_label = subject.value[0] if subject else ""
    if subject_label == MEMBER:  # "عنصر من فرق الإنقاذ", "عناصر التنظيم": whose members
        subject_label = _member_of(sc, subject)
    inside = measure is not None and a <= measure.first and measure.last <= b
    if (
        measure is not None
        and measure.value[2]
        and (
            subject is None
            or (
                not inside
                and _distance(sc, subject, sa, sb) > _distance(sc, measure, a, b, 0) + SUBJECT_SLACK
            )
        )
    ):
        subject_label = measure.value[2]  # "112 قتيلا", "made 37 arrests": people
    if measure_label in PEOPLE_ONLY and subject_label not in ("", "people"):
        measure_label = ""  # "qui compte quelque 10 000 casques bleus" is a force, not a population
    implied = False
    role_is_noun = role is not None and _distance(sc, role, a, b) <= 1
    if (
        not measure_label
        and not role_is_noun
        and subject is not None
        and subject.value[2]
        and _distance(sc, subject, a, b) <= COUNTED_NOUN_GAP
    ):
        measure_label = subject.value[2]  # "2,500 troops" alone is a force deployed
        implied = True
    detail = ""
    if role_is_noun:
        detail = role.value[0]
        if role.value[2] and (subject is None or _distance(sc, subject, a, b) > 1):
            subject_label = role.value[2]
    else:
        near = subject if subject is not None else None
        aff = _affiliation(sc, a, b, near)
        if aff is not None:
            label, _, kind = aff.value
            detail = armed_group if label == "@group" else label
            if kind == MILITANTS and not subject_label:
                subject_label = MILITANTS
        if not detail and subject_label == MILITANTS:
            detail = armed_group
        if not detail and subject_label in OWN_FORCES:
            detail = speaker_affiliation(speaker_name)
    return Counted(measure_label, subject_label or "", detail, implied)


def settle(what: Counted, language: str) -> Counted:
    """Apply the subject a measure gives a generic subject ("attended" people are protesters,
    people "released" in an exchange are prisoners), from ``measure_subjects``."""
    lex = lexicon(language)
    if what.subject in lex.force_subjects and what.measure in lex.force_measures:
        return replace(what, measure=lex.force_measures[what.measure])  # troops "took part"
    rule = lex.measure_subjects.get(what.measure)
    if rule is not None and (what.subject in rule[1] or not what.subject):
        return replace(what, subject=rule[0])
    return what


def _partitive(sc: Scene, b: int) -> tuple[int, int] | None:
    """The figure a partitive figure is part of ("97 des 161 suspects", "12 of the 161
    detainees", "5 من أصل 20"): the subject is counted by that figure's noun."""
    lex = sc.lex
    k = b
    while k < sc.sv.hi and k - b < PARTITIVE_GAP:
        match = lex.partitives.at(sc.tokens, k) if sc.tokens[k].is_word else None
        if match is not None:
            k = match.last
            while k < sc.sv.hi and set(sc.tokens[k].keys) & lex.light_words:
                k += 1
            return next(((f, g) for f, g in sc.figures if f == k), None)
        if sc.tokens[k].is_word:
            return None
        k += 1
    return None


def _member_of(sc: Scene, member: Match) -> str:
    """The subject of the group named right after "عنصر", "members" ("عنصر من فرق الإنقاذ"
    -> workers), else militants (members of the armed group the text is about)."""
    for m in sorted(sc.subjects, key=lambda m: m.first):
        near = m.first >= member.last and _gap(sc, member.last, m.first) <= MEMBER_GAP
        if near and m.value[0] != MEMBER:
            return str(m.value[0])
    return MILITANTS


def _affiliation(sc: Scene, a: int, b: int, subject: Match | None) -> Match | None:
    """The nearest affiliation to the subject word (or the figure), by priority first."""
    if not sc.affiliations:
        return None
    f, g = (subject.first, subject.last) if subject is not None else (a, b)
    scored = [
        (_distance(sc, m, min(a, f), max(b, g)) + int(m.value[1]), m.first, m)
        for m in sc.affiliations
        if sc.sv.clause_of(m.first) == sc.sv.clause_of(a)
    ]
    best = min(scored, default=None, key=lambda x: (x[0], x[1]))
    return best[2] if best is not None and best[0] <= AFFILIATION_WINDOW else None


def speaker_affiliation(name: str) -> str:
    """The affiliation named in a canonical (English) speaker name: "US Central Command" -> US."""
    if not name:
        return ""
    en = lexicon("en")
    tokens = en.tokenize(name)
    for m in en.affiliations.scan(tokens):
        if m.value[2] != MILITANTS:
            return str(m.value[0])
    return ""


def armed_groups(tokens: list[Token], lex: Lexicon) -> list[tuple[int, str]]:
    """(token index, label) of every armed group named in the document, in order."""
    return [(m.first, m.value[0]) for m in lex.affiliations.scan(tokens) if m.value[2] == MILITANTS]


def group_at(groups: list[tuple[int, str]], i: int) -> str:
    """The armed group last named before token ``i`` (else the first one named at all)."""
    before = [label for j, label in groups if j <= i]
    if before:
        return before[-1]
    return groups[0][1] if groups else ""
