"""Readable reports of summary results: a compact Markdown digest and a self-contained HTML view.

Analysts read a summary against its release before they trust it. The HTML report puts every
claim of the task's card (``Task.card``: for the regulatory task the outcome, reasons, next steps
and sentiment) beside the release, with its quoted evidence highlighted, colour-coded by field
and linked both ways, and shows the rule findings as badges; for several documents an index
table sorts and filters them. It is one file with inline CSS and
JS and no external asset, so it can be mailed, archived and opened offline.

Every string taken from a document or a model answer is escaped: Jinja2 autoescape in HTML,
entity and backslash escaping in Markdown. On top of that the page's Content-Security-Policy
admits only the report's own script (by hash) and no network access at all, so a ``<script>``
that slipped through escaping still would not run.

Both renderers take ``SummaryResult`` objects or the JSON records the CLI writes
(``SummaryResult.to_record``). The source pane needs the document text, present in a record only
when it was written with ``--include-text``; without it the claims are listed with their quotes
and the page says why the release is not shown.

Reports of any length are built in bounded memory: ``iter_records`` reads a records file one
record at a time (a line longer than ``MAX_RECORD_BYTES`` is refused, not read whole), and
``ReportBuilder`` renders each record's index row as it comes and spools the record to a
temporary file, then writes the page one document at a time.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import io
import itertools
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import IO, Any, TextIO

from jinja2 import Environment, StrictUndefined
from pydantic import ValidationError

from summarizer.arguments import describe, validation_message
from summarizer.errors import ConfigurationError, InputError
from summarizer.evidence import Evidence, Sentiment
from summarizer.task import Card, CardClaim, CardLead, IndexCell, Task, get_task
from summarizer.types import MAX_RECORD_BYTES, Finding, SummaryResult, dump_record

__all__ = [
    "FIELD_NAMES",
    "MAX_RECORD_BYTES",
    "REPORT_FORMATS",
    "Claim",
    "DocumentView",
    "ReportBuilder",
    "Segment",
    "Span",
    "coerce_result",
    "document_view",
    "iter_json",
    "iter_records",
    "load_records",
    "parse_records",
    "render",
    "render_html",
    "render_markdown",
    "split_segments",
]

RecordLike = SummaryResult | Mapping[str, Any]

#: the report formats of ``render`` (and of the CLI's ``--format``)
REPORT_FORMATS = ("markdown", "html")

#: the fields of the default (regulatory) task's highlights, with the names the legend shows
#: (a report's legend is its task's: ``Task.report.fields``, then findings)
FIELD_NAMES: dict[str, str] = {**dict(get_task().report.fields), "finding": "Finding"}

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
#: the first part of a finding's path, and the item it points at ("next_steps[1].timing")
_CLAIM_PATH = re.compile(r"^([A-Za-z_]\w*)(?:\[(\d+)\])?")
#: a field name as CSS and the templates take it
_FIELD = re.compile(r"[a-z][a-z0-9_]*")
#: fields the stylesheet colours itself; any other field takes a palette colour
_STYLED = ("outcome", "rationale", "next_steps", "sentiment", "finding")
_PALETTE = 6


# -- input ---------------------------------------------------------------------------------------


def coerce_result(item: RecordLike) -> SummaryResult:
    """A ``SummaryResult`` from itself or from a CLI record (JSON dict).

    Keys a result does not know (``id`` and ``backend`` of ``summarizer eval`` records) are
    ignored; a record without ``source`` is named by its ``id``. Raises ``InputError`` when the
    record is not a summary record.
    """
    if isinstance(item, SummaryResult):
        return item
    if not isinstance(item, Mapping):
        raise InputError(f"expected a summary record (JSON object), got {type(item).__name__}")
    known = {k: v for k, v in item.items() if k in SummaryResult.model_fields}
    if known.get("source") is None and isinstance(item.get("id"), str):
        known["source"] = item["id"]
    try:
        return SummaryResult.model_validate(known)
    except ValidationError as exc:
        raise InputError(f"not a summary record: {validation_message(exc)}") from None


_PIECE = 1 << 16


def load_records(path: Path | str, *, name: str | None = None) -> list[SummaryResult]:
    """Read the records of a ``summarize``/``eval`` output file: JSONL, or (indented) JSON.

    Raises ``InputError`` naming the file (and line) when it is missing, unreadable, not JSON,
    holds something other than summary records, or holds none. For a file too large to hold in
    memory, iterate ``iter_records`` instead.
    """
    if not isinstance(path, str | os.PathLike):
        raise ConfigurationError(f"path must be a file path, got {describe(path)}")
    name = name or str(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the last record
    except FileNotFoundError:
        raise InputError(f"no such file: {name!r}") from None
    except OSError as exc:
        raise InputError(f"cannot read {name!r}: {exc.strerror or exc}") from None
    with handle:
        results = list(iter_records(handle, name=name))
    if not results:
        raise InputError(f"{name!r} holds no records")
    return results


def parse_records(raw: str, *, name: str = "<input>") -> list[SummaryResult]:
    """Parse JSONL text (or JSON records or a list of them) into results; see ``load_records``."""
    if not isinstance(raw, str):
        raise ConfigurationError(f"raw must be text, got {describe(raw)}")
    results = list(iter_records(io.BytesIO(raw.encode("utf-8", "surrogatepass")), name=name))
    if not results:
        raise InputError(f"{name!r} holds no records")
    return results


def iter_records(stream: IO[bytes], *, name: str = "<input>",
                 max_record_bytes: int = MAX_RECORD_BYTES) -> Iterator[SummaryResult]:
    """The records of a binary stream, one at a time: JSONL, or indented JSON records (one, a
    list, or several one after another, as ``summarize --format json`` writes them).

    Lines are split at ``\\n`` only (a record may hold U+2028 and other separators), and no line
    is read past ``max_record_bytes``: an endless or binary stream is refused after its first
    piece. Raises ``InputError`` naming the stream and the line.
    """
    for where, value in iter_json(stream, name=name, max_record_bytes=max_record_bytes):
        yield from _results(value, where)


def iter_json(stream: IO[bytes], *, name: str = "<input>",
              max_record_bytes: int = MAX_RECORD_BYTES) -> Iterator[tuple[str, Any]]:
    """The JSON values of a records stream (see ``iter_records``) with where each starts
    (``name:line``), not yet read as records."""
    pending: list[bytes] = []  # the lines of an indented record being read
    pending_size = 0
    start = 0
    number = 0
    while True:
        line = _read_line(stream, name, number + 1, max_record_bytes)
        if line is None:
            break
        number += 1
        if pending:
            pending.append(line)
            pending_size += len(line)
            if pending_size > max_record_bytes:
                raise InputError(f"{name}:{start}: record longer than {max_record_bytes} bytes")
            if line.rstrip(b"\r\n") in (b"}", b"]"):  # an unindented close: the record may end
                value = _json(b"".join(pending))
                if value is not _INVALID:
                    pending.clear()
                    pending_size = 0
                    yield f"{name}:{start}", value
            continue
        bare = line.strip()
        if not bare:
            continue
        value = _json(line)
        if value is not _INVALID:
            yield f"{name}:{number}", value
        elif bare in (b"{", b"[") or bare.endswith((b"{", b"[", b",")):  # indented JSON
            pending, pending_size, start = [line], len(line), number
        else:
            raise InputError(f"{name}:{number}: invalid JSON ({_json_error(line)})")
    if pending:
        value = _json(b"".join(pending))
        if value is _INVALID:
            raise InputError(f"{name}:{start}: invalid JSON ({_json_error(b''.join(pending))})")
        yield f"{name}:{start}", value


_INVALID = object()


def _read_line(stream: IO[bytes], name: str, number: int, limit: int) -> bytes | None:
    """The next line (None at the end), read in pieces: a first piece that cannot start JSON
    ends the reading at once; a line that never ends is refused at ``limit`` bytes."""
    try:
        piece = _bytes(stream.readline(_PIECE))
        if not piece:
            return None
        if piece.endswith(b"\n") or len(piece) < _PIECE:
            return piece
        head = piece.lstrip()
        if head and head[:1] not in b"{[\"" and not head[:1].isalnum():
            raise InputError(f"{name}:{number}: not JSON records (the line starts with "
                             f"{bytes(head[:8])!r})")
        pieces = [piece]
        size = len(piece)
        while not pieces[-1].endswith(b"\n"):
            piece = _bytes(stream.readline(_PIECE))
            if not piece:
                break
            size += len(piece)
            if size > limit:
                raise InputError(f"{name}:{number}: line longer than {limit} bytes")
            pieces.append(piece)
        return b"".join(pieces)
    except OSError as exc:
        raise InputError(f"cannot read {name!r}: {exc.strerror or exc}") from None


def _bytes(piece: bytes | str) -> bytes:
    """A piece of the stream as bytes (a text stream, e.g. a replaced ``sys.stdin``, gives str)."""
    return piece.encode("utf-8", "surrogateescape") if isinstance(piece, str) else piece


def _json(data: bytes) -> Any:
    try:
        return json.loads(data)
    except ValueError:  # JSONDecodeError, or bytes that are not UTF-8
        return _INVALID


def _json_error(data: bytes) -> str:
    try:
        json.loads(data)
    except json.JSONDecodeError as exc:
        return exc.msg
    except ValueError as exc:
        return " ".join(str(exc).split())[:120]
    return "unknown"


def _results(value: Any, where: str) -> Iterator[SummaryResult]:
    listed = value if isinstance(value, list) else [value]
    for i, item in enumerate(listed, 1):
        try:
            yield coerce_result(item)
        except InputError as exc:
            at = f"{where}: item {i}" if isinstance(value, list) else where
            raise InputError(f"{at}: {exc.message}") from None


# -- highlighting --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A highlighted passage of the source: one claim's evidence or one finding's location."""

    id: str
    field: str
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """A run of source text covered by one set of spans, outermost first (empty: plain text)."""

    text: str
    spans: tuple[Span, ...] = ()

    @property
    def field(self) -> str:
        """The colour: the innermost claim's field (a nested passage keeps its own colour);
        ``finding`` when only findings cover the segment."""
        claims = [s.field for s in self.spans if s.field != "finding"]
        return claims[-1] if claims else ("finding" if self.spans else "")

    @property
    def has_finding(self) -> bool:
        return any(s.field == "finding" for s in self.spans)

    @property
    def stripes(self) -> str:
        """Inline CSS underlining the segment with one stripe per claim quoting it, innermost
        at the bottom, so every claim stays visible where quotes overlap."""
        fields = [s.field for s in reversed(self.spans) if s.field != "finding"]
        return ", ".join(f"inset 0 -{2 * (i + 1)}px 0 var(--c-{f})" for i, f in enumerate(fields))

    @property
    def ids(self) -> str:
        return " ".join(span.id for span in self.spans)


def split_segments(text: str, spans: Iterable[Span],
                   rank: Mapping[str, int] | None = None) -> list[Segment]:
    """Cut ``text`` at every span border, so overlapping and nested spans highlight correctly.

    Each segment lists the spans covering all of it, longest first; of spans with the same
    extent the field ranked higher in ``rank`` (the card's first fields: its lead claim) is
    drawn on top (default: the regulatory task's order). Spans outside the text or empty are
    dropped; concatenating the segments gives ``text`` back.
    """
    order = rank if rank is not None else _rank(tuple(FIELD_NAMES))
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text)} | {s.start for s in valid} | {s.end for s in valid})
    segments = []
    for a, b in itertools.pairwise(cuts):
        covering = sorted((s for s in valid if s.start <= a and b <= s.end),
                          key=lambda s: (-(s.end - s.start), order.get(s.field, 0), s.id))
        segments.append(Segment(text[a:b], tuple(covering)))
    return segments


# -- view model ----------------------------------------------------------------------------------


@dataclass
class FindingView:
    """A rule finding as shown: badge, message, and the passage it points to if any."""

    id: str
    severity: str
    rule: str
    path: str
    message: str
    start: int | None = None
    end: int | None = None

    @property
    def located(self) -> bool:
        return self.start is not None


def _rank(fields: Sequence[str]) -> dict[str, int]:
    """Which colour wins when spans have the same extent: the legend's first field (the lead
    claim) is drawn on top, findings at the bottom."""
    named = [f for f in fields if f != "finding"]
    return {"finding": 0, **{f: len(named) - i for i, f in enumerate(named)}}


@dataclass
class Claim:
    """One claim of a summary with its evidence, for both renderers."""

    id: str
    field: str
    heading: str
    text: str
    details: list[str]
    quote: str | None
    match: str
    start: int | None = None
    end: int | None = None
    findings: list[FindingView] = dataclasses.field(default_factory=list)
    #: in Markdown: bold before the statement (who acts), italics after it (when)
    tag: str = ""
    aside: str = ""

    @property
    def located(self) -> bool:
        """Whether the quote was found in the (available) source text."""
        return self.start is not None

    @property
    def label(self) -> str:
        """The tooltip a highlight of this claim shows."""
        return f"{self.heading}: {self.text}"


@dataclass
class SectionView:
    """A list of claims of one field under its heading (with the findings about the list)."""

    field: str
    heading: str
    empty: str
    claims: list[Claim] = dataclasses.field(default_factory=list)
    findings: list[FindingView] = dataclasses.field(default_factory=list)


@dataclass
class DocumentView:
    """Everything the templates show for one result, computed once."""

    number: int
    anchor: str
    source: str
    result: SummaryResult
    title: str
    company: str
    meta_line: str
    cells: list[IndexCell] = dataclasses.field(default_factory=list)
    tone: str = ""
    lead: Claim | None = None
    lead_info: CardLead | None = None
    lead_heading: str = ""
    lead_missing: str = ""
    text: str = ""
    sections: list[SectionView] = dataclasses.field(default_factory=list)
    sentiment: Sentiment | None = None
    sentiment_claim: Claim | None = None
    findings: list[FindingView] = dataclasses.field(default_factory=list)
    segments: list[Segment] | None = None

    @property
    def claims(self) -> list[Claim]:
        head = [self.lead] if self.lead else []
        tail = [self.sentiment_claim] if self.sentiment_claim else []
        return head + [c for s in self.sections for c in s.claims] + tail


def _bounds(start: int | None, end: int | None, text: str | None) -> tuple[int | None, int | None]:
    """The offsets when they index a passage of ``text``, else (None, None)."""
    if text is None or start is None or end is None or not 0 <= start < end <= len(text):
        return None, None
    return start, end


def _claim(prefix: str, claim: CardClaim, text: str | None) -> Claim:
    evidence: Evidence | None = claim.evidence
    start, end = _bounds(evidence.start, evidence.end, text) if evidence else (None, None)
    return Claim(
        id=f"{prefix}-{claim.id}", field=_field(claim.field), heading=claim.heading,
        text=claim.statement, details=[d for d in claim.details if d],
        quote=evidence.quote if evidence is not None else None,
        match=evidence.match if evidence is not None else "none",
        start=start, end=end, tag=claim.label, aside=claim.aside,
    )


def _field(name: str) -> str:
    """A card's field name as the page uses it (class names, data attributes): as it is when
    it is a plain lower-case name, else reduced to one."""
    if _FIELD.fullmatch(name):
        return name
    return "f" + re.sub(r"[^a-z0-9_]", "_", name.lower())


def _claim_id_for(path: str, prefix: str) -> str | None:
    """The claim a finding's path is about (``next_steps[1].timing`` -> ``d1-next_steps-1``)."""
    match = _CLAIM_PATH.match(path)
    if match is None:
        return None
    if match.group(2) is not None:
        return f"{prefix}-{match.group(1)}-{match.group(2)}"
    return f"{prefix}-{match.group(1)}"


def _finding_views(findings: Sequence[Finding], prefix: str, text: str | None,
                   ) -> list[FindingView]:
    """The findings, errors first; ids keep the record's order so they stay stable."""
    ordered = sorted(enumerate(findings), key=lambda p: (_SEVERITY_ORDER[p[1].severity], p[0]))
    views = []
    for i, f in ordered:
        start, end = _bounds(f.start, f.end, text)
        views.append(FindingView(id=f"{prefix}-finding-{i}", severity=f.severity, rule=f.rule,
                                 path=f.path, message=f.message, start=start, end=end))
    return views


def _meta_line(result: SummaryResult) -> str:
    meta = result.meta
    if meta is None:
        return ""
    parts = [f"{meta.backend} backend"]
    if meta.model:
        parts.append(f"model {meta.model}")
    if meta.published:
        parts.append(f"published {meta.published}")
    if meta.latency_s >= 0.1:
        parts.append(f"{meta.latency_s:.1f} s")
    if result.usage.total_tokens:
        parts.append(f"{result.usage.total_tokens:,} tokens")
    return " · ".join(parts)


def card_of(result: SummaryResult) -> Card | None:
    """The card of a result's summary, drawn by the result's own task (None without one)."""
    if result.summary is None:
        return None
    task = get_task(result.meta.task if result.meta is not None else None)
    return task.card(result.summary)


def document_view(result: SummaryResult, number: int,
                  columns: Sequence[str] | None = None) -> DocumentView:
    """Compute what both renderers show for one result (``number`` counts from 1); ``columns``
    are the index's labels (default: the result's task's)."""
    prefix = f"d{number}"
    source = result.source or f"document {number}"
    text = result.text
    card = card_of(result)
    if columns is None:
        task = get_task(result.meta.task if result.meta is not None else None)
        columns = task.report.columns or (tuple(c.label for c in card.index) if card else ())
    by_label = {cell.label: cell for cell in card.index} if card else {}
    view = DocumentView(
        number=number, anchor=prefix, source=source, result=result,
        title=card.title if card else source, company=card.byline if card else "",
        meta_line=_meta_line(result),
        cells=[by_label.get(label, IndexCell(label, "")) for label in columns],
        findings=_finding_views(result.findings, prefix, text),
    )
    if card is not None:
        _fill(view, card, prefix, text)
    by_claim = {claim.id: claim for claim in view.claims}
    sections = {section.field: section for section in view.sections}
    for finding in view.findings:
        cid = _claim_id_for(finding.path, prefix)
        if cid in by_claim:
            by_claim[cid].findings.append(finding)
        elif finding.path in sections:  # about the list as a whole
            sections[finding.path].findings.append(finding)
    if text is not None:
        spans = [Span(c.id, c.field, c.start, c.end)
                 for c in view.claims if c.start is not None and c.end is not None]
        spans += [Span(f.id, "finding", f.start, f.end)
                  for f in view.findings if f.start is not None and f.end is not None]
        fields = [f for f, _ in card.fields] if card else []
        view.segments = split_segments(text, spans, _rank(fields))
    return view


def _fill(view: DocumentView, card: Card, prefix: str, text: str | None) -> None:
    """The card's claims laid out: the lead card, the sections, the sentiment."""
    lead_id = card.lead.claim if card.lead is not None else None
    view.tone = card.lead.tone if card.lead is not None else ""
    view.lead_info, view.lead_heading = card.lead, card.lead_heading
    view.lead_missing, view.text, view.sentiment = card.lead_missing, card.text, card.sentiment
    names = dict(card.fields)
    sections = [SectionView(_field(s.field), s.heading, s.empty) for s in card.sections]
    by_field = {s.field: s for s in sections}
    for claim in card.claims:
        shown = _claim(prefix, claim, text)
        if claim.id == lead_id:
            view.lead = shown
        elif claim.id == "sentiment" and card.sentiment is not None:
            view.sentiment_claim = shown
        else:
            if shown.field not in by_field:  # a field the card lays out nowhere: its own list
                name = names.get(claim.field, claim.field.replace("_", " ").capitalize())
                by_field[shown.field] = SectionView(shown.field, name, "None.")
                sections.append(by_field[shown.field])
            by_field[shown.field].claims.append(shown)
    view.sections = sections


def _page_fields(task: Task, extra: Iterable[tuple[str, str]] = ()) -> dict[str, str]:
    """The legend: the task's fields, those any card added, then findings."""
    fields = {_field(k): v for k, v in (*task.report.fields, *extra)}
    return {**fields, "finding": "Finding"}


def _field_style(fields: Iterable[str]) -> str:
    """CSS colouring the fields the stylesheet does not know (each a palette colour)."""
    rules = []
    for i, field in enumerate(f for f in fields if f not in _STYLED):
        slot = f"p{i % _PALETTE}"
        rules.append(f".f-{field} {{ --c: var(--c-{slot}); --bg: var(--bg-{slot}); "
                     f"--hot: var(--hot-{slot}); }}\n"
                     f'mark.hl.active[data-active="{field}"] {{ background: var(--hot-{slot}); }}')
    return "\n".join(rules)


# -- Markdown ------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")
_MD_HTML = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
#: raw HTML a Markdown renderer would pass through: tags, and & only where it starts an entity
_MD_HTML_SYNTAX = re.compile(r"[<>]|&(?=#?\w+;)")


def _md(value: object) -> str:
    """One line of Markdown-safe text: whitespace collapsed, HTML and Markdown syntax escaped."""
    text = " ".join(str(value).split())
    text = _MD_HTML_SYNTAX.sub(lambda m: _MD_HTML[m.group()], text)
    return _MD_SPECIAL.sub(r"\\\1", text)


_IDENTIFIER = re.compile(r"[\w.\[\]-]+")


def _code(value: str) -> str:
    """A rule name or JSON path as inline code; anything else (it comes from a record, so it
    could be anything) as escaped text."""
    return f"`{value}`" if _IDENTIFIER.fullmatch(value) else _md(value)


def _md_findings(findings: Sequence[FindingView]) -> list[str]:
    if not findings:
        return ["**Findings:** none"]
    lines = [f"**Findings** ({_finding_counts(findings)})"]
    lines += [f"- **{f.severity}** {_code(f.rule)} at {_code(f.path)}: {_md(f.message)}"
              for f in findings]
    return lines


def _finding_counts(findings: Sequence[FindingView]) -> str:
    counts = {s: sum(f.severity == s for f in findings) for s in _SEVERITY_ORDER}
    return ", ".join(f"{n} {s}" for s, n in counts.items() if n)


def _md_document(view: DocumentView) -> list[str]:
    result = view.result
    lines = [f"## {view.number}. {_md(view.title)}", ""]
    byline = [_md(view.source)] + ([_md(view.company)] if view.company else [])
    if view.meta_line:
        byline.append(_md(view.meta_line))
    lines += [" · ".join(byline), ""]
    if result.error is not None:
        e = result.error
        lines += [f"**Error:** {_md(e.type)} ({_md(e.code)}): {_md(e.message)}", ""]
    if result.summary is None:  # an error record: no claims to list
        return [*lines, *_md_findings(view.findings), ""] if view.findings else lines
    lead = view.lead_info
    if lead is not None:
        rest = "; ".join(value for _, value in lead.facts)
        head = " · ".join(_md(part) for part in (lead.tag, lead.verdict, lead.pill) if part)
        lines += [f"**{_md(view.lead_heading)}:** {head}" + (f" — {_md(rest)}" if rest else ""),
                  ""]
    elif view.lead_heading:
        lines += [f"**{_md(view.lead_heading)}:** {_md(view.lead_missing)}", ""]
    if view.text:
        lines.append(_md(view.text))
    for section in view.sections:
        lines += [""] * (lines[-1] != "") + [f"**{_md(section.heading)}**"]
        lines += [_md_item(c) for c in section.claims] or ["- none"]
    st = view.sentiment
    if st is not None:
        lines += ["", f"**Sentiment:** {st.label} ({st.score:+.2f}) — {_md(st.rationale)}"]
    return [*lines, "", *_md_findings(view.findings), ""]


def _md_item(claim: Claim) -> str:
    """One claim as a bullet: its tag in bold, then the statement, then its aside in italics
    (or, without one, its details in brackets)."""
    who = f"**{_md(claim.tag)}:** " if claim.tag else ""
    if claim.aside:
        return f"- {who}{_md(claim.text)} — *{_md(claim.aside)}*"
    details = f" ({_md(', '.join(claim.details))})" if claim.details else ""
    return f"- {who}{_md(claim.text)}{details}"


def render_markdown(results: Iterable[RecordLike], *, title: str | None = None,
                    task: str | Task | None = None) -> str:
    """A compact Markdown report: per document the headline, the lead line (the outcome), the
    card's lists as bullets (reasons, next steps with timing), sentiment and findings; an
    index table for several. ``task`` sets the index columns and the default title."""
    return render(results, "markdown", title=title, task=task)


def _md_index_row(v: DocumentView) -> str:
    status = "error" if v.result.error else str(len(v.findings))
    cells = [str(v.number), v.source, *(cell.text for cell in v.cells), status]
    return "| " + " | ".join(_md(c) for c in cells) + " |"


class _Lines:
    """Markdown lines written as ``"\\n".join(lines).rstrip() + "\\n"`` would give them, one
    piece at a time: line breaks wait until more text follows, so none trail at the end."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.breaks = -1

    def add(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.breaks += 1
            if line:
                self.out.write("\n" * self.breaks + line)
                self.breaks = 0

    def end(self) -> None:
        self.out.write("\n")


# -- HTML ----------------------------------------------------------------------------------------


def _asset(name: str) -> str:
    return resources.files("summarizer").joinpath("templates", name).read_text(encoding="utf-8")


@cache
def _environment() -> Environment:
    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["words"] = _words  # a code as words ("negative_opinion": "negative opinion")
    return env


def _words(code: str) -> str:
    return code.replace("_", " ")


def _csp_hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()


def render_html(results: Iterable[RecordLike], *, title: str | None = None,
                timeline_href: str | None = None, task: str | Task | None = None) -> str:
    """One self-contained HTML page: index table, then per document its card (the lead card,
    e.g. the outcome; the lists, e.g. rationale and next steps; sentiment; findings) beside the
    highlighted release. ``timeline_href`` links the page to the timeline page of the same
    records; ``task`` sets the index columns and the default title."""
    return render(results, "html", title=title, timeline_href=timeline_href, task=task)


def render(results: Iterable[RecordLike], fmt: str, *, title: str | None = None,
           timeline_href: str | None = None, task: str | Task | None = None) -> str:
    """Render in one of ``REPORT_FORMATS``: ``html`` or ``markdown``."""
    if isinstance(results, str | bytes | Mapping) or not isinstance(results, Iterable):
        raise ConfigurationError(
            f"results must be an iterable of results or records, got {describe(results)}")
    with ReportBuilder(fmt, title=title, timeline_href=timeline_href, task=task) as builder:
        for item in results:
            builder.add(item)
        out = io.StringIO()
        builder.write(out)
    return out.getvalue()


#: what a report keeps in memory before its spooled records and index rows go to disk
_SPOOL_MEMORY = 1024 * 1024


class ReportBuilder:
    """A report built record by record in bounded memory.

    ``add`` renders the record's index row at once and spools the record to a temporary file;
    ``write`` writes the page (head, index, one document at a time, tail) to a text stream;
    ``timeline_href`` links the page to the timeline page of the same records. ``task`` sets
    the index columns, the legend and the default ``title`` (None: the first record's task, the
    default task for records without one); each record is drawn by its own task's card.
    ``count`` is the number of records, ``missing_text`` how many results lack their release
    text. Use it as a context manager (or ``close`` it) to remove the temporary files.

    >>> with ReportBuilder("html") as report:  # doctest: +SKIP
    ...     for result in results:
    ...         report.add(result)
    ...     report.write(out)
    """

    def __init__(self, fmt: str = "html", *, title: str | None = None,
                 timeline_href: str | None = None, task: str | Task | None = None) -> None:
        if fmt not in REPORT_FORMATS:
            raise ConfigurationError(
                f"unknown report format {describe(fmt)}; use one of {', '.join(REPORT_FORMATS)}")
        if title is not None and not isinstance(title, str):
            raise ConfigurationError(f"title must be text, got {describe(title)}")
        self._task = get_task(task) if task is not None else None
        self.fmt = fmt
        self._title = title
        self.columns: tuple[str, ...] = self._task.report.columns if self._task else ()
        self._fields: dict[str, str] = {}
        self.timeline_href = timeline_href
        self.count = 0
        self.missing_text = 0
        # both closed by close() / the context manager
        self._records = tempfile.SpooledTemporaryFile(_SPOOL_MEMORY, "w+", encoding="utf-8")  # noqa: SIM115
        self._rows = tempfile.SpooledTemporaryFile(_SPOOL_MEMORY, "w+", encoding="utf-8")  # noqa: SIM115
        self._html: Any = None

    def __enter__(self) -> ReportBuilder:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Remove the spooled records and rows."""
        self._records.close()
        self._rows.close()

    @property
    def task(self) -> Task:
        """The report's task (the first record's, until one is given or added)."""
        return self._task if self._task is not None else get_task()

    @property
    def title(self) -> str:
        return self._title if self._title is not None else self.task.report.title

    def add(self, item: RecordLike) -> None:
        """Take one result or record (``InputError`` when it is not a summary record)."""
        result = coerce_result(item)
        if self._task is None:  # the first record names the report's task
            self._task = get_task(result.meta.task if result.meta is not None else None)
            self.columns = self._task.report.columns
        self.count += 1
        self.missing_text += result.ok and result.text is None
        view = document_view(result, self.count, self.columns or None)
        if not self.columns:  # a task without index columns: the first card's labels
            self.columns = tuple(cell.label for cell in view.cells)
        card = card_of(result)
        if card is not None:
            self._fields.update((k, v) for k, v in card.fields if k not in self._fields)
        if self.fmt == "html":
            self._rows.write(str(self._macros().index_row(view)))
        else:
            self._rows.write(_md_index_row(view) + "\n")
        self._records.write(dump_record(result.to_record(include_text=True)) + "\n")

    def write(self, out: TextIO) -> None:
        """Write the whole report to ``out``."""
        if self.fmt == "html":
            self._write_html(out)
        else:
            self._write_markdown(out)

    def results(self) -> Iterator[SummaryResult]:
        """The records added so far, read back one at a time from the spool."""
        self._records.seek(0)
        for line in self._records:
            yield coerce_result(json.loads(line))

    def _views(self) -> Iterator[DocumentView]:
        for number, result in enumerate(self.results(), 1):
            yield document_view(result, number, self.columns)

    def _copy_rows(self, out: TextIO) -> None:
        self._rows.seek(0)
        while chunk := self._rows.read(1 << 20):
            out.write(chunk)

    def _macros(self) -> Any:
        if self._html is None:
            self._html = _environment().from_string(_asset("report.html.j2")).module
        return self._html

    def _write_html(self, out: TextIO) -> None:
        html = self._macros()
        script, style = _asset("report.js"), _asset("report.css")
        fields = _page_fields(self.task, self._fields.items())
        out.write(html.page_head(self.title, style, _csp_hash(script), fields, self.count,
                                 self.missing_text, self.timeline_href, self.columns,
                                 _field_style(fields)))
        if self.count > 1:
            self._copy_rows(out)
        out.write(html.index_end(self.count))
        for view in self._views():
            out.write(html.article(view))
        out.write(html.page_tail(script))

    def _write_markdown(self, out: TextIO) -> None:
        lines = _Lines(out)
        lines.add([f"# {_md(self.title)}", ""])
        if self.count > 1:
            labels = ["#", "document", *(_md(c.lower()) for c in self.columns), "findings"]
            lines.add(["| " + " | ".join(labels) + " |",
                       "|" + "---|" * len(labels)])
            self._rows.seek(0)
            lines.add(row.rstrip("\n") for row in self._rows)
            lines.add([""])
        for view in self._views():
            lines.add(_md_document(view))
        lines.end()
