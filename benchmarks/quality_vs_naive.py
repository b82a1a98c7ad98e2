"""Quality of the full pipeline versus a bare instructor call, same model, same schema.

    python benchmarks/quality_vs_naive.py [CORPUS_DIR] [--base-url http://127.0.0.1:8765/v1] \
        [--model local] [--naive-mode tools|json] [--record | --live]

(a) naive: ``instructor.from_openai(client, mode=...)``, the schema as ``response_model``, a
    one-line system prompt and the raw document, one attempt, nothing else;
(b) pipeline: ``Summarizer`` (intake, our prompt, json mode, rules, re-asks, gap filling).

Both outputs are grounded with the same aligner (grounding is a scored metric) and scored with
LABEL_SPEC.md. By default both runs replay recorded cassettes offline: the naive run from
``cassettes/naive_local_1_5b/`` and the pipeline from ``cassettes/corpus_local_1_5b/`` (the same
recording tests/test_corpus_replay.py replays). ``--record`` records the naive cassettes that are
missing (needs the server); ``--live`` calls the server for both runs and stores nothing.
Prints both rows (the ten metrics, overall, tokens, seconds) and, last:
``naive_decision=.. pipeline_decision=.. naive_grounding=.. pipeline_grounding=.. overall_gain=..``
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import instructor
import openai

from summarizer import Summarizer
from summarizer.errors import SummarizerError
from summarizer.evaluation import EvalRun, evaluate, format_report, load_corpus
from summarizer.grounding import ground
from summarizer.recording import recorded_requests
from summarizer.tasks.regulatory.schema import RegulatorySummary
from summarizer.types import ErrorInfo, SummaryResult, Usage

ROOT = Path(__file__).resolve().parent.parent
NAIVE_SYSTEM = "Extract a structured summary of this regulatory press release."


NAIVE_CASSETTES = ROOT / "cassettes" / "naive_local_1_5b"
PIPELINE_CASSETTES = ROOT / "cassettes" / "corpus_local_1_5b"


@contextlib.contextmanager
def cassette(folder: Path | None, mode: str, name: str) -> Iterator[None]:
    """Record or replay one document's HTTP exchanges (matched in order, like the tests)."""
    if folder is None:
        yield
        return
    import vcr

    from summarizer.recording import vcr_config

    recorder = vcr.VCR(record_mode=mode, **vcr_config(
        match_on=("method", "scheme", "host", "port", "path", "query"),
        before_record_request=None,
    ))
    with recorder.use_cassette(str(folder / f"{name}.yaml")):
        yield


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT / "tests/data/corpus"))
    parser.add_argument("--base-url", default="http://127.0.0.1:8765/v1")
    parser.add_argument("--model", default="local")
    parser.add_argument("--naive-mode", choices=["tools", "json"], default="tools")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--record", action="store_true",
                       help=f"record missing naive cassettes in {NAIVE_CASSETTES.name}/")
    group.add_argument("--live", action="store_true", help="call the server, store nothing")
    args = parser.parse_args()
    naive_dir = None if args.live else NAIVE_CASSETTES
    pipeline_dir = None if args.live else PIPELINE_CASSETTES
    naive_mode = "once" if args.record else "none"
    items = load_corpus(args.corpus)

    client = openai.OpenAI(base_url=args.base_url, api_key="not-needed", max_retries=0,
                           timeout=1800)
    mode = instructor.Mode.TOOLS if args.naive_mode == "tools" else instructor.Mode.JSON
    naive_client = instructor.from_openai(client, mode=mode)

    def naive(text: str, *, published: Any = None, source: str | None = None) -> SummaryResult:
        with cassette(naive_dir, naive_mode, str(source)):
            try:
                summary, completion = naive_client.chat.completions.create_with_completion(
                    model=args.model, response_model=RegulatorySummary, max_retries=0,
                    max_tokens=2048,
                    temperature=0, messages=[{"role": "system", "content": NAIVE_SYSTEM},
                                             {"role": "user", "content": text}],
                )
            except Exception as exc:  # one attempt: a failure is a missing answer
                return SummaryResult(source=source, error=ErrorInfo(
                    type=type(exc).__name__, code="naive", message=str(exc)[:300]),
                    usage=Usage(requests=1))
        usage = Usage(requests=1, attempts=1,
                      prompt_tokens=completion.usage.prompt_tokens if completion.usage else 0,
                      completion_tokens=(completion.usage.completion_tokens
                                         if completion.usage else 0))
        return SummaryResult(source=source, summary=ground(summary, text), usage=usage)

    pipelines = {n: Summarizer(client=client, model=args.model, mode="json", max_attempts=1,
                               max_reasks=n) for n in range(3)}

    def pipeline(text: str, *, published: Any = None, source: str | None = None) -> SummaryResult:
        # replayed: re-ask at most as often as the recording did (it holds no other answers)
        reasks = 2 if pipeline_dir is None else max(
            0, min(2, recorded_requests(pipeline_dir / f"{source}.yaml") - 1))
        with cassette(pipeline_dir, "none", str(source)):
            return pipelines[reasks].summarize(text, published=published, source=source)

    runs: list[EvalRun] = []
    for label, fn in (("naive", naive), ("pipeline", pipeline)):
        try:
            runs.append(evaluate(items, fn, label=label))
        except SummarizerError as exc:
            print(f"{label}: {exc.message}", file=sys.stderr)
            return 1
    print(format_report(runs))
    a, b = (run.scores for run in runs)
    print(f"naive_decision={a['decision']:.3f} pipeline_decision={b['decision']:.3f} "
          f"naive_grounding={a['grounding'] or 0:.3f} pipeline_grounding={b['grounding'] or 0:.3f} "
          f"overall_gain={b['overall'] - a['overall']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
