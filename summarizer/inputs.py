"""Reading user files safely: clear one-line errors (``file:line: what is wrong``) and atomic output."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator, Sequence

MAX_PAGE_BYTES = 20 * 1024 * 1024


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


def read_text(path: str, max_bytes: int = MAX_PAGE_BYTES) -> str:
    """Read a whole text file (``-`` for standard input) as UTF-8."""
    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, expected a text file") from None
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror})") from None
    if len(data) > max_bytes:
        raise InputError(f"{name}: larger than {max_bytes // (1024 * 1024)} MB; split it into smaller files")
    return decode(data, name)


@contextmanager
def atomic_output(path: str | None) -> Iterator[IO[str]]:
    """Write to ``path`` all at once (temporary file, then rename) or to stdout when ``path`` is None or ``-``.

    If the block raises, the target is left untouched and the temporary file removed.
    """
    if path in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
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
