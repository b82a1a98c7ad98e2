"""The Task seam: what makes one kind of summary, and where the engine finds installed tasks.

The engine (intake, prompting, extraction, grounding, batching, cache, CLI, eval, reports,
integrations, Batch API, pytest plugin) knows no domain; a ``Task`` plugs in everything that
does: the answer schema, the prompt templates, the view of the document the model reads, the
rule catalogue, an optional deterministic reader (the ``rules`` backend), the steps that settle
an answer after extraction, how the answers of a long release's parts merge, the scorer of its
label spec (``summarizer eval``) and the card a report draws.

A task is a subclass of ``Task`` registered under the entry-point group ``summarizer.tasks``::

    [project.entry-points."summarizer.tasks"]
    recall = "my_package.recall:RecallTask"

``Summarizer(task="recall")``, ``summarizer summarize --task recall`` and ``summarizer tasks``
find it; ``regulatory`` (the default) and ``trial-readout`` are built in. The cache key and every
record's ``meta`` carry the task's ``name`` and ``version``.
"""

from __future__ import annotations

import re
import threading
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar

from pydantic import BaseModel

from summarizer import _registry
from summarizer.corrections import Corrections
from summarizer.document import Document
from summarizer.errors import ConfigurationError
from summarizer.evidence import Answer, Evidence, Sentiment
from summarizer.grounding import trim_quotes
from summarizer.prompting import TEMPLATE_NAMES, Prompt, template_source
from summarizer.rulebook import Rule, RuleContext
from summarizer.sections import PromptView, prompt_view
from summarizer.types import Finding

__all__ = [
    "DEFAULT_TASK",
    "ENTRY_POINT_GROUP",
    "POLICIES",
    "SETTLE_DEFAULTS",
    "Card",
    "CardClaim",
    "CardLead",
    "CardSection",
    "IndexCell",
    "ReportStyle",
    "SettleOptions",
    "Task",
    "TaskInfo",
    "available_tasks",
    "get_task",
    "has_reader",
    "refresh_tasks",
]

ENTRY_POINT_GROUP = _registry.GROUP
DEFAULT_TASK = _registry.DEFAULT_TASK
#: what settling may do to an answer its own evidence does not support: change it and report
#: the change, only report it, or nothing
POLICIES = ("overrule", "flag", "off")


@dataclass(frozen=True)
class SettleOptions:
    """How ``Task.repair`` and ``Task.settle`` may change an answer: ``arbitration`` (one of
    ``POLICIES``) for a verdict its own evidence contradicts; ``trim_quotes`` cuts a quote the
    release does not hold down to the passage it does; ``repair`` allows the task's other
    certain repairs (placeholder words, names respelled as the release spells them)."""

    arbitration: str = "overrule"
    trim_quotes: bool = True
    repair: bool = True


#: what ``settle`` may do when the caller says nothing: overrule, trim quotes
SETTLE_DEFAULTS = SettleOptions()


# -- cards: how a report draws one answer ----------------------------------------------------


@dataclass(frozen=True)
class CardClaim:
    """One claim of an answer with its evidence, as a report lists it.

    ``id`` is unique in the card (``"outcome"``, ``"next_steps-1"``: a finding whose path starts
    with ``next_steps[1]`` is shown on it); ``field`` is the part of the answer it belongs to
    (its colour); ``heading`` labels its highlight. In Markdown a claim is one bullet:
    ``label`` in bold before the statement, ``aside`` in italics after it, else its ``details``
    in brackets.
    """

    id: str
    field: str
    heading: str
    statement: str
    details: tuple[str, ...] = ()
    evidence: Evidence | None = None
    label: str = ""
    aside: str = ""


@dataclass(frozen=True)
class CardLead:
    """The claim a report draws as the answer's headline card (the decision, the endpoint):
    its ``verdict`` in words, a ``pill`` and ``tone`` (favorable, unfavorable or neutral: the
    colour, and the index's filter), a ``tag`` (who acted) and ``facts`` (label, value) rows."""

    claim: str
    verdict: str
    tone: str = "neutral"
    pill: str = ""
    tag: str = ""
    facts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class CardSection:
    """A list of claims of one ``field`` under a ``heading``; ``empty`` is said when it has
    none."""

    field: str
    heading: str
    empty: str


@dataclass(frozen=True)
class IndexCell:
    """One column of a report's index row: its ``label`` and the ``text`` shown, drawn as a pill
    coloured by ``pill`` (favorable, unfavorable, neutral) when set; ``note`` is shown muted (in
    HTML) when ``text`` is empty."""

    label: str
    text: str
    pill: str = ""
    note: str = ""


@dataclass(frozen=True)
class ReportStyle:
    """What a task's report looks like as a whole: its default ``title``, the ``columns`` of
    its index (the labels of ``Card.index``, in order) and its ``fields`` (field -> legend name,
    in legend order)."""

    title: str = "Summary report"
    columns: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Card:
    """An answer as a report draws it: a title line, index columns, claims in reading order,
    and how they are laid out (lead card, summary text, sections, sentiment).

    ``fields`` names every field the claims use (field -> legend name), in legend order.
    """

    title: str
    index: tuple[IndexCell, ...] = ()
    claims: tuple[CardClaim, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    byline: str = ""
    text: str = ""
    lead: CardLead | None = None
    lead_heading: str = ""
    lead_missing: str = ""
    sections: tuple[CardSection, ...] = ()
    sentiment: Sentiment | None = None

    def claim(self, claim_id: str) -> CardClaim | None:
        """The claim with this id, if any."""
        return next((c for c in self.claims if c.id == claim_id), None)

    def columns(self) -> dict[str, str]:
        """The index row as lower-case label -> text."""
        return {cell.label.lower(): cell.text for cell in self.index}


# -- the task --------------------------------------------------------------------------------


class Task:
    """What makes one kind of summary. Subclass it, set the class attributes and override what
    differs from the defaults; the engine calls nothing else.

    Required: ``name``, ``description``, ``schema`` (an ``Answer`` subclass) and ``templates``
    (a package with ``system.j2``, ``user.j2`` and ``reask.j2``; the re-ask gets ``problems``
    and the ``fields`` a correction asks for alone). Everything else has a default: no rules, no
    reader, no repairs, quote trimming as the only settle step, corrections of whole top-level
    fields, a field-wise merge, a plain card.
    """

    #: the task's name (``--task NAME``, ``meta.task``, the entry point's name)
    name: ClassVar[str] = ""
    #: bump when the schema, prompts, rules or reader change (cache key, ``meta.task_version``)
    version: ClassVar[str] = "1"
    #: one line, shown by ``summarizer tasks``
    description: ClassVar[str] = ""
    #: the answer the model fills in (strict-structured-output compatible)
    schema: ClassVar[type[Answer]]
    #: ``meta.schema_version`` of the records (bump when a field, code or constraint changes)
    schema_version: ClassVar[str] = "1"
    #: the package holding system.j2, user.j2 and reask.j2 (rendered by summarizer.prompting)
    templates: ClassVar[str]
    #: the metrics of the task's label spec, in its order (``summarizer eval``)
    metrics: ClassVar[tuple[str, ...]] = ()
    #: what ``confusion`` compares (the title of eval's confusion matrix)
    verdict_name: ClassVar[str] = "verdict"
    #: the finding rules settling writes when it overrules the main verdict and when it only
    #: disputes it (policy "flag"): what ``summarizer eval`` counts (None: no arbitration)
    arbitration_rules: ClassVar[tuple[str, str] | None] = None
    #: partial corrections (``summarizer.corrections``): the fields holding a model whose own
    #: fields a correction may ask for alone, and what is asked together with a field or a part
    #: (path -> paths, e.g. ``{"outcome.decision": ("outcome.direction",)}``)
    correction_parts: ClassVar[tuple[str, ...]] = ()
    correction_companions: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    #: the description of a correction's response schema (the model reads it)
    correction_title: ClassVar[str] = "The corrected fields of the answer."

    def __repr__(self) -> str:
        return f"<Task {self.name!r} version {self.version}>"

    @property
    def timeline(self) -> Any:
        """The history view of the task's records (``summarizer timeline``), if it has one: an
        object with ``build``, ``render``, ``render_html`` and ``load_release_dates``."""
        return None

    # -- prompting ----------------------------------------------------------------------------

    def template_context(self) -> Mapping[str, object]:
        """Constant variables of system.j2 (e.g. code lists built from the vocabulary): the
        system message must be the same for every document."""
        return {}

    @cached_property
    def prompt(self) -> Prompt:
        """The task's prompt (its templates with ``template_context``), built once."""
        return Prompt(self.templates, self.template_context())

    @property
    def prompt_version(self) -> str:
        """Short hash of the templates and their constant variables (``meta.prompt_version``)."""
        return self.prompt.version

    def view(self, doc: Document) -> PromptView:
        """What the model reads of ``doc`` (default: the body first, boilerplate left out)."""
        return prompt_view(doc.text, doc.sections)

    # -- checking and settling ----------------------------------------------------------------

    def rules(self) -> Sequence[Rule]:
        """The rule catalogue (errors trigger re-asks: each must be right)."""
        return ()

    def rule_context(self, doc: Document, answer: Any) -> Any:
        """What the rules receive (default: the answer, the document and its date)."""
        return RuleContext(answer, doc, doc.published)

    def read(self, doc: Document) -> Answer | None:
        """The deterministic reader's answer (the ``rules`` backend); None: the task has none."""
        return None

    def repair(self, answer: Any, doc: Document,
               options: SettleOptions = SETTLE_DEFAULTS) -> list[Finding]:
        """Make the certain repairs of a grounded answer in place, before the rules decide
        whether to re-ask (the engine repairs a copy for its check; ``settle`` repairs the
        answer it keeps), reporting each as a finding. Only what exactly one fix settles; a
        second run changes nothing. Default: none."""
        return []

    def settle(self, answer: Any, doc: Document,
               options: SettleOptions = SETTLE_DEFAULTS) -> list[Finding]:
        """Settle a grounded model answer in place once the re-asks are spent (arbitration,
        repairs, gap filling, quote trimming), reporting every change as a finding. Default:
        the task's repairs, then quote trimming."""
        findings = self.repair(answer, doc, options)
        if options.trim_quotes:
            findings += trim_quotes(answer, doc.index)
        return findings

    @cached_property
    def corrections(self) -> Corrections:
        """How a correction asks for the failing fields alone (built once)."""
        return Corrections.of(self.schema, self.correction_parts, self.correction_companions,
                              self.correction_title)

    def merge(self, parts: Sequence[Any]) -> Any:
        """One answer from the grounded answers of a long release's parts. Default: the first
        part's values, the first set value of a field the first part leaves empty, and the
        items of every list field, duplicates left out."""
        if not parts:
            raise ValueError("merge needs at least one answer")
        if len(parts) == 1:
            return parts[0]
        values: dict[str, Any] = {}
        for name in type(parts[0]).model_fields:
            got = [getattr(p, name) for p in parts]
            if isinstance(got[0], list):
                seen: list[Any] = []
                for items in got:
                    seen += [i for i in items if i not in seen]
                values[name] = seen
            else:
                values[name] = next((v for v in got if v not in (None, "")), got[0])
        return type(parts[0]).model_construct(**values)

    # -- evaluation and reports ---------------------------------------------------------------

    def score_document(
        self, prediction_record: Mapping[str, Any], gold: Mapping[str, Any]
    ) -> dict[str, float | None]:
        """The label spec's metrics of one document (1.0/0.0, a recall, or None: not
        applicable)."""
        raise ConfigurationError(f"task {self.name!r} has no label spec to score against")

    def confusion(
        self, prediction_record: Mapping[str, Any], gold: Mapping[str, Any]
    ) -> tuple[str, str] | None:
        """(gold code, predicted code) of the task's main verdict, for the confusion matrix."""
        return None

    def card(self, answer: Any) -> Card:
        """How a report draws ``answer``. Default: its ``headline`` (else its first text) as the
        title, its ``company`` and ``summary`` when it has them, one claim per evidence quote,
        the sentiment when the schema has one."""
        fields = type(answer).model_fields

        def text(name: str) -> str:
            value = getattr(answer, name, None) if name in fields else None
            return value if isinstance(value, str) else ""

        title = text("headline") or next((text(n) for n in fields if text(n)), self.name)
        claims = []
        for path, evidence in answer.evidence_items():
            head = path.removesuffix(".evidence")
            top = head.split("[")[0].split(".")[0]
            claims.append(CardClaim(re.sub(r"\[(\d+)\]", r"-\1", head.replace(".", "-")), top,
                                    head.replace("_", " "), evidence.quote, (), evidence))
        sentiment = getattr(answer, "sentiment", None)
        legend = tuple(dict.fromkeys((c.field, c.field.replace("_", " ").capitalize())
                                     for c in claims))
        return Card(title=title, claims=tuple(claims), fields=legend, byline=text("company"),
                    text=text("summary"),
                    sentiment=sentiment if isinstance(sentiment, Sentiment) else None)

    #: how the task's report looks as a whole (title, index columns, legend)
    report: ClassVar[ReportStyle] = ReportStyle()
    #: pandas dtypes of ``columns`` that are not text (nullable: "boolean", "Float64", "Int64")
    column_dtypes: ClassVar[Mapping[str, str]] = {}

    def columns(self, answer: Any | None) -> dict[str, Any]:
        """Flat columns of an answer for data frames (pandas, Ray); every column None for no
        answer (a failed document). Default: the schema's top-level fields that hold a plain
        value (text, number, flag, date)."""
        plain = [name for name, info in self.schema.model_fields.items()
                 if not _nested(info.annotation)]
        return {name: getattr(answer, name) if answer is not None else None for name in plain}


def _nested(annotation: Any) -> bool:
    """Whether a field's type holds a list, a mapping or a model (not one flat column)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        return any(_nested(a) for a in typing.get_args(annotation) if a is not type(None))
    if origin is typing.Literal:
        return False
    if origin is not None:
        return True
    return isinstance(annotation, type) and issubclass(
        annotation, BaseModel | list | dict | tuple | set)


# -- finding installed tasks -----------------------------------------------------------------


@dataclass(frozen=True)
class TaskInfo:
    """An installed task as ``summarizer tasks`` lists it."""

    name: str
    version: str
    description: str
    source: str
    distribution: str | None = None
    error: str | None = field(default=None, compare=False)


_instances: dict[str, Task] = {}
_instances_lock = threading.Lock()


def get_task(task: str | Task | type[Task] | None = None) -> Task:
    """The task to run: an instance as given, a class instantiated, a registered name looked
    up (the entry points of group ``summarizer.tasks``, then the built-ins), or the default
    (``regulatory``) for None. ``ConfigurationError`` for an unknown name or a broken task."""
    if isinstance(task, Task):
        return _checked(task)
    if isinstance(task, type) and issubclass(task, Task):
        return _checked(task())
    if task is not None and not isinstance(task, str):
        raise ConfigurationError(
            f"task must be a task name, a Task or a Task subclass, got {type(task).__name__}")
    name = task or DEFAULT_TASK
    with _instances_lock:
        if name in _instances:
            return _instances[name]
    loaded = _registry.load(name)
    if isinstance(loaded, type) and issubclass(loaded, Task):
        instance = _checked(loaded())
    elif isinstance(loaded, Task):
        instance = _checked(loaded)
    else:
        raise ConfigurationError(f"task {name!r} is registered as {loaded!r}, which is not a "
                                 "summarizer.task.Task subclass")
    if instance.name != name:
        raise ConfigurationError(f"the task registered as {name!r} calls itself "
                                 f"{instance.name!r}; register it under its own name")
    with _instances_lock:
        return _instances.setdefault(name, instance)


def refresh_tasks() -> None:
    """Forget the tasks loaded so far, so that a distribution installed into this running
    process (or a task module changed on disk) is found anew by ``get_task``."""
    with _instances_lock:
        _instances.clear()
    _registry.forget()


def has_reader(task: Task) -> bool:
    """Whether ``task`` has a deterministic reader (the ``rules`` backend can run it)."""
    return type(task).read is not Task.read


def available_tasks() -> list[TaskInfo]:
    """Every installed task, by name (one that cannot be loaded is listed with its error)."""
    infos: list[TaskInfo] = []
    for name, entry in sorted(_registry.entries().items()):
        try:
            task = get_task(name)
        except ConfigurationError as exc:
            infos.append(TaskInfo(name, "?", "", entry.value, entry.distribution, exc.message))
            continue
        infos.append(TaskInfo(name, task.version, task.description, entry.value,
                              entry.distribution))
    return infos


def _checked(task: Task) -> Task:
    """``task`` when it is complete; ``ConfigurationError`` saying what it lacks otherwise."""
    cls = type(task)
    what = f"task {getattr(task, 'name', '') or cls.__name__!r}"
    if not isinstance(task.name, str) or not task.name.strip():
        raise ConfigurationError(f"{what} ({cls.__module__}.{cls.__qualname__}) has no name")
    schema = getattr(task, "schema", None)
    if not (isinstance(schema, type) and issubclass(schema, Answer)):
        raise ConfigurationError(f"{what}: schema must be a summarizer.evidence.Answer "
                                 f"subclass, got {schema!r}")
    templates = getattr(task, "templates", None)
    if not isinstance(templates, str):
        raise ConfigurationError(f"{what}: templates must name a package, got {templates!r}")
    try:
        for name in TEMPLATE_NAMES:
            template_source(name, templates)
    except (ImportError, OSError, TypeError) as exc:
        raise ConfigurationError(f"{what}: templates package {templates!r} lacks "
                                 f"system.j2, user.j2 or reask.j2 ({exc})") from None
    return task
