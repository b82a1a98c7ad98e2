"""Tone: how positive or negative a passage reads, by a lexicon of words and phrases.

Each task brings its own lexicon (the words that weigh in its kind of news); ``load_tone_lexicon``
reads a user's own from JSON or CSV.
"""

from __future__ import annotations

import csv
import json
import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from summarizer.errors import ConfigurationError

__all__ = ["Tone", "ToneLexicon", "load_tone_lexicon", "weigh"]

ToneLexicon = Mapping[str, float]

_TONE_WORD = re.compile(r"[a-z][a-z'\-]*")


@dataclass(frozen=True)
class Tone:
    """Tone of a passage: ``score`` in -1..1 and the summed positive / negative weights."""

    score: float
    positive: float
    negative: float
    hits: tuple[tuple[int, int, str, float], ...]


_PHRASE_CACHE: dict[int, tuple[ToneLexicon, re.Pattern[str] | None]] = {}


def _phrase_pattern(lexicon: ToneLexicon) -> re.Pattern[str] | None:
    cached = _PHRASE_CACHE.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    phrases = sorted((k for k in lexicon if not _TONE_WORD.fullmatch(k)), key=len, reverse=True)
    pattern = (
        re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![a-z])")
        if phrases else None
    )
    if len(_PHRASE_CACHE) > 16:
        _PHRASE_CACHE.clear()
    _PHRASE_CACHE[id(lexicon)] = (lexicon, pattern)
    return pattern


def weigh(text: str, lex: ToneLexicon) -> Tone:
    """Score ``text`` with a tone lexicon (word or phrase -> -1..1): phrases first, then single
    words; ``score`` is (positive - negative) / (positive + negative + 1)."""
    low = text.lower()
    hits: list[tuple[int, int, str, float]] = []
    # phrase matches come from one ``finditer``: sorted and disjoint, so a word inside one is
    # found by bisecting their starts (a scan of them all is quadratic on a phrase-dense text)
    starts: list[int] = []
    ends: list[int] = []
    pattern = _phrase_pattern(lex)
    if pattern is not None:
        for m in pattern.finditer(low):
            hits.append((m.start(), m.end(), m.group(), float(lex[m.group()])))
            starts.append(m.start())
            ends.append(m.end())
    for m in _TONE_WORD.finditer(low):
        value = lex.get(m.group())
        if value is None:
            continue
        at = bisect_right(starts, m.start()) - 1
        if at >= 0 and m.start() < ends[at]:
            continue
        hits.append((m.start(), m.end(), m.group(), float(value)))
    pos = sum(v for *_, v in hits if v > 0)
    neg = -sum(v for *_, v in hits if v < 0)
    score = (pos - neg) / (pos + neg + 1.0)
    hits.sort()
    return Tone(round(max(-1.0, min(1.0, score)), 4), pos, neg, tuple(hits))


def load_tone_lexicon(path: str | PathLike[str]) -> dict[str, float]:
    """Read a user tone lexicon (word -> score): JSON object / list, or CSV ``word,score`` rows.

    Words are lower-cased; scores are clamped to -1..1. A header row is skipped. Raises
    ``ConfigurationError`` when the file cannot be read or holds no usable entry.
    """
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigurationError(f"cannot read tone lexicon {p}: {exc}") from exc
    entries: dict[str, float] = {}

    def add(word: object, score: object) -> None:
        if not isinstance(word, str) or not word.strip():
            return
        try:
            value = float(score)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return
        entries[" ".join(word.lower().split())] = max(-1.0, min(1.0, value))

    if p.suffix.lower() == ".json" or raw.lstrip().startswith(("{", "[")):
        try:
            data = json.loads(raw)
        except ValueError as exc:
            raise ConfigurationError(f"tone lexicon {p} is not valid JSON: {exc}") from exc
        if isinstance(data, dict):
            for word, score in data.items():
                add(word, score)
        elif isinstance(data, list):
            for item in data:
                if isinstance(item, dict):
                    add(item.get("word"), item.get("score"))
                elif isinstance(item, list | tuple) and len(item) >= 2:
                    add(item[0], item[1])
    else:
        for row in csv.reader(raw.splitlines()):
            if len(row) >= 2:
                add(row[0], row[1])
    if not entries:
        raise ConfigurationError(f"tone lexicon {p} has no 'word,score' entries")
    return entries
