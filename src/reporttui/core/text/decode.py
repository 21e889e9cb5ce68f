"""Bytes to text: pick the encoding of a report file, or refuse it with one clear line.

Reports arrive as UTF-8 (with or without BOM), GB18030/GBK (older government sites) or UTF-16
with a BOM (Windows exports). Anything else that does not decode, or that looks binary, is an
error naming the file: guessing would put mojibake into the index.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from reporttui.core.errors import ReportFileError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never occur in a text report (tab, LF, CR, FF are fine).
_BINARY_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded source: its text and the encoding that produced it."""

    text: str
    encoding: str


def decode_bytes(data: bytes, name: str = "<text>") -> Decoded:
    """Decode ``data``; raise :class:`ReportFileError` (naming ``name``) when it is not text."""
    if not data.strip():
        raise ReportFileError(f"{name} is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReportFileError(f"cannot decode {name} as {encoding}: {exc.reason}") from None
            return _checked(text.lstrip("\ufeff"), encoding, name)
    if b"\x00" in data[:4096]:
        raise ReportFileError(f"{name} looks like a binary file, not a text report")
    try:
        return _checked(data.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            # UTF-8 cut inside its last character (a truncated download): the file is UTF-8,
            # and reading it as GB18030 would turn every character into mojibake.
            if not data[: exc.start].strip():
                raise ReportFileError(f"{name} holds only a cut-off character") from None
            return _checked(data[: exc.start].decode("utf-8"), "utf-8", name)
    try:
        return _checked(data.decode("gb18030"), "gb18030", name)
    except UnicodeDecodeError:
        raise ReportFileError(
            f"cannot decode {name}: not UTF-8, GB18030 or UTF-16 text"
        ) from None


def _checked(text: str, encoding: str, name: str) -> Decoded:
    """Refuse text that decoded but is mostly control characters (a binary file by accident)."""
    sample = text[:8192]
    controls = len(_BINARY_CONTROLS.findall(sample))
    if controls > max(2, len(sample) // 100):
        raise ReportFileError(f"{name} looks like a binary file, not a text report")
    if not text.strip():
        raise ReportFileError(f"{name} is empty")
    return Decoded(text, encoding)
