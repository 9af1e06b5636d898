"""Speed benchmarks, each comparing side by side in one run (ratios hold across noisy machines).

    python eval/bench.py summarize [--data ../shared/data/summarization/summeval_cnndm100.jsonl]
                                   [--repeats 3] [--device cpu] [--batch-size 64]
    python eval/bench.py check [--data ../shared/data/mqm/ted_zhen.dev.tsv] [--repeats 3]

``summarize``: articles/s of the default summariser (sentence splitting, language identification,
encoding, selection) on the SummEval CNN/DailyMail articles (pre-tokenisation undone), next to the bare sentence encoder
(``SentenceTransformer.encode``) on exactly the sentences and titles the summariser encodes. The
ratio (ours / bare) shows the overhead of everything around the model; goal >= 0.8. Peak RSS is
the process's high-water mark after each phase (``ru_maxrss``).

``check``: segments/s of ``Checker.check_corpus`` on the MQM dev hypotheses against refB, lexical
only (``use_encoder=False``: sacrebleu scores, alignment spans with character similarity) and full
(encoder phrase similarity and BERTScore), next to a bare Python loop of sacrebleu's sentence
BLEU, chrF++ and TER over the same pairs.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_summarize(args: argparse.Namespace) -> None:
    import torch

    from summaries import detokenize
    from summarizer import Article, Summarizer, split_sentences

    with open(args.data, encoding="utf-8") as fh:
        texts = [detokenize(json.loads(line)["article"]) for line in fh]
    articles = [Article.from_text(t, id=i) for i, t in enumerate(texts)]
    summarizer = Summarizer(device=args.device, batch_size=args.batch_size)
    encoder = summarizer.encoder
    rss_start = peak_rss_mb()
    sentences = [s.text for a in articles for s in split_sentences(a.body, a.language)]
    model = encoder.model
    model.encode(sentences[:64], batch_size=args.batch_size)  # warm-up
    summarizer.summarize(articles[:4])
    rss_loaded = peak_rss_mb()

    ours, bare = [], []
    for _ in range(args.repeats):  # interleaved so drift affects both alike
        start = time.perf_counter()
        model.encode(sentences, batch_size=args.batch_size, normalize_embeddings=True, show_progress_bar=False)
        bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        summarizer.summarize(articles)
        ours.append(time.perf_counter() - start)
    t_ours, t_bare = statistics.median(ours), statistics.median(bare)
    n = len(articles)
    print(f"machine: {platform.processor() or platform.machine()}, {torch.get_num_threads()} torch threads, "
          f"device {encoder.device}, batch size {args.batch_size}")
    print(f"data: {n} articles, {len(sentences)} sentences, {args.repeats} interleaved repeats (median)\n")
    print("| what | seconds | articles/s | sentences/s |")
    print("|---|---|---|---|")
    print(f"| bare encoder (SentenceTransformer.encode) | {t_bare:.2f} | {n / t_bare:.1f} | {len(sentences) / t_bare:.0f} |")
    print(f"| summarizer (split + language + encode + select) | {t_ours:.2f} | {n / t_ours:.1f} | "
          f"{len(sentences) / t_ours:.0f} |")
    print(f"\nratio summarizer / bare encoder throughput: {t_bare / t_ours:.2f} (goal >= 0.8)")
    print(f"peak RSS: {rss_start:.0f} MB before loading the model, {rss_loaded:.0f} MB after, "
          f"{peak_rss_mb():.0f} MB at the end")


def bench_check(args: argparse.Namespace) -> None:
    import csv

    from sacrebleu.metrics import BLEU, CHRF, TER

    from summarizer import Checker

    csv.field_size_limit(10**8)
    segments: dict[tuple, str] = {}
    refs: dict[tuple, str] = {}
    with open(args.data, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            key = (row["doc"], row["seg_id"])
            text = row["target"].replace("<v>", "").replace("</v>", "")
            if row["system"] == "refB":
                refs[key] = text
            elif row["system"] != "ref":
                segments[(row["system"], *key)] = text
    pairs = [(text, refs[key[1:]]) for key, text in segments.items() if key[1:] in refs]
    hyps, references = [h for h, _ in pairs], [r for _, r in pairs]
    bleu, chrf, ter = BLEU(effective_order=True), CHRF(word_order=2), TER()

    def bare() -> None:
        for h, r in pairs:
            bleu.sentence_score(h, [r])
            chrf.sentence_score(h, [r])
            ter.sentence_score(h, [r])

    lexical = Checker(use_encoder=False, phrasebook=None)
    full = Checker(device=args.device, batch_size=args.batch_size)
    full.check_corpus(hyps[:32], references[:32])  # load the model
    runs = {"bare sacrebleu loop (BLEU + chrF++ + TER)": bare,
            "checker, lexical only (scores + alignment spans)": lambda: lexical.check_corpus(hyps, references),
            "checker, full (+ encoder: phrase similarity, BERTScore)": lambda: full.check_corpus(hyps, references)}
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeats):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times[next(iter(runs))])
    print(f"data: {len(pairs)} MQM segments (hypotheses vs refB), {args.repeats} interleaved repeats (median)\n")
    print("| what | seconds | segments/s | vs bare loop |\n|---|---|---|---|")
    for name, values in times.items():
        t = statistics.median(values)
        print(f"| {name} | {t:.2f} | {len(pairs) / t:.0f} | {base / t:.2f}× |")
    print(f"\npeak RSS: {peak_rss_mb():.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("summarize", help="default summariser vs the bare encoder")
    s.add_argument("--data", type=Path, default=Path("../shared/data/summarization/summeval_cnndm100.jsonl"))
    s.add_argument("--repeats", type=int, default=3)
    s.add_argument("--device", default=None)
    s.add_argument("--batch-size", type=int, default=64)
    c = sub.add_parser("check", help="checker (lexical only and full) vs a bare sacrebleu loop")
    c.add_argument("--data", type=Path, default=Path("../shared/data/mqm/ted_zhen.dev.tsv"))
    c.add_argument("--repeats", type=int, default=3)
    c.add_argument("--device", default=None)
    c.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    {"summarize": bench_summarize, "check": bench_check}[args.command](args)


if __name__ == "__main__":
    main()
