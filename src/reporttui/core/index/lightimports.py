"""Keep Whoosh's import from pulling in ``urllib.request`` and ``asyncio`` (~40 ms a process).

``whoosh.compat`` does ``from urllib.request import urlretrieve`` (which imports http.client,
ssl and email) and ``whoosh.reading`` imports the ``cached_property`` package, which does
``import asyncio``. Neither is used to open an index or search it, and both cost a one-shot
``reporttui search`` process a tenth of its time. :func:`install` imports those two modules
with a small stand-in in ``sys.modules`` for the heavy one, then removes the stand-in: a later
``import asyncio`` or ``import urllib.request`` anywhere gets the real module, and the
stand-ins Whoosh keeps forward to the real module on first use. When either module is
already imported, or Whoosh is, it does nothing.

The first ``import numpy`` likewise leaves out numpy's linear algebra, which no search uses
(:func:`defer_numpy_linalg`).
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import inspect
import sys
import types
from collections.abc import Callable, Iterator
from typing import Any


class _Forwarder(types.ModuleType):
    """A module object that imports the real module it stands for on first attribute use."""

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__") or sys.modules.get(self.__name__) is self:
            raise AttributeError(attr)  # the import system's probes, and while standing in
        return getattr(importlib.import_module(self.__name__), attr)


def _iscoroutinefunction(func: object) -> bool:
    """``asyncio.iscoroutinefunction`` without importing asyncio when nothing has.

    With asyncio not imported, no function can carry its legacy coroutine marker, so
    ``inspect``'s answer is the same as asyncio's.
    """
    real = sys.modules.get("asyncio")
    if real is not None and not isinstance(real, _Forwarder):
        return bool(real.iscoroutinefunction(func))
    return inspect.iscoroutinefunction(func)


def _urlretrieve(*args: Any, **kwargs: Any) -> Any:
    """``urllib.request.urlretrieve``, imported when called."""
    from urllib.request import urlretrieve

    return urlretrieve(*args, **kwargs)


@contextlib.contextmanager
def standing_in(heavy: str, names: dict[str, Callable[..., Any]] | None = None) -> Iterator[None]:
    """While the block runs, ``import heavy`` gets a :class:`_Forwarder` holding ``names``
    (unless ``heavy`` is already imported); afterwards the real module is imported as usual."""
    if heavy in sys.modules:
        yield
        return
    stand_in = _Forwarder(heavy)
    for name, value in (names or {}).items():
        setattr(stand_in, name, value)
    sys.modules[heavy] = stand_in
    try:
        yield
    finally:
        if sys.modules.get(heavy) is stand_in:
            del sys.modules[heavy]


def _import_with(importer: str, heavy: str, names: dict[str, Callable[..., Any]]) -> None:
    """Import ``importer`` while ``heavy`` is a :class:`_Forwarder` holding ``names``."""
    if importer in sys.modules:
        return
    # On ImportError the real import (and its error) happens where Whoosh needs it.
    with standing_in(heavy, names), contextlib.suppress(ImportError):
        importlib.import_module(importer)


class _Deferred(types.ModuleType):
    """Stands in ``sys.modules`` for a module until something asks it for a name it lacks: then
    the real module is imported in its place and answers (it stays in place after that)."""

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)  # the import system's probes
        return getattr(_real(self.__name__), attr)


def _real(name: str) -> Any:
    """The real module ``name``, imported in place of its :class:`_Deferred` stand-in."""
    module = sys.modules.get(name)
    if isinstance(module, _Deferred):
        del sys.modules[name]
    return importlib.import_module(name)


MORPH_EN = "whoosh.lang.morph_en"
"""English word variations (a ~50 kB table, ~5 ms to import): ``whoosh.query.terms`` imports
``variations`` for its ``Variations`` query, which reporttui never makes (process, issue 11)."""

PORTER = "whoosh.lang.porter"
"""The Porter stemmer (13 regexes compiled at import, ~2.5 ms): ``whoosh.analysis`` imports
``stem`` for its stemming analyzers and filters, which reporttui's fields never use."""

DMETAPHONE = "whoosh.lang.dmetaphone"
"""Double Metaphone (~1 ms): imported by ``whoosh.analysis.morph`` for a filter reporttui never
uses."""


def _forward(module: str, name: str) -> Callable[..., Any]:
    """A function standing for ``module.name``: imports the real module when called."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(_real(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


_DEFERRED = {MORPH_EN: ("variations",), PORTER: ("stem",), DMETAPHONE: ("double_metaphone",)}
"""Whoosh's modules that stand deferred in ``sys.modules``, with the names Whoosh imports from
them (process, issue 11)."""


NUMPY_LINALG = "numpy.linalg"
"""numpy's linear algebra (~15 ms of CPU with the ``numpy._typing`` it imports, an eighth of
``import numpy``): numpy's own import takes four functions from it (``numpy.matrixlib`` and
``numpy.lib``'s polynomials), and nothing reporttui searches with uses them (process, issue 11)."""

_NUMPY_LINALG_NAMES = ("eigvals", "inv", "lstsq", "matrix_power")
"""The names numpy's own import takes from :data:`NUMPY_LINALG` (numpy 2.2)."""


class _NumpyFinder:
    """On the process's first ``import numpy``: steps aside, finds numpy as the import system
    would, and runs its import with :data:`NUMPY_LINALG` standing deferred (the functions numpy
    keeps from it import the real module when called; any other name asked of it imports the
    real module at once). After that import the stand-in leaves ``sys.modules``, so a later
    ``numpy.linalg`` or ``import numpy.linalg`` is the ordinary, real import."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != "numpy":
            return None
        _remove_numpy_finder()
        spec = importlib.util.find_spec(name)
        loader = getattr(spec, "loader", None)
        if spec is None or loader is None or NUMPY_LINALG in sys.modules:
            return spec
        exec_module = loader.exec_module

        def run(module: types.ModuleType) -> None:
            stand_in = _Deferred(NUMPY_LINALG)
            for fn in _NUMPY_LINALG_NAMES:
                setattr(stand_in, fn, _forward(NUMPY_LINALG, fn))
            sys.modules[NUMPY_LINALG] = stand_in
            try:
                exec_module(module)
            finally:
                with contextlib.suppress(AttributeError):
                    del loader.exec_module
                if sys.modules.get(NUMPY_LINALG) is stand_in:
                    del sys.modules[NUMPY_LINALG]

        loader.exec_module = run
        return spec


def _remove_numpy_finder() -> None:
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, _NumpyFinder)]


def defer_numpy_linalg() -> None:
    """Have the first ``import numpy`` leave :data:`NUMPY_LINALG` out (see
    :class:`_NumpyFinder`); nothing when numpy is already imported (idempotent)."""
    if "numpy" in sys.modules or any(isinstance(f, _NumpyFinder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _NumpyFinder())


def install() -> None:
    """Import whoosh.compat and cached_property without their heavy imports, defer Whoosh's
    English word modules (:data:`_DEFERRED`) and numpy's linear algebra (:func:`defer_numpy_linalg`;
    idempotent)."""
    defer_numpy_linalg()
    if "whoosh" in sys.modules:
        return
    importlib.import_module("urllib")  # the package itself is small; its request module is not
    _import_with("whoosh.compat", "urllib.request", {"urlretrieve": _urlretrieve})
    _import_with("cached_property", "asyncio", {"iscoroutinefunction": _iscoroutinefunction})
    importlib.import_module("whoosh.lang")  # (small) so that `import whoosh.lang.x as m` works
    for module, names in _DEFERRED.items():
        if module in sys.modules:
            continue
        stand_in = _Deferred(module)
        for name in names:
            setattr(stand_in, name, _forward(module, name))
        sys.modules[module] = stand_in
