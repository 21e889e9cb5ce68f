#!/usr/bin/env python3
"""Start-up time of the installed ``reporttui`` in tmux at 80x24.

    .venv/bin/python benchmarks/startup_bench.py [--runs 5] [--command PATH]

Measures, from launching the command until tmux's screen shows it (capture-pane polled every
10 ms):
  * ``library_s``: the first screen lists the reports (their regions and titles);
  * ``reader_s``: Enter pressed as soon as the list shows, until paragraph text of the report shows;
for a fresh library home (``cold``: the seeds are parsed and indexed in the background) and for
an indexed one (``warm``, what every later launch sees). Prints one JSON line per case with the
median and all runs. Nothing is asserted.

Then Toolong in the same run, same method (tmux 80x24, capture-pane every 10 ms), runs
alternated with reporttui's so both see the same machine load (issue 12: "first screen stays <=
Toolong's in the same run"):
  * ``vs_toolong_library``: ``tl`` on a log file as large as the library's source files, until
    log lines show, against ``reporttui`` (warm) until the library lists the reports;
  * ``vs_toolong_file``: ``tl`` on a log as large as the largest seed, against
    ``reporttui FILE`` (that seed, warm home) until the report's paragraphs show.
Toolong (pinned ``--toolong-version``, default 1.5.0) is installed from the package index with pip
into a venv of its own (``--toolong-venv``, kept for the next run) unless ``tl`` is there already.
``--no-toolong`` skips it.
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


def _launch(command_line: str) -> tuple[str, float]:
    """Start ``command_line`` in a fresh tmux server at 80x24: its socket and the start time."""
    socket = f"reporttui-bench-{uuid.uuid4().hex[:8]}"
    start = time.perf_counter()
    tmux = ["tmux", "-L", socket, "new-session", "-d", "-s", "b", "-x", "80", "-y", "24"]
    subprocess.run([*tmux, command_line], check=True)
    return socket, start


def one_run(command: str, home: Path) -> dict[str, float]:
    env = f"REPORTTUI_HOME={home} TERM=xterm-256color LANG=C.UTF-8"
    socket, start = _launch(f"{env} {command}")
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
    script = Path(tempfile.mkdtemp()) / "hello.py"
    script.write_text(BASELINE, encoding="utf-8")
    socket, start = _launch(f"TERM=xterm-256color LANG=C.UTF-8 {python} {script}")
    try:
        shown = _wait(socket, lambda s: "政府工作报告" in s)
        return shown - start
    finally:
        _tmux(socket, "kill-server")
        shutil.rmtree(script.parent, ignore_errors=True)


TOOLONG_VERSION = "1.5.0"


def toolong_command(venv: Path, version: str) -> str | None:
    """The ``tl`` of ``venv``, installed there (pinned) first if it is missing; None if not
    installable (no network, no venv module)."""
    tl = venv / "bin" / "tl"
    if tl.exists():
        return str(tl)
    print(f"startup_bench: installing toolong=={version} into {venv}", file=sys.stderr)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", f"toolong=={version}"],
            check=True,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"startup_bench: toolong not installed ({exc})", file=sys.stderr)
        return None
    return str(tl) if tl.exists() else None


def write_log(path: Path, size: int) -> Path:
    """A plausible log file of about ``size`` bytes (timestamp, level, worker, words)."""
    import random

    rng = random.Random(12)
    words = ("request", "served", "user", "session", "cache", "miss", "upstream", "pool")
    lines, total, i = [], 0, 0
    while total < size:
        line = (
            f"2026-12-01T12:{i // 60 % 60:02d}:{i % 60:02d}.{i % 1000:03d}Z "
            f"{rng.choice(['INFO', 'DEBUG', 'WARN', 'ERROR'])} [worker-{i % 8}] "
            + " ".join(rng.choice(words) for _ in range(rng.randint(6, 18)))
            + f" id={i}\n"
        )
        lines.append(line)
        total += len(line.encode())
        i += 1
    path.write_text("".join(lines), encoding="utf-8")
    return path


def shown_after(command: str, env: str, predicate) -> float:  # type: ignore[no-untyped-def]
    """Seconds from launching ``command`` in a fresh tmux 80x24 until ``predicate(screen)``."""
    socket, start = _launch(f"{env} {command}")
    try:
        return _wait(socket, predicate) - start
    finally:
        _tmux(socket, "kill-server")


def _paragraphs_shown(screen: str) -> bool:
    return sum(("，" in line or "。" in line) for line in screen.splitlines()) >= 3


def versus_toolong(command: str, tl: str, warm_home: Path, runs: int, version: str) -> None:
    """Toolong and reporttui alternated, run by run; one JSON line per pairing."""
    import shlex

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    sources = sorted(seeds.glob("*.txt"))
    largest = max(sources, key=lambda p: p.stat().st_size)
    folder = Path(tempfile.mkdtemp(prefix="reporttui-bench-logs-"))
    ours_env = f"REPORTTUI_HOME={warm_home} TERM=xterm-256color LANG=C.UTF-8"
    pairs = {
        "vs_toolong_library": (
            write_log(folder / "library.log", sum(p.stat().st_size for p in sources)),
            command,
            lambda s: "古交市" in s and "交城县" in s and "政府工作报告" in s,
        ),
        "vs_toolong_file": (
            write_log(folder / "file.log", largest.stat().st_size),
            f"{command} {shlex.quote(str(largest))}",
            _paragraphs_shown,
        ),
    }
    try:
        for case, (log, ours, shown) in pairs.items():
            theirs, mine = [], []
            for _ in range(runs):
                theirs.append(
                    shown_after(f"{tl} {log}", "TERM=xterm-256color LANG=C.UTF-8",
                                lambda s: "worker-" in s)
                )  # fmt: skip
                time.sleep(0.3)
                mine.append(shown_after(ours, ours_env, shown))
                time.sleep(0.3)
            print(
                json.dumps(
                    {
                        "case": case,
                        "terminal": "tmux 80x24",
                        "log_bytes": log.stat().st_size,
                        "toolong": version,
                        "toolong_s_median": round(statistics.median(theirs), 3),
                        "reporttui_s_median": round(statistics.median(mine), 3),
                        "toolong_s": [round(t, 3) for t in theirs],
                        "reporttui_s": [round(t, 3) for t in mine],
                        "load_average": os.getloadavg()[0],
                    },
                    ensure_ascii=False,
                )
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--command", default=str(Path(sys.executable).parent / "reporttui"))
    parser.add_argument("--toolong-version", default=TOOLONG_VERSION)
    parser.add_argument(
        "--toolong-venv",
        default=str(Path(tempfile.gettempdir()) / f"reporttui-bench-toolong-{TOOLONG_VERSION}"),
    )
    parser.add_argument("--no-toolong", action="store_true")
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
        if not args.no_toolong:
            tl = toolong_command(Path(args.toolong_venv), args.toolong_version)
            if tl is None:
                print(json.dumps({"case": "vs_toolong", "error": "toolong not installable"}))
            else:
                versus_toolong(args.command, tl, warm_home, args.runs, args.toolong_version)
    finally:
        shutil.rmtree(warm_home, ignore_errors=True)


if __name__ == "__main__":
    main()
