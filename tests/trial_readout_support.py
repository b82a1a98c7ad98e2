"""Shared helpers of the trial-readout tests: the labelled folders and gold-correct answers.

Only the ``tune`` and ``dev`` folders are read here: the ``holdout`` half is for counting with
benchmarks/trial_readout_eval.py, never for a test that could be tuned against it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from summarizer.evaluation import CorpusItem, load_corpus
from summarizer.intake import Document, load
from summarizer.tasks.trial_readout.reader import read
from summarizer.tasks.trial_readout.reading import read_release
from summarizer.tasks.trial_readout.schema import TrialReadoutSummary
from summarizer.tasks.trial_readout.vocabulary import REGISTRY_IDS

TRIALS = Path(__file__).parent / "data" / "trials"
#: the folders tests may read (the holdout half is left out on purpose)
TUNING_SPLITS = ("tune", "dev")


def tuning_items() -> list[CorpusItem]:
    return [item for split in TUNING_SPLITS for item in load_corpus(TRIALS / split)]


def document(item: CorpusItem) -> Document:
    return load(item.read_text(), published=item.published, source=item.id)


def _passage_with(doc: Document, phrase: str) -> dict[str, Any] | None:
    """Evidence for ``phrase``: the first news passage that writes it (else None)."""
    low = phrase.lower()
    for p in read_release(doc).passages:
        if low in p.text.lower():
            return {"quote": p.text}
    return None


def perfect_answer(item: CorpusItem, doc: Document) -> TrialReadoutSummary:
    """A gold-correct answer as a capable model would send it: the gold codes and names, each
    result / safety finding / next step stated with the gold wording and quoting the release
    sentence that writes it, and the endpoint quoting the sentence that states the outcome."""
    gold = item.gold
    base = read(doc).model_dump(mode="json")
    ids = [t for t in gold["trial"] if any(p.fullmatch(t) for p in REGISTRY_IDS.values())]
    names = [t for t in gold["trial"] if t not in ids]
    readout = gold["is_trial_readout"]
    endpoint_ev = base["endpoint"]["evidence"]
    if gold["endpoint"] in ("not_reported", "none"):
        endpoint_ev = None
    answer = {
        "is_trial_readout": readout,
        "company": item.meta.get("company"),
        "headline": base["headline"],
        "summary": base["summary"],
        "trial": {"name": names[0] if names else None, "identifiers": ids,
                  "phase": gold["phase"]} if readout else None,
        "products": list(gold["product"]),
        "indication": gold["indication"][0] if gold["indication"] else None,
        "endpoint": {
            "name": gold["primary_endpoint"][0][0] if gold["primary_endpoint"] else None,
            "outcome": gold["endpoint"],
            "evidence": {"quote": endpoint_ev["quote"]} if endpoint_ev else None,
        },
        "key_results": [{"statement": f"The release reports {g[0]}.", "value": g[0],
                         "evidence": _passage_with(doc, g[0])} for g in gold["key_results"]],
        "safety": [{"finding": f"{g[0]} was reported.", "evidence": _passage_with(doc, g[0])}
                   for g in gold["safety"]],
        "next_steps": [{"action": g[0], "timing": None, "due_date": None,
                        "evidence": _passage_with(doc, g[0])} for g in gold["next_steps"]],
        "sentiment": {"label": gold["sentiment"], "score": _SCORES[gold["sentiment"]],
                      "rationale": "As the release presents it.", "evidence": None},
    }
    return TrialReadoutSummary.model_validate(answer)


_SCORES = {"positive": 0.6, "negative": -0.6, "neutral": 0.0, "mixed": 0.0}


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
