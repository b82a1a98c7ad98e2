"""pytest plugin: record the summarizer's LLM traffic once, replay it offline ever after.

Installed with the package and loaded by pytest through the ``pytest11`` entry point, so a
downstream project's tests get the ``summarizer_recorder`` fixture without any conftest code::

    def test_my_pipeline(summarizer_recorder):
        s = Summarizer(base_url="http://127.0.0.1:8000/v1", model="local", mode="json")
        assert s.summarize(RELEASE).summary.outcome.decision == "approval"

    pytest --summarizer-record   # first run: talks to the model, writes the cassette
    pytest                       # afterwards: replays it, no model and no network needed

Why a plugin of our own rather than a bare ``@pytest.mark.vcr``: the cassette is scrubbed with
the library's rules (``summarizer.recording``: keys, cookies and server headers never reach the
file), only chat-completion calls are recorded (the test's other HTTP traffic is left alone),
requests match on the exact body (a changed prompt or setting fails loudly instead of replaying
a stale answer), and the two ways a replay goes wrong are reported in words: a missing cassette
fails the test before it runs, and a request with no recorded answer fails it at teardown with
the command that re-records it.

Record modes are vcrpy's (``none`` replays only; ``once`` records a missing cassette and
replays an existing one; ``new_episodes``, ``all``, ``rewrite``). The mode comes from, first
to last: ``--summarizer-record-mode=MODE``, ``--summarizer-record`` (= ``once``), pytest-recording's
``--record-mode`` when that plugin is installed and the option given, the ``summarizer_record_mode``
ini setting, else ``none``. Recording needs vcrpy (``pip install 'regulatory-summarizer[pytest]'``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from summarizer import recording

__all__ = ["RECORD_MODES", "SummarizerRecorder", "record_mode"]

RECORD_MODES = ("none", "once", "new_episodes", "all", "rewrite")
_MARKER = "summarizer_cassette"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Register the record options and the ini default."""
    group = parser.getgroup("summarizer", "regulatory-summarizer LLM recording")
    group.addoption(
        "--summarizer-record", action="store_true", default=False,
        help="record missing summarizer cassettes (record mode 'once'); replay existing ones",
    )
    group.addoption(
        "--summarizer-record-mode", action="store", default=None, choices=RECORD_MODES,
        help="vcrpy record mode for summarizer cassettes (default: none, replay only)",
    )
    parser.addini("summarizer_record_mode", default="none",
                  help="default record mode for summarizer cassettes (none, once, rewrite...)")


def pytest_configure(config: pytest.Config) -> None:
    """Declare the marker that names a test's cassette (so ``--strict-markers`` accepts it)."""
    config.addinivalue_line(
        "markers",
        f"{_MARKER}(name): cassette file for summarizer_recorder, relative to the test "
        "module's cassette folder (default: one file per test)",
    )


def record_mode(config: pytest.Config) -> str:
    """The record mode in force for this run (see the module docstring for the precedence)."""
    mode: str | None = config.getoption("--summarizer-record-mode", default=None)
    if mode:
        return mode
    if config.getoption("--summarizer-record", default=False):
        return "once"
    # pytest-recording's option, when that plugin is installed and the option was given
    mode = config.getoption("--record-mode", default=None)
    if mode:
        return mode
    mode = str(config.getini("summarizer_record_mode") or "none")
    if mode not in RECORD_MODES:
        raise pytest.UsageError(
            f"summarizer_record_mode = {mode!r}; expected one of {', '.join(RECORD_MODES)}"
        )
    return mode


def _default_cassette(node: pytest.Item) -> Path:
    """``<test folder>/cassettes/<module>/<class.test[params]>.yaml`` (one file per test)."""
    module = Path(str(node.path))
    test_name = ".".join(node.nodeid.split("::")[1:]) or node.name
    safe = re.sub(r"[^\w.-]+", "_", test_name).strip("_") or "test"
    return module.parent / "cassettes" / module.stem / f"{safe}.yaml"


@dataclass
class SummarizerRecorder:
    """What ``summarizer_recorder`` yields: where the cassette is and what happened to it."""

    path: Path
    mode: str
    cassette: Any = field(repr=False)
    #: LLM requests that found no recorded answer while replaying ("METHOD URL")
    unmatched: list[str] = field(default_factory=list)

    @property
    def replaying(self) -> bool:
        """True when no new request may be recorded (mode ``none``, or ``once`` with a file)."""
        return bool(self.cassette.write_protected)

    @property
    def recorded(self) -> int:
        """Interactions in the cassette (loaded from the file plus any recorded in this test)."""
        return len(self.cassette)

    @property
    def played(self) -> int:
        """Answers served from the cassette in this test."""
        return int(self.cassette.play_count)


@pytest.fixture
def summarizer_vcr_config() -> dict[str, Any]:
    """vcrpy settings for ``summarizer_recorder``; override it to change matching or scrubbing.

    Defaults: ``summarizer.recording.vcr_config()`` (credentials redacted, response headers
    cut to the content type, only chat-completion calls recorded, exact-body matching).
    """
    return recording.vcr_config()


@pytest.fixture
def summarizer_cassette_path(request: pytest.FixtureRequest) -> Path:
    """The cassette file of the current test; ``@pytest.mark.summarizer_cassette(name)`` or
    overriding this fixture picks another (e.g. one cassette shared by several tests)."""
    default = _default_cassette(request.node)
    marker = request.node.get_closest_marker(_MARKER)
    if marker is None or not marker.args:
        return default
    name = Path(str(marker.args[0]))
    if not name.suffix:
        name = name.with_suffix(".yaml")
    return name if name.is_absolute() else default.parent / name


@pytest.fixture
def summarizer_recorder(
    request: pytest.FixtureRequest,
    summarizer_vcr_config: dict[str, Any],
    summarizer_cassette_path: Path,
) -> Iterator[SummarizerRecorder]:
    """Record the test's LLM calls to its cassette, or replay them from it (no network).

    Every Summarizer the test builds (sync or async, any OpenAI-compatible endpoint) is
    covered: vcrpy intercepts the HTTP transport, below the openai client.
    """
    try:
        import vcr
    except ImportError:  # pragma: no cover - depends on the environment
        pytest.fail("summarizer_recorder needs vcrpy: pip install 'regulatory-summarizer[pytest]'",
                    pytrace=False)
    mode = record_mode(request.config)
    path = summarizer_cassette_path
    rerecord = (f"pytest --summarizer-record-mode=rewrite '{request.node.nodeid}'")
    if mode == "none" and not path.exists():
        pytest.fail(
            f"summarizer_recorder: no cassette at {path} and record mode is 'none' (replay "
            f"only), so the test cannot get its LLM answers. Record it once against a live "
            f"endpoint: pytest --summarizer-record '{request.node.nodeid}'",
            pytrace=False,
        )
    recorder = vcr.VCR(record_mode=mode, **summarizer_vcr_config)
    with recorder.use_cassette(str(path)) as cassette:
        result = SummarizerRecorder(path=path, mode=mode, cassette=cassette)
        can_play = cassette.can_play_response_for

        def can_play_tracked(vcr_request: Any) -> bool:
            # vcrpy asks this before every request; in replay a "no" for a recordable request
            # becomes a connection error inside the openai client, so note it for teardown
            playable = bool(can_play(vcr_request))
            if not playable and cassette.write_protected and cassette.filter_request(vcr_request):
                result.unmatched.append(f"{vcr_request.method} {vcr_request.uri}")
            return playable

        cassette.can_play_response_for = can_play_tracked
        yield result
    if result.unmatched:
        shown = "; ".join(result.unmatched[:3]) + (" ..." if len(result.unmatched) > 3 else "")
        pytest.fail(
            f"summarizer_recorder: {len(result.unmatched)} LLM request(s) had no recorded "
            f"answer in {path} (record mode {mode!r}): {shown}. The request changed since it "
            f"was recorded (input, prompt, settings or library version); re-record with: "
            f"{rerecord}",
            pytrace=False,
        )
