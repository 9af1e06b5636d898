"""Document-mode check of the mission's example: the page's main article against its human post-edit.

    python eval/seed_check.py [--page ../shared/data/seed/mt-news-page.txt]
                              [--reference ../shared/data/seed/mt-news-page.reference.txt]

Prints every flag (category, severity, confidence, MT phrase -> reference phrase), whether
"production ring" is flagged with "production line", and how many flagged characters fall on
words the post-edit kept (a word kept verbatim should not be flagged on its own).
"""

from __future__ import annotations

import argparse
import difflib
import re
from pathlib import Path

from summarizer import Checker, split_articles


def kept_characters(mt: str, ref: str) -> set[int]:
    """Character positions of MT words that a word-level diff finds unchanged in the post-edit."""
    mt_words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", mt)]
    ref_words = re.findall(r"\S+", ref)
    kept: set[int] = set()
    matcher = difflib.SequenceMatcher(None, [w for _, _, w in mt_words], ref_words, autojunk=False)
    for block in matcher.get_matching_blocks():
        for start, end, _ in mt_words[block.a : block.a + block.size]:
            kept.update(range(start, end))
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--page", type=Path, default=Path("../shared/data/seed/mt-news-page.txt"))
    parser.add_argument("--reference", type=Path, default=Path("../shared/data/seed/mt-news-page.reference.txt"))
    args = parser.parse_args()
    mt = split_articles(args.page.read_text(encoding="utf-8"))[0].body
    ref = args.reference.read_text(encoding="utf-8")
    result = Checker().check_document(mt, ref)
    for span in result.spans:
        print(f"{span.severity:8} {span.type or span.category:14} {span.confidence:.2f}  {span.text!r} -> {span.suggestion!r}")
    kept = kept_characters(mt, ref)
    flagged = {i for s in result.spans for i in range(s.start, s.end) if not mt[i].isspace()}
    on_kept = len(flagged & kept)
    ring = any(s.text.endswith("production ring") and s.suggestion and s.suggestion.endswith("production line")
               for s in result.spans)
    print(f"\n{len(result.pairs)} aligned sentence pairs, {len(result.spans)} flags; "
          f"'production ring' -> 'production line' flagged: {ring}")
    print(f"flagged characters: {len(flagged)}, of which on words the post-edit kept: {on_kept} "
          f"({100 * on_kept / max(1, len(flagged)):.0f}%: one-word changes widened to a neighbour, and multi-word spans)")
    print(f"document BLEU {result.corpus.bleu:.1f}, chrF++ {result.corpus.chrf:.1f}, TER {result.corpus.ter:.1f}")
    print(f"signatures: {result.corpus.signatures}")


if __name__ == "__main__":
    main()
