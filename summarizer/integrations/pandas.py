"""pandas: summarize a DataFrame column of releases into flat result columns.

    >>> from summarizer.integrations.pandas import summarize_frame
    >>> out = summarize_frame(df, text_col="body", id_col="url", summarizer={"backend": "rules"})
    >>> out[["agency", "decision", "sentiment", "error"]]  # doctest: +SKIP

One row in, one row out, same index and order: the input columns are kept and the result
columns are added: the task's own (``Task.columns``; for the default task ``RESULT_COLUMNS``)
and the engine's (``findings``, ``error_findings``, ``error``, ``record``). A release that
fails becomes a row with ``error`` set and empty result columns, never an exception, so one
bad document cannot sink a whole frame. The full JSON record stays available in the ``record``
column for anything the flat columns leave out (evidence quotes and offsets, rationale, next
steps, findings, usage).

Needs pandas: ``pip install 'regulatory-summarizer[pandas]'``.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from summarizer.arguments import describe
from summarizer.errors import ConfigurationError
from summarizer.integrations import require, summarizer_from
from summarizer.task import Task, get_task

require("pandas", "pandas")

import pandas as pd  # noqa: E402

if TYPE_CHECKING:
    from summarizer.api import Summarizer
    from summarizer.batching import BatchItem
    from summarizer.types import SummaryResult

__all__ = [
    "CALENDAR_FRAME_COLUMNS", "ENGINE_COLUMNS", "EVENT_COLUMNS", "RESULT_COLUMNS", "RecordFormat",
    "batch_items", "calendar_frame", "events_frame", "frame_columns", "result_columns",
    "summarize_frame",
]

RecordFormat = Literal["dict", "json", "none"]

#: the columns the engine adds after the task's own (``record`` is left out with record="none")
ENGINE_COLUMNS: tuple[str, ...] = ("findings", "error_findings", "error", "record")
#: nullable dtypes of the engine's columns (the task's: ``Task.column_dtypes``)
_ENGINE_DTYPES = {"findings": "Int64", "error_findings": "Int64"}


def frame_columns(task: str | Task | None = None) -> tuple[str, ...]:
    """The columns ``summarize_frame`` adds for ``task`` (the default task for None), in order
    (``record`` is left out with record="none")."""
    return (*get_task(task).columns(None), *ENGINE_COLUMNS)


#: the columns ``summarize_frame`` adds for the default (regulatory) task, in order
RESULT_COLUMNS: tuple[str, ...] = frame_columns()


def result_columns(result: SummaryResult, *, record: RecordFormat = "dict",
                   task: str | Task | None = None) -> dict[str, Any]:
    """The flat columns of one result (``None`` where the summary has nothing to say): the
    task's (``Task.columns``: the record's own task for None), then ``findings`` (every rule
    finding), ``error_findings`` (the error-severity ones), ``error`` (``"Type: message"`` for a
    failed document) and ``record``: the full ``to_record()`` dict, or that dict as JSON text
    (what Arrow-backed tools such as Ray store without guessing a nested schema), or left out.
    For the default task the columns are ``RESULT_COLUMNS``: ``product`` joins every product
    name with ``"; "``, ``decision_date`` is ISO text.
    """
    if task is None and result.meta is not None:
        task = result.meta.task
    row: dict[str, Any] = {
        **get_task(task).columns(result.summary),
        "findings": len(result.findings),
        "error_findings": sum(1 for f in result.findings if f.severity == "error"),
        "error": f"{result.error.type}: {result.error.message}" if result.error else None,
    }
    if record == "dict":
        row["record"] = result.to_record()
    elif record == "json":
        row["record"] = json.dumps(result.to_record(), ensure_ascii=False)
    return row


def _missing(value: Any) -> bool:
    """None, NaN, NaT or pd.NA (what an empty DataFrame cell holds)."""
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def _text(value: Any) -> str | bytes:
    """A cell of the text column as the summarizer takes it (an empty cell is empty text,
    which comes back as an ``InputError`` row)."""
    if _missing(value):
        return ""
    return value if isinstance(value, str | bytes) else str(value)


def _published(value: Any) -> dt.date | str | None:
    """A cell of the published column: a date, a timestamp, ``YYYY-MM-DD`` text, or empty."""
    if _missing(value):
        return None
    if isinstance(value, dt.datetime):  # pd.Timestamp is a datetime
        return value.date()
    if isinstance(value, dt.date | str):
        return value
    return str(value)


def batch_items(
    frame: pd.DataFrame,
    text_col: str,
    *,
    id_col: str | None = None,
    published_col: str | None = None,
) -> list[BatchItem]:
    """One ``BatchItem`` per row: id from ``id_col`` (else the index label), as text."""
    from summarizer.batching import BatchItem

    if not isinstance(frame, pd.DataFrame):
        raise ConfigurationError(f"expected a pandas DataFrame, got {describe(frame)}")
    for column in (text_col, id_col, published_col):
        if column is not None and column not in frame.columns:
            raise ConfigurationError(
                f"no column {column!r} in the frame (columns: {describe(list(frame.columns))})")
    ids: Sequence[Any] = frame[id_col].tolist() if id_col is not None else frame.index.tolist()
    texts = frame[text_col].tolist()
    dates = frame[published_col].tolist() if published_col is not None else [None] * len(texts)
    return [
        BatchItem(str(item_id), _text(text), _published(published))
        for item_id, text, published in zip(ids, texts, dates, strict=True)
    ]


def summarize_frame(
    df: pd.DataFrame,
    text_col: str = "text",
    *,
    id_col: str | None = None,
    published_col: str | None = None,
    summarizer: Summarizer | Mapping[str, Any] | None = None,
    concurrency: int = 8,
    record: RecordFormat = "dict",
    prefix: str = "",
) -> pd.DataFrame:
    """Summarize ``df[text_col]`` row by row; return a copy of ``df`` with the result columns.

    ``id_col`` names the column that becomes each record's ``source`` (default: the index
    label); ``published_col`` holds release dates (date, timestamp or ``YYYY-MM-DD``), used to
    resolve relative dates. ``summarizer`` is a ``Summarizer``, its settings as a mapping, or
    ``None`` for the environment's configuration. Up to ``concurrency`` documents are in
    flight at once (``Summarizer.summarize_many``). The index, row order and input columns are
    preserved; ``prefix`` is put before every added column name, for frames that already have
    an ``agency`` or ``error`` column (a clash raises ``ValueError`` instead of overwriting).
    The result columns are those of the summarizer's task (``frame_columns``).
    """
    items = batch_items(df, text_col, id_col=id_col, published_col=published_col)
    if record not in ("dict", "json", "none"):
        raise ConfigurationError(f"record must be 'dict', 'json' or 'none', got {describe(record)}")
    if not isinstance(prefix, str):
        raise ConfigurationError(f"prefix must be text, got {describe(prefix)}")
    engine, owned = summarizer_from(summarizer)
    task = engine.task
    columns = frame_columns(task)
    added = [prefix + c for c in columns if record != "none" or c != "record"]
    clash = [c for c in added if c in df.columns]
    if clash:
        if owned:
            engine.close()
        raise ConfigurationError(
            f"the frame already has column(s) {clash}; pass prefix= to rename ours")
    try:
        results = list(engine.summarize_many(items, concurrency=concurrency, ordered=True))
    finally:
        if owned:
            engine.close()
    if len(results) != len(items):  # the batching contract is one result per input
        raise RuntimeError(f"summarize_many returned {len(results)} results for {len(items)} rows")
    rows = [result_columns(r, record=record, task=task) for r in results]
    # nullable dtypes for the non-text columns (an empty cell is <NA>, the ints stay ints);
    # text columns take pandas' own text dtype, whose empty cell is what ``isna()`` finds
    dtypes = {**task.column_dtypes, **_ENGINE_DTYPES}
    out = df.copy()
    for column in columns:
        if record == "none" and column == "record":
            continue
        # arrays, not Series: no index alignment, so duplicate labels are kept as they are
        values = [row[column] for row in rows]
        dtype = dtypes.get(column)
        out[prefix + column] = pd.array(values, dtype=dtype) if dtype else values
    return out


# -- timeline (the default task's, ``Task.timeline``) -----------------------------------------

#: the columns of ``events_frame``, in order
EVENT_COLUMNS: tuple[str, ...] = (
    "date", "date_basis", "product", "company", "region", "agency", "agency_body", "decision",
    "direction", "indication", "application", "release_date", "source", "record", "quote",
    "quote_start", "quote_end", "duplicates", "conflict", "product_id", "event_id",
)
#: the columns of ``calendar_frame``, in order
CALENDAR_FRAME_COLUMNS: tuple[str, ...] = (
    "start", "end", "precision", "state", "product", "company", "region", "expects", "actor",
    "action", "timing", "release_date", "source", "record", "resolved_by", "resolved_on",
    "quote", "product_id", "item_id",
)


def _timeline(data: Any, today: dt.date | str | None) -> Any:
    """A built timeline as it is, else the default task's timeline of the records ``data``."""
    timeline = get_task().timeline
    if timeline is None:
        raise ConfigurationError(f"the task {get_task().name!r} draws no timeline")
    return data if isinstance(data, timeline.Timeline) else timeline.build(data, today=today)


def _frame(rows: list[dict[str, Any]], columns: Sequence[str], dates: Sequence[str],
           ints: Sequence[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(columns))
    for column in dates:  # datetime64 (NaT when undated), for resampling and date filters
        frame[column] = pd.to_datetime(frame[column])
    for column in ints:
        frame[column] = pd.array(frame[column].tolist(), dtype="Int64")
    return frame


def events_frame(data: Any, *,
                 today: dt.date | str | None = None) -> pd.DataFrame:
    """One row per regulatory event of a timeline (the default task's ``timeline.build``), in
    timeline order: date (decision, else release date; NaT when undated), product and company,
    region, agency, decision and direction, the evidence quote with its offsets, and the sources of
    duplicate records. ``data`` is a ``Timeline``, or the records (``SummaryResult``s or JSON
    records) to build one from."""
    timeline = _timeline(data, today)
    products = {p.id: p for p in timeline.products}
    rows = [{
        "date": e.date, "date_basis": e.date_basis, "product": products[e.product_id].name,
        "company": products[e.product_id].company, "region": e.region, "agency": e.agency,
        "agency_body": e.agency_body, "decision": e.decision, "direction": e.direction,
        "indication": e.indication, "application": e.application, "release_date": e.release_date,
        "source": e.source, "record": e.record, "quote": e.quote, "quote_start": e.quote_start,
        "quote_end": e.quote_end, "duplicates": "; ".join(e.duplicates) or None,
        "conflict": e.conflict, "product_id": e.product_id, "event_id": e.id,
    } for e in timeline.events]
    return _frame(rows, EVENT_COLUMNS, ("date", "release_date"),
                  ("record", "quote_start", "quote_end"))


def calendar_frame(data: Any, *,
                   today: dt.date | str | None = None) -> pd.DataFrame:
    """One row per date to come (and undated next step) of a timeline, in calendar order, with
    its range, precision and state (upcoming, met, past due, passed, superseded, undated)."""
    timeline = _timeline(data, today)
    products = {p.id: p for p in timeline.products}
    rows = [{
        "start": i.start, "end": i.end, "precision": i.precision, "state": i.state,
        "product": products[i.product_id].name if i.product_id else None,
        "company": products[i.product_id].company if i.product_id else None,
        "region": i.region, "expects": i.expects, "actor": i.actor, "action": i.action,
        "timing": i.timing, "release_date": i.release_date, "source": i.source,
        "record": i.record, "resolved_by": i.resolved_by, "resolved_on": i.resolved_on,
        "quote": i.quote, "product_id": i.product_id, "item_id": i.id,
    } for i in timeline.upcoming]
    return _frame(rows, CALENDAR_FRAME_COLUMNS, ("start", "end", "release_date", "resolved_on"),
                  ("record",))
