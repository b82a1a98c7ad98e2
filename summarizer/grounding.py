"""Align evidence quotes to the source text: exact, then normalised, then fuzzy.

Models (and people) copy quotes with straightened quotes, dropped ® marks, re-flowed whitespace or a
typo; grounding still finds the passage and records where it is, so every quote can be checked and
highlighted. Offsets always index the ORIGINAL text: the normalised copy keeps a map back to it.
Fuzzy matching only scores a few candidate windows found through rare-token anchors, so aligning a
quote stays fast on multi-megabyte documents.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from rapidfuzz import fuzz

from summarizer.evidence import Answer, Evidence, MatchKind
from summarizer.sentences import Sentence, split_sentences
from summarizer.types import Finding

__all__ = [
    "FUZZY_THRESHOLD", "Alignment", "SourceIndex", "Trim", "align", "ground", "ground_pending",
    "normalize", "trim_quotes", "trim_to_source",
]

A = TypeVar("A", bound=Answer)

#: minimum rapidfuzz partial-ratio (0-100) for a fuzzy alignment
FUZZY_THRESHOLD = 85.0
#: quotes shorter than this (normalised) are never matched fuzzily: too many false hits
_MIN_FUZZY_CHARS = 16
_MAX_ANCHORS = 6
_MAX_WINDOWS = 8
_MAX_ANCHOR_HITS = 2000
_MAX_PIECE_HITS = 200

_QUOTES_SINGLE = "‘’‚‛′`´"
_QUOTES_DOUBLE = "“”„‟″«»"
_DASHES = "‐‑‒–—―−﹘﹣－"
_DROP = "\u00ad\u200b\u200c\u200d\u2060\ufeff®™©℠Ⓡ"
_TRANSLATE = {ord(c): "'" for c in _QUOTES_SINGLE}
_TRANSLATE.update({ord(c): '"' for c in _QUOTES_DOUBLE})
_TRANSLATE.update({ord(c): "-" for c in _DASHES})
_TRANSLATE.update({ord(c): "" for c in _DROP})
_SPECIAL = re.compile(
    r" ?[^\S ]\s*| {2,}\s*|\((?:R|TM|SM|r|tm|sm)\)|["
    + re.escape(_QUOTES_SINGLE + _QUOTES_DOUBLE + _DASHES + _DROP)
    + r"]"
)
_TOKEN = re.compile(r"\w+")
#: an elision mark in a quote: "...", "…", "[...]", "(...)"
_ELISION = re.compile(r"\s*(?:[\[(]\s*)?(?:\.\s?\.\s?\.|…)(?:\s*[\])])?\s*")
#: the most text an internal elision may skip (a quote spans a passage, not the whole release)
_MAX_ELIDED = 600


@dataclass(frozen=True)
class Alignment:
    """Where a quote sits in the source: ``text[start:end]`` is the matched passage."""

    start: int | None
    end: int | None
    match: MatchKind
    score: float | None


_NONE = Alignment(None, None, "none", None)


def _build(text: str, keep_map: bool) -> tuple[str, list[int], list[int], list[int], list[int]]:
    """Normalise ``text``; with ``keep_map`` also return segments (norm start/len, orig start/len).

    Normal form: lower case, whitespace runs -> one space, curly quotes -> straight, dashes -> "-",
    trademark marks ((R), ®, ™ ...) and invisible characters removed.
    """
    out: list[str] = []
    ns: list[int] = []
    nl: list[int] = []
    os_: list[int] = []
    ol: list[int] = []
    n = 0
    last_space = True  # no leading space

    def emit(piece: str, o_start: int, o_len: int, identity: bool) -> None:
        nonlocal n, last_space
        if not piece:
            return
        out.append(piece)
        if keep_map:
            if (
                identity and ns and nl[-1] == ol[-1] and ns[-1] + nl[-1] == n
                and os_[-1] + ol[-1] == o_start
            ):
                nl[-1] += len(piece)
                ol[-1] += o_len
            else:
                ns.append(n)
                nl.append(len(piece))
                os_.append(o_start)
                ol.append(o_len)
        n += len(piece)
        last_space = piece.endswith(" ")

    def plain(start: int, end: int) -> None:
        if last_space and start < end and text[start] == " ":
            start += 1  # a space right after a collapsed run or a dropped mark
        if start >= end:
            return
        run = text[start:end]
        low = run.lower()
        if len(low) == len(run):
            emit(low, start, len(run), True)
            return
        for i, ch in enumerate(run):  # rare: case mapping changes the length (e.g. "İ")
            emit(ch.lower(), start + i, 1, len(ch.lower()) == 1)

    pos = 0
    for m in _SPECIAL.finditer(text):
        plain(pos, m.start())
        token = m.group()
        if token[0].isspace():
            if not last_space:
                emit(" ", m.start(), m.end() - m.start(), token == " ")
        elif len(token) == 1:
            mapped = token.translate(_TRANSLATE)
            emit(mapped, m.start(), 1, True)
        # "(R)"-style marks are dropped
        pos = m.end()
    plain(pos, len(text))
    return "".join(out), ns, nl, os_, ol


#: a hyphen and the space after it: a name broken across lines ("CK-\n301")
_WRAPPED_HYPHEN = re.compile(r"- ")


def _unwrap(norm: str) -> str:
    return _WRAPPED_HYPHEN.sub("-", norm)


def normalize(text: str) -> str:
    """The normal form used for matching (see ``SourceIndex``), stripped."""
    return _build(text, keep_map=False)[0].strip()


class SourceIndex:
    """A source text prepared for alignment: built once per document, reused for every quote.

    The normal form and its map back to the text are built on the first quote that is not a
    verbatim substring (most quotes are: the rules backend's always), not before.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._tokens: dict[str, list[int]] | None = None

    @functools.cached_property
    def _normal(self) -> tuple[str, list[int], list[int], list[int], list[int]]:
        return _build(self.text, keep_map=True)

    @property
    def norm(self) -> str:
        """The normal form of the text (see ``normalize``)."""
        return self._normal[0]

    def __repr__(self) -> str:
        return f"SourceIndex({len(self.text)} chars)"

    def to_original(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        """Map a span of the normalised text back to ``(start, end)`` in the original text."""
        _, ns, nl, os_, ol = self._normal  # segments: norm start/length, original start/length
        norm_end = max(norm_end, norm_start + 1)
        k = bisect_right(ns, norm_start) - 1
        start = os_[k] + (norm_start - ns[k] if nl[k] == ol[k] else 0)
        last = norm_end - 1
        j = bisect_right(ns, last) - 1
        end = os_[j] + (last - ns[j]) + 1 if nl[j] == ol[j] else os_[j] + ol[j]
        return start, max(start, end)

    def tokens(self) -> dict[str, list[int]]:
        """Word token -> positions in the normalised text (built on first fuzzy lookup)."""
        if self._tokens is None:
            index: dict[str, list[int]] = {}
            for m in _TOKEN.finditer(self.norm):
                index.setdefault(m.group(), []).append(m.start())
            self._tokens = index
        return self._tokens

    def contains(self, phrase: str) -> bool:
        """Whether ``phrase`` occurs in the text, up to normalisation (case, marks, spacing) and
        line wrapping after a hyphen ("CK-301" is in "(CK-\\n301)")."""
        if phrase.strip() and phrase in self.text:
            return True
        needle = normalize(phrase)
        if not needle:
            return False
        return needle in self.norm or _unwrap(needle) in self._unwrapped

    @cached_property
    def _unwrapped(self) -> str:
        return _unwrap(self.norm)


def _refine(index: SourceIndex, nq: str, start: int, end: int) -> tuple[int, int]:
    """Snap a fuzzy window's ends to where the quote's first/last few characters really are."""
    norm = index.norm
    slack = 20 + len(nq) // 10
    head, tail = nq[:12], nq[-12:]
    lo = max(0, start - slack)
    found = norm.find(head, lo, min(len(norm), start + slack + len(head)))
    if found != -1:
        start = found
    t = norm.rfind(tail, max(start, end - slack - len(tail)), min(len(norm), end + slack))
    if t != -1 and t + len(tail) > start:
        end = t + len(tail)
    return start, max(start + 1, end)


def _anchor_votes(nq: str, index: SourceIndex, width: int) -> Counter[int]:
    """Votes for where the quote may start (bucketed by ``width``).

    Two kinds of anchor, both cheap: exact pieces of the quote (~24 characters, found with
    ``str.find``; an edit breaks only the pieces it falls in) and the quote's rarest word tokens.
    """
    votes: Counter[int] = Counter()
    norm = index.norm
    size = 24
    if len(nq) >= 2 * size:
        for offset in range(0, len(nq) - size + 1, size):
            piece = nq[offset:offset + size]
            pos, hits = norm.find(piece), 0
            while pos != -1 and hits < _MAX_PIECE_HITS:
                votes[(pos - offset) // width] += 2
                hits += 1
                pos = norm.find(piece, pos + 1)
    tokens = index.tokens()
    seen: dict[str, int] = {}
    for m in _TOKEN.finditer(nq):
        tok = m.group()
        if (len(tok) >= 3 or tok.isdigit()) and tok in tokens and tok not in seen:
            seen[tok] = m.start()
    for tok in sorted(seen, key=lambda t: (len(tokens[t]), -len(t)))[:_MAX_ANCHORS]:
        offset = seen[tok]
        votes.update({(p - offset) // width for p in tokens[tok][:_MAX_ANCHOR_HITS]})
    return votes


def _fuzzy(nq: str, index: SourceIndex) -> Alignment:
    """Score a few candidate windows located by anchors (never every substring)."""
    width = max(len(nq), 64)
    votes = _anchor_votes(nq, index, width)
    best: tuple[float, int, int] | None = None
    for bucket, _ in votes.most_common(_MAX_WINDOWS):
        w_start = max(0, bucket * width - width // 2)
        w_end = min(len(index.norm), bucket * width + len(nq) + width + width // 2)
        window = index.norm[w_start:w_end]
        res = fuzz.partial_ratio_alignment(nq, window, score_cutoff=FUZZY_THRESHOLD)
        if res is None:
            continue
        score = float(res.score)
        if best is None or score > best[0]:
            best = (score, w_start + res.dest_start, w_start + res.dest_end)
    if best is None:
        return _NONE
    n_start, n_end = _refine(index, nq, best[1], best[2])
    start, end = index.to_original(n_start, n_end)
    return Alignment(start, end, "fuzzy", round(best[0] / 100.0, 4))


def _elided(quote: str, index: SourceIndex) -> Alignment:
    """Align a quote shortened with "..." (models truncate long sentences that way).

    Every fragment must occur, in order, with at most ``_MAX_ELIDED`` characters between
    neighbours. One fragment (a leading or trailing ellipsis) is a normalised match of that
    fragment; several are a fuzzy match scored by the share of the span the fragments cover.
    """
    parts = [normalize(f) for f in _ELISION.split(quote)]
    fragments = [f for f in parts if f]
    if not fragments or sum(len(f) for f in fragments) < _MIN_FUZZY_CHARS:
        return _NONE
    norm = index.norm
    first = norm.find(fragments[0])
    while first != -1:
        pos, ok = first + len(fragments[0]), True
        for fragment in fragments[1:]:
            found = norm.find(fragment, pos, pos + _MAX_ELIDED + len(fragment))
            if found == -1:
                ok = False
                break
            pos = found + len(fragment)
        if ok:
            start, end = index.to_original(first, pos)
            if len(fragments) == 1:
                return Alignment(start, end, "normalized", 1.0)
            covered = sum(len(f) for f in fragments) / (pos - first)
            return Alignment(start, end, "fuzzy", round(covered, 4))
        first = norm.find(fragments[0], first + 1)
    return _NONE


def _verbatim(quote: str, index: SourceIndex) -> Alignment:
    """``quote`` found as written (exact) or up to normalisation; no fuzzy match."""
    if not quote.strip() or not index.text:
        return _NONE
    for candidate in (quote, quote.strip()):
        found = index.text.find(candidate)
        if found != -1:
            return Alignment(found, found + len(candidate), "exact", 1.0)
    nq = normalize(quote)
    found = index.norm.find(nq) if nq else -1
    if found == -1:
        return _NONE
    start, end = index.to_original(found, found + len(nq))
    return Alignment(start, end, "normalized", 1.0)


def align(quote: str, index: SourceIndex | str) -> Alignment:
    """Find ``quote`` in the source; ``match="none"`` (no offsets) when nothing fits."""
    if isinstance(index, str):
        index = SourceIndex(index)
    verbatim = _verbatim(quote, index)
    nq = normalize(quote)
    if verbatim.match != "none" or not nq or not index.text:
        return verbatim
    if _ELISION.search(quote):
        elided = _elided(quote, index)
        if elided.match != "none":
            return elided
    if len(nq) < _MIN_FUZZY_CHARS:
        return _NONE
    return _fuzzy(nq, index)


def ground(summary: A, text: str | SourceIndex) -> A:
    """Fill ``start/end/match/score`` of every evidence item in place; returns ``summary``."""
    index = text if isinstance(text, SourceIndex) else SourceIndex(text)
    for _, evidence in summary.evidence_items():
        a = align(evidence.quote, index)
        evidence.start, evidence.end, evidence.match, evidence.score = (
            a.start, a.end, a.match, a.score
        )
    return summary


def ground_pending(summary: A, index: SourceIndex) -> A:
    """Align only the evidence not aligned yet (no offsets, no match), in place."""
    for _, evidence in summary.evidence_items():
        if evidence.start is None and evidence.match == "none":
            a = align(evidence.quote, index)
            evidence.start, evidence.end, evidence.match, evidence.score = (
                a.start, a.end, a.match, a.score
            )
    return summary


@dataclass(frozen=True)
class Trim:
    """An unaligned quote cut down to the source passage it does contain.

    ``quote`` is ``text[start:end]`` verbatim; ``dropped`` is what the model wrote that the source
    does not hold (joined by " ... ").
    """

    quote: str
    start: int
    end: int
    dropped: str


#: a trimmed quote must keep at least this many characters (a clause, not a stray phrase)
_MIN_TRIM_CHARS = 40
#: source characters allowed between two kept sentences for them to count as one passage
_MAX_JOIN_GAP = 3


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` so it neither starts nor ends inside a word."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def trim_to_source(quote: str, index: SourceIndex | str) -> Trim | None:
    """Keep the sentences of an unaligned ``quote`` that the source holds, as verbatim source text.

    Small models stitch a real sentence to a paraphrase; the quote as a whole then aligns nowhere.
    Each sentence is aligned on its own (exact, normalised or fuzzy); the kept passage is the
    longest run of aligned sentences that sit next to each other in the source, copied from the
    source itself, so the result is a verbatim quote. When no sentence aligns, the longest
    beginning or end of one that the source holds word for word (``_verbatim_edge``). ``None``
    when nothing is left, or the passage would be too short to support a claim.
    """
    if isinstance(index, str):
        index = SourceIndex(index)
    text = index.text
    runs: list[list[tuple[int, int, int]]] = []  # (start, end, sentence number) per run
    sentences = split_sentences(quote)
    for number, sentence in enumerate(sentences):
        a = align(sentence.text, index)
        if a.start is None or a.end is None:
            continue
        start, end = _word_bounds(text, a.start, a.end)
        last = runs[-1][-1] if runs else None
        if (last is not None and last[2] == number - 1 and 0 <= start - last[1] <= _MAX_JOIN_GAP):
            runs[-1].append((start, end, number))
        else:
            runs.append([(start, end, number)])
    if not runs:
        return _verbatim_edge(sentences, index)
    best = max(runs, key=lambda run: run[-1][1] - run[0][0])
    start, end = best[0][0], best[-1][1]
    if end - start < _MIN_TRIM_CHARS:
        return None
    kept = {number for _, _, number in best}
    dropped = " ... ".join(s.text for i, s in enumerate(sentences) if i not in kept)
    return Trim(text[start:end], start, end, dropped)


def _longest_part(words: list[str], index: SourceIndex,
                  from_end: bool) -> tuple[int, tuple[int, int] | None]:
    """The most words (fewer than all) at the beginning, or the end, of ``words`` that the
    source holds, and where. Bisection on the count: a passage's beginning (end) is in the
    source whenever the passage is."""
    low, high, span = 0, len(words) - 1, None
    while low < high:
        mid = (low + high + 1) // 2
        found = _verbatim(" ".join(words[len(words) - mid:] if from_end else words[:mid]), index)
        if found.start is None or found.end is None:
            high = mid - 1
        else:
            low, span = mid, (found.start, found.end)
    return low, span


def _verbatim_edge(sentences: list[Sentence], index: SourceIndex) -> Trim | None:
    """For a quote none of whose sentences the source holds: the longest beginning or end of one
    of them that it holds word for word (a model copies a clause, then paraphrases the rest of
    the sentence); ``None`` when no such part reaches ``_MIN_TRIM_CHARS``."""
    text = index.text
    best: tuple[int, int, str] | None = None  # (start, end, what was left out)
    for sentence in sentences:
        written = sentence.text.split()
        words = [*written[:-1], written[-1].rstrip(".;:,!?") or written[-1]] if written else []
        # (the last word without its stop: the source's sentence may go on)
        for from_end in (False, True):
            count, span = _longest_part(words, index, from_end)
            if span is None:
                continue
            start, end = _word_bounds(text, *span)
            if best is None or end - start > best[1] - best[0]:
                rest = written[:len(written) - count] if from_end else written[count:]
                best = (start, end, " ".join(rest))
    if best is None or best[1] - best[0] < _MIN_TRIM_CHARS:
        return None
    start, end, dropped = best
    return Trim(text[start:end], start, end, dropped)


#: for ``trim_quotes``: the passage that replaces an unaligned quote at a path, and what that
#: passage states ("the decision"), or None to trim the quote itself
Replacement = Callable[[str, Evidence], "tuple[Evidence, str] | None"]


def trim_quotes(summary: Answer, index: SourceIndex, replace: Replacement | None = None,
                fallback: Replacement | None = None) -> list[Finding]:
    """Cut every quote the source does not hold down to the passage it does (``trim_to_source``),
    in place; an ``evidence_trimmed`` warning says what was left out, so nothing is lost.

    Run once the re-asks are spent: the model has had its chance to copy the passage. A task's
    ``replace`` may put a sentence of its own reading in place of a quote (the sentence stating
    the decision the answer gives, for the quote of that decision); its ``fallback`` does the
    same only for a quote that holds no sentence of the source at all.
    """
    findings: list[Finding] = []
    for path, evidence in summary.evidence_items():
        if evidence.match != "none":
            continue
        swap = replace(path, evidence) if replace is not None else None
        trim = trim_to_source(evidence.quote, index) if swap is None else None
        if swap is None and trim is None and fallback is not None:
            swap = fallback(path, evidence)
        if swap is not None:
            new, states = swap
            left_out = evidence.quote
            evidence.quote, evidence.start, evidence.end = new.quote, new.start, new.end
            evidence.match, evidence.score = new.match, new.score
            findings.append(Finding(
                rule="evidence_trimmed", severity="warning", path=path, start=new.start,
                end=new.end,
                message=f"the quote was not in the source as written; replaced by the sentence "
                        f"stating {states}; left out: {left_out!r}",
            ))
            continue
        if trim is None:
            continue
        evidence.quote = trim.quote
        evidence.start, evidence.end, evidence.match, evidence.score = (
            trim.start, trim.end, "exact", 1.0
        )
        dropped = f"; left out: {trim.dropped!r}" if trim.dropped else ""
        findings.append(Finding(
            rule="evidence_trimmed", severity="warning", path=path, start=trim.start,
            end=trim.end,
            message=f"the quote was not in the source as written; kept the source passage it "
                    f"contains{dropped}",
        ))
    return findings
