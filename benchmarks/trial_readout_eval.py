"""Quality of the trial-readout reader (no model) on labelled folders, side by side.

    python benchmarks/trial_readout_eval.py [FOLDER ...] [--per-document]

Each FOLDER is a labelled set in the layout of tests/data/trials/LABEL_SPEC.md (docs/,
meta.jsonl, gold.jsonl); the default is the dev, tune and holdout folders of tests/data/trials.
Only each document's text and ``published`` date reach the reader. Prints one row per folder
(the LABEL_SPEC metrics, overall, documents, milliseconds per document), the endpoint confusion
of each folder and, last: ``<folder>_overall=.. <folder>_is_trial_readout=.. <folder>_endpoint=..
<folder>_phase=..`` for every folder. ``--per-document`` adds each document's scores below 1
(for the folders you tune on: reading holdout misses to fix a rule defeats the holdout).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from summarizer.evaluation import load_corpus
from summarizer.intake import load
from summarizer.tasks.trial_readout.reader import read
from summarizer.tasks.trial_readout.scoring import METRICS, score_corpus

ROOT = Path(__file__).resolve().parent.parent
TRIALS = ROOT / "tests" / "data" / "trials"
_SHORT = {"is_trial_readout": "readout", "primary_endpoint": "prim_ep", "key_results": "results",
          "next_steps": "next", "indication": "indic", "sentiment": "sent",
          "grounding": "ground", "endpoint": "endpt", "product": "prod"}


def run_reader(folder: Path) -> dict[str, Any]:
    """Read every document of a labelled folder with the reader and score the records."""
    items = load_corpus(folder)
    records: list[dict[str, Any]] = []
    started = time.perf_counter()
    for item in items:
        summary = read(load(item.read_text(), published=item.published, source=item.id))
        records.append({"id": item.id, "summary": summary.model_dump(mode="json")})
    seconds = time.perf_counter() - started
    scores = score_corpus(records, [item.gold for item in items])
    scores["ms_per_doc"] = 1000 * seconds / len(items) if items else 0.0
    return scores


def _fmt(value: Any) -> str:
    return "-" if value is None else f"{value:.2f}"


def table(runs: dict[str, dict[str, Any]]) -> str:
    """The metric table (one row per folder) and each folder's endpoint confusion."""
    header = ["set", *[_SHORT.get(m, m) for m in METRICS], "overall", "n", "ms/doc"]
    rows = [[label, *[_fmt(s.get(m)) for m in (*METRICS, "overall")], str(s["n"]),
             f"{s['ms_per_doc']:.1f}"] for label, s in runs.items()]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True))
             for r in [header, *rows]]
    for label, s in runs.items():
        matrix: dict[str, dict[str, int]] = s["confusion"]
        codes = sorted({c for row in matrix.values() for c in row} | set(matrix))
        width = max(len(c) for c in codes)
        lines += ["", f"endpoint confusion ({label}; rows gold, columns predicted):",
                  " " * width + "  " + "  ".join(c.rjust(width) for c in codes)]
        for gold in sorted(matrix):
            cells = [str(matrix[gold].get(c, "")).rjust(width) for c in codes]
            lines.append(gold.rjust(width) + "  " + "  ".join(cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path,
                        default=[TRIALS / "dev", TRIALS / "tune", TRIALS / "holdout"])
    parser.add_argument("--per-document", action="store_true",
                        help="print each document's scores below 1")
    args = parser.parse_args(argv)
    runs = {folder.name: run_reader(folder) for folder in args.folders}
    print(table(runs))
    if args.per_document:
        for label, s in runs.items():
            for doc_id, scores in s["per_document"].items():
                low = {m: round(v, 2) for m, v in scores.items() if v is not None and v < 1}
                if low:
                    print(f"{label}/{doc_id}: {low}")
    figures = [f"{label}_{m}={s[m]:.3f}" for label, s in runs.items()
               for m in ("overall", "is_trial_readout", "endpoint", "phase")]
    print(" ".join(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
