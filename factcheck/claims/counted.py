"""What a figure counts: measure, subject and subject_detail, read from the words around it.

Each is the nearest lexicon entry to the figure within its sentence, by word distance
(:mod:`factcheck.claims.scene`); the subject prefers the counted noun after the figure, a
measure may imply its subject ("قتلى" counts people) and a subject its measure ("2,500
troops" are deployed); a role noun ("قياديان") or an affiliation (:mod:`factcheck.claims.
affiliation`) gives ``subject_detail``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from factcheck.claims.affiliation import OWN_FORCES, nearest_affiliation, speaker_affiliation
from factcheck.claims.counted_links import after_partitive, count_head_noun, cue_measure, verb_of
from factcheck.claims.lexicon import Match, Token, lexicon
from factcheck.claims.scene import MILITANTS, Scene, distance, gap, in_clause, nearest

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
#: Subject label of "of them", "d'entre eux", "منهم": a part of the figure before; the noun
#: right after it, if any, says which part ("six of them children").
PART: Final = "@part"
#: Subject label that takes the subject of the figure before ("others", "autres").
PREVIOUS_LABEL: Final = "@previous"
#: Farthest the counted noun may be from its figure for the noun alone to give the measure.
COUNTED_NOUN_GAP: Final = 2


@dataclass(frozen=True, slots=True)
class Counted:
    """What a figure counts."""

    measure: str
    subject: str
    detail: str
    implied: bool = False  # the measure comes from the subject alone ("2,500 troops")
    generic: bool = False  # no noun names who is counted: the measure's default ("Five were hurt")
    part: bool = False  # a part of the figure before: "six of them", "d'entre eux", "منهم"


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
    measure = verb_of(sc, a, b)  # "ont relâché 250 détenus", "five of the wounded were evacuated"
    clause = sc.sv.clause_of(a)  # the counted noun is in the figure's own clause
    if measure is None:
        measure = _toll_head(sc, a, clause)
    subjects = in_clause(sc, sc.subjects, clause)
    if forward:
        subjects = [m for m in subjects if m.last > a]
    if measure is not None and measure.value[2]:  # a toll's people, not "the building" it hit
        things = sc.lex.things  # a word none of whose keys starts a thing is none
        subjects = [
            m
            for m in subjects
            if things.starts.isdisjoint(sc.tokens[m.first].keys)
            or things.at(sc.tokens, m.first) is None
        ]
    sa, sb = _partitive(sc, b) or (a, b)  # where the counted noun is looked for
    of_noun = _of_noun(sc, b, subjects)  # "3 من جنود الجيش", "20 of the service members"
    of_noun = of_noun or count_head_noun(sc, a, b, subjects)  # "عدد الجنود ... إلى 34"
    subject = of_noun or nearest(sc, subjects, sa, sb)
    if subject is not None and subject.value[0] == PART:
        subject = _part_link(sc, a, b, subject, subjects)
        if subject is not None and subject.value[0] != PART:
            of_noun = subject  # "killed 15 of them": the noun "them" points at is counted
    role = nearest(sc, sc.roles, a, b)
    measure_label = measure.value[0] if measure else ""
    if measure is not None and _joined_toll(sc, measure, a, b):
        measure_label = JOINED_MEASURE  # "قتل وأصيب نحو 37", "killed or wounded 37"
    measure_label = cue_measure(sc, a, of_noun) or measure_label  # "سقوط 3 من الجنود"
    subject_label = subject.value[0] if subject else ""
    generic = subject is None
    if subject_label == MEMBER:  # "عنصر من فرق الإنقاذ", "عناصر التنظيم": whose members
        subject_label = _member_of(sc, subject)
    part = subject_label == PART
    if part and subject is not None:  # "six of them children": the noun after names the part
        follow = next(
            (
                m
                for m in subjects
                if m.first >= subject.last and gap(sc, subject.last, m.first) <= 1
            ),
            None,
        )
        subject_label = str(follow.value[0]) if follow is not None else PREVIOUS_LABEL
    inside = measure is not None and a <= measure.first and measure.last <= b
    if (
        measure is not None
        and measure.value[2]
        and of_noun is None
        and (
            subject is None
            or (
                not inside
                and distance(sc, subject, sa, sb) > distance(sc, measure, a, b, 0) + SUBJECT_SLACK
            )
        )
    ):
        subject_label = measure.value[2]  # "112 قتيلا", "made 37 arrests": people
        generic = True
    if measure_label in PEOPLE_ONLY and subject_label not in ("", "people"):
        measure_label = ""  # "qui compte quelque 10 000 casques bleus" is a force, not a population
    implied = False
    role_is_noun = role is not None and distance(sc, role, a, b) <= 1
    if (
        not measure_label
        and not role_is_noun
        and subject is not None
        and subject.value[2]
        and distance(sc, subject, a, b) <= COUNTED_NOUN_GAP
    ):
        measure_label = subject.value[2]  # "2,500 troops" alone is a force deployed
        implied = True
    detail = ""
    if role_is_noun:
        detail = role.value[0]
        if role.value[2] and (subject is None or distance(sc, subject, a, b) > 1):
            subject_label = role.value[2]
    else:
        near = subject if subject is not None else None
        aff = nearest_affiliation(sc, a, b, near)
        if aff is not None and generic and _past_the_toll(sc, b, aff):
            aff = None  # "52 hurt, a result of army raids": whose raids, not who
        if aff is not None:
            label, _, kind = aff.value
            detail = armed_group if label == "@group" else label
            after = aff.first >= a  # "15 من داعش", not "Hamas says 270 were killed"
            if kind == MILITANTS and (not subject_label or (generic and after)):
                subject_label = MILITANTS  # "15 من داعش", "15 ISIS operatives": militants
                generic = False
        if not detail and subject_label == MILITANTS:
            detail = armed_group
        if not detail and subject_label in OWN_FORCES:
            detail = speaker_affiliation(speaker_name)
    return Counted(measure_label, subject_label or "", detail, implied, generic, part)


def settle(what: Counted, language: str) -> Counted:
    """Apply the subject a measure gives a generic subject ("attended" people are protesters,
    people "released" in an exchange are prisoners), from ``measure_subjects``."""
    lex = lexicon(language)
    if what.subject in lex.force_subjects and what.measure in lex.force_measures:
        return replace(what, measure=lex.force_measures[what.measure])  # troops "took part"
    for crowd, force in lex.force_measures.items():  # the same rule read the other way
        rule = lex.measure_subjects.get(crowd)
        if what.measure == force and rule is not None and what.subject == rule[0]:
            return replace(what, measure=crowd)  # protesters "mobilised" attended
    rule = lex.measure_subjects.get(what.measure)
    if rule is not None and (what.subject in rule[1] or not what.subject):
        return replace(what, subject=rule[0])
    return what


def _toll_head(sc: Scene, a: int, clause: int) -> Match | None:
    """The measure a toll clause opens with, at any distance, for a figure right after a
    toll link ("The death toll from floods that tore through ... rose to 112")."""
    before = [m for m in sc.measures if m.last <= a and sc.sv.clause_of(m.first) == clause]
    if not before:  # checked first: the scan below is as long as the sentence
        return None
    links = sc.lex.toll_links.scan(sc.tokens, sc.sv.lo, a)
    if not any(m.last == a for m in links):
        return None
    return min(before, key=lambda m: m.first)


def _partitive(sc: Scene, b: int) -> tuple[int, int] | None:
    """The figure a partitive figure is part of ("97 des 161 suspects", "12 of the 161
    detainees", "5 من أصل 20"): the subject is counted by that figure's noun."""
    lex = sc.lex
    k = b
    while k < sc.sv.hi and k - b < PARTITIVE_GAP:
        tok = sc.tokens[k]
        match = (
            lex.partitives.at(sc.tokens, k)
            if tok.is_word and not lex.partitives.starts.isdisjoint(tok.keys)
            else None
        )
        if match is not None:
            k = match.last
            while k < sc.sv.hi and set(sc.tokens[k].keys) & lex.light_words:
                k += 1
            return next(((f, g) for f, g in sc.figures if f == k), None)
        if sc.tokens[k].is_word:
            return None
        k += 1
    return None


#: Two measures joined by a conjunction that govern one figure ("killed and wounded 37",
#: "tués ou blessés", "قتل وأصيب"): together they count casualties.
JOINED_PAIR: Final = frozenset({"killed", "wounded"})
JOINED_MEASURE: Final = "casualties"


def _joined_toll(sc: Scene, measure: Match, a: int, b: int) -> bool:
    """Whether ``measure`` and the other of killed/wounded stand next to each other, joined by
    at most a conjunction, on the same side of the figure at ``[a, b)``."""
    if measure.value[0] not in JOINED_PAIR:
        return False
    side = measure.last <= a
    pairs = sc.index.get("joined pair")  # the sentence's killed and wounded words, once
    if pairs is None:
        pairs = sc.index["joined pair"] = [m for m in sc.measures if m.value[0] in JOINED_PAIR]
    for other in pairs:
        if other.value[0] == measure.value[0]:
            continue
        if (other.last <= a) != side or (not side and other.first < b):
            continue
        lo, hi = (measure.last, other.first) if other.first >= measure.last else (
            other.last, measure.first)  # fmt: skip
        between = _words_between(sc, lo, hi, 2)
        if hi < lo or len(between) > 1:
            continue
        if not all(set(t.keys) & sc.lex.conjunctions for t in between):
            continue
        first, last = min(measure.first, other.first), max(measure.last, other.last)
        clause = sc.sv.clause_of(first)
        # "3 قُتلوا وأصيب 25": another figure on the pair's far side in its clause has a verb
        far = [(f, g) for f, g in _clause_figures(sc, clause) if f != a]
        if not any((g <= first) if side else (f >= last) for f, g in far):
            return True
    return False


def _words_between(sc: Scene, lo: int, hi: int, most: int) -> list[Token]:
    """The word tokens of ``[lo, hi)``, stopping once ``most`` are found (the caller only
    needs to know whether there are that many: far-apart words are not read through)."""
    found = []
    for k in range(lo, hi):
        if sc.tokens[k].is_word:
            found.append(sc.tokens[k])
            if len(found) >= most:
                break
    return found


def _clause_figures(sc: Scene, clause: int) -> list[tuple[int, int]]:
    """The figures of the scene that start in ``clause``, in order (listed once per clause)."""
    key = ("figures in clause", clause)
    if key not in sc.index:
        sc.index[key] = [(f, g) for f, g in sc.figures if sc.sv.clause_of(f) == clause]
    return sc.index[key]


def _part_link(sc: Scene, a: int, b: int, link: Match, subjects: list[Match]) -> Match | None:
    """What an "of them" / "منهم" next to the figure at ``[a, b)`` makes of it: a part of the
    figure before it in the sentence ("40 wounded, six of them critical": the link itself);
    with no figure before it, "of them" points at a noun ("clashed with ISIS members and killed
    15 of them": the nearest subject noun before the figure); a link that is not next to the
    figure is not its subject (None)."""
    after = link.first >= b and gap(sc, b, link.first) <= 1
    before = link.last <= a and gap(sc, link.last, a) <= 1
    if not (after or before):
        return None
    if any(g <= a for _, g in sc.figures):
        return link
    nouns = [m for m in subjects if m.last <= a and m.value[0] not in (PART, PREVIOUS_LABEL)]
    return max(nouns, key=lambda m: m.first) if nouns else None


def _past_the_toll(sc: Scene, b: int, aff: Match) -> bool:
    """Whether a measure word stands between the figure and an affiliation after it: the
    affiliation then qualifies what follows the toll ("52 hurt in army raids"), not
    the people counted ("15 ISIS operatives killed", "15 من داعش")."""
    return aff.first >= b and any(b <= m.first < aff.first for m in sc.measures)


def _of_noun(sc: Scene, b: int, subjects: list[Match]) -> Match | None:
    """The noun a partitive right after the figure names ("3 من جنود الجيش", "five of the
    soldiers", "trois d'entre les soldats"): the figure counts those, whatever the verb's
    default subject."""
    k = after_partitive(sc, b)
    return None if k is None else next((m for m in subjects if m.first == k), None)


def _member_of(sc: Scene, member: Match) -> str:
    """The subject of the group named right after "عنصر", "members" ("عنصر من فرق الإنقاذ"
    -> workers), else militants (members of the armed group the text is about)."""
    for m in sorted(sc.subjects, key=lambda m: m.first):
        near = m.first >= member.last and gap(sc, member.last, m.first) <= MEMBER_GAP
        if near and m.value[0] not in (MEMBER, PART, PREVIOUS_LABEL):
            return str(m.value[0])
    return MILITANTS
