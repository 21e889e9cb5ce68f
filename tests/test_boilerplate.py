"""Boilerplate repeated across the files of a library (core/text/boilerplate.py).

Real data: four saved sina.com.cn pages (tests/data/inputs/boilerplate, sources in SOURCES.md);
three end with the same "扫码关注" line, one does not. The must-keep side: the five seeds and,
with the corpus, a sample of real reports whose standard sentences repeat in every file.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from reporttui.core.paths import seed_files
from reporttui.core.text.boilerplate import BoilerplateCounter, find_boilerplate, is_candidate
from reporttui.core.text.decode import decode_bytes
from reporttui.core.text.ingest import check_no_loss, parse_document

DATA = Path(__file__).parent / "data" / "inputs" / "boilerplate"
SINA_LINE = "更多猛料！欢迎扫描左方二维码关注新浪新闻官方微信（xinlang-xinwen）"


_BOX = re.compile(r"<!-- 公众号二维码 start -->.*?<!-- 公众号二维码 end -->", re.DOTALL)
_SIGN_OFF = re.compile(r'<p class="(?:show_author|article-editor)">')


def _pages() -> list[tuple[str, bytes]]:
    """The pages with their follow box (扫码关注…) moved from after the editor's line to just
    before it: the page pass leaves out what follows an article's sign-off by itself (round 5),
    so the box is put where a site prints such a line inside the article's end, which only the
    library-wide count can tell from the text."""
    out = []
    for p in sorted(DATA.glob("*.gz")):
        html = gzip.decompress(p.read_bytes()).decode("utf-8")
        box = _BOX.search(html)
        sign = _SIGN_OFF.search(html)
        if box and sign and sign.start() < box.start():
            html = html[: box.start()] + html[box.end() :]
            html = html[: sign.start()] + box.group(0) + html[sign.start() :]
        out.append((p.name[:-3], html.encode("utf-8")))
    return out


def _seeds() -> list[tuple[str, bytes]]:
    return [(str(p), p.read_bytes()) for p in seed_files()]


def _keys(files: list[tuple[str, bytes]]) -> frozenset[str]:
    counter = BoilerplateCounter()
    for name, data in files:
        counter.add_document(parse_document(data, name))
    return counter.boilerplate()


def test_a_line_repeated_across_a_sites_pages_goes_to_the_dropped_view() -> None:
    pages = _pages()
    keys = _keys(pages + _seeds())
    assert keys
    for name, data in pages:
        plain = parse_document(data, name)
        doc = parse_document(data, name, keys)
        had = SINA_LINE in plain.text
        assert SINA_LINE not in doc.text
        gone = [d.text for d in doc.dropped if d.reason == "boilerplate"]
        assert gone == ([SINA_LINE] if had else [])
        # Nothing else changed, and the no-loss promise holds.
        assert doc.text.replace("\n", "") == plain.text.replace(SINA_LINE, "").replace("\n", "")
        raw = decode_bytes(data).text
        assert check_no_loss(raw, doc) == []


def test_report_lines_repeated_in_every_report_are_kept() -> None:
    """Titles, salutations and the standard opening sentence repeat across reports: body text."""
    seeds = _seeds()
    keys = _keys(seeds + _pages())
    for name, data in seeds:
        assert parse_document(data, name, keys).text == parse_document(data, name).text
    for line in (
        "各位代表：",
        "政府工作报告",
        "现在，我代表市人民政府向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。",
        "——2025年1月20日在太原市第十六届人民代表大会第五次会议上",
        "一、2024年工作回顾",
    ):
        assert not is_candidate(line), line


def test_too_few_files_is_not_boilerplate() -> None:
    texts = ["标题\n第一篇的正文写到这里。\n关注我们", "标题二\n第二篇的正文另有内容。\n关注我们"]
    assert find_boilerplate(texts) == frozenset()
    assert find_boilerplate([*texts, "标题三\n第三篇的正文也不一样。\n关注我们"])


@pytest.mark.corpus
def test_corpus_sample_loses_no_sentence_to_boilerplate(corpus_dir: Path) -> None:
    files = sorted(corpus_dir.rglob("*.md"))[::20]  # 150 reports across the folders
    data = [(str(p), p.read_bytes()) for p in files]
    keys = _keys(data)
    for name, raw in data:
        doc = parse_document(raw, name, keys)
        for d in doc.dropped:
            if d.reason == "boilerplate":
                assert is_candidate(d.text) and not d.text.endswith("。"), (name, d.text)
        assert check_no_loss(decode_bytes(raw).text, doc) == []


def test_a_library_learns_its_boilerplate_when_pages_are_added(tmp_path: Path) -> None:
    """`add` counts the edge lines of what it indexed; the repeated line is then dropped from
    the index and from the reader's document alike (one re-index), and stays in ``d``."""
    from reporttui.core.library.library import Library
    from reporttui.core.text.boilerplate import STORE_NAME, load_keys

    folder = tmp_path / "pages"
    folder.mkdir()
    for name, data in _pages():
        (folder / name).write_bytes(data)
    home = tmp_path / "home"
    library = Library(home)
    report = library.add([folder])
    assert sum(p.endswith(".html") for p in report.added) == 4
    assert any("repeated across" in m for m in report.messages)
    assert (home / STORE_NAME).exists() and load_keys(home)
    assert not library.needs_indexing()  # the re-index with the new lines is already done
    docs = [library.load(e.id) for e in library.entries() if e.path.endswith(".html")]
    assert len(docs) == 4
    with_line = [d for d in docs if any(x.text == SINA_LINE for x in d.dropped)]
    assert len(with_line) == 3 and all(SINA_LINE not in d.text for d in docs)
    assert not library.search("新浪新闻官方微信").hits
    assert library.search("潘晓颖").hits  # the articles themselves are indexed
    again = library.sync()
    assert not again.rebuilt  # stable: counting the re-indexed files changes nothing


def test_copies_of_one_report_do_not_make_its_lines_boilerplate() -> None:
    name, data = _seeds()[1]
    text = data.decode("utf-8")
    copies = [(f"r{i}.txt", f"{text}\n\n第{i}份报告写到鹿鸣工程。\n".encode()) for i in range(4)]
    assert _keys([(name, data), *copies]) == frozenset()
