"""The regulatory task's deterministic reader (the ``rules`` backend): a summary without a model.

It reads a release the way a careful skimmer does (``_reading``: the headline and first
paragraphs carry the news, hedged or recapped wording does not count, boilerplate is skipped),
settles what decision it reports (``_decision``) and picks each field from the sentences that
state it (``_fields``). Every evidence quote is an exact substring of the source. ``Reader`` is
that reading of one document, built only as far as it is asked: the rules, arbitration and gap
filling check a model's answer against it.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from summarizer.document import Document
from summarizer.grounding import SourceIndex, ground
from summarizer.intake import load
from summarizer.tasks.regulatory._decision import (
    CueVerdict,
    ReaderOutcome,
    detect_decision,
    read_outcome,
)
from summarizer.tasks.regulatory._fields import (
    guess_products,
    read_application,
    read_company,
    read_decision_date,
    read_direction,
    read_headline,
    read_indication,
    read_next_steps,
    read_rationale,
    read_sentiment,
    read_summary_text,
)
from summarizer.tasks.regulatory._reading import ViewSentence, ZonedRelease, read_release
from summarizer.tasks.regulatory.lexicon import ToneLexicon
from summarizer.tasks.regulatory.schema import Evidence, Outcome, RegulatorySummary

__all__ = ["Reader", "summarize_with_rules"]


# --------------------------------------------------------------------------------------------
# the backend


def summarize_with_rules(
    document: Document | str,
    *,
    published: dt.date | None = None,
    tone_lexicon: ToneLexicon | None = None,
) -> RegulatorySummary:
    """Build a summary without a model; every evidence quote is an exact substring of the text."""
    doc = document if isinstance(document, Document) else load(document, published=published)
    doc = doc.dated(published)
    view = read_release(doc)
    reading = detect_decision(view)
    ruled = read_outcome(view, reading) if reading.is_event else None
    return _summarize(doc, view, reading, ruled, tone_lexicon)


def _summarize(doc: Document, view: ZonedRelease, reading: CueVerdict,
               ruled: ReaderOutcome | None, tone_lexicon: ToneLexicon | None) -> RegulatorySummary:
    """The rules backend's summary from a reading already made (``ruled``: the outcome the
    reading leads to, None for a non-event)."""
    when = doc.published
    company = read_company(view)
    outcome: Outcome | None = None
    evidence_vs: ViewSentence | None = None
    direction = "neutral"
    if reading.is_event and ruled is not None:
        decision, evidence_vs = ruled.decision, ruled.evidence
        direction = read_direction(decision, view, evidence_vs, tone_lexicon)
        outcome = Outcome(
            evidence=Evidence(quote=evidence_vs.text) if evidence_vs is not None else None,
            agency_body=ruled.agency_body,
            agency=ruled.agency,
            decision=decision,
            direction=direction,
            products=guess_products(view, evidence_vs, company),
            indication=read_indication(view, evidence_vs),
            decision_date=read_decision_date(evidence_vs, view, when),
            application=read_application(view, evidence_vs),
        )
    else:  # no regulatory decision: the outcome only names what the news is about
        products, indication = guess_products(view, None, company), read_indication(view, None)
        if products or indication:
            outcome = Outcome(
                evidence=None, agency_body=None, agency="NONE", decision="none",
                direction="neutral", products=products, indication=indication,
                decision_date=None, application=None,
            )
    return RegulatorySummary(
        is_regulatory_event=reading.is_event,
        company=company,
        headline=read_headline(view, outcome),
        summary=read_summary_text(view, evidence_vs),
        outcome=outcome,
        rationale=read_rationale(view, evidence_vs, reading) if reading.is_event else [],
        next_steps=read_next_steps(view, evidence_vs, when),
        sentiment=read_sentiment(
            view, outcome.decision if outcome else "none", direction, reading.is_event,
            tone_lexicon, evidence_vs,
        ),
    )


class Reader:
    """The reader's reading of one document, each part built once and only when asked.

    ``view`` is the release's zoned sentences and weighted cues (``read_release``), ``reading``
    the decision its cues add up to (``detect_decision``), ``ruled`` the reader's outcome (the
    decision, the regulator and the sentence stating it: a few hundredths of a millisecond once
    the release is read), and ``summary`` its whole summary (``summarize_with_rules`` from the
    same reading, grounded in ``index`` when given: built when arbitration overrules or the
    model's answer has an outcome to complete). ``published`` dates the release for this reading.
    """

    def __init__(self, document: Document, *, published: dt.date | None = None,
                 index: SourceIndex | None = None) -> None:
        self.document = document.dated(published)
        self.index = index

    @cached_property
    def view(self) -> ZonedRelease:
        return read_release(self.document)

    @cached_property
    def reading(self) -> CueVerdict:
        return detect_decision(self.view)

    @cached_property
    def ruled(self) -> ReaderOutcome:
        return read_outcome(self.view, self.reading)

    @cached_property
    def summary(self) -> RegulatorySummary:
        summary = _summarize(self.document, self.view, self.reading,
                             self.ruled if self.reading.is_event else None, None)
        return summary if self.index is None else ground(summary, self.index)
