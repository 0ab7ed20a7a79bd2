"""How the near-duplicate library groups a corpus into stories.

Reads a JSONL corpus (``id``, ``date``, ``text``; default the Wikipedia current-events
corpus in ../shared/corpus), assigns every record to a story, and prints the number of
records, stories, stories with more than one record, the time taken, and the first
grouped stories (their records' ids and openings) so that false merges can be checked
by eye.

    python bench/stories.py [CORPUS.jsonl] [--threshold 0.4] [--show 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections import defaultdict
from pathlib import Path

from entente.dedup import StoryLibrary
from entente.dedup.library import THRESHOLD
from entente.model import Article
from entente.text.normalize import normalize_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT = SHARED / "corpus" / "wikipedia-current-events-2025-2026.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=DEFAULT)
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    library = StoryLibrary(threshold=args.threshold)
    texts: dict[str, tuple[str, str]] = {}
    started = time.perf_counter()
    for line in args.corpus.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        day = dt.date.fromisoformat(record["date"][:10]) if record.get("date") else None
        article = Article.create(normalize_text(record["text"]), source_id=record["id"], date=day)
        library.assign(article.article_id, article.text, article.date)
        texts[article.article_id] = (record["id"], article.text)
    seconds = time.perf_counter() - started
    groups: dict[str, list[str]] = defaultdict(list)
    for article_id in texts:
        groups[library.story_of(article_id) or article_id].append(article_id)
    multi = [ids for ids in groups.values() if len(ids) > 1]
    print(
        f"{len(texts)} records, {len(groups)} stories, {len(multi)} with more than one record "
        f"({sum(map(len, multi))} records), {seconds:.1f} s"
    )
    for ids in multi[: args.show]:
        print("--")
        for article_id in ids:
            source_id, text = texts[article_id]
            print(f"  {source_id}  {text[:110]}")


if __name__ == "__main__":
    main()
