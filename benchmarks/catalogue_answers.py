"""Right answers on the phrasing catalogue: how often the pipeline vetoes a model that is right.

    python benchmarks/catalogue_answers.py [--halves tune,holdout] [--details]

Each opening of the phrasing catalogue (``tests/data/phrasings``: a headline and a lead in a
regulator's own words, labelled with the regulator and decision announced today) is answered
perfectly through ``FakeEndpoint``: its gold regulator and decision (and the decision's
direction), or "no event" for a release of other news. The catalogue names no sentence for the
act, so an event's answer is tried quoting each sentence in turn (the headline, then each
sentence of the lead); the answer stands when some quote leaves the gold regulator and decision
in place with no error finding (no re-ask) and nothing arbitrated. A "no event" answer stands
when the pipeline keeps it and raises no error.

An opening where no quote lets the right answer stand is "vetoed": the release's words, as the
cue reader reads them, overrule a right model whatever sentence it cites. The lexicon vetoing the
model on wording it does not know is what arbitration by evidence exists to avoid
(``tests/test_perfect_answers.py`` checks the same on the labelled sets, with their gold
sentences). ``rules_wrong`` counts the openings the rules backend misreads: where a vetoed model
would have beaten the lexicon. The holdout half is counted, never listed: nobody tunes on it.

Last line: ``openings=<n> vetoed=<n> vetoed_rules_wrong=<n> vetoed_non_events=<n>
vetoed_share=<x>``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from summarizer.intake import load
from summarizer.sentences import split_sentences
from summarizer.tasks.regulatory.reader import summarize_with_rules
from summarizer.tasks.regulatory.schema import RegulatorySummary
from summarizer.tasks.regulatory.vocabulary import VOCABULARY
from summarizer.testing import answered, gold_answer

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "tests" / "data" / "phrasings"
_NO_EVENT = (VOCABULARY.no_agency, VOCABULARY.no_decision)


@dataclass(frozen=True)
class Verdict:
    """One opening's outcome: whether a right answer stands, and what overruled it if not."""

    id: str
    event: bool
    rules_right: bool
    stands: bool
    why: str = ""  # the first problem of the last quote tried, when vetoed


def _text(row: dict[str, Any]) -> str:
    return str(row["headline"]).strip() + "\n\n" + str(row["lead"]).strip() + "\n"


def _codes(summary: object) -> tuple[str, str]:
    if not isinstance(summary, RegulatorySummary) or summary.outcome is None or (
            not summary.is_regulatory_event):
        return _NO_EVENT
    return summary.outcome.agency, summary.outcome.decision


def _settled(text: str, published: dt.date, gold: dict[str, Any],
             quote: str | None) -> tuple[tuple[str, str], list[str]]:
    """The (regulator, decision) the pipeline settles for the right answer quoting ``quote``,
    and its problems: error findings (a re-ask) and arbitration's changes."""
    result = answered(text, gold_answer(gold, quote), published)
    problems = [f"{f.rule}: {f.message}" for f in result.findings
                if f.severity == "error" or f.rule.endswith(("_arbitrated", "_disputed"))]
    return _codes(result.summary), problems


def judge(row: dict[str, Any]) -> Verdict:
    """Whether a right answer to one catalogue opening stands (module doc)."""
    text, published = _text(row), dt.date.fromisoformat(row["published"])
    want = (row["agency"], row["decision"])
    event = want != _NO_EVENT
    rules_right = _codes(summarize_with_rules(load(text, published=published))) == want
    gold = {"is_regulatory_event": event, "agency": row["agency"], "decision": row["decision"],
            "direction": VOCABULARY.direction(row["decision"]) or "neutral", "product": [],
            "indication": [], "sentiment": "neutral"}
    headline = row["headline"].strip()
    quotes: list[str | None] = [None]
    if event:
        quotes = [headline] + [s.text for s in split_sentences(text, len(headline) + 2)]
    why = ""
    for quote in quotes:
        got, problems = _settled(text, published, gold, quote)
        if got == want and not problems:
            return Verdict(row["id"], event, rules_right, True)
        why = problems[0] if problems else f"settled {got[0]} {got[1]}"
    return Verdict(row["id"], event, rules_right, False, why)


def rows(half: str) -> list[dict[str, Any]]:
    """The catalogue half's openings."""
    lines = (CATALOGUE / f"{half}.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def measure(openings: list[dict[str, Any]], processes: int = 2) -> list[Verdict]:
    """Every opening's verdict, in order (over ``processes`` worker processes)."""
    if processes <= 1:
        return [judge(row) for row in openings]
    with Pool(processes) as pool:
        return pool.map(judge, openings, chunksize=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--halves", default="tune,holdout",
                        help="comma-separated: tune, holdout (holdout: counts only)")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--details", action="store_true",
                        help="list the tune half's vetoed openings and why")
    args = parser.parse_args()
    total: Counter[str] = Counter()
    for half in args.halves.split(","):
        verdicts = measure(rows(half), args.processes)
        counts = Counter(openings=len(verdicts))
        for v in verdicts:
            if not v.stands:
                counts["vetoed"] += 1
                counts["vetoed_rules_wrong"] += 0 if v.rules_right else 1
                counts["vetoed_non_events"] += 0 if v.event else 1
                if args.details and half != "holdout":
                    print(f"{v.id}: {v.why[:200]}")
        print(f"{half}: {dict(sorted(counts.items()))}")
        total += counts
    share = total["vetoed"] / total["openings"] if total["openings"] else 0.0
    print(f"openings={total['openings']} vetoed={total['vetoed']} "
          f"vetoed_rules_wrong={total['vetoed_rules_wrong']} "
          f"vetoed_non_events={total['vetoed_non_events']} vetoed_share={share:.3f}")


if __name__ == "__main__":
    main()
