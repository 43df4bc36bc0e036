"""Claims: each counted figure with what it counts, who asserts it, through whom, and when.

``extract_claims`` takes the mentions of one document (``factcheck.mentions.find_mentions``),
keeps the figures (role claim, and "no casualties" statements), finds their speakers
(:mod:`factcheck.claims.attribution`), what they count (:mod:`factcheck.claims.counted`) and
their scope and dates (:mod:`factcheck.claims.scope`). A figure repeated by the same speaker
about the same measure and subject in one document (a headline and its body, a statement quoted
twice) is one claim whose other spans are kept in ``also_at``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from itertools import pairwise

from factcheck.claims.affiliation import armed_groups, group_at
from factcheck.claims.attribution import (
    Attribution,
    SentenceView,
    attribute,
    attribution_for,
    clauses,
)
from factcheck.claims.counted import Counted, count_of, settle
from factcheck.claims.datelines import find_dateline
from factcheck.claims.figures import (
    PREVIOUS,
    SUBSET_MARK,
    THING_MEASURE,
    carry_subject,
    counts_people,
    counts_speakers,
    in_compound,
    inherit,
    is_figure,
    is_subset,
    not_a_count,
    remember_victims,
    sets_a_level,
    thing_counted,
    token_range,
)
from factcheck.claims.lexicon import Lexicon, Token, lexicon
from factcheck.claims.measure_names import name_measures
from factcheck.claims.scene import scene
from factcheck.claims.scope import (
    CONTEXT_MEASURES,
    kind_of,
    scope_of,
    sentence_dates,
    year_mentions,
)
from factcheck.claims.sources import canonical, country_of
from factcheck.claims.toll_dates import named_day, reported_at, settle_toll_dates
from factcheck.claims.voices import (
    headline_repeats,
    is_headline,
    merge_repeated,
    one_voice,
    who,
)
from factcheck.model import (
    Case,
    Claim,
    Document,
    Mention,
    Polarity,
    Qualifier,
    Scope,
    Span,
)
from factcheck.text.sentences import split_sentences

#: Subjects whose bare count ("2,500 troops in Iraq", no deployment verb) is a standing level.
STANDING_FORCES = frozenset({"soldiers"})
#: Joins the relays of a chain, nearest first.
VIA_SEPARATOR = " -> "


def _views(tokens: list[Token], spans: list[Span], lex: Lexicon) -> list[SentenceView]:
    views: list[SentenceView] = []
    i = 0
    for n, span in enumerate(spans):
        while i < len(tokens) and tokens[i].start < span.start:
            i += 1
        lo = i
        while i < len(tokens) and tokens[i].end <= span.end:
            i += 1
        views.append(SentenceView(n, lo, i, clauses(tokens, lo, i, lex)))
    return views


def extract_claims(doc: Document, mentions: list[Mention], case: Case | None = None) -> list[Claim]:
    """The claims of one document, in text order, repeated figures merged.

    >>> from factcheck.mentions import find_mentions
    >>> doc = Document("d", "Example Wire", "en", "Officials said 12 people were killed.")
    >>> [(c.value_text, c.speaker, c.measure, c.subject)
    ...  for c in extract_claims(doc, find_mentions(doc))]
    [('12', 'unnamed officials', 'killed', 'people')]

    ``case`` gives the other documents of the event: the country they name most often
    resolves generic speakers ("the health ministry").
    """
    lex = lexicon(doc.language)
    tokens = lex.tokenize(doc.text)
    spans = split_sentences(doc.text, doc.language)
    views = _views(tokens, spans, lex)
    starts = [t.start for t in tokens]
    figures = [
        (m, a, b)
        for m in mentions
        if is_figure(m)
        for a, b in [token_range(tokens, starts, m)]
        if not counts_speakers(tokens, a, b, lex) and not in_compound(tokens, a, b, m)
    ]
    blocked = {k for _, a, b in figures for k in range(a, b)}
    texts = tuple((d.text, d.language) for d in case.documents) if case else ()
    country = country_of(texts or ((doc.text, doc.language),))
    publisher = canonical(doc.publisher, doc.language) if doc.publisher else ""
    dateline = find_dateline(doc.text, doc.language)
    fence = (  # the dateline's tokens (in order of start: two bisections)
        frozenset(range(bisect_left(starts, dateline.start), bisect_left(starts, dateline.end)))
        if dateline
        else frozenset()
    )
    wire = dateline.outlet if dateline else ""
    found = attribute(doc.text, tokens, views, lex, blocked, country, publisher, fence)
    found_in: dict[int, list[Attribution]] = {}  # each sentence's attributions, in order
    for att_ in found:
        found_in.setdefault(att_.sentence, []).append(att_)
    sentence_of = _sentence_index(views, len(tokens))
    groups = armed_groups(tokens, lex)
    years = year_mentions(mentions, tokens)
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    for _, a, b in figures:
        by_sentence.setdefault(sentence_of[a], []).append((a, b))
    scenes = {
        n: scene(tokens, views[n], lex, ranges) for n, ranges in by_sentence.items() if n >= 0
    }
    within = _mentions_by_sentence(mentions, spans, set(scenes))
    dates, named = {}, {}
    for n in scenes:  # both read the sentence's days: together, while they are cached
        dates[n] = sentence_dates(doc, spans[n], within[n])
        named[n] = named_day(doc, spans[n], tokens[by_sentence[n][0][0]].start)
    first_event = next((dates[n][0] for n in sorted(dates) if dates[n][0] is not None), None)
    first_named = next((named[n] for n in sorted(named) if named[n] is not None), None)
    texts_of: dict[int, str] = {}  # one string per sentence, shared by its claims

    def sentence_text(n: int) -> str:
        if n not in texts_of:
            texts_of[n] = spans[n].of(doc.text)
        return texts_of[n]

    claims: list[Claim] = []
    clauses_read: dict[object, object] = {}  # what each clause says about scope, read once
    headline: list[tuple[Mention, str, str]] = []
    counted: list[tuple[int, float | None, Counted]] = []  # sentence, value, what, in order
    measured: list[tuple[int, float | None, Counted]] = []  # those with a measure (inherit's)
    victims: dict[str, tuple[int, Counted]] = {}  # the latest toll naming its victims, per measure
    said: dict[str, Counted] = {}  # what each speaker's latest counted figure counts
    for m, a, b in figures:
        n = sentence_of[a]
        if n < 0:
            continue
        att = attribution_for(found_in.get(n, []), views[n], a, m.start)
        speaker, speaker_text, via, denied, person = who(att, doc, publisher, wire)
        if not_a_count(tokens, b, lex):
            continue  # "10 millions de dinars", "8 000 places", "cinq fois": not a count
        what = count_of(
            scenes[n],
            a,
            b,
            group_at(groups, a),
            speaker,
            doc.language,
            forward=m.qualifier == Qualifier.NONE_REPORTED,
        )
        if not what.measure and not what.subject and sets_a_level(tokens, a, views[n].lo, lex):
            continue  # "raising the pension age by two years, to 64": a level, not a count
        # a figure that is its thing's own word (a dual: "قاعدتين") always counts that thing
        reach = views[n].hi if counts_people(what) else b
        thing = thing_counted(tokens, a, b, reach, lex)
        if thing is not None:
            what = Counted(THING_MEASURE, "", thing)  # "three hospitals": not a toll
        subset = thing is None and (what.part or is_subset(tokens, a, views[n].lo, lex))
        own_noun = what.subject not in ("", PREVIOUS) and not what.generic
        if not (what.measure or what.subject or subset) and speaker_text and speaker in said:
            what = said[speaker]  # "9 400 selon l'intersyndicale": what its figures count
        if not what.measure or subset:
            near_only = bool(m.unit) and not what.subject and not subset  # "15 Hamas targets"
            what = inherit(what, n, m.low, measured, subset=subset, near_only=near_only)
        if what.subject == PREVIOUS:  # "wounded more than 40 others": the same kind of people
            before = next((w.subject for k, _, w in reversed(counted) if k == n), "")
            what = replace(what, subject=before or "people")
        if subset and not own_noun:  # "dont six dans un état critique": part of the whole
            what = replace(what, detail=f"{what.detail} {SUBSET_MARK}".strip(), generic=False)
        what = carry_subject(what, n, victims)
        remember_victims(what, n, victims)
        counted.append((n, m.low, what))
        if what.measure:  # inherit only looks at these: a page of bare numbers stays linear
            measured.append((n, m.low, what))
            if thing is None and not subset:
                said[speaker] = what
        what = settle(what, doc.language)
        if not what.measure and not what.subject:
            if n == 0:  # a headline's bare figure may be the body's claim, said first
                headline.append((m, speaker, doc.publisher))
            continue  # nothing counted: a capacity, a multiplier, a number of speakers
        scope = scope_of(
            tokens,
            views[n],
            (a, b),
            lex,
            years,
            doc.published,
            by_sentence.get(n, []),
            clauses_read,
        )
        if scope == Scope.EVENT and what.implied and what.subject in STANDING_FORCES:
            scope = Scope.CONTEXT  # "The U.S. has about 2,500 troops in Iraq": a standing level
        if what.measure in CONTEXT_MEASURES:
            scope = Scope.CONTEXT  # a population is background, never a figure of the event
        event_date, reported = dates[n]
        if named[n] is None and first_named is not None:
            event_date = first_named  # no day of its own: the day the document opened with
        if event_date is None and scope == Scope.EVENT:
            event_date = first_event
        if scope == Scope.CONTEXT:
            event_date = None
        claims.append(
            Claim(
                doc_id=doc.id,
                publisher=doc.publisher,
                language=doc.language,
                speaker=speaker,
                speaker_text=speaker_text,
                via=VIA_SEPARATOR.join(via),
                measure=what.measure,
                subject=what.subject,
                subject_detail=what.detail,
                low=0.0 if m.qualifier == Qualifier.NONE_REPORTED else m.low,
                high=0.0 if m.qualifier == Qualifier.NONE_REPORTED else m.high,
                qualifier=m.qualifier,
                polarity=Polarity.DENIED if denied else Polarity.ASSERTED,
                scope=scope,
                value_text=doc.text[m.start : m.end],
                start=m.start,
                end=m.end,
                sentence=sentence_text(n),
                event_date=event_date,
                reported_at=reported_at(reported, doc),
                kind=kind_of(what.measure),
                speaker_person=person,
            )
        )
    definite = frozenset(
        m.start for m, a, _ in figures if a > 0 and set(tokens[a - 1].keys) & lex.determiners
    )
    first = frozenset(
        m.start
        for m, a, _ in figures
        if spans and sentence_of[a] == 0 and is_headline(doc.text, spans[0].start, spans[0].end)
    )
    merged = merge_repeated(settle_toll_dates(doc, claims), definite, first)
    return name_measures(
        merge_repeated(one_voice(headline_repeats(merged, headline), first), definite)
    )


def _sentence_index(views: list[SentenceView], n_tokens: int) -> list[int]:
    """For each token index (and one past the last), the index of the first sentence view
    holding it (an empty view holds the index it starts at), else -1: built once, so each
    figure finds its sentence without a scan."""
    index = [-1] * (n_tokens + 1)
    for sv in reversed(views):  # the first view wins, as a scan in order would find it
        for i in range(sv.lo, sv.hi):
            index[i] = sv.index
        if sv.lo == sv.hi and 0 <= sv.lo <= n_tokens:
            index[sv.lo] = sv.index
    return index


def _mentions_by_sentence(
    mentions: list[Mention], spans: list[Span], wanted: set[int]
) -> dict[int, list[Mention]]:
    """The mentions starting inside each wanted sentence, in the order of ``mentions``."""
    ordered = sorted(wanted, key=lambda n: (spans[n].start, spans[n].end))
    if any(spans[a].end > spans[b].start for a, b in pairwise(ordered)):  # never from split
        return {
            n: [m for m in mentions if spans[n].start <= m.start < spans[n].end] for n in wanted
        }
    keys = [spans[n].start for n in ordered]
    out: dict[int, list[Mention]] = {n: [] for n in wanted}
    for m in mentions:
        k = bisect_right(keys, m.start) - 1
        if k >= 0 and m.start < spans[ordered[k]].end:
            out[ordered[k]].append(m)
    return out
