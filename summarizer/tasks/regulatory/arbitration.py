"""Settle the outcome by the evidence the model cites, not by what the lexicon happens to know.

The model names a decision and quotes the sentence stating it (``outcome.evidence``). The check
is about that sentence (``judge``):

- it must be in the release (grounded), in its news part (not boilerplate, not an instruction
  planted in the text), current (not an earlier event recapped: "had approved", "in 2023",
  "follows the opinion adopted in March"), stated as a fact (not hedged, not negated) and about
  regulation (it names a regulator or a regulatory act);
- the model's decision stands unless that check fails, its regulator never takes that kind of
  decision (the vocabulary: "the FDA does not issue opinions"), or the cue reader positively
  reads a different decision in that same sentence ("received a complete response letter" quoted for
  "approval"; "510(k) clearance" for a generic "approval"). A wording the lexicon does not know
  is no contradiction, nor is one a varying labelling convention gives the model's kind too (a
  cue's ``also``: a Health Canada Notice of Non-compliance, a complete response or deficiency
  feedback): the answer is judged as the wording's kind and stands as the model gave it.

A generic answer ("approval") its sentence states only in a generic word ("has approved X")
gives way to the specific kind the headline or lead states ("approved under the accelerated
approval pathway"): the word refers to that act.

A decision nothing readable states, while the headline or lead states another (or two others,
not settling which), is asked again (the model may know a wording the lexicon does not); kept
through the corrections, it gives way to the headline's decision when that one is unambiguous
(``overrule_unstated``).

When the check fails, the rules backend's decision for the release replaces the model's (a
non-event when it reads none) unless the two agree (a catch-all reading, "other", agrees with a
specific answer only where the release's news states that kind somewhere); when the sentence
reads a different decision, that decision does. A model answer of "no event" gives way only to
an event stated beyond doubt up front (in specific words or of a regulator acting, firmly; a
close runner-up kind leaves only the kind in doubt). A vague regulator (OTHER, NONE) or one the
release never mentions gives way to the one the decision sentence names, and one that sentence
names only in passing ("following the FDA's approval in 2023, Health Canada has authorised
...") to the one it names as acting, and one it names only in what came before ("The
Commission's decision follows the opinion of the EMA's COMP") to the one the release's reading
names there. A decision that stands although its sentence fails the check (the release's own
sentence states the same decision) takes the regulator of that sentence, and that sentence as
its evidence.

The policy (``ARBITRATION_POLICIES``) is a setting of ``Summarizer``: "overrule" changes the
outcome and reports each change as a ``decision_arbitrated`` / ``agency_arbitrated`` warning;
"flag" changes nothing and reports what it would change as ``decision_disputed``; "off" does
neither. What an overruling writes comes from the release: the rules backend's outcome, or the
model's own sentence read again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import cast

from summarizer.rulebook import snip
from summarizer.tasks.regulatory._decision import (
    CueVerdict,
    QuoteReading,
    ReaderOutcome,
    about_a_medicine,
    acts_stated,
    has_front_cue,
    is_title_line,
    other_news_headline,
    part_of_stated,
    read_quote,
    sentence_agency,
)
from summarizer.tasks.regulatory._reading import NAMING, SPECIFIC, WeightedCue
from summarizer.tasks.regulatory.lexicon import REACTION, find_agencies
from summarizer.tasks.regulatory.reader import Reader
from summarizer.tasks.regulatory.schema import Direction, RegulatorySummary
from summarizer.tasks.regulatory.vocabulary import VOCABULARY
from summarizer.types import Finding

__all__ = [
    "ARBITRATION_POLICIES", "Verdict", "arbitrate", "credited", "front_contradicts", "judge",
    "overrule_unstated", "replace_misfit_agency", "replace_unnamed_agency", "settle_agency",
]

#: what arbitration may do: change the outcome, only report, or nothing
ARBITRATION_POLICIES = ("overrule", "flag", "off")

_VAGUE_AGENCIES = VOCABULARY.vague_agencies
_NONE = VOCABULARY.no_decision


@dataclass(frozen=True)
class Verdict:
    """What the release says about the model's decision.

    ``predicted``: the model's decision, or the kind it was judged as when a shared wording
    lets it stand (``_judged``: the rules then compare that kind with the release's reading).
    ``keep``: the decision stands. Otherwise ``decision`` is what the release supports,
    ``reason`` says why (for messages), and ``cue`` is the cue read in the model's own sentence
    when that sentence states another decision (None: the rules backend's reading applies).
    """

    keep: bool
    predicted: str
    decision: str
    reason: str = ""
    cue: WeightedCue | None = None


def _decision(summary: RegulatorySummary) -> str:
    """The model's decision: its outcome's (an event flag that disagrees is the rules' to
    report), "none" without an outcome."""
    return summary.outcome.decision if summary.outcome is not None else _NONE


def _current(c: WeightedCue) -> bool:
    return c.firm and not c.background


def _judged(summary: RegulatorySummary, fallback: Reader) -> str:
    """The kind the model's decision is judged as: the kind of the release's own wording for
    the act when a varying convention labels that wording as the model's kind too (a cue's
    ``also``: a Health Canada Notice of Non-compliance, answered as deficiency feedback, is
    judged as the complete response the reader reads), else the model's own (also when the
    reader reads the release as the model's kind: "may proceed with the trial" beside "lifted the
    partial clinical hold" is the hold lifted)."""
    predicted = _decision(summary)
    shared = [c for c in fallback.view.cues if predicted in c.hit.also and _current(c)]
    if not shared or fallback.reading.decision == predicted:
        return predicted
    return max(shared, key=lambda c: (c.hit.specificity, c.weight)).hit.decision


def _backed(fallback: Reader, decision: str) -> bool:
    """Whether the release's news states ``decision`` somewhere, firmly and currently."""
    return any(c.hit.decision == decision and _current(c) and c.weight >= 1.0
               for c in fallback.view.cues)


def _announced_as(fallback: Reader, decision: str, read: str) -> bool:
    """Whether the release's own sentences up front (headline, subhead, lead; not a quotation)
    state ``decision`` firmly as today's act of a regulator they name ("The FDA today also
    granted Orphan Drug designation to X"), in specific words, the most specific of their
    sentence (not a generic "approval", said of many acts: "Tentative FDA Approval"), and the
    release does not state the specific kind of that generic decision (``read``) up front."""
    cues = fallback.view.cues
    return not _front_refines(decision, read, fallback) and any(
        c.hit.decision == decision and c.hit.specificity >= SPECIFIC and _current(c)
        and c.attributed and (c.actor or c.today)
        and c.sentence.kind != "quote" and c.sentence.zone in ("headline", "subhead", "lead")
        and not any(o.sentence is c.sentence and _current(o)
                    and o.hit.specificity > c.hit.specificity for o in cues)
        for c in cues)


def front_contradicts(summary: RegulatorySummary, fallback: Reader,
                      unambiguous: bool = True) -> bool:
    """Whether the release's headline or lead unambiguously states another decision while
    nothing the cue reader can read states the model's: not the sentence it quotes, not the
    news anywhere. Evidence enough to ask the model again (it may know a wording the lexicon
    does not), not to overrule it.

    ``unambiguous=False`` (enough for a re-ask): the front firmly states other decisions,
    none of them the model's, though it does not settle which of them is the news."""
    predicted, reading = _judged(summary, fallback), fallback.reading
    if predicted == _NONE or VOCABULARY.compatible(predicted, reading.decision) or _backed(
            fallback, predicted):
        return False
    if not reading.unambiguous and (unambiguous or not _front_states(reading) or (
            reading.runner_up is not None
            and VOCABULARY.compatible(predicted, reading.runner_up))):
        return False
    evidence = summary.outcome.evidence if summary.outcome is not None else None
    if evidence is None or evidence.match == "none" or evidence.start is None:
        return True
    end = evidence.end if evidence.end is not None else evidence.start
    quote = read_quote(fallback.view, evidence.start, end)
    return not any(VOCABULARY.compatible(predicted, c.hit.decision) and _current(c)
                   for c in quote.cues)


def _front_states(reading: CueVerdict) -> bool:
    """Whether the release's front firmly states its reading as today's news."""
    best = reading.best
    return (reading.is_event and best is not None and _current(best) and best.weight >= 1.0
            and best.sentence.zone in ("headline", "subhead", "lead"))


def overrule_unstated(summary: RegulatorySummary, fallback: Reader) -> list[Finding]:
    """Once the corrections are spent: a decision the release states nowhere the cue reader
    can read, kept through a re-ask that quoted the headline's other decision, or the other
    decisions the front states firmly (``front_contradicts``), gives way to the reader's."""
    if not front_contradicts(summary, fallback, unambiguous=False):
        return []
    predicted, read = _decision(summary), fallback.reading.decision
    verdict = Verdict(False, predicted, read, "the release's headline or lead reports "
                                              f"'{read}' and nothing in it states '{predicted}'")
    return [_overrule(summary, fallback, verdict), *settle_agency(summary, fallback)]


def _contradiction(predicted: str, quote: QuoteReading) -> WeightedCue | None:
    """A cue in the quoted sentence that positively states another decision, if any: a
    specific one (a generic word such as "approved" is said of many acts), or one naming the
    specific kind of a generic answer with the regulator acting ("the FDA clearance"). The
    model's kind stated only as part of another act there (an approval's orphan exclusivity)
    is not stated."""
    kind = VOCABULARY.decision(predicted)
    stated = acts_stated(quote.cues)
    own = [c for c in quote.cues if VOCABULARY.compatible(predicted, c.hit.decision)
           and not (kind is not None and kind.catch_all and c.hit.decision != predicted)
           and not (kind is not None and kind.part_of and part_of_stated(c, stated))]
    strongest_own = max((c.hit.specificity for c in own if _current(c)), default=0.0)
    others = sorted(
        (c for c in quote.cues
         if not VOCABULARY.compatible(predicted, c.hit.decision) and _current(c)
         and predicted not in c.hit.also  # a wording labelled either way contradicts neither
         and predicted not in c.hit.reports  # nor what the model's act says ("FDA requested")
         and c.attributed and (_specific(c) or (
             c.actor and VOCABULARY.refinement(predicted, c.hit.decision)))),
        key=lambda c: (-c.hit.specificity, -c.weight),
    )
    if strongest_own == 0.0:  # the sentence states another decision and not the model's
        return others[0] if others else None
    paired = _paired_instead(predicted, own)
    if paired is not None:
        return paired
    for c in others:  # it states both: only the specific kind of a generic answer wins
        specific = VOCABULARY.decision(c.hit.decision)
        if (VOCABULARY.refinement(predicted, c.hit.decision) and specific is not None
                and c.hit.specificity >= max(specific.refine_specificity, strongest_own + 1e-9)):
            return c
    return None


def _shared_with_read(predicted: str, read: str, fallback: Reader,
                      quote: QuoteReading) -> WeightedCue | None:
    """The quoted sentence's wording for the model's kind when the vocabulary labels that
    wording as the reader's kind too (a cue's ``also``: "may proceed with the trial" for a
    trial authorised, said of a hold lifted as well), or as what an act of the reader's kind
    says (``reports``: "the FDA stated that", in a complete response letter), and the release
    states the reader's kind in words of its own ("lifted the clinical hold", "received a
    complete response letter"): the wording is read as the release tells it, the way
    ``_judged`` reads it the other way round."""
    own = [c for c in quote.cues if c.hit.decision == predicted and _current(c)]
    if read in (predicted, _NONE) or not own or not all(
            read in c.hit.also or read in c.hit.reports for c in own):
        return None
    return own[0] if _told_in_own_words(read, predicted, fallback) else None


def _told_in_own_words(kind: str, besides: str, fallback: Reader) -> bool:
    """Whether the release states ``kind`` as a current act in words that are not also said of
    ``besides`` ("lifted the clinical hold", not only "may proceed with the trial")."""
    return any(c.hit.decision == kind and _current(c) and c.weight >= 1.0
               and besides not in c.hit.also for c in fallback.view.cues)


def _specific(c: WeightedCue) -> bool:
    """A cue naming its kind well enough to contradict another: a specific kind's words, or a
    kind's plainer words marked as today's act ("today announced that it has submitted an
    NDA") or told in the headline or a title line up front ("Completes Rolling BLA Submission",
    "Notice Concerning Submission of a New Drug Application"), whose present tells today's
    news, where a generic word ("approved") is said of many acts."""
    return c.hit.specificity >= NAMING or (
        (c.today or c.sentence.zone == "headline" or is_title_line(c.sentence))
        and c.hit.specificity >= SPECIFIC)


def _acted_as_read(predicted: str, read: str, quote: QuoteReading) -> WeightedCue | None:
    """A generic word the quoted sentence says of its regulator as acting ("the FDA has
    approved X") when it states nothing of the model's kind and the release as a whole reads
    that very decision (``read``): the sentence and the release agree on what was decided."""
    if read == _NONE or VOCABULARY.compatible(predicted, read) or any(
            _current(c) and VOCABULARY.compatible(predicted, c.hit.decision)
            for c in quote.cues):
        return None
    return next((c for c in quote.cues if c.hit.decision == read and c.actor and _current(c)
                 and c.attributed), None)


def _paired_instead(predicted: str, own: list[WeightedCue]) -> WeightedCue | None:
    """A kind often stated beside the model's (the vocabulary's ``compatible``: an acceptance
    and its priority review, a review extension and the feedback behind it), stated firmly in
    the quoted sentence while the model's own kind is not stated there at all ("the EMA has
    validated the MAA" quoted for "designation"), or stated beside it as the act the model's
    kind yields to (``yields_to``: "accepted the BLA and granted it Priority Review" is the
    acceptance): the sentence says which act it reports."""
    kind = VOCABULARY.decision(predicted)
    if kind is None:
        return None
    stated = any(_current(c) and (c.hit.decision == predicted or VOCABULARY.refinement(
        predicted, c.hit.decision)) for c in own)
    paired = sorted((c for c in own if c.hit.decision in (kind.yields_to if stated
                                                          else kind.compatible)
                     and _current(c) and c.attributed and (c.hit.specificity >= NAMING or c.actor)),
                    key=lambda c: (-c.hit.specificity, -c.weight))
    return paired[0] if paired else None


def judge(summary: RegulatorySummary, fallback: Reader) -> Verdict:
    """Whether the model's decision stands, judged on the sentence it cites (module doc).

    A decision judged as the release's shared wording's kind (``_judged``) stands as the model
    gave it; a verdict that overrules it names the model's own decision."""
    verdict = _judge(summary, fallback, _judged(summary, fallback))
    said = _decision(summary)
    return verdict if verdict.keep or verdict.predicted == said else replace(verdict,
                                                                             predicted=said)


def _judge(summary: RegulatorySummary, fallback: Reader, predicted: str) -> Verdict:
    read = fallback.ruled.decision
    if predicted == _NONE:
        if read != _NONE and fallback.reading.stated_up_front and _announced(fallback):
            return Verdict(False, predicted, read, "the headline or lead reports a regulatory "
                                                   "decision")
        return Verdict(True, predicted, predicted)
    agrees = _agrees(predicted, read, fallback)
    evidence = summary.outcome.evidence if summary.outcome is not None else None
    if evidence is None or evidence.match == "none" or evidence.start is None:
        what = "no sentence is quoted" if evidence is None else "the quote is not in the release"
        # the release's front states the specific kind of the model's generic answer
        # ("accelerated approval" for "approval") and the model cites nothing against it
        specific = _front_refines(predicted, read, fallback)
        if agrees or (_backed(fallback, predicted) and not specific):
            return Verdict(True, predicted, predicted)
        return Verdict(False, predicted, read, f"{what} and " + (
            f"the release's headline or lead reports '{read}'" if specific
            else "nothing in the release's news reports that decision"))
    start, end = evidence.start, evidence.end if evidence.end is not None else evidence.start
    document = fallback.document
    planted = any(evidence.start < b and a < end for a, b in fallback.view.injections)
    if planted or document.in_boilerplate(start, end):
        where = "an instruction planted in the release" if planted else "boilerplate"
        return _fails(predicted, read, agrees, f"the quoted sentence is {where}, not the news")
    quote = read_quote(fallback.view, start, end)
    coded = _device_coding(summary, fallback, predicted, read, quote.comment)
    if coded is not None:
        return coded
    kind = VOCABULARY.decision(predicted)
    if (kind is not None and kind.devices_only and read in kind.refines
            and about_a_medicine(fallback.view)):
        return Verdict(False, predicted, read, f"the release is about a medicine, and "
                                               f"'{predicted}' is a device's decision")
    misfit = _misfit(summary, predicted)
    if misfit and not agrees:  # agreeing, the regulator is settled later; the sentence is
        return _fails(predicted, read, agrees, misfit)  # still judged
    cue = _contradiction(predicted, quote) or _acted_as_read(predicted, read, quote)
    shared = _shared_with_read(predicted, read, fallback, quote) if cue is None else None
    if shared is not None:
        said = "is said of" if read in shared.hit.also else "reports what is said in"
        return Verdict(False, predicted, read,
                       f"the quoted sentence's '{snip(shared.hit.text, 60)}' {said} '{read}' "
                       f"too, and the release reports '{read}'")
    if cue is not None and read == _NONE and not has_front_cue(
            fallback.view.cues, cue.hit.decision, quotes=False) and (
            other_news_headline(fallback.view, fallback.view.cues)):
        # another decision named only further down a release of other news (a quarterly
        # report's "with orphan drug designation already in hand") is no news of today either
        return _fails(predicted, read, agrees, "the headline announces other news and the "
                                               f"quoted sentence names '{snip(cue.hit.text, 60)}' "
                                               "only in passing")
    own = [c for c in quote.cues if VOCABULARY.compatible(predicted, c.hit.decision)]
    commented = _comment(predicted, read, agrees, quote, cue, bool(own),
                         _announced_as(fallback, predicted, read)) if quote.comment else None
    if commented is not None:
        return commented
    if cue is not None:
        said = f"the sentence it quotes says '{snip(cue.hit.text, 60)}'"
        if read in cue.hit.also and _told_in_own_words(read, cue.hit.decision, fallback):
            # the wording is said of the release's kind too ("may proceed with the trial",
            # after "lifted the clinical hold"): read as the release tells it
            return Verdict(False, predicted, read, f"{said}, said of '{read}' too, and the "
                                                   f"release reports '{read}'")
        return Verdict(False, predicted, cue.hit.decision, said, cue)
    headline = _headline_states_other(predicted, read, fallback, quote) if any(
        _current(c) for c in own) else None  # (a sentence stating nothing: asked again first)
    if headline is not None:
        return Verdict(False, predicted, read, "the release's headline announces "
                                               f"'{snip(headline.hit.text, 60)}', and not the "
                                               "quoted sentence's act")
    if not any(c.hit.specificity >= SPECIFIC for c in own) and _front_refines(
            predicted, read, fallback):
        # the quote states no act, or the act only in a generic word ("has approved"), and
        # the headline or lead names its specific kind ("approved under the Accelerated
        # Approval pathway")
        said = "states the decision only generically" if own else "does not state the decision"
        return Verdict(False, predicted, read, f"the quoted sentence {said} and the release's "
                                               f"headline or lead reports '{read}', the "
                                               "specific kind")
    if _states_now(own):
        return Verdict(True, predicted, predicted)
    if own:  # the lexicon reads the model's decision there, but not as today's fact: only
        # the same decision read elsewhere keeps it (not one merely compatible); the state
        # reported is the first of its cues not stated as today's
        c = next((c for c in own if not _current(c)), own[0])
        state = ("an earlier event" if c.background else "negated" if c.negated else "hedged")
        return _fails(predicted, read, predicted == read,
                      f"the quoted sentence states it as {state} ('{snip(c.hit.text, 60)}')")
    if not quote.in_news:
        return _fails(predicted, read, agrees, "the quoted sentence is not in the news part of "
                                               "the release")
    if not quote.regulatory:
        return _fails(predicted, read, agrees, "the quoted sentence names no regulator and no "
                                               "regulatory act")
    for flag, state in ((quote.background, "an earlier event"), (quote.negated, "negated"),
                        (quote.hedged, "hedged")):
        if flag:
            return _fails(predicted, read, agrees, f"the quoted sentence states it as {state}")
    if read == _NONE and other_news_headline(fallback.view, fallback.view.cues):
        # the headline announces other news (an offering, results, a meeting) and states no
        # act; a regulatory event in such a release must be stated in words the reader knows
        return _fails(predicted, read, agrees, "the headline announces other news and the "
                                               "quoted sentence states no act as today's")
    return Verdict(True, predicted, predicted)  # a wording the lexicon does not know


#: words a lead sentence has at least to open the lead (shorter ones are labels)
_OPENING_WORDS = 6


def _announced(fallback: Reader) -> bool:
    """Whether the release announces its reading's act up front, where a model's "no event"
    cannot be a judgment of background: the headline states it, or the lead's opening
    sentence does, or the lead marks it as today's ("today announced that the FDA has ..."),
    the headline announces no other news, and the sentence does not merely react to the act
    ("today commented on the FDA's decision ... to grant"). An act stated further down the
    lead, under a headline of other news, or reacted to may be the background (or another's
    news) a model judged it to be."""
    best, view = fallback.reading.best, fallback.view
    if best is None or not _current(best) or other_news_headline(view, view.cues):
        return False
    said = fallback.document.text[best.sentence.start:best.hit.start]
    if REACTION.search(said):  # "today commented on the FDA's decision ... to grant": the
        return False  # release reacts to an act, which may be another's
    opening = next((vs for vs in view.sentences  # (not a label: "Regulatory News:")
                    if vs.zone == "lead" and len(vs.text.split()) >= _OPENING_WORDS), None)
    return best.sentence.zone == "headline" or best.sentence is opening or (
        best.today and best.sentence.zone in ("subhead", "lead"))


def _states_now(own: list[WeightedCue]) -> bool:
    """Whether the quote states the model's decision as today's fact. Where it names who acted
    only in a recap ("On June 24, 2025, the Ministry granted marketing approval", under a
    licence's headline), a bare mention after it ("The Japanese approval was based on ...")
    refers back to that act and states no other."""
    named = [c for c in own if c.attributed]
    return any(_current(c) for c in (named or own))


def _comment(predicted: str, read: str, agrees: bool, quote: QuoteReading,
             cue: WeightedCue | None, states_own: bool, backed: bool) -> Verdict | None:
    """An executive's comment is the speaker's view of the news, not the sentence stating it:
    the release's own sentences (``read``) say what the news is. None: the comment does not
    settle it (the other decision it names is the release's reading, or it states the model's).

    - it names another act loosely ("the issues raised in the CRL") while the release's own
      sentences report a third: their reading applies (or the model's, when compatible);
    - the release's own sentences state no act: the check fails;
    - it states no act ("We take the notified body's findings seriously") while the release's
      own sentences report another: theirs applies;
    - unless those sentences also state the model's decision up front, firmly as today's act
      of a regulator they name (``backed``): the release backs the model, whose answer
      stands."""
    if cue is not None:
        if read in (_NONE, cue.hit.decision):
            return None  # the cue it names is the release's own reading: the cue applies
        if agrees or backed:
            return Verdict(True, predicted, predicted)
        return Verdict(False, predicted, read, "the sentence it quotes is an executive's comment "
                                               f"(it says '{snip(cue.hit.text, 60)}'), and the "
                                               f"release's own sentences report '{read}'")
    if read == _NONE:
        return _fails(predicted, read, agrees, "the quoted sentence is an executive's comment "
                                               "and the release's own sentences state no act")
    if backed:  # the release's own sentences state the model's decision, today's and firm
        return Verdict(True, predicted, predicted)
    if not states_own and not agrees:
        return Verdict(False, predicted, read, "the quoted sentence is an executive's comment "
                                               "that states no act, and the release's own "
                                               f"sentences report '{read}'")
    return None


def _headline_states_other(predicted: str, read: str, fallback: Reader,
                           quote: QuoteReading) -> WeightedCue | None:
    """The headline's cue when the headline announces, as today's fact and naming its regulator,
    the decision the release reads (``read``) and nothing the model's decision is compatible
    with, while the model quotes another sentence that states its own decision: the release
    says what its news is, and the other act the model chose from further down is not it."""
    reading = fallback.reading
    if read in (_NONE, predicted) or not reading.is_event or VOCABULARY.compatible(
            predicted, read) or VOCABULARY.refinement(predicted, read):
        return None  # (a generic answer its sentence states is the model's call: _front_refines)
    head = [c for c in fallback.view.cues if c.sentence.zone == "headline"]
    if not head or any(c.sentence.zone == "headline" for c in quote.cues) or any(
            VOCABULARY.compatible(predicted, c.hit.decision) for c in head):
        return None
    stated = [c for c in head if c.hit.decision == read and _current(c) and c.attributed
              and c.weight >= 1.0 and (c.actor or c.hit.specificity >= NAMING)]
    return stated[0] if stated else None


def _front_refines(predicted: str, read: str, fallback: Reader) -> bool:
    """Whether the release's headline or lead firmly states the specific kind (``read``) of
    the model's generic decision ("accelerated approval" for "approval")."""
    kind = VOCABULARY.decision(read)
    return (kind is not None and VOCABULARY.refinement(predicted, read)
            and has_front_cue(fallback.view.cues, read, kind.refine_specificity))


def _device_coding(summary: RegulatorySummary, fallback: Reader, predicted: str,
                   read: str, comment: bool) -> Verdict | None:
    """A regulator's decision on a device is coded as the vocabulary says ("approval" by the
    TGA of a test is a "clearance"): the release is about a device and the reader coded it.
    When the model quotes an executive's comment ("this approval lets us ..."), the regulator
    is the one the release's own sentence for the act credits, not the model's."""
    if fallback.reading.decision != predicted:
        return None
    code = fallback.ruled.agency if comment else (
        summary.outcome.agency if summary.outcome is not None else None)
    agency = VOCABULARY.agency(code) if code is not None else None
    if (agency is not None and agency.device_decisions.get(predicted) == read
            and fallback.ruled.agency == agency.code):
        said = "the quoted sentence is an executive's comment; " if comment else ""
        return Verdict(False, predicted, read, f"{said}{agency.label} registers devices: a "
                                               f"device's '{predicted}' is coded '{read}'")
    return None


def _misfit(summary: RegulatorySummary, predicted: str) -> str:
    """Why the model's regulator never takes its decision, as the vocabulary says ("the FDA
    does not issue opinions"), or "" (a kind the vocabulary calls a mere warning is no misfit)."""
    outcome = summary.outcome
    misfit = VOCABULARY.misfit(outcome.agency, predicted) if outcome is not None else None
    agency = VOCABULARY.agency(outcome.agency) if outcome is not None else None
    if misfit is None or misfit[1] == "warning" or agency is None:
        return ""
    return f"{agency.label} does not take '{predicted}' decisions"


def _agrees(predicted: str, read: str, fallback: Reader) -> bool:
    """Whether the release's reading (``read``) agrees with the model's decision: the same
    kind, or one the vocabulary calls compatible, not the specific kind of a generic answer;
    a catch-all reading ("other") agrees with a specific answer only where the release's news
    states that kind somewhere (the other way round: ``_fails``)."""
    return (VOCABULARY.compatible(predicted, read) and not VOCABULARY.refinement(predicted, read)
            and not (VOCABULARY.catch_all(read) and not _backed(fallback, predicted)))


def _fails(predicted: str, read: str, agrees: bool, reason: str) -> Verdict:
    """The check failed: the rules backend's reading applies (unless it agrees anyway: the
    decision stands on the release's own sentence, and the kept verdict says why the quoted
    one does not state it). A catch-all answer ("other") agrees with no specific kind the
    release reads: with nothing quoted to back it, the specific reading applies."""
    if agrees and not (VOCABULARY.catch_all(predicted) and read not in (predicted, _NONE)):
        return Verdict(True, predicted, predicted, reason)
    return Verdict(False, predicted, read, reason)


def arbitrate(summary: RegulatorySummary, fallback: Reader,
              policy: str = "overrule") -> list[Finding]:
    """Judge the model's outcome and, under ``policy`` "overrule", settle it in place.

    ``fallback`` is the rules backend's answer for the document; its full summary is built
    only when a decision is overruled to its reading. Returns the findings that record each
    change ("overrule") or each disputed decision ("flag"); empty when the outcome stands.
    """
    if policy == "off":
        return []
    verdict = judge(summary, fallback)
    if not verdict.keep:
        if policy == "flag":
            return [_disputed(verdict)]
        return [_overrule(summary, fallback, verdict), *settle_agency(summary, fallback)]
    if policy == "flag":
        return []
    return _settle_on_release(summary, fallback, verdict) or settle_agency(summary, fallback)


def _settle_on_release(summary: RegulatorySummary, fallback: Reader,
                       verdict: Verdict) -> list[Finding]:
    """A decision that stands on the release's own sentence, not on the quoted one (which
    states it hedged, as an earlier event, negated, in boilerplate, or not at all: the
    verdict's reason): the regulator that sentence names is the one that acted, not one the
    quote names ("plans to submit an NDA to the FDA" quoted for Health Canada's approval), and
    that sentence is the evidence ("OTHER" when the body it names has no code: ANVISA). A
    regulator one defers the decision to ("EMA" for the Commission's approval) is no other
    regulator."""
    outcome, ruled = summary.outcome, fallback.ruled
    if (outcome is None or not summary.is_regulatory_event or not verdict.reason
            or not ruled.is_event or ruled.decision != outcome.decision
            or ruled.agency == VOCABULARY.no_agency or ruled.agency == outcome.agency
            or (ruled.agency in _VAGUE_AGENCIES and not ruled.agency_body)
            or credited(ruled.agency, ruled.decision, {outcome.agency})
            or credited(outcome.agency, ruled.decision, {ruled.agency})):
        return []
    evidence = fallback.summary.outcome.evidence if fallback.summary.outcome else None
    if evidence is not None:
        outcome.evidence = evidence
    return _reassign(summary, fallback, ruled.agency, ruled.agency_body,
                     f", but {verdict.reason}; the release's own sentence for "
                     f"'{ruled.decision}' names {ruled.agency_body or ruled.agency} "
                     f"('{ruled.agency}')")


def _message(verdict: Verdict) -> str:
    said = f"the model said '{verdict.predicted}'"
    if verdict.decision == _NONE:
        return f"{said}, but {verdict.reason}; the release reports no regulatory decision"
    return f"{said}, but {verdict.reason}; the decision is '{verdict.decision}'"


def _disputed(verdict: Verdict) -> Finding:
    start = verdict.cue.hit.start if verdict.cue is not None else None
    end = verdict.cue.hit.end if verdict.cue is not None else None
    return Finding(rule="decision_disputed", severity="warning", path="outcome.decision",
                   message=_message(verdict) + " (not changed: arbitration='flag')",
                   start=start, end=end)


def _overrule(summary: RegulatorySummary, fallback: Reader, verdict: Verdict) -> Finding:
    if verdict.decision == _NONE:
        summary.is_regulatory_event = False
        if summary.outcome is not None:  # keep what the news is about, drop the decision
            summary.outcome = summary.outcome.model_copy(update={
                "decision": _NONE, "agency": VOCABULARY.no_agency, "agency_body": None,
                "direction": "neutral", "evidence": None, "decision_date": None,
                "application": None,
            })
        return Finding(rule="decision_arbitrated", severity="warning", path="outcome.decision",
                       message=_message(verdict))
    if verdict.cue is not None:
        return _reread(summary, verdict, verdict.cue)
    ruled = fallback.summary.outcome
    if ruled is None:  # the reader's decision without an outcome: cannot happen, keep the model's
        return Finding(rule="decision_disputed", severity="warning", path="outcome.decision",
                       message=_message(verdict))
    if summary.outcome is None:
        summary.outcome = ruled.model_copy(deep=True)
    else:
        outcome = summary.outcome
        outcome.decision = ruled.decision
        outcome.direction = ruled.direction
        outcome.evidence = ruled.evidence
        if ruled.agency not in _VAGUE_AGENCIES:
            outcome.agency, outcome.agency_body = ruled.agency, ruled.agency_body
        outcome.decision_date = outcome.decision_date or ruled.decision_date
        outcome.application = outcome.application or ruled.application
    summary.is_regulatory_event = True
    evidence = ruled.evidence
    where = f' (the release says "{snip(evidence.quote)}")' if evidence is not None else ""
    return Finding(rule="decision_arbitrated", severity="warning", path="outcome.decision",
                   message=_message(verdict) + where,
                   start=evidence.start if evidence is not None else None,
                   end=evidence.end if evidence is not None else None)


def _reread(summary: RegulatorySummary, verdict: Verdict, cue: WeightedCue) -> Finding:
    """Overrule with the decision read in the model's own sentence (its quote stays)."""
    outcome = summary.outcome
    assert outcome is not None  # a contradiction is read in the outcome's own evidence
    outcome.decision = cue.hit.decision
    direction = VOCABULARY.direction(cue.hit.decision)
    if direction is not None:  # the vocabulary's directions are the schema's (checked on load)
        outcome.direction = cast(Direction, direction)
    named = sentence_agency(cue.sentence, cue)
    if named is not None and (outcome.agency in _VAGUE_AGENCIES
                              or not VOCABULARY.takes(outcome.agency, cue.hit.decision)):
        outcome.agency, outcome.agency_body = named
    return Finding(rule="decision_arbitrated", severity="warning", path="outcome.decision",
                   message=_message(verdict), start=cue.hit.start, end=cue.hit.end)


def settle_agency(summary: RegulatorySummary, fallback: Reader) -> list[Finding]:
    """The regulator the model's own decision sentence credits with the decision replaces a
    vague one (OTHER, NONE), one the release never mentions, one that sentence does not name,
    or one it names while naming another as acting (``_acting``); a regulator the sentence
    names that has no code of its own is "OTHER". When that
    sentence is an executive's comment, the regulator the release's own sentence for the same
    decision names replaces the model's."""
    outcome = summary.outcome
    if outcome is None or not summary.is_regulatory_event:
        return []
    evidence = outcome.evidence
    if evidence is None or evidence.start is None or evidence.match == "none":
        return []
    end = evidence.end if evidence.end is not None else evidence.start
    quote = read_quote(fallback.view, evidence.start, end)
    ruled = fallback.ruled
    if (quote.comment and ruled.is_event
            and ruled.decision == outcome.decision and ruled.agency not in _VAGUE_AGENCIES
            and ruled.agency != outcome.agency):
        # an executive's comment names the regulators loosely ("confirmed by the Commission
        # ... as the COMP opinion"); the release's own sentence for the decision names who acted
        return _reassign(summary, fallback, ruled.agency, ruled.agency_body,
                         "; the quoted sentence is an executive's comment, and the release's own "
                         f"sentence for the decision names {ruled.agency_body or ruled.agency}")
    named_there = {a.code for vs in quote.sentences for a in vs.agencies}
    coded = _coded_body(outcome.agency, outcome.agency_body, ruled)
    if coded is not None:
        return _reassign(summary, fallback, coded, outcome.agency_body,
                         f"; the body it names, {outcome.agency_body}, is the regulator "
                         f"'{coded}', as the cue reader reads the release too")
    acting = _acting(quote, outcome.decision, outcome.agency)
    if acting is not None:
        return _reassign(summary, fallback, acting[0], acting[1] or outcome.agency_body,
                         f"; the decision sentence names {acting[1] or acting[0]} as acting")
    recalled = _named_as_before(quote, outcome.agency, ruled)
    if recalled is not None:
        return _reassign(summary, fallback, ruled.agency, ruled.agency_body,
                         f"; the quoted sentence names it only in what came before "
                         f"('{snip(recalled, 40)}'), and {ruled.agency_body or ruled.agency} "
                         "as the one deciding")
    if not (outcome.agency in _VAGUE_AGENCIES or _unnamed(outcome.agency, fallback) or not (
            outcome.agency in named_there or credited(outcome.agency, outcome.decision,
                                                      named_there))):
        return []
    cues = [c for c in quote.cues if VOCABULARY.compatible(outcome.decision, c.hit.decision)
            and _current(c) and c.attributed]
    named = None
    for vs in quote.sentences:
        named = next((sentence_agency(vs, c) for c in cues if c.sentence is vs), None)
        if named is None and ruled.is_event and ruled.decision == outcome.decision and (
                ruled.agency in {a.code for a in vs.agencies}):
            named = (ruled.agency, ruled.agency_body)
        if named is not None:
            break
    # the sentence names no regulator, or names the one the release's own sentence for the
    # same decision names: that one ("OTHER" when it has no code: ANSM)
    if (named is None and (not named_there or ruled.agency in named_there) and ruled.is_event
            and ruled.decision == outcome.decision and ruled.agency != VOCABULARY.no_agency
            and ruled.agency_body):
        named = (ruled.agency, ruled.agency_body)
    # "OTHER" is a regulator named there (Swissmedic, ANVISA) that has no code of its own
    if named is None or named[0] == VOCABULARY.no_agency or named[0] == outcome.agency:
        return []
    return _reassign(summary, fallback, named[0], named[1] or outcome.agency_body,
                     f"; the decision sentence names {named[1] or named[0]} ('{named[0]}')")


#: words that tell what came before the decision ("follows the positive opinion of")
_CAME_BEFORE = re.compile(r"\b(?:follow(?:s|ed|ing)?|after|subsequent to|based on|in line with)\b",
                          re.I)


def _named_as_before(quote: QuoteReading, agency: str, ruled: ReaderOutcome) -> str | None:
    """The words of what came before when the quoted sentence names the model's regulator only
    there ("The Commission's decision follows the positive opinion adopted by the EMA's
    COMP"), after naming the regulator of the release's own reading of the same decision: that
    one decided, the model's gave the step before. None when it does not."""
    if not ruled.is_event or ruled.agency in _VAGUE_AGENCIES or ruled.agency == agency:
        return None
    for vs in quote.sentences:
        own = [a for a in vs.agencies if a.code == agency]
        other = [a for a in vs.agencies if a.code == ruled.agency]
        if not own or not other:
            continue
        recalled = []
        for mention in own:
            marker = next((m for o in other if o.end <= mention.start
                           for m in [_CAME_BEFORE.search(vs.text, o.end - vs.start,
                                                         mention.start - vs.start)] if m), None)
            if marker is None:
                return None
            recalled.append(vs.text[marker.start():mention.end - vs.start])
        return recalled[0]
    return None


def _coded_body(agency: str, body: str | None, ruled: ReaderOutcome) -> str | None:
    """The regulator code of the body the model names beside "OTHER" (its code, "EC", or a name,
    "CHMP") when that body has a code of its own and the cue reader reads the release's act as
    that regulator's too: the model's code contradicts its own body. A body of no code
    (Swissmedic) or one the reader does not back ("FDA" for the Philippines' FDA) leaves it."""
    if agency != VOCABULARY.other_agency or not body or not ruled.is_event:
        return None
    coded = ({body.strip()} if VOCABULARY.agency(body.strip()) is not None  # its code ("EC")
             else {m.code for m in find_agencies(body)}) - _VAGUE_AGENCIES
    if len(coded) != 1 or ruled.agency not in coded:
        return None
    return ruled.agency


def _acting(quote: QuoteReading, decision: str, agency: str) -> tuple[str, str | None] | None:
    """The regulator the quoted sentence names as doing the decision ("Health Canada has
    authorised", "approval from the TGA") when it is not the model's, nor one the model's
    defers to or that defers to it: the sentence says who acted."""
    for c in quote.cues:
        if not (VOCABULARY.compatible(decision, c.hit.decision) and _current(c)
                and c.attributed and c.actor):
            continue
        who = sentence_agency(c.sentence, c)
        if who is None or who[0] in (agency, VOCABULARY.no_agency):
            return None
        if credited(agency, decision, {who[0]}) or credited(who[0], decision, {agency}):
            return None
        return who
    return None


def _reassign(summary: RegulatorySummary, fallback: Reader, agency: str, body: str | None,
              why: str) -> list[Finding]:
    """Give the outcome ``agency`` (and ``body``) and report it: "the model said X" + ``why``.
    The regulator put right codes a device's decision its own way (``_device_coding``: the
    MHLW's "approval" of a device is a "clearance"), so the decision follows it."""
    outcome = summary.outcome
    assert outcome is not None  # every caller settles an outcome's regulator
    said = outcome.agency
    outcome.agency, outcome.agency_body = agency, body
    findings = [Finding(rule="agency_arbitrated", severity="warning", path="outcome.agency",
                        message=f"the model said '{said}'{why}")]
    recoded = _device_coding(summary, fallback, outcome.decision, fallback.ruled.decision, False)
    if recoded is not None:
        findings.append(_overrule(summary, fallback, recoded))
    return findings


def credited(agency: str, decision: str, named: set[str]) -> bool:
    """Whether a regulator named in a sentence defers ``decision`` to ``agency`` (an "EMA
    approval" is the European Commission's)."""
    return any(spec is not None and spec.defers.get(decision) == agency
               for spec in map(VOCABULARY.agency, named))


def _unnamed(agency: str, fallback: Reader) -> bool:
    """Whether the release never mentions ``agency`` (what the ``agency_in_source`` rule
    reports as an error)."""
    return not fallback.view.mentions(agency)


def replace_unnamed_agency(summary: RegulatorySummary, fallback: Reader) -> list[Finding]:
    """Once the corrections are spent: a regulator the release never mentions (the model kept
    it through its corrections) gives way to the regulator the release does name: the cue
    reader's, when it reads an event, else the only regulator the release names. With no such
    evidence it stays, and its ``agency_in_source`` error is reported; in a release that names
    no regulator at all it stays too (inferred from the country or an instrument: nothing
    contradicts it), with a warning."""
    outcome = summary.outcome
    if (outcome is None or not summary.is_regulatory_event or outcome.agency in _VAGUE_AGENCIES
            or not _unnamed(outcome.agency, fallback)):
        return []
    ruled = fallback.ruled
    found = fallback.view.named_codes
    named: tuple[str, str | None] | None = None
    if ruled.is_event and ruled.agency != VOCABULARY.no_agency and found:  # "OTHER": the reader
        named = (ruled.agency, ruled.agency_body)  # found the act by a regulator it has no code
    elif len(codes := sorted(found - _VAGUE_AGENCIES)) == 1:  # for; a release naming none
        named = (codes[0], None)  # leaves the model's inference (country, instrument) standing
    if named is None:
        return []
    return _reassign(summary, fallback, named[0], named[1], ", which the release never "
                     f"mentions; the release names {named[1] or named[0]} ('{named[0]}')")


def replace_misfit_agency(summary: RegulatorySummary, fallback: Reader) -> list[Finding]:
    """Once the corrections are spent: a regulator that never takes the model's decision (the
    vocabulary's "the EMA/CHMP only gives opinions"), kept through the corrections, gives way to
    the cue reader's regulator when the reader reads the same decision and its regulator takes
    it. Without that evidence it stays, and its ``agency_decision_fit`` error is reported."""
    outcome = summary.outcome
    if outcome is None or not summary.is_regulatory_event:
        return []
    ruled = fallback.ruled
    if (not _misfit(summary, outcome.decision) or not ruled.is_event
            or ruled.decision != outcome.decision or ruled.agency in _VAGUE_AGENCIES
            or not VOCABULARY.takes(ruled.agency, outcome.decision)):
        return []
    return _reassign(summary, fallback, ruled.agency, ruled.agency_body,
                     f", which never takes '{outcome.decision}' decisions; the release's sentence "
                     f"for it names {ruled.agency_body or ruled.agency} ('{ruled.agency}')")
