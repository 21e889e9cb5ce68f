"""Text folded by the core's Chinese line breaker at whatever width it is drawn.

Textual wraps Content at spaces and cuts a CJK run anywhere, so a line may start with 。，：
and 22.0% may be split. :class:`Folded` wraps a Content and, for each width it is measured or
drawn at, cuts every line with :func:`reporttui.core.text.linebreak.break_lines` first; the
lines then fit and Textual has nothing left to wrap. Use it as any Static's content:
``Static(Folded(content))``.
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from reporttui.core.text.linebreak import break_lines


def fold(content: Content, width: int) -> Content:
    """``content`` with each of its lines cut to at most ``width`` cells (Chinese rules); a line's
    leading spaces are kept and indent its continuation lines too (a hanging indent)."""
    if width <= 0:
        return content
    out: list[Content] = []
    for line in content.split("\n"):
        plain = line.plain
        indent = len(plain) - len(plain.lstrip(" "))
        if width - indent < 8:
            indent = 0
        pad, body = line[:indent], line[indent:]
        spans = break_lines(body.plain, width - indent)
        if not spans:
            out.append(pad)
        else:
            out.extend(pad + body[start:end] for start, end in spans)
    return Content("\n").join(out)


class Folded(Visual):
    """A Content drawn folded by the Chinese line breaker at the width it is given."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._cache: tuple[int, Content] | None = None

    def _at(self, width: int) -> Content:
        if self._cache is None or self._cache[0] != width:
            self._cache = (width, fold(self.content, width))
        return self._cache[1]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self._at(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._at(width).get_height(rules, width)

    @property
    def plain(self) -> str:
        """The unfolded text (tests and snapshots read it)."""
        return self.content.plain

    def __str__(self) -> str:
        return self.content.plain
