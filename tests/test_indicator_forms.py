"""Indicator names written another way (issue 8, recall): ``core/data/indicator_forms.txt``.

旅游收入 also finds 旅游总收入 (a word inserted between the name's words), 城镇化水平 also
finds 城镇化率 (the measure word swapped); those rows come after the rows as typed, for every
query (not only for rare ones), and explain names each form.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

from conftest_search import build_index, make_doc
from reporttui.core.search import synonyms
from reporttui.core.search.search import explain, format_explain, search

FILLER = "围绕目标任务，统筹推进各项工作，确保取得实效，不断提升群众满意度和获得感。" * 2
ROOT = Path(__file__).resolve().parents[1]


def _miner():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "gen_indicator_forms", ROOT / "scripts" / "gen_indicator_forms.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_indicator_forms", mod)
    spec.loader.exec_module(mod)
    return mod


def test_the_shipped_table_holds_both_kinds() -> None:
    forms = synonyms.indicator_forms()
    assert len(forms) >= 200  # mined from corpus reports, not a hand list
    assert "旅游总收入" in forms["旅游收入"]
    assert forms["城镇化水平"] == ("城镇化率",) or "城镇化率" in forms["城镇化水平"]
    exp = synonyms.expansions("旅游收入")
    assert exp is not None and "旅游总收入" in exp.indicator
    assert set(exp.indicator) <= set(exp.generated)  # they only add rows
    assert not exp.longer  # not named 全称
    assert synonyms.expansions("旅游总收入") is None or "旅游收入" not in (
        exp2[0]
        for exp2 in synonyms.expansions("旅游总收入").alternatives  # type: ignore[union-attr]
    )  # one-way


def test_miner_pairs_insertions_at_word_bounds_and_measure_words() -> None:
    mod = _miner()

    def cut(text: str) -> list[str]:
        words = {"旅游", "收入", "总收入", "城镇化", "水平", "存款", "存贷款", "余额", "率"}
        out, i = [], 0
        while i < len(text):
            for n in (3, 2, 1):
                if text[i : i + n] in words or n == 1:
                    out.append(text[i : i + n])
                    i += n
                    break
        return out

    names = ["旅游收入", "旅游总收入", "城镇化水平", "城镇化率", "存款余额", "存贷款余额"]
    table = mod.pairs(Counter({n: 9 for n in names}), 5, cut)
    assert table["旅游收入"] == ["旅游总收入"]
    assert table["城镇化水平"] == ["城镇化率"] and table["城镇化率"] == ["城镇化水平"]
    assert "存款余额" not in table  # 贷 inside the word 存款 makes another indicator
    assert mod.pairs(Counter({"旅游收入": 9, "旅游总收入": 2}), 5, cut) == {}
    got = mod.names_before_figures("全年旅游总收入达到195亿元，接待游客5家", cut, set())
    assert "旅游总收入" in got and not any("游客" in n for n in got)


def test_rows_with_another_wording_come_after_the_rows_as_typed() -> None:
    typed = "旅游收入增长18%以上。" + FILLER
    inserted = "全年旅游总收入195亿元，增长28.4%。" + FILLER
    swapped = "常住人口城镇化率达到58%。" + FILLER
    level = "城镇化水平稳步提高。" + FILLER
    many = [f"第{i}项：旅游收入稳步增长。" + FILLER for i in range(12)]  # more than a page
    ix = build_index([make_doc("i1", [inserted, typed, swapped, level, *many])])
    r = search(ix, "旅游收入", use_jieba=False, limit=30)
    texts = [h.text for h in r.hits]
    assert inserted in texts and texts.index(inserted) == len(texts) - 1
    assert any("旅游总收入" in n and "indicator" in n for n in r.expansions)
    hit = r.hits[-1]
    assert any("indicator written as 旅游总收入" in why for why in hit.reasons)
    r = search(ix, "城镇化水平", use_jieba=False)
    assert [h.text for h in r.hits] == [level, swapped]
    info = format_explain(explain("城镇化水平", use_jieba=False, result=r))
    assert "also 城镇化率 (the indicator as reports also write it" in info
    assert "indicator written as 城镇化率 for 城镇化水平" in info
    r = search(ix, "城镇化水平", use_jieba=False, synonyms=False)
    assert [h.text for h in r.hits] == [level]
