"""Bytes to text: pick the encoding of a report file, or refuse it with one clear line.

Reports arrive as UTF-8 (with or without BOM), GB18030/GBK (older government sites), Big5
(Traditional-script sites) or UTF-16 with or without a BOM (Windows exports). Without a BOM,
UTF-16 is recognised by what it decodes to (Chinese, ASCII and punctuation only), and Big5 is
told from GB18030 by character statistics: both decode almost any byte string, but only the
right one yields the most frequent Chinese characters at their usual rate. Anything else that
does not decode, or that looks binary, is an error naming the file: guessing would put
mojibake into the index.
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

# The most frequent characters of Chinese prose, in both scripts where they differ: a right
# decoding has roughly one in five of its Chinese characters here, a wrong one almost none.
_FREQUENT = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体"
    "制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内"
    "數這為國們來時會發說產種後動過經實點業從當關還應開與間樣區體進學現錢對頭見長問"
)
_CJK_CHAR = re.compile("[\u4e00-\u9fff]")
_UTF16_PLAUSIBLE = re.compile(
    "[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\x20-\x7e\t\n\r\u2018-\u201d\u2026]"
)


_DOCUMENT_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document: convert it to text first (e.g. pdftotext)"),
    (b"PK\x03\x04", "a zip archive (a .docx, .xlsx or .zip): save it as text first"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Office document (.doc, .xls): save it as text first",
    ),
    (b"{\\rtf", "an RTF document: save it as plain text first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)
"""Formats a report is often received in that are not text: named in the error, because a tiny
PDF or an RTF file can otherwise decode as (garbled) GB18030 and be indexed as a report."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded source: its text and the encoding that produced it."""

    text: str
    encoding: str


def decode_bytes(data: bytes, name: str = "<text>") -> Decoded:
    """Decode ``data``; raise :class:`ReportFileError` (naming ``name``) when it is not text."""
    if not data.strip():
        raise ReportFileError(f"{name} is empty")
    for signature, what in _DOCUMENT_SIGNATURES:
        if data.startswith(signature):
            raise ReportFileError(f"{name} looks like a binary file, not a text report: {what}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReportFileError(f"cannot decode {name} as {encoding}: {exc.reason}") from None
            return _checked(text.lstrip("\ufeff"), encoding, name)
    head = data[:4096]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _checked(utf16[0], utf16[1], name)
        if head.count(b"\x00") > max(2, len(head) // 1000):
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
    utf16 = _utf16_without_bom(data)  # Chinese-only UTF-16 has no NUL bytes
    if utf16 is not None:
        return _checked(utf16[0], utf16[1], name)
    gb = _try(data, "gb18030")
    big5 = _try(data, "big5hkscs")
    if big5 is not None and (gb is None or _frequent_rate(big5) > 2 * _frequent_rate(gb) + 0.02):
        return _checked(big5, "big5", name)
    if gb is not None:
        return _checked(gb, "gb18030", name)
    # safety: UTF-8 with a few corrupt bytes (a damaged copy) that no other encoding reads is
    # still UTF-8: the bad bytes become U+FFFD instead of the whole report being refused.
    replaced = data.decode("utf-8", "replace")
    if replaced.count("\ufffd") <= len(data) // 100:
        return _checked(replaced, "utf-8", name)
    raise ReportFileError(
        f"cannot decode {name}: not UTF-8, GB18030, Big5 or UTF-16 text"
    ) from None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _frequent_rate(text: str) -> float:
    """Share of the Chinese characters in a sample that are among the most frequent ones."""
    sample = _CJK_CHAR.findall(text[:20000])
    if not sample:
        return 0.0
    return sum(1 for ch in sample if ch in _FREQUENT) / len(sample)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a BOM: the byte order whose decoding is plausible Chinese text."""
    if len(data) < 8 or len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        text = _try(data, encoding)
        if text is None:
            continue
        sample = text[:4000]
        plausible = len(_UTF16_PLAUSIBLE.findall(sample)) / len(sample)
        good = plausible >= 0.97 and _CJK_CHAR.search(sample) and _frequent_rate(sample) >= 0.08
        if good and (best is None or plausible > best[0]):
            best = (plausible, text, encoding)
    return (best[1], best[2]) if best else None


def _checked(text: str, encoding: str, name: str) -> Decoded:
    """Refuse text that decoded but is mostly control characters (a binary file by accident)."""
    sample = text[:8192]
    controls = len(_BINARY_CONTROLS.findall(sample))
    if controls > max(2, len(sample) // 100):
        raise ReportFileError(f"{name} looks like a binary file, not a text report")
    if not text.strip():
        raise ReportFileError(f"{name} is empty")
    return Decoded(text, encoding)
