from collections.abc import Iterator
from typing import Any

class Token:
    text: str
    pos: int
    startchar: int
    endchar: int
    boost: float
    stopped: bool
    positions: bool
    chars: bool
    removestops: bool
    mode: str
    def __init__(
        self, positions: bool = ..., chars: bool = ..., removestops: bool = ..., mode: str = ...,
        **kwargs: Any,
    ) -> None: ...
    def __getattr__(self, name: str) -> Any: ...

class Composable:
    def __or__(self, other: Any) -> Any: ...

class Tokenizer(Composable):
    def __call__(self, value: str, **kwargs: Any) -> Iterator[Token]: ...
