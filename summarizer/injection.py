"""Prompt-injection detection: passages of a release that address the model instead of a reader.

A press release has no reason to say "ignore previous instructions", to contain chat-template
tokens or fake system tags, or to carry a ready-made JSON answer. Such passages are located
(character offsets into the text) so that rules can reject any answer whose evidence comes from
them, and so that the prompt can fence them off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Injection", "find_injections", "neutralize_delimiters"]

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I | re.M))
    for name, pattern in (
        ("override", r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+)?"
                     r"(?:previous|prior|above|earlier|preceding|your)\s+"
                     r"(?:instructions?|prompts?|rules?|directions?|context)"),
        ("role_tag", r"<\|?(?:im_start|im_end|system|assistant|user|endoftext)\|?>"
                     # horizontal space only: ``\s*`` after ``^`` rescanned a run of blank
                     # lines from every line start in it (quadratic)
                     r"|\[/?(?:INST|SYS)\]|<</?SYS>>|^[^\S\n]*(?:system|assistant)[^\S\n]*:"),
        ("fence", r"</?\s*release\s*>"),
        # (the model addressed as one: "As an AI language model, ..."; not "as an aid", "as an
        # AI-powered device", "as an assistant professor")
        ("instruction", r"\b(?:you\s+(?:are|must|should|will)\s+now|as\s+an?\s+"
                        r"(?:AI(?:\s+language)?\s+model\b|language\s+model\b|(?:AI\s+)?assistant\b(?!\s+(?-i:[a-z])|-)"
                        r"|AI\b(?!-|\s+(?-i:[a-z])))"
                        r"|new\s+instructions?\s*:|(?:output|return|respond\s+"
                        r"with|answer\s+with)\s+(?:the\s+following|this|only)\s+(?:json|answer|"
                        r"output))"),
        # a ready-made answer: a JSON object whose first key holds a JSON value, whatever the
        # task's field names are
        ("json_answer", r"\{\s*\"[A-Za-z_][\w-]{0,40}\"\s*:\s*"
                        r"(?:true\b|false\b|null\b|[\"\{\[]|-?\d)"),
    )
)


@dataclass(frozen=True)
class Injection:
    """One suspicious passage: which pattern fired and where (the whole line or paragraph)."""

    kind: str
    start: int
    end: int


def find_injections(text: str) -> list[Injection]:
    """Every instruction-like passage of ``text``, widened to its paragraph, in order.

    Linear in the text: matches are widened in text order, and a match inside the paragraph
    found for the one before reuses it (no pattern match starts or ends with a line break, so a
    paragraph holding no blank line of its own is the paragraph of every match inside it).
    """
    hits = sorted(
        (match.start(), match.end(), rank)
        for rank, (_, pattern) in enumerate(_PATTERNS)
        for match in pattern.finditer(text)
    )
    found: list[tuple[int, int, int]] = []
    left = right = -1  # the last paragraph without a blank line inside it
    for start, end, rank in hits:
        if not (left <= start and end <= right):
            before = text.rfind("\n\n", 0, start)
            after = text.find("\n\n", end)
            left = 0 if before < 0 else before + 2
            right = len(text) if after < 0 else after
            found.append((left, right, rank))
            if "\n\n" in text[start:end]:  # the match spans a blank line: no reuse
                left = right = -1
        elif found[-1][2] > rank:  # a pattern listed earlier names the paragraph
            found.append((left, right, rank))
    found.sort()  # by paragraph, then pattern: the first pattern names a merged passage
    merged: list[Injection] = []
    for start, end, rank in found:
        if merged and start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Injection(last.kind, last.start, max(last.end, end))
        else:
            merged.append(Injection(_PATTERNS[rank][0], start, end))
    return merged


_FENCE = re.compile(r"<(/?)\s*release\s*>", re.I)


def neutralize_delimiters(text: str) -> str:
    """Break ``<release>``/``</release>`` inside a document so it cannot close our fence."""
    return _FENCE.sub(lambda m: f"<{m.group(1)}release\u200b>", text)
