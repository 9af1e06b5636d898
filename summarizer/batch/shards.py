"""A corpus in shards: parts that can be read on their own, by this process or by a cluster's workers.

A shard is one records file (``.jsonl``/``.tsv``/``.csv``), or one set of line-aligned files: an MT
file per system and the reference files. Several files, a directory or a glob make several shards,
read in order; every engine reads the same shards into the same records, so its output is the same.
"""

from __future__ import annotations

import functools
import glob
import itertools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

from ..inputs import InputError
from .records import MAX_SEGMENT_CHARS, RECORD_SUFFIXES, Record, batched, read_aligned, read_records, records

_WILDCARDS = "*?["


@dataclass(frozen=True)
class Shard:
    """One part of a corpus: a records file (``records``; ``hyps`` holds it) or MT files (one per
    system, named by ``systems``) with line-aligned reference files (none: phrasebook only). ``names`` are the files'
    names for messages and ``where`` (a copy of standard input is ``<stdin>``), in ``paths`` order.
    With ``qualified_ids``, a record without an id of its own gets ``FILE:LINE`` rather than
    ``LINE``, so ids stay unique across shards."""

    hyps: tuple[str, ...]
    refs: tuple[str, ...] = ()
    systems: tuple[str, ...] | None = None
    names: tuple[str, ...] = ()
    qualified_ids: bool = False
    records: bool = False

    @property
    def paths(self) -> tuple[str, ...]:
        return self.hyps + self.refs

    def display(self, path: str) -> str:
        """The name a user knows ``path`` by."""
        return dict(zip(self.paths, self.names)).get(path, path)

    def read(self, max_chars: int = MAX_SEGMENT_CHARS) -> Iterator[Record | InputError]:
        """The shard's records; a bad one comes as an :class:`InputError` value (see :func:`records`)."""
        if self.records:
            return read_records(self.hyps[0], max_chars, self.display, self.qualified_ids)
        return read_aligned(self.hyps, self.refs, self.systems, max_chars, self.display, self.qualified_ids)


@dataclass(frozen=True)
class Corpus:
    """The shards of a corpus and how to read them: records longer than ``max_chars`` are bad, and a
    bad record stops the run (``on_error='fail'``) or is skipped with a note (``'skip'``)."""

    shards: tuple[Shard, ...]
    max_chars: int = MAX_SEGMENT_CHARS
    on_error: str = "fail"

    def records(self, note: Callable[[str], None] = lambda message: None) -> Iterator[Record]:
        """Every good record, shard after shard (read in this process)."""
        return itertools.chain.from_iterable(self.shard_records(k, note) for k in range(len(self.shards)))

    def shard_records(self, index: int, note: Callable[[str], None] = lambda message: None) -> Iterator[Record]:
        return records(self.shards[index].read(self.max_chars), self.on_error, note)

    def head(self, size: int) -> list[Record]:
        """The first ``size`` good records (at most; for what a run fixes before it starts)."""
        return next(batched(self.records(), size), [])

    def shard_of(self, where: str) -> int:
        """The index of the shard a record's ``where`` (``FILE:LINE``) comes from."""
        return self._shard_by_name[where.rpartition(":")[0]]

    @functools.cached_property
    def _shard_by_name(self) -> dict[str, int]:
        return {name: k for k, shard in enumerate(self.shards) for name in shard.names}

    @functools.cached_property
    def _names(self) -> dict[str, str]:
        return {path: name for shard in self.shards for path, name in zip(shard.paths, shard.names)}

    @property
    def paths(self) -> list[str]:
        return [p for shard in self.shards for p in shard.paths]

    def display(self, path: str) -> str:
        """The name a user knows ``path`` by."""
        return self._names.get(path, path)


def expand(argument: str, suffixes: Sequence[str] = ()) -> list[str]:
    """The files an argument names: a file as it is, a directory's files (those with ``suffixes``,
    when given; hidden files skipped) or a glob's matches, in sorted order."""
    if argument != "-" and os.path.isdir(argument):
        found = sorted(str(p) for p in Path(argument).iterdir() if p.is_file() and not p.name.startswith(".")
                       and (not suffixes or p.suffix.lower() in suffixes))
        if not found:
            kinds = f" ({', '.join(suffixes)})" if suffixes else ""
            raise InputError(f"{argument}: no input files{kinds} in this directory")
        return found
    if any(c in argument for c in _WILDCARDS) and not os.path.exists(argument):
        found = sorted(p for p in glob.glob(argument) if os.path.isfile(p))
        if not found:
            raise InputError(f"{argument}: no file matches this pattern")
        return found
    return [argument]


def system_name(argument: str) -> str:
    """A system's name from the argument that named its files: a file's stem, a directory's name, or
    a glob's file-name part before its first wildcard (``out/sysA-*.txt`` → ``sysA``; the directory's
    name when that is empty)."""
    path = Path(argument.rstrip("/"))
    if os.path.isdir(argument):
        return path.name
    if any(c in path.name for c in _WILDCARDS):
        stem = path.name[:min(path.name.index(c) for c in _WILDCARDS if c in path.name)].strip("-_. ")
        return stem or path.parent.name or "system"
    return path.stem


def corpus_shards(inputs: Sequence[str] = (), hyps: Sequence[str] = (), refs: Sequence[str] = (),
                  system_names: Sequence[str] | None = None, local: Callable[[str], str] = str,
                  display: Callable[[str], str] = str) -> tuple[Shard, ...]:
    """Shards from the command line: records files (``inputs``: files, directories or globs; one shard
    each), or MT arguments (one per system) and reference arguments that each name the same number
    of line-aligned files, in sorted order (shard *k*: the *k*-th file of each). ``local`` gives a
    path that can be read more than once (a copy of standard input); ``display`` its user's name."""
    if inputs:
        files = [local(f) for a in inputs for f in expand(a, RECORD_SUFFIXES)]
        return tuple(Shard((f,), names=(display(f),), qualified_ids=len(files) > 1, records=True) for f in files)
    groups = [expand(a) for a in [*hyps, *refs]]
    for argument, group in zip([*hyps, *refs], groups):
        if len(group) != len(groups[0]):
            raise InputError(f"{argument} names {_files(len(group))} but {hyps[0]} names {_files(len(groups[0]))}; "
                             "each MT and reference argument needs one file per shard")
    rows = [[local(f) for f in files] for files in zip(*groups)]  # shard by shard (standard input copied once)
    sharded = len(rows) > 1
    names = tuple(system_names) if system_names else tuple(
        system_name(a) if sharded else Path(display(p)).stem for a, p in zip(hyps, rows[0]))
    return tuple(Shard(tuple(paths[:len(hyps)]), tuple(paths[len(hyps):]), names, tuple(map(display, paths)), sharded)
                 for paths in rows)


def _files(n: int) -> str:
    return f"{n} file" if n == 1 else f"{n} files"
