"""Required literals of a regular expression: a cheap, exact prefilter for the cue lexicon.

The rules read every release with a few dozen case-insensitive patterns; Python's ``re`` tries
each of them at every position, which made pattern scanning the largest cost of a document
(~3 ms for a short release). Most patterns cannot match most releases. ``required_literals``
works out, from the parsed pattern, a set of lower-case strings one of which every match must
contain; ``Prefilter`` skips a pattern when none of them occurs in the (folded) text. The
answer is the same with and without the prefilter, only faster: when the analysis meets a
construct it does not understand, it gives up (``None``) and the pattern always runs.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

_parser: Any
_c: Any
try:  # the stdlib's own regex parser (``re._parser``, Python 3.11+)
    _parser = importlib.import_module("re._parser")
    _c = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - another Python layout: no prefilter, same results
    _parser = _c = None

__all__ = ["Prefilter", "fold", "required_literals"]

#: the only non-ASCII characters ``re.IGNORECASE`` matches to ASCII letters (checked over all
#: code points): folded before lower-casing, so a keyword test never misses a real match
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """Text as the prefilter compares it: the IGNORECASE look-alikes of ASCII, lower-cased."""
    return text.translate(_FOLD).lower()


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective requirement: longest shortest-literal, then fewest literals."""
    options = [o for o in options if o and all(o)]
    if not options:
        return None
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


_MAX_CLASS = 4  # character classes up to this size ([Mm], [- ]) extend a literal run
_MAX_RUN = 32  # alternatives one run may multiply into before it is cut


def _chars(op: Any, av: Any, icase: bool) -> frozenset[str] | None:
    """The folded characters one literal or small class matches, None if not that simple."""
    if op is _c.LITERAL:
        codes = [av]
    elif op is _c.IN and len(av) <= _MAX_CLASS and all(o is _c.LITERAL for o, _ in av):
        codes = [code for _, code in av]
    else:
        return None
    out: set[str] = set()
    for code in codes:
        ch = chr(code)
        # beyond ASCII only exact (case-sensitive) characters with a one-to-one fold are safe
        if code >= 128 and (icase or len(fold(ch)) != 1 or ch in "\u03a3\u03c3\u03c2"):
            return None
        out.add(fold(ch))
    return frozenset(out)


def _sequence(items: Any, icase: bool) -> frozenset[str] | None:
    """Requirement of a concatenation: any one element's requirement holds for the whole."""
    options: list[frozenset[str]] = []
    run: set[str] = set()

    def flush() -> None:
        if run:
            options.append(frozenset(run))
            run.clear()

    for op, av in items:
        chars = _chars(op, av, icase)
        if chars is not None:
            grown = {r + c for r in run for c in chars} if run else set(chars)
            if len(grown) > _MAX_RUN:
                flush()
                grown = set(chars)
            run.clear()
            run.update(grown)
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: the characters around it stay adjacent in the match
        elif op is _c.SUBPATTERN:
            flush()
            _, add, remove, inner_items = av
            inner_icase = (icase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            inner = _sequence(inner_items, inner_icase)
            if inner is not None:
                options.append(inner)
        elif op is _c.BRANCH:
            flush()
            alternatives = [_sequence(branch, icase) for branch in av[1]]
            if all(a is not None for a in alternatives):
                options.append(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            flush()
            low, _, inner_items = av
            inner = _sequence(inner_items, icase) if low >= 1 else None
            if inner is not None:
                options.append(inner)
        else:  # a wider class, any character, a back-reference ...: breaks the run
            flush()
    flush()
    return _best(options)


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings of which every match of ``pattern`` contains at least one (after
    ``fold``), or None when no such set is known."""
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        return _sequence(parsed, bool(parsed.state.flags & re.IGNORECASE))
    except Exception:  # an unexpected construct: no prefilter for this pattern
        return None


class Prefilter:
    """Answers "can ``pattern`` match in this text?" cheaply; never says no to a real match."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.literals = required_literals(pattern)

    def may_match(self, folded: str) -> bool:
        """``folded`` is ``fold(text)`` of the span about to be scanned."""
        return self.literals is None or any(lit in folded for lit in self.literals)


class PrefilterSet:
    """Prefilters for a fixed list of patterns, asked about spans of one text at a time.

    The rules scan several spans of the same release in turn; the release is folded once and
    the patterns that cannot match anywhere in it are dropped once, so each span only checks
    the rest (``fold`` keeps every offset: only U+0130 lower-cases to two characters, and it is
    translated first).
    """

    def __init__(self, patterns: tuple[re.Pattern[str], ...]) -> None:
        self.filters = tuple(Prefilter(p) for p in patterns)
        self._last: tuple[str, str, tuple[int, ...]] | None = None

    def candidates(self, text: str, start: int, end: int) -> list[int]:
        """Indices of the patterns that may match in ``text[start:end]``."""
        last = self._last  # one entry, swapped atomically: safe across threads
        if last is None or last[0] is not text:
            folded = fold(text)
            possible = tuple(i for i, f in enumerate(self.filters) if f.may_match(folded))
            last = self._last = (text, folded, possible)
        _, folded, possible = last
        if start <= 0 and end >= len(text):
            return list(possible)
        span = folded[start:end]
        return [i for i in possible if self.filters[i].may_match(span)]
