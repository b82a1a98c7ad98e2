"""Code written for 0.1.0 keeps working: every name its modules exported is importable from the
same path, and is the very object the new home of the code defines (a compatibility module
re-exports, it never copies or redefines)."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

import summarizer

ROOT = Path(__file__).resolve().parent.parent

#: the ``__all__`` of each module that moved behind the regulatory task, as 0.1.0 had it
MOVED: dict[str, tuple[str, ...]] = {
    "summarizer.rules": ("RULES", "Rule", "RuleContext", "reask_messages", "run_rules"),
    "summarizer.rules_backend": (
        "DecisionReading", "QuoteReading", "ReleaseReading", "ReleaseView", "RuledOutcome",
        "RulesFallback", "ViewSentence", "WeightedCue", "detect_decision", "guess_products",
        "has_front_cue", "read_agency", "read_quote", "read_release", "sentence_agency",
        "summarize_with_rules"),
    "summarizer.scoring": ("CorpusItem", "METRICS", "load_corpus", "score_corpus",
                           "score_document"),
    "summarizer.arbitration": ("ARBITRATION_POLICIES", "Verdict", "arbitrate", "judge"),
    "summarizer.merging": ("fill_gaps", "merge_summaries"),
    "summarizer.lexicon": (
        "AGENCY_NAMES", "AGENCY_PATTERNS", "APPLICATION", "AgencyMention", "BACKGROUND_BEFORE",
        "BACKGROUND_CLAUSE", "BACKGROUND_TITLE", "CueHit", "DECISION_CUES", "DECISION_DIRECTION",
        "DEFAULT_TONE", "DecisionCue", "FUTURE_CUE", "FUTURE_STRONG", "FUTURE_WEAK",
        "HYPOTHETICAL_AFTER", "HYPOTHETICAL_BEFORE", "NEGATION_AFTER", "NEGATION_BEFORE",
        "NEWS_CUE", "NOT_EVENT_AFTER", "RATIONALE_CUE", "RATIONALE_DATA", "RATIONALE_STRONG",
        "RATIONALE_TITLE", "RATIONALE_WEAK", "TIMING_CUE", "Tone", "ToneLexicon",
        "find_agencies", "find_decision_cues", "find_timing", "load_tone_lexicon",
        "resolve_timing", "tone"),
    "summarizer.vocabulary": ("AgencySpec", "CueSpec", "DecisionSpec", "VOCABULARY",
                              "Vocabulary", "load_vocabulary"),
    "summarizer.timeline": (
        "Event", "Lane", "LaneStatus", "Skipped", "TIMELINE_FORMATS", "Timeline",
        "TrackedProduct", "Upcoming", "build", "load_release_dates", "render", "render_html",
        "render_markdown", "to_csv", "to_ics", "to_json", "to_jsonable"),
    "summarizer.schemas.summary": (
        "AGENCY_CODES", "Agency", "DECISION_CODES", "Decision", "Direction", "Evidence",
        "MatchKind", "NextStep", "Outcome", "Product", "Reason", "RegulatorySummary",
        "SCHEMA_VERSION", "SOURCE_CHECK", "SOURCE_CHECK_KEY", "Sentiment", "SentimentLabel",
        "parse_loose_date"),
}
#: the public API of 0.1.0 (``summarizer.__all__``)
PUBLIC_0_1 = (
    "AuthenticationError", "BackendConnectionError", "BackendError", "BackendStatusError",
    "BackendTimeoutError", "CacheError", "ConfigurationError", "ErrorInfo", "Evidence", "Finding",
    "InputError", "InputTooLargeError", "InvalidOutputError", "Meta", "NextStep",
    "NoBackendError", "Outcome", "OutputTruncatedError", "PROMPT_VERSION", "Product",
    "RateLimitError", "Reason", "RegulatorySummary", "SCHEMA_VERSION", "Sentiment", "Summarizer",
    "SummarizerError", "SummaryResult", "TokenBudgetError", "Usage", "__version__", "summarize",
)
#: the timeline's modules, importable by their 0.1.0 names
TIMELINE_MODULES = ("build", "dates", "events", "export", "identity", "model", "transitions",
                    "upcoming", "views", "vocabulary")


@pytest.mark.parametrize("module", sorted(MOVED))
def test_every_name_of_a_moved_module_is_importable_and_the_same_object(module: str) -> None:
    shim = importlib.import_module(module)
    assert set(MOVED[module]) <= set(shim.__all__)
    for name in MOVED[module]:
        value = getattr(shim, name)
        home = getattr(value, "__module__", "")
        if inspect.isclass(value) or inspect.isfunction(value):
            # defined where the code lives now, never in the compatibility module
            assert home != module and home.startswith("summarizer."), (module, name, home)
            assert getattr(importlib.import_module(home), value.__name__) is value


def test_the_public_api_of_0_1_is_still_there() -> None:
    for name in PUBLIC_0_1:
        assert hasattr(summarizer, name), name
    assert set(PUBLIC_0_1) <= set(summarizer.__all__)


def test_the_timelines_modules_answer_to_their_old_names() -> None:
    for name in TIMELINE_MODULES:
        old = importlib.import_module(f"summarizer.timeline.{name}")
        assert old is importlib.import_module(f"summarizer.tasks.regulatory.timeline.{name}")


@pytest.mark.parametrize("module", sorted(MOVED))
def test_a_compatibility_module_only_re_exports(module: str) -> None:
    path = ROOT / (module.replace(".", "/") + ("/__init__.py" if module.endswith("timeline")
                                               else ".py"))
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert ast.get_docstring(tree) and "Compatibility" in (ast.get_docstring(tree) or "")
    for node in tree.body[1:]:
        if isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if isinstance(node, ast.Assign) and [getattr(t, "id", "") for t in node.targets] == [
                "__all__"]:
            continue
        # the timeline registers its modules under their old names, nothing more
        assert module == "summarizer.timeline" and isinstance(node, ast.For), ast.dump(node)[:80]


def test_old_and_new_paths_give_the_same_objects() -> None:
    from summarizer.rules import RULES, Rule
    from summarizer.rules_backend import summarize_with_rules
    from summarizer.schemas.summary import Evidence, RegulatorySummary
    from summarizer.task import get_task
    from summarizer.tasks.regulatory import RegulatorySummary as NewSummary
    from summarizer.tasks.regulatory.reader import summarize_with_rules as new_reader
    from summarizer.tasks.regulatory.rules import RULES as NEW_RULES

    assert RegulatorySummary is NewSummary is summarizer.RegulatorySummary
    assert Evidence is summarizer.Evidence and summarize_with_rules is new_reader
    assert RULES is NEW_RULES and tuple(get_task().rules()) == RULES
    assert all(isinstance(rule, Rule) for rule in RULES)
