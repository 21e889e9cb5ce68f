"""Character-level normalisation shared by cleaning and the no-loss check.

Only what never changes meaning: full-width digits and Latin letters become ASCII (so 2025 and
２０２５ index alike), vertical-layout punctuation becomes its horizontal form, invisible
characters go, and half-width sentence punctuation next to Chinese becomes full-width (seed 003
writes "指导,全面"). Chinese characters themselves are never changed (Traditional text stays
Traditional: converting it would be a guess about the source).
"""

from __future__ import annotations

import re

# Full-width digits and Latin letters -> ASCII; full-width percent and plus as well.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}
_FULLWIDTH.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})
_FULLWIDTH.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})
_FULLWIDTH.update({0xFF05: ord("%"), 0xFF0B: ord("+")})

# Presentation forms for vertical text (U+FE10.., U+FE30..) -> horizontal punctuation.
_VERTICAL = {
    "︐": "，",
    "︑": "、",
    "︒": "。",
    "︓": "：",
    "︔": "；",
    "︕": "！",
    "︖": "？",
    "︗": "〖",
    "︘": "〗",
    "︙": "…",
    "︰": "‥",
    "︱": "—",
    "︲": "–",
    "︳": "_",
    "︴": "_",
    "︵": "（",
    "︶": "）",
    "︷": "｛",
    "︸": "｝",
    "︹": "〔",
    "︺": "〕",
    "︻": "【",
    "︼": "】",
    "︽": "《",
    "︾": "》",
    "︿": "〈",
    "﹀": "〉",
    "﹁": "“",
    "﹂": "”",
    "﹃": "“",
    "﹄": "”",
    "﹇": "［",
    "﹈": "］",
}

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SPACES = "\u00a0\u2002\u2003\u2009\u202f\u3000"

_TABLE: dict[int, str | int | None] = dict(_FULLWIDTH)
_TABLE.update({ord(k): v for k, v in _VERTICAL.items()})
_TABLE.update({ord(ch): None for ch in _INVISIBLE})
_TABLE.update({ord(ch): " " for ch in _SPACES})

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PUNCT_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_HALF_PUNCT_NEAR_CJK = re.compile(rf"(?<=[{_CJK}”）])([,;:!?])|([,;:!?])(?=[{_CJK}“（])")
_SPACE_CJK_DIGIT = re.compile(rf"(?<=[{_CJK}])[ ]+(?=[0-9])|(?<=[0-9%])[ ]+(?=[{_CJK}])")
_FULLWIDTH_DOT = re.compile(r"(?<=[0-9])．(?=[0-9])")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def has_private_use(text: str) -> bool:
    return _PRIVATE_USE.search(text) is not None


_NEEDS_TABLE = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_TABLE)) + "]")


def normalize_chars(text: str) -> str:
    """Full-width digits/letters to ASCII, vertical punctuation to horizontal, drop invisibles."""
    if _NEEDS_TABLE.search(text):
        text = text.translate(_TABLE)
    if "．" in text:
        text = _FULLWIDTH_DOT.sub(".", text)
    return text


def private_use(text: str) -> list[str]:
    """The private-use characters (icon-font glyphs scraped from web pages) in ``text``."""
    return _PRIVATE_USE.findall(text)


def strip_private_use(text: str) -> str:
    return _PRIVATE_USE.sub("", text)


def tidy_punctuation(text: str) -> str:
    """Half-width , ; : ! ? beside Chinese -> full-width; no space between Chinese and digits."""
    if any(ch in text for ch in ",;:!?"):
        text = _HALF_PUNCT_NEAR_CJK.sub(
            lambda m: _PUNCT_HALF_TO_FULL[m.group(m.lastindex or 1)], text
        )
    if " " in text:
        text = _SPACE_CJK_DIGIT.sub("", text)
    return text


_NOT_SIGNIFICANT = re.compile(rf"[^{_CJK}0-9０-９\U00020000-\U0003134f]+")
_DIGITS = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}


def significant(text: str) -> str:
    """The characters the no-loss guarantee is about: Chinese characters and digits, in order."""
    return _NOT_SIGNIFICANT.sub("", text).translate(_DIGITS)
