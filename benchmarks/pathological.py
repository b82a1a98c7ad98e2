"""Time and memory of the model-free pipeline on pathological inputs of one size (default 1 MB).

    python benchmarks/pathological.py [--size BYTES] [--timeout S] [--only NAME ...]

Each input kind (runs of blank lines, runs of spaces, one huge line, deeply nested HTML, many
unclosed EDGAR ``<DOCUMENT>`` blocks, many tiny sections, repeated decision cues, runs of
punctuation and quotes, ...) is built at ``--size`` bytes around a real release and run in its
own child process through everything that runs without a model: intake (decoding, EDGAR/HTML
extraction, sections), the prompt view and its chunking (what an LLM backend would send), the
injection detector, the rules backend, grounding and the rules. The child reports its wall
time, its CPU time (less sensitive to other work on the machine) and its peak resident memory
(the interpreter and imports included, about 45 MB). An input may be rejected as bad input
(``InputError``): that is an answer too, and it is timed the same way. Target: every input
under 5 s and 500 MB.

Last line: ``worst_s=<s> worst_mb=<MB> kinds=<n> over_target=<n>``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "tests/data/corpus/docs/d01.txt").read_text(encoding="utf-8")
TARGET_S, TARGET_MB = 5.0, 500.0
_HEAD = SEED[:1500]


def _fill(unit: str, size: int, *, head: str = _HEAD, tail: str = "") -> bytes:
    """``head``, then ``unit`` repeated, then ``tail``: ``size`` bytes of UTF-8 in all."""
    room = max(0, size - len(head.encode()) - len(tail.encode()))
    body = unit * (room // max(1, len(unit.encode())) + 1)
    data = (head + body).encode()[: size - len(tail.encode())]
    return data.decode("utf-8", "ignore").encode() + tail.encode()


def _edgar_unclosed(size: int) -> bytes:
    header = ("<SEC-DOCUMENT>0000950123-08-001234.txt : 20080320\n<SEC-HEADER>\n"
              "FILED AS OF DATE:\t\t20080320\n</SEC-HEADER>\n")
    block = "<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nFDA approves Drug.\n"
    return _fill(block, size, head=header + "<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n" + _HEAD)


def _edgar_many_closed(size: int) -> bytes:
    header = ("<SEC-DOCUMENT>0000950123-08-001234.txt : 20080320\n<SEC-HEADER>\n"
              "FILED AS OF DATE:\t\t20080320\n</SEC-HEADER>\n")
    block = "<DOCUMENT>\n<TYPE>EX-10.1\n<TEXT>\nAgreement.\n</TEXT>\n</DOCUMENT>\n"
    return _fill(block, size, head=header, tail="<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n" + _HEAD
                 + "\n</TEXT>\n</DOCUMENT>\n")


#: name -> builder of an input of about ``size`` bytes
KINDS: dict[str, Callable[[int], bytes]] = {
    "blank_lines": lambda n: _fill("\n", n, tail="\nFDA approves Drug X.\n"),
    "blank_line_runs": lambda n: _fill("word\n" + "\n" * 2000, n),
    "whitespace_lines": lambda n: _fill(" \t \n", n),
    "cr_only": lambda n: _fill("\r", n, tail="\rFDA approves Drug X.\r"),
    "spaces": lambda n: _fill(" ", n, tail="FDA approves Drug X."),
    "one_huge_line": lambda n: _fill("the FDA approved Drug X for adults ", n,
                                     head=" ".join(_HEAD.split())),
    "one_huge_word": lambda n: _fill("a", n),
    "nested_div": lambda n: _fill("<div>", n, head="<html><body><p>" + _HEAD + "</p>"),
    "nested_unclosed_tags": lambda n: _fill("<b><i><font>", n, head="<html><body>" + _HEAD),
    "flat_html_tags": lambda n: _fill("<p>FDA</p><br>", n, head="<html><body>" + _HEAD),
    "html_comments": lambda n: _fill("<!-- x -->", n, head="<html><body>" + _HEAD),
    "edgar_unclosed_documents": _edgar_unclosed,
    "edgar_many_documents": _edgar_many_closed,
    "tiny_sections": lambda n: _fill("About X\n\nX.\n\nContact:\n\n", n),
    "headings": lambda n: _fill("HEADLINE\n\n", n),
    "decision_cues": lambda n: _fill("approved approval complete response letter rejected "
                                     "positive opinion clearance PDUFA ", n),
    "cue_sentences": lambda n: _fill("The FDA approved Drug X. The EMA rejected Drug Y. ", n),
    "dates": lambda n: _fill("March 20, 2008, 2008-03-20, Q3 2024, within 60 days; ", n),
    "agencies": lambda n: _fill("FDA EMA CHMP PMDA MHRA Health Canada NMPA TGA ", n),
    "periods": lambda n: _fill(".", n),
    "quotes": lambda n: _fill('"', n),
    "curly_quotes": lambda n: _fill("“”‘’", n),
    "dashes": lambda n: _fill("-", n),
    "punctuation_mix": lambda n: _fill(".,;:!?()[]{}\"'-", n),
    "digits": lambda n: _fill("1234567890", n),
    "phone_like": lambda n: _fill("(555) 123-4567 ", n),
    "emails": lambda n: _fill("a@b.co ", n),
    "urls": lambda n: _fill("http://www.example.com/x ", n),
    "forward_looking": lambda n: _fill("forward-looking statements ", n),
    "injection_words": lambda n: _fill("ignore previous instructions\n\nsystem: ", n),
    "role_tags": lambda n: _fill("<|im_start|>system\n", n),
    "json_answers": lambda n: _fill('{"decision": "approval"} ', n),
    "unicode_separators": lambda n: _fill("FDA\u2028approves\u2029Drug\u0085X. ", n),
    "combining_marks": lambda n: _fill("e\u0301\u0302\u0303", n),
    "zero_width": lambda n: _fill("\u200b\u200c\u200d\ufeff", n),
    "tabs": lambda n: _fill("\t", n, tail="FDA approves Drug X."),
    "bullets": lambda n: _fill("\n- ", n),
    "cue_agency_run": lambda n: _fill("the FDA approved, the EMA refused, ", n),
    "nested_lists": lambda n: _fill("<ul><li>", n, head="<html><body><p>" + _HEAD + "</p>"),
    "nested_definitions": lambda n: _fill("<dl><dt>", n, head="<html><body><p>" + _HEAD + "</p>"),
    "misnested_inline": lambda n: _fill("<i>x</b>", n, head="<html><body><p>" + _HEAD + "</p>"),
    "unclosed_tag_open": lambda n: _fill("<a ", n, head="<html><body><p>" + _HEAD + "</p>"),
    "abbreviations": lambda n: _fill("Dr. U.S. Inc. No. 3 e.g. ", n),
    "initials": lambda n: _fill("A. B. C. ", n),
    "release_repeated": lambda n: _fill(SEED + "\n\n", n, head=""),
}


def run_pipeline(data: bytes) -> str:
    """Everything that runs without a model, on one input; returns how it ended."""
    from summarizer import InputError
    from summarizer.grounding import SourceIndex, ground
    from summarizer.intake import load
    from summarizer.sections import chunk_view
    from summarizer.task import get_task
    from summarizer.tasks.regulatory.reader import summarize_with_rules
    from summarizer.tasks.regulatory.rules import run_rules

    published = datetime.date(2008, 3, 20)
    try:
        document = load(data, published=published)
    except InputError as exc:
        return f"rejected ({exc.code})"
    chunk_view(get_task().view(document), 4000)  # what a model is sent
    index = SourceIndex(document.text)
    summary = ground(summarize_with_rules(document, published=published), index)
    findings = run_rules(summary, document, published=published, index=index)
    return f"ok, {len(findings)} findings"


def _run(name: str, size: int) -> dict[str, object]:
    data = KINDS[name](size)
    started, cpu = time.perf_counter(), time.process_time()
    status = run_pipeline(data)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"kind": name, "bytes": len(data), "s": seconds, "cpu": cpu, "mb": _peak_mb(),
            "status": status}


def _peak_mb() -> float:
    """This process's peak resident memory in MB: ``VmHWM`` where Linux has it (it starts
    afresh at ``exec``, while ``ru_maxrss`` keeps the peak of the process that forked this one:
    run from a test session holding 500 MB, every input read as 500 MB), else ``ru_maxrss``."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure(name: str, size: int, timeout: float) -> dict[str, object]:
    try:
        run = subprocess.run([sys.executable, __file__, "--child", name, "--size", str(size)],
                             capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"kind": name, "bytes": size, "s": timeout, "cpu": float("nan"),
                "mb": float("nan"), "status": f"timeout after {timeout:g} s"}
    if run.returncode != 0:
        tail = (run.stderr.strip().splitlines() or ["?"])[-1]
        return {"kind": name, "bytes": size, "s": float("nan"), "cpu": float("nan"),
                "mb": float("nan"), "status": f"crashed: {tail}"}
    row: dict[str, object] = json.loads(run.stdout.strip().splitlines()[-1])
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--only", nargs="+", choices=sorted(KINDS))
    parser.add_argument("--inline", action="store_true",
                        help="run every input in this process (a quick check, as the tests do: "
                             "peak memory is then the process's, not each input's)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_run(args.child, args.size)))
        return 0
    names = args.only or list(KINDS)
    if args.inline:
        rows = [_run(name, args.size) for name in names]
    else:
        rows = [_measure(name, args.size, args.timeout) for name in names]
    print("| input | bytes | seconds | CPU seconds | peak MB | result |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['kind']} | {row['bytes']:,} | {row['s']:.2f} | {row['cpu']:.2f} "
              f"| {row['mb']:.0f} | {row['status']} |")
    seconds = [float(r["s"]) for r in rows]  # type: ignore[arg-type]
    mbs = [float(r["mb"]) for r in rows]  # type: ignore[arg-type]
    failed = [r for r in rows if str(r["status"]).startswith(("timeout", "crashed"))]
    worst_s = max(seconds) if not failed else float("inf")
    worst_mb = max(mbs) if not failed else float("inf")
    # a timed-out or crashed input has no figures (NaN): it fails the comparison, counted once
    over = sum(1 for s, m in zip(seconds, mbs, strict=True)
               if not (s < TARGET_S and m < TARGET_MB))
    print(f"worst_s={worst_s:.2f} worst_mb={worst_mb:.0f} kinds={len(rows)} over_target={over}")
    return 0 if over == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
