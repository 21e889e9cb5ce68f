"""Traditional/Simplified folding (issue 9): one character to one, in search and metadata."""

from __future__ import annotations

from conftest_search import build_index, make_doc
from reporttui.core.index.tokenize import fold
from reporttui.core.search.search import search
from reporttui.core.text.ingest import parse_document
from reporttui.core.text.variants import T2S, has_traditional, to_simplified


def test_the_fold_is_one_character_to_one() -> None:
    assert all(len(s) == 1 for s in T2S.values())
    text = "婁煩縣經濟發展，ＡＢＣ２０２５年"
    assert len(fold(text)) == len(text)
    assert fold(text) == "娄烦县经济发展,abc2025年"


def test_simplified_text_is_unchanged() -> None:
    text = "娄烦县经济发展着力推进"
    assert to_simplified(text) == text
    assert not has_traditional(text) and has_traditional("經濟")


def test_a_query_in_either_script_finds_both_with_highlights_on_the_original() -> None:
    trad = make_doc("trad", ["婁煩縣經濟穩中向好，財政收入增長。"])
    simp = make_doc("simp", ["娄烦县经济稳中向好，财政收入增长。"])
    ix = build_index([trad, simp])
    for query in ("娄烦", "婁煩", "经济", "經濟"):
        r = search(ix, query, limit=10)
        assert {h.doc_id for h in r.hits} == {"trad", "simp"}, query
        for h in r.hits:
            marked = "".join(h.text[a:b] for a, b in h.spans)
            assert marked in ("婁煩", "娄烦", "經濟", "经济"), (query, marked)


def test_metadata_of_a_traditional_report_is_shown_in_simplified() -> None:
    src = (
        "政 府 工 作 報 告\n\n——2008年3月4日在婁煩縣第十五屆人民代表大會第二次會議上\n\n"
        "縣長 王某某\n\n各位代表：\n\n現在，我代表縣人民政府，向大會報告工作，請予審議。\n"
    )
    doc = parse_document(src)
    assert doc.region == "娄烦县"
    assert doc.title == "政府工作报告"
    assert "報告工作" in doc.text  # the text itself stays as written


def test_the_shipped_table_is_opencc_s() -> None:
    import importlib.util
    import sys
    from pathlib import Path

    import pytest

    pytest.importorskip("opencc")
    path = Path(__file__).resolve().parents[1] / "scripts" / "gen_t2s_table.py"
    spec = importlib.util.spec_from_file_location("gen_t2s_table", path)
    assert spec and spec.loader
    gen = importlib.util.module_from_spec(spec)
    sys.modules["gen_t2s_table"] = gen
    spec.loader.exec_module(gen)
    assert {ord(k): v for k, v in gen.table().items()} == T2S
