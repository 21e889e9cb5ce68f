"""Shipped data tables that a user may extend: TOML in the package, overridden from the home.

``load_table("indicators")`` reads ``reporttui/core/data/indicators.toml`` and then, if present,
``<library home>/indicators.toml``; entries of the user's file with a known key replace the shipped
ones, others are appended. A broken user file is reported (ValueError with the file and line), never
silently ignored, and never makes the shipped table unusable for the caller that catches it.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]


def _parse(text: str, where: str) -> dict[str, Any]:
    try:
        data: dict[str, Any] = tomllib.loads(text)
        return data
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{where}: {error}") from None


_ACTIVE_HOME: list[Path] = []
"""The library home a command works on (set by :func:`use_home`), before $REPORTTUI_HOME."""


def use_home(home: Path | None) -> None:
    """Read user tables from ``home`` from now on (the CLI's --home, the app's library)."""
    wanted = [Path(home)] if home is not None else []
    if wanted == _ACTIVE_HOME:
        return
    _ACTIVE_HOME[:] = wanted
    from reporttui.core.analysis import targets, themes

    targets.indicator_table.cache_clear()
    targets._indicator_re.cache_clear()
    themes.taxonomy.cache_clear()
    themes._matcher.cache_clear()


def user_file(name: str, home: Path | None = None) -> Path | None:
    """``<home>/<name>.toml`` (home: the library home), or None when there is no home to read."""
    from reporttui.core.paths import library_home

    try:
        base = home if home is not None else (_ACTIVE_HOME[0] if _ACTIVE_HOME else library_home())
    except Exception:
        return None
    return base / f"{name}.toml"


def load_table(
    name: str, list_key: str, id_key: str = "name", home: Path | None = None
) -> list[dict[str, Any]]:
    """The entries under ``list_key`` of the shipped table, merged with the user's (see module doc)."""
    shipped = (resources.files("reporttui.core") / "data" / f"{name}.toml").read_text("utf-8")
    entries: list[dict[str, Any]] = list(_parse(shipped, f"{name}.toml").get(list_key, []))
    path = user_file(name, home)
    if path is not None and path.is_file():
        extra = _parse(path.read_text("utf-8"), str(path)).get(list_key, [])
        index = {e.get(id_key): n for n, e in enumerate(entries)}
        for entry in extra:
            if not isinstance(entry, dict) or id_key not in entry:
                raise ValueError(f"{path}: every [[{list_key}]] needs a {id_key}")
            if entry[id_key] in index:
                entries[index[entry[id_key]]] = entry
            else:
                index[entry[id_key]] = len(entries)
                entries.append(entry)
    return entries
