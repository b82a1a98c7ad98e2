"""Backend resolution: arguments, then environment, then local model, then rules."""

from __future__ import annotations

import pytest

from summarizer.backends import resolve_backend
from summarizer.errors import ConfigurationError, NoBackendError


def test_explicit_arguments_win_over_environment() -> None:
    env = {"SUMMARIZER_BASE_URL": "http://env:1/v1", "SUMMARIZER_MODEL": "env-model"}
    config = resolve_backend("openai", base_url="http://arg:2/v1", model="m", env=env)
    assert (config.name, config.base_url, config.model) == ("openai", "http://arg:2/v1", "m")


def test_environment_selects_openai_compatible_server() -> None:
    env = {"SUMMARIZER_BASE_URL": "http://127.0.0.1:8765/v1"}
    config = resolve_backend(env=env)
    assert config.name == "openai" and config.mode == "tools" and config.model == "local"


def test_openai_key_defaults_to_strict_json_schema_mode() -> None:
    config = resolve_backend(env={"OPENAI_API_KEY": "sk-abc123secret"})
    assert config.mode == "json_schema" and config.model == "gpt-4o-mini"
    assert "sk-abc123secret" not in repr(config)


def test_local_model_comes_before_rules() -> None:
    config = resolve_backend(env={"SUMMARIZER_LOCAL_MODEL": "/models/x.gguf"})
    assert config.name == "local" and config.model_path == "/models/x.gguf"


def test_rules_fallback_says_why_and_strict_mode_refuses() -> None:
    config = resolve_backend(env={})
    assert config.name == "rules" and "no LLM configured" in config.reason
    with pytest.raises(NoBackendError, match="SUMMARIZER_BASE_URL"):
        resolve_backend(env={}, allow_rules_fallback=False)


@pytest.mark.parametrize("kwargs", [
    {"backend": "gpt"}, {"backend": "openai", "mode": "xml"}, {"backend": "local"},
])
def test_bad_settings_are_configuration_errors(kwargs: dict[str, str]) -> None:
    with pytest.raises(ConfigurationError):
        resolve_backend(env={}, **kwargs)


def test_openai_without_key_or_url_says_how_to_configure() -> None:
    with pytest.raises(NoBackendError, match="OPENAI_API_KEY"):
        resolve_backend("openai", env={})
