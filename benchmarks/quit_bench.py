"""How long `q` takes to quit reporttui, from several screens, in a real pseudo-terminal.

Runs the installed command on a library home (``--home``, default a temporary one holding the
bundled seeds), waits for the first screen, presses the keys that reach a screen, then `q`, and
prints the seconds from the key to the process's exit. The home is indexed completely before
the runs (quitting during indexing waits for the file being written: measured apart). Prints
numbers; asserts nothing.

    .venv/bin/python benchmarks/quit_bench.py [--home DIR] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCREENS: dict[str, list[bytes]] = {
    "library": [],
    "reader": [b"\r"],
    "search results": [b"/", "林麝".encode(), b"\x1b[B"],
    "compare": [b"\r", b"c"],
    "targets": [b"\r", b"T"],
}
"""Keys (as the terminal sends them) that lead to each screen from the library."""


def _read_until(fd: int, needle: bytes, timeout: float) -> bytes:
    seen = b""
    end = time.monotonic() + timeout
    while needle not in seen and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def _drain(fd: int, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                os.read(fd, 65536)
            except OSError:
                return


def quit_seconds(command: str, home: Path, keys: list[bytes]) -> float:
    """Start ``command``, reach a screen with ``keys``, press q: seconds until the exit."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(REPORTTUI_HOME=str(home), TERM="xterm-256color", COLUMNS="80", LINES="24")
        os.execv(command, [command])
    try:
        _read_until(fd, "报告库".encode(), 30)
        _drain(fd, 3.0)  # the list, the index check and jieba settle
        for key in keys:
            os.write(fd, key)
            _drain(fd, 2.0)
        start = time.perf_counter()
        os.write(fd, b"q")
        while True:
            done, _status = os.waitpid(pid, os.WNOHANG)
            if done:
                return time.perf_counter() - start
            _drain(fd, 0.005)
    finally:
        os.close(fd)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--command", default=str(Path(sys.executable).with_name("reporttui")))
    args = parser.parse_args()
    home = args.home or Path(tempfile.mkdtemp(prefix="reporttui-quit-"))
    try:
        # Index the home completely first: an app quit 3 s after its start on a loaded machine
        # interrupts the indexing, and every later run would then measure quitting mid-write
        # (which finishes the file being written) instead of quitting from the screen.
        subprocess.run(
            [
                str(Path(args.command).with_name("python")),
                "-c",
                "import sys, threading; from pathlib import Path;"
                "from reporttui.core.library.library import Library;"
                "Library(Path(sys.argv[1])).sync(None, threading.Event())",
                str(home),
            ],
            check=True,
        )
        for name, keys in SCREENS.items():
            times = [quit_seconds(args.command, home, keys) for _ in range(args.runs)]
            print(
                f"{name:15} q → exit: median {statistics.median(times):.3f} s, "
                f"max {max(times):.3f} s ({args.runs} runs)"
            )
    finally:
        if args.home is None:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
