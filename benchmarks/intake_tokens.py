"""Prompt tokens: the pipeline (intake + our prompt) versus a plain instructor call on the raw text.

For every document of a corpus folder, counts the prompt tokens the local model's server would
evaluate, by rendering the model's own chat template (from the GGUF) and tokenizing with its own
vocabulary (llama-cpp-python, ``vocab_only``; no generation, runs in seconds):

* plain:    ``instructor.from_openai(client)`` defaults: ``Mode.TOOLS``, the same schema as
            a forced tool (rendered into the prompt), a one-line system prompt, the raw document;
* pipeline: what ``Summarizer(backend="local")`` sends: our system prompt, the intake view
            (boilerplate left out, whitespace cleaned), json mode with the schema as a grammar.

Also reports the document ratio (our user message, with the intake view, vs the raw text).
Usage:

    python benchmarks/intake_tokens.py [CORPUS_DIR] --model-path "$(fetch-local-model)"

Last line: ``token_ratio=<pipeline/plain> doc_ratio=<view/raw> pipeline_tokens=N plain_tokens=N``
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment

from summarizer import Summarizer
from summarizer.evaluation import load_corpus

ROOT = Path(__file__).resolve().parent.parent
PLAIN_SYSTEM = "Extract a structured summary of this regulatory press release."


def _tool_schema() -> dict[str, Any]:
    from instructor.processing.function_calls import openai_schema  # type: ignore[import-untyped]

    from summarizer.tasks.regulatory.schema import RegulatorySummary

    return {"type": "function", "function": openai_schema(RegulatorySummary).openai_schema}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT / "tests/data/corpus"))
    parser.add_argument("--model-path", default=os.environ.get("SUMMARIZER_LOCAL_MODEL"))
    args = parser.parse_args()
    if not args.model_path:
        print("need --model-path (a GGUF) or SUMMARIZER_LOCAL_MODEL", file=sys.stderr)
        return 2
    from llama_cpp import Llama

    vocab = Llama(model_path=args.model_path, vocab_only=True, verbose=False)
    template = ImmutableSandboxedEnvironment().from_string(
        str(vocab.metadata["tokenizer.chat_template"])
    )

    def count(messages: list[dict[str, str]], tools: list[dict[str, Any]] | None) -> int:
        prompt = template.render(messages=messages, tools=tools, add_generation_prompt=True)
        return len(vocab.tokenize(prompt.encode(), add_bos=False, special=True))

    def doc_tokens(text: str) -> int:
        return len(vocab.tokenize(text.encode(), add_bos=False))

    # the local backend's settings (json mode); prompt_messages() makes no request
    summarizer = Summarizer(base_url="http://127.0.0.1:9/v1", model="local", mode="json")
    tools = [_tool_schema()]
    totals = {"plain": 0, "pipeline": 0, "raw_doc": 0, "view_doc": 0}
    print(f"{'doc':<6}{'plain':>8}{'pipeline':>10}{'ratio':>7}{'raw doc':>9}{'view':>7}")
    for item in load_corpus(args.corpus):
        text = item.read_text()
        plain = count([{"role": "system", "content": PLAIN_SYSTEM},
                       {"role": "user", "content": text}], tools)
        parts = summarizer.prompt_messages(text, published=item.published)
        pipeline = sum(count(messages, None) for messages in parts)
        view_doc = sum(doc_tokens(messages[-1]["content"]) for messages in parts)
        raw_doc = doc_tokens(text)
        for key, value in (("plain", plain), ("pipeline", pipeline), ("raw_doc", raw_doc),
                           ("view_doc", view_doc)):
            totals[key] += value
        print(f"{item.id:<6}{plain:>8}{pipeline:>10}{pipeline / plain:>7.2f}{raw_doc:>9}"
              f"{view_doc:>7}")
    ratio = totals["pipeline"] / totals["plain"]
    doc_ratio = totals["view_doc"] / totals["raw_doc"]
    print(f"token_ratio={ratio:.3f} doc_ratio={doc_ratio:.3f} "
          f"pipeline_tokens={totals['pipeline']} plain_tokens={totals['plain']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
