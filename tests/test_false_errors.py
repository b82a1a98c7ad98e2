"""False error findings (an error sends the whole answer back): the benchmark's figure stays
within the target and matches what the docs state (docs/measured-figures.md)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from doc_pages import find

ROOT = Path(__file__).resolve().parent.parent
#: at most one false error finding per 20 documents (issue 14)
TARGET = 0.05


def test_false_error_findings_are_rare() -> None:
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "false_errors.py")],
                         capture_output=True, text=True, timeout=600, cwd=ROOT, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    last = run.stdout.strip().splitlines()[-1]
    figures = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", last)}
    assert figures["docs"] >= 23 and figures["answers"] >= figures["docs"]
    assert figures["false_errors_per_doc"] <= TARGET, last
    stated = find(r"false_errors_per_doc=([\d.]+)")
    assert stated, "no page (README.md, docs/*.md) quotes the benchmark's last line"
    assert figures["false_errors_per_doc"] <= float(stated.group(1)) + 1e-9


def test_a_date_after_the_release_is_a_right_finding_whatever_the_decision() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from false_errors import is_false
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    from summarizer.types import Finding

    answer = {"is_regulatory_event": True, "outcome": {"decision": "approval", "agency": "FDA",
                                                       "decision_date": "2031-01-01"}}
    gold = {"decision": "approval", "agency": "FDA"}
    dated = Finding(rule="decision_date", severity="error", path="outcome.decision_date",
                    message="a decision cannot be dated after its release")
    assert not is_false(dated, answer, gold, "")
    decided = Finding(rule="decision_cue_conflict", severity="error", path="outcome.decision",
                      message="...")
    assert is_false(decided, answer, gold, "")  # the decision is the gold one: a false finding
