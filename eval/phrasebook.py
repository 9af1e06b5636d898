"""Mine a phrasebook where references exist, apply it where they do not, and time the matcher.

    python eval/phrasebook.py [--data ../shared/data/mqm/ted_zhen.dev.tsv] [--mine-talks talk.2]
                              [--seeds 200]

1. Mining: ``mine_phrasebook`` on the hypotheses of ``--mine-talks`` against refB (every non-ref
   system), default settings (replaced at least twice, in at least half of its occurrences).
2. Applying, with no reference, to the other talks' hypotheses. A flag is correct when it
   overlaps an MQM error span of that hypothesis (any rater); character precision counts its
   non-space characters inside error spans. Next to it, a random baseline with the same number
   of flags of the same lengths (in words) at random word positions of random test hypotheses,
   averaged over ``--seeds`` draws; and the shipped vi→en phrasebook applied the same way.
3. Speed: the shipped entries plus synthetic ones (5,000 in all) matched over a long text built
   from the test hypotheses, next to the shipped 60 alone, median of 5 runs.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from pathlib import Path

from mqm import load

from summarizer import Checker
from summarizer.check import mine_phrasebook
from summarizer.check.phrasebook import Entry, Phrasebook, default_entries


def precision(rows: list[dict], flags: list[tuple[int, int, int]]) -> tuple[float, float]:
    """(flag precision, character precision) of (row index, start, end) flags against MQM spans."""
    if not flags:
        return float("nan"), float("nan")
    hit = chars = good = 0
    for i, start, end in flags:
        inside = [c for c in range(start, end) if not rows[i]["mt"][c].isspace()]
        chars += len(inside)
        good += sum(c in rows[i]["gold"] for c in inside)
        hit += any(c in rows[i]["gold"] for c in inside)
    return hit / len(flags), good / max(1, chars)


def random_flags(rows: list[dict], lengths: list[int], rng: random.Random) -> list[tuple[int, int, int]]:
    flags = []
    for n in lengths:
        while True:
            i = rng.randrange(len(rows))
            words = list(re.finditer(r"\w+", rows[i]["mt"]))
            if len(words) >= n:
                k = rng.randrange(len(words) - n + 1)
                flags.append((i, words[k].start(), words[k + n - 1].end()))
                break
    return flags


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/mqm/ted_zhen.dev.tsv"))
    parser.add_argument("--mine-talks", nargs="+", default=["talk.2"])
    parser.add_argument("--seeds", type=int, default=200)
    args = parser.parse_args()
    rows, refs = load(args.data)
    train = [r for r in rows if r["key"][0] in args.mine_talks]
    test = [r for r in rows if r["key"][0] not in args.mine_talks]

    start = time.perf_counter()
    mined = mine_phrasebook([r["mt"] for r in train], [refs[r["key"]] for r in train], Checker(phrasebook=None), source_lang="zh")
    mining_seconds = time.perf_counter() - start
    print(f"mined {len(mined)} entries from {len(train)} hypotheses of {', '.join(args.mine_talks)} "
          f"in {mining_seconds:.0f}s; top 15:\n")
    print("| awkward (MT) | preferred (refB) | count | note |\n|---|---|---|---|")
    for e in mined[:15]:
        print(f"| {e.awkward} | {e.preferred} | {e.count} | {e.note} |")

    print(f"\napplied without references to {len(test)} hypotheses of the other talks:\n")
    print("| phrasebook | flags | flag precision (overlaps an MQM span) | character precision |")
    print("|---|---|---|---|")
    for name, book in (("mined", Phrasebook(mined)), ("shipped vi→en", Phrasebook(default_entries()))):
        flags = [(i, s.start, s.end) for i, r in enumerate(test) for s in book.match(r["mt"])]
        p_flag, p_char = precision(test, flags)
        print(f"| {name} | {len(flags)} | {p_flag:.3f} | {p_char:.3f} |")
        if name == "mined" and flags:
            lengths = [len(re.findall(r"\w+", test[i]["mt"][s:e])) or 1 for i, s, e in flags]
            draws = [precision(test, random_flags(test, lengths, random.Random(seed))) for seed in range(args.seeds)]
            print(f"| random spans, same count and lengths (mean of {args.seeds}) | {len(flags)} | "
                  f"{statistics.mean(d[0] for d in draws):.3f} | {statistics.mean(d[1] for d in draws):.3f} |")

    text = " ".join(r["mt"] for r in test)
    vocabulary = sorted(set(re.findall(r"[a-z]{3,}", text.lower())))
    rng = random.Random(0)
    synthetic = [Entry(" ".join(rng.sample(vocabulary, rng.choice((2, 3)))), "x") for _ in range(5000 - len(default_entries()))]
    print(f"\nmatching speed over {len(text.split()):,} words ({len(text):,} characters), median of 5 runs:\n")
    print("| entries | seconds | flags |\n|---|---|---|")
    for book in (Phrasebook(default_entries()), Phrasebook(default_entries() + synthetic)):
        times = []
        for _ in range(5):
            start = time.perf_counter()
            found = book.match(text)
            times.append(time.perf_counter() - start)
        print(f"| {len(book):,} | {statistics.median(times):.3f} | {len(found)} |")


if __name__ == "__main__":
    main()
