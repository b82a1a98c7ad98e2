"""Split a press release into typed sections and build the compact view the model reads.

``segment(text)`` labels every character of ``text``: the returned sections are ordered,
non-overlapping, and cover ``[0, len(text))`` exactly, so any character offset maps to one section.
The labels come from layout and wording heuristics that hold for press releases in general
(headline, wire dateline, "About X" blocks, safe-harbor language, contact blocks, end matter);
nothing here knows any particular company or document.

``prompt_view`` turns a document into the text the model sees: body first, boilerplate left out
with a one-line note, page furniture dropped and whitespace tidied. Offsets always refer to the
original text, never to the view. ``estimate_tokens`` is an offline *estimate* of BPE token counts
(GPT ``cl100k``/Qwen-like), not an exact tokenizer.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal, NamedTuple

__all__ = [
    "BOILERPLATE_KINDS",
    "PromptView",
    "Section",
    "SectionKind",
    "chunk_view",
    "estimate_tokens",
    "is_company_profile",
    "prompt_view",
    "segment",
]

SectionKind = Literal[
    "headline", "dateline", "body", "quote", "about", "forward_looking", "contacts", "trailer"
]

#: kinds that carry no news: left out of the prompt view, flagged by ``in_boilerplate``
BOILERPLATE_KINDS: frozenset[str] = frozenset({"about", "forward_looking", "contacts", "trailer"})


@dataclass(frozen=True)
class Section:
    """One labelled span ``[start, end)`` of the document text; ``title`` is its heading if any."""

    kind: SectionKind
    start: int
    end: int
    title: str | None = None


# --------------------------------------------------------------------------------------------
# token estimate

_TOKEN_PIECE = re.compile(
    r"'(?:[sdmt]|ll|ve|re)(?![^\W\d_])"  # English contractions
    r"|[^\S\n]?[^\W\d_]+"  # a word with its leading space
    r"|\d{1,3}"  # numbers go in groups of three digits
    r"|[^\S\n]?[^\s\w]+|_+"  # punctuation runs
    r"|\s*\n+"  # newlines (with the spaces before them)
    r"|[^\S\n]+"  # other whitespace
)


def estimate_tokens(text: str) -> int:
    """Estimate how many BPE tokens ``text`` costs (offline, deterministic, roughly cl100k/Qwen).

    An estimate, not a tokenizer: text is cut into pre-tokenizer-like pieces (words with their
    leading space, 3-digit groups, punctuation runs, whitespace) and each piece gets an average
    cost fitted on press releases; it is typically within 10% of the real count.
    """
    return int(_estimate(text) + 0.5)


def _estimate(text: str) -> float:
    return sum(map(_piece_cost, _TOKEN_PIECE.findall(text)))


@functools.lru_cache(maxsize=1 << 16)
def _piece_cost(piece: str) -> float:
    first = piece[0]
    if first.isspace() and len(piece) > 1 and not piece.isspace():
        piece = piece[1:]
        first = piece[0]
    if first.isalpha():
        return _word_cost(piece)
    if first.isdigit() or first.isspace() or first == "'":
        return 1.0
    return _punct_cost(piece)


# average cl100k cost of a lowercase ASCII word by length (with its leading space)
_LOWER_COST = (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.05, 1.1, 1.15, 1.25, 1.45, 1.75, 1.8, 2.4)


def _word_cost(word: str) -> float:
    n = len(word)
    if not word.isascii():
        wide = sum(1 for ch in word if not ch.isascii())
        return max(1.0, (n - wide) / 3.5) + 0.8 * wide
    if word.islower():
        return _LOWER_COST[n] if n < len(_LOWER_COST) else n / 5.5
    if word.isupper():
        return max(1.0, n / 2.3)
    if word[1:].islower():  # Capitalized
        return max(1.0, 0.7 + 0.1 * n) if n <= 14 else n / 6.0
    return max(1.5, n / 2.5)


def _punct_cost(piece: str) -> float:
    n = len(piece)
    if not piece.isascii():
        return 1.0 + 0.3 * (n - 1)
    if n > 3 and len(set(piece)) == 1:
        return max(1.0, n / 8)
    return 1.0 + max(0, n - 2) / 4


# --------------------------------------------------------------------------------------------
# lines and paragraphs


class _Line(NamedTuple):
    start: int
    end: int  # end of the content, line break excluded
    number: int  # 0-based line number, blank lines counted
    body: str  # text[start:end]


class _Para(NamedTuple):
    start: int  # start of its first line (indentation included)
    end: int  # end of the content of its last line
    first: str  # first line, stripped
    text: str  # whole paragraph, stripped
    nlines: int
    line0: int  # line number of its first line
    line1: int  # line number of its last line


# built from a tuple directly: a NamedTuple's own __new__ is Python code, and a release of
# 300,000 one-word lines builds 600,000 of them
_new_line = functools.partial(tuple.__new__, _Line)
_new_para = functools.partial(tuple.__new__, _Para)


def _split_lines(text: str) -> list[_Line]:
    """The non-blank lines of ``text`` (breaks are \\n, \\r\\n, or \\r alone in old Mac files)."""
    brk = "\n" if "\n" in text or "\r" not in text else "\r"
    lines: list[_Line] = []
    start = 0
    for number, line in enumerate(text.split(brk)):
        size = len(line) + 1
        if line and not line.isspace():
            body = line[:-1] if line[-1] == "\r" else line
            lines.append(_new_line((start, start + len(body), number, body)))
        start += size
    return lines


def _wrap_width(text: str, lines: list[_Line]) -> int | None:
    """Return the column a hard-wrapped text is wrapped at, or None when lines are paragraphs."""
    lens = sorted(len(ln.body.rstrip()) for ln in lines)
    if len(lens) < 8:
        return None
    width = lens[int(0.95 * (len(lens) - 1))]
    if not 40 <= width <= 110:
        return None
    near = sum(1 for n in lens if width - 25 <= n <= width + 20)
    return width if near >= 0.4 * len(lens) else None


def _first_word_len(s: str) -> int:
    s = s.lstrip()
    cut = s.find(" ")
    return len(s) if cut < 0 else cut


def _build_paras(text: str, lines: list[_Line]) -> list[_Para]:
    """Group lines into paragraphs: one line each, or soft-wrapped runs in hard-wrapped text."""
    width = _wrap_width(text, lines)
    paras: list[_Para] = []
    if width is None:  # a paragraph per line
        for start, end, number, body in lines:
            first = body.strip()
            paras.append(_new_para((start, end, first, first, 1, number, number)))
        return paras
    i, n = 0, len(lines)
    slack = 0 if width is None else max(3, width // 7)
    while i < n:
        j = i
        if width is not None:
            while j + 1 < n and lines[j + 1].number == lines[j].number + 1:
                cur = text[lines[j].start : lines[j].end].rstrip()
                nxt = text[lines[j + 1].start : lines[j + 1].end]
                if len(cur) + 1 + _first_word_len(nxt) <= width - slack:
                    break  # the next word would have fitted: the break is deliberate
                j += 1
        start, end = lines[i].start, lines[j].end
        first = text[start : lines[i].end].strip()
        body = first if i == j else text[start:end].strip()
        paras.append(_new_para((start, end, first, body, j - i + 1, lines[i].number,
                                lines[j].number)))
        i = j + 1
    return paras


# --------------------------------------------------------------------------------------------
# patterns

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = (
    rf"(?:(?<![A-Za-z]){_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\.?\s+{_MONTH}\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|(?<![\d.])(?:19|20)\d\d[./]\d{{1,2}}[./]\d{{1,2}}(?![\d.]))"  # "2024.04.25" (East Asia)
)
_WIRE = (
    r"(?:\(\s*[^()\n]{0,40}?(?:wire|newswire|news|press\s*release)[^()\n]{0,20}\)"
    r"|/\s*[^/\s]{0,40}(?:wire|PressRelease|PRWeb)[^/\n]{0,10}/)"
)
_DATE_OR_WIRE = re.compile(rf"\(?\s*{_DATE}\s*\)?|{_WIRE}", re.I)
_DATELINE_MORE = re.compile(rf"\s*(?:--|—|–|-|,)?\s*(?:\(?\s*{_DATE}\s*\)?|{_WIRE})", re.I)
_DATELINE_SEP = re.compile(r"\s*(?:-{1,3}|—|–|:)[^\S\n]*")
#: a place name led by its article ("Leiden, the Netherlands", "Nassau, the Bahamas")
_ARTICLE_PLACE = re.compile(r"the\s+[A-Z]")
_LOC = re.compile(r"[^\W\d_][\w.'’&/\s\-]*(?:\s*,\s*[^\W\d_][\w.'’&/\s\-]*){0,4}")
_DATE_ONLY = re.compile(
    rf"(?:(?:for\s+immediate\s+release|release\s+date|date)\s*:?\s*)?"
    rf"(?:[A-Z][a-z]+day,?\s+)?{_DATE}",
    re.I,
)
_RELEASE_LINE = re.compile(r"(?:for\s+immediate\s+release|embargoed\b.*)\s*:?", re.I)
_JUNK_LINE = re.compile(
    r"(?:<PAGE>|\[?page\s+\d+(?:\s+of\s+\d+)?\]?|-?\s*\d{1,3}\s*-?|[-=_*~.•]{3,}"
    r"|exhibit\s+\d+(?:\.\d+)?|\f)",
    re.I,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email[\s\xa0]protected\]")
_PHONE = re.compile(
    r"\(\d{3}\)\s?\d{3}[-.\s]\d{4}|(?<!\d)\d{3}[-.]\d{3}[-.]\d{4}(?!\d)"
    r"|\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,4}){1,4}"
    r"|\b(?:tel|phone|telephone|mobile|fax)\.?\s*:?\s*\+?\d"
    r"|\b1-8\d\d-[\dA-Z]{3}-[\dA-Z]{4}\b",
    re.I,
)
_SEVEN_DIGITS = re.compile(r"(?:\d\D{0,4}){7}")  # cheap pre-check before the phone patterns
_URL = re.compile(r"https?://|www\.", re.I)
_FLS_WORDS = re.compile(
    r"forward[-‐‑\s]looking|safe[\s-]harbou?r|cautionary\s+(?:note|statement|language)"
    r"|cautions?\s+concerning",
    re.I,
)
_FLS_PARA_START = re.compile(
    r"(?:safe[\s-]harbou?r|forward[-‐‑\s]looking\s+statements?|cautionary\s+(?:note|statement))\b",
    re.I,
)
_FLS_LANGUAGE = re.compile(r"forward[-‐‑\s]looking\s+(?:statements?|information)", re.I)
_FLS_CONTEXT = re.compile(
    r"private\s+securities\s+litigation\s+reform\s+act|\b(?:this|the)\s+(?:press|news)\s+release"
    r"|\b(?:this|the)\s+(?:announcement|communication|release)\b",
    re.I,
)
_CONTACT_HEAD = re.compile(
    r"(?:(?:(?:media|press|investors?|investor\s+relations|company|corporate|journalists?"
    r"|analysts?|public\s+relations)\s*(?:and|&|/)?\s*)*(?:contacts?|inquiries|enquiries)\b"
    r"\s*(?::.*)?$"
    r"|contact\s*(?:details|information|us\b)"
    r"|for\s+(?:further|more|additional)\s+information,?\s+(?:please\s+)?contact"
    r"|contacts?\s+for\s+(?:further|more)\s+information"
    r"|refer\s+to\s*:)",
    re.I,
)
_ROLE_HEAD = re.compile(
    r"(?:media|investors?|investor\s+relations|media\s+relations|press(?:\s+office)?"
    r"|public\s+relations|analysts?)(?:\s+(?:contacts?|inquiries|enquiries))?\s*:?",
    re.I,
)
_TRAILER_HEAD = re.compile(
    r"(?:(?:#\s*){3}|-?\s*#{3}\s*-?|-\s*(?:30|end)\s*-|SOURCE\b.*|Source:.*"
    r"|(?:copyright|©|\(c\)\s*\d{4}).*|news\s+provided\s+by.*"
    r"|view\s+(?:source\s+version|original\s+content).*|company\s+website.*"
    r"|(?:references|footnotes|endnotes(?:\s+and\s+references)?|sources|citations"
    r"|key\s+search\s+terms|trademarks?(?:\s+and\s+trade\s+names)?)\s*:?)",
    re.I,
)
_TRADEMARK = re.compile(
    r"registered\s+trademarks?\s+of|trademarks?\s+(?:is|are)\s+(?:the\s+)?property"
    r"|all\s+rights\s+reserved",
    re.I,
)
_REF_ITEM = re.compile(r"\[?\d{1,3}[.\])]?\s+\S")
_CITATION = re.compile(
    r"\bet\s+al\b|\baccessed\b|available\s+at|\bdoi\b|https?://|data\s+on\s+file|presented\s+at"
    r"|\bjournal\b|\blancet\b|\bn\s*engl\b|\bnejm\b|\d{4};\s*\d+|press\s+release|prescribing"
    r"\s+information|clinicaltrials\.gov",
    re.I,
)
_QUOTE_CHAR = re.compile(r"[“”\"]")
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|stated|states|remarked|commented|added|noted|explained|continued"
    r"|concluded|according\s+to)\b",
    re.I,
)
_NOT_ABOUT_WORDS_TEXT = (
    "half a an one two three four five six seven eight nine ten twenty thirty forty "
    "fifty hundred hundreds thousand thousands million millions once twice how what why "
    "when where whether which who whom this that these those it its their his her our "
    "your my to as all every each any some many most nearly about percent"
)
_NOT_ABOUT_WORDS = frozenset(_NOT_ABOUT_WORDS_TEXT.split())
_ABBREV_END = re.compile(
    r"(?:Inc|Corp|Co|Ltd|Bros|Plc|plc|LLC|L\.P|S\.A|N\.V|B\.V|A\.G|S\.p\.A|Jr|Sr|St)\.$"
    r"|(?:[A-Z]\.){2,}$"
)
_CORPORATE = re.compile(
    r"\b(?:Inc|Incorporated|Corp|Corporation|Co|Company|plc|PLC|Ltd|Limited|LLC|L\.?P|AG|SE|SA"
    r"|S\.A|N\.?V|B\.?V|A/S|AB|ASA|GmbH|S\.?p\.?A|K\.?K|Holdings?|Group|Pharma|Pharmaceuticals?"
    r"|Therapeutics|Biosciences?|Biotherapeutics|Biotech|Biotechnology|Biologics|Biopharma"
    r"|Biopharmaceuticals|Laboratories|Labs|Diagnostics|Technologies|Solutions|Genetics"
    r"|Genomics|Medical|Healthcare)\b\.?"
)
_COMPANY_TEXT = re.compile(
    r"\b(?:NYSE|NASDAQ|Nasdaq|OTC\w*|TSX(?:V)?|LSE|AIM|Euronext|SIX|ASX|HKEX|TSE|Xetra)\s*:"
    r"|\bheadquartered\b|\b(?i:founded|established|incorporated)\s+in\b"
    r"|\bemploys\s+(?:about\s+|approximately\s+|over\s+|more\s+than\s+|around\s+)?\d"
    r"|\bis\s+an?\s+(?:[\w-]+\s+){0,6}(?:company|corporation|firm|organi[sz]ation|leader"
    r"|provider|manufacturer|developer|pioneer|innovator|group)\b",
)
_LISTING = r"\s*\((?:NYSE|NASDAQ|Nasdaq|OTC\w*|TSX\w*|LSE|AIM|Euronext|SIX|ASX|HKEX|TSE)\b"


# --------------------------------------------------------------------------------------------
# paragraph predicates


def _is_junk(p: _Para) -> bool:
    if p.text.isprintable():  # one line (line breaks are not printable)
        return _JUNK_LINE.fullmatch(p.text) is not None
    for line in p.text.splitlines():
        bare = line.strip()
        if bare and not _JUNK_LINE.fullmatch(bare):
            return False
    return True


def _has_contact_signal(s: str) -> bool:
    if ("@" in s or "protected]" in s) and _EMAIL.search(s):
        return True
    return bool(_SEVEN_DIGITS.search(s)) and bool(_PHONE.search(s))


def _is_contactish(p: _Para) -> bool:
    if len(p.text) > 300 or not _has_contact_signal(p.text):
        return False
    return all(len(line.strip()) <= 100 for line in p.text.splitlines())


def _is_prose(p: _Para) -> bool:
    return len(p.text) >= 80 or (len(p.text.split()) >= 6 and p.text[-1] in '.!?”"')


def _is_heading(p: _Para, nxt: _Para | None) -> bool:
    """A short standalone title line (2-14 words) followed by running text."""
    if p.nlines != 1 or nxt is None or not 3 <= len(p.first) <= 90:
        return False
    words = p.first.split()
    if not 2 <= len(words) <= 14 or p.first[-1] in ".,;:!":
        return False
    if len(re.findall(r"\d+(?:[.,]\d+)*", p.first)) >= 3:
        return False
    if not (p.first[0].isupper() or p.first[0].isdigit()) or p.first[:2] in ("* ", "- "):
        return False
    if _has_contact_signal(p.first) or _URL.search(p.first) or _QUOTE_CHAR.match(p.first):
        return False
    return _is_prose(nxt)


def _about_title(p: _Para) -> str | None:
    """The X of an "About X" heading (or of an inline "About X X is ..." paragraph)."""
    line = p.first
    if line[:6].lower() != "about " or len(line) < 7:
        return None
    rest = line[6:].strip()
    words = rest.split()
    if not words or not (words[0][0].isalpha() or words[0][0] in "“\"'"):
        return None
    if words[0].lower().strip(",.:") in _NOT_ABOUT_WORDS and words[0] != "Us":
        return None
    ends_sentence = line.endswith(".") and not _ABBREV_END.search(line)
    if p.nlines == 1 and len(line) <= 100 and len(words) <= 12 and not ends_sentence:
        return rest.rstrip(" :-–—")
    sep = re.match(r"(.{2,80}?)\s*(?:--|—|–|:|\|)\s+\S", rest)
    if sep and len(sep.group(1).split()) <= 10 and sep.group(1)[0].isupper():
        return sep.group(1)
    for k in range(min(8, len(words) - 1), 0, -1):
        name = " ".join(words[:k])
        if not any(w[0].isupper() or any(c.isdigit() for c in w) for w in words[:k]):
            continue
        after = rest[len(name) :]
        at = after.find(name)
        if 0 <= at <= 60:
            return name.rstrip(" :-–—")
    return None


def _fls_start(p: _Para, nxt: _Para | None) -> bool:
    if _FLS_PARA_START.match(p.first):
        return True
    if (
        p.nlines == 1
        and len(p.first) <= 120
        and p.first[-1] not in ".;,"
        and _FLS_WORDS.search(p.first)
    ):
        return nxt is not None
    head = p.text[:400]
    return bool(_FLS_LANGUAGE.search(head[:300]) and _FLS_CONTEXT.search(head))


def _is_ref_run(paras: list[_Para], i: int) -> bool:
    """Whether paras[i:] starts a numbered reference list (three or more cited items)."""
    run = []
    for p in paras[i : i + 8]:
        if not _REF_ITEM.match(p.text):
            break
        run.append(p)
    if len(run) < 3:
        return False
    return sum(1 for p in run if _CITATION.search(p.text)) * 2 >= len(run)


def _is_quote(s: str) -> bool:
    for m in _ATTRIBUTION.finditer(s):
        if _QUOTE_CHAR.search(s, max(0, m.start() - 200), m.end() + 200):
            return True
    return False


def _dateline_end(s: str) -> int | None:
    """Length of a "CITY, State, Month DD, YYYY (WIRE) --" opening at the start of ``s``."""
    m = _DATE_OR_WIRE.search(s, 0, 260)
    if m is None or m.start() > 120:
        return None
    loc = re.sub(r"[\s\-–—(,:]+$", "", s[: m.start()])
    if not loc or not _LOC.fullmatch(loc) or len(loc.split()) > 10:
        return None
    parts = [part.strip() for part in loc.split(",")]
    if any(not part or not (part[0].isupper() or _ARTICLE_PLACE.match(part)) for part in parts):
        return None
    # one place name in mixed case ("Mumbai, October 20, 2026:", "Oslo, 1 December 2022 –")
    # only with a date and a dash or colon after it: a sentence may open "Tuesday, March 4"
    single = len(parts) == 1 and not (loc.isupper() and len(loc) >= 3)
    if single and (len(loc.split()) > 3 or not re.search(r"\d{4}", m.group())):
        return None
    pos = m.end()
    while more := _DATELINE_MORE.match(s, pos):
        if more.end() == pos:
            break
        pos = more.end()
    sep = _DATELINE_SEP.match(s, pos)
    if single and (sep is None or not sep.group().strip()):
        return None
    if sep:
        pos = sep.end()
    while pos < len(s) and s[pos] != "\n" and s[pos].isspace():
        pos += 1
    return pos


# --------------------------------------------------------------------------------------------
# segmentation


def segment(text: str) -> tuple[Section, ...]:
    """Label ``text`` as ordered, contiguous sections that cover it exactly (press-release layout).

    Heuristic and total: it never fails, unknown material is labelled ``body``.
    """
    if not text:
        return ()
    lines = _split_lines(text)
    paras = _build_paras(text, lines)
    if not paras:
        return (Section("body", 0, len(text), None),)
    bounds: list[tuple[int, SectionKind, str | None]] = []
    first_body = _opening(text, paras, bounds)
    _classify_rest(text, paras, first_body, bounds)
    return _to_sections(text, bounds)


def _title_like(t: str) -> bool:
    """A paragraph that may be a headline: short, not a run of sentences, not a quote."""
    return len(t) <= 300 and (t[-1] not in ".;," or t.count(". ") == 0) and not _is_quote(t)


def _first_title(candidates: list[int], paras: list[_Para], default: int) -> int:
    """The first of ``candidates`` (paragraphs before the dateline) that reads like a title,
    six words or more and not a list item, after labels and the company's name; else
    ``default``."""
    return next((j for j in candidates[:4] if len(paras[j].text.split()) >= 6
                 and paras[j].text[0] not in "•·▪‣◦-*" and not _NOT_A_TITLE.match(paras[j].text)
                 and _title_like(paras[j].text)), default)


#: a company's name or registration line above an exchange announcement ("Acme Therapeutics
#: Limited", "ACN 609 511 374", "ASX: ACM")
_COMPANY_LINE = re.compile(
    r"[A-Z][\w&.'’ -]{1,50}\b(?:Limited|Ltd\.?|Inc\.?|Incorporated|Corporation|Corp\.?|AG|SA"
    r"|S\.A\.|plc|PLC|GmbH|N\.V\.|NV|AB|ASA|A/S|Berhad|Bhd\.?|Co\.?, Ltd\.?|K\.K\.)"
    r"|(?:ACN|ABN|ARBN|CIN|ISIN)\b[\w :./-]{1,40}"
    r"|\(?(?:ASX|NZX|TSX|TSXV|HKEX|SGX|SIX|LSE|AIM|KOSDAQ|KOSPI|NSE|BSE|TSE)"
    r"(?:[ :]+[\w.]{1,10})?\)?")
#: a release's own label line, after a filing's cover letter
_RELEASE_LABEL = re.compile(r"\W*(?:press|media|news)\s+release\W*", re.I)
#: lines above a title that are no title: an address, a registration number, a release label
_NOT_A_TITLE = re.compile(
    r"(?:regd\.?|registered|corporate|head)\s+office\b|CIN\b"
    r"|(?:ad[\s-]hoc|company|voluntary|stock exchange)\s+announcement\b|inside information\b"
    r"|(?:press|media|news)\s+release\b", re.I)


def _titled_after_date(
    text: str, paras: list[_Para], real: list[int], k: int
) -> tuple[int, tuple[int, int, int]] | None:
    """A release that opens with a preamble (a label such as "ASX ANNOUNCEMENT", a date line,
    the company's name or the exchange's office), then its title, then its wire dateline
    ("SYDNEY, Australia, 22 October 2024 -"): (the title's paragraph, (the dateline's
    paragraph, start, end)), else None. The title is the first paragraph after the date that
    reads like one: six words or more, not a list item."""
    if not all(len(paras[j].text) <= 60 and (paras[j].text.isupper() or _RELEASE_LINE.fullmatch(
            paras[j].text) or _COMPANY_LINE.fullmatch(paras[j].text)) for j in real[:k]):
        return None
    following = real[k + 1:k + 9]
    title = _first_title(following[:3], paras, -1)
    if title < 0:
        return None
    for j in following[following.index(title) + 1:]:
        end = _wire_dateline(text, paras[j])
        if end is not None:
            return title, (j, paras[j].start, end)
    return None


def _wire_dateline(text: str, p: _Para) -> int | None:
    """Where a wire dateline opening paragraph ``p`` ends ("BOSTON, March 3, 2025 -- "), if
    it opens with one."""
    raw = text[p.start : p.end]
    lead = len(raw) - len(raw.lstrip())
    cut = _dateline_end(raw[lead:])
    return None if cut is None else p.start + lead + cut


def _opening(
    text: str, paras: list[_Para], bounds: list[tuple[int, SectionKind, str | None]]
) -> int:
    """Add headline/dateline bounds; return the index of the first paragraph left to classify."""
    real = [i for i, p in enumerate(paras[:40]) if not _is_junk(p)]
    if not real:
        bounds.append((0, "body", None))
        return len(paras)
    dl_idx: int | None = None
    dl_start = dl_end = 0
    head_at: int | None = None  # the headline, when a preamble comes before it
    for i in real[:15]:
        p = paras[i]
        if p.start > 6000:
            break
        if _DATE_ONLY.fullmatch(p.text):
            k = real.index(i)
            titled = _titled_after_date(text, paras, real, k)
            if titled is not None:  # "ASX ANNOUNCEMENT / 22 October 2024 / <title> / SYDNEY, ..."
                head_at, (dl_idx, dl_start, dl_end) = titled
                break
            dl_idx, dl_start, dl_end = i, p.start, p.end
            if k > 0 and _RELEASE_LINE.fullmatch(paras[real[k - 1]].text):
                dl_start = paras[real[k - 1]].start
            break
        end = _wire_dateline(text, p)
        if end is not None:
            dl_idx, dl_start, dl_end = i, p.start, end
            break
    head = real[0] if head_at is None else head_at
    if head_at is None and dl_idx is not None:  # "ASX ANNOUNCEMENT / Acme Ltd (ASX: ACM) /
        before = [j for j in real if j < dl_idx]  # <title> / SYDNEY"
        # a filing's cover letter ("To, BSE Limited ... Sub: ... Please find enclosed"): the
        # release starts after its own label ("PRESS RELEASE")
        labels = [k for k, j in enumerate(before) if _RELEASE_LABEL.fullmatch(paras[j].text)]
        if labels:
            before = before[labels[-1] + 1:]
        head = _first_title(before, paras, head)
    has_headline = (dl_idx is not None and head < dl_idx and paras[head].start < dl_start) or (
        dl_idx is None and len(real) > 1 and _title_like(paras[head].text)
    )
    if has_headline:
        bounds.append((0, "headline", " ".join(paras[head].text.split())))
        nxt = head + 1
    else:
        nxt = real[0]
    if dl_idx is None:
        if nxt < len(paras):
            bounds.append((paras[nxt].start if has_headline else 0, "body", None))
        return nxt
    if dl_idx > nxt:  # sub-headlines between the headline and the dateline
        bounds.append((paras[nxt].start if has_headline else 0, "body", None))
    bounds.append((dl_start if bounds else 0, "dateline", None))
    p = paras[dl_idx]
    if dl_end < p.end and text[dl_end : p.end].strip():
        bounds.append((dl_end, "body", None))
        return dl_idx + 1
    if dl_idx + 1 < len(paras):
        bounds.append((paras[dl_idx + 1].start, "body", None))
    return dl_idx + 1


#: a paragraph of bare marks, which no section test can take for a title, a contact or a mark
#: of a trailer ("###", "-30-" and "©" are not among them)
_INERT = re.compile(r"[\s\-–—*•·_=~.]*")


def _classify_rest(
    text: str,
    paras: list[_Para],
    i: int,
    bounds: list[tuple[int, SectionKind, str | None]],
) -> None:
    """Walk the paragraphs after the opening and add a bound wherever the section kind changes."""
    n = len(paras)
    half = len(text) // 2
    state: SectionKind = "body"
    seen_boilerplate = False
    quiet_from: int | None = None  # in contacts: first paragraph after the last phone/email
    quiet = 0
    body_run: list[int] = []

    def push(idx: int, kind: SectionKind, title: str | None) -> None:
        nonlocal state, quiet, quiet_from
        if state == "body":
            _mark_quotes(paras, body_run, bounds)
        body_run.clear()
        bounds.append((paras[idx].start, kind, title))
        state = kind
        quiet, quiet_from = 0, None

    while i < n:
        p = paras[i]
        nxt = paras[i + 1] if i + 1 < n else None
        late = seen_boilerplate or p.start >= half
        # a paragraph of bare marks ("-", "*", "•") starts no section: it skips the tests of a
        # section's start (a megabyte of them would run each) and goes on in its section
        inert = len(p.text) <= 60 and _INERT.fullmatch(p.text) is not None
        opened = None if inert else _section_start(paras, i, state, late)
        if opened is not None:
            at, kind, title = opened
            push(at, kind, title)
            if kind == "body":
                body_run.append(i)
            else:
                seen_boilerplate = True
        elif state == "contacts":
            if _has_contact_signal(p.text):
                quiet, quiet_from = 0, None
            else:
                quiet_from = i if quiet_from is None else quiet_from
                if len(p.text) > 60 or any(ch.isdigit() for ch in p.text):
                    quiet += 1
                if len(p.text) > 150 or quiet >= 3:
                    start = quiet_from
                    push(start, "body", None)
                    body_run.extend(range(start, i + 1))
        elif state == "body":
            if _is_heading(p, nxt):
                _mark_quotes(paras, body_run, bounds)
                body_run.clear()
                bounds.append((p.start, "body", p.first))
            body_run.append(i)
        i += 1
    if state == "body":
        _mark_quotes(paras, body_run, bounds)


def _section_start(
    paras: list[_Para], i: int, state: SectionKind, late: bool
) -> tuple[int, SectionKind, str | None] | None:
    """The section paragraph ``i`` starts, if any: where it starts (a contact block backs up
    over its labels), its kind and its title. ``late``: past the middle of the release or its
    first boilerplate, where a role line or a trailer mark may open a section."""
    p = paras[i]
    nxt = paras[i + 1] if i + 1 < len(paras) else None
    about = _about_title(p)
    if about is not None:
        return i, "about", about
    if state != "forward_looking" and _fls_start(p, nxt) and not _is_quote(p.text[:300]):
        return i, "forward_looking", None
    if (
        state != "contacts"
        and p.nlines <= 3
        and len(p.first) <= 80
        and (
            _CONTACT_HEAD.match(p.first)
            or (late and (_ROLE_HEAD.fullmatch(p.first) or _is_contactish(p)))
        )
    ):
        headed = _CONTACT_HEAD.match(p.first) or _ROLE_HEAD.fullmatch(p.first)
        return _contact_start(paras, i), "contacts", p.first if headed else None
    if late and state != "trailer" and _is_trailer_start(paras, i):
        return i, "trailer", p.first if _TRAILER_HEAD.fullmatch(p.first) else None
    if (
        state != "body"
        and _is_heading(p, nxt)
        and not (state == "contacts" and nxt is not None and _has_contact_signal(nxt.text))
    ):
        return i, "body", p.first
    return None


def _contact_start(paras: list[_Para], i: int) -> int:
    """Back up over short label lines ("Media:", company name) glued above a contact block."""
    j = i
    while j > 0:
        prev = paras[j - 1]
        if prev.line1 + 1 != paras[j].line0 or len(prev.text) > 60 or prev.text[-1] in ".;":
            break
        if _is_heading(prev, paras[j]) or _FLS_WORDS.search(prev.text):
            break
        j -= 1
    return j


def _is_trailer_start(paras: list[_Para], i: int) -> bool:
    p = paras[i]
    if p.nlines <= 2 and len(p.first) <= 400 and _TRAILER_HEAD.fullmatch(p.first):
        return True
    if len(p.text) <= 250 and _TRADEMARK.search(p.text):
        return True
    return _is_ref_run(paras, i)


def _mark_quotes(
    paras: list[_Para], run: list[int], bounds: list[tuple[int, SectionKind, str | None]]
) -> None:
    """Split a run of body paragraphs (opened by the last bound) into body and quote sections."""
    units: list[list[int]] = []
    last_junk = False  # whether the last paragraph of units[-1] is junk (read once per paragraph)
    for idx in run:
        p = paras[idx]
        junk = _is_junk(p)
        joins = bool(units) and (
            junk
            or p.text[0].islower()
            or p.text[0] in ".,;:)”’"
            or paras[units[-1][-1]].text[-1] in ",:"
            or last_junk
        )
        if joins:
            units[-1].append(idx)
        else:
            units.append([idx])
        last_junk = junk
    current: SectionKind = "body"
    for unit in units:
        joined = paras[unit[0]].text if len(unit) == 1 else "\n".join(paras[k].text for k in unit)
        quoted = _is_quote(joined) or (current == "quote" and joined[0] in '“"')
        kind: SectionKind = "quote" if quoted else "body"
        if kind == current:
            continue
        start = paras[unit[0]].start
        if bounds and bounds[-1][0] >= start and bounds[-1][2] is None:
            bounds[-1] = (bounds[-1][0], kind, None)
        else:
            bounds.append((max(start, bounds[-1][0] + 1) if bounds else start, kind, None))
        current = kind


def _to_sections(
    text: str, bounds: list[tuple[int, SectionKind, str | None]]
) -> tuple[Section, ...]:
    cleaned: list[tuple[int, SectionKind, str | None]] = []
    for start, kind, title in sorted(bounds, key=lambda b: b[0]):
        start = 0 if not cleaned else start
        if cleaned and start <= cleaned[-1][0]:
            cleaned[-1] = (cleaned[-1][0], kind, title if title is not None else cleaned[-1][2])
            continue
        if cleaned and kind == cleaned[-1][1] and title is None:
            continue
        cleaned.append((start, kind, title))
    if not cleaned:
        return (Section("body", 0, len(text), None),)
    out: list[Section] = []
    for k, (start, kind, title) in enumerate(cleaned):
        end = cleaned[k + 1][0] if k + 1 < len(cleaned) else len(text)
        out.append(Section(kind, start, end, title))
    return tuple(out)


# --------------------------------------------------------------------------------------------
# prompt view


@dataclass(frozen=True)
class PromptView:
    """The text the model sees, which sections it holds, and what was left out."""

    text: str
    sections: tuple[Section, ...]
    raw_tokens: int
    tokens: int
    omitted: tuple[str, ...]


_LABEL_LINE = re.compile(r"\[(?:HEADLINE|DATELINE|BODY|QUOTE|ABOUT)\]")
_NOTE_LINE = re.compile(r"\[Omitted boilerplate: [^\n]*\]")
_SPACES = re.compile(r"[ \t\xa0\u2000-\u200a\u202f\u205f\u3000]+")
_PAGE_MARK = re.compile(r"<PAGE>|page\s+\d+(?:\s+of\s+\d+)?|\d{1,3}|-\s*\d{1,3}\s*-|\f", re.I)
_PAGE_SIGN = re.compile(r"\d|<PAGE>|\f", re.I)  # in every _PAGE_MARK
_FLS_NAME = "forward-looking statements"


def is_company_profile(doc_text: str, section: Section) -> bool:
    """Whether an ``about`` section profiles an organisation (boilerplate) rather than a product.

    Cues: a corporate name ("... Inc.", "... Therapeutics"), company wording ("is a ... company",
    "headquartered", a stock listing), or the title used as the announcing company up top.
    """
    title = (section.title or "").strip(" .,:;-–—®™*")
    if title and _CORPORATE.search(title):
        return True
    if _COMPANY_TEXT.search(doc_text, section.start, min(section.end, section.start + 600)):
        return True
    if not title or len(title) > 80:
        return False
    return _announced(title, doc_text[:8000])


@functools.lru_cache(maxsize=256)
def _announced(title: str, head: str) -> bool:
    """Whether ``head`` names ``title`` as the announcer: "X (Nasdaq: ...)", "X today announced"."""
    name = re.escape(title)
    pattern = re.compile(
        rf"{name}(?:,?\s+(?:Inc|Corp|Ltd|plc|LLC|AG|SE|SA|A/S)\.?)?(?:{_LISTING}"
        rf"|,\s+an?\s+(?:[\w-]+\s+){{0,8}}(?:company|leader|provider|developer|manufacturer)"
        rf"|\s+(?:today\s+|proudly\s+)?(?:announced|announces|reported|reports)\b)"
    )
    return pattern.search(head) is not None


def prompt_view(
    doc_text: str, sections: tuple[Section, ...], *, max_tokens: int | None = None,
    about: re.Pattern[str] | None = None,
) -> PromptView:
    """Build the body-first, labelled, boilerplate-free text the model reads.

    Boilerplate (about, forward-looking, contacts, trailer) is left out with a one-line note;
    from an "About <product/study>" section only the sentences ``about`` finds are kept (a
    task's own: the regulatory task keeps approvals, filings and designations), and those go
    first when ``max_tokens`` is exceeded. Page furniture is dropped and runs of spaces
    collapsed; hard line breaks (and hyphenated breaks) stay as they are.
    """
    furniture = _running_headers(doc_text)
    kept: list[tuple[Section, str]] = []
    omitted: list[str] = []
    for s in sections:
        if s.kind in BOILERPLATE_KINDS:
            _note(omitted, s)
            if about is not None and s.kind == "about" and not is_company_profile(doc_text, s):
                excerpt = _clean(_about_excerpt(doc_text, s, about), furniture)
                if excerpt:
                    kept.append((s, excerpt))
            continue
        cleaned = _clean(doc_text[s.start : s.end], furniture)
        if cleaned:
            kept.append((s, cleaned))
    text = _render(kept, omitted)
    tokens = estimate_tokens(text)
    if max_tokens is not None and tokens > max_tokens:
        kept = [pair for pair in kept if pair[0].kind != "about"]
        text = _render(kept, omitted)
        tokens = estimate_tokens(text)
    return PromptView(
        text=text,
        sections=tuple(s for s, _ in kept),
        raw_tokens=estimate_tokens(doc_text),
        tokens=tokens,
        omitted=tuple(omitted),
    )


_SENTENCE_CUT = re.compile(r"[.!?][\"”’)\]]*(?:\d+(?:[,–-]\d+)*)?\s+(?=[A-Z“\"(])")


def _about_excerpt(doc_text: str, s: Section, about: re.Pattern[str]) -> str:
    """The sentences of an about section that ``about`` finds something in."""
    chunk = doc_text[s.start : s.end]
    first_end = chunk.find("\n")
    first = chunk if first_end < 0 else chunk[:first_end]
    if len(first.split()) <= 14:  # a standalone "About X" heading line: skip it
        chunk = "" if first_end < 0 else chunk[first_end:]
    else:
        chunk = chunk.strip()[6:]
        if s.title and chunk.startswith(s.title):
            chunk = chunk[len(s.title) :].lstrip(" :-–—|")
    kept: list[str] = []
    for para in chunk.split("\n\n") if "\n\n" in chunk else chunk.split("\n"):
        para = " ".join(para.split())
        last = 0
        for m in [*_SENTENCE_CUT.finditer(para), None]:
            end = len(para) if m is None else m.end()
            sentence = para[last:end].strip()
            last = end
            if sentence and about.search(sentence):
                kept.append(sentence)
    if not kept:
        return ""
    return f"{s.title or 'About'} (excerpt): " + " ".join(kept)


def _note(omitted: list[str], s: Section) -> None:
    name = f"about: {s.title}" if s.kind == "about" and s.title else s.kind
    if name not in omitted:
        omitted.append(name)


def _render(kept: list[tuple[Section, str]], omitted: list[str]) -> str:
    blocks: list[str] = []
    last_label = ""
    for s, cleaned in kept:
        label = f"[{s.kind.upper()}]"
        blocks.append(cleaned if label == last_label else f"{label}\n{cleaned}")
        last_label = label
    if omitted:
        names = [
            f"about {o[7:]}"
            if o.startswith("about: ")
            else (_FLS_NAME if o == "forward_looking" else o.replace("_", " "))
            for o in omitted
        ]
        blocks.append(f"[Omitted boilerplate: {'; '.join(names)}]")
    return "\n\n".join(blocks)


def _running_headers(doc_text: str) -> frozenset[str]:
    """Short lines repeated next to page numbers (letterhead, running headers): page furniture."""
    first = _PAGE_SIGN.search(doc_text)  # a page mark holds a digit, <PAGE> or a form feed:
    if first is None or _PAGE_SIGN.search(doc_text, first.end()) is None:  # two marks or none
        return frozenset()
    lines = [_SPACES.sub(" ", ln).strip() for ln in doc_text.splitlines()]
    marks = [i for i, ln in enumerate(lines) if ln and _PAGE_MARK.fullmatch(ln)]
    if len(marks) < 2:
        return frozenset()
    counts = Counter(ln for ln in lines if 0 < len(ln) <= 60)
    candidates = {ln for ln, c in counts.items() if c >= 3 and not _PAGE_MARK.fullmatch(ln)}
    near: Counter[str] = Counter()
    for i in marks:
        for j in range(max(0, i - 4), min(len(lines), i + 5)):
            if lines[j] in candidates:
                near[lines[j]] += 1
    return frozenset(ln for ln in candidates if near[ln] >= 2)


def _clean(chunk: str, furniture: frozenset[str]) -> str:
    out: list[str] = []
    for line in chunk.splitlines():
        t = _SPACES.sub(" ", line).strip()
        if t and (_JUNK_LINE.fullmatch(t) or t in furniture):
            continue
        if t or (out and out[-1]):
            out.append(t)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# chunking

_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*\s+")
_WORD_END = re.compile(r"\s+")


def chunk_view(view: PromptView, max_tokens: int) -> list[str]:
    """Split a view that is over ``max_tokens`` into pieces that each fit, dropping no text.

    Cuts fall on section, then paragraph, then line, sentence and word borders; a piece that
    starts inside a section repeats that section's label.
    """
    if max_tokens < 16:
        from summarizer.errors import ConfigurationError

        raise ConfigurationError(f"max_tokens must be at least 16, got {max_tokens}")
    if view.tokens <= max_tokens and estimate_tokens(view.text) <= max_tokens:
        return [view.text]
    units: list[tuple[str | None, str, bool]] = []  # (label, paragraph, starts its section)
    label: str | None = None
    fresh = False
    for para in re.split(r"\n[^\S\n]*\n", view.text):
        lines = para.strip("\n").split("\n")
        if lines and _LABEL_LINE.fullmatch(lines[0]):
            label, fresh = lines[0], True
            lines = lines[1:]
        text = "\n".join(lines).strip()
        if not text:
            continue
        own = None if _NOTE_LINE.fullmatch(text) else label
        budget = max_tokens - (estimate_tokens(own) + 1 if own else 0) - 1
        for k, part in enumerate(_split_to_fit(text, budget)):
            units.append((own, part, fresh and k == 0))
        fresh = False
    return _pack(units, max_tokens)


def _pack(units: list[tuple[str | None, str, bool]], max_tokens: int) -> list[str]:
    pieces: list[str] = []
    parts: list[str] = []
    used = 0
    current: str | None = None
    costs: list[int] = []  # of each piece, when it holds one block (then it is that block's)
    last_block, block_cost = "", 0
    for label, text, starts in units:
        for attempt in (0, 1):
            head = label is not None and (starts or not parts or label != current)
            block = f"{label}\n{text}" if head else text
            if attempt == 0 or block is not last_block:  # the label may come in: again
                block_cost = estimate_tokens(block)
            last_block = block
            cost = block_cost + (1 if parts else 0)
            if not parts or used + cost <= max_tokens or attempt == 1:
                parts.append(block)
                used += cost
                current = label
                break
            pieces.append("\n\n".join(parts))
            costs.append(used if len(parts) == 1 else -1)
            parts, used, current = [], 0, None
    if parts:
        pieces.append("\n\n".join(parts))
        costs.append(used if len(parts) == 1 else -1)
    out: list[str] = []
    for piece, known in zip(pieces, costs, strict=True):
        # the estimate is additive over these joins; this is only a safety net (a piece of one
        # block has that block's estimate already)
        fits = known <= max_tokens if known >= 0 else estimate_tokens(piece) <= max_tokens
        out.extend([piece] if fits else _split_to_fit(piece, max_tokens))
    return out


def _split_to_fit(text: str, budget: int) -> list[str]:
    """Cut ``text`` on line, sentence, word and finally character borders until each piece fits."""
    if estimate_tokens(text) <= budget:
        return [text]
    for cutter in (re.compile(r"\n+"), _SENTENCE_END, _WORD_END):
        parts = _cut_after(text, cutter)
        if len(parts) > 1:
            return [piece for piece in _fill_pieces(parts, budget) if piece]
    step = max(1, budget // 2)
    out = []
    i = 0
    while i < len(text):
        size = step
        while size > 1 and estimate_tokens(text[i : i + size]) > budget:
            size //= 2
        out.append(text[i : i + size])
        i += size
    return out


#: a piece that takes the one space before it into itself (see ``_TOKEN_PIECE``)
_ABSORBS_SPACE = re.compile(r"[^\W\d_]|[^\s\w]")
#: how far the parts' summed estimates may exceed a joined estimate (whitespace at the ends)
_SUM_SLACK = 8.0


def _fill_pieces(parts: list[str], budget: int) -> list[str]:
    """Join consecutive ``parts`` into the longest pieces that fit ``budget``, in order (a part
    that does not fit alone is cut further).

    The parts' own estimates, summed, give each piece's border within a token or two; the
    estimate of the joined text settles it (growing or shrinking by doubling steps, then
    halving), so a piece costs two or three estimates of its length. Adding one part at a time
    and estimating again cost the square of the parts per piece: minutes for a megabyte of
    short lines or words.
    """
    seen: dict[str, float] = {}  # a part estimated once however often it recurs
    costs = [seen[p] if p in seen else seen.setdefault(p, _estimate(p)) for p in parts]
    for k in range(len(parts) - 1):  # the space a next word or mark takes into itself
        p = parts[k]
        if p[-1] in " \t" and not p[-2:].isspace() and _ABSORBS_SPACE.match(parts[k + 1]):
            costs[k] -= 1.0
    summed = list(itertools.accumulate(costs, initial=0.0))
    out: list[str] = []
    i, n = 0, len(parts)

    def fits(j: int) -> bool:
        if summed[j] - summed[i] > budget + _SUM_SLACK:
            return False
        return estimate_tokens("".join(parts[i:j]).strip()) <= budget

    while i < n:
        if not fits(i + 1):
            out.extend(_split_to_fit(parts[i].strip(), budget))
            i += 1
            continue
        guess = max(i + 1, bisect.bisect_right(summed, summed[i] + budget) - 1)
        good, bad = i + 1, n + 1  # parts[i:good] fit, parts[i:bad] do not
        if guess > good:
            if fits(guess):
                good = guess
            else:
                bad = guess
        step = 1
        if bad > n:  # grow from the guess by doubling steps
            while good < n:
                probe = min(n, good + step)
                if not fits(probe):
                    bad = probe
                    break
                good, step = probe, step * 2
        else:  # shrink from the guess by doubling steps
            while bad - good > 1:
                probe = max(good + 1, bad - step)
                if fits(probe):
                    good = probe
                    break
                bad, step = probe, step * 2
        while bad - good > 1 and bad <= n:
            middle = (good + bad) // 2
            if fits(middle):
                good = middle
            else:
                bad = middle
        out.append("".join(parts[i:good]).strip())
        i = good
    return out


def _cut_after(text: str, cutter: re.Pattern[str]) -> list[str]:
    parts: list[str] = []
    last = 0
    for m in cutter.finditer(text):
        if m.end() < len(text):
            parts.append(text[last : m.end()])
            last = m.end()
    parts.append(text[last:])
    return [p for p in parts if p]
