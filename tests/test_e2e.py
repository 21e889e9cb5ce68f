"""End to end: the installed ``reporttui`` in a real pseudo-terminal at 80x24.

Runs in tmux when it is installed (what a user sees, read back with capture-pane), else in a pty
read through the pyte terminal emulator. Types a Chinese query, opens the first hit, reads the
screen, quits, and checks that nothing (traceback, jieba or Python warning) leaked onto it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest

pytestmark = pytest.mark.e2e

WIDTH, HEIGHT = 80, 24


def reporttui_command() -> str:
    """The installed console script next to this interpreter (the venv's), else the one on PATH."""
    here = Path(sys.executable).parent / "reporttui"
    if here.exists():
        return str(here)
    found = shutil.which("reporttui")
    if found is None:
        pytest.skip("reporttui is not installed")
    return found


class Terminal:
    """A minimal driver: send keys or text, read the screen as lines."""

    send_text: Callable[[str], None]
    send_key: Callable[[str], None]
    screen: Callable[[], str]
    close: Callable[[], None]

    def wait_for(self, predicate: Callable[[str], bool], timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        text = self.screen()
        while time.monotonic() < deadline:
            text = self.screen()
            if predicate(text):
                return text
            time.sleep(0.1)
        raise AssertionError(f"screen never matched; last screen:\n{text}")


class TmuxTerminal(Terminal):
    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.socket = f"reporttui-e2e-{uuid.uuid4().hex[:8]}"
        self.tmux = ["tmux", "-L", self.socket]
        shell = " ".join(f"{k}={v!s}" for k, v in env.items()) + " " + " ".join(command)
        subprocess.run(
            [
                *self.tmux,
                "new-session",
                "-d",
                "-s",
                "e2e",
                "-x",
                str(WIDTH),
                "-y",
                str(HEIGHT),
                f"{shell}; echo REPORTTUI-EXIT=$?; sleep 60",
            ],
            check=True,
        )
        self.send_text = lambda text: self._tmux("send-keys", "-t", "e2e", "-l", text)
        self.send_key = lambda key: self._tmux("send-keys", "-t", "e2e", key)
        self.screen = lambda: self._tmux("capture-pane", "-t", "e2e", "-p")
        self.close = lambda: subprocess.run([*self.tmux, "kill-server"], capture_output=True)

    def _tmux(self, *args: str) -> str:
        done = subprocess.run([*self.tmux, *args], capture_output=True, text=True, check=True)
        return done.stdout


class PyteTerminal(Terminal):
    KEYS: ClassVar[dict[str, str]] = {"Enter": "\r", "Escape": "\x1b", "Down": "\x1b[B"}

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        import pty

        import pyte

        self.pyte_screen = pyte.Screen(WIDTH, HEIGHT)
        self.stream = pyte.ByteStream(self.pyte_screen)
        pid, fd = pty.fork()
        if pid == 0:  # child
            os.environ.update(env)
            os.execv(command[0], command)
        self.pid, self.fd = pid, fd
        import fcntl
        import struct
        import termios

        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", HEIGHT, WIDTH, 0, 0))
        self.exit_output = ""
        self.send_text = lambda text: os.write(fd, text.encode("utf-8")) and None
        self.send_key = lambda key: os.write(fd, self.KEYS.get(key, key).encode()) and None
        self.screen = self._screen
        self.close = self._close

    def _pump(self) -> None:
        import select

        while select.select([self.fd], [], [], 0.05)[0]:
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                return
            if not data:
                return
            self.stream.feed(data)

    def _screen(self) -> str:
        self._pump()
        return "\n".join(line.rstrip() for line in self.pyte_screen.display)

    def _close(self) -> None:
        try:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        except OSError:
            pass


def test_search_and_open_a_hit_in_a_real_terminal(tmp_path: Path) -> None:
    env = {
        "REPORTTUI_HOME": str(tmp_path / "home"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", str(tmp_path)),
    }
    command = [reporttui_command()]
    terminal: Terminal = (
        TmuxTerminal(command, env) if shutil.which("tmux") else PyteTerminal(command, env)
    )
    try:
        # The library screen comes first, with the bundled reports grouped by region.
        first = terminal.wait_for(lambda s: "古交市" in s and "交城县" in s, timeout=30)
        assert "报告库" in first
        terminal.send_key("/")
        terminal.wait_for(lambda s: "搜索" in s or "search" in s)
        terminal.send_text("林麝")
        # The cursor starts on the best-ranked hit: 古交 2026's ¶38 (林麝 three times), the
        # third row of its document's reading order (¶18, ¶19, ¶38).
        results = terminal.wait_for(lambda s: "3/8" in s and "hits in 4 documents" in s)
        assert results.count("林麝") >= 4
        terminal.send_key("Enter")
        # The title line shows the counter; the hit itself is visible in the text.
        reader = terminal.wait_for(
            lambda s: "林麝 3/8" in s and any("林麝" in line for line in s.splitlines()[1:-1])
        )
        # Every line fits the 80 columns: no half characters, no wrapped borders.
        from rich.cells import cell_len

        assert all(cell_len(line) <= WIDTH for line in reader.splitlines())
        terminal.send_key("n")
        terminal.wait_for(
            lambda s: "林麝 4/8" in s and any("林麝" in line for line in s.splitlines()[1:-1])
        )
        terminal.send_key("q")
        if isinstance(terminal, TmuxTerminal):
            after = terminal.wait_for(lambda s: "REPORTTUI-EXIT=" in s, timeout=20)
            assert "REPORTTUI-EXIT=0" in after
            for leak in ("Traceback", "Warning", "Building prefix dict", "Loading model"):
                assert leak not in after
    finally:
        terminal.close()
