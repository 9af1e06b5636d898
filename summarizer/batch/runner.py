"""Checking batches of records in input order, in this process or in worker processes."""

from __future__ import annotations

import collections
import ctypes
import ctypes.util
import multiprocessing
import os
import signal
from typing import Iterable, Iterator

from ..check import Checker, CorpusResult
from .records import Record

_worker_checker: Checker | None = None
PR_SET_PDEATHSIG = 1  # prctl(2) option


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


def _check_in_worker(pairs: tuple[list[str], list[tuple[str, ...]]]) -> CorpusResult:
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
        self._checker: Checker | None = None

    def run(self, batches: Iterable[list[Record]]) -> Iterator[tuple[list[Record], CorpusResult | None]]:
        """Yield ``(batch, result)``: the batch's records and a CorpusResult for those with references, or None."""
        if self.workers <= 1:
            for batch in batches:
                yield batch, self.check(batch)
            return
        # Fresh processes: forking a process that holds threads (torch's, a server's) can deadlock the child.
        context = multiprocessing.get_context("spawn")
        with context.Pool(self.workers, initializer=_start_worker, initargs=(self.options, os.getpid())) as pool:
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

    def check(self, batch: list[Record]) -> CorpusResult | None:
        """The batch's records with references checked here, as one CorpusResult (None when none has one)."""
        hyps, refs = _pairs(batch)
        if not hyps:
            return None
        if self._checker is None:
            self._checker = Checker(**self.options)
        return self._checker.check_corpus(hyps, refs)


def _pairs(batch: list[Record]) -> tuple[list[str], list[tuple[str, ...]]]:
    with_refs = [r for r in batch if r.refs]
    return [r.mt for r in with_refs], [r.refs for r in with_refs]
