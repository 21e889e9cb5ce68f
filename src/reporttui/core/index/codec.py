"""The Whoosh codec of the library index: Whoosh's W3 with smaller stored rows.

Every row (paragraph or heading) stores what a search hit shows: the document's path, title,
region, year and kind, its section, paragraph number and text. Most of that is the same for all
rows of a document, and Whoosh compresses each row on its own, so it stored those strings once
per paragraph (about a third of the stored bytes), and Chinese text in UTF-8 (3 bytes a
character). Here a row stores only the fields that differ from its document's first row in the
segment (the *base* row, named by its row number), and the text in GB18030 (2 bytes a CJK
character, lossless for all of Unicode). Reading gives back the same dict as Whoosh would:
:meth:`RowPerDocReader.stored_fields` merges the base row under the row's own fields.

A row's section path is the same as the row before it in most rows (a section's paragraphs),
and was a quarter of the stored bytes: a row whose path is that of the row before (and not the
base row's) stores instead ``"\\0s"``, the number of the first row of that run, which stores the
path itself; reading it costs one more row read, like the base row.

The text is kept in UTF-8 and compressed with Zstandard and a dictionary trained on the
segment's own rows (storage, issue 11: chosen for reading). Rows are held back until
:data:`TRAIN_BYTES` of text have come (or the segment ends), a dictionary of up to
:data:`ZDICT_BYTES` is trained on them (a segment too small to train on gets the opening of its
text as a raw-content dictionary, one with less than :data:`MIN_DICT_SAMPLE` bytes none), kept
once in the segment's first row, and the rows are written in order. On corpus segments the text
is about the size of round 7's (GB18030 deflated with a 32 KB preset dictionary: 7.30 against
7.23 MB on a 12 MB segment) and decodes in ~2.2 µs a row instead of ~5.8 (one decompression
with the segment's prepared dictionary, no inflater set up per row, UTF-8 instead of GB18030).
A row whose compressed text would not be shorter keeps its UTF-8 bytes. Lone surrogates
round-trip (``surrogatepass``).

Stored rows of this codec (on-disk format, see ``schema.SCHEMA_VERSION``): a dict with the
row's own fields, plus ``"\\0b"`` (the base row's number) when it has a base, ``"\\0m"`` (a tuple
of base fields the row does not have) when needed, ``"\\0s"`` (the row holding its section
path) when needed, and in place of ``"text"`` either ``"\\0z"`` (the UTF-8 text compressed with
the segment's dictionary, a Zstandard frame with its content size) or ``"\\0t"`` (UTF-8 bytes);
the segment's first row also holds ``"\\0d"``, the dictionary (when the segment has one). The
dicts are pickled (protocol 5) into an uncompressed column (:data:`ROWS_COLUMN`).
"""

from __future__ import annotations

import bisect
import importlib
import itertools
import os
import pickle
import struct
import sys
import threading
from array import array
from typing import Any

import zstandard
from whoosh.codec import whoosh3
from whoosh.codec.whoosh3 import W3Codec

_w3: Any = whoosh3  # the per-document classes are not in the project's Whoosh stubs
STORED_COLUMN: Any = _w3.STORED_COLUMN
W3PerDocWriter: Any = _w3.W3PerDocWriter
W3PerDocReader: Any = _w3.W3PerDocReader

BASE = "\0b"
MISSING = "\0m"
SECTION = "\0s"
TEXT = "\0t"
ZSTD_TEXT = "\0z"
ZDICT = "\0d"
ZDICT_BYTES = 131_072
"""Largest size of a segment's Zstandard dictionary (128 KB: on corpus segments the text is as
small as round 7's deflate and decodes fastest; 64 KB gave +5 % bytes, 256 KB slower reads)."""
TRAIN_BYTES = 1_000_000
"""Text held back to train the dictionary on (~1/12 of a corpus segment; ~0.2 s to train)."""
MIN_DICT_SAMPLE = 4_096
"""Less text than this in a whole segment: no dictionary (its rows are stored as they are or
compressed alone)."""
ZLEVEL = 9
"""Zstandard level of the rows' text (9: 7 % smaller than 3 for ~0.7 s more a corpus segment)."""
SECTION_PATH = "section_path"
"""The field factored by runs of rows (see :data:`SECTION`)."""
TEXT_ENCODING = "utf-8"
TEXT_ERRORS = "surrogatepass"
"""Lone surrogates (which UTF-8 cannot hold) round-trip as well."""
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
        out[TEXT] = text.encode(TEXT_ENCODING, TEXT_ERRORS)
    elif text is not None:
        out["text"] = text
    return out


def decode_row(
    stored: dict[str, Any], base: dict[str, Any] | None, unzstd: Any = None
) -> dict[str, Any]:
    """Whoosh's stored dict back from :func:`encode_row`'s (``base``: the decoded base row;
    ``unzstd``: the segment's decompressor, for compressed text)."""
    if base is not None:
        # (the reader's kept base rows have no text: copied in C, in the same key order)
        out = dict(base) if "text" not in base else {k: v for k, v in base.items() if k != "text"}
        for k in stored.get(MISSING, ()):
            out.pop(k, None)
    else:
        out = {}
    for k, v in stored.items():
        if k == TEXT:
            out["text"] = v.decode(TEXT_ENCODING, TEXT_ERRORS)
        elif k == ZSTD_TEXT:
            out["text"] = unzstd(v).decode(TEXT_ENCODING, TEXT_ERRORS)
        elif k not in (BASE, MISSING, SECTION, ZDICT):
            out[k] = v
    return out


def segment_dictionary(sample: list[bytes], size: int) -> Any:
    """The Zstandard dictionary of a segment whose first rows' texts are ``sample`` (``size``
    bytes in all): trained on them, or their opening as raw content when there is too little
    to train on; None under :data:`MIN_DICT_SAMPLE` bytes."""
    if size < MIN_DICT_SAMPLE:
        return None
    if len(sample) >= 64:
        samples: Any = sample  # (its stubs want a list of bytes-likes, a list is invariant)
        try:
            return zstandard.train_dictionary(min(ZDICT_BYTES, size // 8), samples)
        except zstandard.ZstdError:  # too few or too similar samples
            pass
    return zstandard.ZstdCompressionDict(
        b"".join(sample)[:ZDICT_BYTES], dict_type=zstandard.DICT_TYPE_RAWCONTENT
    )


def decompressor(zdict: bytes | None) -> Any:
    """``bytes -> bytes`` for a segment's compressed texts (``zdict``: its stored dictionary)."""
    if zdict:
        got = zstandard.ZstdCompressionDict(zdict)  # trained or raw content, told by its magic
        return zstandard.ZstdDecompressor(dict_data=got).decompress
    return zstandard.ZstdDecompressor().decompress


class RowPerDocWriter(W3PerDocWriter):  # type: ignore[misc]
    """W3's per-document writer, storing rows as :func:`encode_row` makes them."""

    def __init__(self, codec: Any, storage: Any, segment: Any) -> None:
        super().__init__(codec, storage, segment)
        # the rows' pickles go to the column as they are (see ROWS_COLUMN): nothing is written
        # yet, so Whoosh's compressing writer is replaced on the same file
        whoosh_writer = self._colwriters["_stored"]
        self._colwriters["_stored"] = ROWS_COLUMN.writer(whoosh_writer._child._dbfile)
        self._base_key: object = None
        self._base_row: dict[str, Any] | None = None
        self._base_docnum = -1
        self._path: object = None  # the section path of the current run, and its first row
        self._path_docnum = -1
        self._pending: list[tuple[int, dict[str, Any]]] = []  # rows held until the dictionary
        self._sample: list[bytes] = []  # the held rows' texts (UTF-8), to train on
        self._sampled = 0
        self._zstd: Any = None  # the compressor with the segment's dictionary (or none)
        self._held = True

    def finish_doc(self) -> None:
        sf = self._storedfields
        if sf:
            key = sf.get(_FACTORED_BY)
            if key is not None and key == self._base_key and self._base_row is not None:
                stored = encode_row(sf, self._base_row, self._base_docnum)
                path = sf.get(SECTION_PATH)
                if SECTION_PATH in stored:  # differs from the base row's
                    if path == self._path and self._path_docnum >= 0:
                        del stored[SECTION_PATH]
                        stored[SECTION] = self._path_docnum
                    else:
                        self._path, self._path_docnum = path, self._docnum
                else:
                    self._path, self._path_docnum = None, -1
            else:
                self._base_key, self._base_row = key, dict(sf)
                self._base_docnum = self._docnum
                self._path, self._path_docnum = None, -1
                stored = encode_row(sf, None, -1)
            if self._held:
                self._pending.append((self._docnum, stored))
                got = stored.get(TEXT)
                if got:
                    self._sample.append(got)
                    self._sampled += len(got)
                if self._sampled >= TRAIN_BYTES:
                    self._release()
            else:
                self._write(self._docnum, stored)
            sf.clear()
        self._indoc = False

    def _release(self) -> None:
        """Write the held rows, their text compressed with the dictionary trained on them."""
        self._held = False
        zdict = segment_dictionary(self._sample, self._sampled)
        if zdict is not None:
            self._pending[0][1][ZDICT] = zdict.as_bytes()
        self._zstd = zstandard.ZstdCompressor(
            level=ZLEVEL,
            dict_data=zdict,
            write_content_size=True,
            write_checksum=False,
            write_dict_id=False,
        )
        self._sample, self._sampled = [], 0
        pending, self._pending = self._pending, []
        for docnum, stored in pending:
            self._write(docnum, stored)

    def _write(self, docnum: int, stored: dict[str, Any]) -> None:
        raw = stored.get(TEXT)
        if raw and self._zstd is not None:
            packed = self._zstd.compress(raw)
            if len(packed) < len(raw):
                del stored[TEXT]
                stored[ZSTD_TEXT] = packed
        # Pickled here at protocol 5 (Whoosh's column pickles at protocol 2, which stores
        # bytes as a latin-1 string: 2 bytes for each byte over 127); its reader loads any.
        self._get_column("_stored")._child.add(docnum, pickle.dumps(stored, 5))

    def close(self) -> None:
        if self._indoc:  # (as Whoosh's close: a row not finished yet)
            self.finish_doc()
        if self._held:
            self._release()
        super().close()


_cols: Any = importlib.import_module("whoosh.columns")  # not in the project's Whoosh stubs
_structfile: Any = importlib.import_module("whoosh.filedb.structfile")  # nor this
StructFile: Any = _structfile.StructFile


def _offsets_and_lengths(dbfile: Any, basepos: int, length: int, doccount: int) -> tuple[Any, Any]:
    """A variable-bytes column's value offsets and lengths, read from its tail.

    The column ends with its lengths array and that array's type code; when Whoosh also wrote
    the offsets (large columns), the tail is lengths, offsets, both type codes and ``X``.
    Without stored offsets they are the running sum of the lengths: ``itertools.accumulate``
    (in C) instead of Whoosh's loop, one Python step per row, ~2 ms per segment column and
    ~0.1 s of a one-shot ``reporttui search`` on the corpus (26 segments, two columns each).
    """
    last = basepos + length - 1
    code = chr(dbfile.get_byte(last))
    offsets = None
    if code == "X":
        code, off_code = chr(dbfile.get_byte(last - 2)), chr(dbfile.get_byte(last - 1))
        start = (last - 2) - doccount * struct.calcsize(off_code)
        offsets = dbfile.get_array(start, off_code, doccount)
        last = start
    lengths = dbfile.get_array(last - struct.calcsize(code) * doccount, code, doccount)
    if offsets is None:
        offsets = _starts(lengths)
    return offsets, lengths


def _starts(lengths: array[Any]) -> array[Any]:
    """Each value's offset, the running sum of the lengths before it, as an array of Python
    ints. process (issue 11): summed with numpy (``itertools.accumulate`` was ~1 ms per 100,000
    rows: ~8 ms of every one-shot search on the corpus, whose check reads every segment)."""
    import numpy as np

    if len(lengths) < 4096:  # small columns: not worth the conversion
        starts = array("q", itertools.accumulate(lengths, initial=0))
        starts.pop()  # the total: one past the last value
        return starts
    ends = np.cumsum(np.frombuffer(lengths, dtype=f"={lengths.typecode}"), dtype=np.int64)
    starts = array("q")
    starts.frombytes(ends.tobytes())
    starts.insert(0, 0)
    starts.pop()
    return starts


class _VarBytesReader(_cols.VarBytesColumn.Reader):  # type: ignore[misc]
    def _read_offsets_and_lengths(self) -> None:
        self._offsets, self._lengths = _offsets_and_lengths(
            self._dbfile, self._basepos, self._length, self._doccount
        )


class _CompressedBytesReader(_cols.CompressedBytesColumn.Reader):  # type: ignore[misc]
    _read_offsets_and_lengths = _VarBytesReader._read_offsets_and_lengths


class _VarBytesColumn(_cols.VarBytesColumn):  # type: ignore[misc]
    """Whoosh's VarBytesColumn, the same bytes on disk, read with :func:`_offsets_and_lengths`."""

    def reader(self, dbfile: Any, basepos: int, length: int, doccount: int) -> Any:
        return _VarBytesReader(dbfile, basepos, length, doccount)


class _CompressedBytesColumn(_cols.CompressedBytesColumn):  # type: ignore[misc]
    """Whoosh's CompressedBytesColumn read with :func:`_offsets_and_lengths`."""

    def reader(self, dbfile: Any, basepos: int, length: int, doccount: int) -> Any:
        return _CompressedBytesReader(dbfile, basepos, length, doccount, self._module)


def _fast_reading(column: Any) -> Any:
    """The same column type with the faster offsets reader (exact types only: a subclass of
    Whoosh's may store its tail differently); other columns unchanged."""
    kind = type(column)
    if kind is _cols.VarBytesColumn:
        return _VarBytesColumn()
    if kind is _cols.CompressedBytesColumn:
        fast = _CompressedBytesColumn()
        fast.__dict__.update(column.__dict__)
        return fast
    if kind is _cols.PickleColumn:
        return _cols.PickleColumn(_fast_reading(column._child))
    return column


ROWS_COLUMN: Any = _cols.PickleColumn(_cols.VarBytesColumn())
"""The stored rows' column (storage, issue 11): Whoosh's is a pickle column over zlib, but a
row's text is already compressed (Zstandard) and its other fields are a few short strings: zlib
made the column 0.6 % larger and cost a decompression a row read. Here the pickles are stored
as they are."""
STORED_READ_COLUMN = _fast_reading(ROWS_COLUMN)


class _PositionalFile(StructFile):  # type: ignore[misc]
    """A column file whose values are read with ``os.pread`` (one system call, no file position).

    query (issue 11): Whoosh reads a column value with a seek and a buffered read (~3 µs: two
    system calls and a buffer refill); a search reads ~2 stored values per hit (the row, its
    base or section row): ``pread`` is ~0.8 µs, and shares no file position between threads.
    (A memory map was ~0.3 µs but its touched pages count in the process's resident size,
    ~50 MB after the benchmark's queries on the corpus, and grow with the library.)
    Everything but ``get``/``get_array`` is the plain file's."""

    def __init__(self, plain: Any, fd: int) -> None:
        super().__init__(plain.file, name=plain._name, onclose=plain.onclose)
        self._fd = fd

    def get(self, position: int, length: int) -> bytes:
        return os.pread(self._fd, length, position)

    def get_array(self, position: int, typecode: str, length: int) -> array[Any]:
        a = array(typecode)
        a.frombytes(self.get(position, length * a.itemsize))
        if sys.byteorder == "little":  # stored big-endian, as StructFile.read_array reads it
            a.byteswap()
        return a


def _positional(colfile: Any) -> Any:
    """``colfile`` read with ``os.pread`` when it is a plain file (and the system has it)."""
    if type(colfile) is not StructFile or not colfile.is_real or not hasattr(os, "pread"):
        return colfile
    try:
        fd = colfile.fileno()
    except (OSError, ValueError):
        return colfile
    return _PositionalFile(colfile, fd)


BASE_ROWS = 256
"""Decoded base rows (and section paths) a segment's reader keeps (a few hundred bytes each)."""
_NO_PATH = object()


class RowPerDocReader(W3PerDocReader):  # type: ignore[misc]
    """W3's per-document reader, giving back whole rows (see :func:`decode_row`), with column
    offsets read in C (:func:`_offsets_and_lengths`)."""

    def column_reader(self, fieldname: str, column: Any) -> Any:
        return super().column_reader(fieldname, _fast_reading(column))

    def _get_column_file(self, fieldname: str) -> tuple[Any, int, int]:
        colfile, offset, length = super()._get_column_file(fieldname)
        return _positional(colfile), offset, length

    _zdict: bytes | None = None

    def _unzstd(self, reader: Any) -> Any:
        """This thread's decompressor of the segment's texts (its dictionary, in the first row,
        read once; a Zstandard decompressor is not to be shared between threads)."""
        per_thread: dict[int, Any] | None = self.__dict__.get("_unzstds")
        if per_thread is None:
            per_thread = self.__dict__.setdefault("_unzstds", {})
        me = threading.get_ident()
        got = per_thread.get(me)
        if got is None:
            zdict = self._zdict
            if zdict is None:
                first = reader[0] if self.doc_count_all() else None
                zdict = self._zdict = (first or {}).get(ZDICT) or b""
            if len(per_thread) >= 16:  # threads come and go (the app's workers)
                per_thread.clear()
            got = per_thread[me] = decompressor(zdict)
        return got

    def _rows_column(self) -> Any:
        """The stored rows' column reader (opened once; Whoosh caches it too)."""
        got = self.__dict__.get("_rows")
        if got is None:
            got = self.__dict__["_rows"] = self._cached_reader("_stored", STORED_READ_COLUMN)
        return got

    def _row(self, docnum: int) -> Any:
        """Row ``docnum``'s stored dict as written (None for a row without one): the column's
        bytes read and unpickled here, without the column readers' two calls."""
        values = self._rows_column()._child
        length = values._lengths[docnum]
        if not length:
            return None
        return pickle.loads(values._dbfile.get(values._basepos + values._offsets[docnum], length))

    def stored_fields(self, docnum: int) -> dict[str, Any]:
        # storage (issue 11): the column's value read here (as _row does) and the kept base
        # row and section path looked up before calling for them: ~60 rows a search
        reader = self.__dict__.get("_rows") or self._rows_column()
        values = reader._child
        length = values._lengths[docnum]
        if not length:
            return {}
        v = pickle.loads(values._dbfile.get(values._basepos + values._offsets[docnum], length))
        if not v:
            return {}
        unzstd = self._unzstd(reader) if ZSTD_TEXT in v else None
        base = None
        at = v.get(BASE)
        if at is not None:
            bases = self.__dict__.get("_bases")
            base = bases.get(at) if bases is not None else None
            if base is None:
                base = self._base_row(reader, at)
        row = decode_row(v, base, unzstd)
        at = v.get(SECTION)
        if at is not None:
            paths = self.__dict__.get("_paths")
            path = paths.get(at, _NO_PATH) if paths is not None else _NO_PATH
            if path is _NO_PATH:
                path = self._section_path(reader, at)
            if path is not _NO_PATH:
                row[SECTION_PATH] = path
        return row

    def _section_path(self, reader: Any, at: int) -> Any:
        """The section path stored in row ``at`` (the first row of a run), or ``_NO_PATH``.

        query (issue 11): the hits of a search are often rows of the same few sections, each
        read the run's first row again; the last :data:`BASE_ROWS` paths of this segment are
        kept (the segment never changes)."""
        cache: dict[int, Any] | None = self.__dict__.get("_paths")
        if cache is None:
            cache = self.__dict__["_paths"] = {}
        if at in cache:
            return cache[at]
        held = self._row(at)
        got = held[SECTION_PATH] if held and SECTION_PATH in held else _NO_PATH
        if len(cache) >= BASE_ROWS:
            cache.clear()
        cache[at] = got
        return got

    def _base_row(self, reader: Any, at: int) -> dict[str, Any]:
        """The decoded base row ``at`` (never handed out: :func:`decode_row` copies it).

        query (issue 11): a search's hits come a few documents at a time, each hit's row read
        its document's base row again (a second decompress and unpickle). The last
        :data:`BASE_ROWS` base rows of this segment are kept (the segment never changes)."""
        cache: dict[int, dict[str, Any]] | None = self.__dict__.get("_bases")
        if cache is None:
            cache = self.__dict__["_bases"] = {}
        got = cache.get(at)
        if got is None:
            b = self._row(at)
            # its text is never used (decode_row drops the base's text): not decoded nor kept
            got = (
                decode_row({k: x for k, x in b.items() if k not in (ZSTD_TEXT, TEXT)}, None)
                if b
                else {}
            )
            got.pop("text", None)
            if len(cache) >= BASE_ROWS:
                cache.clear()
            cache[at] = got
        return got


class RowCodec(W3Codec):
    """W3 with :class:`RowPerDocWriter` / :class:`RowPerDocReader` (postings unchanged: the
    text fields' postings are the project's own, see postings.py)."""

    def per_document_writer(self, storage: Any, segment: Any) -> Any:
        return RowPerDocWriter(self, storage, segment)

    def per_document_reader(self, storage: Any, segment: Any) -> Any:
        return RowPerDocReader(storage, segment)


class StoredRows:
    """docnum -> stored row over all segments of a reader: what ``reader.stored_fields`` gives.

    query (issue 11): Whoosh's reader finds the segment (a Python bisect behind two calls) and
    copies each row through a generator asking the schema about every field (~11 per row,
    ~4 µs a row); search reads ~60 rows a query. Here a row of this codec's per-document reader
    is handed out as it is when all its fields are in the schema (else filtered as Whoosh does);
    a reader of another codec is asked as before. Rows come out equal, in the same key order."""

    def __init__(self, reader: Any) -> None:
        leaves = [(reader, 0)] if reader.is_atomic() else list(reader.leaf_readers())
        self._starts = [int(off) for _, off in leaves]
        self._leaves = [leaf for leaf, _ in leaves]
        self._perdoc = [getattr(leaf, "_perdoc", None) for leaf in self._leaves]
        self._names = [frozenset(leaf.schema.names()) for leaf in self._leaves]

    def __call__(self, docnum: int) -> dict[str, Any]:
        if docnum < 0 or not self._starts:
            raise IndexError(f"no row {docnum}")
        k = bisect.bisect_right(self._starts, docnum) - 1
        leaf = self._leaves[k]
        perdoc = self._perdoc[k]
        if leaf.is_closed or not isinstance(perdoc, RowPerDocReader):
            return dict(leaf.stored_fields(docnum - self._starts[k]))
        row = perdoc.stored_fields(docnum - self._starts[k])
        if row.keys() <= self._names[k]:
            return row
        schema = leaf.schema
        return {f: v for f, v in row.items() if f in schema}
