"""Checking batches of records in input order, in this process or in worker processes."""

from __future__ import annotations

import collections
import ctypes
import ctypes.util
import itertools
import multiprocessing
import os
import signal
from typing import Iterable, Iterator

from ..check import Checker, CorpusResult, LexicalPart
from ..models import default_device
from .records import Record

_worker_checker: Checker | None = None
PR_SET_PDEATHSIG = 1  # prctl(2) option


def auto_lexical_workers(options: dict) -> int:
    """Lexical worker processes worth running beside the encoder: on a GPU, the cores but one (up
    to 8), since there the lexical work would cap the run; none on the CPU, where the encoder is
    the slow part and already uses every core."""
    if not options.get("use_encoder", True):
        return 0
    device = options.get("device") or default_device()
    return min(8, max(0, (os.cpu_count() or 1) - 1)) if str(device).startswith("cuda") else 0


def lexical_options(options: dict) -> dict:
    """The Checker arguments of a process that computes only the lexical part (no model, no phrasebook)."""
    return {**options, "use_encoder": False, "phrasebook": None}


def _start_worker(options: dict, parent: int) -> None:
    global _worker_checker
    _die_with_parent(parent)
    _worker_checker = Checker(**options)


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this worker when the process that started it dies (even by ``kill -9``),
    so no orphan is left waiting on the pool's queue (Linux; elsewhere the pool ends its workers)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _check_in_worker(pairs: tuple) -> CorpusResult:
    hyps, refs, segments, peers = pairs
    return _worker_checker.check_corpus(hyps, refs, segments=segments, peers=peers)


def _lexical_in_worker(pairs: tuple) -> LexicalPart:
    return _worker_checker.lexical(*pairs[:2])


class BatchChecker:
    """Checks batches of records in input order, in this process or in ``workers`` processes.

    ``options`` are :class:`~summarizer.check.Checker` arguments. With workers, at most two batches
    per worker are in flight, so memory stays flat however long the input is; each worker builds
    its own checker (and, unless ``use_encoder=False``, loads its own copy of the model). With
    ``lexical_workers`` (and one worker), that many processes compute the lexical part of the next
    batches (sacrebleu statistics, alignment: :meth:`Checker.lexical`) while this process runs the
    encoder on the current one, so that on a GPU the lexical work does not cap the run.
    """

    def __init__(self, options: dict, workers: int = 1, lexical_workers: int = 0):
        self.options = options
        self.workers = workers
        self.lexical_workers = lexical_workers
        self._checker: Checker | None = None

    def run(self, batches: Iterable[list[Record]]) -> Iterator[tuple[list[Record], CorpusResult | None]]:
        """Yield ``(batch, result)``: the batch's records and a CorpusResult for those with references, or None."""
        if self.workers <= 1 and self.lexical_workers < 1:
            for batch in batches:
                yield batch, self.check(batch)
            return
        parallel = self.workers > 1
        processes, task = (self.workers, _check_in_worker) if parallel else (self.lexical_workers, _lexical_in_worker)
        options = self.options if parallel else lexical_options(self.options)
        # Fresh processes: forking a process that holds threads (torch's, a server's) can deadlock the child.
        context = multiprocessing.get_context("spawn")
        with context.Pool(processes, initializer=_start_worker, initargs=(options, os.getpid())) as pool:
            pending: collections.deque = collections.deque()
            for batch in batches:
                pairs = _pairs(batch)
                pending.append((batch, pool.apply_async(task, (pairs,)) if pairs[0] else None))
                while len(pending) >= 2 * processes:
                    yield self._finish(*pending.popleft(), parallel)
            while pending:
                yield self._finish(*pending.popleft(), parallel)

    def _finish(self, batch: list[Record], job, checked: bool) -> tuple[list[Record], CorpusResult | None]:
        """A batch and its result: the worker's, or checked here from the worker's lexical part."""
        if job is None:
            return batch, None
        return batch, job.get() if checked else self.check(batch, job.get())

    def check(self, batch: list[Record], lexical: LexicalPart | None = None) -> CorpusResult | None:
        """The batch's records with references checked here, as one CorpusResult (None when none
        has one); ``lexical``: their lexical part, computed elsewhere."""
        hyps, refs, segments, peers = _pairs(batch)
        if not hyps:
            return None
        if self._checker is None:
            self._checker = Checker(**self.options)
        return self._checker.check_corpus(hyps, refs, lexical, segments, peers)


def _pairs(batch: list[Record]) -> tuple[list[str], list[tuple[str, ...]], list[int], list[tuple[str, ...]] | None]:
    """Hypotheses, references, segment numbers and peers of the records that have references. The
    peers are the other systems' lines that line-aligned records carry; without them, one segment
    number per run of consecutive records with the same references (one segment's systems, which
    :func:`~summarizer.batch.records.batched` keeps in one batch), so agreement between systems
    does not depend on how the corpus was cut into batches."""
    with_refs = [r for r in batch if r.refs]
    segments = list(itertools.accumulate(int(i > 0 and r.refs != with_refs[i - 1].refs) for i, r in enumerate(with_refs)))
    peers = [r.peers for r in with_refs] if any(r.peers for r in with_refs) else None
    return [r.mt for r in with_refs], [r.refs for r in with_refs], segments, peers
