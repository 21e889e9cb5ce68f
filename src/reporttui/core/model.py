"""The document model: plain frozen dataclasses shared by every part of reporttui.

A :class:`Document` is a cleaned report: ``text`` is the cleaned text (headings and paragraphs,
one per line, joined with ``"\\n"``); every :class:`Paragraph` and every section title points into
it with character offsets, so search highlights can travel as ``(start, end)`` spans.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One body paragraph of a document."""

    number: int
    """1-based position among all body paragraphs of the document (stable for one source)."""
    text: str
    """The cleaned text of the paragraph (no line breaks)."""
    start: int
    """Offset of ``text`` in :attr:`Document.text`."""
    section_id: str
    """Id of the section the paragraph belongs to."""

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def id(self) -> str:
        return f"p{self.number}"


@dataclass(frozen=True, slots=True)
class Section:
    """A node of a document's heading tree."""

    id: str
    """Stable id within the document, ``"s0"``, ``"s1"``... in document order."""
    title: str
    """The heading as printed, numbering included ("一、2025年工作安排")."""
    level: int
    """Depth: 1 for top-level headings; 0 for an untitled preamble or a whole-document section."""
    kind: str = "heading"
    """How the heading was recognised: ``"numbered"``, ``"markdown"``, ``"title-line"``,
    ``"inline"`` (heading given at the start of a paragraph), ``"lead"`` (a parallel lead
    sentence that opens its first paragraph), ``"preamble"`` or ``"document"``."""
    paragraphs: tuple[Paragraph, ...] = ()
    """Body paragraphs directly under this heading (not those of children)."""
    children: tuple[Section, ...] = ()
    title_start: int = -1
    """Offset of ``title`` in :attr:`Document.text`; -1 when the section has no title there.
    For ``kind == "lead"`` the title lies inside the first paragraph."""
    part: str = "main"
    """``"main"`` (the report), ``"appendix"`` (numbering restarted after the report, e.g. a
    list of 民生实事) or ``"appended"`` (a block appended after the report: another article,
    a banner, a table)."""

    def walk(self) -> Iterator[Section]:
        """This section and all its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def all_paragraphs(self) -> Iterator[Paragraph]:
        """Paragraphs of this section and its descendants, in document order."""
        for section in self.walk():
            yield from section.paragraphs

    @property
    def title_end(self) -> int:
        return self.title_start + len(self.title) if self.title_start >= 0 else -1


@dataclass(frozen=True, slots=True)
class Dropped:
    """A piece of the source that cleaning removed (web chrome, masthead, markup...)."""

    text: str
    reason: str
    """Short English label: ``"web chrome"``, ``"masthead"``, ``"html tag"``, ``"markdown"``..."""
    line: int = 0
    """1-based line number in the decoded source (0 when not known)."""


@dataclass(frozen=True)
class Document:
    """A cleaned, structured report."""

    id: str
    """Short stable id derived from the source bytes (first 12 hex digits of their SHA-1)."""
    path: str
    """Source path as given (absolute for library documents)."""
    title: str
    region: str | None
    """The government that issued the report (古交市), or None when unknown."""
    year: int | None
    """The year the plan is for, or None when unknown."""
    kind: str | None
    """政府工作报告 / 计划执行情况与计划草案报告 / 新闻综述 ..., or None when unknown."""
    date: str | None
    """ISO date (YYYY-MM-DD) of the meeting or publication where present."""
    text: str
    """The cleaned text."""
    sections: tuple[Section, ...]
    """Top-level sections in document order (a preamble, the report, appendix/appended parts)."""
    dropped: tuple[Dropped, ...] = ()
    encoding: str = "utf-8"
    source_sha1: str = ""
    meta: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    """Extra facts (front-matter fields, detected layout...), free-form."""

    def walk(self) -> Iterator[Section]:
        """Every section in document order."""
        for section in self.sections:
            yield from section.walk()

    def paragraphs(self) -> list[Paragraph]:
        """All body paragraphs in document order."""
        return [p for s in self.walk() for p in s.paragraphs]

    def section(self, section_id: str) -> Section:
        for section in self.walk():
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def section_path(self, section_id: str) -> tuple[str, ...]:
        """Titles from the top-level section down to ``section_id`` (untitled levels skipped)."""

        def find(sections: tuple[Section, ...], trail: tuple[str, ...]) -> tuple[str, ...] | None:
            for s in sections:
                here = trail + ((s.title,) if s.title else ())
                if s.id == section_id:
                    return here
                found = find(s.children, here)
                if found is not None:
                    return found
            return None

        found = find(self.sections, ())
        if found is None:
            raise KeyError(section_id)
        return found

    @property
    def label(self) -> str:
        """A short human label: "太原市 2025 政府工作报告"."""
        from reporttui.core.labels import document_label

        return document_label(self)
