"""No control sequence from a document reaches the terminal: the display boundary
(:mod:`reporttui.core.display`), the CLI's output and the app's, checked on the bytes written.

The hostile report carries an OSC 52 clipboard write, an OSC 0 retitle, a clear screen, a cursor
position request (the terminal would type its answer into the shell), 8-bit CSI, DEL and a bidi
override, each followed by a marker so the bytes that would follow it can be looked for.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reporttui.core.display import has_unsafe, json_dumps, safe, safe_line, safe_path

ATTACKS = {
    "osc52": "\x1b]52;c;UFdORUQ=\x1b\\",
    "title": "\x1b]0;PWNTITLE\x07",
    "clear": "\x1b[2J",
    "dsr": "\x1b[6n",
    "csi8": "\u009b31m",
    "del": "\x7f",
    "bidi": "\u202e",
}
FORBIDDEN = [
    b"\x1b]52;",
    b"PWNTITLE\x07",
    b"\x1b]0;PWN",
    b"\x1b[2JCLEAR",
    b"\x1b[6nDSR",
    b"\xc2\x9b",
    b"\x7f",
    b"\xe2\x80\xae",
]
"""Byte strings that appear in the output only when a document's control sequence got through."""

PADDING = "全市上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。" * 6


def hostile_text(place: str = "太原") -> str:
    """A small report whose title, headings and paragraphs carry terminal attacks."""
    a = ATTACKS
    return (
        f"{place}市2025年政府工作报告{a['title']}\n\n"
        f"一、2024年工作回顾{a['clear']}CLEAR\n\n"
        f"过去一年，我们坚持优化营商环境{a['osc52']}，推动高质量发展{a['dsr']}DSR。"
        f"全市地区生产总值增长5%。{a['csi8']}红色{a['del']}。{a['bidi']}倒序\u202c。{PADDING}\n\n"
        f"二、2025年工作安排\n\n继续优化营商环境，推进改革。{PADDING}\n\n{PADDING}\n"
    )


def assert_clean(data: bytes, where: str) -> None:
    for needle in FORBIDDEN:
        assert needle not in data, f"{where}: {needle!r} reached the terminal"


# --- the boundary itself -----------------------------------------------------------------


def test_safe_shows_every_control_and_keeps_the_length() -> None:
    text = "".join(ATTACKS.values()) + "a\tb\nc\rd\x00"
    shown = safe(text)
    assert len(shown) == len(text)
    assert "\x1b" not in shown and "\u009b" not in shown and "\x7f" not in shown
    assert "\u202e" not in shown and "\r" not in shown and "\x00" not in shown
    assert "\u241b]52;c;" in shown  # ESC shown as ␛, the rest kept readable
    assert "\t" in shown and "\n" in shown
    assert not has_unsafe(shown)
    assert safe("营商环境") == "营商环境"


def test_safe_line_also_shows_newlines_and_raw_bytes() -> None:
    assert safe_line("a\nb") == "a\u240ab"
    name = os.fsdecode(b"bad\xff\x1b.md")
    assert safe_line(name) == "bad\\xff\u241b.md"
    assert safe_path(Path(name)) == "bad\\xff\u241b.md"
    assert safe_path(b"x\xfe") == "x\\xfe"


def test_json_dumps_escapes_controls_and_is_valid_utf8() -> None:
    value = {"text": "".join(ATTACKS.values()), "path": os.fsdecode(b"/r/\xff.md"), "n": 1}
    text = json_dumps(value)
    data = text.encode("utf-8")  # never a lone surrogate
    assert_clean(data, "json")
    assert b"\x1b" not in data
    back = json.loads(text)
    assert back["text"] == value["text"]  # the same characters, escaped
    assert back["path"] == "/r/\\xff.md"


# --- the CLI, as a real process ---------------------------------------------------------------


def reporttui() -> str:
    here = Path(sys.executable).parent / "reporttui"
    return str(here) if here.exists() else "reporttui"


@pytest.fixture(scope="module")
def hostile_home(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A library holding two hostile reports (one with a hostile, non-UTF-8 file name)."""
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "reports"
    folder.mkdir()
    plain = folder / "2025.md"
    plain.write_text(hostile_text("太原"), encoding="utf-8")
    evil_name = os.fsencode(str(folder)) + b"/\xff\x1b]0;NAMETITLE\x07.md"
    with open(evil_name, "wb") as out:
        out.write(hostile_text("大同").encode("utf-8"))
    home = root / "home"
    done = run_cli(home, "add", str(folder))
    assert done.returncode == 0, done.stderr
    return home, plain, Path(os.fsdecode(evil_name))


def run_cli(home: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "REPORTTUI_HOME": str(home), "COLUMNS": "160", "FORCE_COLOR": "1"}
    return subprocess.run(
        [reporttui(), *args], capture_output=True, env=env, timeout=60, check=False
    )


@pytest.mark.parametrize(
    "args",
    [
        ("search", "营商环境"),
        ("search", "营商环境", "--json"),
        ("docs",),
        ("docs", "--json"),
        ("outline", "{plain}"),
        ("outline", "{plain}", "--json"),
        ("outline", "{evil}"),
        ("compare", "{plain}", "{evil}"),
        ("compare", "{plain}", "{evil}", "--json"),
        ("targets", "{plain}"),
        ("targets", "{plain}", "--json"),
        ("targets", "{plain}", "--csv"),
        ("keywords", "{plain}", "--sections"),
    ],
    ids=lambda a: "-".join(x.strip("{}-") for x in a),
)
def test_cli_never_writes_a_documents_control_sequence(
    hostile_home: tuple[Path, Path, Path], args: tuple[str, ...]
) -> None:
    home, plain, evil = hostile_home
    argv = [a.format(plain=plain, evil=evil) for a in args]
    done = run_cli(home, *argv)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    for stream, data in (("stdout", done.stdout), ("stderr", done.stderr)):
        assert_clean(data, f"{' '.join(args)} {stream}")
        assert b"NAMETITLE\x07" not in data
        data.decode("utf-8")  # valid UTF-8: no raw bytes of a file name
    if "--json" in args:
        json.loads(done.stdout)
        assert b"\x1b" not in done.stdout


def test_cli_error_lines_are_safe(hostile_home: tuple[Path, Path, Path], tmp_path: Path) -> None:
    home, _, _ = hostile_home
    missing = os.fsdecode(os.fsencode(str(tmp_path)) + b"/\x1b]0;ERRTITLE\x07\xff.md")
    done = run_cli(home, "outline", missing)
    assert done.returncode != 0
    assert b"\x1b" not in done.stderr and b"Traceback" not in done.stderr
    done.stderr.decode("utf-8")


# --- the app, through a pseudo terminal ----------------------------------------------------------


def _read_until(fd: int, buffer: bytearray, needle: bytes, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if needle in buffer:
            return True
        ready = select.select([fd], [], [], 0.1)[0]
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return needle in buffer
            if not chunk:
                return needle in buffer
            buffer.extend(chunk)
    return needle in buffer


@pytest.mark.e2e
def test_app_never_writes_a_documents_control_sequence(
    hostile_home: tuple[Path, Path, Path],
) -> None:
    """Library list, search results and the reader of a hostile report, every byte checked."""
    import fcntl
    import pty
    import struct
    import termios

    home, plain, _ = hostile_home
    env = {
        "REPORTTUI_HOME": str(home),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
    }
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execve(reporttui(), [reporttui(), str(plain)], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    written = bytearray()
    try:
        # `reporttui FILE` opens the hostile report in the reader.
        assert _read_until(fd, written, "倒序".encode(), 40), written[-2000:]
        os.write(fd, b"/")
        _read_until(fd, written, "搜索".encode(), 10)
        os.write(fd, "营商环境".encode())
        assert _read_until(fd, written, b"hits", 30)
        time.sleep(1.0)
        _read_until(fd, written, b"\x00never", 1.0)
        os.write(fd, b"\x1b")  # back to the library list
        _read_until(fd, written, b"\x00never", 2.0)
        os.write(fd, b"\x10")  # ctrl+p: the command palette lists every document's title
        _read_until(fd, written, b"\x00never", 1.0)
        os.write(fd, "回顾".encode())  # the hostile heading, as a go-to command
        _read_until(fd, written, b"\x00never", 2.0)
        os.write(fd, b"\x1b")
        _read_until(fd, written, b"\x00never", 1.0)
        os.write(fd, b"\x10")
        _read_until(fd, written, b"\x00never", 1.0)
        os.write(fd, "大同".encode())  # the document with a hostile file name: its path is help
        _read_until(fd, written, b"NAMETITLE", 5.0)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    assert_clean(bytes(written), "app")
    assert b"\x1b]0;NAMETITLE" not in written
    # Cleaning may drop controls from the text (inputs); a file name keeps them: shown as ␛.
    assert "\u241b]0;NAMETITLE".encode() in written
