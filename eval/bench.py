"""Speed benchmarks, each comparing side by side in one run (ratios hold across noisy machines).

    python eval/bench.py summarize [--data ../shared/data/summarization/summeval_cnndm100.jsonl]
                                   [--repeats 3] [--device cpu] [--batch-size 64]
    python eval/bench.py check [--data ../shared/data/mqm/ted_zhen.dev.tsv] [--repeats 3]
    python eval/bench.py batch [--data ../shared/data/mqm/ted_zhen.dev.tsv] [--segments 1000]
    python eval/bench.py serve [--clients 8] [--requests 5]
    python eval/bench.py ray [--data ../shared/data/mqm/ted_zhen.dev.tsv] [--segments 1000] [--sizes 1 10 100]
    python eval/bench.py limits [--summarization-data ../shared/data/summarization]
                                [--mqm ../shared/data/mqm/ted_zhen.dev.tsv] [--rows 20000]

``summarize``: articles/s of the default summariser (sentence splitting, language identification,
encoding, selection) on the SummEval CNN/DailyMail articles (pre-tokenisation undone), next to the bare sentence encoder
(``SentenceTransformer.encode``) on exactly the sentences and titles the summariser encodes. The
ratio (ours / bare) shows the overhead of everything around the model; goal >= 0.8. Peak RSS is
the process's high-water mark after each phase (``ru_maxrss``).

``ray``: ``summarizer check --engine ray --actors 2`` against ``--workers 2`` on the same corpus in
shards (line-aligned files in a directory), at 1×, 10× and 100× the base corpus: wall time of each
(Ray's start-up included), the driver process's peak RSS (it must stay flat as the corpus grows),
and whether the two outputs are byte-identical.

``check``: segments/s of ``Checker.check_corpus`` on the MQM dev hypotheses against refB, lexical
only (``use_encoder=False``: sacrebleu scores, alignment spans with character similarity) and full
(encoder phrase similarity and BERTScore), next to a bare Python loop of sacrebleu's sentence
BLEU, chrF++ and TER over the same pairs; and both again on the distinct pairs only (the checker
scores and aligns a repeated pair once, which the full corpus rewards).

``batch``: ``summarizer check`` as users run it (fresh processes, files in and out) against the
sacrebleu command line on the same files; ``--workers 2`` against 1 on the corpus repeated 10×;
and peak RSS with the corpus repeated 10× and 100×, to show that memory stays flat as it grows.

``serve``: the review page as users reach it: ``python app.py`` in its own process, then N
concurrent ``gradio_client`` clients, each sending its requests one after another (Check with a
reference, Check without, Summaries, in turn). Reports latency percentiles per endpoint, that
every request succeeded, and the same requests sent by a single client for comparison.

``limits``: the inputs that used to exhaust memory or time, each in a fresh process with its
seconds and peak RSS: ``summarize`` on a 5 MB English page (one article), 200,000 short lines,
5 MB without a full stop and a 1.3 MB Vietnamese page; ``check`` on one 200,000-character
segment pair; resuming a ``--no-encoder`` run of ``--rows`` rows with 32 left, next to the full
run; and the page's server RSS before, during and after a 400 KB Batch upload.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path



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
    from mqm import load
    from sacrebleu.metrics import BLEU, CHRF, TER

    from summarizer import Checker

    rows, refs = load(args.data)
    pairs = [(r["mt"], refs[r["key"]]) for r in rows]
    hyps, references = [h for h, _ in pairs], [r for _, r in pairs]
    bleu, chrf, ter = BLEU(effective_order=True), CHRF(word_order=2), TER()

    distinct = list(dict.fromkeys(pairs))  # MQM has a row per rater, and systems that agree: pairs repeat

    def bare(which: list[tuple[str, str]] = pairs) -> None:
        for h, r in which:
            bleu.sentence_score(h, [r])
            chrf.sentence_score(h, [r])
            ter.sentence_score(h, [r])

    lexical = Checker(use_encoder=False, phrasebook=None)
    full = Checker(device=args.device, batch_size=args.batch_size)
    full.check_corpus(hyps[:32], references[:32])  # load the model
    runs = {"bare sacrebleu loop (BLEU + chrF++ + TER)": bare,
            "checker, lexical only (scores + alignment spans)": lambda: lexical.check_corpus(hyps, references),
            "checker, full (+ encoder: phrase similarity, BERTScore)": lambda: full.check_corpus(hyps, references),
            "bare sacrebleu loop, distinct pairs only": lambda: bare(distinct),
            "checker, lexical only, distinct pairs only": lambda: lexical.check_corpus(*map(list, zip(*distinct)))}
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeats):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times[next(iter(runs))])
    print(f"data: {len(pairs)} MQM segments (hypotheses vs refB), {len(distinct)} distinct; "
          f"{args.repeats} interleaved repeats (median)\n")
    print("| what | seconds | segments/s | vs bare loop (on the same pairs) |\n|---|---|---|---|")
    for name, values in times.items():
        t, only = statistics.median(values), "distinct" in name
        reference = statistics.median(times["bare sacrebleu loop, distinct pairs only"]) if only else base
        print(f"| {name} | {t:.2f} | {(len(distinct) if only else len(pairs)) / t:.0f} | {reference / t:.2f}× |")
    print(f"\npeak RSS: {peak_rss_mb():.0f} MB")


def _rss_run(argv: list[str]) -> tuple[float, float]:
    """Run ``summarizer`` in a fresh Python process; (seconds, that process's peak RSS in MB)."""
    code = ("import resource, sys\nfrom summarizer.cli import main\ncode = main(sys.argv[1:])\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\nsys.exit(code)")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"summarizer {' '.join(argv)} failed:\n{done.stderr[-2000:]}")
    return seconds, int(done.stderr.strip().splitlines()[-1]) / 1024


def bench_batch(args: argparse.Namespace) -> None:
    """The batch CLI on line-aligned files: throughput, workers, memory as the corpus grows."""
    import tempfile

    from mqm import load

    rows, refs = load(args.data)
    pairs = [(r["mt"], refs[r["key"]]) for r in rows][: args.segments]
    folder = Path(tempfile.mkdtemp(prefix="bench-"))
    for times in (1, 10, 100):
        (folder / f"hyp{times}.txt").write_text("".join(h + "\n" for h, _ in pairs) * times, encoding="utf-8")
        (folder / f"ref{times}.txt").write_text("".join(r + "\n" for _, r in pairs) * times, encoding="utf-8")
    n = len(pairs)

    def check(times: int, *extra: str) -> tuple[float, float]:
        return _rss_run(["check", "--hyp", str(folder / f"hyp{times}.txt"), "--ref", str(folder / f"ref{times}.txt"),
                         "--format", "jsonl", "-o", str(folder / "out.jsonl"), "--no-progress", *extra])

    start = time.perf_counter()
    for metric in ("bleu", "chrf", "ter"):  # sentence-level mode takes one metric per run
        subprocess.run(["sacrebleu", str(folder / "ref1.txt"), "-i", str(folder / "hyp1.txt"), "-m", metric,
                        "--chrf-word-order", "2", "--sentence-level"], capture_output=True, check=True)
    sacre_sentence = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run(["sacrebleu", str(folder / "ref1.txt"), "-i", str(folder / "hyp1.txt"), "-m", "bleu", "chrf", "ter",
                    "--chrf-word-order", "2"], capture_output=True, check=True)
    sacre_corpus = time.perf_counter() - start
    rows = [("sacrebleu CLI, sentence-level BLEU + chrF++ + TER (three runs)", n, sacre_sentence, None),
            ("sacrebleu CLI, corpus-level only", n, sacre_corpus, None)]
    for label, extra in (("summarizer check --no-encoder", ("--no-encoder",)),
                         ("summarizer check (full, with the encoder)", ())):
        seconds, rss = check(1, *extra)
        rows.append((label, n, seconds, rss))
    # workers: on the corpus × 10, so that process start-up does not dominate a run of a few seconds
    for workers in (1, 2):
        seconds, rss = check(10, "--no-encoder", "--workers", str(workers))
        rows.append((f"summarizer check --no-encoder --workers {workers}, corpus × 10", n * 10, seconds, rss))
    for times in (10, 100):
        seconds, rss = check(times, "--no-encoder")
        rows.append((f"summarizer check --no-encoder, corpus × {times}", n * times, seconds, rss))
    print(f"data: the first {n} MQM dev hypotheses with refB, repeated 10× and 100× for the memory rows; "
          "each row a fresh process, wall time including start-up and model loading\n")
    print("| run | segments | seconds | segments/s | peak RSS MB |\n|---|---|---|---|---|")
    for label, count, seconds, rss in rows:
        print(f"| {label} | {count:,} | {seconds:.1f} | {count / seconds:.0f} | {'–' if rss is None else f'{rss:.0f}'} |")
    base = {label: (count / seconds, rss) for label, count, seconds, rss in rows}
    lexical = base["summarizer check --no-encoder"]
    one, two = (base[f"summarizer check --no-encoder --workers {w}, corpus × 10"][0] for w in (1, 2))
    print(f"\n--workers 2 / --workers 1 throughput (corpus × 10): {two / one:.2f}×; "
          f"--no-encoder vs sacrebleu sentence-level CLI: {lexical[0] / (n / sacre_sentence):.2f}×; "
          f"peak RSS at 100× / 1×: {base['summarizer check --no-encoder, corpus × 100'][1] / lexical[1]:.2f}")


def bench_ray(args: argparse.Namespace) -> None:
    """``--engine ray`` against ``--workers`` on the same sharded corpus, and the driver's memory as it grows."""
    import filecmp
    import tempfile

    from mqm import load

    rows, refs = load(args.data)
    pairs = [(r["mt"], refs[r["key"]]) for r in rows][: args.segments]
    folder = Path(tempfile.mkdtemp(prefix="bench-ray-"))
    for times in args.sizes:
        for side, index in (("hyp", 0), ("ref", 1)):
            lines = [p[index] + "\n" for p in pairs] * times
            (folder / f"{side}{times}").mkdir()
            for start in range(0, len(lines), args.shard_lines):
                (folder / f"{side}{times}" / f"part-{start // args.shard_lines:05d}.txt").write_text(
                    "".join(lines[start:start + args.shard_lines]), encoding="utf-8")

    def check(times: int, name: str, *extra: str) -> tuple[float, float]:
        return _rss_run(["check", "--hyp", str(folder / f"hyp{times}"), "--ref", str(folder / f"ref{times}"),
                         "--lang", "en", "--format", "jsonl", "-o", str(folder / f"{name}.jsonl"), "--no-progress",
                         "--system-names", "mt", *extra])

    n = len(pairs)
    print(f"data: the first {n} MQM dev hypotheses with refB, repeated 1×, 10×, 100×, in shards of "
          f"{args.shard_lines:,} lines; each run a fresh driver process (wall time including Ray's start, "
          f"actors' start and model loading; peak RSS of the driver process alone)\n")
    print("| corpus | evidence | local --workers 2 s | ray --actors 2 s | ray / local throughput | driver RSS MB, local | driver RSS MB, ray | same output |")
    print("|---|---|---|---|---|---|---|---|")
    runs = [(t, "lexical", ("--no-encoder",)) for t in args.sizes] + [(args.sizes[0], "full (encoder)", ())]
    for times, evidence, extra in runs:
        local = check(times, "local", "--workers", "2", *extra)
        ray = check(times, "ray", "--engine", "ray", "--actors", "2", *extra)
        same = filecmp.cmp(folder / "local.jsonl", folder / "ray.jsonl", shallow=False)
        print(f"| {n * times:,} | {evidence} | {local[0]:.1f} | {ray[0]:.1f} | {local[0] / ray[0]:.2f}× | "
              f"{local[1]:.0f} | {ray[1]:.0f} | {'yes' if same else 'NO'} |", flush=True)


def _start_page() -> tuple[subprocess.Popen, str]:
    import re
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=root, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    for line in proc.stdout:
        if m := re.search(r"serving on (http://\S+)", line):
            return proc, m.group(1)
    raise SystemExit("the page did not start")


def bench_serve(args: argparse.Namespace) -> None:
    """N concurrent clients against a local server: latency percentiles and failures, per endpoint."""
    import threading

    import numpy as np
    from gradio_client import Client

    from summarizer.web import EXAMPLE_MT, EXAMPLE_PAGE, EXAMPLE_REF

    calls = [("check (with reference)", "/check", (EXAMPLE_MT, EXAMPLE_REF, "auto")),
             ("check (phrasebook only)", "/check", (EXAMPLE_MT, "", "auto")),
             ("summarize", "/summarize", (EXAMPLE_PAGE, 2, 60))]
    proc, url = _start_page()
    try:
        Client(url, verbose=False).predict(*calls[0][2], api_name=calls[0][1])  # loads the model once

        def run(clients: int, requests: int) -> tuple[dict[str, list[float]], int, float]:
            latencies: dict[str, list[float]] = {name: [] for name, _, _ in calls}
            failures = []
            lock = threading.Lock()

            def client(number: int) -> None:
                c = Client(url, verbose=False)
                for k in range(requests):
                    name, api, inputs = calls[(number + k) % len(calls)]
                    start = time.perf_counter()
                    try:
                        c.predict(*inputs, api_name=api)
                    except Exception as err:  # noqa: BLE001 - every failure is counted and shown
                        with lock:
                            failures.append(f"{name}: {err}")
                        continue
                    with lock:
                        latencies[name].append(time.perf_counter() - start)

            start = time.perf_counter()
            threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            for failure in failures[:5]:
                print("FAILED", failure)
            return latencies, len(failures), time.perf_counter() - start

        total = args.clients * args.requests
        print(f"server: python app.py (requests that use the model share one queue slot); "
              f"{platform.machine()}, {total} requests per row, endpoints in turn\n")
        print("| clients | endpoint | succeeded | p50 s | p90 s | p99 s | max s |\n|---|---|---|---|---|---|---|")
        summary = []
        for clients in (1, args.clients):
            latencies, failed, seconds = run(clients, total // clients)
            for name, values in latencies.items():
                if values:
                    p50, p90, p99 = np.percentile(values, [50, 90, 99])
                    print(f"| {clients} | {name} | {len(values)} | {p50:.2f} | {p90:.2f} | "
                          f"{p99:.2f} | {max(values):.2f} |")
            summary.append(f"{clients} client(s): {total - failed}/{total} requests succeeded, "
                           f"{total / seconds:.1f} requests/s over {seconds:.1f} s")
        print("\n" + "\n".join(summary))
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _grow(parts: list[str], size: int, joiner: str) -> str:
    """``parts`` joined (and repeated) until the text has ``size`` characters."""
    text, i = [], 0
    total = 0
    while total < size:
        text.append(parts[i % len(parts)])
        total += len(text[-1]) + len(joiner)
        i += 1
    return joiner.join(text)[:size]


def _limit_inputs(args: argparse.Namespace, folder: Path) -> dict[str, Path]:
    import re

    from mqm import load
    from summaries import detokenize

    with open(args.summarization_data / "summeval_cnndm100.jsonl", encoding="utf-8") as fh:
        english = [detokenize(json.loads(line)["article"]) for line in fh]
    with open(args.summarization_data / "vietnews_dev300.jsonl", encoding="utf-8") as fh:
        vietnamese = [json.loads(line)["article"] for line in fh]
    words = re.findall(r"\w+", " ".join(english[:20]))
    files = {
        "en-page-5MB": "Title of the page\n\n" + _grow(english, 5_000_000, "\n\n"),
        "short-lines-200k": "\n".join(" ".join(words[j % len(words)] for j in range(3 * i, 3 * i + 3)).capitalize()
                                      + "." for i in range(200_000)),
        "no-full-stop-5MB": _grow(words, 5_000_000, " "),
        "vi-page-1.3MB": "Tiêu đề\n\n" + _grow(vietnamese, 1_300_000, "\n\n"),
    }
    rows, refs = load(args.mqm)
    hyps = [r["mt"] for r in rows]
    files["segment-200k.hyp"] = _grow(hyps, 200_000, " ")
    files["segment-200k.ref"] = _grow([refs[r["key"]] for r in rows], 200_000, " ")
    paths = {}
    for name, text in files.items():
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text + "\n", encoding="utf-8")
    references, repeat = [refs[r["key"]] for r in rows], args.rows // len(hyps) + 1
    (folder / "rows.hyp").write_text("\n".join((hyps * repeat)[: args.rows]) + "\n", encoding="utf-8")
    (folder / "rows.ref").write_text("\n".join((references * repeat)[: args.rows]) + "\n", encoding="utf-8")
    return paths


def _resume_cost(folder: Path) -> tuple[float, float]:
    """Seconds of a full --no-encoder run and of resuming it with 32 rows left (fresh processes)."""
    from summarizer.batch import pipeline
    from summarizer.cli import main as cli

    base = ["check", "--hyp", str(folder / "rows.hyp"), "--ref", str(folder / "rows.ref"), "--no-encoder",
            "--format", "jsonl", "--no-progress", "--bootstrap", "100", "--batch-size", "32", "-o"]
    full, _ = _rss_run(base + [str(folder / "full.jsonl")])

    def stop(self, write):  # what a kill just before the end leaves: every record in the journal
        raise KeyboardInterrupt
    pipeline.Journal.finish = stop
    cli(base + [str(folder / "resumed.jsonl")])
    journal = folder / "resumed.jsonl.partial"
    lines = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    journal.write_text("".join(lines[:-32]), encoding="utf-8")
    resumed, _ = _rss_run(base + [str(folder / "resumed.jsonl"), "--resume"])
    same = (folder / "resumed.jsonl").read_bytes() == (folder / "full.jsonl").read_bytes()
    if not same:
        raise SystemExit("the resumed output differs from the full run's")
    return full, resumed


def _server_rss(folder: Path) -> tuple[float, float, float]:
    """The page's server RSS (MB) after warm-up, at its peak during a 400 KB Batch upload, and after it."""
    from gradio_client import Client, handle_file

    from mqm import load

    rows, refs = load(Path("../shared/data/mqm/ted_zhen.dev.tsv"))
    upload = folder / "upload.jsonl"
    with open(upload, "w", encoding="utf-8") as fh:
        size, i = 0, 0
        while size < 400_000:
            line = json.dumps({"id": str(i), "mt": rows[i % len(rows)]["mt"], "ref": refs[rows[i % len(rows)]["key"]]},
                              ensure_ascii=False) + "\n"
            fh.write(line)
            size, i = size + len(line.encode()), i + 1
    proc, url = _start_page()

    def rss(field: str = "VmRSS") -> float:
        for line in open(f"/proc/{proc.pid}/status"):
            if line.startswith(field):
                return int(line.split()[1]) / 1024
        return 0.0
    try:
        client = Client(url, verbose=False)
        client.predict("A cat sat.", "The cat sat.", "en", "minor", api_name="/check")  # loads the model
        before = rss()
        client.predict([handle_file(str(upload))], None, "en", False, api_name="/score_corpus")
        time.sleep(2)
        return before, rss("VmHWM"), rss()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def bench_limits(args: argparse.Namespace) -> None:
    """Inputs that once exhausted memory or time: seconds and peak RSS of each, in fresh processes."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="bench-limits-"))
    paths = _limit_inputs(args, folder)
    print(f"{platform.machine()}, {platform.python_version()}; each row a fresh process (model loading included)\n")
    print("| input | command | seconds | peak RSS MB |\n|---|---|---|---|")
    for name in ("en-page-5MB", "short-lines-200k", "no-full-stop-5MB", "vi-page-1.3MB"):
        seconds, peak = _rss_run(["summarize", str(paths[name]), "--format", "jsonl", "-o", str(folder / "s.jsonl")])
        longest = max(len(json.loads(line)["summary"].split()) for line in open(folder / "s.jsonl", encoding="utf-8"))
        print(f"| {name} ({paths[name].stat().st_size / 1e6:.1f} MB) | summarize (longest summary: {longest} words) "
              f"| {seconds:.1f} | {peak:.0f} |")
    for extra, label in (((), "check (with the encoder)"), (("--no-encoder",), "check --no-encoder")):
        seconds, peak = _rss_run(["check", "--hyp", str(paths["segment-200k.hyp"]), "--ref",
                                  str(paths["segment-200k.ref"]), "--format", "jsonl", "-o", str(folder / "c.jsonl"),
                                  "--no-progress", *extra])
        notes = json.loads(open(folder / "c.jsonl", encoding="utf-8").readline()).get("notes")
        print(f"| one 200,000-character segment pair | {label}, notes: {notes} | {seconds:.1f} | {peak:.0f} |")
    full, resumed = _resume_cost(folder)
    print(f"\nresume: full --no-encoder run of {args.rows:,} rows {full:.1f} s; resuming with 32 left {resumed:.1f} s "
          f"({resumed / full:.2f} of the full run; the resumed output is byte-identical)")
    before, peak, after = _server_rss(folder)
    print(f"page server RSS: {before:.0f} MB after warm-up, {peak:.0f} MB at its peak during a 400 KB Batch upload, "
          f"{after:.0f} MB after it ({after / before:.2f}× the start)")


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
    b = sub.add_parser("batch", help="the batch CLI: throughput, workers, memory at 1×, 10×, 100× the corpus")
    b.add_argument("--data", type=Path, default=Path("../shared/data/mqm/ted_zhen.dev.tsv"))
    b.add_argument("--segments", type=int, default=1000, help="base corpus size (default: 1000)")
    r = sub.add_parser("ray", help="--engine ray vs --workers on the same sharded corpus; driver memory at 1×, 10×, 100×")
    r.add_argument("--data", type=Path, default=Path("../shared/data/mqm/ted_zhen.dev.tsv"))
    r.add_argument("--segments", type=int, default=1000, help="base corpus size (default: 1000)")
    r.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100], help="multiples of the base corpus")
    r.add_argument("--shard-lines", type=int, default=2000, help="lines per shard file (default: 2000)")
    v = sub.add_parser("serve", help="the review page under N concurrent clients (gradio_client)")
    v.add_argument("--clients", type=int, default=8)
    v.add_argument("--requests", type=int, default=6, help="requests per client (default: 6)")
    m = sub.add_parser("limits", help="inputs that once exhausted memory or time; resume cost; server RSS")
    m.add_argument("--summarization-data", type=Path, default=Path("../shared/data/summarization"))
    m.add_argument("--mqm", type=Path, default=Path("../shared/data/mqm/ted_zhen.dev.tsv"))
    m.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    {"summarize": bench_summarize, "check": bench_check, "batch": bench_batch, "serve": bench_serve, "ray": bench_ray,
     "limits": bench_limits}[args.command](args)


if __name__ == "__main__":
    main()
