"""Segment scores and error spans against expert MQM judgements (WMT21 TED, Chinese→English).

    python eval/mqm.py [--data ../shared/data/mqm/ted_zhen.dev.tsv] [--limit N]

Reference = ``refB``; hypotheses = every system but ``ref`` and ``refB``. MQM score of a segment =
−Σ error weights (Major 5, Minor 1, Minor Fluency/Punctuation 0.1, Non-translation 25), averaged
over its raters. Reported side by side, in one run:

* pairwise accuracy within each source segment (pairs of hypotheses whose MQM differs; metric
  ties count half) and WMT21's Kendall tau-like over all segments with no grouping, for sentence
  BLEU, chrF, chrF++, TER, the checker's score, and segment length alone (−words);
* character-level precision / recall / F1 of flagged spans against the MQM error spans (whitespace
  ignored), recall on Style/Awkward spans, and precision among the 20 % most important flagged
  characters (the checker's ranking: severity, then confidence), for the checker at its default
  setting and for a naive difflib baseline that flags every hypothesis word a word-level diff
  marks as replaced or deleted; on the talks the flag confidence was not fitted on (``--held-out``,
  see ``eval/calibrate.py``), and on all talks.

The checker's score (mean of chrF++ and rescaled MiniLM BERTScore recall) has no fitted weights;
the combination was chosen after looking at this whole file and at DEMETR, so per-talk columns
show how steady it is rather than a clean held-out number.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import re
from collections import defaultdict
from pathlib import Path

import numpy as np
from sacrebleu.metrics import BLEU, CHRF, TER

from summarizer import Checker
from summarizer.check.spans import SEVERITIES

csv.field_size_limit(10**8)
TAG = re.compile(r"</?v>")


def weight(category: str, severity: str) -> float:
    if category.startswith("Non-translation"):
        return 25.0
    if severity == "Major":
        return 5.0
    if severity == "Minor":
        return 0.1 if category == "Fluency/Punctuation" else 1.0
    return 0.0


def load(path: Path) -> tuple[list[dict], dict]:
    """Hypotheses with MQM score and gold error characters, and refB per (doc, seg_id)."""
    segs: dict[tuple, dict] = {}
    refs: dict[tuple, str] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            key = (row["doc"], row["seg_id"])
            text = TAG.sub("", row["target"])
            if row["system"] == "refB":
                refs[key] = text
            if row["system"] in ("ref", "refB"):
                continue
            seg = segs.setdefault((row["system"], *key), {"system": row["system"], "key": key, "mt": text,
                                                          "raters": defaultdict(float), "gold": set(), "awkward": set()})
            seg["raters"][row["rater"]] += weight(row["category"], row["severity"])
            m = re.search(r"<v>(.*?)</v>", row["target"])
            if m:
                start = len(TAG.sub("", row["target"][: m.start()]))
                chars = {i for i in range(start, start + len(m.group(1))) if not text[i].isspace()}
                seg["gold"] |= chars
                if row["category"] == "Style/Awkward":
                    seg["awkward"] |= chars
    rows = [s for s in segs.values() if s["key"] in refs]
    for s in rows:
        s["mqm"] = -float(np.mean(list(s["raters"].values())))
    return rows, refs


def pairwise_accuracy(rows: list[dict], scores: np.ndarray) -> float:
    groups = defaultdict(list)
    for i, r in enumerate(rows):
        groups[r["key"]].append(i)
    agree = total = 0.0
    for idx in groups.values():
        for a in range(len(idx)):
            for b in range(a + 1, len(idx)):
                i, j = idx[a], idx[b]
                dm = rows[i]["mqm"] - rows[j]["mqm"]
                if dm == 0:
                    continue
                ds = scores[i] - scores[j]
                total += 1
                agree += 0.5 if ds == 0 else float(np.sign(ds) == np.sign(dm))
    return agree / total


def kendall_like(mqm: np.ndarray, scores: np.ndarray) -> float:
    """WMT21 segment-level Kendall tau-like: (concordant − discordant) / (concordant + discordant); metric ties are discordant."""
    dm = np.sign(mqm[:, None] - mqm[None, :])
    ds = np.sign(scores[:, None] - scores[None, :])
    mask = np.triu(dm != 0, 1)
    concordant = np.sum((dm == ds) & mask)
    return float((2 * concordant - mask.sum()) / mask.sum())


def diff_spans(mt: str, ref: str) -> list[tuple[int, int, float]]:
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", mt)]
    matcher = difflib.SequenceMatcher(None, [w for _, _, w in words], ref.split(), autojunk=False)
    spans = []
    for op, a1, a2, _, _ in matcher.get_opcodes():
        if op in ("replace", "delete"):
            spans.extend((s, e, 1.0) for s, e, _ in words[a1:a2])
    return spans


def span_scores(rows: list[dict], predicted: list[list[tuple[int, int, float]]]) -> dict:
    tp = fp = fn = awk_hit = awk_total = 0
    ranked: list[tuple[float, bool]] = []
    for r, spans in zip(rows, predicted):
        chars: dict[int, float] = {}
        for s, e, conf in spans:
            for i in range(s, e):
                if not r["mt"][i].isspace():
                    chars[i] = max(chars.get(i, 0.0), conf)
        gold = r["gold"]
        tp += len(chars.keys() & gold)
        fp += len(chars.keys() - gold)
        fn += len(gold - chars.keys())
        awk_total += len(r["awkward"])
        awk_hit += len(r["awkward"] & chars.keys())
        ranked.extend((conf, i in gold) for i, conf in chars.items())
    p = tp / max(1, tp + fp)
    rec = tp / max(1, tp + fn)
    ranked.sort(key=lambda x: -x[0])
    top = ranked[: max(1, len(ranked) // 5)]
    return {"precision": p, "recall": rec, "f1": 2 * p * rec / max(1e-9, p + rec),
            "awkward_recall": awk_hit / max(1, awk_total), "top20_precision": sum(g for _, g in top) / max(1, len(top)),
            "flagged_chars": len(ranked)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/mqm/ted_zhen.dev.tsv"))
    parser.add_argument("--limit", type=int, default=None, help="first N hypotheses only (quick runs)")
    parser.add_argument("--held-out", nargs="+", default=["talk.5", "talk.7"],
                        help="talks the flag confidence was not fitted on (default: talk.5 talk.7)")
    args = parser.parse_args()
    rows, refs = load(args.data)
    rows = rows[: args.limit] if args.limit else rows
    hyps = [r["mt"] for r in rows]
    ref_list = [refs[r["key"]] for r in rows]
    bleu, chrf, chrfpp, ter = BLEU(effective_order=True), CHRF(), CHRF(word_order=2), TER()
    checker = Checker(lang="en")
    corpus = checker.check_corpus(hyps, ref_list)
    metrics = {
        "sentBLEU": [bleu.sentence_score(h, [r]).score for h, r in zip(hyps, ref_list)],
        "chrF": [chrf.sentence_score(h, [r]).score for h, r in zip(hyps, ref_list)],
        "chrF++": [chrfpp.sentence_score(h, [r]).score for h, r in zip(hyps, ref_list)],
        "TER (negated)": [-ter.sentence_score(h, [r]).score for h, r in zip(hyps, ref_list)],
        "checker score": [s.score for s in corpus.segments],
        "length alone (−words)": [-len(h.split()) for h in hyps],
    }
    mqm = np.array([r["mqm"] for r in rows])
    print(f"{len(rows)} hypotheses of {len({r['key'] for r in rows})} source segments, "
          f"{len({r['system'] for r in rows})} systems; reference refB\n")
    talks = sorted({r["key"][0] for r in rows})
    print("| metric | pairwise accuracy within source | " + " | ".join(f"… {t}" for t in talks)
          + " | Kendall tau-like (no grouping) |")
    print("|---|---|" + "---|" * len(talks) + "---|")
    for name, values in metrics.items():
        values = np.array(values, dtype=float)
        per_talk = []
        for talk in talks:
            index = [i for i, r in enumerate(rows) if r["key"][0] == talk]
            per_talk.append(f"{pairwise_accuracy([rows[i] for i in index], values[index]):.3f}")
        print(f"| {name} | {pairwise_accuracy(rows, values):.3f} | {' | '.join(per_talk)} | "
              f"{kendall_like(mqm, values):.3f} |")
    ours = [[(s.start, s.end, SEVERITIES.index(s.severity) + s.confidence) for s in seg.spans] for seg in corpus.segments]
    base = [diff_spans(h, r) for h, r in zip(hyps, ref_list)]
    print("\n| spans | talks | precision | recall | F1 | Style/Awkward recall | precision, top 20% by rank | flagged chars |")
    print("|---|---|---|---|---|---|---|---|")
    held = [i for i, r in enumerate(rows) if r["key"][0] in args.held_out]
    for part, index in ((f"held out ({', '.join(args.held_out)})", held), ("all", range(len(rows)))):
        for name, predicted in (("checker (default)", ours), ("difflib baseline", base)):
            s = span_scores([rows[i] for i in index], [predicted[i] for i in index])
            print(f"| {name} | {part} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
                  f"{s['awkward_recall']:.3f} | {s['top20_precision']:.3f} | {s['flagged_chars']} |")


if __name__ == "__main__":
    main()
