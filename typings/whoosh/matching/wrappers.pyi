from typing import Any

from whoosh.matching import Matcher

class FilterMatcher(Matcher):
    def __init__(self, child: Any, ids: Any, exclude: bool = ..., boost: float = ...) -> None: ...
