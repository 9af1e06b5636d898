"""Corpora for batch checking: line-aligned files (sacrebleu style) or COMET-style records, read
as a stream and checked batch by batch (:class:`BatchChecker`, optionally in worker processes;
:class:`CorpusCheck` adds the per-system totals and the report), written as rows (:func:`write_row`).

Both readers yield :class:`Record` objects one at a time, so a corpus of any size streams. Every
problem is reported as ``file:line: what is wrong``; line counts of aligned files are compared
before anything is read for scoring, so a mismatch stops the run before any output is written.
"""

from __future__ import annotations

import collections
import csv
import itertools
import json
import multiprocessing
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from .inputs import InputError, json_object
from .report import ReportBuilder, SystemScore, SystemTotals, system_scores

MAX_LINE_CHARS = 2_000_000  # a single segment longer than this is refused (a stray binary file)


@dataclass(frozen=True)
class Record:
    """One segment to check: a hypothesis (``mt``) with its references, as COMET names them."""

    id: str
    system: str
    mt: str
    refs: tuple[str, ...]
    src: str | None = None
    doc: str | None = None
    where: str = ""  # file:line, for messages


def _lines(path: str) -> Iterator[tuple[int, str | InputError]]:
    """Decoded lines of a UTF-8 file (BOM and CRLF handled), numbered from 1, streamed; a line that
    cannot be decoded comes as an :class:`InputError` value, so the caller may skip it."""
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a text file") from None
    with fh:
        for number, raw in enumerate(fh, 1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if b"\x00" in raw:
                yield number, InputError(f"{path}:{number}: NUL byte; this looks like a binary file, expected UTF-8 text")
                continue
            try:
                line = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as err:
                yield number, InputError(f"{path}:{number}: invalid UTF-8 (byte 0x{raw[err.start]:02x}); "
                                         "re-save the file as UTF-8")
                continue
            if len(line) > MAX_LINE_CHARS:
                yield number, InputError(f"{path}:{number}: line longer than {MAX_LINE_CHARS:,} characters")
                continue
            yield number, line


def count_lines(path: str) -> int:
    """Number of lines (a last line without a newline counts)."""
    try:
        with open(path, "rb") as fh:
            data_lines = 0
            last = b"\n"
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                data_lines += chunk.count(b"\n")
                last = chunk[-1:]
            return data_lines + (last != b"\n")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a text file") from None


def read_aligned(hyp_paths: Sequence[str], ref_paths: Sequence[str],
                 system_names: Sequence[str] | None = None) -> Iterator[Record | InputError]:
    """Records from line-aligned hypothesis files (one per system) and reference files.

    All files must have the same number of lines; this is checked first, so a mismatch stops the
    run before any record is produced. Records come system by system, in line order; a line
    that cannot be read comes as an :class:`InputError` value (see :func:`records`).
    """
    if system_names and len(system_names) != len(hyp_paths):
        raise InputError(f"--system-names has {len(system_names)} names for {len(hyp_paths)} hypothesis files")
    names = list(system_names) if system_names else [Path(p).stem for p in hyp_paths]
    if len(set(names)) != len(names):
        raise InputError(f"system names must differ: {', '.join(names)} (use --system-names)")
    counts = {path: count_lines(path) for path in [*hyp_paths, *ref_paths]}
    expected = counts[hyp_paths[0]]
    for path, count in counts.items():
        if count != expected:
            raise InputError(f"{path} has {count} lines but {hyp_paths[0]} has {expected}; "
                             "hypotheses and references must be line-aligned")
    if expected == 0:
        raise InputError(f"{hyp_paths[0]}: the input is empty")
    for name, hyp_path in zip(names, hyp_paths):
        streams = [_lines(hyp_path)] + [_lines(p) for p in ref_paths]
        for rows in zip(*streams):
            number = rows[0][0]
            error = next((line for _, line in rows if isinstance(line, InputError)), None)
            yield error or Record(str(number), name, rows[0][1], tuple(line for _, line in rows[1:]),
                                  where=f"{hyp_path}:{number}")


def _record(fields: dict, where: str, number: int) -> Record:
    mt = fields.get("mt")
    if not isinstance(mt, str):
        raise InputError(f"{where}: missing 'mt' (the machine translation)")
    refs = fields.get("refs")
    if refs is None:
        refs = [fields["ref"]] if isinstance(fields.get("ref"), str) and fields["ref"] != "" else []
    if isinstance(refs, str):
        refs = [refs]
    if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
        raise InputError(f"{where}: 'refs' must be a list of strings")

    def text(key: str) -> str | None:
        value = fields.get(key)
        return None if value in (None, "") else str(value)
    return Record(text("id") or str(number), text("system") or "system", mt, tuple(refs), text("src"), text("doc"), where)


def read_records(path: str) -> Iterator[Record | InputError]:
    """COMET-style records from ``.jsonl``, ``.tsv`` or ``.csv``: fields ``mt`` and ``ref`` (or a
    JSON list ``refs``), optional ``src``, ``id``, ``system``, ``doc``. A bad record comes as an
    :class:`InputError` value (see :func:`records`); a bad file (missing, no header) raises."""
    suffix = Path(path).suffix.lower()
    if suffix not in (".jsonl", ".json", ".tsv", ".csv"):
        raise InputError(f"{path}: unknown record format {suffix or '(no extension)'}; use .jsonl, .tsv or .csv")
    lines = _lines(path)
    header: list[str] | None = None
    if suffix in (".tsv", ".csv"):
        number, first = next(lines, (0, InputError(f"{path}: the input is empty")))
        if isinstance(first, InputError):
            raise first
        header = _split(first, suffix)
        if "mt" not in header:
            raise InputError(f"{path}:1: the header has no 'mt' column (columns: {', '.join(header)})")
    seen = False
    for number, line in lines:
        if isinstance(line, InputError):
            yield line
            continue
        if not line.strip():
            continue
        seen = True
        where = f"{path}:{number}"
        try:
            yield _record(_fields(line, header, suffix, where), where, number)
        except InputError as err:
            yield err
    if not seen:
        raise InputError(f"{path}: no records")


def _split(line: str, suffix: str) -> list[str]:
    return next(csv.reader([line], delimiter="\t" if suffix == ".tsv" else ","))


def _fields(line: str, header: list[str] | None, suffix: str, where: str) -> dict:
    if header is None:
        return json_object(line, where, "'mt' and 'ref'")
    row = _split(line, suffix)
    if len(row) != len(header):
        raise InputError(f"{where}: {len(row)} fields but the header has {len(header)}")
    fields = dict(zip(header, row))
    if "refs" in fields:
        try:
            fields["refs"] = json.loads(fields["refs"])
        except json.JSONDecodeError:
            raise InputError(f"{where}: 'refs' must be a JSON list of strings") from None
    return fields


def records(items: Iterable[Record | InputError], on_error: str, log: Callable[[str], None]) -> Iterator[Record]:
    """The records of a reader; a bad record stops the run (``on_error='fail'``) or is logged and
    skipped (``'skip'``)."""
    for item in items:
        if isinstance(item, InputError):
            if on_error != "skip":
                raise item
            log(f"skipped {item}")
            continue
        yield item


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of up to ``size`` consecutive items."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


_worker_checker = None


def _start_worker(options: dict) -> None:
    global _worker_checker
    from .check import Checker

    _worker_checker = Checker(**options)


def _check_in_worker(pairs: tuple[list[str], list[tuple[str, ...]]]):
    return _worker_checker.check_corpus(*pairs)


class BatchChecker:
    """Checks batches of records in input order, in this process or in ``workers`` processes.

    ``options`` are :class:`~summarizer.check.Checker` arguments. With workers, at most two batches
    per worker are in flight, so memory stays flat however long the input is; each worker builds
    its own checker (and, unless ``use_encoder=False``, loads its own copy of the model).
    """

    def __init__(self, options: dict, workers: int = 1):
        self.options = options
        self.workers = workers
        self._checker = None

    def run(self, batches: Iterable[list[Record]]):
        """Yield ``(batch, result)``: the batch's records and a CorpusResult for those with references, or None."""
        if self.workers <= 1:
            for batch in batches:
                yield batch, self._check_here(batch)
            return
        # Forking is cheap, but unsafe once torch holds threads: spawn fresh processes when a model is used.
        context = multiprocessing.get_context("spawn" if self.options.get("use_encoder", True) else "fork")
        with context.Pool(self.workers, initializer=_start_worker, initargs=(self.options,)) as pool:
            pending: collections.deque = collections.deque()
            for batch in batches:
                pairs = _pairs(batch)
                pending.append((batch, pool.apply_async(_check_in_worker, (pairs,)) if pairs[0] else None))
                while len(pending) >= 2 * self.workers:
                    done, job = pending.popleft()
                    yield done, job.get() if job else None
            while pending:
                done, job = pending.popleft()
                yield done, job.get() if job else None

    def _check_here(self, batch: list[Record]):
        hyps, refs = _pairs(batch)
        if not hyps:
            return None
        if self._checker is None:
            from .check import Checker

            self._checker = Checker(**self.options)
        return self._checker.check_corpus(hyps, refs)


def _pairs(batch: list[Record]) -> tuple[list[str], list[tuple[str, ...]]]:
    with_refs = [r for r in batch if r.refs]
    return [r.mt for r in with_refs], [r.refs for r in with_refs]


COLUMNS = ["id", "system", "score", "bleu", "chrf", "ter", "flags", "spans"]  # of TSV and CSV output


def segment_row(record: Record, result) -> dict:
    """One output record: the checker's SegmentResult, or phrasebook spans alone (``result`` is a span list)."""
    if isinstance(result, list):
        return {"id": record.id, "system": record.system, "score": None, "bleu": None, "chrf": None, "ter": None,
                "spans": [s.to_dict() for s in result]}
    return {"id": record.id, "system": record.system, **result.to_dict()}


def _table_writer(out, fmt: str):
    return csv.writer(out, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")


def flags_text(spans: list[dict], arrow: str = "->") -> str:
    """The flags of a row on one line: ``text -> suggestion; text; …``."""
    return "; ".join(f"{s['text']} {arrow} {s['suggestion']}" if s["suggestion"] else s["text"] for s in spans)


def write_header(out, fmt: str) -> None:
    """The header line of TSV and CSV output (nothing for the other formats)."""
    if fmt in ("tsv", "csv"):
        _table_writer(out, fmt).writerow(COLUMNS)


def write_row(out, row: dict, fmt: str, where: str) -> None:
    """Write one row as ``jsonl``, ``tsv``, ``csv`` or ``text`` (one line per flag, ``where:start-end: …``)."""
    if fmt == "jsonl":
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt in ("tsv", "csv"):
        flat = dict(row, flags=len(row["spans"]), spans=flags_text(row["spans"]))
        _table_writer(out, fmt).writerow(["" if flat[c] is None else flat[c] for c in COLUMNS])
    else:
        for span in row["spans"]:
            fix = f" -> {span['suggestion']!r}" if span["suggestion"] else ""
            note = f"  ({span['note']})" if span.get("note") else ""
            out.write(f"{where}:{span['start']}-{span['end']}: {span['category']} {span['severity']}: "
                      f"{span['text']!r}{fix}{note}\n")


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
        from .check import Checker

        self.lang = options.get("lang", "en")
        self.book = options.get("phrasebook")
        self.checker = Checker(**{**options, "phrasebook": None})  # statistics and signatures; loads no model
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
                    row = segment_row(record, result.segments[position])
                    position += 1
                else:
                    row = segment_row(record, self.book.match(record.mt, self.lang) if self.book else [])
                self._count(row)
                if self.builder:
                    self.builder.add(row, record.mt, record.refs)
                rows.append((record, row))
            yield rows

    def add_done(self, done: Sequence[tuple[Record, dict]]) -> None:
        """Count rows an earlier, interrupted run already wrote (their statistics are recomputed, cheaply)."""
        scored = [(record, row) for record, row in done if record.refs]
        if scored:
            stats = self.checker.segment_stats([r.mt for r, _ in scored], [r.refs for r, _ in scored])
            for k, (record, row) in enumerate(scored):
                self.totals.setdefault(record.system, SystemTotals()).add_stats(
                    {name: stats[name][k] for name in stats}, row["score"], len(row["spans"]))
        for _, row in done:
            self._count(row)

    def _count(self, row: dict) -> None:
        self.segments += 1
        self.flags += len(row["spans"])

    def ranking(self, n_samples: int = 1000) -> list[SystemScore]:
        """Systems ranked by corpus score, with bootstrap intervals and paired p-values vs the best."""
        if self.totals and not self.signatures:  # everything came from a resumed run's file
            self.signatures = self.checker.signatures()
        return system_scores(self.totals, self.checker.metrics, n_samples=n_samples) if self.totals else []

    def report(self, ranking: list[SystemScore]) -> str:
        """The self-contained HTML report (needs ``report=True``)."""
        return self.builder.html(ranking, self.signatures)
