#!/usr/bin/env python3
"""The fault and bad-input sweep of issue 15, run against the installed ``reporttui``.

Every check runs the real command in a temporary library home (``REPORTTUI_HOME``) with a
timeout (10 s for each bad input; a build gets longer) and prints one line: PASS or FAIL, the
category, the check and, on failure, why. The last line is the total. Categories:

- files: bad files through ``outline``, ``outline --json``, ``add`` and the app (pty);
- folders: FIFOs, sockets, devices, symlink loops, unreadable entries, odd names;
- queries: 60+ malformed queries through ``search`` and ``search --json`` (argv bytes too);
- kills: ``kill -9`` at several points of a parallel ``add`` and ``index --rebuild``; then no
  process of the build survives and, after ``reporttui index``, the index equals a clean build;
- damage: bytes truncated / overwritten / files removed in each kind of index file, catalog.json
  and its backup damaged; ``reporttui index`` (no --rebuild) repairs, no added folder forgotten;
- disk: a read-only home and a full disk (small tmpfs; needs root, else the checks are SKIP);
- concurrency: readers and writers at once, the app and the CLI at once;
- terminal: hostile report text and file names through the CLI and the app in a pty;
- paths: ``index_name`` and source paths in the catalogue used as attacks.

``--quick`` leaves out kills and the concurrency stress (the parts that take minutes). Run heavy
sweeps under ``flock /tmp/reporttui-heavy.lock nice -n 10``. Exit status 1 when a check failed.
The corpus (``--corpus``, default /tmp/corpus) gives the real report text used to build
libraries; nothing of it is written outside the temporary folder.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import json
import os
import random
import re
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import termios
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

INPUT_TIMEOUT = 10.0
"""CPU-seconds any one bad input may take (the issue's bound). The machine running the sweep
may be shared (2 cores at a load of 10): wall time alone would measure the neighbours, so a run
fails on CPU time above its budget, or on wall time above 4 times it (a hang burns no CPU)."""
import resource  # noqa: E402

BUILD_TIMEOUT = 300.0

ATTACKS = {
    "osc52": "\x1b]52;c;UFdORUQ=\x1b\\",
    "title": "\x1b]0;PWNTITLE\x07",
    "clear": "\x1b[2J",
    "dsr": "\x1b[6n",
    "csi8": "\u009b31m",
    "osc8bit": "\u009d0;C1TITLE\u0007",
    "dcs": "\u0090qDCS\u009c",
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
    b"\xc2\x9d",
    b"\xc2\x90",
    b"\xc2\x9c",
    b"\x7f",
    b"\xe2\x80\xae",
]
"""Bytes that appear in the output only when a document's control sequence got through."""

PADDING = "全市上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。" * 6


@dataclass
class Result:
    category: str
    name: str
    status: str  # PASS, FAIL or SKIP
    detail: str = ""


@dataclass
class Sweep:
    exe: str
    root: Path
    corpus: Path
    verbose: bool = False
    results: list[Result] = field(default_factory=list)
    spawned: list[int] = field(default_factory=list)

    # --- bookkeeping ---------------------------------------------------------------------

    def record(self, category: str, name: str, problem: str | None, skip: bool = False) -> None:
        status = "SKIP" if skip else ("FAIL" if problem else "PASS")
        res = Result(category, name, status, problem or "")
        self.results.append(res)
        line = f"{status:4}  {category:11} {name}"
        if problem:
            line += f"  -- {problem}"
        print(line, flush=True)

    def check(self, category: str, name: str, fn: Callable[[], str | None]) -> None:
        """Run one check; an exception inside the harness is a failure, with its last line."""
        try:
            problem = fn()
        except Skip as exc:
            self.record(category, name, str(exc), skip=True)
            return
        except Exception as exc:  # the harness itself must never hide a failure
            tb = traceback.format_exc().strip().splitlines()[-1]
            problem = f"harness: {type(exc).__name__}: {tb[:200]}"
        self.record(category, name, problem)

    # --- running the command -------------------------------------------------------------

    def env(self, home: Path, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("REPORTTUI_") or k == "PATH"}
        env.update({"REPORTTUI_HOME": str(home), "COLUMNS": "120", "LANG": "C.UTF-8"})
        env.update(extra)
        return env

    def run(
        self,
        home: Path,
        *args: str | bytes,
        timeout: float = INPUT_TIMEOUT,
        env: dict[str, str] | None = None,
        user: int | None = None,
    ) -> Run:
        argv: list[str | bytes] = [self.exe, *args]
        start = time.monotonic()
        extra: dict[str, object] = {}
        if user is not None:
            extra = {"user": user, "group": user, "extra_groups": []}
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env or self.env(home),
            start_new_session=True,
            **extra,  # type: ignore[arg-type]
        )
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        try:
            out, err = proc.communicate(timeout=max(timeout * 4, 40.0))
            timed_out = False
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            timed_out = True
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        wall = time.monotonic() - start
        return Run(proc.returncode, out, err, wall, timed_out or cpu > timeout, cpu)

    # --- libraries -----------------------------------------------------------------------

    def corpus_files(self, count: int, offset: int = 0) -> list[Path]:
        files = sorted(self.corpus.rglob("*.md"))
        if not files:
            raise SystemExit(f"no reports under {self.corpus} (--corpus)")
        rng = random.Random(15)
        rng.shuffle(files)
        picked = [f for f in files if 8_000 < f.stat().st_size < 120_000]
        return picked[offset : offset + count]

    def report_folder(self, name: str, count: int, offset: int = 0) -> Path:
        folder = self.root / name
        if folder.exists():
            return folder
        folder.mkdir(parents=True)
        for i, src in enumerate(self.corpus_files(count, offset)):
            shutil.copyfile(src, folder / f"{i:03d}-{src.parent.name}-{src.name}")
        return folder

    def built_home(self, name: str, folder: Path, timeout: float = BUILD_TIMEOUT) -> Path:
        home = self.root / name
        if not home.exists():
            done = self.run(home, "add", str(folder), timeout=timeout)
            if done.rc != 0:
                raise SystemExit(f"could not build {name}: {done.err_text()}")
        return home

    def copy_home(self, home: Path, name: str) -> Path:
        dest = self.root / name
        if dest.exists():
            shutil.rmtree(dest)
        shutil.copytree(home, dest, symlinks=True)
        return dest

    def state(self, home: Path, queries: Sequence[str] = ("营商环境", "高质量发展")) -> str | dict:
        """What a user sees of the library: the documents and every hit of a few queries."""
        docs = self.run(home, "docs", "--json", timeout=30)
        if docs.rc != 0:
            return f"docs failed: {docs.err_text()}"
        try:
            doc_rows = sorted((d["path"], d["title"], d.get("chars")) for d in json.loads(docs.out))
        except ValueError as exc:
            return f"docs --json is not JSON: {exc}"
        hits: dict[str, object] = {}
        for q in queries:
            done = self.run(home, "search", q, "--json", "--limit", "100000", timeout=30)
            if done.rc != 0:
                return f"search {q} failed: {done.err_text()}"
            data = json.loads(done.out)
            hits[q] = (
                data.get("total"),
                sorted((h["path"], h["paragraph"]) for h in data.get("hits", [])),
            )
        return {"docs": doc_rows, "hits": hits}

    def same_state(self, home: Path, reference: dict) -> str | None:
        got = self.state(home)
        if isinstance(got, str):
            return got
        if got["docs"] != reference["docs"]:
            return (
                f"documents differ: {len(got['docs'])} vs {len(reference['docs'])} in a clean build"
            )
        for q, ref in reference["hits"].items():
            if got["hits"][q] != ref:
                return f"hits of {q} differ from a clean build ({got['hits'][q][0]} vs {ref[0]})"
        return None


class Skip(Exception):
    """A check that cannot run here (e.g. needs root for a tmpfs)."""


@dataclass
class Run:
    rc: int
    out: bytes
    err: bytes
    seconds: float
    timed_out: bool
    cpu: float = 0.0

    def err_text(self) -> str:
        text = self.err.decode("utf-8", "replace").strip()
        return (text.splitlines() or [""])[-1][:200] + f" (rc {self.rc})"


def judge(run: Run, *, ok: Sequence[int] = (0, 1, 2), json_out: bool = False) -> str | None:
    """The common rules of any command on bad input: in time, an expected exit, no traceback,
    at most one or two error lines, valid UTF-8 and no terminal control from the input."""
    if run.timed_out:
        return f"over budget: {run.cpu:.1f} CPU-s, {run.seconds:.0f} s wall"
    if run.rc not in ok:
        return f"exit {run.rc}: {run.err_text()}"
    if b"Traceback" in run.err or b"Traceback" in run.out:
        return "traceback: " + run.err_text()
    for name, data in (("stdout", run.out), ("stderr", run.err)):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return f"{name} is not valid UTF-8"
        for needle in FORBIDDEN:
            if needle in data:
                return f"{name} carries {needle!r}"
        if b"\x1b" in data and b"\x1b[" not in data:
            return f"{name} carries a raw ESC"
    if run.rc != 0:
        lines = [ln for ln in run.err.decode("utf-8", "replace").splitlines() if ln.strip()]
        if not lines:
            return f"exit {run.rc} without a message"
        if len(lines) > 3:
            return f"exit {run.rc} with {len(lines)} error lines"
    if json_out and run.rc == 0:
        try:
            json.loads(run.out)
        except ValueError as exc:
            return f"--json output is not JSON: {exc}"
        if b"\x1b" in run.out:
            return "--json output carries ESC"
    return None


# --- the bad files ---------------------------------------------------------------------------


def traditional_text() -> str:
    return (
        "臺北市政府工作報告\n\n一、過去一年的工作回顧\n\n"
        "過去一年，我們堅持穩中求進，經濟運行總體平穩，地區生產總值增長百分之五。"
        "優化營商環境，推動高質量發展，民生福祉持續增進。\n\n"
        "二、今年的主要任務\n\n繼續深化改革開放，建設現代化產業體系，擴大國內需求。\n"
    ) * 4


def sample_text(place: str = "蓝鲸湾") -> str:
    return (
        f"{place}市2025年政府工作报告\n\n一、2024年工作回顾\n\n"
        f"过去一年，{place}坚持优化营商环境，推动高质量发展。地区生产总值增长5%。{PADDING}\n\n"
        f"二、2025年工作安排\n\n继续优化营商环境，推进改革。{PADDING}\n"
    )


def hostile_text(place: str = "太原") -> str:
    a = ATTACKS
    return (
        f"{place}市2025年政府工作报告{a['title']}\n\n"
        f"一、2024年工作回顾{a['clear']}CLEAR\n\n"
        f"过去一年，我们坚持优化营商环境{a['osc52']}，推动高质量发展{a['dsr']}DSR。"
        f"全市地区生产总值增长5%。{a['csi8']}红色{a['del']}。{a['bidi']}倒序\u202c。"
        f"{a['osc8bit']}八位{a['dcs']}。{PADDING}\n\n"
        f"二、2025年工作安排\n\n继续优化营商环境，推进改革。{PADDING}\n\n{PADDING}\n"
    )


def bad_files(folder: Path) -> dict[str, tuple[Path, str]]:
    """name -> (file, the text a right reading must contain, or "" when it may be refused)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    text = sample_text()
    out: dict[str, tuple[Path, str]] = {}

    def put(name: str, data: bytes, expect: str = "") -> None:
        path = folder / name
        path.write_bytes(data)
        out[name] = (path, expect)

    put("empty.md", b"")
    put("spaces.md", b" \n\t\n\r\n  ")
    put("binary.md", bytes(rng.randrange(256) for _ in range(20_000)))
    put("png-header.md", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(5000)))
    # A few stray NULs in a report-sized file (more than one per 1,000 bytes reads as binary).
    put("nul.md", (text * 3).replace("。", "。\x00", 3).encode("utf-8"), "营商环境")
    put("nul-padded.md", text.encode("utf-8") + b"\x00" * 64)
    put("nul-utf16ish.md", b"\x00".join(text.encode("utf-8")[i : i + 1] for i in range(300)))
    put("huge-line.md", ("营商环境持续优化，" * 55_000).encode("utf-8"), "营商环境")
    put("huge-ascii-line.md", b"a" * 1_000_000)
    put("big5.md", traditional_text().encode("big5"), "營商環境")
    put("utf16le-nobom.md", text.encode("utf-16-le"), "营商环境")
    put("utf16be-nobom.md", text.encode("utf-16-be"), "营商环境")
    put("utf16-bom.md", text.encode("utf-16"), "营商环境")
    put("gb18030.md", text.encode("gb18030"), "营商环境")
    put("gbk.txt", text.encode("gbk"), "营商环境")
    put("utf8-bom.md", b"\xef\xbb\xbf" + text.encode("utf-8"), "营商环境")
    put(
        "page.html",
        (
            "<html><head><title>蓝鲸湾市政府工作报告</title><script>var x='营商';</script></head>"
            f"<body><nav>首页 | 新闻</nav><article><h1>蓝鲸湾市政府工作报告</h1>"
            f"<p>{text.replace(chr(10), '</p><p>')}</p></article></body></html>"
        ).encode(),
        "营商环境",
    )
    put("html-in.txt", ("<html><body><p>" + text + "</p></body></html>").encode(), "营商环境")
    bad = bytearray(text.encode("utf-8"))
    for i in range(40, len(bad), 997):
        bad[i] = 0xFF
    put("invalid-utf8.md", bytes(bad), "工作报告")
    cut = text.encode("utf-8")
    put("cut-last-char.md", cut[: len(cut) - 1], "营商环境")
    put("crlf.md", text.replace("\n", "\r\n").encode("utf-8"), "营商环境")
    put("cr-only.md", text.replace("\n", "\r").encode("utf-8"), "营商环境")
    put("hostile.md", hostile_text().encode("utf-8"), "营商环境")
    put("only-controls.md", bytes(range(1, 32)) * 50)
    put("long-path-name-" + "长" * 60 + ".md", text.encode("utf-8"), "营商环境")
    put("lone-surrogate.md", text.encode("utf-8") + b"\xed\xa0\x80\xed\xbf\xbf", "营商环境")
    put("many-paragraphs.md", ("增长。\n\n" * 60_000).encode("utf-8"))
    put(
        "deep-headings.md",
        "".join(f"{'#' * (i % 6 + 1)} 标题{i}\n\n正文{i}。\n\n" for i in range(3000)).encode(),
    )
    put("zip.md", b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(3000)))
    return out


def check_files(sw: Sweep) -> None:
    folder = sw.root / "bad-files"
    files = bad_files(folder)
    home = sw.root / "home-files"
    base = sw.root / "home-files-base"
    sw.run(base, "docs", timeout=120)  # the bundled library, indexed once
    for name, (path, expect) in files.items():

        def outline(path: Path = path, expect: str = expect) -> str | None:
            done = sw.run(home, "outline", str(path), "--json")
            problem = judge(done, json_out=True)
            if problem:
                return problem
            if done.rc == 0:
                data = done.out.decode("utf-8")
                if b"\x00" in done.out or "\\u0000" in data:
                    return "a NUL byte kept in the text"
                if expect and expect not in data and expect not in json.loads(data).__repr__():
                    return f"read wrongly: {expect} not in the outline"
            return None

        sw.check("files", f"outline --json {name}", outline)
        sw.check(
            "files", f"outline {name}", lambda path=path: judge(sw.run(home, "outline", str(path)))
        )

        def add(path: Path = path, expect: str = expect) -> str | None:
            # Each file into its own copy of a built library: one slow file cannot make the
            # next checks re-index it.
            home = sw.copy_home(base, "home-files-add")
            done = sw.run(home, "add", str(path))
            problem = judge(done)
            if problem:
                return problem
            if expect and done.rc != 0:
                return f"a readable file refused: {done.err_text()}"
            if expect:
                found = sw.run(home, "search", expect, "--json", "--limit", "1000")
                if judge(found, json_out=True):
                    return "search after add: " + str(judge(found, json_out=True))
                paths = {h["path"] for h in json.loads(found.out).get("hits", [])}
                if str(path) not in paths:
                    return f"added but {expect} does not find it"
            return None

        sw.check("files", f"add {name}", add)
    # Above the size limit: one line.
    big = folder / "too-big.md"
    big.write_bytes(sample_text().encode("utf-8") * 300)

    def too_big() -> str | None:
        env = sw.env(home, REPORTTUI_MAX_FILE_MB="0.1")
        done = sw.run(home, "add", str(big), env=env)
        if done.rc == 0:
            return "a file above REPORTTUI_MAX_FILE_MB was accepted"
        problem = judge(done)
        if problem:
            return problem
        if b"REPORTTUI_MAX_FILE_MB" not in done.err or len(done.err.splitlines()) != 1:
            return f"not one line naming the limit: {done.err_text()}"
        return None

    sw.check("files", "add above REPORTTUI_MAX_FILE_MB", too_big)

    def outline_too_big() -> str | None:
        env = sw.env(home, REPORTTUI_MAX_FILE_MB="0.1")
        done = sw.run(home, "outline", str(big), env=env)
        if done.rc == 0:
            return "outline read a file above the limit"
        return judge(done)

    sw.check("files", "outline above REPORTTUI_MAX_FILE_MB", outline_too_big)

    # The whole folder at once: the good files are indexed, the rest skipped.
    def folder_add() -> str | None:
        fresh = sw.root / "home-files-folder"
        done = sw.run(fresh, "add", str(folder), timeout=60)
        problem = judge(done)
        if problem:
            return problem
        found = sw.run(fresh, "search", "营商环境", "--json", "--limit", "1000")
        if judge(found, json_out=True):
            return str(judge(found, json_out=True))
        paths = {h["path"] for h in json.loads(found.out)["hits"]}
        # Files with the same bytes are one document (kept once): one path of each must hit.
        groups: dict[str, set[str]] = {}
        for _n, (p, e) in files.items():
            if e == "营商环境":
                groups.setdefault(hashlib.sha1(p.read_bytes()).hexdigest(), set()).add(str(p))
        missing = [sorted(g)[0] for g in groups.values() if not g & paths]
        return f"{len(missing)} readable files not found: {missing[:3]}" if missing else None

    sw.check("files", "add the folder of every bad file", folder_add)
    # The app, in a pty: a refused file gives a notice, the app answers q.
    for name in ("empty.md", "binary.md", "only-controls.md", "hostile.md", "big5.md"):
        path = files[name][0]
        sw.check(
            "files",
            f"app {name}",
            lambda path=path: app_opens(sw, home, path, refused=not files[path.name][1]),
        )


def app_session(
    sw: Sweep,
    home: Path,
    args: Sequence[str],
    steps: Sequence[tuple[bytes, bytes, float]],
    env_extra: dict[str, str] | None = None,
) -> tuple[bytes, list[bool], bool]:
    """Run the app in an 80x24 pty: each step sends bytes then waits for a needle. Returns the
    bytes written, which needles were seen, and whether the app quit on ``q`` within 10 s."""
    import pty

    env = {
        "REPORTTUI_HOME": str(home),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        **(env_extra or {}),
    }
    pid, fd = pty.fork()
    if pid == 0:  # the child
        try:
            os.execve(sw.exe, [sw.exe, *args], env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    written = bytearray()
    seen: list[bool] = []
    quit_ok = False
    try:
        for send, needle, wait in steps:
            if send:
                os.write(fd, send)
            seen.append(read_until(fd, written, needle, wait))
        # Esc leaves an input or a dialog; q quits (typed into a search box it is text, so
        # ctrl+q follows). The app must be gone within 10 s.
        deadline = time.monotonic() + INPUT_TIMEOUT
        for key in (b"\x1b", b"\x1b", b"q", b"\x11", b"\x1b", b"q", b"\x11"):
            if time.monotonic() > deadline:
                break
            with contextlib.suppress(OSError):
                os.write(fd, key)
            stop = time.monotonic() + (0.4 if key == b"\x1b" else 1.5)
            while time.monotonic() < stop and not quit_ok:
                read_until(fd, written, b"\x00never", 0.1)
                quit_ok = os.waitpid(pid, os.WNOHANG)[0] != 0
            if quit_ok:
                break
    finally:
        if not quit_ok:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        os.close(fd)
    return bytes(written), seen, quit_ok


def read_until(fd: int, buffer: bytearray, needle: bytes, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if needle in buffer:
            return True
        if select.select([fd], [], [], 0.1)[0]:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return needle in buffer
            if not chunk:
                return needle in buffer
            buffer.extend(chunk)
    return needle in buffer


def screen_problem(written: bytes) -> str | None:
    for needle in FORBIDDEN:
        if needle in written:
            return f"the app wrote {needle!r}"
    if b"Traceback" in written:
        return "the app showed a traceback"
    return None


def app_opens(sw: Sweep, home: Path, path: Path, refused: bool) -> str | None:
    written, _seen, quit_ok = app_session(
        sw, home, [str(path)], [(b"", "报告".encode() if not refused else b"\x00never", 12.0)]
    )
    problem = screen_problem(written)
    if problem:
        return problem
    if not quit_ok:
        return "the app did not quit on q within 10 s"
    if refused:
        text = written.decode("utf-8", "replace")
        if (
            path.name not in text
            and "cannot" not in text
            and "skipp" not in text
            and "refus" not in text
        ):
            return "no notice for a refused file"
    return None


# --- folders ---------------------------------------------------------------------------------


def check_folders(sw: Sweep) -> None:
    base = sw.root / "odd-folders"

    def make(kind: str) -> Path:
        folder = base / kind
        folder.mkdir(parents=True)
        (folder / "good.md").write_text(sample_text("青鸟湾"), encoding="utf-8")
        return folder

    def case(kind: str, setup: Callable[[Path], None], as_user: int | None = None) -> None:
        def run() -> str | None:
            folder = make(kind)
            setup(folder)
            home = sw.root / f"home-folder-{kind}"
            if as_user is not None:
                home.mkdir()
                os.chown(home, as_user, as_user)
            done = sw.run(home, "add", str(folder), timeout=INPUT_TIMEOUT * 2, user=as_user)
            problem = judge(done)
            if problem:
                return problem
            found = sw.run(home, "search", "青鸟湾", "--json", user=as_user)
            if judge(found, json_out=True):
                return "search after: " + str(judge(found, json_out=True))
            if str(folder / "good.md") not in {h["path"] for h in json.loads(found.out)["hits"]}:
                return "the good file beside the bad entry was not indexed"
            again = sw.run(home, "search", "营商环境", user=as_user)
            if judge(again, ok=(0,)):
                return "a later search: " + str(judge(again, ok=(0,)))
            index = sw.run(home, "index", user=as_user, timeout=INPUT_TIMEOUT * 2)
            if judge(index, ok=(0,)):
                return "a later index: " + str(judge(index, ok=(0,)))
            docs = sw.run(home, "docs", "--json", user=as_user)
            return judge(docs, ok=(0,), json_out=True)

        sw.check("folders", f"add a folder with {kind}", run)

    def fifo(f: Path) -> None:
        os.mkfifo(f / "pipe.md")

    def sock(f: Path) -> None:
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(f / "socket.md"))
        s.close()

    def device(f: Path) -> None:
        try:
            os.mknod(f / "zero.md", 0o600 | 0o020000, os.makedev(1, 5))
        except OSError:
            os.symlink("/dev/zero", f / "zero.md")

    def dev_link(f: Path) -> None:
        os.symlink("/dev/zero", f / "zero-link.md")
        os.symlink("/dev/stdin", f / "stdin-link.md")

    def loop(f: Path) -> None:
        os.symlink(".", f / "self")
        (f / "a").mkdir()
        os.symlink("../b", f / "a" / "to-b")
        (f / "b").mkdir()
        os.symlink("../a", f / "b" / "to-a")
        os.symlink("x.md", f / "y.md")
        os.symlink("y.md", f / "x.md")

    def dangling(f: Path) -> None:
        os.symlink("/nonexistent/file.md", f / "gone.md")

    def odd_names(f: Path) -> None:
        text = sample_text("白鹭洲").encode("utf-8")
        for raw in (
            b"\xff\xfe.md",
            b"\x1b]0;NAMETITLE\x07.md",
            b"line\nbreak.md",
            b"\xe9t\xe9.md",
            b"-rf.md",
        ):
            with open(os.fsencode(str(f)) + b"/" + raw, "wb") as out:
                out.write(text)

    def unreadable(f: Path) -> None:
        (f / "secret.md").write_text(sample_text("白鹭洲"), encoding="utf-8")
        os.chmod(f / "secret.md", 0)
        (f / "closed").mkdir()
        (f / "closed" / "inner.md").write_text(sample_text("白鹭洲"), encoding="utf-8")
        os.chmod(f / "closed", 0)
        os.chmod(f, 0o755)

    def dir_named_md(f: Path) -> None:
        (f / "folder.md").mkdir()
        (f / "folder.md" / "inner.txt").write_text(sample_text("白鹭洲"), encoding="utf-8")

    def deep(f: Path) -> None:
        p = f
        for i in range(60):
            p = p / f"d{i}"
        p.mkdir(parents=True)
        (p / "deep.md").write_text(sample_text("白鹭洲"), encoding="utf-8")

    for kind, setup in (
        ("fifo", fifo),
        ("socket", sock),
        ("device", device),
        ("links-to-devices", dev_link),
        ("symlink-loops", loop),
        ("dangling-link", dangling),
        ("odd-file-names", odd_names),
        ("folder-named-md", dir_named_md),
        ("deep-folders", deep),
    ):
        case(kind, setup)
    nobody = 65534
    if os.geteuid() == 0:
        case("unreadable-entries", unreadable, as_user=nobody)
    else:
        case("unreadable-entries", unreadable)

    def outline_fifo() -> str | None:
        folder = base / "outline-fifo"
        folder.mkdir(parents=True)
        os.mkfifo(folder / "p.md")
        done = sw.run(sw.root / "home-o", "outline", str(folder / "p.md"))
        if done.rc == 0:
            return "outline of a FIFO succeeded"
        return judge(done)

    sw.check("folders", "outline a FIFO", outline_fifo)
    sw.check(
        "folders",
        "outline /dev/zero",
        lambda: judge(sw.run(sw.root / "home-o", "outline", "/dev/zero"), ok=(1, 2)),
    )
    sw.check(
        "folders",
        "add /dev/zero",
        lambda: judge(sw.run(sw.root / "home-o", "add", "/dev/zero"), ok=(1, 2)),
    )
    sw.check(
        "folders",
        "add a missing path",
        lambda: judge(sw.run(sw.root / "home-o", "add", "/nonexistent/x"), ok=(1, 2)),
    )
    sw.check(
        "folders",
        "add a non-UTF-8 argv path",
        lambda: judge(sw.run(sw.root / "home-o", "add", b"/tmp/\xff\xfe-missing"), ok=(1, 2)),
    )


# --- queries ---------------------------------------------------------------------------------

QUERIES: list[str | bytes] = [
    '"',
    '""',
    '"营商环境',
    '营商环境"',
    "“营商环境",
    "营商环境”",
    "'",
    "'营商",
    "(",
    ")",
    "((((营商",
    "营商))))",
    "(营商 OR",
    "( )",
    "()",
    "(((((((((((((((((((((((((((((((",
    "OR",
    "AND",
    "NOT",
    "-",
    "--",
    "---营商",
    "|",
    "||",
    "OR OR OR",
    "营商 OR",
    "OR 营商",
    "-营商",
    "- -",
    "+",
    "*",
    "?",
    "*营商*",
    "营商~",
    "营商^2",
    "\\",
    "\\\\营商",
    "region:",
    "year:",
    "kind:",
    "section:",
    "region:(",
    "year:abc",
    "year:2025..",
    "year:..",
    "year:99999999999999999999",
    "year:-5",
    "year:2025-2020",
    'region:"',
    "foo:bar",
    ":",
    "::::",
    "region:太原 year:",
    "year:[2020 TO 2025]",
    "region:../../etc",
    "营商" * 2000,
    "营 " * 3000,
    "a" * 100_000,
    "(" * 5000 + "营商" + ")" * 5000,
    "\x00",
    "营\x00商",
    "\x07\x08\x0b\x0c",
    "\x1b[2JCLEAR",
    "\x1b]0;PWNTITLE\x07",
    "\x1b]52;c;UFdORUQ=\x1b\\",
    "\u009b31m营商",
    "\u009d0;C1TITLE\u0007",
    "\u202e营商",
    "\u200f\u200e营商",
    "\ufeff营商",
    "\u2028营商\u2029",
    "𠀀𠀁",
    "🙂营商🙂",
    "營商環境",
    "\t\n\r",
    " ",
    "　",
    "营商环境 -营商环境",
    "-营商环境",
    '""""',
    "a\\b\\",
    "%",
    "5%",
    "%%%",
    "0.0.0.0",
    "1e999",
    "NaN",
    "${HOME}",
    "$(id)",
    "`id`",
    "; rm -rf /",
    b"\xff\xfe",
    b"\xed\xa0\x80",
    b"\xed\xa0\x80\xed\xb0\x80",
    b"\xc0\xaf",
    b"\xe8\x90",
    b"\x80\x81\x82",
    b"\xf4\x90\x80\x80",
]


def check_queries(sw: Sweep, home: Path) -> None:
    # A NUL cannot travel in argv (C strings): those queries go through the app's search box.
    argv_queries = [q for q in QUERIES if not (isinstance(q, str) and "\x00" in q)]
    for i, q in enumerate(argv_queries):
        label = repr(q)[:40]
        sw.check("queries", f"search #{i} {label}", lambda q=q: judge(sw.run(home, "search", q)))
        if i % 2 == 0:  # options first and `--`: a query such as "--" stays the query
            sw.check(
                "queries",
                f"search --json -- #{i} {label}",
                lambda q=q: judge(sw.run(home, "search", "--json", "--", q), json_out=True),
            )

    def app_queries() -> str | None:
        steps: list[tuple[bytes, bytes, float]] = [(b"", b"\x00never", 8.0)]
        for q in ("\x00营商", "营\x00商", "\x1b[2JCLEAR", "(营商 OR", '"营商'):
            steps += [(b"/", b"\x00never", 1.0), (q.encode(), b"\x00never", 3.0)]
            steps += [(b"\x1b", b"\x00never", 1.0)]
        written, _seen, quit_ok = app_session(sw, home, [], steps)
        problem = screen_problem(written)
        if problem:
            return problem
        return None if quit_ok else "the app did not quit after hostile queries"

    sw.check("queries", "the app's search box: NUL, ESC, unbalanced (pty)", app_queries)
    for opt, value in (
        ("--limit", "-1"),
        ("--limit", "abc"),
        ("--limit", "99999999999999999999"),
        ("--year", "x"),
        ("--region", "\x1b]0;PWNTITLE\x07"),
        ("--year", ""),
    ):
        sw.check(
            "queries",
            f"search {opt} {value!r}",
            lambda o=opt, v=value: judge(sw.run(home, "search", "营商环境", o, v)),
        )
    sw.check(
        "queries",
        "explain a hostile query",
        lambda: judge(sw.run(home, "explain", "\x1b]0;PWNTITLE\x07 (营商 OR")),
    )


# --- kills -----------------------------------------------------------------------------------


def survivors(pgid: int, home: Path) -> list[str]:
    """Processes of the killed build still alive: its process group, or any process whose
    environment names its home (workers that left the group)."""
    alive: list[str] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            fields = stat.rsplit(")", 1)[1].split()
            if fields[0] == "Z":
                continue
            same_group = int(fields[2]) == pgid
            environ = (entry / "environ").read_bytes()
        except (OSError, ValueError, IndexError):
            continue
        if same_group or f"REPORTTUI_HOME={home}\x00".encode() in environ:
            alive.append(entry.name)
    return alive


def check_kills(sw: Sweep) -> None:
    folder = sw.report_folder("kill-reports", 80)
    total = sum(p.stat().st_size for p in folder.iterdir())
    clean = sw.root / "home-kill-clean"
    start = time.monotonic()
    done = sw.run(clean, "add", str(folder), timeout=BUILD_TIMEOUT)
    build_s = time.monotonic() - start
    if done.rc != 0:
        sw.record("kills", "clean build", done.err_text())
        return
    print(f"      kills: a clean build of {total / 1e6:.1f} MB took {build_s:.1f} s", flush=True)
    reference = sw.state(clean)
    if isinstance(reference, str):
        sw.record("kills", "clean build state", reference)
        return
    base = sw.root / "home-kill-base"
    if not base.exists():
        sw.run(base, "docs", timeout=60)  # the bundled library only
    for command, fractions in (("add", (0.1, 0.4, 0.7, 0.95)), ("index --rebuild", (0.5, 0.9))):
        for frac in fractions:
            name = f"kill -9 {command} at {frac:.0%}"

            def kill(command: str = command, frac: float = frac) -> str | None:
                home = sw.copy_home(
                    clean if command != "add" else base, f"home-kill-{command[:5]}-{frac}"
                )
                args = ["add", str(folder)] if command == "add" else ["index", "--rebuild"]
                proc = subprocess.Popen(
                    [sw.exe, *args],
                    env=sw.env(home),
                    start_new_session=True,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                time.sleep(build_s * frac)
                finished = proc.poll() is not None
                with contextlib.suppress(ProcessLookupError):
                    os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                deadline = time.monotonic() + 5
                left = survivors(proc.pid, home)
                while left and time.monotonic() < deadline:
                    time.sleep(0.2)
                    left = survivors(proc.pid, home)
                if left:
                    for pid in left:
                        with contextlib.suppress(ProcessLookupError):
                            os.kill(int(pid), signal.SIGKILL)
                    return f"{len(left)} processes of the build survived the kill"
                mid = sw.run(home, "search", "营商环境", timeout=60)
                if judge(mid, ok=(0,)):
                    return "search right after the kill: " + str(judge(mid, ok=(0,)))
                repair = sw.run(home, "index", timeout=BUILD_TIMEOUT)
                if judge(repair, ok=(0,)):
                    return "index after the kill: " + str(judge(repair, ok=(0,)))
                leftovers = [p.name for p in (home / "index").rglob("*.tmp")]
                if leftovers:
                    return f"temporary files left: {leftovers[:3]}"
                problem = sw.same_state(home, reference)
                suffix = " (the build had finished)" if finished else ""
                return problem + suffix if problem else None

            sw.check("kills", name, kill)


# --- index and catalogue damage --------------------------------------------------------------


def index_folder(home: Path) -> Path:
    data = json.loads((home / "catalog.json").read_text(encoding="utf-8"))
    return home / "index" / data["index_name"]


def check_damage(sw: Sweep, home: Path, reference: dict, folder: Path) -> None:
    def search_then_repair(work: Path, what: str) -> str | None:
        """A search on the damaged home answers (or says no index), then ``index`` repairs it."""
        problem = judge(sw.run(work, "search", "营商环境", timeout=60), ok=(0, 1))
        if problem:
            return f"{what}: {problem}"
        problem = judge(sw.run(work, "index", timeout=BUILD_TIMEOUT), ok=(0,))
        return f"index: {problem}" if problem else None

    ix = index_folder(home)
    kinds: dict[str, Path] = {}
    for p in sorted(ix.iterdir()):
        if p.name == "MAIN_WRITELOCK":
            continue
        kind = p.suffix if not p.name.endswith(".col") else "." + ".".join(p.name.split(".")[-2:])
        if p.name.startswith("_MAIN_"):
            kind = "toc"
        kinds.setdefault(kind, p)

    def damage(kind: str, how: str, path_in_base: Path) -> None:
        def run() -> str | None:
            work = sw.copy_home(home, "home-damage")
            target = index_folder(work) / path_in_base.name
            size = target.stat().st_size
            if how == "truncate-half":
                os.truncate(target, size // 2)
            elif how == "truncate-zero":
                os.truncate(target, 0)
            elif how == "overwrite-middle":
                with open(target, "r+b") as f:
                    f.seek(max(size // 2 - 32, 0))
                    f.write(bytes(random.Random(3).randrange(256) for _ in range(min(64, size))))
            elif how == "overwrite-start":
                with open(target, "r+b") as f:
                    f.write(b"\xde\xad\xbe\xef" * 4)
            elif how == "flip-one-byte":
                with open(target, "r+b") as f:
                    f.seek(size * 2 // 3)
                    b = f.read(1)
                    f.seek(size * 2 // 3)
                    f.write(bytes([(b[0] if b else 0) ^ 0x40]))
            elif how == "remove":
                target.unlink()
            problem = search_then_repair(work, "search of the damaged index")
            return problem or sw.same_state(work, reference)

        sw.check("damage", f"{how} {kind}", run)

    for kind, path in kinds.items():
        hows = ["truncate-half", "overwrite-middle", "remove"]
        if kind in (".seg", ".rtp", "toc", ".pst"):
            hows += ["truncate-zero", "flip-one-byte", "overwrite-start"]
        for how in hows:
            damage(kind, how, path)

    def whole_index(how: str) -> None:
        def run() -> str | None:
            work = sw.copy_home(home, "home-damage")
            ix_w = index_folder(work)
            if how == "index folder removed":
                shutil.rmtree(ix_w)
            elif how == "every TOC removed":
                for p in ix_w.glob("_MAIN_*.toc"):
                    p.unlink()
            elif how == "every segment removed":
                for p in ix_w.glob("MAIN_*"):
                    if p.name != "MAIN_WRITELOCK":
                        p.unlink()
            elif how == "index folder is a file":
                shutil.rmtree(ix_w)
                ix_w.write_bytes(b"x")
            elif how == "stale lock files":
                (work / "write.lock").write_text("99999999")
                (ix_w / "MAIN_WRITELOCK").write_text("99999999")
            repair = sw.run(work, "index", timeout=BUILD_TIMEOUT)
            problem = judge(repair, ok=(0,))
            if problem:
                return "index: " + problem
            return sw.same_state(work, reference)

        sw.check("damage", how, run)

    for how in (
        "index folder removed",
        "every TOC removed",
        "every segment removed",
        "index folder is a file",
        "stale lock files",
    ):
        whole_index(how)

    # catalog.json and its backup.
    def catalog_case(name: str, change: Callable[[Path], None]) -> None:
        def run() -> str | None:
            work = sw.copy_home(home, "home-catalog")
            change(work)
            problem = search_then_repair(work, "search")
            if problem:
                return problem
            data = json.loads((work / "catalog.json").read_text(encoding="utf-8"))
            roots = data.get("roots") or []
            if str(folder) not in roots and not any(
                str(s.get("path", "")).startswith(str(folder)) for s in data.get("sources", [])
            ):
                return "the added folder was forgotten"
            return sw.same_state(work, reference)

        sw.check("damage", f"catalog: {name}", run)

    def edit(fn: Callable[[dict], None], backup_too: bool = False) -> Callable[[Path], None]:
        def change(work: Path) -> None:
            for name in ("catalog.json", "catalog.json.bak") if backup_too else ("catalog.json",):
                p = work / name
                data = json.loads(p.read_text(encoding="utf-8"))
                fn(data)
                p.write_text(json.dumps(data), encoding="utf-8")

        return change

    def write(data: bytes, backup: bytes | None = None) -> Callable[[Path], None]:
        def change(work: Path) -> None:
            (work / "catalog.json").write_bytes(data)
            if backup is not None:
                (work / "catalog.json.bak").write_bytes(backup)

        return change

    rnd = bytes(random.Random(5).randrange(256) for _ in range(4000))
    real = (home / "catalog.json").read_bytes()
    catalog_cases: list[tuple[str, Callable[[Path], None]]] = [
        ("random bytes", write(rnd)),
        ("empty", write(b"")),
        ("truncated", write(real[: len(real) // 2])),
        ("NUL-filled", write(b"\x00" * len(real))),
        ("a JSON list", write(b"[]")),
        ("null", write(b"null")),
        ("not UTF-8", write(real.replace(b'"', b"\xff", 3))),
        ("removed", lambda w: (w / "catalog.json").unlink()),
        ("a folder", lambda w: ((w / "catalog.json").unlink(), (w / "catalog.json").mkdir())),
        ("sources a string", edit(lambda d: d.update(sources="x"))),
        ("a source's year a string", edit(lambda d: d["sources"][0].update(year="二〇二五"))),
        ("a source without a path", edit(lambda d: d["sources"][0].pop("path"))),
        ("roots a number", edit(lambda d: d.update(roots=5))),
        ("format 99", edit(lambda d: d.update(format=99))),
        ("fingerprint changed", edit(lambda d: d.update(fingerprint="0000"))),
        ("index_name missing", edit(lambda d: d.pop("index_name"))),
        ("and backup random", write(rnd, rnd)),
        ("and backup empty", write(b"", b"")),
        ("and backup truncated", write(real[:100], real[:200])),
        (
            "and backup removed",
            lambda w: ((w / "catalog.json").unlink(), (w / "catalog.json.bak").unlink()),
        ),
        ("and backup mistyped", edit(lambda d: d.update(sources={"a": 1}), backup_too=True)),
        ("backup alone damaged", lambda w: (w / "catalog.json.bak").write_bytes(rnd)),
        (
            "a symlink to /dev/zero",
            lambda w: ((w / "catalog.json").unlink(), os.symlink("/dev/zero", w / "catalog.json")),
        ),
        (
            "huge (60 MB of spaces)",
            lambda w: (w / "catalog.json").write_bytes(b" " * 60_000_000 + real),
        ),
    ]
    for name, change in catalog_cases:
        catalog_case(name, change)


# --- path attacks ----------------------------------------------------------------------------


def check_paths(sw: Sweep, home: Path, reference: dict) -> None:
    decoy = sw.root / "decoy"

    def index_name_case(value: object) -> None:
        def run() -> str | None:
            decoy.mkdir(exist_ok=True)
            (decoy / "precious.txt").write_text("keep me")
            (decoy / "_MAIN_1.toc").write_text("not an index")
            work = sw.copy_home(home, "home-paths")
            for name in ("catalog.json", "catalog.json.bak"):
                p = work / name
                data = json.loads(p.read_text(encoding="utf-8"))
                data["index_name"] = value if value != "DECOY" else str(decoy)
                p.write_text(json.dumps(data), encoding="utf-8")
            for args in (("search", "营商环境"), ("index",), ("index", "--rebuild"), ("docs",)):
                done = sw.run(work, *args, timeout=BUILD_TIMEOUT)
                problem = judge(done, ok=(0, 1))
                if problem:
                    return f"{' '.join(args)}: {problem}"
            if not (decoy / "precious.txt").exists() or not (decoy / "_MAIN_1.toc").exists():
                return "a folder outside the home was changed"
            outside = [p for p in (sw.root).iterdir() if p.name.startswith("evil")]
            if outside:
                return f"wrote outside the home: {outside}"
            return sw.same_state(work, reference)

        sw.check("paths", f"index_name {value!r}"[:60], run)

    for value in (
        "DECOY",
        "../../decoy",
        "../../evil",
        "..",
        ".",
        "",
        "a/b",
        "x\x00y",
        "\x1b]0;PWNTITLE\x07",
        5,
        None,
        ["ix"],
        "ix-" + "a" * 300,
    ):
        index_name_case(value)

    def source_case(name: str, change: Callable[[dict], None]) -> None:
        def run() -> str | None:
            work = sw.copy_home(home, "home-paths")
            for cat in ("catalog.json", "catalog.json.bak"):
                p = work / cat
                data = json.loads(p.read_text(encoding="utf-8"))
                if not data.get("sources"):  # the backup generation before the first add
                    continue
                change(data)
                p.write_text(json.dumps(data), encoding="utf-8")
            for args in (("docs",), ("docs", "--json"), ("search", "营商环境"), ("index",)):
                done = sw.run(work, *args, timeout=60)
                problem = judge(done, ok=(0, 1), json_out="--json" in args)
                if problem:
                    return f"{' '.join(args)}: {problem}"
            return None

        sw.check("paths", f"catalogue source {name}", run)

    source_case("path /dev/zero", lambda d: d["sources"][0].update(path="/dev/zero"))
    source_case("path a FIFO", lambda d: d["sources"][0].update(path=str(make_fifo(sw.root))))
    source_case(
        "path with ESC", lambda d: d["sources"][0].update(path="/tmp/\x1b]0;PWNTITLE\x07.md")
    )
    source_case(
        "title with ESC", lambda d: d["sources"][0].update(title="\x1b]0;PWNTITLE\x07\x1b[2JCLEAR")
    )
    source_case("root /dev", lambda d: d.update(roots=[*d.get("roots", []), "/dev"]))
    source_case("root /proc/self", lambda d: d.update(roots=[*d.get("roots", []), "/proc/self/fd"]))
    source_case(
        "path relative ../..", lambda d: d["sources"][0].update(path="../../../../etc/passwd")
    )

    def home_is_file() -> str | None:
        f = sw.root / "home-is-a-file"
        f.write_text("x")
        return judge(sw.run(f, "search", "营商环境"), ok=(1, 2))

    sw.check("paths", "REPORTTUI_HOME is a file", home_is_file)
    sw.check(
        "paths",
        "--home with ESC",
        lambda: judge(
            sw.run(sw.root / "h", "--home", str(sw.root / "\x1b]0;PWNTITLE\x07"), "docs"),
            ok=(0, 1, 2),
        ),
    )


def make_fifo(root: Path) -> Path:
    p = root / "catalog-fifo.md"
    if not p.exists():
        os.mkfifo(p)
    return p


# --- disks -----------------------------------------------------------------------------------


@contextlib.contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    if os.geteuid() != 0 or not shutil.which("mount"):
        raise Skip("needs root to mount a small tmpfs")
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "rt-sweep", str(where)], capture_output=True
    )
    if done.returncode != 0:
        raise Skip("mount failed: " + done.stderr.decode(errors="replace").strip())
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def check_disks(sw: Sweep, home: Path, reference: dict, folder: Path) -> None:
    more = sw.report_folder("disk-more", 40, offset=200)
    more_bytes = sum(p.stat().st_size for p in more.iterdir())

    def read_only() -> str | None:
        with tmpfs(sw.root / "mnt-ro", "200m") as mnt:
            work = mnt / "home"
            shutil.copytree(home, work, symlinks=True)
            subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
            done = sw.run(work, "search", "营商环境", "--json", "--limit", "100000", timeout=30)
            problem = judge(done, ok=(0,), json_out=True)
            if problem:
                return "search: " + problem
            if len(done.err.splitlines()) > 1:
                return f"more than one notice: {done.err_text()}"
            again = sw.run(work, "search", "营商环境", timeout=30)
            if judge(again, ok=(0,)):
                return "second search: " + str(judge(again, ok=(0,)))
            add = sw.run(work, "add", str(more), timeout=30)
            problem = judge(add, ok=(1, 2))
            if problem:
                return "add: " + problem
            docs = sw.run(work, "docs", "--json", timeout=30)
            return judge(docs, ok=(0,), json_out=True)

    sw.check("disk", "read-only home: search, add, docs", read_only)

    def full_disk(index_cmd: bool) -> str | None:
        used = du(home)
        size_mb = max(int(used * 1.15 / 1e6) + 2, 4)
        with tmpfs(sw.root / "mnt-full", f"{size_mb}m") as mnt:
            work = mnt / "home"
            shutil.copytree(home, work, symlinks=True)
            before = sorted(p.name for p in index_folder(work).iterdir())
            done = sw.run(work, "add", str(more), timeout=BUILD_TIMEOUT)
            if done.rc == 0:
                raise Skip(f"the {size_mb} MB disk was big enough")
            problem = judge(done, ok=(1,))
            if problem:
                return "add: " + problem
            err = done.err.decode("utf-8")
            if "space" not in err or ("MB" not in err and "kB" not in err):
                return f"not one line with the space needed: {done.err_text()}"
            if len(err.strip().splitlines()) != 1:
                return f"{len(err.strip().splitlines())} lines"
            after = sorted(p.name for p in index_folder(work).iterdir())
            if after != before:
                return f"files left in the index: {sorted(set(after) - set(before))[:4]}"
            extra = [
                p.name for p in (work / "index").iterdir() if p.name != index_folder(work).name
            ]
            if extra:
                return f"folders left in index/: {extra}"
            s1 = sw.run(work, "search", "营商环境", timeout=30)
            if judge(s1, ok=(0,)):
                return "search after the failed add: " + str(judge(s1, ok=(0,)))
            s2 = sw.run(work, "search", "营商环境", timeout=30)
            if judge(s2, ok=(0,)):
                return "second search: " + str(judge(s2, ok=(0,)))
            if s1.cpu + s2.cpu > 8 or b"last committed index" not in s1.err:
                return f"searches retried the failed update ({s1.cpu + s2.cpu:.1f} CPU-s)"
            if index_cmd:
                idx = sw.run(work, "index", timeout=BUILD_TIMEOUT)
                problem = judge(idx, ok=(1,))
                if problem:
                    return "index on the full disk: " + problem
                if sorted(p.name for p in index_folder(work).iterdir()) != before:
                    return "index on the full disk left files"
            # The estimate: at least what the add really needed on a big disk, at most 4 times it.
            m = re.search(r"about ([\d,.]+) (MB|kB)", err)
            if not m:
                return f"no figure in: {err.strip()}"
            estimate = float(m.group(1).replace(",", "")) * (1e6 if m.group(2) == "MB" else 1e3)
            big = sw.copy_home(home, "home-full-reference")
            ok = sw.run(big, "add", str(more), timeout=BUILD_TIMEOUT)
            if ok.rc != 0:
                return "reference add failed: " + ok.err_text()
            grown = du(big) - du(home)
            free_at_start = size_mb * 1e6 - used
            print(
                f"      disk: {more_bytes / 1e6:.1f} MB of sources, estimate {estimate / 1e6:.1f} MB,"
                f" real growth {grown / 1e6:.1f} MB, free at start {free_at_start / 1e6:.1f} MB",
                flush=True,
            )
            if estimate < grown * 0.9:
                return f"estimate {estimate / 1e6:.1f} MB below the real {grown / 1e6:.1f} MB"
            if estimate > grown * 4:
                return f"estimate {estimate / 1e6:.1f} MB over 4x the real {grown / 1e6:.1f} MB"
            return None

    sw.check("disk", "full disk: add, searches, index, estimate", lambda: full_disk(True))

    def full_rebuild() -> str | None:
        used = du(home)
        size_mb = max(int((used + du(index_folder(home)) * 0.4) / 1e6) + 1, 3)
        with tmpfs(sw.root / "mnt-full2", f"{size_mb}m") as mnt:
            work = mnt / "home"
            shutil.copytree(home, work, symlinks=True)
            before = sorted(p.name for p in index_folder(work).iterdir())
            done = sw.run(work, "index", "--rebuild", timeout=BUILD_TIMEOUT)
            if done.rc == 0:
                raise Skip(f"the {size_mb} MB disk was big enough for a rebuild")
            problem = judge(done, ok=(1,))
            if problem:
                return "index --rebuild: " + problem
            if "space" not in done.err.decode():
                return f"not the space line: {done.err_text()}"
            m = re.search(r"about ([\d,.]+) (MB|kB)", done.err.decode())
            if not m:
                return f"no figure in: {done.err_text()}"
            estimate = float(m.group(1).replace(",", "")) * (1e6 if m.group(2) == "MB" else 1e3)
            real = du(index_folder(home))  # a rebuilt index is as big as the live one
            print(
                f"      disk: rebuild estimate {estimate / 1e6:.1f} MB, index {real / 1e6:.1f} MB",
                flush=True,
            )
            if not real * 0.9 <= estimate <= real * 4:
                return f"estimate {estimate / 1e6:.1f} MB for a {real / 1e6:.1f} MB index"
            if sorted(p.name for p in index_folder(work).iterdir()) != before:
                return "the old index changed"
            if len(list((work / "index").iterdir())) != 1:
                return f"folders left in index/: {[p.name for p in (work / 'index').iterdir()]}"
            return sw.same_state(work, reference)

    sw.check("disk", "full disk during index --rebuild", full_rebuild)


# --- concurrency -----------------------------------------------------------------------------


def check_concurrency(sw: Sweep, home: Path, folder: Path) -> None:
    extra = sw.report_folder("concurrent-more", 30, offset=300)

    def readers_and_writers() -> str | None:
        work = sw.copy_home(home, "home-concurrent")
        stop = time.monotonic() + 1e9
        writers = [
            subprocess.Popen(
                [sw.exe, "add", str(extra)],
                env=sw.env(work),
                start_new_session=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            ),
            subprocess.Popen(
                [sw.exe, "index"],
                env=sw.env(work),
                start_new_session=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            ),
        ]
        problems: list[str] = []
        searches = 0
        while any(w.poll() is None for w in writers) and time.monotonic() < stop:
            done = sw.run(work, "search", "营商环境", "--json", timeout=30)
            searches += 1
            problem = judge(done, ok=(0,), json_out=True)
            if problem:
                problems.append(problem)
        for w in writers:
            _, err = w.communicate(timeout=BUILD_TIMEOUT)
            if w.returncode != 0:
                problems.append(f"a writer failed: {err.decode(errors='replace').strip()[-200:]}")
        if problems:
            return f"{len(problems)} of {searches} searches/writers failed: {problems[0]}"
        state = sw.state(work)
        if isinstance(state, str):
            return state
        paths = {d[0] for d in state["docs"]}
        want = {str(p) for p in extra.iterdir()} | {str(p) for p in folder.iterdir()}
        missing = want - paths
        return f"{len(missing)} documents missing after the writers" if missing else None

    sw.check("concurrency", "searches while add and index run", readers_and_writers)

    def app_and_cli() -> str | None:
        work = sw.copy_home(home, "home-app-cli")
        newer = sw.root / "concurrent-new"
        newer.mkdir(exist_ok=True)
        (newer / "2025.md").write_text(sample_text("鹈鹕岬"), encoding="utf-8")
        import pty

        env = {
            "REPORTTUI_HOME": str(work),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "PATH": os.environ.get("PATH", ""),
            "HOME": os.environ.get("HOME", "/tmp"),
        }
        pid, fd = pty.fork()
        if pid == 0:
            try:
                os.execve(sw.exe, [sw.exe], env)
            finally:
                os._exit(127)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        written = bytearray()
        try:
            read_until(fd, written, b"\x00never", 6.0)
            add = sw.run(work, "add", str(newer), timeout=30)
            problem = judge(add, ok=(0,))
            if problem:
                return "CLI add while the app runs: " + problem
            read_until(fd, written, b"\x00never", 3.0)
            os.write(fd, b"/")
            read_until(fd, written, b"\x00never", 1.0)
            os.write(fd, "鹈鹕岬".encode())
            found = read_until(fd, written, "鹈鹕岬市".encode(), 15.0)
            alive = os.waitpid(pid, os.WNOHANG)[0] == 0
            if not alive:
                return "the app exited"
            if not found:
                return "the app did not find the document the CLI added"
            return screen_problem(bytes(written))
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
            os.close(fd)

    sw.check("concurrency", "the app and a CLI add at once", app_and_cli)

    def two_adds() -> str | None:
        work = sw.copy_home(home, "home-two-adds")
        a = sw.root / "two-a"
        b = sw.root / "two-b"
        for f, place in ((a, "鸬鹚湾"), (b, "鹭鸶滩")):
            f.mkdir(exist_ok=True)
            (f / "2025.md").write_text(sample_text(place), encoding="utf-8")
        procs = [
            subprocess.Popen(
                [sw.exe, "add", str(f)],
                env=sw.env(work),
                start_new_session=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            for f in (a, b)
        ]
        for p in procs:
            p.wait(timeout=120)
            if p.returncode != 0:
                return f"an add failed: {p.stderr.read().decode(errors='replace').strip()[-200:]}"  # type: ignore[union-attr]
        for place in ("鸬鹚湾", "鹭鸶滩"):
            done = sw.run(work, "search", place, "--json")
            if judge(done, ok=(0,), json_out=True) or not json.loads(done.out)["hits"]:
                return f"{place} lost after two concurrent adds"
        return None

    sw.check("concurrency", "two adds at once", two_adds)


# --- the terminal ----------------------------------------------------------------------------


def check_terminal(sw: Sweep) -> None:
    folder = sw.root / "hostile"
    folder.mkdir(exist_ok=True)
    plain = folder / "2025.md"
    plain.write_text(hostile_text("太原"), encoding="utf-8")
    evil_name = os.fsencode(str(folder)) + b"/\xff\x1b]0;PWNTITLE\x07\xc2\x9b31m.md"
    with open(evil_name, "wb") as out:
        out.write(hostile_text("大同").encode("utf-8"))
    evil = os.fsdecode(evil_name)
    home = sw.root / "home-hostile"
    added = sw.run(home, "add", str(folder), timeout=60)
    if added.rc != 0:
        sw.record("terminal", "add the hostile folder", added.err_text())
        return
    commands = [
        ("search", "营商环境"),
        ("search", "营商环境", "--json"),
        ("search", "红色"),
        ("docs",),
        ("docs", "--json"),
        ("outline", str(plain)),
        ("outline", str(plain), "--json"),
        ("outline", evil),
        ("outline", evil, "--json"),
        ("compare", str(plain), evil),
        ("compare", str(plain), evil, "--json"),
        ("targets", str(plain)),
        ("targets", str(plain), "--json"),
        ("targets", str(plain), "--csv"),
        ("keywords", str(plain), "--sections"),
        ("diff", str(plain), evil),
        ("explain", "营商环境"),
        ("add", str(folder)),
        ("index",),
        ("tags",),
    ]
    for args in commands:
        for color in ("0", "1"):

            def run(args: tuple[str, ...] = args, color: str = color) -> str | None:
                env = (
                    sw.env(home, FORCE_COLOR=color) if color == "1" else sw.env(home, NO_COLOR="1")
                )
                done = sw.run(home, *args, env=env, timeout=30)
                return judge(done, ok=(0,), json_out="--json" in args)

            label = " ".join(
                a if a not in (str(plain), evil) else ("PLAIN" if a == str(plain) else "EVILNAME")
                for a in args
            )
            sw.check("terminal", f"{label} (color {color})", run)

    def app() -> str | None:
        written, seen, quit_ok = app_session(
            sw,
            home,
            [str(plain)],
            [
                (b"", "倒序".encode(), 40.0),
                (b"/", b"\x00never", 1.5),
                ("营商环境".encode(), b"hits", 30.0),
                (b"", b"\x00never", 1.0),
                (b"\x1b", b"\x00never", 2.0),
                (b"\x10", b"\x00never", 1.0),
                ("回顾".encode(), b"\x00never", 2.0),
                (b"\x1b", b"\x00never", 1.0),
                (b"\x10", b"\x00never", 1.0),
                ("大同".encode(), b"\x00never", 3.0),
            ],
        )
        if not seen[0]:
            return "the reader did not show the report"
        problem = screen_problem(written)
        if problem:
            return problem
        if b"PWNTITLE\x07" in written or b"\x1b]0;PWNTITLE" in written:
            return "a file name's escape reached the terminal"
        return None if quit_ok else "the app did not quit on q"

    sw.check("terminal", "the app: reader, search, palette (pty)", app)

    def app_library() -> str | None:
        written, _seen, quit_ok = app_session(
            sw,
            home,
            [],
            [(b"", b"\x00never", 8.0), (b"j", b"\x00never", 1.0), (b"\r", b"\x00never", 3.0)],
        )
        problem = screen_problem(written)
        if problem:
            return problem
        return None if quit_ok else "the app did not quit on q"

    sw.check("terminal", "the app: library list and open (pty)", app_library)


# --- main ------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--exe", default=None, help="the reporttui to test (default: beside python)")
    ap.add_argument("--corpus", default="/tmp/corpus", type=Path)
    ap.add_argument("--quick", action="store_true", help="leave out kills and concurrency")
    ap.add_argument("--only", default="", help="comma-separated categories")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args(argv)
    exe = args.exe or str(Path(sys.executable).parent / "reporttui")
    if not Path(exe).exists():
        exe = shutil.which("reporttui") or exe
    root = Path(tempfile.mkdtemp(prefix="reporttui-sweep-"))
    os.chmod(root, 0o755)
    sw = Sweep(exe=exe, root=root, corpus=args.corpus)
    only = {c.strip() for c in args.only.split(",") if c.strip()}

    def wanted(c: str) -> bool:
        return (not only or c in only) and not (args.quick and c in ("kills", "concurrency"))

    start = time.monotonic()
    print(f"fault sweep of {exe} in {root}", flush=True)
    try:
        folder = sw.report_folder("reports", 12)
        home = sw.built_home("home-base", folder)
        reference = sw.state(home)
        if isinstance(reference, str):
            raise SystemExit(f"the base library is not searchable: {reference}")
        if wanted("terminal"):
            check_terminal(sw)
        if wanted("files"):
            check_files(sw)
        if wanted("folders"):
            check_folders(sw)
        if wanted("queries"):
            check_queries(sw, home)
        if wanted("damage"):
            check_damage(sw, home, reference, folder)
        if wanted("paths"):
            check_paths(sw, home, reference)
        if wanted("disk"):
            check_disks(sw, home, reference, folder)
        if wanted("concurrency"):
            check_concurrency(sw, home, folder)
        if wanted("kills"):
            check_kills(sw)
    finally:
        for mnt in root.glob("mnt-*"):
            subprocess.run(["umount", "-l", str(mnt)], capture_output=True)
        if not args.keep:
            for p in root.rglob("*"):
                with contextlib.suppress(OSError):
                    if p.is_dir() and not p.is_symlink():
                        os.chmod(p, 0o755)
            shutil.rmtree(root, ignore_errors=True)
    counts = {s: sum(r.status == s for r in sw.results) for s in ("PASS", "FAIL", "SKIP")}
    by_cat: dict[str, list[int]] = {}
    for r in sw.results:
        c = by_cat.setdefault(r.category, [0, 0, 0])
        c[("PASS", "FAIL", "SKIP").index(r.status)] += 1
    print()
    for cat, (p, f, s) in by_cat.items():
        print(f"  {cat:11} {p + f + s:4} checks  {f:3} failed  {s:3} skipped")
    print(
        f"TOTAL {len(sw.results)} checks: {counts['PASS']} passed, {counts['FAIL']} failed, "
        f"{counts['SKIP']} skipped ({time.monotonic() - start:.0f} s)"
    )
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
