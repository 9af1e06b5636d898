"""Writing what a check produced: per-segment rows (JSONL, TSV, CSV, text), the system ranking and
the signatures (text, Markdown, HTML). Columns follow the run's metrics, so a new metric needs no
change here.
"""

from __future__ import annotations

import csv
import html
import json
from typing import IO, Sequence

from ..check import SegmentResult, Span
from ..check.scores import label
from .records import Record
from .stats import SystemScore

FORMATS = ("text", "jsonl", "tsv", "csv")


def segment_row(record: Record, result: SegmentResult | Sequence[Span], metrics: Sequence[str]) -> dict:
    """One output record: a checked segment, or phrasebook spans alone (no reference: scores are None)."""
    if isinstance(result, SegmentResult):
        return {"id": record.id, "system": record.system, **result.to_dict()}
    return {"id": record.id, "system": record.system, **{m: None for m in metrics},
            "spans": [s.to_dict() for s in result]}


def flags_text(spans: Sequence[dict], arrow: str = "->") -> str:
    """The flags of a row on one line: ``text -> suggestion; text; …``."""
    return "; ".join(f"{s['text']} {arrow} {s['suggestion']}" if s["suggestion"] else s["text"] for s in spans)


class RowWriter:
    """Writes rows as ``jsonl``, ``tsv``, ``csv`` or ``text`` (one line per flag: ``where:line:col: …``)."""

    def __init__(self, out: IO[str], fmt: str, metrics: Sequence[str]):
        if fmt not in FORMATS:
            raise ValueError(f"unknown row format {fmt!r}; use one of {', '.join(FORMATS)}")
        self.out, self.fmt = out, fmt
        self.columns = ["id", "system", *metrics, "flags", "spans"]
        self._table = csv.writer(out, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")

    def header(self) -> None:
        """The header line of TSV and CSV output (nothing for the other formats)."""
        if self.fmt in ("tsv", "csv"):
            self._table.writerow(self.columns)

    def row(self, row: dict, where: str = "", text: str | None = None) -> None:
        """One row; for ``text``, ``where`` names the segment and ``text`` (when given) turns span
        offsets into line:column."""
        if self.fmt == "jsonl":
            self.out.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif self.fmt in ("tsv", "csv"):
            flat = dict(row, flags=len(row["spans"]), spans=flags_text(row["spans"]))
            self._table.writerow(["" if flat.get(c) is None else flat[c] for c in self.columns])
        else:
            for span in row["spans"]:
                fix = f" -> {span['suggestion']!r}" if span["suggestion"] else ""
                note = f"  ({span['note']})" if span.get("note") else ""
                self.out.write(f"{where}:{_position(span['start'], span['end'], text)}: {span['category']} "
                               f"{span['severity']}: {span['text']!r}{fix}{note}\n")


def _position(start: int, end: int, text: str | None) -> str:
    if text is None:
        return f"{start}-{end}"
    line = text.count("\n", 0, start) + 1
    return f"{line}:{start - (text.rfind(chr(10), 0, start) + 1) + 1}"


def ranking_table(ranking: Sequence[SystemScore]) -> tuple[list[str], list[list[str]]]:
    """Headers and cells of the system ranking (metric columns as ``value ± half-width``)."""
    metrics = list(ranking[0].scores) if ranking else []
    headers = ["rank", "system", "segments", *[label(m) for m in metrics], "flags", "p vs best"]
    rows = [[str(s.rank), s.system, str(s.segments), *[f"{s.scores[m]:.2f} ± {s.intervals[m]:.2f}" for m in metrics],
             str(s.flags), "–" if s.p_value is None else f"{s.p_value:.4f}" + (" *" if s.p_value < 0.05 else "")]
            for s in ranking]
    return headers, rows


def format_ranking(ranking: Sequence[SystemScore], fmt: str = "text") -> str:
    """The ranking as a plain-text table (``text``), a Markdown table or an HTML table."""
    headers, rows = ranking_table(ranking)
    if fmt == "markdown":
        lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])
    if fmt == "html":
        head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
        return f"<table><tr>{head}</tr>{body}</table>"
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    return "\n".join("  ".join(cell.ljust(w) if i == 1 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths)))
                     .rstrip() for r in [headers, *rows])


def format_signatures(signatures: dict[str, str], fmt: str = "text") -> str:
    """One line per metric signature, as text, Markdown or HTML."""
    if fmt == "markdown":
        return "\n".join(f"- {name}: `{sig}`" for name, sig in signatures.items())
    if fmt == "html":
        items = "".join(f"<li><b>{html.escape(n)}</b>: <code>{html.escape(s)}</code></li>" for n, s in signatures.items())
        return f"<ul>{items}</ul>"
    return "\n".join(f"{name}: {sig}" for name, sig in signatures.items())

