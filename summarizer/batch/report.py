"""The self-contained HTML report of a corpus check (:class:`ReportBuilder`): the ranking and
signatures, a histogram of segment scores, the most frequent flags with their suggestions and the
lowest-scoring segments with their spans marked; built row by row in bounded memory."""

from __future__ import annotations

import heapq
import html
from collections import Counter, defaultdict

import numpy as np

from ..check.spans import SEVERITIES, marked_html, reference_marks
from .output import format_ranking, format_signatures
from .stats import SystemScore


class ReportBuilder:
    """Collects, row by row, what the HTML report shows, in memory bounded by ``worst`` and the
    number of distinct flagged phrases: a histogram of segment scores, the most frequent flags with
    their suggestions, and the ``worst`` lowest-scoring segments with their spans."""

    def __init__(self, worst: int = 20, bins: int = 20):
        self.histogram = np.zeros(bins, dtype=int)
        self.flags: Counter = Counter()
        self.suggestions: dict[str, Counter] = defaultdict(Counter)
        self.kinds: dict[str, tuple[int, str]] = {}  # flagged text → its worst (severity, type)
        self._worst: list[tuple[float, int, dict]] = []
        self._keep = worst
        self._seen = 0

    def add(self, row: dict, mt: str, refs: tuple[str, ...]) -> None:
        for span in row["spans"]:
            key = span["text"].casefold()
            self.flags[key] += 1
            kind = (SEVERITIES.index(span["severity"]), span.get("type") or span["category"])
            self.kinds[key] = max(self.kinds.get(key, kind), kind)
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
                 format_ranking(ranking, "html"),
                 "<p class='note'>± is the half-width of the 95 % bootstrap interval; p is the paired "
                 "bootstrap test against the best system.</p><h2>Signatures</h2>", format_signatures(signatures, "html")]
        parts.append("<h2>Segment scores</h2>" + self._chart())
        parts.append("<h2>Most frequent flags</h2><p class='note'>Worst severity first, then the most frequent.</p>"
                     "<table><tr><th>flagged</th><th>severity</th><th>type</th><th>times</th><th>suggested</th></tr>")
        frequent = sorted(self.flags.most_common(200), key=lambda item: (-self.kinds[item[0]][0], -item[1]))[:30]
        for text, count in frequent:
            severity, kind = self.kinds[text]
            suggested = ", ".join(f"{esc(s)} ({n})" for s, n in self.suggestions[text].most_common(3)) or "–"
            parts.append(f"<tr><td>{esc(text)}</td><td>{SEVERITIES[severity]}</td><td>{esc(kind)}</td>"
                         f"<td>{count}</td><td>{suggested}</td></tr>")
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
        "mark.critical{background:#f47c7c}mark.major{background:#f8b4b4}mark.minor{background:#fde68a}mark{background:#fde68a}"
        ".chart{width:100%;max-width:600px}.chart rect{fill:#4a7bd0}.chart text{font-size:11px;fill:#555}")
