"""Reading corpora: line-aligned files (sacrebleu style) or COMET-style records (``.jsonl``,
``.tsv``, ``.csv``), as a stream of :class:`Record` objects.

Both readers yield :class:`Record` objects one at a time, so a corpus of any size streams. Every
problem is reported as ``file:line: what is wrong``; line counts of aligned files are compared
before anything is read for scoring, so a mismatch stops the run before any output is written.
"""

from __future__ import annotations

import csv
import itertools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from ..inputs import InputError, json_object

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


RECORD_SUFFIXES = (".jsonl", ".json", ".tsv", ".csv")


def read_corpus(files: Sequence[str], references: Sequence[str] = (), system_names: Sequence[str] | None = None,
                display: Callable[[str], str] = str) -> Iterator[Record | InputError]:
    """Records from what a user hands over: one records file (``.jsonl``/``.tsv``/``.csv``, carrying
    its references), or plain-text MT files (one per system) with line-aligned reference files.
    ``display`` names a file in messages (e.g. an upload's original name)."""
    records_files = [f for f in files if Path(f).suffix.lower() in RECORD_SUFFIXES]
    if not files:
        raise InputError("no corpus given: a records file (.jsonl/.tsv/.csv), or MT .txt files with their references")
    if records_files and len(records_files) < len(files):
        raise InputError("give either records (.jsonl/.tsv/.csv) or plain-text MT files, not both")
    if records_files:
        if len(files) > 1 or references:
            raise InputError(f"{display(files[0])}: one records file at a time; records carry their references "
                             "(reference files go with plain-text MT files)")
        return read_records(files[0])
    if not references:
        raise InputError(f"{display(files[0])}: plain-text MT files need their reference file "
                         "(or records with mt and ref fields)")
    return read_aligned(list(files), list(references), system_names or [Path(f).stem for f in files])
