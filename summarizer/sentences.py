"""A small sentence splitter for press-release text, with offsets into the original string.

Releases come hard-wrapped (EDGAR exhibits, PDF letters), with bullet lists, footnote digits glued
to full stops and "U.S."-style abbreviations; a general-purpose splitter gets these wrong, and the
rules backend needs sentences whose ``text[start:end]`` is an exact, quotable substring of the
source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "normalize_space", "split_sentences"]


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text`` is exactly ``source[start:end]`` (no outer whitespace)."""

    start: int
    end: int
    text: str


_BULLETS = "•·▪‣◦\uf0b7\u25cf\u2043"
#: a line opening a list item: a bullet sign, or a dash or asterisk and a space ("- In May ...";
#: a hyphen that wraps a word has no space after it)
_BULLET_LINE = re.compile(f"[{_BULLETS}]|[-–—*][ \t\u00a0]")
_BLOCK_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_LINE = re.compile(r"[^\n]*")
_JOIN_END = re.compile(
    r"(?:[,;:&/(\-–—]|\b(?:and|or|the|of|to|for|with|in|on|at|by|a|an|as|from|that|which|who))$"
)
_TERMINAL_END = re.compile(r"[.!?][\"”’')\]]*(?:\d{1,3}(?:[,\-–]\d{1,3})*)?$")
# a full stop (or ! ?), closing quotes/brackets, optional footnote digits, whitespace, and a
# sentence-like start
_BOUNDARY = re.compile(
    r"[.!?][\"”’')\]]*(?:\d{1,3}(?:[,\-–]\d{1,3})*)?(?=\s+[\"“‘'(\[]?[A-Z0-9•*\uf0b7])"
)
_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "co", "corp", "jr", "sr", "st", "vs", "v",
        "e.g", "i.e", "approx", "dept",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "u.s", "u.k", "e.u", "ph.d", "m.d", "pharm.d", "b.v", "n.v", "s.a", "mass", "pa",
        "calif", "n.j", "n.y", "ft", "al", "est", "govt", "sen", "rep", "gen", "mt", "op",
    }
)
#: abbreviations only before a number ("No. 3", "Fig. 2"); "said no. Then" ends a sentence
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "fig", "figs", "ref", "refs", "vol", "p", "pp"})
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_SPACE = re.compile(r"\s+")
_LONGEST_WORD = 64


def normalize_space(text: str) -> str:
    """Collapse whitespace runs to one space and strip (for statements built from quotes)."""
    return _SPACE.sub(" ", text).strip()


def _is_abbreviation(unit: str, dot: int) -> bool:
    """True when the full stop at ``dot`` ends an abbreviation or an initial, not a sentence."""
    if unit[dot] != ".":
        return False
    # the word is read from a window before the stop: searching from the unit's start each time
    # made a long unit with many stops quadratic; a word longer than the window is no
    # abbreviation either way
    m = _WORD_BEFORE.search(unit, max(0, dot - _LONGEST_WORD), dot)
    if m is None:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "Donald B. Kohn"
    key = word.lower().rstrip(".")
    if key in _NUMBER_ABBREVIATIONS:
        return bool(re.match(r"\.\s*\d", unit[dot:]))
    return key in _ABBREVIATIONS


def _is_decimal_point(unit: str, dot: int) -> bool:
    """True when the stop at ``dot`` sits between digits ("a hazard ratio of 0.62 (95% CI"):
    the boundary pattern would read the decimals as footnote digits after a full stop."""
    return (unit[dot] == "." and 0 < dot < len(unit) - 1 and unit[dot - 1].isdigit()
            and unit[dot + 1].isdigit())


def _joins(prev: str, nxt: str, listing: bool = False) -> bool:
    """Whether a single line break between two lines is a soft wrap rather than a break.

    ``listing``: the unit so far is a lead-in ending in a colon with its list ("concerning:"):
    the next bullet is the list's next item. A bullet list under a heading ("HIGHLIGHTS") is
    a list of statements, one sentence each."""
    p, n = prev.rstrip(), nxt.lstrip()
    if not p or not n:
        return False
    if _BULLET_LINE.match(n):
        return listing or _JOIN_END.search(p) is not None
    if _TERMINAL_END.search(p):
        return True  # the splitter decides on the full stop itself
    if n[0].islower() or n[0] in ".,;:)]”’":
        return True
    if _JOIN_END.search(p):
        return True  # an unfinished clause
    return len(p) >= 55 and not p.isupper()


def _units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into paragraph-like units (blank lines, hard breaks)."""
    units: list[tuple[int, int]] = []
    pos = start
    blocks: list[tuple[int, int]] = []
    for m in _BLOCK_BREAK.finditer(text, start, end):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, end))
    for b_start, b_end in blocks:
        lines = [(m.start(), m.end()) for m in _LINE.finditer(text, b_start, b_end)]
        lines = [(s, e) for s, e in lines if s < e or s == b_start]
        u_start: int | None = None
        prev: tuple[int, int] | None = None
        listing = False  # the unit is a lead-in ending in a colon and its bullet list
        for s, e in lines:
            line = text[s:e]
            if not line.strip():
                continue
            if u_start is None or prev is None:
                u_start = s
            elif _joins(text[prev[0]:prev[1]], line, listing):
                head = text[prev[0]:prev[1]].rstrip()
                listing = listing or (_BULLET_LINE.match(line.lstrip()) is not None
                                      and head.endswith(":"))
            else:
                units.append((u_start, prev[1]))
                u_start, listing = s, False
            prev = (s, e)
        if u_start is not None and prev is not None:
            units.append((u_start, prev[1]))
    return units


def _trimmed(text: str, start: int, end: int) -> Sentence | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return Sentence(start, end, text[start:end])


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of ``text[start:end]`` in order, each an exact substring of ``text``."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    sentences: list[Sentence] = []
    for u_start, u_end in _units(text, start, end):
        unit = text[u_start:u_end]
        pos = 0
        for m in _BOUNDARY.finditer(unit):
            if _is_abbreviation(unit, m.start()) or _is_decimal_point(unit, m.start()):
                continue
            s = _trimmed(text, u_start + pos, u_start + m.end())
            if s is not None:
                sentences.append(s)
            pos = m.end()
        s = _trimmed(text, u_start + pos, u_end)
        if s is not None:
            sentences.append(s)
    return sentences
