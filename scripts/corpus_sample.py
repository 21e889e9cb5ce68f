"""The corpus reports the mining scripts learn from: a fixed random sample of the report files
(``YYYY.md`` / ``YYYY.txt``) outside every judged ranking list, so the benchmark's figures stay
on text the mined tables never saw (gen_reworded.py, gen_indicator_forms.py, gen_quoted_terms.py).
"""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def unjudged_sample(corpus: str | Path, sample: int, seed: int) -> list[Path]:
    """``sample`` report files of ``corpus`` (all if fewer), none in a ``reports*.txt`` list."""
    files = sorted(Path(corpus).rglob("*.md")) + sorted(Path(corpus).rglob("*.txt"))
    files = [f for f in files if f.name[:4].isdigit()]
    judged = {
        line.strip()
        for lst in (ROOT / "benchmarks" / "ranking").glob("reports*.txt")
        for line in lst.read_text("utf-8").splitlines()
    }
    files = [f for f in files if f.relative_to(corpus).as_posix() not in judged]
    return random.Random(seed).sample(files, min(sample, len(files)))
