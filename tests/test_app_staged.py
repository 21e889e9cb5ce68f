"""The app's search in two steps (issue 11): a screenful of hits first, the rest from the same
match; the list, the counts and the highlighted hit end as one full search leaves them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from textual import events

from reporttui.core.library.library import Library
from reporttui.core.session import SCREEN_HITS, SEARCH_LIMIT, SearchState
from reporttui.ui.screens.search import result_options
from test_app_support import make_app, run_async, settle

QUERY = "发展"
"""A word of hundreds of the seeds' paragraphs: more hits than one screenful."""


def test_staged_results_equal_one_search(app_home: Path) -> None:
    """The first step is the search at ``first`` hits, the last the search at ``limit``."""
    library = Library(app_home)
    for query in (QUERY, "林麝", "生态 保护", '"高质量发展"', "nonexistentzz", "", "发展 -建设"):
        steps = list(library.search_staged(query, first=SCREEN_HITS, limit=SEARCH_LIMIT))
        full = library.search(query, limit=SEARCH_LIMIT)
        assert steps[0][0] == library.search(query, limit=SCREEN_HITS), query
        assert steps[-1][0] == full, query
        assert [more for _, more in steps] == [True, False][: len(steps)] or steps == [
            (full, False)
        ], query
        if full.total > SCREEN_HITS:
            assert len(steps) == 2 and len(steps[0][0].hits) == SCREEN_HITS, query
    library.close()


def test_staged_search_stops_when_asked(app_home: Path) -> None:
    library = Library(app_home)
    steps = library.search_staged(QUERY, first=SCREEN_HITS, limit=SEARCH_LIMIT, stop=lambda: True)
    first = list(steps)
    assert len(first) == 1 and first[0][1]  # the first step only, which said more would come
    assert library.search("林麝").total  # the search lock was released
    library.close()


def test_extended_state_keeps_the_current_hit(app_home: Path) -> None:
    library = Library(app_home)
    short = SearchState.of(library.search(QUERY, limit=SCREEN_HITS))
    full = library.search(QUERY, limit=SEARCH_LIMIT)
    short.current, short.walking, short.ended_by = 7, False, "library"
    longer = short.extended(full)
    assert longer.hits == SearchState.of(full).hits
    assert longer.hits[longer.current] == short.hits[7]
    assert (longer.walking, longer.ended_by) == (False, "library")
    library.close()


@run_async
async def test_app_lists_a_screenful_then_every_hit(app_home: Path) -> None:
    """Between the steps the user moves in the list; the rest keeps that hit highlighted, and
    the list, counter and hits are then those of one search for :data:`SEARCH_LIMIT` hits."""
    app = make_app(app_home)
    gate = threading.Event()
    steps_seen: list[tuple[int, bool]] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        library = app.session.library
        real = library.search_staged

        def held(query: str, **kwargs: Any) -> Iterator[tuple[Any, bool]]:
            for result, more in real(query, **kwargs):
                steps_seen.append((len(result.hits), more))
                yield result, more
                if more:
                    gate.wait(30)

        library.search_staged = held
        await pilot.press("slash")
        app.search_screen.input.post_message(events.Paste(QUERY))
        waited = 0.0
        while not steps_seen and waited < 30:
            await pilot.pause(0.05)
            waited += 0.05
        await pilot.pause(0.2)
        screen = app.search_screen
        state = app.session.search
        assert state is not None and len(state.hits) == SCREEN_HITS
        await pilot.press("down", "down", "down")  # into the results, two hits on
        index = screen._highlighted_hit()
        assert index is not None
        chosen = state.hits[index]
        gate.set()
        await settle(app, pilot)
        full = library.search(QUERY, limit=SEARCH_LIMIT)
        assert steps_seen == [(SCREEN_HITS, True), (min(full.total, SEARCH_LIMIT), False)]
        state = app.session.search
        assert state is not None and state.hits == SearchState.of(full).hits
        now = screen._highlighted_hit()
        assert now is not None and state.hits[now] == chosen  # the same hit stays highlighted
        width = screen._filled_width - 1
        want = [str(o.prompt) for o in result_options(state, width, getattr(app, "tagged", {}))]
        got = [
            str(screen.results.get_option_at_index(i).prompt)
            for i in range(screen.results.option_count)
        ]
        assert got == want
        status = str(screen.query_one("#search-status").render())
        assert f"{now + 1}/{full.total}" in status
        assert ("listed" in status) == (full.total > len(state.hits))  # as one search shows it
        await pilot.press("end")
        last = screen.results.get_option_at_index(screen.results.option_count - 1).id
        assert last is not None and screen._highlighted_hit() == int(last[4:])
        await pilot.press("enter")  # the last listed hit opens in the reader
        await settle(app, pilot)
        assert app.session.search is state and state.current == int(last[4:])
