"""Word/phrase alignment of a hypothesis to a reference, and sentence alignment of two documents.

Phrase alignment: tokens are matched exactly or after normalisation (case, punctuation, simple
inflection) with difflib; each unmatched region becomes an :class:`Edit` — a substitution (hypothesis
phrase ↔ reference phrase), an addition (hypothesis phrase with no counterpart) or an omission
(reference phrase missing from the hypothesis). The checker then decides, with contextual evidence,
which edits are errors and which are harmless paraphrases.

Sentence alignment (:func:`align_sentences`): a dynamic programme over 1–1, 1–2, 2–1, 1–0 and 0–1
links scored by embedding similarity and length ratio, as in classic bitext aligners.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..text import LanguageProfile, Token


@dataclass(frozen=True)
class Edit:
    """One unmatched region: ``hyp[h1:h2]`` against ``ref[r1:r2]`` (token indices)."""

    kind: str  # substitution | addition | omission | inflection (same word, another form)
    h1: int
    h2: int
    r1: int
    r2: int


def align_tokens(hyp: Sequence[Token], ref: Sequence[Token], lang: LanguageProfile) -> list[Edit]:
    """Edits turning the hypothesis into the reference, after exact/normalised matching."""
    matcher = difflib.SequenceMatcher(None, [lang.normal_form(t.text) for t in hyp],
                                      [lang.normal_form(t.text) for t in ref], autojunk=False)
    edits = []
    for op, h1, h2, r1, r2 in matcher.get_opcodes():
        if op == "equal":
            # Matched only after normalisation: same word, different form ("go" / "goes").
            edits.extend(Edit("inflection", h1 + k, h1 + k + 1, r1 + k, r1 + k + 1) for k in range(h2 - h1)
                         if hyp[h1 + k].text.casefold() != ref[r1 + k].text.casefold())
        elif op == "replace":
            edits.append(Edit("substitution", h1, h2, r1, r2))
        elif op == "delete":
            edits.append(Edit("addition", h1, h2, r1, r2))
        elif op == "insert":
            edits.append(Edit("omission", h1, h2, r1, r2))
    return edits


@dataclass(frozen=True)
class SentencePair:
    """Aligned sentences of two documents: indices into each side's sentence list (either may be empty)."""

    hyp: tuple[int, ...]
    ref: tuple[int, ...]


def align_sentences(hyp_vectors: np.ndarray, ref_vectors: np.ndarray, hyp_lengths: Sequence[int],
                    ref_lengths: Sequence[int], skip_cost: float = 0.3) -> list[SentencePair]:
    """Monotonic alignment of two sentence lists (unit-length vectors and character lengths).

    A link's score is the cosine of the (averaged) sentence vectors times a length-ratio factor;
    leaving a sentence unaligned (1–0 / 0–1) scores ``-skip_cost``. Returns the best-scoring path.
    """
    n, m = len(hyp_lengths), len(ref_lengths)
    best = np.full((n + 1, m + 1), -np.inf)
    back: dict[tuple[int, int], tuple[int, int]] = {}
    best[0, 0] = 0.0
    moves = [(1, 1), (1, 2), (2, 1), (1, 0), (0, 1)]

    def link(i0: int, i1: int, j0: int, j1: int) -> float:
        if i0 == i1 or j0 == j1:
            return -skip_cost
        h = hyp_vectors[i0:i1].sum(axis=0)
        r = ref_vectors[j0:j1].sum(axis=0)
        cos = float(h @ r / ((np.linalg.norm(h) * np.linalg.norm(r)) or 1.0))
        lh, lr = sum(hyp_lengths[i0:i1]) + 1, sum(ref_lengths[j0:j1]) + 1
        ratio = min(lh, lr) / max(lh, lr)
        merge_penalty = 0.05 if (i1 - i0) + (j1 - j0) > 2 else 0.0
        return cos * (0.5 + 0.5 * ratio) - merge_penalty

    for i in range(n + 1):
        for j in range(m + 1):
            if best[i, j] == -np.inf:
                continue
            for di, dj in moves:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                value = best[i, j] + link(i, ni, j, nj)
                if value > best[ni, nj]:
                    best[ni, nj] = value
                    back[(ni, nj)] = (i, j)
    pairs = []
    i, j = n, m
    while (i, j) != (0, 0):
        pi, pj = back[(i, j)]
        pairs.append(SentencePair(tuple(range(pi, i)), tuple(range(pj, j))))
        i, j = pi, pj
    return pairs[::-1]
