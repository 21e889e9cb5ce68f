"""The 对照 screen: two reports clause by clause, interleaved (fits 80 columns), keyboard only.

Each row is a clause: unchanged ones once (dim), changed ones as an A line (``-``, what changed
in red) over a B line (``+``, in green), removed and added ones on their own. ``n``/``N`` jump
to the next/previous change, ``]``/``[`` to the next/previous passage, ``s`` swaps the sides,
Enter opens the clause's paragraph in the reader. The diff is computed in a thread worker
(:func:`reporttui.core.analysis.diff.diff_documents`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from reporttui.core.analysis.diff import ADDED, REMOVED, SAME, ClauseDiff, DocumentDiff
from reporttui.ui.keys import ListKeys  # j k g G space b (reader lane)
from reporttui.ui.widgets.folded import Folded  # Chinese line breaking (reader lane)

if TYPE_CHECKING:
    from reporttui.ui.app import ReportApp

GAP = "‸"

CHANGE = Binding.Group("Change")
PASSAGE = Binding.Group("Passage")


def marked(text: str, spans: tuple[tuple[int, int], ...], style: str, gap_style: str) -> Content:
    """``text`` with its changed spans styled (a zero-width span shows as ‸)."""
    out = Content("")
    at = 0
    for s, e in spans:
        out += Content(text[at:s])
        out += Content.styled(GAP, gap_style) if s == e else Content.styled(text[s:e], style)
        at = e
    return out + Content(text[at:])


A_STYLE = "bold $text-error reverse"
B_STYLE = "bold $text-success reverse"


def row_prompt(row: ClauseDiff) -> Content:
    """One clause row as shown: one line for a same/added/removed clause, two for a changed one."""
    if row.kind == SAME and row.a is not None:
        return Content.styled("  " + row.a.text, "dim")
    parts: list[Content] = []
    if row.kind != ADDED and row.a is not None:
        body = (
            Content.styled(row.a.text, "$text-error strike")
            if row.kind == REMOVED
            else marked(row.a.text, row.a_spans, A_STYLE, "bold $text-error")
        )
        parts.append(Content.styled("- ", "bold $text-error") + body)
    if row.kind != REMOVED and row.b is not None:
        body = (
            Content.styled(row.b.text, "$text-success")
            if row.kind == ADDED
            else marked(row.b.text, row.b_spans, B_STYLE, "bold $text-success")
        )
        parts.append(Content.styled("+ ", "bold $text-success") + body)
    return Content("\n").join(parts)


def diff_options(diff: DocumentDiff) -> tuple[list[Option], list[int], list[int]]:
    """Options, the indexes of change rows, and the indexes of passage headers."""
    options: list[Option] = []
    changes: list[int] = []
    headers: list[int] = []
    for k, passage in enumerate(diff.passages):
        headers.append(len(options))
        head = Content.styled(f"{passage.label}", "bold $text-primary") + Content.styled(
            f"  {passage.changes}/{len(passage.rows)} changed", "$text-warning"
        )
        head += Content.styled(f"\nA {passage.a_title or '-'}\nB {passage.b_title or '-'}", "dim")
        options.append(Option(head, id=f"h:{k}"))
        for i, row in enumerate(passage.rows):
            if row.kind != SAME:
                changes.append(len(options))
            options.append(Option(Folded(row_prompt(row)), id=f"r:{k}:{i}"))
    return options, changes, headers


class DiffScreen(ListKeys, Screen[None]):
    """A over B, clause by clause."""

    # The footer (compact) fits 80 columns: n N Change, ] [ Passage, s Swap, Enter Open, Esc Back.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n",
            "next_change(1)",
            "Next change",
            id="diff.next",
            group=CHANGE,
            tooltip="Jump to the next changed clause",
        ),
        Binding(
            "N",
            "next_change(-1)",
            "Prev change",
            id="diff.previous",
            group=CHANGE,
            key_display="N",
            tooltip="Jump to the previous changed clause",
        ),
        Binding(
            "right_square_bracket",
            "next_passage(1)",
            "Next passage",
            id="diff.next_passage",
            group=PASSAGE,
            key_display="]",
            tooltip="Jump to the next passage (target passage, themes)",
        ),
        Binding(
            "left_square_bracket",
            "next_passage(-1)",
            "Prev passage",
            id="diff.previous_passage",
            group=PASSAGE,
            key_display="[",
            tooltip="Jump to the previous passage",
        ),
        Binding("s", "swap", "Swap", id="diff.swap", tooltip="Swap the two reports"),
        Binding(
            "enter",
            "open",
            "Open",
            id="diff.open",
            tooltip="Open the clause's paragraph in the reader (B, or A for a removed clause)",
        ),
        Binding(
            "escape",
            "close",
            "Back",
            id="diff.back",
            key_display="Esc",
            tooltip="Close the 对照 view",
        ),
    ]

    app: ReportApp

    def __init__(self, library: Any, doc_a: str, doc_b: str) -> None:
        super().__init__()
        self.library = library
        self.doc_a, self.doc_b = doc_a, doc_b
        self.diff: DocumentDiff | None = None
        self.changes: list[int] = []
        self.headers: list[int] = []

    def _leave(self) -> None:
        """Close this screen, once (a second Enter or Esc typed fast must not pop another)."""
        if self.app.screen is self:
            self.app.pop_screen()

    def compose(self) -> ComposeResult:
        yield Static("对照: aligning…", id="diff-title")
        yield OptionList(id="diff-rows")
        yield Static("", id="diff-status")
        yield Footer(compact=True)

    @property
    def rows(self) -> OptionList:
        return self.query_one("#diff-rows", OptionList)

    def on_mount(self) -> None:
        self.rows.focus()
        self.compute(self.doc_a, self.doc_b)

    @work(thread=True, exclusive=True, exit_on_error=False, group="diff")
    def compute(self, doc_a: str, doc_b: str) -> None:
        from reporttui.core.analysis.diff import diff_documents
        from reporttui.core.errors import ReportError

        try:
            a, b = self.app.session.document(doc_a), self.app.session.document(doc_b)
            diff = diff_documents(a, b)
        except (ReportError, OSError, KeyError) as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._show, diff)

    def _failed(self, error: str) -> None:
        self.query_one("#diff-title", Static).update(
            Content.styled(f"对照: {error}", "bold $text-error")
        )

    def _show(self, diff: DocumentDiff) -> None:
        self.diff = diff
        options, self.changes, self.headers = diff_options(diff)
        self.rows.clear_options()
        self.rows.add_options(options)
        title = Content.styled("对照 ", "bold") + Content(f"A {diff.a.label} ⇄ B {diff.b.label}")
        self.query_one("#diff-title", Static).update(title)
        if not diff.passages:
            self.query_one("#diff-status", Static).update("no target passage or shared theme found")
            return
        self.rows.highlighted = self.changes[0] if self.changes else 0
        self._status()

    def _status(self) -> None:
        if self.diff is None:
            return
        at = self.rows.highlighted or 0
        k = sum(1 for c in self.changes if c <= at)
        passage = sum(1 for h in self.headers if h <= at)
        label = self.diff.passages[passage - 1].label if passage else ""
        self.query_one("#diff-status", Static).update(
            f"change {k}/{len(self.changes)} · passage {passage}/{len(self.headers)} {label}"
            " · n/N change · ]/[ passage · s swap"
        )

    @on(OptionList.OptionHighlighted, "#diff-rows")
    def _moved(self) -> None:
        self._status()

    def action_next_change(self, delta: int) -> None:
        self._jump(self.changes, delta)

    def action_next_passage(self, delta: int) -> None:
        self._jump(self.headers, delta)

    def _jump(self, marks: list[int], delta: int) -> None:
        if not marks:
            return
        at = self.rows.highlighted if self.rows.highlighted is not None else -1
        if delta > 0:
            later = [m for m in marks if m > at]
            target = later[0] if later else marks[0]
        else:
            earlier = [m for m in marks if m < at]
            target = earlier[-1] if earlier else marks[-1]
        self.rows.highlighted = target
        self.rows.scroll_to_highlight(top=True)

    def action_swap(self) -> None:
        self.doc_a, self.doc_b = self.doc_b, self.doc_a
        self.query_one("#diff-title", Static).update("对照: aligning…")
        self.compute(self.doc_a, self.doc_b)

    def action_open(self) -> None:
        if self.app.screen is not self:
            return
        option = self.rows.highlighted_option
        if self.diff is None or option is None or not option.id or not option.id.startswith("r:"):
            return
        _, k, i = option.id.split(":")
        row = self.diff.passages[int(k)].rows[int(i)]
        doc, clause = (self.diff.b, row.b) if row.b is not None else (self.diff.a, row.a)
        if clause is None:
            return
        paragraph = next((p for p in doc.paragraphs() if p.number == clause.paragraph), None)
        self._leave()
        self.app.open_document(
            doc.id, paragraph.section_id if paragraph else None, clause.paragraph
        )

    @on(OptionList.OptionSelected, "#diff-rows")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_close(self) -> None:
        self._leave()
