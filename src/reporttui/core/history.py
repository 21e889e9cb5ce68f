"""A back / forward list of places, as a browser's or vim's jump list (ctrl+o / ctrl+i).

Generic over what a place is: the app stores snapshots of its screens; tests store strings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

LIMIT = 50
"""Places kept in each direction; older ones are dropped (and handed to ``on_drop``)."""


class History(Generic[T]):
    """Places behind and ahead of the current one."""

    def __init__(self, on_drop: Callable[[T], None] | None = None, limit: int = LIMIT) -> None:
        self.behind: list[T] = []
        self.ahead: list[T] = []
        self.limit = limit
        self.on_drop = on_drop
        """Called with a place that will never be returned to (to free what it holds)."""

    def visit(self, leaving: T) -> None:
        """The user goes somewhere new from ``leaving``: it goes behind, the places ahead go."""
        self.behind.append(leaving)
        gone, self.ahead = self.ahead, []
        if len(self.behind) > self.limit:
            gone += self.behind[: -self.limit]
            self.behind = self.behind[-self.limit :]
        self._drop(gone)

    def back(self, leaving: T) -> T | None:
        """The place before this one (``leaving`` goes ahead), or None at the start."""
        if not self.behind:
            return None
        self.ahead.append(leaving)
        return self.behind.pop()

    def forward(self, leaving: T) -> T | None:
        """The place ``back`` left (``leaving`` goes behind), or None at the end."""
        if not self.ahead:
            return None
        self.behind.append(leaving)
        return self.ahead.pop()

    def _drop(self, places: list[T]) -> None:
        if self.on_drop is not None:
            for place in places:
                self.on_drop(place)
