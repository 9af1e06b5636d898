"""Corpus summaries: per-system scores with bootstrap confidence intervals, ranking and paired
significance, added up from batches so that a corpus of any size streams through; and the
self-contained HTML report built from them (:class:`ReportBuilder`).

Resampling follows sacrebleu's significance module: 1,000 resamples of the segments (seed 12345
unless given), 95 % intervals, and for several systems a paired bootstrap test of each system
against the best one, on the same resampled segments.
"""

from __future__ import annotations

import heapq
import html
from array import array
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass

import numpy as np

from .check import CorpusResult
from .spans import marked_html, reference_marks

METRICS = ("bleu", "chrf", "ter")


class SystemTotals:
    """What a system's corpus scores need, collected segment by segment in compact arrays (a few
    dozen float32 numbers a segment): sacrebleu's statistics, checker scores and the number of flags."""

    def __init__(self) -> None:
        self._stats = {m: array("f") for m in METRICS}  # float32: counts and lengths, exact far beyond a segment's
        self._width: dict[str, int] = {}
        self._scores = array("d")
        self.spans = 0

    def add_stats(self, stats: dict, score: float, spans: int) -> None:
        """Add one segment: its sacrebleu statistics per metric, its score and its number of flags."""
        for name in METRICS:
            row = [float(x) for x in stats[name]]
            self._width.setdefault(name, len(row))
            self._stats[name].extend(row)
        self._scores.append(score)
        self.spans += spans

    def add(self, result: CorpusResult, index: int) -> None:
        """Add segment ``index`` of a checked batch."""
        segment = result.segments[index]
        self.add_stats({m: result.stats[m][index] for m in METRICS}, segment.score, len(segment.spans))

    def matrix(self, metric: str) -> np.ndarray:
        """The statistics of ``metric``, one row per segment."""
        return np.frombuffer(self._stats[metric], dtype=np.float32).reshape(len(self), -1)

    @property
    def scores(self) -> np.ndarray:
        return np.frombuffer(self._scores, dtype=np.float64)

    def __len__(self) -> int:
        return len(self._scores)


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


def _half_width(samples: np.ndarray) -> float:
    ordered = np.sort(samples)
    low = len(ordered) // 40
    return float(0.5 * (ordered[len(ordered) - low - 1] - ordered[low]))


def system_scores(totals: dict[str, SystemTotals], metrics: dict, n_samples: int = 1000,
                  seed: int = 12345) -> list[SystemScore]:
    """Ranked corpus scores (best ``score`` first) with intervals and paired tests against the best.

    Each resample is drawn as per-segment counts (``bincount`` of n draws) and applied to the
    float32 statistics in place, so memory stays proportional to the corpus, not to corpus ×
    resamples, and no float64 copy of the statistics is made.
    """
    n = len(next(iter(totals.values())))
    paired = all(len(t) == n for t in totals.values())
    rng = np.random.default_rng(seed)
    data = {name: ({m: t.matrix(m) for m in METRICS}, t.scores) for name, t in totals.items()}
    actual = {name: {**{m: metrics[m]._compute_score_from_stats(list(stats[m].sum(axis=0, dtype=np.float64))).score
                        for m in METRICS},
                     "score": float(scores.mean())} for name, (stats, scores) in data.items()}
    samples = {name: {m: np.empty(n_samples) for m in (*METRICS, "score")} for name in totals}
    for r in range(n_samples):
        shared = np.bincount(rng.integers(0, n, n), minlength=n).astype(np.float32) if paired else None
        for name, (stats, scores) in data.items():
            size = len(scores)
            counts = shared if paired else np.bincount(rng.integers(0, size, size), minlength=size).astype(np.float32)
            for m in METRICS:
                samples[name][m][r] = metrics[m]._compute_score_from_stats(list(counts @ stats[m])).score
            samples[name]["score"][r] = counts @ scores / size
    order = sorted(totals, key=lambda name: -actual[name]["score"])
    best = order[0]
    results = []
    for rank, name in enumerate(order, 1):
        p_value = None
        if paired and name != best:
            deltas = samples[name]["score"] - samples[best]["score"]
            real = actual[name]["score"] - actual[best]["score"]
            centred = np.abs(deltas - deltas.mean())
            p_value = float((np.sum(centred >= abs(real)) + 1) / (len(deltas) + 1))
        a, s = actual[name], samples[name]
        results.append(SystemScore(
            name, len(totals[name]), a["score"], _half_width(s["score"]), a["bleu"], _half_width(s["bleu"]),
            a["chrf"], _half_width(s["chrf"]), a["ter"], _half_width(s["ter"]), totals[name].spans, rank, p_value))
    return results


def format_table(scores: list[SystemScore]) -> str:
    """A plain-text ranking, one system per line, as printed on stderr."""
    lines = [f"{'rank':>4}  {'system':<20} {'score':>14} {'BLEU':>14} {'chrF++':>14} {'TER':>14} {'flags':>6}  p (vs best)"]
    for s in scores:
        p = "-" if s.p_value is None else f"{s.p_value:.4f}" + (" *" if s.p_value < 0.05 else "")
        lines.append(f"{s.rank:>4}  {s.system:<20} {s.score:>7.2f} ±{s.score_ci:>5.2f} {s.bleu:>7.2f} ±{s.bleu_ci:>5.2f} "
                     f"{s.chrf:>7.2f} ±{s.chrf_ci:>5.2f} {s.ter:>7.2f} ±{s.ter_ci:>5.2f} {s.flags:>6}  {p}")
    return "\n".join(lines)


class ReportBuilder:
    """Collects, row by row, what the HTML report shows, in memory bounded by ``worst`` and the
    number of distinct flagged phrases: a histogram of segment scores, the most frequent flags with
    their suggestions, and the ``worst`` lowest-scoring segments with their spans."""

    def __init__(self, worst: int = 20, bins: int = 20):
        self.histogram = np.zeros(bins, dtype=int)
        self.flags: Counter = Counter()
        self.suggestions: dict[str, Counter] = defaultdict(Counter)
        self._worst: list[tuple[float, int, dict]] = []
        self._keep = worst
        self._seen = 0

    def add(self, row: dict, mt: str, refs: tuple[str, ...]) -> None:
        for span in row["spans"]:
            key = span["text"].casefold()
            self.flags[key] += 1
            if span["suggestion"]:
                self.suggestions[key][span["suggestion"]] += 1
        if row["score"] is None:
            return
        bins = len(self.histogram)
        self.histogram[min(bins - 1, int(row["score"] * bins / 100))] += 1
        self._seen += 1
        # span offsets on the reference side are into the closest reference: shown when there is one
        marks = reference_marks(row["spans"]) if len(refs) == 1 else []
        item = (-row["score"], self._seen, {**row, "mt": mt, "ref": refs[0] if refs else "", "ref_marks": marks})
        if len(self._worst) < self._keep:
            heapq.heappush(self._worst, item)
        elif item > self._worst[0]:
            heapq.heapreplace(self._worst, item)

    def worst(self) -> list[dict]:
        return [row for _, _, row in sorted(self._worst, reverse=True)]

    def html(self, ranking: list[SystemScore], signatures: dict[str, str], title: str = "summarizer check report") -> str:
        """A self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched)."""
        esc = html.escape
        parts = [f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{esc(title)}</title>",
                 f"<style>{_CSS}</style></head><body><h1>{esc(title)}</h1>", "<h2>Systems</h2>",
                 "<table><tr><th>rank</th><th>system</th><th>segments</th><th>score</th><th>BLEU</th><th>chrF++</th>"
                 "<th>TER</th><th>flags</th><th>p vs best</th></tr>"]
        for s in ranking:
            p = "–" if s.p_value is None else f"{s.p_value:.4f}"
            parts.append(f"<tr><td>{s.rank}</td><td>{esc(s.system)}</td><td>{s.segments}</td>"
                         f"<td>{s.score:.2f} ± {s.score_ci:.2f}</td><td>{s.bleu:.2f} ± {s.bleu_ci:.2f}</td>"
                         f"<td>{s.chrf:.2f} ± {s.chrf_ci:.2f}</td><td>{s.ter:.2f} ± {s.ter_ci:.2f}</td>"
                         f"<td>{s.flags}</td><td>{p}</td></tr>")
        parts.append("</table><p class='note'>± is the half-width of the 95 % bootstrap interval; p is the paired "
                     "bootstrap test against the best system.</p><h2>Signatures</h2><ul>")
        parts += [f"<li><b>{esc(k)}</b>: <code>{esc(v)}</code></li>" for k, v in signatures.items()]
        parts.append("</ul><h2>Segment scores</h2>" + self._chart())
        parts.append("<h2>Most frequent flags</h2><table><tr><th>flagged</th><th>times</th><th>suggested</th></tr>")
        for text, count in self.flags.most_common(30):
            suggested = ", ".join(f"{esc(s)} ({n})" for s, n in self.suggestions[text].most_common(3)) or "–"
            parts.append(f"<tr><td>{esc(text)}</td><td>{count}</td><td>{suggested}</td></tr>")
        parts.append("</table><h2>Lowest-scoring segments</h2><table><tr><th>id</th><th>system</th><th>score</th>"
                     "<th>machine translation (flags marked)</th><th>reference (suggested wording marked)</th></tr>")
        for row in self.worst():
            parts.append(f"<tr><td>{esc(str(row['id']))}</td><td>{esc(row['system'])}</td><td>{row['score']:.1f}</td>"
                         f"<td>{marked_html(row['mt'], row['spans'])}</td><td>{marked_html(row['ref'], row['ref_marks'])}</td></tr>")
        parts.append("</table></body></html>\n")
        return "".join(parts)

    def _chart(self) -> str:
        bins, top = len(self.histogram), max(1, int(self.histogram.max()))
        width, height, bar = 600, 160, 600 / bins
        rects = "".join(
            f"<rect x='{i * bar:.1f}' y='{height - h:.1f}' width='{bar - 2:.1f}' height='{h:.1f}'>"
            f"<title>{100 * i // bins}–{100 * (i + 1) // bins}: {n}</title></rect>"
            for i, n in enumerate(self.histogram) for h in [height * n / top])
        labels = "".join(f"<text x='{i * bar:.1f}' y='{height + 14}'>{100 * i // bins}</text>" for i in range(0, bins, 4))
        return (f"<svg class='chart' viewBox='0 0 {width} {height + 20}' role='img' "
                f"aria-label='histogram of segment scores'>{rects}{labels}</svg>")


_CSS = ("body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222}"
        "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.3em .6em;"
        "vertical-align:top;text-align:left}th{background:#f3f3f3}code{font-size:13px}.note{color:#555}"
        "mark.major{background:#f8b4b4}mark.minor{background:#fde68a}mark{background:#fde68a}"
        ".chart{width:100%;max-width:600px}.chart rect{fill:#4a7bd0}.chart text{font-size:11px;fill:#555}")
