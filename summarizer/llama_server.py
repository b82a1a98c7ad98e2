"""The managed local server: llama-cpp-python's OpenAI-compatible server, with greedy decoding
under a grammar checked on the chosen token first.

    python -m summarizer.llama_server --model model.gguf ...   (llama_cpp.server's arguments)

In json mode llama-cpp-python constrains the answer with a grammar sampler that tests every
token of the vocabulary (152k for Qwen2.5) against the grammar, for every token generated:
about 100 ms a token on a laptop CPU, as long as computing the token itself. llama.cpp's own
sampler (``common/sampling.cpp``) tests only the token it would pick, and applies the grammar to
the whole vocabulary only when that token is rejected. ``install`` does the same for greedy
decoding (temperature 0, what the library always asks for): the grammar only ever removes
tokens, so when the best token passes it is the best allowed token, and the answer is token for
token what llama-cpp-python would give. Anything else (temperature, logits processors, a sampler
chain other than penalties, grammar, greedy; another llama-cpp-python layout) goes through
llama-cpp-python unchanged. ``SUMMARIZER_LOCAL_FAST_GRAMMAR=0`` (read by ``summarizer.local``)
runs the plain ``llama_cpp.server`` instead.
"""

from __future__ import annotations

import ctypes
import math
from typing import Any

__all__ = ["install", "main"]

#: the sampler chain llama-cpp-python builds for greedy decoding under a grammar
_CHAIN = (b"penalties", b"grammar", b"greedy")
_MARK = "_summarizer_token_first_grammar"


def install() -> bool:
    """Make greedy sampling under a grammar check the chosen token first, in this process.

    Returns False, changing nothing, when llama-cpp-python is missing or laid out otherwise
    than this was written for (0.3.x).
    """
    try:
        import llama_cpp
        import numpy as np
    except ImportError:
        return False
    llama = getattr(llama_cpp, "Llama", None)
    needed = ("llama_get_logits_ith", "llama_sampler_apply", "llama_sampler_accept",
              "llama_sampler_chain_get", "llama_sampler_chain_n", "llama_sampler_name",
              "llama_token_data", "llama_token_data_array")
    if llama is None or not all(hasattr(llama_cpp, name) for name in needed):
        return False
    if not callable(getattr(llama, "sample", None)) or getattr(llama, _MARK, False):
        return bool(getattr(llama, _MARK, False))
    stock_sample = llama.sample

    def layout(sampler: Any) -> tuple[Any, Any] | None:
        """The chain's penalties and grammar samplers, if it is penalties + grammar + greedy."""
        known = getattr(sampler, _MARK, None)
        if known is None:
            chain = sampler.sampler
            names = tuple(  # a "?" marks a sampler that runs on the CPU only ("?penalties")
                llama_cpp.llama_sampler_name(llama_cpp.llama_sampler_chain_get(chain, i))
                .lstrip(b"?") for i in range(llama_cpp.llama_sampler_chain_n(chain)))
            known = (llama_cpp.llama_sampler_chain_get(chain, 0),
                     llama_cpp.llama_sampler_chain_get(chain, 1)) if names == _CHAIN else ()
            setattr(sampler, _MARK, known)
        return known or None

    def sample(self: Any, *args: Any, **kwargs: Any) -> int:
        sampler = getattr(self, "_sampler", None)
        candidates = getattr(self, "_candidates", None)
        if (args or sampler is None or candidates is None or kwargs.get("grammar") is None
                or kwargs.get("temp", 0.8) != 0.0 or kwargs.get("mirostat_mode", 0) != 0
                or kwargs.get("logits_processor") is not None):
            return int(stock_sample(self, *args, **kwargs))
        parts = layout(sampler)
        if parts is None:
            return int(stock_sample(self, **kwargs))
        penalties, grammar = parts
        idx = kwargs.get("idx")
        ridx = idx - self.n_tokens if idx is not None else -1
        logits = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(self._ctx.ctx, ridx),
                                       shape=(self._n_vocab,))
        candidates.copy_logits(logits)
        llama_cpp.llama_sampler_apply(penalties, ctypes.byref(candidates.candidates))
        token = int(np.argmax(candidates.candidates_data.logit))  # greedy: the first maximum
        one = (llama_cpp.llama_token_data * 1)(llama_cpp.llama_token_data(
            token, float(candidates.candidates_data.logit[token]), 0.0))
        probe = llama_cpp.llama_token_data_array(data=one, size=1, selected=-1, sorted=False)
        llama_cpp.llama_sampler_apply(grammar, ctypes.byref(probe))
        if not math.isfinite(one[0].logit):  # rejected: the grammar over the whole vocabulary
            return int(stock_sample(self, **kwargs))
        llama_cpp.llama_sampler_accept(sampler.sampler, token)  # penalties' history, grammar
        return token

    sample.__doc__ = stock_sample.__doc__
    llama.sample = sample
    setattr(llama, _MARK, True)
    return True


def main() -> None:
    """Install the grammar check, then run llama_cpp.server with this process's arguments."""
    install()
    from llama_cpp.server.__main__ import main as serve

    serve()  # type: ignore[no-untyped-call,unused-ignore]


if __name__ == "__main__":
    main()
