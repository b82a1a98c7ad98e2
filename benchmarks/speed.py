"""Speed of the parts that run without a model: intake, grounding, rules, the rules backend.

    python benchmarks/speed.py [CORPUS_DIR]

Reports the best of 3 runs of: the rules backend over the whole corpus (intake, rules backend,
grounding and rules per document, as ``summarizer summarize --backend rules`` does), intake of
a 2 MB document, and grounding 20 quotes against it. Last line:
``rules_corpus_s=<s> intake_2mb_s=<s> grounding_2mb_20q_s=<s> docs=<n>``
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from summarizer import Summarizer
from summarizer.evaluation import load_corpus
from summarizer.grounding import SourceIndex, align
from summarizer.intake import load

ROOT = Path(__file__).resolve().parent.parent


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    corpus = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "tests/data/corpus")
    items = load_corpus(corpus)
    texts = [(item.read_text(), item.published) for item in items]
    summarizer = Summarizer("rules")
    summarizer.summarize(texts[0][0])  # warm-up: imports, compiled patterns

    def rules_corpus() -> None:
        for text, published in texts:
            summarizer.summarize(text, published=published)

    joined = "\n\n".join(text for text, _ in texts)
    big = (joined * (2_000_000 // len(joined) + 1))[:2_000_000]
    step = len(big) // 20
    quotes = [big[i * step + 100:i * step + 260] for i in range(20)]
    quotes[::4] = [q.upper() for q in quotes[::4]]

    rules_s = best_of(3, rules_corpus)
    intake_s = best_of(3, lambda: load(big))

    def grounding() -> None:
        index = SourceIndex(big)
        for quote in quotes:
            align(quote, index)

    grounding_s = best_of(3, grounding)
    print(f"rules backend, {len(texts)} docs: {rules_s:.3f} s ({rules_s / len(texts) * 1000:.1f} "
          f"ms/doc)")
    print(f"intake of a 2 MB document: {intake_s:.3f} s")
    print(f"grounding 20 quotes in 2 MB: {grounding_s:.3f} s")
    print(f"rules_corpus_s={rules_s:.3f} intake_2mb_s={intake_s:.3f} "
          f"grounding_2mb_20q_s={grounding_s:.3f} docs={len(texts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
