"""A terminal driver that lets go of the keyboard at once when the app quits.

Textual's Linux driver stops its input thread by waiting for it: the thread polls stdin every
0.1 s and polls once more after being told to stop, so quitting costs up to 0.2 s before anything
else happens (measured: 0.20 s of a 0.22 s quit). Here the thread is told to stop and given a
moment only; it ends by itself within 0.2 s, after the process has usually exited.
"""

from __future__ import annotations

import signal

from textual.drivers.linux_driver import LinuxDriver

JOIN_WAIT = 0.01
"""Seconds to wait for the input thread before going on without it."""


class QuickQuitDriver(LinuxDriver):
    """LinuxDriver whose ``disable_input`` does not wait out the input thread's polling."""

    def disable_input(self) -> None:
        if self.exit_event.is_set():
            return
        try:
            signal.signal(signal.SIGWINCH, signal.SIG_DFL)
            self._disable_mouse_support()
        except Exception:
            pass
        self.exit_event.set()  # the input thread stops at its next poll
        if self._key_thread is not None:
            self._key_thread.join(JOIN_WAIT)
