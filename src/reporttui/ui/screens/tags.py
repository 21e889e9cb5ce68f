"""The tags screen (``#``): every tag with its count by region and year; Enter lists its passages
with citations, Enter on a passage opens it in the reader; ``e`` exports (Markdown, CSV, JSON).

Reading and re-finding the passages (:meth:`TagStore.reconcile`) and exporting run in thread
workers; the screen only shows what they post back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from reporttui.core.labels import plural
from reporttui.core.library.tag_export import citation, export, write_atomically
from reporttui.core.library.tags import TagCount, TaggedPassage, TagStore
from reporttui.ui.keys import ListKeys  # j k g G space b (reader lane)
from reporttui.ui.widgets.folded import Folded  # Chinese line breaking (reader lane)

if TYPE_CHECKING:
    from reporttui.ui.app import ReportApp

SNIPPET = 150


def tag_options(counts: list[TagCount]) -> list[Option]:
    """One option per tag: name, count, then counts by region and by year."""
    options = []
    for c in counts:
        regions = " · ".join(f"{r} {n}" for r, n in list(c.by_region.items())[:6])
        years = " · ".join(f"{y or '?'} {n}" for y, n in c.by_year.items())
        head = Content.styled(f"#{c.name}", "bold $text-primary") + Content.styled(
            f"  {c.count}", "bold $text-warning"
        )
        if c.flagged:
            head += Content.styled(f"  {c.flagged} changed in source", "italic $text-error")
        options.append(Option(head + Content(f"\n    {regions}\n    {years}"), id=f"tag:{c.name}"))
    return options


def passage_options(passages: list[TaggedPassage]) -> list[Option]:
    """One option per passage: citation, snippet, note, and a flag when its source changed."""
    options = []
    for i, p in enumerate(passages):
        text = p.text if len(p.text) <= SNIPPET else p.text[:SNIPPET] + "…"
        body = Content.styled(citation(p).lstrip("—"), "$text-accent")
        if p.flagged:
            body += Content.styled(f"  [{p.status}]", "bold $text-error")
        body += Content("\n  " + text)
        if p.note:
            body += Content.styled(f"\n  笔记：{p.note}", "italic $text-success")
        others = [t for t in p.tags]
        body += Content.styled("\n  " + " ".join(f"#{t}" for t in others), "dim")
        options.append(Option(Folded(body), id=f"p:{i}"))
    return options


class ExportDialog(ModalScreen[str | None]):
    """Ask for the file to export to; the format follows its extension (.md, .csv, .json)."""

    _dismissed = False

    def _dismiss_once(self, result: str | None) -> None:
        """Dismiss once (keys typed fast may arrive after the first Enter)."""
        if not self._dismissed:
            self._dismissed = True
            self.dismiss(result)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            "Cancel",
            key_display="Esc",
            id="export.cancel",
            tooltip="Do not export",
        )
    ]

    def __init__(self, default: str) -> None:
        super().__init__()
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("export to (.md Markdown, .csv, .json) — Enter writes, Esc cancels")
            yield Input(value=self.default, id="export-path", classes="path-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _done(self, event: Input.Submitted) -> None:
        event.stop()
        self._dismiss_once(event.value.strip() or None)

    def action_cancel(self) -> None:
        self._dismiss_once(None)


class TagsScreen(ListKeys, Screen[None]):
    """Tags, then one tag's passages."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "open",
            "Open",
            id="tags.open",
            tooltip="List the tag's passages, or open the passage in the reader",
        ),
        Binding(
            "e",
            "export",
            "Export",
            id="tags.export",
            tooltip="Export the passages (all, or this tag's) to Markdown, CSV or JSON",
        ),
        Binding(
            "escape",
            "back",
            "Back",
            key_display="Esc",
            id="tags.back",
            tooltip="Back to the tag list, or close the tags screen",
        ),
    ]

    app: ReportApp

    def __init__(self, home: Path, library: Any) -> None:
        super().__init__()
        self.home = home
        self.library = library
        self.counts: list[TagCount] = []
        self.tag: str | None = None
        """The tag whose passages are listed (None: the tag list)."""
        self.passages: list[TaggedPassage] = []

    def _leave(self) -> None:
        """Close this screen, once (a second Enter or Esc typed fast must not pop another)."""
        if self.app.screen is self:
            self.app.pop_screen()

    def compose(self) -> ComposeResult:
        yield Static("标签 tags: loading…", id="tags-title")
        yield OptionList(id="tags-list")
        yield Footer(compact=True)

    @property
    def options(self) -> OptionList:
        return self.query_one("#tags-list", OptionList)

    def on_mount(self) -> None:
        self.options.focus()
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="tags-load")
    def load(self) -> None:
        """Re-find every passage in the library as it is now, then read the tags."""
        store = TagStore(self.home)
        try:
            report = store.reconcile(self.library)
            counts = store.counts()
            passages = store.passages(self.tag) if self.tag else []
        finally:
            store.close()
        self.app.call_from_thread(self._show, counts, passages, len(report.flagged))

    def _show(self, counts: list[TagCount], passages: list[TaggedPassage], flagged: int) -> None:
        self.counts = counts
        if self.tag is not None and self.tag in {c.name for c in counts}:
            self._show_passages(passages)
            return
        self.tag = None
        keep = self.options.highlighted
        self.options.clear_options()
        title = f"标签 tags: {plural(len(counts), 'tag')}"
        if flagged:
            title += f" · {flagged} passage(s) changed in their source"
        if not counts:
            title = "标签 tags: none yet — press m on a paragraph in the reader or on a search hit"
        self.query_one("#tags-title", Static).update(title)
        self.options.add_options(tag_options(counts))
        if counts:
            self.options.highlighted = min(keep or 0, len(counts) - 1)

    def _show_passages(self, passages: list[TaggedPassage]) -> None:
        self.passages = passages
        self.options.clear_options()
        self.query_one("#tags-title", Static).update(
            f"#{self.tag}: {len(passages)} passage(s) · Enter opens · e exports · Esc tags"
        )
        self.options.add_options(passage_options(passages))
        if passages:
            self.options.highlighted = 0

    @work(thread=True, exclusive=True, exit_on_error=False, group="tags-load")
    def _load_tag(self, tag: str) -> None:
        store = TagStore(self.home)
        try:
            passages = store.passages(tag)
        finally:
            store.close()
        self.app.call_from_thread(self._show_passages, passages)

    def action_open(self) -> None:
        if self.app.screen is not self:
            return
        option = self.options.highlighted_option
        if option is None or not option.id:
            return
        if option.id.startswith("tag:"):
            self.tag = option.id[4:]
            self._load_tag(self.tag)
        elif option.id.startswith("p:"):
            p = self.passages[int(option.id[2:])]
            self._leave()
            self.app.open_document(p.doc_id, p.section_id, p.paragraph)

    @on(OptionList.OptionSelected, "#tags-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_back(self) -> None:
        if self.tag is not None:
            self.tag = None
            self._show(self.counts, [], 0)
        else:
            self._leave()

    def action_export(self) -> None:
        name = self.tag or "all"
        default = str(Path.cwd() / f"reporttui-tags-{name}.md")
        self.app.push_screen(ExportDialog(default), self._export_to)

    def _export_to(self, path: str | None) -> None:
        if path:
            self._export(path, self.tag)

    @work(thread=True, exclusive=False, exit_on_error=False, group="tags-export")
    def _export(self, path_text: str, tag: str | None) -> None:
        path = Path(path_text).expanduser()
        fmt = {".md": "md", ".markdown": "md", ".csv": "csv", ".json": "json"}.get(
            path.suffix.lower()
        )
        if fmt is None:
            self.app.call_from_thread(
                self.app.notify, "name a .md, .csv or .json file", severity="error"
            )
            return
        store = TagStore(self.home)
        try:
            passages = store.passages(tag)
        finally:
            store.close()
        try:
            write_atomically(path, export(passages, fmt, tag))
        except OSError as exc:
            self.app.call_from_thread(
                self.app.notify, f"cannot write {path}: {exc.strerror or exc}", severity="error"
            )
            return
        self.app.call_from_thread(self.app.notify, f"exported {len(passages)} passage(s) to {path}")
