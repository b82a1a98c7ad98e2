"""Completion tokens per field of the recorded local-model answers (where generation time goes).

    python benchmarks/answer_tokens.py [--cassettes cassettes/corpus_local_1_5b] [--model-path GGUF]

Reads the first answer of every recorded document, tokenizes each top-level field (and each
outcome field) as it appears in the answer, ``"key": value``, with the local model's own
tokenizer (``--model-path`` / ``SUMMARIZER_LOCAL_MODEL``; without one, or without
llama-cpp-python, it says so and exits 0), and prints tokens per document for each field, most
first, and how often the sentiment quotes the outcome's quote again. Last line:
``answers=<n> completion_tokens_per_answer=<mean> summary=<mean> outcome=<mean> sentiment=<mean>``
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def first_answers(folder: Path) -> list[tuple[str, dict[str, Any], int]]:
    """(document, first answer, its completion tokens) for every cassette in ``folder``."""
    import yaml

    out = []
    for path in sorted(folder.glob("*.yaml")):
        interactions = yaml.safe_load(path.read_text(encoding="utf-8"))["interactions"]
        body = json.loads(interactions[0]["response"]["body"]["string"])
        message = body["choices"][0]["message"]
        text = message.get("content") or message["tool_calls"][0]["function"]["arguments"]
        out.append((path.stem, json.loads(text), int(body["usage"]["completion_tokens"])))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cassettes", type=Path, default=ROOT / "cassettes/corpus_local_1_5b")
    parser.add_argument("--model-path", default=os.environ.get("SUMMARIZER_LOCAL_MODEL"))
    args = parser.parse_args()
    if not args.model_path or not Path(args.model_path).expanduser().is_file():
        print("answer_tokens: no local model for its tokenizer (pass --model-path or set "
              "SUMMARIZER_LOCAL_MODEL); skipped")
        return 0
    if importlib.util.find_spec("llama_cpp") is None:
        print("answer_tokens: llama-cpp-python is not installed; skipped")
        return 0
    from llama_cpp import Llama

    vocab = Llama(model_path=str(Path(args.model_path).expanduser()), vocab_only=True,
                  verbose=False)

    def tokens(key: str, value: Any) -> int:
        piece = json.dumps({key: value}, ensure_ascii=False)[1:-1]
        return len(vocab.tokenize(piece.encode(), add_bos=False, special=False))

    answers = first_answers(args.cassettes)
    if not answers:
        print(f"answer_tokens: no cassettes in {args.cassettes}; skipped")
        return 0
    fields: Counter[str] = Counter()
    repeated = 0
    for _, answer, _ in answers:
        for key, value in answer.items():
            fields[key] += tokens(key, value)
        outcome = answer.get("outcome") or {}
        for key, value in outcome.items():
            fields[f"outcome.{key}"] += tokens(key, value)
        sentiment = answer.get("sentiment") or {}
        fields["sentiment.evidence"] += tokens("evidence", sentiment.get("evidence"))
        fields["sentiment.rationale"] += tokens("rationale", sentiment.get("rationale"))
        quote = (sentiment.get("evidence") or {}).get("quote")
        repeated += bool(quote) and quote == (outcome.get("evidence") or {}).get("quote")
    n = len(answers)
    total = sum(c for _, _, c in answers)
    print(f"{n} first answers, {total / n:.0f} completion tokens each (usage)")
    print("| field | tokens per answer |\n|---|---|")
    for key, count in fields.most_common():
        print(f"| {key} | {count / n:.1f} |")
    print(f"sentiment.evidence repeats outcome.evidence in {repeated} of {n} answers")
    print(f"answers={n} completion_tokens_per_answer={total / n:.0f} "
          f"summary={fields['summary'] / n:.0f} outcome={fields['outcome'] / n:.0f} "
          f"sentiment={fields['sentiment'] / n:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
