"""Product identity across releases: brand, generic name and code joined into one product.

Two names are the same product when one release names them together: a ``products[]`` entry's
``name`` and ``generic_name``, or a pair the release writes as "Brand (generic)" or
"Brand (generic, CODE)" next to a name the record already lists. Names are compared by
``alias_key``: case, trademark marks ((R), ®, ™), hyphens and spacing, dosage-form words
("injection") and the order of a combination ("A and B", "A/B") do not matter.

Products of different companies are never merged, and a name that one release gives to two of its
products (a biosimilar and its reference product share the generic name) joins nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from summarizer.tasks.regulatory.schema import Product
from summarizer.tasks.regulatory.timeline.model import TrackedProduct
from summarizer.tasks.regulatory.timeline.vocabulary import COMPANY_SUFFIXES, FORM_WORDS

__all__ = ["Identity", "Mention", "alias_key", "clean_name", "company_key", "identify"]

_MARKS = re.compile(r"\((?:R|TM|SM|C)\)|[®™©℠]", re.IGNORECASE)
_COMBO = re.compile(r"\s+(?:and|plus|&)\s+|\s*[/+]\s*", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+(?:[-'’][a-z0-9]+)*")
_CODE = re.compile(r"[A-Z]{1,6}[- ]?\d+[A-Z]?(?:-\d+)?")
#: "Name (inner)" with an optional trademark mark between; inner split at commas and "formerly"
_PAIR = re.compile(r"\b([A-Za-z][\w\-]*)\s*(?:\((?:R|TM|SM)\)|[®™])?\s*\(([^()]{2,80})\)")
_INNER_SPLIT = re.compile(
    r"\s*(?:[,;]|\bformerly(?: known as)?\b|\bpreviously(?: known as)?\b|\balso known as\b"
    r"|\baka\b)\s*", re.IGNORECASE)
_UNNAMED = "#unnamed"


def _nfkc(name: str) -> str:
    """Compatibility-normalised text without trademark marks (removed first: NFKC spells ™ as
    "TM")."""
    return _MARKS.sub(" ", unicodedata.normalize("NFKC", _MARKS.sub(" ", name)))


def clean_name(name: str) -> str:
    """A name as shown: trademark marks dropped, spacing collapsed."""
    return " ".join(_nfkc(name).split()).strip(" ,.;:")


def alias_key(name: str) -> str:
    """The comparison key of a product name ("" when nothing name-like is left).

    >>> alias_key("Ceplene(R) injection") == alias_key("CEPLENE")
    True
    >>> alias_key("UX-111") == alias_key("ux 111"), alias_key("A and B") == alias_key("B/A")
    (True, True)
    """
    text = _nfkc(name).lower()
    keys = set()
    for part in _COMBO.split(text):
        words = [w for w in _WORD.findall(part) if w not in FORM_WORDS]
        key = "".join(re.sub(r"[^a-z0-9]", "", w) for w in words)
        if len(key) >= 3:
            keys.add(key)
    return "+".join(sorted(keys))


def company_key(company: str | None) -> str:
    """The comparison key of a company name: legal suffixes and punctuation dropped."""
    text = unicodedata.normalize("NFKC", company or "").lower().replace(".", "")
    words = re.findall(r"[a-z0-9/&]+", text)
    core = [w for w in words if w not in COMPANY_SUFFIXES]
    return " ".join(core or words)


@dataclass(frozen=True)
class Mention:
    """The product names one record gives: its ``products[]`` entries and the strings in which
    it may write "Brand (generic)" pairs (headline, summary, quotes, the release text)."""

    record: int
    company: str | None
    products: Sequence[Product]
    source: str
    strings: Sequence[str] = ()


@dataclass
class Identity:
    """The products found, and which product each record's ``products[i]`` is."""

    products: tuple[TrackedProduct, ...]
    of: dict[tuple[int, int], str] = field(default_factory=dict)

    def product_of(self, record: int, index: int) -> str:
        return self.of[(record, index)]


@dataclass
class _Entry:
    record: int
    index: int
    company: str
    company_name: str | None
    source: str
    names: list[tuple[str, str]]  # (surface form, role: name/generic/paired)
    keys: set[str] = field(default_factory=set)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(self, node: tuple[str, str]) -> tuple[str, str]:
        self.parent.setdefault(node, node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def union(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _pairs(strings: Iterable[str], known: set[str]) -> list[tuple[str, str]]:
    """(known name, new name) for every "Known (new, ...)" a string writes."""
    found = []
    for text in strings:
        for m in _PAIR.finditer(text):
            if alias_key(m.group(1)) not in known:
                continue
            for part in _INNER_SPLIT.split(m.group(2)):
                part = clean_name(part)
                if (part and ":" not in part and len(part.split()) <= 4 and alias_key(part)
                        and not re.fullmatch(r"(?i)R|TM|SM", part)):
                    found.append((m.group(1), part))
    return found


def _entries(mentions: Sequence[Mention]) -> list[_Entry]:
    entries = []
    for mention in mentions:
        company = company_key(mention.company)
        record_entries = []
        for i, product in enumerate(mention.products):
            names = [(product.name, "name")]
            if product.generic_name:
                names.append((product.generic_name, "generic"))
            entry = _Entry(mention.record, i, company, mention.company, mention.source, names)
            entry.keys = {k for n, _ in names if (k := alias_key(n))}
            record_entries.append(entry)
        # pairs are joined only when the record names no other product with that name
        for entry in record_entries:
            others = set().union(*(e.keys for e in record_entries if e is not entry))
            for known, new in _pairs(mention.strings, entry.keys):
                key = alias_key(new)
                if key not in others and alias_key(known) not in others:
                    entry.names.append((new, "paired"))
                    entry.keys.add(key)
        entries += record_entries
    return entries


def _ambiguous(entries: Sequence[_Entry]) -> set[tuple[str, str]]:
    """(company, key) pairs that one record gives to two of its products."""
    seen: dict[tuple[int, str], int] = Counter()
    for entry in entries:
        for key in entry.keys:
            seen[(entry.record, key)] += 1
    by_record = {(r, k) for (r, k), n in seen.items() if n > 1}
    return {(e.company, k) for e in entries for k in e.keys if (e.record, k) in by_record}


def _resolve_companies(entries: Sequence[_Entry], ambiguous: set[tuple[str, str]]) -> None:
    """A record without a company joins the one company that has one of its names."""
    owners: dict[str, set[str]] = {}
    for entry in entries:
        if entry.company:
            for key in entry.keys:
                if (entry.company, key) not in ambiguous:
                    owners.setdefault(key, set()).add(entry.company)
    for entry in entries:
        if not entry.company:
            companies = set().union(*(owners.get(k, set()) for k in entry.keys))
            if len(companies) == 1:
                entry.company = companies.pop()


def _display_name(entries: Sequence[_Entry]) -> str:
    """Brand first (most named), then generic name, then code."""
    counts: Counter[str] = Counter()
    generic: set[str] = set()
    first: dict[str, int] = {}
    for entry in entries:
        for name, role in entry.names:
            shown = clean_name(name)
            key = alias_key(shown)
            counts[shown] += 2 if role == "name" else 1
            first.setdefault(shown, len(first))
            if role == "generic" or shown.islower():
                generic.add(key)
    if not counts:
        return "(unnamed product)"

    def rank(name: str) -> tuple[int, int, int]:
        kind = 2 if _CODE.fullmatch(name) else 1 if alias_key(name) in generic else 0
        return kind, -counts[name], first[name]

    return min(counts, key=rank)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "x"


def identify(mentions: Sequence[Mention]) -> Identity:
    """Join the names of ``mentions`` into products (see the module docstring)."""
    entries = _entries(mentions)
    ambiguous = _ambiguous(entries)
    _resolve_companies(entries, ambiguous)
    uf = _UnionFind()
    nodes: dict[int, tuple[str, str]] = {}
    for n, entry in enumerate(entries):
        joinable = sorted(k for k in entry.keys if (entry.company, k) not in ambiguous)
        keys = joinable or sorted(entry.keys) or [f"{_UNNAMED}{'' if entry.company else n}"]
        if not joinable and entry.keys:  # only shared names: this entry is a product of its own
            keys = [f"{keys[0]}#{entry.record}.{entry.index}"]
        nodes[n] = (entry.company, keys[0])
        for key in keys[1:]:
            uf.union(nodes[n], (entry.company, key))
    groups: dict[tuple[str, str], list[_Entry]] = {}
    for n, entry in enumerate(entries):
        groups.setdefault(uf.find(nodes[n]), []).append(entry)
    products: list[TrackedProduct] = []
    of: dict[tuple[int, int], str] = {}
    used: set[str] = set()
    for members in sorted(groups.values(), key=lambda m: (m[0].record, m[0].index)):
        name = _display_name(members)
        companies = Counter(e.company_name for e in members if e.company_name)
        company = companies.most_common(1)[0][0] if companies else None
        pid = base = f"{_slug(members[0].company or 'unknown')}--{_slug(name)}"
        suffix = 2
        while pid in used:
            pid, suffix = f"{base}-{suffix}", suffix + 1
        used.add(pid)
        aliases: dict[str, str] = {}
        for entry in members:
            for surface, _ in entry.names:
                shown = clean_name(surface)
                aliases.setdefault(alias_key(shown) or shown, shown)
        ordered = sorted(aliases.values(), key=lambda a: (a != name, bool(_CODE.fullmatch(a))))
        sources = tuple(dict.fromkeys(e.source for e in members))
        products.append(TrackedProduct(pid, name, tuple(ordered), company, sources))
        for entry in members:
            of[(entry.record, entry.index)] = pid
    return Identity(tuple(products), of)
