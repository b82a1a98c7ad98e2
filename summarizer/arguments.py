"""Checks of the values callers pass to the public entry points.

A wrong value (a negative limit, a number where text belongs, a list where a date belongs) is
refused where it is passed, with a ``ConfigurationError`` whose one-line message names the
argument, what it takes and what it got, instead of a ``TypeError`` or a pydantic error from
deep inside a run.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from collections.abc import AsyncIterable, Iterable, Mapping
from typing import Any

from summarizer.errors import ConfigurationError

#: what must not reach a terminal raw: control characters (line breaks, escape sequences) and
#: Unicode line and paragraph separators
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")

__all__ = [
    "check_flag",
    "check_inputs",
    "check_int",
    "check_number",
    "check_published",
    "check_text",
    "describe",
    "printable",
    "validation_message",
]


def describe(value: object) -> str:
    """A short, one-line picture of a bad value for an error message."""
    text = repr(value)
    text = " ".join(text.split())
    return text if len(text) <= 60 else f"{text[:57]}..."


def printable(text: str) -> str:
    """``text`` for one line of a terminal: control characters and line separators escaped
    (``\\n``, ``\\x1b``), so a file name cannot break a message or steer the terminal."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)


def check_int(name: str, value: object, *, minimum: int, optional: bool = False) -> int | None:
    """An integer of at least ``minimum`` (None allowed when ``optional``)."""
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        what = "a positive integer" if minimum == 1 else f"an integer >= {minimum}"
        raise ConfigurationError(
            f"{name} must be {what}{' or None' if optional else ''}, got {describe(value)}"
        )
    return value


def check_number(name: str, value: object, *, positive: bool = True,
                 optional: bool = False) -> float | None:
    """A finite real number, above zero when ``positive`` else at least zero."""
    if value is None and optional:
        return None
    ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    if not ok or (value <= 0 if positive else value < 0):  # type: ignore[operator]
        what = "a number > 0" if positive else "a number >= 0"
        raise ConfigurationError(
            f"{name} must be {what}{' or None' if optional else ''}, got {describe(value)}"
        )
    return float(value)  # type: ignore[arg-type]


def check_flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ConfigurationError(f"{name} must be True or False, got {describe(value)}")
    return value


def check_text(name: str, value: object, *, optional: bool = True) -> str | None:
    """A string setting (a path-like is read as its path)."""
    if value is None and optional:
        return None
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if not isinstance(value, str):
        raise ConfigurationError(f"{name} must be a string, got {describe(value)}")
    return value


def check_published(value: object) -> dt.date | None:
    """A release date from a ``date``, a ``datetime`` (its date) or ``YYYY-MM-DD`` text."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ConfigurationError(
        f"published must be a date or YYYY-MM-DD text, got {describe(value)}"
    )


def check_inputs(value: object) -> Iterable[Any] | AsyncIterable[Any]:
    """The documents of a batch: an iterable (or async iterable) of them, not one document."""
    if isinstance(value, str | bytes | bytearray | os.PathLike | Mapping) or not isinstance(
        value, Iterable | AsyncIterable
    ):
        got = (f"one {type(value).__name__}" if isinstance(value, str | bytes | bytearray)
               else describe(value))
        raise ConfigurationError(
            "inputs must be an iterable of documents (texts, bytes, paths, (id, text) pairs or "
            f"BatchItems), got {got}"
        )
    return value


def validation_message(exc: BaseException) -> str:
    """A pydantic validation error as one line: where, what, and how many more problems."""
    from pydantic import ValidationError

    if not isinstance(exc, ValidationError):
        return " ".join(str(exc).split())
    problems = exc.errors()
    if not problems:
        return "invalid value"
    first = problems[0]
    where = ".".join(str(p) for p in first["loc"]) or "value"
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return f"{where}: {' '.join(str(first['msg']).split())}{more}"
