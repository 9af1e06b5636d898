"""Fit the checker's flag confidence on expert MQM spans, and report its calibration on talks it
was not fitted on.

    python eval/calibrate.py [--data ../shared/data/mqm/ted_zhen.dev.tsv] [--fit talk.2] [--write]

A flag is a real error when at least half of its (non-space) characters lie inside an MQM error
span. Features (``summarizer.check.calibration.features``): type and severity, the detectors'
heuristic confidence, length, the segment's chrF++ and BERTScore, and the share of the other
systems' hypotheses of the segment that write the flagged words too. A logistic regression is fitted
on the ``--fit`` talks, for the default encoder and for lexical evidence alone; the default
threshold with the best character-level F1 on the fitted talks is stored beside it (a suggestion
for ``--min-confidence``; the checker filters nothing by default). ``--write`` stores the result in ``summarizer/data/calibration.json``.
The reliability table (predicted probability vs observed share of real errors) is computed on the
other talks only.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from mqm import load, span_scores
from sklearn.linear_model import LogisticRegression

from summarizer import Checker
from summarizer.check.calibration import FILE, Calibration, features

OUT = Path(__file__).resolve().parent.parent / "summarizer" / "data" / FILE


def candidates(rows: list[dict], refs: dict, use_encoder: bool) -> list[tuple[dict, list]]:
    """Every flag of the uncalibrated checker, with its segment scores, per row."""
    checker = Checker(lang="en", use_encoder=use_encoder, calibrated=False, min_confidence=0.0)
    corpus = checker.check_corpus([r["mt"] for r in rows], [refs[r["key"]] for r in rows])
    return [(seg.scores, list(seg.spans)) for seg in corpus.segments]


def usual_consensus(found: list[tuple[dict, list]]) -> float:
    """The mean share of other systems writing a flag's words, over flags checked with others."""
    shares = [s.consensus for _, spans in found for s in spans if s.consensus is not None]
    return round(float(np.mean(shares)), 4) if shares else 0.0


def labelled(rows: list[dict], found: list[tuple[dict, list]], usual: float = 0.0) -> tuple[list[dict], list[int]]:
    feats, labels = [], []
    for row, (scores, spans) in zip(rows, found):
        for span in spans:
            chars = [i for i in range(span.start, span.end) if not row["mt"][i].isspace()]
            feats.append(features(span, scores, usual))
            labels.append(int(bool(chars) and sum(i in row["gold"] for i in chars) >= len(chars) / 2))
    return feats, labels


def fit(feats: list[dict], labels: list[int]) -> tuple[dict[str, float], float]:
    names = sorted(feats[0])
    model = LogisticRegression(C=1.0, max_iter=2000).fit(np.array([[f[n] for n in names] for f in feats]), labels)
    return dict(zip(names, (round(float(c), 4) for c in model.coef_[0]))), round(float(model.intercept_[0]), 4)


def spans_at(rows, found, calibration: Calibration, threshold: float) -> list[list[tuple[int, int, float]]]:
    out = []
    for scores, spans in found:
        kept = [(s.start, s.end, calibration.confidence(s, scores)) for s in spans]
        out.append([k for k in kept if k[2] >= threshold])
    return out


def threshold(rows, found, calibration: Calibration) -> float:
    """The threshold with the best character-level F1 on the fitted talks."""
    best, chosen = -1.0, 0.0
    for t in np.arange(0.0, 0.9, 0.02):
        s = span_scores(rows, spans_at(rows, found, calibration, t))
        if s["f1"] > best + 1e-9:
            best, chosen = s["f1"], float(round(t, 2))
    return chosen


def reliability(rows, found, calibration: Calibration) -> list[str]:
    feats, labels = labelled(rows, found, calibration.usual_consensus)
    probs = [calibration.confidence_from(f) for f in feats]
    lines = ["| predicted confidence | flags | mean predicted | observed share of real errors |", "|---|---|---|---|"]
    for low in np.arange(0.0, 1.0, 0.1):
        inside = [(p, y) for p, y in zip(probs, labels) if low <= p < low + 0.1]
        if inside:
            lines.append(f"| {low:.1f}–{low + 0.1:.1f} | {len(inside)} | {np.mean([p for p, _ in inside]):.3f} | "
                         f"{np.mean([y for _, y in inside]):.3f} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/mqm/ted_zhen.dev.tsv"))
    parser.add_argument("--fit", nargs="+", default=["talk.2"], help="talks to fit on (the others are held out)")
    parser.add_argument("--write", action="store_true", help=f"store the fitted models in {OUT}")
    args = parser.parse_args()
    rows, refs = load(args.data)
    fit_rows = [r for r in rows if r["key"][0] in args.fit]
    held = [r for r in rows if r["key"][0] not in args.fit]
    fitted = {}
    for name, use_encoder in (("all-MiniLM-L6-v2", True), ("lexical", False)):
        found = candidates(fit_rows, refs, use_encoder)
        usual = usual_consensus(found)
        feats, labels = labelled(fit_rows, found, usual)
        print(f"## {name}: flags by type on the fitted talks (share that are real errors)\n")
        for kind in sorted({k for f in feats for k, v in f.items() if k.startswith("type=") and v}):
            hits = [y for f, y in zip(feats, labels) if f[kind]]
            print(f"- {kind[5:]}: {len(hits)} flags, {np.mean(hits):.2f}")
        coef, intercept = fit(feats, labels)
        calibration = Calibration(coef, intercept, 0.0, f"MQM zh-en TED {'+'.join(args.fit)}",
                                  None if name == "lexical" else name, usual)
        calibration = Calibration(coef, intercept, threshold(fit_rows, found, calibration), calibration.fitted_on,
                                  calibration.encoder, usual)
        fitted[name] = calibration.to_dict()
        held_found = candidates(held, refs, use_encoder)
        print(f"## {name}: fitted on {', '.join(args.fit)} ({len(fit_rows)} hypotheses), best-F1 threshold "
              f"{calibration.best_f1_threshold}; reliability on the other talks ({len(held)} hypotheses)\n")
        print("\n".join(reliability(held, held_found, calibration)) + "\n")
    if args.write:
        OUT.write_text(json.dumps(fitted, indent=1) + "\n", encoding="utf-8")
        print(f"written: {OUT}")


if __name__ == "__main__":
    main()
