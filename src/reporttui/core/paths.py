"""Where reporttui keeps things. Nothing is created at import time."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "reporttui"
HOME_ENV = "REPORTTUI_HOME"


def library_home(override: str | os.PathLike[str] | None = None) -> Path:
    """The library's own data folder: ``--home``, else ``$REPORTTUI_HOME``, else the user data dir."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def index_dir(home: Path) -> Path:
    return home / "index"


def _package_dir() -> Path:
    """The ``reporttui`` package's folder: beside its ``__init__.py`` when that is a file on disk
    (importlib.resources, with zipfile, costs ~3 ms of a one-shot search; process, issue 11)."""
    import reporttui

    init = getattr(reporttui, "__file__", None)
    if init and os.path.isfile(init):
        return Path(init).parent
    from importlib import resources

    return Path(str(resources.files("reporttui")))


def data_dir() -> Path:
    """The core's shipped data files (``reporttui/core/data``), found as :func:`_package_dir`
    finds the package: ``importlib.resources`` (its readers import zipfile) cost ~5 ms of a
    one-shot search (process, issue 11)."""
    return _package_dir() / "core" / "data"


def seeds_dir() -> Path:
    """The bundled sample reports: packaged as ``reporttui/_seeds`` in a wheel, ``seeds/`` in a checkout."""
    packaged = _package_dir() / "_seeds"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "seeds"
    return checkout


def seed_files() -> list[Path]:
    return sorted(p for p in seeds_dir().glob("*.txt") if p.is_file())
