"""Batch checking end to end: records → checked rows → per-system totals, ranking and report
(:class:`CorpusCheck`); rows written atomically with resume after an interruption
(:func:`write_rows`); a checked document as rows and a ranking (:func:`document_rows`).
"""

from __future__ import annotations

import hashlib
import itertools
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Mapping, Sequence

import numpy as np

from ..check import Checker, CorpusResult, DocumentResult, Span
from ..check.spans import by_importance, keep
from ..check.scores import display_order
from ..inputs import InputError, atomic_output, writes_in_place
from .journal import Journal, manifest as journal_manifest, skip_done
from .output import RowWriter, segment_row
from .records import Record, batched, segment_key
from .report import ReportBuilder
from .runner import BatchChecker
from .shards import Corpus
from .stats import SystemScore, SystemTotals, system_scores

if TYPE_CHECKING:
    from .cluster import RayEngine


class CorpusCheck:
    """Check a stream of records and keep what the ranking and the report need.

    ``options`` are :class:`~summarizer.check.Checker` arguments; their ``phrasebook`` also flags
    the records that have no reference. Memory is bounded by a batch, the per-system statistics
    (a few numbers per segment) and the report's worst segments.

    >>> run = CorpusCheck({"lang": "en", "use_encoder": False, "phrasebook": None})
    >>> rows = [row for batch in run.run([[Record("1", "mt", "The cat sat.", ("The cat sat.",))]]) for _, row, _ in batch]
    >>> rows[0]["chrf"], run.segments, [s.system for s in run.ranking(n_samples=10)]
    (100.0, 1, ['mt'])
    """

    def __init__(self, options: dict, workers: int = 1, report: bool = False, lexical_workers: int = 0):
        self.lang = options.get("lang", "en")
        self.book = options.get("phrasebook")
        self.checker = Checker(**{**options, "phrasebook": None})  # statistics and signatures; loads no model
        self.metrics = display_order(list(self.checker.metrics()))
        self.runner = BatchChecker(options, workers=workers, lexical_workers=lexical_workers)
        self.totals: dict[str, SystemTotals] = {}
        self.builder = ReportBuilder(lang=self.lang) if report else None
        self.signatures: dict[str, str] = {}
        self.segments = self.flags = self.blank = 0  # blank: records with neither text nor reference

    def prepare(self, first: Sequence[Record]) -> None:
        """Fix what every batch must share before any is checked: the encoder's BERTScore baseline
        (kept as data for known encoders, else computed here once from the ``first`` records'
        references, and handed to every worker)."""
        if "rescale" in self.runner.options or not self.runner.options.get("use_encoder", True):
            return
        self.checker.baseline([r for record in first for r in record.refs])  # a no-op when already known
        self.runner.options.update(rescale=self.checker.rescale, rescale_source=self.checker.rescale_source,
                                   unrelated_cosine=self.checker.unrelated_cosine)

    def run(self, batches: Iterable[list[Record]]) -> Iterator[list[tuple[Record, dict, dict | None]]]:
        """For each batch, its records with their output rows and statistics (each metric's
        statistics row, for the corpus scores; None without a reference), in input order."""
        batches = iter(batches)
        first = next(batches, None)
        if first is None:
            return
        self.prepare(first)
        yield from self.rows(self.runner.run(itertools.chain([first], batches)))

    def rows(self, checked: Iterable[tuple[list[Record], CorpusResult | None]]) -> Iterator[list[tuple[Record, dict, dict | None]]]:
        """:meth:`run` for batches checked elsewhere (by a cluster): ``(batch, result)`` as
        :meth:`BatchChecker.run` gives them."""
        for batch, result in checked:
            if result is not None:
                self.signatures = result.signatures
            rows, position = [], 0
            for record in batch:
                stats = None
                if record.refs:
                    self.totals.setdefault(record.system, SystemTotals()).add(result, position)
                    row = segment_row(record, result.segments[position], self.metrics)
                    stats = {m: [float(x) for x in values[position]] for m, values in result.stats.items()}
                    position += 1
                else:
                    row = segment_row(record, self._phrasebook_flags(record.mt), self.metrics)
                self._count(row, record, _blank(record))
                rows.append((record, row, stats))
            yield rows

    def _phrasebook_flags(self, text: str) -> list[Span]:
        """A record with no reference: the phrasebook's matches, filtered and worst first, as the checker's."""
        found = self.book.match(text, self.lang) if self.book else []
        return by_importance(s for s in found if keep(s, self.checker.min_severity, self.checker.min_confidence))

    def add_done(self, entries: Iterable[dict]) -> None:
        """Count records an earlier, interrupted run finished (journal entries: ``system``, ``row``
        and ``stats``), without checking them again."""
        for entry in entries:
            if entry.get("stats"):
                self.totals.setdefault(entry["system"], SystemTotals()).add_stats(
                    {m: np.asarray(v) for m, v in entry["stats"].items()}, len(entry["row"]["spans"]))
            self._count(entry["row"], blank=entry.get("blank", False))

    def settings(self) -> dict:
        """The options that change this run's results, as JSON values (for a resume manifest)."""
        book = self.book
        return {"lang": self.lang, "flags": self.checker.flags_signature(), "metrics": self.metrics,
                "min_severity": self.checker.min_severity, "min_confidence": self.checker.min_confidence,
                **{k: self.runner.options.get(k) for k in ("rescale", "rescale_source", "unrelated_cosine")},
                "tokenize": self.checker.tokenize,
                "phrasebook": hashlib.sha256("\n".join(sorted(map(repr, book.entries))).encode()).hexdigest()
                if book else None}

    def _count(self, row: dict, record: Record | None = None, blank: bool = False) -> None:
        self.segments += 1
        self.blank += blank
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


def write_rows(run: CorpusCheck, corpus: Corpus, output: str | None, fmt: str | None, batch_size: int,
               resume: bool = False, progress: Callable[[int], None] = lambda n: None, out=None,
               inputs: Mapping[str, str] | None = None, options: Mapping | None = None,
               note: Callable[[str], None] = lambda message: None, engine: RayEngine | None = None) -> None:
    """Check the records of ``corpus`` in batches and write their rows in ``fmt`` (None: write nothing).

    The records are read and checked here (by ``run``'s workers), or, with an ``engine``, read and
    checked on a Ray cluster; the rows are the same. With an ``output`` file, checked records go to
    a locked journal (``OUTPUT.partial``, see :mod:`summarizer.batch.journal`), and the output is
    written all at once when the run completes. The journal's manifest holds the run's settings,
    the reading ``options`` given and a fingerprint of each of ``inputs`` (name → path; on the
    cluster, with an ``engine``): resuming with any of them changed is refused. An error removes the journal of a fresh run; an
    interruption (Ctrl-C, SIGTERM) keeps it, and ``resume=True`` continues from it: finished
    records are counted from their stored statistics, not checked again (nor, on a cluster, the
    shards they finish read again). Without an output file (or to a device such as ``/dev/null``),
    rows go to ``out`` as they come. ``progress`` gets each batch's size; ``note`` each bad record skipped.
    """
    local = None if engine else corpus.records(note)
    head = list(itertools.islice(local, batch_size)) if local is not None else corpus.head(batch_size)
    run.prepare(head)  # from the input's first records, whatever a resume skips

    def checked(done: Sequence[dict]) -> Iterator[list[tuple[Record, dict, dict | None]]]:
        if engine:
            return run.rows(engine.check(corpus, run.runner.options, batch_size, done, note))
        return run.run(batched(skip_done(itertools.chain(head, local), done), batch_size,
                               key=lambda r: (corpus.shard_of(r.where), segment_key(r))))  # as the cluster's readers

    if output in (None, "-") or fmt is None or writes_in_place(output):
        if resume:
            raise InputError("--resume needs -o FILE (the run's progress is kept beside it)")
        with atomic_output(None if fmt is None else output) as sink:  # stdout, or a device such as /dev/null
            _stream_rows(checked([]), fmt, run.metrics, progress, out if output in (None, "-") else sink)
        return
    settings = {**(options or {}), **run.settings()}
    book = Journal(output, journal_manifest(settings, dict(inputs or {}), engine.fingerprints if engine else None), note)
    done = book.open(resume)
    try:
        run.add_done(done)
        progress(len(done))
        for rows in checked(done):
            book.append({"where": r.where, "id": r.id, "system": r.system, "row": row, "stats": stats,
                         **({"blank": True} if _blank(r) else {})} for r, row, stats in rows)
            progress(len(rows))
    except BaseException as err:
        if isinstance(err, KeyboardInterrupt) or done:
            book.close()
        else:
            book.discard()
        raise

    def write(entries: Iterator[dict]) -> None:
        with atomic_output(output) as fh:
            writer = RowWriter(fh, fmt, run.metrics)
            writer.header()
            for entry in entries:
                writer.row(entry["row"], entry["where"])
    book.finish(write)


def _blank(record: Record) -> bool:
    """A record with neither text nor reference (a blank line of a phrasebook-only check)."""
    return not record.refs and not record.mt.strip()


def _stream_rows(checked: Iterable[list[tuple[Record, dict, dict | None]]], fmt: str | None, metrics: Sequence[str],
                 progress: Callable[[int], None], out) -> None:
    writer = RowWriter(out, fmt, metrics) if fmt else None
    if writer:
        writer.header()
    for rows in checked:
        for record, row, _ in rows if writer else ():
            writer.row(row, record.where)
        progress(len(rows))


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
