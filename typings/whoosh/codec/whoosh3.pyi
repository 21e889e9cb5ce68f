from typing import Any

WHOOSH3_HEADER_MAGIC: bytes
LENGTHS_COLUMN: Any

def _lenfield(fieldname: str) -> str: ...

class W3Codec:
    length_stats: bool
    def __init__(self, blocklimit: int = ..., compression: int = ..., inlinelimit: int = ...) -> None: ...
    def __getattr__(self, name: str) -> Any: ...

class W3LeafMatcher:
    def __getattr__(self, name: str) -> Any: ...
