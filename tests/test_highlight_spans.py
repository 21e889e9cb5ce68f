"""A query's :class:`Spans` finds what :func:`find_spans` finds (hits, issue 11, round 9).

``Spans`` is made once per query: plain terms scanned by their kept patterns, numbers and
Latin words cut into units in a window around each place of their first unit. The reference
is :func:`find_spans` over the same terms; the snippet's fast path for merged spans is
compared with the general one.
"""

from __future__ import annotations

import random

from reporttui.core.search.highlight import LOCAL_BACK, Spans, find_spans, make_snippet


def test_spans_equal_find_spans_on_mixed_terms() -> None:
    rng = random.Random(11)
    alphabet = [
        *"0123456789..%%abcxyzABC５％．  \u3000增长左右万亿元，。发展發展高质量質",
        "\n",
    ]
    pool = ["5%", "6.5%", "5%左右", "1.5", "abc", "ab", "5", "x 1", "12.5%", "c5", "0.5%增长"]
    pool += ["发展", "高质量发展", "增长", "左右", "展高", "質量"]
    checked = 0
    for _ in range(1200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 200)))
        roll = rng.random()
        if roll < 0.1:  # runs longer than the look back and the window
            text = "5" * (LOCAL_BACK + 20) + text + "5%" + "a1" * 50
        elif roll < 0.2:
            text = text + " " * (LOCAL_BACK + 5) + "5%左右" + "9" * rng.randrange(0, 90)
        terms = rng.sample(pool, rng.randrange(1, 4))
        assert Spans(terms)(text) == find_spans(text, terms), (text, terms)
        checked += 1
    assert checked == 1200


def test_spans_of_no_term_and_of_an_empty_text() -> None:
    assert Spans([])("发展") == [] == find_spans("发展", [])
    assert Spans(["发展"])("") == []
    assert Spans(["发展", "发展"])("发展发展") == find_spans("发展发展", ["发展"])


def test_snippet_of_merged_spans_equals_the_general_one() -> None:
    rng = random.Random(5)
    for _ in range(500):
        text = "".join(rng.choice("发展建设林麝，。 ") for _ in range(rng.randrange(1, 400)))
        spans = Spans(["发展", "林麝", "建"])(text)
        width = rng.choice([8, 40, 80])
        assert make_snippet(text, spans, width, merged=True) == make_snippet(text, spans, width)
