"""What the checker returns: plain frozen records with character offsets into the texts checked.

Scores are a ``{metric name: value}`` mapping (all 0–100; see :mod:`summarizer.check.scores`); the
familiar names (``score``, ``bleu``, ``chrf``, ``ter``, ``bertscore``) are properties over it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .spans import Span


class _Scores:
    """``result.bleu`` and friends, read from ``result.scores`` (None when not computed)."""

    scores: dict

    @property
    def score(self) -> float | None:
        return self.scores.get("score")

    @property
    def bleu(self) -> float | None:
        return self.scores.get("bleu")

    @property
    def chrf(self) -> float | None:
        return self.scores.get("chrf")

    @property
    def ter(self) -> float | None:
        return self.scores.get("ter")

    @property
    def bertscore(self) -> float | None:
        return self.scores.get("bertscore")


@dataclass(frozen=True)
class SegmentResult(_Scores):
    """Scores and flags of one hypothesis against its reference(s).

    ``reference`` is the reference the spans were aligned to (the closest by chrF++); ``spans``
    have offsets into ``hypothesis`` (and ``ref_start``/``ref_end`` into ``reference``);
    ``omissions`` have offsets into ``reference``.
    """

    hypothesis: str
    reference: str
    scores: dict[str, float]
    spans: tuple[Span, ...]
    omissions: tuple[Span, ...] = ()
    notes: tuple[str, ...] = ()  # what a reader should know about the scores (e.g. "TER on the first 200 tokens")

    def to_dict(self) -> dict:
        row = {**{name: round(value, 2) for name, value in self.scores.items()},
               "spans": [s.to_dict() for s in self.spans], "omissions": [s.to_dict() for s in self.omissions]}
        return {**row, "notes": list(self.notes)} if self.notes else row


@dataclass(frozen=True)
class CorpusResult(_Scores):
    """Per-segment results in input order, corpus scores and their signatures.

    ``stats`` holds each metric's per-segment statistics (one row per segment), from which batches
    add up into corpus scores and bootstrap resamples are drawn (see :mod:`summarizer.batch.stats`).
    """

    segments: tuple[SegmentResult, ...]
    scores: dict[str, float]
    signatures: dict[str, str] = field(default_factory=dict)
    stats: dict[str, np.ndarray] = field(default_factory=dict, repr=False, compare=False)


@dataclass(frozen=True)
class AlignedPair:
    """Sentences of the MT and reference documents aligned to each other, with their document offsets
    (``-1`` on a side that is empty: a 1–0 or 0–1 link). ``result`` has offsets into the pair's texts."""

    mt_text: str
    ref_text: str
    mt_start: int
    mt_end: int
    ref_start: int
    ref_end: int
    result: SegmentResult | None = None  # None when one side is empty


@dataclass(frozen=True)
class DocumentResult:
    """A document checked pair by pair, or against the phrasebook alone when there is no reference.

    ``spans`` have offsets into ``mt`` (their ``ref_start``/``ref_end`` into ``ref``); ``omissions``
    have offsets into ``ref``. ``corpus`` is None when nothing could be scored (no reference).
    """

    mt: str
    ref: str
    pairs: tuple[AlignedPair, ...]
    spans: tuple[Span, ...]
    omissions: tuple[Span, ...]
    corpus: CorpusResult | None


@dataclass(frozen=True)
class LexicalPart:
    """What checking a batch needs no model for: the references (lists), the closest of each
    segment's, the word alignments and each lexical metric's statistics (see
    :meth:`~summarizer.check.Checker.lexical`). Plain data, so a worker process can send it."""

    hypotheses: tuple[str, ...]
    references: tuple[tuple[str, ...], ...]
    closest: tuple[str, ...]
    alignments: tuple[Any, ...]  # PairAlignment, one per segment
    stats: dict[str, np.ndarray]
