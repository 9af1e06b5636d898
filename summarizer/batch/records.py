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

from ..inputs import InputError, json_object, open_input
from ..text import detect_language

MAX_SEGMENT_CHARS = 200_000  # a longer segment (hypothesis or reference) is a bad record: see records()
RECORD_LINE_SEGMENTS = 8  # a record line may hold mt, src and references: this many segments' worth
_CHUNK = 1 << 20


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
    peers: tuple[str, ...] = ()  # the other systems' hypotheses of the same line (line-aligned files)


def _raw_lines(path: str, limit: int, name: str) -> Iterator[bytes | None]:
    """The lines of a file as bytes, without their line ends, streamed; ``None`` for a line longer
    than ``limit`` bytes (skipped without being held in memory). Lines end with LF or CRLF; a file
    with CR but no LF in its first megabyte (old Mac line ends) is split on CR."""
    with open_input(path, name) as fh:
        head = fh.read(_CHUNK)
        sep = b"\r" if b"\r" in head and b"\n" not in head else b"\n"
        buffer, too_long, chunk = b"", False, head
        while chunk:
            *lines, buffer = (buffer + chunk).split(sep)
            for line in lines:
                yield None if too_long else line.removesuffix(b"\r")
                too_long = False
            if len(buffer) > limit:
                buffer, too_long = b"", True
            chunk = fh.read(_CHUNK)
        if buffer or too_long:
            yield None if too_long else buffer.removesuffix(b"\r")


def _lines(path: str, max_chars: int = MAX_SEGMENT_CHARS, limit: str = "the segment limit",
           name: str | None = None) -> Iterator[tuple[int, str | InputError]]:
    """Decoded lines of a UTF-8 file (BOM, CRLF and CR-only handled), numbered from 1, streamed; a
    line that cannot be decoded or is too long comes as an :class:`InputError` value, so the caller
    may skip it."""
    name = name or path
    for number, raw in enumerate(_raw_lines(path, 4 * max_chars, name), 1):
        if number == 1 and raw is not None and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if raw is None:
            yield number, InputError(f"{name}:{number}: line longer than {max_chars:,} characters ({limit})")
        elif b"\x00" in raw:
            yield number, InputError(f"{name}:{number}: NUL byte; this looks like a binary file, expected UTF-8 text")
        else:
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                yield number, InputError(f"{name}:{number}: invalid UTF-8 (byte 0x{raw[err.start]:02x}); "
                                         "re-save the file as UTF-8")
                continue
            if len(line) > max_chars:
                yield number, InputError(f"{name}:{number}: line longer than {max_chars:,} characters ({limit})")
            else:
                yield number, line


def count_lines(path: str, max_chars: int = MAX_SEGMENT_CHARS, name: str | None = None) -> tuple[int, bool]:
    """Number of lines (a last line without a line end counts) and whether any holds more than whitespace."""
    count, text = 0, False
    for raw in _raw_lines(path, 4 * max_chars, name or path):
        count += 1
        text = text or raw is None or bool(raw.strip())
    return count, text


def read_aligned(hyp_paths: Sequence[str], ref_paths: Sequence[str], system_names: Sequence[str] | None = None,
                 max_chars: int = MAX_SEGMENT_CHARS, display: Callable[[str], str] = str,
                 qualified_ids: bool = False) -> Iterator[Record | InputError]:
    """Records from line-aligned hypothesis files (one per system) and reference files.

    All files must have the same number of lines; this is checked first, so a mismatch stops the
    run before any record is produced. Records come system by system, in line order, each with
    the other systems' line (``peers``, when there are three systems or more); a line
    that cannot be read or is longer than ``max_chars`` comes as an :class:`InputError` value
    (see :func:`records`). ``display`` names a file in messages and ``where`` (e.g. ``<stdin>``).
    A record's id is its line number, or with ``qualified_ids`` ``REFERENCE-FILE:LINE`` (one corpus
    in several shards; the first MT file's name when there is no reference).
    """
    if system_names and len(system_names) != len(hyp_paths):
        raise InputError(f"--system-names has {len(system_names)} names for {len(hyp_paths)} hypothesis files")
    names = list(system_names) if system_names else [Path(display(p)).stem for p in hyp_paths]
    if len(set(names)) != len(names):
        raise InputError(f"system names must differ: {', '.join(names)} (use --system-names)")
    counts = {path: count_lines(path, max_chars, display(path)) for path in dict.fromkeys([*hyp_paths, *ref_paths])}
    expected = counts[hyp_paths[0]][0]
    for path, (count, text) in counts.items():
        if not text:
            raise InputError(f"{display(path)}: the input is empty" + (" (only whitespace)" if count else ""))
        if count != expected:
            raise InputError(f"{display(path)} has {count} lines but {display(hyp_paths[0])} has {expected}; "
                             "hypotheses and references must be line-aligned")
    id_prefix = f"{display([*ref_paths, *hyp_paths][0])}:" if qualified_ids else ""  # the same across systems
    for k, (name, hyp_path) in enumerate(zip(names, hyp_paths)):
        # the other systems' lines are read alongside, for agreement between systems (three or more)
        others = [p for j, p in enumerate(hyp_paths) if j != k] if len(hyp_paths) > 2 else []
        streams = [_lines(p, max_chars, name=display(p)) for p in [hyp_path, *ref_paths, *others]]
        hyp_name = display(hyp_path)
        for rows in zip(*streams):
            number = rows[0][0]
            error = next((line for _, line in rows[: 1 + len(ref_paths)] if isinstance(line, InputError)), None)
            refs = tuple(line for _, line in rows[1 : 1 + len(ref_paths)])
            peers = tuple(line for _, line in rows[1 + len(ref_paths) :] if isinstance(line, str))
            yield error or Record(f"{id_prefix}{number}", name, rows[0][1], refs, where=f"{hyp_name}:{number}",
                                  peers=peers)


def _text(fields: dict, key: str, where: str, numbers: bool = True) -> str | None:
    """An optional text field: a string (or, where ``numbers``, a number), or missing/null/empty."""
    value = fields.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"{where}: '{key}' must be a string, not {type(value).__name__}")


def _record(fields: dict, where: str, number: int | str, max_chars: int) -> Record:
    mt = fields.get("mt")
    if not isinstance(mt, str):
        raise InputError(f"{where}: missing 'mt' (the machine translation)" if mt is None else
                         f"{where}: 'mt' must be a string, not {type(mt).__name__}")
    refs = fields.get("refs")
    if refs is None:
        ref = _text(fields, "ref", where, numbers=False)
        refs = [ref] if ref is not None else []
    if isinstance(refs, str):
        refs = [refs]
    if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
        raise InputError(f"{where}: 'refs' must be a list of strings")
    if max(len(t) for t in [mt, *refs]) > max_chars:
        raise InputError(f"{where}: segment longer than {max_chars:,} characters (the segment limit)")
    return Record(_text(fields, "id", where) or str(number), _text(fields, "system", where) or "system", mt,
                  tuple(refs), _text(fields, "src", where, numbers=False), _text(fields, "doc", where), where)


def read_records(path: str, max_chars: int = MAX_SEGMENT_CHARS, display: Callable[[str], str] = str,
                 qualified_ids: bool = False) -> Iterator[Record | InputError]:
    """COMET-style records from ``.jsonl``, ``.tsv`` or ``.csv``: fields ``mt`` and ``ref`` (or a
    JSON list ``refs``), optional ``src``, ``id``, ``system``, ``doc``. TSV is tab-separated text
    without quoting (as sacrebleu and COMET users write it); CSV follows RFC 4180 (quoted fields
    may hold commas and line breaks). A bad record, or an id repeated within a system, comes as
    an :class:`InputError` value (see :func:`records`); a bad file (missing, no header) raises. A
    record without an id gets its line number, or with ``qualified_ids`` ``FILE:LINE``."""
    name = display(path)
    suffix = Path(name).suffix.lower()
    if suffix not in (".jsonl", ".json", ".tsv", ".csv"):
        raise InputError(f"{name}: unknown record format {suffix or '(no extension)'}; use .jsonl, .tsv or .csv")
    rows = _csv_rows(path, max_chars, name) if suffix == ".csv" else _split_rows(path, suffix, max_chars, name)
    seen: dict[tuple[str, str], int] = {}
    for number, fields in rows:
        if isinstance(fields, InputError):
            yield fields
            continue
        where = f"{name}:{number}"
        try:
            record = _record(fields, where, where if qualified_ids else number, max_chars)
        except InputError as err:
            yield err
            continue
        first = seen.setdefault((record.system, record.id), number)
        if first != number:
            yield InputError(f"{where}: id {record.id!r} of system {record.system!r} repeats line {first}")
            continue
        yield record
    if not seen:
        raise InputError(f"{name}: no records")


def _header(path: str, header: list[str]) -> list[str]:
    if "mt" not in header:
        raise InputError(f"{path}:1: the header has no 'mt' column (columns: {', '.join(header)})")
    return header


def _record_lines(path: str, max_chars: int, name: str) -> Iterator[tuple[int, str | InputError]]:
    """The lines of a records file: one may hold ``RECORD_LINE_SEGMENTS`` segments' worth."""
    return _lines(path, RECORD_LINE_SEGMENTS * max_chars,
                  f"a record holds at most {RECORD_LINE_SEGMENTS} segments of {max_chars:,}", name)


def _split_rows(path: str, suffix: str, max_chars: int, name: str) -> Iterator[tuple[int, dict | InputError]]:
    """JSONL objects, or TSV rows (tab-separated, no quoting) under their header, by line number."""
    header: list[str] | None = None
    for number, line in _record_lines(path, max_chars, name):
        if isinstance(line, InputError):
            if header is None and suffix == ".tsv":
                raise line
            yield number, line
            continue
        if not line.strip():
            continue
        where = f"{name}:{number}"
        if suffix != ".tsv":
            try:
                yield number, json_object(line, where, "'mt' and 'ref'")
            except InputError as err:
                yield number, err
        elif header is None:
            header = _header(name, line.split("\t"))
        else:
            yield number, _table_fields(line.split("\t"), header, where)


def _csv_rows(path: str, max_chars: int, name: str) -> Iterator[tuple[int, dict | InputError]]:
    """CSV rows under their header by starting line number, read with the csv module (quoted
    fields may span lines). A line that cannot be decoded stops the file."""
    def text() -> Iterator[str]:
        for _, line in _record_lines(path, max_chars, name):
            if isinstance(line, InputError):
                raise line
            yield line + "\n"

    reader = csv.reader(text())
    header: list[str] | None = None
    start = 1
    try:
        for row in reader:
            number, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = _header(name, row)
            else:
                yield number, _table_fields(row, header, f"{name}:{number}")
    except csv.Error as err:
        raise InputError(f"{name}:{reader.line_num}: malformed CSV ({err})") from None


def _table_fields(row: list[str], header: list[str], where: str) -> dict | InputError:
    if len(row) != len(header):
        return InputError(f"{where}: {len(row)} fields but the header has {len(header)}")
    fields = dict(zip(header, row))
    if "refs" in fields:
        try:
            fields["refs"] = json.loads(fields["refs"])
        except json.JSONDecodeError:
            return InputError(f"{where}: 'refs' must be a JSON list of strings")
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


def corpus_language(items: Iterable[Record | InputError], sample: int = 200, default: str = "en") -> str:
    """The language of a corpus's hypotheses, judged on the first ``sample`` readable records."""
    texts = [r.mt for r in itertools.islice((r for r in items if isinstance(r, Record)), sample)]
    return detect_language("\n".join(texts), default=default)


def batched(items: Iterable, size: int, key: Callable | None = None) -> Iterator[list]:
    """Lists of ``size`` consecutive items (the last one shorter); with a ``key``, a list goes on
    past ``size`` while the next item has the same key as its last, so a run of equal keys (one
    segment's systems) is never split."""
    iterator = iter(items)
    pending: list = []
    while batch := pending + list(itertools.islice(iterator, size - len(pending))):
        pending = []
        if key is not None:
            for item in iterator:
                if key(item) != key(batch[-1]):
                    pending = [item]
                    break
                batch.append(item)
        yield batch


def segment_key(record: Record) -> tuple[str, ...]:
    """What the systems' hypotheses of one segment share: their references (see :func:`batched`)."""
    return record.refs


RECORD_SUFFIXES = (".jsonl", ".json", ".tsv", ".csv")


def read_corpus(files: Sequence[str], references: Sequence[str] = (), system_names: Sequence[str] | None = None,
                display: Callable[[str], str] = str, max_chars: int = MAX_SEGMENT_CHARS) -> Iterator[Record | InputError]:
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
        return read_records(files[0], max_chars, display)
    if not references:
        raise InputError(f"{display(files[0])}: plain-text MT files need their reference file "
                         "(or records with mt and ref fields)")
    return read_aligned(list(files), list(references), system_names, max_chars, display)
