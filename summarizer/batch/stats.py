"""Corpus statistics: per-system scores with bootstrap confidence intervals, ranking and paired
significance, added up from batches so that a corpus of any size streams through. Driven by the
run's metrics (:mod:`summarizer.check.scores`): every metric's segment statistics are kept and
resampled the same way.

Resampling follows sacrebleu's significance module: 1,000 resamples of the segments (seed 12345
unless given), 95 % intervals, and for several systems a paired bootstrap test of each system
against the best one (by the checker score), on the same resampled segments.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Mapping

import numpy as np

from ..check import CorpusResult, Metric
from ..check.scores import display_order

RANK_BY = "score"


class SystemTotals:
    """What a system's corpus scores need, collected segment by segment in compact float32 arrays
    (a few dozen numbers a segment): each metric's statistics, and the number of flags."""

    def __init__(self) -> None:
        self._stats: dict[str, array] = {}
        self._width: dict[str, int] = {}
        self.segments = 0
        self.spans = 0

    def add_stats(self, stats: Mapping[str, np.ndarray], spans: int) -> None:
        """Add one segment: its statistics per metric and its number of flags."""
        for name, row in stats.items():
            values = [float(x) for x in row]
            self._width.setdefault(name, len(values))
            self._stats.setdefault(name, array("f")).extend(values)
        self.segments += 1
        self.spans += spans

    def add(self, result: CorpusResult, index: int) -> None:
        """Add segment ``index`` of a checked batch."""
        self.add_stats({m: stats[index] for m, stats in result.stats.items()}, len(result.segments[index].spans))

    def matrix(self, metric: str) -> np.ndarray:
        """The statistics of ``metric``, one row per segment."""
        return np.frombuffer(self._stats[metric], dtype=np.float32).reshape(self.segments, -1)

    def __len__(self) -> int:
        return self.segments

    def __contains__(self, metric: str) -> bool:
        """Whether the statistics of ``metric`` were collected."""
        return metric in self._stats


@dataclass(frozen=True)
class SystemScore:
    """Corpus scores of one system (``scores``), each with the half-width of its 95 % bootstrap
    interval (``intervals``); ``system.bleu`` and ``system.bleu_ci`` read them by name.

    ``p_value`` is the paired bootstrap test of this system against the best one (by ``score``);
    ``None`` for the best system itself, or when systems were not scored on the same segments.
    """

    system: str
    segments: int
    scores: dict[str, float]
    intervals: dict[str, float]
    flags: int
    rank: int
    p_value: float | None

    def __getattr__(self, name: str) -> float:
        scores, intervals = self.__dict__.get("scores", {}), self.__dict__.get("intervals", {})
        if name in scores:
            return scores[name]
        if name.endswith("_ci") and name[:-3] in intervals:
            return intervals[name[:-3]]
        raise AttributeError(name)

    def to_dict(self) -> dict:
        record: dict = {"system": self.system, "segments": self.segments}
        for name, value in self.scores.items():
            record[name], record[f"{name}_ci"] = round(value, 4), round(self.intervals[name], 4)
        return {**record, "flags": self.flags, "rank": self.rank,
                "p_value": None if self.p_value is None else round(self.p_value, 4)}


def _half_width(samples: np.ndarray) -> float:
    ordered = np.sort(samples)
    low = len(ordered) // 40
    return float(0.5 * (ordered[len(ordered) - low - 1] - ordered[low]))


def _resamples(totals: dict[str, SystemTotals], metrics: Mapping[str, Metric], n_samples: int,
               seed: int) -> dict[str, dict[str, np.ndarray]]:
    """Every metric's score on ``n_samples`` bootstrap resamples of each system's segments (paired:
    the same resamples for all systems when they have the same number of segments).

    Each resample is drawn as per-segment counts (``bincount`` of n draws) and applied to the
    float32 statistics, so memory stays proportional to the corpus, not to corpus × resamples.
    """
    n = len(next(iter(totals.values())))
    paired = all(len(t) == n for t in totals.values())
    rng = np.random.default_rng(seed)
    data = {name: {m: t.matrix(m) for m in metrics} for name, t in totals.items()}
    samples = {name: {m: np.empty(n_samples) for m in metrics} for name in totals}
    for r in range(n_samples):
        shared = np.bincount(rng.integers(0, n, n), minlength=n).astype(np.float32) if paired else None
        for name, stats in data.items():
            size = len(totals[name])
            counts = shared if paired else np.bincount(rng.integers(0, size, size), minlength=size).astype(np.float32)
            for m, metric in metrics.items():
                samples[name][m][r] = metric.corpus_score(counts @ stats[m])
    return samples


def system_scores(totals: dict[str, SystemTotals], metrics: Mapping[str, Metric], n_samples: int = 1000,
                  seed: int = 12345) -> list[SystemScore]:
    """Ranked corpus scores (best ``score`` first) with intervals and paired tests against the best."""
    metrics = {m: metrics[m] for m in display_order(list(metrics)) if all(m in t for t in totals.values())}
    actual = {name: {m: metric.corpus_score(t.matrix(m).sum(axis=0, dtype=np.float64)) for m, metric in metrics.items()}
              for name, t in totals.items()}
    samples = _resamples(totals, metrics, n_samples, seed)
    paired = len({len(t) for t in totals.values()}) == 1
    order = sorted(totals, key=lambda name: -actual[name][RANK_BY])
    best = order[0]
    results = []
    for rank, name in enumerate(order, 1):
        p_value = None
        if paired and name != best:
            deltas = samples[name][RANK_BY] - samples[best][RANK_BY]
            real = actual[name][RANK_BY] - actual[best][RANK_BY]
            centred = np.abs(deltas - deltas.mean())
            p_value = float((np.sum(centred >= abs(real)) + 1) / (len(deltas) + 1))
        intervals = {m: _half_width(samples[name][m]) for m in metrics}
        results.append(SystemScore(name, len(totals[name]), actual[name], intervals, totals[name].spans, rank, p_value))
    return results
