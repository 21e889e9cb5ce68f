"""jieba, loaded once and quietly.

jieba logs to stderr at DEBUG (which garbles a TUI) and takes ~0.6 s to load its dictionary, so
it is imported lazily, its logger silenced first, and the app loads it in a worker.
Never import ``jieba.analyse`` (slow, and its Whoosh analyzer stores wrong positions).
"""

from __future__ import annotations

import logging
import sys
import threading
from typing import Any

_lock = threading.Lock()
_import_lock = threading.Lock()
_tokenizer: Any = None


def import_jieba() -> Any:
    """The ``jieba`` module, imported without ``pkg_resources`` (quietly).

    jieba imports ``pkg_resources`` only to open its own data files and falls back to a plain
    ``open`` beside its module when that import fails; ``pkg_resources`` scans every installed
    distribution at import (~0.1 s, most of importing jieba). The same files are read either way.

    speed (issue 11, round 14): a search calls this for every query (the jieba words of the
    query); the logger's level is set only when it is below WARNING (``setLevel`` clears the
    level cache of every logger of the process: ~0.1-0.3 ms a query, and it set WARNING back
    over the CRITICAL :func:`jieba_tokenizer` had chosen).
    """
    log = logging.getLogger("jieba")
    if log.level < logging.WARNING:  # (NOTSET, DEBUG, INFO: as set before, or never set)
        log.setLevel(logging.WARNING)
    with _import_lock:  # (a module another thread is importing waits in the import below)
        hide = "jieba" not in sys.modules and "pkg_resources" not in sys.modules
        if hide:
            sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import -> ImportError
        try:
            # jieba imports its HMM tables (finalseg, ~7 ms) at import; they are used only when
            # a run of characters is no dictionary word: imported then (scale, issue 11).
            from reporttui.core.index.lightimports import standing_in

            with standing_in("jieba.finalseg"):  # (nothing when jieba is imported already)
                import jieba
        finally:
            if hide and sys.modules.get("pkg_resources", 0) is None:
                del sys.modules["pkg_resources"]
    return jieba


def jieba_tokenizer() -> Any:
    """The shared, initialised ``jieba.Tokenizer`` (loads the dictionary on first call)."""
    global _tokenizer
    if _tokenizer is not None:
        return _tokenizer
    with _lock:
        if _tokenizer is None:
            # safety: CRITICAL, not WARNING: jieba logs a full traceback at ERROR when it cannot
            # write its own cache (/tmp/jieba.cache owned by another user), which is harmless.
            logging.getLogger("jieba").setLevel(logging.CRITICAL)
            jieba = import_jieba()
            jieba.setLogLevel(logging.CRITICAL)
            tok = jieba.Tokenizer()
            tok.initialize()
            _tokenizer = tok
    return _tokenizer


def is_loaded() -> bool:
    return _tokenizer is not None


def cut(text: str) -> list[str]:
    """jieba accurate-mode words of ``text`` (HMM on)."""
    return list(jieba_tokenizer().cut(text))


def cut_for_search(text: str) -> list[str]:
    """jieba search-mode words (long words plus their sub-words)."""
    return list(jieba_tokenizer().cut_for_search(text))
