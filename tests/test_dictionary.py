"""The shipped dictionary and stop list, and their extension from the library home."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from reporttui.core.index import dictionary
from reporttui.core.index.schema import fingerprint
from reporttui.core.index.segment import cut

REQUIRED = [
    "高质量发展",
    "新质生产力",
    "专精特新",
    "十四五",
    "十五五",
    "一泓清水入黄河",
    "林麝",
    "古交市",
    "交城县",
    "太原市",
    "晋创谷",
]


def test_shipped_files_are_clean_utf8() -> None:
    for name in ("policy_terms.txt", "stopwords.txt"):
        raw = (resources.files("reporttui.core") / "data" / name).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
        raw.decode("utf-8")


def test_required_terms_are_shipped() -> None:
    words = {e.word for e in dictionary.policy_terms()}
    assert set(REQUIRED) <= words
    assert len(words) > 400  # the place names of the library are there too


def test_every_shipped_term_stays_whole_in_jieba() -> None:
    dictionary.prepare_jieba()
    broken = [e.word for e in dictionary.policy_terms() if cut(e.word) != [e.word]]
    assert broken == []
    assert "林麝" in cut("万只林麝养殖基地扩容升级")


def test_user_dictionary_with_bom_and_crlf(tmp_path: Path) -> None:
    from reporttui.core.index import querywords

    before = fingerprint(tmp_path)
    words_before = querywords.cache_file(tmp_path)
    (tmp_path / "dict.txt").write_bytes(
        "\ufeff晋阳湖数字经济产业园区\r\n# comment\r\n汾水资本 50000\r\n".encode()
    )
    (tmp_path / "stopwords.txt").write_text("加快\n", encoding="utf-8")
    words = {e.word: e.freq for e in dictionary.policy_terms(tmp_path)}
    assert words["晋阳湖数字经济产业园区"] is None and words["汾水资本"] == 50000
    assert "加快" in dictionary.stopwords(tmp_path) and "加快" not in dictionary.stopwords()
    # The index holds no jieba words (schema 9): the dictionary changes query segmentation only,
    # so the index fingerprint stays and the query-word cache is the one that changes.
    assert fingerprint(tmp_path) == before
    assert querywords.cache_file(tmp_path) != words_before
    assert dictionary.fingerprint(tmp_path) != dictionary.fingerprint(None)
    dictionary.prepare_jieba(tmp_path)
    assert "晋阳湖数字经济产业园区" in cut("全面推进晋阳湖数字经济产业园区建设")


def test_fingerprint_is_stable() -> None:
    assert fingerprint(None) == fingerprint(None)
    assert len(fingerprint(None)) == 16
