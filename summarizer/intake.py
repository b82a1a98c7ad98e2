"""Load a press release (text, bytes or file) into a ``Document``: decode, detect format, extract.

Offset contract: ``Document.text`` is the string every character offset in the library indexes.

* plain-text ``str`` input: ``Document.text`` is *exactly* the caller's string, unchanged (no
  stripping, no newline or Unicode normalisation), so offsets index the caller's own text;
* ``bytes`` / file input holding plain text: the decoded text, exactly (a leading BOM is dropped);
* HTML input: the visible text extracted from it; EDGAR full-submission input: the text of the
  press-release exhibit (EX-99.x), itself extracted when it is HTML.

Any cleaning for the model happens only in ``sections.prompt_view``, never in ``Document.text``.
Bad input raises ``InputError`` (``InputTooLargeError`` over the byte limit) and nothing else.
"""

from __future__ import annotations

import datetime
import os
import re
import stat
from collections.abc import Callable
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from summarizer.document import Document, DocumentKind
from summarizer.errors import ConfigurationError, InputError, InputTooLargeError
from summarizer.sections import segment

__all__ = [
    "DEFAULT_MAX_INPUT_BYTES",
    "Document",
    "decode_bytes",
    "html_to_text",
    "load",
    "read_file",
    "read_stream",
    "source_name",
    "source_path",
]

DEFAULT_MAX_INPUT_BYTES = 20 * 1024 * 1024

# --------------------------------------------------------------------------------------------
# decoding

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"PK\x03\x04", "ZIP/Office"),
    (b"PK\x05\x06", "ZIP"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2/Word"),
    (b"\x7fELF", "ELF"),
    (b"{\\rtf", "RTF"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # C0/C1 controls but tab and line breaks
_SURROGATE = re.compile("[\ud800-\udfff]")
_BLANK = re.compile("[\\s\ufeff\u200b-\u200d\u2060]*")  # whitespace and zero-width characters
_MAX_CONTROL_RATIO = 0.05


def decode_bytes(data: bytes) -> str:
    """Decode a text file's bytes: BOM or strict UTF-8, then cp1252, then latin-1.

    Binary content (NUL bytes, PDF/PNG/ZIP/GIF/JPEG/... signatures, many control characters)
    raises ``InputError``; the result is the exact decoded text (a BOM is not part of it).
    """
    head = bytes(data[:16])
    for magic, name in _BINARY_MAGIC:
        if head.startswith(magic):
            raise InputError(f"input looks like a {name} file, not text")
    text: str | None = None
    for bom, codec in _BOMS:
        if head.startswith(bom):
            try:
                text = bytes(data[len(bom) :]).decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"input has a {codec} byte-order mark but is not {codec}") from exc
            break
    if text is None:
        if b"\x00" in data:
            raise InputError("input contains NUL bytes: binary data, not text")
        for codec in ("utf-8", "cp1252"):
            try:
                text = bytes(data).decode(codec)
                break
            except UnicodeDecodeError:
                continue
        else:
            text = bytes(data).decode("latin-1")
    _check_text(text)
    return text


def _check_text(text: str) -> None:
    """Reject text that is really binary (NULs, control characters) or broken (lone surrogates)."""
    if "\x00" in text:
        raise InputError("input contains NUL characters: binary data, not text")
    sample = text[:100_000]
    controls = len(_CONTROL.findall(sample))
    if controls > max(3, _MAX_CONTROL_RATIO * len(sample)):
        raise InputError(
            f"input looks binary: {controls} control characters in {len(sample)} characters"
        )
    if _SURROGATE.search(text):
        raise InputError("input text contains unpaired surrogate code points")


# --------------------------------------------------------------------------------------------
# loading


def load(
    obj: str | bytes | os.PathLike[str],
    *,
    source: str | None = None,
    published: datetime.date | None = None,
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES,
) -> Document:
    """Load a release from its text (``str``), raw bytes, or a file path (``os.PathLike``).

    A ``str`` is always the document itself, never a path. Formats are detected (EDGAR
    full submission, HTML, plain text); see the module docstring for what ``text`` holds.
    """
    if not isinstance(max_input_bytes, int) or max_input_bytes <= 0:
        raise ConfigurationError(f"max_input_bytes must be a positive integer: {max_input_bytes!r}")
    if isinstance(obj, str):
        if len(obj) > max_input_bytes:  # each character is at least one byte: no need to encode
            _check_size(len(obj), max_input_bytes, "input text (at least)")
        _check_size(len(obj.encode("utf-8", "surrogatepass")), max_input_bytes, "input text")
        _check_text(obj)
        raw = obj
    elif isinstance(obj, (bytes, bytearray, memoryview)):
        data = bytes(obj)
        _check_size(len(data), max_input_bytes, "input bytes")
        raw = decode_bytes(data)
    elif isinstance(obj, os.PathLike):
        path = os.fsdecode(os.fspath(obj))
        raw = decode_bytes(read_file(path, max_input_bytes))
        source = path if source is None else source
    else:
        raise InputError(f"unsupported input type {type(obj).__name__}: pass str, bytes or a path")
    kind: DocumentKind = "text"
    text = raw
    if _looks_edgar(raw):
        kind = "edgar"
        text, filed = _edgar_press_release(raw)
        published = filed if published is None else published
    elif _looks_html(raw):
        kind = "html"
        text = html_to_text(raw)
    if _BLANK.fullmatch(text):
        what = {"text": "", "html": " after HTML text extraction", "edgar": " (EDGAR exhibit)"}
        raise InputError(f"document is empty{what[kind]}: no text to summarize")
    return Document(text, kind, published, source, segment(text))


def _check_size(size: int, limit: int, what: str) -> None:
    if size > limit:
        raise InputTooLargeError(f"{what} is {size} bytes, over the limit of {limit} bytes")


def read_file(path: str, limit: int) -> bytes:
    """Read a regular file, checking its size with stat() before reading anything, and no
    further than ``limit + 1`` bytes (a file that grows meanwhile); ``InputError`` otherwise."""
    try:
        st = os.stat(path)
    except FileNotFoundError as exc:
        raise InputError(f"input file not found: {path}") from exc
    except OSError as exc:
        raise InputError(f"cannot access input file {path}: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"input path is a directory, not a file: {path}")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"input path is not a regular file: {path}")
    _check_size(st.st_size, limit, f"input file {path}")
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read input file {path}: {exc.strerror or exc}") from exc
    _check_size(len(data), limit, f"input file {path}")
    return data


def read_stream(stream: Any, limit: int, what: str = "standard input") -> bytes:
    """Read a byte stream (standard input, a pipe) up to ``limit`` bytes: a longer one raises
    ``InputTooLargeError`` once ``limit + 1`` bytes are in, so an endless stream is refused
    without being read; a closed or unreadable one raises ``InputError``."""
    if stream is None:
        raise InputError(f"{what} is closed")
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= limit:
            chunk = stream.read(min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            if isinstance(chunk, str):  # a text stream (a replaced sys.stdin): its UTF-8
                chunk = chunk.encode("utf-8", "surrogateescape")
            chunks.append(chunk)
            size += len(chunk)
    except (OSError, ValueError) as exc:  # ValueError: read from a closed file
        raise InputError(f"cannot read {what}: {getattr(exc, 'strerror', None) or exc}") from exc
    _check_size(size, limit, what.capitalize() if what == "standard input" else what)
    return b"".join(chunks)


_ESCAPED_BYTE = re.compile(r"\\(\\|x[0-9a-f]{2})")


def source_name(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """A file name as text every JSON reader accepts, for the ``source`` of its record.

    A name that is valid text is itself. A name that is not valid UTF-8 (the file system's
    bytes, which Python carries as surrogate escapes) gets each undecodable byte written as
    ``\\xNN`` and its backslashes doubled; ``source_path`` turns that back into the name.
    """
    name = os.fsdecode(os.fspath(path))
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        raw = os.fsencode(name)
    except UnicodeEncodeError:  # surrogates that are no file system bytes: keep them visible
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")


def source_path(source: str) -> str:
    """The file name a ``source_name`` stands for. A source whose escapes do not unescape to
    bytes that are invalid UTF-8 was written as it is and is returned unchanged (a real name
    that holds ``\\xNN`` text reads the same as an escaped one: ``--resume`` checks both)."""
    if "\\" not in source:
        return source
    raw = bytearray()
    last = 0
    for m in _ESCAPED_BYTE.finditer(source):
        raw += source[last : m.start()].encode("utf-8", "surrogatepass")
        raw += b"\\" if m.group(1) == "\\" else bytes([int(m.group(1)[1:], 16)])
        last = m.end()
    raw += source[last:].encode("utf-8", "surrogatepass")
    try:
        bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return os.fsdecode(bytes(raw))
    return source


# --------------------------------------------------------------------------------------------
# EDGAR full submissions

_EDGAR_START = re.compile(r"\s*<(?:SEC-DOCUMENT|SEC-HEADER|IMS-DOCUMENT|IMS-HEADER)>", re.I)
_EDGAR_DOC = re.compile(r"<DOCUMENT>\s*<TYPE>", re.I)
_EDGAR_DATES = (
    re.compile(r"FILED\s+AS\s+OF\s+DATE:\s*(\d{8})", re.I),
    re.compile(r"<ACCEPTANCE-DATETIME>\s*(\d{8})", re.I),
    re.compile(r"<(?:SEC|IMS)-DOCUMENT>[^\n]*?:\s*(\d{8})", re.I),
)
_TAG_VALUE = re.compile(r"<TYPE>[ \t]*([^\s<]+)", re.I)
_EDGAR_MARK = re.compile(r"<(/?)DOCUMENT>", re.I)
_EDGAR_TEXT_OPEN = re.compile(r"<TEXT>", re.I)
_EDGAR_TEXT_CLOSE = re.compile(r"</TEXT>", re.I)
_BINARY_TYPES = ("GRAPHIC", "ZIP", "PDF", "EXCEL", "XML", "JSON", "EX-101")


def _looks_edgar(text: str) -> bool:
    return bool(_EDGAR_START.match(text[:2000]) or _EDGAR_DOC.search(text[:200_000]))


def _edgar_press_release(text: str) -> tuple[str, datetime.date | None]:
    """Pick the EX-99.1 exhibit (else the first EX-99*, else the first text document).

    Linear in the submission: a ``<DOCUMENT>`` ends at its ``</DOCUMENT>`` or, left unclosed,
    where the next one begins; only positions are kept, and only the chosen document's text is
    copied (thousands of unclosed blocks each reaching to the end of the file cost gigabytes).
    """
    filed = _edgar_date(text[:20_000])
    docs: list[tuple[str, int, int]] = []
    start: int | None = None
    for m in _EDGAR_MARK.finditer(text):
        if start is not None:
            docs.append((_edgar_type(text, start, m.start()), start, m.start()))
        start = None if m.group(1) else m.end()
    if start is not None:
        docs.append((_edgar_type(text, start, len(text)), start, len(text)))
    wanted: tuple[Callable[[str], bool], ...] = (
        lambda t: t == "EX-99.1", lambda t: t.startswith("EX-99"), lambda t: True,
    )
    choice = ""
    for accepts in wanted:
        for doc_type, a, b in docs:
            if accepts(doc_type) and (body := _edgar_usable(text, doc_type, a, b)) is not None:
                choice = body
                break
        if choice:
            break
    if _looks_html(choice):
        choice = html_to_text(choice)
    return choice, filed


def _edgar_type(text: str, start: int, end: int) -> str:
    t = _TAG_VALUE.search(text, start, min(end, start + 2000))
    return t.group(1).upper() if t else ""


def _edgar_usable(text: str, doc_type: str, start: int, end: int) -> str | None:
    """The text of a document that can be the release: not binary, not empty, not uuencoded."""
    if doc_type.startswith(_BINARY_TYPES):
        return None
    body = _edgar_text(text, start, end)
    return body if body.strip() and not _uuencoded(body) else None


def _edgar_date(header: str) -> datetime.date | None:
    for pattern in _EDGAR_DATES:
        m = pattern.search(header)
        if m:
            digits = m.group(1)
            try:
                return datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
            except ValueError:
                continue
    return None


def _edgar_text(text: str, start: int, end: int) -> str:
    """The ``<TEXT>`` of the document at ``text[start:end]``."""
    opening = _EDGAR_TEXT_OPEN.search(text, start, end)
    if opening is None:
        return ""
    closing = _EDGAR_TEXT_CLOSE.search(text, opening.end(), end)
    body = text[opening.end() : closing.start() if closing else end]
    body = re.sub(r"^\s*<(?:PDF|XBRL|XML)>", "", body, flags=re.I)
    return body.lstrip("\r\n").rstrip()


def _uuencoded(body: str) -> bool:
    return bool(re.match(r"\s*begin \d{3} ", body))


# --------------------------------------------------------------------------------------------
# HTML

_HTML_STRONG = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.I)
_HTML_NAMES = r"(?:p|div|span|table|tr|td|h[1-6]|li|ul|ol|a|b|i|strong|em|font)"
_HTML_TAG = re.compile(rf"<(?:{_HTML_NAMES}|br)\b[^>]*>", re.I)
_HTML_CLOSE = re.compile(rf"</{_HTML_NAMES}>", re.I)
_DROP_TAGS = ["script", "style", "noscript", "head", "template", "title", "svg", "iframe", "object"]
_PARAGRAPH_TAGS_TEXT = (
    "p h1 h2 h3 h4 h5 h6 blockquote table ul ol dl pre section article header footer "
    "figure hr address aside nav main form fieldset details summary"
)
_PARAGRAPH_TAGS = frozenset(_PARAGRAPH_TAGS_TEXT.split())
_LINE_TAGS_TEXT = "div li tr br dt dd caption figcaption option center"
_LINE_TAGS = frozenset(_LINE_TAGS_TEXT.split())
_CELL_TAGS = frozenset(("td", "th"))


def _looks_html(text: str) -> bool:
    head = text[:8192]
    if _HTML_STRONG.search(head):
        return True
    sample = text[:65536]
    return len(_HTML_TAG.findall(sample)) >= 2 and _HTML_CLOSE.search(sample) is not None


def html_to_text(html: str) -> str:
    """Visible text of an HTML page: scripts/styles dropped, blocks become line breaks.

    Entities are decoded by the parser; non-breaking spaces become plain spaces.
    """
    tree = LexborHTMLParser(_bound_depth(html))
    tree.strip_tags(_DROP_TAGS)
    root = tree.root
    if root is None:
        return ""
    out: list[str] = []
    pre_depth = 0
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:  # iterative walk: deeply nested pages cannot hit the recursion limit
        node, leaving = stack.pop()
        tag = node.tag or ""
        if leaving:
            pre_depth -= tag == "pre"
            out.append(_BREAKS.get(tag, ""))
            continue
        if tag == "-text":
            value = node.text_content or ""
            out.append(value if pre_depth else re.sub(r"\s+", " ", value))
            continue
        if tag.startswith("-"):  # comments, doctype
            continue
        pre_depth += tag == "pre"
        if tag in _BREAKS and tag not in _CELL_TAGS and node.child is not None:
            out.append(_BREAKS[tag])  # a block also breaks before itself (void tags only once)
        stack.append((node, True))
        children: list[LexborNode] = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))
    return _tidy("".join(out))


#: elements nested deeper than this are flattened before parsing (browsers stop nesting at
#: 512 too): the parser checks the open elements on every block tag, so 100,000 nested
#: ``<div>``s took 25 s
MAX_HTML_DEPTH = 512
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/<>]*)[^<>]*>")
_VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
    "param", "source", "track", "wbr",
})
#: an open element of these names closes when its sibling opens (<li> after <li> ...)
_SIBLINGS: dict[str, frozenset[str]] = {
    "p": frozenset({"p"}), "li": frozenset({"li"}), "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}), "tr": frozenset({"tr"}), "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}), "option": frozenset({"option"}),
}


def _bound_depth(html: str) -> str:
    """``html`` with the tags of elements nested deeper than ``MAX_HTML_DEPTH`` removed (a
    block tag becomes a ``<br>``, so its text still breaks); their text stays.

    The nesting is followed by a linear scan of the tags, close enough for this purpose: an
    end tag closes the innermost open element of its name, an unmatched one is ignored. Pages
    that stay under the limit are returned unchanged.
    """
    if html.count("<") <= MAX_HTML_DEPTH:
        return html
    stack: list[tuple[str, bool]] = []  # (tag name, kept)
    open_names: dict[str, int] = {}
    cut: list[tuple[int, int, str]] = []
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if m.group(1):
            if not open_names.get(name):
                continue
            while True:
                top, kept = stack.pop()
                open_names[top] -= 1
                if top == name:
                    break
            if not kept:
                cut.append((m.start(), m.end(), name))
            continue
        if name in _VOID_TAGS or m.group().endswith("/>"):
            continue
        if stack and stack[-1][0] in _SIBLINGS.get(name, ()):
            open_names[stack.pop()[0]] -= 1
        kept = len(stack) < MAX_HTML_DEPTH or name in _DROP_TAGS
        stack.append((name, kept))
        open_names[name] = open_names.get(name, 0) + 1
        if not kept:
            cut.append((m.start(), m.end(), name))
    if not cut:
        return html
    out: list[str] = []
    last = 0
    for start, end, name in cut:
        out.append(html[last:start])
        out.append("<br>" if name in _BREAKS else "")
        last = end
    out.append(html[last:])
    return "".join(out)


# breaks are emitted as markers, then a run of them becomes one line break or one blank line
_LINE_BREAK, _PARA_BREAK = "\x00", "\x01"
_BREAKS: dict[str, str] = {
    **{t: _PARA_BREAK for t in _PARAGRAPH_TAGS},
    **{t: _LINE_BREAK for t in _LINE_TAGS},
    **{t: "\t" for t in _CELL_TAGS},
}
_BREAK_RUN = re.compile(r"[ \t]*(?:[\x00\x01][ \t\n]*)+")


def _tidy(text: str) -> str:
    text = _BREAK_RUN.sub(lambda m: "\n\n" if _PARA_BREAK in m.group() else "\n", text)
    text = text.replace("\xa0", " ").replace("\u200b", "").replace("\r\n", "\n")
    lines = [
        re.sub(r"[ \t]+", lambda m: "\t" if "\t" in m.group() else " ", ln).strip(" \t")
        for ln in text.split("\n")
    ]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return out.strip()
