"""Wrong answers with the right sentence: how often arbitration settles what a model got wrong.

    python benchmarks/wrong_answers.py [--sets dev,tune] [--details]

For every regulatory event of a labelled set whose gold line names the sentence stating the
decision, the gold answer (``summarizer.testing.gold_answer``) is sent through ``FakeEndpoint``
with one field made wrong, quoting that same sentence, and the pipeline (arbitration "overrule",
no re-ask) settles it:

- a wrong decision: each other decision kind the cue reader reads anywhere in the release (the
  confusions a model can make from its words), with that kind's direction;
- a wrong regulator: each other regulator the release names.

An answer is "fixed" when the pipeline puts the gold value back, "kept" when the wrong value
stands, "other" when a third one replaces it. A correct answer is never touched
(``tests/test_perfect_answers.py``); this measures the other side, what the evidence check
catches. The stress set's holdout half is left out by default: nothing is tuned on it.

Last line: ``decisions=<n> decisions_fixed=<n> decisions_kept=<n> agencies=<n>
agencies_fixed=<n> agencies_kept=<n>``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from false_errors import gold_sentences  # a sibling script: run as one

from summarizer.evaluation import load_corpus
from summarizer.intake import load
from summarizer.tasks.regulatory.lexicon import find_agencies
from summarizer.tasks.regulatory.reader import Reader
from summarizer.tasks.regulatory.schema import RegulatorySummary
from summarizer.tasks.regulatory.vocabulary import VOCABULARY
from summarizer.testing import answered, gold_answer

ROOT = Path(__file__).resolve().parent.parent
SETS = {"dev": ROOT / "tests/data/corpus", "tune": ROOT / "tests/data/stress/tune",
        "holdout": ROOT / "tests/data/stress/holdout"}


def _events(folder: Path) -> Iterator[tuple[str, str, dt.date | None, dict[str, Any], str]]:
    """(id, text, published, gold, the gold sentence) of each event with its sentence."""
    quotes = gold_sentences(folder)
    for item in load_corpus(folder):
        quote = quotes.get(item.id, item.gold.get("evidence"))
        if item.gold.get("is_regulatory_event") and quote:
            yield item.id, item.read_text(), item.published, item.gold, quote


def _settled(text: str, published: dt.date | None, answer: dict[str, Any]) -> tuple[str, str]:
    """The (decision, regulator) the pipeline settles for ``answer``."""
    summary = answered(text, answer, published).summary
    if not isinstance(summary, RegulatorySummary):  # a failed document: nothing settled
        return VOCABULARY.no_decision, VOCABULARY.no_agency
    outcome = summary.outcome
    if outcome is None or not summary.is_regulatory_event:
        return VOCABULARY.no_decision, VOCABULARY.no_agency
    return outcome.decision, outcome.agency


def measure(folder: Path, details: bool = False) -> Counter[str]:
    """Counts of fixed, kept and other answers, per field, over one labelled set."""
    counts: Counter[str] = Counter()
    for doc_id, text, published, gold, quote in _events(folder):
        reader = Reader(load(text, published=published))
        kinds = sorted({c.hit.decision for c in reader.view.cues} - {gold["decision"]})
        for wrong in kinds:
            direction = VOCABULARY.direction(wrong) or gold["direction"]
            answer = gold_answer(dict(gold, decision=wrong, direction=direction), quote)
            got = _settled(text, published, answer)[0]
            verdict = "fixed" if got == gold["decision"] else "kept" if got == wrong else "other"
            counts[f"decisions_{verdict}"] += 1
            if details and verdict != "fixed":
                print(f"{doc_id}: decision {gold['decision']}, answered {wrong}, settled {got}")
        names = sorted({m.code for m in find_agencies(text)}
                       - {gold["agency"], VOCABULARY.no_agency})
        for wrong in names:
            got = _settled(text, published, gold_answer(dict(gold, agency=wrong), quote))[1]
            verdict = "fixed" if got == gold["agency"] else "kept" if got == wrong else "other"
            counts[f"agencies_{verdict}"] += 1
            if details and verdict != "fixed":
                print(f"{doc_id}: regulator {gold['agency']}, answered {wrong}, settled {got}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="dev,tune",
                        help="comma-separated: dev, tune, holdout (holdout: counts only)")
    parser.add_argument("--details", action="store_true",
                        help="list the answers not fixed (not for the holdout)")
    args = parser.parse_args()
    total: Counter[str] = Counter()
    for name in args.sets.split(","):
        counts = measure(SETS[name], details=args.details and name != "holdout")
        print(f"{name}: {dict(sorted(counts.items()))}")
        total += counts
    decisions = sum(v for k, v in total.items() if k.startswith("decisions_"))
    agencies = sum(v for k, v in total.items() if k.startswith("agencies_"))
    print(f"decisions={decisions} decisions_fixed={total['decisions_fixed']} "
          f"decisions_kept={total['decisions_kept']} agencies={agencies} "
          f"agencies_fixed={total['agencies_fixed']} agencies_kept={total['agencies_kept']}")


if __name__ == "__main__":
    main()
