"""The core never imports the UI: prove it in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import reporttui.core


def _core_modules() -> list[str]:
    return sorted(
        m.name
        for m in pkgutil.walk_packages(reporttui.core.__path__, "reporttui.core.")
        if not m.name.rsplit(".", 1)[-1].startswith("_")
    )


def test_core_modules_exist() -> None:
    modules = _core_modules()
    for expected in (
        "model",
        "text.ingest",
        "search.search",
        "library.library",
        "analysis.compare",
    ):
        assert f"reporttui.core.{expected}" in modules


def test_core_never_imports_textual_or_rich() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {_core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core pulled in UI modules: {out.stdout.strip()}"


def test_importing_the_core_loads_no_jieba_dictionary() -> None:
    """Importing is cheap: jieba's dictionary loads only when first needed (in a worker)."""
    code = (
        "import importlib, sys\n"
        f"for name in {_core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "from reporttui.core.index import segment\n"
        "print(segment.is_loaded(), 'jieba.analyse' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
