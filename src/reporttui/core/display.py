"""The display boundary: every string that came from a document or a file system passes here
before it reaches a terminal (Rich, Textual, stdout) or JSON output.

A report file can contain terminal control sequences (``ESC]52;c;…`` writes the clipboard,
``ESC]0;…`` retitles the window, ``ESC[6n`` makes the terminal type into the shell, 8-bit CSI
``U+009B`` does the same without an ESC) and bidi overrides that reorder what is shown. Rich and
Textual print such characters as they are. :func:`safe` replaces each of them with one visible
character (ESC becomes ``␛``, other C0 controls their control pictures ``␀``…``␟``, DEL ``␡``,
C1 controls and bidi overrides ``�``), so lengths, and the character spans of search hits, are
unchanged. :func:`safe_path` also shows undecodable bytes of a file name (``os.fsdecode``'s
surrogates) as ``\\xNN``. :func:`json_dumps` writes JSON that is valid UTF-8 and has every control
character escaped.

Core module: no Rich or Textual here, so the CLI and the app share one definition.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from reporttui.core import lazyre

__all__ = ["has_unsafe", "json_dumps", "safe", "safe_line", "safe_path"]

ESC_SHOWN = "\u241b"
"""``␛``, SYMBOL FOR ESCAPE: how ESC (and 8-bit CSI) is shown."""
REPLACEMENT = "\ufffd"

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Embeddings, overrides and isolates: they reorder the text shown after them."""
_UNSAFE = lazyre.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + _BIDI + "\ud800-\udfff]")
_UNSAFE_LINE = lazyre.compile("[\x00-\x1f\x7f-\x9f" + _BIDI + "\ud800-\udfff]")
_SURROGATE = lazyre.compile("[\udc80-\udcff]")
_JSON_ESCAPE = lazyre.compile("[\x7f-\x9f" + _BIDI + "\u2028\u2029]")


def _shown(char: str) -> str:
    code = ord(char)
    if code == 0x1B or code == 0x9B:
        return ESC_SHOWN
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return REPLACEMENT


def _shown_match(match: re.Match[str]) -> str:
    return _shown(match.group())


def has_unsafe(text: str) -> bool:
    """True when ``text`` holds a character :func:`safe` would replace (``\\n``/``\\t`` allowed)."""
    return _UNSAFE.search(text) is not None


def safe(text: str | None) -> str:
    """``text`` fit for a terminal: one visible character for each control character.

    Keeps ``\\n`` and ``\\t`` (layout needs them); the result has the same length as ``text``.
    """
    if not text:
        return text or ""
    return _UNSAFE.sub(_shown_match, text)


def safe_line(text: str | None) -> str:
    """Like :func:`safe` for one-line fields (titles, names, messages): newlines shown too, and
    a file name's undecodable bytes (``os.fsdecode`` surrogates) as ``\\xNN``."""
    if not text:
        return text or ""
    return _UNSAFE_LINE.sub(_shown_match, _SURROGATE.sub(_bytes_shown, text))


def _bytes_shown(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()) - 0xDC00:02x}"


def safe_path(path: os.PathLike[str] | str | bytes | None) -> str:
    """A path for display: undecodable bytes as ``\\xNN``, control characters made visible."""
    if path is None:
        return ""
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    text = os.fspath(path)
    if not isinstance(text, str):  # pragma: no cover - a bytes PathLike
        text = os.fsdecode(text)
    return safe_line(text)


def _clean_strings(value: Any) -> Any:
    """Strings in a JSON-able value with lone surrogates made visible (a path's raw bytes)."""
    if isinstance(value, str):
        if _SURROGATE.search(value) or re.search("[\ud800-\udfff]", value):
            return re.sub("[\ud800-\udfff]", REPLACEMENT, _SURROGATE.sub(_bytes_shown, value))
        return value
    if isinstance(value, dict):
        return {_clean_strings(k): _clean_strings(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean_strings(v) for v in value]
    return value


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_dumps(value: Any, **kwargs: Any) -> str:
    """JSON text that is valid UTF-8 and safe to print: every control character escaped.

    ``json.dumps(ensure_ascii=False)`` escapes C0 controls but writes DEL, C1 controls (8-bit
    CSI) and bidi overrides raw, and fails on lone surrogates; here they are ``\\uXXXX`` escapes
    (they can only occur inside JSON strings, where an escape means the same character).
    """
    kwargs.setdefault("ensure_ascii", False)
    text = json.dumps(_clean_strings(value), **kwargs)
    return _JSON_ESCAPE.sub(_json_escape, text)
