"""Query words from the dictionary cache are exactly the fully loaded jieba's words."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

from conftest_search import seed_documents
from reporttui.core.index import dictionary, querywords
from reporttui.core.index.segment import jieba_tokenizer


def test_cached_words_equal_jieba_words(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "dict.txt").write_text("林麝良种繁育 5\n万只林麝 100000\n", encoding="utf-8")
    querywords.build(home)
    dictionary.prepare_jieba(home)
    tok = jieba_tokenizer()
    try:
        _compare_with_jieba(home, tok)
    finally:
        # jieba's dictionary is one per process: take this home's words out again, so later tests
        # in this process segment as an ordinary home does (万只林麝 would hide 林麝 from them).
        for word in ("林麝良种繁育", "万只林麝"):
            tok.del_word(word)
        dictionary._loaded_terms.difference_update(
            {
                k
                for k in dictionary._loaded_terms
                if k.split("\t")[0] in ("林麝良种繁育", "万只林麝")
            }
        )
        dictionary._prepared.clear()


def _compare_with_jieba(home: Path, tok: Any) -> None:
    rng = random.Random(11)
    texts = [p.text for d in seed_documents() for s in d.sections for p in s.paragraphs]
    runs = [m.group() for t in texts for m in re.finditer(r"[^，。；：、\s]{2,}", t)]
    samples = [
        "林麝良种繁育基地",
        "万只林麝",
        "高质量发展",
        "new york 2024年",
        "5%左右",
        "一泓清水入黄河",
    ]
    for _ in range(400):
        run = rng.choice(runs)
        k = min(len(run), rng.randint(2, 16))
        i = rng.randrange(len(run) - k + 1)
        samples.append(run[i : i + k])
    for text in samples:
        assert querywords.cut_for_search(text, home) == list(tok.cut_for_search(text)), text
    # query (issue 11): the per-first-character key ranges hold exactly the keys beginning with it
    cache = querywords._cache(home)
    assert cache is not None
    for head in ("林", "发", "5", "z"):
        lo, hi = cache.starting(head)
        want = sorted(w.encode() for w in tok.FREQ if w.startswith(head))
        assert [cache[i] for i in range(lo, hi)] == want
        assert all(cache.get(w.decode(), lo, hi) == tok.FREQ[w.decode()] for w in want[:50])


def test_no_cache_means_none(tmp_path: Path) -> None:
    assert querywords.cut_for_search("林麝", tmp_path) is None
    assert querywords.cut_for_search("林" * (querywords.MAX_QUERY_CHARS + 1), tmp_path) is None


def test_jieba_logger_is_quiet_and_left_alone_per_query(monkeypatch: Any) -> None:
    """speed (issue 11, round 14): every query's words import jieba again; its logger stays at
    least WARNING, and a level already at or above it (the tokenizer's CRITICAL) is kept
    without another ``setLevel`` (which clears every logger's level cache)."""
    import logging

    from reporttui.core.index.segment import import_jieba

    log = logging.getLogger("jieba")
    monkeypatch.setattr(log, "level", logging.NOTSET)  # (restored after the test)
    import_jieba()
    assert log.level == logging.WARNING
    log.level = logging.CRITICAL
    calls: list[int] = []
    monkeypatch.setattr(log, "setLevel", calls.append)
    import_jieba()
    assert calls == [] and log.level == logging.CRITICAL
