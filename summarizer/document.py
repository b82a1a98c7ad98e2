"""The document read once: its text, format, date, origin and sections, and what is derived from
them alone (sentences, the grounding index, a task's own readings), built on first use and kept.

One ``Document`` carries a release through a whole run: the prompt view, the re-ask checks, the
settle steps, the final rules and the report all read the same object, so nothing loads or
indexes the text twice. ``Document.text`` is the offset space of every quote (see
``summarizer.intake``).
"""

from __future__ import annotations

import bisect
import datetime
from dataclasses import dataclass, field
from typing import Any, Literal

from summarizer.grounding import SourceIndex
from summarizer.sections import BOILERPLATE_KINDS, Section
from summarizer.sentences import Sentence, split_sentences

__all__ = ["Document", "DocumentKind"]

DocumentKind = Literal["text", "html", "edgar"]


@dataclass(frozen=True)
class Document:
    """A loaded release: its text (the offset space), format, date, origin and sections."""

    text: str
    kind: DocumentKind
    published: datetime.date | None
    source: str | None
    sections: tuple[Section, ...]
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    #: readings derived from this document alone (the grounding index, a task's reading of the
    #: release), computed once and shared by the re-ask check, the settle steps and the rules
    memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(s.start for s in self.sections))

    @property
    def index(self) -> SourceIndex:
        """The grounding index of ``text`` (built on first use, then kept)."""
        index = self.memo.get("index")
        if not isinstance(index, SourceIndex):
            index = self.memo["index"] = SourceIndex(self.text)
        return index

    @property
    def sentences(self) -> list[Sentence]:
        """The sentences of ``text``, each an exact substring (split on first use, then kept)."""
        sentences = self.memo.get("sentences")
        if not isinstance(sentences, list):
            sentences = self.memo["sentences"] = split_sentences(self.text)
        return sentences

    def dated(self, published: datetime.date | None) -> Document:
        """This document as released on ``published`` (itself when that is its date already, or
        no date is given). The copy shares the grounding index and the sentences, which depend
        on the text alone; a task's readings, which may depend on the date, start afresh."""
        if published is None or published == self.published:
            return self
        copy = Document(self.text, self.kind, published, self.source, self.sections)
        for key in ("index", "sentences"):
            if key in self.memo:
                copy.memo[key] = self.memo[key]
        return copy

    def section_at(self, offset: int) -> Section | None:
        """The section holding character ``offset`` of ``text``, or None when out of range."""
        if not 0 <= offset < len(self.text):
            return None
        k = bisect.bisect_right(self._starts, offset) - 1
        if k < 0:
            return None
        s = self.sections[k]
        return s if s.start <= offset < s.end else None

    def in_boilerplate(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps an about/forward-looking/contacts/trailer section."""
        if end <= start:
            s = self.section_at(start)
            return s is not None and s.kind in BOILERPLATE_KINDS
        k = max(0, bisect.bisect_right(self._starts, start) - 1)
        for s in self.sections[k:]:
            if s.start >= end:
                break
            if s.end > start and s.kind in BOILERPLATE_KINDS:
                return True
        return False
