"""The package's public API is its curated ``__all__``, in the manner of httpx: every public name
of ``summarizer`` is listed there and nothing else is, each listed name resolves, and each class
or function is documented and defined in a public module."""

from __future__ import annotations

import inspect
import subprocess
import sys
import types

import summarizer

#: names served on first use by the module's ``__getattr__`` (they pull in openai, instructor)
LAZY = ("Summarizer", "summarize")


def test_all_lists_every_public_name_and_nothing_more() -> None:
    public = {name for name, value in vars(summarizer).items()
              if (not name.startswith("_") or name == "__version__")
              and not isinstance(value, types.ModuleType)}
    # sorted as ruff's RUF022 sorts it (constants, classes, functions), so a diff reads well
    assert sorted(summarizer.__all__, key=lambda n: (
        0 if n.isupper() else 1 if n[:1].isupper() else 2, n)) == summarizer.__all__
    assert len(set(summarizer.__all__)) == len(summarizer.__all__)
    assert public | set(LAZY) == set(summarizer.__all__)


def test_every_exported_name_resolves_documented_from_a_public_module() -> None:
    for name in summarizer.__all__:
        value = getattr(summarizer, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), f"{name} has no docstring"
            home = value.__module__
            assert home.startswith("summarizer.") and not any(
                part.startswith("_") for part in home.split(".")), (name, home)


def test_the_lazy_names_load_the_api_only_on_first_use() -> None:
    code = ("import sys, summarizer; assert 'summarizer.api' not in sys.modules; "
            "assert 'openai' not in sys.modules; "
            "from summarizer import Summarizer, summarize; "
            "assert Summarizer.__module__ == 'summarizer.api' and callable(summarize)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]


def test_what_a_task_of_ones_own_needs_is_public() -> None:
    for name in ("Task", "TaskInfo", "Answer", "Evidence", "Sentiment", "Rule", "Finding",
                 "get_task", "available_tasks"):
        assert name in summarizer.__all__, name
