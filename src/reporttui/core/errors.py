"""Errors the core raises on bad input; the CLI prints them as one line."""

from __future__ import annotations


class ReportError(Exception):
    """A problem with user input (a file, a query, a library) worth one clear line.

    The message is complete on its own ("cannot decode FILE: ..."); callers print it as is.
    """


class ReportFileError(ReportError):
    """A report file could not be read or decoded."""
