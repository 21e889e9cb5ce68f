"""Shared fixtures: the seed reports (parsed once) and the real corpus (unpacked once, if present)."""

from __future__ import annotations

import fcntl
import functools
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reporttui.core.model import Document
from reporttui.core.paths import seed_files

ROOT = Path(__file__).resolve().parents[1]
CORPUS_TARBALL = ROOT.parent / "shared" / "corpus" / "gov-reports.tar.xz"


def seed_path(number: int) -> Path:
    """The seed file whose name starts with ``000``, ``001``..."""
    prefix = f"{number:03d}_"
    return next(p for p in seed_files() if p.name.startswith(prefix))


@functools.cache
def seed_doc(number: int) -> Document:
    """The parsed seed ``number`` (cached: documents are immutable)."""
    from reporttui.core.text.ingest import load_document

    return load_document(seed_path(number))


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The 3,004-report corpus unpacked into a temporary folder; skips when the tarball is absent.

    Unpacked once per test run: the xdist workers share the folder (the first one to take the
    lock unpacks, the others wait for it).
    """
    if not CORPUS_TARBALL.exists():
        pytest.skip(f"corpus not found at {CORPUS_TARBALL}")
    shared = tmp_path_factory.getbasetemp().parent  # the same for every xdist worker of a run
    target = shared / "corpus"
    done = shared / "corpus.done"
    with open(shared / "corpus.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir()
            tar_bin = shutil.which("tar")
            unpacked = tar_bin is not None and (
                subprocess.run(
                    [tar_bin, "-xJf", str(CORPUS_TARBALL), "-C", str(target), "--no-same-owner"],
                    capture_output=True,
                ).returncode
                == 0
            )
            if not unpacked:  # no tar (or no xz for it): Python's tarfile, about 3x slower
                shutil.rmtree(target, ignore_errors=True)
                target.mkdir()
                with tarfile.open(CORPUS_TARBALL) as tar:
                    if sys.version_info >= (3, 12):
                        tar.extractall(target, filter="data")
                    else:
                        tar.extractall(target)
            done.touch()
    yield target


@pytest.fixture(autouse=True)
def _no_user_tables_left_over() -> Iterator[None]:
    """A command run in-process (CliRunner, the app) points the user tables at its home for the
    rest of the process: each test starts from no home chosen."""
    from reporttui.core.analysis.tables import use_home

    use_home(None)
    yield
    use_home(None)


@pytest.fixture(scope="session")
def app_home() -> Iterator[Path]:
    """A library home with the seeds indexed, shared by the app tests of one process."""
    from test_app_support import indexed_home

    home = indexed_home()
    yield home
    shutil.rmtree(home, ignore_errors=True)
