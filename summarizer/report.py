"""Corpus summaries: per-system scores with bootstrap confidence intervals, ranking and paired
significance, added up from batches so that a corpus of any size streams through.

Resampling follows sacrebleu's significance module: 1,000 resamples of the segments (seed 12345
unless given), 95 % intervals, and for several systems a paired bootstrap test of each system
against the best one, on the same resampled segments.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from .check import CorpusResult

METRICS = ("bleu", "chrf", "ter")


@dataclass
class SystemTotals:
    """What a system's corpus scores need, collected batch by batch: sacrebleu statistics and checker scores."""

    stats: dict[str, list] = field(default_factory=lambda: {m: [] for m in METRICS})
    scores: list[float] = field(default_factory=list)
    spans: int = 0

    def add(self, result: CorpusResult, index: int) -> None:
        """Add segment ``index`` of a checked batch."""
        for name in METRICS:
            self.stats[name].append(result.stats[name][index])
        self.scores.append(result.segments[index].score)
        self.spans += len(result.segments[index].spans)


@dataclass(frozen=True)
class SystemScore:
    """Corpus scores of one system, each with the half-width of its 95 % bootstrap interval.

    ``p_value`` is the paired bootstrap test of this system against the best one (by ``score``);
    ``None`` for the best system itself, or when systems were not scored on the same segments.
    """

    system: str
    segments: int
    score: float
    score_ci: float
    bleu: float
    bleu_ci: float
    chrf: float
    chrf_ci: float
    ter: float
    ter_ci: float
    flags: int
    rank: int
    p_value: float | None

    def to_dict(self) -> dict:
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in asdict(self).items()}


def _samples(totals: SystemTotals, metrics: dict, indices: np.ndarray) -> dict[str, np.ndarray]:
    """Each metric's value on every resample (rows of ``indices``), plus the actual value at key ``(name, 'actual')``."""
    out: dict = {}
    for name in METRICS:
        stats = np.asarray(totals.stats[name], dtype=np.float64)
        metric = metrics[name]
        out[name] = np.array([metric._compute_score_from_stats(list(row)).score for row in stats[indices].sum(axis=1)])
        out[(name, "actual")] = metric._compute_score_from_stats(list(stats.sum(axis=0))).score
    scores = np.asarray(totals.scores)
    out["score"] = scores[indices].mean(axis=1)
    out[("score", "actual")] = float(scores.mean())
    return out


def _half_width(samples: np.ndarray) -> float:
    ordered = np.sort(samples)
    low = len(ordered) // 40
    return float(0.5 * (ordered[len(ordered) - low - 1] - ordered[low]))


def system_scores(totals: dict[str, SystemTotals], metrics: dict, n_samples: int = 1000,
                  seed: int = 12345) -> list[SystemScore]:
    """Ranked corpus scores (best ``score`` first) with intervals and paired tests against the best."""
    n = len(next(iter(totals.values())).scores)
    paired = all(len(t.scores) == n for t in totals.values())
    rng = np.random.default_rng(seed)
    shared = rng.choice(n, size=(n_samples, n)) if paired else None
    samples = {}
    for name, t in totals.items():
        indices = shared if paired else rng.choice(len(t.scores), size=(n_samples, len(t.scores)))
        samples[name] = _samples(t, metrics, indices)
    order = sorted(totals, key=lambda n: -samples[n][("score", "actual")])
    best = order[0]
    results = []
    for rank, name in enumerate(order, 1):
        s = samples[name]
        p_value = None
        if paired and name != best:
            deltas = s["score"] - samples[best]["score"]
            real = s[("score", "actual")] - samples[best][("score", "actual")]
            centred = np.abs(deltas - deltas.mean())
            p_value = float((np.sum(centred >= abs(real)) + 1) / (len(deltas) + 1))
        results.append(SystemScore(
            name, len(totals[name].scores), s[("score", "actual")], _half_width(s["score"]),
            s[("bleu", "actual")], _half_width(s["bleu"]), s[("chrf", "actual")], _half_width(s["chrf"]),
            s[("ter", "actual")], _half_width(s["ter"]), totals[name].spans, rank, p_value))
    return results


def format_table(scores: list[SystemScore]) -> str:
    """A plain-text ranking, one system per line, as printed on stderr."""
    lines = [f"{'rank':>4}  {'system':<20} {'score':>14} {'BLEU':>14} {'chrF++':>14} {'TER':>14} {'flags':>6}  p (vs best)"]
    for s in scores:
        p = "-" if s.p_value is None else f"{s.p_value:.4f}" + (" *" if s.p_value < 0.05 else "")
        lines.append(f"{s.rank:>4}  {s.system:<20} {s.score:>7.2f} ±{s.score_ci:>5.2f} {s.bleu:>7.2f} ±{s.bleu_ci:>5.2f} "
                     f"{s.chrf:>7.2f} ±{s.chrf_ci:>5.2f} {s.ter:>7.2f} ±{s.ter_ci:>5.2f} {s.flags:>6}  {p}")
    return "\n".join(lines)
