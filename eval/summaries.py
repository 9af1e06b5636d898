"""ROUGE of the default summariser against lead-k and random-k, English and Vietnamese, in one run.

    python eval/summaries.py [--data ../shared/data/summarization] [--k 1 2 3] [--part all|tune|holdout]

English: SummEval's 100 CNN/DailyMail articles (reference = the original highlights), with the
data set's pre-tokenisation undone so sentences split as they would in pasted text.
Vietnamese: 300 VietNews articles (reference = the journalist's lead paragraph; the article text
excludes it). The summariser's two weights (position 0.7, redundancy 0.7) were chosen on the first
half of each set (``--part tune``); ``--part holdout`` reports the second half alone. All three systems pick whole sentences from the same sentence splitter, k sentences
each (no word limit), so the comparison is on which sentences are chosen. ROUGE F1 x 100 from the
``rouge-score`` package; English with its Porter stemmer, Vietnamese with a tokenizer that keeps
Vietnamese syllables (lower-cased ``\\w+`` runs) instead of the package's ASCII-only default.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from pathlib import Path

from rouge_score import rouge_scorer

from summarizer import Article, Summarizer, split_sentences

ROUGE = ["rouge1", "rouge2", "rougeL"]


class SyllableTokenizer:
    """Lower-cased ``\\w+`` runs: keeps Vietnamese syllables (đ, ư, ơ and tone marks) intact."""

    def tokenize(self, text: str) -> list[str]:
        return re.findall(r"\w+", text.lower())


def detokenize(text: str) -> str:
    """Undo CNN/DailyMail's pre-tokenisation ("team 's draw ." → "team's draw.") so the text reads as pasted."""
    text = re.sub(r" ([.,!?;:%)\]])", r"\1", text)
    text = re.sub(r" '(s|re|ve|ll|d|m)\b", r"'\1", text)
    text = re.sub(r" n't\b", "n't", text)
    return re.sub(r"([(\[]) ", r"\1", text)


def load(data: Path, language: str, part: str = "all") -> list[dict]:
    name = "summeval_cnndm100.jsonl" if language == "en" else "vietnews_dev300.jsonl"
    rows = []
    with open(data / name, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            rows.append({
                "id": row["id"],
                "title": row.get("title"),
                "article": detokenize(row["article"]) if language == "en" else row["article"],
                "reference": detokenize(row["reference"]) if language == "en" else row["summary"],
            })
    half = len(rows) // 2
    return {"all": rows, "tune": rows[:half], "holdout": rows[half:]}[part]


def evaluate(rows: list[dict], language: str, ks: list[int], summarizer: Summarizer, seed: int) -> dict:
    scorer = rouge_scorer.RougeScorer(ROUGE, use_stemmer=language == "en",
                                      tokenizer=None if language == "en" else SyllableTokenizer())
    rng = random.Random(seed)
    articles = [Article.from_text(r["article"], id=i, title=r["title"], language=language) for i, r in enumerate(rows)]
    sentences = [[s.text for s in split_sentences(r["article"], language)] for r in rows]
    results: dict = {}
    for k in ks:
        start = time.perf_counter()
        ours = [s.summary for s in summarizer.summarize(articles, max_sentences=k, max_words=10_000)]
        elapsed = time.perf_counter() - start
        systems = {
            "summarizer": ours,
            "lead-k": [" ".join(sents[:k]) for sents in sentences],
            "random-k": [" ".join(sents[i] for i in sorted(rng.sample(range(len(sents)), min(k, len(sents)))))
                         for sents in sentences],
        }
        for name, outputs in systems.items():
            totals = {m: 0.0 for m in ROUGE}
            for row, output in zip(rows, outputs):
                scores = scorer.score(row["reference"], output)
                for m in ROUGE:
                    totals[m] += scores[m].fmeasure
            results[(k, name)] = {m: 100 * totals[m] / len(rows) for m in ROUGE}
        results[(k, "seconds")] = elapsed
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/summarization"))
    parser.add_argument("--k", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--part", choices=["all", "tune", "holdout"], default="all",
                        help="whole sets, the half used to choose the weights, or the other half")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random-k baseline")
    parser.add_argument("--device", default=None)
    args = parser.parse_args()

    summarizer = Summarizer(device=args.device)
    print("| language | k | system | ROUGE-1 | ROUGE-2 | ROUGE-L | vs lead-k |")
    print("|---|---|---|---|---|---|---|")
    verdicts = []
    for language in ("en", "vi"):
        rows = load(args.data, language, args.part)
        results = evaluate(rows, language, args.k, summarizer, args.seed)
        for k in args.k:
            lead = results[(k, "lead-k")]
            for name in ("summarizer", "lead-k", "random-k"):
                r = results[(k, name)]
                delta = " ".join(f"{r[m] - lead[m]:+.2f}" for m in ROUGE) if name != "lead-k" else ""
                print(f"| {language} ({args.part}, n={len(rows)}) | {k} | {name} | {r['rouge1']:.2f} | {r['rouge2']:.2f} | "
                      f"{r['rougeL']:.2f} | {delta} |")
            ours = results[(k, "summarizer")]
            not_below = all(ours[m] >= lead[m] for m in ROUGE)
            above = any(ours[m] > lead[m] for m in ROUGE)
            verdicts.append(f"{language} k={k}: {'meets' if not_below and above else 'misses'} the goal "
                            f"(not below lead on all three: {not_below}; above on one: {above}); "
                            f"summariser took {results[(k, 'seconds')]:.1f}s")
    print()
    for verdict in verdicts:
        print(f"- {verdict}")
    print(f"- methods: English uses {summarizer.encoder.name} embeddings; Vietnamese falls back to TF-IDF "
          "(the bundled encoder is English-only)")


if __name__ == "__main__":
    main()
