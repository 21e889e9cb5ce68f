"""The index-time row facts (storage, issue 11) are the query-side functions' figures.

The indexer stores :func:`ranking.row_facts` of every row (role, structure role, shortcomings
flag, lead length) in the ``facts`` row key column; search scores the shortlist with them
instead of running the expressions again. One definition: these tests recompute the facts from
each row's stored text and role and compare them with the stored column, and check that
:func:`ranking.score_row` gives the same score, signals and reasons with and without them.
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest_search import build_index, make_doc, seed_documents
from reporttui.core.index import merge
from reporttui.core.index.indexer import open_writer, ram_storage
from reporttui.core.index.schema import SECTION_SEPARATOR, document_rows, make_schema
from reporttui.core.search import ranking, search

ROWS = [
    "各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围，奋力谱写新篇章！",
    "今年经济社会发展的总体要求是：坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。",
    "今年发展主要预期目标是：地区生产总值增长5%左右；城镇新增就业5万人以上。",
    "过去一年，我们坚持稳中求进，经济运行回升向好，高质量发展扎实推进。",
    "我们也清醒地认识到，发展中还存在不少困难和问题：经济回升向好的基础还不稳固。",
    "各位代表，新的一年，我们将以更加饱满的热情投入工作。",
    "加快发展新型能源产业。围绕风电、氢能、光伏等产业，培育新的增长点。",
    " 统筹 推进 乡村振兴 ，持续 巩固 拓展 脱贫攻坚成果 同乡村振兴有效衔接 ",
    "〔1〕新质生产力：是创新起主导作用的先进生产力质态。",
    "短句",
    "",
]


def _check_column(ix: Any) -> int:
    """Compare every live row's stored facts with the facts of its stored text; rows checked."""
    checked = 0
    with ix.searcher() as s:
        reader = s.reader()
        facts = search._facts_column(reader)
        roles = search._roles(reader)
        assert facts is not None and len(facts) == reader.doc_count_all()
        for d in range(reader.doc_count_all()):
            if reader.is_deleted(d):
                continue
            text = reader.stored_fields(d).get("text", "")
            role = (roles[d] if roles is not None else "") or ranking.ROLE_BODY
            assert facts.facts(d) == ranking.row_facts(text, role), (d, text[:40])
            assert facts[d] == role
            checked += 1
    return checked


def test_facts_column_is_row_facts_of_the_stored_rows() -> None:
    docs = [*seed_documents(), make_doc("facts", ROWS)]
    assert _check_column(build_index(docs)) > 100


def test_facts_column_survives_segments_deletions_and_a_merge() -> None:
    docs = list(seed_documents())
    extra = [make_doc(f"x{i}", [ROWS[i % len(ROWS)], "发展。"]) for i in range(merge.MERGE_FACTOR)]
    ix = ram_storage().create_index(make_schema())
    for d in [*docs[:2], *extra]:
        w = open_writer(ix)
        w.add_rows(document_rows(d))
        w.commit()
    w = open_writer(ix)
    w.delete_document(docs[0].id)
    w.commit()  # small segments pile up: this commit merges them
    assert _check_column(ix) > 20


def test_facts_encode_and_decode() -> None:
    for text in ROWS:
        for role in (ranking.ROLE_BODY, ranking.ROLE_HEADING, ranking.ROLE_NOTE):
            f = ranking.row_facts(text, role)
            assert ranking.decode_facts(ranking.encode_facts(f)) == f
    assert ranking.decode_facts("body|x") is None
    assert ranking.decode_facts("body||y|3") is None


@pytest.mark.parametrize(
    "groups",
    [(("发展",),), (("乡村振兴",), ("脱贫",)), (("氢能", "储能"), ("光伏",)), (("目标",),)],
)
def test_score_row_is_the_same_with_the_stored_facts(groups: Any) -> None:
    rows = [(t, ()) for t in ROWS] + [
        (p.text, (s.title,)) for d in seed_documents() for s in d.sections for p in s.paragraphs
    ]
    for kind in (None, *(ranking.QUERY_TOPIC, ranking.QUERY_INDICATOR, ranking.QUERY_PART)):
        for text, path in rows:
            for role in (ranking.ROLE_BODY, ranking.ROLE_HEADING):
                facts = ranking.row_facts(text, role)
                a = ranking.score_row(0, 0.7, text, path, role, groups, kind=kind)
                b = ranking.score_row(0, 0.7, text, path, role, groups, kind=kind, facts=facts)
                assert repr(a.score) == repr(b.score)
                assert a == b


def _corpus_rows(corpus_dir: Any) -> Any:
    from reporttui.core.text.ingest import load_document

    files = sorted(corpus_dir.rglob("*.md"))[::150]  # ~20 reports across the folders
    return [load_document(p) for p in files]


@pytest.mark.corpus
def test_facts_column_on_a_corpus_sample(corpus_dir: Any) -> None:
    docs = _corpus_rows(corpus_dir)
    assert _check_column(build_index(docs)) > 1000
    # and the same score with them as without, on those rows (one query word, a topic query)
    for d in docs:
        for row in list(document_rows(d))[::7]:
            text = row["text"]
            path = tuple(row.get("section_path", "").split(SECTION_SEPARATOR))
            role = row.get("role") or ranking.ROLE_BODY
            facts = ranking.row_facts(text, role)
            args = (0, 0.5, text, path, role, (("发展",),))
            a = ranking.score_row(*args, kind=ranking.QUERY_TOPIC)
            b = ranking.score_row(*args, kind=ranking.QUERY_TOPIC, facts=facts)
            assert a == b


def test_an_index_without_the_column_ranks_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a facts column (another form of index), the rerank computes the same figures
    from the text: the same hits, scores and reasons."""
    from reporttui.core.index import schema

    docs = [*seed_documents(), make_doc("facts", ROWS)]
    with_column = build_index(docs)
    monkeypatch.setattr(schema, "FACTS_KEY", "facts_other")  # written under another name
    without = build_index(docs)
    monkeypatch.undo()
    with without.searcher() as s:
        assert search._facts_column(s.reader()) is None
    for query in ("发展", "乡村振兴 脱贫", "目标", "氢能 OR 光伏", "各位代表"):
        a = search.search(with_column, query, limit=40)
        b = search.search(without, query, limit=40)
        assert a.total == b.total and a.total > 0
        assert [(h.doc_id, h.paragraph, repr(h.score), h.reasons) for h in a.hits] == [
            (h.doc_id, h.paragraph, repr(h.score), h.reasons) for h in b.hits
        ]
