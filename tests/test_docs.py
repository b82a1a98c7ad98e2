"""The documentation stays true: every relative link and anchor of README.md and docs/*.md
resolves, every ```python block runs (offline: the rules backend, temp files), and every
``summarizer`` command of a ```sh block that needs no model runs with the rules backend.

A python block that cannot run offline (a live model, Ray, a test for your own suite) says why
in an HTML comment right before it, ``<!-- not-run: REASON -->``; such blocks stay few."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest
from doc_pages import README, ROOT, pages

from summarizer.cli import main

DATA = ROOT / "tests" / "data"
CEPLENE = ROOT / "examples" / "ceplene_8k_ex99_1.txt"
PAGE_IDS = [page.relative_to(ROOT).as_posix() for page in pages()]
#: a command with one of these asks a model or a remote API: shown, not run
NEEDS_A_MODEL = re.compile(
    r"--base-url|--backend\s+local|--model\b|--model-path|^summarizer batch\b")
#: the environment that would point the CLI or a Summarizer at a model
BACKEND_VARIABLES = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_BACKEND",
                     "SUMMARIZER_BASE_URL", "SUMMARIZER_MODEL", "SUMMARIZER_LOCAL_MODEL")
MAX_NOT_RUN = 5

_FENCE = re.compile(r"^```.*?^```", re.S | re.M)
_PYTHON = re.compile(r"(?:<!-- not-run: (?P<why>.*?) -->\n)?```python\n(?P<code>.*?)^```",
                     re.S | re.M)
_NOT_RUN = re.compile(r"<!-- not-run:(.*?)-->", re.S)
_SH = re.compile(r"^```(?:sh|console)\n(.*?)^```", re.S | re.M)
_LINK = re.compile(r"\]\(([^)\s]+)\)")


def _text(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def _anchors(page: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens, repeats
    numbered."""
    seen: dict[str, int] = {}
    anchors = set()
    for heading in re.findall(r"^#{1,6} +(.+?) *#*$", _FENCE.sub("", _text(page)), re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def _page(page_id: str) -> Path:
    return ROOT / page_id


# -- links ------------------------------------------------------------------------------------


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_every_relative_link_and_anchor_resolves(page_id: str) -> None:
    page = _page(page_id)
    broken = []
    for target in _LINK.findall(_FENCE.sub("", _text(page))):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: ...
            continue
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        if not linked.exists():
            broken.append(f"{target}: no such file")
        elif anchor and (linked.suffix != ".md" or anchor not in _anchors(linked)):
            broken.append(f"{target}: no such heading")
    assert not broken, broken


def test_the_readme_links_every_docs_page() -> None:
    linked = set(re.findall(r"\]\(docs/([\w.-]+\.md)\)", _text(README)))
    assert linked == {page.name for page in pages()[1:]}


def test_the_readme_is_a_front_page_with_the_set_up_commands() -> None:
    text = _text(README)
    assert len(text.encode("utf-8")) < 8 * 1024
    setup = re.search(r"^## Set up and run\n(.*?)^## ", text, re.S | re.M)
    assert setup is not None
    commands = re.findall(r"^ {4}(\S.*)$", setup.group(1), re.M)
    assert commands == [
        "pip install . && summarizer summarize examples/ceplene_8k_ex99_1.txt --published "
        "2008-03-20",
        "pip install -e '.[dev]' && pytest -n auto",
    ]
    # CI runs the README's test command (with -q)
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^python -m pytest -q -n auto$", ci_run, re.M)


# -- python blocks ----------------------------------------------------------------------------


def _python_blocks(page: Path) -> list[tuple[str | None, str]]:
    return [(m["why"], m["code"]) for m in _PYTHON.finditer(_text(page))]


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with what the examples name: release.txt and examples/ (the Ceplene
    release), releases/ (three dev releases), seq/ and meta.jsonl (the timeline sequences), tests/
    (the labelled corpora); no model configured, the cache in the folder."""
    shutil.copy(CEPLENE, tmp_path / "release.txt")
    (tmp_path / "examples").mkdir()
    shutil.copy(CEPLENE, tmp_path / "examples" / CEPLENE.name)
    (tmp_path / "releases").mkdir()
    for doc in sorted((DATA / "corpus" / "docs").glob("*.txt"))[:3]:
        shutil.copy(doc, tmp_path / "releases" / doc.name)
    shutil.copytree(DATA / "timeline" / "releases", tmp_path / "seq")
    shutil.copy(DATA / "timeline" / "meta.jsonl", tmp_path / "meta.jsonl")
    (tmp_path / "tests").symlink_to(ROOT / "tests", target_is_directory=True)
    for name in BACKEND_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    # the example task's templates ("recall_task") as an importable package, as once installed
    monkeypatch.syspath_prepend(str(ROOT / "examples" / "recall_task"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_every_python_block_runs(page_id: str, sandbox: Path) -> None:
    """A page's blocks run in order in one namespace, as a reader pastes them."""
    scope: dict[str, Any] = {"__name__": "docs_example"}
    for number, (why, code) in enumerate(_python_blocks(_page(page_id)), 1):
        if why is None:
            exec(compile(code, f"{page_id}, python block {number}", "exec", dont_inherit=True),
                 scope)


def test_blocks_not_run_are_few_and_say_why() -> None:
    markers = [(page, why.strip()) for page in pages() for why in _NOT_RUN.findall(_text(page))]
    blocks = [(page, why, code) for page in pages() for why, code in _python_blocks(page)]
    skipped = [(page, why) for page, why, _ in blocks if why is not None]
    assert len(skipped) == len(markers), "a not-run marker that is not right before a python block"
    assert len(skipped) <= MAX_NOT_RUN and len(skipped) * 2 < len(blocks), skipped
    for page, why in skipped:
        assert len(why.split()) >= 5, f"{page.name}: say why the block cannot run: {why!r}"


def test_the_readme_quick_start_runs_and_says_what_it_prints(
        sandbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    [(why, code)] = _python_blocks(README)
    assert why is None
    exec(compile(code, "README.md", "exec", dont_inherit=True), {"__name__": "docs_example"})
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "EMA negative_opinion" and "# EMA negative_opinion" in code
    assert printed[1] and printed[1] in CEPLENE.read_text(encoding="utf-8")


# -- commands ---------------------------------------------------------------------------------


def _commands(page: Path) -> list[str]:
    """The ``summarizer ...`` lines of the page's ```sh blocks, and of README's set-up commands
    (the part after ``&&``)."""
    text = _text(page)
    lines = [line for block in _SH.findall(text) for line in block.splitlines()]
    if page == README:
        lines += [line.split("&&")[-1] for line in re.findall(r"^ {4}(.*)$", text, re.M)]
    lines = [re.sub(r"^\$ ", "", line.strip()) for line in lines]
    return [line for line in lines if line.startswith("summarizer ")]


@pytest.mark.parametrize("page_id", [p for p, page in zip(PAGE_IDS, pages(), strict=True)
                                     if any(not NEEDS_A_MODEL.search(c) for c in _commands(page))])
def test_every_command_without_a_model_runs_with_the_rules_backend(
        page_id: str, sandbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A page's commands run in order in one folder (a later one reads what an earlier wrote)."""
    for line in _commands(_page(page_id)):
        if NEEDS_A_MODEL.search(line):
            continue
        code = main(shlex.split(line, comments=True)[1:])
        _, err = capsys.readouterr()
        assert code == 0, (line, err[-2000:])
        assert "Traceback" not in err


def test_the_commands_shown_are_mostly_run() -> None:
    commands = [line for page in pages() for line in _commands(page)]
    shown_only = [line for line in commands if NEEDS_A_MODEL.search(line)]
    assert len(commands) - len(shown_only) >= 15, commands
    assert len(shown_only) <= 6, shown_only
