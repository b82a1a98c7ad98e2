"""False error findings: how often the rules ask for a correction that would make an answer worse.

    python benchmarks/false_errors.py [--details]

An error finding sends the whole summary back to the model (a re-ask: minutes on a local model),
so it must be right. This script runs the rules on two kinds of answers:

- the recorded answers of the local 1.5B model on the dev split and on the stress set's holdout
  half (every whole answer in ``cassettes/corpus_local_1_5b`` and
  ``cassettes/stress_holdout_local_1_5b``; a correction answers some fields only), and
- a perfect answer for every document of the stress set (``tests/data/stress/tune`` and
  ``holdout``, when present; ``summarizer.testing.gold_answer``: the gold decision, regulator,
  direction, products and the gold sentence stating the decision),

and counts the error findings that would send each answer back, as the pipeline's re-ask check
makes them: after its certain repairs and arbitration by evidence (the default policy), which
settle what they can without a request. An error finding is false by this criterion, applied
mechanically:

- a finding about the decision, the regulator, the direction or the event flag is false when
  the answer's value at its path equals the gold label (the fit rule: when both regulator and
  decision do);
- a finding that a product name or a quote is not in the release is false when the name or
  quote is in the release under normalisation: case, whitespace, quotes and dashes, (R)/(TM)
  marks and punctuation ignored, and a combination written another way ("ceftazidime-
  avibactam" for "ceftazidime and avibactam") found part by part; a product name equal to a gold
  alias counts as found;
- other findings (missing evidence, boilerplate quotes, dates after the release) state facts
  about the answer itself and count as right.

``--details`` lists each false finding of the dev answers and of the tune half (never of the
holdout half, whose documents are only counted). Last line:
``answers=<n> error_findings=<n> false_errors=<n> docs=<n> false_errors_per_doc=<x>
perfect_answers=<n> perfect_false_errors=<n>`` (the first five over the recorded answers: the
documents they answer, whole answers only; the perfect answers apart)
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from summarizer.evaluation import CorpusItem, load_corpus
from summarizer.grounding import ground
from summarizer.intake import load
from summarizer.task import SETTLE_DEFAULTS
from summarizer.tasks.regulatory.rules import run_rules
from summarizer.tasks.regulatory.schema import RegulatorySummary
from summarizer.tasks.regulatory.settle import repair
from summarizer.testing import gold_answer
from summarizer.types import Finding

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests/data/corpus"
CASSETTES = ROOT / "cassettes"
STRESS = ROOT / "tests/data/stress"

_MARKS = re.compile(r"[®™©Ⓡ℠▼]|\((?:r|tm)\)", re.I)
_PARTS = re.compile(r"\s*(?:[-‐‑–—/+&,]|\band\b|\bplus\b|\bwith\b)\s*", re.I)


def _norm(text: str) -> str:
    text = _MARKS.sub(" ", unicodedata.normalize("NFKC", text)).lower()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def _in_source(value: str, source: str) -> bool:
    """``value`` is in ``source`` under normalisation, whole or part by part (a combination)."""
    flat = f" {_norm(source)} "
    if f" {_norm(value)} " in flat:
        return True
    parts = [_norm(p) for p in _PARTS.split(value) if len(_norm(p)) >= 3]
    return len(parts) > 1 and all(f" {p} " in flat for p in parts)


def _at(summary: Mapping[str, Any], path: str) -> Any:
    """The value at a finding's JSON path (``outcome.products[0].name``), or None."""
    value: Any = summary
    for name, index in re.findall(r"(\w+)(?:\[(\d+)\])?", path):
        if not isinstance(value, Mapping):
            return None
        value = value.get(name)
        if index:
            i = int(index)
            value = value[i] if isinstance(value, list) and i < len(value) else None
    return value


def is_false(finding: Finding, answer: Mapping[str, Any], gold: Mapping[str, Any],
             source: str) -> bool:
    """Whether an error finding is wrong about ``answer`` (the criterion in the docstring)."""
    outcome = answer.get("outcome") or {}
    event = bool(answer.get("is_regulatory_event"))
    decision = outcome.get("decision", "none") if event else "none"
    agency = outcome.get("agency", "NONE") if event else "NONE"
    right_decision = decision == gold.get("decision")
    right_agency = agency == gold.get("agency")
    if finding.rule == "product_in_source":
        name = _at(answer, finding.path)
        aliases = [a.lower() for a in gold.get("product") or []]
        return isinstance(name, str) and (_in_source(name, source) or name.lower() in aliases)
    if finding.rule == "evidence_grounded":
        quote = _at(answer, finding.path.removesuffix(".evidence") + ".evidence.quote") \
            if not finding.path.endswith(".quote") else _at(answer, finding.path)
        return isinstance(quote, str) and bool(quote.strip()) and _in_source(quote, source)
    if finding.rule == "agency_decision_fit":
        return right_decision and right_agency
    if finding.rule == "event_outcome":
        return event == gold.get("is_regulatory_event") and right_decision and right_agency
    if finding.path == "outcome.decision_date":
        return False  # a date after the release states a fact about the answer (docstring)
    if finding.path.startswith("outcome.decision"):
        return right_decision
    if finding.path.startswith("outcome.agency"):
        return right_agency
    if finding.path == "outcome.direction":
        return outcome.get("direction") == gold.get("direction")
    return False


def _recorded_answers(cassettes: str, doc_id: str) -> Iterator[dict[str, Any]]:
    """Every answer the local model gave for a document, in recorded order."""
    path = CASSETTES / cassettes / f"{doc_id}.yaml"
    if not path.exists():
        return
    for interaction in yaml.safe_load(path.read_text(encoding="utf-8"))["interactions"]:
        body = json.loads(interaction["response"]["body"]["string"])
        try:
            yield json.loads(body["choices"][0]["message"]["content"])
        except (KeyError, IndexError, TypeError, ValueError):
            continue  # not a JSON answer (an HTTP error, cut-off output): no rules ran on it


def gold_sentences(corpus: Path) -> dict[str, str | None]:
    """Each labelled release's sentence stating its decision, where a corpus keeps them apart
    from its gold lines (``evidence.jsonl``: the dev split); the stress set's gold lines hold
    their own (``evidence``)."""
    path = corpus / "evidence.jsonl"
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {r["id"]: r.get("evidence") for r in rows}


def _check(item: CorpusItem, answer: dict[str, Any]) -> tuple[list[Finding], int] | None:
    """The error findings on ``answer`` and how many of them are false (None: not a valid
    answer, so the rules never ran on it)."""
    text = item.read_text()
    try:
        summary = RegulatorySummary.model_validate(answer)
    except ValueError:
        return None
    doc = load(text, published=item.published)
    ground(summary, doc.text)
    repair(summary, doc, SETTLE_DEFAULTS)  # what the re-ask check settles without a request
    errors = [f for f in run_rules(summary, doc, published=item.published)
              if f.severity == "error"]
    judged = summary.model_dump(mode="json")
    false = [f for f in errors if is_false(f, judged, item.gold, text)]
    return false, len(errors)


def main() -> int:
    details = "--details" in sys.argv[1:]
    answers = findings = false_total = docs = 0
    runs: list[tuple[str, list[tuple[CorpusItem, dict[str, Any]]]]] = []
    dev = load_corpus(DEV)
    runs.append(("dev-recorded", [(i, a) for i in dev
                                   for a in _recorded_answers("corpus_local_1_5b", i.id)]))
    docs += len(dev)
    if (STRESS / "holdout" / "gold.jsonl").exists():
        held = load_corpus(STRESS / "holdout")
        recorded = [(i, a) for i in held
                    for a in _recorded_answers("stress_holdout_local_1_5b", i.id)]
        if recorded:
            runs.append(("holdout-recorded", recorded))
            docs += len({i.id for i, _ in recorded})
    for half in ("tune", "holdout"):
        corpus = STRESS / half
        if not (corpus / "gold.jsonl").exists():
            continue
        items = load_corpus(corpus)
        quotes = gold_sentences(corpus)
        runs.append((f"{half}-perfect", [
            (i, gold_answer(i.gold, quotes.get(i.id, i.gold.get("evidence")))) for i in items
        ]))
    perfect_answers = perfect_false = 0
    for label, pairs in runs:
        n = errors = wrong = 0
        for item, answer in pairs:
            checked = _check(item, answer)
            if checked is None:
                continue
            false, count = checked
            n, errors, wrong = n + 1, errors + count, wrong + len(false)
            if details and not label.startswith("holdout"):
                for f in false:
                    print(f"  {label} {item.id} {f.rule} {f.path}: {f.message[:200]}")
        print(f"{label}: answers={n} error_findings={errors} false_errors={wrong}")
        if label.endswith("-perfect"):  # reported apart: the headline is the recorded answers
            perfect_answers, perfect_false = perfect_answers + n, perfect_false + wrong
            continue
        answers, findings, false_total = answers + n, findings + errors, false_total + wrong
    print(f"answers={answers} error_findings={findings} false_errors={false_total} docs={docs} "
          f"false_errors_per_doc={false_total / max(1, docs):.3f} "
          f"perfect_answers={perfect_answers} perfect_false_errors={perfect_false}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
