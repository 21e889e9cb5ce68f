from typing import Any

class WeightingModel:
    def __getattr__(self, name: str) -> Any: ...

class BaseScorer:
    def __getattr__(self, name: str) -> Any: ...

class WeightScorer(BaseScorer):
    def __init__(self, maxweight: float) -> None: ...

class BM25FScorer(BaseScorer):
    def __init__(self, searcher: Any, fieldname: str, text: Any, B: float, K1: float,
                 qf: int = ...) -> None: ...

class BM25F(WeightingModel):
    B: float
    K1: float
    def __init__(self, B: float = ..., K1: float = ..., **kwargs: Any) -> None: ...
