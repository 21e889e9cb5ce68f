"""The analyst's workbench in the app (issue 14): tagging, the tags screen and the 对照 view.

A mixin of :class:`reporttui.ui.app.ReportApp`, so the App itself only gains two bindings and
a base class. Every read or write of the tags database and every diff runs in a thread worker
and hands its answer back with ``call_from_thread``. Saves use non-exclusive workers: a second
save must never cancel the first.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from textual import work

from reporttui.core.errors import ReportError
from reporttui.core.library.tags import TaggedPassage, TagStore
from reporttui.core.model import Document, Paragraph

if TYPE_CHECKING:
    from textual.app import App

    from reporttui.core.search.results import Hit

    _AppBase = App[None]
else:
    _AppBase = object


class WorkbenchMixin(_AppBase):
    """Tags and 对照 for the app (expects ``session``, ``reader_screen``, ``search_screen``)."""

    tagged: dict[tuple[str, int], tuple[str, ...]]
    """(doc id, paragraph number) -> tags: what the tree and the results mark (set once read)."""

    _tag_store: TagStore | None = None
    _tag_cache: dict[tuple[str, int], TaggedPassage] | None = None
    """Every tagged passage by (doc id, paragraph), as last read (None before the first read):
    lets ``m`` open the picker at once, so keys typed right after it are not lost."""
    _tag_names: tuple[str, ...] = ()

    # typing help: these come from ReportApp
    session: Any
    reader_screen: Any
    search_screen: Any

    def _focus_doc_id(self) -> str | None:  # pragma: no cover - ReportApp defines it
        raise NotImplementedError

    def tag_store(self) -> TagStore:
        if self._tag_store is None:
            self._tag_store = TagStore(self.session.home)
        return self._tag_store

    # -- tagging ------------------------------------------------------------------------------

    def tag_paragraph(self, doc: Document, paragraph: Paragraph | None) -> None:
        """``m`` in the reader: open the tag picker for ``paragraph`` of ``doc``."""
        if paragraph is None:
            self.notify("headings are not tagged: move to a paragraph", timeout=3)
            return
        if self._tag_cache is not None:
            self._open_picker(
                doc,
                paragraph,
                list(self._tag_names),
                self._tag_cache.get((doc.id, paragraph.number)),
            )
            return
        self._prepare_picker(doc, paragraph)

    def tag_hit(self, hit: Hit) -> None:
        """``m`` on a search hit: open the tag picker for the hit's paragraph."""
        if not hit.paragraph:
            self.notify("headings are not tagged: pick a paragraph hit", timeout=3)
            return
        doc = self.session.cached_document(hit.doc_id)
        paragraph = None
        if doc is not None:
            paragraph = next((p for p in doc.paragraphs() if p.number == hit.paragraph), None)
        if doc is not None and paragraph is not None and self._tag_cache is not None:
            self._open_picker(
                doc,
                paragraph,
                list(self._tag_names),
                self._tag_cache.get((doc.id, paragraph.number)),
            )
            return
        self._prepare_hit(hit.doc_id, hit.paragraph)

    @work(thread=True, exclusive=True, exit_on_error=False, group="tag-picker")
    def _prepare_hit(self, doc_id: str, number: int) -> None:
        try:
            doc = self.session.document(doc_id)
        except (ReportError, KeyError, OSError) as exc:
            self.call_from_thread(self.notify, f"cannot open: {exc}", severity="error")
            return
        paragraph = next((p for p in doc.paragraphs() if p.number == number), None)
        if paragraph is None:
            self.call_from_thread(
                self.notify,
                f"no paragraph {number} in {doc.label}",
                severity="error",
            )
            return
        self._read_for_picker(doc, paragraph)

    @work(thread=True, exclusive=True, exit_on_error=False, group="tag-picker")
    def _prepare_picker(self, doc: Document, paragraph: Paragraph) -> None:
        self._read_for_picker(doc, paragraph)

    def _read_for_picker(self, doc: Document, paragraph: Paragraph) -> None:
        """(worker) existing tag names and the paragraph's current tags, then the picker."""
        try:
            store = self.tag_store()
            names = store.names()
            current = store.find(doc.id, paragraph.number)
        except ReportError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.call_from_thread(self._open_picker, doc, paragraph, names, current)

    def _open_picker(
        self, doc: Document, paragraph: Paragraph, names: list[str], current: TaggedPassage | None
    ) -> None:
        from reporttui.ui.screens.tag_picker import TagPicker

        picker = TagPicker(
            f"{doc.label} ¶{paragraph.number}",
            paragraph.text,
            names,
            current.tags if current else (),
            current.note if current else "",
        )
        self.push_screen(picker, partial(self._picked, doc, paragraph, current))

    def _picked(
        self,
        doc: Document,
        paragraph: Paragraph,
        current: TaggedPassage | None,
        result: tuple[list[str], str] | None,
    ) -> None:
        if result is None:
            return
        tags, note = result
        if current is not None and sorted(tags) == sorted(current.tags) and note == current.note:
            return
        if current is None and not tags:
            if note:
                self.notify("a note needs at least one tag", severity="warning", timeout=4)
            return
        self._save_tags(doc, paragraph, tags, note)

    @work(thread=True, exclusive=False, exit_on_error=False, group="tag-save")
    def _save_tags(self, doc: Document, paragraph: Paragraph, tags: list[str], note: str) -> None:
        """(worker) one transaction: the paragraph's tags become ``tags``, its note ``note``."""
        try:
            store = self.tag_store()
            saved = store.tag(doc, paragraph, tags, note, replace=True)
            passages, names = store.passages(), store.names()
        except ReportError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error")
            return
        what = f"¶{paragraph.number}: " + ("、".join(saved.tags) if saved else "untagged")
        self.call_from_thread(self._tags_saved, what, passages, names)

    def _tags_saved(self, what: str, passages: list[TaggedPassage], names: list[str]) -> None:
        self.notify(f"tagged {what}", timeout=3)
        self._marks_read(passages, names)

    # -- marks --------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="tag-marks")
    def refresh_tag_marks(self, reconcile: bool = False) -> None:
        """(worker) read the tagged paragraphs (after re-finding them when ``reconcile``)."""
        try:
            store = self.tag_store()
            if reconcile:
                store.reconcile(self.session.library)
            passages, names = store.passages(), store.names()
        except ReportError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.call_from_thread(self._marks_read, passages, names)

    def _marks_read(self, passages: list[TaggedPassage], names: list[str]) -> None:
        cache: dict[tuple[str, int], TaggedPassage] = {}
        tagged: dict[tuple[str, int], tuple[str, ...]] = {}
        for p in passages:
            key = (p.doc_id, p.paragraph)
            cache.setdefault(key, p)
            tagged[key] = tuple(sorted(set(tagged.get(key, ())) | set(p.tags)))
        self._tag_cache, self._tag_names = cache, tuple(names)
        self.apply_tag_marks(tagged)

    def apply_tag_marks(self, tagged: dict[tuple[str, int], tuple[str, ...]]) -> None:
        """Mark tagged paragraphs in the reader's tree and the search results."""
        self.tagged = tagged
        reader = self.reader_screen
        doc = getattr(reader, "document", None)
        if doc is not None and reader.is_mounted:
            counts: dict[str, int] = {}
            for p in doc.paragraphs():
                if (doc.id, p.number) in tagged:
                    counts[p.section_id] = counts.get(p.section_id, 0) + 1
            reader.tree.set_tagged(counts)
            # The text: a # in the reader's gutter beside each tagged paragraph.
            reader.text.set_marks(
                "tags", (n for d, n in tagged if d == doc.id), glyph="#", style="$warning"
            )
        if self.search_screen.is_mounted:
            self.search_screen.refresh_marks()

    # -- screens ------------------------------------------------------------------------------

    def action_tags(self) -> None:
        """``#``: the tags screen."""
        from reporttui.ui.screens.tags import TagsScreen

        if not isinstance(self.screen, TagsScreen):
            self.push_screen(TagsScreen(self.session.home, self.session.library))

    def action_diff(self) -> None:
        """``D``: 对照 of the current document with another (same region, next year first)."""
        from reporttui.core.analysis.pairing import likely_partners
        from reporttui.core.labels import document_label
        from reporttui.ui.compare.picker import DocPicker

        doc_id = self._focus_doc_id()
        if doc_id is None:
            self.notify("open or highlight a document first", timeout=3)
            return
        entries = list(getattr(self, "entries", None) or [])
        if not entries:
            self.notify("the library is still loading", timeout=3)
            return
        me = next((e for e in entries if e.id == doc_id), None)
        label = document_label(me, short=True) if me else doc_id
        # The library's one document picker (the compare screen's), likely partner first.
        picker = DocPicker(
            likely_partners(doc_id, entries), None, f"对照 {label} with… (Enter picks, Esc cancels)"
        )
        self.push_screen(picker, partial(self._diff_with, doc_id))

    def _diff_with(self, doc_id: str, other: str | None) -> None:
        from reporttui.ui.screens.diff import DiffScreen

        if other:
            self.push_screen(DiffScreen(self.session.library, doc_id, other))
