"""Command-line interface: ``summarizer summarize | check | mine | serve``. A thin layer over the library."""

from __future__ import annotations

import argparse
import json
import signal
import sys

from .batch.journal import partial_path
from .batch.records import MAX_SEGMENT_CHARS
from .check import DEFAULT_METRICS, REGISTRY
from .inputs import MAX_STREAM_BYTES, InputError, atomic_output, check_outputs, local_inputs, read_pages, read_text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="summarizer", description="Multilingual news summaries and MT quality checks.")
    sub = parser.add_subparsers(dest="command", required=True)
    _summarize_options(sub)
    _check_options(sub)
    _mine_options(sub)
    v = sub.add_parser("serve", help="serve the review page (Summaries, Check, Batch) in the browser",
                       description="Serve the Gradio review page; prints its URL. Each request is limited: "
                                   "200,000 characters for a page, 50,000 per side in Check with sentences up to "
                                   "5,000, uploads of 10 MB and 5,000 segments of up to 5,000 characters, 300 s "
                                   "per Batch request. Stop it with Ctrl-C or SIGTERM: its temporary files go too.")
    v.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    v.add_argument("--port", type=int, default=7860, help="port (default: 7860)")
    v.add_argument("--encoder", action="append", default=None,
                   help="sentence-transformers model (Hub id or path) the page offers in its encoder field; repeat "
                        "to offer several, the first the default (default: bundled all-MiniLM-L6-v2); visitors "
                        "choose among these only")
    return parser


def _summarize_options(sub) -> None:
    s = sub.add_parser("summarize", help="split a pasted page into articles and summarise each one",
                       description="Split a pasted news page into its articles and print a short summary of each.")
    s.add_argument("pages", nargs="+", metavar="PAGE",
                   help="text file of a pasted page (.txt, .html; up to 20 MB), a .jsonl of records with a 'text' "
                        "field, a directory of such files, or - for stdin")
    s.add_argument("--format", choices=["text", "jsonl"], default="text", help="output format (default: text)")
    s.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")
    s.add_argument("--model", default=None,
                   help="sentence-transformers, seq2seq or causal LM (Hub id or path); default: bundled all-MiniLM-L6-v2")
    s.add_argument("--backend", choices=["auto", "extractive", "seq2seq", "causal"], default="auto")
    s.add_argument("--encoder", default=None,
                   help="sentence-transformers model (Hub id or path) for extractive summaries, e.g. a multilingual "
                        "one for Vietnamese or German pages (its model card's languages say where it is used)")
    s.add_argument("--max-sentences", type=int, default=2, help="sentences per summary (default: 2)")
    s.add_argument("--max-words", type=int, default=60,
                   help="about this many words per summary, never more than 1.5 times as many: a longer "
                        "sentence is cut and ends with '…' (default: 60); extractive summaries choose among an "
                        "article's first 1,000 sentences")
    s.add_argument("--device", default=None, help="cpu, cuda, cuda:1 … (default: cuda when present)")
    s.add_argument("--batch-size", type=int, default=None)
    s.add_argument("--dtype", choices=["auto", "float32", "float16", "bfloat16"], default="auto")
    s.add_argument("--max-input-tokens", type=int, default=None, help="abstractive: chunk size in tokens (default: the model's limit)")
    s.add_argument("--num-beams", type=int, default=4, help="abstractive: beam size (default: 4)")
    s.add_argument("--phrasebook", action="append", default=[],
                   help="flag the phrasebook's known awkward renderings inside the summaries, with suggestions "
                        "(extra TSV/JSONL files; the shipped vi→en one is used unless --no-default-phrasebook)")
    s.add_argument("--no-default-phrasebook", action="store_true", help="do not use the shipped vi→en phrasebook")
    _engine_options(s)


def _engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", choices=["local", "ray"], default="local",
                        help="local: this machine (default); ray: a Ray cluster reads the shards and actors hold "
                             'the models (needs pip install "summarizer[ray]"); the output is the same')
    parser.add_argument("--ray-address", default=None,
                        help="Ray cluster to run on (auto: the one this machine joined with ray start; "
                             "default: start a local Ray instance)")
    parser.add_argument("--actors", type=int, default=None,
                        help="Ray actors, each holding one model (default: one per GPU of the cluster, else one per CPU)")


def _engine(args: argparse.Namespace):
    """A Ray engine for ``--engine ray`` (None: run here)."""
    if args.engine == "local":
        if args.ray_address or args.actors:
            raise InputError("--ray-address and --actors go with --engine ray")
        return None
    if args.actors is not None and args.actors < 1:
        raise InputError("--actors must be at least 1")
    from .batch.cluster import RayEngine

    return RayEngine(args.ray_address, args.actors)


def _check_options(sub) -> None:
    c = sub.add_parser("check", help="score MT against references and flag awkward phrasing (or phrasebook only)",
                       description="Check MT against references, sacrebleu style (line-aligned --hyp/--ref files) "
                                   "or COMET style (--input records with mt and ref). With no reference, flag the "
                                   "phrasebook's known awkward renderings only.")
    c.add_argument("--hyp", nargs="+", default=[],
                   help="MT file(s), one segment per line; several = several systems; - reads standard input. "
                        "A directory or a quoted glob names one system's shards (sorted; its name: the directory's, "
                        "or the file name before the wildcard)")
    c.add_argument("--ref", action="append", default=[],
                   help="reference file, line-aligned with --hyp (repeatable); with sharded --hyp, a directory or "
                        "glob naming as many files, shard k with shard k")
    c.add_argument("--input", nargs="+", default=[],
                   help="records file(s): .jsonl, .tsv or .csv with mt, ref (or refs), optional src, id, system, "
                        "doc; several files, a directory or a glob are the shards of one corpus, read in order")
    c.add_argument("--mt-doc", help="document mode: an MT article, not sentence-aligned with --ref-doc")
    c.add_argument("--ref-doc", help="document mode: the reference article")
    c.add_argument("--system-names", nargs="+", help="names of the --hyp systems (default: file names)")
    c.add_argument("--lang", default="auto",
                   help="target language, e.g. en, de, vi (default: auto, detected from the hypotheses and printed)")
    c.add_argument("--tokenize", default=None, help="sacrebleu tokenizer (default: by --lang, as sacrebleu)")
    c.add_argument("--metrics", default=",".join(DEFAULT_METRICS),
                   help=f"comma-separated scores to report, from {', '.join(REGISTRY)} (default: %(default)s; "
                        "the checker score and what it is made of are always computed)")
    c.add_argument("--min-severity", choices=["minor", "major", "critical"], default="minor",
                   help="report flags of this severity and worse (default: minor, i.e. all)")
    c.add_argument("--min-confidence", type=float, default=0.0,
                   help="report flags with at least this confidence, 0-1 (default: 0); flags come worst first")
    c.add_argument("--phrasebook", action="append", default=[], help="extra phrasebook TSV/JSONL (repeatable)")
    c.add_argument("--no-default-phrasebook", action="store_true", help="do not use the shipped vi→en phrasebook")
    c.add_argument("--format", choices=["text", "jsonl", "tsv", "csv", "html"], default="text",
                   help="per-segment output, or html for the report alone (default: text)")
    c.add_argument("--report", help="also write the self-contained HTML report to this file")
    c.add_argument("-o", "--output", help="write here instead of stdout, all at once when the run completes; "
                                          "progress is kept in OUTPUT.partial, locked while the run writes it")
    c.add_argument("--resume", action="store_true",
                   help="continue an interrupted run from OUTPUT.partial (refused if an input or option changed)")
    c.add_argument("--summary", help="write corpus scores, intervals, ranking and signatures to this JSON file")
    c.add_argument("--fail-under", type=float, help="exit 1 when a system's corpus score is below this")
    c.add_argument("--on-error", choices=["fail", "skip"], default="fail", help="bad record: stop (default) or skip it")
    c.add_argument("--batch-size", type=int, default=256, help="segments checked per batch (default: 256)")
    c.add_argument("--max-segment-chars", type=int, default=MAX_SEGMENT_CHARS,
                   help="a longer hypothesis or reference is a bad record (see --on-error; default: %(default)s); "
                        "TER is computed on a segment's first 200 tokens (noted in the row)")
    c.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples for intervals (default: 1000)")
    c.add_argument("--no-encoder", action="store_true", help="lexical evidence only (no transformer; faster)")
    c.add_argument("--encoder", default=None,
                   help="sentence-transformers model (Hub id or path) for BERTScore and paraphrase evidence; its "
                        "model card's languages say where it is used (default: bundled all-MiniLM-L6-v2, English); "
                        "its BERTScore baseline is computed from unrelated reference pairs unless kept as data")
    c.add_argument("--workers", type=int, default=1,
                   help="processes checking batches in parallel (each loads its own model unless --no-encoder)")
    c.add_argument("--lexical-workers", type=int, default=None,
                   help="with one worker: processes computing the next batches' sacrebleu statistics and alignment "
                        "while the encoder works (default: on a GPU the cores but one, up to 8; on the CPU none)")
    _engine_options(c)
    c.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr (default: when stderr is a terminal)")
    c.add_argument("--device", default=None)


def _mine_options(sub) -> None:
    m = sub.add_parser("mine", help="learn phrasebook entries from MT and reference (post-edit) files",
                       description="Collect recurring, consistent substitutions between line-aligned MT and "
                                   "reference files and write them as phrasebook rows.")
    m.add_argument("--hyp", required=True, help="MT file, one segment per line")
    m.add_argument("--ref", required=True, help="reference or post-edit file, line-aligned with --hyp")
    m.add_argument("-o", "--output", help="phrasebook to write (.tsv or .jsonl; default: stdout as TSV)")
    m.add_argument("--lang", default="auto", help="target language (default: auto, detected from --hyp and printed)")
    m.add_argument("--source-lang", default="", help="source language recorded in the rows")
    m.add_argument("--min-count", type=int, default=2, help="keep phrases replaced at least this often (default: 2)")
    m.add_argument("--min-consistency", type=float, default=0.5,
                   help="keep phrases replaced in at least this share of their occurrences (default: 0.5)")
    m.add_argument("--device", default=None)


def _serve(args: argparse.Namespace) -> int:
    from .web import serve

    serve(args.host, args.port, encoder=args.encoder)
    return 0


def _check_args(args: argparse.Namespace) -> None:
    """Refuse option combinations that cannot work, before anything is read."""
    if bool(args.mt_doc) != bool(args.ref_doc):
        raise InputError("document mode needs both --mt-doc and --ref-doc")
    if args.mt_doc and (args.input or args.hyp or args.ref):
        raise InputError("--mt-doc/--ref-doc replace --hyp, --ref and --input")
    if not args.mt_doc and bool(args.input) == bool(args.hyp):
        raise InputError("give either --hyp (with --ref), --input, or --mt-doc with --ref-doc")
    if args.input and args.ref:
        raise InputError("--input records carry their references; --ref goes with --hyp")
    if args.encoder and args.no_encoder:
        raise InputError("--encoder and --no-encoder contradict each other")
    if args.engine == "ray" and (args.workers > 1 or args.mt_doc):
        raise InputError("--engine ray checks corpora with --actors (not --workers); document mode runs locally")
    if args.batch_size < 1 or args.workers < 1 or args.max_segment_chars < 1:
        raise InputError("--batch-size, --workers and --max-segment-chars must be at least 1")
    if args.lexical_workers is not None and args.lexical_workers < 0:
        raise InputError("--lexical-workers must be 0 or more")
    named = [*args.hyp, *args.ref, *args.input, args.mt_doc, args.ref_doc]
    if named.count("-") > 1:
        raise InputError("standard input (-) can be read only once; give the other inputs as files")
    check_outputs(named + args.phrasebook, [args.output, args.output and str(partial_path(args.output)), args.summary,
                                             args.report])
    if not 0 <= args.min_confidence <= 1:
        raise InputError("--min-confidence must be between 0 and 1")
    if args.resume and (args.format == "html" or args.report):
        raise InputError("--resume does not go with the HTML report (it needs every segment in one run)")


def _target_language(args: argparse.Namespace, detect) -> str:
    """``--lang``, or the language ``detect()`` finds (said on stderr) when it is ``auto``."""
    if args.lang != "auto":
        return args.lang
    lang = detect()
    _note(f"target language {lang}, detected from the MT (set it with --lang)")
    return lang


def _checker_options(args: argparse.Namespace, lang: str, book) -> dict:
    metrics = [m.strip() for m in args.metrics.split(",") if m.strip()]
    return {"lang": lang, "device": args.device, "tokenize": args.tokenize, "use_encoder": not args.no_encoder,
            "encoder": args.encoder,
            "phrasebook": book if len(book) else None, "metrics": metrics, "min_severity": args.min_severity,
            "min_confidence": args.min_confidence}


def _check(args: argparse.Namespace) -> int:
    from .batch import Corpus, corpus_language, corpus_shards
    from .check import Phrasebook
    from .text import detect_language

    _check_args(args)
    book = Phrasebook.load(args.phrasebook, default=not args.no_default_phrasebook)
    with local_inputs(MAX_STREAM_BYTES) as files:
        if args.mt_doc:
            mt, ref = read_text(args.mt_doc), read_text(args.ref_doc)
            lang = _target_language(args, lambda: detect_language(mt, default="en"))
            return _check_document(args, _checker_options(args, lang, book), mt, ref)
        shards = corpus_shards(args.input, args.hyp, args.ref, args.system_names, files.path, files.display)
        corpus = Corpus(shards, args.max_segment_chars, args.on_error)
        check_outputs([*corpus.paths, *args.phrasebook], [args.output, args.summary, args.report])
        lang = _target_language(args, lambda: corpus_language(shards[0].read(args.max_segment_chars)))
        return _check_corpus(args, _checker_options(args, lang, book), corpus)


def _check_corpus(args: argparse.Namespace, options: dict, corpus) -> int:
    from tqdm import tqdm

    from .batch import CorpusCheck, format_ranking, format_signatures, write_rows
    from .batch.runner import auto_lexical_workers

    report = args.format == "html" or bool(args.report)
    try:
        lexical = args.lexical_workers if args.lexical_workers is not None else auto_lexical_workers(options)
        run = CorpusCheck(options, workers=args.workers, report=report, lexical_workers=lexical if args.workers == 1 else 0)
    except ValueError as err:  # an unknown metric
        raise InputError(str(err)) from None
    show = sys.stderr.isatty() if args.progress is None else args.progress
    engine = _engine(args)
    with tqdm(total=None, unit="seg", disable=not show, file=sys.stderr) as bar:
        try:
            write_rows(run, corpus, args.output, None if args.format == "html" else args.format, args.batch_size,
                       resume=args.resume, progress=bar.update, out=sys.stdout, note=_note, engine=engine,
                       inputs={corpus.display(p): p for p in corpus.paths + args.phrasebook},
                       options={"on_error": args.on_error, "max_segment_chars": args.max_segment_chars,
                                "system_names": args.system_names})
        except KeyboardInterrupt:
            if args.output and args.format != "html":
                _note(f"interrupted; {args.output}.partial keeps what was done: "
                      "run the same command with --resume to continue")
            raise
        finally:
            if engine:
                engine.close()
    ranking = run.ranking(n_samples=args.bootstrap)
    if report:
        _write(run.report(ranking), [args.report] + ([args.output or "-"] if args.format == "html" else []))
    if not run.totals:
        blank = f" and {run.blank} blank lines" if run.blank else ""
        _note(f"{run.flags} flags in {run.segments - run.blank} segments{blank}, with the phrasebook only "
              f"({len(options['phrasebook'] or ())} entries; no reference given)")
        return 0
    print(format_ranking(ranking), file=sys.stderr)
    print(format_signatures(run.signatures), file=sys.stderr)
    if args.summary:
        _write(json.dumps(run.summary(ranking, args.bootstrap), indent=2, ensure_ascii=False) + "\n", [args.summary])
    return _fail_under(args.fail_under, ranking)


def _note(message: str) -> None:
    print(f"summarizer: {message}", file=sys.stderr)


def _write(text: str, targets: list[str | None]) -> None:
    for target in filter(None, targets):
        with atomic_output(target) as fh:
            fh.write(text)


def _fail_under(threshold: float | None, ranking) -> int:
    below = [s for s in ranking if threshold is not None and s.score < threshold]
    if below:
        names = ", ".join(f"{s.system} {s.score:.2f}" for s in below)
        print(f"summarizer: corpus score below --fail-under {threshold}: {names}", file=sys.stderr)
        return 1
    return 0


def _check_document(args: argparse.Namespace, options: dict, mt: str, ref: str) -> int:
    """Document mode: sentence-align an MT article to its reference, then check pair by pair."""
    from .batch import RowWriter, document_ranking, document_rows, format_ranking, format_signatures
    from .check import Checker

    checker = Checker(**options)
    result = checker.check_document(mt, ref)
    if result.corpus is None:
        raise InputError(f"{args.mt_doc}: no sentence could be aligned with {args.ref_doc}")
    fmt = "jsonl" if args.format == "html" else args.format
    with atomic_output(args.output) as out:
        writer = RowWriter(out, fmt, list(result.corpus.scores))
        writer.header()
        for _, row in document_rows(result, list(result.corpus.scores)):
            writer.row(row, args.mt_doc, mt)
    print(format_ranking(document_ranking(result, checker, n_samples=args.bootstrap)), file=sys.stderr)
    print(format_signatures(result.corpus.signatures), file=sys.stderr)
    return 0


def _mine(args: argparse.Namespace) -> int:
    from .batch import corpus_language, read_aligned, records
    from .check import Checker, mine_phrasebook, write_phrasebook

    check_outputs([args.hyp, args.ref], [args.output])
    if args.hyp == args.ref == "-":
        raise InputError("standard input (-) can be read only once; give the other input as a file")
    with local_inputs(MAX_STREAM_BYTES) as files:
        pairs = list(records(read_aligned([files.path(args.hyp)], [files.path(args.ref)], display=files.display),
                             "fail", _note))
    hyps, refs = [r.mt for r in pairs], [r.refs[0] for r in pairs]
    lang = _target_language(args, lambda: corpus_language(pairs))
    entries = mine_phrasebook(hyps, refs, Checker(lang=lang, device=args.device, phrasebook=None),
                              min_count=args.min_count, min_consistency=args.min_consistency,
                              target_lang=lang, source_lang=args.source_lang)
    write_phrasebook(entries, args.output)
    print(f"{len(entries)} entries mined from {len(hyps)} segment pairs", file=sys.stderr)
    return 0


def _summarize(args: argparse.Namespace) -> int:
    from .batch import summarize_page
    from .check import Phrasebook
    from .summarize import Summarizer

    if args.max_sentences < 1 or args.max_words < 1:
        raise InputError("--max-sentences and --max-words must be at least 1")
    check_outputs([*args.pages, *args.phrasebook], [args.output])
    book = Phrasebook.load(args.phrasebook, default=not args.no_default_phrasebook)
    if args.encoder and (args.model or args.backend not in ("auto", "extractive")):
        raise InputError("--encoder is the extractive summariser's model; give it or --model, not both")
    options = {"model": args.model or args.encoder, "backend": "extractive" if args.encoder else args.backend,
               "device": args.device, "batch_size": args.batch_size, "dtype": args.dtype,
               "max_input_tokens": args.max_input_tokens, "num_beams": args.num_beams}
    sizes = {"max_sentences": args.max_sentences, "max_words": args.max_words}
    book = book if len(book) else None
    engine = _engine(args)
    try:
        if engine:
            pages = engine.summarize(args.pages, {"summarizer": options, "phrasebook": book, **sizes})
        else:
            summarizer = Summarizer(**options)
            pages = ((source, summarize_page(summarizer, source, text, book, **sizes))
                     for source, text in read_pages(args.pages))
        with atomic_output(args.output) as out:
            for source, flagged in pages:
                _write_summaries(out, source, flagged, args.format, len(args.pages) > 1 or ":" in source)
    finally:
        if engine:
            engine.close()
    return 0


def _write_summaries(out, source: str, flagged, fmt: str, named: bool) -> None:
    for item in flagged:
        summary = item.summary
        if fmt == "jsonl":
            out.write(json.dumps({**item.to_dict(), "source": source}, ensure_ascii=False) + "\n")
            continue
        prefix = f"{source} " if named else ""
        out.write(f"[{prefix}{summary.id + 1}] {summary.title or '(untitled)'}\n")
        out.write(f"    {summary.summary}\n    ({summary.language}, {summary.method})\n")
        for flag in item.flags:
            out.write(f"    flag: {flag.text!r} -> {flag.suggestion!r}  ({flag.note or flag.type})\n")
        out.write("\n")


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `summarizer … | head` ends quietly
    args = _parser().parse_args(argv)
    commands = {"summarize": _summarize, "check": _check, "mine": _mine, "serve": _serve}
    previous = {sig: signal.signal(sig, _interrupt) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        return commands[args.command](args)
    except InputError as err:
        print(f"summarizer: error: {err}", file=sys.stderr)
        return 2
    except Interrupted as stop:
        return 128 + stop.signal
    except KeyboardInterrupt:
        return 130
    except OSError as err:  # disk full, a folder removed during the run …
        where = f"{err.filename}: " if err.filename else ""
        print(f"summarizer: error: {where}{err.strerror or err}", file=sys.stderr)
        return 2
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGHUP: handled as Ctrl-C is (temporary files removed, a run's journal kept)."""

    def __init__(self, signal_number: int):
        super().__init__(signal_number)
        self.signal = signal_number


def _interrupt(signal_number: int, frame) -> None:
    raise Interrupted(signal_number)


if __name__ == "__main__":
    sys.exit(main())
