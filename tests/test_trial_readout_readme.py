"""The trial-readout docs: the example of docs/tasks.md runs, the dev/tune rows of
docs/measured-figures.md are what the reader measures."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from doc_pages import find, section

from summarizer.tasks.trial_readout.scoring import METRICS

ROOT = Path(__file__).parent.parent
TRIALS = ROOT / "tests" / "data" / "trials"


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "trial_readout_eval", ROOT / "benchmarks" / "trial_readout_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = re.search(r"```python\n(.*?)```", section("Trial readouts"), re.S)
    assert code is not None
    release = (TRIALS / "tune" / "docs" / "t001.txt").read_text(encoding="utf-8")
    (tmp_path / "release.txt").write_text(release, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    scope: dict[str, Any] = {}
    exec(compile(code.group(1), "docs/tasks.md", "exec"), scope)
    assert scope["summary"].endpoint.outcome == "met"


@pytest.mark.parametrize("split", ["dev", "tune"])
def test_the_stated_rows_are_what_the_reader_measures(split: str) -> None:
    row = find(rf"^\| {split} \(\d+\) \|(.*)\|$", re.M)
    assert row is not None, f"no page has the {split} row of the trial-readout table"
    stated = [float(cell) for cell in row.group(1).split("|")]
    scores = _benchmark().run_reader(TRIALS / split)
    measured = [round(scores[m], 2) for m in (*METRICS, "overall")]
    assert stated == measured
