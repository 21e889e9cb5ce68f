"""The ``reporttui`` command line: a thin layer over :mod:`reporttui.core`."""

from reporttui.cli.main import main

__all__ = ["main"]
