"""The tags store: anchors that survive re-indexing and re-cleaning, flags, and crash safety."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from conftest import seed_doc
from reporttui.core.errors import ReportError
from reporttui.core.library import tag_export
from reporttui.core.library.catalog import LibraryEntry
from reporttui.core.library.library import Library
from reporttui.core.library.tags import CHANGED, MISSING, OK, TagStore, anchor_hash, refind
from reporttui.core.model import Document, Section


def _entry(doc: Document) -> LibraryEntry:
    return LibraryEntry(
        doc.id,
        doc.path,
        doc.title,
        doc.region,
        doc.year,
        doc.kind,
        len(doc.text),
        doc.source_sha1,
        False,
    )


class FakeLibrary:
    """Entries and documents as given: stands for a library whose cleaning changed."""

    def __init__(self, *docs: Document) -> None:
        self.docs = {d.id: d for d in docs}

    def entries(self) -> list[LibraryEntry]:
        return [_entry(d) for d in self.docs.values()]

    def load(self, doc_id: str) -> Document:
        return self.docs[doc_id]


def _recleaned(doc: Document) -> Document:
    """``doc`` as another cleaning would give it: half-width punctuation, a stray icon glyph, an
    extra paragraph at the top (so every paragraph number shifts) and two paragraphs joined."""
    paragraphs = doc.paragraphs()
    first = paragraphs[0]
    texts = ["（新增的一段：本报讯）"] + [
        "\ue004" + p.text.replace("，", ",").replace("：", ":").replace("；", ";")
        for p in paragraphs
    ]
    # join the last two (a page break rejoined differently)
    texts[-2:] = [texts[-2] + texts[-1]]
    section_id = first.section_id
    offset = 0
    new = []
    for number, text in enumerate(texts, 1):
        new.append(type(first)(number, text, offset, section_id))
        offset += len(text) + 1
    section = Section(section_id, "", 0, "document", tuple(new))
    return replace(doc, text="\n".join(texts), sections=(section,))


def test_tag_several_tags_and_a_note(tmp_path: Path) -> None:
    doc = seed_doc(0)
    p = doc.paragraphs()[3]
    store = TagStore(tmp_path)
    got = store.tag(doc, p, ["营商环境", "  改革 "], note="第一条")
    assert got is not None and got.tags == ("改革", "营商环境") and got.note == "第一条"
    got = store.tag(doc, p, ["营商环境", "#数字"])
    assert got is not None and got.tags == ("改革", "数字", "营商环境") and got.note == "第一条"
    store.tag(doc, doc.paragraphs()[5], ["改革"])
    assert [c.name for c in store.counts()] == ["改革", "数字", "营商环境"]
    assert store.counts()[0].count == 2
    assert store.tagged_paragraphs(doc.id)[(doc.id, p.number)] == ("改革", "数字", "营商环境")
    assert store.tag(doc, p, [], replace=True) is None
    assert store.find(doc.id, p.number) is None
    with pytest.raises(ReportError):
        store.tag(doc, p, ["  "])
    assert store.check() == "ok"


def test_anchor_ignores_what_cleaning_changes() -> None:
    text = "全年地区生产总值增长5%左右，一般公共预算收入增长3%。"
    assert anchor_hash(text) == anchor_hash(
        "\ue004全年地区生产总值增长5%左右, 一般公共预算收入增长3%."
    )
    assert anchor_hash(text) != anchor_hash(text.replace("5%", "6%"))


def test_tags_survive_a_change_of_cleaning(tmp_path: Path) -> None:
    doc = seed_doc(0)
    paragraphs = doc.paragraphs()
    store = TagStore(tmp_path)
    chosen = [paragraphs[i] for i in (0, 4, 9, len(paragraphs) - 2, len(paragraphs) - 1)]
    for p in chosen:
        store.tag(doc, p, ["t"])
    other = _recleaned(doc)
    report = store.reconcile(FakeLibrary(other))
    assert report.flagged == []
    found = {p.text: p for p in store.passages()}
    new_paragraphs = other.paragraphs()
    for p in chosen:
        stored = found[p.text]
        assert stored.status == OK
        assert anchor_hash(p.text) in {
            anchor_hash(x) for x in [new_paragraphs[stored.paragraph - 1].text]
        } or (
            p.text.replace("，", ",")[:20]
            in new_paragraphs[stored.paragraph - 1].text.replace("，", ",")
        )
    assert found[chosen[1].text].paragraph == chosen[1].number + 1  # shifted by the new paragraph


def test_tags_survive_an_index_rebuild_and_an_edit_is_flagged(tmp_path: Path) -> None:
    home = tmp_path / "home"
    source = tmp_path / "src" / "report.txt"
    source.parent.mkdir()
    # a copy of a seed made unique (an identical copy would share the seed's content hash)
    source.write_text(
        Path(seed_doc(1).path).read_text(encoding="utf-8") + "\n\n麒麟鹿鸣测试段落。\n",
        encoding="utf-8",
    )
    library = Library(home)
    library.add([source])
    doc = library.load(library.resolve(str(source)).id)
    paragraphs = doc.paragraphs()
    store = TagStore(home)
    edited, kept = paragraphs[2], paragraphs[6]
    store.tag(doc, edited, ["民生"], note="n1")
    store.tag(doc, kept, ["生态"])
    library.rebuild()
    assert store.reconcile(library).flagged == []
    assert {(p.doc_id, p.paragraph) for p in store.passages()} == {
        (doc.id, edited.number),
        (doc.id, kept.number),
    }
    # the search filter finds them after the rebuild
    result = library.search("tag:民生")
    assert [(h.doc_id, h.paragraph) for h in result.hits] == [(doc.id, edited.number)]
    # edit the source: one tagged paragraph changes a few characters, one new paragraph on top
    raw = source.read_text(encoding="utf-8")
    needle = next(
        edited.text[i : i + 10]
        for i in range(len(edited.text))
        if raw.count(edited.text[i : i + 10]) == 1
    )
    source.write_text(
        "新增一段开头文字。\n\n" + raw.replace(needle, needle[:4] + "改动" + needle[6:], 1),
        encoding="utf-8",
    )
    library.sync()
    report = store.reconcile(library)
    by_tag = {p.tags[0]: p for p in store.passages()}
    assert by_tag["民生"].status == CHANGED and by_tag["民生"].flagged
    assert by_tag["民生"].text == edited.text and "改动" in (by_tag["民生"].current_text or "")
    assert by_tag["民生"].note == "n1"
    assert by_tag["生态"].status == OK
    assert [p.tags for p in report.flagged] == [("民生",)]
    new_id = library.resolve(str(source)).id
    assert new_id != doc.id and by_tag["生态"].doc_id == new_id
    # the passage removed altogether: flagged missing, still there
    source.write_text("完全不同的一篇短文。\n", encoding="utf-8")
    library.sync()
    store.reconcile(library)
    assert {p.status for p in store.passages()} == {MISSING}
    library.close()


def test_refind_missing_when_nothing_is_similar() -> None:
    doc = seed_doc(0)
    assert refind("这一段文字在报告里从来没有出现过，也不相似。", 3, doc) == (None, MISSING)


def test_export_formats_carry_citations(tmp_path: Path) -> None:
    doc = seed_doc(0)
    store = TagStore(tmp_path)
    p = doc.paragraphs()[2]
    store.tag(doc, p, ["甲", "乙"], note="笔记,含逗号")
    passages = store.passages()
    md = tag_export.to_markdown(passages)
    assert (
        "## 甲（1）" in md
        and "## 乙（1）" in md
        and f"第{p.number}段" in md
        and "笔记,含逗号" in md
    )
    rows = list(csv.DictReader(io.StringIO(tag_export.to_csv(passages))))
    assert rows[0]["paragraph"] == str(p.number) and rows[0]["note"] == "笔记,含逗号"
    assert rows[0]["tags"] == "乙; 甲" or rows[0]["tags"] == "甲; 乙"
    data = json.loads(tag_export.to_json(passages))
    assert data[0]["citation"].startswith("——") and data[0]["text"] == p.text


WRITER = r"""
import sys
from pathlib import Path
from reporttui.core.library.tags import TagStore
from reporttui.core.text.ingest import load_document
doc = load_document(Path(sys.argv[2]))
paragraphs = doc.paragraphs()
store = TagStore(Path(sys.argv[1]))
start = int(sys.argv[3])
for i in range(start, start + 100000):
    p = paragraphs[i % len(paragraphs)]
    store.tag(doc, p, [f"t{i}"], note=f"note {i}")
    print(i, flush=True)
"""


def test_killed_mid_write_loses_no_committed_tag(tmp_path: Path) -> None:
    doc = seed_doc(0)
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    committed: list[int] = []
    start = 0
    for round_ in range(6):
        proc = subprocess.Popen(
            [sys.executable, str(script), str(tmp_path / "home"), doc.path, str(start)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.strip(), "the writer did not start"
        committed.append(int(first))
        time.sleep(0.05 + 0.07 * round_)
        os.kill(proc.pid, signal.SIGKILL)
        rest = proc.stdout.read()
        proc.wait()
        committed += [int(x) for x in rest.split()]
        start = committed[-1] + 1
        conn = sqlite3.connect(tmp_path / "home" / "tags.sqlite3")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = conn.execute(
            "SELECT COUNT(*) FROM passage_tags WHERE passage_id NOT IN (SELECT id FROM passages)"
        ).fetchone()[0]
        assert orphans == 0
        conn.close()
    store = TagStore(tmp_path / "home")
    have = {t for p in store.passages() for t in p.tags}
    missing = [i for i in committed if f"t{i}" not in have]
    assert not missing, f"{len(missing)} committed tags lost"
    assert len(committed) > 6


# --- corpus --------------------------------------------------------------------------------


def _corpus_root(request: pytest.FixtureRequest) -> Path:
    for candidate in (os.environ.get("REPORTTUI_CORPUS"), "/tmp/corpus"):
        if candidate and (Path(candidate) / "政府工作报告-主要城市").is_dir():
            return Path(candidate)
    return request.getfixturevalue("corpus_dir")


@pytest.mark.corpus
def test_corpus_taiyuan_tags_survive_rebuild_and_edit(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    root = _corpus_root(request)
    folder = tmp_path / "src"
    folder.mkdir()
    for year in (2024, 2025):
        shutil.copy(root / "政府工作报告-主要城市" / "太原市" / f"{year}.md", folder / f"{year}.md")
    home = tmp_path / "home"
    library = Library(home, max_workers=1)
    library.add([folder])
    store = TagStore(home)
    tagged: dict[str, list[Any]] = {}
    for year in (2024, 2025):
        doc = library.load(library.resolve(str(folder / f"{year}.md")).id)
        ps = doc.paragraphs()
        tagged[str(year)] = [ps[i] for i in range(0, len(ps), max(len(ps) // 6, 1))]
        for p in tagged[str(year)]:
            store.tag(doc, p, [f"y{year}", "all"])
    library.rebuild()
    report = store.reconcile(library)
    assert report.flagged == [] and report.moved == 0
    assert len(library.search("tag:all", limit=100).hits) == len(store.passages())
    # edit 2025: the first tagged paragraph loses a character in the middle
    path = folder / "2025.md"
    raw = path.read_text(encoding="utf-8")
    target = tagged["2025"][1].text
    mid = len(target) // 2
    piece = target[mid : mid + 12]
    assert piece in raw
    path.write_text(raw.replace(piece, piece[:5] + piece[6:], 1), encoding="utf-8")
    library.sync()
    store.reconcile(library)
    flagged = [p for p in store.passages() if p.flagged]
    assert [p.text for p in flagged] == [target] and flagged[0].status == CHANGED
    library.close()


def test_tag_filter_across_index_segments_and_with_other_terms(tmp_path: Path) -> None:
    home = tmp_path / "home"
    library = Library(home)
    library.sync()
    extra = tmp_path / "extra.txt"
    extra.write_text(
        "麒麟鹿鸣一号段落，关于林麝养殖。\n\n麒麟鹿鸣二号段落，关于沙棘。\n", encoding="utf-8"
    )
    library.add([extra])  # a second segment
    store = TagStore(home)
    seed = library.load(next(e for e in library.entries() if e.bundled).id)
    mine = library.load(library.resolve(str(extra)).id)
    store.tag(seed, seed.paragraphs()[1], ["x"])
    store.tag(mine, mine.paragraphs()[0], ["x"])
    store.tag(mine, mine.paragraphs()[1], ["y"])
    got = {(h.doc_id, h.paragraph) for h in library.search("tag:x", limit=10).hits}
    assert got == {(seed.id, seed.paragraphs()[1].number), (mine.id, mine.paragraphs()[0].number)}
    assert [h.doc_id for h in library.search("林麝 tag:x").hits] == [mine.id]
    assert library.search("沙棘 tag:x").total == 0
    assert {h.paragraph for h in library.search("标签:x 标签:y").hits} >= {1, 2}
    assert library.search("tag:没有这个").total == 0
    library.close()
