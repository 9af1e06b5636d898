"""The self-contained HTML report of a corpus check (:class:`ReportBuilder`): the ranking and
signatures, a histogram of segment scores per system, the most frequent flags (grouped by what
was flagged and what is suggested instead, function-word-only changes left out) and the
lowest-scoring segments with their spans marked and a legend; built row by row in bounded memory."""

from __future__ import annotations

import heapq
import html
from collections import Counter

import numpy as np

from ..check.spans import SEVERITIES, gap_marks, marked_html, reference_marks
from ..text import profile
from .output import format_ranking, format_signatures
from .stats import SystemScore


class ReportBuilder:
    """Collects, row by row, what the HTML report shows, in memory bounded by ``worst``, the number
    of systems and the number of distinct flags: a histogram of segment scores per system, the most
    frequent flags with their suggestions, and the ``worst`` lowest-scoring segments with their spans.
    ``lang`` (the target language) tells content words from function words."""

    def __init__(self, worst: int = 20, bins: int = 20, lang: str = "en"):
        self.bins = bins
        self.histograms: dict[str, np.ndarray] = {}
        self.flags: Counter = Counter()  # (flagged, suggested) → times
        self.kinds: dict[tuple[str, str], tuple[int, str]] = {}  # → its worst (severity, type)
        self.profile = profile(lang)
        self._worst: list[tuple[float, int, dict]] = []
        self._keep = worst
        self._seen = 0

    def add(self, row: dict, mt: str, refs: tuple[str, ...]) -> None:
        for span in row["spans"]:
            key = (span["text"].casefold(), (span["suggestion"] or "").casefold())
            if not any(self.profile.is_content(w) for w in " ".join(key).split()):
                continue  # "the → a", "of → in": function words only
            self.flags[key] += 1
            kind = (SEVERITIES.index(span["severity"]), span.get("type") or span["category"])
            self.kinds[key] = max(self.kinds.get(key, kind), kind)
        if row["score"] is None:
            return
        histogram = self.histograms.setdefault(row["system"], np.zeros(self.bins, dtype=int))
        histogram[min(self.bins - 1, int(row["score"] * self.bins / 100))] += 1
        self._seen += 1
        # span offsets on the reference side are into the closest reference: shown when there is one
        marks = reference_marks(row["spans"]) + row.get("omissions", []) if len(refs) == 1 else []
        item = (-row["score"], self._seen, {**row, "mt": mt, "ref": refs[0] if refs else "", "ref_marks": marks})
        if len(self._worst) < self._keep:
            heapq.heappush(self._worst, item)
        elif item > self._worst[0]:
            heapq.heapreplace(self._worst, item)

    @property
    def histogram(self) -> np.ndarray:
        """Segment scores of all systems together, in ``bins`` bins of equal width over 0–100."""
        return sum(self.histograms.values(), np.zeros(self.bins, dtype=int))

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
        parts.append("<h2>Segment scores</h2>" + "".join(
            f"<figure><figcaption>{esc(system)}</figcaption>{_chart(counts)}</figure>"
            for system, counts in self.histograms.items()))
        parts.append("<h2>Most frequent flags</h2><p class='note'>Grouped by what was flagged and what is suggested "
                     "instead; worst severity first, then the most frequent; changes of function words only "
                     "(<i>the → a</i>) are left out.</p><table><tr><th>flagged</th><th>suggested</th><th>severity</th>"
                     "<th>type</th><th>times</th></tr>")
        frequent = sorted(self.flags.most_common(200), key=lambda item: (-self.kinds[item[0]][0], -item[1]))[:30]
        for (text, suggestion), count in frequent:
            severity, kind = self.kinds[(text, suggestion)]
            parts.append(f"<tr><td>{esc(text)}</td><td>{esc(suggestion) or '–'}</td><td>{SEVERITIES[severity]}</td>"
                         f"<td>{esc(kind)}</td><td>{count}</td></tr>")
        parts.append("</table><h2>Lowest-scoring segments</h2>" + _LEGEND +
                     "<table><tr><th>id</th><th>system</th><th>score</th>"
                     "<th>machine translation (flags marked)</th><th>reference (suggested wording marked)</th></tr>")
        for row in self.worst():
            parts.append(f"<tr><td>{esc(str(row['id']))}</td><td>{esc(row['system'])}</td><td>{row['score']:.1f}</td>"
                         f"<td>{marked_html(row['mt'], row['spans'] + gap_marks(row.get('omissions', [])))}</td><td>{marked_html(row['ref'], row['ref_marks'])}</td></tr>")
        parts.append("</table></body></html>\n")
        return "".join(parts)



def _chart(counts: np.ndarray) -> str:
    """An SVG histogram with axes: segment score (0–100) across, number of segments up."""
    bins, top = len(counts), max(1, int(counts.max()))
    left, width, height, bar = 40, 560, 140, 560 / len(counts)
    rects = "".join(
        f"<rect x='{left + i * bar:.1f}' y='{10 + height - h:.1f}' width='{bar - 2:.1f}' height='{h:.1f}'>"
        f"<title>score {100 * i // bins}–{100 * (i + 1) // bins}: {n} segments</title></rect>"
        for i, n in enumerate(counts) for h in [height * n / top])
    x_ticks = "".join(f"<text x='{left + i * bar:.1f}' y='{height + 26}'>{100 * i // bins}</text>"
                      for i in range(0, bins + 1, 4))
    y_ticks = "".join(f"<text x='{left - 6}' y='{10 + height - height * v / top + 4:.1f}' text-anchor='end'>{v}</text>"
                      for v in sorted({0, top // 2, top}))
    axes = (f"<line x1='{left}' y1='{10 + height}' x2='{left + width}' y2='{10 + height}'/>"
            f"<line x1='{left}' y1='10' x2='{left}' y2='{10 + height}'/>"
            f"<text x='{left + width / 2}' y='{height + 44}' text-anchor='middle'>segment score</text>"
            f"<text x='12' y='{10 + height / 2}' text-anchor='middle' transform='rotate(-90 12 {10 + height / 2})'>"
            "segments</text>")
    return (f"<svg class='chart' viewBox='0 0 {left + width + 10} {height + 52}' role='img' "
            f"aria-label='histogram of segment scores'>{axes}{rects}{x_ticks}{y_ticks}</svg>")


_LEGEND = ("<p class='legend'>Marks: <mark class='critical'>critical</mark> <mark class='major'>major</mark> "
           "<mark class='minor'>minor</mark> flags in the MT (hover for the suggestion); in the reference, the "
           "wording suggested instead, and <mark class='minor omission'>underlined</mark> what the MT left out "
           "(<mark class='minor gap'>\u2038</mark> where). Flags with no suggestion mark text to check.</p>")

_CSS = ("body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222}"
        "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.3em .6em;"
        "vertical-align:top;text-align:left}th{background:#f3f3f3}code{font-size:13px}.note{color:#555}"
        "mark.critical{background:#f47c7c}mark.major{background:#f8b4b4}mark.minor{background:#fde68a}mark{background:#fde68a}"
        "mark.omission{background:none;text-decoration:underline wavy #c0392b}"
        "mark.gap{background:none;color:#c0392b;font-weight:bold;padding:0 1px}"
        ".chart{width:100%;max-width:610px}.chart rect{fill:#4a7bd0}.chart text{font-size:11px;fill:#555}"
        ".chart line{stroke:#555}figure{margin:.5em 0}figcaption{font-weight:600}.legend mark{padding:0 .3em}")
