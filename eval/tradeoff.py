"""The paraphrase threshold's trade-off, side by side in one run: for each threshold of the swap
test (``summarizer.check.flags.PARAPHRASE["swap"]``), how often DEMETR's injected critical and
major errors are flagged, how much of the unperturbed MT is flagged, and how many flags the
mission's example article gets in document mode.

    python eval/tradeoff.py [--thresholds 0.9 0.95 0.97 0.99] [--per-type 60]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from demetr import detected, edit_region

from summarizer import Checker, split_articles
from summarizer.check import flags


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--demetr", type=Path, default=Path("../shared/data/perturbations/demetr"))
    parser.add_argument("--seed", type=Path, default=Path("../shared/data/seed"))
    parser.add_argument("--thresholds", nargs="+", type=float, default=[0.9, 0.95, 0.97, 0.99])
    parser.add_argument("--per-type", type=int, default=60)
    args = parser.parse_args()
    page = (args.seed / "mt-news-page.txt").read_text(encoding="utf-8")
    mt_doc = split_articles(page)[0].body
    ref_doc = (args.seed / "mt-news-page.reference.txt").read_text(encoding="utf-8")
    default = flags.PARAPHRASE["swap"]
    print("| swap threshold | critical flagged | major flagged | unperturbed MT characters flagged | example article flags |")
    print("|---|---|---|---|---|")
    for threshold in args.thresholds:
        flags.PARAPHRASE["swap"] = threshold
        checker = Checker(lang="en")
        found: dict[str, list[bool]] = defaultdict(list)
        flagged = total = 0
        for path in sorted(args.demetr.glob("*.json")):
            severity = path.name.split("_")[0]
            if severity not in ("critical", "major"):
                continue
            items = [x for x in json.loads(path.read_text(encoding="utf-8")) if x.get("pert_check")][: args.per_type]
            refs = [x["eng_sent"] for x in items]
            pert = checker.check_corpus([x["pert_sent"] for x in items], refs).segments
            mt = checker.check_corpus([x["mt_sent"] for x in items], refs).segments
            for item, p, m in zip(items, pert, mt):
                found[severity].append(detected(p, *edit_region(item["mt_sent"], item["pert_sent"])))
                chars = {i for s in m.spans for i in range(s.start, s.end) if not item["mt_sent"][i].isspace()}
                flagged += len(chars)
                total += sum(not ch.isspace() for ch in item["mt_sent"])
        doc = checker.check_document(mt_doc, ref_doc)
        mark = " (default)" if threshold == default else ""
        print(f"| {threshold}{mark} | {sum(found['critical']) / len(found['critical']):.1%} | "
              f"{sum(found['major']) / len(found['major']):.1%} | {flagged / total:.1%} | {len(doc.spans)} |", flush=True)
    flags.PARAPHRASE["swap"] = default


if __name__ == "__main__":
    main()
