"""A run's journal, ``OUTPUT.partial``: what a check has done so far, so that an interrupted run
resumes where it stopped and a finished one writes its output all at once.

The first line is a *manifest*: the tool version, every option that changes results, and a
fingerprint of each input. Each further line is one checked record: where it came from, its
output row, and the statistics its corpus scores need, so that resuming adds up the finished
rows instead of checking them again. The journal is locked while a run writes it: a second run
to the same output is refused at once, naming the first one's process. Lines are only ever
appended; on resume, a damaged tail (a line cut by a crash) is dropped to the last complete
record, and a manifest that differs from the new run's refuses the resume, saying what changed.
"""

from __future__ import annotations

import fcntl
import hashlib
import itertools
import json
import os
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from ..inputs import InputError
from .records import Record
from ..version import __version__

FORMAT = 1  # the journal's own format; a journal of another format is not resumed
WHOLE_FILE_HASH = 64 * 1024 * 1024  # inputs up to this size are hashed whole; larger ones by head, tail and mtime


def fingerprint(path: str) -> dict:
    """Size and a content hash of a file (whole, or head and tail plus the modification time when large)."""
    info = os.stat(path)
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        if info.st_size <= WHOLE_FILE_HASH:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
            return {"size": info.st_size, "sha256": digest.hexdigest()}
        digest.update(fh.read(1 << 20))
        fh.seek(-(1 << 20), os.SEEK_END)
        digest.update(fh.read())
    return {"size": info.st_size, "sha256-head-tail": digest.hexdigest(), "mtime_ns": info.st_mtime_ns}


def manifest(options: dict, inputs: dict[str, str],
             fingerprints: Callable[[list[str]], list[dict]] | None = None) -> dict:
    """The manifest of a run: its ``options`` (JSON values) and its ``inputs`` (name → path,
    fingerprinted here, or by ``fingerprints``, e.g. on the cluster that reads them)."""
    paths = list(inputs.values())
    found = fingerprints(paths) if fingerprints else [fingerprint(p) for p in paths]
    return {"journal": FORMAT, "version": __version__, "options": options, "inputs": dict(zip(inputs, found))}


def differences(old: dict, new: dict) -> list[str]:
    """What differs between an interrupted run's manifest and a new run's, in words."""
    if old.get("journal") != FORMAT or old.get("version") != new["version"]:
        return [f"it was written by summarizer {old.get('version', '?')}, this is {new['version']}"]
    found = []
    for key in sorted(set(old["options"]) | set(new["options"])):
        was, now = old["options"].get(key), new["options"].get(key)
        if was != now:
            found.append(f"option {key} was {json.dumps(was, ensure_ascii=False)}, now {json.dumps(now, ensure_ascii=False)}")
    if list(old["inputs"]) != list(new["inputs"]):
        found.append(f"inputs were {', '.join(old['inputs'])}, now {', '.join(new['inputs'])}")
    else:
        found += [f"input {name} changed" for name in new["inputs"] if old["inputs"][name] != new["inputs"][name]]
    return found


def partial_path(output: str) -> Path:
    """Where the journal of a run writing ``output`` is kept until the run completes."""
    return Path(f"{output}.partial")


class Journal:
    """The journal of a run writing ``output``: open it (fresh or resumed), append checked records,
    then :meth:`finish` (write the output, remove the journal) or :meth:`close` (keep it to resume).
    """

    def __init__(self, output: str, manifest: dict, note: Callable[[str], None] = lambda message: None):
        self.output, self.path, self.manifest, self.note = output, partial_path(output), manifest, note
        self._fh = None

    def open(self, resume: bool) -> list[dict]:
        """Lock the journal and start it; with ``resume``, the records an interrupted run finished."""
        self._fh = self._lock()
        size = os.fstat(self._fh.fileno()).st_size
        if size and not resume:
            self.close()
            raise InputError(f"{self.path} holds an interrupted run: add --resume to continue it, "
                             "or delete it to start again")
        if not size:
            self._write([self.manifest, _session()])
            return []
        done = self._resume()
        self._write([_session()])
        return done

    def _lock(self):
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o666)
            fh = os.fdopen(fd, "r+b")
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                other = _last_session(fh).get("pid", "?")
                fh.close()
                raise InputError(f"{self.output}: another run (process {other}) is writing it; wait for it "
                                 "to finish or choose another output") from None
            try:
                if os.stat(self.path).st_ino == os.fstat(fd).st_ino:  # not removed by a run that just finished
                    return fh
            except FileNotFoundError:
                pass
            fh.close()

    def _resume(self) -> list[dict]:
        """Validate the journal: its manifest must match this run's; a damaged tail is cut off."""
        self._fh.seek(0)
        first = self._fh.readline()
        try:
            old = json.loads(first)
        except (UnicodeDecodeError, json.JSONDecodeError):
            old = None
        if not isinstance(old, dict) or "options" not in old or not first.endswith(b"\n"):
            self.close()
            raise InputError(f"{self.path}: not a summarizer journal (damaged first line); delete it to start again")
        changed = differences(old, self.manifest)
        if changed:
            self.close()
            raise InputError(f"cannot resume {self.path}: {'; '.join(changed)}; run it as before, "
                             "or delete the .partial file to start again")
        done, good_end, dropped = [], len(first), 0
        for line in self._fh:
            entry = None if dropped else _entry(line)  # everything after a damaged line goes with it
            if entry is None:
                dropped += 1
                continue
            good_end += len(line)
            if "row" in entry:
                done.append(entry)
        if dropped:
            self._fh.truncate(good_end)
            self.note(f"{self.path}: dropped {dropped} damaged line(s) after record {len(done)} "
                      "(cut by an interruption); they will be checked again")
        return done

    def append(self, entries: Iterable[dict]) -> None:
        """Add checked records (``where``, ``id``, ``system``, ``row``, ``stats``) and flush them to disk."""
        self._write(entries)

    def _write(self, lines: Iterable[dict]) -> None:
        """Append lines of any kind (the manifest and session lines too) and flush them."""
        data = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode("utf-8")
        self._fh.write(data)
        self._fh.flush()

    def entries(self) -> Iterator[dict]:
        """The journal's records, in order."""
        self._fh.seek(0)
        self._fh.readline()
        for line in self._fh:
            entry = json.loads(line)
            if "row" in entry:
                yield entry

    def finish(self, write: Callable[[Iterator[dict]], None]) -> None:
        """Hand the records to ``write`` (which writes the output), then remove the journal."""
        write(self.entries())
        self.path.unlink(missing_ok=True)
        self.close()

    def close(self) -> None:
        """Release the lock (the journal stays, to resume)."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def discard(self) -> None:
        """Remove the journal (a run that failed and has nothing worth resuming)."""
        self.path.unlink(missing_ok=True)
        self.close()


def _session() -> dict:
    """A line naming the process that writes the journal from here on (for the message a second run gets)."""
    return {"pid": os.getpid(), "started": time.strftime("%Y-%m-%dT%H:%M:%S")}


def _last_session(fh) -> dict:
    fh.seek(0)
    found = {}
    for line in fh:
        if b'"pid"' in line[:12]:
            entry = _entry(line)
            found = entry or found
    return found


def _entry(line: bytes) -> dict | None:
    """A journal record, or None for a damaged line."""
    if not line.endswith(b"\n"):
        return None
    try:
        entry = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(entry, dict):
        return None
    return entry if isinstance(entry.get("row"), dict) or isinstance(entry.get("pid"), int) else None


def check_same_records(done: Sequence[dict], records: Sequence) -> None:
    """Refuse to resume when the records read now are not those the journal holds (same place, id and system)."""
    for entry, record in zip(done, records):
        if (entry.get("where"), entry.get("id"), entry.get("system")) != (record.where, record.id, record.system):
            raise InputError(f"cannot resume: {record.where} is not the record the interrupted run checked there "
                             f"({entry.get('where')}, id {entry.get('id')!r}); run it as before, "
                             "or delete the .partial file to start again")


def skip_done(records: Iterable[Record], done: Sequence[dict]) -> Iterator[Record]:
    """The records after those already ``done`` (journal entries), checking that those are the journal's."""
    iterator = iter(records)
    for start in range(0, len(done), 1024):
        block = done[start:start + 1024]
        skipped = list(itertools.islice(iterator, len(block)))
        if len(skipped) < len(block):
            raise InputError(f"cannot resume: the input now has {start + len(skipped)} records, the interrupted "
                             f"run had checked {len(done)}; run it as before, or delete the .partial file")
        check_same_records(block, skipped)
    yield from iterator
