"""The managed server's token-first grammar check, against a stand-in for llama_cpp's C API.

The stand-in keeps llama-cpp-python's names and calling conventions (ctypes structs, a sampler
chain of penalties, grammar and greedy, logits behind a pointer) so ``install`` patches it as it
patches the real library; the real one, with the model, gives token-for-token the same answers
(docs/backends.md).
"""

from __future__ import annotations

import ctypes
import sys
import types
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from summarizer import llama_server

VOCAB = 8


class TokenData(ctypes.Structure):
    _fields_ = [("id", ctypes.c_int32), ("logit", ctypes.c_float), ("p", ctypes.c_float)]


class TokenDataArray(ctypes.Structure):
    _fields_ = [("data", ctypes.POINTER(TokenData)), ("size", ctypes.c_size_t),
                ("selected", ctypes.c_int64), ("sorted", ctypes.c_bool)]


class Candidates:
    """As llama_cpp._internals.LlamaTokenDataArray."""

    def __init__(self) -> None:
        self.candidates_data = np.recarray((VOCAB,), dtype=np.dtype(
            [("id", np.intc), ("logit", np.single), ("p", np.single)], align=True))
        self.candidates = TokenDataArray(
            data=self.candidates_data.ctypes.data_as(ctypes.POINTER(TokenData)), size=VOCAB)

    def copy_logits(self, logits: Any) -> None:
        self.candidates_data.id[:] = np.arange(VOCAB)
        self.candidates_data.logit[:] = logits
        self.candidates_data.p[:] = 0.0


class Sampler:
    def __init__(self, name: bytes) -> None:
        self.name = name
        self.accepted: list[int] = []


class FakeLlamaCpp(types.ModuleType):
    """The parts of llama_cpp the check uses; the grammar allows ``allowed`` tokens only."""

    def __init__(self, chain: tuple[bytes, ...] = (b"?penalties", b"grammar", b"greedy")) -> None:
        super().__init__("llama_cpp")
        self.llama_token_data, self.llama_token_data_array = TokenData, TokenDataArray
        self.samplers = [Sampler(n) for n in chain]
        self.allowed: set[int] = set()
        self.logits = (ctypes.c_float * VOCAB)()
        self.probes = 0

    def llama_sampler_chain_n(self, chain: Any) -> int:
        return len(self.samplers)

    def llama_sampler_chain_get(self, chain: Any, i: int) -> Sampler:
        return self.samplers[i]

    def llama_sampler_name(self, sampler: Sampler) -> bytes:
        return sampler.name

    def llama_get_logits_ith(self, ctx: Any, i: int) -> Any:
        assert i == -1
        return ctypes.cast(self.logits, ctypes.POINTER(ctypes.c_float))

    def llama_sampler_apply(self, sampler: Sampler, ref: Any) -> None:
        if sampler.name == b"grammar":
            array = ref._obj
            self.probes += array.size == 1
            for i in range(array.size):
                if array.data[i].id not in self.allowed:
                    array.data[i].logit = float("-inf")
        elif sampler.name.endswith(b"penalties"):  # a repeat penalty on token 0
            ref._obj.data[0].logit -= 1.0

    def llama_sampler_accept(self, chain: Any, token: int) -> None:
        for sampler in self.samplers:
            sampler.accepted.append(token)


class FakeLlama:
    """The attributes of llama_cpp.Llama the check reads; ``sample`` is the stock path."""

    def __init__(self) -> None:
        self._sampler = types.SimpleNamespace(sampler=object())
        self._candidates = Candidates()
        self._ctx = types.SimpleNamespace(ctx=object())
        self._n_vocab = VOCAB
        self.n_tokens = 10
        self.stock_calls = 0

    def sample(self, **kwargs: Any) -> int:
        self.stock_calls += 1
        return 99


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeLlamaCpp]:
    module = FakeLlamaCpp()
    module.Llama = type("Llama", (FakeLlama,), {})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "llama_cpp", module)
    assert llama_server.install()
    yield module


GREEDY = {"temp": 0, "mirostat_mode": 0, "logits_processor": None, "grammar": object(),
          "idx": 9}


def _llama(fake: FakeLlamaCpp, logits: list[float]) -> Any:
    for i, value in enumerate(logits):
        fake.logits[i] = value
    return fake.Llama()  # type: ignore[attr-defined]


def test_an_allowed_best_token_is_taken_without_the_full_grammar_pass(
    fake: FakeLlamaCpp,
) -> None:
    fake.allowed = {2, 5}
    llama = _llama(fake, [0, 1, 9, 3, 2, 4, 0, 1])
    assert llama.sample(**GREEDY) == 2
    assert llama.stock_calls == 0 and fake.probes == 1
    assert [s.accepted for s in fake.samplers] == [[2], [2], [2]]  # history and grammar state


def test_the_penalties_apply_before_the_choice(fake: FakeLlamaCpp) -> None:
    fake.allowed = {0, 1}
    llama = _llama(fake, [5.5, 5.0, 0, 0, 0, 0, 0, 0])  # token 0 loses 1.0 to the penalty
    assert llama.sample(**GREEDY) == 1 and llama.stock_calls == 0


def test_a_rejected_best_token_falls_back_to_the_whole_vocabulary(fake: FakeLlamaCpp) -> None:
    fake.allowed = {5}
    llama = _llama(fake, [0, 1, 9, 3, 2, 4, 0, 1])
    assert llama.sample(**GREEDY) == 99  # the stock path (grammar over every token)
    assert llama.stock_calls == 1 and all(not s.accepted for s in fake.samplers)


@pytest.mark.parametrize("change", [{"temp": 0.7}, {"grammar": None}, {"mirostat_mode": 2},
                                    {"logits_processor": [abs]}])
def test_anything_but_greedy_under_a_grammar_is_left_to_llama_cpp(
    fake: FakeLlamaCpp, change: dict[str, Any],
) -> None:
    fake.allowed = set(range(VOCAB))
    llama = _llama(fake, [0, 1, 9, 3, 2, 4, 0, 1])
    assert llama.sample(**{**GREEDY, **change}) == 99 and fake.probes == 0


def test_an_unknown_sampler_chain_is_left_to_llama_cpp(monkeypatch: pytest.MonkeyPatch) -> None:
    module = FakeLlamaCpp(chain=(b"penalties", b"top-k", b"grammar", b"greedy"))
    module.Llama = type("Llama", (FakeLlama,), {})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "llama_cpp", module)
    assert llama_server.install()
    module.allowed = set(range(VOCAB))
    llama = _llama(module, [0, 1, 9, 3, 2, 4, 0, 1])
    assert llama.sample(**GREEDY) == 99 and module.probes == 0


def test_without_llama_cpp_nothing_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "llama_cpp", None)
    assert llama_server.install() is False
    incomplete = types.ModuleType("llama_cpp")
    incomplete.Llama = FakeLlama  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "llama_cpp", incomplete)
    assert llama_server.install() is False and FakeLlama.sample.__name__ == "sample"
    assert not hasattr(FakeLlama, "_summarizer_token_first_grammar")
