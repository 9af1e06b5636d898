"""Flags from aligning a hypothesis to its reference: which differences are errors, with what
severity, and the reference's wording as the suggestion.

:func:`align_pair` aligns once; :func:`phrase_pairs` lists the (hypothesis phrase, reference
phrase) of each substitution, so the checker can gather the evidence for a whole batch at once;
:func:`find_flags` then turns the edits into spans, given each substitution's similarity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..text import LanguageProfile, Token, tokenize
from .align import Edit, align_tokens
from .spans import Span

PARAPHRASE = 0.8  # phrase similarity at or above which a substitution is a harmless paraphrase
_NUMBER = re.compile(r"\d")


def _content(tokens: Sequence[Token], lang: LanguageProfile) -> list[Token]:
    return [t for t in tokens if t.is_word and lang.is_content(t.text)]


@dataclass(frozen=True)
class PairAlignment:
    """A hypothesis and its reference, their tokens and the edits between them."""

    hyp: str
    ref: str
    h: list[Token]
    r: list[Token]
    edits: list[Edit]


def align_pair(hyp: str, ref: str, lang: LanguageProfile) -> PairAlignment:
    """Token edits turning ``hyp`` into ``ref``; a single changed content word is widened to its neighbour."""
    h, r = tokenize(hyp), tokenize(ref)
    edits = []
    for e in align_tokens(h, r, lang):
        if e.kind == "substitution" and e.h2 - e.h1 == 1 and _content([h[e.h1]], lang):
            e = _widen(e, h, r, lang)
        edits.append(e)
    return PairAlignment(hyp, ref, h, r, edits)


def _widen(e: Edit, h: Sequence[Token], r: Sequence[Token], lang: LanguageProfile) -> Edit:
    """Show a single changed word with the unchanged content word next to it ("production ring").

    A change within one word family (civil → civilian) is usually a modifier, shown with the word
    after it ("civil infrastructure"); any other change with the word before it.
    """
    left = e.h1 > 0 and e.r1 > 0 and _content([h[e.h1 - 1]], lang) and _same(h[e.h1 - 1], r[e.r1 - 1])
    right = e.h2 < len(h) and e.r2 < len(r) and _content([h[e.h2]], lang) and _same(h[e.h2], r[e.r2])
    same_family = e.r2 - e.r1 == 1 and h[e.h1].text[:3].casefold() == r[e.r1].text[:3].casefold()
    if right and (same_family or not left):
        return Edit(e.kind, e.h1, e.h2 + 1, e.r1, e.r2 + 1)
    if left:
        return Edit(e.kind, e.h1 - 1, e.h2, e.r1 - 1, e.r2)
    return e


def phrase_pairs(a: PairAlignment) -> list[tuple[str, str]]:
    """The (hypothesis phrase, reference phrase) of each substitution, in order."""
    return [(_text(a.hyp, _trim(a.h[e.h1 : e.h2])), _text(a.ref, _trim(a.r[e.r1 : e.r2]))) for e in a.edits
            if e.kind == "substitution"]


def find_flags(a: PairAlignment, lang: LanguageProfile, similarities: Sequence[float]) -> tuple[list[Span], list[Span]]:
    """Spans in the hypothesis and omissions from the reference; ``similarities`` are those of
    :func:`phrase_pairs`, in the same order."""
    hyp, ref, h, r, edits = a.hyp, a.ref, a.h, a.r, a.edits
    similarity = iter(similarities)
    spans: list[Span] = []
    omissions: list[Span] = []
    for e in edits:
        hyp_tokens, ref_tokens = _trim(h[e.h1 : e.h2]), _trim(r[e.r1 : e.r2])
        if e.kind == "omission":
            content = _content(ref_tokens, lang)
            if content:
                start, end = ref_tokens[0].start, ref_tokens[-1].end
                omissions.append(Span(start, end, ref[start:end], "omission", _severity(content, ref_tokens),
                                      round(min(1.0, 0.4 + 0.15 * len(content)), 3), None))
            continue
        sim = next(similarity) if e.kind == "substitution" else 1.0
        if any(t.is_word for t in hyp_tokens):
            span = _span(e.kind, hyp, ref, hyp_tokens, ref_tokens, sim, lang)
            if span is not None:
                spans.append(span)
    return spans, omissions


def _span(kind: str, hyp: str, ref: str, hyp_tokens: Sequence[Token], ref_tokens: Sequence[Token],
          sim: float, lang: LanguageProfile) -> Span | None:
    start, end = hyp_tokens[0].start, hyp_tokens[-1].end
    if kind == "inflection":
        if not hyp_tokens[0].is_word:
            return None
        return Span(start, end, hyp[start:end], "inflection", "minor", 0.3, _text(ref, ref_tokens),
                    ref_start=ref_tokens[0].start, ref_end=ref_tokens[-1].end)
    if kind == "addition":
        content = _content(hyp_tokens, lang)
        if not content:
            return None
        return Span(start, end, hyp[start:end], "addition", _severity(content, hyp_tokens),
                    round(min(1.0, 0.3 + 0.15 * len(content)), 3), None)
    numbers = _numbers_differ(hyp_tokens, ref_tokens)
    if sim >= PARAPHRASE and not numbers:
        return None
    severity = "major" if sim < 0.5 or numbers else "minor"
    return Span(start, end, hyp[start:end], "substitution", severity, round(min(1.0, max(0.0, 1 - sim)), 3),
                _text(ref, ref_tokens), ref_start=ref_tokens[0].start, ref_end=ref_tokens[-1].end)


def _trim(tokens: Sequence[Token]) -> Sequence[Token]:
    """Tokens without the punctuation at either end (a span starts and ends on a word)."""
    words = [i for i, t in enumerate(tokens) if t.is_word]
    return tokens[words[0] : words[-1] + 1] if words else tokens


def _text(text: str, tokens: Sequence[Token]) -> str:
    return text[tokens[0].start : tokens[-1].end]


def _same(a: Token, b: Token) -> bool:
    return a.text.casefold() == b.text.casefold()


def _severity(content: Sequence[Token], tokens: Sequence[Token]) -> str:
    return "major" if len(content) >= 3 or any(_NUMBER.search(t.text) for t in tokens) else "minor"


def _numbers_differ(hyp_tokens: Sequence[Token], ref_tokens: Sequence[Token]) -> bool:
    hyp_numbers = {t.text for t in hyp_tokens if _NUMBER.search(t.text)}
    ref_numbers = {t.text for t in ref_tokens if _NUMBER.search(t.text)}
    return hyp_numbers != ref_numbers
