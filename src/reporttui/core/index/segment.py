"""jieba, loaded once and quietly.

jieba logs to stderr at DEBUG (which garbles a TUI) and takes ~0.6 s to load its dictionary, so
it is imported lazily, its logger silenced first, and the app loads it in a worker.
Never import ``jieba.analyse`` (slow, and its Whoosh analyzer stores wrong positions).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

_lock = threading.Lock()
_tokenizer: Any = None


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
            import jieba

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
