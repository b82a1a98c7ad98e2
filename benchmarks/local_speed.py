"""Seconds, requests and tokens per release through the local backend, live, on 6 dev releases.

    python benchmarks/local_speed.py [--model-path GGUF] [--docs d12,d01,...] [--threads N]
        [--draft N] [--max-reasks 2] [--corpus DIR]

The model is ``--model-path``, else ``SUMMARIZER_LOCAL_MODEL``; without one (or without
llama-cpp-python) the script says so and exits 0. The managed llama.cpp server is started first
(its start-up is reported apart), then the releases run one after the other, as a user would
run them, through ``Summarizer("local")``: the first meets a cold server, the others find the
system prompt already evaluated.

The fixed set spans short to long prompts and easy to hard releases (re-asked or not when the
cassettes were recorded), and five kinds of outcome:

    d12  1.1k prompt tokens  CE mark (IVDR) of a pathology system   hard: called "approval"
    d01  1.5k                EMA/CHMP negative opinion               easy
    d18  1.7k                phase 2 results, no regulatory event    easy
    d20  2.4k                FDA complete response letter            hard: names broken across lines
    d03  2.9k                FDA approval                            easy
    d19  4.3k                earnings and pipeline, no event         hard: the longest release

One row per release: wall seconds, requests, prompt and completion tokens, the decision
(predicted / gold), the machine's load (1-minute average, before) and, from the server's log,
the seconds spent evaluating prompts and generating, and the prompt tokens reused from the
previous request. Last line:
``s_per_doc=<median> requests_per_doc=<mean> completion_tokens_per_doc=<mean> decision=<share>``
(decision: the share of the releases whose decision matches the dev gold).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ("d12", "d01", "d18", "d20", "d03", "d19")

_PROMPT_EVAL = re.compile(r"prompt eval time =\s*([\d.]+) ms /\s*(\d+) tokens")
_EVAL = re.compile(r"\beval time =\s*([\d.]+) ms /\s*(\d+) runs")
_PREFIX = re.compile(r"(\d+) prefix-match hit")


@dataclass
class Row:
    doc: str
    seconds: float
    requests: int
    prompt_tokens: int
    completion_tokens: int
    predicted: str
    gold: str
    load: float
    prompt_eval_s: float
    generation_s: float
    reused_tokens: int

    @property
    def right(self) -> bool:
        return self.predicted == self.gold


def server_log_figures(text: str) -> tuple[float, float, int]:
    """Prompt-evaluation seconds, generation seconds and reused prompt tokens in a stretch of
    llama-cpp-python's server log (its per-request ``llama_perf_context_print`` lines)."""
    prompt = sum(float(m.group(1)) for m in _PROMPT_EVAL.finditer(text)) / 1000
    generation = sum(float(m.group(1)) for m in _EVAL.finditer(text)) / 1000
    reused = sum(int(m.group(1)) for m in _PREFIX.finditer(text))
    return prompt, generation, reused


def run(model_path: str, docs: list[str], corpus: Path, max_reasks: int) -> list[Row]:
    from summarizer import Summarizer, local
    from summarizer.evaluation import load_corpus

    items = {item.id: item for item in load_corpus(corpus)}
    missing = [d for d in docs if d not in items]
    if missing:
        raise SystemExit(f"not in {corpus}: {', '.join(missing)}")
    started = time.perf_counter()
    server = local.ensure_server(model_path)
    print(f"server ready in {time.perf_counter() - started:.1f} s "
          f"(log: {server.log_path})", flush=True)
    summarizer = Summarizer("local", model_path=model_path, max_reasks=max_reasks)
    rows: list[Row] = []
    log = Path(server.log_path)
    for doc in docs:
        item = items[doc]
        offset = log.stat().st_size
        load = os.getloadavg()[0]
        started = time.perf_counter()
        result = summarizer.summarize(item.read_text(), published=item.published, source=doc)
        seconds = time.perf_counter() - started
        with log.open("rb") as handle:
            handle.seek(offset)
            prompt_s, gen_s, reused = server_log_figures(handle.read().decode(errors="replace"))
        outcome = result.summary.outcome if result.summary else None
        event = result.summary is not None and result.summary.is_regulatory_event
        row = Row(doc, seconds, result.usage.requests, result.usage.prompt_tokens,
                  result.usage.completion_tokens,
                  outcome.decision if outcome is not None and event else "none",
                  str(item.gold.get("decision")), load, prompt_s, gen_s, reused)
        rows.append(row)
        print(format_row(row), flush=True)
    local.shutdown_all()
    return rows


HEADER = ("| release | s | requests | prompt tok | completion tok | reused tok | prompt eval s "
          "| generation s | decision (gold) | load |\n|---|---|---|---|---|---|---|---|---|---|")


def format_row(row: Row) -> str:
    mark = "" if row.right else " ✗"
    return (f"| {row.doc} | {row.seconds:.1f} | {row.requests} | {row.prompt_tokens} | "
            f"{row.completion_tokens} | {row.reused_tokens} | {row.prompt_eval_s:.1f} | "
            f"{row.generation_s:.1f} | {row.predicted} ({row.gold}){mark} | {row.load:.2f} |")


def headline(rows: list[Row]) -> str:
    n = len(rows)
    return (f"s_per_doc={statistics.median(r.seconds for r in rows):.1f} "
            f"requests_per_doc={sum(r.requests for r in rows) / n:.2f} "
            f"completion_tokens_per_doc={sum(r.completion_tokens for r in rows) / n:.0f} "
            f"decision={sum(r.right for r in rows) / n:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-path", default=os.environ.get("SUMMARIZER_LOCAL_MODEL"))
    parser.add_argument("--docs", default=",".join(DOCS),
                        help="comma-separated dev ids (default: the fixed set of six)")
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "data" / "corpus")
    parser.add_argument("--threads", type=int,
                        help="generation threads (sets SUMMARIZER_LOCAL_THREADS)")
    parser.add_argument("--draft", type=int,
                        help="prompt-lookup draft tokens, 0 for off (sets SUMMARIZER_LOCAL_DRAFT)")
    parser.add_argument("--max-reasks", type=int, default=2)
    args = parser.parse_args()
    if not args.model_path or not Path(args.model_path).expanduser().is_file():
        print("local_speed: no local model (pass --model-path or set SUMMARIZER_LOCAL_MODEL to "
              "a GGUF file); skipped")
        return 0
    if importlib.util.find_spec("llama_cpp") is None:
        print("local_speed: llama-cpp-python is not installed (pip install "
              "'regulatory-summarizer[local]'); skipped")
        return 0
    if args.threads is not None:
        os.environ["SUMMARIZER_LOCAL_THREADS"] = str(args.threads)
    if args.draft is not None:
        os.environ["SUMMARIZER_LOCAL_DRAFT"] = str(args.draft)
    print(f"threads={os.environ.get('SUMMARIZER_LOCAL_THREADS', 'all')} "
          f"draft={os.environ.get('SUMMARIZER_LOCAL_DRAFT', 'off')} "
          f"max_reasks={args.max_reasks} cores={os.cpu_count()}", flush=True)
    print(HEADER, flush=True)
    rows = run(args.model_path, [d.strip() for d in args.docs.split(",") if d.strip()],
               args.corpus, args.max_reasks)
    print(headline(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
