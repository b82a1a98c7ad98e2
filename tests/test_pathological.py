"""Pathological inputs finish: every kind of ``benchmarks/pathological.py`` (runs of blank lines,
one huge line, 100,000 nested tags, unclosed EDGAR documents, ...) goes through the model-free
pipeline. The 5 s / 500 MB targets at 1 MB are the benchmark's to check; here a fifth of that
size must finish under a generous guard (before the fixes several kinds took minutes at 100 KB).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "pathological.py"


def test_every_pathological_kind_finishes() -> None:
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--inline", "--size", "200000"],
        capture_output=True, text=True, timeout=300, cwd=ROOT, check=False,
    )
    # exit 1 only says a kind went over the benchmark's time or memory target, which is the
    # benchmark's to report on a given machine (speed is never a unit test's to judge); a crash
    # or a timeout shows in the rows below
    assert run.returncode in (0, 1), run.stdout[-3000:] + run.stderr[-3000:]
    rows = [line for line in run.stdout.splitlines() if line.startswith("| ")][1:]
    assert len(rows) >= 40  # the table lists every kind
    assert all("| ok" in row or "| rejected" in row for row in rows), rows
    assert run.stdout.strip().splitlines()[-1].startswith("worst_s=")
