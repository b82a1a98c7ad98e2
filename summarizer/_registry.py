"""Where tasks come from: the ``summarizer.tasks`` entry points of the installed distributions,
and the built-in tasks, also when this package runs from a source checkout (no metadata).

Low-level on purpose: it finds and loads task classes by name and nothing else, so the record
types can read any task's answers without depending on the Task machinery
(``summarizer.task.get_task`` checks and instantiates what this loads).
"""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass
from importlib import metadata
from typing import Any

from summarizer.errors import ConfigurationError

#: the entry-point group a distribution registers its tasks under (name = the task's name)
GROUP = "summarizer.tasks"
#: the task of ``Summarizer()``, the CLI without ``--task`` and records without ``meta.task``
DEFAULT_TASK = "regulatory"
#: the built-in tasks, as pyproject.toml registers them (read when the metadata is missing)
BUILTIN = {
    "regulatory": "summarizer.tasks.regulatory:RegulatoryTask",
    "trial-readout": "summarizer.tasks.trial_readout:TrialReadoutTask",
}


@dataclass(frozen=True)
class Entry:
    """A task as registered: its name, ``module:attribute`` and the distribution holding it."""

    name: str
    value: str
    distribution: str | None


_loaded: dict[str, Any] = {}
_lock = threading.Lock()


def entries() -> dict[str, Entry]:
    """Every registered task by name: the built-ins first, then the entry points (an installed
    distribution may register a built-in name too: the entry point wins, as pip installed it)."""
    found = {name: Entry(name, value, None) for name, value in BUILTIN.items()}
    for point in metadata.entry_points(group=GROUP):
        dist = getattr(point, "dist", None)
        found[point.name] = Entry(point.name, point.value, getattr(dist, "name", None))
    return found


def load(name: str) -> Any:
    """The object registered as task ``name`` (a Task class or instance), loaded once;
    ``ConfigurationError`` for an unknown name or one that cannot be loaded."""
    with _lock:
        if name in _loaded:
            return _loaded[name]
    known = entries()
    entry = known.get(name)
    if entry is None:
        listed = ", ".join(sorted(known))
        raise ConfigurationError(f"unknown task {name!r}; installed tasks: {listed} "
                                 "(list them with `summarizer tasks`)")
    module_name, _, attribute = entry.value.partition(":")
    try:
        target: Any = importlib.import_module(module_name.strip())
        for part in attribute.strip().split(".") if attribute.strip() else ():
            target = getattr(target, part)
    except Exception as exc:  # a plugin's import error is its own: report it, typed
        where = f" (distribution {entry.distribution})" if entry.distribution else ""
        raise ConfigurationError(f"task {name!r}{where} cannot be loaded from {entry.value!r}: "
                                 f"{type(exc).__name__}: {exc}") from exc
    with _lock:
        return _loaded.setdefault(name, target)


def forget() -> None:
    """Drop the loaded tasks (after installing a distribution into a running process)."""
    with _lock:
        _loaded.clear()


def schema_of(name: str | None) -> Any:
    """The answer schema of task ``name`` (the default task for None): how a record's
    ``summary`` is read back."""
    return load(name or DEFAULT_TASK).schema
