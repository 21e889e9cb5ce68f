#!/usr/bin/env python3
"""Start-up time of the installed ``reporttui`` in tmux at 80x24.

    .venv/bin/python benchmarks/startup_bench.py [--runs 5] [--command PATH]

Measures, from launching the command until tmux's screen shows it (capture-pane polled every
10 ms):
  * ``library_s``: the first screen lists the reports (their regions and titles);
  * ``reader_s``: Enter pressed as soon as the list shows, until paragraph text of the report shows;
for a fresh library home (``cold``: the seeds are parsed and indexed in the background) and for
an indexed one (``warm``, what every later launch sees). Prints one JSON line per case with the
median and all runs. The issue's target is ~0.4 s (Toolong / Frogmouth opening a file here).
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path


def _tmux(socket: str, *args: str) -> str:
    return subprocess.run(
        ["tmux", "-L", socket, *args], capture_output=True, text=True, check=False
    ).stdout


def _wait(socket: str, predicate, timeout: float = 60.0) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate(_tmux(socket, "capture-pane", "-t", "b", "-p")):
            return time.perf_counter()
        time.sleep(0.01)
    raise TimeoutError("screen never showed what was expected")


def one_run(command: str, home: Path) -> dict[str, float]:
    socket = f"reporttui-bench-{uuid.uuid4().hex[:8]}"
    env = f"REPORTTUI_HOME={home} TERM=xterm-256color LANG=C.UTF-8"
    start = time.perf_counter()
    subprocess.run(
        [
            "tmux",
            "-L",
            socket,
            "new-session",
            "-d",
            "-s",
            "b",
            "-x",
            "80",
            "-y",
            "24",
            f"{env} {command}",
        ],
        check=True,
    )
    try:
        library = _wait(socket, lambda s: "古交市" in s and "交城县" in s and "政府工作报告" in s)
        _tmux(socket, "send-keys", "-t", "b", "Enter")
        # Paragraph text: a full-width comma or full stop in the text pane of the reader.
        reader = _wait(
            socket, lambda s: sum(("，" in line or "。" in line) for line in s.splitlines()) >= 3
        )
        _tmux(socket, "send-keys", "-t", "b", "q")
        return {"library_s": library - start, "reader_s": reader - start}
    finally:
        _tmux(socket, "kill-server")


BASELINE = (
    "from textual.app import App\n"
    "from textual.widgets import Static\n"
    "class Hello(App):\n"
    "    def compose(self):\n"
    "        yield Static('古交市 交城县 政府工作报告')\n"
    "Hello().run()\n"
)


def baseline_run(python: str) -> float:
    """A bare Textual app showing one line: the floor for any Textual app on this machine now."""
    socket = f"reporttui-bench-{uuid.uuid4().hex[:8]}"
    script = Path(tempfile.mkdtemp()) / "hello.py"
    script.write_text(BASELINE, encoding="utf-8")
    start = time.perf_counter()
    subprocess.run(
        [
            "tmux",
            "-L",
            socket,
            "new-session",
            "-d",
            "-s",
            "b",
            "-x",
            "80",
            "-y",
            "24",
            f"TERM=xterm-256color LANG=C.UTF-8 {python} {script}",
        ],
        check=True,
    )
    try:
        shown = _wait(socket, lambda s: "政府工作报告" in s)
        return shown - start
    finally:
        _tmux(socket, "kill-server")
        shutil.rmtree(script.parent, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--command", default=str(Path(sys.executable).parent / "reporttui"))
    args = parser.parse_args()
    if not shutil.which("tmux"):
        print(json.dumps({"error": "tmux is not installed (apt-get install tmux)"}))
        return
    base = [baseline_run(sys.executable) for _ in range(args.runs)]
    print(
        json.dumps(
            {
                "case": "baseline: bare Textual app, one line of text",
                "shown_s_median": round(statistics.median(base), 3),
                "shown_s": [round(b, 3) for b in base],
                "load_average": os.getloadavg()[0],
            }
        )
    )
    warm_home = Path(tempfile.mkdtemp(prefix="reporttui-bench-warm-"))
    try:
        # Index the warm home completely first (an app killed mid-indexing would leave it cold).
        subprocess.run(
            [
                str(Path(args.command).parent / "python"),
                "-c",
                "import sys, threading; from pathlib import Path;"
                "from reporttui.core.library.library import Library;"
                "Library(Path(sys.argv[1])).sync(None, threading.Event())",
                str(warm_home),
            ],
            check=True,
        )
        for case in ("cold", "warm"):
            runs = []
            for _ in range(args.runs):
                if case == "cold":
                    home = Path(tempfile.mkdtemp(prefix="reporttui-bench-cold-"))
                    runs.append(one_run(args.command, home))
                    shutil.rmtree(home, ignore_errors=True)
                else:
                    runs.append(one_run(args.command, warm_home))
                time.sleep(0.5)
            print(
                json.dumps(
                    {
                        "case": case,
                        "terminal": "tmux 80x24",
                        "runs": len(runs),
                        "library_s_median": round(
                            statistics.median(r["library_s"] for r in runs), 3
                        ),
                        "reader_s_median": round(statistics.median(r["reader_s"] for r in runs), 3),
                        "library_s": [round(r["library_s"], 3) for r in runs],
                        "reader_s": [round(r["reader_s"], 3) for r in runs],
                        "cpus": os.cpu_count(),
                        "load_average": os.getloadavg()[0],
                    },
                    ensure_ascii=False,
                )
            )
    finally:
        shutil.rmtree(warm_home, ignore_errors=True)


if __name__ == "__main__":
    main()
