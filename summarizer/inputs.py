"""Reading user files safely: clear one-line errors (``file:line: what is wrong``) and atomic output."""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, BinaryIO, Iterator, Sequence

MAX_PAGE_BYTES = 20 * 1024 * 1024
MAX_STREAM_BYTES = 2 * 1024**3  # standard input, pipes and devices are copied to a temporary file up to this size


class InputError(ValueError):
    """Bad user input; the message names the file (and line) and what is wrong."""


def json_object(line: str, where: str, expected: str) -> dict:
    """One JSONL line as a dict; ``where`` (file:line) and ``expected`` go into the error message."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"{where}: invalid JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(value, dict):
        raise InputError(f"{where}: expected a JSON object with {expected}")
    return value


def valid_text(text: str, name: str) -> str:
    """``text`` itself when it is a string of valid Unicode (no lone surrogates, which no file can
    hold); otherwise an :class:`InputError` naming ``name`` and the character."""
    if not isinstance(text, str):
        raise InputError(f"{name}: expected text (str), got {type(text).__name__}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise InputError(f"{name}: lone surrogate U+{ord(text[err.start]):04X} at character {err.start}; "
                         "text must be valid Unicode") from None
    return text


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (a BOM is dropped); refuse binary data and invalid UTF-8 with the line number."""
    if not data.strip():
        raise InputError(f"{name}: the input is empty" + (" (only whitespace)" if data else ""))
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError(f"{name}:{line}: NUL byte; this looks like a binary file, expected UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(f"{name}:{line}: invalid UTF-8 (byte 0x{data[err.start]:02x}); re-save the file as UTF-8") from None


def open_input(path: str, name: str | None = None) -> BinaryIO:
    """``path`` opened for reading bytes; a file that is missing, a directory or unreadable is an
    :class:`InputError` naming it as ``name`` (the name a user typed)."""
    name = name or path
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, expected a text file") from None
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror})") from None


def writes_in_place(path: str) -> bool:
    """Whether an output exists and is not a regular file (``/dev/null``, ``/dev/full``, a pipe): such
    a target is written directly, never replaced by a renamed temporary file."""
    return os.path.exists(path) and not os.path.isfile(path)


def read_text(path: str, max_bytes: int = MAX_PAGE_BYTES) -> str:
    """Read a whole text file (``-`` for standard input) as UTF-8."""
    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with open_input(path, name) as fh:
                data = fh.read(max_bytes + 1)
    except OSError as err:  # a read that fails after the open
        raise InputError(f"{name}: cannot read ({err.strerror})") from None
    if len(data) > max_bytes:
        raise InputError(f"{name}: larger than {max_bytes // (1024 * 1024)} MB; split it into smaller files")
    return decode(data, name)


def _is_regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def check_outputs(inputs: Sequence[str | None], outputs: Sequence[str | None]) -> None:
    """Refuse, before anything is read or written, an output that is one of the inputs (the same
    file after resolving links; files inside input folders count), two outputs that are the same
    file, and an output whose folder is missing or cannot be written. ``None`` and ``-`` (stdout,
    stdin) are skipped."""
    files = [f for f in inputs if f not in (None, "-")]
    files += [str(p) for f in files if os.path.isdir(f) for p in Path(f).rglob("*") if p.is_file()]
    seen: dict[str, str] = {}
    for out in (o for o in outputs if o not in (None, "-")):
        key = os.path.realpath(out)
        if key in seen:
            raise InputError(f"{out}: named as two outputs ({seen[key]} and {out}); give each its own file")
        seen[key] = out
        same = next((f for f in files if os.path.realpath(f) == key or _same_file(f, out)), None)
        if same is not None:
            raise InputError(f"{out}: is also an input ({same}); writing it would destroy that input")
        if os.path.isdir(out):
            raise InputError(f"{out}: is a directory; give a file name for the output")
        if writes_in_place(out):
            continue  # a device such as /dev/null or a pipe: nothing to create beside it
        _check_writable(out)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _check_writable(out: str) -> None:
    folder = os.path.dirname(out) or "."
    if not os.path.isdir(folder):
        raise InputError(f"{out}: cannot write: the folder {folder} does not exist")
    try:
        fd, probe = tempfile.mkstemp(prefix=".summarizer-probe.", dir=folder)
    except OSError as err:
        raise InputError(f"{out}: cannot write in {folder} ({err.strerror})") from None
    os.close(fd)
    os.unlink(probe)


@contextmanager
def local_inputs(max_bytes: int = MAX_STREAM_BYTES) -> Iterator["LocalInputs"]:
    """Inputs that can be read more than once: see :class:`LocalInputs`. Copies are removed at exit."""
    folder = tempfile.mkdtemp(prefix="summarizer-inputs.")
    try:
        yield LocalInputs(folder, max_bytes)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class LocalInputs:
    """Regular files as they are; standard input (``-``), pipes, FIFOs and devices copied once
    into a temporary file (refused past ``max_bytes`` or at a NUL byte, so ``/dev/zero`` stops at
    once). ``display`` gives the name a user typed, for messages."""

    def __init__(self, folder: str, max_bytes: int):
        self.folder, self.max_bytes = folder, max_bytes
        self.names: dict[str, str] = {}

    def path(self, path: str | None) -> str | None:
        """A path that can be opened again and again (``None`` stays ``None``)."""
        if path is None or (path != "-" and (_is_regular(path) or not os.path.exists(path) or os.path.isdir(path))):
            return path
        name = "<stdin>" if path == "-" else path
        copy = os.path.join(self.folder, str(len(self.names)), "stdin" if path == "-" else Path(path).name)
        os.makedirs(os.path.dirname(copy))
        if path == "-":
            self._copy(sys.stdin.buffer, copy, name)
        else:
            with open_input(path, name) as source:
                self._copy(source, copy, name)
        self.names[copy] = name
        return copy

    def _copy(self, source: IO[bytes], copy: str, name: str) -> None:
        size = 0
        with open(copy, "wb") as out:
            while chunk := source.read(1 << 20):
                if b"\x00" in chunk:
                    raise InputError(f"{name}: NUL byte; this looks like a binary stream, expected UTF-8 text")
                size += len(chunk)
                if size > self.max_bytes:
                    raise InputError(f"{name}: more than {_size(self.max_bytes)} from a pipe or stream; "
                                     "save it to a file first")
                out.write(chunk)

    def display(self, path: str) -> str:
        """The name a user gave for ``path`` (a copy's original name)."""
        return self.names.get(path, path)


def _size(n: int) -> str:
    return f"{n / 1024**3:g} GB" if n >= 1024**3 else f"{n / 1024**2:g} MB" if n >= 1024**2 else f"{n:,} bytes"


@contextmanager
def atomic_output(path: str | None) -> Iterator[IO[str]]:
    """Write to ``path`` all at once (temporary file, then rename) or to stdout when ``path`` is None or ``-``.

    If the block raises, the target is left untouched and the temporary file removed. A target
    that exists and is not a regular file (``/dev/null``, a pipe) is written directly.
    """
    if path in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
        return
    if writes_in_place(path):
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private; give it the usual permissions
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


PAGE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


def read_pages(paths: Sequence[str]) -> Iterator[tuple[str, str]]:
    """``(source, text)`` for every page named: text or HTML files, ``-`` for stdin, JSONL records
    (a ``text`` field each; source ``file:line``), and directories of such files."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            files = sorted(p for p in Path(path).rglob("*") if p.suffix.lower() in PAGE_SUFFIXES)
            if not files:
                raise InputError(f"{path}: no .txt, .html or .jsonl files in this directory")
            yield from read_pages([str(p) for p in files])
        elif path.lower().endswith(".jsonl"):
            for number, line in enumerate(read_text(path).split("\n"), 1):  # JSON strings may hold U+2028
                if not line.strip():
                    continue
                record = json_object(line, f"{path}:{number}", "a 'text' field")
                if not isinstance(record.get("text"), str):
                    raise InputError(f"{path}:{number}: expected a JSON object with a 'text' field")
                yield f"{path}:{number}", record["text"]
        else:
            yield ("<stdin>" if path == "-" else path), read_text(path)
