"""Command-line interface: ``summarizer summarize | check | mine``. A thin layer over the library."""

from __future__ import annotations

import argparse
import json
import signal
import sys

from .inputs import InputError, atomic_output, read_text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="summarizer", description="Multilingual news summaries and MT quality checks.")
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("summarize", help="split a pasted page into articles and summarise each one",
                       description="Split a pasted news page into its articles and print a short summary of each.")
    s.add_argument("page", help="text file of the pasted page (.txt, or HTML pasted as text); - for stdin")
    s.add_argument("--format", choices=["text", "jsonl"], default="text", help="output format (default: text)")
    s.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")
    s.add_argument("--model", default=None,
                   help="sentence-transformers, seq2seq or causal LM (Hub id or path); default: bundled all-MiniLM-L6-v2")
    s.add_argument("--backend", choices=["auto", "extractive", "seq2seq", "causal"], default="auto")
    s.add_argument("--max-sentences", type=int, default=2, help="sentences per summary (default: 2)")
    s.add_argument("--max-words", type=int, default=60, help="about this many words per summary (default: 60)")
    s.add_argument("--device", default=None, help="cpu, cuda, cuda:1 … (default: cuda when present)")
    s.add_argument("--batch-size", type=int, default=None)
    s.add_argument("--dtype", choices=["auto", "float32", "float16", "bfloat16"], default="auto")
    s.add_argument("--max-input-tokens", type=int, default=None, help="abstractive: chunk size in tokens (default: the model's limit)")
    s.add_argument("--num-beams", type=int, default=4, help="abstractive: beam size (default: 4)")

    c = sub.add_parser("check", help="flag awkward MT phrasing (against references, or with the phrasebook alone)",
                       description="Check line-aligned MT against references; with no --ref, flag the phrasebook's "
                                   "known awkward renderings only.")
    c.add_argument("--hyp", required=True, help="MT text file, one segment per line; - for stdin")
    c.add_argument("--ref", action="append", default=[], help="reference file, line-aligned with --hyp (repeatable)")
    c.add_argument("--lang", default="en", help="target language (default: en)")
    c.add_argument("--phrasebook", action="append", default=[], help="extra phrasebook TSV/JSONL (repeatable)")
    c.add_argument("--no-default-phrasebook", action="store_true", help="do not use the shipped vi→en phrasebook")
    c.add_argument("--format", choices=["text", "jsonl"], default="text")
    c.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")
    c.add_argument("--device", default=None)

    m = sub.add_parser("mine", help="learn phrasebook entries from MT and reference (post-edit) files",
                       description="Collect recurring, consistent substitutions between line-aligned MT and "
                                   "reference files and write them as phrasebook rows.")
    m.add_argument("--hyp", required=True, help="MT file, one segment per line")
    m.add_argument("--ref", required=True, help="reference or post-edit file, line-aligned with --hyp")
    m.add_argument("-o", "--output", help="phrasebook to write (.tsv or .jsonl; default: stdout as TSV)")
    m.add_argument("--lang", default="en", help="target language (default: en)")
    m.add_argument("--source-lang", default="", help="source language recorded in the rows")
    m.add_argument("--min-count", type=int, default=2, help="keep phrases replaced at least this often (default: 2)")
    m.add_argument("--min-consistency", type=float, default=0.5,
                   help="keep phrases replaced in at least this share of their occurrences (default: 0.5)")
    m.add_argument("--device", default=None)
    return parser


def _read_lines(path: str) -> list[str]:
    return read_text(path).splitlines()


def _aligned(hyp_path: str, ref_paths: list[str]) -> tuple[list[str], list[list[str]]]:
    """Hypothesis lines and, per reference file, its lines; stops before any work if counts differ."""
    hyps = _read_lines(hyp_path)
    refs = [_read_lines(path) for path in ref_paths]
    for path, lines in zip(ref_paths, refs):
        if len(lines) != len(hyps):
            raise InputError(f"{path} has {len(lines)} lines but {hyp_path} has {len(hyps)}; "
                             "references must be line-aligned with the hypotheses")
    return hyps, refs


def _check(args: argparse.Namespace) -> int:
    from .check import Checker
    from .phrasebook import Phrasebook

    hyps, refs = _aligned(args.hyp, args.ref)
    book = Phrasebook.load(args.phrasebook, default=not args.no_default_phrasebook)
    records = []
    if refs:
        checker = Checker(lang=args.lang, device=args.device, phrasebook=book if len(book) else None)
        corpus = checker.check_corpus(hyps, [list(r) for r in zip(*refs)])
        for i, segment in enumerate(corpus.segments):
            records.append({"id": i + 1, **segment.to_dict()})
        print(f"BLEU {corpus.bleu:.2f}  chrF++ {corpus.chrf:.2f}  TER {corpus.ter:.2f}  score {corpus.score:.2f}",
              file=sys.stderr)
        for name, signature in corpus.signatures.items():
            print(f"{name}: {signature}", file=sys.stderr)
    else:
        for i, line in enumerate(hyps):
            spans = book.match(line, args.lang)
            records.append({"id": i + 1, "score": None, "bleu": None, "chrf": None, "ter": None,
                            "spans": [s.to_dict() for s in spans]})
    with atomic_output(args.output) as out:
        for record in records:
            if args.format == "jsonl":
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                continue
            for span in record["spans"]:
                fix = f" -> {span['suggestion']!r}" if span["suggestion"] else ""
                note = f"  ({span['note']})" if span.get("note") else ""
                out.write(f"{args.hyp}:{record['id']}:{span['start']}-{span['end']}: {span['category']} "
                          f"{span['severity']}: {span['text']!r}{fix}{note}\n")
    flags = sum(len(r["spans"]) for r in records)
    mode = "against the references" if refs else f"with the phrasebook only ({len(book)} entries; no reference given)"
    print(f"{flags} flags in {len(records)} lines, {mode}", file=sys.stderr)
    return 0


def _mine(args: argparse.Namespace) -> int:
    from .check import Checker
    from .phrasebook import mine_phrasebook, write_phrasebook

    hyps, [refs] = _aligned(args.hyp, [args.ref])
    entries = mine_phrasebook(hyps, refs, Checker(lang=args.lang, device=args.device, phrasebook=None),
                              min_count=args.min_count, min_consistency=args.min_consistency,
                              target_lang=args.lang, source_lang=args.source_lang)
    write_phrasebook(entries, args.output)
    print(f"{len(entries)} entries mined from {len(hyps)} segment pairs", file=sys.stderr)
    return 0


def _summarize(args: argparse.Namespace) -> int:
    from . import Summarizer, split_articles

    if args.max_sentences < 1 or args.max_words < 1:
        raise InputError("--max-sentences and --max-words must be at least 1")
    text = read_text(args.page)
    articles = split_articles(text)
    if not articles:
        raise InputError(f"{args.page}: no article text found")
    summarizer = Summarizer(args.model, backend=args.backend, device=args.device, batch_size=args.batch_size,
                            dtype=args.dtype, max_input_tokens=args.max_input_tokens, num_beams=args.num_beams)
    summaries = summarizer.summarize(articles, max_sentences=args.max_sentences, max_words=args.max_words)
    with atomic_output(args.output) as out:
        for summary in summaries:
            if args.format == "jsonl":
                out.write(json.dumps(summary.to_dict(), ensure_ascii=False) + "\n")
            else:
                out.write(f"[{summary.id + 1}] {summary.title or '(untitled)'}\n")
                out.write(f"    {summary.summary}\n    ({summary.language}, {summary.method})\n\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `summarizer … | head` ends quietly
    args = _parser().parse_args(argv)
    commands = {"summarize": _summarize, "check": _check, "mine": _mine}
    try:
        return commands[args.command](args)
    except InputError as err:
        print(f"summarizer: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
