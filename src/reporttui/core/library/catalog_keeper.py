"""The library's view of its catalogue: read only when the file changed, validated, and
recovered when damaged (from the backup generation, else from the index's stored rows), with
the damage said in one line. The file format itself is :mod:`reporttui.core.library.catalog`."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from reporttui.core.library.base import LibraryBase
from reporttui.core.library.catalog import (
    Catalog,
    CatalogRead,
    LibraryEntry,
    SourceRecord,
    catalog_path,
    keep_damaged,
    plain_name,
    read_catalog_checked,
    write_catalog,
)
from reporttui.core.library.locking import WriteLock
from reporttui.core.paths import index_dir, seed_files


def _covered(path: str, roots: Sequence[str]) -> bool:
    """True when ``path`` is one of ``roots`` or inside one of them."""
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


class CatalogKeeper(LibraryBase):
    """Reading, caching and recovering the catalogue (a part of ``Library``)."""

    def _catalog(self) -> Catalog:
        """The catalogue, re-read only when the file changed (it is replaced atomically, so a
        new inode or size or mtime means a new version). Callers must not mutate the result
        except inside a write (which re-reads it under the lock)."""
        try:
            st = os.stat(catalog_path(self.home))
            key: tuple[int, ...] | None = (st.st_ino, st.st_size, st.st_mtime_ns)
        except OSError:
            key = None
        with self._docs_lock:
            if key is not None and key == self._catalog_key and self._catalog_cache is not None:
                return self._catalog_cache
        catalog = self._read_catalog(locked=False)
        with self._docs_lock:
            self._catalog_key, self._catalog_cache = key, catalog
        return catalog

    def catalog_version(self) -> tuple[int, ...]:
        """Changes whenever catalog.json is replaced (by this or another process); cheap."""
        try:
            st = os.stat(catalog_path(self.home))
        except OSError:
            return ()
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _fresh_catalog(self) -> Catalog:
        """A private copy of the catalogue for a writer to modify (under the write lock)."""
        return self._read_catalog(locked=True)

    def _read_catalog(self, *, locked: bool) -> Catalog:
        """The validated catalogue; when catalog.json is damaged, say so in one line and recover
        it (from the backup generation, else from the index's stored rows), then write the
        recovered version back (a reader does that only if no writer holds the lock)."""
        read = read_catalog_checked(self.home)
        for problem in read.problems:
            self._say_once(f"catalog.json: dropped a bad record ({problem}); it is re-indexed")
        if not read.damage:
            return read.catalog
        catalog, how = self._recover(read)
        self._say_once(f"{read.damage}: {how}")
        if locked:
            self._persist_recovery(catalog)
        else:
            lock = WriteLock(self.home)
            try:
                got = lock.acquire(0.0)
            except OSError:  # a read-only home: use the recovery in memory
                got = False
            if got:
                try:
                    again = read_catalog_checked(self.home)
                    if again.damage:
                        self._persist_recovery(catalog)
                    else:
                        catalog = again.catalog  # a writer fixed it meanwhile
                finally:
                    lock.release()
        return catalog

    def _persist_recovery(self, catalog: Catalog) -> None:
        try:
            keep_damaged(self.home)
            write_catalog(self.home, catalog)
        except OSError:
            pass  # read-only or full: the recovered catalogue still serves this process

    def _recover(self, read: CatalogRead) -> tuple[Catalog, str]:
        """The best catalogue to go on with, and how it was found (for the one-line notice)."""
        catalog = read.catalog
        if read.restored:
            how = "restored the previous version from catalog.json.bak"
            if not self._index_ok(catalog):
                # The backup is one generation old: its index may have been switched over
                # since. The documents come from the live index, the roots from the backup.
                newer = self._catalog_from_index()
                catalog.index_name = ""
                if newer is not None:
                    catalog.index_name, catalog.sources = newer.index_name, newer.sources
                    catalog.fingerprint = newer.fingerprint
                    catalog.roots += [r for r in newer.roots if not _covered(r, catalog.roots)]
                    how += " and the document list from the search index"
            return catalog, how
        recovered = self._catalog_from_index()
        if recovered is not None:
            n = len({r.entry.id for r in recovered.sources.values()})
            roots = len(recovered.roots)
            return recovered, (
                f"rebuilt it from the search index ({n} documents, {roots} folders re-added)"
            )
        return Catalog(), "no backup and no readable index to recover from; starting afresh"

    def _catalog_from_index(self) -> Catalog | None:
        """A catalogue rebuilt from the newest readable index: one record per stored document;
        the folders of the added documents become the roots again (nothing the user added is
        forgotten). Hashes are filled in again by the next sync, without re-indexing."""
        from whoosh import index as whoosh_index

        root = index_dir(self.home)
        try:
            folders = [
                d
                for d in root.iterdir()
                if d.is_dir()
                and plain_name(d.name)
                and d.name.startswith("ix-")
                and ".broken-" not in d.name
                and any(d.glob("_MAIN_*.toc"))
            ]
        except OSError:
            return None
        folders.sort(key=lambda d: d.stat().st_mtime, reverse=True)
        seeds = {str(p.resolve()) for p in seed_files()}
        for folder in folders:
            records: dict[str, SourceRecord] = {}
            try:
                ix = whoosh_index.open_dir(str(folder))
                with ix.reader() as reader:
                    for term in reader.lexicon("doc_id"):
                        doc_id = term.decode() if isinstance(term, bytes) else str(term)
                        docnum = next(iter(reader.postings("doc_id", term).all_ids()))
                        row = reader.stored_fields(docnum)
                        path = str(row.get("path") or "")
                        if not os.path.isabs(path):
                            continue
                        entry = LibraryEntry(
                            id=doc_id,
                            path=path,
                            title=str(row.get("title") or ""),
                            region=row.get("region"),
                            year=row.get("year"),
                            kind=row.get("kind"),
                            chars=0,
                            sha1="",
                            bundled=path in seeds,
                        )
                        records[path] = SourceRecord(entry, -1.0, -1)
            except Exception:
                continue
            parents = sorted(
                {str(Path(p).parent) for p, r in records.items() if not r.entry.bundled}
            )
            roots: list[str] = []
            for parent in parents:  # sorted: a folder comes before the folders inside it
                if not _covered(parent, roots):
                    roots.append(parent)
            return Catalog(
                fingerprint=self.fingerprint(),
                index_name=folder.name,
                roots=roots,
                sources=records,
            )
        return None
