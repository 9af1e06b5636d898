"""The mission's example page: its distinct articles and their summaries, with boilerplate checks.

    python eval/seed_page.py [--page ../shared/data/seed/mt-news-page.txt]

Prints one line per article (kind, title, byline, merged repeats, method, summary) and then checks
that no title or body holds a byline, a lone "|" or a "related news" header, that no two articles
share a title, and that each teaser's summary is its lede.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from summarizer import Summarizer, split_articles

BOILERPLATE = re.compile(r"tin liên quan|Related news|Read more|\|\s*$|^\|", re.M | re.I)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--page", type=Path, default=Path("../shared/data/seed/mt-news-page.txt"))
    args = parser.parse_args()
    text = args.page.read_text(encoding="utf-8")
    articles = split_articles(text)
    summaries = Summarizer().summarize(articles)
    bylines = {a.byline.split(" (")[0] for a in articles if a.byline}
    problems = []
    for article, summary in zip(articles, summaries):
        print(f"[{article.id + 1}] {article.kind:7} {article.title!r} byline={article.byline!r} "
              f"repeats={len(article.repeats)} method={summary.method}\n    {summary.summary}")
        for name, value in (("title", article.title or ""), ("body", article.body)):
            if BOILERPLATE.search(value) or any(b in value for b in bylines):
                problems.append(f"article {article.id + 1}: boilerplate in its {name}")
        if article.kind == "teaser" and summary.summary != article.body:
            problems.append(f"article {article.id + 1}: teaser summary is not its lede")
    titles = [a.title for a in articles]
    if len(set(titles)) != len(titles):
        problems.append("two articles share a title (a repeat was not merged)")
    print(f"\n{len(articles)} articles ({sum(a.kind == 'teaser' for a in articles)} teasers), "
          f"{sum(len(a.repeats) for a in articles)} repeats merged; "
          + ("checks passed" if not problems else "problems: " + "; ".join(problems)))


if __name__ == "__main__":
    main()
