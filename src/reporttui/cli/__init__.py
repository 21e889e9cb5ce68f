"""The ``reporttui`` command line: a thin layer over :mod:`reporttui.core`."""

import gc as _gc

# process (issue 11): importing the command line (click, the core's display helpers) makes ~25
# collections of the young generation (~11 ms of a one-shot `reporttui search` on this
# machine) that free next to nothing: the collector is off while it imports, then back as it
# was (a one-shot command then turns it off for good in `main`).
_collecting = _gc.isenabled()
_gc.disable()
try:
    from reporttui.cli.main import main
finally:
    if _collecting:
        _gc.enable()

__all__ = ["main"]
