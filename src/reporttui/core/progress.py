"""How long adding / indexing files will still take: an estimate that counts the index commit.

Progress is reported once per file, but after the last file Whoosh still writes and merges the
segments, which took longer than the files themselves: adding 49 corpus reports (plus the five
seeds) took 36.5 s with one worker, the last file being done at 15.0 s (the first at 2.4 s);
with two workers 46.3 s, last file at 21.4 s. A per-file (linear) estimate was therefore 2-6x
optimistic, more so the further it got (and 1.6-2.3x on a batch of 30). The estimate here adds a
commit phase of :data:`COMMIT_FIXED` plus :data:`COMMIT_RATIO` times the per-file phase, fitted on
those three batches (a shared, loaded 2-core machine: timings vary by ±20% run to run).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

COMMIT_RATIO = 1.3
"""Seconds of commit/merge per second of per-file work (fitted on three corpus batches)."""
COMMIT_FIXED = 2.0
"""Seconds of commit/merge whatever the batch (catalogue, segment merge set-up)."""
MIN_DONE = 3
"""Files done before an estimate is offered (the first ones include start-up costs)."""


@dataclass
class Eta:
    """Feed it (done, total) as progress arrives; ask :meth:`remaining` for seconds left."""

    first: float | None = None
    """When the first file was done (start-up before it is not per-file work)."""
    last: float | None = None
    """When the latest file was done."""
    done: int = 0
    total: int = 0

    def update(self, done: int, total: int, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        if done > 0 and self.first is None:
            self.first = now
        if done != self.done:
            self.last = now
        self.done, self.total = done, total

    def remaining(self, now: float | None = None) -> float | None:
        """Seconds until the batch is written, or None while there is too little to go on."""
        now = time.monotonic() if now is None else now
        if self.first is None or self.last is None or self.done < MIN_DONE or not self.total:
            return None
        per_file = (self.last - self.first) / max(1, self.done - 1)
        files_left = per_file * max(0, self.total - self.done)
        file_phase = (self.last - self.first) + files_left
        since = max(0.0, now - self.last)
        if self.done >= self.total:
            return max(0.0, COMMIT_FIXED + COMMIT_RATIO * file_phase - since)
        return max(0.0, files_left + COMMIT_FIXED + COMMIT_RATIO * file_phase - since)


def format_seconds(seconds: float) -> str:
    """ "about 40 s", "about 3 min" (rounded: an estimate is not a stopwatch)."""
    if seconds < 60:
        return f"about {max(5, round(seconds / 5) * 5)} s"
    return f"about {round(seconds / 60)} min"
