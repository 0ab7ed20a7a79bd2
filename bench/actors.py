"""Actor resolution cost as the knowledge base grows.

Runs the text and actor stages over the same sentences twice: with the package lexicon,
and with it plus a synthetic user folder holding ten times as many people and
organisations (names sharing the commonest first words, the worst case for a lookup keyed
by first word). Prints both rates and their ratio; a ratio near 1 means lookups stay
flat. Sentences come from ../shared/corpus when it is beside the checkout, else from
examples/articles.

    python bench/actors.py [--sentences N]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

import yaml

from entente.actors.stage import analyze_actors
from entente.lexicons.lexicon import Lexicon, load_lexicon
from entente.model import Analysis, Article
from entente.text.normalize import normalize_text
from entente.text.stage import analyze_text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews-2019-2020.jsonl"
GIVEN = ["Mohammed", "Ali", "John", "Maria", "Kim", "Lee", "Wang", "Ahmed", "David",
         "Anna", "Sergei", "Olga", "Jose", "Carlos", "Abdul", "Raj", "Li", "Nguyen",
         "Ibrahim", "Fatima", "Peter", "Paul", "Hassan", "Ana", "Juan"]  # fmt: skip


def texts(limit_chars: int) -> list[str]:
    out: list[str] = []
    total = 0
    if CORPUS.is_file():
        with CORPUS.open(encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line).get("text") or ""
                out.append(text)
                total += len(text)
                if total >= limit_chars:
                    break
    else:
        for path in sorted((ROOT / "examples" / "articles").glob("*.md")):
            out.append(path.read_text(encoding="utf-8"))
    return out


def synthetic(folder: Path, lexicon: Lexicon, factor: int) -> None:
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    countries = sorted(lexicon.countries)

    def word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(5, 9))).capitalize()

    people = []
    for i in range(factor * len(lexicon.people)):
        name = f"{rng.choice(GIVEN)} {word()}"
        people.append(
            {
                "id": f"synthetic-{i}",
                "name": name,
                "aliases": [name.split()[-1]],
                "country": rng.choice(countries),
                "roles": [{"office": "ambassador", "country": rng.choice(countries)}],
            }
        )
    orgs = [
        {"id": f"synthetic-org-{i}", "name": f"{word()} {word()} Council", "code": "NGO"}
        for i in range(factor * len(lexicon.organisations))
    ]
    (folder / "people.yaml").write_text(yaml.safe_dump({"people": people}), encoding="utf-8")
    (folder / "organisations.yaml").write_text(
        yaml.safe_dump({"organisations": orgs}), encoding="utf-8"
    )


def rate(lexicon: Lexicon, articles: list[str], rounds: int = 3) -> tuple[float, int, int]:
    """Sentences a second through the actor stage alone (the text stage runs before the
    clock starts), best of ``rounds``."""
    docs = [Article.create(normalize_text(t), source_id=str(i)) for i, t in enumerate(articles)]
    prepared = [analyze_text(Analysis(doc), lexicon) for doc in docs]
    best = float("inf")
    sentences = mentions = 0
    for _ in range(rounds):
        start = time.perf_counter()
        sentences = mentions = 0
        for analysis in prepared:
            done = analyze_actors(analysis, lexicon)
            sentences += len(done.sentences)
            mentions += len(done.mentions)
        best = min(best, time.perf_counter() - start)
    return sentences / best, sentences, mentions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=400_000, help="text to run (characters)")
    parser.add_argument("--factor", type=int, default=10, help="growth of the knowledge base")
    args = parser.parse_args()
    articles = texts(args.chars)
    base = load_lexicon()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        synthetic(folder, base, args.factor)
        big = load_lexicon((folder,))
        small_rate, sentences, mentions = rate(base, articles)
        big_rate, _, big_mentions = rate(big, articles)
    print(f"text: {len(articles)} articles, {sentences} sentences")
    print(
        f"package lexicon: {base.phrases.size:>7} phrases, {small_rate:8.0f} sentences/s "
        f"({mentions} mentions)"
    )
    print(
        f"x{args.factor} lexicon:    {big.phrases.size:>7} phrases, {big_rate:8.0f} sentences/s "
        f"({big_mentions} mentions)"
    )
    print(f"ratio (grown / package): {big_rate / small_rate:.2f}")


if __name__ == "__main__":
    main()
