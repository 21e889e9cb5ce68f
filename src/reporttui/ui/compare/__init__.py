"""The compare screens: two plans side by side, the targets table, keyword bars.

The app pushes :class:`CompareScreen`, :class:`TargetsScreen` or :class:`KeywordScreen` and handles
:class:`OpenSection` (posted when the reader asks to open a section) by showing it in its reader.
"""

from reporttui.ui.compare.compare_screen import CompareScreen, SectionBlock
from reporttui.ui.compare.keyword_bars import KeywordBars, KeywordScreen
from reporttui.ui.compare.messages import OpenSection
from reporttui.ui.compare.targets_screen import TargetsScreen

__all__ = [
    "CompareScreen",
    "KeywordBars",
    "KeywordScreen",
    "OpenSection",
    "SectionBlock",
    "TargetsScreen",
]
