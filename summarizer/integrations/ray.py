"""Ray Data: summarize a Dataset of releases with ``Dataset.map_batches``.

    >>> import ray
    >>> from summarizer.integrations.ray import SummarizeBatch
    >>> ds = ray.data.from_items([{"id": "d01", "text": release}, ...])
    >>> out = ds.map_batches(
    ...     SummarizeBatch,
    ...     fn_constructor_kwargs={"text_col": "text", "id_col": "id",
    ...                            "settings": {"base_url": "http://llm:8000/v1", "model": "m"}},
    ...     compute=ray.data.ActorPoolStrategy(size=2),  # actors, each with its own Summarizer
    ...     num_cpus=0.5,             # the work is waiting on the model, not computing
    ...     batch_format="pandas",
    ... )  # doctest: +SKIP

(``concurrency=2`` instead of ``compute=`` does the same on Ray before 2.51.) Or in one call:
``summarize_dataset(ds, "text", id_col="id", settings={...}, actors=2)``.

``SummarizeBatch`` is a callable class, so Ray builds it once per actor: the Summarizer (its
HTTP connection pool, a managed local server, a cache) lives as long as the actor, not one
batch. Settings travel to the actors as a plain mapping (picklable), never as a live client.
Each batch goes through ``summarize_frame``: the input columns come back with the result
columns added (``summarizer.integrations.pandas.RESULT_COLUMNS``; ``record`` as JSON text so
Arrow stores it without guessing a nested schema). Failed documents are rows with ``error``
set, so one bad release does not fail the Ray job.

Needs Ray Data and pandas: ``pip install 'regulatory-summarizer[ray]'``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

from summarizer.arguments import check_int, check_number, describe
from summarizer.errors import ConfigurationError
from summarizer.integrations import require, summarizer_from

require("pandas", "ray")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from summarizer.integrations.pandas import RecordFormat, summarize_frame  # noqa: E402

if TYPE_CHECKING:
    from summarizer.api import Summarizer

__all__ = ["SummarizeBatch", "summarize_dataset"]

#: what map_batches hands over: a DataFrame (batch_format="pandas") or a dict of arrays ("numpy")
Batch: TypeAlias = "pd.DataFrame | dict[str, np.ndarray[Any, Any]]"


class SummarizeBatch:
    """Callable class for ``Dataset.map_batches``: one Summarizer per Ray actor.

    ``text_col`` holds the release text; ``id_col`` (optional) becomes each record's
    ``source``; ``published_col`` (optional) the release date. ``settings`` are the
    ``Summarizer(**settings)`` arguments (default: the actor's environment). ``concurrency``
    is how many documents one actor has in flight (``summarize_many``); the number of actors
    is the size of Ray's actor pool (``compute=ActorPoolStrategy(size=n)``). Accepts
    ``batch_format="pandas"`` (returns a DataFrame) and ``"numpy"`` (a dict of arrays; returns
    one).
    """

    def __init__(
        self,
        text_col: str = "text",
        *,
        id_col: str | None = None,
        published_col: str | None = None,
        settings: Mapping[str, Any] | None = None,
        concurrency: int = 4,
        record: RecordFormat = "json",
        prefix: str = "",
    ) -> None:
        self.text_col = text_col
        self.id_col = id_col
        self.published_col = published_col
        self.concurrency = check_int("concurrency", concurrency, minimum=1) or 1
        self.record: RecordFormat = record
        self.prefix = prefix
        self.summarizer: Summarizer = summarizer_from(_settings(settings))[0]

    def __call__(self, batch: Batch) -> Batch:
        """Summarize one batch; return it with the result columns added, in its own format."""
        if isinstance(batch, pd.DataFrame):
            summarized: pd.DataFrame = self._summarize(batch)
            return summarized
        frame = pd.DataFrame({
            name: list(values) if np.ndim(values) != 1 else values for name, values in batch.items()
        })
        out = self._summarize(frame)
        return {name: _numpy(out[name]) for name in out.columns}

    def _summarize(self, frame: pd.DataFrame) -> pd.DataFrame:
        return summarize_frame(
            frame, self.text_col, id_col=self.id_col, published_col=self.published_col,
            summarizer=self.summarizer, concurrency=self.concurrency, record=self.record,
            prefix=self.prefix,
        )

    def __del__(self) -> None:
        # the actor is going away: release the HTTP connection pool
        summarizer = getattr(self, "summarizer", None)
        if summarizer is not None:
            summarizer.close()


def _settings(settings: object) -> dict[str, Any]:
    """``Summarizer`` settings as a plain dict (what a Ray actor is built from)."""
    if settings is not None and not isinstance(settings, Mapping):
        raise ConfigurationError(f"settings must be a dict of Summarizer settings, got "
                                 f"{describe(settings)}")
    return dict(settings or {})


def _numpy(column: pd.Series) -> np.ndarray[Any, Any]:
    """A result column as a numpy array Ray turns into Arrow; a column with empty cells becomes
    an object array holding ``None`` there (not NaN or ``pd.NA``, which Arrow takes for values)."""
    if column.hasnans:
        return np.array([None if _empty(v) else v for v in column.tolist()], dtype=object)
    values: np.ndarray[Any, Any] = column.to_numpy()
    return values


def _empty(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def summarize_dataset(
    ds: Any,
    text_col: str = "text",
    *,
    id_col: str | None = None,
    published_col: str | None = None,
    settings: Mapping[str, Any] | None = None,
    actors: int = 1,
    concurrency: int = 4,
    num_cpus: float = 0.5,
    batch_size: int | None = 16,
) -> Any:
    """``ds.map_batches(SummarizeBatch, ...)`` with sensible defaults; returns the new Dataset.

    ``actors`` Ray actors, each with ``concurrency`` documents in flight and reserving
    ``num_cpus`` (summarizing waits on the model, so half a CPU per actor by default).
    Lazy, as every Ray Data transform: nothing runs until the result is consumed.
    """
    ray_data = require("ray.data", "ray")
    settings = _settings(settings)
    check_int("actors", actors, minimum=1)
    check_int("concurrency", concurrency, minimum=1)
    check_number("num_cpus", num_cpus)
    check_int("batch_size", batch_size, minimum=1, optional=True)
    return ds.map_batches(
        SummarizeBatch,
        fn_constructor_kwargs={
            "text_col": text_col, "id_col": id_col, "published_col": published_col,
            "settings": dict(settings or {}), "concurrency": concurrency,
        },
        compute=ray_data.ActorPoolStrategy(size=actors),
        num_cpus=num_cpus,
        batch_size=batch_size,
        batch_format="pandas",
    )
