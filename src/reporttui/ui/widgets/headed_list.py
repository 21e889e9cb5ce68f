"""An option list whose disabled rows head the rows below them (a document, a section, a
region): when the cursor lands on the first row under headers, the headers come into view too.

Textual's :class:`OptionList` scrolls just enough to show the highlighted option. The headers
are disabled options the cursor never lands on, so once they were above the top (the list opened
on a hit further down, then ``k`` or ``g`` went up to the first one) no key brought them back,
and the rows on screen did not say which report they came from.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets import OptionList


class HeadedOptionList(OptionList):
    """An :class:`OptionList` that shows the header rows right above the highlighted option."""

    def scroll_to_highlight(self, top: bool = False) -> None:
        highlighted = self.highlighted
        if top or highlighted is None or not self.is_mounted:
            super().scroll_to_highlight(top)
            return
        first = highlighted
        while first > 0 and self.options[first - 1].disabled:
            first -= 1
        if first == highlighted:
            super().scroll_to_highlight(top)
            return
        self._update_lines()
        try:
            y = self._index_to_line[first]
            end = self._index_to_line[highlighted] + self._heights[highlighted]
        except KeyError:
            super().scroll_to_highlight(top)
            return
        if end - y > self.scrollable_content_region.height:
            super().scroll_to_highlight(top)  # headers and row do not fit: the row wins
            return
        self.scroll_to_region(
            Region(0, y, self.scrollable_content_region.width, end - y),
            force=True,
            animate=False,
            immediate=True,
        )
