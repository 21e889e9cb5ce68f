"""Round 15's independent blind input set (held32) scored by judged.py, and the round-15 rulings.

Judged by an engineer who writes no parser code, by the judging rules 1-6
(benchmarks/inputs/README.md), before any run of the code on it (judgments committed first;
benchmarks/inputs/held32-first-run.txt). Floors are its first (blind) run on main dab0bae,
committed files only (held32's corpus references need the corpus): no error, no sentence lost,
and metadata, junk and headings may not fall below that run. Fixes raise the figures; the floors
are not targets to tune to.
"""

from __future__ import annotations

from inputs_helpers import assert_corpus_references, assert_floor, load_judged

judged = load_judged()


def _items(name: str) -> list[dict]:
    return judged.json.loads((judged.DATA / f"judged-{name}.json").read_text("utf-8"))["items"]


def test_held32_floor() -> None:
    # (items, metadata fields right, junk strings left at most, judged headings found) on main
    # dab0bae, committed files only (5, 11, 2, 3); raised by round 15's held32 fixes (the share
    # bar, a session held late hearing the year before's review, a press release's kind and year)
    assert_floor("held32", (5, 15, 0, 3))


def test_held32_corpus_items_are_references() -> None:
    """held32's corpus items point into the corpus (never copied into the repository), one per
    drawn stratum, none in an earlier judged set."""
    assert_corpus_references("held32", 6)


def test_held32_metadata_judged_in_simplified() -> None:
    """Rule 2: every judged metadata value is Simplified (two page texts are Traditional)."""
    from reporttui.core.text.variants import has_traditional

    for item in _items("held32"):
        for key, value in item["expect"].items():
            assert not (isinstance(value, str) and has_traditional(value)), (item["id"], key)


def test_colon_labels_are_judged_out_of_titles() -> None:
    """Ruling 5: the column, programme and genre labels the round-15 re-judging found before a
    colon are no part of any judged title (benchmarks/inputs/rejudged_r15.md)."""
    labels = ("补壹刀", "午间公告", "直播回放", "两会知多少", "图解", "分管负责人解读")
    titles = [
        (item["id"], item["expect"].get("title") or "")
        for f in judged.DATA.glob("judged*.json")
        for item in judged.json.loads(f.read_text("utf-8"))["items"]
    ]
    assert not [(i, t) for i, t in titles if t.startswith(labels)]
