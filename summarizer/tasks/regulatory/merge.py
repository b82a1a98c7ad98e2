"""Merge the summaries of the parts of a long release into one summary."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from summarizer.tasks.regulatory.schema import NextStep, Reason, RegulatorySummary
from summarizer.tasks.regulatory.vocabulary import VOCABULARY

if TYPE_CHECKING:
    from summarizer.tasks.regulatory.reader import Reader

__all__ = ["fill_gaps", "merge_summaries"]

_WORDS = re.compile(r"[a-z0-9]+")


def _key(*texts: str | None) -> str:
    return " ".join(w for t in texts if t for w in _WORDS.findall(t.lower()))


def _grounded(summary: RegulatorySummary) -> tuple[int, int]:
    """Rank an outcome: grounded decision evidence first, then a specific decision code."""
    outcome = summary.outcome
    if outcome is None:
        return (0, 0)
    grounded = 1 if outcome.evidence is not None and outcome.evidence.match != "none" else 0
    specific = 0 if outcome.decision in ("other", "none") else 1
    return (1 + grounded, specific)


def merge_summaries(parts: Sequence[RegulatorySummary]) -> RegulatorySummary:
    """One summary from per-part summaries (grounding must already be filled in).

    The headline and summary come from the first part (where the news is); the outcome and the
    sentiment from the part with the best-grounded, most specific outcome (first wins ties);
    rationale and next steps are concatenated with duplicates removed.
    """
    if not parts:
        raise ValueError("merge_summaries needs at least one summary")
    if len(parts) == 1:
        return parts[0]
    first = parts[0]
    best = max(parts, key=_grounded)  # max() keeps the first of equal ranks
    rationale: list[Reason] = []
    next_steps: list[NextStep] = []
    seen: set[str] = set()
    for part in parts:
        for reason in part.rationale:
            key = "r:" + _key(reason.statement)
            if key not in seen:
                seen.add(key)
                rationale.append(reason)
        for step in part.next_steps:
            key = "n:" + _key(step.action, step.timing)
            if key not in seen:
                seen.add(key)
                next_steps.append(step)
    return RegulatorySummary.model_construct(
        is_regulatory_event=any(p.is_regulatory_event for p in parts),
        company=first.company or next((p.company for p in parts if p.company), None),
        headline=first.headline,
        summary=first.summary,
        outcome=best.outcome,
        rationale=rationale,
        next_steps=next_steps,
        sentiment=best.sentiment if best.outcome is not None else first.sentiment,
    )


def _words(*texts: str | None) -> set[str]:
    return {w for t in texts if t for w in _WORDS.findall(t.lower())}


def _covering(item: Reason | NextStep, held: list[tuple[str, set[str]]]) -> int | None:
    """The index of the model item that says what a rules item says (one's quote holds the
    other's, or most of the words of its quote or statement are in it), if any."""
    quote = item.evidence.quote if item.evidence is not None else None
    own = _words(quote) or _words(item.statement if isinstance(item, Reason) else item.action)
    flat = _key(quote)
    return next((
        i for i, (theirs, words) in enumerate(held)
        if bool(flat and theirs and (theirs in flat or flat in theirs))
        or len(own & words) >= _COVERED * len(own)
    ), None)


#: share of a rules item's words a model item must hold to say the same thing (a quote cut
#: at another clause boundary, or the same sentence paraphrased in the statement)
_COVERED = 0.6


def _complete(mine: list[Reason] | list[NextStep], theirs: list[Reason] | list[NextStep],
              name: str) -> list[str]:
    """Append to ``mine`` the items of ``theirs`` it does not cover, in place; an item of
    ``mine`` that covers one of ``theirs`` takes the whole sentence its quote was cut from, and
    a next step without a timing the timing read for that step; the paths changed."""
    if not mine:
        mine.extend(theirs)  # type: ignore[arg-type]  # the same item type on both sides
        return [name] if theirs else []
    held = [(_key(i.evidence.quote if i.evidence is not None else None),
             _words(i.evidence.quote if i.evidence is not None else None,
                    i.statement if isinstance(i, Reason) else f"{i.action} {i.timing or ''}"))
            for i in mine]
    paths = []
    for item in theirs:
        index = _covering(item, held)
        if index is None:
            paths.append(f"{name}[{len(mine)}]")
            mine.append(item)  # type: ignore[arg-type]
            continue
        own = mine[index]
        if isinstance(own, NextStep) and isinstance(item, NextStep) and not own.timing \
                and item.timing:
            own.timing, own.due_date = item.timing, own.due_date or item.due_date
            paths.append(f"{name}[{index}].timing")
        cut, whole = held[index][0], _key(item.evidence.quote if item.evidence else None)
        if cut and cut != whole and cut in whole and item.evidence is not None:
            own.evidence = item.evidence.model_copy()  # the sentence its quote was cut from
            held[index] = (whole, held[index][1] | _words(item.evidence.quote))
            paths.append(f"{name}[{index}].evidence")
    return paths


def fill_gaps(summary: RegulatorySummary, rules: Reader) -> list[str]:
    """Complete the model's rationale and next steps from the rules backend's, and fill empty
    products and indication, in place.

    Small models often return no rationale or next steps, or fewer than the release states;
    the rules backend's items quote the release verbatim, so they are grounded by
    construction. An empty list is filled whole (path "rationale"); a list the model filled
    gets the rules' items none of its own covers appended ("rationale[2]"); a model next step
    without a timing takes the timing the rules read for the same step
    ("next_steps[0].timing"), a quote cut short the whole sentence ("rationale[0].evidence"),
    a direction left "neutral" where the wording decides it the rules', else the sign of the
    model's own sentiment ("outcome.direction").
    Only when both agree there is an outcome.
    Returns the JSON paths that were filled (reported as findings by the caller).
    """
    outcome = summary.outcome
    if outcome is None:
        return []
    fallback = rules.summary
    if fallback.outcome is None:
        return _direction_as_sentiment(summary)
    filled = _complete(summary.rationale, fallback.rationale, "rationale")
    filled += _complete(summary.next_steps, fallback.next_steps, "next_steps")
    if not outcome.products and fallback.outcome.products:
        outcome.products = list(fallback.outcome.products)
        filled.append("outcome.products")
    if not outcome.indication and fallback.outcome.indication:
        outcome.indication = fallback.outcome.indication
        filled.append("outcome.indication")
    if _direction_left_open(summary, fallback):
        outcome.direction = fallback.outcome.direction
        filled.append("outcome.direction")
    return filled + _direction_as_sentiment(summary)


def _direction_as_sentiment(summary: RegulatorySummary) -> list[str]:
    """A direction still "neutral" for a decision kind the taxonomy gives no direction at all
    (feedback, a vote, "other"), where neither the quoted wording nor the rules backend
    decides it, takes the sign of the model's own sentiment: both say what the act means for
    the company (in the dev and tune labels no such act is neutral, and each direction has its
    sentiment's sign)."""
    outcome = summary.outcome
    if (outcome is None or outcome.direction != "neutral"
            or VOCABULARY.direction(outcome.decision) is not None):
        return []
    signed = {"positive": "favorable", "negative": "unfavorable"}.get(summary.sentiment.label)
    if signed is None:
        return []
    outcome.direction = signed  # type: ignore[assignment]
    return ["outcome.direction"]


def _direction_left_open(summary: RegulatorySummary, fallback: RegulatorySummary) -> bool:
    """Whether the model left open a direction the release's wording decides: "neutral" for a
    decision kind the taxonomy gives no fixed direction (feedback, a vote, "other"), where the
    rules backend reads the same decision and a direction for it. A direction the model did
    give is its call."""
    outcome, theirs = summary.outcome, fallback.outcome
    if outcome is None or theirs is None or outcome.direction != "neutral":
        return False
    spec = VOCABULARY.decision(outcome.decision)
    return (spec is not None and not spec.fixed_direction and fallback.is_regulatory_event
            and theirs.decision == outcome.decision and theirs.direction != "neutral")
