"""The one place where character spans become styled text.

Styles use theme variables (resolved by Textual at render time), plus bold/underline so hits stay
visible in 16-colour and NO_COLOR terminals.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content

from reporttui.core.display import safe, safe_line

Span = tuple[int, int]

HIT_STYLE = "bold underline $text-warning on $warning-muted"
"""Every occurrence of a query term."""
CURRENT_HIT_STYLE = "bold italic $background on $warning"
"""The occurrence the reader jumped to."""
LEAD_STYLE = "bold $text-accent"
"""A lead sentence that serves as a paragraph's heading (交城's 突出……。 measures)."""
SHARED_STYLE = "bold $text-success"
"""Compare: terms both sides of a theme row use."""
ONLY_STYLE = "underline $text-warning"
"""Compare: terms found on this side of the row only."""


def marked(
    text: str,
    spans: Iterable[Span] = (),
    *,
    current: Span | None = None,
    lead: Span | None = None,
) -> Content:
    """``text`` with hit spans, the current hit and a lead sentence styled.

    Control characters from the document are shown, never sent to the terminal (``safe`` keeps
    the length, so the spans still apply).
    """
    content = Content(safe(text))
    if lead is not None and lead[1] > lead[0]:
        content = content.stylize(LEAD_STYLE, *lead)
    for start, end in spans:
        if end > start:
            content = content.stylize(HIT_STYLE, start, end)
    if current is not None and current[1] > current[0]:
        content = content.stylize(CURRENT_HIT_STYLE, *current)
    return content


def snippet(text: str, spans: Iterable[Span], prefix: str = "", width: int = 0) -> Content:
    """A search-result snippet with its spans highlighted, hung under a prefix ("¶12").

    Textual wraps at spaces and moves an unbreakable word (a whole CJK sentence) to the next line,
    so with ``width`` the snippet is folded here by cells and every line indented past the prefix.
    """
    body = marked(text, spans)
    if not prefix:
        return body
    return hanging(Content.styled(prefix, "dim") + Content(" "), body, width)


def plain(text: str | None, style: str = "") -> Content:
    """A one-line document string (title, heading, region, file name) as Content, made safe."""
    return Content.styled(safe_line(text), style) if style else Content(safe_line(text))


def hanging(head: Content, body: Content, width: int) -> Content:
    """``head`` then ``body`` folded to ``width`` cells, continuation lines indented under it.

    Folded by the core's Chinese line breaker: no line starts with 。，、” or splits 22.0%.
    """
    from reporttui.core.text.linebreak import break_lines

    indent = head.cell_length
    if width <= indent + 8:
        return head + body
    lines = [body[start:end] for start, end in break_lines(body.plain, width - indent)]
    if not lines:
        return head
    pad = Content(" " * indent)
    return Content("\n").join([head + lines[0], *(pad + line for line in lines[1:])])


def highlight(text: str, shared: Iterable[str], only: Iterable[str], base: str = "") -> Content:
    """Compare: ``text`` with shared terms and one-side-only terms styled."""
    from reporttui.core.terms import term_spans as find_terms

    shared_set, only_set = set(shared), set(only)
    content = Content(safe(text))  # controls shown, same length: the spans still apply
    if base:
        content = content.stylize(base)
    for start, end, term in find_terms(text, shared_set | only_set):
        content = content.stylize(SHARED_STYLE if term in shared_set else ONLY_STYLE, start, end)
    return content
