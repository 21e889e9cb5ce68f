"""Where the user is, as a place that can be returned to: a mode, its screen's state, and the
screens pushed over it (a comparison, a targets table), kept alive so going back does not redo
their work.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual.screen import ModalScreen, Screen

from reporttui.core.history import History

if TYPE_CHECKING:
    from textual.app import App


@runtime_checkable
class Remembers(Protocol):
    """A mode's base screen that can say where it is and go back there."""

    def snapshot(self) -> Any:
        """An opaque, comparable-by-:meth:`place_key` state of the screen."""

    def place_key(self, state: Any) -> object:
        """What makes two states the same place (going back skips a place equal to here)."""

    async def restore(self, state: Any) -> None:
        """Show ``state`` again (document, scroll position, highlighted row...)."""


@dataclass(frozen=True)
class Place:
    """A mode, its base screen's state and the screens pushed over it (bottom first)."""

    mode: str
    state: Any
    stack: tuple[Screen[Any], ...] = ()
    key: object = None


class Navigator:
    """The app's back / forward history of places (Esc, backspace, ctrl+o, ctrl+i)."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.history: History[Place] = History(on_drop=self._dropped)

    # -- places ----------------------------------------------------------------------------

    def here(self) -> Place:
        """The current place; screens pushed over the mode are kept alive from now on."""
        app = self.app
        stack = tuple(s for s in app.screen_stack[1:] if not isinstance(s, ModalScreen))
        for screen in stack:
            if not app.is_screen_installed(screen):
                app.install_screen(screen, f"kept-{id(screen)}")
        base = app.screen_stack[0] if app.screen_stack else None
        state = base.snapshot() if isinstance(base, Remembers) else None
        key = base.place_key(state) if isinstance(base, Remembers) else None
        return Place(app.current_mode, state, stack, (app.current_mode, key, tuple(map(id, stack))))

    def visit(self) -> None:
        """The user is about to go somewhere new: remember where they were."""
        self.history.visit(self.here())

    async def back(self) -> bool:
        """Go to the previous place (skipping ones equal to here); False at the start."""
        return await self._go(self.history.back)

    async def forward(self) -> bool:
        """Go to the place ``back`` came from; False at the end."""
        return await self._go(self.history.forward)

    async def _go(self, step: Any) -> bool:
        here = self.here()
        place = step(here)
        while place is not None and place.key == here.key:
            place = step(here)  # the same place (a pushed screen closed itself): skip it
        if place is None:
            return False
        await self.show(place)
        return True

    async def clear_over(self) -> None:
        """Close modals and screens pushed over the current mode (kept ones survive)."""
        app = self.app
        while len(app.screen_stack) > 1:
            await app.pop_screen()

    async def show(self, place: Place) -> None:
        """Make ``place`` current: its mode, its screen's state, its pushed screens."""
        app = self.app
        while isinstance(app.screen, ModalScreen) and len(app.screen_stack) > 1:
            await app.pop_screen()
        if app.current_mode != place.mode:
            await app.switch_mode(place.mode)
        await self.clear_over()
        base = app.screen_stack[0]
        if isinstance(base, Remembers):
            await base.restore(place.state)
        for screen in place.stack:
            await app.push_screen(screen)

    def _dropped(self, place: Place) -> None:
        """A place that can no longer be returned to: let its screens go."""
        app = self.app
        still = {id(s) for p in (*self.history.behind, *self.history.ahead) for s in p.stack}
        for screen in place.stack:
            if id(screen) in still or any(screen in s for s in app._screen_stacks.values()):
                continue
            app.uninstall_screen(screen)
            if screen.is_attached:
                screen.remove()
