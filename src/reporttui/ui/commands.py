"""Command-palette providers: jump to any document, or to any section of loaded documents."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reporttui.core.display import safe_line, safe_path
from reporttui.core.labels import document_label

if TYPE_CHECKING:
    from reporttui.ui.app import ReportApp


class DocumentCommands(Provider):
    """ "Open 古交市 2025 政府工作报告 …" for every document in the library."""

    def _candidates(self) -> list[tuple[str, str, str]]:
        app = cast("ReportApp", self.app)
        found = []
        for entry in app.entries or []:
            label = document_label(entry, title=True)
            found.append((_shown(f"打开 open {label}"), entry.id, _shown(safe_path(entry.path))))
        return found

    async def discover(self) -> Hits:
        app = cast("ReportApp", self.app)
        for text, doc_id, path in self._candidates():
            yield DiscoveryHit(text, partial(app.open_document, doc_id), help=path)

    async def search(self, query: str) -> Hits:
        app = cast("ReportApp", self.app)
        matcher = self.matcher(query)
        for text, doc_id, path in self._candidates():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(app.open_document, doc_id),
                    text=text,
                    help=path,
                )


def _shown(text: str) -> str:
    """A document string as palette text (safety): controls visible, markup escaped."""
    from textual.markup import escape

    return escape(safe_line(text))


class SectionCommands(Provider):
    """ "Go to 二、2025年工作安排 › （三）…" for every section of the open and recently read documents."""

    def _candidates(self) -> list[tuple[str, str, str, str]]:
        app = cast("ReportApp", self.app)
        current = app.reader_screen.document
        found = []
        for outline in app.session.recent_outlines(current.id if current else None):
            for section_id, path in outline.sections:
                found.append(
                    (
                        _shown(f"跳到 go to {path}"),
                        outline.doc_id,
                        section_id,
                        _shown(outline.label),
                    )
                )
        return found

    async def search(self, query: str) -> Hits:
        app = cast("ReportApp", self.app)
        matcher = self.matcher(query)
        for text, doc_id, section_id, label in self._candidates():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(app.open_document, doc_id, section_id),
                    text=text,
                    help=label,
                )

    async def discover(self) -> Hits:
        app = cast("ReportApp", self.app)
        for text, doc_id, section_id, label in self._candidates()[:40]:
            yield DiscoveryHit(text, partial(app.open_document, doc_id, section_id), help=label)
