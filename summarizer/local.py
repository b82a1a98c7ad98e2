"""The local backend: a GGUF model served by ``llama_cpp.server`` as a managed child process.

The server listens on a free loopback port, is started on first use, shared by every
``Summarizer`` of the process that uses the same model file, and stopped at interpreter exit.
Requests go through the same OpenAI-compatible path as every other backend.

The server keeps the last request's tokens evaluated and reuses the longest matching prefix of
the next prompt (llama-cpp-python does this for every request; there is no ``cache_prompt``
switch as in llama.cpp's own server): the system prompt, identical and first in every request,
is evaluated once per server, and a correction request, which repeats the conversation and adds
a short message, costs only that message.

The server runs as ``summarizer.llama_server``: llama_cpp.server with the grammar of a json-mode
answer checked on the chosen token first, the same answer in less time
(``SUMMARIZER_LOCAL_FAST_GRAMMAR=0`` runs the plain server). Prompt-lookup decoding (drafts
copied from the prompt, ``SUMMARIZER_LOCAL_DRAFT``) is off by default: on a 2-core CPU it made
generation slower (docs/backends.md, "Local model speed").
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from summarizer.errors import BackendError, ConfigurationError

__all__ = [
    "PLAIN_SERVER_MODULE", "SERVER_MODULE", "LocalServer", "default_server_module",
    "ensure_server", "server_command", "shutdown_all",
]

INSTALL_HINT = "pip install 'regulatory-summarizer[local]'  (compiles llama-cpp-python once)"
#: the managed server: llama_cpp.server with the token-first grammar check, or the plain one
SERVER_MODULE = "summarizer.llama_server"
PLAIN_SERVER_MODULE = "llama_cpp.server"

_servers: dict[str, LocalServer] = {}
_lock = threading.Lock()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LocalServer:
    """One running ``llama_cpp.server`` child process."""

    model_path: str
    port: int
    process: subprocess.Popen[bytes]
    log_path: str
    alias: str = "local"
    _log: object = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def alive(self) -> bool:
        return self.process.poll() is None

    def log_tail(self, lines: int = 15) -> str:
        try:
            text = Path(self.log_path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def wait_ready(self, timeout: float) -> None:
        """Poll ``/v1/models`` until the server answers, the process dies or time runs out."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                raise BackendError(
                    f"the local model server exited with code {self.process.returncode}:\n"
                    f"{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(f"{self.base_url}/models", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.25)
        self.stop()
        raise BackendError(f"the local model server was not ready after {timeout:.0f} s")

    def stop(self) -> None:
        """Terminate the child process (kill it if it does not exit within 10 s)."""
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def _env_count(name: str, *, minimum: int) -> int | None:
    """A whole number from the environment variable ``name`` (``None`` when unset or empty)."""
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < minimum:
        qualifier = "a positive" if minimum > 0 else "a non-negative"
        raise ConfigurationError(f"{name} must be {qualifier} integer, not {value!r}")
    return int(value)


def default_server_module() -> str:
    """The module the managed server runs: ``SERVER_MODULE``, or the plain llama_cpp.server
    when ``SUMMARIZER_LOCAL_FAST_GRAMMAR`` is 0 / false / off / no."""
    value = os.environ.get("SUMMARIZER_LOCAL_FAST_GRAMMAR", "").strip().lower()
    if value in ("0", "false", "off", "no"):
        return PLAIN_SERVER_MODULE
    if value not in ("", "1", "true", "on", "yes"):
        raise ConfigurationError(
            f"SUMMARIZER_LOCAL_FAST_GRAMMAR must be 1 or 0, not {value!r}")
    return SERVER_MODULE


def server_command(
    server_module: str,
    model: str,
    port: int,
    *,
    n_ctx: int,
    n_threads: int | None = None,
    draft_tokens: int | None = None,
) -> list[str]:
    """The ``python -m llama_cpp.server`` command line for ``model`` on ``port``.

    Prompt processing uses every core (up to 8). Generation uses ``n_threads``, else
    ``SUMMARIZER_LOCAL_THREADS``, else the same: on a busy machine one generation thread keeps
    its pace where several stall each other, so set it to 1 when other work shares the CPU.
    ``draft_tokens`` (else ``SUMMARIZER_LOCAL_DRAFT``; 0 or unset: off) turns on prompt-lookup
    decoding with drafts of that many tokens. Without drafts the server computes the logits of
    each prompt's last token only, not of every token (which drafts need, and nothing else the
    library asks for): less work per prompt token.
    """
    cores = max(1, min(os.cpu_count() or 1, 8))
    if n_threads is None:
        n_threads = _env_count("SUMMARIZER_LOCAL_THREADS", minimum=1)
    if draft_tokens is None:
        draft_tokens = _env_count("SUMMARIZER_LOCAL_DRAFT", minimum=0)
    command = [
        sys.executable, "-m", server_module, "--model", model, "--model_alias", "local",
        "--host", "127.0.0.1", "--port", str(port), "--n_ctx", str(n_ctx),
        "--n_threads", str(n_threads or cores), "--n_threads_batch", str(cores),
    ]
    if draft_tokens:
        command += ["--draft_model", "prompt-lookup-decoding",
                    "--draft_model_num_pred_tokens", str(draft_tokens)]
    else:
        command += ["--logits_all", "false"]
    return command


def ensure_server(
    model_path: str,
    *,
    n_ctx: int = 8192,
    n_threads: int | None = None,
    draft_tokens: int | None = None,
    startup_timeout: float = 300.0,
    server_module: str | None = None,
) -> LocalServer:
    """The running server for ``model_path``, started if needed (clear errors when it can't).

    ``n_threads`` and ``draft_tokens``: see ``server_command``. ``server_module`` (default:
    ``default_server_module()``) is run as ``python -m MODULE`` with llama_cpp.server's
    arguments; tests substitute a stand-in that speaks the same protocol.
    """
    path = Path(model_path).expanduser()
    if not model_path or not path.is_file():
        raise ConfigurationError(
            f"local model file not found: {model_path!r}; pass --model-path / set "
            "SUMMARIZER_LOCAL_MODEL to a GGUF file"
        )
    module = server_module or default_server_module()
    needed = "llama_cpp" if module == SERVER_MODULE else module.split(".")[0]
    if importlib.util.find_spec(needed) is None:
        raise ConfigurationError(f"the local backend needs llama-cpp-python: {INSTALL_HINT}")
    resolved = str(path.resolve())

    def command(port: int) -> list[str]:
        return server_command(module, resolved, port, n_ctx=n_ctx, n_threads=n_threads,
                              draft_tokens=draft_tokens)

    key = " ".join(command(0))  # one server per model file and settings
    with _lock:
        server = _servers.get(key)
        if server is not None and server.alive():
            return server
        port = _free_port()
        log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed at shutdown
            prefix="summarizer-llama-", suffix=".log", delete=False
        )
        process = subprocess.Popen(command(port), stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
        server = LocalServer(model_path=resolved, port=port, process=process,
                             log_path=log.name, _log=log)
        _servers[key] = server
    server.wait_ready(startup_timeout)
    return server


def shutdown_all() -> None:
    """Stop every managed server (registered with ``atexit``)."""
    with _lock:
        servers = list(_servers.values())
        _servers.clear()
    for server in servers:
        server.stop()


atexit.register(shutdown_all)
