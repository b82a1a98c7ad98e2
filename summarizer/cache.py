"""A persistent result cache: re-running a corpus makes no model calls for what it already has.

``ResultCache`` is a SQLite file mapping a key to the result record of one document. The key
(``cache_key``) hashes everything the record depends on: the document text (after intake), its
kind and release date, and the settings that shape the answer: backend, model and endpoint,
structured-output mode, prompt version, schema version, library version, re-ask budget, input
and output token limits, temperature, seed, ``extra_body``, the rule set and arbitration. A
change to any of them is a miss. Only successful results are stored; errors never are.

The file is safe for concurrent writers: WAL journal, one connection per thread, a busy timeout
for writers of other processes, and a retry for the few lock conflicts SQLite reports at once
instead of waiting (switching the journal mode, recovering a WAL file another connection
opened at the same moment). ``Summarizer(cache=PATH)`` opens one; the CLI uses
``default_cache_path()`` unless told ``--no-cache``. The rules backend is never cached (it is
deterministic and faster than a lookup is worth).

Every failure of the file (not SQLite, damaged, in a folder that cannot be written, locked for
longer than ``_LOCK_PATIENCE``) raises ``CacheError``; ``rebuild()`` moves a damaged file aside
and starts afresh. A ``Summarizer`` never lets the cache break a run: it reports the fault once
on stderr, rebuilds a damaged file, and otherwise goes on without the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol, TypeVar, runtime_checkable

from summarizer.errors import CacheError, ConfigurationError

__all__ = ["Cache", "ResultCache", "cache_key", "default_cache_path", "open_cache"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    key     TEXT PRIMARY KEY,
    record  TEXT NOT NULL,
    model   TEXT,
    created REAL NOT NULL
)
"""


@runtime_checkable
class Cache(Protocol):
    """What ``Summarizer`` needs of a cache: look a record up by key, store one."""

    def get(self, key: str) -> dict[str, Any] | None: ...

    def put(self, key: str, record: Mapping[str, Any]) -> None: ...


def default_cache_path() -> Path:
    """``$XDG_CACHE_HOME/summarizer/cache.sqlite3`` (``~/.cache/...`` when unset)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "summarizer" / "cache.sqlite3"


def cache_key(text: str, settings: Mapping[str, Any]) -> str:
    """The key of one document's result under ``settings`` (JSON-able values)."""
    digest = hashlib.sha256()
    digest.update(hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest())
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    return digest.hexdigest()


#: how long one cache operation keeps retrying a locked database before it gives up
_LOCK_PATIENCE = 30.0
#: SQLite's primary result codes for a damaged file: "malformed", "not a database"
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26
_T = TypeVar("_T")


def _patiently(operation: Callable[[], _T]) -> _T:
    """Run a SQLite operation, retrying "database is locked/busy" until ``_LOCK_PATIENCE``."""
    deadline = time.monotonic() + _LOCK_PATIENCE
    pause = 0.005
    while True:
        try:
            return operation()
        except sqlite3.OperationalError as exc:
            message = str(exc).lower()
            if ("locked" not in message and "busy" not in message) or (
                time.monotonic() >= deadline
            ):
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


class ResultCache:
    """Result records in a SQLite file, keyed by ``cache_key``; shareable across threads and
    processes. ``hits`` and ``misses`` count this object's lookups."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.hits = 0
        self.misses = 0
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._ready = False

    def __repr__(self) -> str:
        return f"ResultCache({str(self.path)!r})"

    def _db(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is not None:
            return db
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # autocommit; other threads' and processes' writers wait up to 30 s for the lock
            db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None,
                                 check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise self._fault(exc) from exc
        try:
            with self._lock:
                if not self._ready:
                    _patiently(lambda: db.execute("PRAGMA journal_mode=WAL"))
                    _patiently(lambda: db.execute(_SCHEMA))
                    self._ready = True
                self._connections.append(db)
            _patiently(lambda: db.execute("PRAGMA synchronous=NORMAL"))
        except sqlite3.Error as exc:
            db.close()
            raise self._fault(exc) from exc
        self._local.db = db
        return db

    def _fault(self, exc: BaseException) -> CacheError:
        """The typed, one-line error for a failure of the file (damaged: not SQLite, corrupt)."""
        code = getattr(exc, "sqlite_errorcode", None)
        damaged = isinstance(exc, sqlite3.DatabaseError) and (
            (code is not None and (code & 0xFF) in (_SQLITE_CORRUPT, _SQLITE_NOTADB))
            or "not a database" in str(exc) or "malformed" in str(exc))
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return CacheError(f"result cache {str(self.path)!r}: {reason}", damaged=damaged)

    def _run(self, operation: Callable[[sqlite3.Connection], _T]) -> _T:
        db = self._db()
        try:
            return _patiently(lambda: operation(db))
        except sqlite3.Error as exc:
            raise self._fault(exc) from exc

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored record for ``key``, or None."""
        row = self._run(
            lambda db: db.execute("SELECT record FROM results WHERE key = ?", (key,)).fetchone()
        )
        if row is None:
            self.misses += 1
            return None
        try:
            record: dict[str, Any] = json.loads(row[0])
        except ValueError:  # a damaged row is a miss; the next put replaces it
            self.misses += 1
            return None
        self.hits += 1
        return record

    def put(self, key: str, record: Mapping[str, Any]) -> None:
        """Store (or replace) the record for ``key``."""
        meta = record.get("meta") or {}
        row = (key, json.dumps(record, ensure_ascii=False), meta.get("model"), time.time())
        self._run(lambda db: db.execute(
            "INSERT OR REPLACE INTO results (key, record, model, created) VALUES (?, ?, ?, ?)", row
        ))

    def __len__(self) -> int:
        return int(self._run(lambda db: db.execute("SELECT COUNT(*) FROM results").fetchone()[0]))

    def clear(self) -> None:
        """Remove every stored record."""
        self._run(lambda db: db.execute("DELETE FROM results"))

    def rebuild(self) -> Path:
        """Move a damaged cache file aside (``NAME.corrupt-TIMESTAMP``, with its journal files)
        and start an empty one there; returns where the old file went."""
        self.close()
        with self._lock:
            self._ready = False
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            self.path.replace(aside)
            for suffix in ("-wal", "-shm"):
                journal = self.path.with_name(self.path.name + suffix)
                if journal.exists():
                    journal.replace(aside.with_name(aside.name + suffix))
        except OSError as exc:
            raise self._fault(exc) from exc
        self._db()
        return aside

    def close(self) -> None:
        """Close every connection this object opened (in any thread)."""
        with self._lock:
            connections, self._connections = self._connections, []
        for db in connections:
            db.close()
        self._local = threading.local()


def open_cache(cache: str | os.PathLike[str] | Cache | None) -> Cache | None:
    """A cache object from what ``Summarizer(cache=...)`` was given: a path or a cache."""
    if cache is None or isinstance(cache, Cache):
        return cache
    if isinstance(cache, str | os.PathLike):
        return ResultCache(cache)
    raise ConfigurationError(
        f"cache must be a path or an object with get/put, not {type(cache).__name__}"
    )
