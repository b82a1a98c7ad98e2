"""The naive-vs-pipeline comparison replays offline and still gives the figures the docs state
(docs/measured-figures.md)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from doc_pages import find

ROOT = Path(__file__).resolve().parent.parent


def test_the_comparison_replays_to_the_readme_figures() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "quality_vs_naive.py")],
        capture_output=True, text=True, timeout=600, cwd=ROOT, check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    last = run.stdout.strip().splitlines()[-1]
    figures = {k: float(v) for k, v in re.findall(r"(\w+)=([-\d.]+)", last)}
    stated = find(r"`(naive_decision=[^`]*)`", join_lines=True)
    assert stated, "no page (README.md, docs/*.md) quotes the benchmark's last line"
    expected = {k: float(v) for k, v in re.findall(r"(\w+)=([-\d.]+)", stated.group(1))}
    assert set(expected) == set(figures)
    for name, value in expected.items():
        if name.startswith("naive"):  # the baseline is a fixed recording: exactly as stated
            assert abs(figures[name] - value) < 1e-3, (name, figures[name], value)
        else:  # the pipeline may only get better
            assert figures[name] >= value - 1e-3, (name, figures[name], value)
    assert figures["pipeline_decision"] - figures["naive_decision"] >= 0.10
    assert figures["pipeline_grounding"] - figures["naive_grounding"] >= 0.10
