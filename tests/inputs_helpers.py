"""Helpers of the input-class tests: parse a real judged file with the no-loss check, and list
what a rule dropped."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from reporttui.core.model import Document
from reporttui.core.text.ingest import check_no_loss, parse_document


def parse_checked(path: Path) -> tuple[Document, str]:
    """The parsed file and its text; everything removed must be in the dropped view."""
    raw = path.read_bytes()
    doc = parse_document(raw, path.name)
    text = raw.decode("utf-8")
    assert check_no_loss(text, doc) == []
    return doc, text


def dropped(doc: Document, reason: str) -> list[str]:
    """The dropped pieces of one reason."""
    return [d.text for d in doc.dropped if d.reason == reason]


def load_judged() -> ModuleType:
    """benchmarks/inputs/judged.py as a module (the floor tests score their sets with it), loaded
    once per process under the name its dataclasses look their module up by."""
    if "inputs_judged" in sys.modules:
        return sys.modules["inputs_judged"]
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "inputs" / "judged.py"
    spec = importlib.util.spec_from_file_location("inputs_judged", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["inputs_judged"] = module
    spec.loader.exec_module(module)
    return module


def assert_floor(name: str, floor: tuple[int, int, int, int]) -> None:
    """A blind set's scores hold its first run's floor: (items, metadata fields right, junk
    strings left at most, judged headings found); no sentence lost, no error."""
    s = load_judged().score_set(name)
    items, fields, junk_left, headings = floor
    assert s.items >= items, name
    assert s.errors == 0, s.notes
    assert s.keep_lost == 0, [n for n in s.notes if "lost" in n]
    assert s.fields_right >= fields, [n for n in s.notes if "want" in n]
    assert s.junk_left <= junk_left, [n for n in s.notes if "junk" in n]
    assert s.headings_found >= headings, [n for n in s.notes if "heading" in n]


DATA = Path(__file__).parent / "data" / "inputs"


def parse_data(rel: str) -> Document:
    """A judged file of tests/data/inputs, parsed."""
    return parse_document((DATA / rel).read_bytes(), rel)


def parse_text(text: str, name: str = "t.txt") -> Document:
    """``text`` parsed as a file named ``name``, with the no-loss check."""
    doc = parse_document(text.encode("utf-8"), name)
    assert check_no_loss(text, doc) == []
    return doc


def assert_corpus_references(name: str, count: int) -> None:
    """A blind set's corpus items point into the corpus (never copied into the repository),
    ``count`` of them, none in an earlier judged set."""
    judged = load_judged()
    items = judged.json.loads((judged.DATA / f"judged-{name}.json").read_text("utf-8"))["items"]
    corpus = [item for item in items if item["source"] == "corpus"]
    assert len(corpus) == count
    assert all(item["path"].startswith("政府工作报告-") for item in corpus)
    assert all(not (judged.DATA / item["path"]).exists() for item in corpus)
    earlier = {
        item["path"]
        for f in judged.DATA.glob("judged*.json")
        if f.name != f"judged-{name}.json"
        for item in judged.json.loads(f.read_text("utf-8"))["items"]
        if item["source"] == "corpus"
    }
    assert not earlier & {item["path"] for item in corpus}
