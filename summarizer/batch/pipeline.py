"""Batch checking end to end: records → checked rows → per-system totals, ranking and report
(:class:`CorpusCheck`); rows written atomically with resume after an interruption
(:func:`write_rows`); a checked document as rows and a ranking (:func:`document_rows`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

from ..check import Checker, DocumentResult, Span
from ..check.spans import by_importance, keep
from ..check.scores import MeanMetric, display_order
from ..inputs import InputError
from .output import RowWriter, segment_row
from .records import Record, batched
from .report import ReportBuilder
from .runner import BatchChecker
from .stats import SystemScore, SystemTotals, system_scores


class CorpusCheck:
    """Check a stream of records and keep what the ranking and the report need.

    ``options`` are :class:`~summarizer.check.Checker` arguments; their ``phrasebook`` also flags
    the records that have no reference. Memory is bounded by a batch, the per-system statistics
    (a few numbers per segment) and the report's worst segments.

    >>> run = CorpusCheck({"lang": "en", "use_encoder": False, "phrasebook": None})
    >>> rows = [row for batch in run.run([[Record("1", "mt", "The cat sat.", ("The cat sat.",))]]) for _, row in batch]
    >>> rows[0]["chrf"], run.segments, [s.system for s in run.ranking(n_samples=10)]
    (100.0, 1, ['mt'])
    """

    def __init__(self, options: dict, workers: int = 1, report: bool = False):
        self.lang = options.get("lang", "en")
        self.book = options.get("phrasebook")
        self.checker = Checker(**{**options, "phrasebook": None})  # statistics and signatures; loads no model
        self.metrics = display_order(list(self.checker.metrics()))
        self.runner = BatchChecker(options, workers=workers)
        self.totals: dict[str, SystemTotals] = {}
        self.builder = ReportBuilder() if report else None
        self.signatures: dict[str, str] = {}
        self.segments = self.flags = 0

    def run(self, batches: Iterable[list[Record]]) -> Iterator[list[tuple[Record, dict]]]:
        """For each batch, its records with their output rows, in input order."""
        for batch, result in self.runner.run(batches):
            if result is not None:
                self.signatures = result.signatures
            rows, position = [], 0
            for record in batch:
                if record.refs:
                    self.totals.setdefault(record.system, SystemTotals()).add(result, position)
                    row = segment_row(record, result.segments[position], self.metrics)
                    position += 1
                else:
                    row = segment_row(record, self._phrasebook_flags(record.mt), self.metrics)
                self._count(row, record)
                rows.append((record, row))
            yield rows

    def _phrasebook_flags(self, text: str) -> list[Span]:
        """A record with no reference: the phrasebook's matches, filtered and worst first, as the checker's."""
        found = self.book.match(text, self.lang) if self.book else []
        return by_importance(s for s in found if keep(s, self.checker.min_severity, self.checker.min_confidence))

    def add_done(self, done: Sequence[tuple[Record, dict]]) -> None:
        """Count rows an earlier, interrupted run already wrote: lexical statistics are recomputed
        (cheaply), averaged scores are read from the rows."""
        scored = [(record, row) for record, row in done if record.refs]
        if scored:
            stats = self.checker.segment_stats([r.mt for r, _ in scored], [r.refs for r, _ in scored])
            for name, metric in self.checker.metrics().items():
                if isinstance(metric, MeanMetric):
                    stats[name] = np.asarray([[row[name], 1.0] for _, row in scored], dtype=np.float64)
            for k, (record, row) in enumerate(scored):
                self.totals.setdefault(record.system, SystemTotals()).add_stats(
                    {name: rows[k] for name, rows in stats.items()}, len(row["spans"]))
        for record, row in done:
            self._count(row)

    def _count(self, row: dict, record: Record | None = None) -> None:
        self.segments += 1
        self.flags += len(row["spans"])
        if self.builder and record is not None:
            self.builder.add(row, record.mt, record.refs)

    def ranking(self, n_samples: int = 1000) -> list[SystemScore]:
        """Systems ranked by corpus score, with bootstrap intervals and paired p-values vs the best."""
        if self.totals and not self.signatures:  # everything came from a resumed run's file
            self.signatures = {name: metric.signature() for name, metric in self.checker.metrics().items()}
        return system_scores(self.totals, self.checker.metrics(), n_samples=n_samples) if self.totals else []

    def summary(self, ranking: list[SystemScore], n_samples: int) -> dict:
        """What ``--summary`` writes: corpus scores with intervals, the ranking and the signatures."""
        return {"systems": [s.to_dict() for s in ranking], "signatures": self.signatures,
                "segments": self.segments, "flags": self.flags, "bootstrap": n_samples}

    def report(self, ranking: list[SystemScore]) -> str:
        """The self-contained HTML report (needs ``report=True``)."""
        return self.builder.html(ranking, self.signatures)


def partial_path(output: str) -> Path:
    """Where rows go until the run completes (and what ``resume`` continues from)."""
    return Path(f"{output}.partial")


def _resume_point(partial: Path) -> list[dict]:
    """The complete rows an interrupted run left in ``partial`` (a torn last line is dropped)."""
    done = []
    with open(partial, encoding="utf-8") as fh:
        for line in fh:
            if not line.endswith("\n"):
                break
            done.append(json.loads(line))
    with open(partial, "w", encoding="utf-8") as fh:  # drop a torn last line
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in done)
    return done


def write_rows(run: CorpusCheck, records: Iterable[Record], output: str | None, fmt: str | None, batch_size: int,
               resume: bool = False, progress: Callable[[int], None] = lambda n: None, out=None) -> None:
    """Check ``records`` in batches and write their rows in ``fmt`` (None: write nothing).

    With an ``output`` file, rows go to ``OUTPUT.partial``, renamed to ``output`` when the run
    completes; an error removes it, an interruption (Ctrl-C) keeps it, and ``resume=True``
    continues from it (JSONL only): rows already written are counted, not checked again.
    Without one, rows go to ``out`` as they come. ``progress`` is called with each batch's size.
    """
    partial = partial_path(output) if fmt and output not in (None, "-") else None
    if resume and (partial is None or fmt != "jsonl"):
        raise InputError("--resume needs -o FILE and --format jsonl")
    done = _resume_point(partial) if resume and partial.exists() else []
    progress(len(done))

    def fresh_batches() -> Iterator[list[Record]]:
        for batch in batched(enumerate(records), batch_size):
            run.add_done([(r, done[i]) for i, r in batch if i < len(done)])
            todo = [r for i, r in batch if i >= len(done)]
            if todo:
                yield todo

    sink = open(partial, "a" if done else "w", encoding="utf-8", newline="") if partial else out
    writer = RowWriter(sink, fmt, run.metrics) if fmt else None
    try:
        if writer and not done:
            writer.header()
        for rows in run.run(fresh_batches()):
            for record, row in rows if writer else ():
                writer.row(row, record.where)
            if partial:
                sink.flush()
            progress(len(rows))
    except BaseException as err:
        if partial:
            sink.close()
            if not isinstance(err, KeyboardInterrupt) and not resume:
                partial.unlink(missing_ok=True)
        raise
    if partial:
        sink.close()
        os.replace(partial, output)


def document_rows(result: DocumentResult, metrics: Sequence[str], system: str = "mt-doc") -> list[tuple[Record, dict]]:
    """One row per aligned sentence pair of a checked document, spans and omissions with offsets
    into the documents (``mt_start``/``ref_start`` … give each pair's place)."""
    rows = []
    for number, pair in enumerate(result.pairs, 1):
        record = Record(str(number), system, pair.mt_text, (pair.ref_text,) if pair.ref_text else ())
        row = segment_row(record, pair.result if pair.result else [], metrics)
        row["spans"] = [s.to_dict() for s in result.spans if pair.mt_start <= s.start < max(pair.mt_end, 0)]
        row["omissions"] = [o.to_dict() for o in result.omissions if pair.ref_start <= o.start < max(pair.ref_end, 0)]
        row.update(mt_start=pair.mt_start, mt_end=pair.mt_end, ref_start=pair.ref_start, ref_end=pair.ref_end)
        rows.append((record, row))
    return rows


def document_ranking(result: DocumentResult, checker: Checker, n_samples: int = 1000,
                     system: str = "mt-doc") -> list[SystemScore]:
    """The document's corpus scores with bootstrap intervals over its sentence pairs."""
    totals = SystemTotals()
    for index in range(len(result.corpus.segments)):
        totals.add(result.corpus, index)
    return system_scores({system: totals}, checker.metrics(), n_samples=n_samples)
