"""The regulatory vocabulary, defined once: regulators, decision kinds and the words for them.

``vocabulary.toml`` holds it as data; this module reads it into small frozen records. The cue
lexicon (``lexicon``), the prompt's code lists (``prompts/system.j2``), the schema's codes and
descriptions (``schema.py``), and the decision sets of the rules, the reader (the rules
backend) and arbitration are all built from ``VOCABULARY``; nothing else lists the codes.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import Any

from summarizer.errors import ConfigurationError

__all__ = [
    "VOCABULARY",
    "AgencySpec",
    "CueSpec",
    "DecisionSpec",
    "Vocabulary",
    "load_vocabulary",
]

_DIRECTIONS = frozenset({"favorable", "unfavorable", "neutral"})
_FRAGMENT = re.compile(r"\{([A-Z][A-Z_]*)\}")
_WORD_END = re.compile(r"\w")


@dataclass(frozen=True)
class CueSpec:
    """A wording that signals a decision; ``specificity`` ranks overlapping cues (1 .. 4).

    ``needs_agency``: it only counts in a sentence naming a regulator. ``agency``: the regulator
    whose own wording it is (None: any regulator's). ``direction``: what the wording means for
    the company when its decision kind has none of its own ("other": a suspension is
    unfavourable, a tentative approval favourable); None: the release's tone decides.
    """

    decision: str
    pattern: re.Pattern[str]
    specificity: float
    needs_agency: bool = False
    agency: str | None = None
    direction: str | None = None
    #: other kinds the same wording is labelled as, by a convention that varies (a Health
    #: Canada Notice of Non-compliance: a complete response, or deficiency feedback short of a
    #: decision): a model's answer of one of them is not contradicted by it
    also: frozenset[str] = frozenset()
    #: kinds whose content the wording reports as often as it names feedback ("the FDA
    #: requested" in a complete response letter): the release's own words name the act
    reports: frozenset[str] = frozenset()


@dataclass(frozen=True)
class AgencySpec:
    """A regulator: its code, how releases name it, and the decision kinds it takes."""

    code: str
    label: str
    prompt: str
    region: str
    pattern: re.Pattern[str]
    decisions: frozenset[str]
    any_decision: bool = False
    #: its short names as written ("FDA", "CHMP"): never a product name
    abbreviations: tuple[str, ...] = ()
    #: what a release calls it once it has named it ("the Commission"): read only then
    short_names: re.Pattern[str] | None = None
    #: how this regulator's decisions on a device are coded ("approval" -> "clearance")
    device_decisions: Mapping[str, str] = field(default_factory=dict)
    #: what to use instead of a decision kind it does not take (by decision, "*" for any)
    advice: Mapping[str, str] = field(default_factory=dict)
    #: who formally takes a decision a release credits to this regulator ("EMA approval": EC)
    defers: Mapping[str, str] = field(default_factory=dict)
    #: the names of instruments only this regulator uses ("PMA", "510(k)"): who acts in a
    #: release that names no regulator at all
    instruments: re.Pattern[str] | None = None

    def takes(self, decision: str) -> bool:
        """Whether this regulator makes decisions of kind ``decision``."""
        return self.any_decision or decision in self.decisions


@dataclass(frozen=True)
class DecisionSpec:
    """A decision kind: what it means, its direction for the company, how it relates to others.

    ``direction`` is None when the wording decides it (an advisory vote, feedback). ``refines``:
    the generic kinds this one is a specific case of ("clearance" of "approval");
    ``compatible``: kinds a release may state together with it without contradiction;
    ``yields_to``: of those, the ones that are the act when one sentence states both ("accepted
    the BLA and granted it Priority Review" is the acceptance);
    ``refine_specificity``: how specific a cue must be to name this kind over the generic one.
    """

    code: str
    description: str
    prompt: str
    direction: str | None
    phrase: str
    refines: frozenset[str]
    compatible: frozenset[str]
    yields_to: frozenset[str] = frozenset()
    refine_specificity: float = 0.0  # the least specific cue that names this kind up front
    #: what to use instead when a regulator that does not take this kind is named with it
    misfit: str = ""
    #: how sure a misfit is: "error" (never that regulator's) or "warning" (unusual)
    misfit_severity: str = "error"
    #: the kind for what fits no other: a specific kind stated in its sentence is the answer
    catch_all: bool = False
    #: the acts this kind comes with: stated in a sentence that states one of them as today's,
    #: its cue is part of that act ("granted marketing authorisation ... and confirmed the
    #: orphan designation": the approval)
    part_of: frozenset[str] = frozenset()
    #: whether an answer with another direction is an error (False: the direction is usual,
    #: not certain: an accepted filing with a short review clock may read neutral)
    fixed_direction: bool = True
    #: the participles that tell this kind's act as a step of what another act is about ("the
    #: clinical hold placed on the study", "the NDA submitted in November")
    participles: tuple[str, ...] = ()
    #: for a kind whose direction varies: the words that tell which way an act went when no cue
    #: says it ("asked for additional data", "agreed with the proposed design"), as (direction,
    #: pattern) pairs read in order
    leanings: tuple[tuple[str, re.Pattern[str]], ...] = ()
    #: a device's kind only ("clearance"): a medicine's act is the generic kind it refines
    devices_only: bool = False


@dataclass(frozen=True)
class Vocabulary:
    """Regulators, decision kinds and their cues; ``no_agency`` / ``no_decision`` mark a
    release that reports no regulatory event; ``other_agency`` is the code of every regulator
    that has none of its own (Swissmedic, ANVISA)."""

    agencies: tuple[AgencySpec, ...]
    decisions: tuple[DecisionSpec, ...]
    cues: tuple[CueSpec, ...]
    no_agency: str
    no_decision: str
    other_agency: str = "OTHER"
    agency_field: str = "Regulator code."
    decision_field: str = "Event type code."

    @cached_property
    def _agency_index(self) -> dict[str, AgencySpec]:
        return {a.code: a for a in self.agencies}

    @cached_property
    def _decision_index(self) -> dict[str, DecisionSpec]:
        return {d.code: d for d in self.decisions}

    @property
    def vague_agencies(self) -> frozenset[str]:
        """``no_agency`` and ``other_agency``: codes that name no regulator to look for by name
        in a release."""
        return frozenset({self.other_agency, self.no_agency})

    @property
    def agency_codes(self) -> tuple[str, ...]:
        """Every regulator code, then ``no_agency`` (the schema's codes, in order)."""
        return (*(a.code for a in self.agencies), self.no_agency)

    @property
    def decision_codes(self) -> tuple[str, ...]:
        """Every decision code, ``no_decision`` last (the schema's codes, in order)."""
        return tuple(d.code for d in self.decisions)

    @property
    def event_decisions(self) -> tuple[DecisionSpec, ...]:
        """The decision kinds of a regulatory event (all but ``no_decision``)."""
        return tuple(d for d in self.decisions if d.code != self.no_decision)

    @cached_property
    def code_list(self) -> frozenset[str]:
        """The codes and the code list's own words (labels, notes, descriptions), lower-cased:
        what a model copies from the prompt into a free-text field when it has nothing."""
        words = {self.no_agency, self.no_decision}
        for a in self.agencies:
            words |= {a.code, a.label, a.prompt}
        for d in self.decisions:
            words |= {d.code, d.description, d.prompt, d.code.replace("_", " ")}
        return frozenset(_flat(w) for w in words if w)

    def echoes_code_list(self, text: str) -> bool:
        """Whether ``text`` is only a code or a line of the code list (``code_list``)."""
        return _flat(text) in self.code_list

    def agency(self, code: str) -> AgencySpec | None:
        return self._agency_index.get(code)

    def misfit(self, agency: str, decision: str) -> tuple[str, str] | None:
        """Why regulator ``agency`` never takes ``decision``, and how sure that is ("error"; a
        kind other regulators' acts are sometimes coded as: "warning"), or None when it does
        (or either code is unknown, or there is no decision)."""
        a, d = self.agency(agency), self.decision(decision)
        if a is None or d is None or decision == self.no_decision or a.takes(decision):
            return None
        advice = (a.advice.get(decision) or d.misfit or a.advice.get("*")
                  or f"{a.label} does not issue that kind of decision")
        return advice, d.misfit_severity

    def decision(self, code: str) -> DecisionSpec | None:
        return self._decision_index.get(code)

    def direction(self, decision: str) -> str | None:
        """The fixed direction of a decision kind for the company (None: wording decides)."""
        spec = self.decision(decision)
        return spec.direction if spec is not None else None

    def catch_all(self, decision: str) -> bool:
        """Whether ``decision`` is the catch-all kind ("other"): any specific kind is better."""
        spec = self.decision(decision)
        return spec is not None and spec.catch_all

    def with_direction(self, direction: str) -> frozenset[str]:
        """The event decisions whose direction is always ``direction``."""
        return frozenset(d.code for d in self.event_decisions
                         if d.direction == direction and d.fixed_direction)

    def compatible(self, stated: str, read: str) -> bool:
        """Whether a release read as ``read`` does not contradict the answer ``stated``: the
        same kind, kinds a release states together, or ``stated`` a specific case of ``read``."""
        if stated == read:
            return True
        a, b = self.decision(stated), self.decision(read)
        if a is None or b is None:
            return False
        return read in a.compatible or stated in b.compatible or read in a.refines

    def refinement(self, stated: str, read: str) -> bool:
        """Whether ``read`` is a specific kind of the generic ``stated`` ("approval" ->
        "clearance"): the generic answer gives way when the release names the kind."""
        spec = self.decision(read)
        return spec is not None and stated in spec.refines

    def phrase(self, decision: str) -> str:
        """The verb a headline uses for a decision ("approves")."""
        spec = self.decision(decision)
        return spec.phrase if spec is not None and spec.phrase else "acts on"

    def takes(self, agency: str, decision: str) -> bool:
        """Whether regulator ``agency`` takes decisions of kind ``decision`` (unknown: yes)."""
        spec = self.agency(agency)
        return spec is None or spec.takes(decision)

    def instrument_owner(self, text: str) -> str | None:
        """The one regulator whose own instruments ``text`` names ("withdrew its PMA
        supplement": the FDA), or None when it names none or those of several."""
        owners = {a.code for a in self.agencies
                  if a.instruments is not None and a.instruments.search(text)}
        return owners.pop() if len(owners) == 1 else None

    def cues_of(self, agency: str) -> tuple[CueSpec, ...]:
        """The cues a release about ``agency`` can be read with: generic ones and its own."""
        return tuple(c for c in self.cues if c.agency in (None, agency))


# --------------------------------------------------------------------------------------------
# reading the data file


def _flat(text: str) -> str:
    return " ".join(text.lower().split())


def _compile(alternatives: Iterable[str], fragments: Mapping[str, str], case: str,
             where: str) -> re.Pattern[str]:
    def expand(m: re.Match[str], inside: tuple[str, ...] = ()) -> str:
        # a fragment may use another ("{SENT}" within a lookahead); one using itself is an error
        name = m.group(1)
        if name not in fragments:
            raise ConfigurationError(f"{where}: unknown fragment {{{name}}}")
        if name in inside:
            raise ConfigurationError(f"{where}: fragment {{{name}}} uses itself")
        return _FRAGMENT.sub(lambda n: expand(n, (*inside, name)), fragments[name])

    parts = [_FRAGMENT.sub(expand, a) for a in alternatives]
    if not parts:
        raise ConfigurationError(f"{where}: no pattern")
    if case not in ("insensitive", "sensitive"):
        raise ConfigurationError(f"{where}: case must be 'insensitive' or 'sensitive'")
    try:
        return re.compile("|".join(parts), re.IGNORECASE if case == "insensitive" else 0)
    except re.error as exc:
        raise ConfigurationError(f"{where}: bad pattern: {exc}") from exc


def _bounded(word: str) -> str:
    """``word`` as a regex, with word boundaries at its word-character ends."""
    left = r"\b" if _WORD_END.match(word[:1]) else ""
    right = r"\b" if _WORD_END.match(word[-1:]) else ""
    return left + re.escape(word).replace("\\ ", " ") + right


def _sentence_initial(pattern: str) -> str:
    """A short name's pattern that also matches it opening a sentence ("The Commission
    decision ..." for "the Commission"): its first letter in either case, the rest of it
    case-sensitive."""
    return re.sub(r"^(\\b)?([a-z])",
                  lambda m: f"{m.group(1) or ''}[{m.group(2)}{m.group(2).upper()}]", pattern)


def _agency_pattern(raw: Mapping[str, Any], fragments: Mapping[str, str],
                    where: str) -> re.Pattern[str]:
    parts = [_bounded(a) for a in raw.get("abbreviations", [])]
    parts += [f"(?i:{_bounded(n)})" for n in raw.get("names", [])]
    parts += list(raw.get("patterns", []))  # these may use the fragments ("{REGULATOR}")
    return _compile(parts, fragments, "sensitive", where)


def _direction(raw: Mapping[str, Any], where: str) -> str | None:
    """The ``direction`` of a decision kind or cue entry, checked against the schema's."""
    direction = raw.get("direction")
    if direction is not None and direction not in _DIRECTIONS:
        raise ConfigurationError(f"{where} direction must be one of {sorted(_DIRECTIONS)}")
    return direction


def _cue(raw: Mapping[str, Any], decision: str, agency: str | None,
         fragments: Mapping[str, str], where: str) -> CueSpec:
    alternatives = raw.get("any") or []
    direction = _direction(raw, f"{where}: a cue's")
    return CueSpec(
        decision=decision,
        pattern=_compile(alternatives, fragments, raw.get("case", "insensitive"), where),
        specificity=float(raw.get("specificity", 1.0)),
        needs_agency=bool(raw.get("needs_agency", False)),
        agency=agency,
        direction=direction,
        also=frozenset(raw.get("also", [])),
        reports=frozenset(raw.get("reports", [])),
    )


def _leaning_entry(raw: Mapping[str, Any], fragments: Mapping[str, str],
                   where: str) -> tuple[str, re.Pattern[str]]:
    """A decision kind's ``leaning`` entry: its direction and its words, compiled."""
    direction = _direction(raw, f"{where}: a leaning's")
    if direction is None:
        raise ConfigurationError(f"{where}: a leaning needs a direction")
    return direction, _compile(raw.get("any") or [], fragments, raw.get("case", "insensitive"),
                               where)


def _trie(words: Iterable[str]) -> str:
    """One regex matching any of ``words``, their common beginnings shared ("Health
    (?:Canada|Sciences Authority)"): a flat alternation of a few hundred names is tried name by
    name at every position, a shared one character by character."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch).replace("\\ ", " ") + emit(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if ends:  # a word that stops here, and longer ones that go on: the longer first
            return f"(?:{body})?" if len(branches) == 1 else f"{body[:-1]}|)"
        return body

    return emit(root)


def _regulator_names(raw_agencies: Iterable[Mapping[str, Any]]) -> str:
    """The ``{REGULATOR_NAME}`` fragment: every agency's abbreviations (in their case) and names
    (in any), from the agency table, so a cue naming "the regulator" as a subject lists none."""
    abbreviations = {a for r in raw_agencies for a in r.get("abbreviations", [])}
    names = {n for r in raw_agencies for n in r.get("names", [])}
    parts = [f"(?-i:\\b{_trie(abbreviations)}\\b)"] if abbreviations else []
    parts += [f"(?i:\\b{_trie(n.lower() for n in names)}\\b)"] if names else []
    return f"(?:{'|'.join(parts)})" if parts else "(?!)"


def _build(data: Mapping[str, Any], origin: str) -> Vocabulary:
    fragments: dict[str, str] = dict(data.get("fragments", {}))
    fragments.setdefault("REGULATOR_NAME", _regulator_names(data.get("agency", [])))
    decisions: list[DecisionSpec] = []
    cues: list[CueSpec] = []
    for raw in data.get("decision", []):
        code = raw["code"]
        where = f"{origin}: decision {code}"
        direction = _direction(raw, where + ":")
        decisions.append(DecisionSpec(
            code=code, description=raw.get("description", ""),
            prompt=raw.get("prompt", ""), direction=direction, phrase=raw.get("phrase", ""),
            refines=frozenset(raw.get("refines", [])),
            compatible=frozenset(raw.get("compatible", [])),
            yields_to=frozenset(raw.get("yields_to", [])),
            refine_specificity=float(raw.get("refine_specificity", 0.0)),
            fixed_direction=bool(raw.get("fixed_direction", direction is not None)),
            misfit=raw.get("misfit", ""),
            catch_all=bool(raw.get("catch_all", False)),
            part_of=frozenset(raw.get("part_of", [])),
            misfit_severity=raw.get("misfit_severity", "error"),
            participles=tuple(raw.get("participles", [])),
            leanings=tuple(_leaning_entry(r, fragments, where) for r in raw.get("leaning", [])),
            devices_only=bool(raw.get("devices_only", False)),
        ))
        cues += [_cue(c, code, None, fragments, where) for c in raw.get("cue", [])]
    codes = {d.code for d in decisions}
    agencies: list[AgencySpec] = []
    for raw in data.get("agency", []):
        code = raw["code"]
        where = f"{origin}: agency {code}"
        taken = list(raw.get("decisions", []))
        agencies.append(AgencySpec(
            code=code, label=raw.get("label", code), prompt=raw.get("prompt", ""),
            region=raw.get("region", ""), pattern=_agency_pattern(raw, fragments, where),
            decisions=frozenset(t for t in taken if t != "*"), any_decision="*" in taken,
            abbreviations=tuple(raw.get("abbreviations", [])),
            short_names=_compile([_sentence_initial(_bounded(n)) for n in raw["short_names"]],
                                 {}, "sensitive", where) if raw.get("short_names") else None,
            device_decisions=dict(raw.get("device_decisions", {})),
            advice=dict(raw.get("advice", {})),
            defers=dict(raw.get("defers", {})),
            instruments=_compile(raw["instruments"], fragments, "sensitive", where)
            if raw.get("instruments") else None,
        ))
        for c in raw.get("cue", []):
            cues.append(_cue(c, c.get("decision", ""), code, fragments, where))
    fixed = {d.code for d in decisions if d.direction is not None}
    for cue in cues:
        if cue.direction is not None and cue.decision in fixed:
            # the kind fixes its direction: a wording's own could only contradict it
            raise ConfigurationError(f"{origin}: a cue of '{cue.decision}' has a direction; "
                                     "a cue's direction is for kinds without one")
    no_agency, no_decision = data.get("no_agency", "NONE"), data.get("no_decision", "none")
    vocabulary = Vocabulary(
        tuple(agencies), tuple(decisions), tuple(cues), no_agency, no_decision,
        other_agency=data.get("other_agency", "OTHER"),
        agency_field=data.get("agency_field", "Regulator code."),
        decision_field=data.get("decision_field", "Event type code."),
    )
    _validate(vocabulary, codes, origin)
    return vocabulary


def _validate(v: Vocabulary, codes: set[str], origin: str) -> None:
    if v.no_decision not in codes:
        raise ConfigurationError(f"{origin}: no_decision {v.no_decision!r} is not a decision")
    if len(codes) != len(v.decisions) or len(v.agency_codes) != len(set(v.agency_codes)):
        raise ConfigurationError(f"{origin}: a code is defined twice")
    for d in v.decisions:
        unknown = (d.refines | d.compatible | d.part_of) - codes
        if unknown:
            raise ConfigurationError(f"{origin}: decision {d.code} names unknown {sorted(unknown)}")
        if not d.yields_to <= d.compatible:
            raise ConfigurationError(f"{origin}: decision {d.code} yields to "
                                     f"{sorted(d.yields_to - d.compatible)}, not compatible")
    for a in v.agencies:
        named = a.decisions | set(a.device_decisions) | set(a.device_decisions.values())
        unknown = (named | (set(a.advice) - {"*"}) | set(a.defers)) - codes
        if unknown:
            raise ConfigurationError(f"{origin}: agency {a.code} takes unknown {sorted(unknown)}")
    for a in v.agencies:
        if set(a.defers.values()) - set(v.agency_codes):
            raise ConfigurationError(f"{origin}: agency {a.code} defers to an unknown regulator")
    for c in v.cues:
        if c.decision not in codes or c.decision == v.no_decision:
            raise ConfigurationError(f"{origin}: a cue of {c.agency} names decision "
                                     f"{c.decision!r}")
        if not c.also <= codes - {v.no_decision, c.decision}:
            raise ConfigurationError(f"{origin}: a cue of {c.decision} is also read as "
                                     f"{sorted(c.also)}: each must be another decision")
        if not c.reports <= codes - {v.no_decision, c.decision}:
            raise ConfigurationError(f"{origin}: a cue of {c.decision} reports "
                                     f"{sorted(c.reports)}: each must be another decision")
    if v.agencies and v.agency(v.other_agency) is None:
        raise ConfigurationError(f"{origin}: other_agency {v.other_agency!r} is not a regulator")


def load_vocabulary(path: str | PathLike[str] | None = None) -> Vocabulary:
    """Read a vocabulary file (TOML; default: the one shipped next to this module).

    Raises ``ConfigurationError`` for a file that cannot be read or does not hold a valid
    vocabulary (an unknown code, a bad pattern).
    """
    try:
        if path is None:
            origin = "vocabulary.toml"
            raw = resources.files(__package__ or "summarizer.tasks.regulatory").joinpath(
                "vocabulary.toml").read_text(encoding="utf-8")
        else:
            origin = str(path)
            raw = Path(path).read_text(encoding="utf-8")
        data = tomllib.loads(raw)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigurationError(f"cannot read vocabulary: {exc}") from exc
    try:
        return _build(data, origin)
    except (KeyError, TypeError) as exc:
        raise ConfigurationError(f"{origin}: malformed vocabulary: {exc!r}") from exc


#: the vocabulary the library uses
VOCABULARY = load_vocabulary()
