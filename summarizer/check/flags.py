"""Flags from aligning a hypothesis to its reference: every difference gets a type, and its
severity and confidence follow from the type and the evidence.

:func:`align_pair` aligns once: token edits (a phrase that only moved within the sentence is
re-aligned where it stands, not reported as an addition plus an omission), the typed facts of both
sides (:mod:`summarizer.check.detectors`) and each edit's type. Typed differences (negation,
opposite, number, unit, date-time, entity, compound, spelling, inflection, omission, addition) need
no more evidence. The remaining substitutions are paraphrases or mistranslations: the checker
compares the hypothesis with the same sentence carrying the reference's wording (an equivalent
rewording leaves the sentence's meaning where it was; relatedness alone does not), or, without an
encoder for the language, the two phrases' characters. :func:`find_flags` turns it all into spans.
"""

from __future__ import annotations

import os
import re
from collections import Counter
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Sequence

from ..text import LanguageProfile, Token, tokenize
from .align import Edit, align_tokens
from .detectors import (Fact, Times, compound_change, dangling_articles, entity_key, facts, gender_change,
                        is_negator, name_forms, negated_by_prefix, negated_opposite, negated_words,
                        negative_implicatives, opposite, spelling_variants, tense_change, unmatched)
from .spans import Span

# Evidence thresholds for substitutions no detector typed. "swap": cosine of the hypothesis and the
# hypothesis with the reference phrase swapped in (sentence encoder); "chars": character n-gram
# similarity of the two phrases (no encoder covers the language).
PARAPHRASE = {"swap": 0.9, "chars": 0.8}  # at or above: an equivalent rewording, not flagged
# below: the meaning changed (major), else minor. Spelling alone never says major: on MQM's held-out
# talks, character-judged major and minor substitutions were right equally often (0.136 / 0.138).
MAJOR_BELOW = {"swap": 0.8, "chars": 0.0}
SWAP_CONTEXT = 10  # tokens each side of the phrase that the swap test compares (cost follows length)
# type → (severity, confidence) for differences a detector typed
TYPED = {"negation": ("critical", 0.9), "opposite": ("critical", 0.85), "number": ("major", 0.9),
         "unit": ("major", 0.85), "date-time": ("major", 0.9), "entity": ("major", 0.8), "compound": ("major", 0.7),
         "spelling": ("minor", 0.2), "inflection": ("minor", 0.3), "tense": ("major", 0.6),
         "qualifier": ("major", 0.6), "gender": ("major", 0.8)}
DANGLING = ("major", 0.5)  # an article that names nothing ("the of"): a word is missing
QUESTION = ("major", 0.6)  # a question where the reference states, or the other way round
_QUESTION_MARKS = ("?", "？", "¿")
_QUOTES = ("\"", "'", "“", "”", "‘", "’", "«", "»", "」", "』", ")")
SHIFT_WORDS = 3  # unmatched content words a side within which a broader or narrower noun is looked for
LEXICAL_SHIFT_CONFIDENCE = 0.3  # a rewording the swap test passes that WordNet says is not equivalent (broader kind, non-synonym)
_POSSESSIVE = re.compile(r"['’]s?$")
_FACT_ORDER = ("negation", "number", "unit", "date-time", "qualifier")
_PRESENCE = ("negation", "qualifier")  # added or dropped alone, these change what is claimed


@dataclass
class PairAlignment:
    """A hypothesis and its reference: tokens, edits, typed facts and each edit's type (None: a
    substitution only evidence can judge)."""

    hyp: str
    ref: str
    h: Sequence[Token]
    r: Sequence[Token]
    edits: list[Edit]
    types: list[str | None] = field(default_factory=list)
    hyp_facts: list[Fact] = field(default_factory=list)
    ref_facts: list[Fact] = field(default_factory=list)
    extra_hyp: list[Fact] = field(default_factory=list)  # facts of the hypothesis the reference lacks
    extra_ref: list[Fact] = field(default_factory=list)
    _forms: dict = field(default_factory=dict, repr=False)

    def counts(self, side: str, lang: LanguageProfile) -> Counter:
        """How often each content word's normal form (and each part of a hyphenated one's) occurs in
        the hypothesis (``"h"``) or reference (``"r"``), computed once."""
        key = f"counts-{side}"
        if key not in self._forms:
            self._forms[key] = Counter(lang.normal_form(part) for t in _content(getattr(self, side), lang)
                                       for part in {t.text, *t.text.split("-")} if part)  # "fifth-seeded": seeded
        return self._forms[key]

    def content_forms(self, side: str, lang: LanguageProfile) -> set[str]:
        """Normal forms of the content words (and of the parts of hyphenated ones: "grid-connected") of the
        hypothesis (``"h"``) or reference (``"r"``), and
        their normal forms' WordNet base forms ("built" → "build") or, for a language WordNet does not
        cover, their Snowball stems ("firmado" → "firm"), computed once."""
        if side not in self._forms:
            words = _content(getattr(self, side), lang)
            forms = {lang.normal_form(part) for t in words for part in {t.text, *t.text.split("-")} if part}
            self._forms[side] = forms.union(*(lang.base_forms(f) for f in forms)) if lang.wordnet else \
                forms | {lang.stem(t.text) for t in words}
        return self._forms[side]

    def shared(self, lang: LanguageProfile) -> frozenset[str]:
        """Normal forms of the content words both sides have (wherever they stand), computed once."""
        if "shared" not in self._forms:
            self._forms["shared"] = frozenset(self.counts("h", lang).keys() & self.counts("r", lang).keys())
        return self._forms["shared"]

    def times(self, lang: LanguageProfile) -> Times:
        """The tenses the two sides' tokens mark, computed once."""
        if "times" not in self._forms:
            self._forms["times"] = Times.of(self.h, self.r, lang)
        return self._forms["times"]

    def phrase(self, e: Edit) -> tuple[str, str, int, int]:
        """(hypothesis phrase, reference phrase, start, end of the phrase in the hypothesis)."""
        ht, rt = _trim(self.h[e.h1 : e.h2]), _trim(self.r[e.r1 : e.r2])
        return _text(self.hyp, ht), _text(self.ref, rt), ht[0].start, ht[-1].end

    def swapped(self, e: Edit, context: int = SWAP_CONTEXT) -> tuple[str, str]:
        """The hypothesis around the phrase (``context`` tokens each side), and the same with the
        reference's phrase in place of its own."""
        hyp_phrase, ref_phrase, start, end = self.phrase(e)
        left = self.h[max(0, e.h1 - context)].start if e.h1 > 0 else start
        right = self.h[min(len(self.h), e.h2 + context) - 1].end if e.h2 < len(self.h) else end
        left, right = min(left, start), max(right, end)
        return self.hyp[left:right], self.hyp[left:start] + ref_phrase + self.hyp[end:right]


def _content(tokens: Sequence[Token], lang: LanguageProfile) -> list[Token]:
    return [t for t in tokens if t.is_word and lang.is_content(t.text)]


def align_pair(hyp: str, ref: str, lang: LanguageProfile) -> PairAlignment:
    """Align, resolve moved phrases, find the typed facts and type every edit."""
    h, r = tokenize(hyp), tokenize(ref)
    a = PairAlignment(hyp, ref, h, r, _moved(align_tokens(h, r, lang), h, r, lang))
    a.hyp_facts, a.ref_facts = name_forms(facts(hyp, h, lang), facts(ref, r, lang), hyp, ref)
    a.extra_hyp, a.extra_ref = _without_spelling_variants(*unmatched(a.hyp_facts, a.ref_facts))
    a.extra_hyp = _without_pairs(_without_negated_opposites(a.extra_hyp, h, r, lang), h, r, lang)
    a.extra_ref = _without_pairs(_without_negated_opposites(a.extra_ref, r, h, lang), r, h, lang)
    for i, e in enumerate(a.edits):
        kind = _type(a, e, lang)
        if kind is None and e.h2 - e.h1 == 1 and _content([h[e.h1]], lang):
            a.edits[i] = _widen(e, h, r, lang)
        a.types.append(kind)
    return a


def align_pairs(pairs: Sequence[tuple[str, str]], lang: LanguageProfile) -> tuple[PairAlignment, ...]:
    """:func:`align_pair` for each (hypothesis, reference); a pair repeated in a corpus (systems that
    write the same output, a row per rater) is aligned once and shared."""
    aligned: dict[tuple[str, str], PairAlignment] = {}
    for pair in pairs:
        if pair not in aligned:
            aligned[pair] = align_pair(*pair, lang)
    return tuple(aligned[pair] for pair in pairs)


def _without_spelling_variants(hyp: list[Fact], ref: list[Fact]) -> tuple[list[Fact], list[Fact]]:
    """Unmatched names that are only house spellings of a name on the other side (Kiev/Kyiv) match."""
    def variant(f: Fact, others: list[Fact]) -> bool:
        return f.kind == "entity" and any(o.kind == "entity" and spelling_variants(f.key, o.key) for o in others)
    return [f for f in hyp if not variant(f, ref)], [f for f in ref if not variant(f, hyp)]


def _without_pairs(extra: list[Fact], tokens: Sequence[Token], other: Sequence[Token],
                   lang: LanguageProfile) -> list[Fact]:
    """A number the other side says with a word that is no number fact is not extra: a two counted
    with a word for a pair ("the two sides" for "both sides"), a rank written out ("1st" for "first")."""
    worded = lang.worded_numbers
    if not any(f.kind == "number" and f.key in worded.values() for f in extra):
        return extra

    def said(side: Sequence[Token]) -> Counter:
        return Counter(worded[w] for t in side if (w := t.text.casefold()) in worded)
    spare = said(other) - said(tokens)
    kept = []
    for f in extra:
        if f.kind == "number" and spare[f.key] > 0:
            spare[f.key] -= 1
        else:
            kept.append(f)
    return kept


def _without_negated_opposites(extra: list[Fact], tokens: Sequence[Token], other: Sequence[Token],
                               lang: LanguageProfile) -> list[Fact]:
    """Negations worded on the other side as the opposite word ("not correct" for "incorrect"), by a
    negating prefix ("no doubt" for "undoubtedly", "not strong enough" for "unsatisfactory"), or by a
    verb that says its complement did not happen ("did not reveal" for "declined to disclose") say
    the same: they are not extra."""
    if not any(f.kind == "negation" for f in extra):
        return extra
    words = [t.text for t in other if t.is_word]
    mine = {t.text.casefold() for t in tokens}
    own = [t.text for t in tokens if t.is_word]
    worded_otherwise = sum(1 for w in words if w.casefold() not in mine and negated_by_prefix(w, lang)) \
        + max(0, negative_implicatives(words, lang) - negative_implicatives(own, lang))  # "unable", "declined to"
    kept = []
    for f in extra:
        after = [t.text for t in tokens if t.is_word and t.start >= f.start]
        if f.kind == "negation" and worded_otherwise:
            worded_otherwise -= 1
        elif f.kind != "negation" or not negated_opposite(after, words, lang):
            kept.append(f)
    return kept


def _moved(edits: list[Edit], h: Sequence[Token], r: Sequence[Token], lang: LanguageProfile) -> list[Edit]:
    """Replace an addition and an omission that share most of their content words (a phrase moved
    within the sentence) by the edits between the two phrases themselves, until no pair is left: a
    word that moved on its own within a phrase that moved is found too ("the museum reopens in" /
    "the museum in … was reopened"), but not the same words twice out of one moved phrase (the
    order inside it counts: "三十五" / "五十三")."""
    origin = {e: i for i, e in enumerate(edits)}  # the edits of one moved phrase share an origin

    def reordered(add: Edit, omit: Edit) -> bool:
        return origin[add] == origin[omit] and [t.text for t in h[add.h1 : add.h2]] == [t.text for t in r[omit.r1 : omit.r2]]
    for _ in range(len(h) + len(r)):  # each pairing leaves fewer tokens in additions and omissions
        pair = next(((add, omit) for add in edits if add.kind == "addition" for omit in edits
                     if omit.kind == "omission" and not reordered(add, omit) and _share_words(add, omit, h, r, lang)), None)
        if pair is None:
            return edits
        add, omit = pair
        inner = [Edit(e.kind, e.h1 + add.h1, e.h2 + add.h1, e.r1 + omit.r1, e.r2 + omit.r1)
                 for e in align_tokens(h[add.h1 : add.h2], r[omit.r1 : omit.r2], lang)]
        origin |= dict.fromkeys(inner, len(origin))
        edits = sorted([e for e in edits if e not in pair] + inner, key=lambda e: (e.h1, e.r1))
    return edits


def _share_words(add: Edit, omit: Edit, h: Sequence[Token], r: Sequence[Token], lang: LanguageProfile) -> bool:
    """Whether an addition and an omission share at least half the content words of the shorter."""
    words = {lang.normal_form(t.text) for t in _content(h[add.h1 : add.h2], lang)}
    other = {lang.normal_form(t.text) for t in _content(r[omit.r1 : omit.r2], lang)}
    return bool(words) and bool(other) and len(words & other) / min(len(words), len(other)) >= 0.5


def _type(a: PairAlignment, e: Edit, lang: LanguageProfile) -> str | None:
    """The type of an edit, or None for a substitution that needs evidence."""
    hyp_range = (a.h[e.h1].start, a.h[e.h2 - 1].end) if e.h2 > e.h1 else (-1, -1)
    ref_range = (a.r[e.r1].start, a.r[e.r2 - 1].end) if e.r2 > e.r1 else (-1, -1)
    hyp_facts = [f for f in a.extra_hyp if f.start < hyp_range[1] and hyp_range[0] < f.end]
    ref_facts = [f for f in a.extra_ref if f.start < ref_range[1] and ref_range[0] < f.end]
    kinds = {f.kind for f in hyp_facts + ref_facts}
    changed = {f.kind for f in a.extra_hyp} & {f.kind for f in a.extra_ref}  # a fact changed, not dropped
    for kind in _FACT_ORDER:
        if kind in kinds and (e.kind in ("substitution", "inflection") or kind in _PRESENCE or kind in changed):
            return kind
    if _swapped_numbers(a, e, hyp_range, ref_range):
        return "number"
    if _same_apart_from_facts(a, e, hyp_range, ref_range, lang):
        return "same"  # "2300" / "2,300", "15 percent" / "15%"
    hyp_words = [t.text for t in a.h[e.h1 : e.h2] if t.is_word]
    ref_words = [t.text for t in a.r[e.r1 : e.r2] if t.is_word]
    before = ([t.text for t in a.h[max(0, e.h1 - 2) : e.h1]], [t.text for t in a.r[max(0, e.r1 - 2) : e.r1]])
    # a word both sides have only moved: "of Alabama says" / "said"
    if tense_change(a.times(lang), range(e.h1, e.h2), range(e.r1, e.r2), hyp_words, ref_words, lang, before,
                    a.shared(lang)):
        return "tense"
    if e.kind == "substitution" and _negation_worded_otherwise(hyp_words, ref_words, lang):
        return "same"  # "is closed" / "does not open", "remained unchanged" / "did not change"
    if e.kind in ("substitution", "inflection"):  # "exportiert" / "importiert" align as forms of one word
        if gender_change(hyp_words, ref_words, lang, ([t.text for t in a.h], [t.text for t in a.r])):
            return "gender"
        if opposite(hyp_words, ref_words, lang):
            return "opposite"
        if lang.compounds and len(hyp_words) == len(ref_words) == 1 and not _particle(*hyp_words, *ref_words, lang):
            parts = compound_change(hyp_words[0], ref_words[0])
            if parts is not None:
                return "compound" if max(len(p) for p in parts) >= 3 else "inflection"
    if e.kind == "inflection":
        return "spelling" if hyp_words and hyp_words[0].casefold() == ref_words[0].casefold() else "inflection"
    if e.kind in ("addition", "omission") and (hyp_words or ref_words) and all(
            w.casefold() in lang.titles for w in hyp_words + ref_words):
        return "spelling"  # a title added or left out before a name ("Mr. Trump" / "Trump"): house style
    if _inside_kept_facts(a, e):
        return "moved"  # a fact the other side has too, written elsewhere ("20 million euros" / "€20 million", "5/3" / "5 tháng 3")
    if e.kind != "substitution":
        return _added_or_left_out(a, e, lang)
    if not hyp_words and _added_or_left_out(a, e, lang) == "moved":
        return "moved"  # punctuation for words the hypothesis has elsewhere
    if len(hyp_words) == len(ref_words) and all(spelling_variants(x, y) for x, y in zip(hyp_words, ref_words)):
        return "spelling"
    mine, theirs = [f.key for f in hyp_facts if f.kind == "entity"], [f.key for f in ref_facts if f.kind == "entity"]
    if mine and theirs and not _one_name(mine, theirs, lang):
        return "entity"
    return None


def _first_names(a: PairAlignment, e: Edit, lang: LanguageProfile) -> bool:
    """Whether an addition (omission) is the first words of a name whose last word follows it and the
    other side has: capitalised content words, after a title or a lower-case word (not first in a
    sentence or clause), before a capitalised word of the other side ("Joe Biden" / "Biden"; not
    "Vietnam News Agency" / "Vietnam Agency")."""
    side, start, end, other = (a.h, e.h1, e.h2, a.r) if e.kind == "addition" else (a.r, e.r1, e.r2, a.h)
    words = side[start:end]
    if not lang.has_case or lang.capitalizes_nouns or not words or end >= len(side):
        return False
    before, after = (side[start - 1] if start else None), side[end]
    if before is None or not before.is_word:
        return False  # first in a sentence or a clause, a capital says nothing
    starts = not before.text[:1].isupper() or before.text.casefold().rstrip(".") in lang.titles
    return starts and all(t.is_word and t.text[:1].isupper() and lang.is_content(t.text) for t in words) \
        and after.text[:1].isupper() and any(t.text == after.text for t in other)


def _negation_worded_otherwise(hyp_words: Sequence[str], ref_words: Sequence[str], lang: LanguageProfile) -> bool:
    """Whether one side negates a word whose opposite the other side has ("does not open" / "is
    closed"), or whose negative by a prefix ("did not change" / "unchanged"), and nothing else differs
    but a word ("remained")."""
    def rest(words: Sequence[str], without: str) -> set[str]:
        return {lang.normal_form(w) for w in words if lang.is_content(w) and not is_negator(w, lang) and w != without}
    for words, other in ((hyp_words, ref_words), (ref_words, hyp_words)):
        for word in negated_words(words, lang):  # the word right after the negator only: not "doesn't indicate slow"
            for match in other:
                said = opposite([word], [match], lang) or (negated_by_prefix(match, lang)
                                                           and lang.normal_form(word) in match.casefold())
                if said and len(rest(words, word) ^ rest(other, match)) <= 1:
                    return True  # nothing else differs, but a copula ("remained unchanged")
    return False


def _added_or_left_out(a: PairAlignment, e: Edit, lang: LanguageProfile) -> str:
    """The edit's kind (``addition``, ``omission``; punctuation for words counts as left out), or
    ``moved`` where the words are there elsewhere in the sentence, as often as on this side
    ("Chinese" for "of China"; not one "Earth" of the reference's two), in another form, or where a reporting verb of one or two words is left
    out (lower case; a verb, where WordNet can tell) and the hypothesis gives the source with
    "according to" ("Selon le ministre, …" / "Le ministre a indiqué que …")."""
    moved = _content(a.h[e.h1 : e.h2] if e.kind == "addition" else a.r[e.r1 : e.r2], lang)
    other = a.content_forms("r" if e.kind == "addition" else "h", lang)
    side = a.r if e.kind == "addition" else a.h
    if moved and all(lang.normal_form(t.text) in other or lang.base_forms(lang.normal_form(t.text)) & other
                     or lang.stem(t.text) in other
                     or _named_in(t.text, side, lang, capitalised=True)
                     or (lang.compounds and _inside_a_word(t.text, side, lang)) for t in moved):
        mine, theirs = (a.counts("h", lang), a.counts("r", lang)) if e.kind == "addition" else \
            (a.counts("r", lang), a.counts("h", lang))
        if not any(0 < theirs[f] < mine[f] for f in {lang.normal_form(t.text) for t in moved}):  # one "Earth" of two
            return "moved"
    if e.kind in ("addition", "omission") and _first_names(a, e, lang):
        return "spelling"  # a name in full or in short ("Joe Biden" / "Biden", "Nguyễn Văn An" / "An"): house style
    if e.kind != "addition" and 0 < len(moved) <= 2 and _attributes(a.h, lang) and not _attributes(a.r, lang) \
            and all(t.text.islower() and (not lang.wordnet or "v" in lang.parts_of_speech(t.text)) for t in moved):
        return "moved"
    return e.kind


def _attributes(tokens: Sequence[Token], lang: LanguageProfile) -> bool:
    """Whether a sentence names its source with the language's "according to" ("selon", "theo", "据")."""
    return any(t.text.casefold() in lang.attribution for t in tokens)


def _particle(a: str, b: str, lang: LanguageProfile) -> bool:
    """Whether one word is the other's separable particle and the rest a participle ("zurück" /
    "zurückgetreten": "trat … zurück" / "ist zurückgetreten")."""
    short, long = sorted((a.casefold(), b.casefold()), key=len)
    return lang.participle_pattern is not None and long.startswith(short) and bool(
        lang.participle_pattern.fullmatch(long[len(short):]))


def _inside_a_word(word: str, tokens: Sequence[Token], lang: LanguageProfile) -> bool:
    """Whether a longer word of ``tokens`` holds this word's stem (five or more letters, without a
    verb or plural ending): a separable verb or a compound ("kündigte … an" / "angekündigt"); or the
    word is a past participle and ``tokens`` have another form of its verb ("gereist" / "reiste")."""
    folded = word.casefold()
    stem = re.sub(r"(?:te|ten|en|e|t|n|s)$", "", folded)
    if len(stem) >= 5 and any(stem in t.text.casefold() and len(t.text) > len(stem) for t in tokens):
        return True
    participle = lang.participle_prefix and re.fullmatch(rf"{lang.participle_prefix}(\w{{3,}}?)(?:et|t|d|en)", folded)
    return bool(participle) and any(re.fullmatch(rf"{re.escape(participle.group(1))}(?:e|en|et|t|te|ten|tet|test|st|d|de|den)",
                                                 t.text.casefold()) for t in tokens)


def _inside_kept_facts(a: PairAlignment, e: Edit) -> bool:
    """Whether every word an edit adds or leaves out lies inside a fact of its side that the other side
    has too (for a substitution: every word of both sides, one side may be punctuation only)."""
    def words(tokens: Sequence[Token]) -> list[Token]:
        return [t for t in tokens if t.is_word or unicodedata.category(t.text[:1] or " ") == "Sc"]  # "$"

    def kept(tokens: Sequence[Token], found: list[Fact], extra: list[Fact]) -> bool:
        return all(any(f.start <= t.start < f.end and f not in extra for f in found) for t in tokens)
    hyp, ref = words(a.h[e.h1 : e.h2]), words(a.r[e.r1 : e.r2])
    if e.kind == "substitution" and hyp and ref:
        return False  # words for words: the evidence judges them
    return bool(hyp or ref) and kept(hyp, a.hyp_facts, a.extra_hyp) and kept(ref, a.ref_facts, a.extra_ref)


def _one_name(mine: Sequence[str], theirs: Sequence[str], lang: LanguageProfile) -> bool:
    """Whether each name on either side is the other side's name in another form ("Africa" /
    "African", "Brazil" / "Brazilian", "Ürümqi" / "Urumqi", "American" / "US"): a rewording, not
    another name."""
    def found(name: str, others: Sequence[str]) -> bool:
        return any(_same_name(name, o) or spelling_variants(name, o) or o.casefold() in lang.place_of(name)
                   or name.casefold() in lang.place_of(o) for o in others)
    return all(found(m, theirs) for m in mine) and all(found(t, mine) for t in theirs)


def _swapped_numbers(a: PairAlignment, e: Edit, hyp_range: tuple[int, int], ref_range: tuple[int, int]) -> bool:
    """A substitution between numbers that are all different, though each sentence has the other's
    numbers somewhere ("killed 12 and injured 40" / "killed 40 and injured 12"): facts swapped."""
    if e.kind != "substitution":
        return False
    mine = {f.key for f in a.hyp_facts if f.kind == "number" and f.start < hyp_range[1] and hyp_range[0] < f.end}
    theirs = {f.key for f in a.ref_facts if f.kind == "number" and f.start < ref_range[1] and ref_range[0] < f.end}
    return bool(mine) and bool(theirs) and mine.isdisjoint(theirs)


def lost_names(a: PairAlignment, e: Edit, lang: LanguageProfile) -> list[Span]:
    """Names inside a substitution's reference side that the hypothesis has nowhere, in any form or
    case ("goods imported" for "goods from Central America came"), as omissions; none when the
    hypothesis side holds a name of its own (that is a changed name). "China" is there in "Chinese",
    "Southwest" in "southwestern", a name at a sentence's start too."""
    if e.kind != "substitution" or e.r2 == e.r1:
        return []
    ref_range = (a.r[e.r1].start, a.r[e.r2 - 1].end)
    hyp_range = (a.h[e.h1].start, a.h[e.h2 - 1].end) if e.h2 > e.h1 else (-1, -1)
    if any(f.kind == "entity" and f.start < hyp_range[1] and hyp_range[0] < f.end for f in a.extra_hyp):
        return []
    lost = [f for f in a.extra_ref if f.kind == "entity" and f.start < ref_range[1] and ref_range[0] < f.end
            and not any(c.isdigit() for c in f.key)  # "No.3" is a number, not a name
            and not _named_in(f.key, a.h, lang)]
    groups: list[list[Fact]] = []
    for f in lost:  # "Central America": one name of two words
        if groups and not a.ref[groups[-1][-1].end : f.start].strip():
            groups[-1].append(f)
        else:
            groups.append([f])
    return [Span(g[0].start, g[-1].end, a.ref[g[0].start : g[-1].end], "omission", "major", 0.5, None,
                 "a name the machine translation does not have", type="omission", at=_place(a, e)) for g in groups]


def _lost_modifiers(a: PairAlignment, e: Edit, lang: LanguageProfile) -> list[Span]:
    """Adjectives and adverbs of a reworded reference phrase that the hypothesis has nowhere, nor a
    WordNet synonym of in its own wording: a qualification lost (minor). Adjectives are words WordNet
    lists as adjectives or adverbs only ("the cheapest gorilla tracking"), or as adjectives and nouns
    too where the noun they qualify is in the hypothesis with nothing in their place ("to adult
    pornography" for "on pornography"); adverbs, those WordNet derives from an adjective ("recently
    released" for "issued"; not "already", "though"), nor said anywhere in the hypothesis."""
    if not lang.wordnet or e.r2 == e.r1:
        return []
    hyp_words = [t.text for t in a.h[e.h1 : e.h2] if t.is_word]
    hyp_forms = a.content_forms("h", lang)
    # an adverb of the hypothesis's own in the reworded phrase is a rewording ("mainly" / "mostly")
    adverb_in_place = any("r" in lang.parts_of_speech(w) for w in hyp_words if lang.is_content(w))
    lost = []
    for i in range(e.r1, e.r2):
        t = a.r[i]
        if not t.is_word or not lang.is_content(t.text):
            continue
        pos, word = lang.parts_of_speech(t.text), t.text.casefold()
        adjectives = lang.adjective_of(t.text) if pos == {"r"} and not adverb_in_place else frozenset()  # "recently": recent
        modifier = "a" in pos and _modifier_here(a, i, lang) or bool(adjectives)
        if not modifier or lang.normal_form(t.text) in hyp_forms or adjectives & hyp_forms \
                or word in lang.qualifiers or word in lang.number_qualifiers:
            continue  # not an adjective or adverb of manner, there in another place, or the qualifier detector's ("under 40")
        # an adverb may come back in other words anywhere ("recently" / "lately")
        said_in = [t.text for t in a.h if t.is_word and lang.is_content(t.text)] if adjectives else hyp_words
        if any(lang.synonymous(t.text, w) for w in said_in) or negated_opposite(hyp_words, [t.text], lang):
            continue  # said in other words ("not legal" for "illegal")
        lost.append(Span(t.start, t.end, t.text, "omission", "minor", 0.3, None, "a modifier the machine translation"
                         " does not have", type="omission", at=_place(a, e)))
    return lost


def _lost_nouns(a: PairAlignment, e: Edit, lang: LanguageProfile) -> list[Span]:
    """Common nouns of a reworded reference phrase that the hypothesis has nowhere, where its own
    side of the rewording has no noun or adverb in their place ("different than" for "different
    situations from", "gathered from" for "the documents collected by"): content left out (minor).
    Not a noun that is also an adjective or adverb, one inside a word of the hypothesis
    ("tiebreak"), nor one the hypothesis says with a synonym, a derived word ("expanding" /
    "expansion") or, for its whole side, a collocation of the same sense."""
    if not lang.wordnet or e.r2 == e.r1 or e.kind != "substitution":
        return []
    own = [t for t in a.h[e.h1 : e.h2] if t.is_word and lang.is_content(t.text)]
    if any(_noun_here(t.text, t, a.h, lang) or "r" in lang.parts_of_speech(t.text) for t in own):
        return []
    hyp_forms = a.content_forms("h", lang)
    said = [t.text for t in a.h if t.is_word and lang.is_content(t.text)]
    folded = [t.text.casefold() for t in a.h if t.is_word]
    own_text = " ".join(t.text for t in a.h[e.h1 : e.h2] if t.is_word)
    lost = []
    for i in range(e.r1, e.r2):
        t = a.r[i]
        if not t.is_word or not t.text.isalpha() or t.text[:1].isupper() or not lang.is_content(t.text):
            continue
        pos, word = lang.parts_of_speech(t.text), t.text.casefold()
        if "a" in pos or "r" in pos or not _noun_here(t.text, t, a.r, lang) \
                or lang.normal_form(t.text) in hyp_forms or lang.base_forms(t.text) & hyp_forms:
            continue
        if any(word in w.replace("-", "") or (len(w) >= 4 and w in word) for w in folded):
            continue  # inside a word of the hypothesis: "tiebreak" / "tie break"
        if own_text and lang.share_a_first_sense(t.text, own_text) \
                or any(lang.synonymous(t.text, w) or lang.derived(t.text, w) for w in said):
            continue
        lost.append(Span(t.start, t.end, t.text, "omission", "minor", 0.3, None,
                         "a noun the machine translation does not have", type="omission", at=_place(a, e)))
    return lost


def _modifier_here(a: PairAlignment, i: int, lang: LanguageProfile) -> bool:
    """Whether reference word ``i`` reads as an adjective or adverb where it stands: WordNet knows it
    only as one ("heavy", "quickly"); or as an adjective and a verb, not a noun, right after a
    determiner ("their own"); or as an adjective before a noun the hypothesis has bare (see
    :func:`_qualifies_kept_noun`: "the same man" / "the man")."""
    pos = lang.parts_of_speech(a.r[i].text)
    return bool(pos) and (pos <= {"a", "r"} or "a" in pos and (
        "n" not in pos and _after_determiner(a.r, i, lang) or _qualifies_kept_noun(a, i, pos, lang)))


def _after_be(token: Token, tokens: Sequence[Token], lang: LanguageProfile) -> bool:
    """Whether a token comes right after a form of "be" (WordNet's base form), as a participle or
    adjective does ("could be related to" for "could involve" is no more general verb)."""
    i = _index(token, tokens)
    return i > 0 and "be" in lang.base_forms(tokens[i - 1].text.casefold())


def _index(token: Token, tokens: Sequence[Token]) -> int:
    """Where a token stands among a side's tokens."""
    return next(i for i, t in enumerate(tokens) if t.start == token.start)


def _after_determiner(tokens: Sequence[Token], i: int, lang: LanguageProfile) -> bool:
    """Whether token ``i`` comes right after a determiner ("the", "their")."""
    return i > 0 and tokens[i - 1].text.casefold() in lang.determiners


def _qualifies_kept_noun(a: PairAlignment, i: int, pos: frozenset[str], lang: LanguageProfile) -> bool:
    """Whether reference word ``i`` (not a verb form, not a number) stands before a noun that the
    hypothesis has with no content word before it (nothing took the word's place)."""
    if "v" in pos or not a.r[i].text.isalpha() or i + 1 >= len(a.r) or "n" not in lang.parts_of_speech(a.r[i + 1].text):
        return False
    noun = lang.normal_form(a.r[i + 1].text)
    return any(lang.normal_form(t.text) == noun and (k == 0 or not lang.is_content(a.h[k - 1].text))
               for k, t in enumerate(a.h))


def _place(a: PairAlignment, e: Edit) -> int:
    """Where in the hypothesis words of an edit's reference side are missing: at its hypothesis side."""
    return a.h[e.h1].start if e.h2 > e.h1 else _gap(a, e)


def _gap(a: PairAlignment, e: Edit) -> int:
    """Where in the hypothesis an edit with no hypothesis tokens sits: after the token before it."""
    return a.h[e.h1 - 1].end if e.h1 > 0 else 0


def _named_in(name: str, tokens: Sequence[Token], lang: LanguageProfile, capitalised: bool = False) -> bool:
    """Whether a word of ``tokens`` (only capitalised ones, if so asked) is ``name`` in some form
    ("Chinese" for "China"; WordNet's "Portuguese" for "Portugal")."""
    return any(t.is_word and (not capitalised or t.text[:1].isupper()) and (
        _same_name(name, entity_key(t.text)) or name.casefold() in lang.place_of(t.text)) for t in tokens)


def _same_name(a: str, b: str) -> bool:
    """One name in two forms: a country and its people or adjective (China/Chinese, Russia/Russian,
    Southwest/southwestern), compared by their common beginning."""
    a, b = a.casefold(), b.casefold()
    return len(os.path.commonprefix([a, b])) >= max(4, min(len(a), len(b)) - 1)


def _same_apart_from_facts(a: PairAlignment, e: Edit, hyp_range: tuple[int, int], ref_range: tuple[int, int],
                           lang: LanguageProfile) -> bool:
    """Both sides hold the same facts, written differently, and the same words besides."""
    inside = [f for f in a.hyp_facts if f.start < hyp_range[1] and hyp_range[0] < f.end]
    other = [f for f in a.ref_facts if f.start < ref_range[1] and ref_range[0] < f.end]
    if not inside or sorted((f.kind, f.key) for f in inside) != sorted((f.kind, f.key) for f in other):
        return False

    def rest(tokens: Sequence[Token], found: Sequence[Fact]) -> list[str]:
        return [lang.normal_form(t.text) for t in tokens if t.is_word and not any(f.start <= t.start < f.end for f in found)]
    return rest(a.h[e.h1 : e.h2], inside) == rest(a.r[e.r1 : e.r2], other)


def _widen(e: Edit, h: Sequence[Token], r: Sequence[Token], lang: LanguageProfile) -> Edit:
    """Show a single changed word with the unchanged content word next to it ("production ring").

    A change within one word family (civil → civilian) is usually a modifier, shown with the word
    after it ("civil infrastructure"); any other change with the word before it.
    """
    left = e.h1 > 0 and e.r1 > 0 and _neighbour(h[e.h1 - 1], r[e.r1 - 1], lang)
    right = e.h2 < len(h) and e.r2 < len(r) and _neighbour(h[e.h2], r[e.r2], lang)
    same_family = e.r2 - e.r1 == 1 and h[e.h1].text[:3].casefold() == r[e.r1].text[:3].casefold()
    if right and (same_family or not left):
        return Edit(e.kind, e.h1, e.h2 + 1, e.r1, e.r2 + 1)
    if left:
        return Edit(e.kind, e.h1 - 1, e.h2, e.r1 - 1, e.r2)
    return e


def calque(a: PairAlignment, match: Span) -> Span | None:
    """A phrasebook match confirmed by the reference: the substitution at the same place, with the
    reference's wording as the suggestion; None when the reference has the same wording there."""
    for e in a.edits:
        if e.kind not in ("substitution", "inflection") or e.h2 == e.h1:
            continue
        hyp_phrase, ref_phrase, start, end = a.phrase(e)
        if start < match.end and match.start < end:
            ref_tokens = _trim(a.r[e.r1 : e.r2])
            return Span(start, end, hyp_phrase, "substitution", "major", max(0.8, match.confidence * 0.8), ref_phrase,
                        match.note, ref_tokens[0].start, ref_tokens[-1].end, "calque")
    return None


def untyped(a: PairAlignment) -> list[Edit]:
    """The substitutions whose verdict needs evidence (paraphrase or mistranslation), in order."""
    return [e for e, kind in zip(a.edits, a.types) if kind is None and e.kind == "substitution"]


def find_flags(a: PairAlignment, lang: LanguageProfile, similarities: Sequence[float],
               evidence: str = "swap") -> tuple[list[Span], list[Span]]:
    """Spans in the hypothesis and omissions from the reference. ``similarities`` are the evidence
    for :func:`untyped` substitutions, in the same order, of kind ``evidence`` (see :data:`PARAPHRASE`)."""
    similarity = dict(zip(untyped(a), similarities))
    spans: list[Span] = []
    omissions: list[Span] = []
    for e, kind in zip(a.edits, a.types):
        if kind in ("same", "moved"):
            continue
        if e.kind == "omission":
            span = _omission(a, e, kind, lang)
            if span is not None:
                shown_in_hypothesis = span.type == "negation" and span.at is None  # see _dropped_negation
                (spans if shown_in_hypothesis else omissions).append(span)
            continue
        hyp_tokens = _trim(a.h[e.h1 : e.h2])
        if not any(t.is_word for t in hyp_tokens) and kind not in TYPED:
            # punctuation where the reference has words ("," for "local,"): those words are left out
            span = _omission(a, e, "omission", lang) if e.r2 > e.r1 else None
            omissions += [span] if span is not None else []
            continue
        omissions += lost_names(a, e, lang)
        if kind is None:
            omissions += _lost_modifiers(a, e, lang) + _lost_nouns(a, e, lang)
        span = _span(a, e, kind, lang, similarity.get(e), evidence)
        if span is not None:
            spans.append(span)
    spans += _other_gender(a, lang, spans)
    spans += _dangling(a, lang, spans)
    mood = _question_for_statement(a, [s for s in spans if s.type != "spelling"])
    return [s for s in spans if not any(s.overlaps(m) for m in mood)] + mood, omissions


def _question_for_statement(a: PairAlignment, spans: Sequence[Span]) -> list[Span]:
    """A question where the reference states, or a statement where it asks ("Will it be held …?" for
    "It will be held …."): shown on the hypothesis's question marks, or on its last stop, major (not
    where ``spans`` already flag that mark)."""
    asks = [t for t in a.h if t.text in _QUESTION_MARKS]
    if bool(asks) == any(t.text in _QUESTION_MARKS for t in a.r):
        return []
    stop = next((t for t in reversed(a.r) if not t.is_word and t.text not in _QUOTES), None)  # the suggestion
    if asks:
        note, shown = "a question where the reference makes a statement", asks
    else:
        note, shown = "a statement where the reference asks a question", \
            [t for t in a.h if not t.is_word and t.text not in _QUOTES][-1:]
    return [Span(t.start, t.end, t.text, "substitution", *QUESTION, stop and stop.text, note, stop and stop.start,
                 stop and stop.end, "mistranslation")
            for t in shown if not any(s.start <= t.start < s.end for s in spans)]


def _other_gender(a: PairAlignment, lang: LanguageProfile, spans: Sequence[Span]) -> list[Span]:
    """Pronouns of one gender where the reference's sentence has pronouns of the other only ("she
    had beaten it" where the reference says "he" throughout), however the alignment cut them."""
    ref = [t for t in a.r if lang.gender_of(t.text)]
    genders = {lang.gender_of(t.text) for t in ref}
    if len(genders) != 1:
        return []
    found = []
    for word in a.h:
        gender = lang.gender_of(word.text)
        if gender is None or gender in genders or any(s.start <= word.start < s.end for s in spans):
            continue
        found.append(Span(word.start, word.end, word.text, "substitution", *TYPED["gender"], ref[0].text,
                          f"the reference refers to this person as '{ref[0].text}'", ref[0].start, ref[0].end, "gender"))
    return found


def _dangling(a: PairAlignment, lang: LanguageProfile, spans: Sequence[Span]) -> list[Span]:
    """An article of the hypothesis that names nothing ("the of"), where the reference has no such
    pair and no other flag covers it: a word is missing there (major)."""
    ref_pairs = {(a.r[i].text.casefold(), a.r[i + 1].text.casefold() if i + 1 < len(a.r) else "")
                 for i in dangling_articles(a.r, lang)}
    found = []
    for i in dangling_articles(a.h, lang):
        word, after = a.h[i], a.h[i + 1].text if i + 1 < len(a.h) else ""
        if (word.text.casefold(), after.casefold()) in ref_pairs or any(s.start <= word.start < s.end for s in spans):
            continue
        last = i + 1 if after and after.casefold() not in lang.not_after_article and after[:1].isalnum() else i
        before = a.h[last + 1].text if last + 1 < len(a.h) else "the end"  # "a legal in": past its adjective
        found.append(Span(word.start, a.h[last].end, a.hyp[word.start : a.h[last].end], "omission", *DANGLING, None,
                          f"'{a.hyp[word.start : a.h[last].end]}' names nothing before '{before}': a word is missing",
                          type="omission"))
    return found


def _fact_span(a: PairAlignment, e: Edit, kind: str) -> Span | None:
    """A changed number, unit or date shown whole ("三十五" → "五十三", "2,300" → "3,200"), however
    the alignment cut it, with the reference's counterpart as the suggestion."""
    hyp_range = (a.h[e.h1].start, a.h[e.h2 - 1].end) if e.h2 > e.h1 else (-1, -1)
    ref_range = (a.r[e.r1].start, a.r[e.r2 - 1].end) if e.r2 > e.r1 else (-1, -1)
    mine = [f for f in a.extra_hyp if f.kind == kind and f.start < hyp_range[1] and hyp_range[0] < f.end]
    if not mine:
        return None
    others = [f for f in a.extra_ref if f.kind == kind]
    near = [f for f in others if f.start < ref_range[1] and ref_range[0] < f.end]
    index = [f for f in a.extra_hyp if f.kind == kind].index(mine[0])
    other = near[0] if near else others[index] if index < len(others) else None
    start, end = mine[0].start, mine[-1].end
    severity, confidence = TYPED[kind]
    return Span(start, end, a.hyp[start:end], "substitution", severity, confidence,
                a.ref[other.start : other.end] if other else None, None, other.start if other else None,
                other.end if other else None, kind)


def _span(a: PairAlignment, e: Edit, kind: str | None, lang: LanguageProfile, sim: float | None,
          evidence: str) -> Span | None:
    if kind in ("number", "unit", "date-time"):
        whole = _fact_span(a, e, kind)
        if whole is not None:
            return whole
    hyp_tokens, ref_tokens = _trim(a.h[e.h1 : e.h2]), _trim(a.r[e.r1 : e.r2])
    start, end = hyp_tokens[0].start, hyp_tokens[-1].end
    text = a.hyp[start:end]
    if e.kind == "addition":
        content = _content(hyp_tokens, lang)
        if kind == "addition" and not content:
            return None
        fact = any(f.kind in ("entity", "number", "date-time") and start <= f.start < end for f in a.extra_hyp)
        ref_forms = a.content_forms("r", lang)
        if kind in (None, "addition") and content and all(lang.normal_form(t.text) in ref_forms for t in content):
            # the count of a word the reference has too: "Best Picture, Best Director" / "Best Picture, Director"
            return Span(start, end, text, "addition", "minor", 0.2, None,
                        "said again: the reference has these words once", type="addition")
        severity = "major" if len(content) >= 2 or fact else "minor"
        severity, confidence = TYPED.get(kind, (severity, 0.3 + 0.15 * len(content)))
        return Span(start, end, text, "addition", severity, round(min(1.0, confidence), 3), None, type=kind)
    suggestion, ref_start, ref_end = _text(a.ref, ref_tokens), ref_tokens[0].start, ref_tokens[-1].end
    category = "inflection" if e.kind == "inflection" else "substitution"
    if kind is not None:
        severity, confidence = TYPED[kind]
        return Span(start, end, text, category, severity, confidence, suggestion, None, ref_start, ref_end, kind)
    if sim is None or sim >= PARAPHRASE[evidence]:
        shift = _lexical_shift(a, hyp_tokens, ref_tokens, lang)
        if shift is None:
            return None  # an equivalent rewording
        return Span(start, end, text, category, "minor", LEXICAL_SHIFT_CONFIDENCE, suggestion, shift, ref_start, ref_end,
                    "mistranslation")
    if _one_sense(hyp_tokens, ref_tokens, lang):
        return None  # the same sense in other words, by WordNet, where the swap test doubted
    severity = "major" if sim < MAJOR_BELOW[evidence] else "minor"
    confidence = round(min(1.0, max(0.05, (PARAPHRASE[evidence] - sim) / PARAPHRASE[evidence] * 2)), 3)
    note = None if evidence == "swap" else f"no sentence encoder covers '{lang.code}': judged by spelling alone"
    return Span(start, end, text, category, severity, confidence, suggestion, note, ref_start, ref_end, "mistranslation")


def _lexical_shift(a: PairAlignment, hyp_tokens: Sequence[Token], ref_tokens: Sequence[Token],
                   lang: LanguageProfile) -> str | None:
    """A note when a rewording the swap test reads as a paraphrase is not one by WordNet: a noun for
    a broader or narrower kind ("animal" for "dog", "body part" for "tail"), a verb for the more
    general way of saying the reference's ("said" for "explained"; whatever function words or words
    that only moved stand beside it: "should promise" for "to guarantee"), or one word in place of
    another WordNet does not list as its synonym, all else equal but house spellings ("past
    protesters" for "current protestors"); None otherwise."""
    if not lang.wordnet:
        return None
    hyp = [(t, lang.normal_form(t.text)) for t in _content(hyp_tokens, lang)]
    ref = [(t, lang.normal_form(t.text)) for t in _content(ref_tokens, lang)]
    hyp_forms, ref_forms, shared = {f for _, f in hyp}, {f for _, f in ref}, a.shared(lang)
    mine = [t for t, form in hyp if form not in ref_forms and not any(spelling_variants(t.text, o.text) for o, _ in ref)]
    theirs = [t for t, form in ref if form not in hyp_forms and not any(spelling_variants(t.text, o.text) for o, _ in hyp)]
    # beside other words, a word both sentences have only moved ("experienced wounds to his" / "suffered")
    mine = [t for t in mine if lang.normal_form(t.text) not in shared] or mine
    theirs = [t for t in theirs if lang.normal_form(t.text) not in shared] or theirs
    if not mine or not theirs or max(len(mine), len(theirs)) > SHIFT_WORDS:
        return None
    # one word against a word or two (each, or a name of a kind: "body part" / "tail"), or inside a
    # wider rewording two words that read as nouns where they stand, which WordNet does not link
    # otherwise ("the inhabitants' homes were" / "a villager's house had"; "an act of deliberately" /
    # "a deliberate attempt to", where "attempt" may be a verb, is the swap test's)
    small = min(len(mine), len(theirs)) == 1 and max(len(mine), len(theirs)) <= 2
    words = [[(t.text, _POSSESSIVE.sub("", t.text), t) for t in side] for side in (mine, theirs)]  # "villager's" is a villager
    if small:
        words = [side + ([(" ".join(w for w, _, _ in side), " ".join(b for _, b, _ in side), None)] if len(side) == 2 else [])
                 for side in words]
    for word, bare_word, token in words[0]:
        for other, bare_other, other_token in words[1]:
            if not small and not (_noun_here(bare_word, token, a.h, lang) and _noun_here(bare_other, other_token, a.r, lang)):
                continue
            up, down = lang.broader(bare_word, bare_other), lang.broader(bare_other, bare_word)
            if up != down and (small or not lang.synonymous(word, other)):
                return f"{'broader' if up else 'narrower'} than the reference's '{other}'"
    if not small or len(mine) != 1 or len(theirs) != 1:
        return None
    return _one_word_shift(a, hyp_tokens, ref_tokens, mine[0], theirs[0], lang)


def _one_word_shift(a: PairAlignment, hyp_tokens: Sequence[Token], ref_tokens: Sequence[Token],
                    hyp_token: Token, ref_token: Token, lang: LanguageProfile) -> str | None:
    """:func:`_lexical_shift`'s note for one word in place of one (``hyp_token`` / ``ref_token``):
    a more general verb, beside function words and moved words too; with all else equal, a word
    WordNet does not list as a synonym or a verb it does not relate."""
    mine, theirs = hyp_token.text, ref_token.text

    def same_rest(words: Callable[[Sequence[Token]], Sequence[Token]], besides: frozenset[str]) -> bool:
        """Whether the two sides' other words (a neighbour the edit was widened to) are the same."""
        rest = [{lang.article_forms.get(f, f) for t in words(side) if t.text != changed
                 for f in [lang.normal_form(t.text)]} - besides for side, changed in ((hyp_tokens, mine), (ref_tokens, theirs))]
        rest = [{f for f in r if not any(spelling_variants(f, g) for g in other)} for r, other in zip(rest, rest[::-1])]
        return rest[0] == rest[1]
    # a more general verb, whatever function words and moved words stand beside it ("should promise" / "to guarantee")
    if same_rest(lambda side: _content(side, lang), a.shared(lang)) and lang.broader_verb(mine, theirs) \
            and not _noun_here(mine, hyp_token, a.h, lang) and not _noun_here(theirs, ref_token, a.r, lang) \
            and not _after_be(hyp_token, a.h, lang) and not _after_be(ref_token, a.r, lang):
        return f"a more general verb than the reference's '{theirs}'"
    if not same_rest(lambda side: [t for t in side if t.is_word], frozenset()):  # "a communication" / "an intercom" too
        return None
    # two head nouns where they stand are synonyms as nouns only ("secure the place" / "the site": they
    # share a verb's sense; not "a large rocket" / "a giant rocket")
    as_nouns = all(_noun_here(word, token, tokens, lang) and _head(token, tokens, lang)
                   for word, token, tokens in ((mine, hyp_token, a.h), (theirs, ref_token, a.r)))
    synonymous = lang.synonymous(mine, theirs, "n" if as_nouns else None)
    if synonymous is False:
        return f"not a synonym of the reference's '{theirs}' in WordNet"
    if synonymous is None and lang.related_verbs(mine, theirs) is False:
        return f"a verb WordNet does not relate to the reference's '{theirs}'"
    return None


def _noun_here(word: str, token: Token, tokens: Sequence[Token], lang: LanguageProfile) -> bool:
    """Whether a word reads as a noun where it stands: WordNet knows it only as a noun, or as a
    noun too and right after an article, a determiner, a preposition or an adjective that is no verb
    ("the race", "in space", "early reports"; not "to report"), or first in its sentence with no
    determiner after it ("People want"; not "Check the site")."""
    pos = lang.parts_of_speech(word)
    if pos == {"n"}:
        return True
    if "n" not in pos:
        return False
    i = _index(token, tokens)
    if i == 0:  # first in the sentence: its subject, unless an object follows ("Check the site")
        return len(tokens) > 1 and tokens[1].is_word and tokens[1].text.casefold() not in lang.determiners
    if not tokens[i - 1].is_word:
        return False
    return _after_determiner(tokens, i, lang) or tokens[i - 1].text.casefold() in lang.prepositions \
        or lang.parts_of_speech(tokens[i - 1].text) in ({"a"}, {"a", "r"})


def _head(token: Token, tokens: Sequence[Token], lang: LanguageProfile) -> bool:
    """Whether a function word, a preposition or nothing follows the token: it ends its phrase ("the
    beginning of", "the place in"; not "a large rocket")."""
    i = _index(token, tokens) + 1
    return i == len(tokens) or not tokens[i].is_word or not lang.is_content(tokens[i].text) \
        or tokens[i].text.casefold() in lang.prepositions


def _one_sense(hyp_tokens: Sequence[Token], ref_tokens: Sequence[Token], lang: LanguageProfile) -> bool:
    """Whether the two sides differ in one word or collocation each, all else equal, and WordNet
    gives the two a first sense in common ("resigned last" / "stepped down last")."""
    if not lang.wordnet:
        return False
    hyp = [t.text for t in hyp_tokens if t.is_word]
    ref = [t.text for t in ref_tokens if t.is_word]
    while hyp and ref and hyp[0].casefold() == ref[0].casefold():
        hyp, ref = hyp[1:], ref[1:]
    while hyp and ref and hyp[-1].casefold() == ref[-1].casefold():
        hyp, ref = hyp[:-1], ref[:-1]
    if not hyp or not ref or len(hyp) > 2 or len(ref) > 2:
        return False
    return lang.share_a_first_sense(" ".join(hyp), " ".join(ref))


def _omission(a: PairAlignment, e: Edit, kind: str | None, lang: LanguageProfile) -> Span | None:
    """Reference content the hypothesis left out (offsets into the reference); a dropped negation is
    shown on the hypothesis word it should negate, with the reference's wording as the suggestion."""
    ref_tokens = _trim(a.r[e.r1 : e.r2])
    content = _content(ref_tokens, lang)
    if kind == "negation":
        span = _dropped_negation(a, e, ref_tokens)
        if span is not None:
            return span
    if not content and kind in (None, "omission"):
        return None
    start, end = ref_tokens[0].start, ref_tokens[-1].end
    modifiers = lang.wordnet and all(_modifier_here(a, i, lang) for i in range(e.r1, e.r2) if a.r[i].is_word
                                     and lang.is_content(a.r[i].text))  # "heavy", "quickly": a qualification, not a subject, verb or object
    severity, confidence = TYPED.get(kind, ("minor" if content and modifiers else "major", 0.4 + 0.15 * len(content)))
    return Span(start, end, a.ref[start:end], "omission", severity, round(min(1.0, confidence), 3), None, type=kind,
                at=_gap(a, e))


def _dropped_negation(a: PairAlignment, e: Edit, ref_tokens: Sequence[Token]) -> Span | None:
    """A negation the hypothesis dropped, shown on the hypothesis word beside the gap (the verb it
    negates), with the reference's negated wording as the suggestion."""
    if e.h1 < len(a.h) and e.r2 < len(a.r) and a.h[e.h1].is_word:
        word, first, last = a.h[e.h1], a.r[e.r1], a.r[e.r2]
    elif e.h1 > 0 and e.r1 > 0 and a.h[e.h1 - 1].is_word:
        word, first, last = a.h[e.h1 - 1], a.r[e.r1 - 1], a.r[e.r2 - 1]
    else:
        return None  # at a sentence's edge or beside punctuation: an omission of the negated words
    missing = a.ref[ref_tokens[0].start : ref_tokens[-1].end]
    return Span(word.start, word.end, word.text, "omission", "critical", TYPED["negation"][1],
                a.ref[first.start : last.end], f"the reference negates this ('{missing}')", first.start, last.end,
                "negation")


def _trim(tokens: Sequence[Token]) -> Sequence[Token]:
    """Tokens without the punctuation at either end (a span starts and ends on a word)."""
    words = [i for i, t in enumerate(tokens) if t.is_word]
    return tokens[words[0] : words[-1] + 1] if words else tokens


def _text(text: str, tokens: Sequence[Token]) -> str:
    return text[tokens[0].start : tokens[-1].end]


def _neighbour(a: Token, b: Token, lang: LanguageProfile) -> bool:
    """An unchanged content word (not a number) next to a change."""
    return a.text[:1].isalpha() and lang.is_content(a.text) and a.text.casefold() == b.text.casefold()
