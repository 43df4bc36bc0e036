"""Words of the claims stage, read from the ``claims`` section of ``lang/<code>.yaml``.

The section holds reporting cues, unnamed-speaker words, measures, subjects, affiliations and
scope cues (documented in ``docs/claims.md``). Words are compared by lookup key
(:func:`factcheck.text.normalize.lookup_key`); a multi-word entry matches consecutive words.
Arabic clitics listed under ``prefixes`` are stripped from a word when it does not match as
written, so "وأضافت" finds "اضافت" and "بالمدنيين" finds "المدنيين".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import accumulate, repeat
from operator import itemgetter
from typing import Any, Final, NamedTuple

from factcheck.errors import LanguageDataError
from factcheck.lang import load
from factcheck.text.normalize import lookup_key

_LETTERS: Final = r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+"
#: A word: letters, digits and the marks that belong to them (harakat, tatweel), hyphenated
#: compounds ("porte-parole", "a-t-il"), or dotted initials ("U.S.").
_WORD: Final = re.compile(rf"(?:[^\W\d_]\.){{2,}}|{_LETTERS}(?:-{_LETTERS})*")
#: Anything else that is not white space is one punctuation token.
_TOKEN: Final = re.compile(_WORD.pattern + r"|[^\s\w]")
#: Shortest word left after stripping a clitic (so "ال" is never looked up alone).
MIN_STEM: Final = 2


class Token(NamedTuple):
    """A word or punctuation mark: offsets into the original text and its lookup keys.

    ``keys`` holds the key as written first, then the keys left after stripping clitics.
    A named tuple: a document has tens of thousands, and a tuple is built several times
    faster than a frozen dataclass.
    """

    start: int
    end: int
    text: str
    keys: tuple[str, ...]
    is_word: bool = True

    @property
    def key(self) -> str:
        return self.keys[0] if self.keys else ""


class TokenList(list[Token]):
    """A text's tokens (:meth:`Lexicon.tokenize`), with the token indices of each key, built
    the first time a scan asks for them and kept with the list (never in a global cache).

    A document is scanned for a dozen kinds of phrases, once per sentence or per figure: with
    the index each scan visits only the tokens where one of its phrases may start.
    """

    __slots__ = ("_starts", "_where")

    def starts(self, firsts: dict[str, Any]) -> list[int]:
        """Sorted indices of the word tokens having one of ``firsts`` among their keys."""
        try:
            known = self._starts
        except AttributeError:
            known = self._starts = {}
        found = known.get(id(firsts))
        if found is None:
            try:
                where = self._where
            except AttributeError:
                where = self._where = {}
                for i, tok in enumerate(self):
                    if tok.is_word:
                        for key in tok.keys:
                            where.setdefault(key, []).append(i)
            hits: set[int] = set()
            for key in firsts.keys() & where.keys():
                hits.update(where[key])
            found = known[id(firsts)] = sorted(hits)
        return found


#: Scans over a token list at least this long read its index (TokenList) instead of walking.
INDEX_MIN_TOKENS: Final = 200


class Match(NamedTuple):
    """A lexicon entry found at tokens ``[first, last)``; ``value`` is the entry's payload (a
    named tuple: scans build many, and a tuple is built several times faster)."""

    first: int
    last: int
    value: Any


#: Builds a :class:`Match` in C (a named tuple's own ``__new__`` is a Python function).
_new_match: Final = tuple.__new__


class Phrases:
    """Multi-word lookup: entries are tuples of keys; the longest entry at a position wins."""

    def __init__(self, entries: Iterable[tuple[str, Any]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for words, value in entries:
            parts = tuple(lookup_key(words).split())
            if parts:
                self._by_first.setdefault(parts[0], []).append((parts, value))
        for options in self._by_first.values():
            options.sort(key=lambda o: -len(o[0]))
        #: the keys an entry may start with (a token with none of them starts no entry)
        self.starts: frozenset[str] = frozenset(self._by_first)
        #: first key -> (words after the first, value), longest first, for :meth:`at`
        self._rest = {
            key: [(parts[1:], value) for parts, value in options]
            for key, options in self._by_first.items()
        }

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def at(self, tokens: list[Token], i: int) -> Match | None:
        """The longest entry starting at token ``i`` (its first word may carry clitics)."""
        rest_of = self._rest
        for key in tokens[i].keys:
            options = rest_of.get(key)
            if options is None:
                continue  # most keys of a word start no entry
            for rest, value in options:
                if not rest:  # one word (the rest are too: the longest come first)
                    return _new_match(Match, (i, i + 1, value))
                j = i + 1
                n = len(tokens)
                for part in rest:
                    if j >= n or part not in tokens[j].keys[:2]:  # written, 1 stem
                        break
                    j += 1
                else:
                    return _new_match(Match, (i, j, value))
        return None

    def scan(self, tokens: list[Token], lo: int = 0, hi: int | None = None) -> Iterator[Match]:
        """Every non-overlapping entry in ``tokens[lo:hi]``, left to right."""
        hi = len(tokens) if hi is None else hi
        if isinstance(tokens, TokenList) and len(tokens) >= INDEX_MIN_TOKENS:
            yield from self._scan_index(tokens, tokens.starts(self._by_first), lo, hi)
            return
        firsts = self._by_first.keys()
        i = lo
        while i < hi:
            tok = tokens[i]
            if not tok.is_word or firsts.isdisjoint(tok.keys):
                i += 1  # most words start no entry: skipped without a call
                continue
            match = self.at(tokens, i)
            if match and match.last <= hi:
                yield match
                i = match.last
            else:
                i += 1

    def _scan_index(
        self, tokens: list[Token], starts: list[int], lo: int, hi: int
    ) -> Iterator[Match]:
        """:meth:`scan` visiting only ``starts``, the tokens where an entry may start."""
        i = lo
        for k in range(bisect_left(starts, lo), len(starts)):
            j = starts[k]
            if j >= hi:
                return
            if j < i:
                continue  # inside the entry found before
            match = self.at(tokens, j)
            if match and match.last <= hi:
                yield match
                i = match.last


@dataclass(frozen=True)
class Lexicon:
    """The claims section of one language, compiled for lookup."""

    language: str
    speaker_order: tuple[str, ...]
    prefixes: tuple[str, ...]
    say: Phrases  # reporting verbs -> gender ("f", "m", "p", "")
    participles: Phrases  # cues that never name a speaker ("مشيرة إلى") -> gender
    according: Phrases  # speaker follows: "according to X"
    passive: Phrases  # speaker follows and binds the figure before: "recensées par X"
    report_nouns: Phrases  # "bilan", "toll", "حصيلة": who made it is named a little later
    report_adjectives: frozenset[str]  # "new", "nouveau": before a report noun ("a new tally")
    relay: Phrases  # source follows; the speaker so far becomes a relay: "citing X"
    transmit: Phrases  # verbs whose source follows a relay preposition: "نقلت ... عن X"
    relay_preps: frozenset[str]
    object_relay: Phrases  # "X told Reuters": the object is a relay
    denial: Phrases  # denial verbs -> gender
    anaphors: Phrases  # pronouns and "the statement" -> gender
    unnamed: Phrases  # "sources" -> canonical unnamed speaker
    unnamed_kinds: Phrases  # "security", "أمنية" -> the kind kept in an unnamed speaker's name
    impersonal: Phrases  # "it was reported", "يذكر أن": the publisher's own voice, no speaker
    according_after: Phrases  # "pour la préfecture": a source only right after a figure
    name_qualifiers: frozenset[str]  # "-controlled", "-run": a name that only qualifies a noun
    speaker_heads: Phrases  # nouns that can start a speaker's name ("ministry", "وزارة")
    type_heads: Phrases  # "le syndicat", "the union" -> registry type of the speaker meant
    stop: frozenset[str]  # words that end a speaker phrase
    back_stop: frozenset[str]  # words that end a speaker phrase read backwards
    skip: frozenset[str]  # words skipped between a verb and its speaker (times, days)
    clause_breaks: Phrases
    comma_clause_breaks: frozenset[str]  # "as": opens a clause right after a comma
    measures: Phrases
    subjects: Phrases
    affiliations: Phrases  # -> (label, priority)
    group_anaphors: Phrases  # "the group", "التنظيم": the last armed group named
    roles: Phrases  # -> (label, default subject)
    context: Phrases
    context_clause: Phrases  # running-total cues valid anywhere in the figure's clause
    other_event: Phrases
    none_subjects: Phrases  # "no one", "لا أحد": who a none_reported phrase counts
    things: Phrases  # nouns of things counted ("three hospitals", "مستشفيين"): never victims
    gender_f_suffixes: tuple[str, ...]
    feminine_heads: frozenset[str]
    determiners: frozenset[str]  # "the", "le": dropped before a back-reference's head
    possessives: frozenset[str]  # "its": "its monitors said" speak for the speaker before
    article: tuple[str, ...]  # definite article forms glued to words ("ال", "لل"); () elsewhere
    name_links: frozenset[str]  # words that carry a name on ("باسم")
    relatives: frozenset[str]  # "who", "qui", "الذي": a relative clause after a speaker
    agents: frozenset[str]  # "by", "par": a passive's agent, who may be the speaker
    conjunctions: frozenset[str]  # "and", "et": end a speaker read backwards, between names
    object_preps: tuple[str, ...]  # "à", "to", "ل": the outlet a speaker talked to follows
    openers: frozenset[str]  # "that", "que", "أن": what was said starts here
    titles: frozenset[str]  # "رئيس", "spokesman", "porte-parole": before an organisation
    apposition_pronouns: frozenset[str]  # "وهو": "and he is", opening an apposition
    given_names: frozenset[str]  # "أحمد", "فاطمة": a name in a script without capitals
    reporters: frozenset[str]  # "مراسل", "correspondent": an outlet's own staff speak for it
    light_words: frozenset[str]  # auxiliaries and articles: free in word distances
    heavy_words: frozenset[str]  # conjunctions: cost like a comma in word distances
    level_nouns: frozenset[str]  # "age", "âge", "سن": a figure set to one is not a count
    not_counted: frozenset[str]  # "fois", "places", "dinars": the number is not a count
    partitives: Phrases  # "des", "of the", "من أصل" between two figures: part of a whole
    toll_links: Phrases  # "rose to", "s'élève à": the figure is the toll the clause opened with
    subset_cues: Phrases  # "dont", "including", "بينهم": part of the figure before
    subset_openers: Phrases  # "Among these leaders, five ...": a part, named ahead
    count_heads: Phrases  # "the number of", "عدد": the noun after it is what a figure counts
    partitive_measures: Phrases  # "سقوط" before "3 من الجنود": measure of a partitive count
    since_words: frozenset[str]  # "since", "منذ", "depuis": a running total when a date follows
    when_words: frozenset[str]  # "when", "lorsque", "عندما", "التي": a dated incident's clause
    force_measures: dict[str, str]  # a crowd measure said of forces: "took part" -> deployed
    force_subjects: frozenset[str]  # subjects that are forces (soldiers, police, workers)
    measure_subjects: dict[str, tuple[str, frozenset[str]]]  # measure -> (subject, replaces)
    effect_links: Phrases  # ", killing", "، ما أسفر عن": what the counted did

    @cached_property
    def cue_starts(self) -> frozenset[str]:
        """Keys that may start a reporting cue of any kind (attribution skips other words)."""
        cues = (self.passive, self.relay, self.according, self.according_after, self.impersonal)
        cues += (self.transmit, self.object_relay, self.denial, self.say, self.participles)
        return frozenset().union(*(c.starts for c in cues))

    @cached_property
    def noun_starts(self) -> frozenset[str]:
        """Keys that may start a thing, measure, subject or partitive entry (a word with
        none of them is passed over by ``figures.thing_counted`` without a lookup)."""
        lists = (self.things, self.measures, self.subjects, self.partitives)
        return frozenset().union(*(p.starts for p in lists))

    def tokenize(self, text: str) -> list[Token]:
        """Words and punctuation of ``text`` with their lookup keys (clitics stripped too)."""
        prefixes = self.prefixes
        known = _known_keys(prefixes)
        # Only white space lies between two tokens: one split gives them all, and each
        # token's offsets are the running sums of the parts' lengths (no match objects).
        parts = _SPLIT_TOKEN.split(text)  # space, token, space, token, ..., space
        words = parts[1::2]
        offsets = list(accumulate(map(len, parts), initial=0))
        found = list(map(known.get, words))
        k = -1
        try:
            while True:  # words not seen yet (a few): list.index scans in C
                k = found.index(None, k + 1)
                word = words[k]
                keys = known.get(word)
                if keys is None:
                    if len(known) >= TOKEN_CACHE_SIZE:
                        known.clear()
                    keys = known[word] = _keys_of(word, prefixes)
                found[k] = keys
        except ValueError:
            pass
        # Token's own __new__ is a Python function: tuple.__new__ builds each one in C
        return TokenList(
            map(
                tuple.__new__,
                repeat(Token),
                zip(
                    offsets[1:-1:2],
                    offsets[2:-1:2],
                    words,
                    map(itemgetter(0), found),
                    map(itemgetter(1), found),
                    strict=True,
                ),
            )
        )

    def gender_of(self, words: list[Token]) -> str:
        """Grammatical gender of a speaker phrase from its first word ("" when unknown)."""
        if not words or not self.gender_f_suffixes:
            return ""
        keys = words[0].keys
        if any(k in self.feminine_heads for k in keys):
            return "f"
        return "f" if keys[-1].endswith(self.gender_f_suffixes) else "m"


#: Tokens whose keys are remembered (a news vocabulary fits).
TOKEN_CACHE_SIZE: Final = 65_536
#: A token, captured: ``split`` gives the white space between tokens and the tokens (every
#: character that is not white space begins one).
_SPLIT_TOKEN: Final = re.compile(f"({_TOKEN.pattern})")


@cache
def _known_keys(prefixes: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], bool]]:
    """word -> :func:`_keys_of`, per set of clitic prefixes (one per language); emptied when
    it reaches ``TOKEN_CACHE_SIZE`` words."""
    return {}


def _keys_of(word: str, prefixes: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """A token's lookup keys (as written, then with each clitic prefix stripped) and whether
    it is a word (else punctuation)."""
    key = lookup_key(word)
    keys = [key]
    for prefix in prefixes:
        if key.startswith(prefix) and len(key) - len(prefix) >= MIN_STEM:
            stem = key[len(prefix) :]
            if stem not in keys:
                keys.append(stem)
    return tuple(keys), bool(_WORD.fullmatch(word))


def _pairs(section: Any, where: str, problems: list[str]) -> list[tuple[str, Any]]:
    """Entries of a list (word -> True) or a mapping (word -> value, or value -> [words])."""
    if section is None:
        return []
    if isinstance(section, list):
        return [(str(w), True) for w in section]
    if isinstance(section, dict):
        pairs: list[tuple[str, Any]] = []
        for k, v in section.items():
            if isinstance(v, list):  # label -> words
                pairs.extend((str(w), str(k)) for w in v)
            else:
                pairs.append((str(k), "" if v is None else v))
        return pairs
    problems.append(f"claims.{where} must be a list or a mapping")
    return []


def _labelled(section: Any, where: str, problems: list[str]) -> list[tuple[str, Any]]:
    """``label: {words: [...], **extra}`` -> (word, (label, extra...)) pairs."""
    pairs: list[tuple[str, Any]] = []
    for label, entry in (section or {}).items():
        if isinstance(entry, list):
            pairs.extend((str(w), (str(label), 0, "")) for w in entry)
        elif isinstance(entry, dict) and isinstance(entry.get("words"), list):
            extra = (str(label), int(entry.get("priority", 0)), str(entry.get("subject", "")))
            pairs.extend((str(w), extra) for w in entry["words"])
        else:
            problems.append(f"claims.{where}.{label} must be a list or have 'words'")
    return pairs


@cache
def lexicon(language: str) -> Lexicon:
    """The compiled claims lexicon of ``language`` (cached); raises LanguageDataError."""
    data = load(language)
    sec = data.get("claims")
    path = f"lang/{language}.yaml"
    if not isinstance(sec, dict):
        raise LanguageDataError(path, ["missing section 'claims'"])
    p: list[str] = []

    def words(name: str) -> frozenset[str]:
        return frozenset(lookup_key(str(w)) for w in (sec.get(name) or []))

    def phrases(name: str) -> Phrases:
        return Phrases(_pairs(sec.get(name), name, p))

    def labelled(name: str) -> Phrases:
        return Phrases(_labelled(sec.get(name), name, p))

    lex = Lexicon(
        language=language,
        speaker_order=tuple(sec.get("speaker_order") or ("after", "before")),
        prefixes=tuple(sorted((lookup_key(x) for x in sec.get("prefixes") or []), key=len)),
        say=phrases("say"),
        participles=phrases("participles"),
        according=phrases("according"),
        passive=phrases("passive"),
        report_nouns=phrases("report_nouns"),
        report_adjectives=words("report_adjectives"),
        relay=phrases("relay"),
        transmit=phrases("transmit"),
        relay_preps=words("relay_preps"),
        object_relay=phrases("object_relay"),
        denial=phrases("denial"),
        anaphors=phrases("anaphors"),
        unnamed=phrases("unnamed"),
        unnamed_kinds=phrases("unnamed_kinds"),
        impersonal=phrases("impersonal"),
        according_after=phrases("according_after"),
        name_qualifiers=words("name_qualifiers"),
        speaker_heads=phrases("speaker_heads"),
        type_heads=phrases("type_heads"),
        stop=words("stop"),
        back_stop=words("back_stop"),
        skip=words("skip"),
        clause_breaks=phrases("clause_breaks"),
        comma_clause_breaks=words("comma_clause_breaks"),
        measures=labelled("measures"),
        subjects=labelled("subjects"),
        affiliations=labelled("affiliations"),
        group_anaphors=phrases("group_anaphors"),
        roles=labelled("roles"),
        context=phrases("context"),
        context_clause=phrases("context_clause"),
        other_event=phrases("other_event"),
        none_subjects=labelled("none_subjects"),
        things=labelled("things"),
        gender_f_suffixes=tuple(lookup_key(s) for s in sec.get("feminine_suffixes") or []),
        feminine_heads=words("feminine_heads"),
        determiners=words("determiners"),
        possessives=words("possessives"),
        article=tuple(lookup_key(str(a)) for a in sec.get("article") or []),
        name_links=words("name_links"),
        relatives=words("relatives"),
        agents=words("agents"),
        conjunctions=words("conjunctions"),
        object_preps=tuple(lookup_key(str(w)) for w in sec.get("object_preps") or []),
        openers=words("openers"),
        titles=words("titles"),
        apposition_pronouns=words("apposition_pronouns"),
        given_names=words("given_names"),
        reporters=words("reporters"),
        light_words=words("light_words"),
        heavy_words=words("heavy_words"),
        level_nouns=words("level_nouns"),
        not_counted=words("not_counted"),
        partitives=phrases("partitives"),
        toll_links=phrases("toll_links"),
        subset_cues=phrases("subset_cues"),
        subset_openers=phrases("subset_openers"),
        count_heads=phrases("count_heads"),
        partitive_measures=phrases("partitive_measures"),
        since_words=words("since_words"),
        when_words=words("when_words"),
        force_measures={str(k): str(v) for k, v in (sec.get("force_measures") or {}).items()},
        force_subjects=frozenset(str(x) for x in sec.get("force_subjects") or []),
        measure_subjects={
            str(k): (str(v.get("subject", "")), frozenset(str(x) for x in v.get("replaces", [])))
            for k, v in (sec.get("measure_subjects") or {}).items()
        },
        effect_links=phrases("effect_links"),
    )
    if p:
        raise LanguageDataError(path, p)
    return lex
