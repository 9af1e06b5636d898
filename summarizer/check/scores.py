"""The metric seam: every score the checker reports is a :class:`Metric`.

As in sacrebleu, a metric turns each segment into a row of *statistics* that add up: the sum of
the rows of any set of segments gives that set's corpus score. Segment scores, corpus scores,
batches added up in any order, bootstrap resamples (weighted sums of rows), rankings, paired
tests, output columns, the HTML report and the page are all driven by the list of metrics, so a
new metric is one class and one entry in :data:`REGISTRY`, in this file.

Metrics are computed in registry order; a metric may use the segment scores of those before it
(``score`` combines chrF++ and BERTScore).
"""

from __future__ import annotations

import functools
import json
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from importlib import resources
from typing import Callable, Sequence

import numpy as np
from sacrebleu.metrics import BLEU, CHRF, TER

from ..version import __version__
from ..text import LanguageProfile

RESCALE_BASELINE = 0.5  # BERTScore recall mapped to 0 when nothing better is known (see encoder_constants)
PENALTY = {"critical": 10.0, "major": 5.0, "minor": 1.0}  # score points per flag, times its confidence
MAX_TER_TOKENS = 200  # TER is computed on a segment's first this-many tokens (see CappedTER)


@dataclass
class Segments:
    """What metrics score: hypotheses, their references, and the segment scores computed so far.

    ``bertscore`` returns the BERTScore recall (0–1) of a hypothesis against its references, or is
    None when no encoder covers the target language; ``flags`` are each segment's spans.
    """

    hypotheses: Sequence[str]
    references: Sequence[Sequence[str]]
    bertscore: Callable[[str, Sequence[str]], float] | None = None
    scores: dict[str, list[float]] = field(default_factory=dict)
    flags: Sequence[Sequence] | None = None  # each segment's spans, for the checker score's penalty


class Metric(ABC):
    """One score: ``name`` (its key in results), segment statistics that add up, a signature."""

    name = ""
    higher_is_better = True
    lexical = True  # its statistics need no model (so worker processes may compute them ahead)

    @abstractmethod
    def statistics(self, segments: Segments) -> np.ndarray:
        """One row of statistics per segment."""

    def segment_score(self, row: np.ndarray) -> float:
        return self.corpus_score(row)

    @abstractmethod
    def corpus_score(self, total: np.ndarray) -> float:
        """The score of the (possibly weighted) sum of segment rows."""

    @abstractmethod
    def signature(self) -> str:
        """How the score was computed, to report beside it (as sacrebleu signatures do)."""

    def note(self, hypothesis: str, references: Sequence[str]) -> str | None:
        """What a reader of this segment's score should know (e.g. it covers only part of it), or None."""
        return None

    def saw(self, references: Sequence[Sequence[str]]) -> None:
        """Take note of references whose statistics were computed by another object of this metric
        (in a worker process), as computing them would have (sacrebleu signatures count references)."""


class SacrebleuMetric(Metric):
    """A sacrebleu metric: its own segment statistics, sentence and corpus scores and signature."""

    def __init__(self, name: str, sentence, corpus=None, higher_is_better: bool = True):
        self.name, self.higher_is_better = name, higher_is_better
        self.sentence, self.corpus = sentence, corpus or sentence

    def statistics(self, segments: Segments) -> np.ndarray:
        """Per-segment statistics; a pair seen before in the corpus (several systems writing the same
        output, one row per rater) is computed once."""
        if not segments.hypotheses:
            return np.zeros((0, 0))
        keys = [(h, tuple(rs)) for h, rs in zip(segments.hypotheses, segments.references)]
        first: dict[tuple[str, tuple[str, ...]], int] = {}
        for key in keys:
            first.setdefault(key, len(first))
        refs = [list(rs) for _, rs in first]
        streams = [[rs[i] if i < len(rs) else "" for rs in refs] for i in range(max(len(rs) for rs in refs))]
        rows = np.asarray(self.corpus._extract_corpus_statistics([h for h, _ in first], streams), dtype=np.float64)
        return rows[[first[key] for key in keys]]

    def segment_score(self, row: np.ndarray) -> float:
        return float(self.sentence._compute_score_from_stats(list(row)).score)

    def saw(self, references: Sequence[Sequence[str]]) -> None:
        if references:  # statistics() pads missing references with "", so every segment counts them all
            self.corpus.num_refs = max(len(r) for r in references)

    def corpus_score(self, total: np.ndarray) -> float:
        return float(self.corpus._compute_score_from_stats(list(total)).score)

    def signature(self) -> str:
        return str(self.corpus.get_signature())


class CappedTER(SacrebleuMetric):
    """sacrebleu's TER on each segment's first ``max_tokens`` whitespace tokens (hypothesis and
    references): TER's shift search grows with the square of a segment's length, so a very long
    segment would take minutes and gigabytes. Segments within the cap score exactly as sacrebleu's."""

    def __init__(self, asian_support: bool, max_tokens: int = 200):
        self.max_tokens = max_tokens
        super().__init__("ter", TER(asian_support=asian_support), higher_is_better=False)

    def _head(self, text: str) -> str:
        words = text.split()
        return text if len(words) <= self.max_tokens else " ".join(words[: self.max_tokens])

    def statistics(self, segments: Segments) -> np.ndarray:
        return super().statistics(Segments([self._head(h) for h in segments.hypotheses],
                                           [[self._head(r) for r in rs] for rs in segments.references]))

    def note(self, hypothesis: str, references: Sequence[str]) -> str | None:
        if max(len(t.split()) for t in [hypothesis, *references]) > self.max_tokens:
            return f"TER on the first {self.max_tokens} tokens"
        return None

    def signature(self) -> str:
        return f"{super().signature()}|max-tokens:{self.max_tokens}"


class MeanMetric(Metric):
    """A per-segment value averaged over segments: statistics ``[value, 1]``."""

    @abstractmethod
    def values(self, segments: Segments) -> list[float]:
        """The value of each segment."""

    def statistics(self, segments: Segments) -> np.ndarray:
        values = self.values(segments)
        return np.column_stack([values, np.ones(len(values))]) if values else np.zeros((0, 2))

    def corpus_score(self, total: np.ndarray) -> float:
        return float(total[0] / total[1]) if total[1] else 0.0


class BERTScoreRecall(MeanMetric):
    """BERTScore recall (0–100) with the sentence encoder's token vectors, best over references."""

    name, lexical = "bertscore", False

    def __init__(self, encoder: str):
        self.encoder = encoder

    def values(self, segments: Segments) -> list[float]:
        return [100 * segments.bertscore(h, r) for h, r in zip(segments.hypotheses, segments.references)]

    def signature(self) -> str:
        return f"bertscore-R:{self.encoder}|idf:no|summarizer:{__version__}"


@functools.lru_cache(maxsize=1)
def _encoder_table() -> dict:
    return json.loads(resources.files("summarizer").joinpath("data", "encoders.json").read_text(encoding="utf-8"))


def encoder_constants(encoder: str | None = None) -> dict:
    """The constants kept as data for a known encoder (``rescale``, its unrelated-pair anchors), or
    ``{}``; with no name, those of the anchor encoder other encoders are mapped from."""
    table = _encoder_table()  # read once: the swap test asks for the anchor once per segment
    if encoder is None:
        return next(v for k, v in table.items() if isinstance(v, dict) and v.get("anchor"))
    return table.get(encoder, {})


class CheckerScore(MeanMetric):
    """The checker's segment score: mean of chrF++ and BERTScore recall rescaled so that the
    encoder's baseline (``rescale``) → 0 and 1 → 100 (chrF++ alone where no encoder covers the language), less
    a penalty for each flagged error, by severity and confidence (:data:`PENALTY`): a meaning error
    costs more than a paraphrase, which is not flagged at all."""

    name, lexical = "score", False

    def __init__(self, encoder: str | None, rescale: float = RESCALE_BASELINE, source: str = "default"):
        self.encoder, self.rescale, self.source = encoder, rescale, source

    def values(self, segments: Segments) -> list[float]:
        chrf = segments.scores["chrf"]
        if "bertscore" in segments.scores:
            base = [(c + _rescale(b / 100, self.rescale)) / 2 for c, b in zip(chrf, segments.scores["bertscore"])]
        else:
            base = list(chrf)
        flags = segments.flags or [()] * len(base)
        return [max(0.0, value - sum(PENALTY[s.severity] * s.confidence for s in spans))
                for value, spans in zip(base, flags)]

    def signature(self) -> str:
        penalty = "penalty:" + ",".join(f"{k}={v:g}" for k, v in PENALTY.items())
        if self.encoder is None:
            return f"chrF++|{penalty}|summarizer:{__version__}"
        how = "" if self.source == "data" else f":{self.source}"  # computed: from unrelated reference pairs
        return (f"mean(chrF++,bertscore-R:{self.encoder}|rescale:{self.rescale:.3g}{how})|{penalty}"
                f"|summarizer:{__version__}")


class LengthRatio(Metric):
    """Hypothesis length as a percentage of the (first) reference's, in characters: 100 = as long."""

    name, higher_is_better = "length", False

    def statistics(self, segments: Segments) -> np.ndarray:
        rows = [[len(h), len(r[0]) if r else 0] for h, r in zip(segments.hypotheses, segments.references)]
        return np.asarray(rows, dtype=np.float64).reshape(-1, 2)

    def corpus_score(self, total: np.ndarray) -> float:
        return float(100 * total[0] / total[1]) if total[1] else 0.0

    def signature(self) -> str:
        return f"length:chars|ref:first|summarizer:{__version__}"


def _rescale(recall: float, baseline: float) -> float:
    return float(min(100.0, max(0.0, 100 * (recall - baseline) / (1 - baseline))))


@dataclass(frozen=True)
class Settings:
    """What metrics are built from: the target language, the BLEU tokenizer, the encoder's name
    (None when no encoder covers the language) and its BERTScore baseline with where it comes from."""

    lang: LanguageProfile
    tokenize: str
    encoder: str | None
    rescale: float = RESCALE_BASELINE
    rescale_source: str = "default"


@dataclass(frozen=True)
class MetricSpec:
    """A registered metric: its column header and how to build it (None: not available here)."""

    label: str
    build: Callable[[Settings], Metric | None]


# name → metric, in computation order (a metric may use the scores of those above it).
REGISTRY: dict[str, MetricSpec] = {
    "bleu": MetricSpec("BLEU", lambda s: SacrebleuMetric(
        "bleu", BLEU(effective_order=True, tokenize=s.tokenize), BLEU(tokenize=s.tokenize))),
    "chrf": MetricSpec("chrF++", lambda s: SacrebleuMetric("chrf", CHRF(word_order=2))),
    "ter": MetricSpec("TER", lambda s: CappedTER(s.lang.ter_asian_support, MAX_TER_TOKENS)),
    "bertscore": MetricSpec("BERTScore-R", lambda s: BERTScoreRecall(s.encoder) if s.encoder else None),
    "length": MetricSpec("length %", lambda s: LengthRatio()),
    "score": MetricSpec("score", lambda s: CheckerScore(s.encoder, s.rescale, s.rescale_source)),
}
DEFAULT_METRICS = ("score", "bleu", "chrf", "ter")
REQUIRED = ("score", "chrf", "bertscore")  # the checker score and what it is made of; always computed


def build_metrics(names: Sequence[str] | None, settings: Settings) -> dict[str, Metric]:
    """The metrics to compute, ``name → Metric`` in computation order: those named (default
    :data:`DEFAULT_METRICS`) plus what the checker score needs; BERTScore only with an encoder."""
    wanted = set(names or DEFAULT_METRICS) | set(REQUIRED)
    unknown = sorted(wanted - set(REGISTRY))
    if unknown:
        raise ValueError(f"unknown metric {', '.join(unknown)}; choose from {', '.join(REGISTRY)}")
    metrics = {name: REGISTRY[name].build(settings) for name in REGISTRY if name in wanted}
    return {name: metric for name, metric in metrics.items() if metric is not None}


def display_order(names: Sequence[str]) -> list[str]:
    """Metric names in the order they are shown: the checker score first, then registry order."""
    return sorted(names, key=lambda n: (n != "score", list(REGISTRY).index(n)))


def label(name: str) -> str:
    """A metric's column header ("chrF++" for ``chrf``)."""
    return REGISTRY[name].label if name in REGISTRY else name
