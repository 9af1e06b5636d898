"""Corpora on a Ray cluster (``--engine ray``): shards read by the cluster, models held by actors.

Each shard is read by a Ray task on the cluster (a streaming generator, at most ``READ_AHEAD``
batches ahead of the driver), and each batch goes to one of a pool of actors that each hold one
model (one GPU per actor when the cluster has GPUs, one CPU otherwise). Results come back to the
driver in input order, at most two per actor in flight, and go to the same writers and statistics as
a local run, so the output is the same. An actor whose process dies is restarted by Ray and its
batches are run again (``max_restarts``/``max_task_retries``). Ray is an optional extra, imported
only here and only when this engine is chosen.
"""

from __future__ import annotations

import collections
import logging
import os
from typing import Any, Callable, Iterable, Iterator, Sequence

from ..check import CorpusResult, Phrasebook
from ..inputs import InputError, read_pages
from ..summarize import Summarizer
from .journal import fingerprint, skip_done
from .pages import FlaggedSummary, summarize_page
from .records import Record, batched, segment_key
from .runner import BatchChecker
from .shards import Corpus

INSTALL = 'pip install "summarizer[ray]"'
READ_AHEAD = 4  # batches a shard's reader may hold before the driver takes them


def ray_module():
    """The ``ray`` module, or a one-line error saying how to install it."""
    try:
        import ray
    except ImportError:
        raise InputError(f"--engine ray needs Ray, an optional extra: {INSTALL}") from None
    return ray


class RayEngine:
    """Runs checks and summaries on Ray: at ``address`` (``auto``: the cluster this machine belongs to)
    or, without one, on a Ray instance started here at first use (stopped again by :meth:`close`);
    one already started in this process is used as it is. ``actors`` models run at once (default: one per GPU
    of the cluster, or one per CPU; more actors than that share the GPUs or CPUs)."""

    def __init__(self, address: str | None = None, actors: int | None = None):
        self.ray = ray_module()
        self.address, self.requested = address, actors
        self.started = self.connected = False
        self.pool: list = []

    def _connect(self) -> None:
        """Join (or start) the cluster on first use and size the actor pool from its resources."""
        if self.connected:
            return
        if not self.ray.is_initialized():
            self.ray.init(address=self.address, include_dashboard=False, log_to_driver=False,
                          logging_level=logging.ERROR)
            self.started = True
        resources = self.ray.cluster_resources()
        self.gpus, cpus = int(resources.get("GPU", 0)), max(1, int(resources.get("CPU", 1)))
        self.actors = self.requested or max(1, self.gpus or cpus)
        # more actors than the cluster has GPUs (or CPUs) share them, rather than wait for ever
        self.share = {"num_gpus": min(1.0, self.gpus / self.actors), "num_cpus": 0} if self.gpus else \
            {"num_gpus": 0, "num_cpus": min(1.0, cpus / self.actors)}
        self.connected = True

    def check(self, corpus: Corpus, options: dict, batch_size: int, done: Sequence[dict] = (),
              note: Callable[[str], None] = lambda message: None) -> Iterator[tuple[list[Record], CorpusResult | None]]:
        """``(batch, result)`` for the records of ``corpus`` after those ``done`` (journal entries of an
        interrupted run: finished shards are not read again), in input order, as
        :meth:`BatchChecker.run` gives them; ``options`` are :class:`~summarizer.check.Checker` arguments."""
        first, partial = resume_point(corpus, done)
        reader = self._reader(_read_shard)
        reads = (reader.remote(corpus, k, batch_size, partial if k == first else []) for k in range(first, len(corpus.shards)))
        for batch, notes, result in self._ordered(reads, _CheckWork, options):
            for message in notes:
                note(message)
            if batch:
                yield batch, result

    def summarize(self, pages: Sequence[str], options: dict) -> Iterator[tuple[str, list[FlaggedSummary]]]:
        """``(source, summaries)`` for every page in ``pages`` (files or directories, read by the
        cluster), in order; ``options``: ``summarizer`` (:class:`Summarizer` arguments),
        ``phrasebook``, ``max_sentences`` and ``max_words``."""
        if "-" in pages:
            raise InputError("--engine ray reads pages on the cluster, not standard input; save it to a file")
        reader = self._reader(_read_pages)
        yield from self._ordered((reader.remote(path) for path in pages), _SummaryWork, options)

    def _reader(self, read: Callable):
        """``read`` (a generator function) as a Ray task on the cluster, streaming its items at most
        ``READ_AHEAD`` ahead of the driver."""
        self._connect()
        return self.ray.remote(num_cpus=0)(read).options(num_returns="streaming",
                                                          _generator_backpressure_num_objects=READ_AHEAD)

    def fingerprints(self, paths: Sequence[str]) -> list[dict]:
        """Each file's :func:`~summarizer.batch.journal.fingerprint`, computed on the cluster in
        parallel (for a resume journal; the driver does not read the inputs)."""
        self._connect()
        task = self.ray.remote(num_cpus=0)(fingerprint)
        return [self._get(ref) for ref in [task.remote(p) for p in paths]]

    def _ordered(self, reads: Iterable, work: type, options: dict) -> Iterator[Any]:
        """Each item the ``reads`` generators give, handed to ``work`` on an actor; results in order."""
        actor = self.ray.remote(**self.share, max_restarts=-1, max_task_retries=-1)(_Actor)
        self.pool = [actor.remote(work, options) for _ in range(self.actors)]
        pending: collections.deque = collections.deque()
        try:
            for n, item in enumerate(item for generator in reads for item in generator):
                pending.append(self.pool[n % len(self.pool)].work.remote(item))
                if len(pending) >= 2 * len(self.pool):
                    yield self._get(pending.popleft())
            while pending:
                yield self._get(pending.popleft())
        finally:
            for handle in self.pool:
                self.ray.kill(handle)
            self.pool = []

    def _get(self, ref) -> Any:
        """A task's result; a task's input error raised as the error itself (a one-line message)."""
        try:
            return self.ray.get(ref)
        except self.ray.exceptions.RayTaskError as err:
            cause = err
            while isinstance(cause, self.ray.exceptions.RayTaskError) and cause.cause is not None:
                cause = cause.cause
            if isinstance(cause, (InputError, OSError)):
                raise cause from None
            raise

    def pids(self) -> list[int]:
        """The process ids of the actors of the job running now (for monitoring, and to test recovery)."""
        return self.ray.get([handle.pid.remote() for handle in self.pool])

    def close(self) -> None:
        """Stop the Ray instance this engine started (one it found running is left alone)."""
        if self.started:
            self.ray.shutdown()
        self.started = self.connected = False


def resume_point(corpus: Corpus, done: Sequence[dict]) -> tuple[int, list[dict]]:
    """The first shard still to read and the journal entries of it already done (shards are written
    in order, so every shard before the journal's last is finished)."""
    if not done:
        return 0, []
    last = corpus.shard_of(done[-1]["where"])
    start = len(done)
    while start and corpus.shard_of(done[start - 1]["where"]) == last:
        start -= 1
    return last, list(done[start:])


def _read_shard(corpus: Corpus, index: int, batch_size: int, done: Sequence[dict]) -> Iterator[tuple]:
    """A Ray task: one shard's records after ``done``, in batches, each with the notes of the bad
    records skipped while it was read."""
    notes: list[str] = []
    for batch in batched(skip_done(corpus.shard_records(index, notes.append), done), batch_size, key=segment_key):
        yield batch, notes[:]
        notes.clear()
    if notes:
        yield [], notes


def _read_pages(path: str) -> Iterator[tuple[str, str]]:
    """A Ray task: the pages of one page file or directory."""
    yield from read_pages([path])


class _Actor:
    """A Ray actor: builds ``work(options)`` at its first item (so a bad model is an error of that
    item, not a failed actor) and keeps it."""

    def __init__(self, work: type, options: dict):
        self.make, self.options, self.work_ = work, options, None

    def work(self, item: Any) -> Any:
        if self.work_ is None:
            self.work_ = self.make(self.options)
        return self.work_(item)

    def pid(self) -> int:
        return os.getpid()


class _CheckWork:
    def __init__(self, options: dict):
        self.checker = BatchChecker(options)

    def __call__(self, item: tuple[list[Record], list[str]]) -> tuple[list[Record], list[str], CorpusResult | None]:
        batch, notes = item
        return batch, notes, self.checker.check(batch)


class _SummaryWork:
    def __init__(self, options: dict):
        self.summarizer = Summarizer(**options["summarizer"])
        self.book: Phrasebook | None = options.get("phrasebook")
        self.sizes = {k: options[k] for k in ("max_sentences", "max_words") if k in options}

    def __call__(self, page: tuple[str, str]) -> tuple[str, list[FlaggedSummary]]:
        source, text = page
        return source, summarize_page(self.summarizer, source, text, self.book, **self.sizes)
