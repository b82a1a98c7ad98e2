"""Integrations with other libraries, each behind an optional extra.

- ``summarizer.integrations.langchain``: ``SummarizerRunnable``, a LangChain ``Runnable``
  (``pip install 'regulatory-summarizer[langchain]'``);
- ``summarizer.integrations.ray``: ``SummarizeBatch``, a callable class for Ray Data's
  ``Dataset.map_batches`` (``[ray]``);
- ``summarizer.integrations.pandas``: ``summarize_frame(df, text_col=...)`` (``[pandas]``).

Nothing here is imported by ``import summarizer``: each module imports its library when it is
itself imported, and says which extra to install when that library is missing.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summarizer.api import Summarizer

__all__ = ["require", "summarizer_from"]


def require(module: str, extra: str) -> ModuleType:
    """Import ``module`` or raise an ImportError that names the extra providing it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        package = module.split(".")[0].replace("_", "-")
        raise ImportError(
            f"this integration needs {package}, which is not installed: "
            f"pip install 'regulatory-summarizer[{extra}]'"
        ) from exc


def summarizer_from(
    summarizer: Summarizer | Mapping[str, Any] | None,
) -> tuple[Summarizer, bool]:
    """The Summarizer an integration uses, and whether it built it (and so must close it).

    A ``Summarizer`` is used as it is; a mapping is taken as ``Summarizer(**settings)`` (the
    picklable form, for Ray actors); ``None`` builds one from the environment
    (``SUMMARIZER_*`` / ``OPENAI_API_KEY``, else the rules backend, announced on stderr).
    """
    import inspect

    from summarizer.api import Summarizer
    from summarizer.arguments import describe
    from summarizer.errors import ConfigurationError

    if isinstance(summarizer, Summarizer):
        return summarizer, False
    if summarizer is not None and not isinstance(summarizer, Mapping):
        raise ConfigurationError(
            f"summarizer must be a Summarizer, its settings as a dict, or None; got "
            f"{describe(summarizer)}")
    settings = dict(summarizer or {})
    unknown = sorted(set(settings) - set(inspect.signature(Summarizer).parameters))
    if unknown:
        raise ConfigurationError(f"unknown Summarizer setting(s): {', '.join(map(str, unknown))}")
    return Summarizer(**settings), True
