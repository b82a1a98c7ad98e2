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
                     r"|\[/?(?:INST|SYS)\]|<</?SYS>>|^\s*(?:system|assistant)\s*:"),
        ("fence", r"</?\s*release\s*>"),
        ("instruction", r"\b(?:you\s+(?:are|must|should|will)\s+now|as\s+an?\s+(?:AI|language\s+"
                        r"model|assistant)|new\s+instructions?\s*:|(?:output|return|respond\s+"
                        r"with|answer\s+with)\s+(?:the\s+following|this|only)\s+(?:json|answer|"
                        r"output))"),
        ("json_answer", r"\{\s*\"(?:is_regulatory_event|outcome|decision|agency)\"\s*:"),
    )
)


@dataclass(frozen=True)
class Injection:
    """One suspicious passage: which pattern fired and where (the whole line or paragraph)."""

    kind: str
    start: int
    end: int


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    left = text.rfind("\n\n", 0, start)
    right = text.find("\n\n", end)
    return (0 if left < 0 else left + 2, len(text) if right < 0 else right)


def find_injections(text: str) -> list[Injection]:
    """Every instruction-like passage of ``text``, widened to its paragraph, in order."""
    found: list[Injection] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = _paragraph(text, match.start(), match.end())
            found.append(Injection(kind, start, end))
    found.sort(key=lambda i: (i.start, i.end))
    merged: list[Injection] = []
    for item in found:
        if merged and item.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Injection(last.kind, last.start, max(last.end, item.end))
        else:
            merged.append(item)
    return merged


_FENCE = re.compile(r"<(/?)\s*release\s*>", re.I)


def neutralize_delimiters(text: str) -> str:
    """Break ``<release>``/``</release>`` inside a document so it cannot close our fence."""
    return _FENCE.sub(lambda m: f"<{m.group(1)}release\u200b>", text)
