#!/usr/bin/env python3
"""Set up and run reporttui from a checkout, with nothing but python3.

    python3 dev.py            # make .venv, install reporttui into it, open the bundled reports
    python3 dev.py test       # make .venv, install reporttui + test tools, run the whole test suite
    python3 dev.py run ARGS   # any reporttui command line, e.g. `python3 dev.py run search 林麝`

Everything goes into ./.venv, so it works where the system pip refuses to install (PEP 668).
If the interpreter has no ensurepip (Debian without python3-venv), pip is brought from PyPI.
The install is redone only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".reporttui-installed"


def say(msg: str) -> None:
    print(f"dev.py: {msg}", file=sys.stderr, flush=True)


def run(cmd: list[str], **kw: object) -> None:
    result = subprocess.run(cmd, **kw)  # type: ignore[call-overload]
    if result.returncode:
        say(f"failed ({result.returncode}): {' '.join(map(str, cmd))}")
        sys.exit(result.returncode)


def bootstrap_pip() -> None:
    """Install pip into a venv made without it, from the wheel on PyPI."""
    say("this python has no ensurepip; fetching pip from PyPI")
    with urllib.request.urlopen("https://pypi.org/pypi/pip/json", timeout=60) as resp:
        info = json.load(resp)
        base = resp.geturl()
    wheel = next(u for u in info["urls"] if u["filename"].endswith(".whl"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / wheel["filename"]
        # Mirrors may answer with links relative to the JSON document.
        with urllib.request.urlopen(urllib.parse.urljoin(base, wheel["url"]), timeout=120) as resp:
            path.write_bytes(resp.read())
        run([str(PY), f"{path}/pip", "install", "-q", str(path)])


def ensure_venv() -> None:
    if not PY.exists():
        say("creating .venv")
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except Exception:  # noqa: BLE001 - no ensurepip: fall back to a pip-less venv
            venv.EnvBuilder(with_pip=False, clear=True).create(VENV)
        if subprocess.run([str(PY), "-m", "pip", "--version"], capture_output=True).returncode:
            bootstrap_pip()
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == want:
        return
    say("installing reporttui and its dependencies into .venv")
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    run([str(PY), "-m", "pip", "install", "-q", "-e", f"{ROOT}[test]"], env=env)
    STAMP.write_text(want)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "app"
    ensure_venv()
    if command == "setup":
        return 0
    if command == "test":
        return subprocess.call([str(PY), "-m", "pytest", *argv[1:]], cwd=ROOT)
    if command == "app":
        return subprocess.call([str(BIN / "reporttui"), *argv[1:]])
    if command == "run":
        return subprocess.call([str(BIN / "reporttui"), *argv[1:]])
    say(f"unknown command {command!r}: use app, test, run or setup")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
