"""The Textual terminal app: a thin layer over :mod:`reporttui.core` (only the CLI imports it)."""
