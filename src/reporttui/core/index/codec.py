"""The Whoosh codec of the library index: Whoosh's W3 with smaller stored rows.

Every row (paragraph or heading) stores what a search hit shows: the document's path, title,
region, year and kind, its section, paragraph number and text. Most of that is the same for all
rows of a document, and Whoosh compresses each row on its own, so it stored those strings once
per paragraph (about a third of the stored bytes), and Chinese text in UTF-8 (3 bytes a
character). Here a row stores only the fields that differ from its document's first row in the
segment (the *base* row, named by its row number), and the text in GB18030 (2 bytes a CJK
character, lossless for all of Unicode). Reading gives back the same dict as Whoosh would:
:meth:`RowPerDocReader.stored_fields` merges the base row under the row's own fields.

Stored rows of this codec (on-disk format, see ``schema.SCHEMA_VERSION``): a dict with the
row's own fields, plus ``"\\0b"`` (the base row's number) when it has a base, ``"\\0m"`` (a tuple
of base fields the row does not have) when needed, and ``"\\0t"`` (the text, GB18030 bytes) in
place of ``"text"``.
"""

from __future__ import annotations

import pickle
from typing import Any

from whoosh.codec import whoosh3
from whoosh.codec.whoosh3 import W3Codec

_w3: Any = whoosh3  # the per-document classes are not in the project's Whoosh stubs
STORED_COLUMN: Any = _w3.STORED_COLUMN
W3PerDocWriter: Any = _w3.W3PerDocWriter
W3PerDocReader: Any = _w3.W3PerDocReader

BASE = "\0b"
MISSING = "\0m"
TEXT = "\0t"
TEXT_ENCODING = "gb18030"
_FACTORED_BY = "doc_id"
"""Rows with the same value of this field share a base row."""


def encode_row(
    row: dict[str, Any], base: dict[str, Any] | None, base_docnum: int
) -> dict[str, Any]:
    """The dict to store for ``row`` given its document's ``base`` row (None: it is the base)."""
    out = dict(row)
    text = out.pop("text", None)
    if base is not None:
        for k, v in row.items():
            if k != "text" and k in base and base[k] == v:
                del out[k]
        missing = tuple(k for k in base if k not in row and k != "text")
        if missing:
            out[MISSING] = missing
        out[BASE] = base_docnum
    if isinstance(text, str):
        out[TEXT] = text.encode(TEXT_ENCODING)
    elif text is not None:
        out["text"] = text
    return out


def decode_row(stored: dict[str, Any], base: dict[str, Any] | None) -> dict[str, Any]:
    """Whoosh's stored dict back from :func:`encode_row`'s (``base``: the decoded base row)."""
    if base is not None:
        out = {k: v for k, v in base.items() if k != "text"}
        for k in stored.get(MISSING, ()):
            out.pop(k, None)
    else:
        out = {}
    for k, v in stored.items():
        if k == TEXT:
            out["text"] = v.decode(TEXT_ENCODING)
        elif k not in (BASE, MISSING):
            out[k] = v
    return out


class RowPerDocWriter(W3PerDocWriter):  # type: ignore[misc]
    """W3's per-document writer, storing rows as :func:`encode_row` makes them."""

    def __init__(self, codec: Any, storage: Any, segment: Any) -> None:
        super().__init__(codec, storage, segment)
        self._base_key: object = None
        self._base_row: dict[str, Any] | None = None
        self._base_docnum = -1

    def finish_doc(self) -> None:
        sf = self._storedfields
        if sf:
            key = sf.get(_FACTORED_BY)
            if key is not None and key == self._base_key and self._base_row is not None:
                stored = encode_row(sf, self._base_row, self._base_docnum)
            else:
                self._base_key, self._base_row = key, dict(sf)
                self._base_docnum = self._docnum
                stored = encode_row(sf, None, -1)
            # Pickled here at protocol 5 (Whoosh's column pickles at protocol 2, which stores
            # bytes as a latin-1 string: 2 bytes for each byte over 127); its reader loads any.
            self._get_column("_stored")._child.add(self._docnum, pickle.dumps(stored, 5))
            sf.clear()
        self._indoc = False


class RowPerDocReader(W3PerDocReader):  # type: ignore[misc]
    """W3's per-document reader, giving back whole rows (see :func:`decode_row`)."""

    def stored_fields(self, docnum: int) -> dict[str, Any]:
        reader = self._cached_reader("_stored", STORED_COLUMN)
        v = reader[docnum]
        if not v:
            return {}
        base = None
        at = v.get(BASE)
        if at is not None:
            b = reader[at]
            base = decode_row(b, None) if b else {}
        return decode_row(v, base)


class RowCodec(W3Codec):
    """W3 with :class:`RowPerDocWriter` / :class:`RowPerDocReader` (postings unchanged: the
    text fields' postings are the project's own, see postings.py)."""

    def per_document_writer(self, storage: Any, segment: Any) -> Any:
        return RowPerDocWriter(self, storage, segment)

    def per_document_reader(self, storage: Any, segment: Any) -> Any:
        return RowPerDocReader(storage, segment)
