"""Hit.signals is formatted on first read from the score's terms (hits, issue 11, round 9),
and a Hit is built, compared, hashed and replaced as the frozen dataclass it was."""

from __future__ import annotations

import dataclasses

import pytest

from reporttui.core.search.ranking import format_signals
from reporttui.core.search.results import Hit


def _hit(reasons: tuple[str, ...] = ("lead clause",), **kw: object) -> Hit:
    return Hit(
        "a",
        "/a.txt",
        "A",
        None,
        2024,
        None,
        "s1",
        ("一、",),
        3,
        "林麝",
        ((0, 2),),
        "林麝",
        ((0, 2),),
        1.5,
        reasons,
        **kw,
    )  # type: ignore[arg-type]


def test_signals_given_or_formatted_on_first_read() -> None:
    terms = {"base": 0.82, "lead": 1.0, "listed": 1.0}
    lazy = _hit(signal_terms=terms)
    assert lazy.signals == format_signals(terms)
    assert _hit().signals == ""
    assert _hit(signals="base 1.00").signals == "base 1.00"
    assert (
        Hit("a", "", "", None, None, None, "", (), 0, "", (), "", (), 0.0, (), "x").signals == "x"
    )


def test_equal_hash_replace_and_frozen() -> None:
    terms = {"base": 0.5, "section": 1.0}
    a, b = _hit(signal_terms=terms), _hit(signals=format_signals(terms))
    assert a == b and hash(a) == hash(b)
    assert a != _hit(signals="other")
    moved = dataclasses.replace(a, paragraph=4)
    assert moved.paragraph == 4 and moved.signals == a.signals
    assert dataclasses.replace(moved, paragraph=3) == a
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.doc_id = "b"  # type: ignore[misc]


def test_reasons_given_or_asked_on_first_read() -> None:
    """rerank (issue 11, round 11): a hit's reasons come from ``reason_source`` when first read,
    once; given reasons (positional or by name) are kept as they are."""
    asked: list[int] = []

    def source() -> tuple[str, ...]:
        asked.append(1)
        return ("lead clause", "section title")

    lazy = _hit(reason_source=source)
    assert asked == []
    assert lazy.reasons == ("lead clause", "section title") and lazy.reasons == lazy.reasons
    assert asked == [1]
    assert _hit().reasons == ("lead clause",)
    bare = Hit("a", "", "", None, None, None, "", (), 0, "", (), "", (), 0.0)
    assert bare.reasons == ()
    named = Hit("a", "", "", None, None, None, "", (), 0, "", (), "", (), 0.0, reasons=("x",))
    assert named.reasons == ("x",)


def test_lazy_reasons_compare_hash_and_replace_as_given_ones() -> None:
    lazy = _hit((), reason_source=lambda: ("lead clause",))
    given = _hit()
    assert lazy == given and hash(lazy) == hash(given)
    moved = dataclasses.replace(lazy, paragraph=4)
    assert moved.reasons == ("lead clause",) and dataclasses.replace(moved, paragraph=3) == given
    unread = dataclasses.replace(
        Hit(
            "b",
            "",
            "",
            None,
            None,
            None,
            "",
            (),
            0,
            "",
            (),
            "",
            (),
            0.0,
            reason_source=lambda: ("y",),
        ),
        paragraph=2,
    )
    assert unread.reasons == ("y",)


def test_new_hit_is_the_hit_the_dataclass_builds() -> None:
    """speed (issue 11, round 16): search builds its hits by their slots (``new_hit``); the
    hit is the one ``Hit(...)`` gives with the same explain and reason sources."""
    from reporttui.core.search.results import new_hit

    terms = {"base": 0.82, "lead": 1.0}
    asked: list[int] = []

    def source() -> tuple[str, ...]:
        asked.append(1)
        return ("lead clause",)

    fields = ("a", "/a.txt", "A", None, 2024, None, "s1", ("一、",), 3, "林麝", ((0, 2),))
    rest = ("林麝", ((0, 2),), 1.5)
    made = new_hit(*fields, *rest, terms, source)  # type: ignore[arg-type]
    plain = Hit(*fields, *rest, signal_terms=terms, reason_source=source)  # type: ignore[arg-type]
    assert not asked  # the reasons are not put into words until read
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert made.reasons == ("lead clause",) and made.signals == format_signals(terms)
    assert dataclasses.replace(made, score=2.0) == dataclasses.replace(plain, score=2.0)
    assert all(getattr(made, f.name) == getattr(plain, f.name) for f in dataclasses.fields(Hit))
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.score = 3.0  # type: ignore[misc]
