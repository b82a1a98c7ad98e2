"""Split the written stress set once into a tune half and a holdout half (fixed seed, stratified
by decision code so that both halves see every kind the set has at least twice).

    python make_split.py [--key=FIELD] [--append] SRC_DIR... DEST_DIR
    (FIELD: the gold field to stratify by)

SRC_DIRs hold docs/, meta.jsonl, gold.jsonl; DEST_DIR gets tune/ and holdout/ in the same layout
and split.json (which id went where, the seed and the rule). ``--append`` splits a later batch on
its own (same seed and rule) and adds it to both halves of an existing DEST_DIR, so the ids
already split stay where they are; split.json lists the batch under "batches".
"""

import json
import random
import shutil
import sys
from collections import defaultdict
from pathlib import Path

SEED = 20261204


def read_jsonl(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def main(argv: list[str]) -> int:
    key, append = "decision", "--append" in argv
    argv = [a for a in argv if a != "--append"]
    if argv and argv[0].startswith("--key="):
        key, argv = argv[0].split("=", 1)[1], argv[1:]
    *sources, dest_name = argv
    dest = Path(dest_name)
    gold: dict[str, dict] = {}
    meta: dict[str, dict] = {}
    where: dict[str, Path] = {}
    for src in map(Path, sources):
        for g in read_jsonl(src / "gold.jsonl"):
            gold[g["id"]] = g
            where[g["id"]] = src
        for m in read_jsonl(src / "meta.jsonl"):
            meta[m["id"]] = m
    assert set(gold) == set(meta), set(gold) ^ set(meta)
    record = dest / "split.json"
    before = json.loads(record.read_text(encoding="utf-8")) if append else None
    if before is not None:
        taken = set(before["tune"]) | set(before["holdout"])
        for batch in before.get("batches", []):
            taken |= set(batch["tune"]) | set(batch["holdout"])
        assert not taken & set(gold), f"already split: {sorted(taken & set(gold))}"
    rng = random.Random(SEED)
    by_decision: dict[str, list[str]] = defaultdict(list)
    for doc_id in sorted(gold):
        by_decision[gold[doc_id][key]].append(doc_id)
    halves: dict[str, list[str]] = {"tune": [], "holdout": []}
    for decision in sorted(by_decision):
        ids = by_decision[decision]
        rng.shuffle(ids)
        first = rng.choice(["tune", "holdout"])
        other = "holdout" if first == "tune" else "tune"
        for i, doc_id in enumerate(ids):
            halves[first if i % 2 == 0 else other].append(doc_id)
    for half, ids in halves.items():
        out = dest / half
        (out / "docs").mkdir(parents=True, exist_ok=True)
        ids.sort()
        mode = "a" if append else "w"
        with (out / "gold.jsonl").open(mode, encoding="utf-8") as g, \
                (out / "meta.jsonl").open(mode, encoding="utf-8") as m:
            for doc_id in ids:
                shutil.copyfile(where[doc_id] / gold[doc_id]["file"], out / gold[doc_id]["file"])
                g.write(json.dumps(gold[doc_id], ensure_ascii=False) + "\n")
                m.write(json.dumps(meta[doc_id], ensure_ascii=False) + "\n")
    split = {
        "seed": SEED,
        "rule": f"per {key} code, ids shuffled with random.Random(seed) in sorted-code order; "
                "alternate halves, the first half of each code drawn by the same generator",
        "tune": halves["tune"], "holdout": halves["holdout"],
    }
    if before is not None:
        before.setdefault("batches", []).append(split)
        split = before
    record.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
    print({h: len(i) for h, i in halves.items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
