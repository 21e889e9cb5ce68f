"""Tags: passages the user coded with labels of their own, kept in the library home.

One SQLite database (``tags.sqlite3``, WAL journal, every change one transaction) with one row per
tagged passage and one row per (passage, tag). A passage is anchored to

- the document's content hash (its id) and source path, region, year, kind and title, and
- the paragraph: a hash of its *letters and digits only* (so re-cleaning that changes
  whitespace, punctuation, line joins or dropped icon glyphs keeps the hash), its ordinal, and
  the text itself (for a fuzzy re-find when the hash no longer matches).

:meth:`TagStore.reconcile` re-finds every passage in the library as it is now (after a rebuild,
a change of cleaning, an edited source) and records where it is; a passage whose text changed is
flagged ``changed`` (its new text kept beside the old) or ``missing``, never dropped.
"""

from __future__ import annotations

import difflib
import hashlib
import sqlite3
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reporttui.core.errors import ReportError
from reporttui.core.model import Document, Paragraph

DB_NAME = "tags.sqlite3"
SCHEMA_VERSION = 1
MAX_TAG_CHARS = 40
MAX_NOTE_CHARS = 4000
FUZZY_MIN = 0.6
"""A paragraph at least this similar (difflib ratio of the anchors) is the passage, changed."""
FUZZY_CANDIDATES = 12
"""Paragraphs compared with difflib, after a cheap bigram-overlap pre-selection."""

OK, CHANGED, MISSING, NO_DOCUMENT = "ok", "changed", "missing", "no-document"
STATUSES = (OK, CHANGED, MISSING, NO_DOCUMENT)
"""``ok``: found with the same text; ``changed``: found, but its text differs from what was
tagged (flagged); ``missing``: the document is there but the passage is not (flagged);
``no-document``: the document is no longer in the library (flagged)."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    path TEXT NOT NULL,
    region TEXT,
    year INTEGER,
    kind TEXT,
    title TEXT NOT NULL DEFAULT '',
    section_id TEXT NOT NULL DEFAULT '',
    section_path TEXT NOT NULL DEFAULT '',
    paragraph INTEGER NOT NULL,
    anchor TEXT NOT NULL,
    text TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'ok',
    current_text TEXT,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    UNIQUE (doc_id, anchor, paragraph)
);
CREATE TABLE IF NOT EXISTS passage_tags (
    passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (passage_id, tag)
);
CREATE INDEX IF NOT EXISTS passage_tags_tag ON passage_tags(tag);
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id);
"""

SECTION_SEPARATOR = " › "


def anchor_key(text: str) -> str:
    """The paragraph's letters and digits, NFKC-folded: what re-cleaning does not change."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN")


def anchor_hash(text: str) -> str:
    """Short hash of :func:`anchor_key` (the paragraph part of a passage's key)."""
    return hashlib.sha1(anchor_key(text).encode("utf-8")).hexdigest()[:16]


def clean_tag(name: str) -> str:
    """A tag name as stored: trimmed, inner whitespace as one space; ReportError when unusable."""
    cleaned = " ".join(
        "".join(ch for ch in str(name) if unicodedata.category(ch)[0] != "C").split()
    )
    cleaned = cleaned.lstrip("#")
    if not cleaned:
        raise ReportError("a tag needs a name")
    if len(cleaned) > MAX_TAG_CHARS:
        raise ReportError(f"tag names are at most {MAX_TAG_CHARS} characters")
    return cleaned


@dataclass(frozen=True, slots=True)
class TaggedPassage:
    """One tagged passage as stored (and last re-found)."""

    id: int
    doc_id: str
    path: str
    region: str | None
    year: int | None
    kind: str | None
    title: str
    section_id: str
    section_path: tuple[str, ...]
    paragraph: int
    """:attr:`Paragraph.number` where the passage was last found (or tagged)."""
    anchor: str
    text: str
    """The text as tagged."""
    note: str
    status: str
    """One of :data:`STATUSES`."""
    current_text: str | None
    """The paragraph's text now, when it differs from what was tagged (``changed``)."""
    tags: tuple[str, ...]
    created: float
    updated: float

    @property
    def flagged(self) -> bool:
        return self.status != OK


@dataclass(frozen=True, slots=True)
class TagCount:
    """One tag with how many passages carry it, by region and by year."""

    name: str
    count: int
    by_region: dict[str, int] = field(default_factory=dict)
    by_year: dict[int, int] = field(default_factory=dict)
    flagged: int = 0


@dataclass
class ReconcileReport:
    """What :meth:`TagStore.reconcile` found."""

    checked: int = 0
    moved: int = 0
    """Found again under another document id or paragraph number."""
    flagged: list[TaggedPassage] = field(default_factory=list)


def refind(text: str, ordinal: int, document: Document) -> tuple[Paragraph | None, str]:
    """Where a passage tagged with ``text`` at paragraph ``ordinal`` is in ``document`` now.

    Same anchor: the nearest such paragraph (``ok``). Else a paragraph that contains the whole
    anchor (a re-cleaning joined it with a neighbour: ``ok``). Else the most similar paragraph
    when similar enough (``changed``). Else ``(None, "missing")``.
    """
    paragraphs = document.paragraphs()
    if not paragraphs:
        return None, MISSING
    key = anchor_key(text)
    keys = [anchor_key(p.text) for p in paragraphs]
    same = [i for i, k in enumerate(keys) if k == key]
    if same:
        return paragraphs[min(same, key=lambda i: abs(paragraphs[i].number - ordinal))], OK
    if len(key) >= 8:
        holding = [i for i, k in enumerate(keys) if key in k]
        if holding:
            return paragraphs[min(holding, key=lambda i: abs(paragraphs[i].number - ordinal))], OK
    wanted = {key[i : i + 2] for i in range(len(key) - 1)} or {key}
    scored = []
    for i, k in enumerate(keys):
        grams = {k[j : j + 2] for j in range(len(k) - 1)} or {k}
        overlap = len(wanted & grams) / max(len(wanted | grams), 1)
        scored.append((overlap, -abs(paragraphs[i].number - ordinal), i))
    scored.sort(reverse=True)
    best: tuple[float, int] | None = None
    for overlap, _, i in scored[:FUZZY_CANDIDATES]:
        if overlap <= 0:
            break
        ratio = difflib.SequenceMatcher(None, key, keys[i], autojunk=False).ratio()
        if best is None or ratio > best[0]:
            best = (ratio, i)
    if best is not None and best[0] >= FUZZY_MIN:
        return paragraphs[best[1]], CHANGED
    return None, MISSING


class TagStore:
    """The tags database of one library home. Thread-safe; several processes may use it."""

    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        self.path = self.home / DB_NAME
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None

    # --- connection ---------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self._conn is None:
            self.home.mkdir(parents=True, exist_ok=True)
            try:
                conn = sqlite3.connect(
                    self.path, timeout=10.0, check_same_thread=False, isolation_level=None
                )
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
                conn.execute("PRAGMA foreign_keys=ON")
                conn.executescript("BEGIN IMMEDIATE;" + _SCHEMA + "COMMIT;")
                conn.execute(
                    "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', ?)",
                    (str(SCHEMA_VERSION),),
                )
            except sqlite3.DatabaseError as exc:
                raise ReportError(f"cannot open the tags database {self.path}: {exc}") from exc
            self._conn = conn
        return self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: all of it is committed, or none of it."""
        with self._lock:
            conn = self._connect()
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise ReportError(f"the tags database is busy ({exc}); try again") from exc
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            else:
                conn.execute("COMMIT")

    def _read(self, sql: str, args: Iterable[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            if not self.path.exists() and self._conn is None:
                return []
            conn = self._connect()
            conn.row_factory = sqlite3.Row
            try:
                return conn.execute(sql, tuple(args)).fetchall()
            finally:
                conn.row_factory = None

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # --- writing ------------------------------------------------------------------------------

    def tag(
        self,
        document: Document,
        paragraph: Paragraph,
        tags: Iterable[str],
        note: str | None = None,
        *,
        replace: bool = False,
    ) -> TaggedPassage | None:
        """Add ``tags`` to a paragraph (``replace``: make them its only tags) and set its note.

        With ``replace`` and no tags the passage is untagged (removed; returns None).
        """
        names = list(dict.fromkeys(clean_tag(t) for t in tags))
        if note is not None and len(note) > MAX_NOTE_CHARS:
            raise ReportError(f"notes are at most {MAX_NOTE_CHARS} characters")
        anchor = anchor_hash(paragraph.text)
        try:
            section_path = SECTION_SEPARATOR.join(document.section_path(paragraph.section_id))
        except KeyError:
            section_path = ""
        now = time.time()
        with self._write() as conn:
            row = conn.execute(
                "SELECT id FROM passages WHERE doc_id=? AND paragraph=?",
                (document.id, paragraph.number),
            ).fetchone()
            if row is None:
                if not names:
                    return None
                cur = conn.execute(
                    "INSERT INTO passages(doc_id, path, region, year, kind, title, section_id,"
                    " section_path, paragraph, anchor, text, note, status, created, updated)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        document.id,
                        document.path,
                        document.region,
                        document.year,
                        document.kind,
                        document.title,
                        paragraph.section_id,
                        section_path,
                        paragraph.number,
                        anchor,
                        paragraph.text,
                        note or "",
                        OK,
                        now,
                        now,
                    ),
                )
                passage_id = int(cur.lastrowid or 0)
            else:
                passage_id = int(row[0])
                if replace:
                    conn.execute("DELETE FROM passage_tags WHERE passage_id=?", (passage_id,))
                if note is not None:
                    conn.execute(
                        "UPDATE passages SET note=?, updated=? WHERE id=?", (note, now, passage_id)
                    )
            conn.executemany(
                "INSERT OR IGNORE INTO passage_tags(passage_id, tag) VALUES (?, ?)",
                [(passage_id, n) for n in names],
            )
            left = conn.execute(
                "SELECT COUNT(*) FROM passage_tags WHERE passage_id=?", (passage_id,)
            ).fetchone()
            if not left[0]:
                conn.execute("DELETE FROM passages WHERE id=?", (passage_id,))
                return None
        return self.passage(passage_id)

    def untag(self, passage_id: int, tag: str | None = None) -> None:
        """Remove one tag from a passage (``tag``), or the passage with all its tags."""
        with self._write() as conn:
            if tag is not None:
                conn.execute(
                    "DELETE FROM passage_tags WHERE passage_id=? AND tag=?", (passage_id, tag)
                )
                left = conn.execute(
                    "SELECT COUNT(*) FROM passage_tags WHERE passage_id=?", (passage_id,)
                ).fetchone()
                if left[0]:
                    return
            conn.execute("DELETE FROM passages WHERE id=?", (passage_id,))

    def set_note(self, passage_id: int, note: str) -> None:
        with self._write() as conn:
            conn.execute(
                "UPDATE passages SET note=?, updated=? WHERE id=?", (note, time.time(), passage_id)
            )

    # --- reading ------------------------------------------------------------------------------

    _SELECT = (
        "SELECT p.*, (SELECT group_concat(tag, char(31)) FROM"
        " (SELECT tag FROM passage_tags t WHERE t.passage_id = p.id ORDER BY tag)) AS tag_list"
        " FROM passages p"
    )

    @staticmethod
    def _passage(row: sqlite3.Row) -> TaggedPassage:
        tags = tuple(row["tag_list"].split("\x1f")) if row["tag_list"] else ()
        return TaggedPassage(
            id=row["id"],
            doc_id=row["doc_id"],
            path=row["path"],
            region=row["region"],
            year=row["year"],
            kind=row["kind"],
            title=row["title"],
            section_id=row["section_id"],
            section_path=tuple(s for s in row["section_path"].split(SECTION_SEPARATOR) if s),
            paragraph=row["paragraph"],
            anchor=row["anchor"],
            text=row["text"],
            note=row["note"],
            status=row["status"],
            current_text=row["current_text"],
            tags=tags,
            created=row["created"],
            updated=row["updated"],
        )

    def passage(self, passage_id: int) -> TaggedPassage | None:
        rows = self._read(self._SELECT + " WHERE p.id=?", (passage_id,))
        return self._passage(rows[0]) if rows else None

    def passages(self, tag: str | None = None) -> list[TaggedPassage]:
        """Tagged passages (with ``tag`` only), ordered by region, year, document and paragraph."""
        order = " ORDER BY p.region, p.year, p.doc_id, p.paragraph"
        if tag is None:
            rows = self._read(self._SELECT + order)
        else:
            rows = self._read(
                self._SELECT
                + " WHERE p.id IN (SELECT passage_id FROM passage_tags WHERE tag=?)"
                + order,
                (tag,),
            )
        return [self._passage(r) for r in rows]

    def find(self, doc_id: str, paragraph: int) -> TaggedPassage | None:
        """The tagged passage at paragraph ``paragraph`` of document ``doc_id``, if any."""
        rows = self._read(self._SELECT + " WHERE p.doc_id=? AND p.paragraph=?", (doc_id, paragraph))
        return self._passage(rows[0]) if rows else None

    def tagged_paragraphs(
        self, doc_id: str | None = None
    ) -> dict[tuple[str, int], tuple[str, ...]]:
        """(doc id, paragraph number) -> tags, for one document or all."""
        if doc_id is None:
            found = self.passages()
        else:
            found = [
                self._passage(r) for r in self._read(self._SELECT + " WHERE p.doc_id=?", (doc_id,))
            ]
        out: dict[tuple[str, int], tuple[str, ...]] = {}
        for p in found:
            key = (p.doc_id, p.paragraph)
            out[key] = tuple(sorted(set(out.get(key, ())) | set(p.tags)))
        return out

    def names(self) -> list[str]:
        """Every tag name, most used first."""
        rows = self._read(
            "SELECT tag, COUNT(*) n FROM passage_tags GROUP BY tag ORDER BY n DESC, tag"
        )
        return [r["tag"] for r in rows]

    def counts(self) -> list[TagCount]:
        """Every tag with its passage count, by region and by year (most used first)."""
        by_tag: dict[str, list[TaggedPassage]] = {}
        for p in self.passages():
            for t in p.tags:
                by_tag.setdefault(t, []).append(p)
        out = []
        for name, items in by_tag.items():
            regions = Counter(p.region or "?" for p in items)
            years = Counter(p.year or 0 for p in items)
            out.append(
                TagCount(
                    name,
                    len(items),
                    dict(regions.most_common()),
                    dict(sorted(years.items())),
                    sum(p.flagged for p in items),
                )
            )
        out.sort(key=lambda c: (-c.count, c.name))
        return out

    # --- keeping anchors right --------------------------------------------------------------

    def reconcile(self, library: Any) -> ReconcileReport:
        """Re-find every passage in ``library`` as it is now and record where (and whether) it is.

        The document: same content hash, else the same source path (edited), else the same
        region, year, kind and title (moved). The paragraph: :func:`refind`. Nothing is deleted:
        a passage not found keeps its row, flagged.
        """
        report = ReconcileReport()
        entries = list(library.entries())
        by_id = {e.id: e for e in entries}
        by_path = {e.path: e for e in entries}
        by_meta = {(e.region, e.year, e.kind, e.title): e for e in entries}
        updates: list[tuple[Any, ...]] = []
        for p in self.passages():
            report.checked += 1
            entry = (
                by_id.get(p.doc_id)
                or by_path.get(p.path)
                or by_meta.get((p.region, p.year, p.kind, p.title))
            )
            if entry is None:
                status, doc_id, path, number, section_id, section_path, current = (
                    NO_DOCUMENT,
                    p.doc_id,
                    p.path,
                    p.paragraph,
                    p.section_id,
                    SECTION_SEPARATOR.join(p.section_path),
                    None,
                )
            else:
                try:
                    document = library.load(entry.id)
                except ReportError:
                    document = None
                if document is None:
                    found, status = None, NO_DOCUMENT
                else:
                    found, status = refind(p.text, p.paragraph, document)
                doc_id, path = entry.id, entry.path
                if found is not None and document is not None:
                    number, section_id = found.number, found.section_id
                    try:
                        section_path = SECTION_SEPARATOR.join(document.section_path(section_id))
                    except KeyError:
                        section_path = ""
                    current = found.text if status == CHANGED else None
                else:
                    number, section_id = p.paragraph, p.section_id
                    section_path, current = SECTION_SEPARATOR.join(p.section_path), None
            new = (doc_id, path, number, section_id, section_path, status, current)
            old = (
                p.doc_id,
                p.path,
                p.paragraph,
                p.section_id,
                SECTION_SEPARATOR.join(p.section_path),
                p.status,
                p.current_text,
            )
            if new != old:
                if (doc_id, number) != (p.doc_id, p.paragraph):
                    report.moved += 1
                updates.append((*new, p.id))
        if updates:
            with self._write() as conn:
                # Two passages may now fall on one paragraph (a re-cleaning joined them): both
                # rows stay, each with its own anchor.
                conn.executemany(
                    "UPDATE passages SET doc_id=?, path=?, paragraph=?, section_id=?, section_path=?,"
                    " status=?, current_text=? WHERE id=?",
                    updates,
                )
        report.flagged = [p for p in self.passages() if p.flagged]
        return report

    def check(self) -> str:
        """SQLite's integrity check ("ok" when the database is sound)."""
        rows = self._read("PRAGMA integrity_check")
        return str(rows[0][0]) if rows else "ok"
