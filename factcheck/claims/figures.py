"""Which mentions are figures, and what a figure without words of its own counts.

A number of speakers ("two security sources said"), a multiplier, a capacity or an amount of
money is not a figure of the event. A figure with no measure word counts what the figure it
repeats counts, or the figure just before it ("412 000, dont 48 000 à Paris").
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from factcheck.claims.counted import Counted
from factcheck.claims.lexicon import Lexicon, Token
from factcheck.claims.phrases import is_cue
from factcheck.model import Mention, Qualifier, Role


def is_figure(mention: Mention) -> bool:
    """Whether a mention becomes a claim: a counted figure or a "no casualties" statement."""
    return mention.role == Role.CLAIM or mention.qualifier == Qualifier.NONE_REPORTED


#: How far after a figure the noun naming unnamed speakers may come ("two U.S. officials"),
#: and how far after that noun a measure word makes the figure a toll again ("two officials
#: were killed").
SPEAKER_NOUN_GAP = 3
SPEAKER_MEASURE_GAP = 3
#: How far from "two security sources" a reporting cue must be for them to be speakers.
SPEAKER_CUE_GAP = 6


def counts_speakers(tokens: list[Token], a: int, b: int, lex: Lexicon) -> bool:
    """Whether the figure at ``[a, b)`` counts who speaks ("two security sources said"):
    the speakers' number is not a claim. The figure's own words count ("مصدرين")."""
    unnamed = lex.unnamed.starts  # a word with none of these keys starts no unnamed noun
    for i in range(a, min(len(tokens), b + SPEAKER_NOUN_GAP)):
        tok = tokens[i]
        if _mark(tok):
            return False  # the noun must belong to the figure's own phrase
        m = lex.unnamed.at(tokens, i) if tok.is_word and not unnamed.isdisjoint(tok.keys) else None
        if m is not None:
            after = range(m.last, min(len(tokens), m.last + SPEAKER_MEASURE_GAP))
            if any(lex.measures.at(tokens, j) for j in after if tokens[j].is_word):
                return False
            after_cue = range(m.last, min(len(tokens), m.last + SPEAKER_CUE_GAP))
            for j in after_cue:
                if _mark(tokens[j]):
                    break  # "Police arrested 20 activists, the ministry said": another phrase
                if tokens[j].is_word and lex.measures.at(tokens, j):
                    break  # "17 miners were pulled out alive, the statement says": a toll
                if is_cue(tokens, j, lex):
                    return True  # "two security sources said"
            before = range(max(0, a - SPEAKER_CUE_GAP), a)
            ends = [j for j in before if not tokens[j].is_word and tokens[j].text in ".!?؟"]
            cue = [j for j in before if is_cue(tokens, j, lex) and not (ends and j < ends[-1])]
            # "a indiqué à l'AFP deux responsables", not "he added that 4 medics were hurt"
            return bool(cue) and not any(
                tokens[j].is_word and tokens[j].key in lex.openers for j in range(cue[-1], a)
            )
    return False


def _mark(token: Token) -> bool:
    """Whether the token is a punctuation mark that closes the figure's phrase."""
    return not token.is_word and token.text in ".;:!?؟,،"


def not_a_count(tokens: list[Token], b: int, lex: Lexicon) -> bool:
    """Whether the word after the figure makes it something other than a count of the event
    ("cinq fois plus", "8 000 places", "10 millions de dinars", "des deux camps"), from the
    ``not_counted`` words of the language (the light words between are passed over)."""
    k = b
    while k < len(tokens) and (not tokens[k].is_word or set(tokens[k].keys) & lex.light_words):
        if tokens[k].text in ",،.;:":
            return False
        k += 1
    return k < len(tokens) and bool(set(tokens[k].keys) & lex.not_counted)


#: How far before a figure a level noun ("the pension age ... to 64") may come.
LEVEL_WINDOW = 8


def sets_a_level(tokens: list[Token], a: int, lo: int, lex: Lexicon) -> bool:
    """Whether the figure at token ``a`` is the value a level noun is set to ("raising the
    minimum pension age by two years, to 64", "l'âge de départ à 64"): a ``level_nouns`` word
    within ``LEVEL_WINDOW`` tokens before it, in its sentence, and no measure word between."""
    for k in range(a - 1, max(lo, a - LEVEL_WINDOW) - 1, -1):
        if lex.measures.at(tokens, k) is not None:
            return False
        if set(tokens[k].keys) & lex.level_nouns:
            return True
    return False


#: Subject label of "others", "آخرين", "autres": the subject of the figure before it.
PREVIOUS = "@previous"
#: subject_detail word of a part of a toll that names no people of its own ("dont six dans un
#: état critique", "six of them in critical condition"): a subset word (``subset_qualifiers``),
#: so that align keeps it apart from the total and names the total in ``subset_of``.
SUBSET_MARK = "subset"
#: Longest subset cue, in words ("parmi lesquels", "من بينهم").
SUBSET_CUE_WORDS = 3
#: Farthest a part named ahead may open before its figure, in tokens ("Among these leaders,
#: five were identified", "ووفق البيان، من بين هؤلاء القادة، عرفت هوية أربعة").
SUBSET_OPENER_REACH = 12
#: How many sentences back a figure without a measure word may take one from ("..., dont
#: 48 000 à Paris", "la CGT 55 000", "ثم رفعتها إلى 45").
INHERIT_MAX_SENTENCES = 1
#: ... and a part ("among these leaders, six"), which points back at a toll by its words.
SUBSET_MAX_SENTENCES = 2


def is_subset(tokens: list[Token], a: int, lo: int, lex: Lexicon) -> bool:
    """Whether a subset cue ends right before the figure at token ``a`` ("dont 15", "including
    nine", "بينهم 31"), light words and one comma passed over; or whether the figure's
    sentence opens with a part named ahead ("Among these leaders, five were identified",
    "ومن بين هؤلاء القادة، تم التعرف على ستة", "Parmi eux, cinq ...")."""
    k = a - 1
    while k >= lo and (not tokens[k].is_word or set(tokens[k].keys) & lex.light_words):
        k -= 1
    start = max(lo, k - SUBSET_CUE_WORDS + 1)
    cues = lex.subset_cues.starts  # a word with none of these keys starts no subset cue
    return any(
        (m := lex.subset_cues.at(tokens, i)) is not None and m.last == k + 1
        for i in range(start, k + 1)
        if tokens[i].is_word and not cues.isdisjoint(tokens[i].keys)
    ) or _opened_as_part(tokens, a, lo, lex)


def _opened_as_part(tokens: list[Token], a: int, lo: int, lex: Lexicon) -> bool:
    """An opener ("among", "من بين", "parmi") opening the sentence or following a comma, then
    its words and a comma, with no figure between it and the figure at ``a``, within
    :data:`SUBSET_OPENER_REACH` tokens."""
    comma = False
    for i in range(a - 1, max(lo, a - SUBSET_OPENER_REACH) - 1, -1):
        tok = tokens[i]
        if tok.text in ",،":
            comma = True
        elif not tok.is_word or any(ch.isdigit() for ch in tok.text):
            return False  # another figure, a full stop: the opener is not this figure's
        elif comma and (m := lex.subset_openers.at(tokens, i)) is not None:
            opens = i == lo or tokens[i - 1].text in ",،"  # the sentence or a comma opens it
            return opens and m.last < a and any(tokens[j].text in ",،" for j in range(m.last, a))
    return False


def inherit(
    what: Counted,
    n: int,
    value: float | None,
    earlier: list[tuple[int, float | None, Counted]],
    subset: bool = False,
    near_only: bool = False,
) -> Counted:
    """A figure with no measure word of its own counts what the figure it repeats counts (the
    same value earlier in the document), else what the figure just before it counts (in the same
    sentence only when the figure names a noun of its own); a part of the figure before ("dont
    15 Saoudiens") counts what that figure counts."""
    source = None
    if not subset:
        source = next((w for _, v, w in reversed(earlier) if v == value and w.measure), None)
    if source is None:
        source = next(
            (
                w
                for k, _, w in reversed(earlier)
                if n - k
                <= (0 if near_only else SUBSET_MAX_SENTENCES if subset else INHERIT_MAX_SENTENCES)
                and w.measure
            ),
            None,
        )
    if source is None:
        return what
    generic = what.generic if what.subject else source.generic
    if subset:
        return replace(
            what, measure=source.measure, subject=what.subject or source.subject, generic=generic
        )
    return Counted(
        source.measure,
        what.subject or source.subject,
        what.detail or source.detail,
        source.implied,
        generic,
    )


#: Measures whose victims one text names once and then counts without a noun ("Nine deckhands
#: were wounded ... Six were wounded below deck and one more was bruised").
VICTIM_MEASURES = frozenset({"killed", "wounded", "casualties", "missing"})
#: Subjects that say nothing of who the victims were, and the parts of "people" by age or sex
#: ("31 children among the dead"): neither names the side a later bare toll counts.
GENERIC_SUBJECTS = frozenset({"", "people", "children", "women"})


def carry_subject(what: Counted, n: int, named: dict[str, tuple[int, Counted]]) -> Counted:
    """A toll with no noun of its own ("Five were wounded", "وأصيب 25", "the tally of dead
    reached 6") counts the victims the document last named for a toll of the same measure, or for
    any toll in the same sentence n ("two guards were killed and 11 more were hurt").
    ``named`` holds the latest per measure and under "*" (:func:`remember_victims`). Its
    affiliation comes along when it has none."""
    if not what.generic or what.measure not in VICTIM_MEASURES:
        return what
    found = named.get(what.measure)
    if found is None and (any_toll := named.get("*")) is not None and any_toll[0] == n:
        found = any_toll
    if found is None:
        return what
    source = found[1]
    return replace(what, subject=source.subject, detail=what.detail or source.detail)


def remember_victims(what: Counted, n: int, named: dict[str, tuple[int, Counted]]) -> None:
    """Record a toll of sentence n whose victims a noun names, for :func:`carry_subject`."""
    named_victims = not what.generic and what.subject not in GENERIC_SUBJECTS
    if what.measure in VICTIM_MEASURES and named_victims:
        named[what.measure] = named["*"] = (n, what)


#: How many words after a figure its own noun may come ("two neglected dams"); words of a
#: quotation opened right after the figure are passed ("three “deep and carefully hidden
#: bunkers”").
THING_GAP = 2
#: Quotation marks that may open a quoted noun phrase after a figure.
QUOTES = "\"“”«»'‘’"
#: Measure of a figure that counts things ("three hospitals"): not a measure of the event's
#: people; ``subject_detail`` says what is counted.
THING_MEASURE = "other"


def counts_people(what: Counted) -> bool:
    """Whether what was read for a figure is a toll of people (a victim measure), nothing yet,
    or a measure its noun only implied ("four storeys"): only then may its own noun say it
    counts things instead. A measure word keeps its reading ("1,200 houses destroyed",
    "rescued hundreds in the villages")."""
    return what.measure in VICTIM_MEASURES or not what.measure or what.implied


def thing_counted(tokens: list[Token], a: int, b: int, hi: int, lex: Lexicon) -> str | None:
    """The key of the thing the figure at ``[a, b)`` counts ("taken to three hospitals",
    "nine families", "مستشفيين", "38 camions"), when its own noun is a ``things`` word: the
    figure's own word (an Arabic dual) or the first noun after it, before any measure or
    subject word, comma or clause end. Such a figure never counts the measure's people."""
    things = lex.things.starts  # a word with none of these keys starts no thing
    for k in range(a, min(b, len(tokens))):
        tok = tokens[k]
        if (
            tok.is_word
            and not things.isdisjoint(tok.keys)
            and (m := lex.things.at(tokens, k)) is not None
        ):
            return str(m.value[0])
    words, quoted = 0, False
    nouns = lex.noun_starts  # a word with none of these keys starts no entry looked up below
    for k in range(b, min(hi, len(tokens))):
        tok = tokens[k]
        if not tok.is_word:
            if tok.text in ",،.;:!?؟()":
                return None
            quoted = quoted or (words == 0 and any(q in tok.text for q in QUOTES))
            continue
        if not nouns.isdisjoint(tok.keys):
            if (m := lex.things.at(tokens, k)) is not None:
                return str(m.value[0])
            if lex.measures.at(tokens, k) is not None or lex.subjects.at(tokens, k) is not None:
                return None
            if (link := lex.partitives.at(tokens, k)) is not None:  # "11 من جنوده": their noun
                j = link.last
                while j < hi and (not tokens[j].is_word or set(tokens[j].keys) & lex.light_words):
                    j += 1
                thing = lex.things.at(tokens, j) if j < hi else None
                return str(thing.value[0]) if thing is not None else None
        words += 0 if quoted else 1
        if words >= THING_GAP:
            return None
    return None


def in_compound(tokens: list[Token], a: int, b: int, m: Mention) -> bool:
    """Whether the mention is part of a hyphenated word ("one-way attack drones", "a
    three-storey building"): an adjective, not a count."""
    if b - a != 1:
        return False
    tok = tokens[a]
    return "-" in tok.text and len(m.text) < len(tok.text) and any(c.isalpha() for c in tok.text)


def token_range(tokens: list[Token], starts: list[int], m: Mention) -> tuple[int, int]:
    """Token indices ``[a, b)`` the mention covers (``starts``: the tokens' start offsets)."""
    a = bisect_right(starts, m.start) - 1
    if a < 0 or tokens[a].end <= m.start:
        a += 1
    b = a
    while b < len(tokens) and tokens[b].start < m.end:
        b += 1
    return a, max(a, b)
