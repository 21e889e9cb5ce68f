#!/usr/bin/env python3
"""Set up and run reporttui from a checkout, with nothing but python3.

    python3 dev.py            # make .venv, install reporttui into it, open the bundled reports
    python3 dev.py test       # make .venv, install reporttui + dev tools, run the checks and the suite
    python3 dev.py check      # only the checks: ruff format, ruff lint, mypy, import contracts
    python3 dev.py run ARGS   # any reporttui command line, e.g. `python3 dev.py run search 林麝`
    python3 dev.py lock       # re-resolve requirements.lock from pyproject.toml (needs the network)

Everything goes into ./.venv, so it works where the system pip refuses to install (PEP 668).
Dependencies are installed from requirements.lock (exact versions, sha256 hashes checked by pip);
reporttui itself is installed editable on top. If the interpreter has no ensurepip (Debian without
python3-venv), pip is brought from PyPI and its sha256 checked against the one PyPI publishes.
The install is redone only when pyproject.toml or requirements.lock changes.
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
LOCK = ROOT / "requirements.lock"
LINT_PATHS = ["src", "tests", "benchmarks", "scripts", "dev.py"]


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
            data = resp.read()
        want = wheel.get("digests", {}).get("sha256")
        got = hashlib.sha256(data).hexdigest()
        if not want or got != want:
            say(f"refusing {wheel['filename']}: sha256 {got} is not the published {want}")
            sys.exit(1)
        path.write_bytes(data)
        run([str(PY), f"{path}/pip", "install", "-q", str(path)])


def ensure_venv() -> None:
    if not PY.exists():
        say("creating .venv")
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except Exception:
            venv.EnvBuilder(with_pip=False, clear=True).create(VENV)
        if subprocess.run([str(PY), "-m", "pip", "--version"], capture_output=True).returncode:
            bootstrap_pip()
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    if LOCK.exists():
        digest.update(LOCK.read_bytes())
    want = digest.hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == want:
        return
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    pip = [str(PY), "-m", "pip", "install", "-q"]
    if LOCK.exists():
        stale = unlocked_requirements()
        if stale:
            say(f"requirements.lock lacks {', '.join(stale)}: run `python3 dev.py lock`")
            sys.exit(1)
        say("installing the locked dependencies (requirements.lock) and reporttui into .venv")
        run([*pip, "--require-hashes", "--no-deps", "-r", str(LOCK)], env=env)
        run([*pip, "--no-deps", "--no-build-isolation", "-e", str(ROOT)], env=env)
    else:
        say("no requirements.lock: installing reporttui and its newest allowed dependencies")
        run([*pip, "-e", f"{ROOT}[test,dev]"], env=env)
    STAMP.write_text(want)


def unlocked_requirements() -> list[str]:
    """Names that pyproject.toml requires (with the test and dev extras) but the lock lacks."""
    import re

    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in ("test", "dev"):
        wanted += project.get("optional-dependencies", {}).get(extra, [])
    locked = {
        re.sub(r"[-_.]+", "-", line.split("==")[0].strip().lower())
        for line in LOCK.read_text("utf-8").splitlines()
        if "==" in line and not line.startswith((" ", "#"))
    }
    names = []
    for req in wanted:
        if ";" in req and "python_version" in req:
            continue  # a marker for another interpreter: the lock is made on this one
        name = re.sub(r"[-_.]+", "-", re.split(r"[\s<>=!~\[;]", req, maxsplit=1)[0].lower())
        if name not in locked:
            names.append(name)
    return names


def checks() -> int:
    """Format, lint, types and import contracts; every step runs, the first failure is returned."""
    steps = [
        ("ruff format", [str(BIN / "ruff"), "format", "--check", "-q", *LINT_PATHS]),
        ("ruff check", [str(BIN / "ruff"), "check", "-q", *LINT_PATHS]),
        ("mypy", [str(BIN / "mypy")]),
        ("import contracts", [str(BIN / "lint-imports")]),
    ]
    failed = 0
    for name, cmd in steps:
        code = subprocess.call(cmd, cwd=ROOT)
        say(f"{name}: {'ok' if code == 0 else f'FAILED ({code})'}")
        failed = failed or code
    return failed


def lock() -> int:
    """Resolve pyproject.toml's dependencies (with the test and dev extras) into requirements.lock."""
    run([str(PY), "-m", "pip", "install", "-q", "pip-tools==7.6.2"])
    return subprocess.call(
        [
            str(BIN / "pip-compile"),
            "-q",
            "--generate-hashes",
            "--allow-unsafe",
            "--strip-extras",
            "--extra",
            "test",
            "--extra",
            "dev",
            "--build-deps-for",
            "editable",
            "--no-emit-index-url",
            "--no-emit-find-links",
            "-o",
            str(LOCK),
            "pyproject.toml",
        ],
        cwd=ROOT,
    )


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "app"
    if command == "lock" and PY.exists():
        return lock()  # the lock may be stale: that is what this command mends
    ensure_venv()
    if command == "setup":
        return 0
    if command == "test":
        failed = checks()
        code = subprocess.call([str(PY), "-m", "pytest", *argv[1:]], cwd=ROOT)
        if failed and not code:
            say("the tests passed but a check failed (see above)")
        return code or failed
    if command == "check":
        return checks()
    if command == "lock":
        return lock()
    if command == "app":
        return subprocess.call([str(BIN / "reporttui"), *argv[1:]])
    if command == "run":
        return subprocess.call([str(BIN / "reporttui"), *argv[1:]])
    say(f"unknown command {command!r}: use app, test, check, run, lock or setup")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
