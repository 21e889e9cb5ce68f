from typing import Any

class Matcher:
    def __getattr__(self, name: str) -> Any: ...

class ListMatcher(Matcher):
    def __init__(self, ids: Any, weights: Any = ..., values: Any = ..., format: Any = ...,
                 scorer: Any = ..., position: int = ..., all_weights: Any = ...,
                 term: Any = ..., terminfo: Any = ...) -> None: ...

class NullMatcherClass(Matcher): ...

NullMatcher: NullMatcherClass
