"""Command-line interface: ``summarizer summarize PAGE.txt``. A thin layer over the library."""

from __future__ import annotations

import argparse
import json
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
    return parser


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
    args = _parser().parse_args(argv)
    try:
        return _summarize(args)
    except InputError as err:
        print(f"summarizer: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
